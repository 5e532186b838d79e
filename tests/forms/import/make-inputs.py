#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The kakanai authors
# SPDX-License-Identifier: MIT
"""Write the import tests' inputs into OUTDIR (generated at test time, never committed):

  acroform.pdf        an A4 form with AcroForm text widgets and a check box (pypdf)
  hostile-*.pdf       broken and hostile PDFs: each must give a clear error, never a crash
  ok-*.pdf            unusual but valid PDFs that must load (rotation, inherited resources)

usage: make-inputs.py OUTDIR
"""
import os
import sys
import zlib


def pdf(objects, trailer_extra=b"", version=b"1.4", root=1):
    """A PDF from a list of object bodies (bytes), numbered from 1, with a correct xref."""
    out = bytearray(b"%PDF-" + version + b"\n%\xe2\xe3\xcf\xd3\n")
    offs = []
    for i, body in enumerate(objects, 1):
        offs.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for o in offs:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root %d 0 R " % (len(objects) + 1, root) + trailer_extra
    out += b">>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def stream(data, extra=b"", compress=False):
    if compress:
        data = zlib.compress(data)
        extra += b" /Filter /FlateDecode"
    return b"<< /Length %d" % len(data) + extra + b" >>\nstream\n" + data + b"\nendstream"


def page_doc(content, resources=b"<< >>", media=b"[0 0 595.28 841.89]", extra_objs=(),
             page_extra=b"", compress=False):
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox " + media + b" /Resources " + resources +
            b" /Contents 4 0 R" + page_extra + b" >>",
            stream(content, compress=compress)]
    objs += list(extra_objs)
    return pdf(objs)


RULES = b"0.5 w 42 700 m 552 700 l S 42 650 511 40 re S\n"


def hostile(out):
    good = page_doc(RULES)
    w = lambda n, b: open(os.path.join(out, n), "wb").write(b)
    w("hostile-truncated.pdf", good[: len(good) // 2])
    w("hostile-garbage.pdf", b"%PDF-1.7\n" + bytes((i * 7919) % 251 for i in range(4000)))
    w("hostile-empty.pdf", b"%PDF-1.4\n")
    w("hostile-not-pdf.pdf", b"GIF89a not a pdf at all")
    # 48 MB of operators in 50 KB: kakanai's inflate stops at 16 MiB
    w("hostile-bomb.pdf", page_doc(b"0 0 m " * 8_000_000, compress=True))
    deep = b"[" * 200 + b"1" + b"]" * 200
    w("hostile-deep.pdf", page_doc(RULES, resources=b"<< /Deep " + deep + b" >>"))
    # 5000 indirect objects reached from the resources (over FORM_BG_MAX_OBJECTS)
    n = 5000
    refs = b" ".join(b"/X%d %d 0 R" % (i, 5 + i) for i in range(n))
    w("hostile-objects.pdf", page_doc(RULES, resources=b"<< /ExtGState << " + refs + b" >> >>",
                                      extra_objs=[b"<< /Type /ExtGState >>"] * n))
    w("hostile-bignum.pdf", page_doc(RULES, resources=b"<< /Huge [100000000000000000000000.5 -3000000000] >>"))
    w("hostile-longname.pdf", page_doc(RULES, resources=b"<< /" + b"N" * 300 + b" 1 >>"))
    w("hostile-longstring.pdf", page_doc(RULES, resources=b"<< /S (" + b"a" * 70000 + b") >>"))
    w("hostile-nomediabox-zero.pdf", page_doc(RULES, media=b"[0 0 0 0]"))
    # a form XObject that draws itself: Do must stop
    selfref = stream(b"q 1 0 0 1 1 1 cm /Me Do Q 0 0 m 100 0 l S",
                     b" /Type /XObject /Subtype /Form /BBox [0 0 600 800]"
                     b" /Resources << /XObject << /Me 5 0 R >> >>")
    w("hostile-selfdraw.pdf", page_doc(b"/Me Do", resources=b"<< /XObject << /Me 5 0 R >> >>",
                                       extra_objs=[selfref]))
    # references in a cycle and to objects that do not exist: legal PDF
    w("ok-cycle.pdf", page_doc(RULES, resources=b"<< /A 5 0 R /B 99 0 R >>",
                                    extra_objs=[b"<< /Next 6 0 R >>", b"<< /Next 5 0 R >>"]))
    w("hostile-badfilter.pdf", pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                                    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                                    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]"
                                    b" /Contents [4 0 R 5 0 R] >>",
                                    stream(b"garbage", b" /Filter /LZWDecode"),
                                    stream(b"not zlib", b" /Filter /FlateDecode")]))
    # encrypted (RC4-128, empty user password): refused with "save it again without a password"
    from pypdf import PdfWriter
    import io
    enc = PdfWriter()
    enc.add_blank_page(width=595, height=842)
    enc.encrypt(user_password="", owner_password="city", use_128bit=True)
    buf = io.BytesIO()
    enc.write(buf)
    w("hostile-encrypted.pdf", buf.getvalue())
    # valid but unusual: inherited resources and box, rotation, two content streams
    w("ok-inherited.pdf", pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                               b"<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 842 595]"
                               b" /Resources << /ProcSet [/PDF] >> /Rotate 90 >>",
                               b"<< /Type /Page /Parent 2 0 R /Contents [4 0 R 5 0 R] >>",
                               stream(RULES, compress=True), stream(b"1 w 10 10 m 800 10 l S")]))


def acroform(out):
    """An A4 page with rules and AcroForm widgets (name, tooltip), made with pypdf."""
    from pypdf import PdfWriter
    from pypdf.generic import (ArrayObject, DictionaryObject, FloatObject, NameObject,
                               NumberObject, TextStringObject)
    wr = PdfWriter()
    page = wr.add_blank_page(width=595.28, height=841.89)
    widgets = [("applicant.name", "氏名", (150, 700, 540, 730), "/Tx"),
               ("furigana", "フリガナ", (150, 740, 540, 758), "/Tx"),
               ("addr", "住所", (150, 640, 540, 690), "/Tx"),
               ("dob", "生年月日", (150, 600, 360, 625), "/Tx"),
               ("tel", "", (150, 560, 360, 585), "/Tx"),
               ("remarks", "備考", (150, 480, 540, 540), "/Tx"),
               ("agree", "同意", (150, 440, 165, 455), "/Btn")]
    fields = ArrayObject()
    annots = ArrayObject()
    for name, tip, rect, ft in widgets:
        d = DictionaryObject()
        d[NameObject("/Type")] = NameObject("/Annot")
        d[NameObject("/Subtype")] = NameObject("/Widget")
        d[NameObject("/FT")] = NameObject(ft)
        d[NameObject("/T")] = TextStringObject(name)
        if tip:
            d[NameObject("/TU")] = TextStringObject(tip)
        d[NameObject("/Rect")] = ArrayObject([FloatObject(v) for v in rect])
        d[NameObject("/F")] = NumberObject(4)
        ref = wr._add_object(d)
        fields.append(ref)
        annots.append(ref)
    page[NameObject("/Annots")] = annots
    af = DictionaryObject()
    af[NameObject("/Fields")] = fields
    wr._root_object[NameObject("/AcroForm")] = wr._add_object(af)
    with open(os.path.join(out, "acroform.pdf"), "wb") as f:
        wr.write(f)


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    hostile(out)
    acroform(out)


if __name__ == "__main__":
    main()
