"""The vocabularies a spec draws on: units, measures, qualifiers and change verbs.

A unit is written in a spec as it is printed in Chinese (``件``, ``亿元``, ``个百分点``).
Each unit knows its base unit, the power of ten its magnitude prefix stands for
(``万`` = 10^4, ``亿`` = 10^8), its kind, and the words other languages write after a
number in it. The shipped units are data (``data/units.yaml``); a spec adds its own in
the same shape. A unit's kind decides the figure's *measure*: how it changes and how the
change is said. This module is a leaf: it imports nothing from the project but the YAML
reader.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from enum import StrEnum
from functools import cache
from importlib import resources
from typing import Any, Literal

from ipdocs.base.fastyaml import safe_load
from ipdocs.base.records import datarecord


class UnitKind(StrEnum):
    """What sort of quantity a unit measures."""

    COUNT = "count"
    MONEY = "money"
    WEIGHT = "weight"
    AREA = "area"
    DURATION = "duration"
    PERCENT = "percent"
    POINTS = "points"
    SCORE = "score"
    MULTIPLE = "multiple"
    RANK = "rank"  # kept for callers of the old vocabulary; no unit has it


class Measure(StrEnum):
    """The kind of measure a figure is: it decides how the figure changes and how that
    change is said."""

    QUANTITY = "quantity"
    """A count or an amount: changes by percent or by an increment (增长11.4%, 增加9.3件)."""
    RATE = "rate"
    """A rate or share: changes by percentage points (提高1.2个百分点), never by percent
    unless a change says so."""
    RANK = "rank"
    """A position: changes by places (上升2位, 由第五位升至第三位), never by percent."""
    DURATION = "duration"
    """A length of time: shortened or lengthened (由18个月缩短至12个月)."""
    SCORE = "score"
    """A score: rises and falls in points (提高到85.5分)."""
    MULTIPLE = "multiple"
    """A multiple of a base (是全国平均水平的3.4倍)."""


Computed = Literal["percent", "increment", "places", "from_to"]
"""The form of a change computed from an exact previous value, when a spec names none."""


def _fraction_digits(value: Decimal) -> int:
    """How many digits ``value`` shows after the point."""
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def says_one(count: object) -> bool:
    """Whether ``count`` takes a language's singular: exactly one, written without
    decimals (1 day, but 1.0 days and 0.5 days), as CLDR's English rule has it (one:
    i = 1 and v = 0); a Decimal's published zeros are digits it shows."""
    if isinstance(count, Decimal):
        return count == 1 and _fraction_digits(count) == 0
    return bool(count == 1)


@datarecord(frozen=True)
class MeasureKind:
    """Everything that decides how figures of one measure change, in one record: which
    changes they may have (checks at load), the form a computed change takes (the
    builders and drafting), how it is said (i18n: the words files key a measure's own
    wording by its name, ``change_delta.<name>`` and ``<form>.<name>.up``), and its line
    in specs/README.md's generated list. Modules read these fields; none branches on a
    measure's name. ``register_measure`` adds one."""

    name: str
    unit_kinds: tuple[str, ...]
    """The unit kinds whose figures are of this measure."""
    verb: str
    """The Chinese rise word of the verb pair a change takes when its spec names none."""
    computed: Computed
    """The form of a change computed from an exact previous value (an approximate one is
    said from → to)."""
    changes: str
    """How figures of it change, for specs/README.md."""
    source: str = ""
    """Where figures of it come from, for specs/README.md, where not its unit kinds."""
    positions: bool = False
    """Values are positions (a rank: smaller is higher): a change moves by places or from
    one position to another, never by percent or an increment; said as ordinals."""
    percent_by_choice: bool = False
    """A stated percent needs ``form: percent`` (a rate changes by percentage points)."""
    takes_base: bool = False
    """A figure may say what it is a share or a multiple of (``base``)."""
    nonnegative: bool = False
    """A previous value is never below zero (a count or an amount)."""
    increment_unit: str | None = None
    """The unit an increment is said in where it is not the figure's (个百分点)."""
    increment_short: str | None = None
    """The word key of that unit short, as a table's change cell writes it."""
    bare_in_tables: bool = False
    """Chinese change cells leave a unit without words to the unit column (+9.3, not
    +9.3件)."""
    comparable: bool = False
    """Year-on-year rises of figures of it may be ranked against each other (增幅居前)."""
    increment_verb: str | None = None
    """The rise word an increment said apart from its percent takes when its spec names
    none (``{ID:increment}``: a count 增加1231件 while it 增长63%); None: the change's."""


MEASURE_KINDS: dict[str, MeasureKind] = {}
"""Every measure kind by name, in the order registered."""


_MEASURE_CACHES: list[Callable[[], None]] = []
"""What forgets a cache made with the measure kinds (``cached_from_measures``)."""


def cached_from_measures(forget: Callable[[], None]) -> None:
    """Have ``forget`` called whenever a measure is registered or unregistered: a module
    that remembers what it made of a figure (its resolved change, its rendered text)
    forgets it then, since a measure decides how a change is said."""
    _MEASURE_CACHES.append(forget)


