"""Theme styles written as Word styles (writers/docx/styles.py)."""

import warnings

import docx
import docx.document
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Pt

from ipdocs.themes import load_theme
from ipdocs.writers.docx.styles import (
    RUNNING_TEXT,
    WORD_STYLES,
    apply_theme,
    set_paragraph_style,
    style_index,
    word_style,
)
from ipdocs.writers.docx.styles import word_name as name_in_word


@pytest.mark.parametrize("theme_name", ["briefing", "official"])
def test_every_theme_style_gets_its_fonts_size_and_east_asian_face(theme_name: str) -> None:
    theme = load_theme(theme_name)
    document = docx.Document()
    apply_theme(document, theme)
    for name, word_name in WORD_STYLES.items():
        spec = theme.style(name)
        font = theme.font(spec)
        style = word_style(document, word_name)
        assert style.font.size == Pt(spec.size), word_name
        assert bool(style.font.bold) == spec.bold, word_name
        fonts = style.element.rPr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:ascii")) == font.latin, word_name
        assert fonts.get(qn("w:eastAsia")) == font.east_asian, word_name


def test_normal_is_body_without_room_after() -> None:
    theme = load_theme("briefing")
    document = docx.Document()
    apply_theme(document, theme)
    normal = word_style(document, "Normal")
    assert normal.font.size == Pt(theme.style("body").size)
    assert normal.paragraph_format.space_after == Pt(0)


def test_word_style_makes_a_missing_style_once() -> None:
    document = docx.Document()
    first = word_style(document, "Key Figure")
    assert word_style(document, "Key Figure").style_id == first.style_id
    assert [s.name for s in document.styles].count("Key Figure") == 1


def test_only_running_text_may_hyphenate() -> None:
    document = docx.Document()
    apply_theme(document, load_theme("briefing"), hyphenate=True)
    for name, word_name in WORD_STYLES.items():
        ppr = word_style(document, word_name).element.pPr
        suppressed = ppr is not None and ppr.find(qn("w:suppressAutoHyphens")) is not None
        assert suppressed == (name not in RUNNING_TEXT), word_name
    plain = docx.Document()
    apply_theme(plain, load_theme("briefing"))
    assert "suppressAutoHyphens" not in plain.styles.element.xml


def test_contents_numbers_sit_flush_right_after_dots_and_headings_keep_with_next() -> None:
    theme = load_theme("official")
    document = docx.Document()
    apply_theme(document, theme)
    width = theme.page.width - theme.page.inside - theme.page.outside
    for name in ("TOC 1", "TOC 2"):
        stops = list(word_style(document, name).paragraph_format.tab_stops)
        assert len(stops) == 1
        assert stops[0].alignment == WD_TAB_ALIGNMENT.RIGHT
        assert stops[0].leader == WD_TAB_LEADER.DOTS
        assert abs(stops[0].position.mm - width) < 0.1
    for name in ("Heading 1", "Heading 2", "Heading 3", "Caption", "Contents Title"):
        assert word_style(document, name).paragraph_format.keep_with_next is True


def test_a_grid_theme_takes_tables_off_the_grid() -> None:
    theme = load_theme("official")
    document = docx.Document()
    apply_theme(document, theme)
    off = word_style(document, "Table Cell").element.pPr.find(qn("w:snapToGrid"))
    assert off is not None and off.get(qn("w:val")) == "0"
    body = word_style(document, "Body Text").element.pPr
    assert body.find(qn("w:snapToGrid")) is None


def _renamed(document: docx.document.Document, style_id: str, name: str) -> None:
    """Give the style of id ``style_id`` the name ``name`` exactly as written."""
    element = document.styles.element.get_by_id(style_id)
    element.find(qn("w:name")).set(qn("w:val"), name)


def test_a_style_is_found_by_its_name_as_either_program_writes_it() -> None:
    """Word writes a built-in name in lower case (header), LibreOffice as shown (Header):
    both are the Header style, found without python-docx's deprecated id lookup."""
    for written in ("header", "Header"):
        document = docx.Document()
        _renamed(document, "Header", written)
        count = len(document.styles)
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            style = word_style(document, "Header")
        assert style.style_id == "Header" and len(document.styles) == count, written


