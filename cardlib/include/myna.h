/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * myna.h — read the My Number card's text-attribute application (券面事項入力補助AP).
 *
 * The public interface of kakanai's card library. Reading order for a session:
 *
 *   myna_secure_init()                       once per process: locked memory for secrets
 *   myna_ctx_new()                           one per thread (PC/SC rule)
 *   myna_ctx_wait_card()                     block until a card is present (cancellable)
 *   myna_transport_pcsc_open()               or any transport made with myna_transport_new()
 *   myna_card_open()                         SELECT the Kenhojo AP
 *   myna_card_pin_tries()                    tries left, never spends one
 *   myna_card_verify_pin()                   only with a PIN the resident typed
 *   myna_card_read_attrs()                   the four attributes (+ number only if asked)
 *   myna_attrs_free()                        wipes every byte
 *   myna_card_free()
 *
 * Every function that can fail returns a myna_err; myna_strerror() gives a sentence for it.
 * Raw detail (the last status word, the last PC/SC code) stays on the handle. Nothing here
 * logs. Every handle's free function accepts NULL. A function with an output handle or string
 * (**out) sets it to NULL first and fills it only on MYNA_OK, unless its comment says
 * otherwise; what it returns there belongs to the caller, who frees it as the comment says.
 * MYNA_E_ARG always means a NULL or out-of-range argument (nothing was sent to a card).
 */
#ifndef MYNA_H
#define MYNA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(MYNA_BUILDING)
#define MYNA_EXPORT __attribute__((visibility("default")))
#else
#define MYNA_EXPORT
#endif

/* ---- errors -------------------------------------------------------------------------- */

typedef enum myna_err {
    MYNA_OK = 0,

    /* 1xx: the caller or this process */
    MYNA_E_ARG = 100, /* a NULL or out-of-range argument */
    MYNA_E_NOMEM,     /* out of memory, or the locked heap is full */
    MYNA_E_MLOCK,     /* locked (unswappable, undumpable) memory is not available */
    MYNA_E_CANCELLED, /* myna_ctx_cancel() woke the wait */
    MYNA_E_TIMEOUT,   /* nothing happened within the time asked for */
    MYNA_E_PROFILE,   /* a virtual card profile file is unreadable or invalid */

    /* 2xx: PC/SC service, reader, transport */
    MYNA_E_NO_SERVICE = 200, /* pcscd is not running or was restarted */
    MYNA_E_NO_READER,        /* no reader (or none matching the filter) is connected */
    MYNA_E_READER,           /* the reader failed or was unplugged */
    MYNA_E_NO_CARD,          /* the reader holds no card */
    MYNA_E_CARD_REMOVED,     /* the card was pulled during the session */
    MYNA_E_TRANSPORT,        /* any other transmit failure; nothing was retried */
    MYNA_E_PINPAD,           /* the reader's PIN pad refused the request; nothing reached the card */

    /* 3xx: the card */
    MYNA_E_NOT_MYNA = 300, /* the card has no Kenhojo AP: not a My Number card */
    MYNA_E_CARD,           /* the card answered an unexpected status word */
    MYNA_E_BAD_DATA,       /* the card's data is malformed (bounds, TLV, encoding) */
    MYNA_E_NOT_VERIFIED,   /* a read was refused: PIN not verified (6982) */
    MYNA_E_AUTH_DATA,      /* the data does not match the card's digests */

    /* 4xx: PIN and 照合番号B; tries left are on the handle (myna_card_tries_left) */
    MYNA_E_PIN_FORMAT = 400, /* not 4 ASCII digits (照合番号B: not 14 digits); nothing sent */
    MYNA_E_PIN_WRONG,        /* wrong; two or more tries remain */
    MYNA_E_PIN_LAST_TRY,     /* wrong; exactly one try remains: warn before the next */
    MYNA_E_PIN_BLOCKED,      /* 63C0 / 6983: blocked; no VERIFY is ever sent again */
} myna_err;

/* A short sentence (English) for an error; never NULL, static storage ("Unknown error." for a
 * value outside the enum). */
MYNA_EXPORT const char *myna_strerror(myna_err err);
/* A stable identifier such as "MYNA_E_PIN_WRONG", for logs and the CLI's JSON; never NULL,
 * static storage ("MYNA_E_UNKNOWN" for a value outside the enum). */
