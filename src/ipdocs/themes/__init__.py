"""Themes: fonts, sizes, colours and page geometry as data, referenced by style name.

A theme is a YAML file (``briefing.yaml``, ``official.yaml`` or one of the user's). The
document tree names styles (``body``, ``heading-1``, ``table-cell``); writers look them up
here. This package imports nothing from the rest of the project.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import field, replace
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ipdocs.base.fastyaml import read_yaml
from ipdocs.base.inputs import InputError, read_text, text_digest
from ipdocs.base.kept import ByObjects, remembered_for
from ipdocs.base.plugins import PluginError, installed_file
from ipdocs.base.problems import Marks, PathElement, Problem, SpecError, error, locate
from ipdocs.base.records import datarecord
from ipdocs.themes.letterheads import LetterheadError, read_letterhead
from ipdocs.themes.measures import (
    COLOUR_ROLES,
    letterhead_fit,
    letterhead_height,
)
from ipdocs.themes.measures import (
    LETTERHEAD_GAP as LETTERHEAD_GAP,
)
from ipdocs.themes.measures import (
    LETTERHEAD_LEADING as LETTERHEAD_LEADING,
)

if TYPE_CHECKING:
    from ipdocs.themes.schema import FontSpec, ThemeSpec

BUILT_IN = ("briefing", "official")


class ThemeError(SpecError, ValueError):
    """A theme that cannot be used: every problem, with the file, line and field."""


@datarecord(frozen=True)
class Font:
    """A font role: the East Asian family with alternates, the Latin family, the PDF face."""

    east_asian: str
    latin: str
    alternates: tuple[str, ...] = ()
    bundled: str = "serif"
    regular_file: str | None = None
    bold_file: str | None = None


SMALLEST_SCALED = 7.5
"""Points: the least size ``Theme.scaled`` sets a style in."""

LATIN = ".latin"
"""The suffix of a style's Latin variant (``body.latin``): how text in a script that is not
Han is set where a theme sets it otherwise than Han text (``Theme.scaled`` of a theme on
a character grid); ``Theme.for_script`` names it."""
SMALLEST_LATIN = 10.5
"""Points: the least size ``Theme.scaled`` sets the body's Latin text of a grid theme in
(its other styles in proportion): 五号, the body size of Chinese books and of the briefing
theme's own text before it is fitted, two lines of it to one of GB/T 9704's grid at 1.38
times its size."""
LATIN_LEADING = 1.2
"""The least multiple of its size a grid style's Latin variant is set at: its lines are
the grid's pitch divided by the most lines that leaves this much (12 pt and below: half
the pitch, two lines of English to one of the grid)."""


@datarecord(frozen=True)
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
    indent_latin: float = 0
    """The first-line indent of text that is not Han, in ems: for a theme whose
    paragraphs have no space between them (the official theme's 0 after)."""
    color: str | None = None
    grid: bool = False
    """On the page's character grid (``Page.chars_per_line``): Han characters set at its
    pitch."""


@datarecord(frozen=True)
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
    latin_fitted: float | None = None
    """On a character grid, whose Han type is fixed: the fraction of its style's size
    Latin text of a brief fitted to its pages is set at, times the fitting's scale
    (``Theme.scaled``); None: Latin text keeps the grid's sizes too."""


@datarecord(frozen=True)
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


@datarecord(frozen=True)
class TitlePage:
    """What the first page shows when it is the title page: the running header, the page
    number (both off by default: the title says what the header would)."""

    header: bool = False
    page_number: bool = False


@datarecord(frozen=True)
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


@datarecord(frozen=True)
class Letterhead:
    """The office's letterhead on the PDF's pages (``schema.LetterheadSpec``): a picture
    (a PNG or JPEG file, its path resolved), lines of text, or both, in the margin above
    the type area in place of the running header; an artifact of the tagged PDF."""

    image: str | None = None
    lines: tuple[str, ...] = ()
    font: str = "sans"
    size: float = 9
    color: str = "accent"
    height: float = 12
    """Millimetres: the picture's height (its width follows its proportions)."""
    align: str = "left"
    pages: str = "first"
    """``first`` (the first page only) or ``every``."""
    top: float = 8
    """Millimetres from the paper's top edge to the letterhead's top."""
    from_reference: bool = False
    """Take the picture and lines the reference document's first page shows, where the
    theme gives none (``with_reference`` reads them)."""
    picture: bytes = b""
    """The picture taken from the reference document (PNG or JPEG bytes), where
    ``image`` names no file."""

    def on(self, page: int) -> bool:
        """Whether page number ``page`` (from 1) shows the letterhead."""
        return self.pages == "every" or page == 1


@datarecord(frozen=True)
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
    review: str = "FFF3A3"
    """The ground of a draft's text to review."""
    stale: str = "FEE8E4"
    """The ground of a draft's values kept from an earlier year."""
    draft: str = "C0392B"
    """The colour of a draft's mark on every page."""
    header_text: bool = True
    title_page: TitlePage = field(default_factory=TitlePage)
    masthead: Masthead | None = None
    letterhead: Letterhead | None = None
    """The office's letterhead on the PDF's pages, or None."""
    fallbacks: tuple[str, ...] = ()
    reference_docx: str | None = None
    """The office's own Word file whose styles, page set-up, headers and footers the
    DOCX takes (``--reference-docx``; ``ipdocs.writers.docx.reference``)."""
    """TrueType files (``path`` or ``path.ttc#index``) for characters the faces lack."""
    web_fonts: str = "system"
    """How a web page names its faces: ``system`` (the reader's fonts, a small file) or
    ``embed`` (the bundled faces as WOFF2 subsets of the page's characters)."""
    source: str = ""
    """The theme's file as messages name it (``briefing.yaml`` for a built-in one)."""

    def style(self, name: str) -> Style:
        """The style called ``name``; ``body`` when the theme lacks it."""
        return self.styles.get(name) or self.styles["body"]

    def for_script(self, name: str, han: bool) -> str:
        """The name of the style text of a script set in style ``name`` takes: Han text
        (``han``) the style itself, other text its Latin variant (``LATIN``) where the
        theme has one."""
        if han or name.endswith(LATIN) or name + LATIN not in self.styles:
            return name
        return name + LATIN

    def font(self, style: Style | str) -> Font:
        """The font role of a style."""
        role = style.font if isinstance(style, Style) else style
        return self.fonts[role]

    def with_reference(self, path: str | Path | None) -> Theme:
        """This theme with the DOCX taking the styles, page set-up, headers and footers
        of the Word file at ``path`` (None: none), and a letterhead ``from_reference``
        taking its picture and lines; ThemeError where they do not fit."""
        theme = replace(self, reference_docx=None if path is None else str(path))
        head = theme.letterhead
        if head is None or not head.from_reference:
            return theme
        return replace(theme, letterhead=_referenced(head, theme.reference_docx,
                                                      theme.page.top, theme.name))

    def color(self, value: str | None) -> str | None:
        """A style colour as six hex digits, resolving the roles (``accent``, ``muted``,
        ``rule``, ``fill``, ``rise``, ``fall``, ``review``, ``stale``, ``draft``)."""
        if value is None:
            return None
        return str(getattr(self, value)) if value in COLOUR_ROLES else value

    @property
    def scalable(self) -> bool:
        """Whether ``scaled`` makes any type smaller: not on a character grid that fixes
        its Latin sizes too (``Page.latin_fitted``)."""
        return not self.page.chars_per_line or bool(self.page.latin_fitted)

    def scaled(self, factor: float) -> Theme:
        """The theme with its type and spacing ``factor`` times as large, no style below
        ``SMALLEST_SCALED`` points (unless it was smaller). A theme on a character grid
        keeps its Han type (GB/T 9704's fixed sizes); where it says so
        (``Page.latin_fitted``) its Latin text goes smaller (``_latin_scaled``), else it
        is as it is. One object for the same theme and factor (remembered: a fitted
        brief's steps ask for each scale again and again)."""
        if factor == 1.0 or not self.scalable:
            return self
        return remembered_for(_SCALED, (self,), lambda: self._scaled(factor), SCALED_KEPT,
                              also=(factor,))

    def _scaled(self, factor: float) -> Theme:
        """``scaled``, made."""
        if self.page.chars_per_line:
            return self._latin_scaled(factor)

        def size(points: float) -> float:
            return max(points * factor, min(points, SMALLEST_SCALED))

        styles = {name: replace(style, size=size(style.size),
                                exact=style.exact and style.exact * size(style.size) / style.size,
                                before=style.before * factor, after=style.after * factor)
                  for name, style in self.styles.items()}
        return replace(self, styles=styles)

    def _latin_scaled(self, factor: float) -> Theme:
        """The theme with a Latin variant of each style (``LATIN``): ``latin_fitted``
        times ``factor`` its size, as far as the body comes to ``SMALLEST_LATIN`` points
        (every style by the body's ratio: the Latin text keeps the theme's proportions),
        none below ``SMALLEST_SCALED`` (unless it was smaller); a style on the grid set
        on a fraction of its pitch (``LATIN_LEADING``) and off the character grid, any
        other with its spacing scaled alike."""
        return self._with_latin(self._latin_ratio(factor))

    def _latin_ratio(self, factor: float) -> float:
        """The share of each style's size its Latin variant takes at ``factor``
        (``_latin_scaled``)."""
        return max((self.page.latin_fitted or 1.0) * factor,
                   min(1.0, SMALLEST_LATIN / self.styles["body"].size))

    def off_grid(self, factor: float, smaller: float = 1.0) -> Theme:
        """A theme on a character grid whose Latin text is fitted (``Page.latin_fitted``)
        set off its grid: its Han text as its Latin text at ``factor`` (``scaled``), both
        then ``smaller`` times that size (every style in the body's proportion, the grid
        styles on a fraction of the grid's pitch), in the theme's own faces: a brief in
        two languages fitted to its page, whose Han text cannot keep the grid's line
        among or beside the other language. Any other theme is itself."""
        if not (self.page.chars_per_line and self.page.latin_fitted):
            return self
        return self._with_latin(self._latin_ratio(factor) * smaller, han=True)

    def _with_latin(self, ratio: float, han: bool = False) -> Theme:
        """The theme with a Latin variant of each style (``LATIN``) at ``ratio`` times
        its size (``_latin_style``); ``han``: each style itself too."""
        body = self.styles["body"]
        pitch = body.exact or body.size * (body.line or LATIN_LEADING)
        own = {name: style for name, style in self.styles.items() if not name.endswith(LATIN)}
        latin = {name + LATIN: _latin_style(style, ratio, pitch) for name, style in own.items()}
        if han:
            own = {name: latin[name + LATIN] for name in own}
        return replace(self, styles={**own, **latin})

    def mark(self, review: bool, stale: bool) -> str | None:
        """The ground a draft's marked text is set on, if any: a value kept from an earlier
        year on the stale colour, text to review on the review colour."""
        return self.stale if stale else self.review if review else None


SCALED_KEPT = 32
"""Scaled themes remembered (``Theme.scaled``): a fitted brief's steps come to some
five scales of one theme, a batch's to those of one or two."""
_SCALED: ByObjects[Theme] = OrderedDict()


def _latin_style(style: Style, ratio: float, pitch: float) -> Style:
    """``style``'s Latin variant on a grid theme (``Theme._latin_scaled``): ``ratio``
    times its size."""
    size = max(style.size * ratio, min(style.size, SMALLEST_SCALED))
    scale = size / style.size
    if style.grid:
        exact: float | None = pitch / max(1, int(pitch // (LATIN_LEADING * size)))
    else:
        exact = style.exact and style.exact * scale
    return replace(style, size=size, exact=exact, before=style.before * scale,
                   after=style.after * scale, grid=False)


def _referenced(head: Letterhead, reference: str | None, page_top: float,
                source: str) -> Letterhead:
    """A letterhead ``from_reference`` with the picture and lines of the Word file
    ``reference`` where it gives none of its own (as it is, without a file); ThemeError
    where the file cannot be read or its letterhead does not fit above the type area."""
    if reference is None:
        return replace(head, picture=b"", lines=head.lines if head.image or head.lines
                       else ())
    try:
        found = read_letterhead(reference)
    except LetterheadError as exc:
        raise ThemeError([error(("reference_docx",), str(exc))], source) from None
    own = bool(head.image or head.lines)
    taken = head if own else replace(head, picture=found.picture, lines=found.lines)
    picture = head.height if taken.image or taken.picture else 0.0
    misfit = letterhead_fit(head.top, letterhead_height(len(taken.lines), head.size, picture),
                            page_top)
    if misfit:
        raise ThemeError([error(("letterhead",), misfit + f" (the letterhead of {reference})")],
                         source)
    return taken


def _resolve(path: str, base: Path | None) -> str:
    """A font file path relative to the theme file's folder (``#index`` kept)."""
    if base is None:
        return path
    file, sep, index = path.partition("#")
    return str(base / Path(file).expanduser()) + sep + index


def _font(spec: FontSpec, base: Path | None) -> Font:
    """A font role, its own files resolved against the theme's folder."""
    files = {key: _resolve(value, base) if value else None
             for key, value in (("regular_file", spec.regular_file),
                                ("bold_file", spec.bold_file))}
    return Font(spec.east_asian, spec.latin, tuple(spec.alternates), spec.bundled, **files)


def _theme(spec: ThemeSpec, base: Path | None) -> Theme:
    """The writers' Theme from a validated theme file."""
    colours = spec.model_dump(include={"accent", "muted", "rule", "fill", "rise", "fall",
                                       "review", "stale", "draft"})
    masthead = Masthead(**spec.masthead.model_dump()) if spec.masthead else None
    head = spec.letterhead
    letterhead = Letterhead(
        _resolve(head.image, base) if head.image else None, tuple(head.lines), head.font,
        head.size, head.color, head.height, head.align, head.pages, head.top,
        head.from_reference) if head is not None else None
    return Theme(spec.name, Page(**spec.page.model_dump()),
                 {role: _font(font, base) for role, font in spec.fonts.items()},
                 {name: Style(**style.model_dump()) for name, style in spec.styles.items()},
                 PageNumber(**spec.page_number.model_dump()), header_text=spec.header_text,
                 title_page=TitlePage(**spec.title_page.model_dump()), masthead=masthead,
                 letterhead=letterhead,
                 fallbacks=tuple(_resolve(f, base) for f in spec.fallbacks),
                 reference_docx=_resolve(spec.reference_docx, base) if spec.reference_docx
                 else None, web_fonts=spec.web_fonts, **colours)


def _font_file_problems(spec: ThemeSpec, base: Path | None) -> list[Problem]:
    """Errors where a font file or reference document the theme names is not a regular
    file (missing, a folder, a device or FIFO a reader would block on), or a font file is
    not a font ipdocs can read."""
    named: list[tuple[tuple[PathElement, ...], str]] = [
        (("fonts", role, key), file) for role, font in spec.fonts.items()
        for key, file in (("regular_file", font.regular_file), ("bold_file", font.bold_file))
        if file]
    named += [(("fallbacks", index), file) for index, file in enumerate(spec.fallbacks)]
    named += [(("reference_docx",), spec.reference_docx)] if spec.reference_docx else []
    image = spec.letterhead.image if spec.letterhead else None
    named += [(("letterhead", "image"), image)] if image else []
    problems = []
    for where, file in named:
        name, _, index = _resolve(file, base).partition("#")
        path = Path(name)
        if not path.is_file():
            what = "reference document" if where == ("reference_docx",) else \
                "letterhead image" if where == ("letterhead", "image") else "font file"
            problems.append(error(where, f"{what} {str(path)!r}: "
                                         + ("not a regular file" if path.exists()
                                            else "no such file")))
            continue
        if where == ("reference_docx",):
            continue  # a Word document, read when the DOCX is written
        if where == ("letterhead", "image"):
            if not _picture(path):
                problems.append(error(where, f"letterhead image {str(path)!r}: not a PNG or "
                                             "JPEG file"))
            continue
        damaged = _damaged(path, int(index) if index.isdigit() else 0)
        if damaged:
            problems.append(error(where, f"font file {str(path)!r}: {damaged}"))
    return problems


PICTURE_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")
"""How a PNG and a JPEG file begin."""


def _picture(path: Path) -> bool:
    """Whether the file at ``path`` begins as a PNG or a JPEG does."""
    with path.open("rb") as file:
        return file.read(8).startswith(PICTURE_SIGNATURES)


def _damaged(path: Path, index: int) -> str | None:
    """Why the font file at ``path`` cannot be read (truncated, not a font), or None: its
    table directory and character map are read, and every table must lie in the file."""
    from fontTools.ttLib import TTFont

    try:
        size = path.stat().st_size
        with TTFont(path, fontNumber=index, lazy=True) as font:
            for tag, entry in getattr(font.reader, "tables", {}).items():
                if entry.offset + entry.length > size:
                    return (f"truncated: its {tag.strip()} table ends beyond the file's "
                            f"{size:,} bytes")
            font.getBestCmap()
    except Exception as exc:  # fontTools raises many kinds on a damaged file
        return f"not a font ipdocs can read ({type(exc).__name__}: {str(exc)[:80]})"
    return None


def theme_from_data(data: Any, source: str, base: Path | None = None,
                    marks: Marks | None = None) -> Theme:
    """Build a Theme from parsed YAML; ThemeError listing every problem, located by
    ``marks`` where given. Font file paths are taken relative to ``base`` (the theme
    file's folder), and must be files."""
    from ipdocs.themes.schema import check_theme  # only a theme validated needs pydantic

    spec, problems = check_theme(data)
    if spec is not None:
        problems = _font_file_problems(spec, base)
    if spec is None or problems:
        raise ThemeError([locate(p, marks or {}) for p in problems], source)
    theme = replace(_theme(spec, base), source=source)
    return theme.with_reference(theme.reference_docx) if theme.reference_docx else theme


def _read(name_or_path: str | Path) -> tuple[str, str, Path | None]:
    """The source name, text and folder of a built-in theme or a theme file."""
    if str(name_or_path) in BUILT_IN:
        source = f"{name_or_path}.yaml"
        text = resources.files("ipdocs.themes").joinpath(source).read_text(encoding="utf-8")
        return source, text, None
    path = Path(name_or_path)
    if not path.exists():
        path = Path(_installed(str(name_or_path)))
    try:
        return str(path), read_text(path), path.parent
    except InputError as exc:
        raise ThemeError([error((), exc.message).at(exc.line, exc.column)], str(path)) from None


def _installed(name: str) -> str:
    """The file of the theme an installed package calls ``name`` (entry point group
    ``ipdocs.themes``); ThemeError if there is none or it cannot be used."""
    try:
        return installed_file("themes", name, BUILT_IN)
    except PluginError as exc:
        raise ThemeError([error((), str(exc))]) from None


def load_theme(name_or_path: str | Path) -> Theme:
    """A built-in theme by name, or a theme YAML file by path; ThemeError listing every
    problem with its line and field. A built-in theme whose file is the one
    ``themes.built`` was made from is taken from there (``_built``)."""
    source, text, base = _read(name_or_path)
    built = _built(source, text) if base is None else None
    return built if built is not None else theme_from_text(text, source, base)


def theme_from_text(text: str, source: str, base: Path | None = None) -> Theme:
    """The theme a theme file's ``text`` holds, validated (``theme_from_data``; its
    problems located in ``text``); ``source`` names it in messages, ``base`` is its
    folder (None for a built-in theme)."""
    data, marks, problems = read_yaml(text, exact=False)
    if problems:
        raise ThemeError(problems, source)
    return theme_from_data(data, source, base, marks)


def _built(source: str, text: str) -> Theme | None:
    """The built-in theme ``source`` as ``themes.built`` holds it, made afresh, where
    ``text`` is the text of the file it was made from; else None (the file changed since:
    it is validated as any theme is). A build with a built-in theme then neither imports
    the theme schema's pydantic models nor checks the file again: some 9 ms of a cold
    process."""
    from ipdocs.themes.built import BUILT

    kept = BUILT.get(source)
    if kept is None or kept[0] != text_digest(text):
        return None
    return kept[1]()
