"""Figures: published values as exact Decimals, with unit, measure, change, qualifier and rank.

A figure's unit decides its *measure* (``ipdocs.base.vocab.Measure``): a count changes by
percent or by an increment, a rate by percentage points, a rank by places, a duration is
shortened, a score rises in points, a multiple compares with a base. The checks here
refuse a change the measure cannot have (a rank changed by percent), so that no document
can state it.
"""

# No ``from __future__ import annotations``: pydantic reads each field's type as the
# object itself rather than compiling and evaluating its text at import.

import calendar
import datetime as dt
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, PrivateAttr, field_validator, model_validator

from ipdocs.base.vocab import (
    CHANGE_VERBS,
    QUALIFIERS,
    RANK_UNITS,
    RANK_VERBS,
    STANDINGS,
    UNITS,
    Measure,
    Unit,
    get_unit,
    measure_kind,
)
from ipdocs.model.base import Model, Text, new_list
from ipdocs.model.bounds import (
    NO_NUMBER,
    Flag,
    Number,
    NumbersByYear,
    OptionalNumber,
    Whole,
    no_numbers,
    to_whole,
)

ChangeForm = Literal["percent", "increment", "from_to", "to"]
"""How a change is said: by its size in percent or in the figure's unit (percentage
points for a rate, places for a rank), from the previous value to this one, or as this
value reached (提高到85.5分)."""

PeriodStyle = Literal["months", "quarters", "half", "first_months"]
"""How a flow over part of a year names its period: 1—9月, 前三季度, 上半年, 前2个月."""

_UNITS: ContextVar[Mapping[str, Unit]] = ContextVar("ipdocs_units", default=UNITS)
"""The units figures are validated against: the shipped ones, and a spec's own while
its report is validated."""


@contextmanager
def units_in_force(units: Mapping[str, Unit]) -> Iterator[None]:
    """Validate figures against ``units`` (the shipped ones and a spec's own) meanwhile."""
    token = _UNITS.set(units)
    try:
        yield
    finally:
        _UNITS.reset(token)


def _known_qualifier(token: str | None) -> str | None:
    """Validate a qualifier token against the vocabulary."""
    if token is not None and token not in QUALIFIERS:
        raise ValueError(f"unknown qualifier {token!r}; expected one of {', '.join(QUALIFIERS)}")
    return token


def _finite(value: Decimal | None) -> Decimal | None:
    """Reject NaN and infinities."""
    if value is not None and not value.is_finite():
        raise ValueError(f"{value} is not a finite number")
    return value


