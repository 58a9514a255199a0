"""Charts in both formats: native Word charts, vector PDF charts, negative values, languages."""

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from ipdocs.doc import Chart, Document, Metadata, Series
from ipdocs.model import Report
from ipdocs.sections import Brief, ChartBuilder, Context
from ipdocs.themes import load_theme
from ipdocs.writers.docx import render_docx
from ipdocs.writers.pdf import render_pdf

C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"


def growth(lang: str = "en") -> Chart:
    """A growth chart with a decline."""
    return Chart("growth", "Change", ("Patents granted", "Cases closed", "Pledge financing"),
                 (Series("Change", (11.4, -33.33, 55.02), ("+11.4%", "\u221233.33%", "+55.02%"),
                         ('+0.0"%";\u22120.0"%";0"%"', '+0.00"%";\u22120.00"%";0"%"',
                          '+0.00"%";\u22120.00"%";0"%"')),), lang)  # type: ignore[arg-type]


def document(*charts: Chart) -> Document:
    """A document of charts."""
    return Document(Metadata("Charts", "en-GB"), charts)


def package(data: bytes) -> dict[str, bytes]:
    """Every part of a DOCX package."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n) for n in z.namelist()}


def test_docx_chart_part_and_workbook() -> None:
    parts = package(render_docx(document(growth()), load_theme("briefing")))
    chart = etree.fromstring(parts["word/charts/chart1.xml"])
    assert chart.find(f"{C}chart/{C}plotArea/{C}barChart") is not None
    cached = [v.text for v in chart.iter(f"{C}v")]
    assert {"Patents granted", "Cases closed", "11.4", "-33.33"} <= set(cached)
    formats = [n.get("formatCode") for n in chart.iter(f"{C}numFmt")]
    assert '+0.00"%";\u22120.00"%";0"%"' in formats
    assert chart.find(f"{C}externalData") is not None
    workbook = [n for n in parts if n.startswith("word/embeddings/") and n.endswith(".xlsx")]
    assert len(workbook) == 1
    with zipfile.ZipFile(io.BytesIO(parts[workbook[0]])) as book:
        assert "xl/worksheets/sheet1.xml" in book.namelist()
    rels = parts["word/charts/_rels/chart1.xml.rels"].decode()
    assert "relationships/package" in rels
    body = parts["word/document.xml"].decode()
    assert re.search(r'<c:chart [^>]*r:id="rId\d+"', body)
    types = parts["[Content_Types].xml"].decode()
    assert "drawingml.chart+xml" in types


def test_docx_decline_has_its_own_colour() -> None:
    parts = package(render_docx(document(growth()), load_theme("briefing")))
    chart = etree.fromstring(parts["word/charts/chart1.xml"])
    points = chart.findall(f".//{C}dPt")
    assert [p.find(f"{C}idx").get("val") for p in points] == ["1"]  # type: ignore[union-attr]
    assert load_theme("briefing").fall.encode() in etree.tostring(points[0])


def test_pdf_chart_labels_extractable(tmp_path: Path) -> None:
    if not shutil.which("pdftotext"):
        pytest.skip("needs poppler-utils")
    path = tmp_path / "c.pdf"
    path.write_bytes(render_pdf(document(growth()), load_theme("briefing")))
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    for label in ("Patents granted", "Cases closed", "+11.4%", "\u221233.33%", "+55.02%"):
        assert label in text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_chart_in_each_language(sample: Report, lang: str, tmp_path: Path) -> None:
    chart = ChartBuilder("growth").build(sample, Context(lang))[0]  # type: ignore[arg-type]
    assert isinstance(chart, Chart)
    doc = Brief([ChartBuilder("growth")]).document(sample, lang)  # type: ignore[arg-type]
    pdf = render_pdf(doc, load_theme("briefing"))
    docx = package(render_docx(doc, load_theme("briefing")))
    cached = {v.text for v in etree.fromstring(docx["word/charts/chart1.xml"]).iter(f"{C}v")}
    assert set(chart.categories) <= cached
    if shutil.which("pdftotext"):
        path = tmp_path / "c.pdf"
        path.write_bytes(pdf)
        text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                              check=True).stdout
        assert all(c in text for c in chart.categories)


@pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftotext")),
                    reason="needs LibreOffice and poppler")
def test_libreoffice_renders_the_chart(tmp_path: Path) -> None:
    source = tmp_path / "chart.docx"
    source.write_bytes(render_docx(document(growth()), load_theme("briefing")))
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=180)
    text = subprocess.run(["pdftotext", str(tmp_path / "chart.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    for label in ("Patents granted", "Cases closed", "Pledge financing", "+11.4%", "+55.02%"):
        assert label in text
    assert "33.33%" in text


def test_years_chart_in_both_formats(tmp_path: Path) -> None:
    chart = Chart("years", "专利授权量", ("2022", "2023", "2024"),
                  (Series("专利授权量", (60000.0, 64115.0, 71425.0),
                          ("60000件", "64115件", "71425件"),
                          ('0"件"', '0"件"', '0"件"')),), "zh")
    doc = Document(Metadata("t", "zh-CN"), (chart,))
    parts = package(render_docx(doc, load_theme("briefing")))
    space = etree.fromstring(parts["word/charts/chart1.xml"])
    assert space.find(f".//{C}barDir").get("val") == "col"  # type: ignore[union-attr]
    if shutil.which("pdftotext"):
        path = tmp_path / "y.pdf"
        path.write_bytes(render_pdf(doc, load_theme("official")))
        text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                              check=True).stdout
        assert all(s in text for s in ("2022", "2024", "60000件", "71425件"))


Box = tuple[float, float, float, float]


def chart_shapes(chart: Chart, theme: str = "official") -> tuple[list[Box], list[Box],
                                                                   float]:
    """The bars and the texts of a PDF chart as drawn, as boxes on the page, and the
    drawing's width."""
    from reportlab.graphics import renderPDF
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen.canvas import Canvas

    from ipdocs.writers.pdf.charts import drawing
    from ipdocs.writers.pdf.fonts import Fonts

    bars: list[Box] = []
    texts: list[Box] = []

    class Recorder(Canvas):  # type: ignore[misc]
        """A canvas that notes where rectangles and strings go."""

        def _box(self, x0: float, y0: float, x1: float, y1: float) -> Box:
            a, b, c, d, e, f = self._currentMatrix
            (p, q), (r, t) = ((a * x0 + c * y0 + e, b * x0 + d * y0 + f),
                              (a * x1 + c * y1 + e, b * x1 + d * y1 + f))
            return min(p, r), min(q, t), max(p, r), max(q, t)

        def rect(self, x: float, y: float, width: float, height: float,
                 *args: Any, **kwargs: Any) -> None:
            if width and height:
                bars.append(self._box(x, y, x + width, y + height))

        def drawString(self, x: float, y: float, text: str, *args: Any,
                       **kwargs: Any) -> None:
            if text.strip():
                width = stringWidth(text, self._fontname, self._fontsize)
                texts.append(self._box(x, y - self._fontsize * 0.2, x + width,
                                       y + self._fontsize * 0.8))

    loaded = load_theme(theme)
    face = Fonts(loaded).face(loaded.style("table-cell").font)
    picture = drawing(chart, 400, face, ("000000", "000000", "000000"))
    renderPDF.draw(picture, Recorder(io.BytesIO()), 0, 0)
    return bars, texts, picture.width


