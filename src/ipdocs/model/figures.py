"""Figures: published values as exact Decimals, with unit, change, qualifier and rank."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

from pydantic import Field, field_validator, model_validator

from ipdocs.model.base import Model, Text
from ipdocs.model.bounds import Number
from ipdocs.vocab import CHANGE_VERBS, QUALIFIERS, RANK_UNITS, UNITS


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
    (an absolute change in the figure's unit, 增长9.3件), ``previous`` (last year's
    value, from which the change is computed), or several of them.
    """

    percent: Number | None = None
    increment: Number | None = None
    previous: Number | None = None
    qualifier: str | None = Field(None, description="qualifier of the change: 以上 in 增长193%以上")
    basis: Text | None = Field(None, description="what the change compares with; default 同比")
    verb: str = Field("增长", description="Chinese rise word: 增长, 增长了, 上升, 增加 or 提高")
    digits: int = Field(1, ge=0, le=4, description="decimals of a percent computed from previous")
    show: Literal["percent", "increment"] | None = Field(
        None, description="which change a computed phrase states; default: what is given")

    _finite = field_validator("percent", "increment", "previous")(_finite)
    _qualifier = field_validator("qualifier")(_known_qualifier)

    @field_validator("verb")
    @classmethod
    def _known_verb(cls, verb: str) -> str:
        """Validate the Chinese rise word."""
        if verb not in CHANGE_VERBS:
            known = ", ".join(CHANGE_VERBS)
            raise ValueError(f"unknown change verb {verb!r}; expected one of {known}")
        return verb

    @model_validator(mode="after")
    def _something_given(self) -> Change:
        """A change needs a percent, an increment or a previous value."""
        if self.percent is None and self.increment is None and self.previous is None:
            raise ValueError("a change needs percent, increment or previous")
        return self


class Rank(Model):
    """A rank statement: 居全国第二位, 连续20年居全国大中城市首位."""

    position: int = Field(ge=1)
    scope: Text = Field(description="among whom: 全国 / in China, 全国海关 / among China's customs")
    years: int | None = Field(None, ge=2, description="consecutive years held")


FigureKind = Literal["flow", "stock", "rank"]


class Figure(Model):
    """One published figure: an exact value with its unit and what is known about it."""

    id: str | None = Field(None, description="stable dotted id; taken from the key in a spec")
    label: Text
    value: Number = Field(description="exactly as published: 610.93 stays 610.93")
    unit: str = Field(description="as printed in Chinese: 件, 亿元, 万美元, %, 位 …")
    kind: FigureKind = Field("flow", description="flow over the year, stock at a date, or a rank")
    as_of: dt.date | None = Field(None, description="reference date of a stock (default: year end)")
    change: Change | None = None
    qualifier: str | None = Field(None, description="以上, 超, 近, 余, 突破, 约, 左右 …")
    rank: Rank | None = None
    per: Text | None = Field(None, description="per-capita basis: 每万人 / per 10,000 people")
    numerals: Literal["arabic", "hanzi"] = Field(
        "arabic", description="hanzi: Chinese text spells the number (连续四年)")
    parts: list[str] = Field(default_factory=list, description="ids of figures that make it up")
    parts_complete: bool | None = Field(
        None, description="true: parts must add up; false: a partial breakdown; unset: warn")
    history: dict[int, Number] = Field(default_factory=dict, description="past values by year")
    note: Text | None = None
    asserted: bool = Field(False, description="consistency failures on this figure are errors")
    stale: bool = Field(False, description="a draft kept last year's value: no new one was given")

    _value = field_validator("value")(_finite)
    _qualifier = field_validator("qualifier")(_known_qualifier)

    @field_validator("unit")
    @classmethod
    def _known_unit(cls, unit: str) -> str:
        """Validate the unit against the vocabulary."""
        if unit not in UNITS:
            raise ValueError(f"unknown unit {unit!r}; known units include 件, 项, 家, 人, 亿元, "
                             "万元, 万美元, 万件, %, 天, 个月, 斤 (see ipdocs.vocab.UNITS)")
        return unit

    @model_validator(mode="after")
    def _coherent(self) -> Figure:
        """Check what the fields imply of each other."""
        if self.kind == "rank":
            if self.unit not in RANK_UNITS:
                raise ValueError(f"a rank figure takes unit 位 or 名, not {self.unit!r}")
            if self.value != self.value.to_integral_value() or self.value < 1:
                raise ValueError(f"a rank is a whole number from 1, not {self.value}")
        if self.as_of is not None and self.kind != "stock":
            raise ValueError("as_of belongs to a stock figure (kind: stock)")
        if self.numerals == "hanzi" and self.value != self.value.to_integral_value():
            raise ValueError("only whole numbers can be spelled in Chinese numerals")
        return self

    def with_id(self, figure_id: str) -> Figure:
        """A copy carrying ``figure_id``."""
        return self.model_copy(update={"id": figure_id})
