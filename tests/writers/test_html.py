"""The HTML writer: a page that parses without error, deterministic, semantic (lang,
headings, tables, key figures, charts, contents, skip link), numbers kept with their
units, drafts marked, the build and the CLI writing it."""

from __future__ import annotations

import itertools
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from ipdocs import build, load_report
from ipdocs.doc import (
    Cell,
    Chart,
    Column,
    Document,
    Heading,
    KeyFigure,
    KeyFigures,
    Metadata,
    Paragraph,
    Series,
    Span,
    Table,
)
from ipdocs.model import Report
from ipdocs.sections import full_brief
from ipdocs.themes import load_theme
from ipdocs.writers.html import render_html
from tests.conftest import ROOT
from tests.writers.test_coverage import every_block

html5lib = pytest.importorskip("html5lib", reason="needs html5lib (the test extra)")

NINGBO = ROOT / "specs" / "ningbo-2024.yaml"
KINDS = {"zh": ("zh", "interleaved"), "en": ("en", "interleaved"),
         "zh-en": ("zh-en", "interleaved"), "parallel": ("zh-en", "parallel")}


@pytest.fixture(scope="module")
def ningbo() -> Report:
    """The Ningbo 2024 report."""
    return load_report(NINGBO)


@pytest.fixture(scope="module")
def pages(ningbo: Report) -> dict[str, str]:
    """Every kind of page of Ningbo's full brief, in both themes."""
    out = {}
    for name, (lang, layout) in KINDS.items():
        for theme in ("briefing", "official"):
            doc = full_brief().document(ningbo, lang, layout=layout,  # type: ignore[arg-type]
                                        theme=theme)
            out[f"{name}-{theme}"] = render_html(doc, load_theme(theme)).decode("utf-8")
    return out


