/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * test-pin-safety — across thousands of random (seeded) resident and card sequences, the card
 * library never spends a PIN try the resident did not ask for.
 *
 *   test-pin-safety PROFILE [SEQUENCES] [SEED]
 *
 * The card is the in-process virtual card (myna_vcard_process) behind an instrumented
 * transport that classifies every APDU. A sequence is a random mix of what a kiosk does:
 * insert/open, show tries, submit a right, wrong or malformed PIN (or 照合番号B), read,
 * pull the card (also in the middle of a call: after a random number of APDUs), reinsert,
 * end the session. Counted, and asserted zero:
 *   unsolicited   VERIFY carrying data while no resident submit is in progress
 *   retries       more than one VERIFY carrying data for one submit
 *   on_blocked    VERIFY carrying data after the card reported that counter blocked
 *   no_tries      VERIFY carrying data before this handle knew the tries left
 *                 (a VERIFY without data, or a 63Cx answer, since the card was opened)
 *   bad_format    any APDU sent for a malformed PIN
 *   mismatch      the library's answer differs from the card's real counter
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "myna-vcard.h"
#include "myna.h"
#ifdef KAKANAI_HAVE_KIOSK_SESSION
#include "kiosk-session.h"
#endif

#define PIN_OK "7391"
#define CHECKCODE_B_OK "36022920318264" /* birth 360229, expiry 2031, code 8264 */

static const char *g_profile;
static unsigned long g_sequences = 3000;
static uint64_t g_seed = 20261125;

/* ---- the instrumented transport ---------------------------------------------------------- */

enum { CTR_PIN = 0, CTR_B = 1, CTR_OTHER = 2 };

typedef struct probe {
    myna_vcard *vc;
    long pull_after; /* pull the card after this many more APDUs (-1: never) */
    unsigned cur_ef;
    /* per handle (reset when a card is opened) */
    bool knows_tries[3];
    /* per card */
    bool blocked[3];
    /* per submit */
    bool in_submit;
    unsigned verifies_this_submit;
    unsigned apdus_this_call;
} probe;

typedef struct counts {
    unsigned long sequences, steps, apdus, submits, verify_data, verify_nodata, opens, pulls,
        pulls_mid_call, blocked_cards, verified_ok, reads_ok;
    unsigned long ok_while_verified;
    unsigned long unsolicited, retries, on_blocked, no_tries, bad_format, mismatch;
} counts;

static counts g_c;

static unsigned ctr_of(unsigned ef)
{
    return ef == 0x0011 ? CTR_PIN : ef == 0x0015 ? CTR_B : CTR_OTHER;
}

static myna_err probe_transmit(void *impl, const uint8_t *cmd, size_t clen, uint8_t *resp,
                               size_t *rlen)
{
    probe *p = impl;
    if (!myna_vcard_present(p->vc))
        return MYNA_E_CARD_REMOVED;
    if (p->pull_after == 0) {
        myna_vcard_set_present(p->vc, false);
        g_c.pulls_mid_call++;
        return MYNA_E_CARD_REMOVED;
    }
    if (p->pull_after > 0)
        p->pull_after--;
    g_c.apdus++;
    p->apdus_this_call++;
    bool is_verify = clen >= 4 && cmd[1] == 0x20;
    bool with_data = is_verify && clen > 5;
    unsigned ctr = ctr_of(p->cur_ef);
    if (clen >= 7 && cmd[1] == 0xA4 && cmd[2] == 0x02)
        p->cur_ef = (unsigned)cmd[5] << 8 | cmd[6];
    if (clen >= 5 && cmd[1] == 0xA4 && cmd[2] == 0x04)
        p->cur_ef = 0;
    if (with_data) {
        g_c.verify_data++;
        if (!p->in_submit)
            g_c.unsolicited++;
        else if (++p->verifies_this_submit > 1)
            g_c.retries++;
        if (p->blocked[ctr])
            g_c.on_blocked++;
        if (!p->knows_tries[ctr])
            g_c.no_tries++;
    } else if (is_verify) {
        g_c.verify_nodata++;
    }
    myna_err e = myna_vcard_process(p->vc, cmd, clen, resp, rlen);
    if (e == MYNA_OK && is_verify && *rlen >= 2) {
        unsigned sw = (unsigned)resp[*rlen - 2] << 8 | resp[*rlen - 1];
        if ((sw & 0xFFF0) == 0x63C0 || sw == 0x9000)
            p->knows_tries[ctr] = true;
        if (sw == 0x63C0 || sw == 0x6983)
            p->blocked[ctr] = true;
    }
    return e;
}

