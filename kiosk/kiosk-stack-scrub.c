/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* kiosk-stack-scrub.c — zero the stack below the caller. See kiosk-stack-scrub.h. */
#include "kiosk-stack-scrub.h"

#include <string.h>

__attribute__((noinline)) void kiosk_stack_scrub(void)
{
    unsigned char below[KIOSK_STACK_SCRUB_BYTES];
    explicit_bzero(below, sizeof below);
    /* the buffer "escapes": the compiler may neither drop the wipe nor shrink the frame */
    __asm__ __volatile__("" : : "r"(below) : "memory");
}
