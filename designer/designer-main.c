/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* kakanai-designer — the template studio: kakanai-designer [TEMPLATE.form] */
#include "designer-app.h"

int main(int argc, char **argv)
{
    return dz_app_run(argc, argv, NULL, NULL);
}
