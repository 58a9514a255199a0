"""Change phrases in the wording of each measure: 同比增长11.4% / up 11.4% year on year,
提高1.2个百分点 / up 1.2 percentage points, 由第五位升至第三位 / up from fifth to third,
由18个月缩短至12个月 / cut from 18 months to 12 months, 提高到85.5分 / rose to 85.5 points.

A :class:`Movement` holds what a phrase says in plain values; the narrative builds it
from a figure. This module knows no model.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal
from typing import Literal

from ipdocs.base.decimals import percent_change
from ipdocs.base.records import datarecord
from ipdocs.base.vocab import (
    CHANGE_VERBS,
    QUALIFIERS,
    RANK_MOVES,
    Measure,
    Unit,
    measure_kind,
)
from ipdocs.i18n.lists import join
from ipdocs.i18n.locales import locale
from ipdocs.i18n.numbers import UnitLike, format_number, format_quantity, resolve_unit
from ipdocs.i18n.words import defines, word

MINUS = "\u2212"

__all__ = ["Movement", "MovementForm", "change_amount", "change_cell_text", "direction_word",
           "format_change",
           "movement_phrase",
           "percent_change", "rank_position", "respective_phrase"]

MovementForm = Literal["percent", "increment", "places", "from_to", "to", "new"]
"""What a phrase states: a size in percent, in the unit (points for a rate) or in places,
the previous and the present value, the present value reached, or that it is new."""


@datarecord(frozen=True)
class Movement:
    """A change to be said, in plain values.

    ``sign`` is the direction of the move as the phrase says it: +1 for a rise (for a rank:
    a move up, to a smaller position), −1 for a fall, 0 for no change. ``amount`` is the
    unsigned size for the percent, increment and places forms.
    """

    form: MovementForm
    measure: str
    """The name of the figure's measure (``ipdocs.base.vocab.measure_kind``)."""
    sign: int
    unit: Unit
    value: Decimal
    amount: Decimal | None = None
    previous: Decimal | None = None
    value_qualifier: str | None = None
    qualifier: str | None = None
    verb: str | None = None
    basis: str | None = None
    rank_form: str = "位"
    per: str | None = None
    previous_qualifier: str | None = None
    numerals: str = "hanzi"
    previous_period: str | None = None
    """When the previous value is of, where not last year (2019年 / 2019): a table's change
    cell names it."""

    @property
    def stated_basis(self) -> bool:
        """Whether the spec names what the change compares with (not plain 同比)."""
        return self.basis is not None


def _with_qualifier(amount: str, qualifier: str | None, lang: str) -> str:
    """A change amount with its qualifier: 193%以上 / at least 193%; 超193% / more than
    193%."""
    return locale(lang).grammar.qualified(amount, qualifier, lang)


def rank_position(position: int, lang: str, form: str = "位", numerals: str = "hanzi") -> str:
    """A position as a rank statement writes it: 第二位, 第二名, 第二, 首位, 第4位 (arabic
    numerals) / second."""
    return locale(lang).grammar.rank_position(position, lang, form, numerals)


def _size(m: Movement, lang: str) -> str:
    """The size of a percent, increment or places change, with its unit."""
    assert m.amount is not None
    if m.form == "percent":
        return format_number(m.amount, lang) + locale(lang).grammar.percent_sign
    if m.form == "places":
        count = int(m.amount)
        number = locale(lang).grammar.count(count, lang)
        return word("places", lang, n=number) if count != 1 else word("place", lang, n=number)
    increment_unit = measure_kind(m.measure).increment_unit
    if increment_unit is not None:  # a rate's increment is in percentage points
        return format_quantity(m.amount, increment_unit, lang)
    return format_quantity(m.amount, m.unit, lang)


def change_amount(m: Movement, lang: str) -> str:
    """The size of a change with its qualifier: 11.4%, 193%以上, 1.2个百分点, 2位."""
    return _with_qualifier(_size(m, lang), m.qualifier, lang)


