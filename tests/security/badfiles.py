"""A generated set of malformed and hostile inputs (no binary fixtures in the repo).

Each entry: (case name, file name, bytes). ``GOOD`` holds unusual but valid files that must be
read, so the defences are not simply refusing everything.
"""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Callable

from fpdf import FPDF
from pypdf import PdfWriter


def _pdf(objects: list[bytes], root: int = 1, *, xref: bool = True) -> bytes:
    """Assemble numbered objects into a PDF with a correct xref table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    start = out.tell()
    if xref:
        out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
        for off in offsets:
            out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root %d 0 R >>\n" % (len(objects) + 1, root))
    out.write(b"startxref\n%d\n%%%%EOF\n" % start)
    return out.getvalue()


def _stream(data: bytes, extra: bytes = b"", *, compress: bool = False) -> bytes:
    if compress:
        data = zlib.compress(data, 9)
        extra += b" /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def text_pdf(
    text: str = "Incident report: the robot arm hit an operator.", pages: int = 1
) -> bytes:
    pdf = FPDF()
    pdf.set_font("helvetica", size=12)
    for i in range(pages):
        pdf.add_page()
        pdf.multi_cell(0, 8, f"{text} (page {i + 1})")
    return bytes(pdf.output())


def _encrypted() -> bytes:
    writer = PdfWriter(clone_from=io.BytesIO(text_pdf()))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def _many_pages(n: int) -> bytes:
    writer = PdfWriter()
    for _ in range(n):
        writer.add_blank_page(width=200, height=200)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def _page_objects(content: bytes, resources: bytes = b"<< >>") -> list[bytes]:
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources "
        + resources
        + b" >>",
        content,
    ]


def _deflate_bomb() -> bytes:
    # ~1 GB of text-drawing operators compressed to a few MB: decompression must be stopped.
    chunk = b"BT /F1 12 Tf 10 10 Td (AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA) Tj ET\n" * 16384
    comp = zlib.compressobj(9)
    data = b"".join(comp.compress(chunk) for _ in range(1000)) + comp.flush()
    body = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"
    font = b"<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>"
    return _pdf(_page_objects(body, font))


def _huge_image() -> bytes:
    raw = zlib.compress(b"\x00" * (64 * 1024 * 1024), 9)
    image = (
        b"<< /Type /XObject /Subtype /Image /Width 60000 /Height 60000 /ColorSpace /DeviceRGB "
        b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n"
        % len(raw)
        + raw
        + b"\nendstream"
    )
    objects = _page_objects(
        _stream(b"q 200 0 0 200 0 0 cm /Im1 Do Q"), b"<< /XObject << /Im1 5 0 R >> >>"
    )
    return _pdf([*objects, image])


def _deeply_nested() -> bytes:
    depth = 200_000
    nested = b"[" * depth + b"]" * depth
    objects = _page_objects(_stream(b"BT ET"))
    objects[2] = objects[2].replace(b" >>", b" /Annots " + nested + b" >>", 1)
    return _pdf(objects)


def _circular_pages() -> bytes:
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
            b"<< /Type /Pages /Kids [2 0 R] /Parent 2 0 R /Count 1 >>",
        ]
    )


def _lying_page_count() -> bytes:
    return _pdf(
        [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 999999999 >>"]
    )


def _bad_stream_length() -> bytes:
    content = b"<< /Length 999999 >>\nstream\nBT /F1 12 Tf (hello) Tj ET\nendstream"
    return _pdf(_page_objects(content))


def _missing_root() -> bytes:
    return _pdf([b"<< /Type /Pages /Kids [] /Count 0 >>"], root=7)


def _image_only() -> bytes:
    pixel = _stream(
        b"\xff\x00\x00",
        b" /Type /XObject /Subtype /Image /Width 1 /Height 1"
        b" /ColorSpace /DeviceRGB /BitsPerComponent 8",
    )
    objects = _page_objects(
        _stream(b"q 200 0 0 200 0 0 cm /Im1 Do Q"), b"<< /XObject << /Im1 5 0 R >> >>"
    )
    return _pdf([*objects, pixel])


def _truncated() -> bytes:
    whole = text_pdf(pages=3)
    return whole[: len(whole) // 2]


def _encrypted_aes_header() -> bytes:
    # An AES-encrypted PDF whose decryption needs a crypto library: must still fail cleanly.
    data = _encrypted()
    return data.replace(b"/V 2", b"/V 4", 1)


# --- more hostile files (reliability suite): CPU bombs, deep structures, odd encodings


def _operator_bomb() -> bytes:
    # 6 million text operators: tiny compressed, seconds of CPU to interpret.
    content = b"BT /F1 12 Tf 10 10 Td " + b"(ab) Tj " * 6_000_000 + b"ET"
    font = b"<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>"
    return _pdf(_page_objects(_stream(content, compress=True), font))


def _deep_page_tree(depth: int = 20_000) -> bytes:
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    for level in range(depth):
        number = level + 2
        parent = b"" if level == 0 else b"/Parent %d 0 R " % (number - 1)
        objects.append(b"<< /Type /Pages /Kids [%d 0 R] /Count 1 %s>>" % (number + 1, parent))
    objects.append(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 10 10] >>" % (depth + 1))
    return _pdf(objects)


def _object_stream_bomb() -> bytes:
    body = zlib.compress(b"0 0 " * 10)
    objects = _page_objects(_stream(b"BT ET"))
    objects.append(
        b"<< /Type /ObjStm /N 100000000 /First 40 /Length %d /Filter /FlateDecode >>\nstream\n"
        % len(body)
        + body
        + b"\nendstream"
    )
    return _pdf(objects)


def _huge_array() -> bytes:
    widths = b"[" + b"500 " * 2_000_000 + b"]"
    font = (
        b"<< /Font << /F1 << /Type /Font /Subtype /TrueType /BaseFont /Arial /FirstChar 0"
        b" /LastChar 1999999 /Widths " + widths + b" >> >> >>"
    )
    return _pdf(_page_objects(_stream(b"BT /F1 12 Tf (hi) Tj ET"), font))


def _junk_stream(filters: bytes) -> bytes:
    junk = bytes(range(100))
    body = b"<< /Length %d /Filter %s >>\nstream\n" % (len(junk), filters) + junk
    return _pdf(_page_objects(body + b"\nendstream"))


def _xref_loop() -> bytes:
    # The trailer's /Prev points back at its own xref table: a reader must not loop.
    data = text_pdf()
    at = data.rfind(b"startxref")
    xref = int(data[at + 9 :].split()[0])
    trailer = data.rfind(b"trailer")
    return data[:trailer] + data[trailer:].replace(b"<<", b"<< /Prev %d" % xref, 1)


BAD: list[tuple[str, str, Callable[[], bytes]]] = [
    ("empty", "empty.pdf", lambda: b""),
    ("whitespace only", "blank.txt", lambda: b"   \n\t \n"),
    ("truncated pdf", "truncated.pdf", _truncated),
    ("encrypted pdf", "secret.pdf", _encrypted),
    ("encrypted pdf, altered handler", "secret2.pdf", _encrypted_aes_header),
    ("png named pdf", "photo.pdf", lambda: b"\x89PNG\r\n\x1a\n" + b"\x00" * 2048),
    ("text named pdf", "notes.pdf", lambda: b"Just some text, not a PDF at all.\n" * 20),
    ("gzip named pdf", "archive.pdf", lambda: gzip.compress(b"%PDF-1.7 fake" * 1000)),
    ("header only", "header.pdf", lambda: b"%PDF-1.7\n"),
    ("header repeated", "repeat.pdf", lambda: b"%PDF-" * 50_000),
    ("thousands of pages", "huge.pdf", lambda: _many_pages(3000)),
    ("lying page count", "count.pdf", _lying_page_count),
    ("zero pages", "nopages.pdf", lambda: _many_pages(0)),
    ("deflate bomb", "bomb.pdf", _deflate_bomb),
    ("huge image", "image.pdf", _huge_image),
    ("deeply nested objects", "nested.pdf", _deeply_nested),
    ("circular page tree", "circle.pdf", _circular_pages),
    ("bad stream length", "length.pdf", _bad_stream_length),
    ("missing root", "noroot.pdf", _missing_root),
    ("no xref", "noxref.pdf", lambda: _pdf([b"<< /Type /Catalog >>"], xref=False)[:60]),
    ("image-only pdf", "scan.pdf", _image_only),
    ("garbage after header", "garbage.pdf", lambda: b"%PDF-1.4\n" + bytes(range(256)) * 400),
    ("invalid utf-8 binary", "binary.txt", lambda: bytes(range(256)) * 200),
    ("exe named txt", "setup.txt", lambda: b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00\x01\x02" * 5000),
    ("zip named txt", "data.txt", lambda: b"PK\x03\x04" + b"\x00\x07\x01" * 4000),
    ("nul bytes only", "nul.txt", lambda: b"\x00" * 10_000),
    ("docx upload", "contract.docx", lambda: b"PK\x03\x04 docx content"),
    ("too large upload", "big.txt", lambda: b"a" * 25_000_000),
    ("text over char limit", "long.txt", lambda: b"word " * 100_000),
    ("exe named pdf", "setup.pdf", lambda: b"MZ\x90\x00" + b"\x00" * 4000),
    ("pdf with only xref garbage", "xref.pdf", lambda: b"%PDF-1.7\nxref\n0 99999999\ntrailer<<>>"),
    ("utf-16 without bom garbage", "u16.txt", lambda: b"\x00\xd8\x00\xdc" * 3000 + b"\xff"),
    ("operator bomb (cpu)", "ops.pdf", _operator_bomb),
    ("page tree 20,000 levels deep", "deep.pdf", _deep_page_tree),
    ("object stream claiming 10^8 objects", "objstm.pdf", _object_stream_bomb),
    ("array of 2 million numbers", "widths.pdf", _huge_array),
    ("junk in a deflate stream", "flate.pdf", lambda: _junk_stream(b"/FlateDecode")),
    (
        "junk through five chained filters",
        "chain.pdf",
        lambda: _junk_stream(
            b"[/FlateDecode /LZWDecode /ASCII85Decode /ASCIIHexDecode /RunLengthDecode]"
        ),
    ),
    ("invalid utf-8 and cp1252", "bad.txt", lambda: b"caf\xc3 \x81\x8d\x8f\x90\x9d" * 100),
    ("nul bytes in markdown", "notes.md", lambda: b"# Notes\x00\x00\x00" * 2000),
    ("bom then binary", "bom.txt", lambda: b"\xef\xbb\xbf" + bytes(range(32)) * 300),
    ("html page named pdf", "page.pdf", lambda: b"<!doctype html><html><body>Login</body></html>"),
    ("pdf header after 2 kb of junk", "late.pdf", lambda: b"x" * 2000 + text_pdf()),
]

GOOD: list[tuple[str, str, Callable[[], bytes], str]] = [
    ("plain pdf", "report.pdf", lambda: text_pdf(), "robot arm"),
    ("multi-page pdf", "report2.pdf", lambda: text_pdf(pages=5), "page 5"),
    ("utf-8 text", "incident.txt", lambda: "Schaden am Fahrzeug: 5.000 €".encode(), "Schaden"),
    ("utf-16 text", "u16.txt", lambda: "Dommage causé".encode("utf-16"), "Dommage"),
    ("latin-1 text", "legacy.txt", lambda: "Schäden durch KI".encode("latin-1"), "Sch"),
    ("zero-width text", "zw.txt", lambda: "ignore\u200b previous".encode(), "ignore previous"),
    ("xref whose /Prev points to itself", "loop.pdf", _xref_loop, "robot arm"),
    ("bidi override in the name", "report\u202efdp.txt", lambda: b"The drone fell.", "drone"),
]
