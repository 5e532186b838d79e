/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* counter-window.c — the staff's window: screens and the flow of a visit. See counter-window.h. */
#include "counter-window-private.h"

#include <glib/gi18n.h>
#include <string.h>

#include "counter-screen-common.h"
#include "kiosk-screen-common.h"

G_DEFINE_FINAL_TYPE(CounterWindow, counter_window, GTK_TYPE_WINDOW)

void counter_window_go(CounterWindow *self, const char *screen)
{
    gtk_stack_set_visible_child_name(GTK_STACK(self->stack), screen);
    gboolean in = self->staff_id[0] != 0;
    gtk_widget_set_visible(self->signout, in);
    gtk_widget_set_visible(self->cancel, in && strcmp(screen, "procedures") != 0);
}

const char *counter_window_screen_name(CounterWindow *self)
{
    return gtk_stack_get_visible_child_name(GTK_STACK(self->stack));
}

GtkWidget *counter_window_screen(CounterWindow *self, const char *name)
{
    return gtk_stack_get_child_by_name(GTK_STACK(self->stack), name);
}

CounterResidentWindow *counter_window_resident(CounterWindow *self) { return self->resident; }
kiosk_card_source *counter_window_cards(CounterWindow *self) { return self->cards; }
const counter_visit *counter_window_visit(CounterWindow *self) { return self->visit; }

void counter_window_status(CounterWindow *self, const char *text, gboolean busy)
{
    counter_members_screen_set_status(self->members, text, busy);
}

/* ---- the end of a visit: every path wipes --------------------------------------------------- */

static void audit_visit(CounterWindow *self, counter_end why)
{
    if (!self->audit || !self->staff_id[0])
        return;
    size_t n = counter_visit_procedure_count(self->visit);
    if (n == 0 && counter_visit_member_count(self->visit) == 0 && self->printed == 0)
        return; /* nothing happened: no line */
    const char *ids[COUNTER_PROCEDURES_MAX];
    for (size_t i = 0; i < n; i++)
        ids[i] = form_procedure_id(counter_visit_procedure(self->visit, i));
    counter_audit_visit e = {.staff = self->staff_id, .event = counter_visit_event(self->visit),
                             .procedures = ids, .n_procedures = n, .forms = self->forms,
                             .printed = self->printed, .failed = self->failed, .end = why};
    counter_visit_get_stats(self->visit, &e.stats);
    counter_err err = counter_audit_visit_done(self->audit, &e);
    if (err != COUNTER_OK)
        g_warning("audit log: %s", counter_err_name(err));
}

void counter_window_end_visit(CounterWindow *self, counter_end why)
{
    audit_visit(self, why);
    counter_window_card_stop(self, FALSE);
    counter_window_print_drop(self); /* jobs still queued are cancelled and purged */
    counter_visit_wipe(self->visit, why);
    counter_members_screen_wipe(self->members);
    counter_answers_screen_clear(self->answers);
    counter_pages_wipe(counter_preview_screen_pages(self->preview));
    counter_preview_screen_set_busy(self->preview, FALSE, NULL);
    counter_procedures_screen_reset(self->procedures);
    counter_resident_window_show(self->resident, "welcome");
    counter_resident_window_set_note(self->resident, NULL);
    self->printed = self->failed = self->forms = 0;
    g_message("visit ended: %s", counter_end_name(why));
}

gboolean counter_window_is_wiped(CounterWindow *self, const char **what)
{
    const char *w = NULL;
    if (counter_visit_member_count(self->visit) || counter_visit_procedure_count(self->visit))
        w = "visit";
    else if (self->batch)
        w = "documents";
    else if (self->secret)
        w = "pin";
    else if (counter_pages_count(counter_preview_screen_pages(self->preview)) ||
             counter_pages_count(counter_resident_window_pages(self->resident)))
        w = "preview";
    else if (counter_answers_screen_count(self->answers))
        w = "answers";
    if (what)
        *what = w;
    return w == NULL;
}

