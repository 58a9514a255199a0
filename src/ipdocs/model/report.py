"""The report: metadata, lead, nested sections and the figures they refer to."""

# No ``from __future__ import annotations``: pydantic reads each field's type as the
# object itself rather than compiling and evaluating its text at import.

import datetime as dt
import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from pydantic import (
    Field,
    PrivateAttr,
    ValidationError,
    ValidationInfo,
    ValidatorFunctionWrapHandler,
    field_validator,
    model_validator,
)
from pydantic_core import to_jsonable_python

from ipdocs.base.problems import Problem, SpecError, Unfit, error
from ipdocs.base.vocab import UNITS, Unit, UnitKind, build_units
from ipdocs.model.base import Model, Text, new_list
from ipdocs.model.bounds import (
    MAX_PROPERTY,
    MAX_SECTION_DEPTH,
    MAX_SPELLED,
    PROPERTY_ROOM,
    Flag,
    Whole,
)
from ipdocs.model.figures import Figure, units_in_force
from ipdocs.model.glossary import Glossary
from ipdocs.model.placeholders import FIGURE_ID
from ipdocs.model.references import check_references

SECTION_ID = re.compile(r"[a-z][a-z0-9_-]*")

SKIP_REFERENCES = "skip_references"
"""Validation-context key: the caller checks references itself (the loader does)."""


Sentences = bool | list[int]
"""A whole paragraph (true), none of it (false), or some of its sentences by number (from
1, the same in both languages)."""


def _sentence_numbers(value: Sentences) -> Sentences:
    """Sentence numbers count from 1, each once, in order."""
    if isinstance(value, list):
        if any(n < 1 for n in value) or len(set(value)) != len(value):
            raise ValueError(f"sentence numbers count from 1, each once: {value}")
        return sorted(value)
    return value


class Paragraph(Text):
    """A paragraph of narrative in both languages, figures referred to by placeholder."""

    review: Sentences = Field(
        default=False, description="prose carried over from an earlier year: true, or the numbers "
                                   "of the sentences to review")
    recurring: Sentences = Field(
        default=False,
        description="prose that holds every year (a draft does not mark it): true, or "
                    "the numbers of the recurring sentences")

    _sentences = field_validator("review", "recurring")(_sentence_numbers)

    @property
    def marked(self) -> bool:
        """Whether any of the paragraph is marked for review."""
        return bool(self.review)


class Section(Model):
    """A part of the report; sections nest to any depth."""

    id: str = Field(description="stable id, unique in the report: patents, courts …")
    title: Text
    paragraphs: list[Paragraph] = Field(default_factory=new_list)
    figures: list[str] = Field(default_factory=new_list, description="figure ids for its table")
    sections: list["Section"] = Field(default_factory=new_list)

    @field_validator("id")
    @classmethod
    def _slug(cls, value: str) -> str:
        """Section ids are lowercase slugs."""
        if not SECTION_ID.fullmatch(value):
            raise ValueError(f"section id {value!r} must be lowercase letters, digits, - or _")
        return value

    def walk(self) -> Iterator["Section"]:
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
    review: Flag = Field(default=False, description="a draft's placeholder for a new publication")


def _unit_kinds() -> str:
    """The unit kinds a spec's unit may have, in words: count, money, … score or multiple."""
    kinds = [str(k) for k in UnitKind if k is not UnitKind.RANK]
    return f"{', '.join(kinds[:-1])} or {kinds[-1]}"



class UnitDef(Model):
    """A unit a spec adds to the shipped ones (``units:`` in a spec, keyed by its code)."""

    kind: UnitKind = Field(description=_unit_kinds())
    words: dict[str, str | list[str]] = Field(
        default_factory=dict, description="per language, the word after a number: "
                                          "{en: [mu, mu]} (singular, plural); none: no word")
    prefixes: Flag | None = Field(default=None, description="whether 万 and 亿 combine with it")
    currency: str | None = Field(default=None, description="ISO code of a money unit (CNY)")
    metric: tuple[Decimal, str] | None = Field(
        default=None, description="a traditional unit's metric equivalent: [0.5, kg]")

    @field_validator("kind")
    @classmethod
    def _not_rank(cls, kind: UnitKind) -> UnitKind:
        """Ranks are figures of kind rank in 位 or 名, not a unit kind."""
        if kind is UnitKind.RANK:
            raise ValueError("a rank is a figure of kind rank in 位 or 名, not a unit kind")
        return kind

    @field_validator("words")
    @classmethod
    def _forms(cls, words: dict[str, str | list[str]]) -> dict[str, str | list[str]]:
        """A word is one form, or a singular and a plural."""
        for lang, forms in words.items():
            if isinstance(forms, list) and len(forms) not in (1, 2):
                raise ValueError(f"words.{lang}: give one word, or [singular, plural]")
        return words


