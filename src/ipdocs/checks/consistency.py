"""Consistency checks: stated changes against previous values, parts against totals, ranges.

Each check yields a warning, or an error where the figure is ``asserted`` or the caller
asks for strictness: published reports do contain inconsistencies, and a tool that
hides them or refuses the report helps nobody.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal

from ipdocs.base.decimals import shift
from ipdocs.base.problems import Problem, Severity, error, warning
from ipdocs.base.vocab import UnitKind
from ipdocs.checks.typed import check_typed
from ipdocs.i18n import format_number
from ipdocs.i18n.dates import relative_years
from ipdocs.model import Figure, FigureRef, Paragraph, Report, section_paths
from ipdocs.model.placeholders import masked, scan

Finding = tuple[tuple[str | int, ...], str]
"""A path and a message, before its severity is decided."""


def _half_unit(stated: Decimal) -> Decimal:
    """Half a unit of the last published digit: the rounding a stated value may carry."""
    exponent = stated.as_tuple().exponent
    return Decimal(5).scaleb(int(exponent) - 1) if isinstance(exponent, int) else Decimal(0)


def _path(figure: Figure, *rest: str) -> tuple[str | int, ...]:
    """The field path of something inside ``figure``."""
    assert figure.id is not None
    return ("figures", figure.id, *rest)


def check_change(figure: Figure) -> Iterator[Finding]:
    """A stated percent or increment against the one computed from the previous value."""
    change = figure.change
    if change is None or change.previous is None:
        return
    if change.percent is not None and change.previous != 0:
        exact = (figure.value - change.previous) / change.previous * 100
        if abs(exact - change.percent) > _half_unit(change.percent) + Decimal("1e-9"):
            yield (_path(figure, "change", "percent"),
                   f"stated change {change.percent}% but {change.previous} → {figure.value} "
                   f"is {format_number(exact.quantize(Decimal('0.01')), 'en')}%")
    if change.increment is not None and figure.value - change.previous != change.increment:
        yield (_path(figure, "change", "increment"),
               f"stated increment {change.increment} but {change.previous} → {figure.value} "
               f"is {figure.value - change.previous}")


def _stated_rounding(figure: Figure, stated: Decimal) -> Decimal:
    """How far a value stated in ``figure``'s unit may lie from the exact one: half a unit
    of its last digit where it is rounded (it has decimals, or its unit has a scale: 17万,
    2864.22亿元), none for a whole number of the unit's base (3176件 is counted, exact)."""
    exponent = stated.as_tuple().exponent
    rounded = (isinstance(exponent, int) and exponent < 0) or figure.unit_def.exponent > 0
    return _half_unit(stated) if rounded else Decimal(0)


def _percent_bounds(figure: Figure, increment: Decimal) -> tuple[Decimal, Decimal] | None:
    """The least and greatest percent change the value and its ``increment`` may mean
    within their rounding (previous = value − increment), or None where a previous value
    within that rounding is not above zero (no percent can be stated on it)."""
    value_slack = _stated_rounding(figure, figure.value)
    increment_slack = _stated_rounding(figure, increment)
    percents = []
    for value in (figure.value - value_slack, figure.value + value_slack):
        for moved in (increment - increment_slack, increment + increment_slack):
            previous = value - moved
            if previous <= 0:
                return None
            percents.append(moved / previous * 100)
    return min(percents), max(percents)


def check_increment_percent(figure: Figure) -> Iterator[Finding]:
    """A stated percent against the one its stated increment means, where no previous
    value is given (收案数量增加1231件，同比增长63%: 1231 on 3176 − 1231 is 63.3%): the
    two must agree within the rounding of the value, the increment and the percent. A
    change or value with a qualifier (近95%, 超17万件) states no exact ratio and is not
    checked."""
    change = figure.change
    if change is None or change.previous is not None or change.percent is None \
            or change.increment is None or change.qualifier or figure.qualifier:
        return
    bounds = _percent_bounds(figure, change.increment)
    if bounds is None:
        yield (_path(figure, "change", "increment"),
               f"an increment of {change.increment} on {figure.value} leaves a previous "
               f"value of {figure.value - change.increment}: no percent change can be stated "
               f"on it, but {change.percent}% is")
        return
    low, high = bounds
    slack = _half_unit(change.percent) + Decimal("1e-9")
    if high < change.percent - slack or low > change.percent + slack:
        previous = figure.value - change.increment
        exact = change.increment / previous * 100
        yield (_path(figure, "change", "percent"),
               f"stated change {change.percent}% but an increment of {change.increment} on "
               f"{figure.value} (previous {previous}) is "
               f"{format_number(exact.quantize(Decimal('0.01')), 'en')}%")


