"""What a run builds: the writer a format registered, outputs written, output names."""

from dataclasses import replace
from pathlib import Path

import pytest

from ipdocs.app.recipes import (
    FORMATS,
    BuildError,
    _render_as,
    _renderer,
    output_name,
    write_document,
    write_files,
)
from ipdocs.model import Report
from ipdocs.sections import Brief, CoverBuilder
from ipdocs.themes import load_theme


def test_each_registered_format_has_its_writer_and_no_other_is_written() -> None:
    assert {"docx", "pdf", "html"} <= set(FORMATS)
    for fmt in FORMATS:
        assert callable(_renderer(fmt))
    with pytest.raises(BuildError, match=r"cannot write \.odt files; formats: docx"):
        _renderer("odt")


def test_an_empty_document_is_refused_before_its_writer_runs(sample: Report) -> None:
    empty = replace(Brief([CoverBuilder()]).document(sample, "zh"), blocks=())
    with pytest.raises(BuildError, match="nothing to print"):
        _render_as(empty, "pdf", load_theme("briefing"))


def test_files_that_cannot_be_written_are_a_build_error_and_none_is(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(BuildError, match="cannot write"):
        write_files([(tmp_path / "a.pdf", b"%PDF-a"), (blocker / "b.pdf", b"%PDF-b")])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]
    written = write_files([(tmp_path / "c.pdf", b"%PDF-c")])
    assert written == [tmp_path / "c.pdf"] and written[0].read_bytes() == b"%PDF-c"


def test_failing_render_keeps_the_old_file(tmp_path: Path, sample: Report) -> None:
    target = tmp_path / "x.docx"
    target.write_bytes(b"previous")
    doc = Brief([CoverBuilder()]).document(sample, "zh", theme="no-such-theme")
    with pytest.raises(Exception, match="unknown theme"):
        write_document(doc, target)
    assert target.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["x.docx"]


@pytest.mark.parametrize(("brief", "lang", "fmt", "name"), [
    ("full", "zh", "docx", "ningbo-2024.zh.docx"),
    ("summary", "zh-en", "docx", "ningbo-2024.summary.zh-en.docx"),
    ("specs/briefs/press.yaml", "en", "pdf", "ningbo-2024.press.en.pdf"),
])
def test_output_names(brief: str, lang: str, fmt: str, name: str) -> None:
    assert output_name(Path("specs/ningbo-2024.yaml"), brief, lang, fmt) == name


@pytest.mark.parametrize(("spec", "name"), [
    ("年度 报告 2024.yaml", "年度 报告 2024.zh.pdf"),
    (".hidden.yaml", "hidden.zh.pdf"),
    ("..ningbo.yml", "ningbo.zh.pdf"),
    ("ningbo.JSON", "ningbo.zh.pdf"),
    ("ningbo", "ningbo.zh.pdf"),
    ("ningbo.2024.yaml", "ningbo.2024.zh.pdf"),
])
def test_output_names_are_visible_whatever_the_spec_is_called(spec: str, name: str) -> None:
    assert output_name(Path("x") / spec, "full", "zh", "pdf") == name


@pytest.mark.parametrize(("spec", "why"), [
    ("..yaml", "is only dots and an extension"),
    (".yaml", "is only dots and an extension"),
    ("  .json", "is only dots and an extension"),
    ("a\nb.yaml", "holds control characters"),
    ("a\udcffb.yaml", "holds control characters"),  # undecodable bytes in a file name
])
def test_output_names_that_cannot_be_made_are_refused(spec: str, why: str) -> None:
    with pytest.raises(BuildError, match=f"cannot name files after the spec .*: its name {why}"):
        output_name(Path(spec), "full", "zh", "pdf")


def test_a_brief_file_name_follows_the_same_rule() -> None:
    assert output_name(Path("n.yaml"), "b/.press.yaml", "en", "pdf") == "n.press.en.pdf"
    with pytest.raises(BuildError, match="cannot name files after the brief"):
        output_name(Path("n.yaml"), "b/..yaml", "en", "pdf")