def _verbs(m: Movement) -> tuple[str, str]:
    """The rise and fall verbs of ``m`` (Chinese): the spec's verb, or its measure's default."""
    measure = measure_kind(m.measure)
    if measure.positions and m.form in ("from_to", "to"):
        return RANK_MOVES
    return CHANGE_VERBS[m.verb or measure.verb]


def _direction(m: Movement, lang: str, form: str) -> str:
    """The direction word of ``m`` in a phrase of ``form`` (delta, from_to, to)."""
    return locale(lang).grammar.direction(m.sign, m.measure, form, lambda: _verbs(m), lang)


def _quantity(m: Movement, value: Decimal, lang: str, qualifier: str | None) -> str:
    """A value of the moving figure as a phrase states it: 22个月, 第五位 / fifth."""
    if measure_kind(m.measure).positions:
        return rank_position(int(value), lang, m.rank_form, m.numerals)
    return format_quantity(value, m.unit, lang, qualifier=qualifier, per=m.per)


def _basis(m: Movement, lang: str, *, default: bool) -> str:
    """What the change compares with: the spec's basis, 同比 / year on year by default, or
    nothing where the form states the earlier value itself (from → to)."""
    if m.basis is not None:
        return m.basis
    return word("year_on_year", lang) if default else ""


def _phrase(template: str, lang: str, **fields: str) -> str:
    """A phrase from a word template, without the gaps an empty field leaves."""
    return locale(lang).grammar.tidy(word(template, lang, **fields))


def movement_phrase(m: Movement, lang: str) -> str:
    """The phrase of one change in ``lang``."""
    if m.form == "new":
        return word("new", lang)
    if m.sign == 0:
        return _phrase("change_unchanged", lang, basis=_basis(m, lang, default=True))
    if m.form in ("from_to", "to"):
        assert m.form != "from_to" or m.previous is not None
        fields = {"value": _quantity(m, m.value, lang, m.value_qualifier),
                  "direction": _direction(m, lang, m.form),
                  "basis": _basis(m, lang, default=False)}
        if m.form == "from_to":
            assert m.previous is not None
            fields["previous"] = _quantity(m, m.previous, lang, m.previous_qualifier)
        return _phrase("change_" + m.form, lang, **fields)
    return _delta(m, lang, _basis(m, lang, default=True))


def _delta(m: Movement, lang: str, basis: str) -> str:
    """A change by its size, in its measure's words where it has them: 同比增长11.4% / up
    11.4% year on year, cut by 3 days; ``basis`` empty for a table cell."""
    template = f"change_delta.{m.measure}"
    return _phrase(template if defines(template, lang) else "change_delta", lang,
                   direction=_direction(m, lang, "delta"), amount=change_amount(m, lang),
                   basis=basis)


def respective_phrase(moves: Sequence[Movement], lang: str) -> str:
    """Several changes said at once: 同比分别增长12.5%和8.0% / up 12.5% and 8.0% year on
    year respectively. The direction word is said once where all move the same way, else
    before each amount; changes stated from → to are joined whole."""
    if len(moves) == 1:
        return movement_phrase(moves[0], lang)
    if any(m.form in ("from_to", "to", "new") or m.sign == 0 for m in moves):
        return word("respectively_whole", lang,
                    items=join([movement_phrase(m, lang) for m in moves], lang))
    same = len({m.sign for m in moves}) == 1
    amounts = [change_amount(m, lang) if same else
               _phrase("respective_item", lang, direction=_direction(m, lang, "delta"),
                       amount=change_amount(m, lang)) for m in moves]
    direction = _direction(moves[0], lang, "delta") if same else ""
    return _phrase("change_respectively", lang, direction=direction,
                   amounts=join(amounts, lang), basis=_basis(moves[0], lang, default=True))


