"""The HTML writer: a document tree and a theme into one HTML5 page, the web edition.

Semantic and accessible (landmarks, a skip link, headings in order, tables with captions
and header scopes, key figures as a definition list, charts as SVG described from their
data), set as paper is where CSS can carry it (numbers kept with their units, strict line
breaking, Han first-line indents, hyphenated English), the theme's fonts named with the
reader's system faces after them, or the bundled faces embedded as WOFF2 subsets.
Identical input gives identical bytes.
"""

from __future__ import annotations

from ipdocs.base.collector import paused
from ipdocs.doc import Bilingual, Document, headings
from ipdocs.themes import Theme
from ipdocs.writers.html.blocks import write_blocks
from ipdocs.writers.html.fonts import embedded_faces
from ipdocs.writers.html.markup import Element, serialise, tag
from ipdocs.writers.html.style import stylesheet
from ipdocs.writers.html.words import word
from ipdocs.writers.html.writer import Writer, kept
from ipdocs.writers.subsets import embedded_text

__all__ = ["render_html"]


def _head(html: Element, doc: Document, css: str) -> None:
    """The page's head: its character set, viewport, title, properties and style."""
    head = tag(html, "head")
    tag(head, "meta", charset="utf-8")
    tag(head, "meta", name="viewport", content="width=device-width, initial-scale=1")
    tag(head, "title", doc.metadata.title)
    meta = doc.metadata
    for name, value in (("author", meta.author), ("description", meta.subject),
                        ("keywords", ", ".join(meta.keywords)),
                        ("dcterms.date", meta.date.isoformat() if meta.date else "")):
        if value:
            tag(head, "meta", name=name, content=value)
    if meta.draft:
        tag(head, "meta", name="robots", content="noindex")
    tag(head, "style", css)


def _anchors(doc: Document, w: Writer) -> None:
    """Give every heading its id (its anchor where it has one), for the contents."""
    for number, node in enumerate(headings(doc.blocks), 1):
        w.toc.append((node, w.unique(node.anchor or f"section-{number}")))


def _body(html: Element, doc: Document, w: Writer) -> None:
    """The page's body: a skip link, the draft's mark, the masthead, the blocks."""
    body = tag(html, "body", class_="is-draft" if doc.metadata.draft else "")
    main_id = w.unique("main")
    tag(body, "a", word("skip", doc.main), class_="skip", href=f"#{main_id}")
    if doc.metadata.draft:  # the tree's own note says what the marks mean
        tag(tag(body, "header"), "p", doc.metadata.draft, class_="draft")
    parallel = any(isinstance(b, Bilingual) for b in doc.blocks)
    main = tag(body, "main", id=main_id, class_="parallel" if parallel else "")
    if w.theme.masthead is not None:
        kept(tag(main, "p", class_="masthead"), w.theme.masthead.text)
    if not doc.title_page:  # no cover to hold the page's h1: the title is it
        kept(tag(main, "h1", class_="s-title"), doc.metadata.title)
        w.titled = True
    write_blocks(doc.blocks, w, main)


def render_html(doc: Document, theme: Theme) -> bytes:
    """The web page of ``doc`` set in ``theme``, made with the cyclic garbage collector
    paused (``base.collector``)."""
    with paused():
        return _page_bytes(doc, theme)


def _page_bytes(doc: Document, theme: Theme) -> bytes:
    """``render_html``'s work."""
    w = Writer(theme, doc.languages, lang=doc.main.tag)
    _anchors(doc, w)
    html = tag(None, "html", lang=doc.main.tag)
    latin = [x.tag.split("-")[0] for x in doc.languages if not x.han]
    if theme.web_fonts == "embed":
        faces = embedded_faces(theme, embedded_text(doc, theme), latin=bool(latin))
        css = stylesheet(theme, latin, faces.families, faces.rules)
    else:
        css = stylesheet(theme, latin)
    _head(html, doc, css)
    _body(html, doc, w)
    return serialise(html)