MYNA_EXPORT const char *myna_err_name(myna_err err);

/* ---- locked memory ------------------------------------------------------------------- */

/* Set up the locked heap (OpenSSL secure heap: mlock'd, MADV_DONTDUMP) for PINs and card
 * data. Call once before any card work; a second call (or one after another part of the
 * process set up OpenSSL's secure heap) is a no-op returning MYNA_OK. bytes is raised to
 * 64 KiB and rounded up to a power of two (at most 1 GiB). MYNA_E_MLOCK when the memory
 * cannot be mapped or locked (nothing is set up then): a kiosk must refuse to run. */
MYNA_EXPORT myna_err myna_secure_init(size_t bytes);
/* n zeroed bytes (n == 0 gives 1), locked once myna_secure_init has succeeded; before that
 * (or when OpenSSL falls back) ordinary heap memory that is still wiped on free. NULL when
 * the heap is full. Free with myna_secure_free(p, n), same n: it wipes then frees; NULL is a
 * no-op. */
MYNA_EXPORT void *myna_secure_alloc(size_t n);
MYNA_EXPORT void myna_secure_free(void *p, size_t n);
/* Constant-time comparison of n bytes of secrets: 0 when equal, 1 when not. Two NULLs are
 * equal; one NULL is not. */
MYNA_EXPORT int myna_secure_cmp(const void *a, const void *b, size_t n);

/* ---- PC/SC context: readers and card events ------------------------------------------ */

typedef struct myna_ctx myna_ctx;

/* One context per thread. MYNA_E_NO_SERVICE when pcscd cannot be reached, MYNA_E_NOMEM.
 * Free with myna_ctx_free (after every transport opened on it; never while another thread
 * waits on it). */
MYNA_EXPORT myna_err myna_ctx_new(myna_ctx **out);
MYNA_EXPORT void myna_ctx_free(myna_ctx *ctx);

/* Reader names: *names is a malloc'd array of *count malloc'd strings (NULL-terminated as
 * well), freed by the caller with myna_strv_free(*names, *count). No reader is MYNA_OK with
 * *names NULL and *count 0. MYNA_E_NO_SERVICE (pcscd gone), MYNA_E_NOMEM, MYNA_E_READER
 * (the list kept changing while it was read). On error *names is NULL and *count 0.
 * myna_strv_free accepts NULL. */
MYNA_EXPORT myna_err myna_ctx_list_readers(myna_ctx *ctx, char ***names, size_t *count);
MYNA_EXPORT void myna_strv_free(char **v, size_t count);

typedef enum myna_reader_state {
    MYNA_READER_ABSENT = 0, /* the named reader is gone */
    MYNA_READER_EMPTY,      /* reader present, no card */
    MYNA_READER_CARD,       /* a card is present */
    MYNA_READER_MUTE,       /* a card is present but does not answer (upside down, damaged) */
} myna_reader_state;

/* Wait until a card is present in a reader whose name contains `filter` (NULL or "" = any
 * reader; the first 16 matching readers are watched). A card already present returns at
 * once; timeout_ms 0 only looks, < 0 waits for ever. On MYNA_OK *reader_out (malloc'd, the
 * caller frees it with free()) names the reader. Readers plugged in while waiting are
 * noticed; a reader unplugged while waiting is dropped from the watch and the wait goes on
 * (no reader at all is not an error here: myna_ctx_list_readers tells). Errors:
 * MYNA_E_TIMEOUT, MYNA_E_CANCELLED (myna_ctx_cancel() from another thread),
 * MYNA_E_NO_SERVICE (pcscd went away), MYNA_E_NOMEM, MYNA_E_READER (the reader list kept
 * changing), MYNA_E_TRANSPORT (another PC/SC failure; myna_ctx_last_pcsc has the code). */
MYNA_EXPORT myna_err myna_ctx_wait_card(myna_ctx *ctx, const char *filter, int timeout_ms,
                                        char **reader_out);
/* Wait until `reader` leaves state MYNA_READER_CARD (card taken back; a mute card counts as
 * still in): MYNA_OK when the reader is empty, MYNA_E_READER when the reader itself vanished
 * (or was never there), MYNA_E_TIMEOUT, MYNA_E_CANCELLED, MYNA_E_NO_SERVICE. */
