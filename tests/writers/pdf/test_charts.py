"""The PDF writer's chart drawings (``writers/pdf/charts.py``): made once, drawn again."""

import io
from pathlib import Path
from typing import Any

import pytest
from reportlab.graphics.shapes import UserNode

from ipdocs.doc import Chart, Document, Metadata, Series
from ipdocs.themes import load_theme
from ipdocs.writers.pdf import charts, render_pdf
from ipdocs.writers.pdf.fonts import Face


def _chart(values: tuple[float, ...]) -> Chart:
    """A bar chart of two categories."""
    labels = tuple(f"{v:g}" for v in values)
    return Chart("bar", "Grants", ("Patents", "Marks"),
                 (Series("Grants", values, labels, ("0", "0")),), "en")


def test_a_drawing_is_made_once_for_what_it_is_made_of() -> None:
    face = Face("Helvetica", frozenset())
    colors = ("112233", "AA0000", "999999")
    first = charts.drawing(_chart((3.0, 4.0)), 300.0, face, colors)
    assert charts.drawing(_chart((3.0, 4.0)), 300.0, face, colors) is first
    assert not any(isinstance(node, UserNode) for node in first.contents)
    assert charts.drawing(_chart((3.0, 5.0)), 300.0, face, colors) is not first
    assert charts.drawing(_chart((3.0, 4.0)), 310.0, face, colors) is not first
    assert charts.drawing(_chart((3.0, 4.0)), 300.0, face, ("112233", "AA0000", "000000")) \
        is not first


def test_a_remembered_drawing_draws_the_same_pdf() -> None:
    doc = Document(Metadata("Charts", "en-GB"), (_chart((3.0, -4.0)),))
    theme = load_theme("briefing")
    charts._DRAWINGS.kept.clear()
    first = render_pdf(doc, theme)
    assert charts._DRAWINGS.kept  # remembered
    assert render_pdf(doc, theme) == first
    charts._DRAWINGS.kept.clear()
    assert render_pdf(doc, theme) == first


def test_threads_drawing_one_chart_at_once_each_make_the_same_pdf() -> None:
    """A remembered drawing is a thread's own: drawing one changes it (reportlab links
    its shapes to their parents as it draws), and two threads drawing one at once broke
    it ('NoneType' object has no attribute '_children')."""
    from concurrent.futures import ThreadPoolExecutor

    doc = Document(Metadata("Charts", "en-GB"), tuple(_chart((3.0, -4.0 - i)) for i in range(3)))
    theme = load_theme("briefing")
    alone = render_pdf(doc, theme)
    with ThreadPoolExecutor(4) as pool:
        made = list(pool.map(lambda _: render_pdf(doc, theme), range(24)))
    assert all(pdf == alone for pdf in made)


COLORS = ("112233", "AA0000", "999999")


def _subset_face() -> Face:
    """The theme's table face as a document's writer has it: a bundled face's subset
    (``Face.source`` set), registered."""
    from ipdocs.writers.pdf.fonts import Fonts
    from ipdocs.writers.subsets import ALWAYS

    theme = load_theme("briefing")
    face = Fonts(theme, ALWAYS + "PatentsMarks").face(theme.style("table-cell").font)
    assert face.source
    return face


def _pdf_of(picture: Any) -> bytes:
    """A page with ``picture`` drawn on it, as reportlab writes it."""
    from reportlab.graphics import renderPDF
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out, invariant=1)
    renderPDF.draw(picture, canvas, 10, 10)
    canvas.save()
    return out.getvalue()


def _kept(tmp_path: Path) -> set[Path]:
    """What the font cache under ``tmp_path`` keeps beside the subsets."""
    return set((tmp_path / "cache").rglob("*.face"))


def _making(monkeypatch: pytest.MonkeyPatch) -> list[Chart]:
    """The charts whose drawings are made (not read from the font cache) from now on."""
    made: list[Chart] = []
    make = charts._drawing

    def counted(chart: Chart, *args: Any) -> Any:
        made.append(chart)
        return make(chart, *args)

    monkeypatch.setattr(charts, "_drawing", counted)
    return made


