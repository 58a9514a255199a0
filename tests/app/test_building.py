"""Building files: atomic writes, output names, the build command."""

import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from ipdocs.app.building import (
    BuildError,
    Output,
    Recipe,
    atomic_write,
    available_cpus,
    build,
    build_all,
    output_name,
    write_document,
)
from ipdocs.model import Report
from ipdocs.sections import Brief, CoverBuilder, summary_brief
from ipdocs.sections import load_brief as load_brief_file
from ipdocs.themes import load_theme
from tests.conftest import ROOT, SAMPLE, on_small_disk


def test_atomic_write_leaves_no_partial_file(tmp_path: Path) -> None:
    target = tmp_path / "out" / "x.docx"

    with pytest.raises(TypeError):
        atomic_write(target, "not bytes")  # type: ignore[arg-type]
    assert not target.exists()
    assert list(target.parent.iterdir()) == []


def test_atomic_write_replaces(tmp_path: Path) -> None:
    target = tmp_path / "x.bin"
    target.write_bytes(b"old")
    atomic_write(target, b"new")
    assert target.read_bytes() == b"new"
    assert oct(target.stat().st_mode & 0o777) != oct(0o600)


def test_uncovered_character_fails_cleanly(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IPDOCS_SYSTEM_FONTS", "off")  # nor a face of the machine's has it
    spec = tmp_path / "emoji.yaml"
    spec.write_text(SAMPLE.read_text("utf-8").replace("Briefing}", "Briefing 😀}"), "utf-8")
    result = run("build", str(spec), "-f", "pdf", "-l", "en", "-o", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "U+1F600" in result.stderr and "Traceback" not in result.stderr
    assert not list((tmp_path / "out").glob("*.pdf"))


def test_failing_render_keeps_the_old_file(tmp_path: Path, sample: Report) -> None:
    target = tmp_path / "x.docx"
    target.write_bytes(b"previous")
    doc = Brief([CoverBuilder()]).document(sample, "zh", theme="no-such-theme")
    with pytest.raises(Exception, match="unknown theme"):
        write_document(doc, target)
    assert target.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["x.docx"]


def test_unknown_format(tmp_path: Path, sample: Report) -> None:
    with pytest.raises(BuildError, match=r"cannot write \.odt files"):
        build(sample, tmp_path / "x.odt")


def test_build_takes_a_brief_by_name_or_made_in_python(tmp_path: Path, sample: Report) -> None:
    path = build(sample, tmp_path / "a.docx", lang="en", brief="summary")
    assert path.read_bytes()[:2] == b"PK"
    other = build(sample, tmp_path / "b.docx", lang="en", brief=summary_brief())
    assert other.read_bytes() == path.read_bytes()


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


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the command line as a user would."""
    return subprocess.run([sys.executable, "-m", "ipdocs", *args], capture_output=True,
                          text=True, check=False)


def test_build_command(tmp_path: Path) -> None:
    result = run("build", str(SAMPLE), "-l", "zh,en", "--brief", "summary", "-o", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "sample.summary.en.docx", "sample.summary.en.pdf",
        "sample.summary.zh.docx", "sample.summary.zh.pdf"]


@pytest.mark.parametrize(("args", "message"), [
    (["-l", "fr"], "unknown language fr"),
    (["-f", "odt"], "unknown format odt"),
    (["-f", ""], "unknown format ''"),
    (["--theme", "glossy"], "unknown theme 'glossy'"),
    (["--brief", "weekly"], "unknown brief 'weekly'"),
    (["--layout", "diagonal"], "invalid choice: 'diagonal'"),
])
def test_build_command_rejects(tmp_path: Path, args: list[str], message: str) -> None:
    result = run("build", str(SAMPLE), "-o", str(tmp_path), *args)
    assert result.returncode in (1, 2)
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_build_command_with_broken_spec(tmp_path: Path) -> None:
    spec = tmp_path / "bad.yaml"
    spec.write_text(SAMPLE.read_text("utf-8").replace("value: 71425", "value: lots"), "utf-8")
    result = run("build", str(spec), "-o", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "figures[patents.grants].value" in result.stderr
    assert not (tmp_path / "out").exists()


def test_build_command_unwritable_output(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run("build", str(SAMPLE), "-l", "zh", "--brief", "summary", "-o", str(blocker))
    assert result.returncode == 1
    assert "cannot write" in result.stderr and "Traceback" not in result.stderr


def test_one_failing_output_writes_none(tmp_path: Path) -> None:
    """A theme whose fallback font has CFF outlines: the DOCX can be made, the PDF not."""
    from tests.fontfiles import make_font

    font = make_font(tmp_path / "cff.otf", "x", cff=True)
    theme = tmp_path / "cff-theme.yaml"
    theme.write_text((ROOT / "src/ipdocs/themes/briefing.yaml").read_text("utf-8")
                     + f"fallbacks: ['{font}']\n", "utf-8")
    out = tmp_path / "out"
    result = run("build", str(SAMPLE), "-l", "en", "--brief", "summary", "--theme", str(theme),
                 "-o", str(out))
    assert result.returncode == 1
    assert f"cannot build {out / 'sample.summary.en.pdf'}: " in result.stderr
    assert "nothing written" in result.stderr and "Traceback" not in result.stderr
    assert not out.exists()  # the DOCX could be made, but a build is all or nothing


def test_processes_make_the_same_files(tmp_path: Path, sample: Report) -> None:
    recipe = Recipe(summary_brief(), load_theme("briefing"))
    outputs = [Output(tmp_path / f"{jobs}" / f"s.{lang}.{fmt}", lang)  # type: ignore[arg-type]
               for jobs in (1, 2) for lang in ("zh", "en") for fmt in ("pdf", "docx")]
    one = build_all(sample, recipe, outputs[:4], jobs=1)
    two = build_all(sample, recipe, outputs[4:], jobs=2)
    assert [p.name for p in one] == [p.name for p in two] == [
        "s.zh.pdf", "s.zh.docx", "s.en.pdf", "s.en.docx"]
    assert [p.read_bytes() for p in one] == [p.read_bytes() for p in two]


def test_jobs_option_rejects_nonsense(tmp_path: Path) -> None:
    result = run("build", str(SAMPLE), "-j", "many", "-o", str(tmp_path))
    assert result.returncode == 2 and "--jobs takes a whole number" in result.stderr


def test_build_is_at_the_top_of_the_package(tmp_path: Path, sample: Report) -> None:
    import ipdocs

    path = ipdocs.build(sample, tmp_path / "a.pdf", lang="zh", brief="summary")
    assert path.read_bytes()[:5] == b"%PDF-"
    with pytest.raises(ipdocs.BuildError):
        ipdocs.build(sample, tmp_path / "a.odt")


def test_spawned_workers_make_the_same_files(tmp_path: Path, sample: Report,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """Where processes cannot be forked (macOS, Windows), spawned workers start afresh:
    everything they are sent must cross over and give the same bytes."""
    import multiprocessing

    from ipdocs.app import building

    recipe = Recipe(summary_brief(), load_theme("official"))
    outputs = [Output(tmp_path / d / f"s.{lang}.pdf", lang)  # type: ignore[arg-type]
               for d in ("one", "spawn") for lang in ("zh", "en")]
    one = build_all(sample, recipe, outputs[:2], jobs=1)
    monkeypatch.setattr(building, "_context", lambda: multiprocessing.get_context("spawn"))
    spawned = build_all(sample, recipe, outputs[2:], jobs=2)
    assert [p.read_bytes() for p in one] == [p.read_bytes() for p in spawned]


def _build_in_daemon(folder: str) -> list[str]:
    """Build two outputs from inside a pool worker (a daemon process)."""
    from ipdocs import load_report

    report = load_report(SAMPLE)
    recipe = Recipe(summary_brief(), load_theme("briefing"))
    outputs = [Output(Path(folder) / f"s.{lang}.pdf", lang) for lang in ("zh", "en")]  # type: ignore[arg-type]
    return [p.name for p in build_all(report, recipe, outputs, jobs=0)]


def test_a_daemon_process_builds_alone(tmp_path: Path) -> None:
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(1) as pool:
        assert pool.apply(_build_in_daemon, (str(tmp_path),)) == ["s.zh.pdf", "s.en.pdf"]


@pytest.mark.parametrize(("layout", "what"), [("interleaved", "a table row"),
                                              ("parallel", "a side-by-side pair")])
def test_content_taller_than_a_page_is_a_clear_error(tmp_path: Path, layout: str,
                                                     what: str) -> None:
    spec = tmp_path / "tall.yaml"
    label = "很长的标签" * 900
    spec.write_text(SAMPLE.read_text("utf-8").replace(
        "label: {zh: 每万人高价值发明专利拥有量,", f"label: {{zh: {label},"), "utf-8")
    out = tmp_path / "out"
    result = run("build", str(spec), "-f", "pdf", "-l", "zh-en", "--layout", layout,
                 "-o", str(out))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{what} " in result.stderr and "cannot be split and does not fit on page" in \
        result.stderr
    assert not out.exists()


LAZY = ("concurrent.futures", "multiprocessing", "reportlab.graphics")
"""Modules a one-file build of a document without charts never imports (start-up time)."""


def _imported_by_build(tmp_path: Path, builders: str, langs: tuple[str, ...]) -> list[str]:
    """Which of LAZY a fresh process has imported after building ``langs`` as PDFs of
    SAMPLE with a brief of ``builders`` (default jobs: a process per core)."""
    script = f"""
import sys
from pathlib import Path
from ipdocs import Output, Recipe, build_all, load_report
from ipdocs.sections import Brief, ChartBuilder, CoverBuilder
from ipdocs.themes import load_theme
recipe = Recipe(Brief([{builders}]), load_theme("briefing"))
outputs = [Output(Path({str(tmp_path)!r}) / f"{{lang}}.pdf", lang) for lang in {langs!r}]
build_all(load_report({str(SAMPLE)!r}), recipe, outputs, jobs=0)
print(",".join(m for m in {LAZY!r} if m in sys.modules))
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            check=True)
    return [m for m in result.stdout.strip().split(",") if m]


def test_a_one_file_build_without_charts_imports_no_processes_or_graphics(
        tmp_path: Path) -> None:
    assert _imported_by_build(tmp_path, "CoverBuilder()", ("zh",)) == []


def test_what_a_build_needs_is_imported_when_needed(tmp_path: Path) -> None:
    charted = _imported_by_build(tmp_path, "CoverBuilder(), ChartBuilder()", ("zh",))
    assert charted == ["reportlab.graphics"]
    if available_cpus() > 1:
        two = _imported_by_build(tmp_path, "CoverBuilder()", ("zh", "en"))
        assert two == ["concurrent.futures", "multiprocessing"]


def readers_accept(path: Path) -> None:
    """qpdf and poppler (PDF) or python-docx (DOCX) open the file without complaint."""
    import shutil

    if path.suffix == ".docx":
        import docx

        assert docx.Document(str(path)).paragraphs
        return
    if shutil.which("qpdf") is None or shutil.which("pdftotext") is None:
        pytest.skip("needs qpdf and poppler-utils")
    check = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True,
                           check=False)
    assert check.returncode == 0 and "No syntax or stream encoding errors" in check.stdout
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=False)
    assert text.returncode == 0 and text.stderr == "" and text.stdout.strip()


