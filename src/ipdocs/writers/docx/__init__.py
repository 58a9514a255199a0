"""The DOCX writer (python-docx): a document tree and a theme into Word bytes."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from docx.document import Document as DocxDocument

from ipdocs.bundled import BUNDLED
from ipdocs.doc import Bilingual, Block, Document, Heading
from ipdocs.themes import Theme
from ipdocs.writers.docx.blocks import Writer, write_blocks
from ipdocs.writers.docx.fonts import declare_fonts, embed
from ipdocs.writers.docx.page import EPOCH, set_geometry, set_header_footer, set_properties
from ipdocs.writers.docx.revisions import Revisions, track_changes_on
from ipdocs.writers.docx.styles import apply_theme
from ipdocs.writers.docx.template import blank
from ipdocs.writers.docx.zips import package_bytes
from ipdocs.writers.subsets import embedded_text


def headings(blocks: Sequence[Block]) -> Iterator[Heading]:
    """Every heading of the tree in order, those inside bilingual pairs included."""
    for block in blocks:
        if isinstance(block, Heading):
            yield block
        elif isinstance(block, Bilingual):
            yield from headings(block.zh)
            yield from headings(block.en)


def embed_fonts(document: DocxDocument, doc: Document, theme: Theme) -> None:
    """Declare the theme's fonts with their alternates; embed the bundled faces it falls back on.

    A reader without the named fonts (仿宋_GB2312 is rarely installed outside China) then
    sets the text in the bundled Simplified Chinese faces instead of a Japanese one.
    """
    declare_fonts(document, {f.east_asian: f.alternates for f in theme.fonts.values()})
    text = embedded_text(doc, theme)
    roles = sorted({f.bundled for f in theme.fonts.values()})
    latin = {f.latin for f in theme.fonts.values()}
    for family in (BUNDLED[role] for role in roles):
        faces = {"Regular": family.regular, "Bold": family.bold}
        embed(document, family.name, faces, text)
        if family.latin_name in latin:
            faces = {"Regular": family.latin_regular, "Bold": family.latin_bold}
            embed(document, family.latin_name, faces, text)


def render_docx(doc: Document, theme: Theme) -> bytes:
    """The Word file of ``doc`` set in ``theme``."""
    lang = "zh" if doc.metadata.lang.startswith("zh") else "en"
    document = blank(theme, lang)
    apply_theme(document, theme)
    set_geometry(document, theme)
    set_header_footer(document, theme, doc)
    set_properties(document, doc)
    embed_fonts(document, doc, theme)
    width = theme.page.width - theme.page.inside - theme.page.outside
    body = document.element.body
    for paragraph in list(body.iterchildren()):
        if paragraph.tag.endswith("}p"):
            body.remove(paragraph)
    writer = Writer(theme, tuple(headings(doc.blocks)), width, document=document,
                    revisions=Revisions(document.core_properties.created or EPOCH))
    write_blocks(doc.blocks, document, writer)
    if writer.revisions.count:
        track_changes_on(document)
    return package_bytes(document.part.package)