static void sign_out(CounterWindow *self, counter_end why)
{
    counter_window_end_visit(self, why);
    if (self->staff_id[0] && self->audit)
        counter_audit_staff(self->audit, "sign-out", self->staff_id);
    memset(self->staff_id, 0, sizeof self->staff_id);
    gtk_label_set_text(GTK_LABEL(self->who), "");
    counter_signin_screen_reset(self->signin, NULL);
    counter_window_go(self, "signin");
}

/* ---- idle ------------------------------------------------------------------------------ */

static void touch(CounterWindow *self) { self->last_input = g_get_monotonic_time(); }

void counter_window_idle_now(CounterWindow *self)
{
    if (self->staff_id[0])
        sign_out(self, COUNTER_END_IDLE);
}

static gboolean on_idle_tick(gpointer data)
{
    CounterWindow *self = data;
    gint64 idle = (g_get_monotonic_time() - self->last_input) / G_USEC_PER_SEC;
    if (self->staff_id[0] && idle >= self->idle_seconds && !self->card)
        counter_window_idle_now(self);
    if (++self->reload_tick >= COUNTER_RELOAD_SECONDS) {
        self->reload_tick = 0;
        counter_window_templates_reload(self);
    }
    return G_SOURCE_CONTINUE;
}

/* ---- sign-in ----------------------------------------------------------------------------- */

static void on_sign_in(CounterWindow *self)
{
    touch(self);
    const char *id = counter_signin_screen_id(self->signin);
    unsigned wait = 0;
    counter_err err = counter_staff_sign_in(self->staff, id, counter_signin_screen_passcode(self->signin),
                                            g_get_monotonic_time() / G_USEC_PER_SEC, &wait);
    if (err != COUNTER_OK) {
        counter_audit_staff(self->audit,
                            err == COUNTER_E_STAFF_LOCKED ? "locked" : "sign-in-failed", id);
        g_autofree char *msg = NULL;
        if (err == COUNTER_E_STAFF_LOCKED)
            msg = g_strdup_printf(_("Too many wrong passcodes: try again in %u seconds."), wait);
        counter_signin_screen_reset(self->signin,
                                    msg ? msg
                                    : counter_staff_count(self->staff) == 0
                                        ? _("No staff is set up: add staff with kakanai-staff add ID.")
                                        : _("Unknown staff ID or wrong passcode."));
        return;
    }
    g_strlcpy(self->staff_id, id, sizeof self->staff_id);
    counter_audit_staff(self->audit, "sign-in", self->staff_id);
    counter_signin_screen_reset(self->signin, NULL);
    g_autofree char *who = g_strdup_printf(_("Staff %s"), self->staff_id);
    gtk_label_set_text(GTK_LABEL(self->who), who);
    counter_window_go(self, "procedures");
}

/* ---- life event → interview → procedures ------------------------------------------------------ */

static void update_asked(CounterWindow *self)
{
    for (int i = 0; i < counter_interview_screen_count(self->interview); i++)
        counter_interview_screen_set_asked(self->interview, i,
                                           counter_visit_event_asks(self->visit, (size_t)i));
}

static void on_event_chosen(CounterWindow *self, int i)
{
    touch(self);
    const form_event *e = form_catalog_event(self->cat, (size_t)i);
    if (!e || counter_visit_set_event(self->visit, form_event_id(e)) != COUNTER_OK)
        return;
    counter_interview_screen_set_event(self->interview, e, self->lang);
    for (int k = 0; k < counter_interview_screen_count(self->interview); k++) {
        const char *val = counter_interview_screen_value(self->interview, k);
        counter_visit_set_interview(self->visit, form_question_id(form_event_question(e, (size_t)k)),
                                    val);
    }
    update_asked(self);
    counter_window_go(self, "interview");
}

static void on_interview_changed(CounterWindow *self, int i)
{
    touch(self);
    const form_event *e = form_catalog_find_event(self->cat, counter_visit_event(self->visit));
    const form_question *q = e ? form_event_question(e, (size_t)i) : NULL;
    if (!q)
        return;
    counter_visit_set_interview(self->visit, form_question_id(q),
                                counter_interview_screen_value(self->interview, i));
    update_asked(self);
    /* a question no longer asked has no answer */
    for (int k = 0; k < counter_interview_screen_count(self->interview); k++)
        if (!counter_visit_event_asks(self->visit, (size_t)k))
            counter_visit_set_interview(self->visit,
                                        form_question_id(form_event_question(e, (size_t)k)), NULL);
}

