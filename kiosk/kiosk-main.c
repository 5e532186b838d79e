/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * kiosk-main.c — kakanai-kiosk, the installed program: process hardening, options,
 * configuration, then the window on the PC/SC readers (kiosk-run.h). It links no test
 * machinery: no virtual card, no script runner, no layout checker (those are in
 * kakanai-kiosk-dev, kiosk/dev/).
 */
#include "kiosk-card-pcsc.h"
#include "kiosk-run.h"

int main(int argc, char **argv)
{
    kiosk_run *run = kiosk_run_new();
    int status = kiosk_run_options(run, NULL, &argc, &argv);
    if (status == KIOSK_RUN_GO)
        status = kiosk_run_setup(run);
    if (status == KIOSK_RUN_GO)
        status = kiosk_run_window(run, kiosk_card_pcsc_new());
    if (status == KIOSK_RUN_GO)
        status = kiosk_run_loop(run);
    kiosk_run_free(run);
    return status;
}
