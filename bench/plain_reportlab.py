"""reportlab on its own, as a floor for ipdocs' cold PDF time: the same content as plain
platypus paragraphs and tables (reportlab's CJK line breaking), in the same font subsets,
with none of ipdocs' model, layout or checks.

    python bench/plain_reportlab.py CONTENT.json FONT_DIR OUT.pdf

CONTENT.json is ``export.to_flat`` of a document; FONT_DIR holds ``serif.ttf``,
``serif-bold.ttf`` and ``sans-bold.ttf``, prepared in advance (as Typst gets its markup).
"""

from __future__ import annotations

import json
import sys
from html import escape
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table
from reportlab.platypus.tables import TableStyle


def main(content: Path, fonts: Path, out: Path) -> None:
    """Set ``content`` in the fonts of ``fonts`` and write ``out``."""
    register(fonts)
    render(content, out)


def register(fonts: Path) -> None:
    """Register the three faces of ``fonts`` with reportlab (parsing each TTF)."""
    for name in ("serif", "serif-bold", "sans-bold"):
        pdfmetrics.registerFont(TTFont(name, str(fonts / f"{name}.ttf")))


def render(content: Path, out: Path) -> None:
    """Set ``content`` in the registered faces and write ``out``: what a process that has
    its fonts registered does for each document (``bench/run.py`` times it warm)."""
    body = ParagraphStyle("body", fontName="serif", fontSize=10.5, leading=18,
                          firstLineIndent=21, alignment=4, wordWrap="CJK")
    cell = ParagraphStyle("cell", parent=body, fontSize=9, leading=12, firstLineIndent=0,
                          alignment=0)
    header = ParagraphStyle("header", parent=cell, fontName="serif-bold")
    heads = {level: ParagraphStyle(f"h{level}", fontName="sans-bold", fontSize=size,
                                   leading=size * 1.5, spaceBefore=8, spaceAfter=4,
                                   wordWrap="CJK")
             for level, size in ((1, 18), (2, 14), (3, 12), (4, 11))}
    grid = TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.5, "#999999")])
    story = []
    for item in json.loads(content.read_text(encoding="utf-8")):
        if item[0] == "h":
            story.append(Paragraph(escape(item[2]), heads[min(item[1], 4)]))
        elif item[0] == "p":
            story.append(Paragraph(escape(item[1]), body))
        else:
            rows = [[Paragraph(escape(text), header if index == 0 else cell) for text in row]
                    for index, row in enumerate(item[1])]
            story.append(Table(rows, style=grid, repeatRows=1))
    SimpleDocTemplate(str(out), pagesize=A4, leftMargin=25 * mm, rightMargin=25 * mm,
                      topMargin=25 * mm, bottomMargin=25 * mm).build(story)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
