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
from ipdocs.writers.subsets import code_digest
from tests.spying import PACKAGE, calls, code_run, module_files


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
    return calls(monkeypatch, charts, "_drawing")


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


@pytest.mark.parametrize("other", ["values", "width", "colors", "face", "directory", "code"])
def test_a_drawing_is_kept_by_all_it_is_made_of(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, other: str) -> None:
    """A chart whose drawing differs in any part of what it is made of (the chart, the
    width, the colours, the face, the bundled file it is a subset of, changed under its
    name, the code that draws it) is made, not read."""
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
    elif other == "directory":  # another version of the face's file (its widths)
        monkeypatch.setattr(charts, "face_directory", lambda source: b"another version")
    else:
        monkeypatch.setattr(charts, "code_digest", lambda modules: b"other code")
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


def _growth(lang: str = "zh", values: tuple[float, ...] = (11.4, -33.33, 5.4),
            labels: tuple[str, ...] = ("+11.4%", "−33.33%", "+5.4%"),
            first: str = "专利授权量", compact: bool = False) -> Chart:
    """A growth chart as a Chinese brief has it: rises and a decline (the fall colour)."""
    return Chart("growth", "增幅", (first, "法院知识产权案件结案", "PCT申请量"),
                 (Series("增幅", values, labels),), lang, compact=compact)


def _variant(name: str) -> tuple[Document, Any]:
    """The base document and theme with one input of its chart's drawing changed
    (``name``; ``base`` for none)."""
    from dataclasses import replace

    theme = load_theme("briefing")
    chart, tag = _growth(), "zh-CN"
    if name == "value":  # a bar's length, its label as it was
        chart = _growth(values=(11.4, -33.33, 5.9))
    elif name == "label":
        chart = _growth(labels=("+11.4%", "−33.3%", "+5.4%"))
    elif name == "category":  # long enough to wrap (an amount kept whole)
        chart = _growth(first="超12个月长期未结案知识产权案件")
    elif name == "compact":
        chart = _growth(compact=True)
    elif name == "language":
        chart, tag = _growth(lang="en"), "en-GB"
    elif name in ("accent", "fall", "rule"):
        theme = replace(theme, **{name: "123456"})
    elif name == "size":  # not what a chart's labels are set at: drawn alike
        styles = dict(theme.styles)
        styles["table-cell"] = replace(styles["table-cell"], size=10.5)
        theme = replace(theme, styles=styles)
    elif name == "face":
        styles = dict(theme.styles)
        styles["table-cell"] = replace(styles["table-cell"], font="serif")
        theme = replace(theme, styles=styles)
    elif name == "width":
        theme = replace(theme, page=replace(theme.page, width=theme.page.width - 20))
    else:
        assert name == "base"
    return Document(Metadata("Charts", tag), (chart,)), theme


@pytest.mark.parametrize("name", ["base", "value", "label", "category", "compact",
                                  "language", "accent", "fall", "rule", "size", "face",
                                  "width"])
def test_a_pdf_drawn_with_a_warm_font_cache_is_the_one_an_empty_cache_draws(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """The break attempt of the kept drawings' review: a PDF with a chart is drawn with
    a font cache that holds the base chart's drawing (and the variant's, drawn once
    before: a later process's), one input changed at a time (a value, a label, a
    category, the compact form, the language, a theme colour, the table font's size or
    face, the page width): its bytes are those of the same PDF drawn with an empty cache,
    where the drawing is made. A part of what a drawing is made of missing from what it
    is kept by would draw the base chart's (or a stale one) here."""
    monkeypatch.setenv("IPDOCS_CACHE", str(tmp_path / "shared"))
    made = _making(monkeypatch)
    drawn = []
    for doc, theme in (_variant("base"), _variant(name)):
        charts._DRAWINGS.kept.clear()
        drawn.append(render_pdf(doc, theme))
    assert (drawn[0] == drawn[1]) == (name in ("base", "size"))
    doc, theme = _variant(name)
    charts._DRAWINGS.kept.clear()
    before = len(made)
    warm = render_pdf(doc, theme)
    assert len(made) == before  # read from the cache, as a later process reads it
    monkeypatch.setenv("IPDOCS_CACHE", str(tmp_path / "empty"))
    charts._DRAWINGS.kept.clear()
    cold = render_pdf(doc, theme)
    assert len(made) == before + 1  # made afresh
    assert warm == cold


class _Watched:
    """A face that notes which of its attributes are read."""

    def __init__(self, face: Face) -> None:
        self.face = face
        self.read: set[str] = set()

    def __getattr__(self, name: str) -> Any:
        self.read.add(name)
        return getattr(self.face, name)


DRAWS_NOTHING = {"ipdocs.base.records": "records' methods (a Run's or a Line's __init__)",
                 "ipdocs.base.recordinits": "the code of records' __init__",
                 "ipdocs.writers.pdf.adapter": "shapes_unchecked: only lets values through"}
"""Modules whose code runs while a drawing is made but cannot change it."""


def test_a_drawing_reads_only_what_it_is_kept_by(tmp_path: Path) -> None:
    """What making a drawing reads is in what it is kept by (``_drawing_inputs``): of the
    face, its name alone (kept by it, its source and that file's table directory); no
    code but that of ``DRAWN_BY`` (whose source is part of the key) and of modules that
    cannot change a drawing runs. A drawing that came to read another module's code (a
    number's format, a locale, hyphenation) or another of the face's fields (its
    coverage) fails here until the key holds it."""

    import reportlab.graphics.charts.barcharts  # noqa: F401 (its import is not a drawing's)

    face = _Watched(_subset_face())
    unique = f"Marks {tmp_path.name}"  # text no memo of a width or a break has seen
    chart = Chart("bar", "Grants", ("Patents granted in all", unique),
                  (Series("Grants", (3.0, -4.0), ("3", "−4")),), "en")
    ours = code_run(lambda: charts._drawing(chart, 300.0, face, COLORS))  # type: ignore[arg-type]
    allowed = module_files((*charts.DRAWN_BY, *DRAWS_NOTHING))
    assert Path(charts.__file__).resolve() in ours  # the trace saw the drawing made
    assert ours <= allowed, sorted(str(p.relative_to(PACKAGE)) for p in ours - allowed)
    assert face.read == {"name"}


def test_no_drawing_is_kept_where_the_code_that_draws_it_cannot_be_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A module of ``DRAWN_BY`` whose source cannot be read (run from a zip archive, a
    zipapp) leaves nothing to tell its code by: no drawing is kept or read."""
    import sys

    monkeypatch.setenv("IPDOCS_CACHE", str(tmp_path / "cache"))
    zipped = str(tmp_path / "app.pyz" / "ipdocs" / "writers" / "columns.py")
    (tmp_path / "app.pyz").write_bytes(b"PK\x05\x06" + bytes(18))
    monkeypatch.setattr(sys.modules["ipdocs.writers.columns"], "__file__", zipped)
    code_digest.cache_clear()
    try:
        face = _subset_face()
        made = _making(monkeypatch)
        for _ in range(2):
            charts._DRAWINGS.kept.clear()
            charts.drawing(_chart((3.0, 4.0)), 300.0, face, COLORS)
        assert len(made) == 2 and not _kept(tmp_path)
    finally:
        monkeypatch.undo()
        code_digest.cache_clear()
