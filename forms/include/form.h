/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * form.h — municipal form templates → exact PDF → print. The public interface of kakanai's
 * forms library, used by the kiosk and by the kakanai-form command.
 *
 * Reading order:
 *   form_catalog_load()        a template directory: procedures, their forms and questions
 *   form_values_new()          the session's values, in locked memory
 *   form_values_set_card()     card attributes (from myna_attrs)
 *   form_values_set_answer()   each answer, checked with form_question_validate()
 *   form_render()              one PDF (all forms of a procedure) in memory
 *   form_print()               stream it to CUPS and follow the job
 *   form_doc_free(), form_values_free()   wipe
 *
 * Functions that can fail return a form_err; form_strerror() gives a sentence. Template
 * problems come as form_diag records (file, line, column, a sentence for a municipal IT clerk).
 * Every handle's free function accepts NULL. This library does not log, and no diagnostic
 * carries a resident's value: at most a field's name and a code point.
 *
 * Ownership: what form_catalog_load, form_values_new or form_render hands out through an out
 * parameter belongs to the caller and is freed with the matching free function
 * (form_diags_free for diagnostics);
 * every other pointer the library returns (strings, form_text, procedures, templates,
 * questions, a document's bytes) is borrowed from its owner and lives as long as it.
 */
#ifndef FORM_H
#define FORM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(FORM_BUILDING)
#define FORM_EXPORT __attribute__((visibility("default")))
#else
#define FORM_EXPORT
#endif

/* ---- errors ---------------------------------------------------------------------------- */

typedef enum form_err {
    FORM_OK = 0,

    /* 1xx: caller / process */
    FORM_E_ARG = 100,      /* a NULL or out-of-range argument, or a value that is not UTF-8 */
    FORM_E_NOMEM,          /* out of memory (ordinary or locked) */
    FORM_E_IO,             /* a file or directory could not be read or written */

    /* 2xx: templates */
    FORM_E_SYNTAX = 200,   /* a template or catalogue does not parse: see the diagnostics */
    FORM_E_TEMPLATE,       /* parses, but is inconsistent (unknown value, field off the page) */
    FORM_E_SIGNATURE,      /* a bundle signature is missing, invalid, or the bundle changed;
                              also: a key that is not Ed25519 */
    FORM_E_NOT_FOUND,      /* no such procedure, form or question */
    FORM_E_INPUT,          /* an input file (a background PDF, a form to import) is broken,
                              encrypted, hostile or beyond the FORM_BG_* limits: the
                              diagnostic says which */

    /* 3xx: values and rendering */
    FORM_E_ANSWER = 300,   /* an answer fails its question's validation */
    FORM_E_MISSING_VALUE,  /* a field needs a value the session does not have */
    FORM_E_OVERFLOW,       /* text does not fit its field even at the minimum size */
    FORM_E_GLYPH,          /* a character no shipped font can draw: never dropped silently */
    FORM_E_FONT,           /* a font file is missing or unusable */
    FORM_E_IMAGE,          /* a background image is missing or unusable */
    FORM_E_PDF,            /* the PDF writer failed */

    /* 4xx: printing */
    FORM_E_NO_PRINTER = 400, /* no such queue (or no default one), cupsd cannot be reached
                                or died, or the queue was deleted while the job waited */
    FORM_E_PRINTER_OFFLINE,  /* the printer is off, unplugged or unreachable from cupsd */
    FORM_E_OUT_OF_PAPER,     /* out of paper, or the tray is missing */
    FORM_E_PRINTER_STOPPED,  /* queue stopped or not accepting jobs, the printer needs someone
                                (jam, cover open, toner), or the job was aborted by the printer
                                or cancelled by someone else (staff) */
    FORM_E_PRINT_TIMEOUT,    /* not printed within timeout_ms (the job is cancelled) */
    FORM_E_PRINT_CANCELLED,  /* only: the progress callback returned false (the job is
                                cancelled) */
    FORM_E_PRINT,            /* any other CUPS failure, or the job vanished before its end
                                could be seen */

    /* 5xx: warnings — the template works as it is; `kakanai-form check` reports them and
       still succeeds (form_err_is_warning) */
    FORM_W_TRANSLATION = 500, /* a text the kiosk shows (title, question, help, choice) has no
                                 translation for a checked language: the kiosk shows the
                                 English (marked "English"), or the Japanese where English is
                                 missing too */
} form_err;

/* Static strings, never NULL: "unknown error" / "FORM_E_UNKNOWN" for a value not listed. */
FORM_EXPORT const char *form_strerror(form_err err);
FORM_EXPORT const char *form_err_name(form_err err); /* "FORM_E_OVERFLOW" */
/* true for the 5xx warnings, which do not stop a template from working */
FORM_EXPORT bool form_err_is_warning(form_err err);

/* A problem found in a template, or a field that cannot be rendered. It names the field and,
 * for FORM_E_GLYPH, the code point (U+XXXX), never the resident's value. */
typedef struct form_diag {
    form_err err;
    char *file;    /* template file (may be NULL for render problems) */
    int line;      /* 1-based, 0 when not known */
    int column;    /* 1-based, 0 when not known */
    char *field;   /* field or question name when the problem belongs to one, else NULL */
    char *message; /* a sentence a municipal IT clerk understands (English) */
    char *message_ja; /* the same in Japanese, may be NULL */
} form_diag;

/* A list of diagnostics, owned by the caller that received it (form_diags_free). count is 0
 * and get is NULL for a NULL list or an index past the end; the records belong to the list. */
typedef struct form_diags form_diags;
FORM_EXPORT size_t form_diags_count(const form_diags *d);
FORM_EXPORT const form_diag *form_diags_get(const form_diags *d, size_t i);
FORM_EXPORT void form_diags_free(form_diags *d);

/* ---- localized text -------------------------------------------------------------------- */

/* The languages a template may carry, in the kiosk's order: ja (the printed language, always
 * required), en (every other language's fallback), zh (简体), ko, vi, fil, pt_BR, ne, id.
 * A template key carries the code as its suffix (label.zh, choice.work.pt_BR). */
#define FORM_LANG_COUNT 9
#define FORM_LANG_JA 0
#define FORM_LANG_EN 1
/* The code ("pt_BR"), the name in its own script ("Português (Brasil)") and in English
 * ("Portuguese (Brazil)") of language i; NULL for i >= FORM_LANG_COUNT. Static strings. */
FORM_EXPORT const char *form_lang_code(size_t i);
FORM_EXPORT const char *form_lang_name(size_t i);
FORM_EXPORT const char *form_lang_english_name(size_t i);
/* The index of a language code, ignoring case and - versus _ ("pt-br"), and a POSIX locale's
 * codeset or region where the table has no region ("zh_CN.UTF-8" → zh, "pt_PT" → -1);
 * -1 for NULL or a language not in the table. */
FORM_EXPORT int form_lang_index(const char *lang);

/* A text in several languages (a question's label, a choice, a title).
 * form_text_get gives the text in lang; where the template has none: for "ja" (or NULL) the
 * English, for any other language the English, else the Japanese. form_text_get_exact gives
 * only lang's own text, NULL when the template has none (the kiosk then shows the fallback
 * and marks it as English). Both NULL for a NULL text. */
typedef struct form_text form_text; /* owned by its template; never freed by the caller */
FORM_EXPORT const char *form_text_get(const form_text *t, const char *lang);
FORM_EXPORT const char *form_text_get_exact(const form_text *t, const char *lang);

/* ---- dates: the Gregorian calendar and 和暦 --------------------------------------------- */

/* Bytes form_wareki_format may write, its NUL included ("令和9999年12月31日" is 24). */
#define FORM_WAREKI_MAX 32

/* Days in month m (1..12) of year y (1..9999) in the Gregorian calendar, whose leap years are
 * the multiples of 4 except those of 100 that are not of 400 (2024 and 2000: 29 February,
 * 1900: none); 0 for a month or year outside those ranges. */
FORM_EXPORT int form_days_in_month(int y, int m);

/* Write date y-m-d as 和暦 into out[0..cap), NUL-terminated: "令和7年11月25日", with 元年 for
 * the first year of an era ("令和元年5月1日"). The eras change on the exact day: 明治 until
 * 1912-07-29, 大正 from 1912-07-30, 昭和 from 1926-12-25, 平成 from 1989-01-08, 令和 from
 * 2019-05-01 (the same as the templates' {…|wareki}). Nothing is allocated: the caller owns
 * out (and wipes it when the date is a resident's).
 * FORM_E_ARG: out is NULL, cap is below FORM_WAREKI_MAX, the date is not a real one (see
 * form_days_in_month), or it falls before 1873-01-01 (明治6年, Japan's first day on the
 * Gregorian calendar: earlier dates were lunisolar); out is then "" when cap > 0. */
FORM_EXPORT form_err form_wareki_format(int y, int m, int d, char *out, size_t cap);

/* ---- vector backgrounds (background = city.pdf) ------------------------------------------ */

/* A template may name a PDF as its background (`background = city.pdf`, `background_page = N`).
 * The page is read once when the template is loaded (qpdf), before any resident's data exists,
 * and every rendered document embeds it once as a Form XObject drawn under the fields. The PDF
 * is untrusted input; beyond these limits it is refused with FORM_E_INPUT. */
#define FORM_BG_MAX_FILE_BYTES (32u * 1024u * 1024u)  /* the PDF file */
#define FORM_BG_MAX_OBJECTS 4096u                     /* objects the page's resources reach */
#define FORM_BG_MAX_STREAM_BYTES (16u * 1024u * 1024u) /* one stream, raw or inflated */
#define FORM_BG_MAX_TOTAL_BYTES (48u * 1024u * 1024u)  /* everything kept of the page */
#define FORM_BG_MAX_DEPTH 32u                         /* nesting of arrays and dictionaries */
#define FORM_BG_MAX_PAGES 10000u                      /* background_page */

/* ---- catalogue, procedures, forms, questions ------------------------------------------- */

typedef struct form_catalog form_catalog;
typedef struct form_procedure form_procedure; /* owned by the catalogue */
typedef struct form_template form_template;   /* owned by the catalogue */
typedef struct form_question form_question;   /* owned by its template */

/* Load every procedure and template under dir (its *.form files and catalog.conf; without
 * catalog.conf, one procedure per form). A broken template, or a procedure naming one, is
 * skipped and reported in *diags (never fatal): FORM_OK even then. The catalogue is immutable
 * and may be shared between threads; the caller frees it with form_catalog_free.
 * keyfile: when non-NULL, a PEM Ed25519 public key; then a bundle that is unsigned or altered
 * is refused as a whole with FORM_E_SIGNATURE (and a diagnostic saying why).
 * Errors: FORM_E_ARG (dir or out NULL), FORM_E_NOMEM, FORM_E_SIGNATURE, FORM_E_IO (dir cannot
 * be read); *out is NULL then. diags may be NULL; when it is not, *diags is set to a list the
 * caller frees with form_diags_free (also on error, except FORM_E_ARG). */
FORM_EXPORT form_err form_catalog_load(const char *dir, const char *keyfile,
                                       form_catalog **out, form_diags **diags);
FORM_EXPORT void form_catalog_free(form_catalog *c);
/* A digest of every regular file under dir (64 lowercase hex digits and a NUL into out):
 * changes when a file is added, removed or changed. MANIFEST.sha256/.sig at the top and
 * symbolic links are left out. FORM_E_ARG (NULL argument), FORM_E_IO, FORM_E_NOMEM. */
FORM_EXPORT form_err form_catalog_fingerprint(const char *dir, char out[65]);

/* Signed bundles (added). form_bundle_sign writes MANIFEST.sha256 (the SHA-256 of every
 * regular file under dir, sorted by path; symbolic links left out) and MANIFEST.sig (its
 * Ed25519 signature, base64) into dir with the PEM private key in the file privkey_pem.
 * Errors: FORM_E_ARG (NULL argument), FORM_E_IO (key file or a bundle file unreadable, or the
 * manifest cannot be written), FORM_E_SIGNATURE (not an Ed25519 private key, or signing
 * failed), FORM_E_NOMEM.
 * form_bundle_verify checks dir against the PEM public key in the file pubkey_pem: FORM_OK,
 * or FORM_E_SIGNATURE with an English sentence in why (cap bytes, may be NULL: key unreadable
 * or not Ed25519, bundle unsigned, a file added/removed/changed, damaged signature, wrong
 * key), or FORM_E_ARG (dir NULL), FORM_E_NOMEM. */
FORM_EXPORT form_err form_bundle_sign(const char *dir, const char *privkey_pem);
FORM_EXPORT form_err form_bundle_verify(const char *dir, const char *pubkey_pem, char *why,
                                        size_t cap);

/* Procedures in catalogue order (by their order key); NULL when c is NULL or i too large, or
 * when no procedure has the id. Everything returned is owned by the catalogue. */
FORM_EXPORT size_t form_catalog_procedure_count(const form_catalog *c);
FORM_EXPORT const form_procedure *form_catalog_procedure(const form_catalog *c, size_t i);
FORM_EXPORT const form_procedure *form_catalog_find(const form_catalog *c, const char *id);
/* One template by its form id (NULL when c or id is NULL, or the form is absent or
 * was skipped as broken). Owned by the catalogue. */
FORM_EXPORT const form_template *form_catalog_template(const form_catalog *c, const char *id);

FORM_EXPORT const char *form_procedure_id(const form_procedure *p);
FORM_EXPORT const form_text *form_procedure_title(const form_procedure *p);
FORM_EXPORT const form_text *form_procedure_description(const form_procedure *p);
FORM_EXPORT const char *form_procedure_icon(const form_procedure *p); /* icon name or NULL */

/* Where a procedure is offered: catalog.conf's `offer = kiosk counter` (a set; absent means
 * both). The kiosk lists only FORM_OFFER_KIOSK procedures; counter-only procedures (the
 * forms staff fill for a life event, guide-only procedures) say `offer = counter`. */
typedef enum { FORM_OFFER_KIOSK = 1u, FORM_OFFER_COUNTER = 2u } form_offer;
/* true when p is offered at every place in where (false for a NULL p). */
FORM_EXPORT bool form_procedure_offered(const form_procedure *p, form_offer where);

/* Guide items: one row of the 手続き案内票 (templates/annai.form), from catalog.conf's
 * guide.counter.ja/.en (窓口: 課 and number), guide.bring.* (持ち物), guide.fee.* (手数料),
 * guide.note.* and guide.order (route order on the sheet; default: the procedure's order).
 * Each text may be NULL (not given). Owned by the catalogue; NULL only for a NULL p. */
typedef struct form_guide {
    const form_text *counter;
    const form_text *bring;
    const form_text *fee;
    const form_text *note;
    long order;
} form_guide;
FORM_EXPORT const form_guide *form_procedure_guide(const form_procedure *p);
/* A guide-only procedure has no forms (form_procedure_template_count is 0): it is offered at
 * the counter only and appears on the guide sheet (転校 at 学校教育課, 介護保険 …). */
FORM_EXPORT bool form_procedure_guide_only(const form_procedure *p);
FORM_EXPORT size_t form_procedure_template_count(const form_procedure *p);
FORM_EXPORT const form_template *form_procedure_template(const form_procedure *p, size_t i);

/* Card attributes a form (or a whole procedure) needs: read only these from the card. */
enum {
    FORM_NEEDS_NAME = 1u << 0,
    FORM_NEEDS_ADDRESS = 1u << 1,
    FORM_NEEDS_BIRTH = 1u << 2,
    FORM_NEEDS_SEX = 1u << 3,
    FORM_NEEDS_NUMBER = 1u << 4, /* only set when the template declares a legal basis */
    /* Not a card attribute: the form lists the household (member.N.* or child.N.* rows), so
     * a counter visit can choose which members appear on it. */
    FORM_NEEDS_MEMBERS = 1u << 5,
};
FORM_EXPORT unsigned form_procedure_needs(const form_procedure *p);

FORM_EXPORT const char *form_template_id(const form_template *t);
FORM_EXPORT const form_text *form_template_title(const form_template *t);
FORM_EXPORT const char *form_template_file(const form_template *t);
FORM_EXPORT unsigned form_template_needs(const form_template *t);
/* The legal basis the template declares for the individual number, or NULL. */
FORM_EXPORT const char *form_template_number_basis(const form_template *t);

/* The questions of a procedure in the order the kiosk asks them: the union of its forms'
 * questions, each id once. */
FORM_EXPORT size_t form_procedure_question_count(const form_procedure *p);
FORM_EXPORT const form_question *form_procedure_question(const form_procedure *p, size_t i);

typedef enum form_question_type {
    FORM_Q_CHOICE = 0, /* one of a list */
    FORM_Q_MULTI,      /* any of a list (value: ids joined with ',') */
    FORM_Q_YESNO,      /* "yes" / "no" */
    FORM_Q_NUMBER,     /* an integer in [min, max] */
    FORM_Q_DATE,       /* "YYYYMMDD" */
    FORM_Q_KANA,       /* katakana or hiragana text (the kiosk's kana keypad) */
    FORM_Q_TEXT,       /* short free text (staff entry) */
} form_question_type;

typedef enum form_kana_kind { FORM_KANA_KATAKANA = 0, FORM_KANA_HIRAGANA } form_kana_kind;

FORM_EXPORT const char *form_question_id(const form_question *q);
FORM_EXPORT form_question_type form_question_type_of(const form_question *q);
FORM_EXPORT const form_text *form_question_label(const form_question *q);
FORM_EXPORT const form_text *form_question_help(const form_question *q); /* may be NULL */
FORM_EXPORT bool form_question_required(const form_question *q);
FORM_EXPORT const char *form_question_default(const form_question *q); /* may be NULL */
FORM_EXPORT long form_question_min(const form_question *q);  /* NUMBER: bounds; KANA/TEXT: */
FORM_EXPORT long form_question_max(const form_question *q);  /* length in characters */
FORM_EXPORT form_kana_kind form_question_kana(const form_question *q);
/* Questions whose value is prefilled from the card may carry a hint such as "card.name". */
FORM_EXPORT const char *form_question_about(const form_question *q);
FORM_EXPORT size_t form_question_choice_count(const form_question *q);
FORM_EXPORT const char *form_question_choice_value(const form_question *q, size_t i);
FORM_EXPORT const form_text *form_question_choice_label(const form_question *q, size_t i);
/* Check one answer: FORM_OK, or FORM_E_ANSWER with a sentence for the resident in *why
 * (English when lang is "en", else Japanese; static: do not free). NULL or "" is an answer
 * only for a question that is not required. FORM_E_ARG when q is NULL. why may be NULL. */
FORM_EXPORT form_err form_question_validate(const form_question *q, const char *value,
                                            const char *lang, const char **why);

/* ---- the session's values -------------------------------------------------------------- */

typedef struct form_values form_values;

/* All strings are copied into locked memory (the caller keeps and wipes its own copies) and
 * wiped by form_values_free, or when replaced. The set functions answer FORM_E_ARG for a NULL
 * v, a value longer than 4096 bytes or not UTF-8, FORM_E_NOMEM when locked memory runs out. */
FORM_EXPORT form_err form_values_new(form_values **out);
FORM_EXPORT void form_values_free(form_values *v);
/* Card attributes as myna_attrs gives them (birth "YYYYMMDD", sex "1"/"2"/"9"); each may be
 * NULL (not read from the card). Replaces all five; FORM_E_ARG also for a birth that is not a
 * real date. On an error the attributes before the failing one are already replaced. */
FORM_EXPORT form_err form_values_set_card(form_values *v, const char *name, const char *address,
                                          const char *birth, const char *sex, const char *number);
/* Set (or with value NULL, clear) the answer to question_id (at most 48 bytes). Not checked
 * here: use form_question_validate. FORM_E_ARG also for more than 128 answers. */
FORM_EXPORT form_err form_values_set_answer(form_values *v, const char *question_id,
                                            const char *value);
/* The answer to question_id as last set, or NULL (none set, cleared, or a NULL argument).
 * The pointer is into v's locked memory: read it, never keep it. It stays valid until the
 * next form_values_set_answer for the same question_id or form_values_free, which wipe it.
 * Callers that share v with another thread hold their own lock across the read. */
FORM_EXPORT const char *form_values_answer(const form_values *v, const char *question_id);

/* Household members of a counter visit (member.1 is the applicant, in the order they were
 * added) and the children on child-benefit forms: group "member" or "child", n 1..
 * FORM_MAX_MEMBERS, field one of name, kana, birth (YYYYMMDD, a real date), sex ("1"/"2"/"9"),
 * relation (続柄), number (個人番号: only forms with a number_basis may print it). Templates
 * use {member.2.name}, {child.1.birth|wareki}. value NULL clears it. Locked memory, wiped
 * like every other value. FORM_E_ARG for an unknown group or field, n out of range, a birth
 * or sex that is not valid, or the value limits above; FORM_E_NOMEM. */
#define FORM_MAX_MEMBERS 6
FORM_EXPORT form_err form_values_set_member(form_values *v, const char *group, unsigned n,
                                            const char *field, const char *value);
/* The rows of the 手続き案内票 (templates/annai.form): row n (1..FORM_MAX_GUIDE, in route
 * order), field one of title, counter, bring, fee, note, num (its number in the route);
 * templates read {guide.3.counter}.
 * form_nav_set_guide() fills them from a navigation. value NULL clears. FORM_E_ARG for an
 * unknown field or n out of range (and the value limits above), FORM_E_NOMEM.
 * form_values_set_reception sets {reception}, the visit's 受付番号 (at most 32 bytes). */
#define FORM_MAX_GUIDE 20
FORM_EXPORT form_err form_values_set_guide(form_values *v, unsigned n, const char *field,
                                           const char *value);
FORM_EXPORT form_err form_values_set_reception(form_values *v, const char *number);
/* "Today" for derived dates (YYYYMMDD, a real date, else FORM_E_ARG); default is the local
 * date at render time. */
FORM_EXPORT form_err form_values_set_today(form_values *v, const char *yyyymmdd);

/* ---- life events (counter mode): interview → procedures + guide sheet ------------------ */

/* A life event (転入, 転居, 出生, おくやみ …) from the template folder's events/ID.event files:
 * an interview and rules that lead to procedures and guide items (templates/README.md).
 * Loaded by form_catalog_load with the catalogue; an event that does not parse or names a
 * procedure the catalogue lacks is left out and reported in the diagnostics. Owned by the
 * catalogue. */
typedef struct form_event form_event;
/* The result of one navigation: procedures in route order and notes; the caller frees it
 * with form_nav_free (NULL is fine). */
typedef struct form_nav form_nav;

/* Events in order (their order key, then id); NULL past the end, for a NULL catalogue, or
 * when no event has the id. */
FORM_EXPORT size_t form_catalog_event_count(const form_catalog *c);
FORM_EXPORT const form_event *form_catalog_event(const form_catalog *c, size_t i);
FORM_EXPORT const form_event *form_catalog_find_event(const form_catalog *c, const char *id);
FORM_EXPORT const char *form_event_id(const form_event *e);
FORM_EXPORT const form_text *form_event_title(const form_event *e);
FORM_EXPORT const form_text *form_event_description(const form_event *e); /* may be NULL */
FORM_EXPORT const char *form_event_icon(const form_event *e);             /* may be NULL */

/* The interview, in order. Its questions are ordinary form_question objects of type
 * FORM_Q_YESNO, FORM_Q_CHOICE or FORM_Q_NUMBER (a count): validate answers with
 * form_question_validate and store them with form_values_set_answer under the question's
 * id. form_event_asks says whether question i is asked given the answers in v so far (its
 * ask_if, which looks only at earlier questions); a question not asked counts as unanswered
 * even when v has an answer for it. false for a NULL e or i past the end. */
FORM_EXPORT size_t form_event_question_count(const form_event *e);
FORM_EXPORT const form_question *form_event_question(const form_event *e, size_t i);
FORM_EXPORT bool form_event_asks(const form_event *e, size_t i, const form_values *v);

/* Work out the procedures of e from the answers, the card (card.birth: the applicant's
 * age), the household (member.N.*: count(…), members) and today in v (form_values_set_today,
 * else the local date). Every rule whose condition holds adds its procedures and its note;
 * a procedure's dependencies (procedure.X = Y) come too and go first; otherwise the order
 * is guide.order (the route through the building). Nothing of v is copied into the result.
 * Errors: FORM_E_ARG (a NULL argument; *out is NULL then), FORM_E_NOMEM. */
FORM_EXPORT form_err form_event_navigate(const form_event *e, const form_values *v,
                                         form_nav **out);
FORM_EXPORT void form_nav_free(form_nav *n);
FORM_EXPORT size_t form_nav_count(const form_nav *n); /* procedures */
FORM_EXPORT const form_procedure *form_nav_procedure(const form_nav *n, size_t i);
/* The 1-based number of the rule that added procedure i, 0 when another procedure needs it. */
FORM_EXPORT size_t form_nav_rule(const form_nav *n, size_t i);
FORM_EXPORT size_t form_nav_note_count(const form_nav *n);
FORM_EXPORT const form_text *form_nav_note(const form_nav *n, size_t i);
/* Rows of the guide sheet: the procedures, then the notes. */
FORM_EXPORT size_t form_nav_row_count(const form_nav *n);
/* Set guide.1 … guide.<rows> in v to the sheet's rows first … first + rows - 1 in lang
 * (title, counter, bring, fee, note, num; a note row's title is ご注意 / Note) and clear
 * the rows past the end, so one template page of `rows` rows prints them; a long visit
 * prints the template again with first += rows. rows is what the template holds:
 * form_template_guide_rows. FORM_E_ARG (NULL, rows > FORM_MAX_GUIDE), FORM_E_NOMEM. */
FORM_EXPORT form_err form_nav_set_guide(const form_nav *n, form_values *v, const char *lang,
                                        size_t first, size_t rows);
/* The highest N of the {guide.N.…} values template t prints (0 for none, or a NULL t). */
FORM_EXPORT size_t form_template_guide_rows(const form_template *t);

/* ---- rendering ------------------------------------------------------------------------- */

enum {
    FORM_RENDER_PREVIEW = 1u << 0, /* millimetre grid and field outlines (line up on a scan) */
    FORM_RENDER_NO_QR = 1u << 1,
    FORM_RENDER_BLANK = 1u << 2, /* the empty form: background, labels and drawing only; no
                                    field or QR code is evaluated or drawn (v may be empty) */
};

typedef struct form_doc form_doc;

/* Render the forms of procedure p (or, with p NULL, the one template t) filled with v, as
 * one PDF in locked memory, into *out (the caller frees it with form_doc_free). Every field
 * is checked before anything is drawn: on FORM_E_OVERFLOW / FORM_E_GLYPH /
 * FORM_E_MISSING_VALUE (the first kind found) no document is made and *diags names each
 * field and code point concerned (never the value), so the kiosk can flag it for the
 * counter. Other errors: FORM_E_ARG (out or v NULL, both p and t NULL, or p guide-only:
 * it has no forms and prints as a row of the guide sheet), FORM_E_NOMEM,
 * FORM_E_FONT (KAKANAI_FONTS_DIR or the shipped fonts unusable), FORM_E_IMAGE, FORM_E_PDF.
 * *out is NULL on every error. diags may be NULL; when it is not (and the arguments are
 * valid), *diags is set to a list the caller frees with form_diags_free. */
FORM_EXPORT form_err form_render(const form_procedure *p, const form_template *t,
                                 const form_values *v, unsigned flags, form_doc **out,
                                 form_diags **diags);
FORM_EXPORT void form_doc_free(form_doc *d); /* wipes the PDF and frees */
/* The PDF's bytes (in locked memory, borrowed: valid until form_doc_free; never write them to
 * disk) and their length in *len (len may be NULL). NULL and 0 for a NULL doc. */
FORM_EXPORT const uint8_t *form_doc_data(const form_doc *d, size_t *len);
FORM_EXPORT size_t form_doc_page_count(const form_doc *d);

/* Characters of utf8 that no shipped font can draw, returned as their count (also those past
 * cap); the first cap of them go to out (may be NULL). A base character with an ideographic
 * variation selector no font draws is reported as the selector when some font draws the base
 * alone; malformed UTF-8 counts as U+FFFD; newline and tab never count. 0 for NULL. */
FORM_EXPORT size_t form_unprintable(const char *utf8, uint32_t *out, size_t cap);

/* ---- printing -------------------------------------------------------------------------- */

typedef enum form_print_stage {
    FORM_PRINT_SENDING = 0,
    FORM_PRINT_QUEUED,
    FORM_PRINT_PRINTING,
    FORM_PRINT_DONE,
} form_print_stage;

/* Progress callback, called on the thread that called form_print: once with
 * FORM_PRINT_SENDING when the job exists, then at every poll (about every 200 ms) with
 * FORM_PRINT_QUEUED or FORM_PRINT_PRINTING, and once with FORM_PRINT_DONE when the job
 * completed (its answer then is ignored). `reason` is the printer's state reason keyword
 * without its suffix ("media-empty", ...) while it shows one, else NULL; valid only during
 * the call. Return false to cancel: the job is cancelled and form_print answers
 * FORM_E_PRINT_CANCELLED (as it does when form_print_purge() ends the session meanwhile). */
typedef bool (*form_print_progress_fn)(void *user, form_print_stage stage, const char *reason);

/* Stream doc to the CUPS queue `printer` (NULL: the default destination; else 1..127 bytes)
 * from memory, as a job titled neutrally ("kakanai"), then follow it until it completes (FORM_OK),
 * a printer problem shows, the caller cancels, or timeout_ms passes (<= 0: 120 s). copies:
 * 1..20. A stopped queue or one not accepting jobs is refused before anything is sent. On
 * every error after the job exists the job is cancelled and purged (waiting up to 3 s for
 * cupsd to confirm). progress may be NULL. Blocking: call it off the UI thread; several
 * threads may print at once. Errors: FORM_E_ARG (doc NULL, copies or printer out of range),
 * FORM_E_NOMEM, and the 4xx codes above. Without the CUPS backend built in, always
 * FORM_E_NO_PRINTER. */
FORM_EXPORT form_err form_print(const form_doc *doc, const char *printer, int copies,
                                int timeout_ms, form_print_progress_fn progress, void *user);
/* The end of a session: cancel and purge every job form_print() made in this process since
 * the last purge — waiting, printing, stopped, or already finished (its history record goes
 * too) — and wait (at most timeout_ms; <= 0: 10 s) until cupsd has forgotten each. A
 * form_print() still running when the purge starts, or starting its job while it runs,
 * cancels and purges its own job and answers FORM_E_PRINT_CANCELLED: nothing of the session
 * that ended can print later, for the next resident or anyone. Blocking: call it off the UI
 * thread. FORM_OK when every job is gone; else the first error (FORM_E_NO_PRINTER: cupsd
 * could not be reached; FORM_E_PRINT_TIMEOUT: a job was still known at the deadline) and the
 * jobs not seen gone stay recorded for the next call. Without the CUPS backend: FORM_OK. */
FORM_EXPORT form_err form_print_purge(int timeout_ms);
/* Printer health for staff mode: FORM_OK when idle or printing, else the 4xx code of the
 * problem with its reason keyword ("media-empty", "stopped", "not-accepting-jobs", ...) in
 * reason (cap bytes; "" when none; reason may be NULL). "connecting-to-device" outside a job
 * counts as FORM_E_PRINTER_OFFLINE at once. FORM_E_ARG for a printer name out of range. */
FORM_EXPORT form_err form_printer_state(const char *printer, char *reason, size_t cap);

#ifdef __cplusplus
}
#endif
#endif /* FORM_H */
