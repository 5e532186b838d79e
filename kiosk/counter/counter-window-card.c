/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * counter-window-card.c — reading one member's card: the kiosk's card worker, the PIN pad on
 * the resident's window (same tries safety as the kiosk: tries shown before entry, a last-try
 * warning, no VERIFY ever sent to a blocked card), or 照合番号B typed by staff. See
 * counter-window.h.
 */
#include "counter-window-private.h"

#include <glib/gi18n.h>
#include <string.h>

static void secret_drop(CounterWindow *self)
{
    if (self->secret)
        myna_secure_free(self->secret, KIOSK_SECRET_MAX);
    self->secret = NULL;
    self->secret_len = 0;
}

static gboolean secret_new(CounterWindow *self)
{
    secret_drop(self);
    self->secret = myna_secure_alloc(KIOSK_SECRET_MAX);
    return self->secret != NULL;
}

static void pin_update(CounterWindow *self)
{
    kiosk_pin_screen_update(counter_resident_window_pin(self->resident), FALSE, MYNA_PIN_LEN,
                            self->secret_len, self->tries, self->tries == 1);
}

void counter_window_card_stop(CounterWindow *self, gboolean join)
{
    if (self->card)
        kiosk_card_worker_stop(self->card, join);
    self->card = NULL;
    if (self->mb)
        kiosk_mailbox_drop(self->mb); /* results not delivered yet are wiped unseen */
    secret_drop(self);
    counter_window_status(self, NULL, FALSE);
    if (join) /* the window goes: wait for threads that were only told to stop */
        for (int i = 0; i < 400 && g_atomic_int_get(&self->card_threads) > 0; i++)
            g_usleep(10000);
}

/* The read ends (well or not): the worker stops, the resident is told what to do. */
static void card_done(CounterWindow *self, const char *status, const char *resident_screen)
{
    counter_window_card_stop(self, FALSE);
    counter_window_status(self, status, FALSE);
    counter_resident_window_show(self->resident, resident_screen);
    counter_resident_window_set_note(self->resident, NULL);
}

void counter_window_card_start(CounterWindow *self, gboolean code_b)
{
    counter_window_card_stop(self, FALSE);
    if (code_b) {
        const char *code = counter_members_screen_code_b(self->members);
        size_t n = strlen(code);
        if (n != MYNA_CHECKCODE_B_LEN || strspn(code, "0123456789") != n) {
            counter_window_status(self, _("照合番号B is 14 digits: birth date YYMMDD, expiry "
                                          "year, security code."), FALSE);
            return;
        }
        if (!secret_new(self))
            return;
        memcpy(self->secret, code, n);
        self->secret_len = n;
    }
    self->card_code_b = code_b;
    self->card_read = FALSE;
    self->card_role = counter_members_screen_role(self->members);
    self->tries = -1;
    self->card = kiosk_card_worker_start(self->cards, self->mb, counter_visit_generation(self->visit),
                                         code_b, self->config->reader_filter, &self->card_threads);
    counter_window_status(self, _("Waiting for the card on the counter reader…"), TRUE);
    counter_resident_window_show(self->resident, "card");
}

/* ---- the PIN pad on the resident's window ------------------------------------------------- */

static void on_digit(CounterWindow *self, int digit)
{
    if (!self->card || self->card_code_b || !self->secret || self->secret_len >= MYNA_PIN_LEN ||
        digit < 0 || digit > 9)
        return;
    self->secret[self->secret_len++] = (char)('0' + digit);
    pin_update(self);
}

static void on_delete(CounterWindow *self)
{
    if (self->secret && self->secret_len > 0)
        self->secret[--self->secret_len] = 0;
    pin_update(self);
}

static void on_clear(CounterWindow *self)
{
    if (self->secret)
        memset(self->secret, 0, KIOSK_SECRET_MAX);
    self->secret_len = 0;
    pin_update(self);
}

static void on_pin_entered(CounterWindow *self)
{
    if (!self->card || !self->secret || self->secret_len != MYNA_PIN_LEN)
        return;
    /* the worker takes the buffer over and wipes it right after the VERIFY */
    char *s = self->secret;
    size_t len = self->secret_len;
    self->secret = NULL;
    self->secret_len = 0;
    self->t_tap = g_get_monotonic_time();
    kiosk_card_worker_verify(self->card, s, len, FALSE);
    counter_resident_window_show(self->resident, "reading");
    counter_window_status(self, _("Checking the PIN…"), TRUE);
}

void counter_window_card_init(CounterWindow *self)
{
    self->mb = kiosk_mailbox_new(counter_window_card_deliver, self);
}

static void connect_pin(CounterWindow *self)
{
    KioskPinScreen *pin = counter_resident_window_pin(self->resident);
    if (g_object_get_data(G_OBJECT(pin), "counter-connected"))
        return;
    g_object_set_data(G_OBJECT(pin), "counter-connected", GINT_TO_POINTER(1));
    g_signal_connect_swapped(pin, "digit-pressed", G_CALLBACK(on_digit), self);
    g_signal_connect_swapped(pin, "delete-pressed", G_CALLBACK(on_delete), self);
    g_signal_connect_swapped(pin, "clear-pressed", G_CALLBACK(on_clear), self);
    g_signal_connect_swapped(pin, "pin-entered", G_CALLBACK(on_pin_entered), self);
}

/* ---- what the worker says ------------------------------------------------------------------ */

