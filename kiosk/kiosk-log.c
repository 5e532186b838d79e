/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* kiosk-log.c — a redacting structured log writer. See kiosk-log.h. */
#include "kiosk-log.h"

#include <stdio.h>
#include <string.h>

char *kiosk_log_redact(const char *msg)
{
    if (!msg)
        return g_strdup("");
    GString *out = g_string_sized_new(strlen(msg));
    const unsigned char *p = (const unsigned char *)msg;
    while (*p) {
        if (*p >= '0' && *p <= '9') {
            size_t n = 0;
            while (p[n] >= '0' && p[n] <= '9')
                n++;
            if (n >= 4)
                g_string_append(out, "####");
            else
                g_string_append_len(out, (const char *)p, (gssize)n);
            p += n;
        } else if (*p >= 0x80) {
            g_string_append_c(out, '?');
            p++;
            while ((*p & 0xC0) == 0x80)
                p++;
        } else {
            g_string_append_c(out, (*p < 0x20 && *p != '\t') ? ' ' : (char)*p);
            p++;
        }
    }
    return g_string_free(out, FALSE);
}

static const char *level_name(GLogLevelFlags level)
{
    if (level & G_LOG_LEVEL_ERROR)
        return "ERROR";
    if (level & G_LOG_LEVEL_CRITICAL)
        return "CRITICAL";
    if (level & G_LOG_LEVEL_WARNING)
        return "WARNING";
    if (level & G_LOG_LEVEL_MESSAGE)
        return "MESSAGE";
    if (level & G_LOG_LEVEL_INFO)
        return "INFO";
    return "DEBUG";
}

static GLogWriterOutput writer(GLogLevelFlags level, const GLogField *fields, gsize n,
                               gpointer user)
{
    const char *domain = NULL, *message = NULL;
    for (gsize i = 0; i < n; i++) {
        if (strcmp(fields[i].key, "GLIB_DOMAIN") == 0)
            domain = fields[i].value;
        else if (strcmp(fields[i].key, "MESSAGE") == 0)
            message = fields[i].value;
    }
    if ((level & (G_LOG_LEVEL_DEBUG | G_LOG_LEVEL_INFO)) &&
        g_log_writer_default_would_drop(level, domain))
        return G_LOG_WRITER_HANDLED;
    g_autofree char *clean = kiosk_log_redact(message);
    fprintf(stderr, "%s %s: %s\n", level_name(level), domain ? domain : "kakanai", clean);
    fflush(stderr);
    return G_LOG_WRITER_HANDLED;
}

void kiosk_log_install(void)
{
    g_log_set_writer_func(writer, NULL, NULL);
}
