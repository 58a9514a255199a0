"""The web edition in a real browser: headless Chromium opens every kind of page at 360
and 1280 CSS pixels wide; nothing overflows the window or overlaps, no number breaks from
its unit, the text a reader sees is the document's, axe-core finds no accessibility
violation (once a page, at the wider width). Screenshots are saved for a person to look
at (pytest's cache folder, ``html-screenshots``, JPEG). One browser process serves every page."""

from __future__ import annotations

import base64
import itertools
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from ipdocs.doc import (
    Bilingual,
    Block,
    Chart,
    Contents,
    Cover,
    Document,
    Heading,
    KeyFigures,
    Paragraph,
    Table,
    headings,
)
from ipdocs.model import Report
from ipdocs.sections import full_brief, summary_brief
from ipdocs.themes import load_theme
from ipdocs.writers.html import render_html
from tests.conftest import ROOT
from tests.writers.browser import Browser, find_chromium

CHROMIUM = find_chromium()
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="needs Chromium (Debian: chromium)")

AXE_PLACES = (os.environ.get("IPDOCS_AXE", ""),
              str(ROOT / ".ci" / "node" / "node_modules" / "axe-core" / "axe.min.js"))
AXE = next((Path(p) for p in AXE_PLACES if p and Path(p).is_file()), None)
CHECKS = (Path(__file__).parent / "html_checks.js").read_text(encoding="utf-8")

PAGES = {
    "zh": ("full", "zh", "interleaved", "briefing"),
    "en": ("full", "en", "interleaved", "briefing"),
    "zh-en": ("full", "zh-en", "interleaved", "briefing"),
    "parallel": ("full", "zh-en", "parallel", "briefing"),
    "official": ("full", "zh", "interleaved", "official"),
    "summary-en": ("summary", "en", "interleaved", "briefing"),
    "draft": ("full", "zh", "interleaved", "briefing"),
}
"""Each page: brief, languages, layout, theme (the draft: of Ningbo drafted to 2025 with
one new value, every other stale)."""
WIDTHS = (360, 1280)


@dataclass
class Seen:
    """What the browser showed of one page at one width."""

    doc: Document
    results: dict[str, Any] = field(default_factory=dict)


def document(report: Report, name: str) -> Document:
    """The document of one kind of page."""
    brief, lang, layout, theme = PAGES[name]
    chosen = full_brief() if brief == "full" else summary_brief()
    return chosen.document(report, lang, layout=layout, theme=theme)  # type: ignore[arg-type]


def _run(browser: Browser, what: str) -> Any:
    """One of html_checks.js's checks, run in the page."""
    return browser.evaluate(f"({CHECKS}).{what}()")


def _axe(browser: Browser) -> list[dict[str, Any]]:
    """axe-core's violations on the page (WCAG 2.1 A and AA, and best practice)."""
    assert AXE is not None
    browser.evaluate(AXE.read_text(encoding="utf-8") + ";true")
    found = browser.evaluate(
        "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', "
        "'wcag21a', 'wcag21aa', 'best-practice']}}).then(r => JSON.stringify("
        "r.violations.map(v => ({id: v.id, help: v.help, nodes: v.nodes.slice(0, 3)"
        ".map(n => n.target.join(' ') + ' ' + n.failureSummary)}))))")
    return list(json.loads(found))


@pytest.fixture(scope="module")
def seen(tmp_path_factory: pytest.TempPathFactory,
         pytestconfig: pytest.Config) -> dict[tuple[str, int], Seen]:
    """Every page opened at every width in one browser, its checks run, its screenshot
    saved."""
    from ipdocs import load_report
    from ipdocs.drafting import draft

    ningbo = load_report(ROOT / "specs" / "ningbo-2024.yaml")
    folder = tmp_path_factory.mktemp("html")
    figures = folder / "new.csv"
    figures.write_text("id,value,unit\npatents.grants,80000,\n", encoding="utf-8")
    (folder / "ningbo-2025.yaml").write_text(
        draft(ROOT / "specs" / "ningbo-2024.yaml", figures).text, encoding="utf-8")
    drafted = load_report(folder / "ningbo-2025.yaml")
    cache = getattr(pytestconfig, "cache", None)
    shots = cache.mkdir("html-screenshots") if cache else folder
    out: dict[tuple[str, int], Seen] = {}
    assert CHROMIUM is not None
    with Browser(CHROMIUM) as browser:
        for name in PAGES:
            doc = document(drafted if name == "draft" else ningbo, name)
            path = folder / f"{name}.html"
            path.write_bytes(render_html(doc, load_theme(PAGES[name][3])))
            for width in WIDTHS:
                browser.open(path, width)
                results = {what: _run(browser, what) for what in
                           ("overflow", "overlaps", "brokenUnits", "outline", "text")}
                if AXE is not None and width == WIDTHS[-1]:  # once a page: it takes seconds
                    results["axe"] = _axe(browser)
                browser.screenshot(shots / f"{name}-{width}.jpg")
                if name == "zh" and width == WIDTHS[-1]:
                    printed = browser.call("Page.printToPDF", preferCSSPageSize=True,
                                           printBackground=True)["data"]
                    (shots / "zh-print.pdf").write_bytes(base64.b64decode(printed))
                    results["printed"] = base64.b64decode(printed)
                out[name, width] = Seen(doc, results)
    return out


CASES = [(name, width) for name in PAGES for width in WIDTHS]


@pytest.mark.parametrize(("name", "width"), CASES)
def test_nothing_overflows_the_window(seen: dict[tuple[str, int], Seen], name: str,
                                      width: int) -> None:
    found = seen[name, width].results["overflow"]
    assert found["page"] <= found["width"], found
    assert found["wide"] == [], found
    assert found["scrolled"] == [], "a table scrolls in its box"
    assert found["spilt"] == [], "text spills out of its box"


