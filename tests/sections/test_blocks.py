"""The simple builders: the cover's lines, the lead (its first paragraph only when a
brief is shortened), contents to a depth, a page break, sources as notes, and notes
revised against last year's."""

from ipdocs.doc import Contents, Cover, Heading, PageBreak, Paragraph, Span
from ipdocs.model import Report
from ipdocs.sections.blocks import (
    ContentsBuilder,
    CoverBuilder,
    LeadBuilder,
    PageBreakBuilder,
    SourcesBuilder,
    revised_notes,
)
from ipdocs.sections.context import FIRST_LEAD, Context


def test_the_cover(sample: Report) -> None:
    [cover] = CoverBuilder().build(sample, Context("en"))
    assert cover == Cover("Intellectual Property Development and Protection in Ningbo, 2024",
                          "en", "Briefing", ("Ningbo Intellectual Property Office",
                                             "Jin Yan, Zhao Yu", "26 April 2025"))
    [compared] = CoverBuilder().build(sample, Context("en", against=sample))
    assert isinstance(compared, Cover) and compared.was == cover


def test_the_lead_and_its_first_paragraph(sample: Report) -> None:
    full = LeadBuilder().build(sample, Context("zh"))
    assert len(full) == len(sample.lead) and all(p.style == "lead" for p in full)  # type: ignore[union-attr]
    assert len(LeadBuilder().build(sample, Context("zh", compact=FIRST_LEAD))) == 1


def test_contents_and_a_page_break(sample: Report) -> None:
    assert ContentsBuilder(depth=3).build(sample, Context("en")) == (
        Contents("Contents", "en", 3),)
    assert PageBreakBuilder().build(sample, Context("zh")) == (PageBreak(),)


def test_sources_as_notes(sample: Report) -> None:
    heading, *notes = SourcesBuilder().build(sample, Context("en"))
    assert isinstance(heading, Heading) and heading.anchor == "sources"
    assert [n.text for n in notes] == [  # type: ignore[attr-defined]
        "Intellectual Property Development and Protection in Ningbo, 2024, Ningbo Daily"]
    assert SourcesBuilder().build(sample.model_copy(update={"sources": []}),
                                  Context("en")) == ()


def test_notes_revised_against_last_year_s() -> None:
    notes = [Paragraph((Span("a"),), "en", "note"), Paragraph((Span("b"),), "en", "note")]
    out = revised_notes(notes, ["a", "c", "d"])
    assert [(p.text, [(s.text, s.previous) for s in p.tracked or ()]) for p in out] == [
        ("a", [("a", None)]),                 # kept
        ("b", [("", "c"), ("b", "")]),        # c became b
        ("", [("", "d")])]                    # d is gone