MYNA_EXPORT myna_err myna_ctx_wait_removed(myna_ctx *ctx, const char *reader, int timeout_ms);
/* Current state of one reader, without waiting (an unknown name is MYNA_READER_ABSENT, with
 * MYNA_OK). MYNA_E_NO_SERVICE when pcscd is gone. */
MYNA_EXPORT myna_err myna_ctx_reader_state(myna_ctx *ctx, const char *reader,
                                           myna_reader_state *state);
/* Thread-safe: wake a myna_ctx_wait_* in progress on this context (SCardCancel). A cancel
 * with no wait in progress cancels the next wait on this context (no lost wake-up).
 * MYNA_OK also when pcscd is gone; otherwise the PC/SC error of SCardCancel.
 * After MYNA_E_NO_SERVICE every ctx call re-establishes the context once pcscd is back. */
MYNA_EXPORT myna_err myna_ctx_cancel(myna_ctx *ctx);
/* Last PC/SC return code seen on this context (a LONG), for diagnostics; 0 for NULL. */
MYNA_EXPORT long myna_ctx_last_pcsc(const myna_ctx *ctx);

/* ---- transports (the seam under the APDU layer) ---------------------------------------- */

typedef struct myna_transport myna_transport;

/* Implementation interface. The library provides one implementation, PC/SC
 * (myna_transport_pcsc_open); others plug in here without being part of the library (kakanai's
 * test-only library cardlib/testing has an in-process virtual card and a replay of recorded
 * exchanges). transmit() must not retry anything. */
typedef struct myna_transport_ops {
    /* Send one command APDU, receive the response including SW1 SW2.
     * *rlen is the buffer size on entry and the response length on return. */
    myna_err (*transmit)(void *impl, const uint8_t *cmd, size_t clen, uint8_t *resp, size_t *rlen);
    /* Release the implementation (disconnect). May be NULL. */
    void (*close)(void *impl);
} myna_transport_ops;

/* Wrap an implementation. The transport owns impl and calls ops->close(impl) when freed
 * (also when this call fails, if ops and ops->close are set and impl is not NULL). ops must
 * outlive the transport. MYNA_E_ARG when ops, ops->transmit or out is NULL; MYNA_E_NOMEM.
 * Free with myna_transport_free, unless a myna_card took it (myna_card_open). */
MYNA_EXPORT myna_err myna_transport_new(const myna_transport_ops *ops, void *impl,
                                        myna_transport **out);
MYNA_EXPORT void myna_transport_free(myna_transport *t);
/* The impl that t was made with, if t was made with exactly these ops (an implementation
 * recognises its own transports this way); NULL otherwise, and for NULL t or ops. The
 * transport still owns impl. */
MYNA_EXPORT void *myna_transport_impl(const myna_transport *t, const myna_transport_ops *ops);

/* Connect to the card in `reader` (shared mode, T=1 or T=0) through ctx; the transport must
 * be used on ctx's thread and freed before ctx. MYNA_E_NO_CARD when the reader is empty (or
 * the card was just pulled), MYNA_E_READER / MYNA_E_NO_READER for a reader that is not there,
 * MYNA_E_NO_SERVICE, MYNA_E_NOMEM.
 * Transmit errors: MYNA_E_CARD_REMOVED (pulled; also an error right after a pull, checked
 * against the reader's state for at most 1.2 s), MYNA_E_READER, MYNA_E_NO_SERVICE,
 * MYNA_E_TRANSPORT. Freeing it disconnects with a card reset (the PIN state is dropped). */
MYNA_EXPORT myna_err myna_transport_pcsc_open(myna_ctx *ctx, const char *reader,
                                              myna_transport **out);