/* Closing the transport resets the card, as the PC/SC transport does
 * (SCardDisconnect(SCARD_RESET_CARD)): the next handle starts without security status. */
static void probe_close(void *impl)
{
    probe *p = impl;
    if (myna_vcard_present(p->vc)) {
        myna_vcard_set_present(p->vc, false);
        myna_vcard_set_present(p->vc, true);
    }
}

static const myna_transport_ops probe_ops = { probe_transmit, probe_close };

/* ---- the model of the card's counter ---------------------------------------------------- */

static uint64_t rnd_state;
static uint64_t rnd(void)
{
    /* xorshift64*: reproducible from the seed printed on failure */
    rnd_state ^= rnd_state >> 12;
    rnd_state ^= rnd_state << 25;
    rnd_state ^= rnd_state >> 27;
    return rnd_state * 2685821657736338717ull;
}
static unsigned pick(unsigned n)
{
    return (unsigned)(rnd() % n);
}

typedef struct model {
    int tries;     /* the card's real PIN counter */
    bool verified; /* the card's security status (cleared by a reset or a pull) */
} model;

static void expect_answer(const model *m_before, myna_err got, bool right, const char *what)
{
    myna_err want;
    if (m_before->tries <= 0)
        want = MYNA_E_PIN_BLOCKED;
    else if (right)
        want = MYNA_OK;
    else if (m_before->tries - 1 >= 2)
        want = MYNA_E_PIN_WRONG;
    else if (m_before->tries - 1 == 1)
        want = MYNA_E_PIN_LAST_TRY;
    else
        want = MYNA_E_PIN_BLOCKED;
    if (got != want) {
        g_c.mismatch++;
        if (g_c.mismatch <= 5)
            fprintf(stderr, "mismatch: %s with %d tries left: got %s, want %s\n", what,
                    m_before->tries, myna_err_name(got), myna_err_name(want));
    }
}

