"""The hostile cases of the issue "Nothing a user writes is a bug", kept as regression
tests: each ends in a located exit-1 error (or a document), within its time bound, with
no traceback, no exit 70 and no file left behind. Run through the command line."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from ipdocs.app.cli import main
from tests.conftest import MINIMAL, ROOT
from tests.fuzz.harness import time_limit

BOMB = 'a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x"]\n' + "".join(
    f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]\n" for i in range(1, 9))


def _swap(old: str, new: str) -> Callable[[Path], Path]:
    """A spec: the minimal one with ``old`` replaced by ``new``."""
    def make(folder: Path) -> Path:
        assert old in MINIMAL
        path = folder / "spec.yaml"
        path.write_text(MINIMAL.replace(old, new, 1), encoding="utf-8")
        return path
    return make


def _text(text: str, name: str = "spec.yaml") -> Callable[[Path], Path]:
    """A spec file of exactly ``text``."""
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_text(text, encoding="utf-8")
        return path
    return make


def _nested_sections(depth: int) -> Callable[[Path], Path]:
    """The minimal spec with a chain of ``depth`` sections, written as JSON text."""
    def make(folder: Path) -> Path:
        data = yaml.safe_load(MINIMAL)
        body = json.dumps(data, ensure_ascii=False)
        chain = ('{"id": "s", "title": {"zh": "节", "en": "S"}, "sections": [' * depth
                 + "]}" * depth)
        path = folder / "spec.json"
        path.write_text(body.replace('"sections": [', f'"sections": [{chain}, ', 1),
                        encoding="utf-8")
        return path
    return make


def _special(kind: str) -> Callable[[Path], Path]:
    """A spec path that is no regular file."""
    def make(folder: Path) -> Path:
        if kind == "fifo":
            os.mkfifo(folder / "spec.yaml")
            return folder / "spec.yaml"
        if kind == "folder":
            (folder / "spec.yaml").mkdir()
            return folder / "spec.yaml"
        return Path("/dev/zero")
    return make


CHECK_CASES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "value 1e30 as text": (_swap("value: 71425", "value: 1e30"), ":17:12: error: "),
    "value 1e30 as float": (_swap("value: 71425", "value: 1.0e+30"), "too large"),
    "value 1e30 as int": (_swap("value: 71425", "value: " + "1" + "0" * 30), "too large"),
    "value 1e30 quoted": (_swap("value: 71425", "value: '1e30'"), "too large"),
    "a long decimal": (_swap("value: 71425", "value: 1234567890.1234567890"),
                       "digits after the point"),
    "a tiny previous": (_swap("{percent: 11.4}", "{previous: 1e-30}"), "digits after"),
    "a huge increment": (_swap("{percent: 11.4}", "{increment: 1e30}"), "too large"),
    "a huge negative increment": (_swap("{percent: 11.4}", "{increment: -1e30}"),
                                  "too large"),
    "percent 1e30": (_swap("{percent: 11.4}", "{percent: 1e30}"), "too large"),
    "a rank of 10^30": (_swap("    unit: 件\n    change", "    unit: 件\n    rank: {position: "
                              + "1" + "0" * 30 + ", scope: {zh: 全国, en: China}}\n    change"),
                        "rank.position"),
    "a huge value in hanzi": (_swap("value: 12593", "value: 123456789012\n    numerals: hanzi"),
                              "Chinese numerals"),
    "a tiny exponent": (_swap("value: 71425", "value: 1e-999999999"), "digits after the point"),
    "year with 4300 digits": (_swap("{year}年", "{year+" + "9" * 4300 + "}年"),
                              "shifts the year"),
    "YAML 1000 deep": (_text("[" * 1000 + "]" * 1000), "nested more than 32 deep"),
    "JSON 100000 deep": (_text("[" * 100_000 + "]" * 100_000, "spec.json"),
                         "nested more than 32 deep"),
    "1200 nested sections": (_nested_sections(1200), "nested more than 32 deep"),
    "200 nested sections": (_nested_sections(200), "nested more than 32 deep"),
    "7 nested sections": (_nested_sections(7), "sections nest at most 6 deep"),
    "recursive aliases": (_text("a: &a [1, *a]\n" + MINIMAL), "contains it"),
    "an alias bomb": (_text(BOMB + MINIMAL), "aliases repeat more than"),
    "a directory": (_special("folder"), "is a folder"),
    "a FIFO": (_special("fifo"), "not a regular file"),
    "/dev/zero": (_special("device"), "not a regular file"),
    "!!binary": (_swap("en: IP Creation", "en: !!binary aGVsbG8="), "!!binary is not allowed"),
    "key_figures as !!set": (_text(MINIMAL + "key_figures: !!set {patents.grants: null}\n"),
                             "!!set is not allowed"),
    "octal 017": (_swap("value: 71425", "value: 017"), "write 17"),
    "base 60": (_swap("value: 71425", "value: 1:20"), "base 60"),
    "hex": (_swap("value: 71425", "value: 0x1F"), "not a decimal number"),
    "full-width digits": (_swap("value: 71425", "value: '１２３'"), "write it in digits 0-9"),
    "U+FFFE": (_swap("en: IP Creation", 'en: "IP \\uFFFE"'), "U+FFFE"),
    "NUL": (_swap("en: IP Creation", 'en: "IP \\0"'), "U+0000"),
    "a C1 control": (_swap("en: IP Creation", 'en: "IP \\x9b"'), "U+009B"),
    "29 February": (_text(MINIMAL + "published: 2023-02-29\n"), "26:12: error: published:"),
    "a 200,000-character paragraph": (_swap("en: IP Creation", "en: " + "x" * 200_000),
                                      "10,000"),
}


@pytest.mark.parametrize("name", sorted(CHECK_CASES))
def test_a_hostile_spec_is_refused_located(name: str, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    make, expected = CHECK_CASES[name]
    spec = make(tmp_path)
    with time_limit(20):
        status = main(["check", str(spec)])
    err = capsys.readouterr().err
    assert status == 1, err
    assert expected in err and "Traceback" not in err
    for line in err.splitlines()[:-1]:
        assert line.startswith(f"{spec}:"), line
        if not any(kind in name for kind in ("directory", "FIFO", "/dev/zero")):
            assert line.split(":")[1].isdigit(), f"no line number: {line}"
    with time_limit(60):
        status = main(["build", str(spec), "-j", "1", "-o", str(tmp_path / "out")])
    assert status == 1 and not (tmp_path / "out").exists()


BUILD_CASES: dict[str, Callable[[Path], Path]] = {
    "喆 and 赟 in a name, NFD Latin": _swap("en: IP Creation", 'en: "IP Cafe\\u0301 喆 赟"'),
    "quoted as_of": _swap("    unit: 件\n    change", "    unit: 件\n    kind: stock\n"
                                                   "    as_of: '2024-12-31'\n    change"),
    "the largest numbers": _swap("value: 71425", "value: 999999999999999"),
}


@pytest.mark.parametrize("name", sorted(BUILD_CASES))
def test_a_hostile_but_valid_spec_builds(name: str, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    spec = BUILD_CASES[name](tmp_path)
    with time_limit(120):
        status = main(["build", str(spec), "-j", "1", "-l", "zh-en", "--brief", "summary",
                       "-o", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert status == 0, err
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "spec.summary.zh-en.docx", "spec.summary.zh-en.pdf"]


BRIEF_CASES = {
    "a brief naming a missing figure": ("builders: [{key_figures: {figures: [nosuch.id]}}]\n",
                                        "1:37: error: builders[0].key_figures.figures[0]: no "
                                        "figure 'nosuch.id'"),
    "a brief naming a missing section": ("builders: [{chapters: {section: nosuch}}]\n",
                                         "no top-level section 'nosuch'"),
    "a chart kind pie": ("builders: [{chart: {kind: pie}}]\n", "builders[0].chart.kind"),
    "an empty builders list": ("builders: []\n", "a brief has 1 to 200 steps"),
    "press.yaml on another report": (ROOT / "specs" / "briefs" / "press.yaml",
                                     "no top-level section 'protection'"),
    "tables.yaml on another report": (ROOT / "specs" / "briefs" / "tables.yaml",
                                      "no section 'protection'"),
    "a binary brief": (b"\x89PNG\r\n\x1a\n\xff\x00", "not UTF-8 text"),
    "an alias bomb brief": (BOMB + "builders: [cover]\n", "aliases repeat"),
}


@pytest.mark.parametrize("name", sorted(BRIEF_CASES))
def test_a_hostile_brief_is_refused_located(name: str, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    content, expected = BRIEF_CASES[name]
    spec = _text(MINIMAL)(tmp_path)
    brief = content if isinstance(content, Path) else tmp_path / "brief.yaml"
    if isinstance(content, bytes):
        brief.write_bytes(content)
    elif isinstance(content, str):
        brief.write_text(content, encoding="utf-8")
    with time_limit(60):
        status = main(["build", str(spec), "-j", "1", "--brief", str(brief),
                       "-o", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert status == 1 and expected in err and f"{brief}:" in err, err
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("name", ["fonts as a list", "size as a string",
                                  "a colour that is a name", "a binary theme"])
def test_a_hostile_theme_is_refused_located(name: str, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    briefing = (ROOT / "src" / "ipdocs" / "themes" / "briefing.yaml").read_text("utf-8")
    theme = tmp_path / "theme.yaml"
    if name == "a binary theme":
        theme.write_bytes(b"\x00\xff\xfe\x00")
    elif name == "fonts as a list":
        theme.write_text("name: t\nfonts: [serif, sans]\n", encoding="utf-8")
    elif name == "size as a string":
        theme.write_text(briefing.replace("size: 10.5", 'size: "big"', 1), encoding="utf-8")
    else:
        theme.write_text(briefing.replace("color: accent}", "color: name}", 1),
                         encoding="utf-8")
    spec = _text(MINIMAL)(tmp_path)
    with time_limit(60):
        status = main(["build", str(spec), "-j", "1", "--theme", str(theme),
                       "-o", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert status == 1 and f"{theme}:" in err and "Traceback" not in err, err
    assert not (tmp_path / "out").exists()
