"""The DOCX package: every part listed in [Content_Types].xml, members at fixed times, the
same bytes each time."""

import io
import re
import weakref
import zipfile
from pathlib import Path

import pytest

from ipdocs.doc import Document, Metadata, Paragraph, Span
from ipdocs.themes import load_theme
from ipdocs.writers.docx import render_docx
from ipdocs.writers.docx.adapter import PYTHON_DOCX_ITER_PARTS
from ipdocs.writers.docx.template import blank
from ipdocs.writers.docx.zips import iter_parts, let_go, package_bytes
from tests.conftest import fresh_python


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


def test_the_parts_are_walked_in_python_docx_order() -> None:
    """``iter_parts`` (python-docx's, replaced) gives each part once, in the order
    python-docx's own walk of the relationships first reaches it."""
    package = blank(load_theme("official"), ("zh-CN", "zh-CN")).part.package
    walked = list(dict.fromkeys(rel.target_part for rel in package.iter_rels()
                                if not rel.is_external))
    assert list(iter_parts(package)) == walked == list(PYTHON_DOCX_ITER_PARTS(package))
    assert type(package).iter_parts is iter_parts  # replaced: no cycle
    assert len(walked) > 5


@pytest.mark.usefixtures("collector_off")
def test_a_document_let_go_is_freed_without_the_garbage_collector() -> None:
    """Once its bytes are made, no cycle holds a document, its parts or their XML: they
    go with the last reference, not at the collector's next full collection."""
    document = blank(load_theme("official"), ("zh-CN", "zh-CN"))
    document.add_paragraph("text")
    assert package_bytes(document.part.package)
    part, styles = weakref.ref(document.part), weakref.ref(document.part._styles_part)
    let_go(document)
    del document
    assert part() is None and styles() is None


@pytest.mark.usefixtures("collector_off")
def test_a_document_with_a_header_let_go_is_freed_without_the_garbage_collector() -> None:
    """A header's part keeps the document's part it found (python-docx's lazy
    ``_document_part``), which reaches it back: let go, that cycle is undone too."""
    document = blank(load_theme("official"), ("zh-CN", "zh-CN"))
    header = document.sections[0].header
    header.paragraphs[0].text = "header"
    assert header.paragraphs[0].style is not None  # its style found through the document
    assert vars(header.part)["_document_part"] is document.part  # and kept
    assert package_bytes(document.part.package)
    part, header_part = weakref.ref(document.part), weakref.ref(header.part)
    let_go(document)
    del document, header
    assert part() is None and header_part() is None


@pytest.mark.parametrize("value", [
    "/word/document.xml", "application/vnd.openxmlformats-officedocument.main+xml",
    "a&b<c>d", "say \"hi\"", "it's \"so\"", "it's", "tab\there\nline\rend", ""])
def test_quoted_writes_an_attribute_as_quoteattr_does(value: str) -> None:
    from xml.sax.saxutils import quoteattr

    from ipdocs.writers.docx.zips import quoted

    assert quoted(value) == quoteattr(value)


def test_the_docx_writer_does_not_import_urllib_http_or_ssl(tmp_path: Path) -> None:
    """``xml.sax.saxutils`` imports urllib.request, http.client and ssl: a Word file is
    written without them."""
    code = ("import sys; from ipdocs.doc import Document, Metadata, Paragraph, Span; "
            "from ipdocs.themes import load_theme; "
            "from ipdocs.writers.docx import render_docx; "
            "render_docx(Document(Metadata('T', 'en-GB'), "
            "(Paragraph((Span('Only.'),), 'en'),)), load_theme('briefing')); "
            "print(sorted(m for m in ('xml.sax.saxutils', 'urllib.request', 'http.client', "
            "'ssl') if m in sys.modules))")
    assert fresh_python(code, cwd=tmp_path).strip() == "[]"
