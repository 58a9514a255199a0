"""Placeholder parsing: figure refs, parts, years, escapes and malformed braces."""

import re

import pytest

from ipdocs.model import FigureRef, PlaceholderError, YearRef, parse
from ipdocs.model.placeholders import _SCANS, scan


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


def test_several_figures_in_one_placeholder() -> None:
    ref = parse("{a.x, b.y:change}")[0]
    assert isinstance(ref, FigureRef)
    assert ref.ids == ("a.x", "b.y") and ref.part == "change" and ref.body == "a.x,b.y:change"
    with pytest.raises(PlaceholderError, match="names a figure twice"):
        parse("{a,a:change}")


@pytest.mark.parametrize("text", ["{year+101}", "{year-5000}", "{year+" + "9" * 4300 + "}"])
def test_years_beyond_a_century_are_refused(text: str) -> None:
    with pytest.raises(PlaceholderError):
        parse(text)


def test_scan_reports_every_error() -> None:
    from ipdocs.model.placeholders import scan

    segments, errors = scan("{a} {b:x} } {c")
    assert [e.offset for e in errors] == [4, 10, 12]
    assert segments[0] == FigureRef("a")


@pytest.mark.parametrize(("text", "written"), [
    ("{ a }", "{a}"), ("{a }", "{a}"), ("{a :change}", "{a:change}"),
    ("{a: change}", "{a:change}"), ("{ a, b:change}", "{a,b:change}"), ("{ year }", "{year}"),
])
def test_a_placeholder_with_spaces_inside_its_braces_is_refused(text: str,
                                                                written: str) -> None:
    """{ a } was read as {a}: prose in braces became a number."""
    with pytest.raises(PlaceholderError, match=re.escape(f"write {written}")):
        parse("共" + text)


def test_year_placeholders_shift_and_the_rest_stays() -> None:
    from ipdocs.model.placeholders import shift_years

    assert shift_years("较{year-1}年，{year}年，{year+1}年，{a:change}，{{year}}", -1) == \
        "较{year-2}年，{year-1}年，{year}年，{a:change}，{{year}}"


def test_scans_remembered_are_the_same_and_not_shared() -> None:
    """A text scanned again gives the same segments in a list of its own; a text with
    errors is not remembered (its errors are found again each time)."""
    text = "专利{patents.grants}件，{year}年"
    segments, errors = scan(text)
    segments.append("changed by a caller")
    again, errors_again = scan(text)
    assert again == [*segments[:-1]] and errors == errors_again == []
    assert text in _SCANS
    assert "{bad" not in _SCANS
    assert scan("{bad")[1] and scan("{bad")[1] and "{bad" not in _SCANS


def test_a_placeholder_read_again_reads_the_same_and_errors_keep_their_place() -> None:
    from ipdocs.model.placeholders import _scan

    first, _ = _scan("{a.b:change} 与 {year-1}")
    again, _ = _scan("前 {a.b:change}，{year-1}")
    assert [s for s in first if not isinstance(s, str)] == \
        [s for s in again if not isinstance(s, str)]
    _, [error] = _scan("x {a..b}")
    _, [moved] = _scan("xyz {a..b}")
    assert error.offset == 2 and moved.offset == 4
