"""A theme file as a pydantic model: every value checked, every problem located at once.

Closed vocabularies: style names (``STYLE_NAMES``), colours (six hex digits or a colour
role such as ``accent``), alignments, bundled faces; sizes and lengths are numbers within
a range. The writers see only the plain dataclasses of ``ipdocs.themes``, built from
this once it has passed.
"""

# No ``from __future__ import annotations``: pydantic reads each field's type as the
# object itself rather than compiling and evaluating its text at import.

from typing import Annotated, Any, Literal

from ipdocs.base.inputs import text_problem
from ipdocs.base.patterns import pydantic_imported
from ipdocs.base.problems import Problem, error, validation_problems
from ipdocs.themes.measures import (
    COLOUR_ROLES as COLOUR_ROLES,
)
from ipdocs.themes.measures import (
    LETTERHEAD_GAP as LETTERHEAD_GAP,
)
from ipdocs.themes.measures import (
    LETTERHEAD_LEADING as LETTERHEAD_LEADING,
)
from ipdocs.themes.measures import (
    MM_PER_POINT,
    letterhead_fit,
    letterhead_height,
)

with pydantic_imported():  # imported at less cost (``base.patterns``)
    from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

STYLE_NAMES = ("body", "lead", "note", "title", "subtitle", "cover-line", "heading-1",
               "heading-2", "heading-3", "heading-4", "caption", "table-header", "table-cell",
               "key-value", "key-label", "key-change", "toc-title", "toc-entry", "header")
"""The paragraph styles the document tree names; a theme may leave any but ``body`` out."""

BUNDLED_FACES = ("serif", "sans", "fang", "kai", "song-bold")
"""The bundled families a font role substitutes in the PDF."""

Hex = Annotated[str, Field(pattern=r"^[0-9A-Fa-f]{6}$", description="six hex digits: 1F5C7A")]
Points = Annotated[float, Field(strict=True, gt=0, le=200, description="points")]
Spacing = Annotated[float, Field(strict=True, ge=0, le=200, description="points")]
Millimetres = Annotated[float, Field(strict=True, ge=0, le=2000, description="millimetres")]


def _name(value: str) -> str:
    """A font name: printable, no control characters, at most 100 characters."""
    problem = text_problem(value)
    if problem:
        raise ValueError(problem)
    if not value.strip() or len(value) > 100:
        raise ValueError("a font name is 1 to 100 characters")
    return value


def colour(value: str | None) -> str | None:
    """Hex digits or a colour role (ValueError for anything else)."""
    if value is None or value in COLOUR_ROLES or (
            len(value) == 6 and all(c in "0123456789abcdefABCDEF" for c in value)):
        return value
    raise ValueError(f"colour {value!r} is neither six hex digits (1F5C7A) nor one of "
                     f"{', '.join(COLOUR_ROLES)}")


def _new_list() -> list[Any]:
    """A new empty list, a list field's default factory: pydantic reads the signature of
    a function of ours without tokenizing the built-in ``list``'s text signature
    (``model.base.new_list``)."""
    return []


class _Part(BaseModel):
    """Every part of a theme: immutable, unknown fields refused, no type coercion."""

    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)


class FontSpec(_Part):
    """A font role: names for Word, the bundled face (or own files) for the PDF."""

    east_asian: str
    latin: str
    alternates: list[str] = Field(default_factory=_new_list)
    bundled: Literal["serif", "sans", "fang", "kai", "song-bold"] = "serif"
    regular_file: str | None = None
    bold_file: str | None = None

    _names = field_validator("east_asian", "latin")(_name)

    @field_validator("alternates")
    @classmethod
    def _alternates(cls, names: list[str]) -> list[str]:
        """Each alternate is a font name too."""
        return [_name(name) for name in names]


class StyleSpec(_Part):
    """A paragraph style."""

    font: str
    size: Points
    bold: bool = False
    italic: bool = False
    line: Annotated[float, Field(strict=True, gt=0, le=10)] | None = None
    exact: Points | None = None
    before: Spacing = 0
    after: Spacing = 0
    align: Literal["left", "center", "right", "justify"] = "left"
    indent_zh: Annotated[float, Field(strict=True, ge=0, le=10)] = 0
    indent_latin: Annotated[float, Field(
        strict=True, ge=0, le=10, description="first-line indent of text that is not Han, "
        "in ems (where paragraphs have no space between them)")] = 0
    color: str | None = Field(None, description="six hex digits, or accent, muted, rule, "
                                                "fill, rise, fall, review, stale, draft")
    grid: bool = Field(False, description="set on the page's character grid (chars_per_line)")

    _colour = field_validator("color")(lambda value: colour(value))


