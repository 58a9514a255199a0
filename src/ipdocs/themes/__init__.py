"""Themes: fonts, sizes, colours and page geometry as data, referenced by style name.

A theme is a YAML file (``briefing.yaml``, ``official.yaml`` or one of the user's). The
document tree names styles (``body``, ``heading-1``, ``table-cell``); writers look them up
here. This package imports nothing from the rest of the project.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ipdocs.fastyaml import safe_load

BUILT_IN = ("briefing", "official")


class ThemeError(ValueError):
    """A theme that cannot be used, naming the file and the field."""


@dataclass(frozen=True)
class Font:
    """A font role: the East Asian family with alternates, the Latin family, the PDF face."""

    east_asian: str
    latin: str
    alternates: tuple[str, ...] = ()
    bundled: str = "serif"
    regular_file: str | None = None
    bold_file: str | None = None


@dataclass(frozen=True)
class Style:
    """A paragraph style: font role, size in points, spacing, alignment, colour."""

    font: str
    size: float
    bold: bool = False
    italic: bool = False
    line: float | None = None
    exact: float | None = None
    before: float = 0
    after: float = 0
    align: str = "left"
    indent_zh: float = 0
    color: str | None = None
    grid: bool = False
    """On the page's character grid (``Page.chars_per_line``): Han characters set at its
    pitch."""


@dataclass(frozen=True)
class Page:
    """Page geometry in millimetres; ``mirror`` swaps inside and outside on even pages."""

    width: float
    height: float
    top: float
    bottom: float
    inside: float
    outside: float
    header: float
    footer: float
    mirror: bool = False
    chars_per_line: int | None = None
    """Han characters a line of the type area holds (GB/T 9704: 28): the character grid
    of styles marked ``grid``."""
    lines_per_page: int | None = None
    """Lines of the type area (GB/T 9704: 22): the line grid of the DOCX."""


@dataclass(frozen=True)
class PageNumber:
    """How page numbers read and where they stand (center, or outside: odd right, even left)."""

    format: str = "{n}"
    align: str = "center"
    size: float = 9
    font: str = "sans"
    inset: float = 0
    """Characters (of the number's size) in from the outside edge of the type area."""
    below: float | None = None
    """Millimetres from the type area's lower edge down to the top of the number (GB/T
    9704: 7); None: the number stands ``page.footer`` above the paper's edge."""


@dataclass(frozen=True)
class Masthead:
    """A red masthead (发文机关标志) on the first page: its text, above a rule across the
    type area."""

    text: str
    font: str
    size: float = 36
    color: str = "C00000"
    before: float = 0
    """Millimetres from the type area's top to the masthead."""
    after: float = 4
    """Millimetres from the masthead's baseline down to the rule (and the rule to the text)."""
    rule: float = 1.0
    """Points: the rule's thickness."""


@dataclass(frozen=True)
class Theme:
    """A whole theme."""

    name: str
    page: Page
    fonts: dict[str, Font]
    styles: dict[str, Style]
    page_number: PageNumber = field(default_factory=PageNumber)
    accent: str = "000000"
    muted: str = "666666"
    rule: str = "999999"
    fill: str = "FFFFFF"
    rise: str = "000000"
    fall: str = "000000"
    header_text: bool = True
    masthead: Masthead | None = None
    fallbacks: tuple[str, ...] = ()
    """TrueType files (``path`` or ``path.ttc#index``) for characters the faces lack."""

    def style(self, name: str) -> Style:
        """The style called ``name``; ``body`` when the theme lacks it."""
        return self.styles.get(name) or self.styles["body"]

    def font(self, style: Style | str) -> Font:
        """The font role of a style."""
        role = style.font if isinstance(style, Style) else style
        return self.fonts[role]

    def color(self, value: str | None) -> str | None:
        """A style colour as six hex digits, resolving names such as ``accent``."""
        if value is None:
            return None
        return str(getattr(self, value, value))


def _make(cls: type[Any], data: Any, where: str) -> Any:
    """Build ``cls`` from a mapping, turning mistakes into a ThemeError naming ``where``."""
    if not isinstance(data, dict):
        raise ThemeError(f"{where}: expected a mapping")
    try:
        return cls(**{k: tuple(v) if isinstance(v, list) else v for k, v in data.items()})
    except TypeError as exc:
        raise ThemeError(f"{where}: {exc}") from None


def _resolve(path: str, base: Path | None) -> str:
    """A font file path relative to the theme file's folder (``#index`` kept)."""
    if base is None:
        return path
    file, sep, index = path.partition("#")
    return str(base / Path(file).expanduser()) + sep + index


def _font_files(data: dict[str, Any], base: Path | None) -> dict[str, Any]:
    """A font role's own files, resolved against the theme's folder."""
    for key in ("regular_file", "bold_file"):
        if isinstance(data.get(key), str):
            data[key] = _resolve(data[key], base)
    return data


def theme_from_data(data: dict[str, Any], source: str, base: Path | None = None) -> Theme:
    """Build a Theme from parsed YAML, checking that every style names a known font.

    Font file paths are taken relative to ``base`` (the theme file's folder).
    """
    fonts = {k: _make(Font, _font_files(v, base) if isinstance(v, dict) else v,
                      f"{source}: fonts.{k}") for k, v in data.pop("fonts").items()}
    styles = {k: _make(Style, v, f"{source}: styles.{k}") for k, v in data.pop("styles").items()}
    page = _make(Page, data.pop("page"), f"{source}: page")
    number = _make(PageNumber, data.pop("page_number", {}), f"{source}: page_number")
    masthead = data.pop("masthead", None)
    if masthead is not None:
        masthead = _make(Masthead, masthead, f"{source}: masthead")
        if masthead.font not in fonts:
            raise ThemeError(f"{source}: masthead uses unknown font role {masthead.font!r}")
    for name, style in styles.items():
        if style.font not in fonts:
            raise ThemeError(f"{source}: styles.{name} uses unknown font role {style.font!r}")
    if "body" not in styles:
        raise ThemeError(f"{source}: a theme needs a 'body' style")
    theme: Theme = _make(Theme, {**data, "page": page, "fonts": fonts, "styles": styles,
                                 "page_number": number, "masthead": masthead,
                                 "fallbacks": tuple(_resolve(str(f), base)
                                                    for f in data.pop("fallbacks", ()))},
                 source)
    return theme


def load_theme(name_or_path: str | Path) -> Theme:
    """A built-in theme by name, or a theme YAML file by path."""
    base = None
    if str(name_or_path) in BUILT_IN:
        source = f"{name_or_path}.yaml"
        text = resources.files("ipdocs.themes").joinpath(source).read_text(encoding="utf-8")
    else:
        path = Path(name_or_path)
        if not path.is_file():
            raise ThemeError(f"unknown theme {str(name_or_path)!r}: not one of "
                             f"{', '.join(BUILT_IN)} and no such file")
        source, text, base = str(path), path.read_text(encoding="utf-8"), path.parent
    try:
        data = safe_load(text)
    except yaml.YAMLError as exc:
        raise ThemeError(f"{source}: malformed YAML: {exc}") from None
    if not isinstance(data, dict):
        raise ThemeError(f"{source}: a theme is a mapping")
    try:
        return theme_from_data(data, source, base)
    except KeyError as exc:
        raise ThemeError(f"{source}: missing {exc.args[0]!r}") from None
