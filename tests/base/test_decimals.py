"""Exact Decimal arithmetic: digits, scaling without losing a published digit, percent
changes that never print a real change as zero."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ipdocs.base.decimals import (
    fraction_digits,
    nonzero_percent,
    percent_change,
    plain,
    shift,
    without_trailing_zeros,
)


@pytest.mark.parametrize(("text", "digits"), [("22.930", 3), ("71425", 0), ("0.5", 1),
                                              ("1E+3", 0)])
def test_fraction_digits(text: str, digits: int) -> None:
    assert fraction_digits(Decimal(text)) == digits


def test_without_trailing_zeros_never_writes_an_exponent() -> None:
    assert str(without_trailing_zeros(Decimal("2800.0"))) == "2800"
    assert str(without_trailing_zeros(Decimal("2800.250"))) == "2800.25"
    assert str(without_trailing_zeros(Decimal("1E+3"))) == "1000"


@pytest.mark.parametrize(("value", "exponent", "shifted"), [
    ("610.93", 8, "61093000000"),     # 亿元 to yuan
    ("10.50", -1, "1.050"),           # published zeros after the point survive
    ("0.310", 1, "3.10"),
    ("3000", -2, "30"),               # zeros that only moved from the integer part do not
    ("51.70", 4, "517000"),           # past all its decimals: whole
])
def test_shift_keeps_every_published_digit(value: str, exponent: int, shifted: str) -> None:
    assert str(shift(Decimal(value), exponent)) == shifted


def test_percent_change_rounds_half_up() -> None:
    assert percent_change(Decimal("114.25"), Decimal("100")) == Decimal("14.3")
    assert percent_change(Decimal("85.75"), Decimal("100")) == Decimal("-14.3")
    assert percent_change(Decimal("3"), Decimal("2"), 0) == Decimal("50")
    with pytest.raises(ZeroDivisionError):
        percent_change(Decimal(1), Decimal(0))


def test_a_real_change_is_never_printed_as_zero() -> None:
    assert nonzero_percent(Decimal("100.39"), Decimal("100")) == Decimal("0.4")
    assert nonzero_percent(Decimal("100.04"), Decimal("100")) == Decimal("0.04")
    assert nonzero_percent(Decimal("99.996"), Decimal("100")) == Decimal("-0.004")
    unchanged = nonzero_percent(Decimal("100"), Decimal("100"))
    assert unchanged == 0 and str(unchanged) == "0.0"


@given(st.decimals(min_value=-10**6, max_value=10**6, places=3),
       st.decimals(min_value=1, max_value=10**6, places=3))
def test_nonzero_percent_is_zero_only_when_nothing_changed(value: Decimal,
                                                           previous: Decimal) -> None:
    result = nonzero_percent(value, previous)
    assert (result == 0) == (value == previous)
    assert not (result == 0 and result.is_signed())


def test_plain_drops_a_negative_zero() -> None:
    assert str(plain(Decimal("-0.0"))) == "0.0"
    assert plain(Decimal("-1.5")) == Decimal("-1.5")
