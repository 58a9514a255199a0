"""The chapter builder: a report's sections with their subsections, numbered by each
language's convention, their paragraphs and figure tables; one chapter by id; charts of
a part's rises."""

import pytest

from ipdocs.doc import Chart, Heading
from ipdocs.model import Report
from ipdocs.sections.chapter import ChapterBuilder, counterparts, old_section
from ipdocs.sections.context import Context


def headings(blocks: tuple[object, ...]) -> list[tuple[int, str, str]]:
    """Each heading's level, number and text."""
    return [(b.level, b.number, b.text) for b in blocks if isinstance(b, Heading)]


def test_every_chapter_numbered_per_language(sample: Report) -> None:
    zh = ChapterBuilder().build(sample, Context("zh"))
    assert headings(zh) == [(1, "一、", "知识产权创造质量大幅提升"), (2, "（一）", "专利创造"),
                            (1, "二、", "知识产权保护力度不断加大")]
    en = ChapterBuilder().build(sample, Context("en"))
    assert [h[1] for h in headings(en)] == ["1.", "1.1", "2."]
    assert [type(b).__name__ for b in zh] == [type(b).__name__ for b in en] == [
        "Heading", "Heading", "Paragraph", "Table", "Heading", "Paragraph", "Table"]


def test_one_chapter_unnumbered_without_tables(sample: Report) -> None:
    blocks = ChapterBuilder(section="protection").build(
        sample, Context("zh", numbered=False, tables=False))
    assert headings(blocks) == [(1, "", "知识产权保护力度不断加大")]
    assert [type(b).__name__ for b in blocks] == ["Heading", "Paragraph"]
    with pytest.raises(KeyError, match="no-such-section"):
        ChapterBuilder(section="no-such-section").build(sample, Context("zh"))


def test_a_part_s_chart(sample: Report) -> None:
    blocks = ChapterBuilder(charts=True).build(sample, Context("zh"))
    assert sum(isinstance(b, Chart) for b in blocks) == 1


def test_last_year_s_section_and_paragraphs(sample: Report) -> None:
    assert counterparts(None, "creation") == []
    assert counterparts(sample, "no-such-section") == [] and \
        old_section(sample, "no-such-section") is None
    protection = old_section(sample, "protection")
    assert protection is not None
    assert counterparts(sample, "protection") == list(protection.paragraphs)