def overlaps(a: Box, b: Box) -> bool:
    """Whether two boxes share more than a hairline."""
    return min(a[2], b[2]) - max(a[0], b[0]) > 0.5 and min(a[3], b[3]) - max(a[1], b[1]) > 0.5


PROTECTION = Chart(
    "growth", "知识产权保护力度不断加大：同比变化",
    ("法院受理知识产权案件", "法院知识产权案件结案", "宁波知识产权法庭结案",
     "宁波知识产权法庭受理案件", "宁波知识产权法庭审结案件", "超12个月长期未结案"),
    (Series("同比变化", (17.72, 9.07, -10.5, -19.48, -31.69, -33.33),
            ("+17.72%", "+9.07%", "\u221210.5%", "\u221219.48%", "\u221231.69%",
             "\u221233.33%")),), "zh")


@pytest.mark.parametrize("chart", [PROTECTION, growth()], ids=["zh", "en"])
def test_no_text_over_a_bar(chart: Chart) -> None:
    """Category and value labels stand clear of every bar, declines included (in the
    official theme both are black: a label over a bar cannot be read)."""
    bars, texts, width = chart_shapes(chart)
    assert len(texts) == 2 * len(chart.categories)
    clashes = [(t, b) for t in texts for b in bars if overlaps(t, b)]
    assert clashes == []
    assert all(t[0] >= 0 and t[2] <= width for t in texts)


def test_no_text_over_a_bar_below_zero_in_years() -> None:
    chart = Chart("years", "增速", ("2022", "2023", "2024"),
                  (Series("增速", (12.0, -8.0, 5.0), ("12%", "\u22128%", "5%")),), "zh")
    bars, texts, _ = chart_shapes(chart)
    assert [(t, b) for t in texts for b in bars if overlaps(t, b)] == []


def test_pdf_chart_labels_are_spaced_as_the_text() -> None:
    """A category label sets the quarter-em gap between Han and Latin the text sets (PCT
    申请量), and keeps an amount whole where it wraps."""
    from ipdocs.typefaces.bundled import face_path
    from ipdocs.writers.pdf.charts import wrap_label
    from ipdocs.writers.pdf.fonts import register

    face = register(face_path("NotoSansCJKsc-Regular.ttf"))
    assert wrap_label("PCT申请量", face, 200) == "PCT 申请量"
    assert wrap_label("超12个月长期未结案", face, 200) == "超 12 个月长期未结案"
    assert "more than 12" in wrap_label("IP cases pending for more than 12 months", face, 60)


