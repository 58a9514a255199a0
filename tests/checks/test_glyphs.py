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


def _latin_theme(tmp_path: Path) -> Path:
    """A copy of the briefing theme whose serif face is Noto Serif (Latin only)."""
    from tests.conftest import ROOT

    briefing = (ROOT / "src" / "ipdocs" / "themes" / "briefing.yaml").read_text("utf-8")
    (tmp_path / "latin.ttf").write_bytes((ROOT / "fonts" / "NotoSerif-Regular.ttf").read_bytes())
    theme = tmp_path / "latin.yaml"
    theme.write_text(briefing.replace("bundled: serif}", "bundled: serif, regular_file: "
                                      "latin.ttf}", 1), encoding="utf-8")
    return theme


def test_a_theme_gap_names_the_theme_field_the_characters_and_the_text(
        write_spec: Callable[..., Path], tmp_path: Path) -> None:
    """The message names the theme file and field, each character by its Unicode name (a
    few, then a count), and stands at the spec's field whose text holds them."""
    from ipdocs.checks.glyphs import theme_gap
    from ipdocs.themes import load_theme

    loaded = read_spec(write_spec(MINIMAL))
    assert loaded.report is not None
    theme = load_theme(_latin_theme(tmp_path))
    printed = "其中，发明专利授权量5件。"
    chars = sorted(set(printed) - set("5"))
    problem = loaded.locate([theme_gap(loaded.report, theme, "serif", False, chars,
                                       [printed, "其它"])])[0]
    line = problem.format(loaded.source)
    assert f"{theme.source}: fonts.serif.regular_file (latin.ttf) cannot set " in line
    assert "U+4E2D '中' (CJK UNIFIED IDEOGRAPH-4E2D)" in line
    assert f"and {len(chars) - 5} more" in line
    assert "held by “其中，发明专利授权量5件。” and 1 other text" in line
    assert ":12:13: error: sections[0].paragraphs[0].zh: " in line  # the paragraph


def test_a_bundled_role_is_named_by_its_bundled_field(write_spec: Callable[..., Path]) -> None:
    from ipdocs.checks.glyphs import theme_gap
    from ipdocs.themes import load_theme

    loaded = read_spec(write_spec(MINIMAL))
    assert loaded.report is not None
    problem = theme_gap(loaded.report, load_theme("briefing"), "sans", True, ["\U0001F600"],
                        ["no 😀 here"], chart=True)
    assert problem.message.startswith("briefing.yaml: fonts.sans.bundled (sans) cannot set "
                                      "U+1F600 '😀' (GRINNING FACE) in a chart's label")
    assert problem.path == ("theme",)  # no text of the spec holds it


@pytest.mark.parametrize("command", ["check", "build"])
def test_check_and_build_refuse_a_latin_only_face_once_located(
        command: str, write_spec: Callable[..., Path], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    """Both commands refuse with exit 1, one located line naming the theme's field (not
    one per output), and nothing written."""
    from ipdocs.app.cli import main

    spec = write_spec(MINIMAL)
    theme = _latin_theme(tmp_path)
    out = tmp_path / "out"
    argv = [command, str(spec), "--theme", str(theme)]
    status = main([*argv, "-o", str(out)] if command == "build" else argv)
    err = capsys.readouterr().err
    assert status == 1, err
    lines = [line for line in err.splitlines() if ": error: " in line]
    assert len(lines) == 1, err
    assert lines[0].startswith(f"{spec}:") and "fonts.serif.regular_file (latin.ttf)" in lines[0]
    assert not out.exists()


@pytest.mark.parametrize("char", ["介", "𠮷", "\u200b", "\u00ad", "\ufeff", "\U000f0000",
                                  "\u0378", "\\\\u0007", "é"])
def test_a_report_seen_at_once_is_checked_as_text_by_text(
        write_spec: Callable[..., Path], monkeypatch: pytest.MonkeyPatch, char: str) -> None:
    """What the check finds looking at the report's JSON at once (nothing, most often) is
    what it finds looking at each text."""
    from ipdocs.checks import glyphs

    fake_fontconfig(monkeypatch)
    at_once = located(RARE.replace("𠮷", char), write_spec)
    monkeypatch.setattr(glyphs, "_all_set", lambda report: False)
    assert located(RARE.replace("𠮷", char), write_spec) == at_once
    assert (at_once == []) == (char in ("介", "\u00ad", "\\\\u0007", "é"))


def test_texts_found_in_the_bundled_faces_are_remembered(
        write_spec: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """A report read again with its texts beyond ASCII unchanged (a value edited) is not
    looked at again character by character; one with a character no bundled face has is."""
    from ipdocs.checks import glyphs
    from ipdocs.typefaces import sysfonts

    fake_fontconfig(monkeypatch)
    glyphs._ALL_SET.clear()
    asked: list[str] = []
    needed = sysfonts.needed
    monkeypatch.setattr(sysfonts, "needed",
                        lambda chars: asked.append("".join(chars)) or needed(chars))
    assert located(MINIMAL, write_spec) == []
    looked = len(asked)
    assert located(MINIMAL.replace("2024", "2025", 1), write_spec) == []
    assert len(asked) == 2 * looked - 1  # all but the rest beyond ASCII asked again
    assert located(RARE, write_spec) != []
