"""Fuzzing specs: mutated spec text, and generated values in every field of a spec.

Each case ends in a report or in errors that all carry a line, within its time bound;
a report that loads renders its narrative, and some are built: both files readable, or a
BuildError and nothing written. Short budgets in CI; IPDOCS_FUZZ_EXAMPLES=2000 for long.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import given
from hypothesis import strategies as st

from ipdocs.checks import check_report
from ipdocs.sections.narrative import plain_text
from tests.conftest import MINIMAL, SAMPLE
from tests.fuzz.harness import budget, build_or_refuse, load, time_limit
from tests.fuzz.strategies import NASTY, edits, plain, values

BASES = {"minimal": MINIMAL, "sample": SAMPLE.read_text("utf-8")}

FIELDS = [
    ("year",), ("region", "zh"), ("title", "en"), ("lead", 0, "zh"), ("lead", 0),
    ("sections", 0, "id"), ("sections", 0, "title"), ("sections", 0, "paragraphs", 0, "en"),
    ("sections", 0, "figures"), ("sections", 0, "sections"), ("key_figures",),
    ("figures", "patents.grants", "value"), ("figures", "patents.grants", "unit"),
    ("figures", "patents.grants", "kind"), ("figures", "patents.grants", "qualifier"),
    ("figures", "patents.grants", "change"), ("figures", "patents.grants", "change", "percent"),
    ("figures", "patents.grants", "change", "previous"),
    ("figures", "patents.grants", "change", "increment"),
    ("figures", "patents.grants", "change", "verb"), ("figures", "patents.grants", "rank"),
    ("figures", "patents.grants", "numerals"), ("figures", "patents.grants", "history"),
    ("figures", "patents.grants", "as_of"), ("figures", "patents.grants", "parts"),
    ("figures", "patents.invention", "label", "zh"), ("figures", "patents.invention", "per"),
    ("published",), ("sources",), ("authors",),
]
"""Places in the minimal spec a generated value is put."""


def _put(data: dict[str, Any], path: tuple[Any, ...], value: Any) -> None:
    """Set ``path`` in ``data`` to ``value``, making mappings on the way."""
    target: Any = data
    for step in path[:-1]:
        if isinstance(target, list):
            target = target[step] if step < len(target) else target[-1]
        else:
            target = target.setdefault(step, {})
            if not isinstance(target, dict | list):
                return
    if isinstance(target, list):
        target[min(path[-1], len(target) - 1)] = value
    elif isinstance(target, dict):
        target[path[-1]] = value


def _narrate(report: Any) -> None:
    """Checks and narrative of a loaded report, both languages, bounded."""
    with time_limit(20):
        check_report(report)
        for lang in ("zh", "en"):
            plain_text(report, lang)


@budget(60)
@given(base=st.sampled_from(sorted(BASES)), data=st.data())
def test_mutated_spec_text(base: str, data: st.DataObject) -> None:
    text = data.draw(edits(BASES[base]))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "spec.yaml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        report = load(path)
    if report is not None:
        _narrate(report)


@budget(80)
@given(field=st.sampled_from(FIELDS), value=values, as_json=st.booleans())
def test_generated_values_in_a_spec(field: tuple[Any, ...], value: Any, as_json: bool) -> None:
    data = yaml.safe_load(MINIMAL)
    _put(data, field, plain(value))
    try:
        text = json.dumps(data, ensure_ascii=False) if as_json else \
            yaml.safe_dump(data, allow_unicode=True)
    except (ValueError, yaml.YAMLError):
        return  # not representable in that format: nothing to read
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / ("spec.json" if as_json else "spec.yaml")
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        report = load(path)
    if report is not None:
        _narrate(report)


TEXT_FIELDS = [("title",), ("region",), ("sections", 0, "title"), ("lead", 0),
               ("sections", 0, "paragraphs", 0), ("figures", "patents.invention", "label"),
               ("figures", "patents.grants", "label")]
NUMBER_FIELDS = [("figures", "patents.grants", "value"),
                 ("figures", "patents.grants", "change", "percent"),
                 ("figures", "patents.grants", "change", "previous"),
                 ("figures", "patents.grants", "change", "increment"),
                 ("figures", "patents.invention", "value")]
bounded = st.decimals(min_value=-(10**15) + 1, max_value=10**15 - 1, places=2,
                      allow_nan=False, allow_infinity=False)


@budget(10)
@given(texts=st.lists(st.tuples(st.sampled_from(TEXT_FIELDS), st.text(min_size=1,
                                                                       max_size=80)),
                      max_size=3),
       numbers=st.lists(st.tuples(st.sampled_from(NUMBER_FIELDS), bounded), max_size=3),
       hostile=st.sampled_from(NASTY))
def test_plausible_specs_build_or_refuse(texts: list[tuple[tuple[Any, ...], str]],
                                         numbers: list[tuple[tuple[Any, ...], Any]],
                                         hostile: str) -> None:
    data = yaml.safe_load(MINIMAL)
    for field, text in [*texts, (TEXT_FIELDS[0], "标题 " + hostile)]:
        _put(data, field, {"zh": text, "en": text})
    for field, number in numbers:
        _put(data, field, str(number))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "spec.json"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8",
                        errors="surrogatepass")
        report = load(path)
        if report is not None:
            build_or_refuse(report, Path(folder) / "out")
