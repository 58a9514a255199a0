"""The PDF's fonts: a theme role's face (bundled, subset or the user's file), the face
each character is set in along the role's chain and the fallbacks, what no face has."""

from collections import OrderedDict
from dataclasses import replace
from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFontFace

from ipdocs.themes import load_theme
from ipdocs.typefaces.bundled import BUNDLED, face_path
from ipdocs.writers.pdf import fonts as pdf_fonts
from ipdocs.writers.pdf.adapter import is_registered
from ipdocs.writers.pdf.fonts import (
    _REPORTLAB_CMAP,
    Face,
    FontError,
    Fonts,
    Where,
    _split,
    latin_char,
    register,
    register_subset,
    role_face,
    to_unicode_cmap,
)
from tests.fontfiles import fake_fontconfig, make_font


def test_a_character_beyond_the_bmp_is_mapped_as_utf16() -> None:
    cmap = to_unicode_cmap("F", [0x41, 0x20BB7])  # A and 𠮷
    assert "<00> <0041>" in cmap
    assert "<01> <D842DFB7>" in cmap and "20BB7" not in cmap


def test_a_tounicode_map_is_remembered_by_all_it_is_made_of() -> None:
    """The same font and characters give the map made before; another font's name or
    other characters give their own."""
    first = to_unicode_cmap("FKept", [0x41, 0x42])
    assert to_unicode_cmap("FKept", (0x41, 0x42)) is first
    assert to_unicode_cmap("FKept", [0x41, 0x43]) == _REPORTLAB_CMAP("FKept", [0x41, 0x43])
    assert to_unicode_cmap("FOther", [0x41, 0x42]) == _REPORTLAB_CMAP("FOther", [0x41, 0x42])
    assert to_unicode_cmap("FOther", [0x41, 0x42]) != first


def test_a_collection_face_is_named_by_its_index() -> None:
    assert _split("fonts/a.ttc#2") == ("fonts/a.ttc", 2)
    assert _split("fonts/a.ttf") == ("fonts/a.ttf", 0)


def test_a_face_is_registered_once_with_what_it_covers(tmp_path: Path) -> None:
    path = make_font(tmp_path / "Squares.ttf", "αβ", "Squares")
    face = register(str(path))
    assert register(str(path)) is face and is_registered(face.name)
    assert face.covers >= {ord("α"), ord("β")} and ord("γ") not in face.covers


def test_a_missing_or_cff_face_is_refused_with_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(FontError, match=r"font file not found: .*nowhere\.ttf"):
        register(str(tmp_path / "nowhere.ttf"))
    cff = make_font(tmp_path / "Outlines.otf", "a", "Outlines", cff=True)
    with pytest.raises(FontError, match=r"PostScript \(CFF\) outlines.*fonts convert"):
        register(str(cff))


def test_a_subset_is_made_once_a_text_and_old_texts_are_forgotten(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_fonts, "MAX_SUBSET_TEXTS", 2)
    monkeypatch.setattr(pdf_fonts, "_subsets", OrderedDict())  # other tests' stay registered
    name = BUNDLED["sans"].latin_regular
    first = register_subset(name, "ab unique text one")
    assert register_subset(name, "ab unique text one") is first
    assert {ord(c) for c in "abunique"} <= first.covers and ord("z") not in first.covers
    register_subset(name, "cd unique text two")
    register_subset(name, "ef unique text three")  # the third text: the first forgotten
    assert not is_registered(first.name)
    again = register_subset(name, "ab unique text one")  # made again when asked again
    assert again.name == first.name and is_registered(again.name)


def test_a_role_face_is_the_users_file_else_the_bundled_one() -> None:
    theme = load_theme("briefing")
    serif = theme.fonts["serif"]
    assert role_face(serif, False).name == register(str(face_path(BUNDLED["serif"].regular))).name
    latin = role_face(serif, True, latin=True)
    assert latin.name == register(str(face_path(BUNDLED["serif"].latin_bold))).name
    own = replace(serif, regular_file=str(face_path("NotoSansCJKsc-Regular.ttf")))
    assert role_face(own, False).name == register(str(face_path("NotoSansCJKsc-Regular.ttf"))).name


def test_a_family_without_bold_is_emboldened_by_stroking() -> None:
    theme = load_theme("official")
    assert role_face(theme.fonts["fangsong"], True).synthetic_bold
    assert not role_face(theme.fonts["fangsong"], False).synthetic_bold
    assert not role_face(theme.fonts["song"], True).synthetic_bold


