"""WordprocessingML helpers: children made once, in the schema's order; all four font
slots set and theme fonts dropped; languages; complex fields; bookmarks."""

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from ipdocs.writers.docx.xml import (
    PPR_ORDER,
    bookmark,
    child,
    field,
    ordered_child,
    set_fonts,
    set_lang,
)


def names(element: object) -> list[str]:
    """The local names of an element's children."""
    return [c.tag.rsplit("}", 1)[1] for c in element]  # type: ignore[attr-defined]


def test_a_child_is_made_once_with_its_attributes() -> None:
    rpr = OxmlElement("w:rPr")
    first = child(rpr, "w:b", w_val="1")
    assert child(rpr, "w:b") is first and first.get(qn("w:val")) == "1"
    assert names(rpr) == ["b"]


def test_children_go_where_the_schema_orders_them() -> None:
    ppr = OxmlElement("w:pPr")
    ordered_child(ppr, "w:jc", PPR_ORDER, w_val="both")
    ordered_child(ppr, "w:pStyle", PPR_ORDER, w_val="Body")
    ordered_child(ppr, "w:spacing", PPR_ORDER)
    ordered_child(ppr, "w:keepNext", PPR_ORDER)
    assert names(ppr) == ["pStyle", "keepNext", "spacing", "jc"]


def test_fonts_fill_every_slot_and_drop_theme_fonts() -> None:
    rpr = OxmlElement("w:rPr")
    child(rpr, "w:rFonts", w_asciiTheme="minorHAnsi", w_eastAsiaTheme="minorEastAsia")
    set_fonts(rpr, "Latin", "Han", hint=True)
    fonts = rpr.find(qn("w:rFonts"))
    assert {k.rsplit("}", 1)[1]: v for k, v in fonts.attrib.items()} == {
        "ascii": "Latin", "hAnsi": "Latin", "cs": "Latin", "eastAsia": "Han",
        "hint": "eastAsia"}
    set_fonts(rpr, "Latin", "Han")
    assert qn("w:hint") not in fonts.attrib


def test_language_tags() -> None:
    rpr = OxmlElement("w:rPr")
    set_lang(rpr, "en-GB", "zh-CN")
    lang = rpr.find(qn("w:lang"))
    assert (lang.get(qn("w:val")), lang.get(qn("w:eastAsia"))) == ("en-GB", "zh-CN")


def test_a_complex_field_and_a_bookmark() -> None:
    paragraph = OxmlElement("w:p")
    field(paragraph, "PAGE", "1")
    kinds = [r[0].get(qn("w:fldCharType")) or r[0].text for r in paragraph]
    assert kinds == ["begin", "PAGE", "separate", "1", "end"]
    start, end = bookmark(3, "h1")
    assert (start.get(qn("w:id")), start.get(qn("w:name")), end.get(qn("w:id"))) == (
        "3", "h1", "3")
