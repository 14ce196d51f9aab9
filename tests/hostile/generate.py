"""Make a hostile corpus at test time: broken, strange, huge and malicious inputs, none committed.

Every class the readers have failed on (issue 17) is here, and big inputs are built cheaply:
repeated byte strings, zip members written with `ZIP_DEFLATED` from a repeated pattern, raw
PDF syntax written by hand. `generate(folder, secret)` returns the paths made, and writes the
secret into `secret.txt` next to them so tests can prove no output ever contains it.

    python -m tests.hostile.generate /tmp/hostile      # to look at the files by hand
"""
from __future__ import annotations

import io
import json
import os
import sys
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEEDS = {
    "docx": ROOT / "corpora" / "examples" / "thorough-iia.docx",
    "md": ROOT / "corpora" / "examples" / "weak-iia.md",
    "pdf": ROOT / "corpora" / "pdf" / "bannau-hafren-parking-charges.pdf",
    "html": ROOT / "corpora" / "wg-html" / "active-travel-schools-grant.html",
    "json": ROOT / "corpora" / "json" / "aberhafren-pharmacy-rota.json",
}
SECRET = "HOSTILE-SECRET-7f3a91"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MB = 1024 * 1024

Maker = Callable[[Path], None]


# --------------------------------------------------------------------------- Word packages

CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
                 'package/2006/content-types"><Default Extension="rels" ContentType="application/'
                 'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
                 '"application/xml"/><Override PartName="/word/document.xml" ContentType="application/'
                 'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                 '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-'
                 'officedocument.wordprocessingml.styles+xml"/></Types>')
ROOT_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
             'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
             'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
DOC_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>')
STYLES = f'<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="{W_NS}"></w:styles>'


def _body(inner: str, doctype: str = "") -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?>{doctype}<w:document xmlns:w="{W_NS}"><w:body>'
            f'{inner}</w:body></w:document>')


def _para(text: str, style: str | None = None) -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{ppr}<w:r><w:t>{text}</w:t></w:r></w:p>"


PARAS = "".join(_para(t) for t in (
    "Integrated Impact Assessment", "Age: the proposal has no impact on older people because opening hours stay the same.",
    "Disability: the library is step free and the change keeps that.", "We consulted the older people's forum."))


