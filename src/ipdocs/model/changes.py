"""What a figure's change states, resolved from what the spec gives: the form it is said
in, its direction and its size. Every builder and check reads a change through here, so
a rank is never given a percent and a rate never a percent it did not publish."""

from __future__ import annotations

from collections import OrderedDict
from decimal import Decimal
from typing import Literal

from ipdocs.base.decimals import nonzero_percent
from ipdocs.base.kept import ByObjects, remembered_for
from ipdocs.base.records import datarecord
from ipdocs.base.vocab import QUALIFIERS, cached_from_measures, measure_kind
from ipdocs.model.figures import Change, Figure

Form = Literal["percent", "increment", "places", "from_to", "to", "new"]


@datarecord(frozen=True)
class Resolved:
    """A change as it will be said.

    ``sign`` is +1 for a rise (a rank moving up, to a smaller position), −1 for a fall,
    0 for none; ``amount`` is the unsigned size for the percent, increment and places
    forms; ``previous`` is last year's value where known.
    """

    form: Form
    sign: int
    amount: Decimal | None = None
    previous: Decimal | None = None

    @property
    def direction(self) -> Literal["up", "down", "flat", "new"]:
        """The direction as the document tree names it."""
        if self.form == "new":
            return "new"
        return "up" if self.sign > 0 else "down" if self.sign < 0 else "flat"

    @property
    def signed(self) -> Decimal | None:
        """The size with its sign (a rank's places positive for up)."""
        return None if self.amount is None else self.amount * self.sign


def _sign(value: Decimal) -> int:
    """+1, −1 or 0."""
    return (value > 0) - (value < 0)


def default_form(figure: Figure, change: Change) -> Form:
    """The form a change is said in when the spec names none: what it states, or what
    the figure's measure computes from the previous value."""
    measure = measure_kind(figure.measure)
    if measure.positions:
        return "from_to" if change.previous is not None else "places"
    if change.previous_of is not None and change.percent is None and change.increment is None:
        return "from_to"
    if change.percent is not None:
        return "percent"
    if change.increment is not None:
        return "increment"
    return "from_to" if figure.approximate else measure.computed


def _previous(figure: Figure, change: Change) -> Decimal | None:
    """Last year's value: stated, or for a rank moved by places, worked back."""
    if change.previous is not None:
        return change.previous
    if measure_kind(figure.measure).positions and change.places is not None:
        return figure.value + change.places
    return None


def _percent(figure: Figure, change: Change, previous: Decimal | None) -> Resolved:
    """A percent change: stated, computed from the previous value, or new from zero
    (nothing both years is no change, in the unit: no percent is taken on zero)."""
    if change.percent is not None:
        return Resolved("percent", _sign(change.percent), abs(change.percent), previous)
    assert previous is not None
    if previous == 0:
        if figure.value == 0:
            return _increment(figure, change, previous)
        return Resolved("new", 1, None, previous)
    percent = nonzero_percent(figure.value, previous, change.digits)
    return Resolved("percent", _sign(percent), abs(percent), previous)


def _increment(figure: Figure, change: Change, previous: Decimal | None) -> Resolved:
    """A change in the figure's unit (percentage points for a rate, places for a rank)."""
    if measure_kind(figure.measure).positions:
        places = change.places if change.places is not None else int(previous or 0) - int(
            figure.value)
        return Resolved("places", _sign(Decimal(places)), Decimal(abs(places)), previous)
    if change.increment is not None:
        return Resolved("increment", _sign(change.increment), abs(change.increment), previous)
    assert previous is not None
    delta = figure.value - previous
    return Resolved("increment", _sign(delta), abs(delta), previous)


def increment(figure: Figure) -> Resolved | None:
    """``figure``'s change as a size in its unit (places for a rank), stated or worked out
    from the previous value, whatever form the change is said in: for a sentence that says
    it apart from the percent (增加1231件，同比增长63%). None if the change gives neither."""
    change = figure.change
    if change is None:
        return None
    previous = _previous(figure, change)
    if change.increment is None and change.places is None and previous is None:
        return None
    return _increment(figure, change, previous)


_BOUNDS: dict[str | None, tuple[int, int]] = {
    None: (0, 0), "more_than": (1, 2), "at_least": (0, 2), "over": (0, 2),
    "nearly": (-2, -1), "at_most": (-2, 0), "within": (-2, 0), "about": (-2, 2)}
"""Where a value qualified so lies about its number, as a range of ticks: -1 and 1 just
below and above it, -2 and 2 anywhere below and above. 突破 (over) may stand for the
number reached, as 以上 does; 约 and 左右 (about) may be anywhere."""


def _bounds(qualifier: str | None) -> tuple[int, int]:
    """The range a value with ``qualifier`` lies in about its number."""
    return _BOUNDS[None if qualifier is None else QUALIFIERS[qualifier].meaning]


def qualified_sign(qualifier: str | None, previous_qualifier: str | None) -> int:
    """Which way a value moved from a previous value of the same number, where their
    qualifiers prove it: +1 from 近60 to 60, or from 60 to 超60; −1 the other way; 0
    where nothing proves a move (both 超60, or 60 then and 60以上 now)."""
    low, high = _bounds(qualifier)
    before_low, before_high = _bounds(previous_qualifier)
    return 1 if low > before_high else -1 if high < before_low else 0


RESOLVED_KEPT = 1024
"""Figures whose resolved change is remembered (``resolve``): a document's builders and
the checks ask for each figure's many times (Ningbo's zh document some 350 times, of 126
figures)."""
_RESOLVED: ByObjects[Resolved] = OrderedDict()
cached_from_measures(_RESOLVED.clear)  # a measure decides how a change resolves


def resolve(figure: Figure) -> Resolved | None:
    """What ``figure``'s change states, or None if it has none.

    Remembered for the figure object (held, so that its id is not reused while it is
    kept; a model is never changed once made), a thousand or so at a time."""
    if figure.change is None:
        return None
    return remembered_for(_RESOLVED, (figure,), lambda: _resolve(figure), RESOLVED_KEPT)


def _resolve(figure: Figure) -> Resolved:
    """``resolve`` of a figure with a change, not remembered."""
    change = figure.change
    assert change is not None
    form = change.chosen_form or default_form(figure, change)
    previous = _previous(figure, change)
    if form == "percent":
        return _percent(figure, change, previous)
    if form in ("increment", "places"):
        return _increment(figure, change, previous)
    assert previous is not None
    moved = previous - figure.value if measure_kind(figure.measure).positions else \
        figure.value - previous
    sign = _sign(moved) or qualified_sign(figure.qualifier, change.previous_qualifier)
    return Resolved(form, sign, None, previous)


def year_on_year_percent(figure: Figure) -> Decimal | None:
    """The signed percent change year on year a figure states, if it states one (not an
    increment, a rank's places, a from → to or a change against another basis)."""
    resolved = resolve(figure)
    if resolved is None or resolved.form != "percent" or not year_on_year(figure):
        return None
    return resolved.signed


def of_report_year(figure: Figure, year: int) -> bool:
    """Whether ``figure`` is of the report's ``year``: not a total over several years
    (``since``), nor a figure at a date or over a part of another year (an interim figure
    of the next year); year-on-year displays show only these (a stale value is the
    draft's own matter)."""
    if figure.since is not None:
        return False
    return figure.stale or figure.as_of is None or figure.as_of.year == year


def year_on_year(figure: Figure) -> bool:
    """Whether ``figure``'s change compares with last year: not another basis, nor a
    previous value of another period (由120天缩短至70天 since an unstated time)."""
    change = figure.change
    return change is not None and change.basis is None and change.previous_of is None
