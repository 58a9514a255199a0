"""The PDF writer's chart drawings (``writers/pdf/charts.py``): made once, drawn again."""

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
