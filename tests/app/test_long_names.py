"""A spec of a 245-byte name (issue 25): every command that writes files named after it,
or given a long name, either writes files whose names an office program can open and save
(at most 247 bytes: base.files.OPENABLE_MAX) or refuses, naming the file, with nothing
written."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ipdocs.app.cli import main
from ipdocs.base.files import OPENABLE_MAX
from tests.conftest import MINIMAL

STEM = "报" * 80  # 240 bytes: the spec's name, with .yaml, is 245 bytes


@pytest.fixture
def spec(tmp_path: Path) -> Path:
    """The minimal spec under a 245-byte name."""
    path = tmp_path / f"{STEM}.yaml"
    assert len(path.name.encode("utf-8")) == 245
    path.write_text(MINIMAL, encoding="utf-8")
    return path


def _opens(path: Path) -> None:
    """The file is whole: a DOCX python-docx opens, a PDF with its end, a page with its
    end."""
    data = path.read_bytes()
    if path.suffix == ".docx":
        import docx

        assert docx.Document(str(path)).paragraphs
    elif path.suffix == ".pdf":
        assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
    else:
        assert data.rstrip().endswith(b"</html>")


@pytest.mark.parametrize(("options", "built"), [
    (["-f", "pdf", "-l", "zh"], True),  # 247 bytes
    (["-f", "pdf", "-l", "en"], True),
    (["-f", "pdf", "-l", "zh-en"], False),  # 250
    (["-f", "pdf", "-l", "zh-en", "--layout", "parallel"], False),
    (["-f", "docx", "-l", "zh"], False),  # 248
    (["-f", "html", "-l", "en"], False),
    (["-f", "pdf", "-l", "zh", "--brief", "summary"], False),  # 255
    (["-f", "docx,pdf"], False),  # all or none
])
def test_build_writes_openable_files_or_refuses_whole(
        spec: Path, tmp_path: Path, options: list[str], built: bool,
        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    status = main(["build", str(spec), "-o", str(out), *options])
    err = capsys.readouterr().err
    if built:
        assert status == 0, err
        [made] = os.listdir(out)
        assert len(made.encode("utf-8")) <= OPENABLE_MAX
        _opens(out / made)
    else:
        assert status == 1 and f"after the spec {str(spec)!r}" in err, err
        assert f"longer than {OPENABLE_MAX}" in err and "shorten the spec's name" in err
        assert not out.exists()


def test_a_batch_builds_the_others_and_refuses_the_long_one(
        spec: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "short.yaml").write_text(MINIMAL, encoding="utf-8")
    out = tmp_path / "out"
    status = main(["build", str(tmp_path), "-o", str(out), "-f", "docx", "-l", "zh"])
    err = capsys.readouterr().err
    assert status == 1 and "built 1 of 2 specs" in err and str(spec) in err, err
    assert os.listdir(out) == ["short.zh.docx"]
    _opens(out / "short.zh.docx")


def test_watch_refuses_before_its_first_build(spec: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["watch", str(spec), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"cannot watch {spec}" in err and f"longer than {OPENABLE_MAX}" in err, err
    assert not out.exists()


@pytest.mark.parametrize(("size", "written"), [(247, True), (248, False), (255, False),
                                               (256, False)])
def test_draft_and_figures_write_a_long_name_or_refuse(
        spec: Path, tmp_path: Path, size: int, written: bool,
        capsys: pytest.CaptureFixture[str]) -> None:
    figures = tmp_path / "new.csv"
    figures.write_text("id,value\npatents.grants,80000\n", encoding="utf-8")
    for command, suffix, extra in (("draft", ".yaml", [str(figures)]),
                                   ("figures", ".xlsx", [])):
        target = tmp_path / ("d" * (size - len(suffix)) + suffix)
        status = main([command, str(spec), *extra, "-o", str(target)])
        err = capsys.readouterr().err
        assert status == (0 if written else 1), err
        assert (target.name in os.listdir(tmp_path)) == written
        if not written:
            assert f"cannot write {target}" in err and "nothing written" in err, err
        assert not [n for n in os.listdir(tmp_path) if n.endswith(".part")]
