"""Reading input files and checking texts: regular files only, bounded, characters checked."""

import hashlib
import os
import unicodedata
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from ipdocs.base.inputs import (
    _FORBIDDEN,
    MAX_FILE_BYTES,
    MAX_TEXT_CHARS,
    InputError,
    _first_forbidden,
    normalise,
    read_text,
    text_digest,
    text_problem,
    texts_clean,
)


def test_reads_utf8_and_drops_a_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes("\ufeffa: 宁波\n".encode())
    assert read_text(path) == "a: 宁波\n"


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a folder"):
        read_text(tmp_path)


def test_a_device_is_refused_without_reading_it() -> None:
    with pytest.raises(InputError, match="not a regular file"):
        read_text("/dev/zero")


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "spec.yaml"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a regular file"):
        read_text(fifo)


def test_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read the file: No such file"):
        read_text(tmp_path / "absent.yaml")


def test_a_file_too_large_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"#" * (MAX_FILE_BYTES + 1))
    with pytest.raises(InputError, match=r"larger than 4\.0 MiB"):
        read_text(path)
    path.write_bytes(b"#" * MAX_FILE_BYTES)
    assert len(read_text(path)) == MAX_FILE_BYTES


def test_binary_is_refused_with_the_place_of_its_first_bad_byte(tmp_path: Path) -> None:
    path = tmp_path / "brief.yaml"
    path.write_bytes(b"a: 1\nb: \xff\xfe\n")
    with pytest.raises(InputError) as caught:
        read_text(path)
    assert "not UTF-8" in caught.value.message
    assert (caught.value.line, caught.value.column) == (2, 4)


@pytest.mark.parametrize(("char", "kind"), [
    ("\x00", "a control character"), ("\x1b", "a control character"),
    ("\x85", "a control character"), ("\x7f", "a control character"),
    ("\ufffe", "a noncharacter"), ("\ufdd0", "a noncharacter"),
    ("\U0010ffff", "a noncharacter"), ("\ud800", "a lone surrogate"),
    ("\u202e", "a bidirectional control"), ("\u2067", "a bidirectional control"),
])
def test_forbidden_characters_are_named_with_their_place(char: str, kind: str) -> None:
    problem = text_problem(f"ab{char}c")
    assert problem is not None
    assert f"U+{ord(char):04X}" in problem and kind in problem and "character 3" in problem


@pytest.mark.parametrize("text", ["宁波\t市\n第二段\r\n", "喆 赟 堃 昇", "𠮷", "e\u0301", "🙂"])
def test_ordinary_text_passes(text: str) -> None:
    assert text_problem(text) is None  # faces that lack a character are the writers' concern


def test_text_length_is_bounded() -> None:
    assert text_problem("x" * MAX_TEXT_CHARS) is None
    problem = text_problem("x" * (MAX_TEXT_CHARS + 1))
    assert problem is not None and "10,001 characters" in problem


def test_normalise_composes() -> None:
    decomposed = unicodedata.normalize("NFD", "Café Zürich")
    assert decomposed != "Café Zürich"
    assert normalise(decomposed) == "Café Zürich"
    text = "宁波"
    assert normalise(text) is text


_TRICKY = st.sampled_from(["\x00", "\x07", "\t", "\n", "\r", "\x85", "\x9f", "\ud800",
                           "\u202e", "\u2066", "\ufdd0", "\ufffe", "\uffff",
                           "\U0001fffe", "\U0010ffff", "\U0002a6d6", "\U0001f600", "e",
                           "\u0301", "\u0327", "\u1100", "\u1161", "\u11a8", "\uac00",
                           "\u212b", "\u0958", "宁", "\u3000", "a", " ", "\u00e9"])
_TEXTS = st.lists(st.one_of(_TRICKY, st.characters()), max_size=12).map("".join)


@given(_TEXTS)
@example("\U0001fffe a \x07")
@example("a \x07 \U0001fffe")
@example("\U0001f600\U0010ffff")
def test_the_first_forbidden_character_is_found_as_the_whole_class_finds_it(
        text: str) -> None:
    found, expected = _first_forbidden(text), _FORBIDDEN.search(text)
    assert (found and found.span()) == (expected and expected.span())


@given(st.lists(_TEXTS, max_size=6))
@example(["e", "\u0301"])
@example(["\u1100", "\u1161"])
@example(["a" * (MAX_TEXT_CHARS + 1)])
def test_texts_are_clean_at_once_exactly_when_each_is(texts: list[str]) -> None:
    """Texts checked together pass exactly when every one passes ``text_problem`` and is
    left as it is by ``normalise``."""
    assert texts_clean(texts) == all(text_problem(t) is None and normalise(t) == t
                                     for t in texts)


def test_texts_found_clean_are_remembered_and_new_ones_still_checked() -> None:
    from ipdocs.base import inputs

    inputs._CLEAN.clear()
    assert inputs.texts_clean(["ok", "fine"])
    assert {"ok", "fine"} <= inputs._CLEAN
    assert not inputs.texts_clean(["ok", "bad\x00"])  # a control character
    assert not inputs.texts_clean(["fine", "e\u0301"])  # not in form C
    assert "bad\x00" not in inputs._CLEAN and "e\u0301" not in inputs._CLEAN
    assert inputs.texts_clean(["ok", "fine", "fine"])


def test_texts_remembered_clean_are_forgotten_beyond_the_bound(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from ipdocs.base import inputs

    monkeypatch.setattr(inputs, "CLEAN_KEPT", 3)
    inputs._CLEAN.clear()
    assert inputs.texts_clean(["a", "b"])
    assert inputs.texts_clean(["c", "d"])
    assert sorted(inputs._CLEAN) == ["c", "d"]


def test_a_text_is_known_by_the_sha_256_of_its_utf_8() -> None:
    assert text_digest("宁波") == hashlib.sha256("宁波".encode()).hexdigest()
    assert text_digest("a\n") != text_digest("a\r\n")
