"""The DOCX writer: reopen what it wrote and inspect the XML."""

from __future__ import annotations

import io
import re
import uuid
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from docx import Document as open_docx

from ipdocs.doc import Document, Metadata, Paragraph, Span
from ipdocs.model import Report
from ipdocs.sections import full_brief, summary_brief
from ipdocs.themes import load_theme
from ipdocs.writers.docx import render_docx

if TYPE_CHECKING:
    from fontTools.ttLib import TTFont

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
    assert 'w:themeFontLang w:val="zh-CN" w:eastAsia="zh-CN"' in part(data, "word/settings.xml")


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
    english = [r for r in runs if 'w:val="en-GB"' in r]
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
    assert numbers and all('w:val="en-GB"' in r and 'w:hint' not in r for r in numbers)
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


def test_official_english_paragraphs_are_indented_as_the_pdf(sample: Report,
                                                             render: Render) -> None:
    # the official theme parts paragraphs by no space: English ones take an indent too
    for theme, indented in (("official", True), ("briefing", False)):
        body = part(render(sample, lang="en", theme=theme), "word/document.xml")
        first = re.findall(r'<w:p>(?:(?!</w:p>).)*?w:val="BodyText"(?:(?!</w:p>).)*</w:p>',
                           body)
        assert first, theme
        assert ('w:firstLine="640"' in first[0]) is indented, theme  # 2 ems of 16 pt


def test_languages_on_runs(sample: Report, render: Render) -> None:
    body = part(render(sample, "zh-en"), "word/document.xml")
    assert 'w:lang w:val="zh-CN" w:eastAsia="zh-CN"' in body
    assert 'w:lang w:val="en-GB" w:eastAsia="zh-CN"' in body
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


def test_contents_refer_to_the_headings_pages(sample: Report, render: Render) -> None:
    """Each entry's page number is a PAGEREF field to its heading's bookmark: readers
    compute it (LibreOffice as it lays out, Word when it updates fields on opening)."""
    data = render(sample)
    body = part(data, "word/document.xml")
    marks = re.findall(r'<w:bookmarkStart w:id="(\d+)" w:name="(_Toc\d+)"/>', body)
    refs = re.findall(r"PAGEREF (_Toc\d+) \\h", body)
    assert refs and set(refs) <= {name for _, name in marks}
    assert len({number for number, _ in marks}) == len(marks)
    heading = re.search(r'<w:bookmarkStart w:id="\d+" w:name="_Toc000001"/>(.*?)</w:p>', body)
    assert heading and next(sample.walk()).title.zh in heading.group(1)
    assert '<w:updateFields w:val="true"/>' in part(data, "word/settings.xml")
    assert 'w:val="right"' in re.search(r'w:styleId="TOC1".*?</w:style>',
                                        part(data, "word/styles.xml"), re.S).group(0)


def test_contents_are_a_word_table_of_contents(sample: Report, render: Render) -> None:
    """The contents are one TOC field over the headings' outline levels, so Word's "Update
    Table" rebuilds them: its begin, instruction and separator open the first entry, its
    end closes the last; each entry in between is a hyperlink to its heading's bookmark
    holding the heading's text, a tab and a PAGEREF field to the same bookmark."""
    body = part(render(sample), "word/document.xml")
    fields = re.findall(r'<w:fldChar w:fldCharType="(\w+)"/>|<w:instrText[^>]*>([^<]*)<', body)
    tocs = [i for i, (_, code) in enumerate(fields) if code.startswith("TOC ")]
    assert len(tocs) == 1 and fields[tocs[0]][1] == 'TOC \\o "1-2" \\h \\z \\u'
    assert [kind for kind, _ in fields[tocs[0] - 1:tocs[0] + 2:2]] == ["begin", "separate"]
    depth, end = 0, None
    for index in range(tocs[0] + 1, len(fields)):
        depth += {"begin": 1, "end": -1}.get(fields[index][0], 0)
        if depth < 0:
            end = index
            break
    assert end is not None
    inside = fields[tocs[0] + 2:end]
    assert {code.split(" ")[0] for _, code in inside if code} == {"PAGEREF"}
    start = body.rindex("<w:p>", 0, body.index("TOC \\o"))
    paragraphs = re.findall(r"<w:p>.*?</w:p>", body[start:], re.S)
    entries = paragraphs[:len([c for _, c in inside if c])]
    assert entries and all("<w:hyperlink" in p for p in entries)
    heading = sample.sections[0].title.zh
    first = re.search(r'<w:hyperlink w:anchor="(_Toc\d+)" w:history="1">(.*?)</w:hyperlink>',
                      entries[0], re.S)
    assert first and heading in first.group(2) and "<w:tab/>" in first.group(2)
    assert f"PAGEREF {first.group(1)} \\h" in first.group(2)
    assert entries[-1].endswith('<w:fldChar w:fldCharType="end"/></w:r></w:p>')


