"""Embedded faces and the font table of a DOCX (writers/docx/fonts.py)."""

import io
import uuid
import zipfile

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from fontTools.ttLib import TTFont
from lxml import etree

from ipdocs.themes import load_theme
from ipdocs.writers.docx.fonts import (
    FontError,
    Printed,
    Source,
    W,
    check_missing,
    declare_fonts,
    east_asian,
    embed,
    embed_printed,
    families,
    obfuscate,
    prune_font_table,
    whole_family,
)


def _table(document: object) -> etree._Element:
    part = next(r.target_part for r in document.part.rels.values()  # type: ignore[attr-defined]
                if r.reltype == RT.FONT_TABLE)
    return etree.fromstring(part.blob)


def _entries(document: object) -> dict[str, etree._Element]:
    return {f.get(f"{{{W}}}name"): f for f in _table(document).findall(f"{{{W}}}font")}


def test_obfuscation_xors_the_first_32_bytes_with_the_reversed_key_and_undoes_itself() -> None:
    data = bytes(range(64))
    key = uuid.UUID("00112233-4455-6677-8899-aabbccddeeff")
    hidden = obfuscate(data, key)
    assert hidden[32:] == data[32:] and hidden[:32] != data[:32]
    assert hidden[0] == data[0] ^ 0xFF and hidden[15] == data[15] ^ 0x00
    assert hidden[16] == data[16] ^ 0xFF
    assert obfuscate(hidden, key) == data


@pytest.mark.parametrize(("char", "wide"), [("中", True), ("，", True), ("A", False),
                                            ("1", False), ("\U00020000", True)])
def test_east_asian_characters(char: str, wide: bool) -> None:
    assert east_asian(char) is wide


def test_families_split_nothing_a_face_has_and_note_what_each_prints() -> None:
    theme = load_theme("briefing")
    font = theme.font(theme.style("body"))
    printed = Printed()
    assert families("专利 2024 年", font, False, printed) == [((None, None), "专利 2024 年")]
    assert printed.chars[(font.east_asian, False)] == set("专利年")
    assert printed.chars[(font.latin, False)] == set(" 2024")
    assert printed.sources[(font.latin, False)].shared == "charset"
    assert not printed.missing


def test_a_latin_character_the_latin_face_lacks_goes_to_a_symbols_family() -> None:
    theme = load_theme("official")
    font = theme.font(theme.style("body"))
    printed = Printed()
    parts = families("1 \u2460", font, False, printed)  # the Latin face lacks ①
    assert parts == [((None, None), "1 "), (("FandolFang Symbols", None), "\u2460")]
    source = printed.sources[("FandolFang Symbols", False)]
    assert source.shared == "symbols" and source.beside == "NotoSerif-Regular.ttf"
    assert source.common("①A专") == {"①"}


def test_whole_family_names_the_fonts_own_family_when_its_face_has_every_character() -> None:
    theme = load_theme("briefing")
    font = theme.font(theme.style("body"))
    printed = Printed()
    assert whole_family("知识产权", font, printed) == font.east_asian
    assert printed.chars[(font.east_asian, False)] == set("知识产权")


def test_missing_characters_are_refused_by_name_and_text() -> None:
    printed = Printed(missing={"\ue000": "a private character in a long sentence of text"})
    with pytest.raises(FontError, match=r"U\+E000 .*“a private character in a long …”"):
        check_missing(printed)
    check_missing(Printed())


def test_declare_fonts_adds_the_first_alternate_name_once() -> None:
    document = docx.Document()
    declare_fonts(document, {"仿宋_GB2312": ["FangSong", "STFangsong"]})
    declare_fonts(document, {"仿宋_GB2312": ["Other"]})
    alts = _entries(document)["仿宋_GB2312"].findall(f"{{{W}}}altName")
    assert [a.get(f"{{{W}}}val") for a in alts] == ["FangSong"]


def test_embed_stores_the_face_obfuscated_under_its_family_and_turns_embedding_on() -> None:
    document = docx.Document()
    data = bytes(range(200)) * 2
    embed(document, "Body Face", "Bold", data)
    embed(document, "Body Face", "Regular", data[::-1])
    font = _entries(document)["Body Face"]
    tags = [etree.QName(c).localname for c in font]
    assert tags[-2:] == ["embedRegular", "embedBold"]
    bold = font.find(f"{{{W}}}embedBold")
    key = uuid.UUID(bold.get(f"{{{W}}}fontKey").strip("{}"))
    rid = bold.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
    table_part = next(r.target_part for r in document.part.rels.values()
                      if r.reltype == RT.FONT_TABLE)
    stored = table_part.rels[rid].target_part.blob
    assert stored != data and obfuscate(stored, key) == data
    settings = document.settings.element.xml
    assert "embedTrueTypeFonts" in settings and "saveSubsetFonts" in settings