def declines_zh() -> Chart:
    """A Chinese growth chart with a Latin acronym and a decline."""
    return Chart("growth", "同比变化", ("PCT申请量", "超12个月长期未结案"),
                 (Series("同比", (5.4, -33.33), ("+5.4%", "\u221233.33%"),
                         ('+0.0"%";\u22120.0"%";0"%"', '+0.00"%";\u22120.00"%";0"%"')),),
                 "zh")  # type: ignore[arg-type]


def test_docx_chart_labels_are_spaced_as_the_text_and_in_the_theme_face() -> None:
    """The official theme's charts: categories spaced as the text (PCT 申请量), every
    label in FangSong (its minus a hyphen-minus, which FangSong has), and the value axis
    reaching beyond the largest decline (room for its label)."""
    theme = load_theme("official")
    chart = etree.fromstring(package(render_docx(document(declines_zh()), theme))[
        "word/charts/chart1.xml"])
    cached = [v.text for v in chart.iter(f"{C}v")]
    assert "PCT 申请量" in cached and "超 12 个月长期未结案" in cached
    faces = {n.get("typeface") for n in chart.iter() if n.get("typeface")}
    assert faces == {theme.font(theme.style("table-cell")).east_asian}
    formats = [n.get("formatCode") for n in chart.iter(f"{C}numFmt")]
    assert '+0.00"%";-0.00"%";0"%"' in formats and not any("\u2212" in f for f in formats)
    low = chart.find(f".//{C}valAx/{C}scaling/{C}min")
    assert low is not None and float(low.get("val")) < -33.33  # type: ignore[arg-type]


def test_pdf_charts_of_a_theme_are_in_its_face() -> None:
    """FangSong lacks the minus sign: the official chart with declines is still set in
    it (a hyphen-minus for the minus), not all of it in a fallback."""
    data = render_pdf(document(declines_zh()), load_theme("official"))
    assert b"FandolFang" in data  # nothing else of the document is in FangSong


def test_html_chart_labels_are_spaced_as_the_text() -> None:
    from ipdocs.writers.html import render_html

    page = render_html(document(declines_zh()), load_theme("briefing")).decode()
    assert "PCT 申请量" in page


@pytest.mark.parametrize("chart", [PROTECTION, growth()], ids=["zh", "en"])
def test_a_compact_chart_is_shorter_and_keeps_its_labels_clear(chart: Chart) -> None:
    """A compact chart (a brief shortened to fit its page) is drawn shorter in the PDF,
    its labels still clear of every bar."""
    from dataclasses import replace

    from ipdocs.writers.pdf.charts import drawing
    from ipdocs.writers.pdf.fonts import Fonts

    compact = replace(chart, compact=True)
    bars, texts, _ = chart_shapes(compact)
    assert [(t, b) for t in texts for b in bars if overlaps(t, b)] == []
    loaded = load_theme("briefing")
    face = Fonts(loaded).face(loaded.style("table-cell").font)
    colors = ("000000", "000000", "000000")
    assert drawing(compact, 400, face, colors).height < drawing(chart, 400, face, colors).height


def test_a_compact_docx_chart_is_shorter_and_labels_every_bar() -> None:
    """The DOCX draws a compact chart shorter (as a brief fitted by its PDF needs), asks
    for every category's label and for value labels on one line."""
    from dataclasses import replace

    def drawn(chart: Chart) -> tuple[int, etree._Element]:
        parts = package(render_docx(document(chart), load_theme("briefing")))
        extent = re.search(rb'<wp:extent cx="\d+" cy="(\d+)"', parts["word/document.xml"])
        assert extent
        return int(extent.group(1)), etree.fromstring(parts["word/charts/chart1.xml"])

    tall, plain = drawn(growth())
    short, compact = drawn(replace(growth(), compact=True))
    assert short < tall == 12700 * (3 * 17 + 24)  # the PDF's 17 points a bar, and room
    assert short == 12700 * (3 * 14 + 18)
    assert plain.find(f".//{C}tickLblSkip") is None
    assert compact.find(f".//{C}catAx/{C}tickLblSkip").get("val") == "1"  # type: ignore[union-attr]
    main = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    wraps = [b.get("wrap") for b in compact.iter(f"{main}bodyPr")]
    assert wraps.count("none") == 2  # the category and the value labels
    assert compact.find(f".//{C}plotArea/{C}layout/{C}manualLayout") is not None
    assert plain.find(f".//{C}plotArea/{C}layout") is None
    plain_wraps = [b.get("wrap") for b in plain.iter(f"{main}bodyPr")]
    assert plain_wraps.count("none") == 1  # the value labels
