"""Export ipdocs' document tree to the peers' input: Typst markup and HTML.

Benchmark code only: the peers get the same content ipdocs sets (headings, paragraphs,
tables, key figures; charts as their data tables), in the same bundled fonts.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from typing import Any

from ipdocs.doc import (
    Bilingual,
    Block,
    Chart,
    Contents,
    Cover,
    Document,
    Heading,
    KeyFigures,
    PageBreak,
    Paragraph,
    Table,
)

_TYPST_SPECIAL = re.compile(r"([\\#$*_`<>@\[\]~/=+-])")


def _typ(text: str) -> str:
    """Text escaped for Typst markup."""
    return _TYPST_SPECIAL.sub(r"\\\1", text)


def _typ_table(header: list[str], rows: list[list[str]]) -> str:
    """A Typst table."""
    cells = ", ".join(f"[{_typ(c)}]" for c in header + [c for r in rows for c in r])
    return f"#table(columns: {len(header)}, {cells})\n"


def _typ_block(block: Block) -> str:
    """One block as Typst markup."""
    if isinstance(block, Heading):
        return "=" * block.level + " " + _typ(block.display) + "\n"
    if isinstance(block, Paragraph):
        return _typ(block.text) + "\n\n"
    if isinstance(block, Cover):
        return f"#text(size: 22pt)[{_typ(block.title)}]\n\n" + "".join(
            _typ(line) + "\n\n" for line in block.lines)
    if isinstance(block, Table):
        return _typ_table([c.text for c in block.header[0]],
                          [[c.text for c in r] for r in block.rows])
    if isinstance(block, KeyFigures):
        return _typ_table([i.value for i in block.items], [[i.label for i in block.items]])
    if isinstance(block, Chart):
        return _typ_table(["", block.series[0].name],
                          [[c, lab] for c, lab in zip(block.categories, block.series[0].labels,
                                                      strict=True)])
    if isinstance(block, Contents):
        return "#outline()\n"
    if isinstance(block, PageBreak):
        return "#pagebreak()\n"
    if isinstance(block, Bilingual):
        return ("#grid(columns: 2, gutter: 12pt, [" + "".join(map(_typ_block, block.left))
                + "], [" + "".join(map(_typ_block, block.right)) + "])\n")
    raise TypeError(type(block))


def to_typst(doc: Document) -> str:
    """The document as a Typst file using the bundled Noto faces."""
    lang = "zh" if doc.metadata.lang.startswith("zh") else "en"
    head = (f'#set page(paper: "a4", margin: 25mm)\n'
            f'#set text(font: ("Noto Serif CJK SC",), size: 10.5pt, lang: "{lang}")\n'
            '#set par(justify: true, first-line-indent: 2em)\n')
    return head + "".join(_typ_block(b) for b in doc.blocks)


def _html_table(header: Iterable[str], rows: Iterable[Iterable[str]]) -> str:
    """An HTML table."""
    head = "".join(f"<th>{html.escape(c)}</th>" for c in header)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>"
                   for r in rows)
    return f"<table><tr>{head}</tr>{body}</table>"


def _html_block(block: Block) -> str:
    """One block as HTML."""
    if isinstance(block, Heading):
        return f"<h{block.level}>{html.escape(block.display)}</h{block.level}>"
    if isinstance(block, Paragraph):
        return f"<p>{html.escape(block.text)}</p>"
    if isinstance(block, Cover):
        return f"<h1 class=title>{html.escape(block.title)}</h1>" + "".join(
            f"<p class=meta>{html.escape(line)}</p>" for line in block.lines)
    if isinstance(block, Table):
        return _html_table([c.text for c in block.header[0]],
                           [[c.text for c in r] for r in block.rows])
    if isinstance(block, KeyFigures):
        return _html_table([i.value for i in block.items], [[i.label for i in block.items]])
    if isinstance(block, Chart):
        return _html_table(["", block.series[0].name],
                           zip(block.categories, block.series[0].labels, strict=True))
    if isinstance(block, Contents | PageBreak):
        return '<div style="page-break-after: always"></div>'
    if isinstance(block, Bilingual):
        return ("<table class=pair><tr><td>" + "".join(map(_html_block, block.left))
                + "</td><td>" + "".join(map(_html_block, block.right)) + "</td></tr></table>")
    raise TypeError(type(block))


def to_html(doc: Document, font_dir: str) -> str:
    """The document as HTML with the bundled faces declared by @font-face."""
    faces = "".join(
        f'@font-face {{ font-family: "{family}"; src: url("file://{font_dir}/{file}"); '
        f"font-weight: {weight}; }}"
        for family, file, weight in (
            ("Noto Serif CJK SC", "NotoSerifCJKsc-Regular.ttf", 400),
            ("Noto Serif CJK SC", "NotoSerifCJKsc-Bold.ttf", 700),
            ("Noto Sans CJK SC", "NotoSansCJKsc-Regular.ttf", 400),
            ("Noto Sans CJK SC", "NotoSansCJKsc-Bold.ttf", 700)))
    css = (faces + "@page { size: A4; margin: 25mm } body { font-family: 'Noto Serif CJK SC';"
           " font-size: 10.5pt; text-align: justify } p { text-indent: 2em }"
           " h1, h2, h3 { font-family: 'Noto Sans CJK SC' } table { border-collapse: collapse }"
           " td, th { border-bottom: 0.5pt solid #999; padding: 2pt 4pt }")
    return (f"<!doctype html><html lang={doc.metadata.lang}><meta charset=utf-8>"
            f"<style>{css}</style><body>" + "".join(_html_block(b) for b in doc.blocks)
            + "</body></html>")


def _flat_block(block: Block) -> list[list[Any]]:
    """One block as plain data: ``["h", level, text]``, ``["p", text]`` or
    ``["t", rows]`` (tables, key figures and charts' data alike)."""
    if isinstance(block, Heading):
        return [["h", block.level, block.display]]
    if isinstance(block, Paragraph):
        return [["p", block.text]]
    if isinstance(block, Cover):
        return [["h", 1, block.title], *(["p", line] for line in block.lines)]
    if isinstance(block, Table):
        return [["t", [[c.text for c in block.header[0]],
                       *([c.text for c in r] for r in block.rows)]]]
    if isinstance(block, KeyFigures):
        return [["t", [[i.value for i in block.items], [i.label for i in block.items]]]]
    if isinstance(block, Chart):
        return [["t", [["", block.series[0].name],
                       *([c, lab] for c, lab in zip(block.categories, block.series[0].labels,
                                                    strict=True))]]]
    if isinstance(block, Contents | PageBreak):
        return []
    if isinstance(block, Bilingual):
        return [b for part in (*block.left, *block.right) for b in _flat_block(part)]
    raise TypeError(type(block))


def to_flat(doc: Document) -> list[list[Any]]:
    """The document as plain data for ``bench/plain_reportlab.py``."""
    return [item for block in doc.blocks for item in _flat_block(block)]