static void on_navigate(CounterWindow *self)
{
    touch(self);
    if (counter_visit_navigate(self->visit, FALSE) != COUNTER_OK)
        return;
    counter_procedures_screen_reset(self->procedures);
    for (size_t i = 0; i < counter_visit_procedure_count(self->visit); i++)
        counter_procedures_screen_set_checked(self->procedures,
                                              form_procedure_id(counter_visit_procedure(self->visit, i)),
                                              TRUE);
    counter_window_go(self, "procedures");
}

static void on_interview_back(CounterWindow *self) { counter_window_go(self, "procedures"); }

/* ---- procedures → members → answers ---------------------------------------------------------- */

static void on_procedures_chosen(CounterWindow *self)
{
    touch(self);
    const char *ids[COUNTER_PROCEDURES_MAX];
    size_t n = counter_procedures_screen_selected(self->procedures, ids, COUNTER_PROCEDURES_MAX);
    /* the event's route first (as navigated), then what staff ticked besides */
    const form_nav *nav = counter_visit_nav(self->visit);
    counter_visit_clear_procedures(self->visit);
    for (size_t k = 0; k < form_nav_count(nav); k++)
        for (size_t i = 0; i < n && i < COUNTER_PROCEDURES_MAX; i++)
            if (!strcmp(ids[i], form_procedure_id(form_nav_procedure(nav, k))))
                counter_visit_add_procedure(self->visit, ids[i]);
    for (size_t i = 0; i < n && i < COUNTER_PROCEDURES_MAX; i++)
        counter_visit_add_procedure(self->visit, ids[i]);
    counter_members_screen_show_members(self->members, self->visit);
    counter_window_go(self, "members");
}

static void on_add_typed(CounterWindow *self)
{
    touch(self);
    counter_member_input in;
    counter_members_screen_typed(self->members, &in);
    counter_err err = counter_visit_add_typed(self->visit, &in, NULL);
    if (err != COUNTER_OK) {
        counter_window_status(self,
                              err == COUNTER_E_DUPLICATE ? _("This person is already in the visit.")
                              : err == COUNTER_E_FULL ? _("A visit holds at most six people.")
                                                      : _("Check the name, the birth date "
                                                          "(YYYYMMDD) and the number."),
                              FALSE);
        return;
    }
    counter_members_screen_clear_typed(self->members);
    counter_members_screen_show_members(self->members, self->visit);
    counter_window_status(self, _("Member added."), FALSE);
}

static void on_remove_member(CounterWindow *self, int i)
{
    touch(self);
    counter_visit_remove_member(self->visit, (size_t)i);
    counter_members_screen_show_members(self->members, self->visit);
}

static void on_read_card(CounterWindow *self, int code_b)
{
    touch(self);
    counter_window_card_start(self, code_b != 0);
}

/* For each procedure whose forms list the household, who is on them (a row of checks: each
 * member by number and role, never by name). */
static void add_member_checks(CounterWindow *self)
{
    static const char *const role_text[] = {
        [COUNTER_ROLE_HEAD] = N_("Householder (世帯主)"), [COUNTER_ROLE_SPOUSE] = N_("Spouse (妻・夫)"),
        [COUNTER_ROLE_CHILD] = N_("Child (子)"),          [COUNTER_ROLE_PARENT] = N_("Parent (父・母)"),
        [COUNTER_ROLE_OTHER] = N_("Other"),
    };
    size_t nm = counter_visit_member_count(self->visit);
    if (nm < 1 || nm > COUNTER_ANSWERS_CHECKS_MAX)
        return;
    char *labels[COUNTER_ANSWERS_CHECKS_MAX];
    for (size_t i = 0; i < nm; i++) {
        counter_role r = counter_visit_member_role(self->visit, i);
        labels[i] = g_strdup_printf("%zu %s", i + 1, _(role_text[r <= COUNTER_ROLE_OTHER ? r : COUNTER_ROLE_OTHER]));
    }
    for (size_t p = 0; p < counter_visit_procedure_count(self->visit); p++) {
        const form_procedure *proc = counter_visit_procedure(self->visit, p);
        /* one member: a row only when that member was left off (a member removed since) */
        if (!(form_procedure_needs(proc) & FORM_NEEDS_MEMBERS) ||
            (nm < 2 && counter_visit_procedure_all_members(self->visit, proc)))
            continue;
        gboolean on[COUNTER_ANSWERS_CHECKS_MAX];
        for (size_t i = 0; i < nm; i++)
            on[i] = counter_visit_procedure_member(self->visit, proc, i);
        g_autofree char *key = g_strconcat("m:", form_procedure_id(proc), NULL);
        g_autofree char *label = g_strdup_printf(
            _("Who is on %s"), form_text_get(form_procedure_title(proc), self->lang));
        counter_answers_screen_add_checks(self->answers, key, label, (const char *const *)labels,
                                          on, nm);
    }
    for (size_t i = 0; i < nm; i++)
        g_free(labels[i]);
}

