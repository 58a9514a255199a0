"""A draft document cannot be mistaken for a final one: stale values are marked wherever
they appear, apart from fresh values and from text to review, and every page and the
file's properties say DRAFT."""

import io
import re
import subprocess
import zipfile
from pathlib import Path

import pytest

from ipdocs import load_report
from ipdocs.app.building import Output, Recipe, render_output
from ipdocs.doc import Chart, KeyFigures, Paragraph, Table
from ipdocs.drafting import draft
from ipdocs.model import Report
from ipdocs.sections import (
    ChartBuilder,
    Context,
    HighlightsBuilder,
    YearOverYearBuilder,
    full_brief,
)
from ipdocs.sections.narrative import plain_text
from ipdocs.themes import load_theme
from tests.conftest import ROOT

NINGBO = ROOT / "specs" / "ningbo-2024.yaml"
NEW = ["patents.grants", "patents.invention_grants", "courts.cases",
       "overview.admin_protection_rank", "pledge.online_rate", "services.grant_cycle",
       "trademarks.valid"]
VALUES = ["80000", "15000", "3800", "1", "80", "2", "530000"]


@pytest.fixture(scope="module")
def drafted(tmp_path_factory: pytest.TempPathFactory) -> Report:
    """Ningbo 2024 drafted to 2025 with seven new values of 126."""
    folder = tmp_path_factory.mktemp("draft")
    figures = folder / "new.csv"
    rows = [f"{fid},{value},{'件' if fid == 'trademarks.valid' else ''}"
            for fid, value in zip(NEW, VALUES, strict=True)]
    figures.write_text("id,value,unit\n" + "\n".join(rows) + "\n", encoding="utf-8")
    spec = folder / "ningbo-2025.yaml"
    spec.write_text(draft(NINGBO, figures).text, encoding="utf-8")
    return load_report(spec)


def test_every_stale_value_is_marked_in_the_text(drafted: Report) -> None:
    stale = [f for f in drafted.figures.values() if f.stale]
    assert len(stale) == 119
    doc = full_brief().document(drafted, "zh")
    spans = [s for b in doc.blocks if isinstance(b, Paragraph) for s in b.inlines]
    stated = {s.figure for s in spans if getattr(s, "figure", None)}
    for span in spans:
        if getattr(span, "figure", None) in {f.id for f in stale}:
            assert span.stale and span.text.endswith("†（2024年）"), span  # type: ignore[union-attr]
        elif getattr(span, "figure", None):
            assert not span.stale  # type: ignore[union-attr]
    assert stated  # the narrative states figures at all
    assert "71425件†（2024年）" in plain_text(drafted, "zh") or \
        "80000件" in plain_text(drafted, "zh")
    assert "† (2024)" in plain_text(drafted, "en")  # the year a stale value is of, named


def test_tables_and_key_figures_mark_stale_values(drafted: Report) -> None:
    doc = full_brief().document(drafted, "en")
    rows = [row for b in doc.blocks if isinstance(b, Table) for row in b.rows]
    stale_ids = {f.label.en for f in drafted.figures.values() if f.stale}
    for row in rows:
        label = row[0].text
        if any(label.startswith(name) for name in stale_ids):
            assert all(cell.stale for cell in row[:2]) and row[1].text.endswith("†")
    fresh = next(r for r in rows if r[0].text == "Patents granted")
    assert not fresh[1].stale and fresh[1].text == "80,000"
    panel = next(b for b in doc.blocks if isinstance(b, KeyFigures))
    marked = {item.label: item.stale for item in panel.items}
    assert marked["Patents granted"] is False
    assert marked["Turnover of patent technology contracts (2024 figure)"] is True


def test_charts_highlights_and_year_on_year_leave_stale_values_out(drafted: Report) -> None:
    for lang in ("zh", "en"):
        ctx = Context(lang)
        for chart in ChartBuilder("growth").build(drafted, ctx):
            assert isinstance(chart, Chart)
        text = "".join(p.text for p in HighlightsBuilder().build(drafted, ctx)
                       if isinstance(p, Paragraph))
        for figure in drafted.figures.values():
            if figure.stale:
                assert figure.label.get(lang).lower() not in text.lower()
        for table in YearOverYearBuilder().build(drafted, ctx):
            assert isinstance(table, Table)
            labels = {row[0].text for row in table.rows}
            assert not labels & {f.label.get(lang) for f in drafted.figures.values() if f.stale}


def test_the_legend_and_the_title_say_draft(drafted: Report) -> None:
    doc = full_brief().document(drafted, "zh-en")
    assert doc.metadata.draft == "草稿 DRAFT"
    assert doc.metadata.title.startswith("【草稿】")
    legends = [b.text for b in doc.blocks[:4] if isinstance(b, Paragraph)]
    assert any(t.startswith("草稿：") for t in legends)
    assert any(t.startswith("DRAFT: ") for t in legends)


def render(report: Report, fmt: str, lang: str = "zh") -> bytes:
    """The summary brief of ``report`` in ``fmt``."""
    from ipdocs.sections import summary_brief

    recipe = Recipe(summary_brief(), load_theme("briefing"))
    return render_output(report, recipe, Output(Path(f"x.{fmt}"), lang))


def test_docx_says_draft_in_every_header_and_its_properties(drafted: Report) -> None:
    data = render(drafted, "docx")
    package = zipfile.ZipFile(io.BytesIO(data))
    headers = [n for n in package.namelist() if re.fullmatch(r"word/header\d*\.xml", n)]
    assert headers and all("草稿" in package.read(n).decode() for n in headers)
    core = package.read("docProps/core.xml").decode()
    assert "<cp:contentStatus>草稿</cp:contentStatus>" in core and "【草稿】" in core


@pytest.mark.skipif(subprocess.run(["which", "qpdf"], capture_output=True).returncode,
                    reason="qpdf is not installed")
def test_pdf_marks_every_page_without_adding_text(drafted: Report, tmp_path: Path) -> None:
    pdf = tmp_path / "d.pdf"
    pdf.write_bytes(render(drafted, "pdf", "en"))
    qdf = tmp_path / "d.qdf"
    subprocess.run(["qpdf", "--qdf", "--object-streams=disable", str(pdf), str(qdf)],
                   check=True)
    data = qdf.read_bytes()
    pages = data.count(b"%% Contents for page ")
    assert pages and data.count(b".752941 .223529 .168627 rg") == pages  # once on each
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "DRAFT" not in text.replace("DRAFT:", "")  # the mark is drawn, not text
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert "Keywords:" in info and "DRAFT" in info