class Change(Model):
    """How a figure moved against a base, as published.

    Give ``percent`` (11.4 for 同比增长11.4%, negative for a decline), ``increment``
    (an absolute change in the figure's unit: 增长9.3件, 提高1.2个百分点 for a rate, 提高2分
    for a score), ``places`` (a rank: 2 for 上升2位), ``previous`` (last year's value, from
    which the change is computed, or stated from → to), or several of them.
    """

    percent: OptionalNumber = Field(default=NO_NUMBER)
    increment: OptionalNumber = Field(
        default=NO_NUMBER,
        description="absolute change in the figure's unit (percentage points for a rate)")
    places: Whole | None = Field(
        default=None, description="a rank's move in places: positive for up (5th → 3rd is 2)")
    previous: OptionalNumber = Field(default=NO_NUMBER)
    previous_of: Whole | Literal["earlier"] | None = Field(
        default=None,
        description="the previous value is not last year's: of this year (2019), or "
                    "of an earlier time the report does not state (earlier); said from "
                    "→ to (由120天缩短至70天) and kept out of year-on-year displays")
    previous_qualifier: str | None = Field(
        default=None, description="qualifier of the previous value: 左右 in 由3个月左右缩短至2个月")
    qualifier: str | None = Field(
        default=None, description="qualifier of the change: 以上 in 增长193%以上")
    basis: Text | None = Field(
        default=None, description="what the change compares with; default 同比")
    verb: str | None = Field(
        default=None, description="Chinese direction word: 增长 下降 增加 减少 上升 回落 "
                                  "提高 降低 提升 缩短 延长 增长了 (either word of a pair); "
                                  "default by measure")
    increment_verb: str | None = Field(
        default=None, description="Chinese direction word of the increment said apart from "
                                  "the change ({ID:increment}: 收案数量增加1231件，同比增长63%); "
                                  "default 增加 for a quantity, else as verb")
    digits: Whole = Field(default=1, ge=0, le=4,
                          description="decimals of a percent computed from previous")
    form: ChangeForm | None = Field(
        default=None, description="how the change is said: percent, increment, from_to or to; "
                                  "default by measure and what is given")
    show: Literal["percent", "increment"] | None = Field(
        default=None, description="older name of form (percent or increment)")

    _finite = field_validator("percent", "increment", "previous")(_finite)
    _qualifier = field_validator("qualifier", "previous_qualifier")(_known_qualifier)

    @field_validator("verb", "increment_verb")
    @classmethod
    def _known_verb(cls, verb: str | None) -> str | None:
        """Validate the Chinese direction word."""
        if verb is not None and verb not in CHANGE_VERBS:
            known = ", ".join(CHANGE_VERBS)
            raise ValueError(f"unknown change verb {verb!r}; expected one of {known}")
        return verb

    @model_validator(mode="after")
    def _something_given(self) -> "Change":
        """A change needs a percent, an increment, places or a previous value."""
        if all(v is None for v in (self.percent, self.increment, self.places, self.previous)):
            raise ValueError("a change needs percent, increment, places or previous")
        if self.previous_of is not None and self.previous is None:
            raise ValueError("previous_of says of when the previous value is: give previous")
        if self.previous_of is not None and self.basis is None \
                and self.chosen_form not in (None, "from_to", "to"):
            raise ValueError("a change from a value of another period is said from → to (or "
                             "to): a percent or an increment needs the basis it compares with")
        if self.form is not None and self.show is not None and self.form != self.show:
            raise ValueError(f"form {self.form!r} and show {self.show!r} disagree; give form")
        stated = self.percent if self.percent is not None else self.increment
        if self.qualifier is not None and stated is not None and stated == 0:
            raise ValueError(f"a change of 0 with qualifier {self.qualifier!r} says neither "
                             "unchanged nor how much it moved: give the amount it is "
                             "qualified by, or no qualifier (持平 / unchanged)")
        return self

    @property
    def chosen_form(self) -> ChangeForm | None:
        """The form the spec asks for, if any (``form``, or the older ``show``)."""
        return self.form or self.show


class Rank(Model):
    """A rank statement: 居全国第二位, 位居全国首位, 连续5年居全省第一, 居全国前列."""

    position: Annotated[int, Field(ge=1), BeforeValidator(to_whole)] | None = Field(
        default=None, description="the position; omit with standing")
    scope: Text = Field(description="among whom: 全国 / in China, 全国海关 / among China’s customs")
    years: Annotated[int, Field(ge=2), BeforeValidator(to_whole)] | None = Field(
        default=None, description="consecutive years held")
    verb: str = Field(default="居", description="居, 位居, 位列, 稳居, 列 or 保持")
    form: Literal["位", "名", "", "首位"] | None = Field(
        default=None, description="how Chinese writes the position: 第二位, 第二名, 第二 (''), "
                                  "首位; default: a rank figure's unit, else 位")
    standing: str | None = Field(
        default=None, description="instead of a position: 前列, 第一方阵, 前茅, 第一梯队")
    numerals: Literal["hanzi", "arabic"] = Field(
        default="hanzi",
        description="how Chinese writes the position: 第二 (hanzi) or 第2 (arabic)")
    degree: Literal["most", "highest", "largest", "best"] | None = Field(
        default=None,
        description="English says the position as a superlative of this: the most in "
                    "China (a count), the highest, the second largest")

    @field_validator("verb")
    @classmethod
    def _known_verb(cls, verb: str) -> str:
        """Validate the rank verb."""
        if verb not in RANK_VERBS:
            raise ValueError(f"unknown rank verb {verb!r}; expected one of {', '.join(RANK_VERBS)}")
        return verb

    @field_validator("standing")
    @classmethod
    def _known_standing(cls, standing: str | None) -> str | None:
        """Validate the standing."""
        if standing is not None and standing not in STANDINGS:
            raise ValueError(f"unknown standing {standing!r}; expected one of "
                             f"{', '.join(STANDINGS)}")
        return standing

    @model_validator(mode="after")
    def _position_or_standing(self) -> "Rank":
        """At most one of a position and a standing; 首位 only for the first."""
        if self.position is not None and self.standing is not None:
            raise ValueError("a rank statement gives a position or a standing (前列), not both")
        if self.degree is not None and self.standing is not None:
            raise ValueError("degree says a position as a superlative: a standing has none")
        if self.form == "首位" and self.position not in (None, 1):
            raise ValueError(f"form 首位 states the first position, not {self.position}")
        return self

    def form_for(self, unit: str | None) -> str:
        """How Chinese writes the position: as given, else in the rank figure's ``unit``
        (第二名), else with 位."""
        if self.form is not None:
            return self.form
        return unit or "位"

    def at(self, position: int) -> "Rank":
        """The same statement of another position (a rank figure's own value)."""
        return self.model_copy(update={"position": position, "standing": None})


