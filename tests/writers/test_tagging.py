"""Tagged PDF (PDF/UA-1): Ningbo's PDFs pass ``pdfua check`` with no finding, and their
structure tree, read as a screen reader reads it, gives the text in the order of the
document, every figure described, every header cell scoped, every span in its language.

A representative set of outputs is checked always; every language, layout, brief and
theme with IPDOCS_FULL_A11Y=1 (the CI's full run)."""

from __future__ import annotations

import itertools
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

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
    NoteRef,
    Paragraph,
    Span,
    Table,
    spans_of,
)
from ipdocs.drafting import draft
from ipdocs.model import Report
from ipdocs.sections import full_brief, summary_brief
from ipdocs.themes import load_theme
from ipdocs.writers.pdf import render_pdf
from ipdocs.writers.pdf.tagging import StructTree, wrap_artifacts, xmp_packet
from tests.conftest import ROOT

pdfua = pytest.importorskip("pdfua", reason="needs pdfua (the test extra)")
structure = pytest.importorskip("tests.writers.structure", reason="needs pikepdf")

NINGBO = ROOT / "specs" / "ningbo-2024.yaml"
Case = tuple[str, str, str, str, bool]
"""Language option, layout, brief, theme, draft."""

ALWAYS: list[Case] = [
    ("zh", "interleaved", "full", "briefing", False),
    ("zh-en", "parallel", "full", "briefing", False),
    ("en", "interleaved", "summary", "official", False),
    ("zh-en", "interleaved", "full", "official", True),
]
EVERY: list[Case] = [
    (lang, layout, brief, theme, False)
    for lang, layout, brief, theme in itertools.product(
        ("zh", "en", "zh-en"), ("interleaved", "parallel"), ("full", "summary"),
        ("briefing", "official"))
    if lang == "zh-en" or layout == "interleaved"
] + [(lang, "interleaved", "full", "briefing", True) for lang in ("zh", "en")]
CASES = EVERY if os.environ.get("IPDOCS_FULL_A11Y") else ALWAYS


@cache
def _report(drafted: bool, folder: str) -> Report:
    """Ningbo, or Ningbo drafted to next year with one new value (a draft: its stale
    figures marked)."""
    if not drafted:
        return load_report(NINGBO)
    figures = Path(folder) / "new.csv"
    figures.write_text("id,value\npatents.grants,80000\n", encoding="utf-8")
    spec = Path(folder) / "n2025.yaml"
    spec.write_text(draft(NINGBO, figures).text, encoding="utf-8")
    return load_report(spec)


def _build(case: Case, folder: Path) -> tuple[Document, Path]:
    """The document tree and the PDF of one case."""
    lang, layout, brief, theme, drafted = case
    report = _report(drafted, str(folder))
    made = (full_brief() if brief == "full" else summary_brief()).document(
        report, lang, layout=layout, theme=theme)  # type: ignore[arg-type]
    path = folder / f"{'-'.join(map(str, case))}.pdf"
    path.write_bytes(render_pdf(made, load_theme(theme)))
    return made, path


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[Case, tuple[Document, Path]]:
    """Every case checked, built once."""
    folder = tmp_path_factory.mktemp("tagged")
    return {case: _build(case, folder) for case in CASES}


@pytest.mark.parametrize("case", CASES, ids=lambda c: "-".join(map(str, c)))
def test_pdfua_check_finds_nothing(built: dict[Case, tuple[Document, Path]],
                                   case: Case) -> None:
    report = pdfua.validate(str(built[case][1]))
    assert [(f.rule_id, f.message) for f in report.findings] == []
    assert not report.skipped, "a pdfua rule could not run on the file"


VERAPDF = os.environ.get("IPDOCS_VERAPDF") or shutil.which("verapdf")
"""veraPDF's command line (PDF/UA-1 validation beyond pdfua's machine-checkable subset):
not in Debian, PyPI or npm, so opt-in: on the PATH, or named by IPDOCS_VERAPDF."""


