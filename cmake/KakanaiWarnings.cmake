# SPDX-FileCopyrightText: 2026 The kakanai authors
# SPDX-License-Identifier: MIT
# Warnings are errors, everywhere in the tree. Symbols are hidden unless exported
# with the library's export macro (MYNA_EXPORT, FORM_EXPORT).
add_compile_options(
  -Wall -Wextra -Werror -Wformat=2 -Wshadow -Wpointer-arith -Wstrict-prototypes
  -Wmissing-prototypes -Wvla -Wundef -Wno-unused-parameter
  -fvisibility=hidden -fstack-protector-strong)
add_compile_definitions(_FORTIFY_SOURCE=2 _GNU_SOURCE)

if(KAKANAI_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=address,undefined)
endif()
if(KAKANAI_LEAKY)
  add_compile_definitions(KAKANAI_LEAKY=1)
endif()
