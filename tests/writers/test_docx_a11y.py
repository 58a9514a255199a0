"""An accessible DOCX, read from its XML as an accessibility checker reads it: a title and
a language, header rows marked and repeated on every data table, every chart described
(the same words as the PDF's figure), headings in Word's heading styles with no level
skipped, English and Chinese text each marked in its language, and no change told by
colour alone."""

from __future__ import annotations

import io
import itertools
import re
import zipfile

import pytest
from lxml import etree

from ipdocs import load_report
from ipdocs.doc import (
    Bilingual,
    Block,
    Chart,
    Contents,
    Cover,
    Document,
    Heading,
    KeyFigures,
    Metadata,
    Mixed,
    Paragraph,
    Span,
    Table,
)
from ipdocs.sections import full_brief
from ipdocs.themes import load_theme
from ipdocs.writers.docx import render_docx
from ipdocs.writers.docx.blocks import table_pair
from tests.conftest import ROOT

NINGBO = ROOT / "specs" / "ningbo-2024.yaml"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {"w": W[1:-1], "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
      "dc": "http://purl.org/dc/elements/1.1/"}
CHECKED_STYLES = ("BodyText", "Heading1", "Heading2", "KeyFigureLabel", "KeyFigureChange",
                  "TableCell")
"""Paragraphs whose runs are each in one language (a bilingual panel's lines too)."""
CASES = [("zh", "interleaved"), ("en", "interleaved"), ("zh-en", "interleaved"),
         ("zh-en", "parallel")]


@pytest.fixture(scope="module")
def built() -> dict[tuple[str, str], tuple[Document, zipfile.ZipFile]]:
    """Ningbo's full brief as DOCX in each language and layout, with its tree."""
    report = load_report(NINGBO)
    out = {}
    for lang, layout in CASES:
        doc = full_brief().document(report, lang, layout=layout)  # type: ignore[arg-type]
        data = render_docx(doc, load_theme("briefing"))
        out[(lang, layout)] = (doc, zipfile.ZipFile(io.BytesIO(data)))
    return out


def _xml(package: zipfile.ZipFile, name: str) -> etree._Element:
    """One part, parsed."""
    return etree.fromstring(package.read(name))


def _blocks(blocks: tuple[Block, ...]) -> list[Block]:
    """Every block, both sides of bilingual pairs included, in order."""
    out: list[Block] = []
    for block in blocks:
        out += _blocks(block.left) + _blocks(block.right) if isinstance(block, Bilingual) \
            else [block]
    return out


@pytest.mark.parametrize("case", CASES, ids="-".join)
def test_title_and_language(built: dict[tuple[str, str], tuple[Document, zipfile.ZipFile]],
                            case: tuple[str, str]) -> None:
    doc, package = built[case]
    core = _xml(package, "docProps/core.xml")
    assert core.findtext("dc:title", namespaces=NS) == doc.metadata.title
    assert core.findtext("dc:language", namespaces=NS) == doc.metadata.lang
    defaults = _xml(package, "word/styles.xml").find("w:docDefaults//w:lang", NS)
    assert defaults is not None and defaults.get(f"{W}val") == doc.metadata.lang


@pytest.mark.parametrize("case", CASES, ids="-".join)
def test_every_data_table_marks_its_header_rows(
        built: dict[tuple[str, str], tuple[Document, zipfile.ZipFile]],
        case: tuple[str, str]) -> None:
    doc, package = built[case]
    body = _xml(package, "word/document.xml")
    tables = [t for t in body.iter(f"{W}tbl")
              if t.find("w:tr/w:tc/w:p/w:pPr/w:pStyle[@w:val='TableHeader']", NS) is not None]
    paired = [b for b in doc.blocks if isinstance(b, Bilingual) and table_pair(b)]
    assert len(tables) == sum(isinstance(b, Table) and bool(b.header)
                              for b in _blocks(doc.blocks)) - len(paired)
    for table in tables:  # a pair of tables set as one repeats its captions' row too
        rows = table.findall("w:tr", NS)
        heads = [r.find("w:trPr/w:tblHeader", NS) is not None for r in rows]
        captions = rows[0].find("w:tc/w:p/w:pPr/w:pStyle[@w:val='Caption']", NS) is not None
        headed = [r.find("w:tc/w:p/w:pPr/w:pStyle[@w:val='TableHeader']", NS) is not None
                  or (r is rows[0] and captions) for r in rows]
        assert heads == headed and heads[0]  # the header rows, and only they, repeat
        look = table.find("w:tblPr/w:tblLook", NS)
        assert look is not None and look.get(f"{W}firstRow") == "1"  # Word's Header Row


