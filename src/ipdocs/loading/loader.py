"""Load a report spec from YAML or JSON, reporting every problem at once, each located."""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import field
from decimal import Decimal
from pathlib import Path
from typing import Any

from ipdocs.base.inputs import InputError, read_text
from ipdocs.base.kept import keep, recall
from ipdocs.base.patterns import pydantic_imported
from ipdocs.base.problems import Problem, SpecError, error, locate, validation_problems
from ipdocs.base.records import datarecord
from ipdocs.loading.screen import screen
from ipdocs.loading.yamlmarks import Marks, read_json, read_yaml
from ipdocs.model import Glossary, Report, check_references, report_from_data

with pydantic_imported():  # at less cost, whichever module imports it first (``base.patterns``)
    from pydantic import ValidationError

__all__ = ["Loaded", "glossary_beside", "load_glossary", "load_report", "locate", "read_data",
           "read_spec", "validate_data"]


@datarecord
class Loaded:
    """The outcome of reading a spec: the report if it is valid, and every problem."""

    source: str
    report: Report | None
    problems: list[Problem] = field(default_factory=list)
    marks: Marks = field(default_factory=dict)

    @property
    def errors(self) -> list[Problem]:
        """Only the errors."""
        return [p for p in self.problems if p.is_error]

    def locate(self, problems: list[Problem]) -> list[Problem]:
        """``problems`` found later (by the checks), placed in this file."""
        return [locate(p, self.marks) for p in problems]


def _validation_problems(exc: ValidationError) -> list[Problem]:
    """One problem per pydantic error."""
    return validation_problems(exc.errors(include_url=False))


def validate_data(data: Any) -> tuple[Report | None, list[Problem]]:
    """Validate plain spec data: the report, or ``None`` and every problem found."""
    problems: list[Problem] = []
    report = None
    try:
        report = report_from_data(data, check_refs=False)
    except ValidationError as exc:
        problems.extend(_validation_problems(exc))
    except SpecError as exc:
        problems.extend(exc.problems)
    problems.extend(check_references(data))
    return (report if not problems else None), problems


def read_data(path: Path) -> tuple[Any, Marks, list[Problem]]:
    """Read and parse the file at ``path`` by its extension (``.json``, else YAML), every
    text normalised and every text and number screened; problems located."""
    try:
        text = read_text(path)
    except InputError as exc:
        return None, {}, [_unread(exc)]
    return _parsed(path, text)


def _unread(exc: InputError) -> Problem:
    """The problem of a file that cannot be read as text, where reading stopped."""
    return error((), exc.message).at(exc.line, exc.column)


def _parsed(path: Path, text: str) -> tuple[Any, Marks, list[Problem]]:
    """``read_data`` of the text read from ``path``."""
    data, marks, problems = read_json(text) if path.suffix.lower() == ".json" \
        else read_yaml(text)
    return _screened(data, marks, problems)


def _screened(data: Any, marks: Marks, problems: list[Problem]
              ) -> tuple[Any, Marks, list[Problem]]:
    """Parsed ``data`` with every text and number screened, the screen's problems located
    and added to the parser's ``problems``; nothing screened where the parser read
    nothing."""
    if problems and data is None:
        return None, marks, problems
    data, screened = screen(data)
    return data, marks, [*problems, *(locate(p, marks) for p in screened)]


NUMBER_LINE = re.compile(r"( *[A-Za-z_][\w.-]*: +)([-+]?(?:0|[1-9][0-9]{0,14})(\.[0-9]{1,15})?) *")
"""A line of a block mapping giving a plain key a number as YAML reads it (a decimal
integer or fraction, nothing after it): the key and what leads to the number, the
number, its fraction."""

_OTHER_BREAKS = ("\r", "\x85", "\u2028", "\u2029")
"""Line breaks YAML counts besides the newline (a text with none has the marks' lines)."""


SPECS_KEPT = 4
"""Specs whose last reading a process remembers (``_spec_data``), by path."""


@datarecord(frozen=True)
class _Read:
    """A spec's YAML as last read in full or patched (``_spec_data``): its text by lines,
    its data as parsed (not yet screened) and the marks of its values."""

    lines: list[str]
    data: Any
    marks: Marks


_READS: OrderedDict[str, _Read] = OrderedDict()


def _spec_data(path: Path) -> tuple[Any, Marks, list[Problem]]:
    """``read_data`` of a spec. A YAML spec that differs from the text last read from
    the same path only in one number on one line (``NUMBER_LINE``, as ipdocs watch
    reads a spec whose value was edited) is not parsed again: its data is the last
    data with that number replaced, its marks the same (see ``_edited``)."""
    try:
        text = read_text(path)
    except InputError as exc:
        return None, {}, [_unread(exc)]
    if path.suffix.lower() == ".json":
        return _parsed(path, text)
    name = str(path)
    lines = text.split("\n")
    last = recall(_READS, name)
    edited = _edited(last, lines) if last is not None else None
    if edited is not None:
        data, marks = edited
        problems: list[Problem] = []
    else:
        data, marks, problems = read_yaml(text)
    if data is not None and not problems and not any(b in text for b in _OTHER_BREAKS):
        keep(_READS, name, _Read(lines, data, dict(marks)), SPECS_KEPT)
    else:
        _READS.pop(name, None)
    return _screened(data, marks, problems)


