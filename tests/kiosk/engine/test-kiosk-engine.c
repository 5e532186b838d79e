/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* test-kiosk-engine.c — the engine (kiosk-engine.c) with the in-process virtual card: what
 * its worker threads hand to the UI thread is wiped even when nobody takes it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <glib/gstdio.h>
#include <openssl/crypto.h>
#include <string.h>

#include "kiosk-card-pcsc.h"
#include "kiosk-card-vcard.h"
#include "kiosk-config.h"
#include "kiosk-engine.h"
#include "myna.h"

typedef struct seen {
    kiosk_event_type last;
    int count;
    int renders; /* RENDER_OK / RENDER_FAILED delivered */
} seen;

static void on_event(void *user, kiosk_event_type ev, int arg)
{
    seen *s = user;
    s->last = ev;
    s->count++;
    if (ev == KIOSK_EV_RENDER_OK || ev == KIOSK_EV_RENDER_FAILED)
        s->renders++;
}

/* Run the UI loop until the engine reported ev (at most 10 s). */
static gboolean pump_until(seen *s, kiosk_event_type ev)
{
    gint64 end = g_get_monotonic_time() + 10 * G_USEC_PER_SEC;
    while (!(s->count && s->last == ev) && g_get_monotonic_time() < end)
        if (!g_main_context_iteration(NULL, FALSE))
            g_usleep(5000);
    return s->count && s->last == ev;
}

/* Wait, without delivering anything, until a worker has queued a result (at most 10 s). */
static gboolean wait_queued(void)
{
    gint64 end = g_get_monotonic_time() + 10 * G_USEC_PER_SEC;
    while (!g_main_context_pending(NULL) && g_get_monotonic_time() < end)
        g_usleep(5000);
    return g_main_context_pending(NULL);
}

/* The default configuration with the shipped templates. */
static kiosk_config *shipped_config(void)
{
    kiosk_config *cfg = kiosk_config_load("/nonexistent/kiosk.conf", FALSE, NULL);
    assert_non_null(cfg);
    g_free(cfg->template_dir);
    cfg->template_dir = g_strdup(KIOSK_TEST_SRC "/templates");
    return cfg;
}

static void freed_engine_wipes_card_data_never_delivered(void **state)
{
    g_autoptr(kiosk_config) cfg = shipped_config();
    myna_vcard *vc = NULL;
    char *why = NULL;
    assert_int_equal(myna_vcard_load(KIOSK_TEST_SRC "/tests/profiles/yoshida-taro.json", &vc,
                                     &why),
                     MYNA_OK);
    myna_vcard_set_present(vc, true);

    kiosk_card_source *cards = kiosk_card_vcard_new(vc);
    seen s = {0};
    kiosk_engine_hooks hooks = {.user = &s, .event = on_event};
    kiosk_engine *e = kiosk_engine_new(cfg, cards, &hooks);
    assert_non_null(e);
    assert_non_null(kiosk_engine_catalog(e));
    kiosk_engine_set_procedure(e, form_catalog_procedure(kiosk_engine_catalog(e), 0));
    kiosk_backend be;
    kiosk_engine_backend(e, &be);

    be.card_start(be.user, false);
    assert_true(pump_until(&s, KIOSK_EV_CARD_PRESENT));
    char *pin = be.secure_alloc(be.user, KIOSK_SECRET_MAX);
    memcpy(pin, "1234", 4);
    be.verify(be.user, pin, 4, false);
    assert_true(pump_until(&s, KIOSK_EV_VERIFY_OK));
    while (g_main_context_iteration(NULL, FALSE))
        ;
    size_t before = CRYPTO_secure_used();

    /* The card thread reads and queues the attributes; the window closes before the UI
     * thread takes them. */
    int count = s.count;
    be.read(be.user, 0);
    assert_true(wait_queued());
    assert_true(CRYPTO_secure_used() > before); /* the attributes, in locked memory */
    kiosk_engine_free(e);
    assert_false(g_main_context_pending(NULL)); /* nothing left to deliver to a freed engine */
    assert_true(CRYPTO_secure_used() <= before); /* and the attributes are wiped and freed */
    while (g_main_context_iteration(NULL, FALSE))
        ;
    assert_int_equal(s.count, count);
    kiosk_card_source_free(cards);
    myna_vcard_free(vc);
}

/* Back from the confirmation, an answer changed, OK again: the first render, still running,
 * must never stand in for the second one (it would preview and print the old answers). */