@pytest.mark.parametrize(("char", "latin"), [("A", True), ("7", True), ("%", True),
                                             ("—", True), ("中", False), ("①", False),
                                             ("，", False)])
def test_latin_characters_are_set_in_the_latin_face(char: str, latin: bool) -> None:
    assert latin_char(char) is latin


def test_where_shows_a_short_text_whole_and_a_long_one_cut() -> None:
    assert str(Where("Growth")) == "in “Growth”"
    assert str(Where("x" * 40)) == "in “" + "x" * 30 + "…”"


def test_english_text_goes_to_the_latin_face_and_han_to_the_role_face() -> None:
    fonts = Fonts(load_theme("briefing"))
    han, latin = fonts.face("serif"), fonts.face("serif", latin=True)
    assert fonts.pieces("IP 知识产权 2024", han, latin) == [
        (latin, "IP "), (han, "知识产权"), (latin, " 2024")]
    assert fonts.pieces("IP 知识", han) == [(han, "IP 知识")]


def test_a_text_its_face_covers_whole_is_one_piece_as_the_general_path_makes_it() -> None:
    fonts = Fonts(load_theme("official"), "张喆知识产权\n")
    fang = fonts.face("fangsong")
    assert {ord(c) for c in "知识产权张"} <= fang.covers  # the faster path
    assert fonts.pieces("知识产权张", fang) == [(fang, "知识产权张")]
    assert 10 not in fang.covers  # a line end: the general path, set as a space
    assert fonts.pieces("知识产权\n张", fang) == [(fang, "知识产权\n张")]
    assert fonts.pieces("", fang) == []
    # a character the face lacks: the general path, in order, along the chain
    noto = fonts.cover("喆", fang)
    assert fonts.pieces("张喆知识", fang) == [(fang, "张"), (noto, "喆"), (fang, "知识")]


def test_a_character_the_face_lacks_goes_along_its_chain() -> None:
    fonts = Fonts(load_theme("official"), "张喆")
    fang = fonts.face("fangsong")
    assert fonts.cover("张", fang) == fang
    noto = fonts.cover("喆", fang)  # not in GB 2312 nor Fandol: Noto Serif CJK SC
    assert noto != fang and ord("喆") in noto.covers
    assert fonts.cover("\n", fang) == fang


def test_a_character_the_face_lacks_goes_along_its_chain_with_whole_faces() -> None:
    """Fonts made without a document's text set whole faces, along the chain too (the
    next face was subset to the empty text: it covered a space alone)."""
    fonts = Fonts(load_theme("official"))
    assert ord("喆") in fonts.cover("喆", fonts.face("fangsong")).covers