static void run_sequence(void)
{
    char *why = NULL;
    myna_vcard *vc = NULL;
    myna_err e = myna_vcard_load(g_profile, &vc, &why);
    if (e != MYNA_OK)
        fail_msg("profile %s: %s", g_profile, why != NULL ? why : myna_strerror(e));
    probe *p = calloc(1, sizeof *p);
    assert_non_null(p);
    p->vc = vc;
    p->pull_after = -1;
    model m = { .tries = 3, .verified = false };
    myna_card *card = NULL;
    bool verified = false;
    g_c.sequences++;
    unsigned steps = 10 + pick(30);
    for (unsigned s = 0; s < steps; s++) {
        g_c.steps++;
        unsigned what = pick(100);
        p->apdus_this_call = 0;
        if (card == NULL) {
            /* insert (if pulled) and open */
            if (!myna_vcard_present(vc))
                myna_vcard_set_present(vc, true);
            myna_transport *t = NULL;
            assert_int_equal(myna_transport_new(&probe_ops, p, &t), MYNA_OK);
            memset(p->knows_tries, 0, sizeof p->knows_tries);
            p->cur_ef = 0;
            p->pull_after = pick(8) == 0 ? (long)pick(3) : -1;
            e = myna_card_open(t, &card);
            g_c.opens++;
            if (e != MYNA_OK) {
                card = NULL;
                continue;
            }
            verified = false;
            continue;
        }
        /* a pull in the middle of the next call, sometimes */
        p->pull_after = pick(10) == 0 ? (long)pick(4) : -1;
        if (what < 15) {
            int tries = -2;
            e = myna_card_pin_tries(card, &tries);
            /* -1: the card answered 9000, already verified (myna-card.c query_tries) */
            bool ok = tries == m.tries || (tries == -1 && m.verified);
            if (e == MYNA_OK && !ok) {
                g_c.mismatch++;
                if (g_c.mismatch <= 5)
                    fprintf(stderr, "mismatch: pin_tries %d, card has %d\n", tries, m.tries);
            }
        } else if (what < 55) {
            /* the resident submits a PIN: right (1 in 3), wrong, or malformed (1 in 8) */
            bool malformed = pick(8) == 0;
            bool right = !malformed && pick(3) == 0;
            char pin[8];
            size_t len = 4;
            if (malformed) {
                static const char *const bad[] = { "123", "12a4", "12345", "", " 123", "１２３４" };
                const char *b = bad[pick(6)];
                len = strlen(b);
                memcpy(pin, b, len + 1 > sizeof pin ? sizeof pin : len + 1);
                if (len > sizeof pin)
                    len = sizeof pin;
            } else if (right) {
                memcpy(pin, PIN_OK, 5);
            } else {
                do
                    snprintf(pin, sizeof pin, "%04u", pick(10000));
                while (strcmp(pin, PIN_OK) == 0);
            }
            g_c.submits++;
            p->in_submit = true;
            p->verifies_this_submit = 0;
            unsigned long before_apdus = g_c.apdus;
            model mb = m;
            bool pulled_before = !myna_vcard_present(vc);
            bool was_verified = m.verified;
            e = myna_card_verify_pin(card, pin, len);
            p->in_submit = false;
            if (malformed) {
                if (g_c.apdus != before_apdus)
                    g_c.bad_format++;
                if (e != MYNA_E_PIN_FORMAT)
                    g_c.mismatch++;
            } else if (p->verifies_this_submit == 1) {
                /* the VERIFY reached the card, which counted it: the model follows the card;
                 * the library's answer is checked unless a pull cut the call short after it */
                if (e != MYNA_E_CARD_REMOVED)
                    expect_answer(&mb, e, right, right ? "right PIN" : "wrong PIN");
                if (m.tries > 0)
                    m.tries = right ? 3 : m.tries - 1;
                if (right && mb.tries > 0)
                    m.verified = true;
                if (e == MYNA_OK) {
                    verified = true;
                    g_c.verified_ok++;
                }
            } else if (was_verified && e == MYNA_OK) {
                /* the card is verified already: the library sends no PIN (no try spent) */
                g_c.ok_while_verified++;
            } else if (!pulled_before && e != MYNA_E_CARD_REMOVED && m.tries > 0) {
                /* nothing sent although the card is not blocked: the library refused wrongly */
                g_c.mismatch++;
                if (g_c.mismatch <= 5)
                    fprintf(stderr, "mismatch: submit sent no VERIFY (%s), %d tries left\n",
                            myna_err_name(e), m.tries);
            } else if (m.tries <= 0 && e != MYNA_E_PIN_BLOCKED && e != MYNA_E_CARD_REMOVED) {
                g_c.mismatch++;
                if (g_c.mismatch <= 5)
                    fprintf(stderr, "mismatch: blocked card answered %s\n", myna_err_name(e));
            }
            if (m.tries == 0)
                g_c.blocked_cards++;
        } else if (what < 70) {
            myna_attrs *a = NULL;
            e = myna_card_read_attrs(card, pick(2) ? MYNA_READ_NUMBER : 0, &a);
            if (e == MYNA_OK) {
                g_c.reads_ok++;
                if (!verified)
                    g_c.mismatch++; /* read without a verified PIN */
            }
            myna_attrs_free(a);
        } else if (what < 80) {
            /* pulled between calls */
            myna_vcard_set_present(vc, false);
            g_c.pulls++;
        } else if (what < 88) {
            /* the session ends: card handle gone (the card is reset), card stays or is taken */
            myna_card_free(card);
            card = NULL;
            verified = false;
        } else {
            /* the UI asks the tries left again, e.g. to redraw the PIN screen */
            int tries;
            myna_card_pin_tries(card, &tries);
        }
        if (e == MYNA_E_CARD_REMOVED || !myna_vcard_present(vc)) {
            /* the kiosk drops the handle when the card is gone */
            myna_card_free(card);
            card = NULL;
        }
        if (card == NULL || !myna_vcard_present(vc))
            m.verified = false; /* pulled, or the handle's close reset the card */
    }
    myna_card_free(card);
    myna_vcard_free(vc);
    free(p);
    free(why);
}

