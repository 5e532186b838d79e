/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * kiosk-stack-scrub.h — wipe what deep calls left on the calling thread's stack.
 *
 * Frames that returned leave their locals below the stack pointer (a PIN digit being
 * formatted, a name being measured by Pango). After a session is wiped the UI thread scrubs
 * the next KIOSK_STACK_SCRUB_BYTES below its current frame, the way libsodium's
 * sodium_stackzero does: a function that is never inlined zeroes a large local buffer.
 * Call it from a shallow frame (an idle callback of the main loop) so that the deep frames
 * of the session lie inside the buffer.
 */
#ifndef KIOSK_STACK_SCRUB_H
#define KIOSK_STACK_SCRUB_H

#define KIOSK_STACK_SCRUB_BYTES (256u * 1024u) /* well inside the main thread's 8 MiB */

void kiosk_stack_scrub(void);

#endif
