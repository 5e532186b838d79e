/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * myna-vcard.c — a virtual My Number card: the 券面事項入力補助AP (Kenhojo AP) as public readers
 * see it (jpki/myna libmyna, OpenSC card-jpki.c, aokiapp/jsapdu mynacard schemas; see
 * tests/profiles/README.md for the layout and what is a modelling choice).
 *
 * One vcard = one card. Its personal data (the EF contents, PIN and codes) lives in locked
 * memory from the moment the profile file is read until myna_vcard_free wipes it. The profile
 * is parsed by a small JSON reader below that decodes strings straight into locked memory.
 */
#include "myna-vcard-private.h"
#include "myna-apdu.h"
#include "myna-codec-private.h"
#include "myna-vcard-testkey.h"

#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

/* ---- constants ------------------------------------------------------------------------- */

/* The Kenhojo AP's AID is the library's own (myna_aid_kenhojo, myna-apdu.h). */
static const uint8_t AID_KENKAKU[] = {0xD3, 0x92, 0x10, 0x00, 0x31, 0x00, 0x01, 0x01, 0x04, 0x02};
static const uint8_t AID_JPKI[] = {0xD3, 0x92, 0xF0, 0x00, 0x26, 0x01, 0x00, 0x00, 0x00, 0x01};
/* The contact ATR OpenSC's card-jpki.c lists for the card. */
static const uint8_t VCARD_ATR[] = {0x3B, 0xE0, 0x00, 0xFF, 0x81, 0x31, 0xFE, 0x45, 0x14};

enum { AP_NONE = 0, AP_KENHOJO, AP_KENKAKU, AP_JPKI };

enum {
    EF_NUMBER = 0x0001,
    EF_ATTRS = 0x0002,
    EF_DIGESTS = 0x0003,
    EF_PIN = 0x0011,
    EF_CODE_A = 0x0014,
    EF_CODE_B = 0x0015,
};

/* Retry counters: index into vc->tries / vc->tries_max, and the secret's length. */
enum { CTR_PIN = 0, CTR_B, CTR_A, CTR_COUNT };
static const size_t SECRET_LEN[CTR_COUNT] = {4, 14, 12};

#define PIN_TRIES_MAX 3
#define EF0001_LEN 17 /* FF 10 0C <12 digits> FF FF */
#define EF0003_LEN 336

/* ---- the card -------------------------------------------------------------------------- */

struct myna_vcard {
    /* personal data: locked memory */
    uint8_t *ef0001;
    uint8_t *ef0002;
    size_t ef0002_len;
    uint8_t *ef0003;
    char *secret[CTR_COUNT]; /* PIN "1234", 照合番号B (14 digits), 照合番号A (the number) */

    int tries[CTR_COUNT];
    int tries_max[CTR_COUNT];

    /* One lock for the card: the kiosk may pull the virtual card (set_present) from its UI
     * thread while a worker thread talks to it. */
    pthread_mutex_t lock;
    unsigned generation; /* +1 on every pull */

    /* volatile card state */
    int ap;
    unsigned ef;
    unsigned verified; /* bit per counter */
    bool present;

    bool no_kenhojo; /* a card without the Kenhojo AP (not a My Number card) */

    /* faults */
    unsigned remove_after;
    unsigned latency_ms;

    myna_vcard_stats stats;
};

/* ---- helpers --------------------------------------------------------------------------- */

__attribute__((format(printf, 2, 3))) static void set_why(char **why, const char *fmt, ...)
{
    if (!why)
        return;
    char buf[200];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    free(*why);
    *why = strdup(buf);
}

static bool all_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return s[n] == '\0';
}

int myna_vcard_check_digit(const char *first11)
{
    if (!first11)
        return -1;
    for (size_t i = 0; i < 11; i++)
        if (first11[i] < '0' || first11[i] > '9')
            return -1;
    /* P_n: the n-th digit counted from the right of the 11; Q_n = n+1 (n<=6), n-5 (n>=7). */
    int sum = 0;
    for (int n = 1; n <= 11; n++) {
        int p = first11[11 - n] - '0';
        int q = n <= 6 ? n + 1 : n - 5;
        sum += p * q;
    }
    int r = sum % 11;
    return r <= 1 ? 0 : 11 - r;
}

static bool valid_date(const char *s)
{
    if (!all_digits(s, 8))
        return false;
    int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    int m = (s[4] - '0') * 10 + (s[5] - '0');
    int d = (s[6] - '0') * 10 + (s[7] - '0');
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1850 || y > 2100 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
        return false;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return !(m == 2 && d == 29 && !leap);
}

/* Strict UTF-8 (myna_utf8_next) without NUL; other controls are allowed in a profile. */
static bool valid_utf8(const uint8_t *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        if (s[i] == 0 || !myna_utf8_next(s, n, &i, &cp))
            return false;
    }
    return true;
}

/* BER length, minimal form; returns bytes written (buf may be NULL to measure). */
static size_t put_len(uint8_t *buf, size_t len)
{
    if (len < 0x80) {
        if (buf)
            buf[0] = (uint8_t)len;
        return 1;
    }
    if (len < 0x100) {
        if (buf) {
            buf[0] = 0x81;
            buf[1] = (uint8_t)len;
        }
        return 2;
    }
    if (buf) {
        buf[0] = 0x82;
        buf[1] = (uint8_t)(len >> 8);
        buf[2] = (uint8_t)len;
    }
    return 3;
}

