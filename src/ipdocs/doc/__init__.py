"""The document tree: one closed vocabulary of format-neutral nodes.

Builders make it from a report; writers turn it into DOCX or PDF. It imports nothing from
the project: every string in it is already localised, every number already formatted.
"""

from ipdocs.doc.nodes import (
    SHIPPED_LANGUAGES,
    Align,
    Bilingual,
    Block,
    Cell,
    Chart,
    Column,
    Contents,
    Cover,
    Direction,
    Document,
    Heading,
    Inline,
    ItemList,
    KeyFigure,
    KeyFigures,
    Language,
    Metadata,
    NoteRef,
    PageBreak,
    Paragraph,
    Series,
    Span,
    Table,
    find_language,
)
from ipdocs.doc.serial import from_json, to_json
from ipdocs.doc.walk import characters, strings

__all__ = [
    "SHIPPED_LANGUAGES",
    "Align",
    "Bilingual",
    "Block",
    "Cell",
    "Chart",
    "Column",
    "Contents",
    "Cover",
    "Direction",
    "Document",
    "Heading",
    "Inline",
    "ItemList",
    "KeyFigure",
    "KeyFigures",
    "Language",
    "Metadata",
    "NoteRef",
    "PageBreak",
    "Paragraph",
    "Series",
    "Span",
    "Table",
    "characters",
    "find_language",
    "from_json",
    "strings",
    "to_json",
]