@pytest.mark.skipif(VERAPDF is None, reason="veraPDF is not installed (not packaged for "
                    "Debian, PyPI or npm; put `verapdf` on the PATH or set IPDOCS_VERAPDF)")
@pytest.mark.parametrize("case", CASES, ids=lambda c: "-".join(map(str, c)))
def test_verapdf_finds_nothing(built: dict[Case, tuple[Document, Path]], case: Case) -> None:
    assert VERAPDF is not None
    run = subprocess.run([VERAPDF, "--flavour", "ua1", "--format", "mrr", str(built[case][1])],
                         capture_output=True, text=True, timeout=600, check=False)
    failed = re.findall(r'<rule [^>]*status="failed"[^>]*>\s*<description>([^<]*)',
                        run.stdout)
    assert 'isCompliant="true"' in run.stdout, failed or run.stderr[-2000:]


def _expected(blocks: tuple[Block, ...] | list[Block]) -> Iterator[str]:
    """The text of blocks in the order a reader reads them (a contents' entries, which
    repeat the headings, and a chart's picture left out; a key figure's label first)."""
    for block in blocks:
        if isinstance(block, Cover):
            yield from (block.title, block.subtitle, *block.lines)
        elif isinstance(block, Heading):
            yield block.display
        elif isinstance(block, Paragraph):
            yield "".join(i.mark if isinstance(i, NoteRef) else i.text for i in block.inlines
                          if isinstance(i, NoteRef | Span))
        elif isinstance(block, Table):
            yield block.caption
            yield from (cell.text for row in (*block.header, *block.rows) for cell in row)
            yield block.note
        elif isinstance(block, KeyFigures):
            yield block.title
            for item in block.items:
                yield from (item.label, item.value, item.change, item.rank)
        elif isinstance(block, Chart):
            yield from (block.title, block.source)
        elif isinstance(block, Contents):
            yield block.title
        elif isinstance(block, Bilingual):
            yield from _expected(block.left)
            yield from _expected(block.right)


def _read(node: structure.Node) -> Iterator[str]:
    """The text of the structure tree in order, as a screen reader reads it (the contents'
    entries and figures, read by their alternative text, left out)."""
    if node.role in ("TOC", "Figure"):
        return
    for part in node.order:
        if isinstance(part, str):
            yield part
        else:
            yield from _read(part)


def _squeeze(text: str) -> str:
    """Text without the spaces and line breaks that layout adds or takes away."""
    return re.sub(r"\s+", "", text.replace("\u00ad", ""))


@pytest.mark.parametrize("case", CASES, ids=lambda c: "-".join(map(str, c)))
def test_structure_reads_in_the_order_of_the_document(
        built: dict[Case, tuple[Document, Path]], case: Case) -> None:
    made, path = built[case]
    tagged = structure.Tagged(path)
    theme = load_theme(case[3])
    masthead = [theme.masthead.text] if theme.masthead else []
    expected = _squeeze("".join([*masthead, *_expected(made.blocks)]))
    read = _squeeze("".join(_read(tagged.tree)))
    if read != expected:
        at = next(i for i, (a, b) in enumerate(zip(read + "\0", expected + "\0",
                                                     strict=False)) if a != b)
        pytest.fail(f"the structure reads {read[max(at - 30, 0):at + 30]!r} where the "
                    f"document has {expected[max(at - 30, 0):at + 30]!r}")


@pytest.mark.parametrize("case", CASES, ids=lambda c: "-".join(map(str, c)))
def test_every_content_item_is_tagged_or_an_artifact(
        built: dict[Case, tuple[Document, Path]], case: Case) -> None:
    tagged = structure.Tagged(built[case][1])
    assert [page.unmarked for page in tagged.content if page.unmarked] == []
    marked = {(index, mcid) for index, page in enumerate(tagged.content)
              for mcid in page.texts}
    assert len(marked) == sum(len(page.texts) for page in tagged.content)


