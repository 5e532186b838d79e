/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* form-date.c — calendar dates, 和暦 (Japanese eras) and age. */
#include "form-private.h"

#include <stdio.h>
#include <time.h>

const char *const form_era_names[5] = {"明治", "大正", "昭和", "平成", "令和"};
const char *const form_era_names_en[5] = {"Meiji", "Taisho", "Showa", "Heisei", "Reiwa"};

/* First day of each era (Gregorian). */
static const form_date era_start[5] = {
    {1868, 1, 25}, {1912, 7, 30}, {1926, 12, 25}, {1989, 1, 8}, {2019, 5, 1},
};

/* Japan adopted the Gregorian calendar on 明治6年1月1日; earlier dates are lunisolar. */
static const form_date first_supported = {1873, 1, 1};

static int cmp(form_date a, form_date b)
{
    if (a.y != b.y)
        return a.y < b.y ? -1 : 1;
    if (a.m != b.m)
        return a.m < b.m ? -1 : 1;
    if (a.d != b.d)
        return a.d < b.d ? -1 : 1;
    return 0;
}

/* The one leap-year rule of the tree (the kiosk asks form_days_in_month too). */
static bool leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

FORM_EXPORT int form_days_in_month(int y, int m)
{
    static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1 || y > 9999 || m < 1 || m > 12)
        return 0;
    return mdays[m - 1] + (m == 2 && leap(y) ? 1 : 0);
}

bool form_date_valid(int y, int m, int d)
{
    return d >= 1 && d <= form_days_in_month(y, m);
}

bool form_date_parse(const char *s, form_date *out)
{
    if (s == NULL)
        return false;
    int v[8];
    for (int i = 0; i < 8; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v[i] = s[i] - '0';
    }
    if (s[8] != '\0')
        return false;
    form_date d = {v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3], v[4] * 10 + v[5],
                   v[6] * 10 + v[7]};
    if (!form_date_valid(d.y, d.m, d.d))
        return false;
    *out = d;
    return true;
}

bool form_wareki(form_date d, int *era, int *year)
{
    if (cmp(d, first_supported) < 0)
        return false;
    int e = 4;
    while (e > 0 && cmp(d, era_start[e]) < 0)
        e--;
    *era = e;
    *year = d.y - era_start[e].y + 1;
    return true;
}

FORM_EXPORT form_err form_wareki_format(int y, int m, int d, char *out, size_t cap)
{
    if (out != NULL && cap > 0)
        out[0] = '\0';
    int era, year;
    if (out == NULL || cap < FORM_WAREKI_MAX || !form_date_valid(y, m, d) ||
        !form_wareki((form_date){y, m, d}, &era, &year))
        return FORM_E_ARG;
    if (year == 1)
        snprintf(out, cap, "%s元年%d月%d日", form_era_names[era], m, d);
    else
        snprintf(out, cap, "%s%d年%d月%d日", form_era_names[era], year, m, d);
    return FORM_OK;
}

/* Completed years. A birthday of 29 February falls on 1 March in common years (the age
 * changes at the end of 28 February: 年齢計算ニ関スル法律 with 民法143条). */
int form_age(form_date birth, form_date today)
{
    if (cmp(today, birth) < 0)
        return -1;
    int age = today.y - birth.y;
    if (today.m < birth.m || (today.m == birth.m && today.d < birth.d))
        age--;
    return age;
}

void form_today(form_date *out)
{
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    out->y = tm.tm_year + 1900;
    out->m = tm.tm_mon + 1;
    out->d = tm.tm_mday;
}
