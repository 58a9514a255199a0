"""What the PDF writer's block functions share: the writer's state (theme, fonts, the
frame's width, the structure tree, characters no font covers) and text set in a theme
style as a TextBlock (script runs, amounts kept whole, every character's font checked)."""

from __future__ import annotations

import itertools
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import field, replace
from pathlib import Path
from typing import Any

from reportlab.platypus import TableStyle

from ipdocs.base.kept import keep, recall, remembered
from ipdocs.base.records import datarecord
from ipdocs.doc import SHIPPED_LANGUAGES, Language, find_language, spans_of
from ipdocs.themes import Style, Theme
from ipdocs.writers.looks import LINK_COLOR, first_line_indent
from ipdocs.writers.pdf.fonts import Face, Fonts
from ipdocs.writers.pdf.linebreak import AMBIGUOUS, Run, latin_context
from ipdocs.writers.pdf.tagging import Element, StructTree
from ipdocs.writers.pdf.text import Look, Shape, TextBlock
from ipdocs.writers.spacing import line_height, tracking
from ipdocs.writers.typeset import RUNNING_TEXT
from ipdocs.writers.typeset import pieces as kept_pieces


@datarecord
class Writer:
    """What block functions share: theme, fonts, the frame width, problems found."""

    theme: Theme
    fonts: Fonts
    width: float
    problems: list[str] = field(default_factory=list)
    uncovered: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    """By the font that lacks them, the characters no font of the theme covers, each with
    the texts it stands in (one message a font: ``check``)."""
    gaps: dict[tuple[str, bool, bool], dict[str, list[str]]] = field(default_factory=dict)
    """The same by font role, weight and whether in a chart's label (``Gap``)."""
    in_cell: bool = False
    languages: Sequence[Language] = SHIPPED_LANGUAGES
    """The document's languages (``Document.languages``)."""
    tags: StructTree = field(default_factory=StructTree)
    """The structure tree of the document (tagged PDF), in the order blocks are made."""
    cut_settings: dict[tuple[Any, ...], tuple[Any, ...]] = field(default_factory=dict)
    """What cutting a text in a style, language and weights depends on beyond the text
    (the key ``looks_runs`` remembers cuts by, made once a style for this writer)."""
    block_styles: dict[tuple[str, str, str | None, float], tuple[Style, Shape]] = field(
        default_factory=dict)
    """The style and shape of a text block by its theme style's name, language, alignment
    and scale (``text_block``), made once for this writer."""

    def language(self, code: str) -> Language:
        """What the writer needs to know of a node's language."""
        return find_language(self.languages, code)

    def element(self, role: str, lang: str = "", parent: Element | None = None, *,
                alt: str = "", scope: str = "") -> Element:
        """A new structure element of type ``role`` under ``parent`` (the document's by
        default), its text in the language ``lang`` (a code), with its alternative text or
        a header cell's scope."""
        tag_ = self.language(lang).tag if lang else ""
        return (parent or self.tags.root).add(role, tag_, alt=alt, scope=scope)

    def table_style(self, *commands: tuple[Any, ...]) -> TableStyle:
        """A table style whose cells default to a bundled face, never unembedded Helvetica."""
        face = self.fonts.face(self.theme.style("table-cell").font).name
        return TableStyle([("FONTNAME", (0, 0), (-1, -1), face), *commands])


@datarecord(frozen=True)
class Piece:
    """Text with its own look within a paragraph."""

    text: str
    bold: bool = False
    color: str | None = None
    highlight: str | None = None
    keep: bool = False
    italic: bool = False
    link: str | None = None
    lang: str = ""
    """The code of the piece's language where it is not its block's."""


def said(text: str, lang: str, **look: Any) -> tuple[str, list[Piece]]:
    """The language of the element that holds ``text`` (a code) and its pieces in
    ``look``: a text in one language (a plain string, or a ``Mixed`` one whose pieces
    share one) is one piece in the element's; a text in several is in the node's
    language ``lang``, each piece in another marked with its own (tagged as a Span)."""
    spans = spans_of(text)
    langs = {span.lang or lang for span in spans if span.text.strip()}
    if len(langs) <= 1:
        return (langs.pop() if langs else lang), [Piece(text, **look)]
    return lang, [Piece(span.text, **look, lang=span.lang if span.lang and span.lang != lang
                        else "") for span in spans if span.text]


