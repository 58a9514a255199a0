"""The glyph check: characters no bundled face has, located in the spec."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from ipdocs.checks.glyphs import check_glyphs
from ipdocs.loading import read_spec
from tests.conftest import MINIMAL
from tests.fontfiles import fake_fontconfig, make_font

NAMES = MINIMAL.replace("其中，发明专利授权量", "张喆、王赟、李堃、陈昇介绍，其中发明专利授权量")
RARE = MINIMAL.replace("其中，发明专利授权量", "吉𠮷介绍，其中发明专利授权量")


def located(text: str, write_spec: Callable[..., Path]) -> list[str]:
    """The glyph problems of a spec, formatted with their places."""
    loaded = read_spec(write_spec(text))
    assert loaded.report is not None
    return [p.format(loaded.source) for p in loaded.locate(check_glyphs(loaded.report))]


def test_names_of_the_general_standard_table_need_no_machine_face(
        write_spec: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> None:
    fake_fontconfig(monkeypatch)
    assert located(NAMES, write_spec) == []


def test_a_character_in_a_machine_face_is_a_located_warning(
        write_spec: Callable[..., Path], monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    font = make_font(tmp_path / "Ext.ttf", "𠮷", "Ext")
    fake_fontconfig(monkeypatch, (font, "𠮷"))
    [problem] = located(RARE, write_spec)
    assert ":12:13:" in problem and "warning: sections[0].paragraphs[0].zh:" in problem
    assert "U+20BB7 '𠮷'" in problem and "Ext" in problem


def test_a_character_no_face_has_is_a_located_error(
        write_spec: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> None:
    fake_fontconfig(monkeypatch)
    [problem] = located(RARE, write_spec)
    assert ":12:13:" in problem and "error: sections[0].paragraphs[0].zh:" in problem
    assert "no font has U+20BB7 '𠮷'" in problem


def test_identifiers_are_not_checked(write_spec: Callable[..., Path],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    fake_fontconfig(monkeypatch)
    assert located(MINIMAL, write_spec) == []


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")
def test_a_report_naming_zhe_and_yun_builds_in_both_formats(
        write_spec: Callable[..., Path], tmp_path: Path) -> None:
    spec = write_spec(NAMES)
    out = tmp_path / "out"
    for theme in ("briefing", "official"):
        result = subprocess.run([sys.executable, "-m", "ipdocs", "build", str(spec), "-l", "zh",
                                 "--theme", theme, "-o", str(out / theme)],
                                capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stderr
        assert "warning" not in result.stderr
        text = subprocess.run(["pdftotext", str(out / theme / "spec.zh.pdf"), "-"],
                              capture_output=True, text=True, check=True).stdout
        # a justified line letter-spaced to its measure reads with gaps in pdftotext
        assert "张喆、王赟、李堃、陈昇" in "".join(text.split())
        assert (out / theme / "spec.zh.docx").stat().st_size > 0


@pytest.mark.parametrize(("char", "name"), [
    ("𠮷", "(CJK UNIFIED IDEOGRAPH-20BB7) at character 2 of the text"),
    ("\U000e01ef", "(VARIATION SELECTOR-256)"),
])
def test_an_uncovered_character_is_named_and_placed_in_its_text(
        write_spec: Callable[..., Path], monkeypatch: pytest.MonkeyPatch, char: str,
        name: str) -> None:
    """The message gave the code point alone: which character, where in a long text?"""
    fake_fontconfig(monkeypatch)
    found = located(RARE.replace("𠮷", char), write_spec)
    assert any(name in problem for problem in found), found


@pytest.mark.parametrize(("char", "name"), [
    ("\u200b", "U+200B '\\u200b' (ZERO WIDTH SPACE) at character 2 of the text cannot be set"),
    ("\ufeff", "(ZERO WIDTH NO-BREAK SPACE) at character 2"),
    ("\u200e", "(LEFT-TO-RIGHT MARK) at character 2"),
    ("\ue000", "(a private-use character) at character 2"),
    ("\U000f0000", "(a private-use character)"),
    ("\u0378", "(an unassigned code point)"),
])
def test_a_character_the_writers_cannot_set_is_a_located_error(
        write_spec: Callable[..., Path], monkeypatch: pytest.MonkeyPatch, char: str,
        name: str) -> None:
    """ZWSP, a BOM mid-text, bidi marks, private-use and unassigned code points passed the
    check and were refused by the writer with neither field nor line."""
    fake_fontconfig(monkeypatch)
    found = located(RARE.replace("𠮷", char), write_spec)
    assert any(":12:13: error: sections[0].paragraphs[0].zh: " in p and name in p
               for p in found), found


def test_a_soft_hyphen_is_set(write_spec: Callable[..., Path],
                              monkeypatch: pytest.MonkeyPatch) -> None:
    fake_fontconfig(monkeypatch)
    assert located(RARE.replace("𠮷", "\u00ad"), write_spec) == []