@pytest.mark.parametrize("case", CASES, ids=lambda c: "-".join(map(str, c)))
def test_figures_headers_and_languages(built: dict[Case, tuple[Document, Path]],
                                       case: Case) -> None:
    made, path = built[case]
    tagged = structure.Tagged(path)
    nodes = tagged.tree.walk()
    figures = [n for n in nodes if n.role == "Figure"]
    charts = [b for b in _blocks(made.blocks) if isinstance(b, Chart)]
    described = [(chart, text, made.language(lang).tag) for chart in charts
                 for text, lang in _alts(chart)]
    assert len(figures) == len(described)
    for figure, (chart, text, tag) in zip(figures, described, strict=True):
        assert figure.alt and figure.alt == text and figure.effective == tag
        numbers = [re.search(r"\d[\d.,]*", label) for label in chart.series[0].labels]
        assert all(n and n.group() in figure.alt for n in numbers)  # every bar, said
    assert all(n.scope in ("Column", "Row") for n in nodes if n.role == "TH")
    tables = [b for b in _blocks(made.blocks) if isinstance(b, Table) and b.header]
    assert sum(n.role == "THead" for n in nodes) == len(tables)
    for node in nodes:
        if re.search(r"[\u4e00-\u9fff]{2}", node.text):
            assert node.effective.startswith("zh"), (node.role, node.text[:40])
        elif re.search(r"[A-Za-z]{4} [a-z]{3,} [a-z]{3,}", node.text):
            assert node.effective.startswith("en"), (node.role, node.text[:40])
    assert tagged.lang == made.metadata.lang
    if case[0] == "zh-en" and case[2] == "full":  # a bilingual panel's English lines
        assert any(n.role == "Span" and n.effective == "en-GB" and n.text.startswith("up ")
                   for n in nodes)
    roles = [n.role for n in nodes]
    assert roles[0] == "Document" and "H1" in roles and "P" in roles
    headings = [int(r[1]) for r in roles if re.fullmatch(r"H\d", r)]
    assert all(b <= a + 1 for a, b in itertools.pairwise(headings))


def _alts(chart: Chart) -> list[tuple[str, str]]:
    """A chart's descriptions, each with its language: a bilingual chart has one a
    language, each the /Alt of a Figure in its language."""
    pieces = [(s.text, s.lang or chart.lang) for s in spans_of(chart.alt) if s.text.strip()]
    return pieces if len(pieces) > 1 else [(chart.alt, chart.lang)]


def _mixed(blocks: tuple[Block, ...]) -> Iterator[tuple[str, Mixed]]:
    """Every text in two languages of the blocks, with its block's language: a
    bilingual cover's subtitle, contents title, glossary heading, panel title, chart
    caption."""
    for block in _blocks(blocks):
        texts: tuple[str, ...] = ()
        if isinstance(block, Cover):
            texts = (block.subtitle, *block.lines)
        elif isinstance(block, Heading):
            texts = (block.display,)
        elif isinstance(block, Contents | KeyFigures | Chart):
            texts = (block.title,)
        yield from ((block.lang, t) for t in texts if isinstance(t, Mixed))


@pytest.mark.parametrize("case", [c for c in CASES if c[0] == "zh-en"],
                         ids=lambda c: "-".join(map(str, c)))
def test_every_piece_is_read_in_its_language(built: dict[Case, tuple[Document, Path]],
                                             case: Case) -> None:
    """In a text that joins both languages (a bilingual title, caption or subtitle), a
    screen reader reads each piece in its own: every Chinese piece zh, every English one
    en, whether the piece is a Span of its own or (in a heading) marked in the content."""
    made, path = built[case]
    tagged = structure.Tagged(path)
    spoken = [(n, n.spoken()) for n in tagged.tree.walk()
              if n.role in ("P", "H1", "H2", "H3", "Link")]
    mixed = list(_mixed(made.blocks))
    assert mixed
    if case[2] == "full":
        assert "目录 Contents" in {str(t) for _, t in mixed}
    for lang, text in mixed:
        found = [pieces for node, pieces in spoken
                 if _squeeze("".join(t for t, _ in pieces)) == _squeeze(text)]
        assert found, f"no element reads {text!r}"
        for pieces in found:  # a heading's text, and its contents entry's
            for span in text.spans:
                tag = made.language(span.lang or lang).tag
                said = _squeeze("".join(t for t, said in pieces if said == tag))
                assert _squeeze(span.text) in said, (text, tag, pieces)
    for _, pieces in spoken:
        for piece, tag in pieces:
            if re.search(r"[\u4e00-\u9fff]", piece):
                assert tag == "zh-CN", (piece, tag)
            elif re.search(r"[A-Za-z]{4} [a-z]{3,}", piece):  # English words, not PCT
                assert tag == "en-GB", (piece, tag)