def parse(page: str) -> ET.Element:
    """The page parsed as a browser does, every parse error raised."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    return parser.parse(page)  # type: ignore[no-any-return]


SVG = "{http://www.w3.org/2000/svg}"


def test_every_page_parses_without_error(pages: dict[str, str]) -> None:
    for name, page in pages.items():
        assert page.startswith("<!DOCTYPE html>\n<html lang="), name
        parse(page)


def test_the_same_document_gives_the_same_bytes(ningbo: Report) -> None:
    doc = full_brief().document(ningbo, "zh-en", layout="parallel")
    assert render_html(doc, load_theme("briefing")) == render_html(doc, load_theme("briefing"))


def test_languages_are_marked(pages: dict[str, str]) -> None:
    root = parse(pages["zh-en-briefing"])
    assert root.get("lang") == "zh-CN"
    english = [e for e in root.iter() if e.get("lang") == "en-GB"]
    assert len(english) > 50
    assert all(e.get("lang") != "zh-CN" for e in root.find("body").iter())  # type: ignore[union-attr]
    assert parse(pages["en-briefing"]).get("lang") == "en-GB"


def test_each_piece_of_a_bilingual_text_says_its_language(pages: dict[str, str]) -> None:
    """A title joining both languages (the contents', the glossary's, a chart's caption)
    marks its English piece in a span of its own language, in a Chinese element."""
    root = parse(pages["zh-en-briefing"])
    pieces = {"".join(e.itertext()): e for e in root.iter("span") if e.get("lang") == "en-GB"}
    assert {"Contents", "Glossary", "Key figures"} <= set(pieces)
    captions = [e for e in root.iter("figcaption")]
    assert captions and all(
        re.match(r"[\u4e00-\u9fff]", "".join(c.itertext()))
        and any(s.get("lang") == "en-GB" and "".join(s.itertext()).startswith("Year-on-year")
                for s in c.iter("span")) for c in captions)


def test_a_span_in_another_language_says_so() -> None:
    doc = Document(Metadata("标题", "zh-CN", language="zh"), (
        Paragraph((Span("专利授权量为"), Span("patents granted", lang="en"), Span("。")),
                  "zh"),))
    page = render_html(doc, load_theme("briefing")).decode("utf-8")
    assert '<span lang="en-GB">patents granted</span>' in page


def test_headings_descend_in_order_and_the_contents_link_to_them(
        pages: dict[str, str]) -> None:
    for name, page in pages.items():
        root = parse(page)
        levels = [int(e.tag[1]) for e in root.iter() if re.fullmatch(r"h[1-6]", str(e.tag))]
        assert levels[0] == 1 and levels.count(1) >= 1, name
        assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), name
        ids = {e.get("id") for e in root.iter() if e.get("id")}
        links = [a.get("href", "")[1:] for a in root.iter("a") if a.get("href", "").startswith("#")]
        assert len(links) > 20 and set(links) <= ids, name
        assert root.find(".//nav") is not None
        skip = root.find(".//body/a")
        assert skip is not None and skip.get("href") == "#main"


def test_tables_have_captions_and_header_scopes(pages: dict[str, str]) -> None:
    root = parse(pages["zh-briefing"])
    tables = list(root.iter("table"))
    assert len(tables) > 5
    for table in tables:
        assert table.find("caption") is not None
        assert all(th.get("scope") in ("col", "row") for th in table.iter("th"))


def test_key_figures_are_a_definition_list(pages: dict[str, str]) -> None:
    root = parse(pages["zh-briefing"])
    listing = root.find(".//dl")
    assert listing is not None
    groups = list(listing)
    assert len(groups) == 6
    assert [child.tag for child in groups[0]][:2] == ["dt", "dd"]


def test_charts_are_svg_described_from_their_data(pages: dict[str, str]) -> None:
    root = parse(pages["en-briefing"])
    figures = [f for f in root.iter("figure") if f.get("class") == "chart"]
    assert figures
    for figure in figures:
        svg = figure.find(f"{SVG}svg")
        assert svg is not None and svg.get("role") == "img"
        labelled = (svg.get("aria-labelledby") or "").split()
        ids = {e.get("id"): e for e in svg.iter()}
        assert [ids[i].tag for i in labelled] == [f"{SVG}title", f"{SVG}desc"]
        assert figure.find("details/table") is not None
    text = "".join(next(figures[0].iter(f"{SVG}desc")).itertext())
    assert "+11.4%" in text and "Patents granted: +11.4%" in text


def test_numbers_stay_with_their_units() -> None:
    doc = Document(Metadata("t", "zh-CN", language="zh"), (
        Paragraph((Span("受理预审案件3077件，同比增长193%以上，近9000家，"),
                   Span("RMB 61.093 billion", keep=True)), "zh"),))
    page = render_html(doc, load_theme("briefing")).decode("utf-8")
    page = page.replace('<span class="as"></span>', "")  # Han–Latin gaps (next test)
    kept = re.findall(r'<span class="n">([^<]*)</span>', page)
    assert kept == ["3077件", "193%以上", "近9000家", "RMB 61.093 billion"]


def test_numbers_line_up_on_their_decimal_points() -> None:
    table = Table((Column("left"), Column("right")), ((Cell("a"), Cell("b")),),
                  ((Cell("x"), Cell("610.93")), (Cell("y"), Cell("71425")),
                   (Cell("z"), Cell("1.5%"))), "zh", "表")
    page = render_html(Document(Metadata("t", "zh-CN", language="zh"), (table,)),
                       load_theme("briefing")).decode("utf-8")
    root = parse(page)
    cells = [td for td in root.iter("td")]
    for cell, tail in zip(cells, (".93", "", ".5%"), strict=True):
        box = cell.find(".//span[@class='dec']")
        assert box is not None
        shown, *ghosts = list(box)
        assert (shown.text or "") == tail
        assert sorted(g.text or "" for g in ghosts) == sorted({".93", "", ".5%"} - {tail})
        assert all(g.get("aria-hidden") == "true" for g in ghosts)


def test_every_block_type_is_written() -> None:
    page = render_html(every_block(), load_theme("official")).decode("utf-8")
    root = parse(page)
    for element in ("h1", "h2", "nav", "table", "dl", f"{SVG}svg", "sup"):
        assert root.find(f".//{element}") is not None, element


def test_a_draft_shows_its_mark_and_its_stale_and_review_text() -> None:
    doc = Document(Metadata("t", "zh-CN", language="zh", draft="草稿"), (
        Paragraph((Span("71425件†", stale=True), Span("待审", review=True)), "zh"),
        KeyFigures((KeyFigure("71425件†", "专利", stale=True),), "zh"),
        Table((Column(),), ((Cell("a"),),), ((Cell("9件", stale=True),),), "zh")))
    root = parse(render_html(doc, load_theme("briefing")).decode("utf-8"))
    marks = [(m.get("class"), "".join(m.itertext())) for m in root.iter("mark")]
    assert ("stale", "71425件†") in marks and ("review", "待审") in marks
    assert marks.count(("stale", "71425件†")) == 2 and ("stale", "9件") in marks
    banner = root.find(".//p[@class='draft']")
    assert banner is not None and banner.text == "草稿"
    assert root.find(".//meta[@name='robots']") is not None


def test_text_from_a_spec_is_escaped() -> None:
    doc = Document(Metadata("<script>", "en-GB", language="en"), (
        Heading(1, "</h2><img src=x onerror=alert(1)>", "en"),
        Chart("bar", "<b>", ("<i>",), (Series("s", (1.0,), ("<u>",)),), "en")))
    page = render_html(doc, load_theme("briefing")).decode("utf-8")
    assert "<img" not in page and "<script>" not in page and "<u>" not in page


def test_a_theme_font_name_cannot_close_the_style_sheet() -> None:
    theme = load_theme("briefing")
    evil = replace(theme.fonts["serif"], latin="x</style><script>alert(1)</script>")
    page = render_html(every_block(), replace(theme, fonts={**theme.fonts, "serif": evil}))
    assert b"</style><script>" not in page


def test_build_writes_html(ningbo: Report, tmp_path: Path) -> None:
    path = build(ningbo, tmp_path / "n.html", lang="en")
    assert path.read_bytes().startswith(b"<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["n.html"]


def test_the_cli_writes_every_web_edition(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "ipdocs", "build", str(NINGBO), "-f", "html",
                           "-o", str(tmp_path), "-j", "1"], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "ningbo-2024.en.html", "ningbo-2024.zh-en.html", "ningbo-2024.zh.html"]


def test_embedded_fonts_are_woff2_subsets_under_families_of_their_own() -> None:
    theme = replace(load_theme("official"), web_fonts="embed")
    page = render_html(every_block(), theme).decode("utf-8")
    faces = re.findall(r'@font-face\{font-family:"([^"]+)";font-weight:(\d+)', page)
    assert ("ipdocs-fang", "400") in faces and ("ipdocs-kai", "400") in faces
    assert len(faces) == len(set(faces))  # each face once
    assert all(name.startswith("ipdocs-") for name, _ in faces)
    assert page.count("data:font/woff2;base64,d09GMg") == len(faces)  # "wOF2"
    body = re.search(r"\.s-body\{font-family:([^;]+);", page)
    assert body is not None and body.group(1).startswith('"ipdocs-fang"')
    assert render_html(every_block(), theme).decode("utf-8") == page
    parse(page)


def test_by_default_the_page_names_system_fonts_and_stays_small(pages: dict[str, str]) -> None:
    assert "@font-face" not in pages["zh-briefing"]
    assert '"PingFang SC"' in pages["zh-briefing"] and '"Microsoft YaHei"' in pages["zh-briefing"]
    assert len(pages["zh-briefing"].encode()) < 200_000


def test_embedding_without_brotli_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from ipdocs.writers import RenderError
    from ipdocs.writers.html import fonts

    fonts._face_rule.cache_clear()
    monkeypatch.setitem(sys.modules, "brotli", None)
    with pytest.raises(RenderError, match="brotli"):
        render_html(every_block(), replace(load_theme("briefing"), web_fonts="embed"))


def test_the_cli_embeds_fonts_when_asked(write_spec: Callable[..., Path],
                                         tmp_path: Path) -> None:
    spec = write_spec()
    done = subprocess.run([sys.executable, "-m", "ipdocs", "build", str(spec), "-f", "html",
                           "-l", "zh", "--embed-fonts", "-o", str(tmp_path / "out"), "-j", "1"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert b"@font-face" in (tmp_path / "out" / "spec.zh.html").read_bytes()


def test_final_refuses_a_draft_for_the_web_too(tmp_path: Path) -> None:
    from ipdocs.drafting import draft

    figures = tmp_path / "new.csv"
    figures.write_text("id,value,unit\npatents.grants,80000,\n", encoding="utf-8")
    spec = tmp_path / "ningbo-2025.yaml"
    spec.write_text(draft(NINGBO, figures).text, encoding="utf-8")
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "ipdocs", "build", str(spec), "-f", "html",
                           "--final", "-o", str(out), "-j", "1"], capture_output=True, text=True,
                          check=False)
    assert done.returncode != 0 and "--final" in done.stderr
    assert not out.exists() or not list(out.iterdir())
    done = subprocess.run([sys.executable, "-m", "ipdocs", "build", str(spec), "-f", "html",
                           "-l", "zh", "-o", str(out), "-j", "1"], capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, done.stderr
    root = parse((out / "ningbo-2025.zh.html").read_text(encoding="utf-8"))
    assert root.find(".//p[@class='draft']") is not None
    assert [m for m in root.iter("mark") if m.get("class") == "stale"]


def test_han_latin_gaps_are_marked_for_browsers_without_autospace() -> None:
    doc = Document(Metadata("t", "zh-CN", language="zh"), (
        Paragraph((Span("PCT申请量683件，“E网清”"),), "zh"),))
    page = render_html(doc, load_theme("briefing")).decode("utf-8")
    body = page[page.index("<main"):]
    assert body.count('<span class="as"></span>') == 3  # T申, 量6, E网 (not 件，)
    assert ('PCT<span class="as"></span>申请量<span class="n">683<span class="as"></span>件'
            in body)
    assert "@supports not (text-autospace:normal)" in page


def test_english_paragraphs_take_the_theme_s_latin_indent(pages: dict[str, str]) -> None:
    official, briefing = pages["en-official"], pages["en-briefing"]
    assert '<p class="s-body indent-latin">' in official
    assert "--indent-latin:2em" in official
    assert "indent-latin\"" not in briefing and "--indent-latin:" not in briefing
