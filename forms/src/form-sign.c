/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * form-sign.c — signed template bundles. A bundle is a template directory; signing writes
 * MANIFEST.sha256 ("<sha256>  <path>\n" for every regular file, sorted by path) and
 * MANIFEST.sig (raw Ed25519 signature of the manifest, base64). Verification rebuilds the
 * manifest from the files and compares it byte for byte before checking the signature, so
 * an added, removed or altered file is refused.
 */
#include "form-private.h"

#include <dirent.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_FILES 1024u
#define MAX_DEPTH 4
#define MAX_BUNDLE_FILE (32u * 1024u * 1024u)

typedef struct entry {
    char *rel;
    char hex[65];
} entry;

typedef struct walk_state {
    entry *v;
    size_t n;
    form_err err;
} walk_state;

static form_err sha256_file(const char *path, char hex[65])
{
    char *data = NULL;
    size_t len = 0;
    form_err e = form_read_file(path, MAX_BUNDLE_FILE, &data, &len);
    if (e != FORM_OK)
        return e == FORM_E_ARG ? FORM_E_IO : e;
    unsigned char md[32];
    unsigned int mdlen = 0;
    int ok = EVP_Digest(data, len, md, &mdlen, EVP_sha256(), NULL);
    free(data);
    if (!ok)
        return FORM_E_IO;
    for (int i = 0; i < 32; i++)
        snprintf(hex + 2 * i, 3, "%02x", md[i]);
    return FORM_OK;
}

static void walk_dir(walk_state *w, const char *root, const char *rel, int depth)
{
    if (w->err != FORM_OK)
        return;
    if (depth > MAX_DEPTH) {
        w->err = FORM_E_IO;
        return;
    }
    char *path = rel[0] ? form_path_join(root, rel) : form_strdup(root);
    DIR *d = path ? opendir(path) : NULL;
    if (d == NULL) {
        free(path);
        w->err = FORM_E_IO;
        return;
    }
    struct dirent *de;
    while ((de = readdir(d)) != NULL && w->err == FORM_OK) {
        if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
            continue;
        if (depth == 0 && (strcmp(de->d_name, FORM_MANIFEST_NAME) == 0 ||
                           strcmp(de->d_name, FORM_SIGNATURE_NAME) == 0))
            continue;
        char *r = rel[0] ? form_path_join(rel, de->d_name) : form_strdup(de->d_name);
        char *full = r ? form_path_join(root, r) : NULL;
        struct stat st;
        if (r == NULL || full == NULL || lstat(full, &st) != 0) {
            w->err = r && full ? FORM_E_IO : FORM_E_NOMEM;
        } else if (S_ISDIR(st.st_mode)) {
            walk_dir(w, root, r, depth + 1);
        } else if (S_ISREG(st.st_mode)) {
            if (w->n >= MAX_FILES) {
                w->err = FORM_E_IO;
            } else {
                entry *x = &w->v[w->n];
                x->rel = r;
                r = NULL;
                w->err = sha256_file(full, x->hex);
                w->n++;
            }
        }
        /* symlinks and special files are not part of a bundle */
        free(r);
        free(full);
    }
    closedir(d);
    free(path);
}

static int cmp_entry(const void *a, const void *b)
{
    return strcmp(((const entry *)a)->rel, ((const entry *)b)->rel);
}

form_err form_manifest_build(const char *dir, char **out, size_t *len)
{
    *out = NULL;
    walk_state w = {.v = calloc(MAX_FILES, sizeof(entry))};
    if (w.v == NULL)
        return FORM_E_NOMEM;
    walk_dir(&w, dir, "", 0);
    form_buf b = {0};
    if (w.err == FORM_OK) {
        qsort(w.v, w.n, sizeof(entry), cmp_entry);
        for (size_t i = 0; i < w.n; i++) {
            form_buf_adds(&b, w.v[i].hex);
            form_buf_adds(&b, "  ");
            form_buf_adds(&b, w.v[i].rel);
            form_buf_adds(&b, "\n");
        }
        form_buf_add(&b, "", 0);
        if (b.failed)
            w.err = FORM_E_NOMEM;
    }
    for (size_t i = 0; i < w.n; i++)
        free(w.v[i].rel);
    free(w.v);
    if (w.err != FORM_OK) {
        form_buf_release(&b);
        return w.err;
    }
    *out = b.p;
    *len = b.n;
    return FORM_OK;
}

static form_err write_file(const char *path, const void *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (f == NULL)
        return FORM_E_IO;
    bool ok = fwrite(data, 1, len, f) == len;
    ok = fclose(f) == 0 && ok;
    return ok ? FORM_OK : FORM_E_IO;
}