static size_t put_tlv(uint8_t *buf, uint8_t t1, uint8_t t2, const void *v, size_t len)
{
    size_t at = 0;
    if (buf) {
        buf[0] = t1;
        buf[1] = t2;
    }
    at = 2;
    at += put_len(buf ? buf + at : NULL, len);
    if (buf && len)
        memcpy(buf + at, v, len);
    return at + len;
}

/* ---- profile reading: a small JSON reader into locked memory ---------------------------- */

typedef struct profile {
    char name[MYNA_VCARD_NAME_MAX + 1];
    char address[MYNA_VCARD_ADDRESS_MAX + 1];
    char birth[9];
    char sex[2];
    char number[13];
    char pin[5];
    char expiry_year[5];
    char security_code[5];
    size_t name_len, address_len;
    long pin_tries, checkcode_tries, number_tries;
    long remove_after, latency_ms;
    bool no_kenhojo; /* "kenhojo_ap": false — some other card */
    unsigned seen;   /* bit per key */
} profile;

typedef struct jcur {
    const char *s;
    size_t n;
    size_t i;
    char **why;
} jcur;

static void jskip_ws(jcur *c)
{
    while (c->i < c->n &&
           (c->s[c->i] == ' ' || c->s[c->i] == '\t' || c->s[c->i] == '\n' || c->s[c->i] == '\r'))
        c->i++;
}

static bool jfail(jcur *c, const char *what)
{
    set_why(c->why, "profile: %s at byte %zu", what, c->i);
    return false;
}

static bool jexpect(jcur *c, char ch)
{
    jskip_ws(c);
    if (c->i >= c->n || c->s[c->i] != ch) {
        char what[32];
        snprintf(what, sizeof what, "expected '%c'", ch);
        return jfail(c, what);
    }
    c->i++;
    return true;
}

static bool jhex4(jcur *c, uint32_t *v)
{
    if (c->n - c->i < 4)
        return jfail(c, "short \\u escape");
    uint32_t x = 0;
    for (int k = 0; k < 4; k++) {
        int h = myna_hex_value(c->s[c->i + (size_t)k]);
        if (h < 0)
            return jfail(c, "bad \\u escape");
        x = (x << 4) | (uint32_t)h;
    }
    c->i += 4;
    *v = x;
    return true;
}

/* A JSON string decoded into out[cap] (NUL-terminated; *len without the NUL). out may be
 * NULL to skip. Raw bytes are copied as they are (validated as UTF-8 afterwards). */
static bool jstring(jcur *c, char *out, size_t cap, size_t *len)
{
    jskip_ws(c);
    if (c->i >= c->n || c->s[c->i] != '"')
        return jfail(c, "expected a string");
    c->i++;
    size_t o = 0;
    for (;;) {
        if (c->i >= c->n)
            return jfail(c, "unterminated string");
        uint8_t ch = (uint8_t)c->s[c->i++];
        uint8_t enc[4];
        size_t elen = 0;
        if (ch == '"')
            break;
        if (ch < 0x20)
            return jfail(c, "control character in string");
        if (ch != '\\') {
            enc[0] = ch;
            elen = 1;
        } else {
            if (c->i >= c->n)
                return jfail(c, "unterminated escape");
            char e = c->s[c->i++];
            uint32_t cp;
            switch (e) {
            case '"':
                cp = '"';
                break;
            case '\\':
                cp = '\\';
                break;
            case '/':
                cp = '/';
                break;
            case 'b':
                cp = '\b';
                break;
            case 'f':
                cp = '\f';
                break;
            case 'n':
                cp = '\n';
                break;
            case 'r':
                cp = '\r';
                break;
            case 't':
                cp = '\t';
                break;
            case 'u':
                if (!jhex4(c, &cp))
                    return false;
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    uint32_t lo;
                    if (c->n - c->i < 2 || c->s[c->i] != '\\' || c->s[c->i + 1] != 'u')
                        return jfail(c, "lone surrogate");
                    c->i += 2;
                    if (!jhex4(c, &lo))
                        return false;
                    if (lo < 0xDC00 || lo > 0xDFFF)
                        return jfail(c, "bad surrogate pair");
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                    return jfail(c, "lone surrogate");
                }
                if (cp == 0)
                    return jfail(c, "NUL in string");
                break;
            default:
                return jfail(c, "bad escape");
            }
            if (cp < 0x80) {
                enc[0] = (uint8_t)cp;
                elen = 1;
            } else if (cp < 0x800) {
                enc[0] = (uint8_t)(0xC0 | (cp >> 6));
                enc[1] = (uint8_t)(0x80 | (cp & 0x3F));
                elen = 2;
            } else if (cp < 0x10000) {
                enc[0] = (uint8_t)(0xE0 | (cp >> 12));
                enc[1] = (uint8_t)(0x80 | ((cp >> 6) & 0x3F));
                enc[2] = (uint8_t)(0x80 | (cp & 0x3F));
                elen = 3;
            } else {
                enc[0] = (uint8_t)(0xF0 | (cp >> 18));
                enc[1] = (uint8_t)(0x80 | ((cp >> 12) & 0x3F));
                enc[2] = (uint8_t)(0x80 | ((cp >> 6) & 0x3F));
                enc[3] = (uint8_t)(0x80 | (cp & 0x3F));
                elen = 4;
            }
        }
        if (out) {
            if (cap - 1 - o < elen)
                return jfail(c, "string too long");
            memcpy(out + o, enc, elen);
        }
        o += elen;
        OPENSSL_cleanse(enc, sizeof enc);
    }
    if (out) {
        out[o] = '\0';
        if (!valid_utf8((const uint8_t *)out, o))
            return jfail(c, "string is not valid UTF-8");
    }
    if (len)
        *len = o;
    return true;
}