def test_no_contents_no_table_of_contents(sample: Report, render: Render) -> None:
    assert "TOC \\o" not in part(render(sample, lang="en", brief="summary"),
                                  "word/document.xml")


def test_english_running_text_is_hyphenated_and_nothing_else(sample: Report,
                                                             render: Render) -> None:
    """A brief with English paragraphs asks for automatic hyphenation (a reader's Word and
    LibreOffice hyphenate, which keeps justified lines from going loose), at most two
    hyphens in a row, none in words in capitals; its headings, captions, tables and
    contents ask not to be hyphenated. A Chinese brief asks for none."""
    for lang in ("en", "zh-en"):
        data = render(sample, lang=lang)
        settings = part(data, "word/settings.xml")
        assert "<w:autoHyphenation/>" in settings and "<w:doNotHyphenateCaps/>" in settings
        assert '<w:consecutiveHyphenLimit w:val="2"/>' in settings
        styles = part(data, "word/styles.xml")
        for style, suppressed in (("Heading1", True), ("TableCell", True), ("TOC1", True),
                                  ("Caption", True), ("BodyText", False), ("Normal", False)):
            found = re.search(rf'w:styleId="{style}".*?</w:style>', styles, re.S)
            assert found and ("<w:suppressAutoHyphens/>" in found.group(0)) == suppressed
    assert "autoHyphenation" not in part(render(sample), "word/settings.xml")
    assert "suppressAutoHyphens" not in part(render(sample), "word/styles.xml")


def _style_fonts(styles: str) -> dict[str, dict[str, str]]:
    """Each paragraph style's font slots, through its base styles to the defaults."""
    defaults = dict(re.findall(r'w:(ascii|eastAsia)="([^"]*)"', re.search(
        r"<w:docDefaults>.*?</w:docDefaults>", styles, re.S).group(0)))  # type: ignore[union-attr]
    own, base = {}, {}
    for sid, body in re.findall(r'<w:style [^>]*w:styleId="([^"]+)"[^>]*>(.*?)</w:style>',
                                styles, re.S):
        fonts = re.search(r"<w:rFonts ([^>]*)/>", body)
        own[sid] = dict(re.findall(r'w:(ascii|eastAsia)="([^"]*)"', fonts.group(1))) \
            if fonts else {}
        based = re.search(r'<w:basedOn w:val="([^"]+)"', body)
        base[sid] = based.group(1) if based else None

    def resolve(sid: str | None) -> dict[str, str]:
        return defaults if sid is None else {**resolve(base.get(sid)), **own.get(sid, {})}

    return {sid: resolve(sid) for sid in own}


