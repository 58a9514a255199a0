"""Every documented example runs (issue 25 item 1): each YAML example of specs/README.md,
each command README.md shows with real file names, and each option its command-line
summary lists. (The README's Python example runs in test_readme.py.)"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from ipdocs.app.cli import main, parser
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
SPECS_README = (ROOT / "specs" / "README.md").read_text(encoding="utf-8")


def blocks(text: str, language: str) -> list[str]:
    """The fenced code blocks of ``text`` in ``language``."""
    return re.findall(rf"```{language}\n(.*?)```", text, re.S)


def yaml_example(marker: str) -> str:
    """The YAML example of specs/README.md that starts with ``marker``: a spec (region:),
    units (units:) or a brief (name:)."""
    found = [b for b in blocks(SPECS_README, "yaml") if b.startswith(marker)]
    assert len(found) == 1, f"one YAML example with {marker!r}"
    return found[0]


def test_every_yaml_example_is_tested() -> None:
    """A new YAML example fails here until a test below runs it."""
    tested = ("region:", "units:", "name:", "paragraphs:")
    for block in blocks(SPECS_README, "yaml"):
        assert block.startswith(tested), block[:60]


def test_the_shape_example_is_a_spec_that_checks(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    spec = tmp_path / "shape.yaml"
    spec.write_text(yaml_example("region:"), encoding="utf-8")
    assert main(["check", str(spec)]) == 0, capsys.readouterr().err
    assert main(["text", str(spec), "-l", "en"]) == 0
    assert "71,425 patents were granted" in capsys.readouterr().out


MARKUP_SPEC = """\
region: {{zh: 宁波市, en: Ningbo}}
year: 2024
title: {{zh: 标记, en: Markup}}
sections:
  - id: markup
    title: {{zh: 标记, en: Markup}}
{example}figures:
  patents.grants: {{label: {{zh: 专利授权量, en: Patents granted}}, value: 71425, unit: 件}}
  pledge.amount: {{label: {{zh: 质押融资额, en: Pledge financing}}, value: 610.93, unit: 亿元}}
"""


def test_the_markup_example_checks_and_prints(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    example = "".join(f"    {line}\n" for line in yaml_example("paragraphs:").splitlines())
    spec = tmp_path / "markup.yaml"
    spec.write_text(MARKUP_SPEC.format(example=example), encoding="utf-8")
    assert main(["check", str(spec)]) == 0, capsys.readouterr().err
    assert main(["text", str(spec), "-l", "en"]) == 0
    out = capsys.readouterr().out
    assert "Key work is on the website of CNIPA." in out
    assert "Pledge financing of RMB 61.093 billion" in out


OWN_UNITS = """\
region: {zh: 宁波市, en: Ningbo}
year: 2024
title: {zh: 设备与用地, en: Equipment and land}
lead:
  - zh: "新增设备{kit}，用地{land}，{land:change}。"
    en: "{kit:words} pieces of equipment were added and {land} of land used, {land:change}."
figures:
  kit: {label: {zh: 新增设备, en: Equipment added}, value: 12, unit: 台套}
  land: {label: {zh: 用地, en: Land used}, value: 3.5, unit: 万公顷, change: {previous: 3}}
"""


def test_a_specs_own_units_work_in_every_command(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """The units example, exactly as shown, in a spec: check, text, build, figures and
    draft exited 70 (KeyError: unknown unit '台套')."""
    spec = tmp_path / "own.yaml"
    spec.write_text(OWN_UNITS + yaml_example("units:"), encoding="utf-8")
    figures = tmp_path / "new.csv"
    figures.write_text("id,value,unit\nkit,15,\nland,40000,公顷\n", encoding="utf-8")
    for command in (["check", "--strict", str(spec)], ["text", str(spec), "-l", "en"],
                    ["units", str(spec)],
                    ["build", str(spec), "-f", "pdf,docx", "-l", "zh,en", "-o",
                     str(tmp_path / "out")],
                    ["figures", str(spec), "-o", str(tmp_path / "f.xlsx")],
                    ["draft", str(spec), str(figures), "-o", str(tmp_path / "next.yaml")],
                    ["check", str(tmp_path / "next.yaml")]):
        assert main(command) == 0, (command, capsys.readouterr().err)
    out = capsys.readouterr().out
    assert "12 pieces of equipment were added and 35,000 hectares of land used, up 16.7% " \
           "year on year" in out  # 台套 writes no English word; 公顷 its own, with 万
    assert len(list((tmp_path / "out").iterdir())) == 4


def test_the_brief_example_checks_and_builds_against_ningbo(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    brief = tmp_path / "press.yaml"
    brief.write_text(yaml_example("name:"), encoding="utf-8")
    spec = str(ROOT / "specs" / "ningbo-2024.yaml")
    assert main(["check", spec, "--brief", str(brief)]) == 0, capsys.readouterr().err
    assert main(["build", spec, "--brief", str(brief), "-f", "pdf", "-l", "en", "-o",
                 str(tmp_path / "out")]) == 0, capsys.readouterr().err
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["ningbo-2024.press.en.pdf"]


def inline_commands(text: str) -> list[list[str]]:
    """The commands ``text`` shows in inline code with real files (``ipdocs figures
    ningbo-2024.yaml -o figures.xlsx``), in order."""
    found = re.findall(r"`(ipdocs [^`]*\.(?:yaml|xlsx)[^`]*)`", text)
    return [command.split()[1:] for command in found]


def test_the_yearly_loop_runs_as_the_readme_shows_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Each command of "Next year's report", in order, on Ningbo: the figures workbook,
    the draft from it (nothing filled in: every figure stale), the reviewers' DOCX and
    --final, which refuses the draft."""
    shutil.copy(ROOT / "specs" / "ningbo-2024.yaml", tmp_path)
    shutil.copy(ROOT / "specs" / "glossary.yaml", tmp_path)
    monkeypatch.chdir(tmp_path)
    section = README[README.index("### Next year's report"):README.index("`ipdocs check` exits")]
    commands = inline_commands(section)
    assert [c[0] for c in commands] == ["figures", "draft", "build", "build"]
    expected = {"--final": 1}
    for command in commands:
        status = expected.get(command[-1], 0)
        assert main(command) == status, (command, capsys.readouterr().err)
    assert "stale" in capsys.readouterr().err  # --final lists the stale figures
    assert (tmp_path / "out" / "ningbo-2025.zh.docx").is_file()


def documented_options() -> dict[str, set[str]]:
    """Each command of the README's command-line summary and the options it shows."""
    summary = next(b for b in blocks(README, "sh") if b.startswith("ipdocs build SPEC"))
    options: dict[str, set[str]] = {}
    command = ""
    for line in summary.splitlines():
        code = line.split("#", 1)[0]
        if code.startswith("ipdocs "):
            command = code.split()[1]
        options.setdefault(command, set()).update(re.findall(r"(?<![\w-])(--?[a-z][\w-]*)",
                                                             code))
    return options


def test_every_option_the_summary_shows_exists() -> None:
    commands = parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    documented = documented_options()
    assert set(documented) == set(commands)
    for command, options in documented.items():
        known = {o for a in commands[command]._actions for o in a.option_strings}
        assert options <= known, (command, options - known)
