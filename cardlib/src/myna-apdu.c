/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* myna-apdu.c — command APDUs and the status-word table (see myna-apdu.h). */
#include "myna-apdu.h"

#include <string.h>

const uint8_t myna_aid_kenhojo[MYNA_AID_KENHOJO_LEN] = {0xD3, 0x92, 0x10, 0x00, 0x31,
                                                        0x00, 0x01, 0x01, 0x04, 0x08};

/* A case-3 command: header, Lc, then len data bytes (1..255). */
static size_t apdu_with_data(uint8_t *cmd, uint8_t ins, uint8_t p1, uint8_t p2, const uint8_t *data,
                             size_t len)
{
    cmd[0] = 0x00;
    cmd[1] = ins;
    cmd[2] = p1;
    cmd[3] = p2;
    cmd[4] = (uint8_t)len;
    memcpy(cmd + 5, data, len);
    return 5 + len;
}

size_t myna_apdu_select_aid(uint8_t *cmd, const uint8_t *aid, size_t aid_len)
{
    if (cmd == NULL || aid == NULL || aid_len == 0 || aid_len > 16)
        return 0;
    /* P1 04: by DF name; P2 0C: first occurrence, no FCI returned (fewer bytes) */
    return apdu_with_data(cmd, MYNA_INS_SELECT, 0x04, 0x0C, aid, aid_len);
}

size_t myna_apdu_select_ef(uint8_t *cmd, unsigned ef)
{
    if (cmd == NULL || ef > 0xFFFF)
        return 0;
    /* P1 02: EF under the current DF; P2 0C: no FCI */
    const uint8_t c[] = {0x00, MYNA_INS_SELECT, 0x02, 0x0C, 0x02, (uint8_t)(ef >> 8), (uint8_t)ef};
    memcpy(cmd, c, sizeof c);
    return sizeof c;
}

size_t myna_apdu_verify_query(uint8_t *cmd)
{
    if (cmd == NULL)
        return 0;
    /* P2 80: specific reference data of the current EF; case 1, no data */
    const uint8_t c[] = {0x00, MYNA_INS_VERIFY, 0x00, 0x80};
    memcpy(cmd, c, sizeof c);
    return sizeof c;
}

size_t myna_apdu_verify(uint8_t *cmd, const uint8_t *data, size_t len)
{
    if (cmd == NULL || data == NULL || len == 0 || len > 255)
        return 0;
    /* P2 80: specific reference data of the current EF */
    return apdu_with_data(cmd, MYNA_INS_VERIFY, 0x00, 0x80, data, len);
}

size_t myna_apdu_read_binary(uint8_t *cmd, unsigned offset, unsigned le)
{
    if (cmd == NULL || offset > 0x7FFF || le == 0 || le > 256)
        return 0;
    cmd[0] = 0x00;
    cmd[1] = MYNA_INS_READ_BINARY;
    cmd[2] = (uint8_t)(offset >> 8); /* bit 8 clear: P1-P2 is an offset, not an SFI */
    cmd[3] = (uint8_t)offset;
    cmd[4] = (uint8_t)(le == 256 ? 0 : le);
    return 5;
}

unsigned myna_sw(const uint8_t *resp, size_t rlen)
{
    if (resp == NULL || rlen < 2)
        return 0;
    return ((unsigned)resp[rlen - 2] << 8) | resp[rlen - 1];
}

struct sw_row {
    unsigned sw;
    unsigned mask; /* bits that must match */
    myna_err err;
    const char *text;
};

/* The one table (ISO/IEC 7816-4 section 5.6 and the Kenhojo AP's use of it). First match
 * wins; 63Cx is decided in myna_sw_to_err before this table. */
static const struct sw_row sw_table[] = {
    {0x9000, 0xFFFF, MYNA_OK, "success"},
    {0x6282, 0xFFFF, MYNA_OK, "end of file reached before Le bytes"},
    {0x6281, 0xFFFF, MYNA_E_BAD_DATA, "part of the returned data may be corrupted"},
    {0x6283, 0xFFFF, MYNA_E_CARD, "selected file deactivated"},
    {0x6300, 0xFFFF, MYNA_E_CARD, "verification failed, no counter"},
    {0x6581, 0xFFFF, MYNA_E_CARD, "memory failure"},
    {0x6700, 0xFFFF, MYNA_E_CARD, "wrong length"},
    {0x6882, 0xFFFF, MYNA_E_CARD, "secure messaging not supported"},
    {0x6981, 0xFFFF, MYNA_E_CARD, "command incompatible with file structure"},
    {0x6982, 0xFFFF, MYNA_E_NOT_VERIFIED, "security status not satisfied"},
    {0x6983, 0xFFFF, MYNA_E_PIN_BLOCKED, "authentication method blocked"},
    {0x6984, 0xFFFF, MYNA_E_PIN_BLOCKED, "reference data not usable"},
    {0x6985, 0xFFFF, MYNA_E_CARD, "conditions of use not satisfied"},
    {0x6986, 0xFFFF, MYNA_E_CARD, "command not allowed (no current EF)"},
    {0x6A81, 0xFFFF, MYNA_E_CARD, "function not supported"},
    {0x6A82, 0xFFFF, MYNA_E_CARD, "file or application not found"},
    {0x6A86, 0xFFFF, MYNA_E_CARD, "incorrect P1 P2"},
    {0x6A87, 0xFFFF, MYNA_E_CARD, "Lc inconsistent with P1 P2"},
    {0x6A88, 0xFFFF, MYNA_E_CARD, "reference data not found"},
    {0x6B00, 0xFFFF, MYNA_E_CARD, "wrong parameters (offset outside the EF)"},
    {0x6D00, 0xFFFF, MYNA_E_CARD, "instruction not supported"},
    {0x6E00, 0xFFFF, MYNA_E_CARD, "class not supported"},
    {0x6F00, 0xFFFF, MYNA_E_CARD, "no precise diagnosis"},
    {0x6100, 0xFF00, MYNA_E_CARD, "more data available (GET RESPONSE)"},
    {0x6C00, 0xFF00, MYNA_E_CARD, "wrong Le (resend with Le = SW2)"},
};

static const struct sw_row *sw_find(unsigned sw)
{
    for (size_t i = 0; i < sizeof sw_table / sizeof sw_table[0]; i++)
        if ((sw & sw_table[i].mask) == sw_table[i].sw)
            return &sw_table[i];
    return NULL;
}

myna_err myna_sw_to_err(unsigned sw)
{
    if ((sw & 0xFFF0) == 0x63C0) {
        unsigned left = sw & 0x0F;
        if (left == 0)
            return MYNA_E_PIN_BLOCKED;
        return left == 1 ? MYNA_E_PIN_LAST_TRY : MYNA_E_PIN_WRONG;
    }
    const struct sw_row *r = sw_find(sw);
    return r != NULL ? r->err : MYNA_E_CARD;
}

const char *myna_sw_text(unsigned sw)
{
    if ((sw & 0xFFF0) == 0x63C0)
        return "verification failed, tries left in SW2";
    const struct sw_row *r = sw_find(sw);
    return r != NULL ? r->text : "unknown status word";
}