def printed_families(data: bytes) -> dict[tuple[str, bool], set[str]]:
    """Which characters the DOCX's runs (body, headers, footers) print in which family and
    weight, as Word and LibreOffice pick the slot: the East Asian font for East Asian
    characters (and, in runs hinted East Asian, for other non-ASCII ones), else the
    Latin font; a run without fonts of its own takes its paragraph style's."""
    from ipdocs.writers.docx.fonts import east_asian
    styles = _style_fonts(part(data, "word/styles.xml"))
    found: dict[tuple[str, bool], set[str]] = {}
    for name in names(data):
        if not re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", name):
            continue
        for paragraph in re.findall(r"<w:p[ >].*?</w:p>", part(data, name), re.S):
            style = re.search(r'<w:pStyle w:val="([^"]+)"', paragraph)
            own = styles.get(style.group(1) if style else "Normal", styles["Normal"])
            for run in re.findall(r"<w:r>.*?</w:r>", paragraph, re.S):
                text = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", run))
                fonts = re.search(r"<w:rFonts ([^>]*)/>", run)
                slots = {**own, **dict(re.findall(r'w:(ascii|eastAsia)="([^"]*)"',
                                                  fonts.group(1) if fonts else ""))}
                hint = 'w:hint="eastAsia"' in run
                for char in text:
                    if char.isspace():
                        continue
                    wide = east_asian(char) or (hint and not char.isascii())
                    key = (slots["eastAsia" if wide else "ascii"], "<w:b/>" in run)
                    found.setdefault(key, set()).add(char)
    return found


@pytest.mark.parametrize("kind", [{"lang": "zh"}, {"lang": "en"}, {"theme": "official"}])
def test_every_character_is_in_a_face_embedded_under_its_family(
        sample: Report, render: Render, kind: dict[str, str]) -> None:
    """Every character a run prints is in a face the file embeds under the family the run
    names (with its bold face where the face has one: FandolFang has none); the font
    table lists no family nothing names (python-docx's template listed ＭＳ 明朝, Arial)."""
    data = render(sample, **kind)
    table = part(data, "word/fontTable.xml")
    embedded = {name: re.findall(r"<w:embed(\w+)", body) for name, body in re.findall(
        r'<w:font w:name="([^"]*)">(.*?)</w:font>', table, re.S)}
    printed = printed_families(data)
    assert printed
    for (family, _bold), chars in printed.items():
        assert embedded.get(family), (family, sorted(chars)[:10])
    named = set()
    for name in names(data):
        if name.endswith(".xml") and name not in ("word/fontTable.xml", "word/theme/theme1.xml"):
            named |= set(re.findall(r'(?:w:(?:ascii|hAnsi|eastAsia|cs)|typeface)="([^"]+)"',
                                    part(data, name)))
    assert set(embedded) <= named and "ＭＳ 明朝" not in embedded
    if kind.get("theme") == "official":  # Latin text as the PDF sets it, under the theme's name
        assert embedded["Times New Roman"] == ["Regular"]


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
    assert "<w:tblHeader/>" in body
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


def embedded(data: bytes) -> dict[tuple[str, str], TTFont]:
    """Every embedded face, by family and Regular/Bold, deobfuscated and opened."""
    from fontTools.ttLib import TTFont

    from ipdocs.writers.docx.fonts import obfuscate

    table = part(data, "word/fontTable.xml")
    rels = dict(re.findall(r'Id="(rId\d+)"[^>]*Target="([^"]+)"',
                           part(data, "word/_rels/fontTable.xml.rels")))
    out = {}
    for name, body in re.findall(r'<w:font w:name="([^"]+)">(.*?)</w:font>', table, re.S):
        for face, rid, key in re.findall(
                r'<w:embed(\w+) r:id="(rId\d+)" w:fontKey="\{([^}]+)\}"', body):
            font = obfuscate(zipfile.ZipFile(io.BytesIO(data)).read("word/" + rels[rid]),
                             uuid.UUID(key))
            out[(name, face)] = TTFont(io.BytesIO(font))
    return out


def test_fonts_embedded_are_those_the_file_prints_in(sample: Report, render: Render) -> None:
    """Each face the file prints in, subset to the report's characters (every file of a
    report embeds the same subset of a face: LibreOffice keeps one per family name)."""
    from ipdocs.writers.docx.fonts import ALWAYS

    data = render(sample)
    faces = embedded(data)
    assert {("Noto Serif CJK SC", "Regular"), ("Noto Serif CJK SC", "Bold"),
            ("Noto Sans CJK SC", "Regular"), ("Noto Sans CJK SC", "Bold")} <= set(faces)
    charset = {ord(c) for c in full_brief().document(sample, "zh").charset + ALWAYS}
    for key, font in faces.items():
        assert set(font.getBestCmap()) <= charset, key
    english = embedded(render(sample, "en"))
    for key in set(faces) & set(english):
        assert faces[key].getBestCmap() == english[key].getBestCmap(), key
    assert "<w:embedTrueTypeFonts/>" in part(data, "word/settings.xml")
    assert part(data, "word/fontTable.xml").count('w:subsetted="1"') == len(faces)