static bool jint(jcur *c, long *v)
{
    jskip_ws(c);
    size_t start = c->i;
    bool neg = false;
    if (c->i < c->n && c->s[c->i] == '-') {
        neg = true;
        c->i++;
    }
    long x = 0;
    size_t digits = 0;
    while (c->i < c->n && c->s[c->i] >= '0' && c->s[c->i] <= '9') {
        if (x > 100000000L)
            return jfail(c, "number too large");
        x = x * 10 + (c->s[c->i] - '0');
        c->i++;
        digits++;
    }
    if (digits == 0 ||
        (c->i < c->n && (c->s[c->i] == '.' || c->s[c->i] == 'e' || c->s[c->i] == 'E'))) {
        c->i = start;
        return jfail(c, "expected an integer");
    }
    *v = neg ? -x : x;
    return true;
}

static bool jskip_value(jcur *c, int depth)
{
    if (depth > 16)
        return jfail(c, "nested too deeply");
    jskip_ws(c);
    if (c->i >= c->n)
        return jfail(c, "unexpected end");
    char ch = c->s[c->i];
    if (ch == '"')
        return jstring(c, NULL, 0, NULL);
    if (ch == '{' || ch == '[') {
        char close = ch == '{' ? '}' : ']';
        c->i++;
        jskip_ws(c);
        if (c->i < c->n && c->s[c->i] == close) {
            c->i++;
            return true;
        }
        for (;;) {
            if (ch == '{') {
                if (!jstring(c, NULL, 0, NULL) || !jexpect(c, ':'))
                    return false;
            }
            if (!jskip_value(c, depth + 1))
                return false;
            jskip_ws(c);
            if (c->i < c->n && c->s[c->i] == ',') {
                c->i++;
                continue;
            }
            return jexpect(c, close);
        }
    }
    static const char *const words[] = {"true", "false", "null"};
    for (size_t k = 0; k < 3; k++) {
        size_t wl = strlen(words[k]);
        if (c->n - c->i >= wl && memcmp(c->s + c->i, words[k], wl) == 0) {
            c->i += wl;
            return true;
        }
    }
    long dummy;
    return jint(c, &dummy);
}

/* A fixed-width digit string field. */
static bool jdigits(jcur *c, char *out, size_t width, const char *key)
{
    char tmp[16];
    size_t len = 0;
    if (!jstring(c, tmp, sizeof tmp, &len))
        return false;
    bool ok = len == width && all_digits(tmp, width);
    if (ok)
        memcpy(out, tmp, width + 1);
    OPENSSL_cleanse(tmp, sizeof tmp);
    if (!ok) {
        set_why(c->why, "profile: \"%s\" must be a string of digits (at byte %zu)", key, c->i);
        return false;
    }
    return true;
}

enum {
    K_NAME = 1u << 0,
    K_ADDRESS = 1u << 1,
    K_BIRTH = 1u << 2,
    K_SEX = 1u << 3,
    K_NUMBER = 1u << 4,
    K_PIN = 1u << 5,
    K_PIN_TRIES = 1u << 6,
    K_EXPIRY = 1u << 7,
    K_SECCODE = 1u << 8,
    K_CC_TRIES = 1u << 9,
    K_NUM_TRIES = 1u << 10,
    K_FAULTS = 1u << 11,
    K_REMOVE = 1u << 12,
    K_LATENCY = 1u << 13,
    K_KENHOJO = 1u << 14,
    K_REQUIRED = K_NAME | K_ADDRESS | K_BIRTH | K_SEX | K_NUMBER | K_PIN,
};

static bool jmember(jcur *c, profile *p, const char *key, bool in_faults);

static bool jobject(jcur *c, profile *p, bool in_faults)
{
    if (!jexpect(c, '{'))
        return false;
    jskip_ws(c);
    if (c->i < c->n && c->s[c->i] == '}') {
        c->i++;
        return true;
    }
    for (;;) {
        char key[40];
        size_t klen;
        if (!jstring(c, key, sizeof key, &klen) || !jexpect(c, ':'))
            return false;
        if (!jmember(c, p, key, in_faults))
            return false;
        jskip_ws(c);
        if (c->i < c->n && c->s[c->i] == ',') {
            c->i++;
            continue;
        }
        return jexpect(c, '}');
    }
}

static bool once(jcur *c, profile *p, unsigned bit, const char *key)
{
    if (p->seen & bit) {
        set_why(c->why, "profile: duplicate key \"%s\" (at byte %zu)", key, c->i);
        return false;
    }
    p->seen |= bit;
    return true;
}

static bool jrange(jcur *c, long *v, long lo, long hi, const char *key)
{
    if (!jint(c, v))
        return false;
    if (*v < lo || *v > hi) {
        set_why(c->why, "profile: \"%s\" must be %ld..%ld (at byte %zu)", key, lo, hi, c->i);
        return false;
    }
    return true;
}

