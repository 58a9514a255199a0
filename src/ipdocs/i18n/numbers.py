"""Numbers and quantities with exact Decimal arithmetic: every published digit is kept.

How a language says them is its grammar's (``ipdocs.i18n.grammar``): Chinese keeps a
figure as printed (``610.93亿元``); English converts the Chinese magnitudes 万 and 亿
into thousands, millions and billions without rounding (``RMB 61.093 billion``).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from functools import lru_cache

from babel.numbers import format_decimal

from ipdocs.base.decimals import fraction_digits, shift
from ipdocs.base.decimals import without_trailing_zeros as _without_trailing_zeros
from ipdocs.base.vocab import Unit, UnitKind, get_unit
from ipdocs.i18n.locales import locale
from ipdocs.i18n.words import has_word, plural, word

UnitLike = Unit | str
"""A unit, or the printed code of a shipped one."""

__all__ = ["MAX_SCALED_DECIMALS", "bare_number", "currency_word", "english_magnitude",
           "english_scale", "format_number", "format_percent",
           "format_quantity", "fraction_digits", "list_amounts", "metric_gloss",
           "number_words", "quantity_cells", "resolve_unit", "shift",
           "signed_percent_format", "spreadsheet_decimals", "spreadsheet_format",
           "spreadsheet_literal", "unit_word"]

_EN_SCALES = (12, 9, 6)


def format_number(value: Decimal, lang: str) -> str:
    """Format ``value`` with exactly its own digits: grouped in English, plain in Chinese."""
    if not value.is_finite():
        raise ValueError(f"cannot format {value}")
    spec, (sign, digits, exponent) = locale(lang), value.as_tuple()
    return _format_decimal((sign, digits, int(exponent)), spec.babel,
                           spec.grammar.groups_digits)


@lru_cache(maxsize=8192)
def _format_decimal(digits: tuple[int, tuple[int, ...], int], babel: str, grouped: bool
                    ) -> str:
    """``format_number`` for a number given by its exact digits (sign, digits, exponent:
    1.0 and 1.00 apart, as they print apart), in babel's locale ``babel``; remembered,
    as a brief prints the same numbers in its text, tables and charts, and a rebuild
    prints them again."""
    value = Decimal(digits)
    places = fraction_digits(value)
    symbols = LATIN_SYMBOLS.get(babel)
    if symbols is not None:
        return _as_babel_formats(value, places, symbols, grouped)
    pattern = "#,##0" + ("." + "0" * places if places else "")
    return str(format_decimal(value, format=pattern, locale=babel, group_separator=grouped))


LATIN_SYMBOLS: dict[str, tuple[str, str]] = {"zh_Hans_CN": (".", ","), "en_GB": (".", ",")}
"""The decimal and group symbols of the shipped locales' Latin digits in babel's data (a
test holds them equal to it): ``format_number`` formats their numbers as babel does
without reading babel's whole locale data, a tenth of a cold build's tree. Any other
locale is formatted by babel itself."""


def _as_babel_formats(value: Decimal, places: int, symbols: tuple[str, str],
                      grouped: bool) -> str:
    """``format_decimal(value, "#,##0.00…", grouped)`` (``places`` zeros) in a locale of
    these decimal and group ``symbols``: babel's own steps (the same Decimal operations, so
    the same digits in any context), the symbols given rather than read. A test compares
    the two on any number."""
    value = value.scaleb(0)
    sign = "-" if value.is_signed() else ""
    rounded = abs(value).normalize().quantize(Decimal(10) ** -places)
    whole, _, fraction = f"{rounded:f}".partition(".")
    if grouped:
        whole = _grouped(whole, symbols[1])
    return sign + whole + (symbols[0] + fraction if places else "")


def _grouped(whole: str, group: str) -> str:
    """Digits grouped by threes from the right: 1,234,567."""
    head = len(whole) % 3 or 3
    return group.join([whole[:head], *(whole[i:i + 3] for i in range(head, len(whole), 3))])


def resolve_unit(unit: UnitLike) -> Unit:
    """``unit`` itself, or the shipped unit printed as ``unit``."""
    return unit if isinstance(unit, Unit) else get_unit(unit)


MAX_SCALED_DECIMALS = 3
"""The most decimals English writes a number in millions, billions or trillions with
(RMB 149.698 million); one that would need more is written in full (4,990,600, not
4.9906 million): an editor's form, with every published digit and no invented one."""


