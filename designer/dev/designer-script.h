/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * designer-script.h — drives the studio's window from a script, for the GUI tests and the
 * preview benchmark. Test machinery: built only into the non-installed kakanai-designer-dev.
 *
 * One command per line ('#' comments): open PATH · select KIND [NAME] · drag DX DY (mm, from
 * the selected object's middle) · resize DW DH (by its corner handle) · set KEY VALUE (as the
 * property panel does) · pick EXPRESSION (the value picker) · resident N · undo · redo ·
 * save [PATH] · sign KEY.pem · expect-value KEY VALUE (of the selected object) ·
 * expect-geometry X Y W H · expect-problems N · expect-problems-at-least N ·
 * screenshot PNG · bench N (N nudges, prints the preview's p50/p95 ms) · quit.
 * The first failing command prints "FAIL: line N: …" and the process exits with status 1.
 */
#ifndef DESIGNER_SCRIPT_H
#define DESIGNER_SCRIPT_H

#include "designer-window.h"

/* Start running the script file on win (called from the window's map hook). */
void dz_script_start(DzWindow *win, const char *path);

#endif /* DESIGNER_SCRIPT_H */
