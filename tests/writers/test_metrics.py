"""Widths of text in the bundled faces (the DOCX writer's measure)."""

from __future__ import annotations

import pytest

from ipdocs.writers.metrics import HAN_LATIN_GAP, text_width
from tests.conftest import fresh_python


def test_han_is_an_em_and_latin_its_advances() -> None:
    assert text_width("专利", "serif", False, 10) == pytest.approx(20)
    digits = text_width("71,425", "serif", False, 10)
    assert 25 < digits < 40  # proportional digits, about half an em each
    assert text_width("71,425", "sans", True, 10) > text_width("71,425", "sans", False, 10)


def test_a_quarter_em_where_han_meets_a_latin_letter_or_digit() -> None:
    parts = text_width("PCT", "sans", False, 10) + text_width("申请", "sans", False, 10)
    assert text_width("PCT申请", "sans", False, 10) == pytest.approx(parts + HAN_LATIN_GAP * 10)
    assert text_width("（PCT）", "sans", False, 10) == pytest.approx(
        text_width("（）", "sans", False, 10) + text_width("PCT", "sans", False, 10))


def test_the_widths_index_is_the_latin_faces_advances() -> None:
    """fonts/widths.json (what ``text_width`` reads) holds each bundled Latin face's
    advances as fontTools reads its hmtx through its best cmap, in ems exactly;
    scripts/build_fonts.py --index rewrites it."""
    from fontTools.ttLib import TTFont

    from ipdocs.typefaces.bundled import BUNDLED, face_path
    from ipdocs.writers.metrics import _advances, latin_widths

    names = {name for family in BUNDLED.values()
             for name in (family.latin_regular, family.latin_bold)}
    assert names and set(latin_widths()) == names
    for name in sorted(names):
        font = TTFont(face_path(name), lazy=True)
        units = font["head"].unitsPerEm
        metrics = font["hmtx"].metrics
        read = {code: metrics[glyph][0] / units for code, glyph in font.getBestCmap().items()}
        assert _advances(name) == (read, read.get(32, 0.26)), name


def test_measuring_imports_no_font_library() -> None:
    """The DOCX writer's table widths need no font parsing library in the process."""

    code = ("import sys; from ipdocs.writers.metrics import text_width; "
            "text_width('Patents 专利', 'serif', True, 10); "
            "print('fontTools' in sys.modules)")
    assert fresh_python(code).strip() == "False"


def test_a_width_kept_for_the_process_is_the_width_measured_again() -> None:
    from ipdocs.writers import metrics

    text = "专利授权量 12,345 件"
    first = metrics.text_width(text, "serif", False, 9)
    assert (text, metrics.BUNDLED["serif"].latin_regular) in metrics._EMS
    metrics._EMS.clear()
    assert metrics.text_width(text, "serif", False, 9) == first
    assert metrics.text_width(text, "serif", False, 18) == first * 2
