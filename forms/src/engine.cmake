# SPDX-FileCopyrightText: 2026 The kakanai authors
# SPDX-License-Identifier: MIT
# engine.cmake — the typesetting engine of forms/ (form-pdf*.c, form-font.c, form-subset.c) and
# the libraries it needs. Included by forms/CMakeLists.txt after it defines forms_obj, forms
# and forms_static.
pkg_check_modules(FORMS_ENGINE REQUIRED IMPORTED_TARGET
  harfbuzz freetype2 libqrencode)
# libharu has no pkg-config file on Debian.
find_library(HPDF_LIBRARY NAMES hpdf REQUIRED)
find_path(HPDF_INCLUDE_DIR hpdf.h REQUIRED)
find_library(MATH_LIBRARY m)
find_package(Threads REQUIRED)

target_sources(forms_obj PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/form-pdf.c
  ${CMAKE_CURRENT_LIST_DIR}/form-pdf-mem.c
  ${CMAKE_CURRENT_LIST_DIR}/form-pdf-ops.c
  ${CMAKE_CURRENT_LIST_DIR}/form-pdf-shape.c
  ${CMAKE_CURRENT_LIST_DIR}/form-pdf-vertical.c
  ${CMAKE_CURRENT_LIST_DIR}/form-pdf-break.c
  ${CMAKE_CURRENT_LIST_DIR}/form-pdf-fit.c
  ${CMAKE_CURRENT_LIST_DIR}/form-pdf-text.c
  ${CMAKE_CURRENT_LIST_DIR}/form-pdf-embed.c
  ${CMAKE_CURRENT_LIST_DIR}/form-pdf-draw.c
  ${CMAKE_CURRENT_LIST_DIR}/form-pdf-qr.c
  ${CMAKE_CURRENT_LIST_DIR}/form-pdf-preview.c
  ${CMAKE_CURRENT_LIST_DIR}/form-pdf-xobject.c
  ${CMAKE_CURRENT_LIST_DIR}/form-font.c
  ${CMAKE_CURRENT_LIST_DIR}/form-subset.c)
target_include_directories(forms_obj PRIVATE ${HPDF_INCLUDE_DIR})
target_link_libraries(forms_obj PUBLIC PkgConfig::FORMS_ENGINE)
foreach(t forms forms_static)
  target_link_libraries(${t} PRIVATE PkgConfig::FORMS_ENGINE ${HPDF_LIBRARY} Threads::Threads)
  if(MATH_LIBRARY)
    target_link_libraries(${t} PRIVATE ${MATH_LIBRARY})
  endif()
endforeach()
