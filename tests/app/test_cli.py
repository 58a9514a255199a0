"""The command line: exit codes, located messages, never a traceback."""

import ast
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from ipdocs.app.cli import main, schema_text
from tests.conftest import MINIMAL, ROOT

WriteSpec = Callable[..., Path]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """Run ``python -m ipdocs`` as a user would."""
    return subprocess.run([sys.executable, "-m", "ipdocs", *args], capture_output=True,
                          text=True, check=False)


def test_check_ok(write_spec: WriteSpec) -> None:
    result = run("check", str(write_spec()))
    assert result.returncode == 0
    assert "ok — 2 figures, 1 section" in result.stdout


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("value: 12593", "value: many", ":24:12: error: figures[patents.invention].value"),
    ("{patents.invention}。", "{patents.typo}。",
     ":12:13: error: sections[0].paragraphs[0].zh: unknown figure id 'patents.typo'"),
    ("year: 2024", "year: [2024", ":3:6: error: malformed YAML"),
    ("  patents.invention:", "  patents.grants:", ":22:3: error: figures[patents.grants]: "
                                                  "duplicate key"),
])
def test_check_broken_spec(write_spec: WriteSpec, old: str, new: str, expected: str) -> None:
    result = run("check", str(write_spec(MINIMAL.replace(old, new))))
    assert result.returncode == 1
    assert expected in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_warnings_alone_exit_zero(write_spec: WriteSpec) -> None:
    spec = write_spec(MINIMAL.replace("parts_complete: false", "parts_complete: true"))
    result = run("check", str(spec))
    assert result.returncode == 0
    assert "warning: figures[patents.grants].parts: parts 12593 = 12593 do not add up" \
        in result.stderr
    assert run("check", "--strict", str(spec)).returncode == 1


def test_check_missing_file(tmp_path: Path) -> None:
    result = run("check", str(tmp_path / "nope.yaml"))
    assert result.returncode == 1
    assert "cannot read the file" in result.stderr
    assert "Traceback" not in result.stderr


def test_usage_error_exits_two() -> None:
    assert run("frobnicate").returncode == 2


def test_text(write_spec: WriteSpec, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["text", str(write_spec()), "-l", "en"]) == 0
    assert capsys.readouterr().out.startswith("In 2024, 71,425 patents were granted")


def test_text_of_broken_spec(write_spec: WriteSpec, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["text", str(write_spec("year: [")), "-l", "en"]) == 1
    assert "malformed YAML" in capsys.readouterr().err


