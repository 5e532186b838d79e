/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * A FICTIONAL RSA-2048 test key: the virtual card signs its EF 0003 with it. It is not
 * J-LIS's key and proves nothing about a real card. The public half is
 * tests/profiles/vcard-signing-key.pub.pem. Generated with
 *   openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048
 */
#ifndef MYNA_VCARD_TESTKEY_H
#define MYNA_VCARD_TESTKEY_H
static const char myna_vcard_test_key_pem[] =
    "-----BEGIN PRIVATE KEY-----\n"
    "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQCXdyO0XDEeqUkl\n"
    "OWIEHdPXzczxFeg35aehvHQmkvGWIB66Rsg8FaDnhfn4G9GYB5oQ39j9lpzbPdIm\n"
    "/HuOdgIbnKeTjGumzdD6GxejcWU4lsZfzTQZk/df9JmesWX47zscVErT6SZWQjF0\n"
    "HWp03BOsMXnmKVhItDmz1C8kz3nwDi39iKGw0KWV8GQeX6nBR0zpBoH+zOwfAdHq\n"
    "6dvYuOAZtztrlXR8GxbOkK8dvDKZo0tn2lPIh4Nbaz3xXpb0/9KyFQDdAz5Y55sn\n"
    "o8lH/oRgdREuvFViZFEbY8ex1z88ojjrmRfjl8rVkDXUYCW6b4TIA4oDpaMxDeOP\n"
    "p83IfqIhAgMBAAECggEABC1znCa2IZSYcl7AofQZlgyY1eP05DFA/UMII+LBuNam\n"
    "0k9w3nHGq6OJta34nBjxT5ZNfbnY41ozUeCwHsmJLfKEMaQvNR9lgbdgLW5LiD2Z\n"
    "JuJI2hU3T+IcbJHGvUO0suV+zvuE4FZg+SL95XGPixPHuyix5wcuCseHLb7EI3Ia\n"
    "m1eBvFImidL70gu0XtfisODb4UM/BXDmJLmgsRddabAUk9MsmZgMeX4ML+Wn4t2u\n"
    "mnXd3CMrIyVEbODH19KX/Son/dGms5760n1tRp5Pb3xuIPo6b/rGpW6CibsTdR3h\n"
    "S4UcKxM+HPHa1BazsXcsDlPWEdjmewEkC3/tMCnJ4wKBgQDK9kWq6O2R8c2X2pRa\n"
    "fqdEQCURJNs7PfdaBhwx6F2gJHfxVe7Y5njMpLIsgD4nmnOJO3FN9FQj7g4LJVRv\n"
    "ArpmGUbqS8fXXB/jUTdOQgWAh5sN3fFQajlyDPhWuUb/oYFnwtbnQLzA23fibHCg\n"
    "vDoRdfpVRo1WVCpWJUuKptXTAwKBgQC/C9pj0L7RCtcyJaNlmPPzzGcs8C44RX0+\n"
    "tMW4jCDnWUixkNvevmbDf7hh6EBIJydHhfhKJPieveqCJhvaCEGDf8cj9slgJpm4\n"
    "lUODQ6rWvBZbqU5027VAUxdhbvYnxqKndtnUROruYV+22aheZRT++VrkXiSgllY4\n"
    "frdah5nbCwKBgQDDqzVzFeijgSiiM5o+vEfp5qVVp+CrdowXADkCbHCGyWHRCvWf\n"
    "qmHfeRBFEsXZTHACZ4pOizTrBsAHQs/pzgmCEPBrRO++0hP0BQJ6se+4AAQeFFBn\n"
    "JGGJcLOieDDYlg25yP+CJslSbMNhSQY0EAMzfjf/KmtsROwj7QStATa3nQKBgAw/\n"
    "zE7eEX4Bve5/L0zSU8Hr9ymQdMYy3mbo3EyK34k11k1cRlyvxJMAW2gbphN6PzB8\n"
    "zICkgjRbZO/XVa3THbA6vx/1MNAzaWPGXj/KVOfTw3M5Fci0VZi8OyGKJcpDGCa4\n"
    "nhrYGGAUajilGACFZqU6g7NkveB2Ay04IrVxQFIlAoGAAq98Y78dFSlD/B3zFSFW\n"
    "f4ruwYdBGFW3r1WSrqGiaX4jf7I7tR/S3bOJPnziF82a9S2++wmRRRdsjk321SGg\n"
    "nbYJtEHpcWKKbSADQOl4Rdj8ZeN66Ma4S81R2CoaTGjQraNRdwZDfdkW8a9lgtGE\n"
    "ATYyN+E1NmeuiBBSendaK2I=\n"
    "-----END PRIVATE KEY-----\n";
#endif