static bool jmember(jcur *c, profile *p, const char *key, bool in_faults)
{
    if (in_faults) {
        if (strcmp(key, "remove_after_apdus") == 0)
            return once(c, p, K_REMOVE, key) && jrange(c, &p->remove_after, 0, 1000000, key);
        if (strcmp(key, "latency_ms") == 0)
            return once(c, p, K_LATENCY, key) && jrange(c, &p->latency_ms, 0, 10000, key);
    } else if (strcmp(key, "name") == 0) {
        return once(c, p, K_NAME, key) && jstring(c, p->name, sizeof p->name, &p->name_len);
    } else if (strcmp(key, "address") == 0) {
        return once(c, p, K_ADDRESS, key) &&
               jstring(c, p->address, sizeof p->address, &p->address_len);
    } else if (strcmp(key, "birth") == 0) {
        return once(c, p, K_BIRTH, key) && jdigits(c, p->birth, 8, key);
    } else if (strcmp(key, "sex") == 0) {
        return once(c, p, K_SEX, key) && jdigits(c, p->sex, 1, key);
    } else if (strcmp(key, "my_number") == 0) {
        return once(c, p, K_NUMBER, key) && jdigits(c, p->number, 12, key);
    } else if (strcmp(key, "pin") == 0) {
        return once(c, p, K_PIN, key) && jdigits(c, p->pin, 4, key);
    } else if (strcmp(key, "pin_tries") == 0) {
        return once(c, p, K_PIN_TRIES, key) && jrange(c, &p->pin_tries, 0, PIN_TRIES_MAX, key);
    } else if (strcmp(key, "expiry_year") == 0) {
        return once(c, p, K_EXPIRY, key) && jdigits(c, p->expiry_year, 4, key);
    } else if (strcmp(key, "security_code") == 0) {
        return once(c, p, K_SECCODE, key) && jdigits(c, p->security_code, 4, key);
    } else if (strcmp(key, "checkcode_tries") == 0) {
        return once(c, p, K_CC_TRIES, key) && jrange(c, &p->checkcode_tries, 0, 10, key);
    } else if (strcmp(key, "number_tries") == 0) {
        return once(c, p, K_NUM_TRIES, key) && jrange(c, &p->number_tries, 0, 10, key);
    } else if (strcmp(key, "faults") == 0) {
        return once(c, p, K_FAULTS, key) && jobject(c, p, true);
    } else if (strcmp(key, "kenhojo_ap") == 0) {
        if (!once(c, p, K_KENHOJO, key))
            return false;
        jskip_ws(c);
        if (c->n - c->i >= 5 && memcmp(c->s + c->i, "false", 5) == 0) {
            c->i += 5;
            p->no_kenhojo = true;
            return true;
        }
        if (c->n - c->i >= 4 && memcmp(c->s + c->i, "true", 4) == 0) {
            c->i += 4;
            return true;
        }
        return jfail(c, "\"kenhojo_ap\" must be true or false");
    } else if (strcmp(key, "comment") == 0 || key[0] == '_') {
        return jskip_value(c, 0);
    }
    set_why(c->why, "profile: unknown key \"%s\" (at byte %zu)", key, c->i);
    return false;
}

static bool profile_check(const profile *p, char **why)
{
    unsigned missing = K_REQUIRED & ~p->seen;
    static const char *const names[] = {"name", "address", "birth", "sex", "my_number", "pin"};
    for (unsigned k = 0; k < 6; k++) {
        if (missing & (1u << k)) {
            set_why(why, "profile: missing key \"%s\"", names[k]);
            return false;
        }
    }
    if (p->name_len == 0 || p->address_len == 0) {
        set_why(why, "profile: empty %s", p->name_len == 0 ? "name" : "address");
        return false;
    }
    if (!valid_date(p->birth)) {
        set_why(why, "profile: \"birth\" is not a date YYYYMMDD");
        return false;
    }
    if (strcmp(p->sex, "1") != 0 && strcmp(p->sex, "2") != 0 && strcmp(p->sex, "9") != 0) {
        set_why(why, "profile: \"sex\" must be \"1\", \"2\" or \"9\" (ISO 5218)");
        return false;
    }
    if (myna_vcard_check_digit(p->number) != p->number[11] - '0') {
        set_why(why, "profile: \"my_number\" has a wrong check digit");
        return false;
    }
    return true;
}

/* ---- building the card's files ----------------------------------------------------------- */