def test_embed_printed_embeds_subsets_of_what_is_printed() -> None:
    theme = load_theme("briefing")
    font = theme.font(theme.style("body"))
    document = docx.Document()
    printed = Printed()
    families("专利 A", font, False, printed)
    embed_printed(document, printed, charset="专利 AB")
    out = io.BytesIO()
    document.save(out)
    with zipfile.ZipFile(out) as package:
        fonts = [n for n in package.namelist() if n.endswith(".odttf")]
    assert len(fonts) == len(printed.chars) == 2
    entries = _entries(document)
    assert entries[font.east_asian].find(f"{{{W}}}embedRegular") is not None
    latin = entries[font.latin].find(f"{{{W}}}embedRegular")
    key = uuid.UUID(latin.get(f"{{{W}}}fontKey").strip("{}"))
    table_part = next(r.target_part for r in document.part.rels.values()
                      if r.reltype == RT.FONT_TABLE)
    rid = latin.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
    blob = table_part.rels[rid].target_part.blob
    face = TTFont(io.BytesIO(obfuscate(blob, key)))
    cmap = set(face.getBestCmap())
    assert {ord("A"), ord("B"), ord("1")} <= cmap  # printed, the report's, and ALWAYS
    assert ord("Z") not in cmap


def test_prune_font_table_keeps_only_the_families_parts_name() -> None:
    document = docx.Document()
    document.add_paragraph("x").runs[0].font.name = "Named Face"
    declare_fonts(document, {"Named Face": [], "Unused Face": []})
    prune_font_table(document)
    entries = _entries(document)
    assert "Named Face" in entries and "Unused Face" not in entries
    assert not {"ＭＳ 明朝", "Arial", "Calibri"} & set(entries)


def test_prune_font_table_reads_the_parts_given_as_bytes() -> None:
    """The document's body spooled to bytes (``spool.BodySpool``) names families too:
    one named there only, with an escape, is kept."""
    document = docx.Document()
    declare_fonts(document, {"Spooled & Face": [], "宋体": [], "Unused Face": []})
    xml = ('<w:document><w:body><w:r><w:rPr><w:rFonts w:ascii="Spooled &amp; Face" '
           'w:eastAsia="宋体"/></w:rPr></w:r></w:body></w:document>').encode()
    prune_font_table(document, {str(document.part.partname): xml})
    assert {"Spooled & Face", "宋体"} <= set(_entries(document))
    assert "Unused Face" not in _entries(document)


def test_a_source_shares_the_reports_characters_as_asked() -> None:
    assert Source("x.ttf").common("ab") == set()
    assert Source("x.ttf", shared="charset").common("ab") == {"a", "b"}


@pytest.mark.parametrize("theme_name", ["briefing", "official"])
@pytest.mark.parametrize("han", [False, True])
@pytest.mark.parametrize("text", ["专利 2024 年", "RMB 61.093 billion", "“知识产权”—2024",
                                  "1 \u2460", "\u2060", "", "甲乙丙丁 · 𠀀"])
def test_families_reads_text_as_it_reads_each_character(theme_name: str, han: bool,
                                                        text: str) -> None:
    """The class of each character families keeps (its quick way) gives the same runs and
    notes the same characters as reading the text character by character."""
    from ipdocs.writers.docx.fonts import _families_each

    theme = load_theme(theme_name)
    for style in ("body", "h1"):
        font = theme.font(theme.style(style))
        for bold in (False, True):
            quick, each = Printed(), Printed()
            assert families(text, font, bold, quick, han=han) == \
                _families_each(text, font, bold, each, han=han)
            assert (quick.chars, quick.sources, quick.missing) == \
                (each.chars, each.sources, each.missing)


def test_named_reads_the_naming_tags_alone_and_the_whole_part_where_a_name_is_elsewhere(
        ) -> None:
    from ipdocs.writers.docx.fonts import FONT_NAME, _named

    runs = (b'<w:r><w:rPr><w:rFonts w:ascii="A" w:hAnsi="A" w:cs="A" w:eastAsia="B"/>'
            b'<w:lang w:val="en-GB" w:eastAsia="zh-CN"/></w:rPr><w:t>x</w:t></w:r>') * 3
    elsewhere = runs + b'<a:latin typeface="C &amp; D"/><w:t>w:cs="E"</w:t>'
    for xml in (runs, elsewhere):
        assert _named(xml) == {n.decode().replace("&amp;", "&")
                               for n in FONT_NAME.findall(xml)}
    assert _named(runs) == {"A", "B", "zh-CN"}
    assert _named(elsewhere) == {"A", "B", "zh-CN", "C & D", "E"}
