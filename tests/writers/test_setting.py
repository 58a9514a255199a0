"""The PDF writer's shared state and text setting: a style's geometry, type scaled, a
piece's own look, and characters no font covers gathered once a font and a text."""

import pytest

from ipdocs.themes import load_theme
from ipdocs.writers.pdf.fonts import Fonts
from ipdocs.writers.pdf.setting import (
    Piece,
    Writer,
    font_name,
    looks_runs,
    note_uncovered,
    text_block,
    text_shape,
)

THEME = load_theme("briefing")


@pytest.fixture
def w() -> Writer:
    """A writer for a frame 400 points wide."""
    return Writer(THEME, Fonts(THEME), 400)


def test_han_text_takes_the_first_line_indent_and_no_hyphens(w: Writer) -> None:
    body = THEME.style("body")
    zh, en = text_shape(body, w.language("zh")), text_shape(body, w.language("en"))
    assert zh.indent > 0 and not zh.hyphenate
    assert en.indent == 0 and en.hyphenate
    assert zh.leading == en.leading > body.size
    assert text_shape(body, w.language("zh"), "right").align == "right"


def test_a_scaled_block_scales_its_type(w: Writer) -> None:
    block = text_block([Piece("x")], "body", "en", w, scale=0.5)
    assert block.looks[0].size == THEME.style("body").size / 2


def test_a_bold_piece_has_a_look_of_its_own(w: Writer) -> None:
    runs, looks = looks_runs([Piece("专利授权量"), Piece("PCT", bold=True)],
                             THEME.style("body"), "zh", w)
    assert "".join(r.text for r in runs) == "专利授权量PCT"
    assert len(looks) == 2 and looks[0].face != looks[1].face
    assert {r.style for r in runs if r.text == "PCT"} == {1}


def test_uncovered_characters_are_gathered_by_font_and_text(w: Writer) -> None:
    note_uncovered(w, ["𠮷", "𠮷"], "font 'body'", "a𠮷")
    note_uncovered(w, ["𠮷"], "font 'body'", "b𠮷")
    note_uncovered(w, ["𠮷"], "font 'body'", "a𠮷")
    assert w.uncovered == {"font 'body'": {"𠮷": ["a𠮷", "b𠮷"]}}


def test_a_font_role_as_a_message_names_it() -> None:
    assert font_name(THEME, "no-such-role") == "font 'no-such-role'"
    assert font_name(THEME, "body").startswith("font 'body'")


def test_english_in_the_official_theme_takes_its_indent() -> None:
    official = load_theme("official")
    writer = Writer(official, Fonts(official), 400)
    en = text_shape(official.style("body"), writer.language("en"))
    assert en.indent == official.style("body").indent_latin == 2


def test_a_cut_setting_hashes_once_as_its_tuple_and_pickles_without_its_hash() -> None:
    import pickle

    from ipdocs.writers.pdf.setting import _HashedOnce

    plain = (1, "a", (2.5, None))
    setting = _HashedOnce(plain)
    assert setting == plain and hash(setting) == hash(plain) == setting._hash
    assert {plain: "found"}[setting] == "found"
    copy = pickle.loads(pickle.dumps(setting))
    assert copy == setting and "_hash" not in vars(copy)
