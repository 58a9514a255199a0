"""The glossary builder: the terms of a shared termbase that the report's Chinese uses,
as a table of both languages under a heading whose anchor merges it once in bilingual
documents; nothing without a termbase or a term used."""

from ipdocs.doc import Heading, Table
from ipdocs.model import Glossary, Report, Term
from ipdocs.sections import GlossaryBuilder
from ipdocs.sections.context import Context
from ipdocs.sections.glossary import GLOSSARY, used_terms

TERMS = Glossary(terms=[Term(zh="专利授权量", en="patents granted"),
                        Term(zh="植物新品种权", en="plant variety rights")])


def test_only_the_terms_the_report_uses(sample: Report) -> None:
    assert [t.zh for t in used_terms(TERMS, sample)] == ["专利授权量"]


def test_a_heading_and_a_two_language_table(sample: Report) -> None:
    heading, table = GlossaryBuilder().build(sample, Context("en", glossary=TERMS))
    assert isinstance(heading, Heading) and heading.anchor == GLOSSARY
    assert isinstance(table, Table) and table.style == "glossary-table"
    assert [c.lang for c in table.columns] == ["zh", "en"]
    assert [[c.text for c in row] for row in table.rows] == [["专利授权量", "patents granted"]]


def test_nothing_without_a_term_used(sample: Report) -> None:
    unused = Glossary(terms=[Term(zh="植物新品种权", en="plant variety rights")])
    assert GlossaryBuilder().build(sample, Context("zh", glossary=unused)) == ()
    assert GlossaryBuilder().build(sample, Context("zh", glossary=Glossary())) == ()


def test_terms_used_are_remembered_per_report_and_termbase(sample: Report) -> None:
    """Another report (its text without the term) finds its own terms, and the list
    returned is the caller's own."""
    used = used_terms(TERMS, sample)
    used.clear()
    assert [t.zh for t in used_terms(TERMS, sample)] == ["专利授权量"]
    other = sample.model_copy(update={"figures": {}, "lead": [], "sections": []})
    assert used_terms(TERMS, other) == []
    assert [t.zh for t in used_terms(Glossary(terms=[TERMS.terms[1]]), sample)] == []