FigureKind = Literal["flow", "stock", "rank"]


class Figure(Model):
    """One published figure: an exact value with its unit and what is known about it."""

    id: str | None = Field(
        default=None, description="stable dotted id; taken from the key in a spec")
    label: Text
    value: Number = Field(description="exactly as published: 610.93 stays 610.93")
    unit: str = Field(description="as printed in Chinese: 件, 亿元, 万美元, %, 个百分点, 分, 倍, "
                                  "位 …; '' for none (see `ipdocs units`)")
    kind: FigureKind = Field(
        default="flow", description="flow over the year, stock at a date, or a rank")
    as_of: dt.date | None = Field(
        default=None,
        description="a stock's reference date (default: year end); for a flow, the last "
                    "day of a partial year (前三季度: the 30th of September)")
    period: PeriodStyle = Field(
        default="months", description="how a partial-year flow names its period: months (1—9月), "
                                      "quarters (前三季度), half (上半年), first_months (前2个月)")
    since: Annotated[int, Field(ge=1900, le=2999), BeforeValidator(to_whole)] | None = Field(
        default=None,
        description="a flow totalled over several years, from the start of this year to the "
                    "report's year end (2021年以来 / since 2021)")
    change: Change | None = None
    qualifier: str | None = Field(default=None, description="以上, 超, 近, 余, 突破, 约, 左右 …")
    rank: Rank | None = None
    per: Text | None = Field(default=None,
                             description="per-capita basis: 每万人 / per 10,000 people")
    base: Text | None = Field(
        default=None, description="what a share or multiple is of: 全国总量 / the national total "
                                  "(占全国总量的12.3%, 是全国平均水平的3.4倍)")
    compares: str | None = Field(
        default=None,
        description="the figure a multiple or share compares with the figure its base "
                    "names ({national.average}): the check holds the value to their ratio")
    numerals: Literal["arabic", "hanzi"] | None = Field(
        default=None, description="hanzi: Chinese text spells the number (连续四年, 第二名); "
                                  "arabic: digits (第4位); default: hanzi for a rank, else "
                                  "arabic")
    parts: list[str] = Field(default_factory=new_list, description="ids of figures that make it up")
    parts_complete: Flag | None = Field(
        default=None,
        description="true: parts must add up; false: a partial breakdown; unset: warn")
    discrepancy: Text | None = Field(
        default=None,
        description="the source's own discrepancy, acknowledged: its parts do not add up, "
                    "or its stated percent disagrees with its stated increment, as "
                    "published, and why (原文如此 / as published); the check then passes, "
                    "and it prints as the table note does")
    history: NumbersByYear = Field(default_factory=no_numbers, description="past values by year")
    history_since: Whole | None = Field(
        default=None, description="the history is complete from this year to last year: a record "
                                  "(创历史新高) may then be claimed from it")
    record: Flag = Field(
        default=False, description="the report states this value is a record (为历年最高)")
    note: Text | None = None
    asserted: Flag = Field(
        default=False, description="consistency failures on this figure are errors")
    stale: Flag = Field(
        default=False, description="a draft kept last year's value: no new one was given")
    of_year: Whole | None = Field(
        default=None, description="the year a stale value is of, where it is not last year's")
    review: Flag = Field(
        default=False,
        description="a draft gave a new value but kept something to check (a qualifier, "
                    "a change against another basis)")
    draft_note: str | None = Field(default=None, description="where a drafted value came from")
    note_review: Flag = Field(
        default=False,
        description="a draft carried the note or the acknowledged discrepancy over from "
                    "last year: it may no longer hold (民事、刑事、行政案件之和少于总数 after "
                    "the parts changed)")

    _value = field_validator("value")(_finite)
    _qualifier = field_validator("qualifier")(_known_qualifier)
    _unit_def: Unit = PrivateAttr()

    @field_validator("unit")
    @classmethod
    def _known_unit(cls, unit: str) -> str:
        """Validate the unit against the vocabulary (the shipped units and the spec's)."""
        if unit not in _UNITS.get():
            raise ValueError(f"unknown unit {unit!r}: `ipdocs units` lists every unit, and a "
                             "spec adds its own under `units:`")
        return unit

    def model_post_init(self, context: Any, /) -> None:
        """Remember the definition of the unit, which may be the spec's own."""
        self._unit_def = _UNITS.get()[self.unit]

    @property
    def unit_def(self) -> Unit:
        """The definition of this figure's unit (looked up again in a copy whose unit was
        replaced). Read from pydantic's private values directly where set: through the
        model's ``__getattr__`` it was a tenth of making a fitted brief's document."""
        private = self.__pydantic_private__
        unit = private.get("_unit_def") if private else None
        if unit is None:
            unit = self._unit_def
        return unit if unit.code == self.unit else get_unit(self.unit)

    @property
    def measure(self) -> str:
        """What kind of measure this figure is: it decides how the figure changes."""
        return Measure.RANK if self.kind == "rank" else self.unit_def.measure

    @property
    def approximate(self) -> bool:
        """Whether the published value, or the previous one a change is computed from, is
        qualified (约, 近, 余, 以上, 左右 …), so inexact."""
        return self.qualifier is not None or (
            self.change is not None and self.change.previous_qualifier is not None)

    @property
    def numeral_style(self) -> Literal["arabic", "hanzi"]:
        """How Chinese writes the number: as given, else in numerals for a rank (第二名)
        and in digits for anything else."""
        if self.numerals is not None:
            return self.numerals
        return "hanzi" if self.kind == "rank" else "arabic"

    @property
    def partial_year(self) -> bool:
        """Whether this is a flow over part of the year (前三季度, 1—6月)."""
        return self.kind == "flow" and self.as_of is not None

    @model_validator(mode="after")
    def _coherent(self) -> "Figure":
        """Check what the fields imply of each other."""
        if self.kind == "rank":
            _check_rank_value(self)
        if self.as_of is not None and self.kind == "flow":
            _check_partial_year(self.as_of, self.period)
        elif "period" in self.model_fields_set and self.period != "months":
            raise ValueError("period names the part of the year a flow covers: give the flow "
                             "its as_of (the last day of the period)")
        if self.as_of is not None and self.kind == "rank":
            raise ValueError("as_of belongs to a stock or a partial-year flow, not a rank")
        if self.numeral_style == "hanzi" and self.value != self.value.to_integral_value():
            raise ValueError("only whole numbers can be spelled in Chinese numerals")
        if self.since is not None and (self.kind != "flow" or self.as_of is not None):
            raise ValueError("since totals a flow over whole years: a flow without as_of")
        if self.compares is not None and self.base is None:
            raise ValueError("compares needs the base it is compared with (base: {zh: "
                             "全国平均水平（{national.average}）, …})")
        if self.base is not None and not measure_kind(self.measure).takes_base:
            raise ValueError("base (占…的 / 是…的) belongs to a share (%) or a multiple (倍)")
        if self.rank is not None:
            _check_rank_statement(self, self.rank)
        if self.change is not None:
            _check_change(self, self.change)
        if self.discrepancy is not None and not self.parts and not _percent_and_increment(
                self.change):
            raise ValueError("discrepancy acknowledges parts that do not add up (give the "
                             "parts) or a percent that disagrees with its increment (give "
                             "change.percent and change.increment)")
        if self.of_year is not None and not self.stale:
            raise ValueError("of_year belongs to a stale value (stale: true)")
        return self

    def with_id(self, figure_id: str) -> "Figure":
        """A copy carrying ``figure_id``."""
        return self.model_copy(update={"id": figure_id})


