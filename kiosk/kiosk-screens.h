/*
 * kiosk-screens.h — one widget per screen, each with its .ui template in the GResource.
 *
 * Screens do not know the session: their actions ("pin.digit", "question.next", …, the
 * same actions the --script driver activates) emit the "request" signal (what, arg) that
 * the window turns into session events; the window then refreshes the screen.
 * Every screen has a _wipe() that forgets whatever it displayed.
 */
#ifndef KIOSK_SCREENS_H
#define KIOSK_SCREENS_H

#include <gtk/gtk.h>

#include "form.h"
#include "kiosk-backend.h"
#include "kiosk-config.h"

G_BEGIN_DECLS

/* Register the GResource (templates, CSS) once; call before making any screen. */
void kiosk_screens_register(void);

/* ---- procedure menu ---- */
#define KIOSK_TYPE_MENU_SCREEN (kiosk_menu_screen_get_type())
G_DECLARE_FINAL_TYPE(KioskMenuScreen, kiosk_menu_screen, KIOSK, MENU_SCREEN, GtkBox)
GtkWidget *kiosk_menu_screen_new(void);
/* Returns the number of procedures shown. */
guint kiosk_menu_screen_set_catalog(KioskMenuScreen *self, const form_catalog *cat,
                                    const kiosk_config *config, const char *lang);

/* ---- place your card ---- */
#define KIOSK_TYPE_CARD_SCREEN (kiosk_card_screen_get_type())
G_DECLARE_FINAL_TYPE(KioskCardScreen, kiosk_card_screen, KIOSK, CARD_SCREEN, GtkBox)
GtkWidget *kiosk_card_screen_new(void);
void kiosk_card_screen_set_status(KioskCardScreen *self, kiosk_reader_status st);
void kiosk_card_screen_set_demo(KioskCardScreen *self, gboolean demo, gboolean present);

/* ---- PIN / 照合番号B keypad ---- */
#define KIOSK_TYPE_PIN_SCREEN (kiosk_pin_screen_get_type())
G_DECLARE_FINAL_TYPE(KioskPinScreen, kiosk_pin_screen, KIOSK, PIN_SCREEN, GtkBox)
GtkWidget *kiosk_pin_screen_new(void);
void kiosk_pin_screen_update(KioskPinScreen *self, gboolean checkcode, size_t len,
                             size_t digits, int tries, gboolean last_try);

/* ---- one question ---- */
#define KIOSK_TYPE_QUESTION_SCREEN (kiosk_question_screen_get_type())
G_DECLARE_FINAL_TYPE(KioskQuestionScreen, kiosk_question_screen, KIOSK, QUESTION_SCREEN, GtkBox)
GtkWidget *kiosk_question_screen_new(void);
void kiosk_question_screen_set(KioskQuestionScreen *self, const form_question *q, int index,
                               int count, const char *lang, const char *previous);
void kiosk_question_screen_set_error(KioskQuestionScreen *self, const char *why);
/* The value being composed (kana text, number, date); for tests. */
const char *kiosk_question_screen_value(KioskQuestionScreen *self);
void kiosk_question_screen_wipe(KioskQuestionScreen *self);

/* ---- confirmation ---- */
#define KIOSK_TYPE_CONFIRM_SCREEN (kiosk_confirm_screen_get_type())
G_DECLARE_FINAL_TYPE(KioskConfirmScreen, kiosk_confirm_screen, KIOSK, CONFIRM_SCREEN, GtkBox)
GtkWidget *kiosk_confirm_screen_new(void);
void kiosk_confirm_screen_set_waiting(KioskConfirmScreen *self);
/* pdf: the exact bytes that will be printed (not copied, not written anywhere). */
gboolean kiosk_confirm_screen_set_pdf(KioskConfirmScreen *self, const guint8 *pdf, gsize len);
/* edit >= 0: a "change" button that emits request("edit", edit). */
void kiosk_confirm_screen_add_summary(KioskConfirmScreen *self, const char *key,
                                      const char *value, int edit);
void kiosk_confirm_screen_set_flags(KioskConfirmScreen *self, const char *text);
gboolean kiosk_confirm_screen_has_preview(KioskConfirmScreen *self);
void kiosk_confirm_screen_wipe(KioskConfirmScreen *self);

/* ---- printing ---- */
#define KIOSK_TYPE_PRINTING_SCREEN (kiosk_printing_screen_get_type())
G_DECLARE_FINAL_TYPE(KioskPrintingScreen, kiosk_printing_screen, KIOSK, PRINTING_SCREEN, GtkBox)
GtkWidget *kiosk_printing_screen_new(void);
void kiosk_printing_screen_set_stage(KioskPrintingScreen *self, form_print_stage stage);
void kiosk_printing_screen_set_problem(KioskPrintingScreen *self, const char *problem);

/* ---- done ---- */
#define KIOSK_TYPE_DONE_SCREEN (kiosk_done_screen_get_type())
G_DECLARE_FINAL_TYPE(KioskDoneScreen, kiosk_done_screen, KIOSK, DONE_SCREEN, GtkBox)
GtkWidget *kiosk_done_screen_new(void);
void kiosk_done_screen_set_counter(KioskDoneScreen *self, int counter);

/* ---- reading / error / staff call ---- */
#define KIOSK_TYPE_MESSAGE_SCREEN (kiosk_message_screen_get_type())
G_DECLARE_FINAL_TYPE(KioskMessageScreen, kiosk_message_screen, KIOSK, MESSAGE_SCREEN, GtkBox)
GtkWidget *kiosk_message_screen_new(void);
void kiosk_message_screen_set(KioskMessageScreen *self, const char *icon, const char *title,
                              const char *message, const char *detail, gboolean busy);

/* ---- staff mode ---- */
#define KIOSK_TYPE_STAFF_SCREEN (kiosk_staff_screen_get_type())
G_DECLARE_FINAL_TYPE(KioskStaffScreen, kiosk_staff_screen, KIOSK, STAFF_SCREEN, GtkBox)
GtkWidget *kiosk_staff_screen_new(void);
/* Back to the lock page; passcode_hash from the config ("" = staff mode unavailable). */
void kiosk_staff_screen_lock(KioskStaffScreen *self, const char *passcode_hash);
gboolean kiosk_staff_screen_unlocked(KioskStaffScreen *self);
void kiosk_staff_screen_set_panel(KioskStaffScreen *self, const form_catalog *cat,
                                  const kiosk_config *config, const char *lang);
void kiosk_staff_screen_set_health(KioskStaffScreen *self, const char *markup);
void kiosk_staff_screen_set_diags(KioskStaffScreen *self, const char *text);
/* Staff edits, read back by the window on "save". */
char **kiosk_staff_screen_selected(KioskStaffScreen *self); /* g_strfreev */
const char *kiosk_staff_screen_printer(KioskStaffScreen *self);

G_END_DECLS

#endif
