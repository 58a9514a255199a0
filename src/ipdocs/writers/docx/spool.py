"""The document's body written out as it goes: each block's XML serialised to bytes once
written and dropped from the tree, spliced back into ``word/document.xml`` at saving.

python-docx holds the whole document as one lxml tree, some 6 MB of C memory for each
copy of a report the size of Ningbo's (its ``document.xml`` is 430 kB): a report fifty
times that size would hold 300 MB at once. The body's blocks never look back at those
before them (contents, numbering and bookmarks are decided before they are written), so
each can be serialised as soon as it is finished. The bytes are those python-docx would
write for the whole tree: an element serialises the same inside its parent or alone
under the same namespace declarations.
"""

from __future__ import annotations

from typing import Any

from docx.oxml.ns import qn
from lxml import etree

_BODY_OPEN = b"<w:body>"
_BODY_EMPTY = b"<w:body/>"
_BODY_CLOSE = b"</w:body>"


class BodySpool:
    """The serialised blocks of a document's body, in order (``flush`` after each)."""

    def __init__(self, body: Any) -> None:
        self.body = body
        self.chunks: list[bytes] = []

    def flush(self) -> None:
        """Serialise the blocks the body holds (all but its closing section properties)
        and remove them from the tree."""
        body = self.body
        last = body[-1] if len(body) else None
        ending = last if last is not None and last.tag == qn("w:sectPr") else None
        if ending is not None:
            body.remove(ending)
        if len(body):
            # the body alone carries its ancestors' namespace declarations on its start
            # tag; its children serialise as they would in the whole document
            xml = etree.tostring(body, encoding="UTF-8", xml_declaration=False)
            self.chunks.append(xml[xml.index(b">") + 1:-len(_BODY_CLOSE)])
            # by slice, with no proxy of its own for each block: lxml can then free
            # blocks no Python object still refers to at once, rather than walk each
            # to move it to a document of its own
            del body[:]
        if ending is not None:
            body.append(ending)

    def document_xml(self, part_xml: bytes) -> bytes:
        """``word/document.xml`` whole: the part as python-docx serialises it
        (``part_xml``: its body holding what was written after the last ``flush``, and
        the section properties), the flushed blocks put back at the body's start."""
        blocks = b"".join(self.chunks)
        at = part_xml.find(_BODY_OPEN)
        if at >= 0:
            at += len(_BODY_OPEN)
            return part_xml[:at] + blocks + part_xml[at:]
        at = part_xml.index(_BODY_EMPTY)
        return part_xml[:at] + _BODY_OPEN + blocks + _BODY_CLOSE + \
            part_xml[at + len(_BODY_EMPTY):]