static void only_the_latest_render_is_delivered(void **state)
{
    g_autoptr(kiosk_config) cfg = shipped_config();
    kiosk_card_source *pcsc = kiosk_card_pcsc_new();
    seen s = {0};
    kiosk_engine_hooks hooks = {.user = &s, .event = on_event};
    kiosk_engine *e = kiosk_engine_new(cfg, pcsc, &hooks);
    assert_non_null(e);
    kiosk_engine_set_procedure(e, form_catalog_procedure(kiosk_engine_catalog(e), 0));
    kiosk_backend be;
    kiosk_engine_backend(e, &be);
    be.render(be.user);
    be.render(be.user);
    /* Both threads end within a few seconds; give the later one time to be delivered too. */
    gint64 end = g_get_monotonic_time() + 3 * G_USEC_PER_SEC;
    while (g_get_monotonic_time() < end)
        if (!g_main_context_iteration(NULL, FALSE))
            g_usleep(5000);
    assert_int_equal(s.renders, 1);
    kiosk_engine_free(e);
    kiosk_card_source_free(pcsc);
}

/* The window closes while a render and a staff test page run: the engine waits for them
 * (they read its values and catalogue) and nothing is delivered afterwards. */
static void freed_engine_waits_for_render_and_test_page(void **state)
{
    g_autoptr(kiosk_config) cfg = shipped_config();
    g_autofree char *dir = g_dir_make_tmp("kiosk-engine-XXXXXX", NULL);
    assert_non_null(dir);
    g_free(cfg->pdf_dir);
    cfg->pdf_dir = g_strdup(dir);
    kiosk_card_source *pcsc = kiosk_card_pcsc_new();
    seen s = {0};
    kiosk_engine_hooks hooks = {.user = &s, .event = on_event};
    kiosk_engine *e = kiosk_engine_new(cfg, pcsc, &hooks);
    assert_non_null(e);
    kiosk_engine_set_procedure(e, form_catalog_procedure(kiosk_engine_catalog(e), 0));
    kiosk_backend be;
    kiosk_engine_backend(e, &be);
    be.render(be.user);
    assert_true(kiosk_engine_test_page(e));
    kiosk_engine_free(e);
    g_usleep(300 * 1000);
    assert_false(g_main_context_pending(NULL));
    assert_int_equal(s.count, 0);
    kiosk_card_source_free(pcsc);
    g_autofree char *page = g_build_filename(dir, "kakanai-test-page.pdf", NULL);
    g_unlink(page);
    g_rmdir(dir);
}

/* The engine keeps each answer once, in the values' locked memory, and reads it back from
 * there: a new procedure and a wipe leave none behind. */
static void answers_live_once_in_the_locked_values(void **state)
{
    g_autoptr(kiosk_config) cfg = shipped_config();
    kiosk_card_source *pcsc = kiosk_card_pcsc_new();
    kiosk_engine *e = kiosk_engine_new(cfg, pcsc, NULL);
    assert_non_null(e);
    const form_catalog *cat = kiosk_engine_catalog(e);
    const form_procedure *p = NULL;
    const form_question *q = NULL;
    for (size_t i = 0; !q && i < form_catalog_procedure_count(cat); i++)
        for (size_t k = 0; !q && k < form_procedure_question_count(form_catalog_procedure(cat, i)); k++) {
            const form_question *c = form_procedure_question(form_catalog_procedure(cat, i), k);
            if (form_question_type_of(c) == FORM_Q_CHOICE && form_question_choice_count(c) > 0) {
                p = form_catalog_procedure(cat, i);
                q = c;
            }
        }
    if (!q) {
        kiosk_engine_free(e);
        kiosk_card_source_free(pcsc);
        skip();
    }
    kiosk_engine_set_procedure(e, p);
    const char *why = NULL;
    assert_null(kiosk_engine_answer_get(e, q));
    assert_true(kiosk_engine_answer(e, q, form_question_choice_value(q, 0), "ja", &why));
    const char *got = kiosk_engine_answer_get(e, q);
    assert_string_equal(got, form_question_choice_value(q, 0));
    assert_true(CRYPTO_secure_allocated(got));
    assert_false(kiosk_engine_answer(e, q, "no such choice", "ja", &why));
    kiosk_engine_set_procedure(e, p); /* a procedure chosen anew starts without answers */
    assert_null(kiosk_engine_answer_get(e, q));
    assert_true(kiosk_engine_answer(e, q, form_question_choice_value(q, 0), "ja", &why));
    kiosk_backend be;
    kiosk_engine_backend(e, &be);
    be.wipe(be.user);
    assert_null(kiosk_engine_answer_get(e, q));
    kiosk_engine_free(e);
    kiosk_card_source_free(pcsc);
}

int main(void)
{
    if (myna_secure_init(256 * 1024) != MYNA_OK || !CRYPTO_secure_malloc_initialized()) {
        fprintf(stderr, "no locked heap: skipped\n");
        return 77;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(freed_engine_wipes_card_data_never_delivered),
        cmocka_unit_test(only_the_latest_render_is_delivered),
        cmocka_unit_test(freed_engine_waits_for_render_and_test_page),
        cmocka_unit_test(answers_live_once_in_the_locked_values),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