def test_schema_is_committed_and_in_sync() -> None:
    committed = (ROOT / "specs" / "report.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(), "run: ipdocs schema > specs/report.schema.json"


def test_schema_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert '"title": "Report"' in capsys.readouterr().out


def test_a_bug_is_one_line_not_a_traceback(monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    from ipdocs.app import cli

    def broken(_args: object) -> int:
        raise RuntimeError("something unforeseen")

    monkeypatch.setattr(cli, "cmd_schema", broken)
    monkeypatch.delenv("IPDOCS_DEBUG", raising=False)
    assert cli.main(["schema"]) == cli.EXIT_INTERNAL
    err = capsys.readouterr().err
    assert "internal error: RuntimeError: something unforeseen" in err
    assert "Traceback" not in err
    monkeypatch.setenv("IPDOCS_DEBUG", "1")
    with pytest.raises(RuntimeError):
        cli.main(["schema"])


def _python(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    """``script`` run by a fresh interpreter with ``args``, its output captured as text."""
    return subprocess.run([sys.executable, "-c", script, *args], capture_output=True,
                          text=True, check=False)


def test_the_command_freezes_what_imports_made_and_what_main_leaves() -> None:
    script = ("import gc, sys\n"
              "from ipdocs.app import cli\n"
              "def main():\n"
              "    global during, made\n"
              "    during, made = gc.get_freeze_count(), [[] for _ in range(1000)]\n"
              "    return 3\n"
              "cli.main = main\n"
              "status = cli.entry()\n"
              "print(during > 1000, gc.get_freeze_count() >= during + 1000)\n"
              "sys.exit(status)\n")
    result = _python(script)
    assert (result.returncode, result.stdout) == (3, "True True\n")


def test_the_command_builds_one_file_without_a_collection(write_spec: WriteSpec,
                                                          tmp_path: Path) -> None:
    script = ("import gc, sys\n"
              "from ipdocs.app import cli\n"
              "runs = []\n"
              "gc.callbacks.append(lambda phase, info: runs.append(info['generation'])\n"
              "                    if phase == 'start' else None)\n"
              "sys.argv = ['ipdocs', 'build', sys.argv[1], '-f', 'pdf', '-l', 'zh', '-o',\n"
              "            sys.argv[2]]\n"
              "status = cli.entry()\n"
              "print(runs, gc.isenabled())\n"
              "sys.exit(status)\n")
    result = _python(script, str(write_spec()), str(tmp_path / "out"))
    assert (result.returncode, result.stdout.splitlines()[-1]) == (0, "[] True")
    assert len(list((tmp_path / "out").glob("*.pdf"))) == 1


def test_a_process_forked_by_the_command_starts_with_nothing_young_to_collect() -> None:
    script = ("import gc, os, sys\n"
              "from ipdocs.app import cli\n"
              "def main():\n"
              "    global kept\n"
              "    gc.disable()  # as a build does (_collector_between_outputs)\n"
              "    kept = [[] for _ in range(5000)]\n"
              "    child = os.fork()\n"
              "    if child == 0:\n"
              "        young = gc.get_count()[0]\n"
              "        os._exit(0 if gc.isenabled() and young < 100 else 1)\n"
              "    return os.waitstatus_to_exitcode(os.waitpid(child, 0)[1])\n"
              "cli.main = main\n"
              "sys.exit(cli.entry())\n")
    assert _python(script).returncode == 0


NEVER_IN_A_PDF_BUILD = ("json", "difflib")
"""Modules a zh PDF build from the command line never imports (each costs its start-up):
JSON only for ``--json``, ``schema`` and a spec in JSON; difflib only for a document
compared with another."""


NEVER_COMPILED_IN_A_PDF_BUILD = (
    "ipdocs.base.files:TEMP_PATTERN", "ipdocs.base.plugins:MODULE_PATH",
    "ipdocs.loading.yamlmarks:_JSON_TOKEN", "ipdocs.model.base:LANGUAGE_KEY",
    "ipdocs.model.bounds:_NUMBER", "ipdocs.model.bounds:_GROUPED",
    "ipdocs.model.bounds:_LEADING_ZERO", "ipdocs.sections.review:TOKEN")
"""Patterns compiled on first use (``base.patterns.on_first_use``) that a zh PDF build of
a spec in YAML, its numbers written as numbers, never uses."""


def test_a_pdf_build_imports_no_module_it_never_uses(tmp_path: Path) -> None:
    script = ("import importlib, sys\n"
              "from ipdocs.app import cli\n"
              "sys.argv = ['ipdocs', 'build', sys.argv[1], '-f', 'pdf', '-l', 'zh', '-o',\n"
              "            sys.argv[2]]\n"
              "status = cli.entry()\n"
              f"print([m for m in {NEVER_IN_A_PDF_BUILD!r} if m in sys.modules])\n"
              f"for where in {NEVER_COMPILED_IN_A_PDF_BUILD!r}:\n"
              "    module, name = where.split(':')\n"
              "    pattern = getattr(importlib.import_module(module), name)\n"
              "    print(where, pattern._compiled is not None)\n"
              "sys.exit(status)\n")
    spec = str(ROOT / "specs" / "ningbo-2024.yaml")
    _python(script, spec, str(tmp_path / "first"))  # a report's first build fills the
    # font cache (writing its files); the second writes into a folder of its own
    result = _python(script, spec, str(tmp_path / "second"))
    lines = result.stdout.splitlines()
    # what the dependencies and the standard library bring themselves is not ipdocs' to
    # spare (Python 3.13's importlib.metadata, which pydantic's plugin search imports,
    # imports json)
    brought = _python("import sys, importlib.metadata, pydantic, yaml, babel.numbers, "
                      "reportlab.platypus\n"
                      f"print([m for m in {NEVER_IN_A_PDF_BUILD!r} if m in sys.modules])\n")
    spared = set(NEVER_IN_A_PDF_BUILD) - set(ast.literal_eval(brought.stdout))
    assert "difflib" in spared  # no dependency imports it
    assert result.returncode == 0
    imported = ast.literal_eval(lines[-len(NEVER_COMPILED_IN_A_PDF_BUILD) - 1])
    assert spared.isdisjoint(imported)
    assert lines[-len(NEVER_COMPILED_IN_A_PDF_BUILD):] == [
        f"{where} False" for where in NEVER_COMPILED_IN_A_PDF_BUILD]
    assert len(list((tmp_path / "second").glob("*.pdf"))) == 1


def test_main_called_by_a_library_keeps_its_collector(write_spec: WriteSpec,
                                                      tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """A library's process keeps its collector on and nothing of it frozen. (Frozen
    objects are counted as they live: a build that frees some another test froze lowers
    the count, so the count is not compared; a freeze is watched for instead.)"""
    import gc

    from ipdocs.app import cli

    assert not cli._OWN_PROCESS
    frozen: list[int] = []
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(1))
    assert main(["build", str(write_spec()), "-f", "pdf", "-l", "zh", "-o",
                 str(tmp_path)]) == 0
    assert gc.isenabled()
    assert frozen == []


def test_a_build_collects_between_outputs_not_after_the_last(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    from ipdocs.app import cli, workers

    runs: list[int] = []
    seen: list[object] = []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            runs.append(info["generation"])

    monkeypatch.setattr(workers, "COLLECT_AFTER", 10)
    monkeypatch.setattr(workers, "_young_collections", 0)  # the young ones, as at start
    monkeypatch.setattr(workers, "_stretch", 1)
    hook = cli._collecting(lambda output, result: seen.append(output), 2)
    gc.callbacks.append(count)
    gc.disable()
    try:
        made = [[] for _ in range(100)]
        hook("first", "done")  # type: ignore[arg-type]
        after_first = list(runs)
        made += [[] for _ in range(100)]
        hook("second", "done")  # type: ignore[arg-type]
    finally:
        gc.enable()
        gc.callbacks.remove(count)
    assert seen == ["first", "second"]
    assert (after_first, runs) == ([1], [1])
    assert len(made) == 200


def test_the_command_turns_the_collector_on_in_a_forked_worker() -> None:
    script = ("import gc, os, sys\n"
              "from ipdocs.app import cli\n"
              "def main():\n"
              "    with cli._collector_between_outputs():\n"
              "        pid = os.fork()\n"
              "        if pid == 0:\n"
              "            os._exit(7 if gc.isenabled() else 8)\n"
              "        child = os.waitpid(pid, 0)[1]\n"
              "        print(gc.isenabled(), os.waitstatus_to_exitcode(child))\n"
              "    return 0\n"
              "cli.main = main\n"
              "sys.exit(cli.entry())\n")
    result = _python(script)
    assert (result.returncode, result.stdout) == (0, "False 7\n")


def test_the_installed_command_and_python_m_run_the_same() -> None:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["scripts"]["ipdocs"] == "ipdocs.__main__:run"
    main_module = (ROOT / "src" / "ipdocs" / "__main__.py").read_text(encoding="utf-8")
    assert "sys.exit(run())" in main_module
    assert "return command()" in main_module


_AS_INSTALLED = "from ipdocs.__main__ import run  # as the installed script does\n"
"""What makes a test's script the command's own process to ``cli._own_process``."""


def test_the_command_leaves_with_its_status_after_what_exit_does() -> None:
    script = (_AS_INSTALLED + "import atexit, sys\n"
              "from ipdocs.app import cli\n"
              "cli.main = lambda: 3\n"
              "atexit.register(lambda: print('registered ran'))\n"
              "sys.stdout.write('buffered, not flushed')\n"
              "cli.command()\n"
              "print('after the command')\n")
    result = _python(script)
    assert result.returncode == 3
    assert result.stdout == "buffered, not flushedregistered ran\n"


def test_the_command_leaves_with_its_output_closed() -> None:
    """With stdout closed when Python began (``>&-``: ``sys.stdout`` is None) a build
    that succeeded still exits 0."""
    script = (_AS_INSTALLED + "import sys\n"
              "from ipdocs.app import cli\n"
              "cli.main = lambda: 0\n"
              "sys.stdout = None\n"
              "cli.command()\n"
              "sys.stderr.write('after the command')\n")
    result = _python(script)
    assert (result.returncode, result.stderr) == (0, "")


@pytest.mark.parametrize("setup", ["sys.setprofile(lambda *args: None)\n",
                                   "sys.settrace(lambda *args: None)\n", "del run\n"])
def test_a_process_the_command_runs_inside_of_exits_as_ever(setup: str) -> None:
    """Profiled, traced, or not the command's own main module: ``command`` returns and
    the interpreter exits as ever (a profiler prints its figures after it)."""
    script = (_AS_INSTALLED + "import sys\n"
              "from ipdocs.app import cli\n"
              "cli.main = lambda: 5\n" + setup +
              "print('returned', cli.command())\n"
              "sys.exit(5)\n")
    result = _python(script)
    assert (result.returncode, result.stdout) == (5, "returned 5\n")


def test_the_command_exits_as_ever_while_another_thread_runs() -> None:
    script = (_AS_INSTALLED + "import sys, threading, time\n"
              "from ipdocs.app import cli\n"
              "cli.main = lambda: 4\n"
              "def late():\n"
              "    time.sleep(0.2)\n"
              "    print('the thread finished')\n"
              "threading.Thread(target=late).start()\n"
              "print('returned', cli.command())\n"
              "sys.exit(4)\n")
    result = _python(script)
    assert result.returncode == 4
    assert result.stdout == "returned 4\nthe thread finished\n"


def test_the_command_exits_as_ever_when_its_output_cannot_be_flushed() -> None:
    script = (_AS_INSTALLED + "import io, sys\n"
              "from ipdocs.app import cli\n"
              "class Broken(io.StringIO):\n"
              "    def flush(self):\n"
              "        raise BrokenPipeError(32, 'Broken pipe')\n"
              "cli.main = lambda: 0\n"
              "sys.stdout = Broken()\n"
              "cli.command()\n"
              "sys.stderr.write('returned\\n')\n"
              "sys.exit(0)\n")
    result = _python(script)
    assert result.stderr.startswith("returned\n")
    assert result.returncode == 120  # the interpreter's own status when the flush fails


def test_draft_into_a_path_that_cannot_be_written_says_so(tmp_path: Path) -> None:
    from tests.conftest import SAMPLE

    figures = tmp_path / "new.csv"
    figures.write_text("id,value\npatents.grants,80000\n", encoding="utf-8")
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    result = run("draft", str(SAMPLE), str(figures), "-o", str(blocker / "next.yaml"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("ipdocs: cannot write ") and f"{blocker}" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file", "new.csv"]


def test_units_lists_every_unit(write_spec: WriteSpec) -> None:
    result = run("units")
    assert result.returncode == 0
    assert "个百分点\tpoints (rate)" in result.stdout and "件\tcount (quantity)" in result.stdout
    spec = write_spec(MINIMAL.replace("\nfigures:", "\nunits: {台套: {kind: count}}\nfigures:", 1))
    assert "台套\tcount (quantity)\t万台套 亿台套" in run("units", str(spec)).stdout


def test_unknown_unit_names_where_the_list_is(write_spec: WriteSpec) -> None:
    result = run("check", str(write_spec(MINIMAL.replace("unit: 件", "unit: 台套", 1))))
    assert result.returncode == 1
    assert "unknown unit '台套': `ipdocs units` lists every unit" in result.stderr


def test_check_with_brief_and_theme_reports_all_three(write_spec: WriteSpec,
                                                      tmp_path: Path) -> None:
    brief = tmp_path / "b.yaml"
    brief.write_text("builders:\n  - chapters: {section: protection}\n  - chart: {kind: pie}\n",
                     encoding="utf-8")
    theme = tmp_path / "t.yaml"
    theme.write_text("name: t\nfonts: [serif]\n", encoding="utf-8")
    result = run("check", str(write_spec()), "--brief", str(brief), "--theme", str(theme))
    assert result.returncode == 1
    assert f"{brief}:3:19: error: builders[1].chart.kind: Input should be 'growth', 'bar' or " \
           "'years'" in result.stderr
    assert f"{theme}:2:8: error: fonts: Input should be a valid dictionary" in result.stderr
    # the step that could be read is checked against the spec all the same
    assert f"{brief}:2:25: error: builders[0].chapters.section: no top-level section " \
           "'protection'" in result.stderr
    assert "Traceback" not in result.stderr
    brief.write_text("builders:\n  - chapters: {section: protection}\n", encoding="utf-8")
    result = run("check", str(write_spec()), "--brief", str(brief), "--theme", "official")
    assert result.returncode == 1
    assert f"{brief}:2:25: error: builders[0].chapters.section: no top-level section " \
           "'protection' in the report; its top-level sections: creation" in result.stderr
    result = run("check", str(write_spec()), "--brief", "summary", "--theme", "official")
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("brief", ["press.yaml", "tables.yaml"])
def test_shipped_briefs_on_another_report_refuse_with_their_line(write_spec: WriteSpec,
                                                                 tmp_path: Path,
                                                                 brief: str) -> None:
    path = ROOT / "specs" / "briefs" / brief
    result = run("build", str(write_spec()), "--brief", str(path), "-o", str(tmp_path / "out"))
    assert result.returncode == 1, result.stderr
    assert f"{path}:" in result.stderr
    assert "no section" in result.stderr or "no top-level section" in result.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(("content", "option", "message"), [
    (b"\x00\xff\xfe binary", "--brief", "not UTF-8 text"),
    (b"\x00\xff\xfe binary", "--theme", "not UTF-8 text"),
    (b"name: t\nfonts: [serif, sans]\n", "--theme", "fonts: Input should be a valid dictionary"),
    (b"builders: [cover, {chart: {kind: pie}}]\n", "--brief", "builders[1].chart.kind"),
])
def test_build_with_a_bad_brief_or_theme_exits_one(write_spec: WriteSpec, tmp_path: Path,
                                                   content: bytes, option: str,
                                                   message: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_bytes(content)
    result = run("build", str(write_spec()), option, str(path), "-o", str(tmp_path / "out"))
    assert result.returncode == 1
    assert f"{path}:" in result.stderr and message in result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr


@pytest.mark.parametrize("command", [[], ["check"], ["build"], ["draft"], ["text"], ["schema"]])
def test_help_is_plain_text(command: list[str]) -> None:
    result = run(*command, "--help")
    assert result.returncode == 0
    assert "``" not in result.stdout and ":func:" not in result.stdout


@pytest.mark.parametrize("options", [
    ["--theme", "glossy"], ["--brief", "weekly"], ["-l", "fr"], ["-f", "odt"], ["-j", "x"],
    ["--layout", "diagonal"], ["--frobnicate"],
])
def test_every_usage_error_exits_two(write_spec: WriteSpec, tmp_path: Path,
                                     options: list[str]) -> None:
    result = run("build", str(write_spec()), *options, "-o", str(tmp_path / "out"))
    assert result.returncode == 2, result.stderr
    assert "usage: ipdocs" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_check_usage_errors_exit_two(write_spec: WriteSpec) -> None:
    assert run("check", str(write_spec()), "--theme", "glossy").returncode == 2
    assert run("check", str(write_spec()), "--brief", "weekly").returncode == 2


@pytest.mark.parametrize("encoding", ["ascii", "latin-1", "gb2312"])
def test_an_output_encoding_without_some_characters_escapes_them(write_spec: WriteSpec,
                                                                  encoding: str) -> None:
    """check and text crashed (UnicodeEncodeError, exit 70) where the output could not
    write a character: a pipe in ascii, a gb2312 terminal and an emoji."""
    spec = write_spec(MINIMAL.replace("其中，", "其中😀，"))
    for command in (["text", str(spec)], ["check", str(spec.parent / "missing😀.yaml")]):
        result = subprocess.run([sys.executable, "-m", "ipdocs", *command],
                                capture_output=True, check=False,
                                env={**os.environ, "PYTHONIOENCODING": encoding})
        assert result.returncode in (0, 1), result.stderr
        assert b"internal error" not in result.stderr
        assert b"\\u" in result.stdout + result.stderr
        assert b"ipdocs: note: the output's encoding" in result.stderr


def test_figures_into_a_path_that_cannot_be_written_says_so(tmp_path: Path) -> None:
    """A write error of the figures workbook (a read-only folder) was exit 70."""
    from tests.conftest import SAMPLE

    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    result = run("figures", str(SAMPLE), "-o", str(blocker / "figures.xlsx"))
    assert result.returncode == 1 and "internal error" not in result.stderr
    assert result.stderr.startswith("ipdocs: cannot write ")


def test_a_json_spec_with_a_byte_order_mark_drafts(tmp_path: Path) -> None:
    """draft read the spec again without dropping the BOM: JSONDecodeError, exit 70."""
    import json

    import yaml

    spec = tmp_path / "y.json"
    spec.write_text(json.dumps(yaml.safe_load(MINIMAL), ensure_ascii=False),
                    encoding="utf-8-sig")
    figures = tmp_path / "new.csv"
    figures.write_text("id,value\npatents.grants,80000\n", encoding="utf-8")
    result = run("draft", str(spec), str(figures), "-o", str(tmp_path / "next.json"))
    assert result.returncode == 0, result.stderr
    assert '"value": 80000' in (tmp_path / "next.json").read_text("utf-8")


def test_a_file_name_with_a_newline_stays_on_its_line(write_spec: WriteSpec) -> None:
    spec = write_spec("year: [", "a\nb.yaml")
    result = run("check", str(spec))
    assert result.returncode == 1
    assert all(line.startswith(str(spec.parent)) for line in result.stderr.splitlines())
    assert "a\\nb.yaml:1:8: error: malformed YAML" in result.stderr


def test_check_reads_the_glossary_build_reads(write_spec: WriteSpec,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    """check said ok of a spec whose glossary (unreadable, malformed) build refused."""
    spec = write_spec()
    (spec.parent / "glossary.yaml").write_text("terms: [\n", encoding="utf-8")
    assert main(["check", str(spec)]) == 1
    err = capsys.readouterr().err
    assert f"{spec.parent / 'glossary.yaml'}:2:1: error: malformed YAML" in err


GLOSSARY = "terms:\n  - {zh: 专利授权量, en: patents granted}\n"


def _draft_elsewhere(tmp_path: Path, own: str | None = None) -> tuple[Path, Path, str]:
    """Draft ``spec.yaml`` (with a glossary beside it) into ``other/next.yaml``; ``own``:
    a glossary already in ``other``. The draft, the old glossary and stderr."""
    (tmp_path / "spec.yaml").write_text(MINIMAL, encoding="utf-8")
    glossary = tmp_path / "glossary.yaml"
    glossary.write_text(GLOSSARY, encoding="utf-8")
    (tmp_path / "new.csv").write_text("id,value\npatents.grants,80000\n", encoding="utf-8")
    other = tmp_path / "other" / "dir"
    if own is not None:
        other.mkdir(parents=True)
        (other / "glossary.yaml").write_text(own, encoding="utf-8")
    done = run("draft", str(tmp_path / "spec.yaml"), str(tmp_path / "new.csv"), "-o",
               str(other / "next.yaml"))
    assert done.returncode == 0, done.stderr
    return other / "next.yaml", glossary, done.stderr


def test_a_draft_in_another_folder_keeps_the_glossary(tmp_path: Path) -> None:
    """Build reads the glossary beside the spec: a draft written elsewhere takes it along
    (was: built without it, its terms unchecked)."""
    from ipdocs import load_report

    draft, glossary, err = _draft_elsewhere(tmp_path)
    assert (draft.parent / "glossary.yaml").read_bytes() == glossary.read_bytes()
    assert f"copied {glossary}" in err
    report = load_report(draft)
    assert report.glossary is not None and report.glossary == load_report(
        tmp_path / "spec.yaml").glossary


def test_a_draft_beside_another_glossary_says_which_it_uses(tmp_path: Path) -> None:
    own = "terms:\n  - {zh: 商标, en: trademark}\n"
    draft, _, err = _draft_elsewhere(tmp_path, own)
    assert (draft.parent / "glossary.yaml").read_text("utf-8") == own  # left alone
    assert "the draft is built with the glossary of its own folder" in err


def test_plain_check_tries_the_default_themes_faces_on_chart_labels(
        write_spec: WriteSpec, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A chart's label is set whole in one face: Han with a character only a machine's
    face has (DejaVu's ⚛) cannot be set, and build refuses it. Plain check (no --theme)
    says so as check --theme does, with the default theme (was: ok, then build failed)."""
    from ipdocs.typefaces import sysfonts

    found = sysfonts.find("\u269b") if sysfonts.needed("\u269b") else None
    if found is None:
        pytest.skip("needs a machine face with U+269B and no Han (fonts-dejavu-core)")
    spec = write_spec(MINIMAL.replace("label: {zh: 专利授权量,", "label: {zh: 专利授权量⚛,"))
    brief = tmp_path / "chart.yaml"
    brief.write_text("builders:\n  - chart: {kind: bar, figures: [patents.grants, "
                     "patents.invention]}\n", encoding="utf-8")
    assert main(["check", str(spec), "--brief", str(brief)]) == 1
    err = capsys.readouterr().err
    assert f"{spec}:16:17: error: figures[patents.grants].label.zh: briefing.yaml: " \
           "fonts.sans.bundled (sans) cannot set U+269B '⚛' (ATOM SYMBOL) in a chart's " \
           "label" in err
    assert main(["build", str(spec), "--brief", str(brief), "-f", "pdf", "-o",
                 str(tmp_path / "out")]) == 1  # as build does
    assert not (tmp_path / "out").exists()


def test_plain_check_renders_nothing_when_the_bundled_faces_have_every_character(
        write_spec: WriteSpec, monkeypatch: pytest.MonkeyPatch) -> None:
    """The default theme is tried only for a spec with characters the bundled faces lack:
    an ordinary check stays as quick as it was."""
    from ipdocs.app import cli

    def refuse(*args: object, **kwargs: object) -> list[object]:
        raise AssertionError("rendered")

    monkeypatch.setattr(cli, "theme_problems", refuse)
    assert main(["check", str(write_spec())]) == 0


@pytest.mark.parametrize("where", ["before", "after"])
def test_a_locale_file_registers_its_language(tmp_path: Path, where: str,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    from ipdocs.i18n import codes, forget_locale
    from tests.i18n.test_third_language import GERMAN, SPEC

    spec = tmp_path / "spec.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    assert main(["text", str(spec), "-l", "en"]) == 1  # its German refused unregistered
    assert "ipdocs --locale FILE" in capsys.readouterr().err
    given = ["--locale", str(GERMAN)] if where == "before" else [f"--locale={GERMAN}"]
    command = ["text", str(spec), "-l", "de"]
    try:
        assert main(given + command if where == "before" else command + given) == 0
        assert "Patentbesicherte Kredite erreichten 61,093 Milliarden RMB" in \
            capsys.readouterr().out.replace("\u00a0", " ")
    finally:
        forget_locale("de")
    assert "de" not in codes()


def test_a_locale_file_that_is_not_one_is_a_usage_error(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    wrong = tmp_path / "de.yaml"
    wrong.write_text("grammar: en\n", encoding="utf-8")  # no code
    assert main(["--locale", str(wrong), "schema"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("ipdocs: --locale: ") and "de.yaml: not a locale file" in err
    assert main(["schema", "--locale"]) == 2
    assert "--locale needs a locale file" in capsys.readouterr().err
