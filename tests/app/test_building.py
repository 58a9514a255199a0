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
    Recipe,
    atomic_write,
    build,
)
from ipdocs.model import Report
from ipdocs.sections import Brief, summary_brief
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


def test_unknown_format(tmp_path: Path, sample: Report) -> None:
    with pytest.raises(BuildError, match=r"cannot write \.odt files"):
        build(sample, tmp_path / "x.odt")


def test_build_takes_a_brief_by_name_or_made_in_python(tmp_path: Path, sample: Report) -> None:
    path = build(sample, tmp_path / "a.docx", lang="en", brief="summary")
    assert path.read_bytes()[:2] == b"PK"
    other = build(sample, tmp_path / "b.docx", lang="en", brief=summary_brief())
    assert other.read_bytes() == path.read_bytes()


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


def test_jobs_option_rejects_nonsense(tmp_path: Path) -> None:
    result = run("build", str(SAMPLE), "-j", "many", "-o", str(tmp_path))
    assert result.returncode == 2 and "--jobs takes a whole number" in result.stderr


def test_build_is_at_the_top_of_the_package(tmp_path: Path, sample: Report) -> None:
    import ipdocs

    path = ipdocs.build(sample, tmp_path / "a.pdf", lang="zh", brief="summary")
    assert path.read_bytes()[:5] == b"%PDF-"
    with pytest.raises(ipdocs.BuildError):
        ipdocs.build(sample, tmp_path / "a.odt")


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


def readers_accept(path: Path) -> None:
    """qpdf and poppler (PDF) or python-docx (DOCX) open the file without complaint."""

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


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_render_gives_the_bytes_build_writes(tmp_path: Path, sample: Report, fmt: str) -> None:
    import ipdocs

    data = ipdocs.render(sample, fmt, lang="en", brief="summary")  # type: ignore[arg-type]
    written = ipdocs.build(sample, tmp_path / f"a.{fmt}", lang="en", brief="summary")
    assert data == written.read_bytes()
    with pytest.raises(ipdocs.BuildError, match="unknown format 'odt'"):
        ipdocs.render(sample, "odt")  # type: ignore[arg-type]


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