def test_a_later_process_reads_the_drawing_the_first_kept(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first drawing of a chart is kept in the font cache; a later process (nothing
    remembered) reads it instead of making it, and draws the same PDF."""
    monkeypatch.setenv("IPDOCS_CACHE", str(tmp_path / "cache"))
    face, chart = _subset_face(), _chart((3.0, -4.0))
    charts._DRAWINGS.kept.clear()
    made = _making(monkeypatch)
    before = _kept(tmp_path)
    first = charts.drawing(chart, 300.0, face, COLORS)
    assert made == [chart] and len(_kept(tmp_path) - before) == 1
    alone = _pdf_of(first)
    charts._DRAWINGS.kept.clear()
    later = charts.drawing(chart, 300.0, face, COLORS)
    assert later is not first and made == [chart]  # read, not made
    assert _pdf_of(later) == alone


@pytest.mark.parametrize("other", ["values", "width", "colors", "face", "code"])
def test_a_drawing_is_kept_by_all_it_is_made_of(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, other: str) -> None:
    """A chart whose drawing differs in any part of what it is made of (the chart, the
    width, the colours, the face, the code that draws it) is made, not read."""
    monkeypatch.setenv("IPDOCS_CACHE", str(tmp_path / "cache"))
    face, chart = _subset_face(), _chart((3.0, -4.0))
    charts._DRAWINGS.kept.clear()
    charts.drawing(chart, 300.0, face, COLORS)
    charts._DRAWINGS.kept.clear()
    made = _making(monkeypatch)
    width, colors = 300.0, COLORS
    if other == "values":
        chart = _chart((3.0, -5.0))
    elif other == "width":
        width = 310.0
    elif other == "colors":
        colors = ("112233", "AA0000", "000000")
    elif other == "face":
        face = Face(face.name, face.covers, source="NotoSans-Regular.ttf")
    else:
        monkeypatch.setattr(charts, "_code", lambda: b"other code")
    charts.drawing(chart, width, face, colors)
    assert made == [chart]
    charts._DRAWINGS.kept.clear()
    charts.drawing(chart, width, face, colors)  # kept under its own inputs
    assert made == [chart]


def test_a_damaged_kept_drawing_is_made_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A kept drawing whose seal does not hold is not read: the drawing is made again."""
    monkeypatch.setenv("IPDOCS_CACHE", str(tmp_path / "cache"))
    face, chart = _subset_face(), _chart((3.0, -4.0))
    charts._DRAWINGS.kept.clear()
    before = _kept(tmp_path)
    alone = _pdf_of(charts.drawing(chart, 300.0, face, COLORS))
    [kept] = _kept(tmp_path) - before
    stored = kept.read_bytes()
    kept.write_bytes(stored[:-40] + bytes(8) + stored[-32:])
    charts._DRAWINGS.kept.clear()
    made = _making(monkeypatch)
    assert _pdf_of(charts.drawing(chart, 300.0, face, COLORS)) == alone and made == [chart]


def test_no_drawing_is_kept_for_a_face_registered_whole_or_with_the_cache_off(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A face registered whole (a theme's own file, which may change under its name) and
    a cache turned off keep nothing: the drawing is made each time."""
    monkeypatch.setenv("IPDOCS_CACHE", str(tmp_path / "cache"))
    face = _subset_face()
    charts._DRAWINGS.kept.clear()
    made = _making(monkeypatch)
    before = _kept(tmp_path)
    for _ in range(2):
        charts._DRAWINGS.kept.clear()
        charts.drawing(_chart((3.0, 4.0)), 300.0, Face("Helvetica", frozenset()), COLORS)
    monkeypatch.setenv("IPDOCS_CACHE", "off")
    for _ in range(2):
        charts._DRAWINGS.kept.clear()
        charts.drawing(_chart((3.0, 4.0)), 300.0, face, COLORS)
    assert len(made) == 4 and _kept(tmp_path) == before