def english_scale(value: Decimal, exponent: int, *, scalable: bool | None = None) -> int:
    """The power of ten English writes ``value × 10**exponent`` at: 12, 9 or 6 (trillion,
    billion, million), or 0 for a number in full. Only a number the Chinese gives with a
    magnitude (``scalable``: by default, a non-zero ``exponent``) is scaled, and only where
    it reaches a million and its scaled digits need at most three decimals; otherwise it is
    written in full (2,329,976; 4,990,600)."""
    if not (exponent != 0 if scalable is None else scalable):
        return 0
    whole = shift(value, exponent)
    for scale in _EN_SCALES:
        if abs(whole) >= Decimal(10) ** scale:
            digits = fraction_digits(shift(value, exponent - scale))
            return scale if digits <= MAX_SCALED_DECIMALS else 0
    return 0


def english_magnitude(value: Decimal, exponent: int, lang: str = "en", *,
                      scalable: bool | None = None) -> str:
    """English for ``value × 10**exponent``: 517,000, 23.193 million or 4,990,600, digits
    exact (see :func:`english_scale`)."""
    scale = english_scale(value, exponent, scalable=scalable)
    number = format_number(shift(value, exponent - scale), lang)
    return f"{number} {word(f'scale.{scale}', lang)}" if scale else number


def bare_number(value: Decimal, unit: Unit, lang: str, numerals: str = "arabic") -> str:
    """A figure's number alone: 51.7 (or 四 where the text spells it) in Chinese, 517,000
    in English (the Chinese magnitude resolved)."""
    return locale(lang).grammar.bare_number(value, unit, lang, numerals)


def number_words(value: Decimal, unit: Unit, lang: str, numerals: str = "arabic") -> str:
    """A figure's number as running prose writes it: English spells out whole counts from
    one to nine (six programmes), as official English style does, where the Chinese
    prints no decimals (1.000 stays 1.000); otherwise, and in Chinese, the bare number
    (Chinese that spells a number says so: ``numerals: hanzi``)."""
    return locale(lang).grammar.number_words(value, unit, lang, numerals)


def currency_word(code: str, lang: str) -> str:
    """The word ``lang`` writes a currency with (RMB for CNY), else its ISO code (JPY)."""
    key = "currency." + code
    return word(key, lang) if has_word(key, lang) else code


def list_amounts(values: Sequence[str], unit: UnitLike, lang: str) -> str:
    """Formatted quantities of one unit as a list in running text, the currency of money
    said once, before the first (RMB 1.2 billion, 3.4 billion and 5 billion: the list
    says its unit once, as 12亿、34亿、50亿元 does); every digit, scale word and qualifier
    of each value kept."""
    return locale(lang).grammar.list_amounts(values, resolve_unit(unit), lang)


def metric_gloss(value: Decimal, unit: Unit, lang: str) -> str:
    """The metric equivalent of a traditional unit's quantity, in brackets after it:
    `` (6,250 kg)`` for 1.25万斤. It is worked out from the whole quantity (the magnitude
    applied first) and written in the form of the quantity itself: scaled where the Chinese
    gives a magnitude (200 million jin (100 million kg)), else in full (5,600,000 jin
    (2,800,000 kg))."""
    if unit.metric is None:
        return ""
    factor, metric = unit.metric
    converted = _without_trailing_zeros(shift(value, unit.exponent) * Decimal(factor))
    number = english_magnitude(converted, 0, lang, scalable=unit.exponent != 0)
    return f" ({number} {metric})"


def unit_word(unit: UnitLike, value: Decimal, lang: str) -> str:
    """The word ``unit`` is written with after ``value`` in ``lang`` (3 months, 1 day,
    5,600 jin, 1.2 percentage points), or an empty string where the language writes none
    (件 in English). A unit's own words come first, then the language's word table."""
    u = resolve_unit(unit)
    own = u.word(lang, value)
    if own is not None:
        return own
    key = "unit." + u.base
    return plural(key, lang, value) if has_word(key, lang) else ""


def _quantity(value: Decimal, unit: Unit, qualifier: str | None, numerals: str,
              lang: str) -> str:
    """A quantity in the grammar of ``lang``."""
    return locale(lang).grammar.quantity(value, unit, qualifier, numerals, lang)


