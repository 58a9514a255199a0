"""A Word file at the least, as a floor for ipdocs' DOCX time: the same content as plain
headings, paragraphs and tables, its WordprocessingML written as text into python-docx's
default template, zipped with the template's other parts; none of ipdocs' model, styles,
embedded fonts, charts or checks, nor python-docx's object tree (slower than ipdocs'
own writing of the body: a floor no Word writer on python-docx's template goes below).

    python bench/plain_docx.py CONTENT.json OUT.docx

CONTENT.json is ``export.to_flat`` of a document (as for ``bench/plain_reportlab.py``).
"""

from __future__ import annotations

import io
import json
import sys
import zipfile
from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import docx

TEMPLATE = Path(docx.__file__).parent / "templates" / "default.docx"


@cache
def template() -> dict[str, bytes]:
    """python-docx's default template, its parts by name (read once a process, as a
    writer keeps what it starts from)."""
    with zipfile.ZipFile(TEMPLATE) as package:
        return {item.filename: package.read(item) for item in package.infolist()}


def _run(text: str) -> str:
    """A run of ``text``."""
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _table(rows: list[list[str]]) -> str:
    """A table of ``rows``, a paragraph a cell."""
    columns = max(len(row) for row in rows)
    grid = "".join('<w:gridCol w:w="1500"/>' for _ in range(columns))
    body = "".join("<w:tr>" + "".join(f"<w:tc><w:p>{_run(text)}</w:p></w:tc>" for text in row)
                   + "</w:tr>" for row in rows)
    return (f'<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
            f"<w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>")


def body(items: list[list[Any]]) -> str:
    """The WordprocessingML of ``to_flat``'s items."""
    out = []
    for item in items:
        if item[0] == "h":
            out.append(f'<w:p><w:pPr><w:pStyle w:val="Heading{min(item[1], 4)}"/></w:pPr>'
                       f"{_run(item[2])}</w:p>")
        elif item[0] == "p":
            out.append(f"<w:p>{_run(item[1])}</w:p>")
        else:
            out.append(_table(item[1]))
    return "".join(out)


def rendered(content: Path) -> bytes:
    """The Word file of ``content``: what a process that has read the template does for
    each document (``bench/run.py`` times it warm)."""
    parts = template()
    main = parts["word/document.xml"].decode("utf-8")
    at = main.index("<w:sectPr")
    text = body(json.loads(content.read_text(encoding="utf-8")))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            if name == "word/document.xml":
                data = (main[:at] + text + main[at:]).encode("utf-8")
            package.writestr(name, data)
    return out.getvalue()


if __name__ == "__main__":
    Path(sys.argv[2]).write_bytes(rendered(Path(sys.argv[1])))
