"""The Glossary builder: the terms of the termbase the report uses, as a two-column table
(Chinese, and the document's other language: English, or a registered language's where
every term has it)."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace

from ipdocs.base.kept import ByObjects, remembered_for
from ipdocs.base.records import datarecord
from ipdocs.base.vocab import cached_from_measures
from ipdocs.doc import Block, Cell, Column, Heading, Table
from ipdocs.i18n import word
from ipdocs.i18n.locales import cached_from_locales
from ipdocs.model import Glossary, Report, Term, text_field
from ipdocs.sections.context import Builder, Context
from ipdocs.sections.narrative import plain_text
from ipdocs.sections.registry import register_builder
from ipdocs.sections.review import revised_rows

GLOSSARY = "glossary"
"""The anchor of the glossary's heading: bilingual documents print one glossary."""


def used_terms(glossary: Glossary, report: Report) -> list[Term]:
    """The terms of a termbase (which several reports may share) that this report's
    Chinese text uses (its narrative, titles and figure labels), in the order the report
    first uses them (a shorter term first where two start together: 知识产权 before
    知识产权局).

    Why that order: the glossary is one table of Chinese terms and their English for
    readers of either language (the bilingual editions print it once), so an order by
    pinyin would serve only the Chinese reader and one by the English only the English;
    the order of first use follows the report as both read it, is the same in every
    writer and every language, and asks for no pinyin dictionary (多音字: 行政 xíng, 银行
    háng). The termbase's own order (which several reports share) meant nothing to a
    reader."""
    used = remembered_for(_USED, (glossary, report), lambda: _used(glossary, report),
                          USED_KEPT)
    return list(used)


def _used(glossary: Glossary, report: Report) -> tuple[Term, ...]:
    """``used_terms`` found afresh."""
    text = plain_text(report, "zh") + "".join(f.label.zh for f in report.figures.values())
    return tuple(sorted([t for t in glossary.terms if t.zh in text],
                        key=lambda t: (text.index(t.zh), len(t.zh))))


USED_KEPT = 4
"""Termbases and reports whose terms used are remembered (``used_terms``, by the objects,
held so that their ids are not reused; a model is never changed once made): each
language's glossary of a report looks for the terms in its Chinese text."""
_USED: ByObjects[tuple[Term, ...]] = OrderedDict()
cached_from_locales(_USED.clear)  # the text's placeholders are said in the words
cached_from_measures(_USED.clear)  # and as their measures say them


def target_language(terms: list[Term], lang: str) -> str:
    """The language of the glossary's second column, by its spec text key: the
    document's own, unless that is the terms' Chinese or some term used has no text in
    it; else English, which every term has (a Chinese document's glossary gives the
    English renderings; a German one the German where every term has it, never a column
    headed Deutsch that holds English)."""
    own = text_field(lang)
    return own if own != "zh" and all(own in t.texts for t in terms) else "en"


def _target_heading(target: str, lang: str) -> str:
    """The second column's heading in ``lang``: the name of ``target``."""
    own = text_field(lang)
    return word("glossary_target", lang) if target == own or own == "zh" else \
        word("glossary_english", lang)


@register_builder
@datarecord(frozen=True)
class GlossaryBuilder(Builder):
    """Chinese terms and their English renderings by first use, under a 术语表 / Glossary heading.

    The order is the order the report first uses them (see ``used_terms``)."""

    name = "glossary"

    def build(self, report: Report, ctx: Context) -> tuple[Block, ...]:
        """Nothing when the context carries no glossary."""
        if ctx.glossary is None or not ctx.glossary.terms:
            return ()
        lang = ctx.lang
        terms = used_terms(ctx.glossary, report)
        if not terms:
            return ()
        target = target_language(terms, lang)
        first, second = word("glossary_source", lang), _target_heading(target, lang)
        rows = tuple((Cell(t.zh), Cell(t.texts[target])) for t in terms)
        table = Table((Column("left", 1.0, lang="zh"), Column("left", 1.6, lang=target)),
                      ((Cell(first), Cell(second)),), rows, lang, style="glossary-table")
        if ctx.against is not None:
            old = self.build(ctx.against, replace(ctx, against=None))
            before = old[1] if len(old) == 2 and isinstance(old[1], Table) else replace(
                table, rows=(), caption="", note="")
            table = revised_rows(table, [t.zh for t in terms], before,
                                 [row[0].text for row in before.rows])
        return (Heading(1, word("glossary", lang), lang, anchor=GLOSSARY), table)