@pytest.mark.parametrize("case", CASES, ids="-".join)
def test_every_other_table_is_a_layout_table(
        built: dict[tuple[str, str], tuple[Document, zipfile.ZipFile]],
        case: tuple[str, str]) -> None:
    """A table with no header row lays things out (a key-figure panel, the two languages
    side by side): it says it has no header row or column, and repeats no row."""
    doc, package = built[case]
    body = _xml(package, "word/document.xml")
    layout = [t for t in body.iter(f"{W}tbl")
              if t.find("w:tr/w:tc/w:p/w:pPr/w:pStyle[@w:val='TableHeader']", NS) is None]
    panels = [b for b in _blocks(doc.blocks) if isinstance(b, KeyFigures)]
    # side by side: one table for each run of pairs (write_blocks groups them), a pair
    # of tables, set as one data table, ending a run
    def laid(block: object) -> bool:
        return isinstance(block, Bilingual) and not table_pair(block)

    runs = sum(1 for first, pair in itertools.pairwise((None, *doc.blocks))
               if laid(pair) and not laid(first))
    assert len(layout) == len(panels) + runs and layout
    for table in layout:
        look = table.find("w:tblPr/w:tblLook", NS)
        assert look is not None
        assert [look.get(f"{W}{k}") for k in ("firstRow", "firstColumn", "noHBand", "noVBand")
                ] == ["0", "0", "1", "1"]
        assert table.find("w:tr/w:trPr/w:tblHeader", NS) is None
    titles = [t.find("w:tblPr/w:tblCaption", NS) for t in layout]
    assert [t.get(f"{W}val") for t in titles if t is not None] == [p.title for p in panels]


@pytest.mark.parametrize("case", CASES, ids="-".join)
def test_every_chart_is_described(built: dict[tuple[str, str], tuple[Document, zipfile.ZipFile]],
                                  case: tuple[str, str]) -> None:
    doc, package = built[case]
    body = _xml(package, "word/document.xml")
    described = [p.get("descr") for p in body.iter(f"{{{NS['wp']}}}docPr")]
    charts = [b for b in _blocks(doc.blocks) if isinstance(b, Chart)]
    assert described == [c.alt for c in charts] and all(described)
    for chart, text in zip(charts, described, strict=True):
        assert all(label in str(text) for label in chart.series[0].labels)


@pytest.mark.parametrize("case", CASES, ids="-".join)
def test_headings_in_order(built: dict[tuple[str, str], tuple[Document, zipfile.ZipFile]],
                           case: tuple[str, str]) -> None:
    _, package = built[case]
    body = _xml(package, "word/document.xml")
    levels = [int(s.get(f"{W}val")[7:]) for s in body.iter(f"{W}pStyle")
              if re.fullmatch(r"Heading\d", s.get(f"{W}val") or "")]
    assert levels and levels[0] == 1
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels))


def test_text_is_marked_in_its_language(
        built: dict[tuple[str, str], tuple[Document, zipfile.ZipFile]]) -> None:
    _, package = built[("zh-en", "interleaved")]
    body = _xml(package, "word/document.xml")
    checked = 0
    for paragraph in body.iter(f"{W}p"):
        style = paragraph.find("w:pPr/w:pStyle", NS)
        if style is None or style.get(f"{W}val") not in CHECKED_STYLES:
            continue
        for run in paragraph.iter(f"{W}r"):
            text = "".join(run.itertext())
            lang = run.find("w:rPr/w:lang", NS)
            if lang is None or not text.strip():
                continue
            if re.search(r"[\u4e00-\u9fff]{2}", text):
                # Han characters take a run's East Asian language; its w:val is for its
                # Latin characters, and is Chinese unless the run is an amount kept whole
                # (每万人22.93件: one run, its digits Latin).
                assert lang.get(f"{W}eastAsia") == "zh-CN", text
                assert lang.get(f"{W}val") == "zh-CN" or re.search(r"\d", text), text
                checked += 1
            elif re.search(r"[A-Za-z]{3,} [a-z]{2,} [a-z]{2,}", text):
                assert lang.get(f"{W}val") == "en-GB", text
                checked += 1
    assert checked > 100