def _blocks(blocks: tuple[Block, ...]) -> Iterator[Block]:
    """Every block, the two sides of bilingual pairs included."""
    for block in blocks:
        if isinstance(block, Bilingual):
            yield from _blocks(block.left)
            yield from _blocks(block.right)
        else:
            yield block


def test_the_parallel_layout_reads_each_column_as_a_block(
        built: dict[Case, tuple[Document, Path]]) -> None:
    made, path = built[("zh-en", "parallel", "full", "briefing", False)]
    tagged = structure.Tagged(path)
    paragraphs = [n for n in tagged.tree.kids if n.role == "P" and len(n.text) > 80]
    pairs = [b for b in made.blocks if isinstance(b, Bilingual)
             and isinstance(b.left[0], Paragraph) and len(b.left) == 1]
    assert pairs
    first = pairs[0]
    left = _squeeze("".join(_expected(first.left)))
    right = _squeeze("".join(_expected(first.right)))
    index = next(i for i, n in enumerate(paragraphs) if _squeeze(n.text) == left)
    assert _squeeze(paragraphs[index + 1].text) == right  # the whole English after
    assert paragraphs[index].effective == "zh-CN"
    assert paragraphs[index + 1].effective == "en-GB"


def test_metadata_declares_pdf_ua_and_the_title(
        built: dict[Case, tuple[Document, Path]]) -> None:
    made, path = built[ALWAYS[0]]
    tagged = structure.Tagged(path)
    root = tagged.pdf.Root
    assert bool(root.MarkInfo.Marked) is True
    assert bool(root.ViewerPreferences.DisplayDocTitle) is True
    xmp = root.Metadata.read_bytes().decode("utf-8")
    assert "<pdfuaid:part>1</pdfuaid:part>" in xmp
    assert f'<rdf:li xml:lang="x-default">{made.metadata.title}</rdf:li>' in xmp
    assert all("/StructParents" in page for page in tagged.pdf.pages)


def test_contents_entries_link_to_their_headings(
        built: dict[Case, tuple[Document, Path]]) -> None:
    tagged = structure.Tagged(built[ALWAYS[0]][1])
    items = [n for n in tagged.tree.walk() if n.role == "TOCI"]
    assert items
    for item in items:
        link, number = item.kids
        assert link.role == "Link" and link.links == [link.text]  # described by its text
        assert number.role == "Reference" and number.actual and number.actual.isdigit()
    pages = [p for p in tagged.pdf.pages if "/Annots" in p.obj]
    assert all(p.obj.Tabs == "/S" for p in pages)


def test_hyphenated_words_read_whole(tmp_path: Path) -> None:
    """A word hyphenated at a line's end is read whole (its break a soft hyphen): the
    English edition's justified text hyphenates (the side-by-side edition's narrow tables
    no longer do: their columns hold their words whole)."""
    tagged = structure.Tagged(_build(("en", "interleaved", "full", "briefing", False),
                                     tmp_path)[1])
    soft = [n.text for n in tagged.tree.walk() if "\u00ad" in n.text]
    assert soft, "no word hyphenated in the English text"
    assert all(re.search(r"\w\u00ad\w", text) for text in soft)