def spec_units(units: dict[str, UnitDef]) -> dict[str, Unit]:
    """The shipped units with a spec's own (and their magnitude forms) added."""
    entries = {code: u.model_dump(exclude_none=True, mode="json") for code, u in units.items()}
    return {**UNITS, **build_units(entries)}


def _raw_units(data: Any) -> dict[str, Unit]:
    """The units in force while validating ``data``: the shipped ones, and the spec's own
    where they are valid (invalid ones are reported by the ``units`` field itself)."""
    raw = data.get("units") if isinstance(data, dict) else None
    if not isinstance(raw, dict) or not raw:
        return UNITS
    defs = {}
    for code, entry in raw.items():
        try:
            defs[str(code)] = UnitDef.model_validate(entry)
        except (ValidationError, SpecError):
            continue
    return spec_units(defs)


class Report(Model):
    """An annual IP report: the single source every briefing is built from."""

    region: Text
    year: Whole = Field(ge=1900, le=2999)
    title: Text
    subtitle: Text | None = None
    issuer: Text | None = None
    authors: list[Text] = Field(default_factory=new_list)
    published: dt.date | None = None
    lead: list[Paragraph] = Field(default_factory=new_list)
    sections: list[Section] = Field(default_factory=new_list)
    figures: dict[str, Figure] = Field(default_factory=dict)
    key_figures: list[str] = Field(default_factory=new_list,
                                   description="ids of the headline figures, in order")
    sources: list[Source] = Field(default_factory=new_list)
    units: dict[str, UnitDef] = Field(
        default_factory=dict, description="units the spec adds to the shipped ones, by code")
    literals: list[str] = Field(
        default_factory=new_list, description="strings with digits that narrative may type, not "
                                          "statistics: names such as 甬优1540, 剑网2024")

    @model_validator(mode="wrap")
    @classmethod
    def _with_units(cls, data: Any, handler: ValidatorFunctionWrapHandler) -> "Report":
        """Validate the figures against the shipped units and the spec's own. (The
        handler's own type, ``ModelWrapValidatorHandler``, is pydantic 2.10's; ipdocs runs
        on 2.9.)"""
        with units_in_force(_raw_units(data)):
            report: Report = handler(data)
            return report

    @field_validator("units")
    @classmethod
    def _new_units(cls, units: dict[str, UnitDef]) -> dict[str, UnitDef]:
        """A spec adds units; it does not redefine shipped ones."""
        clash = [code for code in units if code in UNITS]
        if clash:
            shipped = "a shipped unit" if len(clash) == 1 else "shipped units"
            raise ValueError(f"{', '.join(clash)}: {shipped}, not to be redefined "
                             "(`ipdocs units` lists them)")
        return units
    _glossary: Glossary | None = PrivateAttr(None)
    _bound: bool = PrivateAttr(False)

    @property
    def glossary(self) -> Glossary | None:
        """The termbase that came with the report (``glossary.yaml`` beside its spec), if
        any: what a build uses when it is given none."""
        return self._glossary

    @property
    def bound(self) -> bool:
        """Whether the placeholders of the figures' bases and bases of change have been
        rendered into them (``ipdocs.sections.narrative.bind``): not to be rendered again."""
        return self._bound

    def as_bound(self, figures: dict[str, Figure]) -> "Report":
        """A copy holding ``figures``, whose bases' placeholders are rendered."""
        copy = self.model_copy(update={"figures": figures})
        copy._bound = True
        return copy

    def with_glossary(self, glossary: Glossary | None) -> "Report":
        """A copy of this report that carries ``glossary``."""
        copy = self.model_copy()
        copy._glossary = glossary
        return copy

    @field_validator("figures", mode="before")
    @classmethod
    def _given_ids(cls, figures: Any) -> Any:
        """Each figure of a spec given its key as id before it is made (made with it, not
        copied to hold it: ``_ids``); a key that is no figure id, and a figure that says
        its id or is already made, left as they are for ``_ids`` to judge."""
        if not isinstance(figures, dict):
            return figures
        return {key: ({**figure, "id": key} if isinstance(figure, dict) and "id" not in figure
                      and isinstance(key, str) and FIGURE_ID.fullmatch(key) else figure)
                for key, figure in figures.items()}

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
            out[key] = figure if figure.id == key else figure.with_id(key)
        return out

    @model_validator(mode="after")
    def _consistent(self, info: ValidationInfo) -> "Report":
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
        for fid, figure in self.figures.items():
            problems.extend(_figure_years(fid, figure, self.year))
        for path, section in section_paths(self.sections):
            for index, fid in enumerate(section.figures):
                if fid not in self.figures:
                    problems.append(error((*path, "figures", index), f"unknown figure id {fid!r}"))
        for fid, figure in self.figures.items():
            problems.extend(_spelled_problems(fid, figure))
            if figure.compares is not None and figure.compares not in self.figures:
                problems.append(error(("figures", fid, "compares"),
                                      f"unknown figure id {figure.compares!r}"))
        problems.extend(_property_problems(self))
        if not (info.context or {}).get(SKIP_REFERENCES):
            problems.extend(check_references(self.model_dump()))
        if problems:
            raise Unfit(problems)
        return self

    @classmethod
    def extra_problems(cls, data: Any) -> list[Problem]:
        """A report's placeholders, checked in the raw data when pydantic's problems stop
        the model's own checks, so every mistake is told at once."""
        if not isinstance(data, dict):
            return []
        return check_references(to_jsonable_python(data, fallback=repr))

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

    @property
    def draft(self) -> bool:
        """Whether this is a draft: a stale value, a figure, paragraph or source marked for
        review remains (what ``build --final`` refuses)."""
        paragraphs = [*self.lead, *(p for s in self.walk() for p in s.paragraphs)]
        return any(f.stale or f.review or f.note_review for f in self.figures.values()) \
            or any(p.marked for p in paragraphs) or any(s.review for s in self.sources)

    def year_end(self) -> dt.date:
        """The last day of the report's year: the default reference date of stocks."""
        return dt.date(self.year, 12, 31)