static void pin_tries_are_never_spent_without_the_resident(void **state)
{
    rnd_state = g_seed ? g_seed : 1;
    for (unsigned long i = 0; i < g_sequences; i++)
        run_sequence();
    printf("pin-safety: seed %llu sequences %lu steps %lu apdus %lu opens %lu submits %lu "
           "verify_with_data %lu verify_without_data %lu verified_ok %lu reads_ok %lu "
           "pulls_between %lu pulls_mid_call %lu blocked_steps %lu ok_while_verified %lu\n",
           (unsigned long long)g_seed, g_c.sequences, g_c.steps, g_c.apdus, g_c.opens,
           g_c.submits, g_c.verify_data, g_c.verify_nodata, g_c.verified_ok, g_c.reads_ok,
           g_c.pulls, g_c.pulls_mid_call, g_c.blocked_cards, g_c.ok_while_verified);
    printf("pin-safety: unsolicited %lu retries %lu on_blocked %lu no_tries_check %lu "
           "bad_format_sent %lu mismatch %lu\n",
           g_c.unsolicited, g_c.retries, g_c.on_blocked, g_c.no_tries, g_c.bad_format,
           g_c.mismatch);
    fflush(stdout);
    assert_true(g_c.verify_data > 0);
    assert_true(g_c.verified_ok > 0);
    assert_true(g_c.blocked_cards > 0);
    assert_int_equal(g_c.unsolicited, 0);
    assert_int_equal(g_c.retries, 0);
    assert_int_equal(g_c.on_blocked, 0);
    assert_int_equal(g_c.no_tries, 0);
    assert_int_equal(g_c.bad_format, 0);
    assert_int_equal(g_c.mismatch, 0);
}


/* A session that ends without the card being pulled (the resident walks away, the idle
 * timeout brings back the menu) closes its handle; the next session on the same card must
 * ask for the PIN again. The PC/SC transport resets the card on close; the in-process
 * virtual card (the kiosk's --virtual-card) must behave the same. */
static void next_session_on_the_same_card_needs_the_pin_again(void **state)
{
    myna_vcard *vc = NULL;
    char *why = NULL;
    assert_int_equal(myna_vcard_load(g_profile, &vc, &why), MYNA_OK);
    myna_transport *t = NULL;
    myna_card *card = NULL;
    assert_int_equal(myna_vcard_transport_new(vc, &t), MYNA_OK);
    assert_int_equal(myna_card_open(t, &card), MYNA_OK);
    assert_int_equal(myna_card_verify_pin(card, PIN_OK, 4), MYNA_OK);
    myna_card_free(card);

    assert_int_equal(myna_vcard_transport_new(vc, &t), MYNA_OK);
    assert_int_equal(myna_card_open(t, &card), MYNA_OK);
    int tries = -2;
    assert_int_equal(myna_card_pin_tries(card, &tries), MYNA_OK);
    myna_attrs *a = NULL;
    myna_err e = myna_card_read_attrs(card, 0, &a);
    myna_attrs_free(a);
    myna_err v = myna_card_verify_pin(card, "0000", 4); /* a wrong PIN */
    myna_card_free(card);
    myna_vcard_free(vc);
    free(why);
    printf("same-card: tries after reopen %d, read without PIN: %s, wrong PIN: %s\n", tries,
           myna_err_name(e), myna_err_name(v));
    assert_int_equal(tries, 3);
    assert_int_equal(e, MYNA_E_NOT_VERIFIED);
    assert_int_equal(v, MYNA_E_PIN_WRONG);
}