def _base_value(figure: Figure) -> Decimal:
    """The value in the unit's base (万件 → 件), for comparing parts with totals."""
    return shift(figure.value, figure.unit_def.exponent)


def _part_problem(total: Figure, part: Figure) -> Finding | None:
    """A finding if a part's unit cannot be compared with its total's."""
    if part.unit_def.base != total.unit_def.base:
        return (_path(total, "parts"),
                f"part {part.id!r} is in {part.unit}, the total in {total.unit}")
    return None


def _sum_of_parts(figure: Figure, report: Report) -> tuple[str, Decimal]:
    """A figure's parts as published (3856 + 122 + 26) and their sum in the unit's base."""
    parts = [report.figure(pid) for pid in figure.parts]
    return (" + ".join(f"{p.value}" for p in parts),
            sum((_base_value(p) for p in parts), Decimal(0)))


def _parts_findings(figure: Figure, report: Report) -> Iterator[Finding]:
    """Parts that exceed the total, and (unless a partial breakdown) parts that fail to
    add up to it."""
    named, total = _sum_of_parts(figure, report)
    whole = _base_value(figure)
    if total > whole:
        yield (_path(figure, "parts"), f"parts {named} = {total} exceed the total {whole}")
    elif total < whole and figure.parts_complete is not False:
        yield (_path(figure, "parts"),
               f"parts {named} = {total} do not add up to the total {whole} "
               f"({whole - total} unaccounted for)")


def _agreement(figure: Figure, report: Report) -> str:
    """What agrees where a discrepancy is acknowledged and none is found, for the message
    asking to remove it: the parts' sum and the total, the percent and the increment."""
    said = []
    if figure.parts:
        named, total = _sum_of_parts(figure, report)
        said.append(f"the parts {named} = {total} add up to the total {_base_value(figure)}")
    change = figure.change
    if change is not None and change.percent is not None and change.increment is not None:
        said.append(f"the change {change.percent}% agrees with the increment "
                    f"{change.increment}")
    return " and ".join(said)


def check_parts(figure: Figure, report: Report) -> Iterator[Finding]:
    """Parts that exceed, or (unless a partial breakdown) fail to add up to, their total,
    and a percent that disagrees with its increment (``check_increment_percent``); none
    where the spec acknowledges the source's own discrepancy, unless there is none. Parts
    in a unit the total's cannot be compared with are reported either way."""
    mismatch = next(filter(None, (_part_problem(figure, report.figure(pid))
                                  for pid in figure.parts)), None)
    if mismatch:
        yield mismatch  # not a discrepancy of the source: parts in another unit
        return
    findings = list(_parts_findings(figure, report)) if figure.parts else []
    findings += check_increment_percent(figure)
    if figure.discrepancy is None:
        yield from findings
    elif not findings:
        yield (_path(figure, "discrepancy"),
               f"a discrepancy is acknowledged but {_agreement(figure, report)}: remove it")


def check_range(figure: Figure) -> Iterator[Finding]:
    """Negative counts and amounts, percentages out of range, impossible declines."""
    kind = figure.unit_def.kind
    if kind in (UnitKind.COUNT, UnitKind.MONEY, UnitKind.WEIGHT, UnitKind.DURATION) \
            and figure.value < 0:
        yield _path(figure, "value"), f"negative {kind.value}: {figure.value}{figure.unit}"
    if kind is UnitKind.PERCENT and not 0 <= figure.value <= 100:
        yield _path(figure, "value"), f"percentage {figure.value}% outside 0–100"
    change = figure.change
    if change is not None and change.percent is not None and change.percent < -100:
        yield _path(figure, "change", "percent"), f"a decline of {-change.percent}% is impossible"
    if change is not None and change.previous is not None and change.previous < 0 \
            and kind is not UnitKind.PERCENT:
        yield _path(figure, "change", "previous"), f"negative previous value {change.previous}"