def test_an_empty_brief_is_refused_not_written_as_a_pageless_pdf(tmp_path: Path) -> None:
    brief = tmp_path / "empty.yaml"
    brief.write_text("builders: []\n", "utf-8")
    out = tmp_path / "out"
    result = run("build", str(SAMPLE), "--brief", str(brief), "-l", "zh", "-o", str(out))
    assert result.returncode == 1 and f"{brief}:1:11: error: builders:" in result.stderr
    assert not out.exists()


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_an_empty_document_is_refused(tmp_path: Path, fmt: str,
                                      write_spec: Callable[..., Path]) -> None:
    """A brief made in Python skips the file's checks; a PDF of no page is still refused
    (poppler rejects it), and the DOCX alike."""
    from ipdocs import load_report

    report = load_report(write_spec())  # no draft marks: no legend either
    with pytest.raises(BuildError, match="nothing to print: the brief has no builders"):
        build(report, tmp_path / "out" / f"x.{fmt}", brief=Brief([]))
    assert not (tmp_path / "out").exists()


def test_names_with_spaces_and_cjk_give_files_readers_open(tmp_path: Path) -> None:
    folder = tmp_path / "年度 报告"
    folder.mkdir()
    spec = folder / "宁波 知识产权 2024.yaml"
    spec.write_text(SAMPLE.read_text("utf-8"), "utf-8")
    brief = folder / "新闻 稿.yaml"
    brief.write_text("builders: [cover, lead, key_figures]\n", "utf-8")
    out = folder / "输出 文件"
    result = run("build", str(spec), "--brief", str(brief), "-l", "zh,zh-en", "-o", str(out))
    assert result.returncode == 0, result.stderr
    made = sorted(out.iterdir())
    assert [p.name for p in made] == sorted(f"宁波 知识产权 2024.新闻 稿.{lang}.{fmt}"
                                            for lang in ("zh", "zh-en") for fmt in ("docx", "pdf"))
    for path in made:
        readers_accept(path)


