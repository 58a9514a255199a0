"""Check the placeholders of every bilingual text against the figures they name.

Works on plain data (the parsed spec, or a dumped Report), so that the loader can
report reference errors together with structural ones.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ipdocs.model.placeholders import FigureRef, PlaceholderError, figure_refs
from ipdocs.problems import PathElement, Problem, error

Path = tuple[PathElement, ...]

_NEEDS = {"change": "change", "rank": "rank"}


def iter_texts(data: Any, path: Path = ()) -> Iterator[tuple[Path, Mapping[str, Any]]]:
    """Every bilingual text (a mapping with ``zh`` or ``en``) inside ``data``, with its path."""
    if isinstance(data, Mapping):
        if isinstance(data.get("zh"), str) or isinstance(data.get("en"), str):
            yield path, data
            return
        for key, value in data.items():
            yield from iter_texts(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from iter_texts(value, (*path, index))


def _has_previous(figure: Mapping[str, Any]) -> bool:
    """Whether a figure knows its previous value."""
    change = figure.get("change")
    return isinstance(change, Mapping) and change.get("previous") is not None


def _ref_problem(ref: FigureRef, figures: Mapping[str, Any], path: Path) -> Problem | None:
    """An error if ``ref`` names an unknown figure or a part that figure lacks."""
    figure = figures.get(ref.figure)
    if not isinstance(figure, Mapping):
        return error(path, f"unknown figure id {ref.figure!r} in placeholder")
    needed = _NEEDS.get(ref.part)
    if needed and figure.get(needed) is None:
        return error(path, f"{{{ref.figure}:{ref.part}}}: figure {ref.figure!r} has no {needed}")
    if ref.part == "previous" and not _has_previous(figure):
        return error(path, f"{{{ref.figure}:previous}}: figure {ref.figure!r} has no "
                           "change.previous")
    return None


def _language_refs(text: str, figures: Mapping[str, Any], path: Path,
                   problems: list[Problem]) -> set[str] | None:
    """The figure ids ``text`` refers to; problems found are appended."""
    try:
        refs = figure_refs(text)
    except PlaceholderError as exc:
        problems.append(error(path, str(exc)))
        return None
    for ref in refs:
        problem = _ref_problem(ref, figures, path)
        if problem:
            problems.append(problem)
    return {ref.figure for ref in refs}


def _mismatch(zh: set[str], en: set[str], path: Path) -> Problem | None:
    """An error when the two languages do not refer to the same figures."""
    if zh == en:
        return None
    parts = []
    if zh - en:
        parts.append(f"only the Chinese refers to {', '.join(sorted(zh - en))}")
    if en - zh:
        parts.append(f"only the English refers to {', '.join(sorted(en - zh))}")
    return error(path, "; ".join(parts))


def check_references(data: Any) -> list[Problem]:
    """Every placeholder problem in a spec's plain data, located by field path."""
    if not isinstance(data, Mapping):
        return []
    raw_figures = data.get("figures")
    figures: Mapping[str, Any] = raw_figures if isinstance(raw_figures, Mapping) else {}
    problems: list[Problem] = []
    for path, text in iter_texts({k: v for k, v in data.items() if k != "figures"}):
        found = {}
        for lang in ("zh", "en"):
            if isinstance(text.get(lang), str):
                found[lang] = _language_refs(text[lang], figures, (*path, lang), problems)
        zh, en = found.get("zh"), found.get("en")
        if zh is not None and en is not None:
            mismatch = _mismatch(zh, en, path)
            if mismatch:
                problems.append(mismatch)
    for fid, figure in figures.items():
        parts = figure.get("parts") if isinstance(figure, Mapping) else None
        if isinstance(parts, list):  # anything else is the model's error to report
            for index, part in enumerate(parts):
                if isinstance(part, str) and part not in figures:
                    problems.append(error(("figures", fid, "parts", index),
                                          f"unknown figure id {part!r} among the parts"))
    return problems