def test_an_english_file_embeds_no_cjk_face(sample: Report, render: Render) -> None:
    data = render(sample, "en", brief="summary")
    assert {family for family, _ in embedded(data)} <= {"Noto Serif", "Noto Sans"}
    assert len(data) < 150_000


def test_official_faces_are_embedded_under_the_names_people_have(sample: Report,
                                                                 render: Render) -> None:
    faces = embedded(render(sample, theme="official"))
    assert faces[("仿宋_GB2312", "Regular")]["name"].getDebugName(1).startswith("FandolFang")
    assert faces[("楷体_GB2312", "Regular")]["name"].getDebugName(1).startswith("FandolKai")
    assert ("黑体", "Regular") in faces and ("方正小标宋简体", "Regular") in faces
    assert ("仿宋_GB2312", "Bold") not in faces  # Fandol has no bold: readers embolden


def test_characters_a_face_lacks_name_the_family_that_has_them() -> None:
    """喆 is not in FandolFang: its run names Noto Serif CJK SC, embedded with it."""
    doc = Document(Metadata("t", "zh-CN"), (Paragraph((Span("张喆"),), "zh"),))
    data = render_docx(doc, load_theme("official"))
    body = part(data, "word/document.xml")
    run = re.search(r"<w:r>(?:(?!</w:r>).)*<w:t>喆</w:t></w:r>", body)
    assert run and 'w:eastAsia="Noto Serif CJK SC"' in run.group(0)
    faces = embedded(data)
    assert ord("喆") in faces[("Noto Serif CJK SC", "Regular")].getBestCmap()
    assert ord("喆") not in faces[("仿宋_GB2312", "Regular")].getBestCmap()
    assert ord("张") in faces[("仿宋_GB2312", "Regular")].getBestCmap()


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
    assert run and 'w:val="en-GB"' in run.group(0)


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
    assert len(texts) == 4  # an empty span makes no run
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


def test_a_character_no_face_has_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from ipdocs.writers.docx import FontError
    from tests.fontfiles import fake_fontconfig

    fake_fontconfig(monkeypatch)
    doc = Document(Metadata("t", "zh-CN"), (Paragraph((Span("名字𠮷在此"),), "zh"),))
    with pytest.raises(FontError, match="no font has U\\+20BB7 '𠮷' in “名字𠮷在此”"):
        render_docx(doc, load_theme("official"))


