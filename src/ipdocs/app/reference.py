"""The reference lists of specs/README.md, generated from the code: units, measures,
change forms, placeholder parts and brief builders. ``python -m ipdocs.app.reference
specs/README.md`` rewrites them in place; a test keeps them in step with the code.

Each list stands between ``<!-- begin: NAME -->`` and ``<!-- end: NAME -->`` markers.
"""

from __future__ import annotations

import dataclasses
import re
import sys
import typing
from collections.abc import Callable, Sequence
from pathlib import Path

from ipdocs.base.vocab import (
    MEASURE_KINDS,
    QUALIFIERS,
    RANK_VERBS,
    STANDINGS,
    VERB_PAIRS,
    build_units,
    measure_of,
    shipped_entries,
)
from ipdocs.model.figures import ChangeForm, PeriodStyle, Rank
from ipdocs.model.placeholders import PARTS
from ipdocs.sections import BUILDERS

FORMS: dict[str, str] = {
    "percent": "the change in percent: 同比增长11.4% / up 11.4% year on year (a quantity's "
               "default; a rate only with `form: percent`; never a rank)",
    "increment": "the change in the figure's unit: 增加9.3件; a rate's in percentage points "
                 "(提高1.2个百分点 / up 1.2 percentage points); a score's in points; a rank's "
                 "in places (上升2位 / up two places)",
    "from_to": "from the previous value to this one: 由18个月缩短至12个月 / cut from 18 months to "
               "12 months; 由第五位升至第三位 / up from fifth to third",
    "to": "the value reached: 提高到85.5分 / rose to 85.5 points",
}
"""What each change form says (``change.form``)."""

PERIODS: dict[str, str] = {
    "months": "1—9月 / January to September (the default)",
    "quarters": "前三季度 / the first three quarters; 一季度 / the first quarter",
    "half": "上半年 / the first half of the year (six months only)",
    "first_months": "前2个月 / the first two months",
}
"""How each period style names a partial year (``period``)."""

def _row(*cells: str) -> str:
    """One Markdown table row."""
    return "| " + " | ".join(cells) + " |"


def _default(field: dataclasses.Field[object]) -> object:
    """A dataclass field's default value."""
    if field.default is not dataclasses.MISSING:
        return field.default
    if field.default_factory is not dataclasses.MISSING:
        return field.default_factory()
    return None


def _table(header: tuple[str, ...], rows: Sequence[Sequence[str]]) -> str:
    """A Markdown table."""
    lines = [_row(*header), _row(*("---" for _ in header))]
    return "\n".join(lines + [_row(*row) for row in rows])


def units() -> str:
    """Every shipped unit: its kind and measure, magnitude forms and English words."""
    rows = []
    for code, entry in shipped_entries().items():
        family = list(build_units({code: entry}).values())
        unit = family[0]
        one, many = unit.word("en", 1), unit.word("en")
        words = "—" if many is None else one if one == many else f"{one} / {many}"
        if unit.currency:
            words = f"{unit.currency} (before the number)"
        if unit.metric:
            words += f", then its metric equivalent in {unit.metric[1]}"
        magnitudes = " ".join(u.code for u in family[1:]) or "—"
        rows.append((f"`{code}`" if code else "(none)", unit.kind.value, str(unit.measure),
                     magnitudes, words))
    return _table(("unit", "kind", "measure", "with magnitudes", "English"), rows)


def measures() -> str:
    """The measures, the unit kinds that give each, and how each changes (each measure's
    record, ``ipdocs.base.vocab.MEASURE_KINDS``)."""
    rows = []
    for kind in MEASURE_KINDS.values():
        kinds = ", ".join(k for k in kind.unit_kinds if measure_of(k) == kind.name)
        rows.append((str(kind.name), kind.source or kinds, kind.changes))
    return _table(("measure", "from unit kinds", "changes by"), rows)


def change_forms() -> str:
    """The change forms a spec may choose."""
    forms = typing.get_args(ChangeForm)
    return _table(("form", "says"), [(f"`{f}`", FORMS[f]) for f in forms])


def change_verbs() -> str:
    """The Chinese direction words of a change, in pairs."""
    return _table(("rise", "fall"), [(rise, fall) for rise, fall in VERB_PAIRS])