def _check_rank_value(figure: Figure) -> None:
    """A rank figure is a whole position from 1 in 位 or 名."""
    if figure.unit not in RANK_UNITS:
        raise ValueError(f"a rank figure takes unit 位 or 名, not {figure.unit!r}")
    if figure.value != figure.value.to_integral_value() or figure.value < 1:
        raise ValueError(f"a rank is a whole number from 1, not {figure.value}")


def _check_rank_statement(figure: Figure, rank: Rank) -> None:
    """A rank statement of a rank figure states the figure's own position; one attached
    to any other figure gives its position or a standing."""
    if figure.kind == "rank":
        if rank.position is not None or rank.standing is not None:
            raise ValueError("a rank figure's statement takes its position from the value: "
                             "give no position or standing")
        if rank.form == "首位" and figure.value != 1:
            raise ValueError(f"form 首位 states the first position, not {figure.value}")
    elif rank.position is None and rank.standing is None:
        raise ValueError("a rank statement gives a position or a standing (前列)")


def _check_partial_year(as_of: dt.date, period: PeriodStyle) -> None:
    """A partial-year flow runs from the year's start to the end of a month before December,
    and its period style fits its length (quarters: whole quarters; half: six months)."""
    last = calendar.monthrange(as_of.year, as_of.month)[1]
    if as_of.day != last or as_of.month == 12:
        raise ValueError(f"a flow's as_of ends a partial year at a month's end before December "
                         f"(such as {as_of.year}-09-30), not {as_of}")
    if period == "quarters" and as_of.month % 3:
        raise ValueError(f"{as_of.month} months are not whole quarters (period: quarters)")
    if period == "half" and as_of.month != 6:
        raise ValueError(f"the first half of a year ends on 30 June, not {as_of}")


