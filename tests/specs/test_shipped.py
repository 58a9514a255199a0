"""Every shipped spec: it passes the strict check, and its built English reads as an
editor leaves it (no doubled "among", no name lowercased after a note's dash, no key
figure repeating its value as its change)."""

import dataclasses
import re
from collections.abc import Iterator
from functools import cache
from typing import Any

import pytest

from ipdocs import load_report
from ipdocs.checks import check_report
from ipdocs.doc import KeyFigure, Paragraph
from ipdocs.doc.walk import strings
from ipdocs.model import Report
from ipdocs.sections import full_brief
from ipdocs.sections.figures import key_figure
from tests.conftest import SPECS

SHIPPED = sorted(p.stem for p in SPECS.glob("*.yaml") if p.stem != "glossary")


@cache
def report(name: str) -> Report:
    """A shipped spec, loaded once."""
    return load_report(SPECS / f"{name}.yaml")


def texts(node: Any) -> Iterator[str]:
    """Every text of a built document as a reader meets it: a paragraph whole, any other
    string (a cell, a caption, a note) alone."""
    if isinstance(node, Paragraph):
        yield "".join(strings(node.inlines))
    elif isinstance(node, str):
        yield node
    elif dataclasses.is_dataclass(node) and not isinstance(node, type):
        for field in dataclasses.fields(node):
            yield from texts(getattr(node, field.name))
    elif isinstance(node, tuple | list):
        for item in node:
            yield from texts(item)


@cache
def english(name: str) -> tuple[str, ...]:
    """The texts of a shipped spec's full brief built in English."""
    return tuple(texts(full_brief().document(report(name), "en")))


def test_every_spec_is_shipped_here() -> None:
    assert {"ningbo-2024", "guangzhou-2023", "shanghai-2022"} <= set(SHIPPED)


@pytest.mark.parametrize("name", SHIPPED)
def test_strict_check_passes(name: str) -> None:
    assert check_report(report(name), strict=True) == []


@pytest.mark.parametrize("name", SHIPPED)
def test_among_is_said_once_a_sentence(name: str) -> None:
    sentences = [s for t in english(name) for s in re.split(r"(?<=[.;])\s", t)]
    assert [s for s in sentences if len(re.findall(r"\bamong\b", s)) > 1] == []


@pytest.mark.parametrize("name", SHIPPED)
def test_no_name_is_lowercased_after_a_dash(name: str) -> None:
    whole = " ".join(english(name))
    names = set(re.findall(r"(?<=[a-z,] )([A-Z][a-z]+)\b", whole))
    after = re.findall(r"— ([a-z][a-z]+)\b", whole)
    assert [w for w in after if w.capitalize() in names and w not in whole.split()] == []
    tabled = {fid for section in report(name).walk() for fid in section.figures}
    for fid in tabled:
        note = report(name).figure(fid).note
        if note is not None and "{" not in note.en:
            assert f"— {note.en}" in whole


@pytest.mark.parametrize("name", SHIPPED)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_key_figure_repeats_its_value(name: str, lang: str) -> None:
    spec = report(name)
    items: list[KeyFigure] = [key_figure(f, lang, spec) for f in spec.figures.values()]
    assert [(k.value, k.change) for k in items if k.change and k.value in k.change] == []