static myna_err build_files(myna_vcard *vc, const profile *p)
{
    /* EF 0001: FF 10 0C <12 ASCII digits>, then two bytes of FF padding. */
    vc->ef0001 = myna_secure_alloc(EF0001_LEN);
    if (!vc->ef0001)
        return MYNA_E_NOMEM;
    vc->ef0001[0] = 0xFF;
    vc->ef0001[1] = 0x10;
    vc->ef0001[2] = 0x0C;
    memcpy(vc->ef0001 + 3, p->number, 12);
    vc->ef0001[15] = 0xFF;
    vc->ef0001[16] = 0xFF;

    /* EF 0002: FF 20 82 LL LL { DF 21 08 <4 offsets>, DF 22 name, DF 23 address,
     * DF 24 birth, DF 25 sex }. The outer length always takes the 82 form (readers such as
     * jpki/myna read 5 bytes and take the length from bytes 3-4). */
    size_t l22 = put_tlv(NULL, 0xDF, 0x22, NULL, p->name_len);
    size_t l23 = put_tlv(NULL, 0xDF, 0x23, NULL, p->address_len);
    size_t l24 = put_tlv(NULL, 0xDF, 0x24, NULL, 8);
    size_t l25 = put_tlv(NULL, 0xDF, 0x25, NULL, 1);
    size_t l21 = 3 + 8;
    size_t content = l21 + l22 + l23 + l24 + l25;
    if (content > 0xFFFF)
        return MYNA_E_PROFILE;
    vc->ef0002_len = 5 + content;
    vc->ef0002 = myna_secure_alloc(vc->ef0002_len);
    if (!vc->ef0002)
        return MYNA_E_NOMEM;
    uint8_t *f = vc->ef0002;
    f[0] = 0xFF;
    f[1] = 0x20;
    f[2] = 0x82;
    f[3] = (uint8_t)(content >> 8);
    f[4] = (uint8_t)content;
    size_t off[4];
    off[0] = 5 + l21;
    off[1] = off[0] + l22;
    off[2] = off[1] + l23;
    off[3] = off[2] + l24;
    uint8_t hdr[8];
    for (size_t k = 0; k < 4; k++) {
        hdr[2 * k] = (uint8_t)(off[k] >> 8);
        hdr[2 * k + 1] = (uint8_t)off[k];
    }
    size_t at = 5;
    at += put_tlv(f + at, 0xDF, 0x21, hdr, sizeof hdr);
    at += put_tlv(f + at, 0xDF, 0x22, p->name, p->name_len);
    at += put_tlv(f + at, 0xDF, 0x23, p->address, p->address_len);
    at += put_tlv(f + at, 0xDF, 0x24, p->birth, 8);
    at += put_tlv(f + at, 0xDF, 0x25, p->sex, 1);
    if (at != vc->ef0002_len)
        return MYNA_E_PROFILE;

    /* EF 0003: FF 30 82 01 4B { DF 31 20 SHA-256(EF 0001's TLV, 15 bytes),
     * DF 32 20 SHA-256(EF 0002 from DF 22 to the end of FF 20),
     * DF 33 82 01 00 RSA-2048 PKCS#1 v1.5 SHA-256 signature over the DF 31 and DF 32 TLVs
     * made with the fictional test key }. 336 bytes, like the real file. */
    vc->ef0003 = myna_secure_alloc(EF0003_LEN);
    if (!vc->ef0003)
        return MYNA_E_NOMEM;
    uint8_t *g = vc->ef0003;
    g[0] = 0xFF;
    g[1] = 0x30;
    g[2] = 0x82;
    g[3] = 0x01;
    g[4] = 0x4B;
    g[5] = 0xDF;
    g[6] = 0x31;
    g[7] = 0x20;
    g[40] = 0xDF;
    g[41] = 0x32;
    g[42] = 0x20;
    g[75] = 0xDF;
    g[76] = 0x33;
    g[77] = 0x82;
    g[78] = 0x01;
    g[79] = 0x00;
    unsigned int dlen = 0;
    if (!EVP_Digest(vc->ef0001, 15, g + 8, &dlen, EVP_sha256(), NULL) || dlen != 32)
        return MYNA_E_NOMEM;
    if (!EVP_Digest(f + off[0], vc->ef0002_len - off[0], g + 43, &dlen, EVP_sha256(), NULL) ||
        dlen != 32)
        return MYNA_E_NOMEM;

    myna_err rc = MYNA_E_NOMEM;
    BIO *bio = BIO_new_mem_buf(myna_vcard_test_key_pem, -1);
    EVP_PKEY *key = bio ? PEM_read_bio_PrivateKey(bio, NULL, NULL, NULL) : NULL;
    EVP_MD_CTX *md = EVP_MD_CTX_new();
    size_t slen = 256;
    if (key && md && EVP_DigestSignInit(md, NULL, EVP_sha256(), NULL, key) == 1 &&
        EVP_DigestSign(md, g + 80, &slen, g + 5, 70) == 1 && slen == 256)
        rc = MYNA_OK;
    EVP_MD_CTX_free(md);
    EVP_PKEY_free(key);
    BIO_free(bio);
    return rc;
}

static myna_err load_profile(myna_vcard *vc, profile *p)
{
    vc->tries_max[CTR_PIN] = PIN_TRIES_MAX;
    vc->tries_max[CTR_B] = p->checkcode_tries > 3 ? (int)p->checkcode_tries : 3;
    vc->tries_max[CTR_A] = p->number_tries > 3 ? (int)p->number_tries : 3;
    vc->tries[CTR_PIN] = (int)p->pin_tries;
    vc->tries[CTR_B] = (int)p->checkcode_tries;
    vc->tries[CTR_A] = (int)p->number_tries;
    vc->remove_after = (unsigned)p->remove_after;
    vc->no_kenhojo = p->no_kenhojo;
    vc->latency_ms = (unsigned)p->latency_ms;

    for (int k = 0; k < CTR_COUNT; k++) {
        vc->secret[k] = myna_secure_alloc(SECRET_LEN[k] + 1);
        if (!vc->secret[k])
            return MYNA_E_NOMEM;
    }
    memcpy(vc->secret[CTR_PIN], p->pin, 4);
    /* 照合番号B: birth YYMMDD + expiry year YYYY + security code. */
    memcpy(vc->secret[CTR_B], p->birth + 2, 6);
    memcpy(vc->secret[CTR_B] + 6, p->expiry_year, 4);
    memcpy(vc->secret[CTR_B] + 10, p->security_code, 4);
    memcpy(vc->secret[CTR_A], p->number, 12);
    return build_files(vc, p);
}

