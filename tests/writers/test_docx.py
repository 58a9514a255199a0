"""The DOCX writer: reopen what it wrote and inspect the XML."""

import io
import re
import zipfile
from collections.abc import Callable

import pytest
from docx import Document as open_docx

from ipdocs.model import Report
from ipdocs.sections import full_brief, summary_brief
from ipdocs.themes import load_theme
from ipdocs.writers.docx import render_docx

Render = Callable[..., bytes]


@pytest.fixture(scope="module")
def render() -> Render:
    """Render a brief of a report to DOCX bytes, cached per arguments."""
    cache: dict[tuple[str, ...], bytes] = {}

    def run(report: Report, lang: str = "zh", theme: str = "briefing",
            layout: str = "interleaved", brief: str = "full") -> bytes:
        key = (lang, theme, layout, brief)
        if key not in cache:
            recipe = full_brief() if brief == "full" else summary_brief()
            doc = recipe.document(report, lang, layout=layout, theme=theme)  # type: ignore[arg-type]
            cache[key] = render_docx(doc, load_theme(theme))
        return cache[key]

    return run


def part(data: bytes, name: str) -> str:
    """One part of the package as text."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read(name).decode("utf-8")


def names(data: bytes) -> list[str]:
    """Every part name in the package."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.namelist()


def test_no_template_leaks(sample: Report, render: Render) -> None:
    data = render(sample)
    everything = "".join(part(data, n) for n in names(data) if n.endswith(".xml"))
    assert "ja-JP" not in everything
    assert 'script="Jpan"' not in everything
    assert "eastAsiaTheme" not in part(data, "word/styles.xml")
    assert "python-docx" not in everything
    assert not any("thumbnail" in n or "customXml" in n for n in names(data))
    assert 'w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"' in part(data, "word/settings.xml")


def test_east_asian_fonts_in_styles_and_runs(sample: Report, render: Render) -> None:
    styles = part(render(sample), "word/styles.xml")
    assert re.search(r'<w:rFonts[^>]*w:eastAsia="Noto Serif CJK SC"', styles)
    assert re.search(r'<w:rFonts[^>]*w:eastAsia="Noto Sans CJK SC"', styles)
    body = part(render(sample), "word/document.xml")
    runs = re.findall(r"<w:r>.*?</w:r>", body)
    texts = [r for r in runs if "<w:t" in r and "instrText" not in r]
    assert texts and all('w:eastAsia="Noto' in r for r in texts)


def test_english_runs_keep_latin_punctuation(sample: Report, render: Render) -> None:
    body = part(render(sample, "zh-en"), "word/document.xml")
    runs = re.findall(r"<w:r>.*?</w:r>", body)
    english = [r for r in runs if 'w:val="en-US"' in r]
    chinese = [r for r in runs if 'w:val="zh-CN"' in r]
    assert english and not any('w:hint="eastAsia"' in r for r in english)
    assert chinese and all('w:hint="eastAsia"' in r for r in chinese)
    assert all('w:ascii="Noto' in r for r in english)


def test_numbers_in_chinese_text_have_runs_of_their_own(sample: Report,
                                                        render: Render) -> None:
    """683 in 申请量683件 is set as a Latin run (Western digits, and LibreOffice would
    otherwise break the line between 6 and 83); Chinese runs hold no digits."""
    body = part(render(sample, "zh"), "word/document.xml")
    runs = re.findall(r"<w:r>.*?</w:r>", body)
    numbers = [r for r in runs if re.search(r"<w:t>[+\-\u2212]?\d[\d.,]*%?</w:t>", r)]
    assert numbers and all('w:val="en-US"' in r and 'w:hint' not in r for r in numbers)
    chinese = [r for r in runs if 'w:val="zh-CN"' in r]
    assert chinese and not any(re.search(r"<w:t[^>]*>[^<]*\d", r) for r in chinese)


def test_official_theme_names_gbt_fonts_with_alternates(sample: Report, render: Render) -> None:
    data = render(sample, theme="official")
    styles = part(data, "word/styles.xml")
    assert 'w:eastAsia="仿宋_GB2312"' in styles
    assert 'w:eastAsia="黑体"' in styles
    assert 'w:eastAsia="楷体_GB2312"' in styles
    fonts = part(data, "word/fontTable.xml")
    assert re.search(r'w:name="仿宋_GB2312"><w:altName w:val="仿宋"', fonts)