def _leading_qualifier(qualifier: str | None, lang: str) -> tuple[str, str | None]:
    """The part of a qualifier that a verb of the language may stand after (约 in 约占,
    "about " in English), and the qualifier left with the number."""
    return locale(lang).grammar.leading_qualifier(qualifier, lang)


def _of_base(value: Decimal, unit: Unit, lang: str, qualifier: str | None, numerals: str,
             base: str) -> str:
    """A share or multiple of a base: 约占全国总量的12.3%, 是全国平均水平的3.4倍 / about
    12.3% of the national total, 3.4 times the national average. A qualifier that reads
    before the number moves before the verb (约占)."""
    lead, rest = _leading_qualifier(qualifier, lang)
    quantity = _quantity(value, unit, rest, numerals, lang)
    key = "multiple_of" if unit.kind is UnitKind.MULTIPLE else "share_of"
    return word(key, lang, qualifier=lead, base=base, quantity=quantity)


def format_quantity(
    value: Decimal,
    unit: UnitLike,
    lang: str,
    *,
    qualifier: str | None = None,
    per: str | None = None,
    numerals: str = "arabic",
    base: str | None = None,
) -> str:
    """Format a figure's value with its unit, qualifier and per-capita basis.

    ``unit`` is a unit or the Chinese code of a shipped one and ``qualifier`` a Chinese
    qualifier token (:mod:`ipdocs.base.vocab`); ``per`` is the basis already in ``lang`` (每万人
    / per 10,000 people); ``numerals`` is ``"hanzi"`` for figures the text spells out
    (连续四年); ``base`` is what a share or multiple is of, already in ``lang``
    (约占全国总量的12.3% / about 12.3% of the national total).
    """
    u = resolve_unit(unit)
    if base:
        text = _of_base(value, u, lang, qualifier, numerals, base)
    else:
        text = _quantity(value, u, qualifier, numerals, lang)
    return locale(lang).grammar.with_per(text, per)


def quantity_cells(value: Decimal, unit: UnitLike, lang: str, *,
                   qualifier: str | None = None, per: str | None = None,
                   per_stated: bool = False) -> tuple[str, str]:
    """A quantity split into a table's value and unit cells, in the order it reads.

    Chinese keeps the report's word order across the two cells: a qualifier before the
    number stays with it (近9000 | 件), one between the magnitude and the counter or after
    the unit goes with the unit (17.1 | 万余家, 3 | 个月左右). English writes the whole
    amount in the value cell (RMB 900 million, more than 171,000, 50 days, 45.7%) and
    nothing in the unit cell. Numbers are always digits in a table. A per-capita basis
    (``per``, in ``lang``) joins the Chinese unit (件/万人) and follows the English amount,
    unless the label already states it (``per_stated``).
    """
    u = resolve_unit(unit)
    whole = format_quantity(value, u, lang, qualifier=qualifier)
    return locale(lang).grammar.quantity_cells(whole, value, u, lang, qualifier=qualifier,
                                               per=per, per_stated=per_stated)


def format_percent(value: Decimal, lang: str) -> str:
    """A percentage as published: 11.4%."""
    return format_number(value, lang) + locale(lang).grammar.percent_sign


def spreadsheet_decimals(digits: int) -> str:
    """The fraction part of a spreadsheet number format: ``.00`` for two digits."""
    return "." + "0" * digits if digits else ""


def spreadsheet_format(value: Decimal, unit: UnitLike, lang: str) -> tuple[Decimal, str]:
    """A value and a spreadsheet number format that together show it as ipdocs does.

    Chinese keeps the published number and unit (610.93 with ``0.00"亿元"``); English
    stores the value in its base unit and scales it by thousands in the format (61093000000
    with ``"RMB "#,##0.000,,," billion"``), so a native chart's data labels read like the text.
    """
    return locale(lang).grammar.spreadsheet_format(value, resolve_unit(unit), lang)


def spreadsheet_literal(text: str) -> str:
    """Literal text in a spreadsheet number format (its own quotes dropped)."""
    return '"' + text.replace('"', "") + '"'


def signed_percent_format(value: Decimal) -> str:
    """A spreadsheet format showing a percent change with its sign: +11.4% / −13.3%."""
    fraction = spreadsheet_decimals(fraction_digits(value))
    return f'+0{fraction}"%";\u22120{fraction}"%";0"%"'
