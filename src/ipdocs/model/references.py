"""Check the placeholders of every bilingual text against the figures they name.

Works on plain data (the parsed spec, or a dumped Report), so that the loader can
report reference errors together with structural ones.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

from ipdocs.base.languages import text_languages
from ipdocs.base.problems import PathElement, Problem, error
from ipdocs.model.markup import Markup, is_paragraph, structure_mismatch
from ipdocs.model.markup import read as read_markup
from ipdocs.model.placeholders import FigureRef, scan

Path = tuple[PathElement, ...]

_NEEDS = {"change": "change", "rank": "rank", "per": "per"}


def iter_texts(data: Any, path: Path = ()) -> Iterator[tuple[Path, Mapping[str, Any]]]:
    """Every bilingual text (a mapping with ``zh`` or ``en``) inside ``data``, with its path."""
    found: list[tuple[Path, Mapping[str, Any]]] = []
    _gather_texts(data, path, found)
    return iter(found)


def _gather_texts(data: Any, path: Path, found: list[tuple[Path, Mapping[str, Any]]]) -> None:
    """``iter_texts`` appended to ``found``, in order (a spec nests a few levels deep: its
    readers refuse deeper)."""
    if isinstance(data, (dict, Mapping)):  # a dict found before the ABC is asked
        if isinstance(data.get("zh"), str) or isinstance(data.get("en"), str):
            found.append((path, data))
            return
        for key, value in data.items():
            if type(value) not in _SCALARS:
                _gather_texts(value, (*path, key), found)
    elif isinstance(data, list):
        for index, value in enumerate(data):
            if type(value) not in _SCALARS:
                _gather_texts(value, (*path, index), found)


_SCALARS = frozenset({str, int, float, Decimal, bool, type(None)})
"""Types of value that hold no text (neither a mapping nor a list): not looked into
(most of a spec's values; the mapping ABC is slow to say no)."""


def _has_previous(figure: Mapping[str, Any]) -> bool:
    """Whether a figure knows its previous value."""
    change = figure.get("change")
    return isinstance(change, Mapping) and change.get("previous") is not None


def _has_increment(figure: Mapping[str, Any]) -> bool:
    """Whether a figure's change states its size in the unit, or the previous value it is
    worked out from (a rank: its places)."""
    change = figure.get("change")
    return isinstance(change, Mapping) and any(
        change.get(key) is not None for key in ("increment", "previous", "places"))


def _worked_out_inexact(figure: Mapping[str, Any]) -> str | None:
    """The qualifier that keeps a figure's increment from being worked out from its
    previous value (超60万件 from 50万件 is no rise of 10万件), where it states none; none
    while the figure is marked for review (a draft's new approximate value: highlighted,
    and refused by ``build --final`` until the mark is cleared, when this refuses it)."""
    change = figure.get("change")
    if not isinstance(change, Mapping) or change.get("increment") is not None or \
            change.get("places") is not None or figure.get("review") is True:
        return None
    qualifier = figure.get("qualifier") or change.get("previous_qualifier")
    return qualifier if isinstance(qualifier, str) and qualifier else None


def _lacks(figure: Mapping[str, Any], part: str) -> str | None:
    """What ``figure`` lacks to render ``part``, if anything."""
    needed = _NEEDS.get(part)
    if needed and figure.get(needed) is None:
        return needed
    if part == "previous" and not _has_previous(figure):
        return "change.previous"
    if part == "increment" and not _has_increment(figure):
        return "change.increment (or change.previous)"
    if part == "increment" and (inexact := _worked_out_inexact(figure)):
        return f"change.increment (it is not worked out from an approximate value: {inexact})"
    if part == "period" and not ((figure.get("as_of") or figure.get("since"))
                                 and figure.get("kind", "flow") == "flow"):
        return "period (a flow with as_of or since)"
    return None


def _figure_problem(fid: str, ref: FigureRef, figures: Mapping[str, Any],
                    path: Path) -> Problem | None:
    """An error if ``fid`` (named by ``ref``) is unknown or lacks the part ``ref`` renders."""
    figure = figures.get(fid)
    if not isinstance(figure, Mapping):
        return error(path, f"unknown figure id {fid!r} in placeholder")
    lacking = _lacks(figure, ref.part)
    if lacking:
        return error(path, f"{{{ref.body}}}: figure {fid!r} has no {lacking}")
    return None


def _bases(ref: FigureRef, figures: Mapping[str, Any]) -> set[str]:
    """The bases (同比 or another) of the changes a multi-figure placeholder states."""
    bases = set()
    for fid in ref.ids:
        change = figures.get(fid, {}).get("change") if isinstance(figures.get(fid), Mapping) \
            else None
        basis = change.get("basis") if isinstance(change, Mapping) else None
        bases.add(repr(basis))
    return bases


def _ref_problems(ref: FigureRef, figures: Mapping[str, Any], path: Path) -> list[Problem]:
    """Every error of one placeholder: unknown ids, missing parts, unlike bases."""
    problems = [p for fid in ref.ids if (p := _figure_problem(fid, ref, figures, path))]
    if not problems and ref.part == "change" and ref.others and len(_bases(ref, figures)) > 1:
        problems.append(error(path, f"{{{ref.body}}}: the changes compare with different "
                                    "bases; state them one by one"))
    if not problems and ref.part == "list" and len(_units(ref, figures)) > 1:
        problems.append(error(path, f"{{{ref.body}}}: a list says one unit once; its figures "
                                    f"are in {', '.join(sorted(_units(ref, figures)))}"))
    return problems


def _units(ref: FigureRef, figures: Mapping[str, Any]) -> set[str]:
    """The units of the figures a placeholder names."""
    return {str(figures[fid].get("unit")) for fid in ref.ids}


def _language_refs(text: str, figures: Mapping[str, Any], path: Path,
                   problems: list[Problem]) -> set[str] | None:
    """The figure ids ``text`` refers to; every problem found is appended."""
    segments, errors = scan(text)
    problems.extend(error(path, str(exc)) for exc in errors)
    refs = [s for s in segments if isinstance(s, FigureRef)]
    for ref in refs:
        problems.extend(_ref_problems(ref, figures, path))
    return None if errors else {fid for ref in refs for fid in ref.ids}


def _mismatch(zh: set[str], other: set[str], path: Path, lang: str = "en") -> Problem | None:
    """An error when the Chinese and another language do not refer to the same figures."""
    if zh == other:
        return None
    parts = []
    if zh - other:
        parts.append(f"only the Chinese refers to {', '.join(sorted(zh - other))}")
    if other - zh:
        parts.append(f"only the {_name(lang)} refers to {', '.join(sorted(other - zh))}")
    return error(path, "; ".join(parts))


def _mismatches(found: Mapping[str, set[str] | None], path: Path) -> list[Problem]:
    """Every language's text against the Chinese: the same figures referred to."""
    zh = found.get("zh")
    if zh is None:
        return []
    return [problem for lang, refs in found.items() if lang != "zh" and refs is not None
            if (problem := _mismatch(zh, refs, path, lang))]


def _figure_text_problems(fid: str, figure: Mapping[str, Any],
                          figures: Mapping[str, Any]) -> list[Problem]:
    """A figure's texts: its note may refer to figures and years like narrative; its label,
    bases and scopes name the figure and take no placeholder (they are printed as written,
    in tables, key figures and charts)."""
    problems: list[Problem] = []
    for path, text in iter_texts({k: v for k, v in figure.items() if k != "note"},
                                 ("figures", fid)):
        if path[2:] in _REFERRING:
            problems.extend(_referring_problems(text, figures, path))
            continue
        for lang in text_languages():
            prose = text.get(lang)
            if not isinstance(prose, str) or ("{" not in prose and "}" not in prose):
                continue  # no brace: literal text alone, no placeholder to refuse
            segments, errors = scan(prose)
            if errors or any(not isinstance(s, str) for s in segments):
                problems.append(error((*path, lang), "a figure's label and scope take no "
                                      "placeholders ({…}); write {{ and }} for braces"))
    note = figure.get("note")
    if isinstance(note, Mapping):
        for lang in text_languages():
            if isinstance(note.get(lang), str):
                _language_refs(note[lang], figures, ("figures", fid, "note", lang), problems)
    return problems


_REFERRING = (("base",), ("change", "basis"))
"""A figure's texts that may refer to other figures and years: its base (全国平均水平
（{national.average}） and its change's basis (较{year-2}年)."""


def _refers(figure: Any) -> bool:
    """Whether a figure's base or basis itself refers to figures or years."""
    if not isinstance(figure, Mapping):
        return False
    change = figure.get("change")
    texts = [figure.get("base"), change.get("basis") if isinstance(change, Mapping) else None]
    return any(isinstance(t, Mapping) and isinstance(t.get(lang), str)
               and any(not isinstance(s, str) for s in scan(t[lang])[0])
               for t in texts for lang in text_languages())


def _referring_problems(text: Mapping[str, Any], figures: Mapping[str, Any],
                        path: Path) -> list[Problem]:
    """A base or basis: its placeholders as in narrative, the same figures in both
    languages, none of them a figure whose own base or basis refers onwards."""
    problems: list[Problem] = []
    found = {lang: _language_refs(text[lang], figures, (*path, lang), problems)
             for lang in text_languages() if isinstance(text.get(lang), str)}
    problems.extend(_mismatches(found, path))
    onwards = sorted(fid for refs in found.values() for fid in refs or set()
                     if _refers(figures.get(fid)))
    if onwards:
        problems.append(error(path, f"refers to {', '.join(onwards)}, whose own base or basis "
                                    "refers to figures: name the value one step away"))
    return problems


def _markup_problems(text: Mapping[str, Any], path: Path) -> list[Problem]:
    """A prose text's markup (``ipdocs.model.markup``): every malformed mark in each
    language, then whether the languages share one structure."""
    problems: list[Problem] = []
    found: dict[str, Markup] = {}
    for lang in text_languages():
        if isinstance(text.get(lang), str):
            markup, errors = read_markup(text[lang], blocks=is_paragraph(path))
            problems.extend(error((*path, lang), str(exc)) for exc in errors)
            if not errors:
                found[_name(lang)] = markup
    mismatch = structure_mismatch(found)
    if mismatch:
        problems.append(error(path, mismatch))
    return problems


LANGUAGE_NAMES = {"zh": "Chinese", "en": "English"}
"""How a problem names the languages of a spec's texts (another by its key: 'de')."""


def _name(lang: str) -> str:
    """How a problem names the language of a text's key."""
    return LANGUAGE_NAMES.get(lang, repr(lang))


def check_references(data: Any) -> list[Problem]:
    """Every placeholder problem in a spec's plain data, located by field path."""
    if not isinstance(data, Mapping):
        return []
    raw_figures = data.get("figures")
    figures: Mapping[str, Any] = raw_figures if isinstance(raw_figures, Mapping) else {}
    problems: list[Problem] = []
    for path, text in iter_texts({k: v for k, v in data.items() if k != "figures"}):
        found = {}
        for lang in text_languages():
            if isinstance(text.get(lang), str):
                found[lang] = _language_refs(text[lang], figures, (*path, lang), problems)
        problems.extend(_mismatches(found, path))
        problems.extend(_markup_problems(text, path))
    for fid, figure in figures.items():
        if isinstance(figure, Mapping):
            problems.extend(_figure_text_problems(fid, figure, figures))
        parts = figure.get("parts") if isinstance(figure, Mapping) else None
        if isinstance(parts, list):  # anything else is the model's error to report
            for index, part in enumerate(parts):
                if isinstance(part, str) and part not in figures:
                    problems.append(error(("figures", fid, "parts", index),
                                          f"unknown figure id {part!r} among the parts"))
                elif part == fid:
                    problems.append(error(("figures", fid, "parts", index),
                                          "a figure cannot be one of its own parts"))
    return problems
