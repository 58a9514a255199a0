"""The letterhead of the office's Word file, read for the PDF (``from_reference``): the
picture and lines of the header its first page shows."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.shared import Mm

import ipdocs
from ipdocs.themes import ThemeError, load_theme
from ipdocs.themes.letterheads import LetterheadError, read_letterhead
from tests.conftest import ROOT, SAMPLE

BRIEFING = (ROOT / "src/ipdocs/themes/briefing.yaml").read_text("utf-8")


def _png() -> bytes:
    image = pytest.importorskip("PIL.Image", reason="needs Pillow (reportlab's)")
    buffer = io.BytesIO()
    image.new("RGB", (200, 40), (192, 0, 0)).save(buffer, "PNG")
    return buffer.getvalue()


def _office(folder: Path, first: bool = False) -> Path:
    """A Word file with a picture and two lines in its header (or its first page's)."""
    document = docx.Document()
    section = document.sections[0]
    section.different_first_page_header_footer = first
    header = section.first_page_header if first else section.header
    header.paragraphs[0].add_run().add_picture(io.BytesIO(_png()), height=Mm(6))
    header.add_paragraph("宁波市知识产权局")
    header.add_paragraph("Ningbo IP Office")
    if first:
        section.header.paragraphs[0].text = "OTHER PAGES"
    path = folder / "office.docx"
    document.save(str(path))
    return path


@pytest.mark.parametrize("first", [False, True])
def test_the_picture_and_lines_of_the_first_page_s_header(tmp_path: Path,
                                                          first: bool) -> None:
    found = read_letterhead(_office(tmp_path, first))
    assert found.picture == _png()
    assert found.lines == ("宁波市知识产权局", "Ningbo IP Office")


def test_a_file_that_is_not_word_s(tmp_path: Path) -> None:
    bad = tmp_path / "office.docx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(LetterheadError, match="cannot read the letterhead"):
        read_letterhead(bad)


def test_a_theme_takes_the_reference_s_letterhead_for_the_pdf(tmp_path: Path) -> None:
    _office(tmp_path)
    path = tmp_path / "theme.yaml"
    path.write_text(BRIEFING + "reference_docx: office.docx\nletterhead:\n"
                    "  from_reference: true\n  height: 6\n  top: 4\n", encoding="utf-8")
    theme = load_theme(path)
    assert theme.letterhead is not None
    assert theme.letterhead.lines == ("宁波市知识产权局", "Ningbo IP Office")
    assert theme.letterhead.picture == _png()
    pdf = ipdocs.render(ipdocs.load_report(SAMPLE), "pdf", lang="en", theme=theme)
    assert b"/Subtype /Image" in pdf
    # --reference-docx on the command line does the same for a theme without a file
    path.write_text(BRIEFING + "letterhead:\n  from_reference: true\n  height: 6\n"
                    "  top: 4\n", encoding="utf-8")
    later = load_theme(path)
    assert later.letterhead is not None and later.letterhead.lines == ()
    assert later.with_reference(tmp_path / "office.docx").letterhead == theme.letterhead


def test_a_reference_letterhead_too_tall_is_refused(tmp_path: Path) -> None:
    _office(tmp_path)
    path = tmp_path / "theme.yaml"
    path.write_text(BRIEFING + "reference_docx: office.docx\nletterhead:\n"
                    "  from_reference: true\n  height: 20\n", encoding="utf-8")
    with pytest.raises(ThemeError, match=r"into the type area.*office\.docx"):
        load_theme(path)
