"""Applying a reference DOCX's styles, page and furniture (writers/docx/reference.py)."""

from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from ipdocs.themes import load_theme
from ipdocs.writers.docx.reference import ReferenceError, apply_reference, open_reference
from ipdocs.writers.docx.styles import apply_theme, word_style
from ipdocs.writers.docx.template import blank


def _ours() -> docx.document.Document:
    theme = load_theme("briefing")
    document = blank(theme, ("zh-CN", "zh-CN"))
    apply_theme(document, theme)
    document.sections[0].header.paragraphs[0].text = "our header"
    return document


def _reference(tmp_path: Path, *, first_page: bool = False) -> Path:
    reference = docx.Document()
    caption = reference.styles["Caption"]
    caption.font.size = Pt(30)
    caption.font.bold = False
    caption.font.name = "Arial"
    reference.styles.add_style("Letter Style", 1).font.size = Pt(7)
    for fonts in reference.styles.element.find(qn("w:docDefaults")).iter(qn("w:rFonts")):
        for attr in ("w:eastAsia", "w:eastAsiaTheme"):  # a Western template's defaults
            fonts.attrib.pop(qn(attr), None)
    section = reference.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.top_margin = Mm(11)
    section.header.paragraphs[0].text = "LETTERHEAD"
    if first_page:
        section.different_first_page_header_footer = True
        section.first_page_header.paragraphs[0].text = "FIRST PAGE"
    path = tmp_path / "reference.docx"
    reference.save(str(path))
    return path


def test_the_page_set_up_and_header_are_the_references(tmp_path: Path) -> None:
    document = _ours()
    apply_reference(document, _reference(tmp_path))
    section = document.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert section.page_width and section.page_height and section.top_margin
    assert round(section.page_width.mm) == 297 and round(section.page_height.mm) == 210
    assert round(section.top_margin.mm) == 11
    assert [p.text for p in section.header.paragraphs] == ["LETTERHEAD"]
    assert not section.different_first_page_header_footer


def test_a_first_page_letterhead_comes_with_its_own_first_page(tmp_path: Path) -> None:
    document = _ours()
    apply_reference(document, _reference(tmp_path, first_page=True))
    section = document.sections[0]
    assert section.different_first_page_header_footer
    assert [p.text for p in section.first_page_header.paragraphs] == ["FIRST PAGE"]


def test_styles_are_the_references_but_keep_our_weight_and_east_asian_face(
        tmp_path: Path) -> None:
    document = _ours()
    theme = load_theme("briefing")
    ours_bold = theme.style("caption").bold
    east_asian = theme.font(theme.style("caption")).east_asian
    apply_reference(document, _reference(tmp_path))
    caption = word_style(document, "Caption")
    assert caption.font.size == Pt(30)
    assert bool(caption.font.bold) == ours_bold
    fonts = caption.element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:ascii")) == "Arial"
    assert fonts.get(qn("w:eastAsia")) == east_asian
    assert [s.name for s in document.styles].count("Letter Style") == 1
    defaults = document.styles.element.find(qn("w:docDefaults"))
    body = theme.font(theme.style("body")).east_asian
    assert defaults.find(f".//{qn('w:rFonts')}").get(qn("w:eastAsia")) == body


def test_a_file_that_is_not_a_word_file_is_a_located_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_text("not a zip", "utf-8")
    with pytest.raises(ReferenceError, match=r"cannot read the reference document .*bad\.docx"):
        open_reference(bad)
    with pytest.raises(ReferenceError, match=r"missing\.docx"):
        apply_reference(_ours(), tmp_path / "missing.docx")