myna_err myna_vcard_load_mem(const char *json, size_t len, myna_vcard **out, char **why)
{
    if (why)
        *why = NULL;
    if (!json || !out)
        return MYNA_E_ARG;
    *out = NULL;
    if (len > MYNA_VCARD_PROFILE_MAX) {
        set_why(why, "profile: larger than %u bytes", MYNA_VCARD_PROFILE_MAX);
        return MYNA_E_PROFILE;
    }
    profile *p = myna_secure_alloc(sizeof *p);
    myna_vcard *vc = calloc(1, sizeof *vc);
    if (!p || !vc) {
        myna_secure_free(p, sizeof *p);
        free(vc);
        return MYNA_E_NOMEM;
    }
    pthread_mutex_init(&vc->lock, NULL);
    p->pin_tries = PIN_TRIES_MAX;
    p->checkcode_tries = 3;
    p->number_tries = 3;
    memcpy(p->expiry_year, "2035", 5);
    memcpy(p->security_code, "0000", 5);

    jcur c = {json, len, 0, why};
    myna_err rc = MYNA_E_PROFILE;
    if (jobject(&c, p, false)) {
        jskip_ws(&c);
        if (c.i != c.n)
            jfail(&c, "trailing data");
        else if (profile_check(p, why))
            rc = load_profile(vc, p);
    }
    myna_secure_free(p, sizeof *p);
    if (rc != MYNA_OK) {
        myna_vcard_free(vc);
        return rc;
    }
    vc->present = true;
    myna_vcard_reset(vc);
    *out = vc;
    return MYNA_OK;
}

myna_err myna_vcard_load(const char *path, myna_vcard **out, char **why)
{
    if (why)
        *why = NULL;
    if (!path || !out)
        return MYNA_E_ARG;
    *out = NULL;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        set_why(why, "profile: cannot open the file (%s)", strerror(errno));
        return MYNA_E_PROFILE;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size < 0 ||
        (size_t)st.st_size > MYNA_VCARD_PROFILE_MAX) {
        close(fd);
        set_why(why, "profile: not a regular file of at most %u bytes", MYNA_VCARD_PROFILE_MAX);
        return MYNA_E_PROFILE;
    }
    size_t cap = (size_t)st.st_size + 1;
    char *buf = myna_secure_alloc(cap);
    if (!buf) {
        close(fd);
        return MYNA_E_NOMEM;
    }
    size_t got = 0;
    while (got < cap - 1) {
        ssize_t r = read(fd, buf + got, cap - 1 - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        got += (size_t)r;
    }
    close(fd);
    myna_err rc = myna_vcard_load_mem(buf, got, out, why);
    myna_secure_free(buf, cap);
    return rc;
}

void myna_vcard_free(myna_vcard *vc)
{
    if (!vc)
        return;
    myna_secure_free(vc->ef0001, EF0001_LEN);
    myna_secure_free(vc->ef0002, vc->ef0002_len);
    myna_secure_free(vc->ef0003, EF0003_LEN);
    for (int k = 0; k < CTR_COUNT; k++)
        myna_secure_free(vc->secret[k], SECRET_LEN[k] + 1);
    pthread_mutex_destroy(&vc->lock);
    OPENSSL_cleanse(vc, sizeof *vc);
    free(vc);
}

/* ---- the APDU interpreter ---------------------------------------------------------------- */

typedef struct apdu {
    uint8_t cla, ins, p1, p2;
    const uint8_t *data;
    size_t lc;
    bool has_le;
    bool le_wild; /* Le was 00 (short) or 0000 (extended): "as many as there are" */
    bool extended;
    size_t le;
} apdu;

/* ISO/IEC 7816-3 cases 1, 2, 3, 4 in short and extended form. false: malformed (6700). */
static bool parse_apdu(const uint8_t *c, size_t n, apdu *a)
{
    memset(a, 0, sizeof *a);
    if (n < 4)
        return false;
    a->cla = c[0];
    a->ins = c[1];
    a->p1 = c[2];
    a->p2 = c[3];
    if (n == 4)
        return true;
    if (n == 5) {
        a->has_le = true;
        a->le = c[4] ? c[4] : 256;
        a->le_wild = c[4] == 0;
        return true;
    }
    if (c[4] != 0) {
        a->lc = c[4];
        a->data = c + 5;
        if (n == 5 + a->lc)
            return true;
        if (n == 6 + a->lc) {
            a->has_le = true;
            a->le = c[n - 1] ? c[n - 1] : 256;
            a->le_wild = c[n - 1] == 0;
            return true;
        }
        return false;
    }
    a->extended = true;
    if (n == 7) {
        size_t le = (size_t)c[5] << 8 | c[6];
        a->has_le = true;
        a->le = le ? le : 65536;
        a->le_wild = le == 0;
        return true;
    }
    a->lc = (size_t)c[5] << 8 | c[6];
    if (a->lc == 0)
        return false;
    a->data = c + 7;
    if (n == 7 + a->lc)
        return true;
    if (n == 9 + a->lc) {
        size_t le = (size_t)c[n - 2] << 8 | c[n - 1];
        a->has_le = true;
        a->le = le ? le : 65536;
        a->le_wild = le == 0;
        return true;
    }
    return false;
}

