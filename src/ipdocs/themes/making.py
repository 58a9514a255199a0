"""Making ``themes.built``: each built-in theme as Python, as ``theme_from_text`` builds
it from its file (validated by the theme schema), with the SHA-256 of the file's text it
was made from. ``python -m ipdocs.themes.making`` writes it again after a theme file or
the code that builds a theme changed (a test fails until it is)."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from ipdocs.base.inputs import text_digest
from ipdocs.themes import BUILT_IN, _read, theme_from_text

BUILT_FILE = Path(__file__).with_name("built.py")
"""The module this makes."""

WIDTH = 99
"""The longest line written (the project's line length, less one)."""

HEADER = '''"""The built-in themes as Python: each made afresh by a function of its own, as
``themes.theme_from_text`` builds it from its file, kept with the SHA-256 of the file's
text it was made from (``load_theme`` takes a theme from here only while its file is that
text). Made by ``python -m ipdocs.themes.making``: do not edit."""

from __future__ import annotations

from collections.abc import Callable

'''


def built_source() -> str:
    """The text of ``themes.built`` for the built-in theme files as they are now."""
    made: list[str] = []
    names: set[str] = set()
    kept: list[str] = []
    for name in BUILT_IN:
        source, text, _ = _read(name)
        theme = theme_from_text(text, source)
        function = "_" + name.replace("-", "_")
        made += ["", "", f"def {function}() -> Theme:",
                 f'    """The built-in theme {source}."""',
                 "    return " + _code(theme, 4, names)]
        kept.append(f"    {source!r}: (\n        {text_digest(text)!r},\n        {function}),")
    imports = f"from ipdocs.themes import {', '.join(sorted(names))}\n"
    return (HEADER + imports + "\n".join(made) + "\n\n\n"
            + "BUILT: dict[str, tuple[str, Callable[[], Theme]]] = {\n"
            + "\n".join(kept) + "\n}\n"
            + '"""Each built-in theme by its file\'s name: the SHA-256 of the text it was made '
            + 'from,\nand the function that makes it."""\n')


def _code(value: Any, indent: int, names: set[str], lead: int = 0) -> str:
    """``value`` as Python that makes it, on a line ``indent`` spaces in after ``lead``
    characters (a field's name, an entry's key): on that line where it fits, else one
    field, entry or item a line, ``indent`` + 4 in (``names``: the classes it calls)."""
    flat = _flat(value, names)
    if indent + lead + len(flat) < WIDTH:  # a comma after it
        return flat
    inner = " " * (indent + 4)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        lines = [f"{inner}{name}={_code(part, indent + 4, names, len(name) + 1)},"
                 for name, part in _fields(value)]
        opening, closing = f"{type(value).__name__}(", ")"
    elif isinstance(value, dict):
        lines = [f"{inner}{key!r}: {_code(part, indent + 4, names, len(repr(key)) + 2)},"
                 for key, part in value.items()]
        opening, closing = "{", "}"
    elif isinstance(value, tuple | list):
        lines = [f"{inner}{_code(part, indent + 4, names)}," for part in value]
        opening, closing = ("(", ")") if isinstance(value, tuple) else ("[", "]")
    else:
        return flat  # a scalar too long for its line: the formatter cannot cut it
    return opening + "\n" + "\n".join(lines) + "\n" + " " * indent + closing


def _flat(value: Any, names: set[str]) -> str:
    """``value`` as Python that makes it, on one line (``names``: the classes it calls)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        names.add(type(value).__name__)
        inner = ", ".join(f"{name}={_flat(part, names)}" for name, part in _fields(value))
        return f"{type(value).__name__}({inner})"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key!r}: {_flat(part, names)}"
                               for key, part in value.items()) + "}"
    if isinstance(value, tuple):
        items = [_flat(part, names) for part in value]
        return "(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")"
    if isinstance(value, list):
        return "[" + ", ".join(_flat(part, names) for part in value) + "]"
    if value is None or isinstance(value, bool | int | float | str):
        return repr(value)
    raise TypeError(f"a theme holds a {type(value).__name__}, which themes.built cannot "
                    "write as Python")


def _fields(value: Any) -> list[tuple[str, Any]]:
    """The fields of the record ``value`` its constructor takes, with their values."""
    return [(field.name, getattr(value, field.name))
            for field in dataclasses.fields(value) if field.init]


def main() -> None:
    """Write ``themes.built`` for the built-in theme files as they are now."""
    BUILT_FILE.write_text(built_source(), encoding="utf-8")
    print(f"wrote {BUILT_FILE}")


if __name__ == "__main__":
    main()