#ifdef KAKANAI_HAVE_KIOSK_SESSION
/* ---- the kiosk's session machine on the real card library ------------------------------- *
 * The machine (kiosk/kiosk-session.h) gets random UI events (digits, submit, back, cancel,
 * idle timeouts, the staff's 照合番号B switch) and random card pulls/inserts; its backend
 * double does the real card work (myna_card_* on the probe transport) and queues the results
 * as events, as the GTK app's workers do. Counted as above, plus: backend verify() calls not
 * inside a SUBMIT, more than one per SUBMIT, after BLOCKED, before CARD_PRESENT; and an entry
 * buffer left dirty after the session went back to the menu.
 */
typedef struct kev {
    kiosk_event_type ev;
    int arg;
} kev;

typedef struct kbackend {
    myna_vcard *vc;
    probe *p;
    myna_card *card;
    bool watching, checkcode;
    bool present_sent; /* CARD_PRESENT (with the tries) reported for this card */
    bool in_submit;
    unsigned verifies_this_submit;
    kev q[64];
    size_t qn;
    unsigned long verify_calls, unsolicited, retries, on_blocked, no_present, wipes, dirty;
    bool blocked[2];
} kbackend;

static void kpush(kbackend *b, kiosk_event_type ev, int arg)
{
    if (b->qn < sizeof b->q / sizeof b->q[0])
        b->q[b->qn++] = (kev){ ev, arg };
}

static void *k_secure_alloc(void *user, size_t n)
{
    return myna_secure_alloc(n);
}
static void k_secure_free(void *user, void *ptr, size_t n)
{
    myna_secure_free(ptr, n);
}

static kiosk_problem problem_of(myna_err e)
{
    switch (e) {
    case MYNA_E_CARD_REMOVED:
        return KIOSK_P_CARD_PULLED;
    case MYNA_E_NOT_MYNA:
        return KIOSK_P_NOT_MYNA;
    case MYNA_E_PIN_BLOCKED:
        return KIOSK_P_BLOCKED;
    default:
        return KIOSK_P_CARD;
    }
}

static void k_open(kbackend *b)
{
    if (b->card != NULL || !myna_vcard_present(b->vc))
        return;
    myna_transport *t = NULL;
    if (myna_transport_new(&probe_ops, b->p, &t) != MYNA_OK)
        return;
    memset(b->p->knows_tries, 0, sizeof b->p->knows_tries);
    b->p->cur_ef = 0;
    myna_err e = myna_card_open(t, &b->card);
    if (e != MYNA_OK) {
        b->card = NULL;
        kpush(b, e == MYNA_E_CARD_REMOVED ? KIOSK_EV_CARD_PULLED : KIOSK_EV_CARD_ERROR,
              problem_of(e));
        return;
    }
    int tries = -1;
    e = b->checkcode ? myna_card_checkcode_b_tries(b->card, &tries)
                     : myna_card_pin_tries(b->card, &tries);
    if (e != MYNA_OK) {
        kpush(b, e == MYNA_E_CARD_REMOVED ? KIOSK_EV_CARD_PULLED : KIOSK_EV_CARD_ERROR,
              problem_of(e));
        return;
    }
    b->present_sent = true;
    kpush(b, KIOSK_EV_CARD_PRESENT, tries);
}

static void k_card_start(void *user, bool checkcode_b)
{
    kbackend *b = user;
    b->watching = true;
    b->checkcode = checkcode_b;
    b->present_sent = false;
    k_open(b);
}

static void k_card_stop(void *user)
{
    kbackend *b = user;
    b->watching = false;
    b->present_sent = false;
    myna_card_free(b->card);
    b->card = NULL;
}