FORM_EXPORT form_err form_bundle_sign(const char *dir, const char *privkey_pem)
{
    if (dir == NULL || privkey_pem == NULL)
        return FORM_E_ARG;
    FILE *kf = fopen(privkey_pem, "r");
    if (kf == NULL)
        return FORM_E_IO;
    EVP_PKEY *key = PEM_read_PrivateKey(kf, NULL, NULL, NULL);
    fclose(kf);
    if (key == NULL || EVP_PKEY_get_base_id(key) != EVP_PKEY_ED25519) {
        EVP_PKEY_free(key);
        return FORM_E_SIGNATURE;
    }
    char *man = NULL;
    size_t len = 0;
    form_err e = form_manifest_build(dir, &man, &len);
    unsigned char sig[64];
    size_t siglen = sizeof sig;
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    if (e == FORM_OK && (ctx == NULL || EVP_DigestSignInit(ctx, NULL, NULL, NULL, key) != 1 ||
                         EVP_DigestSign(ctx, sig, &siglen, (unsigned char *)man, len) != 1))
        e = FORM_E_SIGNATURE;
    EVP_MD_CTX_free(ctx);
    EVP_PKEY_free(key);
    if (e == FORM_OK) {
        char b64[100];
        int n = EVP_EncodeBlock((unsigned char *)b64, sig, (int)siglen);
        b64[n] = '\n';
        char *mp = form_path_join(dir, FORM_MANIFEST_NAME);
        char *sp = form_path_join(dir, FORM_SIGNATURE_NAME);
        e = mp && sp ? write_file(mp, man, len) : FORM_E_NOMEM;
        if (e == FORM_OK)
            e = write_file(sp, b64, (size_t)n + 1);
        free(mp);
        free(sp);
    }
    free(man);
    return e;
}

FORM_EXPORT form_err form_bundle_verify(const char *dir, const char *pubkey_pem, char *why, size_t cap)
{
#define FAIL(msg)                                                                          \
    do {                                                                                   \
        if (why)                                                                           \
            snprintf(why, cap, "%s", msg);                                                 \
        e = FORM_E_SIGNATURE;                                                              \
        goto out;                                                                          \
    } while (0)
    form_err e = FORM_OK;
    EVP_PKEY *key = NULL;
    char *man = NULL, *stored = NULL, *sigtxt = NULL, *mp = NULL, *sp = NULL;
    size_t len = 0, slen = 0, sigtxtlen = 0;
    EVP_MD_CTX *ctx = NULL;
    if (why && cap)
        why[0] = '\0';
    if (dir == NULL)
        return FORM_E_ARG;
    FILE *kf = pubkey_pem ? fopen(pubkey_pem, "r") : NULL;
    if (kf == NULL)
        FAIL("the public key file cannot be read");
    key = PEM_read_PUBKEY(kf, NULL, NULL, NULL);
    fclose(kf);
    if (key == NULL || EVP_PKEY_get_base_id(key) != EVP_PKEY_ED25519)
        FAIL("the public key is not an Ed25519 PEM key");
    mp = form_path_join(dir, FORM_MANIFEST_NAME);
    sp = form_path_join(dir, FORM_SIGNATURE_NAME);
    if (mp == NULL || sp == NULL) {
        e = FORM_E_NOMEM;
        goto out;
    }
    if (form_read_file(mp, 1u << 20, &stored, &slen) != FORM_OK ||
        form_read_file(sp, 4096, &sigtxt, &sigtxtlen) != FORM_OK)
        FAIL("the bundle is not signed (MANIFEST.sha256 or MANIFEST.sig is missing)");
    if (form_manifest_build(dir, &man, &len) != FORM_OK)
        FAIL("the bundle's files cannot be read");
    if (len != slen || memcmp(man, stored, len) != 0)
        FAIL("a file of the bundle was added, removed or changed after signing");
    while (sigtxtlen > 0 && (sigtxt[sigtxtlen - 1] == '\n' || sigtxt[sigtxtlen - 1] == '\r'))
        sigtxtlen--;
    unsigned char sig[128];
    if (sigtxtlen != 88)
        FAIL("the signature file is damaged");
    int n = EVP_DecodeBlock(sig, (unsigned char *)sigtxt, (int)sigtxtlen);
    if (n != 66) /* 64 bytes + padding reported by EVP_DecodeBlock */
        FAIL("the signature file is damaged");
    ctx = EVP_MD_CTX_new();
    if (ctx == NULL || EVP_DigestVerifyInit(ctx, NULL, NULL, NULL, key) != 1 ||
        EVP_DigestVerify(ctx, sig, 64, (unsigned char *)stored, slen) != 1)
        FAIL("the signature does not match this key: the bundle was altered or signed by "
             "someone else");
out:
    EVP_MD_CTX_free(ctx);
    EVP_PKEY_free(key);
    free(man);
    free(stored);
    free(sigtxt);
    free(mp);
    free(sp);
    return e;
#undef FAIL
}

FORM_EXPORT form_err form_catalog_fingerprint(const char *dir, char out[65])
{
    if (dir == NULL || out == NULL)
        return FORM_E_ARG;
    char *man = NULL;
    size_t len = 0;
    form_err e = form_manifest_build(dir, &man, &len);
    if (e != FORM_OK)
        return e;
    unsigned char md[32];
    unsigned int mdlen = 0;
    int ok = EVP_Digest(man, len, md, &mdlen, EVP_sha256(), NULL);
    free(man);
    if (!ok)
        return FORM_E_IO;
    for (int i = 0; i < 32; i++)
        snprintf(out + 2 * i, 3, "%02x", md[i]);
    return FORM_OK;
}