def test_languages_on_runs(sample: Report, render: Render) -> None:
    body = part(render(sample, "zh-en"), "word/document.xml")
    assert 'w:lang w:val="zh-CN" w:eastAsia="zh-CN"' in body
    assert 'w:lang w:val="en-US" w:eastAsia="zh-CN"' in body
    zh_run = re.search(r'<w:r>(?:(?!</w:r>).)*w:val="zh-CN"(?:(?!</w:r>).)*</w:r>', body)
    assert zh_run and re.search(r"[\u4e00-\u9fff]", zh_run.group(0))


def test_built_in_styles_and_headings(sample: Report, render: Render) -> None:
    document = open_docx(io.BytesIO(render(sample)))
    used = [p.style.name for p in document.paragraphs if p.style is not None]
    assert "Title" in used
    headings = [p.text for p in document.paragraphs
                if p.style is not None and p.style.name == "Heading 1"]
    assert headings[:2] == ["一、知识产权创造质量大幅提升", "二、知识产权保护力度不断加大"]
    assert "（一）专利创造" in [p.text for p in document.paragraphs
                             if p.style is not None and p.style.name == "Heading 2"]


def test_toc_field_refreshes_on_open(sample: Report, render: Render) -> None:
    data = render(sample)
    assert 'TOC \\o "1-2" \\h \\z \\u' in part(data, "word/document.xml")
    assert '<w:updateFields w:val="true"/>' in part(data, "word/settings.xml")


def test_page_numbers(sample: Report, render: Render) -> None:
    data = render(sample, theme="official")
    footers = [part(data, n) for n in names(data) if n.startswith("word/footer")]
    assert len(footers) == 2
    assert all("PAGE" in f and "— " in f and " —" in f for f in footers)
    assert any('w:jc w:val="right"' in f for f in footers)
    assert any('w:jc w:val="left"' in f for f in footers)
    settings = part(data, "word/settings.xml")
    assert "<w:evenAndOddHeaders/>" in settings and "<w:mirrorMargins/>" in settings


def test_official_page_geometry(sample: Report, render: Render) -> None:
    section = open_docx(io.BytesIO(render(sample, theme="official"))).sections[0]
    assert round(section.top_margin.mm) == 37
    assert round(section.left_margin.mm) == 28
    assert round(section.page_width.mm - section.left_margin.mm - section.right_margin.mm) == 156
    assert round(section.page_height.mm - section.top_margin.mm
                 - section.bottom_margin.mm) == 225


def test_table_header_rows_repeat(sample: Report, render: Render) -> None:
    body = part(render(sample, "en"), "word/document.xml")
    assert '<w:tblHeader w:val="true"/>' in body
    document = open_docx(io.BytesIO(render(sample, "en")))
    table = next(t for t in document.tables if t.cell(0, 0).text == "Indicator")
    assert [c.text for c in table.rows[0].cells] == ["Indicator", "Value", "Change"]
    assert table.cell(1, 1).paragraphs[0].alignment == 2  # right


def test_core_properties(sample: Report, render: Render) -> None:
    props = open_docx(io.BytesIO(render(sample, "en"))).core_properties
    assert props.title.startswith("DRAFT: Intellectual Property Development")  # review marks
    assert props.content_status == "DRAFT"
    assert props.author == "Jin Yan, Zhao Yu"
    assert props.language == "en-GB"
    assert props.subject == "Ningbo 2024"
    assert props.created is not None and props.created.year == 2025


def test_fonts_embedded_as_subsets(sample: Report, render: Render) -> None:
    data = render(sample)
    fonts = [n for n in names(data) if n.startswith("word/fonts/")]
    assert len(fonts) == 8  # CJK and Latin faces of both families, regular and bold
    table = part(data, "word/fontTable.xml")
    assert table.count('w:subsetted="1"') == 8
    assert "<w:embedTrueTypeFonts/>" in part(data, "word/settings.xml")
    assert all(len(zipfile.ZipFile(io.BytesIO(data)).read(n)) < 2_000_000 for n in fonts)


def test_review_runs_highlighted(sample: Report, render: Render) -> None:
    # the theme's review ground, as in the PDF (a Word highlight has sixteen colours)
    assert '<w:shd w:val="clear" w:color="auto" w:fill="FFF3A3"/>' in \
        part(render(sample), "word/document.xml")


def test_parallel_layout_is_a_two_column_table(sample: Report, render: Render) -> None:
    document = open_docx(io.BytesIO(render(sample, "zh-en", layout="parallel")))
    pairs = [t for t in document.tables if len(t.columns) == 2
             and any("知识产权创造" in r.cells[0].text for r in t.rows)]
    assert pairs
    row = next(r for r in pairs[0].rows if "知识产权创造" in r.cells[0].text)
    assert "IP Creation" in row.cells[1].text


