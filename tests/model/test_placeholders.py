"""Placeholder parsing: figure refs, parts, years, escapes and malformed braces."""

import pytest

from ipdocs.model import FigureRef, PlaceholderError, YearRef, parse


def test_parse_segments() -> None:
    assert parse("{year}年，专利{patents.grants}，{patents.grants:change}。") == [
        YearRef(0), "年，专利", FigureRef("patents.grants"), "，",
        FigureRef("patents.grants", "change"), "。",
    ]


def test_year_offsets_and_escapes() -> None:
    assert parse("{year-1}/{year+2} {{literal}}") == [YearRef(-1), "/", YearRef(2),
                                                      " {literal}"]


@pytest.mark.parametrize(("text", "message"), [
    ("unclosed {patents.grants", "unmatched '{'"),
    ("stray } brace", "unmatched '}'"),
    ("{Patents.Grants}", "malformed placeholder"),
    ("{patents.grants:colour}", "unknown placeholder part 'colour'"),
    ("{}", "malformed placeholder"),
])
def test_malformed(text: str, message: str) -> None:
    with pytest.raises(PlaceholderError, match=message):
        parse(text)


def test_error_reports_offset() -> None:
    with pytest.raises(PlaceholderError) as caught:
        parse("abc {bad id}")
    assert caught.value.offset == 4