def _signed(m: Movement, lang: str) -> str:
    """A change's size with its sign, as a table shows it: +11.4%, −3.2个百分点 / −3.2 pp."""
    assert m.amount is not None
    sign = "+" if m.sign > 0 else MINUS if m.sign < 0 else "±"
    if m.form == "percent":
        return sign + format_number(m.amount, lang) + locale(lang).grammar.percent_sign
    measure = measure_kind(m.measure)
    if measure.increment_short is not None:
        return sign + format_number(m.amount, lang) + word(measure.increment_short, lang)
    if locale(lang).grammar.unit_column and measure.bare_in_tables and m.unit.word(lang) is None:
        return sign + format_number(m.amount, lang)  # the unit column names the unit
    return sign + format_quantity(m.amount, m.unit, lang)  # English: the amount whole


def _table_qualified(text: str, qualifier: str | None, lang: str) -> str:
    """A table change with its qualifier: +193%以上 / +193% or more."""
    if qualifier is None:
        return text
    key = f"table_qualifier.{QUALIFIERS[qualifier].meaning}"
    if defines(key, lang):
        return word(key, lang, amount=text)
    return _with_qualifier(text, qualifier, lang)


def direction_word(m: Movement, lang: str) -> str:
    """The word of a change's direction alone, as a two-year table's change cell says it
    beside the two values: 增长, 缩短, 上升 / up, cut; 持平 / unchanged."""
    if m.sign == 0:
        return word("unchanged", lang)
    return _direction(m if measure_kind(m.measure).positions else replace(m, form="percent"),
                      lang, "from_to")


def change_cell_text(m: Movement, lang: str) -> str:
    """A change as a table's change cell shows it: +11.4%, +1.2个百分点, 上升2位 / up 2
    places, 由22个月缩短 / cut from 22 months, 持平 / unchanged, 新增 / new, a qualified fall
    in words (下降超30% / down more than 30%: never 超−30%, a number above −30%); its own
    basis in brackets."""
    if m.form == "new":
        return word("new", lang)
    if m.sign == 0:  # as the text says it (同比持平): never 由7天缩短 for 7天 again, nor ±0.0%
        text = word("unchanged", lang)
    elif m.form == "places":
        text = _phrase("change_delta", lang, direction=_direction(m, lang, "delta"),
                       amount=change_amount(replace(m, qualifier=None), lang), basis="")
    elif m.sign < 0 and m.qualifier is not None:  # never 超−30% nor −30% or more
        text = _delta(m, lang, basis="")
        m = replace(m, qualifier=None)  # said with the size: 下降超30% / down more than 30%
    elif m.form in ("from_to", "to"):
        assert m.previous is not None
        text = _phrase("change_from", lang, direction=_direction(
            replace(m, form="percent"), lang, "from_to"),
            previous=_quantity(m, m.previous, lang, m.previous_qualifier))
    else:
        text = _signed(m, lang)
    text = _table_qualified(text, m.qualifier, lang)
    for said in (m.previous_period, m.basis):
        if said is not None:
            text += word("bracketed", lang, text=said)
    return text


def format_change(
    delta: Decimal,
    lang: str,
    *,
    unit: UnitLike | None = None,
    verb: str = "增长",
    basis: str | None = None,
    qualifier: str | None = None,
) -> str:
    """A change phrase of a count or amount.

    ``delta`` is a signed percentage, or with ``unit`` a signed increment in that unit.
    ``verb`` names the Chinese direction word (增长, 上升, 增加, 增长了 …); ``basis``
    replaces 同比 / year on year (比专项行动之前 / on the level before the campaign).
    """
    u = resolve_unit(unit if unit is not None else "%")
    move = Movement("increment" if unit is not None else "percent", Measure.QUANTITY,
                    (delta > 0) - (delta < 0), u, Decimal(0), abs(delta), qualifier=qualifier,
                    verb=verb, basis=basis)
    if unit is not None and measure_kind(u.measure).increment_unit is not None:
        move = replace(move, measure=u.measure)  # a rate: said in percentage points
    return movement_phrase(move, lang)