/* Apply a row of member checks ("m:<procedure>", value "101"). */
static void set_member_checks(CounterWindow *self, const char *procedure_id, const char *flags)
{
    /* a procedure not in the visit is refused by the visit itself (COUNTER_E_UNKNOWN) */
    const form_procedure *proc = form_catalog_find(self->cat, procedure_id);
    for (size_t i = 0; proc && flags && flags[i]; i++)
        counter_visit_set_procedure_member(self->visit, proc, i, flags[i] == '1');
}

/* One row per member without kana, who is on each form that lists the household, then every
 * question of the visit's procedures that the visit does not fill itself, once, prefilled
 * with its answer or default. */
static void build_answers(CounterWindow *self)
{
    counter_answers_screen_clear(self->answers);
    for (size_t i = 0; i < counter_visit_member_count(self->visit); i++) {
        if (counter_visit_member_field(self->visit, i, COUNTER_F_KANA))
            continue;
        g_autofree char *key = g_strdup_printf("kana:%zu", i + 1);
        const char *rel = counter_visit_member_field(self->visit, i, COUNTER_F_RELATION);
        g_autofree char *label = g_strdup_printf(_("Kana of member %zu (%s)"), i + 1,
                                                 rel ? rel : "");
        counter_answers_screen_add_text(self->answers, key, label, _("katakana"), NULL);
    }
    add_member_checks(self);
    GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
    for (size_t p = 0; p < counter_visit_procedure_count(self->visit); p++) {
        const form_procedure *proc = counter_visit_procedure(self->visit, p);
        for (size_t k = 0; k < form_procedure_question_count(proc); k++) {
            const form_question *q = form_procedure_question(proc, k);
            const char *id = form_question_id(q), *about = form_question_about(q);
            if ((about && g_str_has_prefix(about, "card.")) || g_hash_table_contains(seen, id))
                continue;
            g_hash_table_add(seen, (gpointer)id);
            g_autofree char *key = g_strconcat("q:", id, NULL);
            const char *label = form_text_get(form_question_label(q), self->lang);
            const char *now = counter_visit_answer(self->visit, id);
            if (!now)
                now = form_question_default(q);
            form_question_type t = form_question_type_of(q);
            if (t == FORM_Q_CHOICE || t == FORM_Q_YESNO) {
                size_t n = t == FORM_Q_YESNO ? 2 : form_question_choice_count(q);
                const char **vals = g_new0(const char *, n + 1), **labels = g_new0(const char *, n + 1);
                for (size_t c = 0; c < n; c++) {
                    if (t == FORM_Q_YESNO) {
                        vals[c] = c == 0 ? "yes" : "no";
                        labels[c] = c == 0 ? _("Yes") : _("No");
                    } else {
                        vals[c] = form_question_choice_value(q, c);
                        labels[c] = form_text_get(form_question_choice_label(q, c), self->lang);
                    }
                }
                counter_answers_screen_add_choice(self->answers, key, label, vals, labels, n, now);
                g_free(vals);
                g_free(labels);
            } else {
                const char *hint = t == FORM_Q_DATE ? _("YYYYMMDD")
                                   : t == FORM_Q_KANA ? _("kana")
                                   : form_question_required(q) ? NULL : _("optional");
                counter_answers_screen_add_text(self->answers, key, label, hint, now);
            }
        }
    }
    g_hash_table_destroy(seen);
}

