"""Numbers a report can print and texts a document can set, however the report is made."""

import re
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given as given_any
from hypothesis import strategies as st

from ipdocs.base.problems import SpecError
from ipdocs.model import Figure, Text
from ipdocs.model.bounds import MAX_SIGNIFICANT, to_number, to_prose


@pytest.mark.parametrize(("given", "read"), [
    (71425, Decimal("71425")), ("610.93", Decimal("610.93")), (Decimal("610.930"),
                                                                Decimal("610.930")),
    ("-13.3", Decimal("-13.3")), ("+3", Decimal(3)), (" 7 ", Decimal(7)), (".5", Decimal("0.5")),
    ("1.2e4", Decimal(12000)), ("-0", Decimal(0)), ("0.0", Decimal("0.0")),
    ("999999999999999", Decimal("999999999999999")), ("0.000001", Decimal("0.000001")),
    ("1234567890.123456", None),
    ("71,425", Decimal(71425)), ("-1,234,567.5", Decimal("-1234567.5")),
])
def test_numbers_read_as_written(given: Any, read: Decimal | None) -> None:
    if read is None:
        with pytest.raises(ValueError, match=f"significant digits; at most {MAX_SIGNIFICANT}"):
            to_number(given)
        return
    value = to_number(given)
    assert value == read and str(value) == str(read)