def test_unmarked_drawing_becomes_an_artifact() -> None:
    code = ["q", "1 0 0 1 0 0 cm", "/P <</MCID 0>> BDC", "BT (a) Tj ET", "EMC",
            "0 0 m 10 0 l S", "Q"]
    assert wrap_artifacts(code) == [
        "q", "1 0 0 1 0 0 cm", "/P <</MCID 0>> BDC", "BT (a) Tj ET", "EMC",
        "/Artifact BMC", "0 0 m 10 0 l S", "Q", "EMC"]
    assert wrap_artifacts(["q", "Q"]) == ["q", "Q"]


def test_elements_without_content_are_left_out() -> None:
    tree = StructTree("zh-CN")
    kept = tree.root.add("P")
    tree.root.add("P")  # never drawn
    tree.mark(kept, 0)
    assert [k.has_content() for k in tree.root.kids if not isinstance(k, tuple)] == [
        True, False]


def test_xmp_escapes_the_title() -> None:
    packet = xmp_packet("A & B <c>", {"lang": "en-GB"})
    assert "A &amp; B &lt;c&gt;" in packet and "<pdfuaid:part>1</pdfuaid:part>" in packet


def test_a_span_in_another_language_is_tagged_in_its_own(tmp_path: Path) -> None:
    """A paragraph's Span with its own language (and a heading's piece) is read in it."""
    doc = Document(Metadata("标题", "zh-CN", language="zh"), (
        Heading(1, Mixed.joined([("术语表", "zh"), ("Glossary", "en")]), "zh"),
        Paragraph((Span("专利授权量为"), Span("patents granted", lang="en"), Span("。")),
                  "zh")))
    path = tmp_path / "span.pdf"
    path.write_bytes(render_pdf(doc, load_theme("briefing")))
    tagged = structure.Tagged(path)
    said = [(n.role, [(t, lang) for lang, group in itertools.groupby(n.spoken(), lambda p: p[1])
                      for t in ["".join(text for text, _ in group)]])
            for n in tagged.tree.walk() if n.role in ("H1", "P")]
    assert said == [
        ("H1", [("术语表 ", "zh-CN"), ("Glossary", "en-GB")]),
        ("P", [("专利授权量为", "zh-CN"), ("patents granted", "en-GB"), ("。", "zh-CN")])]
    assert [n.lang for n in tagged.tree.walk() if n.role == "Span"] == ["en-GB"]
    assert pdfua.validate(str(path)).findings == ()


def test_a_linked_paragraph_reads_each_piece_in_its_language(tmp_path: Path) -> None:
    """A paragraph with a link keeps its other-language pieces' Spans, and a link whose
    text is in another language is read in it: the links' Link elements and the
    languages' Spans in one structure."""
    url = "https://www.cnipa.gov.cn/"
    doc = Document(Metadata("标题", "zh-CN", language="zh"), (
        Paragraph((Span("专利授权量为"), Span("patents granted", lang="en"), Span("，见"),
                   Span("国家知识产权局", link=url), Span("和"),
                   Span("CNIPA's statistics", link=url, lang="en"), Span("。")), "zh"),))
    path = tmp_path / "linked.pdf"
    path.write_bytes(render_pdf(doc, load_theme("briefing")))
    tagged = structure.Tagged(path)
    paragraph = next(n for n in tagged.tree.walk() if n.role == "P")
    said = [(t, lang) for lang, group in itertools.groupby(paragraph.spoken(), lambda p: p[1])
            for t in ["".join(text for text, _ in group)]]
    assert said == [("专利授权量为", "zh-CN"), ("patents granted", "en-GB"),
                    ("，见国家知识产权局和", "zh-CN"), ("CNIPA's statistics", "en-GB"),
                    ("。", "zh-CN")]
    links = [n for n in paragraph.walk() if n.role == "Link"]
    assert [n.read() for n in links] == ["国家知识产权局", "CNIPA's statistics"]
    assert [n.effective for n in links] == ["zh-CN", "en-GB"]
    assert [len(n.links) for n in links] == [1, 1]
    assert pdfua.validate(str(path)).findings == ()
