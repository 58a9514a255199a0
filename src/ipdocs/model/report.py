"""The report: metadata, lead, nested sections and the figures they refer to."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from pydantic import Field, PrivateAttr, ValidationInfo, field_validator, model_validator

from ipdocs.model.base import Model, Text
from ipdocs.model.bounds import MAX_SECTION_DEPTH, MAX_SPELLED
from ipdocs.model.figures import Figure
from ipdocs.model.glossary import Glossary
from ipdocs.model.placeholders import FIGURE_ID
from ipdocs.model.references import check_references
from ipdocs.problems import Problem, SpecError, error

SECTION_ID = re.compile(r"[a-z][a-z0-9_-]*")

SKIP_REFERENCES = "skip_references"
"""Validation-context key: the caller checks references itself (the loader does)."""


class Paragraph(Text):
    """A paragraph of narrative in both languages, figures referred to by placeholder."""

    review: bool = Field(False, description="prose carried over from an earlier year")


class Section(Model):
    """A part of the report; sections nest to any depth."""

    id: str = Field(description="stable id, unique in the report: patents, courts …")
    title: Text
    paragraphs: list[Paragraph] = Field(default_factory=list)
    figures: list[str] = Field(default_factory=list, description="figure ids for its table")
    sections: list[Section] = Field(default_factory=list)

    @field_validator("id")
    @classmethod
    def _slug(cls, value: str) -> str:
        """Section ids are lowercase slugs."""
        if not SECTION_ID.fullmatch(value):
            raise ValueError(f"section id {value!r} must be lowercase letters, digits, - or _")
        return value

    def walk(self) -> Iterator[Section]:
        """This section and every section below it, depth first."""
        yield self
        for child in self.sections:
            yield from child.walk()


class Source(Model):
    """Where the report's data comes from."""

    title: Text
    publisher: Text | None = None
    url: str | None = None
    date: dt.date | None = None


class Report(Model):
    """An annual IP report: the single source every briefing is built from."""

    region: Text
    year: int = Field(ge=1900, le=2999)
    title: Text
    subtitle: Text | None = None
    issuer: Text | None = None
    authors: list[Text] = Field(default_factory=list)
    published: dt.date | None = None
    lead: list[Paragraph] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    figures: dict[str, Figure] = Field(default_factory=dict)
    key_figures: list[str] = Field(default_factory=list,
                                   description="ids of the headline figures, in order")
    sources: list[Source] = Field(default_factory=list)
    _glossary: Glossary | None = PrivateAttr(None)

    @property
    def glossary(self) -> Glossary | None:
        """The termbase that came with the report (``glossary.yaml`` beside its spec), if
        any: what a build uses when it is given none."""
        return self._glossary

    def with_glossary(self, glossary: Glossary | None) -> Report:
        """A copy of this report that carries ``glossary``."""
        copy = self.model_copy()
        copy._glossary = glossary
        return copy

    @field_validator("figures")
    @classmethod
    def _ids(cls, figures: dict[str, Figure]) -> dict[str, Figure]:
        """Give each figure its key as id; reject malformed or conflicting ids."""
        out = {}
        for key, figure in figures.items():
            if not FIGURE_ID.fullmatch(key):
                raise ValueError(f"figure id {key!r} must be dotted lowercase words "
                                 "such as patents.grants")
            if figure.id not in (None, key):
                raise ValueError(f"figure {key!r} says its id is {figure.id!r}")
            out[key] = figure.with_id(key)
        return out

    @model_validator(mode="after")
    def _consistent(self, info: ValidationInfo) -> Report:
        """Section ids are unique; placeholders name known figures in both languages."""
        problems = []
        seen: set[str] = set()
        for path, section in section_paths(self.sections):
            if len(path) > 2 * MAX_SECTION_DEPTH:
                problems.append(error(path, f"sections nest at most {MAX_SECTION_DEPTH} deep"))
                break
            if section.id in seen:
                problems.append(error((*path, "id"), f"duplicate section id {section.id!r}"))
            seen.add(section.id)
        for index, fid in enumerate(self.key_figures):
            if fid not in self.figures:
                problems.append(error(("key_figures", index), f"unknown figure id {fid!r}"))
        for path, section in section_paths(self.sections):
            for index, fid in enumerate(section.figures):
                if fid not in self.figures:
                    problems.append(error((*path, "figures", index), f"unknown figure id {fid!r}"))
        for fid, figure in self.figures.items():
            problems.extend(_spelled_problems(fid, figure))
        if not (info.context or {}).get(SKIP_REFERENCES):
            problems.extend(check_references(self.model_dump()))
        if problems:
            raise SpecError(problems)
        return self

    def walk(self) -> Iterator[Section]:
        """Every section of the report, depth first, in reading order."""
        for section in self.sections:
            yield from section.walk()

    def figure(self, figure_id: str) -> Figure:
        """The figure with ``figure_id``; ``KeyError`` naming it if there is none."""
        try:
            return self.figures[figure_id]
        except KeyError:
            raise KeyError(f"no figure {figure_id!r} in the report") from None

    def section(self, section_id: str) -> Section:
        """The section with ``section_id``; ``KeyError`` naming it if there is none."""
        for section in self.walk():
            if section.id == section_id:
                return section
        raise KeyError(f"no section {section_id!r} in the report")

    def year_end(self) -> dt.date:
        """The last day of the report's year: the default reference date of stocks."""
        return dt.date(self.year, 12, 31)


def _spelled_problems(fid: str, figure: Figure) -> list[Problem]:
    """Errors where a number Chinese spells in numerals (a rank, ``numerals: hanzi``, a
    rank statement) is beyond what numerals write (MAX_SPELLED)."""
    spelled: list[tuple[tuple[str, ...], object]] = []
    if figure.kind == "rank" or figure.numerals == "hanzi":
        spelled.append((("value",), figure.value))
    if figure.rank is not None:
        spelled += [(("rank", "position"), figure.rank.position),
                    (("rank", "years"), figure.rank.years)]
    return [error(("figures", fid, *where), f"{value} is too large to write in Chinese "
                                            f"numerals (at most {MAX_SPELLED:,})")
            for where, value in spelled
            if isinstance(value, int | Decimal) and value > MAX_SPELLED]


def section_paths(
    sections: list[Section], path: tuple[str | int, ...] = ("sections",)
) -> Iterator[tuple[tuple[str | int, ...], Section]]:
    """Every section below ``sections`` with its field path, depth first."""
    for index, section in enumerate(sections):
        here = (*path, index)
        yield here, section
        yield from section_paths(section.sections, (*here, "sections"))


def report_from_data(data: Any, *, check_refs: bool = True) -> Report:
    """Validate plain data into a Report (pydantic errors propagate)."""
    return Report.model_validate(data, context={SKIP_REFERENCES: not check_refs})