def _figure_years(fid: str, figure: Figure, year: int) -> list[Problem]:
    """A stale value is of an earlier year than the report's, and a stale partial-year
    flow ends in the year it is of; a total since a year starts before the report's. (A
    figure that is not stale may be of another period than the report's year, flow or
    stock alike: its ``as_of`` says when, and its period prints with that year.)"""
    problems = []
    value_year = figure.of_year or year
    if figure.history_since is not None:
        missing = [y for y in range(figure.history_since, value_year) if y not in figure.history]
        if missing or figure.history_since >= value_year:
            problems.append(error(("figures", fid, "history_since"),
                                  f"a history complete from {figure.history_since} needs every "
                                  f"year to {value_year - 1}; missing: "
                                  f"{', '.join(map(str, missing)) or 'all'}"))
    if figure.of_year is not None and figure.of_year >= year:
        problems.append(error(("figures", fid, "of_year"),
                              f"a stale value of {figure.of_year} is not of a year before {year}"))
    if figure.stale and figure.partial_year and figure.as_of is not None \
            and figure.as_of.year != value_year:
        problems.append(error(("figures", fid, "as_of"),
                              f"a partial-year flow of {value_year} ends in {value_year}, "
                              f"not {figure.as_of.year}"))
    if figure.since is not None and figure.since >= value_year:
        problems.append(error(("figures", fid, "since"),
                              f"a total since {figure.since} runs over several years to "
                              f"{value_year}: give a year before {value_year}"))
    return problems


def _property_problems(report: Report) -> list[Problem]:
    """Errors where a text a document's properties carry (the title, the region, the
    authors, each in both languages for a bilingual document: the two longest of its
    languages) is longer than a DOCX property holds, with the room for the draft's mark
    and the glue."""
    room = MAX_PROPERTY - PROPERTY_ROOM
    texts: list[tuple[str, list[Text]]] = [
        ("title", [report.title]), ("region", [report.region]), ("authors", report.authors)]
    problems = []
    for name, values in texts:
        length = sum(sum(sorted(map(len, t.texts.values()))[-2:]) + 2 for t in values)
        if length > room:
            prop = {"authors": "author", "region": "subject"}.get(name, name)
            problems.append(error((name,), f"{length:,} characters in both languages; at "
                                           f"most {room} (a document's {prop} property "
                                           f"holds {MAX_PROPERTY} with the draft's mark)"))
    return problems


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
