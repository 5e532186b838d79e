/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* test-support.h — scratch directories and file copies for the forms tests. */
#ifndef TEST_SUPPORT_H
#define TEST_SUPPORT_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static inline void ts_path(char *out, size_t cap, const char *dir, const char *name)
{
    snprintf(out, cap, "%s/%s", dir, name);
}

static inline int ts_write(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (f == NULL)
        return -1;
    size_t n = fwrite(data, 1, len, f);
    return fclose(f) == 0 && n == len ? 0 : -1;
}

/* Copy every regular file of src into dst (one level). */
static inline int ts_copy_dir(const char *src, const char *dst)
{
    DIR *d = opendir(src);
    if (d == NULL)
        return -1;
    struct dirent *de;
    char a[1024], b[1024];
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        ts_path(a, sizeof a, src, de->d_name);
        ts_path(b, sizeof b, dst, de->d_name);
        FILE *in = fopen(a, "rb");
        if (in == NULL)
            continue;
        char *buf = malloc(1 << 20);
        size_t n = fread(buf, 1, 1 << 20, in);
        fclose(in);
        ts_write(b, buf, n);
        free(buf);
    }
    closedir(d);
    return 0;
}

/* Remove a one-level scratch directory. */
static inline void ts_rmdir(const char *dir)
{
    DIR *d = opendir(dir);
    if (d == NULL)
        return;
    struct dirent *de;
    char p[1024];
    while ((de = readdir(d)) != NULL) {
        if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
            continue;
        ts_path(p, sizeof p, dir, de->d_name);
        unlink(p);
    }
    closedir(d);
    rmdir(dir);
}

#endif
