"""Page geometry, header and footer, core properties (writers/docx/page.py)."""

import datetime as dt
import io

import docx
import pytest
from docx.oxml.ns import qn

from ipdocs.doc import Document, Metadata
from ipdocs.themes import load_theme
from ipdocs.writers.docx.adapter import sect_pr, serialised_styles, story_of
from ipdocs.writers.docx.page import (
    EPOCH,
    MAX_PROPERTY,
    footer_mm,
    keep_draft_mark,
    set_geometry,
    set_header_footer,
    set_properties,
)


def _doc(draft: str = "", headers: tuple[str, ...] = ("Running head",),
         when: dt.date | None = None, title: str = "Title") -> Document:
    return Document(Metadata(title=title, lang="en", author="A", subject="S",
                             keywords=("k1", "k2"), date=when, draft=draft),
                    blocks=(), headers=headers)


def _text(part: object) -> str:
    return "".join(t.text or "" for t in story_of(part).iter(qn("w:t")))  # type: ignore[arg-type]


def test_geometry_is_the_themes_in_millimetres() -> None:
    theme = load_theme("official")
    document = docx.Document()
    set_geometry(document, theme)
    section = document.sections[0]
    page = theme.page
    for length, mm in [(section.page_width, page.width), (section.page_height, page.height),
                       (section.top_margin, page.top), (section.bottom_margin, page.bottom),
                       (section.left_margin, page.inside), (section.right_margin, page.outside),
                       (section.footer_distance, footer_mm(theme))]:
        assert length is not None and abs(length.mm - mm) < 0.01


def test_the_line_grid_fits_the_themes_lines_and_no_more() -> None:
    theme = load_theme("official")
    document = docx.Document()
    set_geometry(document, theme)
    grid = sect_pr(document.sections[0]).find(qn("w:docGrid"))
    assert grid.get(qn("w:type")) == "lines" and grid.get(qn("w:charSpace")) is None
    pitch = int(grid.get(qn("w:linePitch")))
    section = document.sections[0]
    area = (section.page_height - section.top_margin - section.bottom_margin) / 635
    lines = theme.page.lines_per_page
    assert lines and pitch * lines <= area < (pitch + 1) * lines
    assert pitch == 579  # GB/T 9704's 225 mm in 22 lines, rounded down (580 fits 21)


def test_a_theme_without_a_grid_writes_none() -> None:
    theme = load_theme("briefing")
    assert not theme.page.chars_per_line
    document = docx.Document()
    set_geometry(document, theme)
    grid = sect_pr(document.sections[0]).find(qn("w:docGrid"))
    assert grid is None or grid.get(qn("w:type")) != "lines"


def test_footer_mm_is_the_themes_footer_without_a_number_baseline() -> None:
    theme = load_theme("briefing")
    assert theme.page_number.below is None
    assert footer_mm(theme) == theme.page.footer
    official = load_theme("official")
    assert official.page_number.below is not None
    assert 0 < footer_mm(official) < official.page.bottom


def test_outside_numbers_odd_right_even_left_in_the_themes_format() -> None:
    theme = load_theme("official")
    document = docx.Document()
    set_header_footer(document, theme, _doc())
    section = document.sections[0]
    odd, even = section.footer.paragraphs[0], section.even_page_footer.paragraphs[0]
    assert odd.alignment == 2 and even.alignment == 0  # RIGHT, LEFT
    before, _, after = theme.page_number.format.partition("{n}")
    for footer in (section.footer, section.even_page_footer):
        xml = story_of(footer).xml
        assert "PAGE" in xml and _text(footer) == f"{before}1{after}"
        assert f'w:sz w:val="{round(theme.page_number.size * 2)}"' in xml
    assert odd.paragraph_format.right_indent and even.paragraph_format.left_indent


def test_running_header_and_draft_mark() -> None:
    theme = load_theme("briefing")
    document = docx.Document()
    set_header_footer(document, theme, _doc(draft="DRAFT"))
    header = document.sections[0].header
    assert theme.header_text
    assert _text(header) == "DRAFT  Running head"
    assert header.paragraphs[0].style.name == "Header"
    mark = story_of(header).find(f".//{qn('w:r')}")
    assert mark.find(f"{qn('w:rPr')}/{qn('w:b')}") is not None
    assert mark.find(f"{qn('w:rPr')}/{qn('w:color')}").get(qn("w:val")) == theme.draft


def test_keep_draft_mark_adds_the_mark_once_after_a_reference_header() -> None:
    theme = load_theme("briefing")
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Letterhead"
    keep_draft_mark(document, _doc(draft="DRAFT"), theme)
    keep_draft_mark(document, _doc(draft="DRAFT"), theme)
    header = document.sections[0].header
    assert [p.text for p in header.paragraphs] == ["Letterhead", "DRAFT  "]
    keep_draft_mark(document, _doc(), theme)  # a final document: nothing added
    assert len(header.paragraphs) == 2


def test_properties_from_metadata_with_fixed_times(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    document = docx.Document()
    when = set_properties(document, _doc(draft="DRAFT", when=dt.date(2024, 4, 26)))
    props = document.core_properties
    assert (props.title, props.author, props.subject) == ("Title", "A", "S")
    assert props.keywords == "k1, k2, DRAFT" and props.content_status == "DRAFT"
    assert props.language == "en" and props.last_modified_by == "ipdocs"
    assert props.created == props.modified == when == dt.datetime(2024, 4, 26, tzinfo=dt.UTC)
    undated = docx.Document()
    assert set_properties(undated, _doc()) == undated.core_properties.created == EPOCH
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "86400")
    epoch = docx.Document()
    assert set_properties(epoch, _doc(when=dt.date(2024, 4, 26))) == \
        epoch.core_properties.created == dt.datetime(1970, 1, 2, tzinfo=dt.UTC)


def test_a_long_title_is_cut_with_an_ellipsis_in_the_properties() -> None:
    document = docx.Document()
    set_properties(document, _doc(title="长" * 300))
    title = document.core_properties.title
    assert len(title) == MAX_PROPERTY and title.endswith("…") and title[:-1] == "长" * 254


def test_paragraph_styles_found_once_are_set_alike_without_reading_the_styles() -> None:
    theme = load_theme("briefing")
    known: dict[str, str | None] = {}
    first = docx.Document()
    set_header_footer(first, theme, _doc(), known)
    assert known["Footer"] == "Footer" and known["Header"] == "Header"
    serialised_styles(first)
    buffer = io.BytesIO()
    first.save(buffer)
    second = docx.Document(io.BytesIO(buffer.getvalue()))
    styles = second.part._styles_part
    for paragraph in (second.sections[0].footer.paragraphs[0],
                      second.sections[0].header.paragraphs[0]):
        paragraph._p.style = None
    set_header_footer(second, theme, _doc(), known)
    assert styles._parsed is None  # the ids kept: the styles never read
    for document in (first, second):
        section = document.sections[0]
        assert section.footer.paragraphs[0]._p.style == "Footer"
        assert section.header.paragraphs[0]._p.style == "Header"


def test_revisions_carry_the_creation_time_as_python_docx_reads_it_back(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A Word file's revisions carry its creation time; a year before 1000, which
    python-docx writes in fewer than four digits and cannot read back, gives EPOCH as
    reading it back did."""
    from ipdocs.writers.docx import _revised_at

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)

    for when in (dt.datetime(2024, 4, 26, tzinfo=dt.UTC), dt.datetime(999, 5, 1, tzinfo=dt.UTC)):
        document = docx.Document()
        set_properties(document, _doc(when=when.date()))
        assert _revised_at(when) == (document.core_properties.created or EPOCH)