def rank_words() -> str:
    """The vocabulary of rank statements."""
    forms = [a for arg in typing.get_args(Rank.model_fields["form"].annotation)
             for a in typing.get_args(arg)]
    return _table(("field", "values"), [
        ("`verb`", ", ".join(RANK_VERBS)),
        ("`form`", ", ".join(f"`{f!r}`" if f == "" else f for f in forms)),
        ("`standing`", ", ".join(STANDINGS)),
        ("`numerals`", "hanzi (第二), arabic (第2)"),
    ])


def periods() -> str:
    """The period styles of a partial-year flow."""
    return _table(("period", "names the partial year"),
                  [(f"`{p}`", PERIODS[p]) for p in typing.get_args(PeriodStyle)])


def qualifiers() -> str:
    """The qualifiers and where they stand."""
    return _table(("qualifier", "meaning", "stands"),
                  [(q.token, q.meaning.replace("_", " "), q.position.value)
                   for q in QUALIFIERS.values()])


def parts() -> str:
    """The placeholder parts."""
    return _table(("placeholder", "renders"),
                  [("`{ID}`" if p == "value" else f"`{{ID:{p}}}`", what)
                   for p, what in PARTS.items()])


def claims() -> str:
    """The claims generated prose makes and the data each needs."""
    from ipdocs.sections.yearly import CLAIMS

    return _table(("claim", "made only with"), list(CLAIMS.items()))


def _kind(hint: object) -> str:
    """A builder option's type as the list says it: int from 1 to 6, list of ids,
    growth, bar or years."""
    if typing.get_origin(hint) is typing.Annotated:
        inner, *metadata = typing.get_args(hint)
        bounds = {}
        for item in metadata:
            for constraint in getattr(item, "metadata", ()):
                for key in ("ge", "le"):
                    if hasattr(constraint, key):
                        bounds[key] = getattr(constraint, key)
        kind = _kind(inner)
        if "ge" in bounds and "le" in bounds:
            kind += f" from {bounds['ge']} to {bounds['le']}"
        if any(type(m).__name__ == "BriefRequired" for m in metadata):
            kind += ", required in a brief file"
        return kind
    if typing.get_origin(hint) is tuple:
        return "list of ids"
    if typing.get_origin(hint) is typing.Literal:
        names = [str(a) for a in typing.get_args(hint)]
        return ", ".join(names[:-1]) + " or " + names[-1]
    return getattr(hint, "__name__", str(hint))


def _option(field: dataclasses.Field[object], hint: object) -> str:
    """A builder option: its name, type and default."""
    return f"`{field.name}` ({_kind(hint)}, default `{_default(field)!r}`)"


def builders() -> str:
    """The brief builders and their options (their dataclass fields, declared once)."""
    rows = []
    for name, cls in BUILDERS.items():
        fields: list[dataclasses.Field[object]] = \
            list(dataclasses.fields(cls)) if dataclasses.is_dataclass(cls) else []
        hints = typing.get_type_hints(cls, include_extras=True)
        summary = (cls.__doc__ or "").strip().splitlines()[0]
        rows.append((f"`{name}`", summary,
                     "; ".join(_option(f, hints[f.name]) for f in fields) or "—"))
    return _table(("builder", "makes", "options"), rows)


LISTS: dict[str, Callable[[], str]] = {
    "units": units,
    "measures": measures,
    "change-forms": change_forms,
    "change-verbs": change_verbs,
    "rank-words": rank_words,
    "periods": periods,
    "qualifiers": qualifiers,
    "placeholders": parts,
    "builders": builders,
    "claims": claims,
}
"""Every generated list, by its marker name."""

_REGION = re.compile(r"(<!-- begin: ([a-z-]+) -->\n)(?:.*?\n)?(<!-- end: \2 -->)", re.S)


def refresh(text: str) -> str:
    """``text`` with every marked list generated afresh."""
    def fill(match: re.Match[str]) -> str:
        return match.group(1) + LISTS[match.group(2)]() + "\n" + match.group(3)
    return _REGION.sub(fill, text)


def marked(text: str) -> set[str]:
    """The names of the lists ``text`` marks."""
    return {m.group(2) for m in _REGION.finditer(text)}


def main(argv: list[str]) -> int:
    """Rewrite the marked lists of each file named."""
    for name in argv:
        path = Path(name)
        path.write_text(refresh(path.read_text(encoding="utf-8")), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
