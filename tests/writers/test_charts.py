"""Charts in both formats: native Word charts, vector PDF charts, negative values, languages."""

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

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
