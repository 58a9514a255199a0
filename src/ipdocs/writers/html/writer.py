"""What the HTML writer's block functions share: the writer's state, and text appended
with its numbers kept whole and its Han–Latin gaps marked."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import field

from ipdocs.base.records import datarecord
from ipdocs.doc import SHIPPED_LANGUAGES, Heading, Language, Mixed, find_language
from ipdocs.themes import Theme
from ipdocs.writers.html.markup import Element, tag, text
from ipdocs.writers.typeset import han_latin_gaps, kept_runs


@datarecord
class Writer:
    """What block functions share: the theme, the languages, the language of the element
    being filled, the ids given so far and the headings the contents list."""

    theme: Theme
    languages: Sequence[Language] = SHIPPED_LANGUAGES
    lang: str = ""
    """The tag the element being filled is in (inherited by what goes in it)."""
    ids: set[str] = field(default_factory=set)
    toc: list[tuple[Heading, str]] = field(default_factory=list)
    """The headings with their ids, in order, given before the blocks are written."""
    written: int = 0
    """How many headings have been written."""
    titled: bool = False
    """Whether the page's h1 (a cover's title) has been written."""
    section: str = ""
    """The text of the last heading written (what a table without a caption is of)."""

    def language(self, code: str) -> Language:
        """What the writer needs to know of a node's language."""
        return find_language(self.languages, code)

    def lang_of(self, code: str) -> str:
        """The ``lang`` attribute an element in ``code`` needs: its tag where it differs
        from the language around it, else nothing."""
        tag_ = self.language(code).tag
        return "" if tag_ == self.lang else tag_

    def unique(self, wanted: str) -> str:
        """``wanted`` as an id no element has yet (a number added where it is taken)."""
        candidate, count = wanted, 1
        while candidate in self.ids:
            count += 1
            candidate = f"{wanted}-{count}"
        self.ids.add(candidate)
        return candidate


def spaced(parent: Element, value: str) -> None:
    """``value`` appended to ``parent`` with an empty ``as`` span wherever a Han character
    meets a Latin letter or digit (``typeset.han_latin_gaps``): where the browser has no
    ``text-autospace``, the style sheet makes each a quarter-em gap, as on paper."""
    at = 0
    for gap in han_latin_gaps(value):
        text(parent, value[at:gap])
        tag(parent, "span", class_="as")
        at = gap
    text(parent, value[at:])


def kept(parent: Element, value: str) -> None:
    """``value`` appended to ``parent``, each number kept with its unit and qualifier
    (``writers.typeset.kept_runs``) in a span that never breaks."""
    at = 0
    for start, end in kept_runs(value):
        spaced(parent, value[at:start])
        spaced(tag(parent, "span", class_="n"), value[start:end])
        at = end
    spaced(parent, value[at:])


def said(parent: Element, value: str, lang: str, w: Writer,
         put: Callable[[Element, str], None] | None = None) -> None:
    """``value`` appended to ``parent`` (by ``put``, ``kept`` unless given), a text in
    the language ``lang`` (a code); each piece of a ``Mixed`` text in another language
    in a span with its own ``lang``."""
    put = put or kept
    if not isinstance(value, Mixed):
        put(parent, value)
        return
    for span in value.spans:
        code = span.lang or lang
        put(tag(parent, "span", lang=w.language(code).tag) if code != lang else parent,
            span.text)