def register_measure(kind: MeasureKind) -> MeasureKind:
    """Make ``kind`` a measure (replacing one of its name); its unit kinds are its from
    now on (the measure registered last that names a unit kind is that kind's)."""
    MEASURE_KINDS[kind.name] = kind
    _measures_changed()
    return kind


def _measures_changed() -> None:
    """Forget what was made with the measures as they were (``cached_from_measures``)."""
    for forget in _MEASURE_CACHES:
        forget()


def unregister_measure(name: str) -> None:
    """Forget a measure registered with ``register_measure`` (for tests); unit kinds it
    took over go back to the measure that named them before."""
    if name in tuple(Measure):
        raise ValueError(f"{name!r} is a shipped measure")
    MEASURE_KINDS.pop(name, None)
    _measures_changed()


def measure_kind(name: str) -> MeasureKind:
    """The record of the measure called ``name`` (KeyError naming it if none)."""
    try:
        return MEASURE_KINDS[name]
    except KeyError:
        raise KeyError(f"unknown measure {name!r}") from None


def measure_of(kind: str) -> str:
    """The measure of figures in units of ``kind``: the last registered that names it."""
    for record in reversed(MEASURE_KINDS.values()):
        if kind in record.unit_kinds:
            return record.name
    raise KeyError(f"no measure names the unit kind {kind!r}")


register_measure(MeasureKind(
    Measure.QUANTITY, ("count", "money", "weight", "area"), "增长", "percent",
    "percent (default), increment, from_to, to; computed from previous as a percent",
    nonnegative=True, bare_in_tables=True, comparable=True, increment_verb="增加"))
register_measure(MeasureKind(
    Measure.RATE, ("percent", "points"), "提高", "increment",
    "increment in percentage points (default), from_to, to; percent only with form: percent",
    percent_by_choice=True, takes_base=True, increment_unit="个百分点",
    increment_short="points_short"))
register_measure(MeasureKind(
    Measure.RANK, ("rank",), "上升", "places",
    "places (`change.places`, positive for up) or from_to (`change.previous`); never percent",
    source="`kind: rank` (unit 位 or 名)", positions=True))
register_measure(MeasureKind(
    Measure.DURATION, ("duration",), "延长", "from_to",
    "from_to (default from previous), percent, increment, to; 缩短 / cut, 延长 / lengthened"))
register_measure(MeasureKind(
    Measure.SCORE, ("score",), "提高", "increment",
    "increment in points (default from previous), from_to, to, percent"))
register_measure(MeasureKind(
    Measure.MULTIPLE, ("multiple",), "提高", "from_to",
    "from_to (default from previous: 由3.1倍提高至3.4倍, never 提高0.3倍, which reads as a "
    "rise by 30%), increment, to, percent; `base` says of what (是全国平均水平的3.4倍)",
    takes_base=True, bare_in_tables=True))

MEASURES: dict[UnitKind, Measure] = {kind: Measure(measure_of(kind)) for kind in UnitKind}
"""The measure of a figure in each kind of unit as shipped (a rank figure is a rank
whatever its unit); ``measure_of`` reads the registry as it is now."""

PREFIXED = frozenset({UnitKind.COUNT, UnitKind.MONEY, UnitKind.WEIGHT, UnitKind.AREA})
"""Kinds whose units take the magnitudes 万 and 亿 unless a unit says otherwise."""

MAGNITUDES = {"": 0, "万": 4, "亿": 8}
"""Chinese magnitude prefixes and the powers of ten they stand for."""


@datarecord(frozen=True)
class Unit:
    """One unit: its printed code, base unit, magnitude exponent, kind and words."""

    code: str
    base: str
    exponent: int
    kind: UnitKind
    currency: str | None = None
    metric: tuple[str, str] | None = None
    """For a traditional unit: how many of a metric unit one is, and that unit
    (斤: 0.5 kg), so that English can give the metric equivalent."""
    words: tuple[tuple[str, str, str], ...] = ()
    """Per language, the singular and plural written after a number: (lang, one, many)."""

    @property
    def magnitude(self) -> str:
        """The Chinese magnitude prefix (``万``, ``亿``) or an empty string."""
        return self.code[: len(self.code) - len(self.base)]

    @property
    def measure(self) -> str:
        """The measure of a (non-rank) figure in this unit (``measure_of``: a ``Measure``
        for the shipped ones)."""
        return measure_of(self.kind)

    def word(self, lang: str, count: object = 2) -> str | None:
        """The word ``lang`` writes after ``count`` of this unit, or None if it writes none."""
        for language, one, many in self.words:
            if language == lang:
                return one if says_one(count) else many
        return None


def _words(raw: Any) -> tuple[tuple[str, str, str], ...]:
    """``{en: [day, days]}`` as ((en, day, days),); a single word serves both numbers."""
    out = []
    for lang, forms in (raw or {}).items():
        one, many = (forms, forms) if isinstance(forms, str) else (forms[0], forms[-1])
        out.append((str(lang), str(one), str(many)))
    return tuple(out)


