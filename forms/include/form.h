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
 * Every function returns a form_err; form_strerror() gives a sentence. Template problems
 * come as form_diag records (file, line, column, a sentence for a municipal IT clerk).
 * Every handle's free function accepts NULL. This library does not log.
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
    FORM_E_ARG = 100,
    FORM_E_NOMEM,
    FORM_E_IO,             /* a file could not be read */

    /* 2xx: templates */
    FORM_E_SYNTAX = 200,   /* a template or catalogue does not parse: see the diagnostics */
    FORM_E_TEMPLATE,       /* parses, but is inconsistent (unknown value, field off the page) */
    FORM_E_SIGNATURE,      /* a bundle signature is missing, invalid, or the bundle changed */
    FORM_E_NOT_FOUND,      /* no such procedure, form or question */

    /* 3xx: values and rendering */
    FORM_E_ANSWER = 300,   /* an answer fails its question's validation */
    FORM_E_MISSING_VALUE,  /* a field needs a value the session does not have */
    FORM_E_OVERFLOW,       /* text does not fit its field even at the minimum size */
    FORM_E_GLYPH,          /* a character no shipped font can draw: never dropped silently */
    FORM_E_FONT,           /* a font file is missing or unusable */
    FORM_E_IMAGE,          /* a background image is missing or unusable */
    FORM_E_PDF,            /* the PDF writer failed */

    /* 4xx: printing */
    FORM_E_NO_PRINTER = 400, /* the printer (or cupsd) does not exist / cannot be reached */
    FORM_E_PRINTER_OFFLINE,
    FORM_E_OUT_OF_PAPER,
    FORM_E_PRINTER_STOPPED,  /* queue stopped or job aborted by the printer */
    FORM_E_PRINT_TIMEOUT,
    FORM_E_PRINT_CANCELLED,
    FORM_E_PRINT,            /* any other CUPS failure */
} form_err;

FORM_EXPORT const char *form_strerror(form_err err);
FORM_EXPORT const char *form_err_name(form_err err); /* "FORM_E_OVERFLOW" */

/* A problem found in a template, or a field that cannot be rendered. */
typedef struct form_diag {
    form_err err;
    char *file;    /* template file (may be NULL for render problems) */
    int line;      /* 1-based, 0 when not known */
    int column;    /* 1-based, 0 when not known */
    char *field;   /* field or question name when the problem belongs to one, else NULL */
    char *message; /* a sentence a municipal IT clerk understands (English) */
    char *message_ja; /* the same in Japanese, may be NULL */
} form_diag;

typedef struct form_diags form_diags;
FORM_EXPORT size_t form_diags_count(const form_diags *d);
FORM_EXPORT const form_diag *form_diags_get(const form_diags *d, size_t i);
FORM_EXPORT void form_diags_free(form_diags *d);

/* ---- localized text -------------------------------------------------------------------- */

/* Languages are BCP 47 primary tags: "ja", "en". A missing translation falls back to "ja". */
typedef struct form_text form_text; /* owned by its template; never freed by the caller */
FORM_EXPORT const char *form_text_get(const form_text *t, const char *lang);

/* ---- catalogue, procedures, forms, questions ------------------------------------------- */

typedef struct form_catalog form_catalog;
typedef struct form_procedure form_procedure; /* owned by the catalogue */
typedef struct form_template form_template;   /* owned by the catalogue */
typedef struct form_question form_question;   /* owned by its template */

/* Load every procedure and template under dir. A broken template is skipped and reported in
 * *diags (never fatal); FORM_OK even then. The catalogue is immutable and may be shared
 * between threads. keyfile: when non-NULL, a PEM Ed25519 public key; then bundles that are
 * unsigned or altered are refused (FORM_E_SIGNATURE diagnostics). */
FORM_EXPORT form_err form_catalog_load(const char *dir, const char *keyfile,
                                       form_catalog **out, form_diags **diags);
FORM_EXPORT void form_catalog_free(form_catalog *c);
/* A digest of every file the catalogue was loaded from: changes when the directory does. */
FORM_EXPORT form_err form_catalog_fingerprint(const char *dir, char out[65]);

/* Signed bundles (added): sign writes MANIFEST.sha256 (SHA-256 of every file, sorted) and
 * MANIFEST.sig (Ed25519, base64) into dir with a PEM private key. verify answers FORM_OK or
 * FORM_E_SIGNATURE with a sentence in why (unsigned, altered, added/removed file, wrong key). */
FORM_EXPORT form_err form_bundle_sign(const char *dir, const char *privkey_pem);
FORM_EXPORT form_err form_bundle_verify(const char *dir, const char *pubkey_pem, char *why,
                                        size_t cap);

