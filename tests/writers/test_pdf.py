"""The PDF writer: text, fonts, outline, metadata, determinism, escaping, coverage."""

import html
import itertools
import json
import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from ipdocs.doc import Contents, Document, Heading, Metadata, Paragraph, Span
from ipdocs.model import Report
from ipdocs.sections import full_brief, summary_brief
from ipdocs.sections.narrative import render
from ipdocs.themes import ThemeError, load_theme
from ipdocs.writers.pdf import FontError, render_pdf
from tests.conftest import ROOT
from tests.fontfiles import fake_fontconfig, make_font

POPPLER = shutil.which("pdftotext") and shutil.which("pdffonts") and shutil.which("pdfinfo")
needs_poppler = pytest.mark.skipif(not POPPLER, reason="needs poppler-utils")
needs_qpdf = pytest.mark.skipif(not shutil.which("qpdf"), reason="needs qpdf")

KINDS = {
    "zh": ("zh", "interleaved", "briefing"),
    "en": ("en", "interleaved", "briefing"),
    "zh-en": ("zh-en", "interleaved", "briefing"),
    "parallel": ("zh-en", "parallel", "briefing"),
    "official": ("zh", "interleaved", "official"),
}


@pytest.fixture(scope="module")
def pdfs(sample: Report, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every kind of PDF of the sample report."""
    folder = tmp_path_factory.mktemp("pdf")
    out = {}
    for name, (lang, layout, theme) in KINDS.items():
        doc = full_brief().document(sample, lang, layout=layout, theme=theme)  # type: ignore[arg-type]
        path = folder / f"{name}.pdf"
        path.write_bytes(render_pdf(doc, load_theme(theme)))
        out[name] = path
    return out


def tool(*args: str) -> str:
    """Run a poppler or qpdf command and return what it prints."""
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def squeeze(text: str) -> str:
    """Text without whitespace."""
    return re.sub(r"\s+", "", text)


@needs_poppler
@pytest.mark.parametrize("name", ["zh", "en", "zh-en", "official"])
def test_text_extracts_unchanged(pdfs: dict[str, Path], sample: Report, name: str) -> None:
    text = squeeze(tool("pdftotext", str(pdfs[name]), "-"))
    langs = ["zh", "en"] if name == "zh-en" else [KINDS[name][0]]
    for lang in langs:
        for section in sample.walk():
            assert squeeze(section.title.get(lang)) in text
            for paragraph in section.paragraphs:
                assert squeeze(render(paragraph, sample, lang).replace("**", "")) in text


@needs_poppler
@pytest.mark.parametrize("name", sorted(KINDS))
def test_every_font_embedded(pdfs: dict[str, Path], name: str) -> None:
    fonts = tool("pdffonts", str(pdfs[name])).splitlines()[2:]
    assert fonts
    for line in fonts:
        assert re.search(r"\syes\s+yes\s+yes\s", line), line
        # the bundled faces, whole or as a subset named after its text (fonts.register_subset)
        assert re.search(r"\+(Noto(Serif|Sans)(CJKsc)?|Fandol(Fang|Kai))-(Regular|Bold)"
                         r"(-[0-9a-f]{12})?\s", line), line
    assert "Helvetica" not in "\n".join(fonts)


@needs_qpdf
@pytest.mark.parametrize("name", sorted(KINDS))
def test_qpdf_check_is_clean(pdfs: dict[str, Path], name: str) -> None:
    result = subprocess.run(["qpdf", "--check", str(pdfs[name])], capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No syntax or stream encoding errors" in result.stdout


def outline(path: Path) -> list[str]:
    """The titles of the PDF outline, depth first, as qpdf reads them."""
    data = json.loads(tool("qpdf", "--json", "--json-key=outlines", str(path)))

    def walk(items: list[dict[str, Any]]) -> list[str]:
        return [t for item in items for t in [item["title"], *walk(item["kids"])]]

    return walk(data["outlines"])


@needs_qpdf
def test_outline_mirrors_headings(pdfs: dict[str, Path]) -> None:
    assert outline(pdfs["zh"]) == ["一、知识产权创造质量大幅提升", "（一）专利创造",
                                   "二、知识产权保护力度不断加大", "资料来源"]
    assert outline(pdfs["en"])[:2] == ["1. Marked Gains in the Quality of IP Creation",
                                       "1.1 Patents"]


@needs_qpdf
def test_parallel_layout_has_an_outline_too(pdfs: dict[str, Path]) -> None:
    titles = outline(pdfs["parallel"])
    assert titles[:4] == ["一、知识产权创造质量大幅提升",
                          "1. Marked Gains in the Quality of IP Creation",
                          "（一）专利创造", "1.1 Patents"]


@needs_poppler
def test_contents_page_numbers_are_the_pages_of_the_headings(
        pdfs: dict[str, Path]) -> None:
    for kind in ("zh", "parallel", "official"):
        pages = tool("pdftotext", "-layout", str(pdfs[kind]), "-").split("\f")
        listed = re.findall(r"^\s*(（一）专利创造)[\s.]+(\d+)\s*$", pages[0], re.M)
        assert listed, kind
        title, number = listed[0]
        found = [i + 1 for i, page in enumerate(pages[1:], start=1) if title in page]
        assert found and found[0] == int(number), kind


@needs_poppler
def test_contents_has_page_numbers(pdfs: dict[str, Path]) -> None:
    first = tool("pdftotext", "-f", "1", "-l", "1", "-layout", str(pdfs["en"]), "-")
    assert re.search(r"1\. Marked Gains in the Quality of IP Creation[\s.]+2", first)


@needs_poppler
def test_metadata(pdfs: dict[str, Path]) -> None:
    info = tool("pdfinfo", str(pdfs["en"]))
    title = "DRAFT: Intellectual Property Development and Protection in Ningbo, 2024"
    assert f"Title:           {title}" in info  # the sample has text marked for review
    assert "Author:          Jin Yan, Zhao Yu" in info
    assert "Subject:         Ningbo 2024" in info
    assert b"/Lang (en-GB)" in pdfs["en"].read_bytes()


@needs_poppler
def test_official_page_numbers(pdfs: dict[str, Path]) -> None:
    pages = tool("pdftotext", "-layout", str(pdfs["official"]), "-").split("\f")
    assert "—1—" in squeeze(pages[0]) and "—2—" in squeeze(pages[1])
    odd_line = next(line for line in pages[0].splitlines() if "—1—" in squeeze(line))
    even_line = next(line for line in pages[1].splitlines() if "—2—" in squeeze(line))
    assert len(odd_line) - len(odd_line.lstrip()) > len(even_line) - len(even_line.lstrip())


@needs_poppler
def test_official_margins_mirror_on_every_page(pdfs: dict[str, Path]) -> None:
    """Odd pages start text at the inside margin (28 mm), even pages at the outside one
    (26 mm): the type area alternates page after page."""
    words = re.findall(r'<page |<word xMin="([\d.]+)"',
                       tool("pdftotext", "-bbox", str(pdfs["official"]), "-"))
    pages: list[list[float]] = []
    for x in words:
        if x:
            pages[-1].append(float(x))
        else:
            pages.append([])
    mm = 72 / 25.4
    assert len(pages) >= 3
    for number, xs in enumerate(pages, start=1):
        expected = (28 if number % 2 else 26) * mm
        assert min(xs) == pytest.approx(expected, abs=1.0), f"page {number}"


def test_deterministic(sample: Report) -> None:
    doc = summary_brief().document(sample, "zh-en")
    theme = load_theme("briefing")
    assert render_pdf(doc, theme) == render_pdf(doc, theme)


def uncompressed(data: bytes, tmp_path: Path) -> str:
    """A PDF with its streams uncompressed by qpdf, as Latin-1 text."""
    source, target = tmp_path / "in.pdf", tmp_path / "out.pdf"
    source.write_bytes(data)
    subprocess.run(["qpdf", "--stream-data=uncompress", str(source), str(target)], check=True)
    return target.read_bytes().decode("latin-1")


def one_paragraph(text: str, lang: str = "en") -> Document:
    """A document of one paragraph."""
    return Document(Metadata("t", "en-GB"), (Paragraph((Span(text),), lang),))  # type: ignore[arg-type]


@needs_poppler
def test_markup_prints_literally(tmp_path: Path) -> None:
    text = '<img src="/etc/hostname"/> <b>bold</b> <font color="red">x</font> & &amp; <br/>'
    path = tmp_path / "x.pdf"
    path.write_bytes(render_pdf(one_paragraph(text), load_theme("briefing")))
    extracted = tool("pdftotext", str(path), "-")
    assert squeeze(text) in squeeze(extracted)
    assert b"/Subtype /Image" not in path.read_bytes()


def test_line_ends_in_text_are_set_as_spaces_not_drawn() -> None:
    """A line feed or carriage return in a title or a paragraph (the spec allows them) is
    set as a space: no face has a glyph for it, and each printed a .notdef box."""
    import io

    import pikepdf

    doc = Document(Metadata("t", "zh-CN"), (  # type: ignore[arg-type]
        Contents("目录", "zh"), Heading(1, "版权\n创造", "zh"),
        Heading(2, "Copy\rright", "en"),
        Paragraph((Span("发明专利\n授权量 rose\r\nby 11.4%"),), "zh")))
    pdf = pikepdf.open(io.BytesIO(render_pdf(doc, load_theme("briefing"))))
    shown = "".join(_shown(page) for page in pdf.pages)
    assert "版权 创造" in shown and "Copy right" in shown and "rose by" in shown
    assert "\n" not in shown and "\r" not in shown


def _shown(content: Any) -> str:
    """The text a page or form shows (Tj, TJ; its forms' too), each code read through
    its font's ToUnicode map."""
    import pikepdf

    resources = content.get("/Resources")
    fonts = resources.get("/Font", {}) if resources else {}
    maps = {str(name): {int(code, 16): chr(int(char, 16)) for code, char in re.findall(
        rb"<([0-9A-F]{2})> <([0-9A-F]{4})>", font.ToUnicode.read_bytes())}
        for name, font in fonts.items() if "/ToUnicode" in font}
    out, font_map = [], {}
    for operands, operator in pikepdf.parse_content_stream(content):
        if str(operator) == "Tf":
            font_map = maps.get(str(operands[0]), {})
        strings = [operands[-1]] if str(operator) == "Tj" else [
            item for item in operands[0] if isinstance(item, pikepdf.String)
        ] if str(operator) == "TJ" else []
        out += [font_map.get(code, "?") for item in strings for code in bytes(item)]
    for form in (resources.get("/XObject", {}) if resources else {}).values():
        if form.get("/Subtype") == "/Form":
            out.append(_shown(form))
    return "".join(out)


@needs_poppler
def test_contents_without_headings_still_draws_text(tmp_path: Path) -> None:
    """The first pass of a document with contents is dry; when it is also the last one (no
    headings, so nothing to list), the text must still be drawn."""
    doc = Document(Metadata("t", "en-GB"),  # type: ignore[arg-type]
                   (Contents("Contents", "en"), Paragraph((Span("Only a paragraph."),), "en")))
    path = tmp_path / "x.pdf"
    path.write_bytes(render_pdf(doc, load_theme("briefing")))
    assert "Only a paragraph." in tool("pdftotext", str(path), "-")


def test_uncovered_character_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_fontconfig(monkeypatch)  # a machine with no face that has it
    with pytest.raises(FontError, match=r"^no font has U\+1F600 '😀' in “Growth 😀 ahead”: not "
                                        r"font 'serif' \(Noto Serif CJK SC\), the theme's "
                                        r"fallbacks or this machine's$"):
        render_pdf(one_paragraph("Growth 😀 ahead"), load_theme("briefing"))


def test_an_uncovered_character_is_named_at_every_render(monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    """The runs a text is cut into are remembered from one render to the next, except
    a text with a character no font has: its problem is found again each time."""
    fake_fontconfig(monkeypatch)
    for _ in range(2):
        with pytest.raises(FontError, match=r"^no font has U\+1F600 '😀'"):
            render_pdf(one_paragraph("Growth 😀 again"), load_theme("briefing"))


def test_remembered_cuts_follow_the_theme() -> None:
    """Renders that alternate themes give the bytes each gives with nothing remembered:
    what a text was cut into is remembered by the faces, colours and style it was cut
    for."""
    from ipdocs.writers.pdf import setting

    doc = one_paragraph("增长 Growth 12.5% 件")
    themes = [load_theme("briefing"), load_theme("official")]
    fresh = []
    for theme in themes:
        setting._LOOKS.clear()
        fresh.append(render_pdf(doc, theme))
    for theme, expected in [*zip(themes, fresh, strict=True)] * 2:
        assert render_pdf(doc, theme) == expected


def test_a_machine_face_sets_what_no_bundled_face_has(monkeypatch: pytest.MonkeyPatch,
                                                        tmp_path: Path) -> None:
    """𠮷 (Extension B) is in no bundled face: the face the machine has for it is
    subset, its CFF outlines made TrueType, and embedded."""
    font = make_font(tmp_path / "MachineFace.otf", "𠮷", "MachineFace", cff=True)
    fake_fontconfig(monkeypatch, (font, "𠮷"))
    data = render_pdf(one_paragraph("名字𠮷在此"), load_theme("official"))
    assert b"MachineFace" in data
    path = tmp_path / "x.pdf"
    path.write_bytes(data)
    if POPPLER:
        assert "名字𠮷在此" in squeeze(tool("pdftotext", str(path), "-"))


@needs_poppler
def test_official_theme_sets_fangsong_body_and_kaiti_headings(pdfs: dict[str, Path]) -> None:
    fonts = tool("pdffonts", str(pdfs["official"]))
    assert "FandolFang-Regular" in fonts and "FandolKai-Regular" in fonts
    assert "Fandol" not in tool("pdffonts", str(pdfs["zh"]))


def test_characters_fandol_lacks_are_set_in_noto(tmp_path: Path) -> None:
    """喆 and 赟 are in the 通用规范汉字表 but not in GB 2312 (nor in Fandol): the body
    sets them in Noto Serif CJK SC, whose design is closest."""
    data = render_pdf(one_paragraph("张喆与王赟", "zh"), load_theme("official"))
    assert b"FandolFang" in data and b"NotoSerifCJKsc-Regular" in data
    path = tmp_path / "x.pdf"
    path.write_bytes(data)
    if POPPLER:
        assert "张喆与王赟" in squeeze(tool("pdftotext", str(path), "-"))


@needs_qpdf
def test_bold_fangsong_is_emboldened(tmp_path: Path) -> None:
    """Fandol has no bold: bold text in it is stroked as well as filled (render mode 2)."""
    doc = Document(Metadata("t", "zh-CN"), (Paragraph((Span("加粗仿宋", emphasis=True),), "zh"),))
    stream = uncompressed(render_pdf(doc, load_theme("official")), tmp_path)
    assert "2 Tr" in stream and "0 Tr" in stream
    plain = render_pdf(one_paragraph("不加粗", "zh"), load_theme("official"))
    assert "2 Tr" not in uncompressed(plain, tmp_path)


def test_fallback_font_covers(tmp_path: Path) -> None:
    data = render_pdf(one_paragraph("Hebrew א here"), load_theme(_dejavu_theme(tmp_path)))
    assert b"DejaVuSans" in data


def test_cff_font_refused(tmp_path: Path) -> None:
    otc = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
    if not otc.is_file():
        pytest.skip("needs fonts-noto-cjk for a CFF font")
    theme_text = Path("src/ipdocs/themes/briefing.yaml").read_text("utf-8")
    theme_path = tmp_path / "cff.yaml"
    theme_path.write_text(theme_text + f"fallbacks: ['{otc}#2']\n", encoding="utf-8")
    with pytest.raises(FontError, match="PostScript \\(CFF\\) outlines"):
        render_pdf(one_paragraph("x"), load_theme(theme_path))


def test_user_font_files(tmp_path: Path) -> None:
    from ipdocs.typefaces.bundled import face_path

    theme_text = Path("src/ipdocs/themes/briefing.yaml").read_text("utf-8")
    regular = face_path("NotoSansCJKsc-Regular.ttf")
    mine = theme_text.replace(
        "serif: {east_asian: Noto Serif CJK SC,",
        f"serif: {{regular_file: '{regular}', bold_file: '{regular}', "
        "east_asian: Noto Serif CJK SC,")
    theme_path = tmp_path / "mine.yaml"
    theme_path.write_text(mine, encoding="utf-8")
    data = render_pdf(one_paragraph("宁波"), load_theme(theme_path))
    assert b"NotoSansCJKsc-Regular" in data
    assert b"NotoSerifCJKsc" not in data


def test_missing_user_font_file(tmp_path: Path) -> None:
    theme_text = Path("src/ipdocs/themes/briefing.yaml").read_text("utf-8")
    theme_path = tmp_path / "gone.yaml"
    theme_path.write_text(theme_text + "fallbacks: [nowhere/font.ttf]\n", encoding="utf-8")
    with pytest.raises(ThemeError, match=r"fallbacks\[0\]: font file .*nowhere/font\.ttf"):
        load_theme(theme_path)  # refused with its line when the theme is read
    made = replace(load_theme("briefing"), fallbacks=("nowhere/font.ttf",))
    with pytest.raises(FontError, match=r"font file not found: .*nowhere/font\.ttf"):
        render_pdf(one_paragraph("x"), made)  # and by the writer, for a theme made in Python


def test_a_split_heading_keeps_its_contents_entry_on_its_first_part(sample: Report) -> None:
    from ipdocs.writers.pdf.blocks import Writer, flowables
    from ipdocs.writers.pdf.fonts import Fonts
    from ipdocs.writers.pdf.toc import Entry

    theme = load_theme("briefing")
    writer = Writer(theme, Fonts(theme), 60)
    text = "知识产权" * 40
    [block] = flowables([Paragraph((Span(text),), "zh")], writer)  # type: ignore[arg-type]
    block.toc_entries = [Entry("h1", 1, text, "zh")]
    block.wrap(60, 1000)
    head, tail = block.split(60, block.shape.leading * 3)
    assert head.toc_entries == [Entry("h1", 1, text, "zh")]
    assert getattr(tail, "toc_entries", None) is None


def test_bundled_faces_are_registered_as_subsets_of_the_document_text() -> None:
    from ipdocs.writers.pdf.fonts import Fonts

    theme = load_theme("briefing")
    whole = Fonts(theme).face("serif")
    small = Fonts(theme, "专利授权abc").face("serif")
    assert {ord(c) for c in "专利授权abc"} <= small.covers
    assert len(small.covers) < 20 < len(whole.covers) // 100
    assert small.name != whole.name


@needs_poppler
def test_documents_of_different_text_in_one_process(tmp_path: Path) -> None:
    """Each document's faces are subsets of its own text; a later document must not be
    set in an earlier one's subset (reportlab shares fonts by face name)."""
    for index, text in enumerate(("专利授权量同比增长", "商标注册量稳步提升", "著作权登记")):
        doc = Document(Metadata("t", "zh-CN"), (Paragraph((Span(text),), "zh"),))  # type: ignore[arg-type]
        path = tmp_path / f"{index}.pdf"
        path.write_bytes(render_pdf(doc, load_theme("briefing")))
        assert text in squeeze(tool("pdftotext", str(path), "-"))


def test_short_cells_widen_their_column() -> None:
    """A unit such as 万件 is never split over two lines in a narrow (parallel) table; the
    long first column gives way."""
    from ipdocs.doc import Cell, Column, Table
    from ipdocs.writers.columns import proportional
    from ipdocs.writers.pdf.blocks import Piece, Writer, _fit, text_block
    from ipdocs.writers.pdf.fonts import Fonts

    theme = load_theme("briefing")
    columns = (Column("left", 4.2), Column("right", 1.8), Column("center", 1.0),
               Column("right", 1.8))
    texts = ("马德里国际注册商标拥有量", "517000", "万件", "+11.4%")
    node = Table(columns, (), ((*(Cell(t) for t in texts),),), "zh")
    w = Writer(theme, Fonts(theme), 180)
    plain = proportional([c.width for c in columns], 180)
    fitted = _fit(node, w)[1].widths
    unit = text_block([Piece("万件")], "table-cell", "zh", w).natural_width() + 8
    assert plain[2] < unit <= fitted[2] + 1e-6
    assert fitted[0] < plain[0] and sum(fitted) == pytest.approx(180)
    roomy = Writer(theme, Fonts(theme), 460)
    assert _fit(node, roomy)[1].widths == proportional([c.width for c in columns], 460)


def test_key_figure_value_shrinks_to_stay_on_one_line() -> None:
    from ipdocs.writers.pdf.blocks import Writer, _key_value
    from ipdocs.writers.pdf.fonts import Fonts

    theme = load_theme("briefing")
    w = Writer(theme, Fonts(theme), 400)
    short = _key_value("71,425", "en", w, 120)
    assert short.looks[0].size == theme.style("key-value").size
    long = _key_value("RMB 61.093 billion", "en", w, 120)
    assert long.looks[0].size < theme.style("key-value").size
    assert long.natural_width() <= 120
    tiny = _key_value("RMB 61.093 billion", "en", w, 40)  # never below three quarters
    assert tiny.looks[0].size == pytest.approx(theme.style("key-value").size * 0.75)


@needs_poppler
def test_a_long_side_by_side_pair_flows_over_pages(tmp_path: Path) -> None:
    """A pair taller than a page splits column by column (reportlab's own in-row table
    splitting could loop for ever on such pairs)."""
    from ipdocs.doc import Bilingual, Column, Heading
    from ipdocs.doc import Table as TableNode
    from ipdocs.doc.nodes import Cell

    zh = "知识产权保护工作取得新进展。" * 300
    rows = tuple((Cell(f"Row {n}"), Cell(str(n))) for n in range(80))
    table = TableNode((Column("left"), Column("right")), ((Cell("Item"), Cell("Value")),),
                      rows, "en", "A long table")
    blocks = (Bilingual((Heading(1, "标题", "zh"),), (Heading(1, "Title", "en"),)),
              Bilingual((Paragraph((Span(zh),), "zh"),), (table,)))
    doc = Document(Metadata("t", "zh-CN"), blocks)  # type: ignore[arg-type]
    path = tmp_path / "long.pdf"
    path.write_bytes(render_pdf(doc, load_theme("official")))
    pages = tool("pdftotext", str(path), "-").split("\f")
    text = squeeze("".join(pages))
    assert len([p for p in pages if p.strip()]) >= 4
    assert text.count("展") == 300  # the columns interleave in extraction: count a character
    assert all(f"Row{n}" in text for n in range(80))


@pytest.mark.parametrize("text", ["PCT申请量", "1,280万件", "TISC数量", "万件"])
def test_natural_width_is_what_one_line_needs(text: str) -> None:
    from ipdocs.writers.pdf.blocks import Piece, Writer, text_block
    from ipdocs.writers.pdf.fonts import Fonts

    theme = load_theme("official")
    w = Writer(theme, Fonts(theme), 400)
    block = text_block([Piece(text)], "table-cell", "zh", w)
    width = block.natural_width()
    assert len(block._layout(width)) == 1
    assert len(block._layout(width * 0.9)) == 2


@needs_poppler
def test_a_long_running_process_keeps_few_subsets_and_the_same_output(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """reportlab keeps every font it is given: only the subsets of the last few texts stay
    registered, and a document comes out the same whatever the process made before."""
    from collections import OrderedDict

    from reportlab.pdfbase import pdfmetrics

    from ipdocs.writers.pdf import fonts

    def render(text: str) -> bytes:
        doc = Document(Metadata("t", "zh-CN"), (Paragraph((Span(text),), "zh"),))  # type: ignore[arg-type]
        return render_pdf(doc, load_theme("briefing"))

    monkeypatch.setattr(fonts, "MAX_SUBSET_TEXTS", 2)
    monkeypatch.setattr(fonts, "_subsets", OrderedDict())
    first = render("知识产权保护")
    counts = []
    for text in ("海关查扣侵权货物", "版权登记总量", "植物新品种授权", "商标注册"):
        path = tmp_path / "x.pdf"
        path.write_bytes(render(text))
        assert text in squeeze(tool("pdftotext", str(path), "-"))
        counts.append(len(pdfmetrics.getRegisteredFontNames()))
    assert len(fonts._subsets) == 2
    assert counts[1] == counts[2] == counts[3]  # two texts' subsets at most, ever
    assert render("知识产权保护") == first


@needs_poppler
def test_a_heading_starts_its_long_text_on_the_same_page(tmp_path: Path) -> None:
    """A heading is kept with the text after it; when that text is longer than the room
    left, it starts under the heading rather than both moving to the next page."""
    from ipdocs.doc import Heading

    blocks = (Paragraph((Span("前文。" * 200),), "zh"), Heading(1, "标题甲", "zh"),
              Paragraph((Span("正文内容。" * 900),), "zh"))
    doc = Document(Metadata("t", "zh-CN"), blocks)  # type: ignore[arg-type]
    path = tmp_path / "k.pdf"
    path.write_bytes(render_pdf(doc, load_theme("briefing")))
    pages = tool("pdftotext", str(path), "-").split("\f")
    assert "标题甲" in squeeze(pages[0]) and "正文内容" in squeeze(pages[0])


@needs_poppler
def test_official_pdf_sets_22_lines_of_28_characters(tmp_path: Path) -> None:
    """GB/T 9704: a full line of body text holds 28 Han characters, a page 22 lines."""
    text = "知识产权发展与保护状况" * 80
    path = tmp_path / "grid.pdf"
    path.write_bytes(render_pdf(one_paragraph(text, "zh"), load_theme("official")))
    first = tool("pdftotext", "-layout", "-f", "1", "-l", "1", str(path), "-")
    lines = [line.strip() for line in first.splitlines() if len(line.strip()) > 20]
    assert [len(line) for line in lines[:3]] == [26, 28, 28]  # two characters of indent
    assert len(lines) == 22
    boxes = tool("pdftotext", "-bbox", "-f", "1", "-l", "1", str(path), "-")
    tops = sorted({round(float(y), 2) for y in re.findall(r'yMin="([\d.]+)"', boxes)})[:22]
    pitch = {round(b - a, 2) for a, b in itertools.pairwise(tops)}
    assert pitch == {28.95}


@needs_poppler
def test_official_page_numbers_stand_as_gbt_9704_asks(pdfs: dict[str, Path]) -> None:
    """"— n —" one character (14 pt) in from the type area's outside edge, its dashes' top
    7 mm below the type area."""
    mm = 72 / 25.4
    for page, edge in ((1, "xMax"), (2, "xMin")):
        boxes = tool("pdftotext", "-bbox", "-f", str(page), "-l", str(page),
                     str(pdfs["official"]), "-")
        dashes = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                            r'yMax="([\d.]+)">—</word>', boxes)
        x = float(dashes[-1][2]) if edge == "xMax" else float(dashes[0][0])
        expected = (210 - 26) * mm - 14 if edge == "xMax" else 26 * mm + 14
        assert x == pytest.approx(expected, abs=0.5)
        baseline = float(dashes[0][1]) + 14 * 0.88  # poppler's box: the face's ascent
        top_of_dash = baseline - 14 * 0.4  # writers.spacing.DASH_TOP
        assert top_of_dash - (297 - 35) * mm == pytest.approx(7 * mm, abs=0.3 * mm)


@needs_poppler
def test_a_masthead_tops_the_first_page(tmp_path: Path) -> None:
    text = Path("src/ipdocs/themes/official.yaml").read_text("utf-8")
    path = tmp_path / "red.yaml"
    path.write_text(text + "masthead: {text: 宁波市知识产权局, font: xbs}\n", "utf-8")
    out = tmp_path / "x.pdf"
    out.write_bytes(render_pdf(one_paragraph("正文", "zh"), load_theme(path)))
    assert tool("pdftotext", str(out), "-").splitlines()[0] == "宁波市知识产权局"


@needs_poppler
def test_number_cells_line_up_on_their_decimal_points(tmp_path: Path) -> None:
    from ipdocs.doc import Cell, Column, Table

    table = Table((Column(), Column("right")), ((Cell("指标"), Cell("数值")),),
                  ((Cell("甲"), Cell("71425")), (Cell("乙"), Cell("22.93"))), "zh")
    path = tmp_path / "t.pdf"
    path.write_bytes(render_pdf(Document(Metadata("t", "zh-CN"), (table,)),
                                load_theme("briefing")))
    boxes = tool("pdftotext", "-bbox", str(path), "-")
    right = {w: float(x) for x, w in re.findall(r'xMax="([\d.]+)" yMax="[\d.]+">([\d.]+)<',
                                                 boxes)}
    assert 8 < right["22.93"] - right["71425"] < 14  # ".93" in 9 pt


def a_table(rows: int, caption: str = "表") -> Any:
    """A two-column table of ``rows`` body rows."""
    from ipdocs.doc import Cell, Column
    from ipdocs.doc import Table as TableNode

    return TableNode((Column("left", 3), Column("right", 1)), ((Cell("指标"), Cell("数值")),),
                     tuple((Cell(f"第{i}行"), Cell(str(i))) for i in range(1, rows + 1)),
                     "zh", caption)


@pytest.mark.parametrize("rows", [3, 4, 5, 6, 9])
def test_a_split_table_keeps_three_rows_with_its_header_and_two_at_its_end(
        rows: int) -> None:
    """Wherever a page ends, a table splits with at least three body rows under its header
    and two on the next page (under the repeated header), or not at all."""
    from reportlab.platypus import Table

    from ipdocs.writers.pdf.blocks import Writer, table
    from ipdocs.writers.pdf.fonts import Fonts

    theme = load_theme("briefing")
    w = Writer(theme, Fonts(theme), 300)
    grid = table(a_table(rows), w)[0]
    assert isinstance(grid, Table)
    _, height = grid.wrap(300, 1e6)
    heads = 2  # the caption row and the header row, repeated
    splits = []
    for room in range(10, int(height) + 1, 2):
        parts = grid.split(300, room)
        if len(parts) > 1:
            splits.append(tuple(len(p._cellvalues) - heads for p in parts))
    assert all(head >= 3 and tail >= 2 for head, tail in splits), splits
    assert splits or rows < 5
    if rows >= 5:
        assert (3, rows - 3) in splits and (rows - 2, 2) in splits


def margin_text(pdf: Path, page: int, top: bool, theme: str = "briefing") -> str:
    """The text of a page's top margin (running header) or bottom margin (page number)."""
    geometry = load_theme(theme).page
    mm = 72 / 25.4
    band = (0, geometry.top * mm) if top else ((geometry.height - geometry.bottom) * mm,
                                                geometry.bottom * mm)
    return tool("pdftotext", "-f", str(page), "-l", str(page), "-x", "0", "-y",
                str(int(band[0])), "-W", str(int(geometry.width * mm)), "-H",
                str(int(band[1])), str(pdf), "-").strip()


@needs_poppler
@pytest.mark.parametrize("name", ["zh", "en", "zh-en", "parallel"])
def test_a_title_page_has_no_running_header_or_number(pdfs: dict[str, Path],
                                                      name: str) -> None:
    assert margin_text(pdfs[name], 1, top=True) == ""
    assert margin_text(pdfs[name], 1, top=False) == ""
    assert margin_text(pdfs[name], 2, top=True) != ""
    assert margin_text(pdfs[name], 2, top=False) == "2"


@needs_poppler
def test_an_official_title_page_is_numbered(pdfs: dict[str, Path]) -> None:
    assert squeeze(margin_text(pdfs["official"], 1, top=False, theme="official")) == "—1—"


@needs_poppler
def test_a_document_without_a_cover_has_its_header_from_the_first_page(
        tmp_path: Path) -> None:
    doc = replace(one_paragraph("text"), headers=("Running head 2024",))
    path = tmp_path / "plain.pdf"
    path.write_bytes(render_pdf(doc, load_theme("briefing")))
    assert margin_text(path, 1, top=True) == "Running head 2024"
    assert margin_text(path, 1, top=False) == "1"


@needs_poppler
def test_the_running_header_is_set_as_text_is(pdfs: dict[str, Path]) -> None:
    """Han and digits a quarter em apart, as in the title (pdftotext reads the gap as a
    space)."""
    assert "宁波市 2024 年知识产权" in margin_text(pdfs["zh"], 2, top=True)


def words(pdf: Path, page: int) -> list[tuple[float, str]]:
    """The words of a page with their left edges, in points."""
    boxes = tool("pdftotext", "-f", str(page), "-l", str(page), "-bbox", str(pdf), "-")
    return [(float(x), html.unescape(w))
            for x, w in re.findall(r'<word xMin="([\d.]+)"[^>]*>([^<]*)</word>', boxes)]


@needs_poppler
@pytest.mark.parametrize("name", ["zh", "en", "official"])
def test_contents_lead_with_dots_on_one_grid_and_indent_their_second_level(
        pdfs: dict[str, Path], name: str) -> None:
    theme = load_theme(KINDS[name][2])
    size = theme.style("toc-entry").size
    left = theme.page.inside * 72 / 25.4
    found = words(pdfs[name], 1)
    leaders = [x for x, w in found if re.fullmatch(r"\.+", w)]
    assert len(leaders) >= 100
    for x in leaders:  # every dot on the grid of half ems from the type area's edge
        steps = (x - left) / (size * 0.5)
        assert abs(steps - round(steps)) < 0.1, (x, steps)
    first = {"zh": "一、", "en": "1.", "official": "一、"}[name]
    second = {"zh": "（一）", "en": "1.1", "official": "（一）"}[name]
    top = min(x for x, w in found if w.startswith(first))
    sub = min(x for x, w in found if w.startswith(second))
    assert sub - top > 1.5 * size


def _dejavu_theme(tmp_path: Path) -> Path:
    """The briefing theme with DejaVu Sans as a fallback (skipped where it is absent)."""
    dejavu = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if not dejavu.is_file():
        pytest.skip("needs fonts-dejavu-core for a fallback face")
    theme_text = Path("src/ipdocs/themes/briefing.yaml").read_text("utf-8")
    theme_path = tmp_path / "fallback.yaml"
    theme_path.write_text(theme_text + f"fallbacks: [{dejavu}]\n", encoding="utf-8")
    return theme_path


def test_a_chart_label_no_one_face_has_is_refused_not_printed_as_boxes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A chart sets each label in one face: a label half in the role's face (Han) and half
    in a fallback (Hebrew) was drawn in the role's face, its Hebrew as empty boxes, and
    the build passed; it is now refused, naming the characters and the face."""
    from ipdocs.doc import Chart, Series

    fake_fontconfig(monkeypatch)
    chart = Chart("bar", "Chart", ("专利 א", "商标"), (Series("", (1.0, 2.0), ("1", "2")),),
                  "en")
    doc = Document(Metadata("t", "en-GB"), (chart,))  # type: ignore[arg-type]
    theme = load_theme(_dejavu_theme(tmp_path))
    with pytest.raises(FontError, match=r"^no font has U\+05D0 'א' in “专利 א”: as a chart's "
                                        r"label, set whole in one face: not in font 'sans'"):
        render_pdf(doc, theme)
    render_pdf(one_paragraph("Hebrew א here 专利"), theme)  # text mixes faces within a line


def test_characters_no_font_has_are_told_once_a_font(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_fontconfig(monkeypatch)
    paragraphs = tuple(Paragraph((Span(f"Growth {n} 😀🙂 ahead"),), "en") for n in range(50))
    with pytest.raises(FontError) as caught:
        render_pdf(Document(Metadata("t", "en-GB"), paragraphs),  # type: ignore[arg-type]
                   load_theme("briefing"))
    assert str(caught.value) == (
        "no font has U+1F600 '😀', U+1F642 '🙂' in “Growth 0 😀🙂 ahead” and 49 other texts: "
        "not font 'serif' (Noto Serif CJK SC), the theme's fallbacks or this machine's")


def test_text_after_a_table_goes_back_to_the_line_grid() -> None:
    """On a theme with a line grid, a GridGap before the first grid text after a table
    brings it down to the next grid line."""
    from types import SimpleNamespace

    from reportlab.platypus import Table

    from ipdocs.writers.pdf.blocks import GridGap, Piece, Writer, _back_to_grid, text_block
    from ipdocs.writers.pdf.fonts import Fonts

    theme = load_theme("official")
    w = Writer(theme, Fonts(theme), 400)
    body = text_block([Piece("正文")], "body", "zh", w)
    pitch = body.shape.leading
    placed = _back_to_grid([body, Table([["x"]]), body, body], pitch)
    assert [type(f).__name__ for f in placed] == ["TextBlock", "Table", "GridGap", "TextBlock",
                                                 "TextBlock"]
    gap = placed[2]
    gap._frame = SimpleNamespace(_y2=700.0, _topPadding=0.0, _y=700.0 - 3 * pitch - 10)
    assert gap.wrap(400, 500)[1] == pytest.approx(pitch - 10)
    gap._frame = SimpleNamespace(_y2=700.0, _topPadding=0.0, _y=700.0 - 2 * pitch)
    assert gap.wrap(400, 500)[1] == 0.0
    assert isinstance(gap, GridGap)


def test_text_after_latin_text_on_half_the_pitch_goes_back_to_the_line_grid() -> None:
    """A grid theme's fitted English (``Theme.scaled``: two lines to a grid line) is off
    the grid after an odd number of lines: the Chinese after it goes back to the grid,
    as after a table; text at a pitch of its own that is not a fraction of the grid's
    (a title, a note) leaves the grid as it did."""
    from ipdocs.writers.pdf.blocks import Piece, Writer, _back_to_grid, text_block
    from ipdocs.writers.pdf.fonts import Fonts

    theme = load_theme("official").scaled(0.84)
    w = Writer(theme, Fonts(theme), 400)
    body = text_block([Piece("正文")], "body", "zh", w)
    english = text_block([Piece("Text")], "body", "en", w)
    note = text_block([Piece("注")], "note", "zh", w)
    pitch = body.shape.leading
    assert english.shape.leading == pytest.approx(pitch / 2)
    assert english.shape.grid is False and body.shape.grid is True
    placed = _back_to_grid([body, english, body, note, body], pitch)
    assert [type(f).__name__ for f in placed] == ["TextBlock", "TextBlock", "GridGap",
                                                 "TextBlock", "TextBlock", "TextBlock"]


def test_a_pdf_within_its_pages_is_the_pdf_and_a_longer_one_stops(sample: Report) -> None:
    """``render_pdf_within`` gives the very bytes of ``render_pdf`` when the document
    fills at most the pages asked, and None (no file) when it fills more."""
    from ipdocs.app.building import pdf_pages
    from ipdocs.writers.pdf import render_pdf_within

    theme = load_theme("briefing")
    doc = full_brief().document(sample, "zh", theme="briefing")
    whole = render_pdf(doc, theme)
    pages = pdf_pages(whole)
    assert pages is not None and pages >= 2
    assert render_pdf_within(doc, theme, pages) == whole
    assert render_pdf_within(doc, theme, pages + 5) == whole
    assert render_pdf_within(doc, theme, pages - 1) is None


@needs_poppler
@pytest.mark.parametrize("spec", ["ningbo-2024", "guangzhou-2023"])
@pytest.mark.parametrize("layout", ["interleaved", "parallel"])
def test_the_sources_close_the_document_with_the_glossary_s_last_rows(
        spec: str, layout: str, tmp_path: Path) -> None:
    """The glossary ended at the foot of a page and the sources made a last page of their
    own: a heading and two lines (Ningbo zh-en p26, parallel p28). Its last rows go over
    with them (``ipdocs.writers.tablerows.closing``)."""
    from ipdocs import load_report
    from ipdocs import render as render_briefing

    path = tmp_path / "out.pdf"
    path.write_bytes(render_briefing(load_report(ROOT / "specs" / f"{spec}.yaml"), "pdf",
                                     lang="zh-en", layout=layout))  # type: ignore[arg-type]
    last = tool("pdftotext", "-layout", str(path), "-").split("\f")[-2]
    assert "Sources" in last
    before = last[:last.index("资料来源")]
    assert re.search(r"中文\s+English", before), before  # the glossary's repeated header


@needs_poppler
def test_a_wrapped_title_is_balanced_as_in_the_docx(tmp_path: Path) -> None:
    """The English official summary's title ended Ningbo, / 2024: a title that wraps is
    set in the measure ``typeset.title_measure`` gives both writers, its lines about
    even (Intellectual Property Development / and Protection in Ningbo, 2024)."""
    from ipdocs.doc import Cover

    title = "Intellectual Property Development and Protection in Ningbo, 2024"
    doc = Document(Metadata("t", "en"), (Cover(title, "en"),))
    path = tmp_path / "title.pdf"
    path.write_bytes(render_pdf(doc, load_theme("official")))
    lines = [line.strip() for line in tool("pdftotext", str(path), "-").splitlines()
             if line.strip()]
    assert lines[:2] == ["Intellectual Property Development", "and Protection in Ningbo, 2024"]


@needs_poppler
def test_an_english_subtitle_of_a_chinese_cover_is_set_as_the_docx_sets_it(
        tmp_path: Path) -> None:
    """The official zh-en edition's English subtitle was set in FandolKai's own Latin
    letters, the DOCX's in the Latin companion (Noto Serif): now both in Noto Serif, and
    balanced as a title is (… Protection in / Ningbo, 2024 was its last line)."""
    from ipdocs.doc import Cover, Mixed

    subtitle = Mixed([Span("Intellectual Property Development and Protection in Ningbo, "
                           "2024", lang="en")])
    doc = Document(Metadata("t", "zh-CN"), (Cover("宁波市知识产权发展与保护状况", "zh", subtitle),))
    path = tmp_path / "cover.pdf"
    path.write_bytes(render_pdf(doc, load_theme("official")))
    fonts = tool("pdffonts", str(path))
    assert "NotoSerif-Regular" in fonts and "FandolKai" not in fonts
    lines = [line.strip() for line in tool("pdftotext", str(path), "-").splitlines()
             if line.strip()]
    assert lines[1:3] == ["Intellectual Property Development", "and Protection in Ningbo, 2024"]
