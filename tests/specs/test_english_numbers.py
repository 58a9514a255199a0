"""The English number style of specs/README.md ("English style") in the built English of
every shipped spec: at most three decimals in a million, billion or trillion form, in the
text, tables, key figures and charts (their labels and their number formats alike)."""

import re
from functools import cache
from pathlib import Path

import pytest

from ipdocs import load_report
from ipdocs.doc import Document
from ipdocs.doc.walk import strings
from ipdocs.sections.brief import full_brief
from tests.conftest import ROOT, SPECS

SPEC_FILES = [p for p in sorted(SPECS.glob("*.yaml")) if p.name != "glossary.yaml"] + \
    [ROOT / "tests" / "data" / "genre.yaml"]
"""Every shipped spec, and the genre spec of the tests."""

OVER_PRECISE = re.compile(r"\d\.\d{4,} (?:million|billion|trillion)")
"""A number in a scaled form with four decimals or more (4.9906 million)."""
OVER_PRECISE_FORMAT = re.compile(r"\.0{4,},")
"""A spreadsheet number format that scales by thousands with four decimals or more."""


@cache
def english(path: Path) -> Document:
    """The whole brief of a spec, in English."""
    return full_brief().document(load_report(path), "en")


def over_precise(text: str) -> list[str]:
    """The over-precise numbers (and chart number formats) in ``text``."""
    return OVER_PRECISE.findall(text) + OVER_PRECISE_FORMAT.findall(text)


def test_the_scan_finds_what_it_looks_for() -> None:
    assert over_precise("valid patents reached 4.9906 million") == ["4.9906 million"]
    assert over_precise('#,##0.0000,," million"') == [".0000,"]
    assert over_precise("RMB 149.698 million, 4,990,600 and 61.093 billion") == []


@pytest.mark.parametrize("path", SPEC_FILES, ids=lambda p: p.stem)
def test_no_four_decimal_millions_in_the_built_english(path: Path) -> None:
    texts = list(strings(english(path)))
    assert any(re.search(r"\d", t) for t in texts)  # the brief states numbers at all
    found = [hit for text in texts for hit in over_precise(text)]
    assert found == []
