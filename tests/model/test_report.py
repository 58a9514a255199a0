"""The report: sections walked in reading order with their field paths, figures and
sections found by id (a missing one named), a draft told by what it still marks, sentence
numbers checked, a spec's units added to the shipped ones."""

import datetime as dt

import pytest

from ipdocs.base.problems import SpecError
from ipdocs.base.vocab import Measure
from ipdocs.model import Report
from ipdocs.model.report import Paragraph, UnitDef, section_paths, spec_units


def test_sections_in_reading_order_with_their_paths(sample: Report) -> None:
    assert [s.id for s in sample.walk()] == ["creation", "patents", "protection"]
    assert [(path, s.id) for path, s in section_paths(sample.sections)] == [
        (("sections", 0), "creation"), (("sections", 0, "sections", 0), "patents"),
        (("sections", 1), "protection")]


def test_found_by_id_or_named_missing(sample: Report) -> None:
    assert sample.section("patents").id == "patents"
    first = next(iter(sample.figures))
    assert sample.figure(first) is sample.figures[first]
    with pytest.raises(KeyError, match="no figure 'nope' in the report"):
        sample.figure("nope")
    with pytest.raises(KeyError, match="no section 'nope' in the report"):
        sample.section("nope")


def test_a_draft_and_its_year_end(sample: Report) -> None:
    assert sample.draft  # the sample marks a paragraph for review
    assert sample.year_end() == dt.date(sample.year, 12, 31)


def test_sentence_numbers() -> None:
    assert Paragraph(zh="甲", en="a", review=[3, 1]).review == [1, 3]
    assert not Paragraph(zh="甲", en="a").marked
    for bad in ([2, 2], [0]):
        with pytest.raises(SpecError, match="sentence numbers count from 1, each once"):
            Paragraph(zh="甲", en="a", review=bad)


def test_a_spec_s_own_units() -> None:
    units = spec_units({"亩": UnitDef(kind="area", words={"en": ["mu", "mu"]})})
    assert {"亩", "万亩", "件"} <= set(units) and units["万亩"].measure is Measure.QUANTITY
    assert units["亩"].word("en") == "mu"
    with pytest.raises(SpecError, match="a rank is a figure of kind rank"):
        UnitDef(kind="rank")