def docx(document_xml: str | bytes | None, styles: str | None = STYLES, extra: dict[str, bytes | str] | None = None,
         *, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A minimal Word package around the given document.xml (None leaves it out)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", ROOT_RELS)
        if document_xml is not None:
            z.writestr("word/document.xml", document_xml)
        if styles is not None:
            z.writestr("word/_rels/document.xml.rels", DOC_RELS)
            z.writestr("word/styles.xml", styles)
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return out.getvalue()


def _table(cells: str) -> str:
    return f"<w:tbl><w:tr>{cells}</w:tr></w:tbl>"


def _span_docx(attr: str, value: str) -> bytes:
    cell = "<w:tc>{pr}<w:p><w:r><w:t>Age: no impact</w:t></w:r></w:p></w:tc>"
    if attr == "gridSpan":
        row = cell.format(pr=f'<w:tcPr><w:gridSpan w:val="{value}"/></w:tcPr>') + cell.format(pr="")
        tbl = _table(row)
    else:
        tbl = (f'<w:tbl><w:tr><w:trPr><w:gridBefore w:val="{value}"/></w:trPr>'
               f'{cell.format(pr="")}</w:tr></w:tbl>')
    return docx(_body(PARAS + tbl))


def _styles_docx(styles: list[tuple[str, str | None]]) -> bytes:
    """Paragraph styles (id, based on) and a paragraph in each of the first few."""
    parts = []
    for sid, base in styles:
        based = f'<w:basedOn w:val="{base}"/>' if base is not None else ""
        parts.append(f'<w:style w:type="paragraph" w:styleId="{sid}"><w:name w:val="{sid}"/>{based}</w:style>')
    xml = f'<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="{W_NS}">{"".join(parts)}</w:styles>'
    body = PARAS + "".join(_para(f"Paragraph in style {sid}", sid) for sid, _ in styles[:5])
    return docx(_body(body), styles=xml)


def docx_cases(secret: Path) -> Iterator[tuple[str, bytes]]:
    """Broken, strange and malicious Word packages."""
    yield "docx-minimal-ok.docx", docx(_body(PARAS))
    yield "docx-wrong-root.docx", docx(f'<?xml version="1.0"?><w:styles xmlns:w="{W_NS}"/>')
    yield "docx-foreign-root.docx", docx('<?xml version="1.0"?><html><body><p>hi</p></body></html>')
    yield "docx-no-body.docx", docx(f'<?xml version="1.0"?><w:document xmlns:w="{W_NS}"/>')
    yield "docx-empty-body.docx", docx(_body(""))
    yield "docx-empty-document-xml.docx", docx("")
    yield "docx-invalid-xml.docx", docx("<w:document><w:body><w:p>")
    yield "docx-no-document-xml.docx", docx(None, extra={"word/other.xml": "<x/>"})
    yield "docx-document-xml-binary.docx", docx(bytes(range(256)) * 4)
    yield "docx-no-styles.docx", docx(_body(PARAS), styles=None)
    yield "docx-bad-styles-xml.docx", docx(_body(PARAS), styles="<w:styles><oops")
    yield "docx-no-content-types.docx", _without(docx(_body(PARAS)), "[Content_Types].xml")
    yield "docx-no-rels.docx", _without(docx(_body(PARAS)), "_rels/.rels")
    yield "docx-stored-not-deflated.docx", docx(_body(PARAS), compression=zipfile.ZIP_STORED)
    yield "docx-deep-nesting.docx", docx(_body("<w:sdt><w:sdtContent>" * 5000 + PARAS + "</w:sdtContent></w:sdt>" * 5000))
    yield "docx-nested-tables.docx", docx(_body("<w:tbl><w:tr><w:tc>" * 300 + PARAS + "</w:tc></w:tr></w:tbl>" * 300))
    yield "docx-huge-attribute.docx", docx(_body(f'<w:p><w:pPr><w:pStyle w:val="{"x" * 5 * MB}"/></w:pPr></w:p>' + PARAS))
    for attr in ("gridSpan", "gridBefore"):
        for label, value in (("text", "abc"), ("float", "1.5"), ("negative", "-3"), ("huge", "9" * 30),
                             ("big", "100000000"), ("exp", "1e9"), ("empty", ""), ("zero", "0"),
                             ("space", " 2 "), ("unicode-digit", "٣")):
            yield f"docx-{attr}-{label}.docx", _span_docx(attr, value)
    yield "docx-basedon-self.docx", _styles_docx([("A", "A")])
    yield "docx-basedon-pair.docx", _styles_docx([("A", "B"), ("B", "A")])
    yield "docx-basedon-missing.docx", _styles_docx([("A", "Nowhere")])
    n = 4000
    yield "docx-basedon-cycle-4000.docx", _styles_docx([(f"S{i}", f"S{(i + 1) % n}") for i in range(n)])
    yield "docx-basedon-chain-4000.docx", _styles_docx([(f"S{i}", f"S{i + 1}" if i < n - 1 else None) for i in range(n)])
    yield "docx-outline-garbage.docx", docx(_body(
        '<w:p><w:pPr><w:outlineLvl w:val="99999999999999999999"/></w:pPr><w:r><w:t>Heading?</w:t></w:r></w:p>'
        '<w:p><w:pPr><w:outlineLvl w:val="-1"/></w:pPr><w:r><w:t>Heading?</w:t></w:r></w:p>' + PARAS))
    yield "docx-dropdown-garbage.docx", docx(_body(
        '<w:p><w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:ddList><w:result w:val="99999999999999999999999"/>'
        '<w:listEntry w:val="Yes"/></w:ddList></w:ffData></w:fldChar></w:r></w:p>' + PARAS))
    # external entities: the file's content must never appear
    uri = secret.as_uri()
    yield "xxe-docx-entity.docx", docx(_body(_para("&s;") + PARAS, f'<!DOCTYPE w:document [<!ENTITY s SYSTEM "{uri}">]>'))
    yield "xxe-docx-parameter.docx", docx(_body(PARAS, f'<!DOCTYPE w:document [<!ENTITY % p SYSTEM "{uri}"> %p;]>'))
    yield "xxe-docx-styles.docx", docx(_body(PARAS), styles=(
        f'<?xml version="1.0"?><!DOCTYPE w:styles [<!ENTITY s SYSTEM "{uri}">]><w:styles xmlns:w="{W_NS}">'
        '<w:style w:type="paragraph" w:styleId="A"><w:name w:val="&s;"/></w:style></w:styles>'))
    yield "xxe-docx-core-props.docx", docx(_body(PARAS), extra={"docProps/core.xml": (
        f'<?xml version="1.0"?><!DOCTYPE cp [<!ENTITY s SYSTEM "{uri}">]><cp:coreProperties '
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>&s;</dc:title></cp:coreProperties>')})
    laughs = '<!ENTITY a0 "lol">' + "".join(f'<!ENTITY a{i} "{("&a" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
    yield "xxe-docx-billion-laughs.docx", docx(_body(_para("&a9;") + PARAS, f"<!DOCTYPE w:document [{laughs}]>"))
    yield "xxe-docx-xinclude.docx", docx(_body(
        f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{uri}" parse="text"/>' + PARAS))


def _without(package: bytes, member: str) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(package))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for item in source.infolist():
            if item.filename != member:
                z.writestr(item, source.read(item.filename))
    return out.getvalue()


def zip_cases() -> Iterator[tuple[str, bytes]]:
    """Zip bombs and containers that lie about themselves."""
    bomb = b"<w:p/>" * (60 * MB // 6)
    yield "zipbomb-document-xml.docx", docx(_body("").encode()[:-20] + bomb + b"</w:body></w:document>")
    yield "zipbomb-extra-member.docx", docx(_body(PARAS), extra={"word/media/blob.bin": b"\0" * (200 * MB)})
    yield "zipbomb-many-members.docx", docx(_body(PARAS), extra={f"word/x{i}.xml": b"" for i in range(6000)})
    inner = docx(_body(PARAS), extra={"big.bin": b"\0" * (50 * MB)})
    yield "zipbomb-nested-zip.docx", docx(_body(PARAS), extra={"word/embeddings/inner.docx": inner})
    # low ratio but large: many distinct paragraphs, still under the size limits
    text = "".join(_para(f"Paragraph {i} about age, disability and the older people's forum.") for i in range(60000))
    yield "zip-large-low-ratio.docx", docx(_body(text))
    lie = bytearray(docx(_body(PARAS)))
    pos = lie.find(b"PK\x01\x02")  # first central directory entry: declare a tiny uncompressed size
    while pos != -1:
        lie[pos + 24:pos + 28] = (10).to_bytes(4, "little")
        pos = lie.find(b"PK\x01\x02", pos + 4)
    yield "zip-size-lie.docx", bytes(lie)
    good = docx(_body(PARAS))
    yield "zip-truncated-half.docx", good[: len(good) // 2]
    yield "zip-truncated-tail.docx", good[:-10]
    yield "zip-bad-crc.docx", _flip(good, good.find(b"word/document.xml") + 40)
    yield "zip-only-header.docx", b"PK\x03\x04" + b"\0" * 26
    yield "zip-empty-archive.docx", b"PK\x05\x06" + b"\0" * 18
    yield "zip-xlsx-as-docx.docx", docx(None, extra={"xl/workbook.xml": "<workbook/>"})


def _flip(data: bytes, at: int) -> bytes:
    at = max(0, min(at, len(data) - 1))
    return data[:at] + bytes([data[at] ^ 0xFF]) + data[at + 1:]


# --------------------------------------------------------------------------- PDFs written by hand

def pdf(objects: list[bytes], root: int = 1, *, xref: bool = True) -> bytes:
    """A PDF from numbered object bodies (object i+1 is objects[i]) with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    start = len(out)
    if xref:
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
        out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, start)
    return bytes(out)


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def _stream(content: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"


def pages_pdf(contents: list[bytes], count: int | None = None) -> bytes:
    """Pages each drawing its content stream; objects: 1 catalog, 2 pages, 3 font, then page/stream pairs."""
    kids = b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(len(contents)))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(contents) if count is None else count), FONT]
    for i, content in enumerate(contents):
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
                       b"/Contents %d 0 R >>" % (5 + 2 * i))
        objects.append(_stream(content))
    return pdf(objects)


def _text_ops(lines: list[str], size: int = 11) -> bytes:
    ops = [b"BT /F1 %d Tf 50 800 Td %d TL" % (size, size + 3)]
    ops += [b"(" + line.encode("latin-1").replace(b"(", b"\\(").replace(b")", b"\\)") + b") Tj T*" for line in lines]
    return b"\n".join(ops + [b"ET"])


PDF_LINES = ["Integrated Impact Assessment", "Age: no impact on older people because hours are unchanged.",
             "We consulted the older people's forum."]


def pdf_cases() -> Iterator[tuple[str, bytes]]:
    ok = pages_pdf([_text_ops(PDF_LINES)])
    yield "pdf-minimal-ok.pdf", ok
    for fraction in (0.1, 0.3, 0.5, 0.7, 0.9, 0.99):
        yield f"pdf-truncated-{int(fraction * 100)}.pdf", ok[: int(len(ok) * fraction)]
    yield "pdf-no-eof.pdf", ok.replace(b"%%EOF", b"")
    yield "pdf-no-xref.pdf", pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"], xref=False)
    yield "pdf-header-only.pdf", b"%PDF-1.7\n"
    yield "pdf-garbage-body.pdf", b"%PDF-1.4\n" + bytes(range(256)) * 64
    yield "pdf-self-reference.pdf", pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>"])
    yield "pdf-pages-cycle.pdf", pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                                      b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                                      b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>"])
    yield "pdf-object-is-itself.pdf", pdf([b"<< /Type /Catalog /Pages 1 0 R >>"])
    yield "pdf-count-huge.pdf", pages_pdf([_text_ops(PDF_LINES)], count=10**12)
    yield "pdf-count-negative.pdf", pages_pdf([_text_ops(PDF_LINES)], count=-5)
    yield "pdf-no-text-layer.pdf", pages_pdf([b"0 0 m 100 100 l S"])
    yield "pdf-1500-pages.pdf", pages_pdf([_text_ops([f"Page {i}: age, disability and sex are assessed."]) for i in range(1500)])
    yield "pdf-huge-content-stream.pdf", pages_pdf([_text_ops(["Age: no impact on older people."] * 150000)])
    yield "pdf-one-line-million.pdf", pages_pdf([b"BT /F1 1 Tf 0 400 Td (" + b"a " * 500000 + b") Tj ET"])
    yield "pdf-deep-array.pdf", pages_pdf([_text_ops(PDF_LINES)]).replace(b"/MediaBox [0 0 595 842]",
                                                                            b"/MediaBox " + b"[" * 20000 + b"]" * 20000)
    yield "pdf-deep-dict.pdf", pdf([b"<< /Type /Catalog /Pages 2 0 R /X " + b"<< /A " * 5000 + b"1" + b" >>" * 5000 + b" >>",
                                    b"<< /Type /Pages /Kids [] /Count 0 >>"])
    yield "pdf-bad-length.pdf", ok.replace(b"/Length ", b"/Length 99999999", 1)
    yield "pdf-bad-filter.pdf", pages_pdf([b"x"]).replace(b"<< /Length 1 >>", b"<< /Length 1 /Filter /FlateDecode >>")
    yield "pdf-encrypted-garbage.pdf", ok.replace(b"/Root 1 0 R", b"/Root 1 0 R /Encrypt << /Filter /Standard /V 9 >>")
    yield "pdf-mediabox-text.pdf", ok.replace(b"[0 0 595 842]", b"[a b c d]")
    yield "pdf-mediabox-huge.pdf", ok.replace(b"[0 0 595 842]", b"[0 0 1e300 1e300]")
    seed = SEEDS["pdf"].read_bytes()
    for i, at in enumerate(range(200, len(seed), max(len(seed) // 12, 1))):
        yield f"pdf-seed-flip-{i:02d}.pdf", _flip(seed, at)


# --------------------------------------------------------------------------- text, HTML, JSON

def text_cases(secret: Path) -> Iterator[tuple[str, bytes]]:
    line = b"Age: the proposal has no impact on older people because the hours stay the same.\n\n"
    yield "text-2m-chars.txt", line * (2 * MB // len(line))
    yield "text-40m-chars.txt", b"a " * (20 * MB)
    yield "text-one-line-5m.md", b"word " * MB
    yield "text-label-lines.txt", b"Age\nDisability\nSex\nRace\n" * 60000
    yield "text-many-pipes.txt", b"| a | b | c | d |\n" * 100000
    yield "text-wide-pipe-row.txt", b"|" + b" x |" * 200000 + b"\n"
    yield "md-deep-brackets.md", b"[" * 100000 + b"x" + b"]" * 100000
    yield "md-emphasis-run.md", b"*a " * 200000 + b"\n"
    yield "md-underscore-run.md", b"_" * 500000 + b"\n"
    yield "md-deep-quotes.md", b">" * 100000 + b" text\n"
    yield "md-deep-lists.md", b"".join(b"  " * i + b"- item\n" for i in range(3000))
    yield "md-backticks.md", b"`" * 300000 + b"\n"
    yield "md-link-refs.md", b"".join(b"[l%d]: http://x/%d\n" % (i, i) for i in range(100000)) + b"[l1]\n"
    yield "md-big-table.md", b"| a | b |\n|---|---|\n" + b"| x | y |\n" * 200000
    yield "md-html-block-xxe.md", f'<!DOCTYPE x [<!ENTITY s SYSTEM "{secret.as_uri()}">]>\n\n&s;\n\nAge: no impact.\n'.encode()
    yield "text-nul-bytes.txt", b"Age: no impact\0\0\0 on people\n"
    yield "text-utf16-no-bom.txt", "Age: no impact on older people".encode("utf-16-le")
    yield "text-utf16-bom.txt", "\ufeffAge: no impact on older people.\n".encode("utf-16")
    yield "text-invalid-utf8.md", b"Age: \xff\xfe\xfd no impact\n"
    yield "text-control-chars.txt", bytes(range(1, 32)) * 1000 + b"Age\n"
    yield "text-only-whitespace.txt", b" \n\t\r\n" * 1000
    yield "text-empty.md", b""
    yield "text-bidi-zero-width.md", ("\u202e\u200b\ufeff" * 50000 + "Age: no impact.").encode()
    yield "text-long-word.txt", b"x" * (3 * MB)
    yield "text-crlf-only.txt", b"\r" * MB
    yield "text-many-headings.md", b"# H\n" * 200000
    seed = SEEDS["md"].read_bytes()
    for i, at in enumerate(range(0, len(seed), max(len(seed) // 10, 1))):
        yield f"md-seed-cut-{i:02d}.md", seed[:at] + b"\xff" + seed[at:]


def html_cases(secret: Path) -> Iterator[tuple[str, bytes]]:
    uri = secret.as_uri()
    yield "html-deep-divs.html", b"<html><body>" + b"<div>" * 100000 + b"Age: no impact" + b"</div>" * 100000 + b"</body></html>"
    yield "html-deep-tables.html", b"<html><body>" + b"<table><tr><td>" * 3000 + b"Age" + b"</td></tr></table>" * 3000 + b"</body></html>"
    yield "html-deep-lists.html", b"<html><body>" + b"<ul><li>" * 5000 + b"Age" + b"</li></ul>" * 5000 + b"</body></html>"
    yield "html-huge-colspan.html", b"<html><body><table><tr><td colspan='999999999' rowspan='999999999'>Age</td></tr></table></body></html>"
    yield "html-many-cells.html", b"<html><body><table>" + b"<tr>" + b"<td>x</td>" * 1000 + b"</tr>" * 1 + (b"<tr>" + b"<td>y</td>" * 1000 + b"</tr>") * 300 + b"</table></body></html>"
    yield "html-many-paragraphs.html", b"<html><body>" + b"<p>Age: no impact.</p>" * 300000 + b"</body></html>"
    yield "html-huge-text.html", b"<html><body><p>" + b"age " * (5 * MB) + b"</p></body></html>"
    yield "html-unclosed.html", b"<html><body>" + b"<p><b><i><span>" * 50000
    yield "html-xxe.html", f'<!DOCTYPE html [<!ENTITY s SYSTEM "{uri}">]><html><body><p>&s; Age: no impact.</p></body></html>'.encode()
    yield "html-iframe-file.html", f'<html><body><iframe src="{uri}"></iframe><img src="{uri}" alt="x"><p>Age: no impact.</p></body></html>'.encode()
    yield "html-xinclude.html", f'<html xmlns:xi="http://www.w3.org/2001/XInclude"><body><xi:include href="{uri}" parse="text"/><p>Age</p></body></html>'.encode()
    yield "html-base-link.html", f'<html><head><base href="{uri}"><link rel="import" href="{uri}"></head><body><p>Age: no impact.</p></body></html>'.encode()
    yield "html-xhtml-entity.xhtml", f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY s SYSTEM "{uri}">]><html xmlns="http://www.w3.org/1999/xhtml"><body><p>&s;</p></body></html>'.encode()
    yield "html-only-chrome.html", b"<html><body><nav>Home</nav><footer>Cookies</footer></body></html>"
    yield "html-binary-tail.html", b"<html><body><p>Age</p>" + bytes(range(256)) * 100
    yield "html-bad-encoding-meta.html", b'<html><head><meta charset="x-no-such-charset"></head><body><p>Age</p></body></html>'
    yield "html-many-attributes.html", b"<html><body><p " + b" ".join(b"a%d='1'" % i for i in range(100000)) + b">Age</p></body></html>"
    seed = SEEDS["html"].read_bytes()
    for i, at in enumerate(range(0, len(seed), max(len(seed) // 10, 1))):
        yield f"html-seed-cut-{i:02d}.html", seed[:at]


def json_cases() -> Iterator[tuple[str, bytes]]:
    record = json.loads(SEEDS["json"].read_text("utf-8"))
    for depth in (1000, 10000, 100000, 2000000):
        yield f"json-deep-array-{depth}.json", b'{"a": ' + b"[" * depth + b"]" * depth + b"}"
    yield "json-deep-object.json", b'{"a": ' + b'{"a": ' * 50000 + b"1" + b"}" * 50001
    yield "json-deep-unclosed.json", b"{" + b'"a":[' * 200000
    yield "json-brackets-in-strings.json", json.dumps({"title": "[" * 100000, "x": 1}).encode()
    chars = record.get("characteristics")
    if isinstance(chars, dict) and chars:
        first = next(iter(chars))
        misspelt = dict(record, characteristics={("agee" if k == first else k): v for k, v in chars.items()})
        yield "json-misspelt-characteristic.json", json.dumps(misspelt).encode()
        missing = dict(record, characteristics={k: v for k, v in chars.items() if k != first})
        yield "json-missing-characteristic.json", json.dumps(missing).encode()
        yield "json-characteristic-null.json", json.dumps(dict(record, characteristics={first: None})).encode()
        yield "json-characteristic-list.json", json.dumps(dict(record, characteristics=[1, 2])).encode()
        yield "json-characteristic-status-bad.json", json.dumps(dict(record, characteristics={first: {"status": "maybe"}})).encode()
    yield "json-array.json", b"[1, 2, 3]"
    yield "json-null.json", b"null"
    yield "json-string.json", b'"hello"'
    yield "json-empty-object.json", b"{}"
    yield "json-truncated.json", SEEDS["json"].read_bytes()[:-40]
    yield "json-nan.json", b'{"title": NaN, "x": Infinity}'
    yield "json-huge-number.json", b'{"title": 1' + b"0" * 100000 + b"}"
    yield "json-huge-string.json", b'{"title": "' + b"a" * (20 * MB) + b'"}'
    yield "json-many-keys.json", b"{" + b",".join(b'"k%d": 1' % i for i in range(200000)) + b"}"
    yield "json-duplicate-keys.json", b'{"title": "a", "title": "b"}'
    yield "json-lone-surrogate.json", b'{"title": "\\udcff\\ud800"}'
    yield "json-bom.json", b"\xef\xbb\xbf" + SEEDS["json"].read_bytes()
    yield "json-utf16.json", SEEDS["json"].read_text("utf-8").encode("utf-16")
    yield "json-as-md.md", SEEDS["json"].read_bytes()
    yield "json-deep-as-txt.txt", b"{" + b'"a":[' * 100000


# --------------------------------------------------------------------------- names and special files

def wrong_extension_cases() -> Iterator[tuple[str, bytes]]:
    pdf_bytes, docx_bytes = SEEDS["pdf"].read_bytes(), SEEDS["docx"].read_bytes()
    yield "wrongext-pdf-as.docx", pdf_bytes
    yield "wrongext-pdf-as.md", pdf_bytes
    yield "wrongext-pdf-as.html", pdf_bytes
    yield "wrongext-docx-as.pdf", docx_bytes
    yield "wrongext-docx-as.txt", docx_bytes
    yield "wrongext-docx-as.json", docx_bytes
    yield "wrongext-html-as.docx", SEEDS["html"].read_bytes()
    yield "wrongext-md-as.pdf", SEEDS["md"].read_bytes()
    yield "wrongext-json-as.docx", SEEDS["json"].read_bytes()
    yield "wrongext-png-as.md", b"\x89PNG\r\n\x1a\n" + b"\0" * 100
    yield "wrongext-jpeg-as.pdf", b"\xff\xd8\xff\xe0" + b"\0" * 100
    yield "wrongext-ole-as.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1000
    yield "wrongext-elf-as.txt", b"\x7fELF\x02\x01\x01" + b"\0" * 1000
    yield "wrongext-gzip-as.html", b"\x1f\x8b\x08\x00" + b"\0" * 100
    yield "wrongext-rtf-as.md", b"{\\rtf1\\ansi Age}"
    yield "wrongext-noext", SEEDS["md"].read_bytes()
    yield "wrongext-doc.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1000
    yield "WRONGEXT-UPPER.DOCX", docx(_body(PARAS))
    yield "wrongext-double.docx.pdf", docx(_body(PARAS))


def lock_cases() -> Iterator[tuple[str, bytes]]:
    owner = b"\x0aA. Officer" + b" " * 40 + b"\x0a\x00A\x00.\x00" + b"\x00" * 100
    yield "~$draft-iia.docx", owner
    yield "~$mpty.docx", b""
    yield "~$real-content.docx", docx(_body(PARAS))
    yield ".~lock.draft-iia.docx#", b"A. Officer,host,user,04.12.2026 10:00,file:///home/user;\n"
    yield ".~lock.notes.md#", b"x,y,z\n"
    yield "~WRL0001.tmp", b"\0" * 100


def special_cases(folder: Path) -> list[Path]:
    """FIFOs, symlink loops, dangling links, devices, folders named like files, non-UTF-8 names."""
    made: list[Path] = []

    def add(path: Path, make: Callable[[], None]) -> None:
        try:
            make()
        except OSError:
            return  # not possible on this system (e.g. no mkfifo): nothing to test
        made.append(path)

    fifo, loop_a, loop_b = folder / "special-fifo.md", folder / "special-loop-a.docx", folder / "special-loop-b.docx"
    add(fifo, lambda: os.mkfifo(fifo))
    add(folder / "special-fifo.docx", lambda: os.mkfifo(folder / "special-fifo.docx"))
    add(loop_a, lambda: (os.symlink(loop_b, loop_a), os.symlink(loop_a, loop_b)))
    made.append(loop_b) if loop_b.is_symlink() else None
    add(folder / "special-self-link.md", lambda: os.symlink(folder / "special-self-link.md", folder / "special-self-link.md"))
    add(folder / "special-dangling.pdf", lambda: os.symlink(folder / "nowhere.pdf", folder / "special-dangling.pdf"))
    add(folder / "special-dev-zero.txt", lambda: os.symlink("/dev/zero", folder / "special-dev-zero.txt"))
    add(folder / "special-dev-urandom.md", lambda: os.symlink("/dev/urandom", folder / "special-dev-urandom.md"))
    add(folder / "special-folder.docx", lambda: (folder / "special-folder.docx").mkdir())
    add(folder / "special-proc-link.txt", lambda: os.symlink("/proc/self/environ", folder / "special-proc-link.txt"))
    unreadable = folder / "special-unreadable.md"
    add(unreadable, lambda: (unreadable.write_bytes(b"# Age\n"), unreadable.chmod(0)))
    made.append(folder / ("special-" + "x" * 300 + ".md"))  # cannot exist: ENAMETOOLONG
    made.append(folder / "special-missing.docx")
    for raw in (b"name-latin1-caf\xe9.md", b"name-\xff\xfe-bytes.docx", b"name-\xed\xa0\x80-surrogate.txt",
                b"name-\xc3-cut.html", b"name-\x1b[31m-escape.md", b"name-new\nline.md"):
        name = os.fsdecode(raw)
        data = SEEDS["md"].read_bytes() if name.endswith((".md", ".txt")) else docx(_body(PARAS))
        if name.endswith(".html"):
            data = b"<html><body><p>Age: no impact.</p></body></html>"
        add(folder / name, lambda n=name, d=data: (folder / n).write_bytes(d))
    return made


def generate(folder: Path) -> list[Path]:
    """Write the hostile corpus into `folder` (and `secret.txt` beside it); return every path made."""
    folder.mkdir(parents=True, exist_ok=True)
    secret = folder.parent / "secret.txt"
    secret.write_text(SECRET + "\n", encoding="utf-8")
    made: list[Path] = []
    groups = (docx_cases(secret), zip_cases(), pdf_cases(), text_cases(secret), html_cases(secret),
              json_cases(), wrong_extension_cases(), lock_cases())
    for group in groups:
        for name, data in group:
            path = folder / name
            path.write_bytes(data)
            made.append(path)
    made += special_cases(folder)
    return made


if __name__ == "__main__":
    paths = generate(Path(sys.argv[1]))
    print(f"{len(paths)} hostile files in {sys.argv[1]}")