def _edited(last: _Read, lines: list[str]) -> tuple[Any, Marks] | None:
    """The data and marks of a text of ``lines`` whose only difference from ``last``'s
    (a reading with no problem and no line break but the newline) is the number on one
    line of a plain key (``NUMBER_LINE``, the text before it the same): ``last``'s data
    with the value marked there replaced by the new number (an int, or a Decimal for a
    fraction, as the parser reads them), where one path alone is marked there (a value
    an alias repeats is marked at each of its paths) and the old data holds the old
    number at it; else None (the text is parsed)."""
    old = last.lines
    if len(lines) != len(old):
        return None
    index = next((i for i, (a, b) in enumerate(zip(old, lines, strict=True)) if a != b), None)
    if index is None or old[index + 1:] != lines[index + 1:]:
        return None
    before, after = NUMBER_LINE.fullmatch(old[index]), NUMBER_LINE.fullmatch(lines[index])
    if before is None or after is None or before.group(1) != after.group(1):
        return None
    mark = (index + 1, len(before.group(1)) + 1)
    paths = [p for p, at in last.marks.items() if at == mark]
    if len(paths) != 1 or not paths[0]:
        return None
    data = _replaced(last.data, paths[0], _number(before), _number(after))
    return None if data is None else (data, dict(last.marks))


def _number(match: re.Match[str]) -> int | Decimal:
    """The number of a ``NUMBER_LINE`` as the spec's parser reads it."""
    text = match.group(2)
    return Decimal(text) if match.group(3) else int(text)


def _replaced(data: Any, path: tuple[str, ...], old: Any, new: Any) -> Any:
    """``data`` with the value at ``path`` (mapping keys as text, list indexes as digits),
    which must be ``old`` (of its type), replaced by ``new``: the mappings and lists on
    the way copied, the rest shared; None if ``path`` leads elsewhere."""
    head, rest = path[0], path[1:]
    if isinstance(data, dict) and head in data:
        key: Any = head
    elif isinstance(data, list) and head.isdigit() and int(head) < len(data):
        key = int(head)
    else:
        return None
    value = data[key]
    if rest:
        value = _replaced(value, rest, old, new)
        if value is None:
            return None
    elif type(value) is not type(old) or value != old:
        return None
    else:
        value = new
    copy = dict(data) if isinstance(data, dict) else list(data)
    copy[key] = value
    return copy


def _distinct(problems: list[Problem]) -> list[Problem]:
    """Problems without repeats (the screen and the model may both refuse a value)."""
    return list(dict.fromkeys(problems))


def read_spec(path: str | Path) -> Loaded:
    """Read the spec at ``path`` and collect every problem; never raises on bad content."""
    path = Path(path)
    source = str(path)
    data, marks, problems = _spec_data(path)
    if data is None and problems:
        return Loaded(source, None, [locate(p, marks) for p in problems], marks)
    if not isinstance(data, dict):
        return Loaded(source, None, [error((), "a spec is a mapping with region, year, title, "
                                               "sections and figures").at(1, 1)], marks)
    report, found = validate_data(data)
    problems = sorted(_distinct([locate(p, marks) for p in [*problems, *found]]),
                      key=_position)
    return Loaded(source, None if any(p.is_error for p in problems) else report, problems, marks)


def _position(problem: Problem) -> tuple[int, int]:
    """Sort key: problems in the order of the file."""
    return problem.line or 0, problem.column or 0


def glossary_beside(spec: str | Path) -> Glossary | None:
    """The termbase ``glossary.yaml`` in the spec's folder, if there is one (SpecError
    listing its problems if it does not load)."""
    path = Path(spec).parent / "glossary.yaml"
    return load_glossary(path) if path.is_file() else None


def load_report(path: str | Path) -> Report:
    """Load the report spec at ``path`` (YAML or JSON) with the ``glossary.yaml`` beside
    it, as the command line does; raise SpecError listing every problem."""
    loaded = read_spec(path)
    if loaded.report is None:
        raise SpecError(loaded.problems, loaded.source)
    return loaded.report.with_glossary(glossary_beside(path))


GLOSSARIES_KEPT = 8
"""Glossaries remembered by their text (``load_glossary``): ``ipdocs watch`` loads the
one beside its spec again on every change to the spec."""
_GLOSSARIES: OrderedDict[tuple[bool, str], Glossary] = OrderedDict()


def load_glossary(path: str | Path) -> Glossary:
    """Load a termbase (``terms: [{zh, en, note}]``); raise SpecError with located problems.

    A glossary that loads is remembered by its exact text (and whether it is JSON): the
    same text loads to the same terms (a model never changed once made)."""
    path = Path(path)
    try:
        text = read_text(path)
    except InputError as exc:
        raise SpecError([_unread(exc)], str(path)) from None
    key = (path.suffix.lower() == ".json", text)
    kept = recall(_GLOSSARIES, key)
    if kept is not None:
        return kept
    data, marks, problems = _parsed(path, text)
    if not problems:
        try:
            glossary = Glossary.model_validate(data)
        except SpecError as exc:
            problems = exc.problems
        else:
            return keep(_GLOSSARIES, key, glossary, GLOSSARIES_KEPT)
    raise SpecError([locate(p, marks) for p in problems], str(path))
