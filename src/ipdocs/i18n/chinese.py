"""The Chinese grammar (``grammar: zh``): a figure as printed (610.93亿元, 17.1万余家), the
spec's own verbs, Chinese numerals where the text spells (连续四年, 第二位, 一、)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal

from ipdocs.base.decimals import fraction_digits
from ipdocs.base.vocab import QUALIFIERS, QualifierPosition, Unit, UnitKind
from ipdocs.i18n.grammar import Grammar
from ipdocs.i18n.numbers import format_number, spreadsheet_decimals
from ipdocs.i18n.numerals import hanzi
from ipdocs.i18n.words import word

__all__ = ["Chinese"]


def _number(value: Decimal, numerals: str, lang: str) -> str:
    """The Chinese digits of a value, or Chinese numerals when asked for (四年)."""
    if numerals == "hanzi" and value == value.to_integral_value() and value >= 0:
        return hanzi(int(value), counting=True)
    return format_number(value, lang)


class Chinese(Grammar):
    """Chinese-like prose: numbers plain and as published, the unit after the number,
    qualifiers where the report puts them, no spaces."""

    name = "zh"
    groups_digits = False
    unit_column = True
    superlatives = False

    def bare_number(self, value: Decimal, unit: Unit, lang: str, numerals: str) -> str:
        """51.7 (or 四 where the text spells it)."""
        return _number(value, numerals, lang)

    def quantity(self, value: Decimal, unit: Unit, qualifier: str | None, numerals: str,
                 lang: str) -> str:
        """A Chinese quantity as printed: 17.1万余家, 近9000件, 193%以上."""
        number = _number(value, numerals, lang)
        if qualifier is None:
            return number + unit.code
        q = QUALIFIERS[qualifier]
        if q.position is QualifierPosition.PREFIX:
            return q.token + number + unit.code
        if q.position is QualifierPosition.INFIX and unit.kind is not UnitKind.PERCENT:
            return number + unit.magnitude + q.token + unit.base
        return number + unit.code + q.token

    def leading_qualifier(self, qualifier: str | None, lang: str) -> tuple[str, str | None]:
        """A qualifier before the number moves before the verb (约占); others stay."""
        if qualifier is None:
            return "", None
        q = QUALIFIERS[qualifier]
        return (q.token, None) if q.position is QualifierPosition.PREFIX else ("", qualifier)

    def with_per(self, text: str, per: str | None) -> str:
        """每万人 before the quantity."""
        return (per or "") + text

    def quantity_cells(self, whole: str, value: Decimal, unit: Unit, lang: str, *,
                       qualifier: str | None, per: str | None, per_stated: bool
                       ) -> tuple[str, str]:
        """The report's word order across the two cells: a qualifier before the number
        stays with it (近9000 | 件), one after it goes with the unit (17.1 | 万余家); a
        per-capita basis joins the unit (件/万人)."""
        number = format_number(value, lang)
        if qualifier is not None and QUALIFIERS[qualifier].position is QualifierPosition.PREFIX:
            number = QUALIFIERS[qualifier].token + number
        unit_text = whole.removeprefix(number)
        if per:
            unit_text += "/" + per.removeprefix(word("per_prefix", lang))
        return number, unit_text

    def spreadsheet_format(self, value: Decimal, unit: Unit, lang: str
                           ) -> tuple[Decimal, str]:
        """The published number and unit (610.93 with ``0.00"亿元"``)."""
        suffix = "%" if unit.kind is UnitKind.PERCENT else unit.code
        return value, f'0{spreadsheet_decimals(fraction_digits(value))}"{suffix}"'

    def list_amounts(self, values: Sequence[str], unit: Unit, lang: str) -> str:
        """4.43万、10.79万、6.5万、3.05万件: the separator throughout, the counter after
        the last only; a percent sign after every one (12%、15%, as GB/T 15835-2011 keeps
        it in a range: 15%～30%, not 15～30%)."""
        counter = "" if unit.kind is UnitKind.PERCENT else unit.base
        items = [v.removesuffix(counter) if counter else v for v in values[:-1]]
        return word("list_separator", lang).join([*items, *values[-1:]])

    def qualified(self, amount: str, qualifier: str | None, lang: str) -> str:
        """193%以上; 超193%."""
        if qualifier is None:
            return amount
        q = QUALIFIERS[qualifier]
        return q.token + amount if q.position is QualifierPosition.PREFIX else amount + q.token

    def rank_position(self, position: int, lang: str, form: str, numerals: str) -> str:
        """第二位, 第二名, 第二, 首位, 第4位 (arabic numerals)."""
        if form == "首位" and position == 1:
            return "首位"
        number = hanzi(position) if numerals == "hanzi" else str(position)
        return "第" + number + ("" if form == "首位" else form)

    def count(self, n: int, lang: str) -> str:
        """Digits: 2位, 连续5年, 前2个月."""
        return str(n)

    def spelled(self, n: int, lang: str) -> str:
        """Chinese numerals: 前三季度."""
        return hanzi(n)

    def month(self, months: int, lang: str) -> str:
        """The month's number: 1—6月."""
        return str(months)

    def ordinal(self, n: int, lang: str) -> str:
        """第二."""
        return "第" + hanzi(n)

    def section_number(self, path: Sequence[int]) -> str:
        """Chinese official numbering: 一、 then （一） then 1. then （1）, by depth."""
        n = path[-1]
        depth = len(path)
        if depth == 1:
            return hanzi(n) + "、"
        if depth == 2:
            return "（" + hanzi(n) + "）"
        if depth == 3:
            return f"{n}."
        return f"（{n}）"

    def direction(self, sign: int, measure: str, form: str,
                  verbs: Callable[[], tuple[str, str]], lang: str) -> str:
        """The spec's verb (or its measure's default): 增长 / 下降, 升 / 降."""
        rise, fall = verbs()
        return rise if sign > 0 else fall

    def standing(self, standing: str, lang: str) -> str:
        """前列, as the spec gives it."""
        return standing