static int ctr_of_ef(unsigned ef)
{
    switch (ef) {
    case EF_PIN:
        return CTR_PIN;
    case EF_CODE_B:
        return CTR_B;
    case EF_CODE_A:
        return CTR_A;
    default:
        return -1;
    }
}

static unsigned do_select(myna_vcard *vc, const apdu *a)
{
    if (a->p1 == 0x04) {
        if (a->p2 != 0x0C)
            return 0x6A86;
        if (a->lc == 0)
            return 0x6700;
        int ap = AP_NONE;
        if (a->lc == MYNA_AID_KENHOJO_LEN && memcmp(a->data, myna_aid_kenhojo, a->lc) == 0)
            ap = vc->no_kenhojo ? AP_NONE : AP_KENHOJO;
        else if (a->lc == sizeof AID_KENKAKU && memcmp(a->data, AID_KENKAKU, a->lc) == 0)
            ap = AP_KENKAKU;
        else if (a->lc == sizeof AID_JPKI && memcmp(a->data, AID_JPKI, a->lc) == 0)
            ap = AP_JPKI;
        if (ap == AP_NONE)
            return 0x6A82;
        vc->ap = ap;
        vc->ef = 0;
        vc->verified = 0;
        return 0x9000;
    }
    if (a->p1 == 0x02) {
        if (a->p2 != 0x0C)
            return 0x6A86;
        if (a->lc != 2)
            return 0x6700;
        unsigned id = (unsigned)a->data[0] << 8 | a->data[1];
        if (vc->ap != AP_KENHOJO)
            return 0x6A82; /* the other applications' files are not modelled */
        switch (id) {
        case EF_NUMBER:
        case EF_ATTRS:
        case EF_DIGESTS:
        case EF_PIN:
        case EF_CODE_A:
        case EF_CODE_B:
            vc->ef = id;
            return 0x9000;
        default:
            return 0x6A82;
        }
    }
    return 0x6A86;
}

static unsigned do_verify(myna_vcard *vc, const apdu *a)
{
    if (a->p1 != 0x00 || a->p2 != 0x80)
        return 0x6A86;
    if (a->has_le)
        return 0x6700;
    int k = vc->ap == AP_KENHOJO ? ctr_of_ef(vc->ef) : -1;
    if (a->lc == 0) {
        vc->stats.verify_empty++;
        if (k < 0)
            return 0x6986;
        if (vc->tries[k] == 0)
            return 0x6983;
        if (vc->verified & (1u << k))
            return 0x9000;
        return 0x63C0 | (unsigned)vc->tries[k];
    }
    vc->stats.verify_with_data++;
    if (k < 0)
        return 0x6986;
    if (vc->tries[k] == 0) {
        vc->stats.verify_blocked++;
        return 0x6983;
    }
    /* Compare in constant time over the expected length; a wrong length is a wrong code. */
    uint8_t given[16] = {0};
    size_t n = a->lc < sizeof given ? a->lc : sizeof given;
    memcpy(given, a->data, n);
    bool ok = a->lc == SECRET_LEN[k] && myna_secure_cmp(given, vc->secret[k], SECRET_LEN[k]) == 0;
    OPENSSL_cleanse(given, sizeof given);
    if (ok) {
        vc->tries[k] = vc->tries_max[k];
        vc->verified |= 1u << k;
        return 0x9000;
    }
    vc->tries[k]--;
    vc->verified &= ~(1u << k);
    return 0x63C0 | (unsigned)vc->tries[k];
}

static unsigned do_read(myna_vcard *vc, const apdu *a, uint8_t *out, size_t cap, size_t *olen,
                        bool *too_small)
{
    vc->stats.read_binary++;
    if (a->p1 & 0x80)
        return 0x6A81; /* short EF identifiers are not modelled */
    if (a->lc != 0 || !a->has_le)
        return 0x6700;
    if (vc->ap != AP_KENHOJO || vc->ef == 0)
        return 0x6986;
    if (ctr_of_ef(vc->ef) >= 0)
        return 0x6981;
    if (!vc->verified)
        return 0x6982;
    const uint8_t *file;
    size_t size;
    switch (vc->ef) {
    case EF_NUMBER:
        file = vc->ef0001;
        size = EF0001_LEN;
        break;
    case EF_ATTRS:
        file = vc->ef0002;
        size = vc->ef0002_len;
        break;
    default:
        file = vc->ef0003;
        size = EF0003_LEN;
        break;
    }
    size_t off = (size_t)a->p1 << 8 | a->p2;
    if (off >= size)
        return 0x6B00;
    size_t avail = size - off;
    size_t n;
    if (a->le_wild) {
        n = avail < a->le ? avail : a->le;
    } else if (a->le > avail) {
        return a->extended || avail > 255 ? 0x6700 : 0x6C00 | (unsigned)avail;
    } else {
        n = a->le;
    }
    if (n > cap) {
        *too_small = true;
        return 0x6F00;
    }
    memcpy(out, file + off, n);
    *olen = n;
    return 0x9000;
}

static void set_present_locked(myna_vcard *vc, bool present);
static void reset_locked(myna_vcard *vc);