@pytest.mark.parametrize(("given", "message"), [
    ("017", "'017' has a leading zero, which YAML 1.1 reads as an octal number: write 17"),
    ("017.5", "leading zero: write 17.5"),
    ("0x1F", "not a decimal number: write it in decimal digits"),
    ("0b11", "not a decimal number"),
    ("1:20", "base 60"),
    ("１２３", "write it in digits 0-9 (123)"),
    ("٣", "write it in digits 0-9 (3)"),
    ("610,93", "a comma only separates thousands, in groups of three (71,425); the decimal "
               "point is '.'"),
    ("1.234,5", "a comma only separates thousands"),
    ("71,42,5", "a comma only separates thousands"),
    ("1,2345", "a comma only separates thousands"),
    (",425", "a comma only separates thousands"),
    ("071,425", "a comma only separates thousands"),
    ("7１,425", "not a decimal number"),
    ("1_000", "without underscores"),
    ("NaN", "not a decimal number"),
    ("Infinity", "not a decimal number"),
    ("1e30", "too large: a number has at most 15 digits before the point"),
    ("1e-999999999", "999,999,999 digits after the point; at most 6"),
    ("0E-99", "99 digits after the point"),
    ("9" * 4300, "too long for a number (4,300 characters)"),
    (10**30, "too large"),
    (10**5000, "an integer of about 5,00"),
    (Decimal("1e999999"), "too large"),
    (Decimal("NaN"), "not a finite number"),
    (Decimal("-Infinity"), "not a finite number"),
    (0.1 + 0.2, "a float (0.30000000000000004) is not a number ipdocs reads"),
    (1234567890123456.0, "a float (1234567890123456.0) is not a number ipdocs reads"),
    (float("nan"), "a float (nan) is not"), (float("-inf"), "a float (-inf) is not"),
    (1e30, "too large"),
    (True, "true or false"),
    (None, "expected a number, not NoneType"),
], ids=lambda value: type(value).__name__ if isinstance(value, int) else repr(value)[:20])
def test_numbers_refused(given: Any, message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        to_number(given)


def figure(**fields: Any) -> Figure:
    return Figure.model_validate({"label": {"zh": "专利", "en": "Patents"}, "value": 1,
                                  "unit": "件", **fields})


@pytest.mark.parametrize("field", ["value", "change.percent", "change.increment",
                                   "change.previous", "history.2023"])
def test_every_number_of_a_figure_is_bounded(field: str) -> None:
    fields: dict[str, Any] = {}
    outer, _, inner = field.partition(".")
    fields[outer] = {(int(inner) if inner.isdigit() else inner): "1e30"} if inner else "1e30"
    with pytest.raises(SpecError, match="too large"):
        figure(**fields)
    fields[outer] = {(int(inner) if inner.isdigit() else inner): 0.1 + 0.2} if inner \
        else 0.1 + 0.2
    with pytest.raises(SpecError, match="a float"):
        figure(**fields)


@pytest.mark.parametrize(("given", "read"), [
    (5.5, "5.5"), (0.1, "0.1"), (71425.0, "71425"), (610.93, "610.93"), (-13.3, "-13.3"),
    (1e4, "10000"), (-0.0, "0"), (123456789012345.0, "123456789012345"),
    (0.000001, "0.000001"),
])
def test_floats_read_as_the_decimal_their_repr_spells(given: float, read: str) -> None:
    assert str(to_number(given)) == read


@given_any(st.decimals(min_value=-10**9, max_value=10**9, places=4, allow_nan=False))
def test_a_float_of_a_short_decimal_is_that_decimal(number: Decimal) -> None:
    assert to_number(float(number)) == number


def test_a_figure_made_in_python_is_exact() -> None:
    made = figure(value="610.930", change={"previous": 12, "percent": Decimal("11.4")})
    assert str(made.value) == "610.930"
    assert made.change is not None and made.change.previous == Decimal(12)


@pytest.mark.parametrize(("text", "message"), [
    ("a\x00b", "U+0000"), ("a\ud800", "lone surrogate"), ("\ufffe", "noncharacter"),
    ("x" * 10_001, "10,001 characters"),
])
def test_texts_are_checked_in_python_too(text: str, message: str) -> None:
    with pytest.raises(SpecError, match=re.escape(message)):
        Text(zh=text, en="ok")


def test_texts_are_composed_in_python_too() -> None:
    assert Text(zh="宁波", en="Cafe\u0301").en == "Café"


@pytest.mark.parametrize(("field", "given"), [
    ("rank", {"position": "017", "scope": {"zh": "全国", "en": "in China"}}),
    ("history", {"02023": 5}),
    ("history", {"0x7E7": 5}),
])
def test_whole_numbers_follow_the_number_rule(field: str, given: Any) -> None:
    """A rank's position 017 and a history year 02023 were read as 17 and 2023, while a
    value 017 is refused."""
    with pytest.raises(SpecError, match=r"leading zero|decimal digits"):
        Figure.model_validate({"label": {"zh": "x", "en": "x"}, "value": 2, "unit": "位",
                               "kind": "rank", field: given})


@pytest.mark.parametrize("given", ["yes", "true", "0", 1])
def test_a_yes_or_no_is_true_or_false_as_written(given: Any) -> None:
    """asserted: "yes" (a text) was read as true."""
    with pytest.raises(SpecError, match="asserted"):
        Figure.model_validate({"label": {"zh": "x", "en": "x"}, "value": 2, "unit": "件",
                               "asserted": given})
    assert Figure.model_validate({"label": {"zh": "x", "en": "x"}, "value": 2, "unit": "件",
                                  "asserted": True}).asserted


def test_a_text_found_wanting_is_refused_every_time_it_is_given() -> None:
    """What ``to_prose`` finds of a text is remembered by the text: refused again when
    given again, and a text told apart from one that differs in a character."""
    bad = "增长\u202e11%"
    for _ in range(2):
        with pytest.raises(ValueError, match="U\\+202E"):
            to_prose(bad)
    assert to_prose("增长11%") == "增长11%"
    composed = "caf\u00e9"
    assert to_prose("cafe\u0301") == composed and to_prose(composed) == composed


def test_a_text_of_a_str_subclass_is_given_back_itself() -> None:
    """What is remembered is kept for plain texts: a subclass's text equal to one
    remembered is checked on its own and given back as the object it is."""

    class Marked(str):
        """A str that carries more than its characters."""

    assert to_prose("甲乙") == "甲乙"
    marked = Marked("甲乙")
    assert to_prose(marked) is marked


@pytest.mark.parametrize(("written", "read"), [
    ("佳绩，\n连续四年", "佳绩，连续四年"),      # a Chinese line wrapped: no space
    ("宁波市\n2024年", "宁波市2024年"),          # Han and a digit: the typesetter's gap
    ("granted in\r\n  Ningbo", "granted in Ningbo"),
    ("- 专利\n- 商标", "- 专利\n- 商标"),         # a list: its lines are its items
    ("1. 专利\n2. 商标", "1. 专利\n2. 商标"),
    ("2. 专利\n3. 商标", "2. 专利3. 商标"),        # not a list (it does not start at 1)
])
def test_a_line_break_in_running_text_is_a_soft_break(written: str, read: str) -> None:
    """Every writer then prints the same text: before, the PDF set a line feed as a space
    (between Chinese characters too) and the Word file as a line break."""
    assert to_prose(written) == read
    assert Text(zh=written, en="x").zh == read


def test_a_paragraph_wrapped_in_a_spec_prints_as_one_line_in_every_writer(
        tmp_path: Any) -> None:
    from pathlib import Path

    from ipdocs.loading import load_report
    from ipdocs.sections import full_brief

    root = Path(__file__).parents[2]
    text = (root / "specs/ningbo-2024.yaml").read_text(encoding="utf-8")
    old = "的佳绩，连续{overview.top_two_years}进入"
    assert old in text
    spec = tmp_path / "wrapped.yaml"
    spec.write_text(text.replace(old, "的佳绩，\\n连续{overview.top_two_years}进入"), "utf-8")
    (tmp_path / "glossary.yaml").write_text(
        (root / "specs/glossary.yaml").read_text(encoding="utf-8"), "utf-8")
    wrapped = full_brief().document(load_report(spec), "zh")
    plain = full_brief().document(load_report(root / "specs/ningbo-2024.yaml"), "zh")
    assert wrapped == plain
