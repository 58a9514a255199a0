"""Next year's change of a figure, in the form its measure takes: a count by percent (to the
digits the report published, more where fewer would round a real change to zero), a rate
by percentage points, a rank from one position to another (or by places), a duration from
→ to, a score in points. Never a change from an approximate value, never a negative zero,
never 同比 across two years."""

from __future__ import annotations

import re
from dataclasses import field
from decimal import Decimal
from typing import Any

from ipdocs.base.decimals import fraction_digits, nonzero_percent, plain, shift
from ipdocs.base.records import datarecord
from ipdocs.base.vocab import Unit, measure_kind
from ipdocs.model import Figure
from ipdocs.model.changes import default_form
from ipdocs.model.placeholders import YearRef, scan


@datarecord
class Update:
    """A figure's new change and what the drafter noticed about it."""

    change: dict[str, Any] | None
    notes: list[str] = field(default_factory=list)
    review: bool = False
    keep: bool = False
    """Last year's change is kept as the spec gives it (its basis is not last year)."""


YEAR_BASIS = re.compile(r"较(?:\d{4}|\{year(?:-\d+)?\})年")
"""The basis a draft gives a change against an earlier year's value (较2024年), or one
that names a year by placeholder (较{year-1}年: last year's, whatever the year)."""


def own_basis(old: Figure) -> bool:
    """Whether ``old``'s change compares with a basis of its own (较改革前, 比专项行动之前),
    not with a year: a draft keeps such a change, its basis and its figures, for review."""
    basis = old.change.basis if old.change is not None else None
    return basis is not None and YEAR_BASIS.fullmatch(basis.zh.strip()) is None


def convert(value: Decimal, old: Unit, new: Unit) -> Decimal:
    """``value`` in ``old`` expressed in ``new`` (万件 → 件), exactly; ValueError when the two
    do not convert (a different base unit)."""
    if old.base != new.base:
        raise ValueError(f"unit changes from {old.code} to {new.code}, which do not convert")
    return shift(value, old.exponent - new.exponent)


def _kept(old: Figure) -> dict[str, Any]:
    """What of last year's change carries over: the spec's chosen verb."""
    if old.change is not None and old.change.verb is not None:
        return {"verb": old.change.verb}
    return {}


def _old_form(old: Figure) -> str | None:
    """The form last year's change was said in, if it had one."""
    if old.change is None:
        return None
    return old.change.chosen_form or default_form(old, old.change)


def _percent(old: Figure, previous: Decimal, value: Decimal) -> dict[str, Any]:
    """A percent change, to the digits the report published: its stated percent's, or
    those it computed its percent to (``digits``); more where they would show a real
    change as zero."""
    change = old.change
    digits = 1 if change is None else \
        fraction_digits(change.percent) if change.percent is not None else change.digits
    if previous == 0:
        return {"previous": previous}
    return {"percent": plain(nonzero_percent(value, previous, digits)), "previous": previous}


def _by_measure(old: Figure, previous: Decimal, value: Decimal) -> dict[str, Any]:
    """The change of ``old``'s measure from ``previous`` to ``value``, in last year's form
    where it had one."""
    form = _old_form(old)
    measure = measure_kind(old.measure)
    if measure.positions:
        if form == "places":
            return {"places": int(previous - value), "previous": previous}
        return {"previous": previous}
    if form == "percent":  # a rate's only by its own choice: a relative change
        percent = _percent(old, previous, value)
        return {**percent, "form": "percent"} if measure.percent_by_choice else percent
    if form in ("from_to", "to") or (form is None and measure.computed == "from_to"):
        return {"previous": previous, **({"form": form} if form == "to" else {})}
    if measure.computed == "percent" and form != "increment":
        return _percent(old, previous, value)
    return {"increment": plain(value - previous), "previous": previous}


def new_change(old: Figure, previous: Decimal, value: Decimal, *, approximate: bool,
               value_year: int, year: int) -> Update:
    """The change ``value`` (of ``year``) states against ``previous`` (of ``value_year``,
    already in the new unit). ``approximate`` says the new value carries a qualifier."""
    label = old.id or "a figure"
    if own_basis(old):
        assert old.change is not None and old.change.basis is not None
        return Update(None, [f"{label}: the change compares with its own basis "
                             f"({old.change.basis.zh}); kept as it was, not recomputed: check it"],
                      review=True, keep=True)
    if old.qualifier is not None:
        change = {**_kept(old), "previous": previous, "previous_qualifier": old.qualifier,
                  "form": "from_to"}
        return Update(change, [f"{label}: last year's value was approximate ({old.qualifier}); "
                               "the change is said from → to, not computed"], review=True)
    change = {**_kept(old), **_by_measure(old, previous, value)}
    update = Update(change)
    if approximate and any(k in change for k in ("percent", "increment", "places")):
        update.change = {**_kept(old), "previous": previous}
        update.notes.append(f"{label}: the new value is approximate; its change is said from → to")
        update.review = True  # an increment the text says apart is no longer known
    if value_year != year - 1:
        update.change = {**(update.change or {}), "basis": {
            "zh": f"较{value_year}年", "en": f"compared with {value_year}"}}
        update.notes.append(f"{label}: last year's value was of {value_year}; the change "
                            f"compares with {value_year}, not year on year")
        update.review = True
    basis = old.change.basis if old.change is not None else None
    if basis is not None and value_year == year - 1 and _moves_with_year(basis.zh):
        update.change = {**(update.change or {}), "basis": basis.model_dump()}
    elif basis is not None and value_year == year - 1:
        update.notes.append(f"{label}: the change is now year on year (was against "
                            f"{basis.en})")
        update.review = True
    return update


def _moves_with_year(text: str) -> bool:
    """Whether a basis names last year by placeholder (较{year-1}年), so that it holds for
    the new year as it did for the old."""
    return any(isinstance(s, YearRef) and s.offset == -1 for s in scan(text)[0])