/* Send one APDU through the transport as the card layer does: counts it, traces it (masked),
 * and follows ISO 7816-4 for 61xx (GET RESPONSE, at most 8 rounds) and 6Cxx (resend once with
 * Le = xx, only for a 5-byte command, never for VERIFY). *rlen: buffer size in (at least 2),
 * response length (data + SW1 SW2) out; a status word other than 9000 is MYNA_OK here (the
 * caller reads it). Errors: MYNA_E_ARG (NULLs, clen outside 4..MYNA_APDU_MAX, *rlen < 2),
 * MYNA_E_TRANSPORT (no status word, or more bytes than the buffer), MYNA_E_BAD_DATA (the
 * 61xx chain is too long for the buffer or the rounds), or the implementation's own error.
 * On every error but MYNA_E_ARG, *rlen is 0 and resp is wiped. Nothing is retried after a
 * transport error. */
MYNA_EXPORT myna_err myna_transport_transmit(myna_transport *t, const uint8_t *cmd, size_t clen,
                                             uint8_t *resp, size_t *rlen);
/* Command APDUs sent through this transport so far (GET RESPONSE and 6Cxx resends count). */
MYNA_EXPORT unsigned myna_transport_apdu_count(const myna_transport *t);

/* Trace every exchange to a callback (installers' diagnostics). The data of VERIFY and of
 * every READ BINARY and GET RESPONSE response are masked as "**" before the callback sees
 * them. masked_hex is valid only during the call. fn NULL stops tracing. */
typedef void (*myna_trace_fn)(void *user, bool is_command, const char *masked_hex);
MYNA_EXPORT void myna_transport_set_trace(myna_transport *t, myna_trace_fn fn, void *user);

/* The reader's control channel (PC/SC SCardControl), the part of the seam a PIN pad needs.
 * Optional: a transport without one has no PIN pad. fn gets the transport's impl, the
 * control code (e.g. SCARD_CTL_CODE(3400)), the input bytes, and an output buffer whose size
 * is *olen on entry and the answer's length on return. It must not retry. The PC/SC transport
 * sets its own (SCardControl); test transports set one to see the exact bytes. */
typedef myna_err (*myna_control_fn)(void *impl, uint32_t code, const uint8_t *in, size_t ilen,
                                    uint8_t *out, size_t *olen);
/* fn NULL removes it. Forgets what was learnt about the reader's features. */
MYNA_EXPORT void myna_transport_set_control(myna_transport *t, myna_control_fn fn);
/* One control exchange through the seam (not counted as an APDU; traced as "CTL <code>").
 * MYNA_E_ARG (NULLs, ilen over MYNA_CONTROL_MAX, *olen 0), MYNA_E_PINPAD when t has no
 * control function, or the function's error (*olen is 0 then and out wiped). */
MYNA_EXPORT myna_err myna_transport_control(myna_transport *t, uint32_t code, const uint8_t *in,
                                            size_t ilen, uint8_t *out, size_t *olen);
#define MYNA_CONTROL_MAX 512u /* largest control input or answer handled */

/* ---- the card -------------------------------------------------------------------------- */

/* Hard limits on what the card may send (larger is MYNA_E_BAD_DATA, never a bigger buffer). */
#define MYNA_APDU_MAX 261u       /* longest short command APDU */
#define MYNA_RESP_MAX 258u       /* longest short response: 256 data bytes + SW1 SW2 */
#define MYNA_EF_MAX 1024u        /* most bytes read from one EF (0002 is ~100..700) */
#define MYNA_TLV_TAG_MAX 3u      /* tag bytes (the card uses 1 or 2: FF20, DF21...) */
#define MYNA_TLV_LEN_MAX 4096u   /* largest length field accepted (81 xx / 82 xx xx) */
#define MYNA_ATTR_MAX 640u       /* most bytes in one attribute (name, address) */
#define MYNA_PIN_LEN 4u          /* the Kenhojo PIN: 4 ASCII digits */
#define MYNA_CHECKCODE_B_LEN 14u /* 照合番号B: YYMMDD + YYYY + 4 digits */

typedef struct myna_card myna_card;

/* Take ownership of transport t (freed with the card, also on error) and SELECT the
 * Kenhojo AP. MYNA_E_NOT_MYNA when the card has no such application (6A82, 6A86, 6A81,
 * 6D00, 6E00, 6999), MYNA_E_CARD for another status word, MYNA_E_NOMEM, or the transport's
 * error (MYNA_E_CARD_REMOVED, MYNA_E_READER, ...). Free with myna_card_free: it wipes the
 * card's buffers and frees the transport (a PC/SC one resets the card). */
