"""What keeps a number with its unit: one decision, read by the PDF's line breaking and by
the web page's unbreakable spans."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ipdocs.writers.pdf.linebreak import AMBIGUOUS, Run, break_lines
from ipdocs.writers.typeset import kept_runs
from tests.writers.test_linebreak import PIECES, mono


def kept(text: str) -> list[str]:
    """The stretches of ``text`` that must stay on one line."""
    return [text[start:end] for start, end in kept_runs(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("全市专利授权量71425件，同比增长11.4%", ["71425件"]),
    ("预审案件3077件，同比增长193%以上", ["3077件", "193%以上"]),
    ("由22个月缩短至3个月左右", ["22个", "3个月左右"]),
    ("近9000家企业，超过80000项", ["近9000家", "超过80000项"]),
    ("610.93亿元", ["610.93亿"]),
    ("17.1万余家", ["17.1万余"]),
    ("PCT申请量683件", ["683件"]),
    ("up 11.4% year on year", []),
    ("第 3 位", []),
    ("", []),
])
def test_numbers_are_kept_with_units_and_qualifiers(text: str, expected: list[str]) -> None:
    assert kept(text) == expected


def _breaks(text: str, width: float) -> set[int]:
    """Where the PDF breaks ``text`` into lines of ``width`` ems (offsets in the text
    without its spaces)."""
    laid = break_lines([Run(text)], [width], mono, space=0.5, em=1.0)
    ends, at = set(), 0
    for line in laid[:-1]:
        at += len("".join(u.text for u in line.units))
        ends.add(at)
    return ends


def _squeezed(text: str, index: int) -> int:
    """``index`` in ``text`` counted without its spaces."""
    return index - text[:index].count(" ")


PLAIN = [p for p in PIECES if not set(p) & AMBIGUOUS and len(p) < 10]
"""Pieces without punctuation a Chinese face sets full width and a Latin one narrow (’ …):
the web page leaves those to the browser's face, the PDF decides by their neighbours; and
without words so long the PDF breaks them inside (a URL)."""


def test_a_loose_line_never_breaks_a_number_at_its_decimal_point() -> None:
    """A loose English line may end with the head of its next word broken after a full
    stop (a URL's dots): never a number's (11.|4%)."""
    text = "ab cd ef 11.4%以上"
    for width in (8.0, 9.0, 10.0, 10.5, 11.0):
        laid = break_lines([Run(text)], [width], mono, space=0.5, em=1.0)
        assert not any(line.text.endswith(("11.", "11")) for line in laid), width


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*PLAIN, "3077件", "193%以上", "3个月左右", "近9000",
                                 "超过80000", "17.1万余家"]), min_size=1, max_size=40),
       st.floats(min_value=12, max_value=30))
def test_the_pdf_never_breaks_what_the_web_page_keeps(pieces: list[str], width: float) -> None:
    """The PDF's line breaking never breaks inside a stretch the web page sets unbroken:
    one decision for both (a stretch kept fits any line this wide)."""
    text = "".join(pieces)
    breaks = _breaks(text, width)
    for start, end in kept_runs(text):
        if mono(0, text[start:end]) + 0.25 * (end - start) > width:  # with its Han–Latin
            continue  # gaps, perhaps wider than a line: broken by force
        inside = set(range(_squeezed(text, start) + 1, _squeezed(text, end)))
        assert not inside & breaks, (text[start:end], text)
