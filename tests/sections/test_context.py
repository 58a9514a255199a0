"""What every builder is given: the context, another language of it, and what a builder
makes of last year's report (nothing where it has none or lacks what the builder names)."""

import pytest

from ipdocs.doc import Block, Paragraph, Span
from ipdocs.model import Report
from ipdocs.sections.context import Builder, Context, old_blocks


class Naming(Builder):
    """A builder that states one figure, by id."""

    name = "naming"

    def __init__(self, figure: str) -> None:
        self.figure = figure

    def build(self, report: Report, ctx: Context) -> tuple[Block, ...]:
        """The figure's value, and whether the context compares."""
        value = report.figures[self.figure].value
        return (Paragraph((Span(f"{value} {ctx.against is None}"),), ctx.lang),)


def test_another_language_keeps_everything_else(sample: Report) -> None:
    ctx = Context("zh", numbered=False, compact=2, against=sample)
    other = ctx.with_lang("en")
    assert (other.lang, other.numbered, other.compact, other.against) == ("en", False, 2,
                                                                          sample)


def test_old_blocks_are_made_of_last_year_s_report_uncompared(sample: Report) -> None:
    figure = next(iter(sample.figures))
    assert old_blocks(Naming(figure), Context("en")) == ()
    [old] = old_blocks(Naming(figure), Context("en", against=sample))
    assert isinstance(old, Paragraph) and old.text.endswith(" True")  # compared with nothing
    assert old_blocks(Naming("no.such.figure"), Context("en", against=sample)) == ()


def test_a_builder_must_build() -> None:
    with pytest.raises(NotImplementedError):
        Builder().build(None, Context("zh"))  # type: ignore[arg-type]
