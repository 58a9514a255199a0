"""Statistics typed into narrative: a number written in the prose instead of a placeholder
no longer follows the data, and nothing else notices when it goes stale.

Digits outside placeholders are reported, except years (1900–2099 standing alone), the
months and days of a Chinese date (8月, 12月底, 4月26日), the strings a spec declares
``literals`` (names with digits: 甬优1540, 剑网2024, the 20th National Congress) and the
per-capita bases of its figures (per 10,000 people).
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Iterator

from ipdocs.base.kept import remembered
from ipdocs.base.problems import PathElement, counted
from ipdocs.model import Report, Section
from ipdocs.model.markup import blanked
from ipdocs.model.placeholders import literal_text, scan

Finding = tuple[tuple[PathElement, ...], str]

NUMBER = re.compile(r"[0-9０-９]+(?:[.,．][0-9０-９]+)*")
YEAR = re.compile(r"(?:19|20)\d\d")
CONTEXT = 8
"""Characters shown either side of a typed number."""


def _prose(report: Report) -> Iterator[tuple[tuple[PathElement, ...], str]]:
    """Every narrative text with its field path: lead, section titles and paragraphs, and
    the figures' bases and bases of change, which may refer to figures too."""
    for index, paragraph in enumerate(report.lead):
        for lang, prose in paragraph.texts.items():
            yield ("lead", index, lang), prose
    for path, section in _sections(report.sections, ("sections",)):
        for lang, prose in section.title.texts.items():
            yield (*path, "title", lang), prose
        for index, paragraph in enumerate(section.paragraphs):
            for lang, prose in paragraph.texts.items():
                yield (*path, "paragraphs", index, lang), prose
    for fid, figure in report.figures.items():
        texts = {("base",): figure.base,
                 ("change", "basis"): figure.change.basis if figure.change else None}
        for where, text in texts.items():
            for lang, prose in text.texts.items() if text is not None else ():
                yield ("figures", fid, *where, lang), prose


def _sections(sections: list[Section], path: tuple[PathElement, ...]
              ) -> Iterator[tuple[tuple[PathElement, ...], Section]]:
    """Every section with its field path, depth first."""
    for index, section in enumerate(sections):
        here = (*path, index)
        yield here, section
        yield from _sections(section.sections, (*here, "sections"))


def _blank(text: str, literals: list[str]) -> str:
    """``text`` with every declared literal blanked out (lengths kept)."""
    for literal in sorted(literals, key=len, reverse=True):
        text = text.replace(literal, " " * len(literal))
    return text


def _is_date(prose: str, match: re.Match[str]) -> bool:
    """Whether the number ``match`` found is a year, a month or a day of a date."""
    number = match.group()
    if YEAR.fullmatch(number):
        return True
    if not number.isascii() or not number.isdigit():
        return False
    after = prose[match.end():match.end() + 1]
    before = prose[match.start() - 1:match.start()] if match.start() else ""
    if after == "月":
        return 1 <= int(number) <= 12
    return after in ("日", "号") and before == "月" and 1 <= int(number) <= 31


def typed_numbers(text: str, literals: list[str]) -> list[str]:
    """The numbers typed into ``text`` outside placeholders, years, literals and markup
    (a numbered list's item numbers, a link's address), each with a little of the text
    around it.

    Remembered by the text and the literals (all it depends on): ``ipdocs watch`` checks
    a spec again after each edit, and an edit leaves all but a text or two as they were."""
    found: tuple[str, ...] = remembered(_TYPED, (text, *literals),
                                        lambda: _typed_numbers(text, literals), TYPED_KEPT)
    return list(found)


TYPED_KEPT = 4096
"""Texts whose typed numbers a process remembers (``typed_numbers``; Ningbo's spec has
some 100 narrative texts in each language)."""
_TYPED: OrderedDict[tuple[str, ...], tuple[str, ...]] = OrderedDict()


def _typed_numbers(text: str, literals: list[str]) -> tuple[str, ...]:
    """``typed_numbers``, worked out."""
    segments, _ = scan(blanked(text))
    prose = _blank(literal_text(segments), literals)
    found = []
    for match in NUMBER.finditer(prose):
        if _is_date(prose, match):
            continue
        start, end = max(0, match.start() - CONTEXT), match.end() + CONTEXT
        found.append(f"“{prose[start:end].strip()}”")
    return tuple(found)


def literals(report: Report) -> list[str]:
    """The strings narrative may type: the spec's literals and its figures' per-capita
    bases (每万人 / per 10,000 people)."""
    bases = [t for f in report.figures.values() if f.per for t in f.per.texts.values()]
    return [*report.literals, *bases]


def check_typed(report: Report) -> Iterator[Finding]:
    """A finding for every text that types a statistic instead of referring to a figure."""
    allowed = literals(report)
    for path, text in _prose(report):
        numbers = typed_numbers(text, allowed)
        if numbers:
            yield (path, f"{counted(len(numbers), 'number')} typed into the text, not taken from a "
                         f"figure: {', '.join(numbers)} (use a placeholder, or declare a name "
                         "under literals)")