def test_no_change_is_told_by_colour_alone(
        built: dict[tuple[str, str], tuple[Document, zipfile.ZipFile]]) -> None:
    doc, _ = built[("zh-en", "interleaved")]
    words = (r"[+−-]|增|降|减|升|缩短|延长|up|down|rise|fall|more|less|higher|lower|shorter"
             r"|longer|cut|raised|reduced")
    for block in _blocks(doc.blocks):
        if isinstance(block, Table):
            for row in block.rows:
                for cell in row:
                    if cell.direction:
                        assert re.search(words, cell.text), cell.text
        elif isinstance(block, KeyFigures):
            for item in block.items:
                if item.direction:
                    assert re.search(words, item.change), item.change
        elif isinstance(block, Chart):
            for value, label in zip(block.series[0].values, block.series[0].labels,
                                    strict=True):
                if value < 0 and block.kind == "growth":
                    assert label.startswith("−"), label


def _mixed(blocks: tuple[Block, ...]) -> list[tuple[str, Mixed]]:
    """Every text in two languages (a bilingual title, caption or subtitle), with its
    block's language."""
    out: list[tuple[str, Mixed]] = []
    for block in _blocks(blocks):
        texts = (block.subtitle, *block.lines) if isinstance(block, Cover) else \
            (block.display,) if isinstance(block, Heading) else \
            (block.title,) if isinstance(block, Contents | KeyFigures | Chart) else ()
        out += [(block.lang, t) for t in texts if isinstance(t, Mixed)]
    return out


@pytest.mark.parametrize("case", [c for c in CASES if c[0] == "zh-en"], ids="-".join)
def test_each_piece_of_a_bilingual_text_is_a_run_in_its_language(
        built: dict[tuple[str, str], tuple[Document, zipfile.ZipFile]],
        case: tuple[str, str]) -> None:
    doc, package = built[case]
    body = _xml(package, "word/document.xml")
    paragraphs = {}
    for paragraph in body.iter(f"{W}p"):
        runs = [("".join(r.itertext()), r.find("w:rPr/w:lang", NS))
                for r in paragraph.iter(f"{W}r")]
        paragraphs.setdefault(re.sub(r"\s", "", "".join(t for t, _ in runs)), runs)
    mixed = _mixed(doc.blocks)
    assert {"目录 Contents", "术语表 Glossary"} <= {str(t) for _, t in mixed}
    for lang, text in mixed:
        runs = paragraphs[re.sub(r"\s", "", text)]
        for span in text.spans:
            tag = doc.language(span.lang or lang).tag
            if tag == "zh-CN":  # Han characters: the run's East Asian language
                han = "".join(t for t, m in runs if m is not None
                              and m.get(f"{W}eastAsia") == tag == m.get(f"{W}val"))
                assert all(c in han for c in re.findall(r"[\u4e00-\u9fff]", span.text))
            elif span.text.strip():
                latin = "".join(t for t, m in runs if m is not None and m.get(f"{W}val") == tag)
                assert span.text in latin, (text, span.text)


def test_a_span_in_another_language_is_a_run_in_its_own() -> None:
    doc = Document(Metadata("标题", "zh-CN", language="zh"), (
        Paragraph((Span("专利授权量为"), Span("patents granted", lang="en"), Span("。")),
                  "zh"),))
    package = zipfile.ZipFile(io.BytesIO(render_docx(doc, load_theme("briefing"))))
    runs = {"".join(r.itertext()): r.find("w:rPr/w:lang", NS)
            for r in _xml(package, "word/document.xml").iter(f"{W}r")}
    assert runs["patents granted"].get(f"{W}val") == "en-GB"
    assert runs["专利授权量为"].get(f"{W}val") == "zh-CN"