class PageSpec(_Part):
    """Page geometry in millimetres."""

    width: Annotated[float, Field(strict=True, ge=50, le=2000)]
    height: Annotated[float, Field(strict=True, ge=50, le=2000)]
    top: Millimetres
    bottom: Millimetres
    inside: Millimetres
    outside: Millimetres
    header: Millimetres
    footer: Millimetres
    mirror: bool = False
    chars_per_line: Annotated[int, Field(strict=True, ge=10, le=60)] | None = Field(
        None, description="Han characters a line of the type area holds (GB/T 9704: 28)")
    lines_per_page: Annotated[int, Field(strict=True, ge=5, le=100)] | None = Field(
        None, description="lines of the type area (GB/T 9704: 22)")
    latin_fitted: Annotated[float, Field(strict=True, gt=0, le=1)] | None = Field(
        None, description="on a character grid: the fraction of its style's size Latin text "
                          "of a brief fitted to its pages is set at, times the fitting's "
                          "scale (none: the grid's sizes)")


class PageNumberSpec(_Part):
    """How page numbers read and where they stand."""

    format: str = Field("{n}", description="the page number's text, {n} standing for it")
    align: Literal["center", "outside"] = "center"
    size: Points = 9
    font: str = "sans"
    inset: Annotated[float, Field(strict=True, ge=0, le=20)] = Field(
        0, description="characters in from the outside edge of the type area")
    below: Millimetres | None = Field(
        None, description="millimetres from the type area down to the number (GB/T 9704: 7)")

    @field_validator("format")
    @classmethod
    def _format(cls, value: str) -> str:
        """``{n}`` once, and no other brace."""
        problem = text_problem(value)
        if problem:
            raise ValueError(problem)
        rest = value.replace("{n}", "", 1)
        if "{n}" not in value or "{" in rest or "}" in rest:
            raise ValueError("a page number format holds {n} once and no other brace: "
                             "'— {n} —'")
        return value


class TitlePageSpec(_Part):
    """What the first page shows when it is the title page (the document opens with its
    cover)."""

    header: bool = Field(False, description="the running header (it repeats the title)")
    page_number: bool = Field(False, description="the page number (GB/T 9704: yes)")


class MastheadSpec(_Part):
    """A red masthead (发文机关标志) on the first page, above a rule."""

    text: Annotated[str, Field(min_length=1, max_length=60)]
    font: str
    size: Points = 36
    color: Hex = "C00000"
    before: Millimetres = 0
    after: Millimetres = 4
    rule: Annotated[float, Field(strict=True, ge=0, le=10)] = 1.0

    _text = field_validator("text")(_name)


class LetterheadSpec(_Part):
    """The office's letterhead on the PDF's first page (or every page): a picture, lines
    of text, or both, in the margin above the type area, in place of the running header.
    It is page furniture, as in the office's Word template: an artifact of the tagged
    PDF, not read aloud."""

    image: str | None = Field(None, description="a PNG or JPEG file, relative to the theme "
                                                "file")
    lines: list[Annotated[str, Field(min_length=1, max_length=120)]] = Field(
        default_factory=_new_list, description="lines of text under the picture (or alone)")
    font: str = Field("sans", description="the font role the lines are set in")
    size: Points = Field(9, description="the lines' size in points")
    color: str = Field("accent", description="the lines' colour: six hex digits or a "
                                             "colour role")
    height: Annotated[float, Field(strict=True, gt=0, le=100)] = Field(
        12, description="the picture's height in millimetres (its width follows)")
    align: Literal["left", "center", "right"] = "left"
    pages: Literal["first", "every"] = Field("first", description="the first page only, or "
                                                                  "every page")
    top: Millimetres = Field(8, description="millimetres from the paper's top edge")
    from_reference: bool = Field(
        False, description="take the picture and lines the reference_docx's first page "
                           "header shows (--reference-docx), where image and lines are not "
                           "given: the DOCX's letterhead, the same in the PDF")

    _colour = field_validator("color")(lambda value: colour(value))

    @field_validator("lines")
    @classmethod
    def _lines(cls, lines: list[str]) -> list[str]:
        """Each line printable, on one line."""
        for line in lines:
            problem = text_problem(line)
            if problem or "\n" in line:
                raise ValueError(problem or "a letterhead line is one line")
        return lines


class ThemeSpec(_Part):
    """A whole theme file."""

    name: Annotated[str, Field(min_length=1, max_length=100)]
    page: PageSpec
    fonts: dict[str, FontSpec]
    styles: dict[str, StyleSpec]
    page_number: PageNumberSpec = Field(default_factory=PageNumberSpec)
    accent: Hex = "000000"
    muted: Hex = "666666"
    rule: Hex = "999999"
    fill: Hex = "FFFFFF"
    rise: Hex = "000000"
    fall: Hex = "000000"
    review: Hex = Field("FFF3A3", description="ground of a draft's text to review")
    stale: Hex = Field("FEE8E4", description="ground of a draft's values kept from last year")
    draft: Hex = Field("C0392B", description="a draft's mark on every page")
    header_text: bool = True
    title_page: TitlePageSpec = Field(default_factory=TitlePageSpec)
    masthead: MastheadSpec | None = None
    letterhead: LetterheadSpec | None = None
    fallbacks: list[str] = Field(default_factory=_new_list)
    reference_docx: str | None = Field(
        default=None, description="a Word file whose styles, page set-up, headers and "
                                  "footers (a letterhead) the DOCX takes, as pandoc's "
                                  "reference-doc; relative to the theme file")
    web_fonts: Literal["system", "embed"] = Field(
        default="system", description="a web page's faces: the reader's system fonts, or the "
                                      "bundled faces embedded as WOFF2 subsets")

    @field_validator("styles")
    @classmethod
    def _known_styles(cls, styles: dict[str, StyleSpec]) -> dict[str, StyleSpec]:
        """Style names from the closed vocabulary, ``body`` among them."""
        unknown = [name for name in styles if name not in STYLE_NAMES]
        if unknown:
            raise ValueError(f"unknown style {unknown[0]!r}; styles are "
                             f"{', '.join(STYLE_NAMES)}")
        if "body" not in styles:
            raise ValueError("a theme needs a 'body' style")
        return styles