def check_history(figure: Figure, year: int) -> Iterator[Finding]:
    """Last year's value in the history against the change's previous value (of a change
    year on year: one against a basis of its own, 较改革前, has another previous)."""
    change = figure.change
    last = figure.history.get(year - 1)
    if change is not None and change.previous is not None and last is not None \
            and change.previous_of is None and change.basis is None \
            and last != change.previous:
        yield (_path(figure, "history", str(year - 1)),
               f"history gives {last} for {year - 1} but change.previous is {change.previous}")
    for past in figure.history:
        if past >= year:
            yield _path(figure, "history", str(past)), f"history year {past} is not before {year}"


def _operands(figure: Figure, report: Report) -> tuple[Figure, Figure] | None:
    """The figures a multiple or share compares (``compares``) with its base's figure (the
    one its base names), where the spec holds both."""
    if figure.compares is None or figure.base is None:
        return None
    named = {fid for prose in figure.base.texts.values() for fid in
             (r.figure for r in scan(prose)[0] if isinstance(r, FigureRef))}
    if len(named) != 1 or figure.compares not in report.figures:
        return None
    return report.figure(figure.compares), report.figure(named.pop())


def check_ratio(figure: Figure, report: Report) -> Iterator[Finding]:
    """A multiple (是全国平均水平（11.8件）的8.3倍) or a share (占…的12.3%) against the ratio of
    the figure it compares to its base's figure: within the rounding of the published
    value (a whole unit of its last digit where a value is approximate)."""
    operands = _operands(figure, report)
    if operands is None:
        return
    top, bottom = operands
    if top.unit_def.base != bottom.unit_def.base:
        yield (_path(figure, "compares"),
               f"{top.id!r} is in {top.unit}, the base {bottom.id!r} in {bottom.unit}")
        return
    if _base_value(bottom) == 0:
        return
    ratio = _base_value(top) / _base_value(bottom)
    if figure.unit_def.kind is UnitKind.PERCENT:
        ratio *= 100
    slack = _half_unit(figure.value)
    if any(f.qualifier for f in (figure, top, bottom)):
        slack *= 2
    if abs(ratio - figure.value) > slack + Decimal("1e-9"):
        shown = format_number(ratio.quantize(Decimal("0.001")), "en")
        yield (_path(figure, "value"), f"stated {figure.value} but {top.value} / "
                                       f"{bottom.value} is {shown}")


def _figure_findings(figure: Figure, report: Report) -> Iterator[Finding]:
    """Every finding about one figure."""
    yield from check_change(figure)
    yield from check_ratio(figure, report)
    yield from check_parts(figure, report)
    yield from check_range(figure)
    yield from check_history(figure, report.year)


def check_relative_years(report: Report) -> Iterator[Finding]:
    """Every paragraph (of the lead and the sections) that names a year by where its
    writer stood (去年, 今年, last year) in a report of a stated year: it says the wrong
    year once the text is carried on."""
    paragraphs: list[tuple[tuple[str | int, ...], Paragraph]] = [
        (("lead", i), p) for i, p in enumerate(report.lead)]
    paragraphs += [((*path, "paragraphs", i), p) for path, section in
                   section_paths(report.sections) for i, p in enumerate(section.paragraphs)]
    for path, paragraph in paragraphs:
        for lang in ("zh", "en"):
            found = relative_years(masked(paragraph.get(lang)), lang)
            if found:
                words = ", ".join(dict.fromkeys(found))
                yield ((*path, lang), f"{words} in a report of {report.year}: say the year "
                                      f"({{year}}, {{year-1}}), which stays true when the "
                                      "text is carried to another year")


def check_report(report: Report, *, strict: bool = False) -> list[Problem]:
    """Every consistency problem in ``report``: warnings, or errors if asserted or strict."""
    problems: list[Problem] = []
    for figure in report.figures.values():
        make: Callable[..., Problem] = error if strict or figure.asserted else warning
        problems.extend(make(path, message) for path, message in _figure_findings(figure, report))
    make = error if strict else warning
    problems.extend(make(path, message) for path, message in check_typed(report))
    problems.extend(warning(path, message) for path, message in check_relative_years(report))
    return problems


def has_errors(problems: list[Problem]) -> bool:
    """Whether any problem is an error."""
    return any(p.severity is Severity.ERROR for p in problems)
