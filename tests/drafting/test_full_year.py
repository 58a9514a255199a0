"""A draft from every one of Ningbo's 126 figures states no wrong direction, no 0% for a
change that is not zero and no percent change of a rank or a rate."""

from decimal import Decimal

import pytest

from ipdocs import load_report
from ipdocs.base.vocab import Measure
from ipdocs.drafting import draft, final_problems
from ipdocs.drafting.changes import own_basis
from ipdocs.model import Figure, Report
from ipdocs.model.changes import resolve
from ipdocs.sections.narrative import figure_change
from tests.conftest import ROOT

NINGBO = ROOT / "specs" / "ningbo-2024.yaml"


def next_value(figure: Figure) -> Decimal:
    """A plausible next year's value: ranks up a place, rates up a point, counts a little
    up or down (some by less than the published digits would show)."""
    value = figure.value
    if figure.measure is Measure.RANK:
        return max(value - 1, Decimal(1))
    if figure.measure is Measure.RATE:
        return min(value + 1, Decimal(100)) if value < 100 else value - Decimal("0.5")
    steps = [Decimal("1.05"), Decimal("0.96"), Decimal("1.0039"), Decimal("0.996")]
    step = steps[len(figure.id or "") % len(steps)]
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    return (value * step).quantize(Decimal(1).scaleb(min(exponent, 0)))


@pytest.fixture(scope="module")
def years(tmp_path_factory: pytest.TempPathFactory) -> tuple[Report, Report]:
    """Ningbo 2024 and its draft for 2025 with every figure given."""
    folder = tmp_path_factory.mktemp("all")
    old = load_report(NINGBO)
    rows = [f"{fid},{next_value(f)}" for fid, f in old.figures.items()]
    figures = folder / "all.csv"
    figures.write_text("id,value\n" + "\n".join(rows) + "\n", encoding="utf-8")
    spec = folder / "n2025.yaml"
    spec.write_text(draft(NINGBO, figures).text, encoding="utf-8")
    return old, load_report(spec)


def test_no_figure_is_stale(years: tuple[Report, Report]) -> None:
    _, new = years
    assert not [f for f in new.figures.values() if f.stale]


def test_every_direction_is_right(years: tuple[Report, Report]) -> None:
    old, new = years
    for fid, figure in new.figures.items():
        resolved = resolve(figure)
        if resolved is None:
            continue
        before = old.figure(fid).value
        if own_basis(old.figure(fid)):  # kept: compares with its own basis (较改革前)
            if resolved.previous is None:
                continue
            before = resolved.previous
        moved = before - figure.value if figure.measure is Measure.RANK else figure.value - before
        if resolved.form != "new":
            assert resolved.sign == (moved > 0) - (moved < 0), fid


def test_no_zero_for_a_real_change_and_no_percent_of_ranks_or_rates(
        years: tuple[Report, Report]) -> None:
    old, new = years
    for fid, figure in new.figures.items():
        if figure.change is None:
            continue
        for lang in ("zh", "en"):
            phrase = figure_change(figure, lang)
            if figure.value != old.figure(fid).value:
                assert "持平" not in phrase and "unchanged" not in phrase, (fid, phrase)
                assert "-0" not in phrase and "−0%" not in phrase
            if figure.measure is Measure.RANK:
                assert "%" not in phrase, (fid, phrase)
            if figure.measure is Measure.RATE:
                assert "个百分点" in phrase or "percentage point" in phrase, (fid, phrase)


def test_final_still_refuses_until_review_is_cleared(years: tuple[Report, Report]) -> None:
    _, new = years
    assert any(p.path[-1] == "review" for p in final_problems(new))