def _stretches(text: str, language: Language) -> list[tuple[str, bool]]:
    """``text`` in stretches, each with whether the Latin face may set it: all of text not
    set as Han; in Han text, punctuation such as ’ and … inside Latin words."""
    if not language.han:
        return [(text, True)]
    if AMBIGUOUS.isdisjoint(text):  # no mark Latin text may take: all of it Han's
        return [(text, False)] if text else []
    stretches: list[tuple[str, bool]] = []
    start = 0
    for latin, group in itertools.groupby(latin_context(text)):  # a mark per character
        end = start + sum(1 for _ in group)
        stretches.append((text[start:end], latin))
        start = end
    return stretches


class _HashedOnce(tuple[Any, ...]):
    """A tuple that works its hash out once: a cut's setting, part of the key of every
    text cut in it (its style, faces and fallbacks hashed anew for each text otherwise).
    Equal to, and hashed as, the plain tuple."""

    _hash: int

    def __hash__(self) -> int:
        try:
            return self._hash
        except AttributeError:
            self._hash = tuple.__hash__(self)
            return self._hash

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled without its hash (another process hashes strings differently)."""
        return (_HashedOnce, (tuple(self),))


LOOKS_KEPT = 8192
"""Runs and looks remembered (``looks_runs``): a rebuild of the same report (``ipdocs
watch``) cuts again only the texts that changed."""
_LOOKS: OrderedDict[tuple[Any, ...], tuple[list[Run], list[Look]]] = OrderedDict()


SETTINGS_KEPT = 32
"""Cut settings remembered across writers (``cut_setting``)."""
_SETTINGS: OrderedDict[tuple[Any, ...], tuple[Any, ...]] = OrderedDict()


def cut_setting(style: Style, lang: str, bolds: tuple[bool, bool], w: Writer
                ) -> tuple[Any, ...]:
    """What cutting a text in ``style``, ``lang`` and ``bolds`` (the style's and whether
    a piece is bold) depends on beyond the text: the style, the language, the colour and
    tracking the theme gives the style, the faces it may be set in (each a subset to the
    document's characters) and the fallbacks; made once a style for the writer, and
    the very object an earlier writer made where equal to it (``_SETTINGS``): a text
    cut before is then found in ``_LOOKS`` without comparing its setting's parts again
    (the faces' coverage, the document's characters) as each new document's writer
    would."""
    setting = w.cut_settings.get((style, lang, bolds))
    if setting is None:
        made = _HashedOnce((
            style, w.language(lang), w.theme.color(style.color), tracking(w.theme, style),
            w.fonts.text, w.fonts.fallbacks,
            tuple((w.fonts.face(style.font, b), w.fonts.face(style.font, b, latin=True))
                  for b in sorted(set(bolds)))))
        setting = w.cut_settings[style, lang, bolds] = remembered(
            _SETTINGS, made, lambda: made, SETTINGS_KEPT)
    return setting


def looks_runs(pieces: Sequence[Piece], style: Style, lang: str, w: Writer
                ) -> tuple[list[Run], list[Look]]:
    """Runs and looks for pieces in ``style`` (see ``_cut``), remembered by everything
    they are made of: the pieces, the style, the language, the colour and tracking the
    theme gives the style, the faces it may be set in (each a subset to the document's
    characters) and the fallbacks. Pieces with a character no font has are cut afresh
    each time (their problem is noted for each document)."""
    bolds = (style.bold, any(p.bold for p in pieces))
    setting = cut_setting(style, lang, bolds, w)
    key = (tuple(pieces), setting)
    made = recall(_LOOKS, key)
    if made is None:
        faces = dict(zip(sorted(set(bolds)), setting[-1], strict=True))
        runs, looks, lacking = _cut(pieces, style, lang, w, faces)
        made = runs, looks
        if not lacking:
            keep(_LOOKS, key, made, LOOKS_KEPT)
    return list(made[0]), list(made[1])


def _cut(pieces: Sequence[Piece], style: Style, lang: str, w: Writer,
         faces: dict[bool, tuple[Face, Face]]) -> tuple[list[Run], list[Look], bool]:
    """Runs and looks for pieces in ``style``, checking that every character is covered;
    amounts kept whole (``typeset.kept``) in runs that no line break falls inside; and
    whether some character is covered by no font (noted as a problem). ``faces``: the
    style's face and Latin face by weight (``cut_setting``'s, the writer's fonts')."""
    looks: list[Look] = []
    places: dict[tuple[Any, ...], int] = {}  # each look's place, by its fields
    runs: list[Run] = []
    color = w.theme.color(style.color) or "000000"
    text = "".join(p.text for p in pieces)
    lacking = False
    spacing = tracking(w.theme, style) if pieces else 0.0
    language = w.language(lang) if pieces else None
    for piece in pieces:
        face, latin = faces[piece.bold or style.bold]
        assert language is not None
        stretches = _stretches(piece.text, language)
        uses_latin = any(flag for _, flag in stretches)
        missing = w.fonts.missing(piece.text, [face, *([latin] if uses_latin else [])])
        lacking = lacking or bool(missing)
        if missing:
            note_uncovered(w, missing, f"not {font_name(w.theme, style.font)}, the "
                                       "theme's fallbacks or this machine's", text,
                           (style.font, piece.bold or style.bold, False))
        shade = piece.color or (LINK_COLOR if piece.link else color)
        tag: str | None = None
        for part, flag in stretches:
            for bit, whole in [(part, True)] if piece.keep else kept_pieces(part):
                for chosen, stretch in w.fonts.pieces(bit, face, latin if flag else None):
                    if tag is None:
                        tag = w.language(piece.lang).tag if piece.lang and piece.lang != lang \
                            else ""
                    fields = (chosen, style.size, shade, piece.highlight, spacing,
                              piece.italic, piece.link, tag)
                    place = places.get(fields)  # equal fields, equal looks
                    if place is None:
                        place = places[fields] = len(looks)
                        looks.append(Look(*fields))
                    runs.append(Run(stretch, place, whole, chosen == latin))
    if not looks:
        looks.append(Look(w.fonts.face(style.font, style.bold), style.size, color))
    return runs, looks, lacking


def text_shape(style: Style, language: Language, align: str | None = None,
               grid: bool = False, fill: bool = True) -> Shape:
    """Paragraph geometry from a theme style: Han text takes the style's first-line
    indent; text that hyphenates may be hyphenated (with its locale's dictionary);
    ``grid``: on the character grid; ``fill``: loose lines filled by hyphenating
    (running text)."""
    leading = line_height(style)
    indent = first_line_indent(style, language)
    return Shape(leading, align or style.align, indent, style.before, style.after,
                 hyphenate=language.hyphenates, dictionary=language.dictionary or "en_US",
                 grid=grid, fill=fill)


def text_block(pieces: Sequence[Piece], style_name: str, lang: str, w: Writer,
               align: str | None = None, scale: float = 1.0) -> TextBlock:
    """A TextBlock of pieces set in the theme style ``style_name`` (its size times
    ``scale``), or its Latin variant where ``lang`` is not Han (``Theme.for_script``)."""
    made = w.block_styles.get((style_name, lang, align, scale))
    if made is None:
        style = w.theme.style(w.theme.for_script(style_name, w.language(lang).han))
        if scale != 1.0:
            style = replace(style, size=style.size * scale,
                            exact=style.exact * scale if style.exact else None)
        grid = bool(style.grid and w.theme.page.chars_per_line)
        made = w.block_styles[style_name, lang, align, scale] = (
            style, text_shape(style, w.language(lang), align, grid,
                              style_name in RUNNING_TEXT))
    style, shape = made
    runs, looks = looks_runs(pieces, style, lang, w)
    return TextBlock(runs, looks, shape)


def font_name(theme: Theme, role: str) -> str:
    """A theme's font role as a message names it: its role and file or family."""
    font = theme.fonts.get(role)
    if font is None:
        return f"font {role!r}"
    named = Path(font.regular_file).name if font.regular_file else font.east_asian
    return f"font {role!r} ({named})"


def note_uncovered(w: Writer, chars: Sequence[str], font: str, text: str,
                   role: tuple[str, bool, bool] | None = None) -> None:
    """Remember that no font has ``chars`` in ``text``; ``font`` says which were tried,
    ``role`` which font role (with its weight, and whether in a chart's label) lacks them."""
    for found in (w.uncovered.setdefault(font, {}),
                  *([w.gaps.setdefault(role, {})] if role else [])):
        for char in chars:
            found.setdefault(char, [])
            if text not in found[char]:
                found[char].append(text)
