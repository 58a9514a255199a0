"""Numbers and quantities with exact Decimal arithmetic: every published digit is kept.

Chinese keeps a figure as printed (``610.93亿元``); English converts the Chinese
magnitudes 万 and 亿 into thousands, millions and billions without rounding
(``RMB 61.093 billion``).
"""

from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_decimal

from ipdocs.i18n.numerals import english_cardinal, hanzi
from ipdocs.i18n.words import has_word, plural, word
from ipdocs.vocab import QUALIFIERS, QualifierPosition, Unit, UnitKind, get_unit

_LOCALES = {"zh": "zh_Hans_CN", "en": "en_GB"}
_EN_SCALES = (12, 9, 6)


def locale_of(lang: str) -> str:
    """The babel locale ipdocs uses for ``lang``."""
    return _LOCALES.get(lang, "en_GB")


def fraction_digits(value: Decimal) -> int:
    """How many digits a Decimal shows after the point (``22.930`` → 3)."""
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def format_number(value: Decimal, lang: str) -> str:
    """Format ``value`` with exactly its own digits: grouped in English, plain in Chinese."""
    if not value.is_finite():
        raise ValueError(f"cannot format {value}")
    digits = fraction_digits(value)
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return str(format_decimal(value, format=pattern, locale=locale_of(lang),
                              group_separator=lang != "zh"))


def shift(value: Decimal, exponent: int) -> Decimal:
    """Multiply by 10**exponent exactly, dropping trailing zeros the shift invented.

    Zeros after the point that were published (``10.50``) survive; zeros that only
    moved from the integer part (``3000``万 → ``30.00`` million) do not.
    """
    shifted = value.scaleb(exponent)
    if fraction_digits(value) > 0 and exponent <= 0:
        return shifted
    return _without_trailing_zeros(shifted)


def _without_trailing_zeros(value: Decimal) -> Decimal:
    """``value`` with no zeros after its last significant digit, never in exponent form
    (2800.0 → 2800, 2800.250 → 2800.25)."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def english_magnitude(value: Decimal, exponent: int) -> str:
    """English for ``value × 10**exponent``: 517,000 or 23.193 million, digits exact."""
    whole = shift(value, exponent)
    for scale in _EN_SCALES:
        if abs(whole) >= Decimal(10) ** scale:
            number = format_number(shift(value, exponent - scale), "en")
            return f"{number} {word(f'scale.{scale}', 'en')}"
    return format_number(whole, "en")


def _zh_number(value: Decimal, numerals: str, unit: Unit) -> str:
    """The Chinese digits of a value, or Chinese numerals when asked for (四年)."""
    if numerals == "hanzi" and value == value.to_integral_value() and value >= 0:
        return hanzi(int(value), counting=True)
    return format_number(value, "zh")


def _zh_quantity(value: Decimal, unit: Unit, qualifier: str | None, numerals: str) -> str:
    """A Chinese quantity as printed: 17.1万余家, 近9000件, 193%以上."""
    number = _zh_number(value, numerals, unit)
    if qualifier is None:
        return number + unit.code
    q = QUALIFIERS[qualifier]
    if q.position is QualifierPosition.PREFIX:
        return q.token + number + unit.code
    if q.position is QualifierPosition.INFIX and unit.kind is not UnitKind.PERCENT:
        return number + unit.magnitude + q.token + unit.base
    return number + unit.code + q.token


def _en_amount(value: Decimal, unit: Unit, numerals: str) -> str:
    """The English number of a quantity, scaled and with its currency or unit word."""
    if unit.kind is UnitKind.PERCENT:
        return format_number(value, "en") + "%"
    if numerals == "hanzi" and value == value.to_integral_value() and 0 <= value <= 10:
        amount = english_cardinal(int(value))
    else:
        amount = english_magnitude(value, unit.exponent)
    if unit.kind is UnitKind.MONEY and unit.currency is not None:
        return f"{word('currency.' + unit.currency, 'en')} {amount}"
    if written := unit_word(unit.code, value, "en"):
        amount = f"{amount} {written}"
    if unit.metric is not None:  # 5,600 jin (2,800 kg)
        factor, metric = unit.metric
        converted = _without_trailing_zeros(value * Decimal(factor))
        amount += f" ({format_number(converted, 'en')} {metric})"
    return amount


def unit_word(unit: str, value: Decimal, lang: str) -> str:
    """The word ``unit`` is written with after ``value`` in ``lang`` (3 months, 1 day,
    5,600 jin), or an empty string where the language writes none (件 in English)."""
    key = "unit." + unit
    return plural(key, lang, value) if has_word(key, lang) else ""


def _en_quantity(value: Decimal, unit: Unit, qualifier: str | None, numerals: str) -> str:
    """An English quantity: more than 171,000; RMB 20.6418 million; 50 days."""
    amount = _en_amount(value, unit, numerals)
    if qualifier is None:
        return amount
    return f"{word('qualifier.' + QUALIFIERS[qualifier].meaning, 'en')} {amount}"


def format_quantity(
    value: Decimal,
    unit: str,
    lang: str,
    *,
    qualifier: str | None = None,
    per: str | None = None,
    numerals: str = "arabic",
) -> str:
    """Format a figure's value with its unit, qualifier and per-capita basis.

    ``unit`` and ``qualifier`` are the Chinese codes of :mod:`ipdocs.vocab`; ``per`` is
    the basis already in ``lang`` (每万人 / per 10,000 people); ``numerals`` is
    ``"hanzi"`` for figures the text spells out (连续四年).
    """
    u = get_unit(unit)
    if lang == "zh":
        text = _zh_quantity(value, u, qualifier, numerals)
        return (per or "") + text
    text = _en_quantity(value, u, qualifier, numerals)
    return f"{text} {per}" if per else text


def format_percent(value: Decimal, lang: str) -> str:
    """A percentage as published: 11.4%."""
    return format_number(value, lang) + "%"


def _decimals(digits: int) -> str:
    """The fraction part of a spreadsheet number format: ``.00`` for two digits."""
    return "." + "0" * digits if digits else ""


def spreadsheet_format(value: Decimal, unit: str, lang: str) -> tuple[Decimal, str]:
    """A value and a spreadsheet number format that together show it as ipdocs does.

    Chinese keeps the published number and unit (610.93 with ``0.00"亿元"``); English
    stores the value in its base unit and scales it by thousands in the format (61093000000
    with ``"RMB "#,##0.000,,," billion"``), so a native chart's data labels read like the text.
    """
    u = get_unit(unit)
    if lang == "zh":
        suffix = "%" if u.kind is UnitKind.PERCENT else u.code
        return value, f'0{_decimals(fraction_digits(value))}"{suffix}"'
    if u.kind is UnitKind.PERCENT:
        return value, f'0{_decimals(fraction_digits(value))}"%"'
    whole = shift(value, u.exponent)
    scale = next((s for s in _EN_SCALES if abs(whole) >= Decimal(10) ** s), 0)
    digits = fraction_digits(shift(value, u.exponent - scale))
    code = "#,##0" + _decimals(digits) + "," * (scale // 3)
    if scale:
        code += f'" {word(f"scale.{scale}", "en")}"'
    if u.kind is UnitKind.MONEY and u.currency:
        code = f'"{word("currency." + u.currency, "en")} "' + code
    return whole, code


def signed_percent_format(value: Decimal) -> str:
    """A spreadsheet format showing a percent change with its sign: +11.4% / −13.3%."""
    fraction = _decimals(fraction_digits(value))
    return f'+0{fraction}"%";\u22120{fraction}"%";0"%"'
