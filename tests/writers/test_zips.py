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


def test_stored_keeps_every_member_and_its_bytes_stored() -> None:
    from ipdocs.writers.docx.zips import stored

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("a.xml", b"<a>" + b"x" * 5000 + b"</a>")
        z.writestr("b/c.bin", bytes(range(256)))
    out = zipfile.ZipFile(io.BytesIO(stored(buffer.getvalue())))
    assert out.namelist() == ["a.xml", "b/c.bin"]
    assert {i.compress_type for i in out.infolist()} == {zipfile.ZIP_STORED}
    source = zipfile.ZipFile(buffer)
    assert all(out.read(n) == source.read(n) for n in source.namelist())
