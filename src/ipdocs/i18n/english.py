"""The English grammar (``grammar: en``): the Chinese magnitudes 万 and 亿 resolved into
thousands, millions and billions without rounding (RMB 61.093 billion), small counts and
ordinals in words (six programmes, second), qualifiers and directions in words."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from decimal import Decimal

from babel.dates import format_date as babel_format_date

from ipdocs.base.decimals import fraction_digits, shift
from ipdocs.base.vocab import QUALIFIERS, Unit, UnitKind
from ipdocs.i18n.grammar import Grammar
from ipdocs.i18n.lists import join
from ipdocs.i18n.locales import locale
from ipdocs.i18n.numbers import (
    currency_word,
    english_magnitude,
    english_scale,
    format_number,
    metric_gloss,
    spreadsheet_decimals,
    spreadsheet_literal,
    unit_word,
)
from ipdocs.i18n.numerals import english_cardinal, english_ordinal, english_ordinal_digits
from ipdocs.i18n.words import defines, word

__all__ = ["English"]


class English(Grammar):
    """English-like prose: grouped digits, magnitudes in words, the currency before the
    amount and the unit word after it, qualifiers and directions in words."""

    name = "en"
    groups_digits = True
    unit_column = False
    superlatives = True

    def bare_number(self, value: Decimal, unit: Unit, lang: str, numerals: str) -> str:
        """517,000: the Chinese magnitude resolved."""
        return english_magnitude(value, unit.exponent, lang)

    def number_words(self, value: Decimal, unit: Unit, lang: str, numerals: str) -> str:
        """Whole counts from one to nine spelled out (six programmes), as official style
        does, where the Chinese prints no decimals; otherwise, and for a per-head rate (a
        count unit with words of its own: 2 per 10,000 people), the bare number."""
        exponent = value.as_tuple().exponent
        whole = isinstance(exponent, int) and exponent >= 0
        if whole and 1 <= value <= 9 and unit.exponent == 0 and \
                unit.kind is UnitKind.COUNT and unit.word(lang, value) is None:
            return self.spelled(int(value), lang)
        return self.bare_number(value, unit, lang, numerals)

    def _number(self, value: Decimal, unit: Unit, numerals: str, lang: str) -> str:
        """The number of a quantity: magnitudes resolved (517,000; 23.193 million), or
        spelled out where the Chinese spells it (four years)."""
        whole = shift(value, unit.exponent)
        if numerals == "hanzi" and whole == whole.to_integral_value() and 0 <= whole <= 10:
            return self.spelled(int(whole), lang)
        return english_magnitude(value, unit.exponent, lang)

    def currency(self, code: str, amount: str, lang: str) -> str:
        """An amount of money with its currency's word: RMB 61.093 billion."""
        return f"{currency_word(code, lang)} {amount}"

    def _amount(self, value: Decimal, unit: Unit, numerals: str, lang: str) -> str:
        """The number of a quantity, scaled and with its currency or unit word and, for a
        traditional unit, its metric equivalent (5,600 jin (2,800 kg))."""
        if unit.kind is UnitKind.PERCENT:
            return format_number(value, lang) + self.percent_sign
        amount = self._number(value, unit, numerals, lang)
        if unit.kind is UnitKind.MONEY and unit.currency is not None:
            return self.currency(unit.currency, amount, lang)
        if written := unit_word(unit, shift(value, unit.exponent), lang):
            amount = f"{amount} {written}"
        return amount + metric_gloss(value, unit, lang)

    def quantity(self, value: Decimal, unit: Unit, qualifier: str | None, numerals: str,
                 lang: str) -> str:
        """More than 171,000; RMB 20,641,800; 50 days."""
        amount = self._amount(value, unit, numerals, lang)
        if qualifier is None:
            return amount
        return f"{word('qualifier.' + QUALIFIERS[qualifier].meaning, lang)} {amount}"

    def leading_qualifier(self, qualifier: str | None, lang: str) -> tuple[str, str | None]:
        """The whole qualifier goes before the verb ("about 12.3% of")."""
        if qualifier is None:
            return "", None
        return word("qualifier." + QUALIFIERS[qualifier].meaning, lang) + " ", None

    def with_per(self, text: str, per: str | None) -> str:
        """… per 10,000 people after the quantity."""
        return f"{text} {per}" if per else text

    def quantity_cells(self, whole: str, value: Decimal, unit: Unit, lang: str, *,
                       qualifier: str | None, per: str | None, per_stated: bool
                       ) -> tuple[str, str]:
        """The whole amount in the value cell (RMB 900 million, more than 171,000), its
        basis after it unless the label states it, nothing in the unit cell."""
        return (f"{whole} {per}" if per and not per_stated else whole), ""

    def spreadsheet_format(self, value: Decimal, unit: Unit, lang: str
                           ) -> tuple[Decimal, str]:
        """The value in its base unit, scaled by thousands in the format (61093000000 with
        ``"RMB "#,##0.000,,," billion"``)."""
        if unit.kind is UnitKind.PERCENT:
            return value, f'#,##0{spreadsheet_decimals(fraction_digits(value))}"%"'
        whole = shift(value, unit.exponent)
        scale = english_scale(value, unit.exponent)
        digits = fraction_digits(shift(value, unit.exponent - scale))
        code = "#,##0" + spreadsheet_decimals(digits) + "," * (scale // 3)
        suffix = f" {word(f'scale.{scale}', lang)}" if scale else ""
        if written := unit_word(unit, whole, lang):
            suffix += f" {written}"
        suffix += metric_gloss(value, unit, lang)
        if suffix:
            code += spreadsheet_literal(suffix)
        if unit.kind is UnitKind.MONEY and unit.currency:
            code = spreadsheet_literal(currency_word(unit.currency, lang) + " ") + code
        return whole, code

    def list_amounts(self, values: Sequence[str], unit: Unit, lang: str) -> str:
        """44,300, 107,900 and 30,500; the currency of money said once, before the first
        (RMB 1.2 billion, 3.4 billion and 5 billion)."""
        items = list(values)
        if unit.kind is UnitKind.MONEY and unit.currency and len(items) > 1:
            said = f"{currency_word(unit.currency, lang)} "
            if all(said in item for item in items):
                items[1:] = [item.replace(said, "", 1) for item in items[1:]]
        return join(items, lang)

    def qualified(self, amount: str, qualifier: str | None, lang: str) -> str:
        """At least 193%; more than 193%."""
        if qualifier is None:
            return amount
        return f"{word('qualifier.' + QUALIFIERS[qualifier].meaning, lang)} {amount}"

    def rank_position(self, position: int, lang: str, form: str, numerals: str) -> str:
        """Second."""
        return self.ordinal(position, lang)

    def count(self, n: int, lang: str) -> str:
        """Two; 11."""
        return english_cardinal(n)

    def spelled(self, n: int, lang: str) -> str:
        """Three."""
        return english_cardinal(n)

    def month(self, months: int, lang: str) -> str:
        """The month's name in the locale's language: June."""
        return str(babel_format_date(dt.date(2000, months, 1), "MMMM",
                                     locale=locale(lang).babel))

    def ordinal(self, n: int, lang: str) -> str:
        """Second; 11th."""
        return english_ordinal(n)

    def ordinal_digits(self, n: int, lang: str) -> str:
        """2nd; 11th."""
        return english_ordinal_digits(n)

    def section_number(self, path: Sequence[int]) -> str:
        """1. / 1.1 / 1.1.1."""
        joined = ".".join(str(n) for n in path)
        return joined + "." if len(path) == 1 else joined

    def direction(self, sign: int, measure: str, form: str,
                  verbs: Callable[[], tuple[str, str]], lang: str) -> str:
        """The language's word for the way a measure moves (``{form}.{measure}.up``),
        else for any (``{form}.up``)."""
        way = "up" if sign > 0 else "down"
        for key in (f"{form}.{measure}.{way}", f"{form}.{way}"):
            if defines(key, lang):
                return word(key, lang)
        raise KeyError(f"no direction word {form}.{way} for {lang!r}")

    def standing(self, standing: str, lang: str) -> str:
        """Among the leaders (``standing.前列``)."""
        return word(f"standing.{standing}", lang)

    def tidy(self, phrase: str) -> str:
        """Single spaces only: an empty field leaves no gap. Only spaces are collapsed:
        a no-break space a template or a grammar's percent sign holds stays."""
        return " ".join(part for part in phrase.split(" ") if part)
