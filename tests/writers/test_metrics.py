"""Widths of text in the bundled faces (the DOCX writer's measure)."""

from __future__ import annotations

import pytest

from ipdocs.writers.metrics import HAN_LATIN_GAP, text_width


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
