"""Many specs in one build: which specs, all or nothing each, progress, summary, JSON."""

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ipdocs.app.batch import Plan, Reporter, plan, spec_files
from ipdocs.app.building import Done, Job, Output, Recipe, Rendered
from ipdocs.model import Report
from ipdocs.sections import summary_brief
from ipdocs.themes import load_theme
from tests.conftest import SAMPLE

TEXT = SAMPLE.read_text("utf-8")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """``python -m ipdocs`` as a user runs it, with the bundled faces alone (a character
    they lack is then an error, whatever faces this machine has)."""
    env = {**os.environ, "IPDOCS_SYSTEM_FONTS": "off"}
    return subprocess.run([sys.executable, "-m", "ipdocs", *args], capture_output=True,
                          text=True, check=False, env=env)


def folder_of_specs(tmp_path: Path, specs: dict[str, str]) -> Path:
    """A folder holding the given specs (name → text), a glossary and a schema."""
    folder = tmp_path / "specs"
    folder.mkdir()
    for name, text in specs.items():
        (folder / name).write_text(text, "utf-8")
    shutil.copy(SAMPLE.parent.parent.parent / "specs" / "glossary.yaml", folder)
    (folder / "report.schema.json").write_text("{}", "utf-8")
    return folder


def test_a_folder_means_its_specs(tmp_path: Path) -> None:
    folder = folder_of_specs(tmp_path, {"b.yaml": "", "a.yml": "", "c.JSON": "",
                                        ".hidden.yaml": "", "notes.txt": ""})
    (folder / "sub.yaml").mkdir()
    assert [p.name for p in spec_files([str(folder)])] == ["a.yml", "b.yaml", "c.JSON"]


def test_each_spec_is_built_once(tmp_path: Path) -> None:
    folder = folder_of_specs(tmp_path, {"a.yaml": ""})
    found = spec_files([str(folder / "a.yaml"), str(folder), str(folder / ".." / "specs" /
                                                                   "a.yaml")])
    assert found == [folder / "a.yaml"]


def test_a_folder_without_specs_is_an_error(tmp_path: Path) -> None:
    result = run("build", str(tmp_path))
    assert result.returncode == 1
    assert result.stderr == f"ipdocs: {tmp_path} holds no spec (*.yaml, *.yml or *.json)\n"


def test_two_specs_of_one_name_would_overwrite_each_other(tmp_path: Path) -> None:
    plans = plan([Path("a/x.yaml"), Path("b/x.json"), Path("..yaml")], tmp_path, "full",
                 ["pdf"], ["zh"])
    assert plans[0] == Plan(Path("a/x.yaml"), (Output(tmp_path / "x.zh.pdf", "zh"),))
    assert plans[1].error == "its files would overwrite those of a/x.yaml (x.zh.pdf, …): " \
                             "rename one"
    assert plans[2].error is not None and "only dots and an extension" in plans[2].error


BROKEN = TEXT.replace("value: 71425", "value: lots")
UNPRINTABLE = TEXT.replace("Briefing}", "Briefing 😀}")  # no bundled face has it


def test_a_failing_spec_writes_nothing_and_stops_no_other(tmp_path: Path) -> None:
    folder = folder_of_specs(tmp_path, {"a.yaml": TEXT, "broken.yaml": BROKEN,
                                        "emoji.yaml": UNPRINTABLE, "年度 报告.yaml": TEXT})
    out = tmp_path / "out"
    result = run("build", str(folder), "-l", "en", "--brief", "summary", "-o", str(out))
    assert result.returncode == 1, result.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "a.summary.en.docx", "a.summary.en.pdf", "年度 报告.summary.en.docx",
        "年度 报告.summary.en.pdf"]  # emoji's DOCX could be made: all or nothing
    lines = result.stderr.splitlines()
    assert f"{folder / 'broken.yaml'}:" in lines[0] and "error: figures[patents.grants]." \
                                                      "value" in lines[0]
    assert lines[-3].startswith("ipdocs: built 2 of 4 specs (4 files) in ")
    assert lines[-3].endswith(" s; 2 failed:")
    assert lines[-2].startswith(f"ipdocs:   {folder / 'broken.yaml'}: {folder / 'broken.yaml'}")
    # the glyph check refuses the character no face has, with its line, before rendering
    assert lines[-1].startswith(f"ipdocs:   {folder / 'emoji.yaml'}: {folder / 'emoji.yaml'}"
                                ":5:24: error: subtitle.en: no font has U+1F600")
    assert sum(line.startswith("ipdocs: built ") for line in lines) == 3  # two, and the sum
    assert result.stdout == "" and "Traceback" not in result.stderr


def pdf_pages(path: Path) -> int:
    """The page count poppler reads."""
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return int(next(line.split()[1] for line in info.stdout.splitlines()
                    if line.startswith("Pages:")))


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="needs poppler-utils")
def test_json_has_one_record_per_output(tmp_path: Path) -> None:
    folder = folder_of_specs(tmp_path, {"a.yaml": TEXT, "broken.yaml": BROKEN})
    out = tmp_path / "out"
    result = run("build", str(folder), "-l", "zh,en", "--brief", "summary", "-o", str(out),
                 "--json")
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 8 and result.returncode == 1
    made = {Path(r["path"]).name: r for r in records if r["ok"]}
    assert sorted(made) == sorted(p.name for p in out.iterdir())
    for record in made.values():
        path = Path(record["path"])
        assert record["bytes"] == path.stat().st_size
        # the PDF of a fitted brief is the one its language's DOCX fitted: made in no time
        assert record["seconds"] > 0 if path.suffix == ".docx" else record["seconds"] >= 0
        assert record["pages"] == (pdf_pages(path) if path.suffix == ".pdf" else None)
        assert record["error"] is None and record["spec"] == str(folder / "a.yaml")
        assert any("do not add up" in warning for warning in record["warnings"]) or \
            record["warnings"] == []
    failed = [r for r in records if not r["ok"]]
    assert len(failed) == 4 and {r["format"] for r in failed} == {"pdf", "docx"}
    assert all(r["bytes"] is None and "figures[patents.grants].value" in r["error"]
               for r in failed)


class Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def test_a_terminal_gets_a_progress_bar_and_a_pipe_gets_lines(sample: Report,
                                                              tmp_path: Path) -> None:
    recipe = Recipe(summary_brief(), load_theme("briefing"))
    job = Job(sample, recipe, (Output(tmp_path / "a.zh.pdf", "zh"),), "a.yaml")
    done = Done(job, (Rendered(b"%PDF-", 0.5),), (tmp_path / "a.zh.pdf",))
    for stream, bar in ((Terminal(), True), (io.StringIO(), False)):
        reporter = Reporter(2, 2, err=stream, out=io.StringIO())
        reporter.open()
        reporter.output_done(job.outputs[0], done.results[0])
        reporter.done(done)
        reporter.close()
        said = stream.getvalue()
        assert ("0/2 [" in said) is bar  # the bar as it starts
        assert ("ipdocs: built a.yaml: 1 file, 0.50 s of rendering" in said) is not bar
        assert said.rstrip().splitlines()[-1].startswith("ipdocs: built 1 of 2 specs (1 files)")


def test_a_reader_that_goes_away_still_gets_a_true_summary(tmp_path: Path) -> None:
    """``ipdocs build DIR --json | head -1``: the build stops at the closed pipe, and the
    summary counts every spec it wrote, even one whose records could not be printed."""
    folder = folder_of_specs(tmp_path, {f"s{n}.yaml": TEXT for n in range(4)})
    out = tmp_path / "out"
    build = subprocess.Popen([sys.executable, "-m", "ipdocs", "build", str(folder), "-f", "pdf",
                              "-l", "en", "--brief", "summary", "-o", str(out), "--json", "-j",
                              "1"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert build.stdout is not None and build.stderr is not None
    assert json.loads(build.stdout.readline())["ok"]
    build.stdout.close()
    summary = build.stderr.read().splitlines()[-1]
    assert build.wait() == 0
    written = len(list(out.iterdir()))
    assert summary.startswith(f"ipdocs: built {written} of 4 specs ({written} files)")


def test_a_specs_warnings_reach_stderr_located_once_each(tmp_path: Path) -> None:
    """A built spec's warnings (parts that do not add up, a machine's face) are printed on
    stderr, each located on its line, as check prints them (they reached the JSON records
    alone); a refused spec's are printed once, with its errors."""
    from tests.conftest import MINIMAL

    unchecked = MINIMAL.replace("    parts_complete: false\n", "")  # parts: a warning
    folder = folder_of_specs(tmp_path, {"a.yaml": unchecked, "broken.yaml": BROKEN})
    result = run("build", str(folder), "-f", "pdf", "-l", "en", "-o", str(tmp_path / "out"))
    lines = result.stderr.splitlines()
    warned = [line for line in lines if line.startswith(f"{folder / 'a.yaml'}:")]
    assert len(warned) == 1 and ": warning: figures[patents.grants]" in warned[0], lines
    assert warned[0].split(":")[1].isdigit()
    broken = [line for line in lines if ": warning: " in line
              and line.startswith(f"{folder / 'broken.yaml'}:")]
    assert len(broken) == len(set(broken))


def test_the_writers_needed_are_known_before_any_spec_is_loaded(tmp_path: Path) -> None:
    from ipdocs.app.batch import jobs_of, writers_needed
    from ipdocs.sections import full_brief

    plans = plan([tmp_path / "a.yaml"], tmp_path, "full", ["docx"], ["zh", "en"])
    full = Recipe(full_brief(), load_theme("briefing"))
    fitted = Recipe(summary_brief(), load_theme("briefing"))
    assert writers_needed(plans, full) == ("docx",)
    assert writers_needed(plans, fitted) == ("docx", "pdf")  # fitted by its PDF's pages
    loading = jobs_of(plans, full, Reporter(1, 2, err=io.StringIO()))
    assert loading.formats == ("docx",)  # the spec (missing) not read yet
    assert loading.planned == 1


def test_a_fitted_briefs_processes_start_with_the_pdf_writer_alone(tmp_path: Path) -> None:
    """A brief with a page limit lays PDFs out first, whatever its formats: the processes
    import that writer as they start, the others later (``jobs._prepare``)."""
    from ipdocs.app.batch import jobs_of, writers_first
    from ipdocs.sections import full_brief

    plans = plan([tmp_path / "a.yaml", tmp_path / "b.yaml"], tmp_path, "full",
                 ["docx", "pdf"], ["zh"])
    fitted = Recipe(summary_brief(), load_theme("briefing"))
    assert writers_first(plans, fitted) == ("pdf",)
    assert writers_first(plans, Recipe(full_brief(), load_theme("briefing"))) == (
        "docx", "pdf")
    assert jobs_of(plans, fitted, Reporter(2, 2, err=io.StringIO())).formats == ("pdf",)
