"""HTML, Markdown and plain-text renderers (string templates; no randomness, so byte-stable)."""
from __future__ import annotations

from functools import partial
from html import escape as _escape

from .layout import Bullets, Element, Heading, Para, Table
from .source import Source

escape = partial(_escape, quote=False)
_CHROME = {
    "en": {"site": "GOV.WALES", "home": "Home", "pubs": "Publications", "skip": "Skip to main content", "first": "First published",
           "updated": "Last updated",
           "access": "This document may not be fully accessible. For more information refer to our accessibility statement."},
    "cy": {"site": "LLYW.CYMRU", "home": "Hafan", "pubs": "Cyhoeddiadau", "skip": "Neidio i'r prif gynnwys", "first": "Cyhoeddwyd gyntaf",
           "updated": "Diweddarwyd ddiwethaf",
           "access": "Efallai na fydd y ddogfen hon yn gwbl hygyrch. Am ragor o wybodaeth gweler ein datganiad hygyrchedd."},
}

_HTML_HEAD = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{title} | {site}</title>
</head>
<body>
<header><nav><a href="/">{home}</a> &gt; <a href="/publications">{pubs}</a></nav>
<p>{skip}</p></header>
<main>
"""
_HTML_FOOT = """</main>
<footer><p>{first}: {date}</p><p>{updated}: {date}</p>
<p>{access}</p>
</footer>
</body>
</html>
"""


def _html_table(t: Table) -> str:
    lines = ["<table>"]
    if t.header:
        lines.append("<thead><tr>" + "".join(f"<th>{escape(h)}</th>" for h in t.header) + "</tr></thead>")
    lines.append("<tbody>")
    for row in t.rows:
        cells = [f"<th scope=\"row\">{escape(row[0])}</th>"] if t.header is None else [f"<td>{escape(row[0])}</td>"]
        cells += [f"<td>{escape(c)}</td>" for c in row[1:]]
        lines.append("<tr>" + "".join(cells) + "</tr>")
    lines.append("</tbody>\n</table>")
    return "\n".join(lines)


def render_html(source: Source, elements: list[Element]) -> bytes:
    """A gov.wales-like page: one h1, sections as h2/h3, tables as real tables."""
    lang = "cy" if source.language == "cy" else "en"
    chrome = _CHROME[lang]
    parts = [_HTML_HEAD.format(lang=lang, title=escape(source.meta.get("title", "")), **chrome)]
    for el in elements:
        if isinstance(el, Heading):
            level = min(el.level + 1, 6)
            parts.append(f"<h{level}>{escape(el.text)}</h{level}>")
        elif isinstance(el, Para):
            parts.append(f"<p>{escape(el.text)}</p>")
        elif isinstance(el, Bullets):
            parts.append("<ul>\n" + "\n".join(f"<li>{escape(i)}</li>" for i in el.items) + "\n</ul>")
        elif isinstance(el, Table):
            parts.append(_html_table(el))
    parts.append(_HTML_FOOT.format(date=escape(source.meta.get("published", "")), **chrome))
    return "\n".join(parts).encode("utf-8")


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_md(source: Source, elements: list[Element]) -> bytes:
    """Markdown with ATX headings and pipe tables; header-less tables become labelled lines."""
    parts: list[str] = []
    for el in elements:
        if isinstance(el, Heading):
            parts.append("#" * (el.level + 1) + " " + el.text)
        elif isinstance(el, Para):
            parts.append(el.text)
        elif isinstance(el, Bullets):
            parts.append("\n".join(f"- {i}" for i in el.items))
        elif isinstance(el, Table) and el.header:
            lines = ["| " + " | ".join(_md_cell(h) for h in el.header) + " |",
                     "|" + "|".join("---" for _ in el.header) + "|"]
            lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in el.rows]
            parts.append("\n".join(lines))
        elif isinstance(el, Table):
            parts.append("\n".join(f"**{row[0]}** {' '.join(row[1:])}" + "  " for row in el.rows).rstrip())
    return ("\n\n".join(parts) + "\n").encode("utf-8")


def render_txt(source: Source, elements: list[Element]) -> bytes:
    """Plain text as pasted from an email or a case-management system: underlined headings."""
    parts: list[str] = []
    for el in elements:
        if isinstance(el, Heading):
            rule = "=" if el.level <= 1 else "-"
            parts.append(el.text + ("\n" + rule * len(el.text) if el.level <= 2 else ""))
        elif isinstance(el, Para):
            parts.append(el.text)
        elif isinstance(el, Bullets):
            parts.append("\n".join(f"* {i}" for i in el.items))
        elif isinstance(el, Table):
            rows = ([el.header] if el.header else []) + list(el.rows)
            parts.append("\n".join(" | ".join(r) for r in rows))
    return ("\n\n".join(parts) + "\n").encode("utf-8")