static void on_members_next(CounterWindow *self)
{
    touch(self);
    counter_window_card_stop(self, FALSE);
    /* the household is known now: the event's rules once more (ages, counts); what staff
     * ticked by hand stays */
    if (counter_visit_event(self->visit))
        counter_visit_navigate(self->visit, TRUE);
    build_answers(self);
    counter_window_go(self, "answers");
}

static const form_question *find_question(CounterWindow *self, const char *id)
{
    for (size_t p = 0; p < counter_visit_procedure_count(self->visit); p++) {
        const form_procedure *proc = counter_visit_procedure(self->visit, p);
        for (size_t k = 0; k < form_procedure_question_count(proc); k++)
            if (!strcmp(form_question_id(form_procedure_question(proc, k)), id))
                return form_procedure_question(proc, k);
    }
    return NULL;
}

static void on_answers_next(CounterWindow *self)
{
    touch(self);
    for (int i = 0; i < counter_answers_screen_count(self->answers); i++) {
        const char *key = counter_answers_screen_key(self->answers, i);
        const char *val = counter_answers_screen_value(self->answers, i);
        if (g_str_has_prefix(key, "kana:")) {
            size_t m = (size_t)g_ascii_strtoull(key + 5, NULL, 10);
            if (m >= 1 && counter_visit_set_member_field(self->visit, m - 1, COUNTER_F_KANA,
                                                         val) != COUNTER_OK) {
                counter_answers_screen_set_message(self->answers, _("A kana reading is too long."));
                return;
            }
            continue;
        }
        if (g_str_has_prefix(key, "m:")) {
            set_member_checks(self, key + 2, val);
            continue;
        }
        const form_question *q = find_question(self, key + 2);
        const char *why = NULL;
        if (q && val && form_question_validate(q, val, self->lang, &why) != FORM_OK) {
            g_autofree char *msg = g_strdup_printf("%s: %s",
                                                   form_text_get(form_question_label(q), self->lang),
                                                   why ? why : "");
            counter_answers_screen_set_message(self->answers, msg);
            return;
        }
        counter_visit_set_answer(self->visit, key + 2, val);
    }
    const char *missing[1];
    if (counter_visit_missing_answers(self->visit, missing, 1) > 0) {
        const form_question *q = find_question(self, missing[0]);
        g_autofree char *msg = g_strdup_printf(_("Still needed: %s"),
                                               q ? form_text_get(form_question_label(q), self->lang)
                                                 : missing[0]);
        counter_answers_screen_set_message(self->answers, msg);
        return;
    }
    counter_answers_screen_set_message(self->answers, NULL);
    counter_window_go(self, "preview");
    counter_window_render(self);
}

static void on_answers_back(CounterWindow *self) { counter_window_go(self, "members"); }

static void on_preview_back(CounterWindow *self)
{
    counter_window_print_drop(self);
    counter_pages_wipe(counter_preview_screen_pages(self->preview));
    counter_resident_window_show(self->resident, "welcome");
    counter_window_go(self, "answers");
}

static void on_print(CounterWindow *self)
{
    touch(self);
    counter_window_print(self);
}

static void on_next_visitor(CounterWindow *self)
{
    touch(self);
    counter_window_end_visit(self, COUNTER_END_NEXT);
    counter_window_go(self, "procedures");
}

static void on_cancel(CounterWindow *self)
{
    touch(self);
    counter_window_end_visit(self, COUNTER_END_CANCEL);
    counter_window_go(self, "procedures");
}

static void on_sign_out(CounterWindow *self) { sign_out(self, COUNTER_END_SIGN_OUT); }

/* ---- the window ------------------------------------------------------------------------- */

static gboolean on_close(CounterWindow *self)
{
    sign_out(self, COUNTER_END_WINDOW_CLOSED);
    return FALSE;
}