def _percent_and_increment(change: Change | None) -> bool:
    """Whether ``change`` states both a percent and an increment (and no previous value):
    the pair a discrepancy may acknowledge."""
    return change is not None and change.previous is None and change.percent is not None \
        and change.increment is not None


def _check_change(figure: Figure, change: Change) -> None:
    """Refuse a change the figure's measure cannot have, or one computed from an
    approximate value."""
    measure = measure_kind(figure.measure)
    form = change.chosen_form
    if measure.positions:
        _check_rank_change(change, form)
        _check_rank_move(figure.value, change)
    elif change.places is not None:
        raise ValueError("places belong to a rank's change (kind: rank)")
    if measure.percent_by_choice and change.percent is not None and form != "percent":
        raise ValueError("a rate changes by percentage points: give change.increment (提高1.2个"
                         "百分点) or previous; a relative change in percent needs form: percent")
    if form in ("from_to", "to") and change.previous is None and change.places is None:
        raise ValueError(f"form {form} states the previous value: give change.previous")
    if form == "percent" and change.percent is None:
        _check_computable(figure, change, "a percent")
    if form == "increment" and change.increment is None and change.places is None:
        _check_computable(figure, change, "an increment")
    if change.previous is not None and change.previous < 0 and measure.nonnegative:
        raise ValueError(f"a previous value of {change.previous} cannot be a count or amount")


def _check_rank_change(change: Change, form: ChangeForm | None) -> None:
    """A rank moves by places or from one position to another, never by percent."""
    if change.percent is not None or form == "percent":
        raise ValueError("a rank never changes by percent: give change.places (上升2位) or "
                         "change.previous (由第五位升至第三位)")
    if change.increment is not None:
        raise ValueError("a rank changes by places: give change.places (positive for up) or "
                         "change.previous, not increment")
    previous = change.previous
    if previous is not None and (previous != previous.to_integral_value() or previous < 1):
        raise ValueError(f"a rank's previous position is a whole number from 1, not {previous}")


def _check_rank_move(position: Decimal, change: Change) -> None:
    """A rank's move in places must fit its positions: from the previous position (where
    stated) to this one, and never from a position above the first (now 1st cannot have
    risen, now 3rd cannot have fallen 5 places)."""
    places, previous = change.places, change.previous
    if places is None:
        return
    if previous is not None and previous - position != places:
        moved = previous - position
        raise ValueError(f"change.places says {_places(places)}, but from position "
                         f"{previous} to {position} is {_places(moved)}")
    if position + places < 1:
        raise ValueError(f"a rank now at position {position} cannot have moved "
                         f"{_places(places)}: it would have been at position "
                         f"{position + places}")


def _places(places: Decimal | int) -> str:
    """A move in places as messages say it: 2 places up, 5 places down, no move."""
    if places == 0:
        return "no move"
    return f"{abs(places)} place{'s' * (abs(places) != 1)} {'up' if places > 0 else 'down'}"


def _check_computable(figure: Figure, change: Change, what: str) -> None:
    """A change computed from the previous value needs that value and an exact figure."""
    if change.previous is None:
        raise ValueError(f"{what} change needs the stated amount or change.previous")
    inexact = figure.qualifier or change.previous_qualifier
    if inexact:
        raise ValueError(f"{what} is not computed from an approximate value "
                         f"({inexact}): state it, or say the change from → to")