def _references(spec: ThemeSpec) -> list[Problem]:
    """Errors where a style or the page number names a font role the theme lacks, and
    where the margins leave no room for text."""
    problems = []
    for name, style in spec.styles.items():
        if style.font not in spec.fonts:
            problems.append(error(("styles", name, "font"), f"styles.{name} uses unknown font "
                                  f"role {style.font!r}; roles: {', '.join(spec.fonts)}"))
    if spec.masthead is not None and spec.masthead.font not in spec.fonts:
        problems.append(error(("masthead", "font"), f"unknown font role "
                              f"{spec.masthead.font!r}; roles: {', '.join(spec.fonts)}"))
    problems += _letterhead_problems(spec)
    if spec.page_number.font not in spec.fonts:
        problems.append(error(("page_number", "font"), f"unknown font role "
                              f"{spec.page_number.font!r}; roles: {', '.join(spec.fonts)}"))
    page = spec.page
    if page.inside + page.outside >= page.width - 20 or page.top + page.bottom >= \
            page.height - 20:
        problems.append(error(("page",), "the margins leave less than 20 mm for the text"))
    else:
        problems += _sizes_fit(spec)
    return problems


def _letterhead_problems(spec: ThemeSpec) -> list[Problem]:
    """Errors where a letterhead has nothing to show, names a font role the theme lacks,
    or does not fit the margin above the type area."""
    head = spec.letterhead
    if head is None:
        return []
    problems = []
    if not head.image and not head.lines and not head.from_reference:
        problems.append(error(("letterhead",), "a letterhead shows an image, lines, or both "
                                               "(or the reference document's: from_reference)"))
    if head.lines and head.font not in spec.fonts:
        problems.append(error(("letterhead", "font"), f"unknown font role {head.font!r}; "
                                                      f"roles: {', '.join(spec.fonts)}"))
    tall = letterhead_height(len(head.lines), head.size, head.height if head.image else 0.0)
    misfit = letterhead_fit(head.top, tall, spec.page.top)
    if misfit:
        problems.append(error(("letterhead",), misfit))
    return problems


def _sizes_fit(spec: ThemeSpec) -> list[Problem]:
    """Errors where a size cannot fit the page: a style whose line is taller or one
    character wider than the type area, a running header taller than the room above the
    type area, a page number taller than the room below it, a masthead wider than the type
    area. Without them the writers draw off the page with exit 0."""
    page = spec.page
    width = page.width - page.inside - page.outside
    height = page.height - page.top - page.bottom
    problems = []
    for name, style in spec.styles.items():
        size = style.size * MM_PER_POINT
        if size > width or size * (style.line or 1.2) > height:
            problems.append(error(("styles", name, "size"), (
                f"{style.size:g} pt is {size:.0f} mm a character: more than the type area "
                f"({width:g} × {height:g} mm) holds")))
    header = spec.styles.get("header")
    if header is not None and page.header + header.size * MM_PER_POINT > page.top:
        problems.append(error(("styles", "header", "size"), (
            f"a running header of {header.size:g} pt {page.header:g} mm from the top edge "
            f"runs into the type area, which starts {page.top:g} mm down")))
    number = spec.page_number
    offset = page.footer if number.below is None else number.below
    if offset + number.size * MM_PER_POINT > page.bottom:
        problems.append(error(("page_number", "size"), (
            f"a page number of {number.size:g} pt does not fit the {page.bottom:g} mm below "
            "the type area where it stands")))
    if spec.masthead is not None and spec.masthead.size * MM_PER_POINT > width:
        problems.append(error(("masthead", "size"), f"{spec.masthead.size:g} pt is wider "
                              f"than the type area ({width:g} mm)"))
    return problems


def check_theme(data: Any) -> tuple[ThemeSpec | None, list[Problem]]:
    """The validated theme, or None, and every problem, each with its field path."""
    if not isinstance(data, dict):
        return None, [error((), "a theme is a mapping of name, page, fonts and styles")]
    try:
        spec = ThemeSpec.model_validate(data)
    except ValidationError as exc:
        return None, validation_problems(exc.errors(include_url=False))
    problems = _references(spec)
    return (None if problems else spec), problems