def test_a_fallback_covers_what_no_bundled_face_has(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    fake_fontconfig(monkeypatch)
    squares = make_font(tmp_path / "Runes.ttf", "ᚠᚢ", "Runes")
    theme = replace(load_theme("briefing"), fallbacks=(str(squares),))
    fonts = Fonts(theme)
    serif = fonts.face("serif")
    assert fonts.cover("ᚠ", serif) == fonts.fallbacks[0]
    assert fonts.whole("ᚠᚢ", serif) == fonts.fallbacks[0]
    assert fonts.whole("ᚠ中", serif) == serif  # no one face has both: the given one
    assert fonts.missing("中ᚠ ᚢ😀", [serif]) == ["😀"]


def test_a_machine_face_is_looked_for_only_for_what_is_missing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    machine = make_font(tmp_path / "MachineRunes.ttf", "ᚦ", "MachineRunes")
    fake_fontconfig(monkeypatch, (machine, "ᚦ"))
    fonts = Fonts(load_theme("briefing"), "中ᚦ")
    found = fonts.cover("ᚦ", fonts.face("serif"))
    assert isinstance(found, Face) and ord("ᚦ") in found.covers
    assert fonts.system() == (found,)
    assert fonts.missing("ᚦ", [fonts.face("serif")]) == []


def kept_subset(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str
                ) -> tuple[str, bytes]:
    """A bundled face's subset to ``text`` in a fresh cache under ``tmp_path``, made and its
    reading kept by a first ``subset_font`` (as a first build does)."""
    from ipdocs.writers.subsets import subset_face

    monkeypatch.setenv("IPDOCS_CACHE", str(tmp_path / "cache"))
    subset_face.cache_clear()
    name = BUNDLED["serif"].face(False)
    data = subset_face(name, text)
    pdf_fonts.subset_font("Kfirst", data, name, text)
    return name, data


def test_a_kept_face_makes_the_font_reportlab_would_make(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from reportlab.pdfbase.ttfonts import TTFont

    name, data = kept_subset(tmp_path, monkeypatch, "专利授权量同比增长12.5%")
    [kept] = (tmp_path / "cache" / "font-subsets").glob("*.face")
    parsed = TTFont("Kparsed", io.BytesIO(data))
    from reportlab.pdfbase import ttfonts

    def parse(*args: object, **kwargs: object) -> None:
        pytest.fail("a later process reads no table: it loads what was kept")

    monkeypatch.setattr(ttfonts.TTFontFile, "extractInfo", parse)
    loaded = pdf_fonts.subset_font("Kparsed", data, name, "专利授权量同比增长12.5%")
    assert type(loaded) is TTFont and loaded is not parsed
    assert vars(loaded).keys() == vars(parsed).keys()
    for attribute in ("fontName", "_asciiReadable", "shapable"):
        assert getattr(loaded, attribute, None) == getattr(parsed, attribute, None)
    assert type(loaded.encoding) is type(parsed.encoding) and not loaded.state
    apart = set(pdf_fonts._KEPT_LATER)
    assert vars(loaded.face).keys() == vars(parsed.face).keys() - apart | {pdf_fonts._LATER}
    assert loaded.face.glyphPos == parsed.face.glyphPos  # the tables kept apart, loaded
    face, model = vars(loaded.face), vars(parsed.face)
    assert face.keys() == model.keys()
    assert {k: v for k, v in face.items() if k != "_pdfScale"} == {
        k: v for k, v in model.items() if k != "_pdfScale"}
    if hasattr(parsed.face, "_pdfScale"):  # where reportlab has one (5; not 4.1)
        assert [loaded.face._pdfScale(v) for v in (0, 1, 880, 2048)] == [
            parsed.face._pdfScale(v) for v in (0, 1, 880, 2048)]
    assert kept.exists()


def test_a_kept_face_loads_what_it_holds_apart_once_and_only_when_asked(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A later process's face holds the tables only making a font file reads pickled
    apart: setting text loads none of them; the first asked for loads them all, once."""
    import pickle

    name, data = kept_subset(tmp_path, monkeypatch, FILE_TEXT)
    face = pdf_fonts.subset_font("Kapart", data, name, FILE_TEXT).face
    assert face.charWidths and not set(pdf_fonts._KEPT_LATER) & vars(face).keys()
    loads = []
    real_loads = pickle.loads

    def counted(data: bytes) -> object:
        loads.append(data)
        return real_loads(data)

    monkeypatch.setattr(pdf_fonts.pickle, "loads", counted)
    assert isinstance(face.hmetrics, list) and isinstance(face.table, dict)
    (tmp_path / "face.ttf").write_bytes(data)
    read = TTFontFace(str(tmp_path / "face.ttf"))  # what reportlab itself reads of it
    held = set(pdf_fonts._KEPT_LATER) & vars(read).keys()
    assert held >= {"hmetrics", "glyphPos", "table", "tables"}  # glyphToChar: reportlab 5
    assert held <= vars(face).keys()
    assert pdf_fonts._LATER not in vars(face) and len(loads) == 1
    for missing in set(pdf_fonts._KEPT_LATER) - held:  # asked of by getattr with a default
        assert getattr(face, missing, None) is None
    with pytest.raises(AttributeError, match="no attribute 'elsewhere'"):
        face.elsewhere  # noqa: B018 (an attribute no face has)
    assert not hasattr(face, "hmetrics_") and len(loads) == 1


def test_a_face_kept_for_other_bytes_is_read_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The cache dropped a subset and made it again (another fontTools, other bytes): what
    was kept of the old one must not describe the new one."""
    import io

    from reportlab.pdfbase.ttfonts import TTFont

    name, data = kept_subset(tmp_path, monkeypatch, "知识产权")
    other, _ = kept_subset(tmp_path / "other", monkeypatch, "商标注册")
    monkeypatch.setenv("IPDOCS_CACHE", str(tmp_path / "cache"))
    from ipdocs.writers.subsets import subset_face

    wrong = subset_face(other, "知识产权和商标")  # bytes the kept face was not read from
    font = pdf_fonts.subset_font("Kwrong", wrong, name, "知识产权")
    assert vars(font.face)["charToGlyph"] == TTFont("Kx", io.BytesIO(wrong)).face.charToGlyph
    again = pdf_fonts.subset_font("Kright", data, name, "知识产权")  # kept again, for these
    assert again.face.charToGlyph == TTFont("Ky", io.BytesIO(data)).face.charToGlyph


def test_a_kept_face_altered_without_the_key_is_not_used(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Whoever can write to the cache changes a kept face's widths and seals it as an
    unkeyed cache would: the widths reportlab sets text with must stay the face's."""
    import hashlib
    import io
    import pickle

    from reportlab.pdfbase.ttfonts import TTFont

    name, data = kept_subset(tmp_path, monkeypatch, "数字1和7")
    [kept] = (tmp_path / "cache" / "font-subsets").glob("*.face")
    source, state, scaled = pickle.loads(kept.read_bytes()[:-32])
    state["charWidths"] = dict.fromkeys(state["charWidths"], 1.0)
    bad = pickle.dumps((source, state, scaled))
    kept.write_bytes(bad + hashlib.sha256(bad).digest())
    font = pdf_fonts.subset_font("Kbad", data, name, "数字1和7")
    assert font.face.charWidths == TTFont("Kz", io.BytesIO(data)).face.charWidths
    assert font.face.charWidths[ord("1")] != 1.0


def test_no_face_is_kept_with_the_cache_off(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from ipdocs.writers.subsets import subset_face

    monkeypatch.setenv("IPDOCS_CACHE", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    name = BUNDLED["serif"].face(False)
    font = pdf_fonts.subset_font("Koff", subset_face(name, "专利"), name, "专利")
    assert ord("专") in font.face.charToGlyph
    assert list(tmp_path.iterdir()) == []


FILE_TEXT = "专利授权量同比增长12.5%"


def pdf_in(font: object, text: str = FILE_TEXT) -> bytes:
    """A PDF that sets ``text`` in ``font`` (reportlab's TrueType font), registered for
    the while under a face name of its own (reportlab would set it in a face registered
    before under the face's name: the bundled face whole, say)."""
    import io

    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfgen.canvas import Canvas

    from ipdocs.writers.pdf.adapter import forget_font

    font.face.name += b"-" + font.fontName.encode("ascii")  # type: ignore[attr-defined]
    pdfmetrics.registerFont(font)
    try:
        out = io.BytesIO()
        canvas = Canvas(out, invariant=1)
        canvas.setFont(font.fontName, 12)  # type: ignore[attr-defined]
        canvas.drawString(10, 10, text)
        canvas.save()
        return out.getvalue()
    finally:
        forget_font(font.fontName, font.face.name)  # type: ignore[attr-defined]


def font_files(folder: Path, before: set[Path]) -> list[Path]:
    """What the font cache in ``folder`` holds beside what it held ``before``."""
    return sorted(set((folder / "font-subsets").glob("*.face")) - before)


def made_subsets(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A list that counts the font files reportlab makes from now on (one item a file)."""
    from ipdocs.writers.pdf import adapter

    made: list[int] = []
    original = adapter._make_subset

    def counted(face: object, subset: object) -> bytes:
        made.append(1)
        return original(face, subset)

    monkeypatch.setattr(adapter, "_make_subset", counted)
    return made


def test_a_later_build_reads_the_font_files_the_first_kept(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first build makes and keeps each embedded font file; a later one (another
    process: a face read anew) reads it, and writes the same bytes as reportlab alone."""
    import io

    from reportlab.pdfbase.ttfonts import TTFont

    name, data = kept_subset(tmp_path, monkeypatch, FILE_TEXT)
    before = set((tmp_path / "cache" / "font-subsets").glob("*.face"))
    alone = pdf_in(TTFont("Kfile", io.BytesIO(data)))
    made = made_subsets(monkeypatch)
    first = pdf_in(pdf_fonts.subset_font("Kfile", data, name, FILE_TEXT))
    assert made and first == alone
    [kept] = font_files(tmp_path / "cache", before)
    made.clear()
    later = pdf_fonts.subset_font("Kfile", data, name, FILE_TEXT)
    assert pdf_in(later) == alone and not made
    assert pdf_in(later, "专利") != alone and made  # other characters: a file of their own
    assert len(font_files(tmp_path / "cache", before)) == 2 and kept.exists()


def test_a_later_build_embeds_the_kept_font_file_itself(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A marker sealed in place of a kept font file is what a later build embeds (so the
    file is read from the cache, not made again)."""
    import zlib

    from ipdocs.writers import subsets

    name, data = kept_subset(tmp_path, monkeypatch, FILE_TEXT)
    before = set((tmp_path / "cache" / "font-subsets").glob("*.face"))
    pdf_in(pdf_fonts.subset_font("Kmark", data, name, FILE_TEXT))
    [kept] = font_files(tmp_path / "cache", before)
    marker = zlib.compress(b"a font file from the cache")
    planted = (26).to_bytes(4, "big") + marker
    key = subsets.cache_key()
    assert key is not None
    kept.write_bytes(planted + subsets._seal(key, kept, planted))
    pdf = pdf_in(pdf_fonts.subset_font("Kmark", data, name, FILE_TEXT))
    assert marker in pdf and b"/Length1 26" in pdf


@pytest.mark.parametrize("damage", ["bytes", "key"])
def test_a_damaged_or_foreign_font_file_is_made_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: str) -> None:
    """A kept font file whose seal does not hold (bytes changed, or sealed with another
    key) is not embedded: the file is made again, and kept again sealed."""
    import hashlib
    import hmac
    import io

    from reportlab.pdfbase.ttfonts import TTFont

    from ipdocs.writers import subsets

    name, data = kept_subset(tmp_path, monkeypatch, FILE_TEXT)
    before = set((tmp_path / "cache" / "font-subsets").glob("*.face"))
    alone = pdf_in(TTFont("Kdamaged", io.BytesIO(data)))
    pdf_in(pdf_fonts.subset_font("Kdamaged", data, name, FILE_TEXT))
    [kept] = font_files(tmp_path / "cache", before)
    stored = kept.read_bytes()
    if damage == "bytes":
        kept.write_bytes(stored[:-40] + bytes(8) + stored[-32:])
    else:
        body = stored[:-32]
        seal = hmac.new(b"someone else's", kept.name.encode() + b"\0" + body, hashlib.sha256)
        kept.write_bytes(body + seal.digest())
    made = made_subsets(monkeypatch)
    assert pdf_in(pdf_fonts.subset_font("Kdamaged", data, name, FILE_TEXT)) == alone
    assert made
    key = subsets.cache_key()
    assert key is not None and subsets._read_cached(kept, key) == stored[:-32]


def test_a_font_file_is_kept_by_the_glyphs_its_codes_map_to(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A face whose codes map to other glyphs (reportlab adds codes for shaped glyphs)
    makes its own font file: the kept one is found by codes and glyphs together."""
    name, data = kept_subset(tmp_path, monkeypatch, FILE_TEXT)
    face = pdf_fonts.subset_font("Kglyphs", data, name, FILE_TEXT).face
    codes = [ord(c) for c in "专利"]
    inputs = face._file_inputs(codes)
    face.charToGlyph = dict(face.charToGlyph, **{chr(0): 0})  # another dict, same mapping
    assert face._file_inputs(codes) == inputs
    face.charToGlyph = {**face.charToGlyph, codes[0]: face.charToGlyph[codes[1]]}
    assert face._file_inputs(codes) != inputs


def test_no_font_file_is_kept_with_the_cache_off(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from reportlab.pdfbase.ttfonts import TTFont

    from ipdocs.writers.subsets import subset_face

    monkeypatch.setenv("IPDOCS_CACHE", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    name = BUNDLED["serif"].face(False)
    data = subset_face(name, FILE_TEXT)
    made = made_subsets(monkeypatch)
    pdf = pdf_in(pdf_fonts.subset_font("Knone", data, name, FILE_TEXT))
    assert made and pdf == pdf_in(TTFont("Knone", io.BytesIO(data)))
    assert list(tmp_path.iterdir()) == []


def test_a_kept_font_file_is_found_by_its_face_and_its_codes_order(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two texts of the same characters in another order number them in another order,
    and the bold face holds the same characters: on one cache, each PDF embeds its own
    face's file in its own order, as reportlab alone makes it (a file found by the
    characters alone, or without the face, would print 2 for 1, or the regular face in
    the bold's place)."""
    import io

    from reportlab.pdfbase.ttfonts import TTFont

    from ipdocs.writers.subsets import subset_face

    monkeypatch.setenv("IPDOCS_CACHE", str(tmp_path / "cache"))
    subset_face.cache_clear()
    chars = "12.5%专利"
    for weight, bold in enumerate((False, True)):
        name = BUNDLED["serif"].face(bold)
        data = subset_face(name, chars)
        for order, text in enumerate(("12.5%专利", "21.5%利专")):
            font = pdf_fonts.subset_font(f"Korder{weight}{order}", data, name, chars)
            alone = TTFont(f"Korder{weight}{order}", io.BytesIO(data))
            assert pdf_in(font, text) == pdf_in(alone, text), (bold, text)
    assert len(list((tmp_path / "cache" / "font-subsets").glob("*.face"))) >= 4
    subset_face.cache_clear()