MYNA_EXPORT myna_err myna_card_open(myna_transport *t, myna_card **out);
MYNA_EXPORT void myna_card_free(myna_card *card);

/* Tries left for the PIN, asked with VERIFY without data: never spends a try.
 * A blocked PIN gives MYNA_OK with *tries == 0. When the card answers 9000 (already verified
 * on this card session) *tries is -1 and myna_card_verified() is true. Errors: MYNA_E_ARG,
 * MYNA_E_CARD (or another error of the status-word table) when the card refuses the SELECT
 * or the query, transport errors; *tries is unchanged then. */
MYNA_EXPORT myna_err myna_card_pin_tries(myna_card *card, int *tries);

/* VERIFY the 4-digit PIN the resident typed (pin need not be NUL-terminated; the caller
 * wipes its own copy; the library's copy in the command APDU is locked and wiped). The
 * library asks tries left first unless it already knows them, refuses to send anything to a
 * blocked card (MYNA_E_PIN_BLOCKED), and never retries. MYNA_OK without sending the PIN when
 * the card says it is verified already. MYNA_E_ARG for a NULL card; MYNA_E_PIN_FORMAT (pin
 * NULL, len != 4 or not all digits: nothing sent). On a wrong PIN: MYNA_E_PIN_WRONG,
 * MYNA_E_PIN_LAST_TRY or MYNA_E_PIN_BLOCKED, with myna_card_tries_left() updated. A transport
 * error during VERIFY (card pulled, ...) is returned as it is, and the tries become unknown. */
MYNA_EXPORT myna_err myna_card_verify_pin(myna_card *card, const char *pin, size_t len);

/* The PIN-less path for counter staff: 照合番号B = birth date YYMMDD + expiry year YYYY +
 * security code (4 digits), 14 ASCII digits. Its own retry counter, same safety rules. */
MYNA_EXPORT myna_err myna_card_checkcode_b_tries(myna_card *card, int *tries);
MYNA_EXPORT myna_err myna_card_verify_checkcode_b(myna_card *card, const char *code, size_t len);

/* ---- the reader's own PIN pad (PC/SC part 10 secure PIN entry) ------------------------- */

/* Whether the reader has a PIN pad the library can use (FEATURE_VERIFY_PIN_DIRECT in its
 * answer to CM_IOCTL_GET_FEATURE_REQUEST). Asked once per transport and remembered; no APDU is
 * sent. A transport without a control channel, or a reader that refuses the request, has
 * none: MYNA_OK with *present false. MYNA_E_ARG for NULLs; MYNA_E_NO_SERVICE, MYNA_E_READER,
 * MYNA_E_CARD_REMOVED when the reader or pcscd went away (then *present is false too). */
MYNA_EXPORT myna_err myna_card_pinpad(myna_card *card, bool *present);

/* VERIFY the PIN typed on the reader's own keypad: the PIN never enters this computer. The
 * same safety rules as myna_card_verify_pin: the tries are asked first unless known, a
 * blocked card gets nothing (MYNA_E_PIN_BLOCKED), exactly one request is sent and never
 * retried. The reader is given the Kenhojo VERIFY (00 20 00 80 04 + 4 ASCII digits: its
 * PIN_VERIFY_STRUCTURE is documented in cardlib/README.md) and waits up to timeout_s seconds
 * (0: the reader's default; at most 255) for 4 digits and its OK key. Answers:
 * MYNA_OK; MYNA_E_PIN_WRONG / _LAST_TRY / _BLOCKED as for a typed PIN; MYNA_E_TIMEOUT (nobody
 * typed: 6400) and MYNA_E_CANCELLED (the resident pressed Cancel: 6401) with the tries
 * unchanged; MYNA_E_PIN_FORMAT (the reader refused the length: 6402/6403, nothing sent to the
 * card); MYNA_E_PINPAD (no PIN pad: call myna_card_pinpad first; or the reader refused the
 * structure: 6B80); transport errors as for myna_card_verify_pin (tries unknown then). */
MYNA_EXPORT myna_err myna_card_verify_pin_pinpad(myna_card *card, unsigned timeout_s);