myna_err myna_vcard_process(myna_vcard *vc, const uint8_t *cmd, size_t clen, uint8_t *resp,
                            size_t *rlen)
{
    if (!vc || !cmd || !resp || !rlen || *rlen < 2)
        return MYNA_E_ARG;
    pthread_mutex_lock(&vc->lock);
    if (!vc->present) {
        pthread_mutex_unlock(&vc->lock);
        return MYNA_E_CARD_REMOVED;
    }
    unsigned gen = vc->generation;
    size_t cap = *rlen - 2;
    size_t dlen = 0;
    bool too_small = false;
    unsigned sw;
    apdu a;
    if (!parse_apdu(cmd, clen, &a))
        sw = 0x6700;
    else if (a.cla != 0x00)
        sw = 0x6E00;
    else if (a.ins == 0xA4)
        sw = do_select(vc, &a);
    else if (a.ins == 0x20)
        sw = do_verify(vc, &a);
    else if (a.ins == 0xB0)
        sw = do_read(vc, &a, resp, cap, &dlen, &too_small);
    else
        sw = 0x6D00;
    if (too_small) {
        pthread_mutex_unlock(&vc->lock);
        return MYNA_E_ARG;
    }
    resp[dlen] = (uint8_t)(sw >> 8);
    resp[dlen + 1] = (uint8_t)sw;
    *rlen = dlen + 2;
    vc->stats.apdus++;
    unsigned latency = vc->latency_ms;
    pthread_mutex_unlock(&vc->lock);

    if (latency) {
        struct timespec ts = {(time_t)(latency / 1000), (long)(latency % 1000) * 1000000L};
        while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
        }
    }

    pthread_mutex_lock(&vc->lock);
    /* pulled while the answer was on its way: the reader never gets it */
    bool lost = vc->generation != gen;
    if (!lost && vc->remove_after && vc->stats.apdus == vc->remove_after)
        set_present_locked(vc, false);
    pthread_mutex_unlock(&vc->lock);
    if (lost) {
        OPENSSL_cleanse(resp, *rlen);
        *rlen = 0;
        return MYNA_E_CARD_REMOVED;
    }
    return MYNA_OK;
}

/* ---- presence, state, transport ---------------------------------------------------------- */

static void reset_locked(myna_vcard *vc)
{
    vc->ap = AP_NONE;
    vc->ef = 0;
    vc->verified = 0;
}

void myna_vcard_reset(myna_vcard *vc)
{
    if (!vc)
        return;
    pthread_mutex_lock(&vc->lock);
    reset_locked(vc);
    pthread_mutex_unlock(&vc->lock);
}

static void set_present_locked(myna_vcard *vc, bool present)
{
    if (vc->present && !present) {
        vc->stats.pulls++;
        vc->generation++;
    }
    if (vc->present != present)
        reset_locked(vc); /* pulled or freshly inserted: power cycled */
    vc->present = present;
}

void myna_vcard_set_present(myna_vcard *vc, bool present)
{
    if (!vc)
        return;
    pthread_mutex_lock(&vc->lock);
    set_present_locked(vc, present);
    pthread_mutex_unlock(&vc->lock);
}

bool myna_vcard_present(const myna_vcard *vc)
{
    if (!vc)
        return false;
    myna_vcard *m = (myna_vcard *)vc; /* the lock is not part of the card's value */
    pthread_mutex_lock(&m->lock);
    bool p = m->present;
    pthread_mutex_unlock(&m->lock);
    return p;
}

size_t myna_vcard_atr(const myna_vcard *vc, uint8_t *buf, size_t cap)
{
    if (!vc || !buf || cap < sizeof VCARD_ATR)
        return 0;
    memcpy(buf, VCARD_ATR, sizeof VCARD_ATR);
    return sizeof VCARD_ATR;
}

void myna_vcard_get_counters(const myna_vcard *vc, myna_vcard_counters *out)
{
    if (!vc || !out)
        return;
    myna_vcard *m = (myna_vcard *)vc;
    pthread_mutex_lock(&m->lock);
    out->pin_tries = vc->tries[CTR_PIN];
    out->checkcode_tries = vc->tries[CTR_B];
    out->number_tries = vc->tries[CTR_A];
    pthread_mutex_unlock(&m->lock);
}

static int clamp(int v, int max)
{
    return v < 0 ? 0 : v > max ? max : v;
}

void myna_vcard_set_counters(myna_vcard *vc, const myna_vcard_counters *in)
{
    if (!vc || !in)
        return;
    pthread_mutex_lock(&vc->lock);
    vc->tries[CTR_PIN] = clamp(in->pin_tries, vc->tries_max[CTR_PIN]);
    vc->tries[CTR_B] = clamp(in->checkcode_tries, vc->tries_max[CTR_B]);
    vc->tries[CTR_A] = clamp(in->number_tries, vc->tries_max[CTR_A]);
    pthread_mutex_unlock(&vc->lock);
}

void myna_vcard_get_stats(const myna_vcard *vc, myna_vcard_stats *out)
{
    if (!vc || !out)
        return;
    myna_vcard *m = (myna_vcard *)vc;
    pthread_mutex_lock(&m->lock);
    *out = vc->stats;
    pthread_mutex_unlock(&m->lock);
}

static myna_err vt_transmit(void *impl, const uint8_t *cmd, size_t clen, uint8_t *resp,
                            size_t *rlen)
{
    return myna_vcard_process(impl, cmd, clen, resp, rlen);
}

static const myna_transport_ops vcard_ops = {vt_transmit, NULL};

myna_err myna_vcard_transport_new(myna_vcard *vc, myna_transport **out)
{
    if (out)
        *out = NULL;
    if (!vc || !out)
        return MYNA_E_ARG;
    return myna_transport_new(&vcard_ops, vc, out);
}
