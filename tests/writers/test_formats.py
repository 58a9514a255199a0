"""The output formats' registry: one registration makes a format the command line offers,
names files by and renders with; writers are imported only when used."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from ipdocs import render
from ipdocs.app.building import FORMATS, BuildError, output_name
from ipdocs.app.cli import main
from ipdocs.doc import Document, Paragraph
from ipdocs.model import Report
from ipdocs.themes import Theme
from ipdocs.writers.formats import (
    WriterFormat,
    format_for,
    format_names,
    register_format,
    unregister_format,
    writer_format,
)
from tests.conftest import SAMPLE, fresh_python


def render_text(doc: Document, theme: Theme) -> bytes:
    """A stand-in writer: each paragraph's text on a line."""
    lines = [block.text for block in doc.blocks if isinstance(block, Paragraph)]
    return ("\n".join(lines) + "\n").encode()


@pytest.fixture
def text_format() -> Iterator[WriterFormat]:
    """A plain-text format registered for the test only, by its import path."""
    fmt = register_format(WriterFormat("text", ".txt", "text/plain; charset=utf-8",
                                       "tests.writers.test_formats:render_text"))
    yield fmt
    unregister_format("text")


def test_the_three_writers_are_registered_in_order() -> None:
    assert format_names()[:3] == FORMATS == ("docx", "pdf", "html")
    assert [writer_format(n).suffix for n in FORMATS] == [".docx", ".pdf", ".html"]  # type: ignore[union-attr]
    assert [n for n in FORMATS if writer_format(n).paginated] == ["pdf"]  # type: ignore[union-attr]
    assert [n for n in FORMATS if writer_format(n).revisions] == ["docx"]  # type: ignore[union-attr]


def test_a_format_is_found_by_its_suffix_in_any_case() -> None:
    assert format_for(Path("a/b.zh.PDF")) is writer_format("pdf")
    assert format_for(Path("b.htm")) is None
    assert writer_format("odt") is None


def test_suffixes_are_lower_case_and_unique() -> None:
    with pytest.raises(ValueError, match="the format 'pdf'"):
        register_format(WriterFormat("pdf2", ".pdf", "application/pdf", render_text))
    with pytest.raises(ValueError, match="lower-case"):
        register_format(WriterFormat("shout", ".TXT", "text/plain", render_text))
    with pytest.raises(ValueError, match="lower-case"):
        register_format(WriterFormat("bare", "txt", "text/plain", render_text))
    assert "pdf2" not in format_names() and "shout" not in format_names()


def test_a_writer_named_by_path_is_imported_when_asked() -> None:
    assert writer_format("html").renderer().__name__ == "render_html"  # type: ignore[union-attr]
    assert WriterFormat("t", ".t", "text/plain", render_text).renderer() is render_text


def test_a_registered_format_renders_and_names_files(text_format: WriterFormat,
                                                     sample: Report) -> None:
    data = render(sample, "text", lang="en")
    assert data.endswith(b"\n") and len(data.splitlines()) > 3
    assert output_name(Path("ningbo.yaml"), "summary", "en", "text") == "ningbo.summary.en.txt"


def test_the_command_line_offers_a_registered_format(text_format: WriterFormat,
                                                     tmp_path: Path, sample: Report) -> None:
    out = tmp_path / "out"
    assert main(["build", str(SAMPLE), "-f", "text,pdf", "-l", "en", "-o", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["sample.en.pdf", "sample.en.txt"]
    assert (out / "sample.en.txt").read_bytes() == render(sample, "text", lang="en")


def test_an_unknown_format_is_refused(sample: Report, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(BuildError, match="unknown format 'odt'; formats: docx, pdf, html"):
        render(sample, "odt")
    with pytest.raises(SystemExit):
        main(["build", str(SAMPLE), "-f", "odt"])
    assert "unknown format odt; choose from docx, pdf, html" in capsys.readouterr().err


def test_a_pdf_build_imports_no_other_writer(tmp_path: Path) -> None:
    code = ("import sys; from ipdocs import load_report, render; "
            f"render(load_report({str(SAMPLE)!r}), 'pdf', lang='en'); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('docx', 'xlsxwriter') "
            "or m.startswith(('ipdocs.writers.docx', 'ipdocs.writers.html'))))")
    assert fresh_python(code, cwd=tmp_path).strip() == "[]"


TEXT = WriterFormat("plaintext", ".txt", "text/plain; charset=utf-8",
                    "tests.writers.test_formats:render_text")
"""A format an installed package would name in the ``ipdocs.formats`` entry-point group."""


def install(monkeypatch: pytest.MonkeyPatch, **values: str) -> None:
    """Entry points of the ``ipdocs.formats`` group, by name, as installed packages'."""
    from importlib.metadata import EntryPoint

    from ipdocs.base import plugins

    points = {name: EntryPoint(name, value, "ipdocs.formats") for name, value in values.items()}
    monkeypatch.setattr(plugins, "_entry_points",
                        lambda kind: points if kind == "formats" else {})


@pytest.fixture
def installed(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """``TEXT`` as an installed package's format."""
    install(monkeypatch, plaintext="tests.writers.test_formats:TEXT")
    yield
    unregister_format("plaintext")


def test_an_installed_package_s_format_is_found_by_name_or_extension(
        installed: None, tmp_path: Path, sample: Report) -> None:
    assert "plaintext" not in format_names()
    assert format_for(Path("b.en.txt")) is TEXT and "plaintext" in format_names()
    unregister_format("plaintext")
    out = tmp_path / "out"
    assert main(["build", str(SAMPLE), "-f", "plaintext", "-l", "en", "-o", str(out)]) == 0
    assert (out / "sample.en.txt").read_bytes() == render(sample, "plaintext", lang="en")


def test_an_entry_point_that_names_no_format_is_refused(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from ipdocs.base.plugins import PluginError

    install(monkeypatch, broken="tests.writers.test_formats:render_text")
    with pytest.raises(PluginError, match="not a WriterFormat named 'broken'"):
        writer_format("broken")
    with pytest.raises(SystemExit):
        main(["build", str(SAMPLE), "-f", "broken"])
    assert "not a WriterFormat named 'broken'" in capsys.readouterr().err


def test_type_checkers_know_the_shipped_formats() -> None:
    import typing

    from ipdocs.writers.formats import ShippedFormat

    assert typing.get_args(ShippedFormat) == FORMATS
