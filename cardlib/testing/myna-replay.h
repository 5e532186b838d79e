/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * myna-replay.h — a transport that answers from a recorded script, for tests and the fuzz
 * corpus. Part of kakanai's test-only library (cardlib/testing, CMake target myna_testing),
 * never of the installed libkakanai-myna: it plugs into the library's transport seam
 * (myna_transport_new) like any other implementation.
 */
#ifndef MYNA_REPLAY_H
#define MYNA_REPLAY_H

#include "myna.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Longest script accepted (bytes). */
#define MYNA_REPLAY_MAX (1024u * 1024u)

/* Replay: answer commands from a recorded script and fail (MYNA_E_TRANSPORT) on any command
 * that differs from the recording, and on any command after the last. Script format, one
 * exchange per two lines:
 *   "> 00A4040C0AD3921000310001010408\n< 9000\n"  (hex, blanks between bytes, '#' comments,
 *   blank lines allowed; a command 4..MYNA_APDU_MAX bytes, a response 2..MYNA_RESP_MAX).
 * MYNA_E_ARG for a malformed script or one longer than MYNA_REPLAY_MAX bytes; MYNA_E_NOMEM.
 * The script is copied (into locked memory): the caller keeps and frees its own. Free the
 * transport with myna_transport_free, unless a myna_card took it. */
myna_err myna_transport_replay_new(const char *script, size_t len, myna_transport **out);

/* Replay extras: a response line may also be "< !removed", "< !reader", "< !noservice",
 * "< !transport" or "< !nocard" (the transmit fails with MYNA_E_CARD_REMOVED, MYNA_E_READER,
 * MYNA_E_NO_SERVICE, MYNA_E_TRANSPORT, MYNA_E_NO_CARD), and "> *" matches any command.
 * Exchanges not yet consumed (0 when t is not a replay): tests check a script ran to the end. */
size_t myna_transport_replay_left(const myna_transport *t);

#ifdef __cplusplus
}
#endif
#endif /* MYNA_REPLAY_H */
