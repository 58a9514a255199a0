"""Lists in the writers: the DOCX numbering definitions and links that python-docx has no
API for (``writers/docx/lists.py``), and the PDF list item whose mark hangs beside its
text (``writers/pdf/lists.py``)."""

from __future__ import annotations

import docx
from docx.oxml.ns import qn

from ipdocs.themes import load_theme
from ipdocs.writers.docx.lists import link_runs, list_numbering, number_paragraph
from ipdocs.writers.pdf.fonts import Fonts
from ipdocs.writers.pdf.lists import Hanging
from ipdocs.writers.pdf.setting import Piece, Writer, text_block

THEME = load_theme("briefing")


def _definitions(document: docx.document.Document) -> tuple[list[str], list[str]]:
    numbering = document.part.numbering_part.element
    names = [a.find(qn("w:name")) for a in numbering.findall(qn("w:abstractNum"))]
    return ([n.get(qn("w:val")) for n in names if n is not None],  # the template's have none
            [n.get(qn("w:numId")) for n in numbering.findall(qn("w:num"))])


def test_each_list_is_a_numbering_instance_of_one_shared_definition() -> None:
    document = docx.Document()
    first = list_numbering(document, ordered=True, indent=420)
    second = list_numbering(document, ordered=True, indent=420)
    bullets = list_numbering(document, ordered=False, indent=420)
    names, nums = _definitions(document)
    assert names.count("ipdocs-decimal-420") == 1 and names.count("ipdocs-bullet-420") == 1
    assert len({first, second, bullets}) == 3 and {first, second, bullets} <= set(nums)
    numbering = document.part.numbering_part.element
    restarted = [n for n in numbering.findall(qn("w:num")) if n.get(qn("w:numId")) == second]
    start = restarted[0].find(f"{qn('w:lvlOverride')}/{qn('w:startOverride')}")
    assert start is not None and start.get(qn("w:val")) == "1"  # a numbered list starts at 1
    tags = [e.tag for e in numbering]  # every definition before the first instance
    assert max(i for i, t in enumerate(tags) if t == qn("w:abstractNum")) < \
        min(i for i, t in enumerate(tags) if t == qn("w:num"))


def test_a_numbered_paragraph_hangs_in_its_indent() -> None:
    document = docx.Document()
    num_id = list_numbering(document, ordered=False, indent=360)
    paragraph = document.add_paragraph("item")
    number_paragraph(paragraph._p, num_id, 360)
    ppr = paragraph._p.pPr
    assert ppr.find(f"{qn('w:numPr')}/{qn('w:numId')}").get(qn("w:val")) == num_id
    indent = ppr.find(qn("w:ind"))
    assert indent.get(qn("w:left")) == indent.get(qn("w:hanging")) == "360"


def test_runs_after_a_link_to_the_same_address_join_it() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("see ")
    one = paragraph.add_run("the ")._r
    link_runs(document, paragraph, [one], "https://example.org/")
    two = paragraph.add_run("site")._r
    link_runs(document, paragraph, [two], "https://example.org/")
    links = paragraph._p.findall(qn("w:hyperlink"))
    assert len(links) == 1 and len(links[0].findall(qn("w:r"))) == 2
    rel = document.part.rels[links[0].get(qn("r:id"))]
    assert rel.target_ref == "https://example.org/" and rel.is_external
    styles = [r.find(f"{qn('w:rPr')}/{qn('w:rStyle')}").get(qn("w:val"))
              for r in links[0].findall(qn("w:r"))]
    assert len(set(styles)) == 1
    link_runs(document, paragraph, [], "https://example.org/")  # nothing to link: no change
    assert len(paragraph._p.findall(qn("w:hyperlink"))) == 1


def _item(text: str, first: bool = True) -> Hanging:
    w = Writer(THEME, Fonts(THEME), 400)
    label = text_block([Piece("1.")], "body", "en", w)
    body = text_block([Piece(text)], "body", "en", w)
    return Hanging(label, body, 20, first)


def test_the_label_hangs_in_the_indent_and_the_body_takes_the_rest() -> None:
    item = _item("A short item.")
    width, height = item.wrap(300, 1000)
    assert width == 300 and height > 0
    narrow = _item("word " * 60)
    _, tall = narrow.wrap(300, 1000)
    _, wider = _item("word " * 60).body.wrap(300, 1000)
    assert tall > wider  # the body is set 20 points narrower than the frame


def test_a_long_item_splits_by_lines_with_the_label_on_the_first_part() -> None:
    item = _item("word " * 200)
    _, height = item.wrap(300, 10000)
    parts = item.split(300, height / 2)
    assert len(parts) == 2
    assert parts[0].first and not parts[1].first
    assert parts[1].spaceBefore == 0
    assert _item("A short item.").split(300, 1) == []
