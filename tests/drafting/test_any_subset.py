"""No draft crashes a brief: Ningbo drafted to 2025 and on to 2026 with every figure new,
none new, or any subset (Hypothesis), with values that rise, fall or stay the same and
qualifiers kept, dropped or changed, builds every shipped brief in every language and
layout, as a tree unshortened and shortened and through both writers; and the 2026 draft
tracked against the 2025 one round-trips (accept all: 2026, reject all: 2025)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ipdocs import load_report
from ipdocs.app.building import Output, Recipe, render_output
from ipdocs.base.vocab import Measure
from ipdocs.drafting import draft
from ipdocs.model import Figure, Report
from ipdocs.sections import Brief, full_brief, load_brief, summary_brief
from ipdocs.sections.context import COMPACT_LEVELS
from ipdocs.themes import load_theme
from tests.conftest import ROOT
from tests.writers.test_revisions import paragraphs

NINGBO = ROOT / "specs" / "ningbo-2024.yaml"
IDS = tuple(load_report(NINGBO).figures)
MOVES = ("same", "up", "down", "plain", "qualified")
"""What a figure's new value does: stays, rises, falls, loses or gains a qualifier."""


def briefs() -> list[Brief]:
    """Every brief ipdocs ships: the two built in and the two example files."""
    return [full_brief(), summary_brief(), load_brief(ROOT / "specs/briefs/press.yaml"),
            load_brief(ROOT / "specs/briefs/tables.yaml")]


def new_value(figure: Figure, move: str) -> tuple[Decimal, str]:
    """A next value of ``figure`` as ``move`` says, and its qualifier cell."""
    value = figure.value
    if figure.measure is Measure.RANK:
        return (max(value - 1, Decimal(1)) if move == "up" else value + 1
                if move == "down" else value), ""
    if figure.measure is Measure.RATE and move == "up":
        value = min(value + 1, Decimal(100))
    elif move == "up":
        value = value + 1
    elif move == "down" and value > 1:
        value = value - 1
    qualifier = {"plain": "-", "qualified": "超"}.get(move, "")
    return value, qualifier


def draft_with(spec: Path, moves: dict[str, str], folder: Path, name: str) -> Path:
    """``spec`` drafted a year on with the figures of ``moves`` new."""
    report = load_report(spec)
    rows = []
    for fid, move in moves.items():
        value, qualifier = new_value(report.figure(fid), move)
        rows.append(f"{fid},{value},{qualifier}")
    figures = folder / f"{name}.csv"
    figures.write_text("id,value,qualifier\n" + "\n".join(rows) + "\n", encoding="utf-8")
    out = folder / f"{name}.yaml"
    out.write_text(draft(spec, figures).text, encoding="utf-8")
    return out


def build_trees(report: Report, against: Report) -> None:
    """Every brief's tree in every language and layout, unshortened and shortened as far
    as it goes."""
    for brief in briefs():
        for lang in ("zh", "en", "zh-en"):
            for layout in ("interleaved", "parallel") if lang == "zh-en" else ("interleaved",):
                for level in (0, COMPACT_LEVELS):
                    brief.document(report, lang, layout=layout, against=against,
                                   compact=level)


def build_files(report: Report, against: Report, folder: Path) -> None:
    """Every brief through both writers, in every language."""
    theme = load_theme("briefing")
    for brief in briefs():
        recipe = Recipe(brief, theme, against=against)
        for lang in ("zh", "en", "zh-en"):
            for suffix in ("docx", "pdf"):
                data = render_output(report, recipe, Output(folder / f"b.{suffix}", lang))
                assert data


moves = st.dictionaries(st.sampled_from(IDS), st.sampled_from(MOVES), max_size=len(IDS))


@pytest.mark.filterwarnings("ignore::ipdocs.writers.RenderWarning")
@settings(max_examples=2, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.data_too_large])
@given(first=moves, second=moves)
@example(first=dict.fromkeys(IDS, "up"), second={})
@example(first={}, second=dict.fromkeys(IDS, "same"))
@example(first={"talent.high_level_recruited": "up"}, second={})
def test_any_draft_builds_every_brief(first: dict[str, str], second: dict[str, str],
                                      tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("subset")
    spec_2025 = draft_with(NINGBO, first, folder, "n2025")
    spec_2026 = draft_with(spec_2025, second, folder, "n2026")
    old, year_2025, year_2026 = (load_report(p) for p in (NINGBO, spec_2025, spec_2026))
    build_trees(year_2025, old)
    build_trees(year_2026, year_2025)
    build_files(year_2026, year_2025, folder)
    for lang in ("zh", "en"):
        round_trip(year_2026, year_2025, folder, lang)


def round_trip(new: Report, old: Report, folder: Path, lang: str) -> None:
    """The full brief of ``new`` tracked against ``old``: accepting every revision gives
    ``new``'s text, rejecting every one ``old``'s (two drafts: stale marks on both sides)."""
    theme, brief = load_theme("briefing"), full_brief()
    out = Output(folder / "r.docx", lang)  # type: ignore[arg-type]
    tracked = render_output(new, Recipe(brief, theme, against=old), out)
    assert paragraphs(tracked, "ins") == paragraphs(render_output(new, Recipe(brief, theme), out))
    assert paragraphs(tracked, "del") == paragraphs(render_output(old, Recipe(brief, theme), out))