static void counter_window_dispose(GObject *o)
{
    CounterWindow *self = COUNTER_WINDOW(o);
    if (self->visit) {
        counter_window_end_visit(self, COUNTER_END_WINDOW_CLOSED);
        counter_window_card_stop(self, TRUE);
        /* print tasks hold a reference on the window: none is left when dispose runs */
        g_clear_handle_id(&self->idle_id, g_source_remove);
        kiosk_mailbox_free(self->mb);
        self->mb = NULL;
        counter_visit_free(self->visit);
        self->visit = NULL;
    }
    if (self->resident) {
        gtk_window_destroy(GTK_WINDOW(self->resident));
        self->resident = NULL;
    }
    G_OBJECT_CLASS(counter_window_parent_class)->dispose(o);
}

static void counter_window_finalize(GObject *o)
{
    CounterWindow *self = COUNTER_WINDOW(o);
    counter_audit_free(self->audit);
    counter_staff_free(self->staff);
    form_catalog_free(self->cat);
    g_free(self->lang);
    G_OBJECT_CLASS(counter_window_parent_class)->finalize(o);
}

static void counter_window_class_init(CounterWindowClass *klass)
{
    GtkWidgetClass *wc = GTK_WIDGET_CLASS(klass);
    G_OBJECT_CLASS(klass)->dispose = counter_window_dispose;
    G_OBJECT_CLASS(klass)->finalize = counter_window_finalize;
    g_type_ensure(COUNTER_TYPE_SIGNIN_SCREEN);
    g_type_ensure(COUNTER_TYPE_PROCEDURES_SCREEN);
    g_type_ensure(COUNTER_TYPE_INTERVIEW_SCREEN);
    g_type_ensure(COUNTER_TYPE_MEMBERS_SCREEN);
    g_type_ensure(COUNTER_TYPE_ANSWERS_SCREEN);
    g_type_ensure(COUNTER_TYPE_PREVIEW_SCREEN);
    g_type_ensure(COUNTER_TYPE_DONE_SCREEN);
    gtk_widget_class_set_template_from_resource(wc, COUNTER_SCREEN_RES "window.ui");
    gtk_widget_class_bind_template_child(wc, CounterWindow, stack);
    gtk_widget_class_bind_template_child(wc, CounterWindow, who);
    gtk_widget_class_bind_template_child(wc, CounterWindow, signout);
    gtk_widget_class_bind_template_child(wc, CounterWindow, cancel);
    gtk_widget_class_bind_template_child(wc, CounterWindow, signin);
    gtk_widget_class_bind_template_child(wc, CounterWindow, procedures);
    gtk_widget_class_bind_template_child(wc, CounterWindow, interview);
    gtk_widget_class_bind_template_child(wc, CounterWindow, members);
    gtk_widget_class_bind_template_child(wc, CounterWindow, answers);
    gtk_widget_class_bind_template_child(wc, CounterWindow, preview);
    gtk_widget_class_bind_template_child(wc, CounterWindow, done);
    gtk_widget_class_bind_template_callback(wc, on_sign_in);
    gtk_widget_class_bind_template_callback(wc, on_procedures_chosen);
    gtk_widget_class_bind_template_callback(wc, on_event_chosen);
    gtk_widget_class_bind_template_callback(wc, on_interview_changed);
    gtk_widget_class_bind_template_callback(wc, on_navigate);
    gtk_widget_class_bind_template_callback(wc, on_interview_back);
    gtk_widget_class_bind_template_callback(wc, on_read_card);
    gtk_widget_class_bind_template_callback(wc, on_add_typed);
    gtk_widget_class_bind_template_callback(wc, on_remove_member);
    gtk_widget_class_bind_template_callback(wc, on_members_next);
    gtk_widget_class_bind_template_callback(wc, on_answers_next);
    gtk_widget_class_bind_template_callback(wc, on_answers_back);
    gtk_widget_class_bind_template_callback(wc, on_preview_back);
    gtk_widget_class_bind_template_callback(wc, on_print);
    gtk_widget_class_bind_template_callback(wc, on_next_visitor);
    gtk_widget_class_bind_template_callback(wc, on_cancel);
    gtk_widget_class_bind_template_callback(wc, on_sign_out);
    gtk_widget_class_bind_template_callback(wc, on_close);
}

