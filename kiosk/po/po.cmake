# SPDX-FileCopyrightText: 2026 The kakanai authors
# SPDX-License-Identifier: MIT
# The kiosk's catalogues (msgids are English): each .po compiled into the build tree's locale
# dir for tests and `--lang`, and installed. Sets KIOSK_LOCALEDIR_BUILD and the target kiosk-mo.
# ja.po comes from po/mkpo.py, the seven others from po/mkpo-langs.py.
set(KIOSK_LANGUAGES ja zh ko vi fil pt_BR ne id)
set(KIOSK_LOCALEDIR_BUILD ${CMAKE_CURRENT_BINARY_DIR}/locale)
set(KIOSK_MO_FILES)
foreach(lang ${KIOSK_LANGUAGES})
  set(mo ${KIOSK_LOCALEDIR_BUILD}/${lang}/LC_MESSAGES/kakanai-kiosk.mo)
  add_custom_command(
    OUTPUT ${mo}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${KIOSK_LOCALEDIR_BUILD}/${lang}/LC_MESSAGES
    COMMAND ${MSGFMT} --check -o ${mo} ${CMAKE_CURRENT_SOURCE_DIR}/po/${lang}.po
    DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/po/${lang}.po
    COMMENT "Compiling the kiosk's ${lang} catalogue")
  list(APPEND KIOSK_MO_FILES ${mo})
  install(FILES ${mo} DESTINATION ${CMAKE_INSTALL_LOCALEDIR}/${lang}/LC_MESSAGES)
endforeach()
add_custom_target(kiosk-mo ALL DEPENDS ${KIOSK_MO_FILES})