static void k_verify(void *user, char *secret, size_t len, bool checkcode_b)
{
    kbackend *b = user;
    b->verify_calls++;
    if (!b->in_submit)
        b->unsolicited++;
    else if (++b->verifies_this_submit > 1)
        b->retries++;
    if (b->blocked[checkcode_b] || b->p->blocked[checkcode_b ? CTR_B : CTR_PIN])
        b->on_blocked++;
    if (!b->present_sent)
        b->no_present++;
    myna_err e = MYNA_E_NO_CARD;
    if (b->card != NULL) {
        b->p->in_submit = true;
        b->p->verifies_this_submit = 0;
        e = checkcode_b ? myna_card_verify_checkcode_b(b->card, secret, len)
                        : myna_card_verify_pin(b->card, secret, len);
        b->p->in_submit = false;
    }
    myna_secure_free(secret, KIOSK_SECRET_MAX);
    switch (e) {
    case MYNA_OK:
        kpush(b, KIOSK_EV_VERIFY_OK, 0);
        break;
    case MYNA_E_PIN_WRONG:
    case MYNA_E_PIN_LAST_TRY:
        kpush(b, KIOSK_EV_WRONG_PIN, myna_card_tries_left(b->card));
        break;
    case MYNA_E_PIN_BLOCKED:
        b->blocked[checkcode_b] = true;
        kpush(b, KIOSK_EV_BLOCKED, 0);
        break;
    case MYNA_E_CARD_REMOVED:
        kpush(b, KIOSK_EV_CARD_PULLED, 0);
        break;
    default:
        kpush(b, KIOSK_EV_READ_FAILED, problem_of(e));
        break;
    }
}

static void k_read(void *user, int procedure)
{
    kbackend *b = user;
    myna_attrs *a = NULL;
    myna_err e = b->card != NULL ? myna_card_read_attrs(b->card, 0, &a) : MYNA_E_NO_CARD;
    myna_attrs_free(a);
    if (e == MYNA_OK)
        kpush(b, KIOSK_EV_READ_OK, 0);
    else if (e == MYNA_E_CARD_REMOVED)
        kpush(b, KIOSK_EV_CARD_PULLED, 0);
    else
        kpush(b, KIOSK_EV_READ_FAILED, problem_of(e));
}

static void k_render(void *user)
{
    kpush(user, pick(10) ? KIOSK_EV_RENDER_OK : KIOSK_EV_RENDER_FAILED, KIOSK_P_FORM);
}
static void k_print(void *user)
{
    kpush(user, pick(4) ? KIOSK_EV_PRINT_OK : KIOSK_EV_PRINTER_PROBLEM, KIOSK_P_OUT_OF_PAPER);
}
static void k_print_cancel(void *user)
{
}
static void k_wipe(void *user)
{
    ((kbackend *)user)->wipes++;
}

/* Feed one UI event (KIOSK_EV_COUNT_: none), then the worker results it caused. */
static void kfeed(kiosk_session *ks, kbackend *b, kiosk_event_type ev, int arg, int arg2)
{
    if (ev != KIOSK_EV_COUNT_) {
        bool submit = ev == KIOSK_EV_SUBMIT;
        if (submit) {
            b->in_submit = true;
            b->verifies_this_submit = 0;
        }
        kiosk_session_event(ks, ev, arg, arg2);
        b->in_submit = false;
    }
    /* worker results arrive later, outside the submit */
    while (b->qn > 0) {
        kev e = b->q[0];
        memmove(b->q, b->q + 1, --b->qn * sizeof b->q[0]);
        kiosk_session_event(ks, e.ev, e.arg, 0);
    }
    if (kiosk_session_state(ks) == KIOSK_S_MENU && kiosk_session_secret_dirty(ks))
        b->dirty++;
}