@pytest.mark.parametrize(("name", "width"), CASES)
def test_nothing_overlaps(seen: dict[tuple[str, int], Seen], name: str, width: int) -> None:
    assert seen[name, width].results["overlaps"] == []


@pytest.mark.parametrize(("name", "width"), CASES)
def test_numbers_never_break_from_their_units(seen: dict[tuple[str, int], Seen], name: str,
                                               width: int) -> None:
    found = seen[name, width].results["brokenUnits"]
    assert found["count"] > 5  # the spans are there to measure
    assert found["broken"] == []


@pytest.mark.parametrize("name", PAGES)
def test_headings_descend_one_level_at_a_time(seen: dict[tuple[str, int], Seen],
                                              name: str) -> None:
    levels = seen[name, WIDTHS[0]].results["outline"]
    assert levels[0] == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), levels


def test_printed_it_paginates_like_the_pdf(seen: dict[tuple[str, int], Seen]) -> None:
    """The print style sheet: the theme's page and type, close to the PDF's page count."""
    from ipdocs.app.building import pdf_pages
    from ipdocs.writers.pdf import render_pdf

    view = seen["zh", WIDTHS[-1]]
    printed = view.results["printed"]
    count = len(re.findall(rb"/Type\s*/Page[^s]", printed))
    pages = pdf_pages(render_pdf(view.doc, load_theme("briefing")))
    assert pages is not None
    assert 0.8 * pages <= count <= 1.3 * pages, (count, pages)


@pytest.mark.skipif(AXE is None, reason="needs axe-core: npm install --prefix .ci/node axe-core")
@pytest.mark.parametrize("name", PAGES)
def test_axe_finds_no_violation(seen: dict[tuple[str, int], Seen], name: str) -> None:
    assert seen[name, WIDTHS[-1]].results["axe"] == []


def squeezed(text: str) -> str:
    """``text`` without white space (the browser's line breaks and gaps are its own)."""
    return re.sub(r"\s+", "", text)


def _texts(block: Block, doc: Document) -> Iterator[str]:
    """What a reader sees of a block, in order."""
    if isinstance(block, Cover):
        yield from (block.title, block.subtitle, *block.lines)
    elif isinstance(block, Heading):
        yield block.display
    elif isinstance(block, Paragraph):
        yield block.text
    elif isinstance(block, Table):
        yield block.caption
        for row in (*block.header, *block.rows):
            yield from (cell.text for cell in row)
        yield block.note
    elif isinstance(block, KeyFigures):
        yield block.title
        for item in block.items:
            yield from (item.label, item.value, item.change, item.rank)
    elif isinstance(block, Chart):
        yield block.title
        yield from block.categories
        yield block.source
    elif isinstance(block, Contents):
        yield block.title
        yield from (h.display for h in headings(doc.blocks) if h.level <= block.depth)
    elif isinstance(block, Bilingual):
        for part in (*block.left, *block.right):
            yield from _texts(part, doc)


def expected(doc: Document) -> list[str]:
    """Every text of the document a reader sees, in order."""
    return [squeezed(t) for block in doc.blocks for t in _texts(block, doc) if squeezed(t)]


def leftover(seen_text: str, texts: list[str]) -> tuple[str, str]:
    """What is left of the page's text once every text of ``texts`` is found in order
    (and the first text not found, if any)."""
    page, rest, at = squeezed(seen_text), [], 0
    for text in texts:
        found = page.find(text, at)
        if found < 0:
            return "".join(rest), text
        rest.append(page[at:found])
        at = found + len(text)
    rest.append(page[at:])
    return "".join(rest), ""


@pytest.mark.parametrize(("name", "width"), CASES)
def test_the_visible_text_is_the_documents(seen: dict[tuple[str, int], Seen], name: str,
                                           width: int) -> None:
    view = seen[name, width]
    rest, missing = leftover(view.results["text"], expected(view.doc))
    assert missing == ""
    # Beyond the document's text: the skip link, charts' value labels and data-table
    # summaries, each a few characters
    labels = [squeezed(label) for block in _blocks(view.doc) if isinstance(block, Chart)
              for series in block.series for label in series.labels]
    for label in sorted(labels, key=len, reverse=True):
        rest = rest.replace(label, "", 1)
    assert len(rest) < 200, rest


def _blocks(doc: Document) -> Iterator[Block]:
    """Every block, those of side-by-side pairs included."""
    for block in doc.blocks:
        if isinstance(block, Bilingual):
            yield from (*block.left, *block.right)
        else:
            yield block


BAD_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>bad</title>
<style>body{margin:0;font-size:16px} .box{width:80px} .n{white-space:normal}</style></head>
<body><main><dl class="box"><dt>a</dt><dd style="white-space:nowrap">RMB 61.093 billion</dd></dl>
<p class="box">up <span class="n">RMB 61.093 billion</span> year on year</p>
<p style="position:relative;top:-2.5em">overlapping text</p>
<div style="width:2000px">too wide</div></main></body></html>"""


def test_the_checks_see_what_they_look_for(tmp_path: Path) -> None:
    page = tmp_path / "bad.html"
    page.write_text(BAD_PAGE, encoding="utf-8")
    assert CHROMIUM is not None
    with Browser(CHROMIUM) as browser:
        browser.open(page, 360)
        found = {what: _run(browser, what) for what in ("overflow", "overlaps", "brokenUnits")}
    assert found["overflow"]["page"] > 360
    assert found["overflow"]["spilt"]
    assert found["overlaps"]
    assert found["brokenUnits"]["broken"]