/* Tries left as last reported by the card for the reference used last (PIN or 照合番号B);
 * -1 when not yet known or card is NULL (also after a successful verify, and after a
 * transport error during VERIFY: the next verify asks the card again first). */
MYNA_EXPORT int myna_card_tries_left(const myna_card *card);
/* Whether the PIN (or 照合番号B) was verified on this card handle (false for NULL). */
MYNA_EXPORT bool myna_card_verified(const myna_card *card);
/* Last status word (SW1 << 8 | SW2), 0 before the first exchange or for NULL. */
MYNA_EXPORT unsigned myna_card_last_sw(const myna_card *card);
/* Command APDUs sent on this card so far, SELECT AP included (tests and benchmarks). */
MYNA_EXPORT unsigned myna_card_apdu_count(const myna_card *card);

/* ---- the attributes -------------------------------------------------------------------- */

typedef struct myna_attrs myna_attrs;

enum {
    MYNA_READ_NUMBER = 1u << 0, /* also read the individual number (only with a legal basis) */
    MYNA_READ_VERIFY = 1u << 1, /* also read EF 0003 and check the digests (see cardlib/README) */
};

/* Optional: a public key (PEM, SubjectPublicKeyInfo) that must have made the signature DF33
 * in EF 0003 (RSA PKCS#1 v1.5, SHA-256, over the DF31 and DF32 elements). With a key set,
 * MYNA_READ_VERIFY also checks the signature: MYNA_E_AUTH_DATA when it does not verify or is
 * missing. pem NULL removes the key. MYNA_E_ARG for a NULL card, pem NULL with len > 0, len
 * over 16384 (the key set before stays), or an unreadable key (the key set before is gone);
 * MYNA_E_NOMEM. The pem text is not kept. The real card's key sits in EF 0004 under a J-LIS issuer
 * key kakanai does not ship (cardlib/README.md). */
MYNA_EXPORT myna_err myna_card_set_signer_key(myna_card *card, const char *pem, size_t len);

/* Read the four attributes after a successful verify. All strings live in locked memory;
 * *out belongs to the caller (myna_attrs_free). MYNA_READ_VERIFY checks DF32 against the
 * attributes; DF31 (the number's digest) only when MYNA_READ_NUMBER is asked too.
 * Errors: MYNA_E_ARG (NULLs, unknown flag bits), MYNA_E_NOMEM, MYNA_E_NOT_VERIFIED (6982),
 * MYNA_E_CARD (another status word, e.g. a missing EF), MYNA_E_BAD_DATA (TLV, UTF-8, format,
 * limits), MYNA_E_AUTH_DATA (MYNA_READ_VERIFY: digests/signature mismatch), transport
 * errors. On any error *out is NULL and every buffer that held card data has been wiped. The
 * exact APDUs are listed in cardlib/README.md. */
MYNA_EXPORT myna_err myna_card_read_attrs(myna_card *card, unsigned flags, myna_attrs **out);
/* Wipe every string and free (NULL is a no-op). */
MYNA_EXPORT void myna_attrs_free(myna_attrs *a);

/* NUL-terminated UTF-8 exactly as on the card (non-BMP characters and IVS kept), owned by a:
 * valid until myna_attrs_free, never to be freed by the caller. NULL for a NULL a; the
 * number is NULL unless MYNA_READ_NUMBER was asked. */
MYNA_EXPORT const char *myna_attrs_name(const myna_attrs *a);
MYNA_EXPORT const char *myna_attrs_address(const myna_attrs *a);
MYNA_EXPORT const char *myna_attrs_birth(const myna_attrs *a); /* "YYYYMMDD" */
MYNA_EXPORT const char *myna_attrs_sex(const myna_attrs *a);   /* "1", "2" or "9" (ISO 5218) */
MYNA_EXPORT const char *myna_attrs_number(const myna_attrs *a);
/* Whether MYNA_READ_VERIFY checked the digests (false when not asked). */
MYNA_EXPORT bool myna_attrs_verified(const myna_attrs *a);
/* Whether the signature DF33 over the digests was checked with the key given to
 * myna_card_set_signer_key (false without a key). */
MYNA_EXPORT bool myna_attrs_signed(const myna_attrs *a);

#ifdef __cplusplus
}
#endif
#endif /* MYNA_H */