def test_a_style_of_that_id_under_another_name_is_taken_not_repeated() -> None:
    document = docx.Document()
    _renamed(document, "Header", "Kopfzeile")
    style = word_style(document, "Header")
    ids = [s.style_id for s in document.styles]
    assert style.style_id == "Header" and ids.count("Header") == 1


def test_a_missing_style_is_added_on_normal() -> None:
    document = docx.Document()
    style = word_style(document, "Key Figure Value")
    assert style.name == "Key Figure Value" and style.base_style.name == "Normal"


def test_a_latin_variant_is_named_after_its_style() -> None:
    assert name_in_word("body") == "Body Text"
    assert name_in_word("body.latin") == "Body Text Latin"
    assert name_in_word("key-label.latin") == "Key Figure Label Latin"
    assert name_in_word("unknown") == "Body Text"


def test_styles_by_name_find_what_a_search_finds_and_keep_a_style_added() -> None:
    """``style_index`` gives the first style of each name, as a search in document order
    does (a second style renamed to a taken name is not the one found); ``word_style``
    with it adds a missing style to it, once."""
    document = docx.Document()
    _renamed(document, "Footer", "Header")  # two styles of that name
    index = style_index(document)
    assert set(index) == {s.name for s in document.styles if s.name is not None}
    for style in document.styles:
        first = next(s for s in document.styles if s.name == style.name)
        assert index[style.name] is first.element
    added = word_style(document, "Key Figure", index)
    assert index["Key Figure"] is added.element
    assert word_style(document, "Key Figure", index).style_id == added.style_id
    assert [s.name for s in document.styles].count("Key Figure") == 1
    assert added.base_style.name == "Normal" and added.type == WD_STYLE_TYPE.PARAGRAPH


def test_styles_by_id_find_what_python_docx_finds_and_keep_a_style_added() -> None:
    """``style_index``'s ids give the style python-docx's search by id finds (the
    first of an id); ``word_style`` adds a style it makes to them."""
    document = docx.Document()
    _renamed(document, "Header", "Kopfzeile")
    index = style_index(document)
    for style in document.styles:
        assert index.ids[style.style_id] is document.styles.element.get_by_id(style.style_id)
    assert word_style(document, "Header", index).element is index.ids["Header"]
    added = word_style(document, "Key Figure", index)
    assert index.ids[added.style_id] is added.element


def test_the_theme_applied_with_styles_by_name_is_the_theme_applied_by_search(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The styles XML ``apply_theme`` writes is the same whether each style is looked up
    in the index it keeps or searched for each time (as before the index)."""
    from ipdocs.writers.docx import styles

    theme = load_theme("briefing")
    indexed = docx.Document()
    apply_theme(indexed, theme, hyphenate=True)
    class Searched(dict[str, BaseOxmlElement]):
        """Each style searched for in the document's styles when asked for (the lookup
        before the index)."""

        def __init__(self, document: docx.document.Document) -> None:
            super().__init__()
            self.document = document

        def get(self, name: str, default: object = None) -> BaseOxmlElement | None:  # type: ignore[override]
            return next((s.element for s in self.document.styles if s.name == name), None)

    monkeypatch.setattr(styles, "style_index", Searched)
    searched = docx.Document()
    apply_theme(searched, theme, hyphenate=True)
    assert indexed.styles.element.xml == searched.styles.element.xml


def test_a_paragraph_style_is_set_as_python_docx_sets_it() -> None:
    """The style's id in w:pStyle, none for the default paragraph style (Normal), and a
    character style refused, as python-docx's ``paragraph.style =`` does."""
    ours = docx.Document()
    theirs = docx.Document()
    for name in ("Header", "Normal", "Heading 1"):
        set_paragraph_style(ours.add_paragraph(), ours.styles[name])
        theirs.add_paragraph().style = theirs.styles[name]
    assert ours.element.body.xml == theirs.element.body.xml
    assert ours.paragraphs[1]._p.pPr is None or ours.paragraphs[1]._p.pPr.pStyle is None
    with pytest.raises(ValueError):
        set_paragraph_style(ours.add_paragraph(), ours.styles["Default Paragraph Font"])