def long_paragraph(tmp_path: Path, characters: int) -> tuple[Path, Path]:
    """The sample with a paragraph of ``characters`` characters, and a brief of its
    chapter."""
    spec = tmp_path / "long.yaml"
    text = ("知识产权保护" * (characters // 6 + 1))[:characters - 100]  # the rest: under 100
    spec.write_text(SAMPLE.read_text("utf-8").replace("**突出高位引领。**", text, 1), "utf-8")
    brief = tmp_path / "creation.yaml"
    brief.write_text("builders: [{chapters: {section: creation}}]\n", "utf-8")
    return spec, brief


def test_a_paragraph_of_200000_characters_is_refused_where_it_stands(tmp_path: Path) -> None:
    spec, brief = long_paragraph(tmp_path, 200_000)
    out = tmp_path / "out"
    result = run("build", str(spec), "--brief", str(brief), "-l", "zh", "-o", str(out))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert re.search(r"long\.yaml:\d+:\d+: error: .*paragraphs\[0\]\.zh: a text of ",
                     result.stderr)
    assert not out.exists()


def test_the_longest_paragraph_accepted_gives_files_readers_open(tmp_path: Path) -> None:
    from ipdocs.base.inputs import MAX_TEXT_CHARS as MAX_TEXT

    spec, brief = long_paragraph(tmp_path, MAX_TEXT)
    out = tmp_path / "out"
    result = run("build", str(spec), "--brief", str(brief), "-l", "zh", "-o", str(out))
    assert result.returncode == 0, result.stderr
    for path in sorted(out.iterdir()):
        readers_accept(path)
    printed = subprocess.run(["pdftotext", str(out / "long.creation.zh.pdf"), "-"],
                             capture_output=True, text=True, check=True).stdout
    assert "".join(printed.split()).count("知识产权保护") >= (MAX_TEXT - 100) // 6 - 20


def test_a_build_onto_a_full_disk_leaves_nothing(tmp_path: Path) -> None:
    """ENOSPC midway: the PDF fits on a 100 kB tmpfs, the DOCX (fonts embedded) does not."""
    disk = tmp_path / "disk"
    result = on_small_disk(disk, "100k", f"{sys.executable} -m ipdocs build '{SAMPLE}' -l zh "
                                         f"--brief summary -o '{disk}'; echo status $?; "
                                         f"ls -A '{disk}'")
    assert "ipdocs: cannot write " in result.stderr
    assert "No space left on device; nothing written" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == "status 1\n"  # and `ls -A` found nothing on the disk


def test_a_brief_that_cannot_fit_its_pages_says_so_once_naming_its_files(
        tmp_path: Path) -> None:
    brief = tmp_path / "one.yaml"
    brief.write_text("pages: 1\nbuilders: [cover, contents, chapters]\n", encoding="utf-8")
    result = run("build", str(ROOT / "specs/ningbo-2024.yaml"), "-l", "en", "--brief",
                 str(brief), "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    said = [line for line in result.stderr.splitlines() if "is to fill 1 page" in line]
    assert len(said) == 1
    found = re.fullmatch(r"ipdocs: warning: ningbo-2024\.one\.en\.docx, ningbo-2024\.one\.en"
                         r"\.pdf: the brief “one” is to fill 1 page but fills (\d+) pages .*",
                         said[0])
    assert found and int(found.group(1)) > 1


@pytest.mark.skipif(not shutil.which("pdfinfo"), reason="needs poppler-utils")
def test_the_docx_of_a_fitted_brief_is_the_document_that_fitted(tmp_path: Path) -> None:
    """Ningbo's English summary fits its page without its chart: the DOCX has none either."""
    import zipfile

    from ipdocs import load_report

    report = load_report(ROOT / "specs/ningbo-2024.yaml")
    pdf = build(report, tmp_path / "s.pdf", lang="en", brief="summary")
    docx = build(report, tmp_path / "s.docx", lang="en", brief="summary")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Year-on-year change" not in text
    with zipfile.ZipFile(docx) as package:
        assert not [n for n in package.namelist() if n.startswith("word/charts/")]
    whole = Brief(summary_brief().builders, "summary")  # the same steps, no page limit
    docx = build(report, tmp_path / "whole.docx", lang="en", brief=whole)
    with zipfile.ZipFile(docx) as package:
        assert [n for n in package.namelist() if n.startswith("word/charts/")]


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_render_gives_the_bytes_build_writes(tmp_path: Path, sample: Report, fmt: str) -> None:
    import ipdocs

    data = ipdocs.render(sample, fmt, lang="en", brief="summary")  # type: ignore[arg-type]
    written = ipdocs.build(sample, tmp_path / f"a.{fmt}", lang="en", brief="summary")
    assert data == written.read_bytes()
    with pytest.raises(ipdocs.BuildError, match="unknown format 'odt'"):
        ipdocs.render(sample, "odt")  # type: ignore[arg-type]


SPAWN_SAFE = '''\
import multiprocessing
import sys

import ipdocs
from ipdocs.app.building import _context


def main() -> None:
    multiprocessing.set_start_method(sys.argv[1])
    assert _context().get_start_method() == sys.argv[1], _context().get_start_method()
    report = ipdocs.load_report(sys.argv[2])
    recipe = ipdocs.Recipe(ipdocs.sections.summary_brief(), ipdocs.themes.load_theme("briefing"))
    outputs = [ipdocs.Output(ipdocs.app.building.Path(sys.argv[3]) / f"s.{lang}.pdf", lang)
               for lang in ("zh", "en")]
    print(len(ipdocs.build_all(report, recipe, outputs, jobs=2)))


if __name__ == "__main__":
    main()
'''


@pytest.mark.parametrize("method", ["spawn", "forkserver"])
def test_the_start_method_a_program_sets_is_honoured(tmp_path: Path, method: str) -> None:
    """A program that sets its start method gets it (ipdocs forks on Linux only when none
    was set), and the README's spawn-safe use, behind ``if __name__ == "__main__"``,
    builds."""
    script = tmp_path / "main.py"
    script.write_text(SPAWN_SAFE, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script), method, str(SAMPLE), str(tmp_path)],
                          capture_output=True, text=True, check=False, timeout=600)
    assert (done.returncode, done.stdout.strip()) == (0, "2"), done.stderr


def test_linux_forks_when_no_start_method_was_set() -> None:
    code = ("import sys, ipdocs.app.building as b; "
            "print(b._context().get_start_method() if sys.platform == 'linux' else 'fork')")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "fork"


def _hebrew_chart(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A spec whose chart label mixes Han and Hebrew, a brief of that chart, and the
    briefing theme with DejaVu Sans (Hebrew, no Han) as its fallback."""
    from tests.conftest import MINIMAL

    dejavu = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if not dejavu.is_file():
        pytest.skip("needs fonts-dejavu-core for a fallback face")
    spec = tmp_path / "spec.yaml"
    spec.write_text(MINIMAL.replace("label: {zh: 专利授权量,", "label: {zh: 专利授权量א,"),
                    encoding="utf-8")
    brief = tmp_path / "brief.yaml"
    brief.write_text("builders:\n  - chart: {kind: bar, figures: [patents.grants, "
                     "patents.invention]}\n", encoding="utf-8")
    theme = tmp_path / "theme.yaml"
    theme.write_text((ROOT / "src/ipdocs/themes/briefing.yaml").read_text("utf-8")
                     + f"fallbacks: [{dejavu}]\n", encoding="utf-8")
    return spec, brief, theme


def test_a_theme_that_cannot_print_a_chart_label_is_refused_by_check(tmp_path: Path) -> None:
    from ipdocs.app.building import theme_problems
    from ipdocs.loading import load_report

    spec, brief, theme = _hebrew_chart(tmp_path)
    recipe = Recipe(load_brief_file(brief), load_theme(theme))
    [problem] = theme_problems(load_report(spec), recipe)
    assert problem.is_error and problem.path == ("figures", "patents.grants", "label", "zh")
    assert problem.message.startswith(f"{theme}: fonts.sans.bundled (sans) cannot set U+05D0 "
                                      "'א' (HEBREW LETTER ALEF) in a chart's label, which is "
                                      "set whole in one face")
    done = subprocess.run([sys.executable, "-m", "ipdocs", "check", str(spec), "--brief",
                           str(brief), "--theme", str(theme)], capture_output=True, text=True,
                          check=False, timeout=600)
    assert done.returncode == 1 and f"{spec}:16:17: error: figures[patents.grants].label.zh: " \
        f"{theme}: fonts.sans.bundled (sans) cannot set U+05D0 'א'" in done.stderr
    plain = subprocess.run([sys.executable, "-m", "ipdocs", "check", str(spec), "--brief",
                           str(brief)], capture_output=True, text=True, check=False,
                          timeout=600)
    # no bundled face has א: without --theme, check tries the default theme, which
    # cannot set the label whole either, as build then refuses it (was: ok)
    assert plain.returncode == 1 and "briefing.yaml: fonts.sans.bundled (sans) cannot set " \
        "U+05D0" in plain.stderr, plain.stdout + plain.stderr


def _count_layouts(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A list that grows by one at each PDF layout begun (fitting trials included)."""
    from ipdocs.writers.pdf.page import Template

    laid: list[int] = []
    original = Template.build_story

    def counted(self: Template, story: list[object]) -> None:
        laid.append(1)
        original(self, story)

    monkeypatch.setattr(Template, "build_story", counted)
    return laid


def test_the_pdf_and_docx_of_one_language_share_the_fitted_brief(
        sample: Report, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The DOCX fits the brief (PDF trials); the PDF of its language is the PDF that
    fitted, laid out no more; a report not the same object fits afresh."""
    from ipdocs.app.building import render_output

    laid = _count_layouts(monkeypatch)
    recipe = Recipe(summary_brief(), load_theme("briefing"))
    docx = render_output(sample, recipe, Output(tmp_path / "s.zh.docx", "zh"))
    trials = len(laid)
    assert trials >= 1
    pdf = render_output(sample, recipe, Output(tmp_path / "s.zh.pdf", "zh"))
    assert len(laid) == trials
    assert render_output(sample, recipe, Output(tmp_path / "again.zh.docx", "zh")) == docx
    again = Report.model_validate(sample.model_dump())
    assert render_output(again, recipe, Output(tmp_path / "t.zh.pdf", "zh")) == pdf
    assert len(laid) == 2 * trials


def test_the_outputs_of_one_language_render_together(tmp_path: Path) -> None:
    """In a pool, one process renders a job's outputs of one language (they share the
    document); the first job of a run, without a page limit, renders each output alone;
    a fitted brief's outputs of one language always go together."""
    from ipdocs.app.building import Job, shared_places
    from ipdocs.sections import full_brief

    outputs = tuple(Output(tmp_path / f"s.{lang}.{fmt}", lang)  # type: ignore[arg-type]
                    for fmt in ("docx", "pdf") for lang in ("zh", "en", "zh-en"))
    fitted = Job(None, Recipe(summary_brief(), load_theme("briefing")), outputs)  # type: ignore[arg-type]
    assert shared_places(fitted) == [(0, 3), (1, 4), (2, 5)]
    assert shared_places(fitted, alone=True) == [(0, 3), (1, 4), (2, 5)]
    whole = Job(None, Recipe(full_brief(), load_theme("briefing")), outputs)  # type: ignore[arg-type]
    assert shared_places(whole) == [(0, 3), (1, 4), (2, 5)]
    assert shared_places(whole, alone=True) == [(i,) for i in range(6)]


def test_the_pdf_and_docx_of_one_language_share_the_document(
        sample: Report, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A brief without a page limit is made once for a language's DOCX and PDF, and
    again for another report object or another recipe."""
    from ipdocs.app.building import render_output
    from ipdocs.sections import full_brief

    made: list[str] = []
    brief = full_brief()
    original = Brief.document

    def counted(self: Brief, report: Report, lang: str, **options: object) -> object:
        made.append(lang)
        return original(self, report, lang, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(Brief, "document", counted)
    recipe = Recipe(brief, load_theme("briefing"))
    for fmt in ("docx", "pdf"):
        render_output(sample, recipe, Output(tmp_path / f"s.en.{fmt}", "en"))
    assert made == ["en"]
    render_output(sample, Recipe(brief, load_theme("briefing")),
                  Output(tmp_path / "t.en.pdf", "en"))
    assert made == ["en", "en"]


def test_a_pool_is_given_the_longest_work_first(tmp_path: Path) -> None:
    """Both-language outputs, then Chinese, then English; within a language, as given."""
    from ipdocs.app.building import Job, longest_first

    outputs = tuple(Output(tmp_path / f"s.{lang}.{fmt}", lang)  # type: ignore[arg-type]
                    for fmt in ("docx", "pdf") for lang in ("en", "zh", "zh-en"))
    job = Job(None, None, outputs)  # type: ignore[arg-type]
    assert longest_first(job, [(i,) for i in range(6)]) == [(2,), (5,), (1,), (4,), (0,),
                                                            (3,)]
    assert longest_first(job, [(0, 3), (1, 4), (2, 5)]) == [(2, 5), (1, 4), (0, 3)]


def test_a_fitted_brief_gives_back_each_cut_its_page_has_room_for(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Fitted at the last level, a brief tries each cut back in turn (the chart, the
    highlights, the lead, the key figures) and keeps those that still fit; a cut that took
    nothing away is not laid out again."""
    from ipdocs.app import building
    from ipdocs.sections.context import FEW_HIGHLIGHTS, FEW_KEY_FIGURES, FIRST_LEAD, NO_CHART

    room = {NO_CHART: 3, FEW_HIGHLIGHTS: 1, FIRST_LEAD: 1, FEW_KEY_FIGURES: 5}
    laid: list[frozenset[int]] = []

    def make(level: int, restored: frozenset[int] = frozenset()) -> object:
        return ("doc", level, restored - {FIRST_LEAD})  # the lead has one paragraph

    def within(doc: tuple[str, int, frozenset[int]], theme: object, limit: int) -> bytes | None:
        laid.append(doc[2])
        return b"%PDF" if sum(room[cut] for cut in doc[2]) <= 2 else None

    monkeypatch.setattr(building, "_render_within", within)
    theme = load_theme("briefing")
    fitted = building._Fit(6, frozenset(), make(6), theme, b"%PDF")  # type: ignore[arg-type]
    got = building._given_back(make, fitted, 1)  # type: ignore[arg-type]
    assert got.doc == ("doc", 6, frozenset({FEW_HIGHLIGHTS})) and got.pdf == b"%PDF"
    assert got.restored == {FEW_HIGHLIGHTS}
    assert laid == [frozenset({NO_CHART}), frozenset({FEW_HIGHLIGHTS}),
                    frozenset({FEW_HIGHLIGHTS, FEW_KEY_FIGURES})]
