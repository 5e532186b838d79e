# SPDX-FileCopyrightText: 2026 The kakanai authors
# SPDX-License-Identifier: MIT
# GUI tests: the kiosk under Xvfb, driven by --script (see tests/kiosk/gui): kakanai-kiosk-dev,
# the installed kiosk's code plus the test-only virtual card and script runner (kiosk/dev/).
find_program(XVFB_RUN xvfb-run)
if(NOT XVFB_RUN)
  message(STATUS "kiosk: xvfb-run missing, GUI tests not registered")
  return()
endif()
foreach(c walk touches fullscreen pull idle pin staff printer cups log nodisplay keypad keypad-all pinpad)
  add_test(NAME kiosk-gui-${c}
    COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/gui/run-gui.sh ${c} $<TARGET_FILE:kakanai-kiosk-dev>
            ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_BINARY_DIR}/gui)
  set_tests_properties(kiosk-gui-${c} PROPERTIES
    LABELS "kiosk;gui" TIMEOUT 240 SKIP_RETURN_CODE 77)
endforeach()
set_tests_properties(kiosk-gui-walk kiosk-gui-keypad-all PROPERTIES TIMEOUT 300)

# The engine with the in-process virtual card (no display needed).
add_executable(test-kiosk-engine engine/test-kiosk-engine.c)
target_link_libraries(test-kiosk-engine PRIVATE kiosk_dev PkgConfig::KIOSK_CMOCKA)
target_compile_definitions(test-kiosk-engine PRIVATE KIOSK_TEST_SRC="${PROJECT_SOURCE_DIR}")
add_test(NAME kiosk-engine COMMAND test-kiosk-engine)
set_tests_properties(kiosk-engine PROPERTIES LABELS "kiosk;unit" TIMEOUT 60 SKIP_RETURN_CODE 77)

# Widget tests: each screen built, driven, checked, finalized.
add_executable(test-kiosk-widgets widgets/test-kiosk-widgets.c)
target_link_libraries(test-kiosk-widgets PRIVATE kiosk_dev PkgConfig::KIOSK_CMOCKA)
add_test(NAME kiosk-widgets
  COMMAND ${XVFB_RUN} -a -s "-screen 0 1920x1080x24" $<TARGET_FILE:test-kiosk-widgets>)
set_tests_properties(kiosk-widgets PROPERTIES LABELS "kiosk;gui" TIMEOUT 60
  ENVIRONMENT "GSK_RENDERER=cairo;NO_AT_BRIDGE=1;GDK_BACKEND=x11;KAKANAI_TEMPLATES=${PROJECT_SOURCE_DIR}/templates")

# Through a real pcscd and the vcard program (SIGUSR1 pulls the card), once it exists.
if(TARGET kakanai-vcard)
  add_test(NAME kiosk-gui-pcscd
    COMMAND ${PROJECT_SOURCE_DIR}/tests/lib/with-pcscd.sh
            ${CMAKE_CURRENT_SOURCE_DIR}/gui/run-pcscd.sh $<TARGET_FILE:kakanai-kiosk-dev>
            $<TARGET_FILE:kakanai-vcard> ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_BINARY_DIR}/gui)
  set_tests_properties(kiosk-gui-pcscd PROPERTIES LABELS "kiosk;gui" TIMEOUT 240
    SKIP_RETURN_CODE 77)
endif()

# A stop signal (systemd SIGTERM, cage SIGHUP) mid-session: clean exit through the wiping teardown.
foreach(sig TERM HUP)
  add_test(NAME kiosk-gui-sig${sig}
    COMMAND ${XVFB_RUN} -a -s "-screen 0 1280x800x24" ${CMAKE_CURRENT_SOURCE_DIR}/gui/sigterm.sh
            $<TARGET_FILE:kakanai-kiosk-dev> ${PROJECT_SOURCE_DIR} ${sig})
  set_tests_properties(kiosk-gui-sig${sig} PROPERTIES LABELS "kiosk;gui" TIMEOUT 60)
endforeach()

# require-signed: unsigned / altered bundles refused with a reason, a signed one offered.
if(TARGET kakanai-form)
  add_test(NAME kiosk-signed-templates
    COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/signed-templates.sh $<TARGET_FILE:kakanai-kiosk>
            $<TARGET_FILE:kakanai-form> ${PROJECT_SOURCE_DIR})
  set_tests_properties(kiosk-signed-templates PROPERTIES LABELS "kiosk;unit" TIMEOUT 60)
endif()
