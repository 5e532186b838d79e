/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * form-sample-text.h — the texts of a form-like page (20 fields, a few hundred characters) that
 * the engine test checks and the engine benchmark times: names with 髙/𠮷/﨑/𠮟 and an IVS, a
 * long Latin name, dates, choices. Fictional; header-only so that both link nothing more.
 */
#ifndef KAKANAI_FORM_SAMPLE_TEXT_H
#define KAKANAI_FORM_SAMPLE_TEXT_H

static const char *const sample_field_texts[20] = {
    "髙橋 𠮷男",
    "タカハシ ヨシオ",
    "東京都葛\U000E0100飾区立石五丁目一三番一号 﨑山ハイツ101号室",
    "昭和55年1月1日",
    "男",
    "Wolfeschlegelsteinhausenbergerdorff-Featherstonehaugh Alexia",
    "住民票の写し",
    "2通",
    "本人",
    "運転免許証",
    "令和8年11月25日",
    "090-1234-5678",
    "世帯全員",
    "続柄を記載する",
    "本籍・筆頭者を記載しない",
    "𠮟咤激励 テスト記載",
    "東京都千代田区千代田一丁目一番一号",
    "窓口で受け取る",
    "手数料 600円",
    "備考なし",
};

#endif