static void card_present(CounterWindow *self, int tries)
{
    self->tries = tries;
    if (tries == 0) {
        card_done(self,
                  self->card_code_b ? _("照合番号B is blocked on this card: the card must be "
                                        "unlocked (本人確認のうえ初期化).")
                                    : _("The PIN is blocked: read the card with 照合番号B, or "
                                        "unlock the PIN."),
                  "taken");
        return;
    }
    if (self->card_code_b) { /* staff typed it already: verify at once */
        char *s = self->secret;
        size_t len = self->secret_len;
        self->secret = NULL;
        self->secret_len = 0;
        self->t_tap = g_get_monotonic_time();
        kiosk_card_worker_verify(self->card, s, len, TRUE);
        counter_resident_window_show(self->resident, "reading");
        counter_window_status(self, _("Checking 照合番号B…"), TRUE);
        return;
    }
    if (!secret_new(self)) {
        card_done(self, _("Out of locked memory."), "welcome");
        return;
    }
    connect_pin(self);
    pin_update(self);
    counter_resident_window_show(self->resident, "pin");
    counter_window_status(self, _("The resident types the PIN on their screen…"), TRUE);
}

static void wrong(CounterWindow *self, int tries)
{
    self->tries = tries;
    if (self->card_code_b) {
        card_done(self, tries == 1 ? _("Wrong 照合番号B: one try left. Check the card face.")
                                   : _("Wrong 照合番号B. Check the card face."),
                  "welcome");
        return;
    }
    if (!secret_new(self)) {
        card_done(self, _("Out of locked memory."), "welcome");
        return;
    }
    pin_update(self);
    counter_resident_window_show(self->resident, "pin");
    counter_window_status(self, tries == 1 ? _("Wrong PIN: ONE try left (the card locks after it).")
                                           : _("Wrong PIN: the resident tries again."),
                          TRUE);
}

static void read_ok(CounterWindow *self, myna_attrs *attrs)
{
    size_t idx = 0;
    counter_err err = counter_visit_add_card(self->visit, counter_visit_generation(self->visit),
                                             attrs,
                                             self->card_code_b ? COUNTER_SRC_CHECKCODE_B
                                                               : COUNTER_SRC_PIN,
                                             self->card_role, &idx);
    self->read_ms = (double)(g_get_monotonic_time() - self->t_tap) / 1000.0;
    self->card_read = TRUE;
    /* keep the worker: it tells when the card is taken back; then it stops */
    counter_resident_window_show(self->resident, "taken");
    counter_members_screen_show_members(self->members, self->visit);
    counter_members_screen_clear_typed(self->members);
    if (err == COUNTER_OK) {
        counter_role next = self->card_role == COUNTER_ROLE_HEAD ? COUNTER_ROLE_SPOUSE
                            : self->card_role == COUNTER_ROLE_SPOUSE ? COUNTER_ROLE_CHILD
                                                                     : self->card_role;
        counter_members_screen_set_role(self->members, next);
    }
    counter_window_status(self,
                          err == COUNTER_OK ? _("Card read. The resident may take it back.")
                          : err == COUNTER_E_DUPLICATE ? _("This card was read already.")
                          : err == COUNTER_E_FULL ? _("A visit holds at most six people.")
                                                  : _("The card's data could not be used."),
                          FALSE);
}

static void on_event(CounterWindow *self, kiosk_event_type ev, int arg)
{
    switch (ev) {
    case KIOSK_EV_CARD_PRESENT:
        card_present(self, arg);
        break;
    case KIOSK_EV_VERIFY_OK:
        kiosk_card_worker_read(self->card, counter_visit_read_flags(self->visit));
        counter_window_status(self, _("Reading the card…"), TRUE);
        break;
    case KIOSK_EV_WRONG_PIN:
        wrong(self, arg);
        break;
    case KIOSK_EV_BLOCKED:
        card_done(self, self->card_code_b ? _("照合番号B is now blocked on this card.")
                                          : _("The PIN is now blocked: use 照合番号B."),
                  "taken");
        break;
    case KIOSK_EV_CARD_PULLED:
        if (self->card_read) /* taken back after its read: as it should be */
            card_done(self, _("Card read and taken back."), "welcome");
        else
            card_done(self, _("The card was taken away before it was read: nothing was kept."),
                      "welcome");
        break;
    case KIOSK_EV_CARD_ERROR:
    case KIOSK_EV_READ_FAILED:
        card_done(self,
                  arg == KIOSK_P_NO_READER    ? _("No card reader is connected.")
                  : arg == KIOSK_P_NO_SERVICE ? _("The card service (pcscd) is not running.")
                  : arg == KIOSK_P_NOT_MYNA   ? _("This is not a My Number card.")
                                              : _("The card could not be read. Try again."),
                  "welcome");
        break;
    default:
        break;
    }
}

void counter_window_card_deliver(void *user, kiosk_msg *m)
{
    CounterWindow *self = user;
    if (!self->card || m->gen != counter_visit_generation(self->visit))
        return; /* a late result: the mailbox wipes it */
    switch (m->kind) {
    case KIOSK_MSG_EVENT:
        on_event(self, m->ev, m->arg);
        break;
    case KIOSK_MSG_CARD_READ:
        read_ok(self, m->attrs); /* copied into the visit; the mailbox wipes m->attrs */
        break;
    case KIOSK_MSG_READER:
        if (m->reader == KIOSK_READER_NONE)
            counter_window_status(self, _("No card reader is connected."), TRUE);
        break;
    default:
        break;
    }
}