static void on_any_input(GtkEventController *c, gpointer data) { touch(COUNTER_WINDOW(data)); }

static void counter_window_init(CounterWindow *self)
{
    gtk_widget_init_template(GTK_WIDGET(self));
    /* any key or click counts as activity (capture phase: before the widgets see it) */
    GtkEventController *keys = gtk_event_controller_key_new();
    gtk_event_controller_set_propagation_phase(keys, GTK_PHASE_CAPTURE);
    g_signal_connect(keys, "key-pressed", G_CALLBACK(on_any_input), self);
    gtk_widget_add_controller(GTK_WIDGET(self), keys);
    GtkGesture *click = gtk_gesture_click_new();
    gtk_event_controller_set_propagation_phase(GTK_EVENT_CONTROLLER(click), GTK_PHASE_CAPTURE);
    g_signal_connect(click, "pressed", G_CALLBACK(on_any_input), self);
    gtk_widget_add_controller(GTK_WIDGET(self), GTK_EVENT_CONTROLLER(click));
}

CounterWindow *counter_window_new(kiosk_config *config, kiosk_card_source *cards,
                                  const counter_options *opts, const char *lang, GError **error)
{
    counter_screens_register();
    form_catalog *cat = NULL;
    form_diags *diags = NULL;
    const char *key = config->require_signed && config->public_key && *config->public_key
                          ? config->public_key
                          : NULL;
    form_err ferr = form_catalog_load(config->template_dir, key, &cat, &diags);
    form_diags_free(diags);
    if (ferr != FORM_OK) {
        g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "templates in %s: %s",
                    config->template_dir, form_strerror(ferr));
        return NULL;
    }
    const char *staff_path = opts && opts->staff_file ? opts->staff_file : COUNTER_STAFF_FILE;
    const char *audit_path = opts && opts->audit_log ? opts->audit_log : COUNTER_AUDIT_FILE;
    counter_staff *staff = NULL;
    counter_audit *audit = NULL;
    unsigned line = 0;
    counter_err err = counter_staff_load(staff_path, &staff, &line);
    if (err != COUNTER_OK) {
        g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "staff file %s: %s (line %u)",
                    staff_path, counter_strerror(err), line);
        form_catalog_free(cat);
        return NULL;
    }
    err = counter_audit_open(audit_path, &audit, &line);
    if (err != COUNTER_OK) {
        g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "audit log %s: %s%s", audit_path,
                    counter_strerror(err),
                    err == COUNTER_E_AUDIT_TAMPERED ? " (kakanai-staff --verify-audit names "
                                                      "the line; keep the file as evidence)"
                                                    : "");
        counter_staff_free(staff);
        form_catalog_free(cat);
        return NULL;
    }
    CounterWindow *self = g_object_new(COUNTER_TYPE_WINDOW, NULL);
    self->config = config;
    self->cards = cards;
    self->lang = g_strdup(lang ? lang : "ja");
    self->cat = cat;
    counter_window_templates_seen(self);
    self->staff = staff;
    self->audit = audit;
    self->idle_seconds = opts && opts->idle_seconds > 0 ? opts->idle_seconds : COUNTER_IDLE_DEFAULT;
    counter_visit_new(cat, &self->visit);
    self->read_ms = self->render_ms = self->accepted_ms = -1;
    counter_window_card_init(self);
    counter_procedures_screen_set_catalog(self->procedures, cat, self->lang);
    self->resident = counter_resident_window_new();
    counter_window_go(self, "signin");
    counter_signin_screen_reset(self->signin, NULL);
    touch(self);
    self->idle_id = g_timeout_add_seconds(1, on_idle_tick, self);
    return self;
}

void counter_window_timings(CounterWindow *self, double *read_ms, double *render_ms,
                            double *accepted_ms)
{
    if (read_ms)
        *read_ms = self->read_ms;
    if (render_ms)
        *render_ms = self->render_ms;
    if (accepted_ms)
        *accepted_ms = self->accepted_ms;
}

int counter_window_printing(CounterWindow *self) { return g_atomic_int_get(&self->print_threads); }

int counter_window_card_tries(CounterWindow *self) { return self->tries; }