def _by_python_docx(document: docx.document.Document, theme_name: str, name: str,
                    word_name: str) -> None:
    """``apply_style`` as it was written through python-docx's ``Font`` and
    ``ParagraphFormat`` setters (the reference its XML must equal)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.shared import RGBColor

    from ipdocs.writers.docx.styles import ALIGN, SPACING_SUCCESSORS, _spacing_element
    from ipdocs.writers.docx.xml import PPR_ORDER, child, ordered_child, set_fonts
    from ipdocs.writers.spacing import line_height, tracking

    theme = load_theme(theme_name)
    spec = theme.style(name)
    style = word_style(document, word_name)
    font = theme.font(spec)
    style.font.name = font.latin
    set_fonts(style.element.get_or_add_rPr(), font.latin, font.east_asian)
    style.font.size = Pt(spec.size)
    style.font.bold = spec.bold
    style.font.italic = spec.italic
    style.font.color.rgb = RGBColor.from_string(theme.color(spec.color) or "000000")
    rpr = style.element.get_or_add_rPr()
    for tag in ("w:caps", "w:smallCaps", "w:spacing"):
        rpr.remove(rpr.find(child(rpr, tag).tag))
    if track := tracking(theme, spec):
        rpr.insert_element_before(_spacing_element(track), *SPACING_SUCCESSORS)
    fmt = style.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(line_height(spec))
    fmt.space_before = Pt(spec.before)
    fmt.space_after = Pt(spec.after)
    fmt.alignment = ALIGN.get(spec.align, WD_ALIGN_PARAGRAPH.LEFT)
    fmt.first_line_indent = None
    ppr = style.element.get_or_add_pPr()
    for border in ppr.findall(child(ppr, "w:pBdr").tag):
        ppr.remove(border)
    if theme.page.chars_per_line and not spec.grid:
        ordered_child(ppr, "w:snapToGrid", PPR_ORDER, w_val="0")


@pytest.mark.parametrize("theme_name", ["briefing", "official"])
def test_a_style_is_written_as_python_docx_setters_write_it(theme_name: str) -> None:
    """Every theme style applied to each of python-docx's template styles it names (their
    own fonts, spacing, indents, bold and colours replaced) gives the XML python-docx's
    setters give, element for element and attribute for attribute; and a second pass
    over the styles so set, each given another theme style's look."""
    from docx.opc.oxml import serialize_part_xml

    from ipdocs.writers.docx.styles import apply_style

    theme = load_theme(theme_name)
    ours, reference = docx.Document(), docx.Document()
    targets = [*WORD_STYLES.values(), "TOC 2", "Normal", "Heading 5", "Quote", "List Bullet"]
    for document in (ours, reference):  # indents the look takes away
        document.styles["Quote"].paragraph_format.first_line_indent = Pt(21)
        document.styles["Heading 5"].paragraph_format.first_line_indent = Pt(-21)
    for shift in (0, 5):  # the second pass sets other looks over the first's
        for index, word_name in enumerate(targets):
            name = list(WORD_STYLES)[(index + shift) % len(WORD_STYLES)]
            apply_style(ours, theme, name, word_name)
            _by_python_docx(reference, theme_name, name, word_name)
    assert serialize_part_xml(ours.styles.element) == \
        serialize_part_xml(reference.styles.element)


@pytest.mark.parametrize("theme_name", ["briefing", "official"])
def test_a_style_id_found_by_name_is_the_one_python_docx_finds(theme_name: str) -> None:
    """``style_id`` with the styles by name gives the id python-docx's ``styles[name]``
    gives, for the theme's styles, the template's, a style added after the index was
    made, and a name python-docx finds only as an id (warned); an unknown name raises
    as python-docx does."""
    from ipdocs.writers.docx import styled_blank
    from ipdocs.writers.docx.styles import apply_style, style_id, styles_by_name

    theme = load_theme(theme_name)
    document = styled_blank(theme, ("zh-CN", "zh-CN"), False)
    index = styles_by_name(document)
    apply_style(document, theme, "body", "Body Text Latin")  # after the index
    names = [*WORD_STYLES.values(), "TOC 2", "Normal", "Quote", "List Bullet", "header",
             "Body Text Latin", "Default Paragraph Font"]
    for name in names:
        assert style_id(document, name, index) == document.styles[name].style_id, name
    assert index["heading 1"].get(qn("w:styleId")) == style_id(document, "Heading 1", index)
    with warnings.catch_warnings(record=True) as warned:
        warnings.simplefilter("always")
        assert style_id(document, "Heading1", index) == "Heading1"  # by id, as python-docx
    assert warned
    with pytest.raises(KeyError):
        style_id(document, "No Such Style", index)
