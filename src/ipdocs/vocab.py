"""The closed vocabularies a spec draws on: units, qualifiers and change verbs.

A unit is written in a spec as it is printed in Chinese (``件``, ``亿元``, ``万美元``).
Each unit knows its base unit, the power of ten its magnitude prefix stands for
(``万`` = 10^4, ``亿`` = 10^8) and its kind, which decides how the figure reads in
other languages. This module is a leaf: it imports nothing from the project.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class UnitKind(StrEnum):
    """What sort of quantity a unit measures."""

    COUNT = "count"
    MONEY = "money"
    PERCENT = "percent"
    DURATION = "duration"
    WEIGHT = "weight"
    RANK = "rank"


@dataclass(frozen=True)
class Unit:
    """One unit: its printed code, base unit, magnitude exponent and kind."""

    code: str
    base: str
    exponent: int
    kind: UnitKind
    currency: str | None = None
    metric: tuple[str, str] | None = None
    """For a traditional unit: how many of a metric unit one is, and that unit
    (斤: 0.5 kg), so that English can give the metric equivalent."""

    @property
    def magnitude(self) -> str:
        """The Chinese magnitude prefix (``万``, ``亿``) or an empty string."""
        return self.code[: len(self.code) - len(self.base)]


_MAGNITUDES = {"": 0, "万": 4, "亿": 8}

_COUNTERS = (
    "件", "项", "家", "笔", "人", "名", "个", "条", "次", "人次", "批次", "所", "种",
    "部", "座", "户", "支", "场", "篇", "款", "份", "起", "宗", "批", "位", "册",
)
_DURATIONS = ("天", "日", "个月", "月", "年", "小时")
_CURRENCIES = {"元": "CNY", "美元": "USD", "欧元": "EUR"}


def _build() -> dict[str, Unit]:
    """Assemble the registry: every base unit with every magnitude prefix."""
    units: dict[str, Unit] = {}
    for prefix, exponent in _MAGNITUDES.items():
        for counter in _COUNTERS:
            units[prefix + counter] = Unit(prefix + counter, counter, exponent, UnitKind.COUNT)
        for base, currency in _CURRENCIES.items():
            code = prefix + base
            units[code] = Unit(code, base, exponent, UnitKind.MONEY, currency)
    for duration in _DURATIONS:
        units[duration] = Unit(duration, duration, 0, UnitKind.DURATION)
    units["斤"] = Unit("斤", "斤", 0, UnitKind.WEIGHT, metric=("0.5", "kg"))
    units["吨"] = Unit("吨", "吨", 0, UnitKind.WEIGHT)
    units["%"] = Unit("%", "%", 0, UnitKind.PERCENT)
    return units


UNITS: dict[str, Unit] = _build()
"""Every known unit by its printed code."""

RANK_UNITS: frozenset[str] = frozenset({"位", "名"})
"""Units a rank figure (``第二位``, ``第二名``) may carry."""


def get_unit(code: str) -> Unit:
    """Return the unit printed as ``code``; raise ``KeyError`` naming it if unknown."""
    try:
        return UNITS[code]
    except KeyError:
        raise KeyError(f"unknown unit {code!r}") from None


class QualifierPosition(StrEnum):
    """Where a qualifier stands in Chinese, relative to the number and its unit."""

    PREFIX = "prefix"  # 超1100人, 近9000件
    INFIX = "infix"  # 300余件, 17.1万余家: between the magnitude and the counter
    SUFFIX = "suffix"  # 193%以上, 3个月左右


@dataclass(frozen=True)
class Qualifier:
    """A published qualifier such as 超 (more than) or 近 (nearly)."""

    token: str
    meaning: str
    position: QualifierPosition


QUALIFIERS: dict[str, Qualifier] = {
    q.token: q
    for q in (
        Qualifier("超", "more_than", QualifierPosition.PREFIX),
        Qualifier("逾", "more_than", QualifierPosition.PREFIX),
        Qualifier("突破", "over", QualifierPosition.PREFIX),
        Qualifier("近", "nearly", QualifierPosition.PREFIX),
        Qualifier("约", "about", QualifierPosition.PREFIX),
        Qualifier("余", "more_than", QualifierPosition.INFIX),
        Qualifier("多", "more_than", QualifierPosition.INFIX),
        Qualifier("以上", "more_than", QualifierPosition.SUFFIX),
        Qualifier("左右", "about", QualifierPosition.SUFFIX),
        Qualifier("以内", "within", QualifierPosition.SUFFIX),
        Qualifier("以下", "below", QualifierPosition.SUFFIX),
    )
}
"""Every qualifier a figure or a change may carry, by its Chinese token."""

CHANGE_VERBS: dict[str, tuple[str, str]] = {
    "增长": ("增长", "下降"),
    "增长了": ("增长了", "下降了"),
    "上升": ("上升", "下降"),
    "增加": ("增加", "减少"),
    "提高": ("提高", "下降"),
}
"""The Chinese direction words of a change, by the rise word a spec names: (rise, fall)."""