def unit_family(code: str, entry: Mapping[str, Any]) -> Iterator[Unit]:
    """The unit ``code`` described by ``entry`` (kind, words, prefixes, currency, metric)
    and, where it takes them, its forms with the magnitudes 万 and 亿."""
    kind = UnitKind(entry["kind"])
    prefixes = entry.get("prefixes")
    prefixed = kind in PREFIXED if prefixes is None else bool(prefixes)
    metric = entry.get("metric")
    for prefix, exponent in MAGNITUDES.items():
        if prefix and not prefixed:
            continue
        yield Unit(prefix + code, code, exponent, kind, entry.get("currency"),
                   (str(metric[0]), str(metric[1])) if metric else None,
                   _words(entry.get("words")))


def build_units(entries: Mapping[str, Mapping[str, Any]]) -> dict[str, Unit]:
    """Every unit of ``entries`` (code → description) with its magnitude forms."""
    units: dict[str, Unit] = {}
    for code, entry in entries.items():
        for unit in unit_family(str(code), entry):
            units.setdefault(unit.code, unit)
    return units


@cache
def shipped_entries() -> dict[str, dict[str, Any]]:
    """The shipped unit descriptions, as ``data/units.yaml`` gives them."""
    text = resources.files("ipdocs").joinpath("data", "units.yaml").read_text(encoding="utf-8")
    data: dict[str, dict[str, Any]] = safe_load(text)
    return data


UNITS: dict[str, Unit] = build_units(shipped_entries())
"""Every shipped unit by its printed code, magnitude forms included."""

RANK_UNITS: frozenset[str] = frozenset({"位", "名"})
"""Units a rank figure (``第二位``, ``第二名``) may carry."""


def get_unit(code: str, units: Mapping[str, Unit] | None = None) -> Unit:
    """The unit printed as ``code`` (among ``units``, default the shipped ones); raise
    ``KeyError`` naming it if unknown."""
    try:
        return (UNITS if units is None else units)[code]
    except KeyError:
        raise KeyError(f"unknown unit {code!r}") from None


class QualifierPosition(StrEnum):
    """Where a qualifier stands in Chinese, relative to the number and its unit."""

    PREFIX = "prefix"  # 超1100人, 近9000件
    INFIX = "infix"  # 300余件, 17.1万余家: between the magnitude and the counter
    SUFFIX = "suffix"  # 193%以上, 3个月左右


@datarecord(frozen=True)
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
        Qualifier("以上", "at_least", QualifierPosition.SUFFIX),
        Qualifier("左右", "about", QualifierPosition.SUFFIX),
        Qualifier("以内", "within", QualifierPosition.SUFFIX),
        Qualifier("以下", "at_most", QualifierPosition.SUFFIX),
    )
}
"""Every qualifier a figure or a change may carry, by its Chinese token. Every one makes
a value approximate: no change is computed from a qualified value. 以上, 以下 and 以内
include the number they follow, as Chinese legal and statistical usage reads them
(《民法典》第一千二百五十九条): 193%以上 is at least 193%, where 超 and 余 are more than."""

VERB_PAIRS: tuple[tuple[str, str], ...] = (
    ("增长", "下降"),
    ("增长了", "下降了"),
    ("上升", "下降"),
    ("上升", "回落"),
    ("增加", "减少"),
    ("提高", "下降"),
    ("提高", "降低"),
    ("提升", "下降"),
    ("提升", "降低"),
    ("延长", "缩短"),
)
"""The Chinese direction words of a change: (rise, fall). A spec names either word."""

CHANGE_VERBS: dict[str, tuple[str, str]] = {}
"""Every verb a spec may name, with the pair it selects: a rise word selects its first
pair (提高 → 提高/下降), a fall word that no pair rises with selects its first pair
(降低 → 提高/降低, 缩短 → 延长/缩短, 回落 → 上升/回落)."""
for _pair in VERB_PAIRS:
    CHANGE_VERBS.setdefault(_pair[0], _pair)
for _pair in VERB_PAIRS:
    CHANGE_VERBS.setdefault(_pair[1], _pair)

DEFAULT_VERBS: dict[Measure, str] = {Measure(k.name): k.verb for k in MEASURE_KINDS.values()}
"""The verb pair a change of each shipped measure takes when its spec names none
(``MeasureKind.verb``)."""

RANK_MOVES: tuple[str, str] = ("升", "降")
"""The Chinese words of a rank moving up and down from one position to another:
由第五位升至第三位."""

RANK_VERBS: tuple[str, ...] = ("居", "位居", "位列", "稳居", "列", "保持")
"""Chinese verbs of a rank statement: 居全国第二位, 位居全国首位, 位列全省第一."""

RANK_FORMS: tuple[str, ...] = ("位", "名", "", "首位")
"""How a Chinese rank statement writes the position: 第二位, 第二名, 第二, 首位 (first only)."""

STANDINGS: tuple[str, ...] = ("前列", "第一方阵", "前茅", "第一梯队")
"""Standings a rank statement may give instead of a position: 居全国前列."""
