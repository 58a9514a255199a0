"""The DOCX package: every part listed in [Content_Types].xml, members at fixed times, the
same bytes each time."""

import io
import re
import zipfile

from ipdocs.doc import Document, Metadata, Paragraph, Span
from ipdocs.themes import load_theme
from ipdocs.writers.docx import render_docx


def document() -> Document:
    """A one-paragraph document."""
    return Document(Metadata("T", "en-GB"), (Paragraph((Span("Only a paragraph."),), "en"),))


def test_the_package_lists_every_part_and_is_the_same_each_time() -> None:
    theme = load_theme("briefing")
    first, second = render_docx(document(), theme), render_docx(document(), theme)
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as package:
        names = package.namelist()
        assert names[:2] == ["[Content_Types].xml", "_rels/.rels"]
        types = package.read("[Content_Types].xml").decode()
        overrides = re.findall(r'PartName="/([^"]+)"', types)
        assert overrides == sorted(overrides) and "word/document.xml" in overrides
        assert set(overrides) <= set(names)
        assert {info.date_time for info in package.infolist()} and all(
            info.date_time == package.infolist()[0].date_time for info in package.infolist())