def test_a_machine_face_is_embedded(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from tests.fontfiles import fake_fontconfig, make_font

    font = make_font(tmp_path / "MachineFace.otf", "𠮷", "MachineFace", cff=True)
    fake_fontconfig(monkeypatch, (font, "𠮷"))
    doc = Document(Metadata("t", "zh-CN"), (Paragraph((Span("名字𠮷在此"),), "zh"),))
    data = render_docx(doc, load_theme("official"))
    run = re.search(r"<w:r>(?:(?!</w:r>).)*<w:t>𠮷</w:t></w:r>", part(data, "word/document.xml"))
    assert run and 'w:eastAsia="MachineFace"' in run.group(0)
    assert ord("𠮷") in embedded(data)[("MachineFace", "Regular")].getBestCmap()


def test_the_text_is_the_text() -> None:
    """No joiner or other invisible character is added to the text: numbers are Latin
    runs of their own, a span kept whole is one run, and amounts in English are kept
    whole by no-break spaces (a visible space; neither Word nor LibreOffice has a layout
    property that keeps words together)."""
    spans = (Span("截至"), Span("2024"), Span("年底，数据"), Span("17.1万余家", keep=True),
             Span("，同比增长11.4%，达到5件"))
    doc = Document(Metadata("t", "zh-CN"), (Paragraph(spans, "zh"),
                                            Paragraph((Span("more than 171,000 and RMB 61.093 "
                                                            "billion"),), "en")))
    body = part(render_docx(doc, load_theme("official")), "word/document.xml")
    texts = re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", body)
    assert "2024" in texts and "17.1万余家" in texts and "11.4%" in texts
    whole = "截至2024年底，数据17.1万余家，同比增长11.4%，达到5件"
    assert "".join(texts).startswith(whole)
    assert "more\u00a0than\u00a0171,000 and RMB\u00a061.093\u00a0billion" in "".join(texts)
    assert not re.search("[\u200b-\u200d\u2060\ufeff\u00ad]", "".join(texts))


def test_line_spacing_is_exact_as_in_the_pdf(sample: Report, render: Render) -> None:
    from ipdocs.writers.spacing import line_height

    styles = part(render(sample), "word/styles.xml")
    theme = load_theme("briefing")
    body = re.search(r'w:styleId="BodyText".*?</w:style>', styles, re.S)
    assert body is not None
    twips = round(line_height(theme.style("body")) * 20)
    assert re.search(f'<w:spacing [^>]*w:lineRule="exact" w:line="{twips}"', body.group(0))


def test_cells_are_padded_as_in_the_pdf(sample: Report, render: Render) -> None:
    """A data table's rows as tall as the PDF's: the rule between rows (0.5 pt, which Word
    and LibreOffice set apart from the cells) taken off the padding below (2.5 pt)."""
    body = part(render(sample), "word/document.xml")
    assert ('<w:tblCellMar><w:top w:w="50" w:type="dxa"/><w:left w:w="80" w:type="dxa"/>'
            '<w:bottom w:w="40" w:type="dxa"/>') in body
    assert '<w:insideH w:val="single" w:sz="4"' in body


def test_official_docx_grid_and_spacing(sample: Report, render: Render) -> None:
    """A line grid of 22 lines whose pitch fits 22 times in the type area as written (579
    twips: 580 fitted 21 times in LibreOffice); grid styles' characters 0.25 pt closer (28
    to a line in Word and LibreOffice alike); other styles off the grid."""
    data = render(sample, theme="official")
    body_xml = part(data, "word/document.xml")
    grid = re.search(r"<w:docGrid [^>]*>", body_xml)
    assert grid and 'w:type="lines"' in grid.group(0) and 'w:linePitch="579"' in grid.group(0)
    page = re.search(r'<w:pgSz w:w="\d+" w:h="(\d+)"/><w:pgMar w:top="(\d+)" [^>]*'
                     r'w:bottom="(\d+)"', body_xml)
    assert page and 22 * 579 <= int(page[1]) - int(page[2]) - int(page[3]) < 22 * 580
    styles = part(data, "word/styles.xml")
    body = re.search(r'w:styleId="BodyText".*?</w:style>', styles, re.S)
    cell = re.search(r'w:styleId="TableCell".*?</w:style>', styles, re.S)
    assert body and '<w:spacing w:val="-5"/>' in body.group(0)
    assert cell and '<w:snapToGrid w:val="0"/>' in cell.group(0)
    assert "w:snapToGrid" not in body.group(0)


def test_official_docx_page_number_is_inset(sample: Report, render: Render) -> None:
    data = render(sample, theme="official")
    odd, even = part(data, "word/footer1.xml"), part(data, "word/footer2.xml")
    assert '<w:ind w:right="280"/>' in odd and '<w:jc w:val="right"/>' in odd
    assert '<w:ind w:left="280"/>' in even
    assert re.search(r'<w:sz w:val="28"/>', odd)


def test_a_masthead_is_the_first_paragraph(tmp_path: Path) -> None:
    text = Path("src/ipdocs/themes/official.yaml").read_text("utf-8")
    path = tmp_path / "red.yaml"
    path.write_text(text + "masthead: {text: 宁波市知识产权局, font: xbs}\n", "utf-8")
    doc = Document(Metadata("t", "zh-CN"), (Paragraph((Span("正文"),), "zh"),))
    body = part(render_docx(doc, load_theme(path)), "word/document.xml")
    first = re.search(r"<w:p>.*?</w:p>", body, re.S)
    assert first and "宁波市知识产权局" in first.group(0)
    assert 'w:color="C00000"' in first.group(0) and "<w:pBdr><w:bottom" in first.group(0)


def test_number_cells_line_up_on_their_decimal_points() -> None:
    from ipdocs.doc import Cell, Column, Table

    table = Table((Column(), Column("right")), ((Cell("指标"), Cell("数值")),),
                  ((Cell("甲"), Cell("71425")), (Cell("乙"), Cell("22.93"))), "zh")
    body = part(render_docx(Document(Metadata("t", "zh-CN"), (table,)), load_theme("briefing")),
                "word/document.xml")
    cells = re.findall(r"<w:tc>.*?</w:tc>", body, re.S)
    whole = next(c for c in cells if ">71425<" in c)
    fraction = next(c for c in cells if ">22.93<" in c)
    assert re.search(r'<w:ind w:right="\d+"/>', whole) and "<w:ind" not in fraction


def test_no_table_row_splits_across_pages(sample: Report, render: Render) -> None:
    """A row split over two pages left an empty-looking row at the top of the next page
    (a glossary term and the last word of its translation)."""
    body = part(render(sample, theme="official"), "word/document.xml")
    rows = re.findall(r"<w:tr[ >].*?</w:tr>", body, re.S)
    assert rows and all("<w:cantSplit/>" in row for row in rows)
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


def referenced(data: bytes, kind: str, which: str) -> str | None:
    """The header or footer part (``kind``) the section uses for ``which`` pages (default,
    even, first), or None."""
    body = part(data, "word/document.xml")
    ref = re.search(rf'<w:{kind}Reference w:type="{which}" r:id="(\w+)"', body)
    if ref is None:
        return None
    rels = part(data, "word/_rels/document.xml.rels")
    target = re.search(rf'Id="{ref.group(1)}"[^>]*Target="([^"]+)"', rels) or \
        re.search(rf'Target="([^"]+)"[^>]*Id="{ref.group(1)}"', rels)
    assert target is not None
    return part(data, "word/" + target.group(1))


def test_a_title_page_has_neither_running_header_nor_number(sample: Report,
                                                           render: Render) -> None:
    data = render(sample)
    assert "<w:titlePg/>" in part(data, "word/document.xml")
    first_header, first_footer = referenced(data, "header", "first"), \
        referenced(data, "footer", "first")
    assert first_header is not None and first_footer is not None
    assert "PAGE" not in first_footer and "知识产权发展与保护状况" not in first_header
    assert "DRAFT" in first_header or "草稿" in first_header  # the sample is a draft
    assert "PAGE" in (referenced(data, "footer", "default") or "")
    assert "知识产权发展与保护状况" in (referenced(data, "header", "default") or "")


def test_an_official_title_page_is_numbered_as_every_page(sample: Report,
                                                         render: Render) -> None:
    data = render(sample, theme="official")
    assert "<w:titlePg/>" not in part(data, "word/document.xml")  # nothing to leave off


def test_contents_entries_lead_to_their_numbers_with_dots(sample: Report,
                                                          render: Render) -> None:
    styles = part(render(sample), "word/styles.xml")
    for style in ("TOC1", "TOC2"):
        found = re.search(rf'w:styleId="{style}".*?</w:style>', styles, re.S)
        assert found and re.search(r"<w:tab [^>]*w:val=\"right\" w:leader=\"dot\"", found.group(0))


def test_a_title_longer_than_a_property_holds_is_cut_in_the_properties_only() -> None:
    """A title over 255 characters crashed the DOCX writer (python-docx's property bound)."""
    title = "知" * 300
    doc = Document(Metadata(title, "zh-CN", author="a" * 300, subject="s" * 256),
                   (Paragraph((Span(title),), "zh"),))
    data = render_docx(doc, load_theme("briefing"))
    properties = open_docx(io.BytesIO(data)).core_properties
    assert properties.title == "知" * 254 + "…" and len(properties.author) == 255
    assert title in part(data, "word/document.xml")


def test_a_core_property_longer_than_a_docx_holds_is_cut_not_a_crash() -> None:
    from ipdocs.writers.docx.page import MAX_PROPERTY, _property
    assert _property("x" * 10) == "x" * 10
    cut = _property("题" * 400)
    assert len(cut) == MAX_PROPERTY and cut.endswith("…")


def test_side_by_side_english_is_ragged_and_tables_keep_numbers_whole() -> None:
    """In a side-by-side column (narrower than 30 ems) English is set ragged right, as in
    the PDF; a table there keeps its rows whole and its number column wide enough for
    its numbers with their decimal-point padding."""
    from ipdocs.doc import Bilingual, Cell, Column, Table

    text = "The city held 66,211 valid invention patents, up 18.7% year on year."
    table = Table((Column("left", 4.0), Column("right", 1.0), Column("right", 1.0)),
                  ((Cell("Indicator"), Cell("Value"), Cell("Change")),),
                  ((Cell("Patents granted in the city this year"), Cell("71,425"),
                    Cell("+11.4%")),
                   (Cell("Per 10,000 people"), Cell("22.93"), Cell("+193% or more"))), "en")
    pair = Bilingual((Paragraph((Span("全市有效发明专利拥有量66211件。"),), "zh"),),
                     (Paragraph((Span(text),), "en"), table))
    doc = Document(Metadata("t", "zh-CN"), (pair,))
    body = part(render_docx(doc, load_theme("briefing")), "word/document.xml")
    english = re.search(r"<w:p>(?:(?!</w:p>).)*invention patents(?:(?!</w:p>).)*</w:p>", body)
    assert english and '<w:jc w:val="left"/>' in english.group(0)
    chinese = re.search(r"<w:p>(?:(?!</w:p>).)*66211(?:(?!</w:p>).)*</w:p>", body)
    assert chinese and '<w:jc w:val="left"/>' not in chinese.group(0)
    inner = body[body.index("<w:tbl>", body.index("<w:tbl>") + 1):]
    assert inner.count("<w:cantSplit/>") == 3  # every row, inside the side-by-side cell too
    widths = [int(w) for w in re.findall(r'<w:gridCol w:w="(\d+)"/>', inner)[:3]]
    from ipdocs.writers.metrics import text_width
    needed = (text_width("71,425", "sans", False, 9) + text_width(".93", "sans", False, 9)) * 20
    assert widths[1] >= needed


def test_the_room_after_a_table_is_off_the_grid_on_a_grid_theme(sample: Report,
                                                                   render: Render) -> None:
    """The empty paragraph after a table is off the official theme's line grid (on it, it
    would take a whole line); the briefing theme has no grid and no such mark."""
    gap = r'<w:p><w:pPr><w:snapToGrid w:val="0"/><w:spacing [^>]*w:lineRule="exact"'
    assert re.search(gap, part(render(sample, theme="official"), "word/document.xml"))
    assert not re.search(gap, part(render(sample), "word/document.xml"))


def test_amounts_and_address_codes_are_text_of_no_language() -> None:
    """An amount of several words is a run of no language (x-none, and no proofing for
    Word): LibreOffice hyphenated a word its no-break spaces held (RMB 2.231 mil- / lion).
    So is a web address's code or long name (LibreOffice hyphenated Hubei's codes,
    29de3a0c18e249b- / d9c9); the rest of the address stays English, where LibreOffice
    breaks it after a slash; inside Chinese the address is set in Latin runs (as Han text
    it broke anywhere)."""
    doc = Document(Metadata("t", "zh-CN"), (
        Paragraph((Span("with payouts of RMB 2.231 million, see http://www.example.com/a."),),
                  "en"),
        Paragraph((Span("湖北省知识产权局，http://www.hezhiquan.com/docs/view/29de.html。"),),
                  "zh")))
    body = part(render_docx(doc, load_theme("briefing")), "word/document.xml")
    runs = re.findall(r"<w:r>(.*?)</w:r>", body)
    none = ["".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", r)) for r in runs
            if 'w:val="x-none"' in r]
    assert none == ["RMB\u00a02.231\u00a0million", "example", "hezhiquan"]
    assert all("<w:noProof/>" in r for r in runs if 'w:val="x-none"' in r)
    english = ["".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", r)) for r in runs
               if 'w:val="en-GB"' in r]
    assert "http://www." in english and ".com/docs/view/29de.html" in english


def test_data_table_cells_are_set_in_the_middle_of_their_rows_as_the_pdf_sets_them(
        sample: Report, render: Render) -> None:
    """A short label beside a wrapped one sits at mid-height, in both writers (the PDF's
    data tables are VALIGN MIDDLE), in a table and in a side-by-side pair of tables."""
    from lxml import etree

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    for layout in ("interleaved", "parallel"):
        xml = part(render(sample, lang="zh-en", layout=layout), "word/document.xml")
        body = etree.fromstring(xml.encode("utf-8"))
        data = [t for t in body.iter(f"{w}tbl") if t.find(f".//{w}tblHeader") is not None]
        assert data, layout
        for table in data:
            aligned = [tc.find(f"{w}tcPr/{w}vAlign") for tc in table.iter(f"{w}tc")]
            assert all(a is not None and a.get(f"{w}val") == "center" for a in aligned), \
                layout


def test_styled_blank_keeps_a_blank_made_twice_and_gives_each_document_its_own(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The second document of a theme and languages keeps its blank (saved); later ones
    open it; writing into one leaves the next untouched; a handful are kept. (With the
    font cache off: with it on, the first keeps its blank for later processes,
    ``tests/writers/docx/test_keptblank.py``.)"""
    from ipdocs.writers.docx import _STYLED, STYLED_KEPT, styled_blank

    monkeypatch.setenv("IPDOCS_CACHE", "off")
    theme = load_theme("briefing")
    tags = ("zh-CN", "x-styled-test")
    first = styled_blank(theme, tags, False)
    assert _STYLED[(repr(theme), tags, False)] is None  # made once: not saved
    first.add_paragraph("written into the first")
    styled_blank(theme, tags, False).add_paragraph("written into the second")
    saved = _STYLED[(repr(theme), tags, False)]
    assert saved is not None
    third = styled_blank(theme, tags, False)
    assert _STYLED[(repr(theme), tags, False)] is saved
    assert not [p for p in third.paragraphs if p.text]
    assert "Heading 1" in [s.name for s in third.styles]
    for index in range(STYLED_KEPT + 2):  # other languages: kept, the oldest let go
        styled_blank(theme, (f"x-{index}", "zh-CN"), False)
    assert len(_STYLED) == STYLED_KEPT


def test_a_docx_made_second_in_a_process_is_the_first_byte_for_byte(sample: Report) -> None:
    theme = load_theme("official")
    doc = full_brief().document(sample, "zh-en")
    made = [render_docx(doc, theme) for _ in range(3)]  # made, made and kept, opened
    assert made[0] == made[1] == made[2]


def test_a_title_with_a_runt_last_line_is_balanced_as_in_the_pdf() -> None:
    """The English official summary's title ended Ningbo, / 2024: a title whose last line
    would be a runt is set between indents, in the measure ``typeset.title_measure``
    gives both writers; one that fits a line has none."""
    from ipdocs.doc import Cover
    from ipdocs.writers.metrics import text_width
    from ipdocs.writers.typeset import _greedy

    theme = load_theme("official")
    spec = theme.style("title")
    width = 156 * 72 / 25.4

    def measure(text: str) -> float:
        return text_width(text, theme.font(spec).bundled, spec.bold, spec.size)

    title = "Intellectual Property Development and Protection in Ningbo, 2024"
    while measure(_greedy(title, width, measure)[-1]) >= width / 3 or \
            len(_greedy(title, width, measure)) < 2:
        title = "Annual " + title
    for text, indented in ((title, True), ("Ningbo, 2024", False)):
        doc = Document(Metadata("t", "en"), (Cover(text, "en"),))
        body = part(render_docx(doc, theme), "word/document.xml")
        first = re.search(r"<w:p>.*?</w:p>", body, re.S)
        assert first and ('<w:ind w:left=' in first.group(0)) == indented, text
