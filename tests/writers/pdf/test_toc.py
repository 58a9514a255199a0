"""The table of contents: entries from the story's headings, page numbers as forms defined
when each heading is placed, leaders on one grid."""

import io

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Spacer

from ipdocs.themes import load_theme
from ipdocs.writers.pdf.blocks import Writer
from ipdocs.writers.pdf.fonts import Fonts
from ipdocs.writers.pdf.page import FormCanvas
from ipdocs.writers.pdf.sidebyside import SideBySide
from ipdocs.writers.pdf.toc import (
    LEADER_PITCH,
    NUMBER_WIDTH,
    Contents,
    Entry,
    NumberLook,
    define_number,
    form_name,
    leader_dots,
    number_look,
    outline_entries,
)


def writer(theme: str = "briefing") -> Writer:
    """A writer of the theme's fonts, whole faces."""
    loaded = load_theme(theme)
    return Writer(loaded, Fonts(loaded), 400)


def holding(level: int, text: str) -> Spacer:
    """A flowable holding one heading."""
    box = Spacer(1, 1)
    box.outline = (level, text, "en")
    return box


def test_entries_are_numbered_in_order_with_continuous_levels() -> None:
    pair = SideBySide([], [], 0, [(2, "二", "zh"), (2, "Two", "en")])
    story = [holding(1, "One"), Spacer(1, 1), holding(3, "Deep"), pair]
    found = outline_entries(story)
    assert [f for f, _ in found] == [story[0], story[2], pair]
    entries = [e for _, es in found for e in es]
    assert [e.key for e in entries] == ["h1", "h2", "h3", "h4"]
    assert [e.level for e in entries] == [1, 2, 2, 2]  # level 3 under 1 becomes 2
    assert entries[2] == Entry("h3", 2, "二", "zh")


def test_the_first_heading_is_never_below_level_one() -> None:
    assert outline_entries([holding(2, "Sub")])[0][1][0].level == 1


def test_the_number_form_is_named_by_the_key() -> None:
    assert form_name("h7") == "page-h7"


def test_the_number_baseline_sits_in_the_line_as_text_does() -> None:
    look = NumberLook("Helvetica", 10.0, "000000", 16.0)
    assert look.baseline == (16 - 10) / 2 + 10 * 0.12


def test_a_page_number_form_holds_the_number_right_aligned_after_its_leader() -> None:
    buffer = io.BytesIO()
    canvas = FormCanvas(buffer, pageCompression=0)
    look = NumberLook("Helvetica", 10.0, "000000", 16.0)
    define_number(canvas, "h3", 27, look)
    assert canvas.forms_defined == {"page-h3"}
    canvas.save()
    data = buffer.getvalue().decode("latin-1")
    right = NUMBER_WIDTH - stringWidth("27", "Helvetica", 10)  # 28.88
    assert f"1 0 0 1 {right:.2f} 4.2 Tm (27) Tj" in data
    # dots from the column's start up to a pitch before the number: x = 0, 5, ... 20
    assert "1 0 0 1 0 4.2 Tm 2.22 Tc (.....) Tj 0 Tc" in data


def test_leader_dots_stand_on_the_grid_and_none_when_too_short() -> None:
    look = NumberLook("Helvetica", 10.0, "000000", 16.0)
    canvas = FormCanvas(io.BytesIO())
    before = len(canvas._code)
    leader_dots(canvas, 12.0, 14.0, look)  # no grid point with room for a dot
    assert len(canvas._code) == before
    leader_dots(canvas, 12.0, 40.0, look)
    # first dot at ceil(12 / 5) pitches, last where a dot still ends by 40: 15, 20 ... 35;
    # the spacing set back to 0 (graphics state outlives the text object)
    assert canvas._code[before:] == [
        "BT 1 0 0 1 0 0 Tm /F1 10 Tf 12 TL 0 0 0 rg 1 0 0 1 15 4.2 Tm 2.22 Tc (.....) Tj "
        "0 Tc ET"]


def test_contents_keep_the_headings_down_to_their_depth() -> None:
    w = writer()
    toc = Contents(1, w)
    toc.fill([Entry("h1", 1, "One", "en"), Entry("h2", 2, "Sub", "en"),
              Entry("h3", 1, "Two", "en")])
    assert [e.key for e in toc.entries] == ["h1", "h3"]
    width, height = toc.wrap(400, 1000)
    assert width == 400 and height > 0
    grid = toc._grid(400)
    assert len(grid._cellvalues) == 2
    titles = grid._colWidths[0]
    pitch = w.theme.style("toc-entry").size * LEADER_PITCH
    assert titles % pitch < 1e-6 and 400 - titles >= NUMBER_WIDTH  # whole pitches


def test_empty_contents_still_wrap() -> None:
    toc = Contents(2, writer())
    assert toc.wrap(300, 1000)[1] >= 0


def test_number_look_follows_the_first_language() -> None:
    w = writer()
    han = number_look(w)
    style = w.theme.style("toc-entry")
    assert han.face == w.fonts.face(style.font, style.bold).name
    english = [lang for lang in w.languages if not lang.han]
    w.languages = [*english, *[lang for lang in w.languages if lang.han]]
    assert number_look(w).face == w.fonts.face(style.font, style.bold, latin=True).name
    assert han.size == style.size
