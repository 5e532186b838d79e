# SPDX-FileCopyrightText: 2026 The kakanai authors
# SPDX-License-Identifier: MIT
# The warnings the code is kept clean of, everywhere in the tree. Symbols are hidden unless
# exported with the library's export macro (MYNA_EXPORT, FORM_EXPORT).
#
# Warnings become errors only where KAKANAI_WERROR is on: the project's CI and development builds
# (scripts/test.sh, scripts/demo.sh, .ci/build-matrix.sh). Distributions and vendors build with
# their own flags and newer compilers, whose new warnings must not break their build.
option(KAKANAI_WERROR "Treat warnings as errors (CI and development builds)" OFF)
if(KAKANAI_WERROR)
  add_compile_options(-Werror)
endif()
add_compile_options(
  -Wall -Wextra -Wformat=2 -Wshadow -Wpointer-arith -Wstrict-prototypes
  -Wmissing-prototypes -Wvla -Wundef -Wno-unused-parameter
  -fvisibility=hidden -fstack-protector-strong)
add_compile_definitions(_FORTIFY_SOURCE=2 _GNU_SOURCE)

if(KAKANAI_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=address,undefined)
endif()
