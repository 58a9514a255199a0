"""The bundled faces: what each covers, and the chain that sets what a face lacks."""

from __future__ import annotations

from pathlib import Path

import pytest

from ipdocs.typefaces.bundled import (
    BUNDLED,
    COMMON,
    all_coverage,
    anywhere,
    chain,
    coverage,
    covering,
    covers,
    family,
)
from tests.conftest import ROOT, fresh_python

REPORT_MARKS = "，。、；：？！“”‘’（）《》〈〉【】—…·％‰℃±×÷≤≥①②③⑩↑↓→■□▲△●○★㈠㈡　"
"""Punctuation and symbols Chinese reports print."""


def listed(name: str) -> set[int]:
    """A character list written by scripts/build_fonts.py (comment line first)."""
    lines = (ROOT / "fonts" / name).read_text("utf-8").splitlines()
    return {ord(c) for line in lines if not line.startswith("#") for c in line}


GENERAL = listed("general-standard.txt")
GB18030 = listed("gb18030-han.txt")


def test_the_lists_are_whole() -> None:
    assert len(GENERAL) == 8105  # the 通用规范汉字表 (2013)
    assert len(GB18030) >= 20902 + 6582  # URO to U+9FA5 and Extension A, at least
    assert {ord("喆"), ord("赟"), ord("堃"), ord("昇")} <= GENERAL


@pytest.mark.parametrize("role", ["serif", "sans"])
@pytest.mark.parametrize("bold", [False, True])
def test_noto_faces_cover_the_general_standard_table(role: str, bold: bool) -> None:
    face = coverage(family(role).face(bold))
    assert face >= GENERAL
    assert {ord(c) for c in REPORT_MARKS} <= face


def test_gb18030_han_is_covered_along_every_chain() -> None:
    for role in set(BUNDLED) - {"rare"}:
        covered = set().union(*(coverage(family(step).face(False)) for step in chain(role)))
        assert covered >= (GENERAL | GB18030), role


def test_fandol_faces_fall_back_on_noto_serif() -> None:
    assert chain("fang") == ["fang", "serif", "rare"]
    assert chain("kai") == ["kai", "serif", "rare"]
    assert chain("sans") == ["sans", "rare"]
    assert covering("fang", "仿") == "fang"
    assert covering("fang", "喆") == "serif"  # in the 8,105, not in GB 2312 or Fandol
    assert covering("serif", "㐀") == "rare"  # Extension A, outside the 8,105
    assert covering("serif", "😀") is None


def test_fandol_covers_gb2312_han() -> None:
    gb2312 = set()
    for high in range(0xB0, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                gb2312.add(ord(bytes([high, low]).decode("gb2312")))
            except UnicodeDecodeError:
                continue
    for role in ("fang", "kai"):
        assert len(gb2312 - coverage(family(role).regular)) <= 1, role


def test_only_fandol_lacks_bold() -> None:
    assert {role for role, f in BUNDLED.items() if f.bold is None} == {"fang", "kai", "rare"}
    assert family("fang").synthetic_bold(True) and not family("serif").synthetic_bold(True)
    assert family("fang").face(True) == family("fang").regular


def test_all_coverage_joins_every_face() -> None:
    everything = all_coverage()
    assert everything >= GENERAL | GB18030
    assert ord("A") in everything and ord("😀") not in everything


def test_anywhere_is_membership_of_all_coverage() -> None:
    """The merged ranges answer as the joined sets do, at every code point of the planes
    the faces reach and past both ends."""
    everything = all_coverage()
    for code in (*range(-1, 0x30000), 0x10FFFF):
        assert anywhere(code) == (code in everything), hex(code)


def test_covers_is_membership_of_a_faces_coverage() -> None:
    """Each face's ranges answer as its set does, at each end of every range, beside
    both, and at points of the planes the faces reach."""
    for name in sorted({f.regular for f in BUNDLED.values()} |
                       {f.latin_regular for f in BUNDLED.values()}):
        codes = coverage(name)
        ends = {code + step for code in codes for step in (-1, 0, 1)
                if code - 1 not in codes or code + 1 not in codes}
        for code in (*ends, *range(0, 0x30000, 97), 0x10FFFF):
            assert covers(name, code) == (code in codes), (name, hex(code))


def test_the_common_ranges_are_whole_in_the_bundled_faces() -> None:
    """``anywhere`` answers yes for COMMON without the index: every code point of them is
    in some face (and they are the larger blocks a report uses)."""
    everything = all_coverage()
    for first, last in COMMON:
        assert first <= last
        missing = [hex(code) for code in range(first, last + 1) if code not in everything]
        assert not missing, (hex(first), hex(last), missing[:5])
    assert ord("中") in range(COMMON[0][0], COMMON[0][1] + 1)


def test_the_coverage_index_is_the_faces_cmaps() -> None:
    """fonts/coverage.json (what the writers and the glyph check read) says what each
    face's cmap says; scripts/build_fonts.py --index rewrites it."""
    from fontTools.ttLib import TTFont

    faces = sorted((ROOT / "fonts").glob("*.ttf"))
    assert faces, "no bundled faces found in fonts/"
    for path in faces:
        assert coverage(path.name) == frozenset(TTFont(path, lazy=True).getBestCmap()), path


def test_a_face_s_ranges_decoded_alone_are_its_entry_in_the_index() -> None:
    """``face_ranges`` before the whole index is read gives each face's entry as the
    whole index has it; an unknown file is a KeyError."""
    from ipdocs.typefaces.bundled import _index, face_ranges

    whole = dict(_index())
    _index.cache_clear()
    face_ranges.cache_clear()
    try:
        for name in whole:
            assert face_ranges(name) == whole[name], name
        assert _index.cache_info().currsize == 0  # each decoded alone
        with pytest.raises(KeyError):
            face_ranges("Missing.ttf")
    finally:
        face_ranges.cache_clear()


def test_a_chinese_word_file_decodes_only_the_faces_it_asks_of(tmp_path: Path) -> None:
    code = ("from ipdocs.doc import Document, Metadata, Paragraph, Span; "
            "from ipdocs.themes import load_theme; "
            "from ipdocs.typefaces.bundled import _index, face_ranges; "
            "from ipdocs.writers.docx import render_docx; "
            "render_docx(Document(Metadata('专利', 'zh-CN'), "
            "(Paragraph((Span('专利申请量 2024 年增长'),), 'zh'),)), load_theme('briefing')); "
            "print(_index.cache_info().currsize, face_ranges.cache_info().currsize > 0)")
    assert fresh_python(code, cwd=tmp_path).split() == ["0", "True"]
