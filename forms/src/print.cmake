# SPDX-FileCopyrightText: 2026 The kakanai authors
# SPDX-License-Identifier: MIT
# print.cmake — printing through CUPS (form-print.c), included by forms/CMakeLists.txt.
# Adds the module to forms_obj and links libcups (Debian 12: libcups2-dev, CUPS 2.4) into the
# libraries built from it. Debian 12's libcups2-dev ships no cups.pc (only cups-config), so
# pkg-config is tried first and the library and header are looked up directly otherwise.
if(NOT TARGET kakanai_cups)
  add_library(kakanai_cups INTERFACE IMPORTED GLOBAL)
  pkg_check_modules(KAKANAI_CUPS QUIET IMPORTED_TARGET cups>=2.3)
  if(KAKANAI_CUPS_FOUND)
    target_link_libraries(kakanai_cups INTERFACE PkgConfig::KAKANAI_CUPS)
  else()
    find_library(KAKANAI_CUPS_LIBRARY cups REQUIRED)
    find_path(KAKANAI_CUPS_INCLUDE cups/cups.h REQUIRED)
    target_link_libraries(kakanai_cups INTERFACE ${KAKANAI_CUPS_LIBRARY})
    target_include_directories(kakanai_cups INTERFACE ${KAKANAI_CUPS_INCLUDE})
  endif()
endif()
target_sources(forms_obj PRIVATE ${CMAKE_CURRENT_LIST_DIR}/form-print.c
  ${CMAKE_CURRENT_LIST_DIR}/form-print-purge.c)
target_link_libraries(forms_obj PRIVATE kakanai_cups)
if(TARGET forms)
  target_link_libraries(forms PRIVATE kakanai_cups)
endif()
if(TARGET forms_static)
  # Programs linking the static library need libcups themselves.
  target_link_libraries(forms_static PUBLIC kakanai_cups)
endif()