FORM_EXPORT size_t form_catalog_procedure_count(const form_catalog *c);
FORM_EXPORT const form_procedure *form_catalog_procedure(const form_catalog *c, size_t i);
FORM_EXPORT const form_procedure *form_catalog_find(const form_catalog *c, const char *id);
/* Added: one template by its form id (NULL when absent or skipped as broken). */
FORM_EXPORT const form_template *form_catalog_template(const form_catalog *c, const char *id);

FORM_EXPORT const char *form_procedure_id(const form_procedure *p);
FORM_EXPORT const form_text *form_procedure_title(const form_procedure *p);
FORM_EXPORT const form_text *form_procedure_description(const form_procedure *p);
FORM_EXPORT const char *form_procedure_icon(const form_procedure *p); /* icon name or NULL */
FORM_EXPORT size_t form_procedure_template_count(const form_procedure *p);
FORM_EXPORT const form_template *form_procedure_template(const form_procedure *p, size_t i);

/* Card attributes a form (or a whole procedure) needs: read only these from the card. */
enum {
    FORM_NEEDS_NAME = 1u << 0,
    FORM_NEEDS_ADDRESS = 1u << 1,
    FORM_NEEDS_BIRTH = 1u << 2,
    FORM_NEEDS_SEX = 1u << 3,
    FORM_NEEDS_NUMBER = 1u << 4, /* only set when the template declares a legal basis */
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
/* Check one answer. FORM_E_ANSWER with a sentence in the session language in *why
 * (static or owned by q: do not free). */
FORM_EXPORT form_err form_question_validate(const form_question *q, const char *value,
                                            const char *lang, const char **why);

/* ---- the session's values -------------------------------------------------------------- */

typedef struct form_values form_values;

/* All strings are copied into locked memory and wiped by form_values_free. */
FORM_EXPORT form_err form_values_new(form_values **out);
FORM_EXPORT void form_values_free(form_values *v);
/* Card attributes as myna_attrs gives them (birth "YYYYMMDD", sex "1"/"2"/"9"); number
 * may be NULL. */
FORM_EXPORT form_err form_values_set_card(form_values *v, const char *name, const char *address,
                                          const char *birth, const char *sex, const char *number);
FORM_EXPORT form_err form_values_set_answer(form_values *v, const char *question_id,
                                            const char *value);
/* "Today" for derived dates (YYYYMMDD); default is the local date at render time. */
FORM_EXPORT form_err form_values_set_today(form_values *v, const char *yyyymmdd);

/* ---- rendering ------------------------------------------------------------------------- */

enum {
    FORM_RENDER_PREVIEW = 1u << 0, /* millimetre grid and field outlines (line up on a scan) */
    FORM_RENDER_NO_QR = 1u << 1,
};

typedef struct form_doc form_doc;

/* Render the forms of procedure p (or, with p NULL, the one template t) filled with v, as
 * one PDF in locked memory. On FORM_E_OVERFLOW / FORM_E_GLYPH / FORM_E_MISSING_VALUE no
 * document is made and *diags names each field and character concerned, so the kiosk can
 * flag it for the counter. */
FORM_EXPORT form_err form_render(const form_procedure *p, const form_template *t,
                                 const form_values *v, unsigned flags, form_doc **out,
                                 form_diags **diags);
FORM_EXPORT void form_doc_free(form_doc *d); /* wipes */
FORM_EXPORT const uint8_t *form_doc_data(const form_doc *d, size_t *len);
FORM_EXPORT size_t form_doc_page_count(const form_doc *d);

/* Characters of s that no shipped font can draw: the count; their code points in out. */
FORM_EXPORT size_t form_unprintable(const char *utf8, uint32_t *out, size_t cap);

/* ---- printing -------------------------------------------------------------------------- */

typedef enum form_print_stage {
    FORM_PRINT_SENDING = 0,
    FORM_PRINT_QUEUED,
    FORM_PRINT_PRINTING,
    FORM_PRINT_DONE,
} form_print_stage;

/* Progress callback, called from the printing thread. `reason` is the printer's state
 * reason when it is not printing ("media-empty", ...), else NULL. Return false to cancel. */
typedef bool (*form_print_progress_fn)(void *user, form_print_stage stage, const char *reason);

/* Stream doc to the CUPS queue `printer` (NULL: the default destination) from memory, as a
 * job titled neutrally ("kakanai"), then follow it until completed, a printer problem, or
 * timeout_ms. Blocking: call it off the UI thread. */
FORM_EXPORT form_err form_print(const form_doc *doc, const char *printer, int copies,
                                int timeout_ms, form_print_progress_fn progress, void *user);
/* Printer health for staff mode: FORM_OK when idle or printing. */
FORM_EXPORT form_err form_printer_state(const char *printer, char *reason, size_t cap);

#ifdef __cplusplus
}
#endif
#endif /* FORM_H */
