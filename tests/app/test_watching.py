"""``ipdocs watch``: rebuilt on every change, errors said without stopping, nothing lost."""

from __future__ import annotations

import gc
import io
import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from ipdocs.app import batch, watching
from ipdocs.app.batch import plan
from ipdocs.app.watching import Options, Watcher, inputs
from tests.conftest import ROOT, SAMPLE

TEXT = SAMPLE.read_text("utf-8")


def options(spec: Path, out: Path, brief: str = "summary", theme: str = "briefing") -> Options:
    """Watch options for the English summary PDF of ``spec``."""
    [planned] = plan([spec], out, brief, ["pdf"], ["en"])
    return Options(planned, brief, theme, "interleaved", False, 1)


def test_the_inputs_are_the_spec_glossary_and_the_brief_and_theme_files(tmp_path: Path) -> None:
    spec = tmp_path / "a.yaml"
    found = inputs(options(spec, tmp_path / "out", str(tmp_path / "b.yaml"),
                           str(tmp_path / "t.yaml")))
    assert found == [spec, tmp_path / "glossary.yaml", tmp_path / "b.yaml",
                     tmp_path / "t.yaml"]
    assert inputs(options(spec, tmp_path / "out")) == [spec, tmp_path / "glossary.yaml"]


def test_a_linked_spec_is_watched_where_it_lives(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.yaml").write_text(TEXT, "utf-8")
    (tmp_path / "a.yaml").symlink_to(tmp_path / "real" / "a.yaml")
    found = inputs(options(tmp_path / "a.yaml", tmp_path / "out"))
    assert tmp_path / "real" / "a.yaml" in found and tmp_path / "a.yaml" in found


def test_a_change_during_a_rebuild_is_not_lost(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The spec is saved again while a rebuild runs (after it was read): the rebuild
    starts again, and the file holds the last save."""
    spec = tmp_path / "a.yaml"
    spec.write_text(TEXT, "utf-8")
    real = batch.load_job
    saves = iter([TEXT.replace("value: 71425", "value: 80000")])

    def load_then_edit(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        loaded = real(*args, **kwargs)  # type: ignore[arg-type]
        for text in saves:  # the first rebuild only
            spec.write_text(text, "utf-8")
        return loaded

    monkeypatch.setattr(watching, "load_job", load_then_edit)
    out = io.StringIO()
    watcher = Watcher(options(spec, tmp_path / "out"), io.StringIO(), out)
    assert watcher.rebuild()
    assert len(out.getvalue().splitlines()) == 2  # built twice
    text = pdf_text(tmp_path / "out" / "a.summary.en.pdf")
    assert "80,000" in text and "71,425" not in text


def pdf_text(path: Path) -> str:
    """The text poppler extracts from a PDF."""
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def save(path: Path, text: str) -> None:
    """Save ``text`` to ``path`` as editors do: written whole beside it, then renamed over
    it (a file written in place can be read half written by a rebuild under load, which
    then fails as it should, and the test would read that rebuild's line)."""
    temp = path.with_name(f".{path.name}.saving")
    temp.write_text(text, "utf-8")
    os.replace(temp, path)


class Session:
    """``ipdocs watch`` run as a user runs it, its output read line by line."""

    def __init__(self, spec: Path, *options: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "ipdocs", "watch", str(spec), *options],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            start_new_session=True)
        self.lines: queue.Queue[str] = queue.Queue()
        for stream, name in ((self.process.stdout, "out"), (self.process.stderr, "err")):
            threading.Thread(target=self._read, args=(stream, name), daemon=True).start()

    def _read(self, stream: io.TextIOWrapper, name: str) -> None:
        for line in stream:
            self.lines.put(f"{name}: {line.rstrip()}")

    def until(self, text: str, timeout: float = 30) -> list[str]:
        """The lines said up to the first that holds ``text``."""
        said = []
        deadline = time.monotonic() + timeout
        while not said or text not in said[-1]:
            said.append(self.lines.get(timeout=max(0.01, deadline - time.monotonic())))
        return said

    def rebuilt(self, timeout: float = 30) -> list[str]:
        """The lines said up to the first saying files were rebuilt (on stdout: a "not
        rebuilt" line, on stderr, also holds the word, and a burst of events can leave a
        second one waiting)."""
        said: list[str] = []
        deadline = time.monotonic() + timeout
        while not said or not said[-1].startswith("out: "):
            said.append(self.lines.get(timeout=max(0.01, deadline - time.monotonic())))
        return said

    def stop(self) -> tuple[int, str]:
        """Ctrl-C: the exit status and the last line said."""
        os.killpg(self.process.pid, signal.SIGINT)
        status = self.process.wait(timeout=5)
        return status, self.until("ipdocs: interrupted", timeout=5)[-1]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_edit_break_and_fix_as_a_user_would(tmp_path: Path) -> None:
    spec = tmp_path / "a.yaml"
    spec.write_text(TEXT, "utf-8")
    pdf = tmp_path / "out" / "a.summary.en.pdf"
    session = Session(spec, "-f", "pdf", "-l", "en", "--brief", "summary", "-o",
                      str(tmp_path / "out"))
    try:
        said = session.rebuilt()
        assert said[0].startswith("err: ipdocs: watching ") and said[-1].startswith("out: ")
        assert "71,425" in pdf_text(pdf)
        reader = pdf.open("rb")  # a viewer holding the file open
        old = pdf.read_bytes()
        save(spec, TEXT.replace("value: 71425", "value: 72000"))
        line = session.rebuilt()[-1]
        assert re.fullmatch(rf"out: \d\d:\d\d:\d\d rebuilt {re.escape(str(pdf))} in "
                            r"\d+\.\d\d s", line)
        assert "72,000" in pdf_text(pdf)
        assert reader.read() == old  # the old file stayed whole for whoever had it open
        save(spec, TEXT.replace("year: 2024", "year: [2024"))
        said = session.until("not rebuilt")
        assert any(re.search(r"a.yaml:\d+:\d+: error: malformed YAML", line) for line in said)
        assert "72,000" in pdf_text(pdf)
        save(spec, TEXT)
        session.rebuilt()
        assert "71,425" in pdf_text(pdf)
        save(tmp_path / "glossary.yaml", "terms: []\n")  # a new input
        session.rebuilt()
        assert session.stop() == (130, "err: ipdocs: interrupted")
    finally:
        session.process.kill()
    assert sorted(p.name for p in pdf.parent.iterdir()) == [pdf.name]


def test_several_outputs_rebuild_in_a_pool_that_ends_with_the_session(tmp_path: Path) -> None:
    from tests.app.test_stopping import processes

    spec = tmp_path / "a.yaml"
    spec.write_text(TEXT, "utf-8")
    out = tmp_path / "out"
    session = Session(spec, "-f", "pdf", "-l", "zh,en", "--brief", "summary", "-o",
                      str(out), "-j", "2")
    try:
        assert "rebuilt 2 files in " in session.rebuilt()[-1]
        assert len(processes(str(out))) == 3  # the session and its two workers
        save(spec, TEXT.replace("value: 71425", "value: 72000"))
        said = session.rebuilt()
        assert "rebuilt 2 files in " in said[-1], said
        assert len(processes(str(out))) == 3  # the same pool
        assert session.stop()[0] == 130
        time.sleep(0.3)
        assert processes(str(out)) == []
    finally:
        session.process.kill()


NINGBO = ROOT / "specs" / "ningbo-2024.yaml"
LONG = ("我市知识产权行政保护工作获{year-1}年度全国地级以上城市绩效考核"
        "{overview.admin_protection_rank}的佳绩，")
EDITS = [
    ("value: 71425", "value: 71426"),  # a figure's value: the same characters
    ("value: 71426", "value: 987654321"),  # a wider number: its table is fitted again
    ("知识产权顶层设计不断优化", "知识产权顶层设计不断优化鑫"),  # a character new to the report
    ('  - zh: "我市知识产权行政保护工作获', '  - zh: "' + LONG * 40 + "我市知识产权行政保护工作获"),
    ("value: 987654321", "value: 71426"),  # back, with the long paragraph still in
]


def _fresh_build(spec: Path, out: Path) -> bytes:
    """The full zh PDF ``ipdocs build`` makes of ``spec`` in a process of its own."""
    subprocess.run([sys.executable, "-m", "ipdocs", "build", str(spec), "-f", "pdf", "-l", "zh",
                    "-o", str(out)], check=True, capture_output=True)
    return (out / f"{spec.stem}.zh.pdf").read_bytes()


def test_watch_writes_what_a_fresh_build_makes_after_every_edit(tmp_path: Path) -> None:
    """After each of a sequence of edits (a value, a wider number, a new character, a
    paragraph long enough to move every page after it, and back), the PDF a watch
    session writes (warm: what it remembers from the rebuilds before) is byte for byte
    the one a fresh ``ipdocs build`` of the same saved spec makes; so is the first."""
    spec = tmp_path / "ningbo.yaml"
    text = NINGBO.read_text("utf-8")
    spec.write_text(text, "utf-8")
    shutil.copy(NINGBO.parent / "glossary.yaml", tmp_path)
    [planned] = plan([spec], tmp_path / "out", "full", ["pdf"], ["zh"])
    watcher = Watcher(Options(planned, "full", "briefing", "interleaved", False, 1),
                      io.StringIO(), io.StringIO())
    pdf = tmp_path / "out" / "ningbo.zh.pdf"
    pages = []
    for number, (old, new) in enumerate([("", ""), *EDITS]):
        assert old in text
        text = text.replace(old, new, 1)
        spec.write_text(text, "utf-8")
        assert watcher.rebuild_once(), watcher.err.getvalue()
        watching.settle()
        assert pdf.read_bytes() == _fresh_build(spec, tmp_path / f"fresh{number}")
        pages.append(pdf.read_bytes().count(b"/Type /Page\n"))
    assert pages[-1] > pages[0]  # the long paragraph moved what follows it


def test_a_save_made_while_a_rebuild_runs_is_reported_after_it(tmp_path: Path) -> None:
    """The watching thread does not look for changes while the caller rebuilds (between
    two items of ``changes``); a save made then is reported at the next item, and an
    atomic save (a new file renamed over the spec) is one burst."""
    spec = tmp_path / "a.yaml"
    spec.write_text("a", "utf-8")
    found = watching.changes([spec])
    try:
        assert next(found) is watching.READY
        temp = tmp_path / ".a.yaml.saving"
        temp.write_text("b", "utf-8")
        os.replace(temp, spec)
        assert {path for _, path in next(found)} == {str(spec)}  # type: ignore[attr-defined]
        spec.write_text("c", "utf-8")  # "during the rebuild": nothing is looking now
        time.sleep(0.1)
        assert {path for _, path in next(found)} == {str(spec)}  # type: ignore[attr-defined]
    finally:
        found.close()


def test_the_collector_is_off_while_a_rebuild_runs(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Each rebuild runs with the garbage collector off; it is on again after it (and
    frozen what lives on, by ``settle``)."""
    states: list[bool] = []
    monkeypatch.setattr(Watcher, "rebuild", lambda self: states.append(gc.isenabled()))
    assert gc.isenabled()
    watching.watch(options(tmp_path / "a.yaml", tmp_path / "out"), io.StringIO(),
                   io.StringIO(), changed=lambda paths: iter([watching.READY, {"change"}]))
    assert states == [False, False] and gc.isenabled()


def test_layouts_are_kept_once_a_rebuild_is_written_not_while_it_runs(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A rebuild's renders keep their layouts in the font cache after the rebuild (while
    the session waits for the next change), not as each render ends: writing them is not
    part of the time from a save to the PDF."""
    from ipdocs.writers.pdf import keptlayouts

    calls: list[tuple[str, bool]] = []
    monkeypatch.setattr(Watcher, "rebuild",
                        lambda self: calls.append(("rebuild", keptlayouts._deferring[0])))
    monkeypatch.setattr(keptlayouts, "flush", lambda: calls.append(("flush", False)))
    watching.watch(options(tmp_path / "a.yaml", tmp_path / "out"), io.StringIO(),
                   io.StringIO(), changed=lambda paths: iter([watching.READY, {"change"}]))
    assert calls == [("rebuild", True), ("flush", False)] * 2 + [("flush", False)]
    assert not keptlayouts._deferring[0]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_each_rebuild_sees_what_each_part_of_the_spec_holds_now(tmp_path: Path) -> None:
    """Edits to each kind of part of a spec, one after another in one session (what the
    process remembers of texts, figures and checks from the rebuilds before): a figure's
    label and value, a narrative text, a text made unprintable and the same text made
    unprintable again after a fix, a figure's key made no figure id: each rebuild prints,
    or refuses, what the spec holds at that save."""
    spec = tmp_path / "a.yaml"
    out = io.StringIO()
    watcher = Watcher(options(spec, tmp_path / "out"), io.StringIO(), out)
    pdf = tmp_path / "out" / "a.summary.en.pdf"
    bad = "Patents\u202e granted"
    saves: list[tuple[str, str | None, str | None]] = [
        (TEXT, "Patents granted", None),
        (TEXT.replace("en: Patents granted", "en: Patent grants"), "Patent grants", None),
        (TEXT.replace("value: 71425", "value: 72000"), "72,000", None),
        (TEXT.replace("patents were granted in", "patents were awarded in"), "awarded", None),
        (TEXT.replace("en: Patents granted", f'en: "{bad}"'), None, "U+202E"),
        (TEXT, "Patents granted", None),
        (TEXT.replace("en: Patents granted", f'en: "{bad}"'), None, "U+202E"),
        (TEXT.replace("  patents.grants:", "  Patents.Grants:"), None, "dotted lowercase"),
        (TEXT, "71,425", None),
    ]
    for text, printed, refused in saves:
        spec.write_text(text, "utf-8")
        out.truncate(0)
        errors = io.StringIO()
        watcher.err = errors
        written = watcher.rebuild_once()
        watching.settle()
        assert written == (refused is None), errors.getvalue()
        if refused is not None:
            assert refused in errors.getvalue()
        else:
            assert printed is not None and printed in pdf_text(pdf).replace("\n", " ")


def test_a_theme_file_is_read_again_for_each_rebuild_a_built_in_theme_once(
        tmp_path: Path) -> None:
    """A theme file is one of the inputs watched: each rebuild reads it as it is now (a
    mistake in it refuses the rebuild, its fix builds again). A built-in theme is part
    of the package, loaded once a session."""
    spec = tmp_path / "a.yaml"
    spec.write_text(TEXT, "utf-8")
    built_in = Watcher(options(spec, tmp_path / "out"), io.StringIO(), io.StringIO())
    assert built_in.theme() is built_in.theme()
    theme = tmp_path / "theme.yaml"
    good = (ROOT / "src" / "ipdocs" / "themes" / "briefing.yaml").read_text("utf-8")
    theme.write_text(good, "utf-8")
    errors = io.StringIO()
    watcher = Watcher(options(spec, tmp_path / "out", theme=str(theme)), errors, io.StringIO())
    assert watcher.rebuild_once(), errors.getvalue()
    theme.write_text(good + "\nnot_a_field: 1\n", "utf-8")
    assert not watcher.rebuild_once()
    assert "not_a_field" in errors.getvalue()
    theme.write_text(good, "utf-8")
    assert watcher.rebuild_once()


def test_a_signal_that_came_before_the_wait_stops_it_within_a_step() -> None:
    """A signal whose handler is pending while the main thread waits for a change (as
    ``_thread.interrupt_main`` leaves one, without waking the thread: as a signal that
    came just before the wait began) is handled within ``SIGNAL_CHECK_S``, not at the
    next change."""
    import _thread

    found: queue.Queue[object] = queue.Queue()
    signal_ = threading.Timer(0.3, _thread.interrupt_main)
    change = threading.Timer(5, found.put, args=("a change",))
    # Python's own Ctrl-C handler, whatever this process inherited: one started from a
    # shell's background job ignores SIGINT, and interrupt_main then does nothing
    handler = signal.signal(signal.SIGINT, signal.default_int_handler)
    signal_.start()
    change.start()
    started = time.monotonic()
    try:
        with pytest.raises(KeyboardInterrupt):
            watching._next(found)
        assert time.monotonic() - started < 0.3 + 3 * watching.SIGNAL_CHECK_S
    finally:
        change.cancel()
        signal_.cancel()
        signal.signal(signal.SIGINT, handler)


STATEMENTS = [
    ("", ""),  # the spec as it is
    ("change: {percent: 11.4}", "change: {percent: -3.2}"),  # a rise made a fall (its verb)
    ("value: 2\n", "value: 1\n"),  # a count made one (English says it in the singular)
    ("year: 2024", "year: 2025"),  # the year every {year} and period says
    ("专利授权量{patents.grants}", "专利授权量龘{patents.grants}"),  # a character new to it
    ("en: Patents granted", "en: Patents granted (鑫)"),  # one the zh document never prints
    ("en: Patents granted", "en: Patent grants"),  # a figure's label
]
"""Edits of what a document states, one after another: each in a text or a number the
process remembered something of at the rebuild before (``_statements_of_each_save``)."""


def _fresh_outputs(spec: Path, out: Path) -> dict[str, bytes]:
    """The full brief's zh and zh-en PDF and DOCX, and ``ipdocs text`` in each language,
    that processes of their own make of ``spec`` as it is saved now."""
    subprocess.run([sys.executable, "-m", "ipdocs", "build", str(spec), "-f", "pdf,docx",
                    "-l", "zh,zh-en", "-o", str(out), "-j", "1"], check=True, capture_output=True)
    made = {path.name: path.read_bytes() for path in sorted(out.iterdir())}
    for lang in ("zh", "en"):
        made[lang] = subprocess.run([sys.executable, "-m", "ipdocs", "text", str(spec), "-l",
                                     lang], check=True, capture_output=True).stdout
    return made


def _text_in_process(spec: Path) -> dict[str, bytes]:
    """``ipdocs text`` of ``spec`` in each language, in this process (``cli.main``)."""
    from contextlib import redirect_stdout

    from ipdocs.app.cli import main

    said = {}
    for lang in ("zh", "en"):
        printed = io.StringIO()
        with redirect_stdout(printed):
            assert main(["text", str(spec), "-l", lang]) == 0
        said[lang] = printed.getvalue().encode("utf-8")
    return said


def test_statements_of_each_save_are_those_a_fresh_process_makes(tmp_path: Path) -> None:
    """A watch session rebuilds after each edit of what the documents state (a change's
    direction, a count's number, the year, a new character, one in English alone (the
    Chinese documents embed the report's every character), a label, then the glossary
    and back to the first spec), in this process with all it remembers of the rebuilds
    before: its PDF and DOCX in Chinese and in both languages, and ``ipdocs text`` run in
    the same process, are byte for byte what fresh processes make of the same saved
    files. Each edit changes the documents in both languages (so one left as it was
    would be caught)."""
    spec = tmp_path / "a.yaml"
    glossary = tmp_path / "glossary.yaml"
    terms = (ROOT / "specs" / "glossary.yaml").read_text("utf-8")
    assert "en: patents granted," in terms
    saves = []
    text = TEXT
    for old, new in STATEMENTS:
        assert old in text
        text = text.replace(old, new, 1)
        saves.append((text, terms))
    saves += [(text, terms.replace("en: patents granted,", "en: patent grants,")),
              (TEXT, terms)]
    out = tmp_path / "out"
    [planned] = plan([spec], out, "full", ["pdf", "docx"], ["zh", "zh-en"])
    watcher = Watcher(Options(planned, "full", "briefing", "interleaved", False, 1),
                      io.StringIO(), io.StringIO())
    made_before: dict[str, bytes] = {}
    for number, (spec_text, glossary_text) in enumerate(saves):
        spec.write_text(spec_text, "utf-8")
        glossary.write_text(glossary_text, "utf-8")
        assert watcher.rebuild_once(), watcher.err.getvalue()
        watching.settle()
        made = {path.name: path.read_bytes() for path in sorted(out.iterdir())}
        made |= _text_in_process(spec)
        assert made == _fresh_outputs(spec, tmp_path / f"fresh{number}"), number
        changed = [name for name in made if made_before.get(name) != made[name]]
        assert {"a.zh-en.pdf", "a.zh-en.docx"} <= set(changed), number
        made_before = made
