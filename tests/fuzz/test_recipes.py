"""Fuzzing briefs, themes and figures files: each loads, or is refused with every problem
located in its file; a brief that loads is checked against the report and, when it fits,
builds; a theme that loads builds readable files or a BuildError; never an exception."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import given
from hypothesis import strategies as st

from ipdocs.base.problems import SpecError
from ipdocs.drafting import read_figures
from ipdocs.model import Report
from ipdocs.sections import BriefError, load_brief
from ipdocs.sections.brieffile import BUILDERS
from ipdocs.themes import ThemeError, load_theme
from tests.conftest import ROOT
from tests.fuzz.harness import budget, build_or_refuse, located, time_limit
from tests.fuzz.strategies import edits, plain, scalars, texts, values

BRIEFING = (ROOT / "src" / "ipdocs" / "themes" / "briefing.yaml").read_text("utf-8")
OPTIONS = ["section", "figures", "kind", "limit", "depth", "charts", "deep", "title_zh",
           "title_en"]
GOOD = {"section": st.sampled_from(["creation", "protection", "patents", "nosuch", ""]),
        "figures": st.lists(st.sampled_from(["patents.grants", "pledge.amount", "nosuch.id"]),
                            max_size=3),
        "kind": st.sampled_from(["growth", "bar", "years", "pie"]),
        "limit": st.integers(-2, 60), "depth": st.integers(0, 8), "charts": st.booleans(),
        "deep": st.booleans(), "title_zh": texts, "title_en": texts}


def _write(folder: str, text: str, name: str = "f.yaml") -> Path:
    path = Path(folder) / name
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    return path


@st.composite
def steps(draw: st.DrawFn) -> Any:
    """One brief step: a builder name (or not), with options good, bad or absent."""
    name = draw(st.one_of(st.sampled_from(sorted(BUILDERS)), texts))
    if draw(st.booleans()):
        return name
    keys = draw(st.lists(st.sampled_from(OPTIONS), max_size=3, unique=True))
    options = {k: draw(st.one_of(GOOD[k], values)) for k in keys}
    return {name: plain(options)}


@budget(40)
@given(builders=st.lists(steps(), max_size=6), extra=st.dictionaries(texts, scalars,
                                                                      max_size=1))
def test_generated_briefs(builders: list[Any], extra: dict[str, Any], sample: Report) -> None:
    with tempfile.TemporaryDirectory() as folder:
        try:
            text = yaml.safe_dump({"builders": builders, **plain(extra)}, allow_unicode=True)
        except yaml.YAMLError:
            return
        try:
            with time_limit(10):
                brief = load_brief(_write(folder, text))
        except BriefError as exc:
            assert located(exc.problems), exc.report()
            return
        problems = brief.check(sample)
        assert located(problems)
        if not problems:
            for lang in ("zh", "en", "zh-en"):
                with time_limit(30):
                    brief.document(sample, lang)  # type: ignore[arg-type]


@budget(40)
@given(data=st.data())
def test_mutated_theme_text(data: st.DataObject) -> None:
    with tempfile.TemporaryDirectory() as folder:
        try:
            with time_limit(10):
                load_theme(_write(folder, data.draw(edits(BRIEFING))))
        except ThemeError as exc:
            assert located(exc.problems), exc.report()


THEME_FIELDS = [("accent",), ("page", "width"), ("page", "top"), ("page", "mirror"),
                ("page_number", "format"), ("page_number", "size"), ("fonts",),
                ("fonts", "serif", "east_asian"), ("fonts", "sans", "alternates"),
                ("fonts", "serif", "bundled"), ("styles", "body", "size"),
                ("styles", "body", "color"), ("styles", "body", "align"),
                ("styles", "title", "line"), ("styles", "body", "exact"),
                ("styles", "heading-1", "indent_zh"), ("header_text",), ("fallbacks",)]


@budget(12)
@given(field=st.sampled_from(THEME_FIELDS), value=st.one_of(
    values, st.floats(0.5, 80), st.integers(1, 300), st.sampled_from(
        ["Song & Co", "<x>", "宋体", "accent", "FF0000", "center", "— {n} —"])))
def test_generated_themes_load_and_build_or_refuse(field: tuple[str, ...], value: Any,
                                                   sample: Report) -> None:
    data = yaml.safe_load(BRIEFING)
    target = data
    for step in field[:-1]:
        target = target[step]
    target[field[-1]] = plain(value)
    with tempfile.TemporaryDirectory() as folder:
        try:
            text = yaml.safe_dump(data, allow_unicode=True)
        except yaml.YAMLError:
            return
        try:
            theme = load_theme(_write(folder, text))
        except ThemeError as exc:
            assert located(exc.problems), exc.report()
            return
        build_or_refuse(sample, Path(folder) / "out", theme=theme)


@budget(40)
@given(content=st.one_of(
    st.dictionaries(texts, values, max_size=4).map(lambda d: ("yaml", plain(d))),
    st.lists(st.lists(texts, max_size=4), max_size=5).map(lambda rows: ("csv", rows))))
def test_generated_figures_files(content: tuple[str, Any]) -> None:
    kind, data = content
    if kind == "yaml":
        try:
            text = yaml.safe_dump(data, allow_unicode=True)
        except yaml.YAMLError:
            return
    else:
        text = "id,value,unit,note\n" + "\n".join(",".join(row) for row in data)
    with tempfile.TemporaryDirectory() as folder:
        try:
            with time_limit(10):
                read_figures(_write(folder, text, f"figures.{kind}"))
        except SpecError as exc:
            assert exc.problems
