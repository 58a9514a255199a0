"""Exact Decimal arithmetic shared by the model, i18n and drafting: digits, scaling and
percent changes. A leaf: it imports nothing from the project."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def fraction_digits(value: Decimal) -> int:
    """How many digits a Decimal shows after the point (``22.930`` → 3)."""
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def without_trailing_zeros(value: Decimal) -> Decimal:
    """``value`` with no zeros after its last significant digit, never in exponent form
    (2800.0 → 2800, 2800.250 → 2800.25)."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def shift(value: Decimal, exponent: int) -> Decimal:
    """Multiply by 10**exponent exactly, dropping trailing zeros the shift invented.

    Zeros after the point that were published survive wherever they land after the point
    (``10.50``亿 → ``1.050`` billion, ``0.310``亿 → ``31.0`` million); zeros that only
    moved from the integer part (``3000``万 → ``30.00`` million) do not, and a number
    shifted past all its decimals is whole (``51.70``万 → ``517000``).
    """
    shifted = value.scaleb(exponent)
    if fraction_digits(value) == 0:
        return without_trailing_zeros(shifted)
    return shifted if fraction_digits(shifted) > 0 else shifted.quantize(Decimal(1))


MAX_PLACES = 20
"""The most decimals a computed percent change is given to show that it is not zero."""


def percent_change(value: Decimal, previous: Decimal, digits: int = 1) -> Decimal:
    """Percent change from ``previous`` to ``value``, rounded half up to ``digits`` places."""
    if previous == 0:
        raise ZeroDivisionError("no percent change from a zero base")
    exact = (value - previous) / previous * 100
    return exact.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)


def nonzero_percent(value: Decimal, previous: Decimal, digits: int = 1) -> Decimal:
    """The percent change to at least ``digits`` places, with more where fewer would
    round a real change to zero (+0.39% to one place is 0.4%, +0.04% is 0.04%), as
    publishers do; never a negative zero."""
    exact = (value - previous) / previous * 100
    places = digits
    while exact != 0 and places < MAX_PLACES:
        rounded = percent_change(value, previous, places)
        if rounded != 0:
            return rounded
        places += 1
    return Decimal(0).quantize(Decimal(1).scaleb(-digits))


def plain(value: Decimal) -> Decimal:
    """``value`` without a negative zero (−0.0 → 0.0)."""
    return value.copy_abs() if value == 0 else value