static void kiosk_session_never_verifies_on_its_own(void **state)
{
    static const kiosk_event_type ui[] = {
        KIOSK_EV_PROCEDURE, KIOSK_EV_DIGIT,  KIOSK_EV_DIGIT,   KIOSK_EV_DIGIT,
        KIOSK_EV_DIGIT,     KIOSK_EV_DELETE, KIOSK_EV_CLEAR,   KIOSK_EV_SUBMIT,
        KIOSK_EV_SUBMIT,    KIOSK_EV_ANSWER, KIOSK_EV_BACK,    KIOSK_EV_CONFIRM,
        KIOSK_EV_RETRY,     KIOSK_EV_CANCEL, KIOSK_EV_IDLE_TIMEOUT, KIOSK_EV_STAFF_CHECKCODE_B,
    };
    memset(&g_c, 0, sizeof g_c);
    rnd_state = g_seed ^ 0x9E3779B97F4A7C15ull;
    unsigned long seqs = g_sequences, events = 0, submits = 0, at_menu = 0, staff_calls = 0;
    unsigned long w_verify = 0, w_unsol = 0, w_retry = 0, w_blocked = 0, w_nopresent = 0,
                  w_dirty = 0, w_wipes = 0;
    for (unsigned long n = 0; n < seqs; n++) {
        kbackend b = { 0 };
        char *why = NULL;
        if (myna_vcard_load(g_profile, &b.vc, &why) != MYNA_OK)
            fail_msg("profile %s: %s", g_profile, why != NULL ? why : "?");
        free(why);
        b.p = calloc(1, sizeof *b.p);
        assert_non_null(b.p);
        b.p->vc = b.vc;
        b.p->pull_after = -1;
        kiosk_backend be = { &b, k_secure_alloc, k_secure_free, k_card_start, k_card_stop,
                             k_verify, k_read, k_render, k_print, k_print_cancel, k_wipe, NULL };
        kiosk_session *ks = kiosk_session_new(&be);
        assert_non_null(ks);
        /* The PIN digits typed are right two times in three, so sessions get through. */
        bool right_pin = pick(3) != 0;
        unsigned digit_i = 0;
        unsigned steps = 20 + pick(60);
        for (unsigned k = 0; k < steps; k++) {
            events++;
            b.p->pull_after = pick(12) == 0 ? (long)pick(4) : -1;
            unsigned r = pick(100);
            if (r < 6) {
                myna_vcard_set_present(b.vc, false);
                if (b.watching) {
                    myna_card_free(b.card);
                    b.card = NULL;
                    b.present_sent = false;
                    kpush(&b, KIOSK_EV_CARD_PULLED, 0);
                }
                kfeed(ks, &b, KIOSK_EV_COUNT_, 0, 0); /* drain only (ignored event) */
                continue;
            }
            if (r < 14) {
                myna_vcard_set_present(b.vc, true);
                if (b.watching && b.card == NULL)
                    k_open(&b);
                kfeed(ks, &b, KIOSK_EV_COUNT_, 0, 0);
                continue;
            }
            /* Mostly what a resident does on the current screen; one time in eight
             * anything at all (double taps, late presses, a staff member's switch). */
            kiosk_event_type ev = ui[pick(sizeof ui / sizeof ui[0])];
            kiosk_state st = kiosk_session_state(ks);
            if (pick(8) != 0) {
                switch (st) {
                case KIOSK_S_MENU:
                    ev = KIOSK_EV_PROCEDURE;
                    break;
                case KIOSK_S_PIN:
                case KIOSK_S_CHECKCODE_B:
                    ev = kiosk_session_digits(ks) < kiosk_session_secret_len(ks)
                             ? (pick(12) ? KIOSK_EV_DIGIT : KIOSK_EV_DELETE)
                             : KIOSK_EV_SUBMIT;
                    break;
                case KIOSK_S_QUESTIONS:
                    ev = pick(6) ? KIOSK_EV_ANSWER : KIOSK_EV_BACK;
                    break;
                case KIOSK_S_CONFIRM:
                    ev = pick(5) ? KIOSK_EV_CONFIRM : KIOSK_EV_BACK;
                    break;
                case KIOSK_S_PRINTING:
                    ev = pick(4) ? KIOSK_EV_RETRY : KIOSK_EV_CANCEL;
                    break;
                case KIOSK_S_DONE:
                case KIOSK_S_ERROR:
                case KIOSK_S_STAFF_CALL:
                    ev = KIOSK_EV_CONFIRM;
                    break;
                default:
                    break;
                }
            }
            int arg = 0, arg2 = 0;
            if (ev == KIOSK_EV_PROCEDURE) {
                arg = (int)pick(3);
                arg2 = (int)pick(4);
                digit_i = 0;
                right_pin = pick(3) != 0;
            } else if (ev == KIOSK_EV_DIGIT) {
                size_t len = kiosk_session_secret_len(ks);
                const char *code = len == KIOSK_CHECKCODE_B_LEN ? CHECKCODE_B_OK : PIN_OK;
                size_t i = kiosk_session_digits(ks);
                arg = right_pin && i < strlen(code) ? code[i] - '0' : (int)pick(10);
                digit_i++;
            } else if (ev == KIOSK_EV_SUBMIT) {
                submits++;
                digit_i = 0;
            } else if (ev == KIOSK_EV_CLEAR) {
                digit_i = 0;
            }
            if (ev == KIOSK_EV_STAFF_CHECKCODE_B && pick(4) != 0)
                continue; /* rare: staff action */
            kfeed(ks, &b, ev, arg, arg2);
            if (kiosk_session_state(ks) == KIOSK_S_MENU)
                at_menu++;
            if (kiosk_session_state(ks) == KIOSK_S_STAFF_CALL)
                staff_calls++;
        }
        kiosk_session_free(ks);
        myna_card_free(b.card);
        w_verify += b.verify_calls;
        w_unsol += b.unsolicited;
        w_retry += b.retries;
        w_blocked += b.on_blocked;
        w_nopresent += b.no_present;
        w_dirty += b.dirty;
        w_wipes += b.wipes;
        myna_vcard_free(b.vc);
        free(b.p);
    }
    printf("kiosk-pin-safety: sequences %lu events %lu submits %lu backend_verify %lu "
           "apdus %lu verify_with_data %lu verify_without_data %lu wipes %lu staff_calls %lu\n",
           seqs, events, submits, w_verify, g_c.apdus, g_c.verify_data, g_c.verify_nodata, w_wipes,
           staff_calls);
    printf("kiosk-pin-safety: unsolicited %lu retries %lu on_blocked %lu before_tries %lu "
           "apdu_unsolicited %lu apdu_retries %lu apdu_on_blocked %lu apdu_no_tries_check %lu "
           "dirty_secret_at_menu %lu\n",
           w_unsol, w_retry, w_blocked, w_nopresent, g_c.unsolicited, g_c.retries, g_c.on_blocked,
           g_c.no_tries, w_dirty);
    fflush(stdout);
    (void)at_menu;
    assert_true(w_verify > 0);
    assert_int_equal(w_unsol, 0);
    assert_int_equal(w_retry, 0);
    assert_int_equal(w_blocked, 0);
    assert_int_equal(w_nopresent, 0);
    assert_int_equal(g_c.unsolicited, 0);
    assert_int_equal(g_c.retries, 0);
    assert_int_equal(g_c.on_blocked, 0);
    assert_int_equal(g_c.no_tries, 0);
    assert_int_equal(w_dirty, 0);
}
#endif

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: test-pin-safety PROFILE [SEQUENCES] [SEED]\n");
        return 2;
    }
    g_profile = argv[1];
    if (argc > 2)
        g_sequences = strtoul(argv[2], NULL, 10);
    if (argc > 3)
        g_seed = strtoull(argv[3], NULL, 10);
    if (getenv("KAKANAI_UNDER_VALGRIND") != NULL && g_sequences > 300)
        g_sequences = 300; /* 20-50x slower there: the same properties on fewer sequences */
    if (myna_secure_init(1u << 20) != MYNA_OK) {
        fprintf(stderr, "test-pin-safety: no locked memory\n");
        return 1;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(pin_tries_are_never_spent_without_the_resident),
        cmocka_unit_test(next_session_on_the_same_card_needs_the_pin_again),
#ifdef KAKANAI_HAVE_KIOSK_SESSION
        cmocka_unit_test(kiosk_session_never_verifies_on_its_own),
#endif
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