def test_deterministic(sample: Report) -> None:
    doc = summary_brief().document(sample, "zh")
    theme = load_theme("briefing")
    assert render_docx(doc, theme) == render_docx(doc, theme)


def test_english_inside_chinese_text_is_marked_english(sample: Report) -> None:
    doc = summary_brief().document(sample, "zh-en")
    body = part(render_docx(doc, load_theme("briefing")), "word/document.xml")
    run = re.search(r"<w:r>(?:(?!</w:r>).)*<w:t[^>]*>Patents granted</w:t></w:r>", body)
    assert run and 'w:val="en-US"' in run.group(0)


def test_copied_runs_are_the_runs_python_docx_makes() -> None:
    """Runs after the first of a look are copied, not made by python-docx: they must come
    out the same, tabs and line breaks included."""
    from ipdocs.doc import Document, Metadata, Paragraph, Span

    spans = (Span("甲"), Span("x\ry"), Span("a\tb\nc"), Span(" spaced "), Span(""))
    doc = Document(Metadata("t", "zh-CN"), (Paragraph(spans, "en"),))  # type: ignore[arg-type]
    body = part(render_docx(doc, load_theme("briefing")), "word/document.xml")
    runs = re.findall(r"<w:r>.*?</w:r>", body)
    texts = [re.sub(r"<w:rPr>.*?</w:rPr>", "", r) for r in runs]
    assert "&#13;" not in body and "<w:br/>" in texts[1]
    assert "<w:tab/>" in texts[2] and "<w:br/>" in texts[2]
    assert '<w:t xml:space="preserve"> spaced </w:t>' in texts[3]
    assert texts[4] == "<w:r></w:r>"
    looks = {re.search(r"<w:rPr>.*?</w:rPr>", r).group(0) for r in runs}  # type: ignore[union-attr]
    assert len(looks) == 1
    reopened = open_docx(io.BytesIO(render_docx(doc, load_theme("briefing"))))
    assert reopened.paragraphs[0].text.startswith("甲x\nya\tb\nc")


def test_a_cell_look_is_copied_only_into_cells_without_properties() -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    from ipdocs.writers.docx.blocks import Writer, _cell_look
    from ipdocs.writers.docx.styles import apply_theme
    from ipdocs.writers.docx.template import blank

    theme = load_theme("briefing")
    document = blank(theme, "zh")
    apply_theme(document, theme)
    w = Writer(theme, document=document)
    cells = document.add_table(rows=1, cols=3).rows[0].cells
    kept = cells[2].paragraphs[0]
    kept.paragraph_format.keep_with_next = True  # a cell paragraph with properties of its own
    for cell in cells:
        _cell_look(cell.paragraphs[0], "table-cell", "right", w)
    for cell in cells:
        paragraph = cell.paragraphs[0]
        assert paragraph.alignment == WD_ALIGN_PARAGRAPH.RIGHT
        assert paragraph.style is not None and paragraph.style.name == "Table Cell"
    assert kept.paragraph_format.keep_with_next is True
    assert list(w.cell_looks) == [("table-cell", "right")]


@pytest.mark.parametrize("rows", [2, 4, 5, 8])
def test_a_table_keeps_three_rows_with_its_header_and_two_at_its_end(rows: int) -> None:
    """Word keeps a row on the page of the next where its paragraphs are kept with the
    next: the header and the first three body rows, and the last two, stay together."""
    from ipdocs.doc import Cell, Column, Document, Metadata, Table

    node = Table((Column("left", 3), Column("right", 1)), ((Cell("指标"), Cell("数值")),),
                 tuple((Cell(f"第{i}行"), Cell(str(i))) for i in range(1, rows + 1)), "zh")
    data = render_docx(Document(Metadata("t", "zh-CN"), (node,)), load_theme("briefing"))
    table = open_docx(io.BytesIO(data)).tables[0]
    kept = [all(p.paragraph_format.keep_with_next for c in row.cells for p in c.paragraphs)
            for row in table.rows]
    body = [True, True, False] + [False] * (rows - 5) + [True, False]
    expected = [True] * rows if rows <= 4 else body
    expected[-1] = False
    assert kept == [True, *expected]
    assert all(row._tr.trPr is not None and row._tr.trPr.find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}cantSplit") is not None
        for row in table.rows)
