"""Many outputs of many specs: jobs, the pool of processes they render in, all or none."""

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from ipdocs.app.jobs import available_cpus, build_all, workers_for
from ipdocs.app.recipes import Output, Recipe
from ipdocs.model import Report
from ipdocs.sections import summary_brief
from ipdocs.sections.brief import LanguageOption
from ipdocs.themes import load_theme
from tests.conftest import SAMPLE, fresh_python


def test_workers_are_one_per_output_at_most_and_one_at_least() -> None:
    assert workers_for(4, 2) == 2
    assert workers_for(1, 6) == 1
    assert workers_for(3, 0) == 1
    assert workers_for(0, 1000) == min(available_cpus(), 1000)


def test_processes_make_the_same_files(tmp_path: Path, sample: Report) -> None:
    recipe = Recipe(summary_brief(), load_theme("briefing"))
    outputs = [Output(tmp_path / f"{jobs}" / f"s.{lang}.{fmt}", lang)  # type: ignore[arg-type]
               for jobs in (1, 2) for lang in ("zh", "en") for fmt in ("pdf", "docx")]
    one = build_all(sample, recipe, outputs[:4], jobs=1)
    two = build_all(sample, recipe, outputs[4:], jobs=2)
    assert [p.name for p in one] == [p.name for p in two] == [
        "s.zh.pdf", "s.zh.docx", "s.en.pdf", "s.en.docx"]
    assert [p.read_bytes() for p in one] == [p.read_bytes() for p in two]


def test_spawned_workers_make_the_same_files(tmp_path: Path, sample: Report,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """Where processes cannot be forked (macOS, Windows), spawned workers start afresh:
    everything they are sent must cross over and give the same bytes."""
    import multiprocessing

    from ipdocs.app import jobs

    recipe = Recipe(summary_brief(), load_theme("official"))
    outputs = [Output(tmp_path / d / f"s.{lang}.pdf", lang)  # type: ignore[arg-type]
               for d in ("one", "spawn") for lang in ("zh", "en")]
    one = build_all(sample, recipe, outputs[:2], jobs=1)
    monkeypatch.setattr(jobs, "_context", lambda: multiprocessing.get_context("spawn"))
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


LAZY = ("concurrent.futures", "multiprocessing", "reportlab.graphics")
"""Modules a one-file build of a document without charts never imports (start-up time)."""


def _imported_by_build(tmp_path: Path, builders: str, langs: tuple[str, ...]) -> list[str]:
    """Which of LAZY a fresh process has imported after building ``langs`` as PDFs of
    SAMPLE with a brief of ``builders`` (default jobs: a process per core)."""
    script = f"""
import sys
from pathlib import Path
from typing import Any
from ipdocs import Output, Recipe, build_all, load_report
from ipdocs.sections import Brief, ChartBuilder, CoverBuilder
from ipdocs.themes import load_theme
recipe = Recipe(Brief([{builders}]), load_theme("briefing"))
outputs = [Output(Path({str(tmp_path)!r}) / f"{{lang}}.pdf", lang) for lang in {langs!r}]
build_all(load_report({str(SAMPLE)!r}), recipe, outputs, jobs=0)
print(",".join(m for m in {LAZY!r} if m in sys.modules))
"""
    return [m for m in fresh_python(script).strip().split(",") if m]


def test_a_one_file_build_without_charts_imports_no_processes_or_graphics(
        tmp_path: Path) -> None:
    assert _imported_by_build(tmp_path, "CoverBuilder()", ("zh",)) == []


def test_what_a_build_needs_is_imported_when_needed(tmp_path: Path) -> None:
    charted = _imported_by_build(tmp_path, "CoverBuilder(), ChartBuilder()", ("zh",))
    assert charted == ["reportlab.graphics"]
    if available_cpus() > 1:
        two = _imported_by_build(tmp_path, "CoverBuilder()", ("zh", "en"))
        assert two == ["concurrent.futures", "multiprocessing"]


SPAWN_SAFE = '''\
import multiprocessing
import pathlib
import sys

import ipdocs
from ipdocs.app.jobs import _context


def main() -> None:
    multiprocessing.set_start_method(sys.argv[1])
    assert _context().get_start_method() == sys.argv[1], _context().get_start_method()
    report = ipdocs.load_report(sys.argv[2])
    recipe = ipdocs.Recipe(ipdocs.sections.summary_brief(), ipdocs.themes.load_theme("briefing"))
    outputs = [ipdocs.Output(pathlib.Path(sys.argv[3]) / f"s.{lang}.pdf", lang)
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
    code = ("import sys, ipdocs.app.jobs as b; "
            "print(b._context().get_start_method() if sys.platform == 'linux' else 'fork')")
    assert fresh_python(code).strip() == "fork"


def test_the_outputs_of_one_language_render_together(tmp_path: Path) -> None:
    """In a pool, one process renders a job's outputs of one language (they share the
    document); the first job of a run, without a page limit, renders each output alone;
    a fitted brief's outputs of one language always go together."""
    from ipdocs.app.jobs import Job, shared_places
    from ipdocs.sections import full_brief

    outputs = tuple(Output(tmp_path / f"s.{lang}.{fmt}", lang)  # type: ignore[arg-type]
                    for fmt in ("docx", "pdf") for lang in ("zh", "en", "zh-en"))
    fitted = Job(None, Recipe(summary_brief(), load_theme("briefing")), outputs)  # type: ignore[arg-type]
    assert shared_places(fitted) == [(0, 3), (1, 4), (2, 5)]
    assert shared_places(fitted, alone=True) == [(0, 3), (1, 4), (2, 5)]
    whole = Job(None, Recipe(full_brief(), load_theme("briefing")), outputs)  # type: ignore[arg-type]
    assert shared_places(whole) == [(0, 3), (1, 4), (2, 5)]
    assert shared_places(whole, alone=True) == [(i,) for i in range(6)]


def test_a_pool_is_given_the_longest_work_first(tmp_path: Path) -> None:
    """Both-language outputs, then Chinese, then English; within a language, as given."""
    from ipdocs.app.jobs import Job, longest_first

    outputs = tuple(Output(tmp_path / f"s.{lang}.{fmt}", lang)  # type: ignore[arg-type]
                    for fmt in ("docx", "pdf") for lang in ("en", "zh", "zh-en"))
    job = Job(None, None, outputs)  # type: ignore[arg-type]
    assert longest_first(job, [(i,) for i in range(6)]) == [(2,), (5,), (1,), (4,), (0,),
                                                            (3,)]
    assert longest_first(job, [(0, 3), (1, 4), (2, 5)]) == [(2, 5), (1, 4), (0, 3)]


def test_a_fitted_briefs_variants_find_their_scales_once_a_job(
        tmp_path: Path, sample: Report, monkeypatch: pytest.MonkeyPatch) -> None:
    """In a pool, the scale each variant of a fitted brief comes to alone is found once
    a job (one task a variant, side by side), and every output is queued with the
    smallest: the files are those one process makes."""
    from concurrent.futures import ThreadPoolExecutor

    from ipdocs.app import jobs
    from ipdocs.app.fitting import settle_scale, variant_scale
    from ipdocs.app.jobs import Job, Rendered, render_jobs

    found: list[str] = []
    settled: list[float] = []

    def counted(report: Report, recipe: Recipe, lang: LanguageOption,
                limit: int) -> float | None:
        found.append(lang)
        return variant_scale(report, recipe, lang, limit)

    def settling(report: Report, recipe: Recipe, limit: int, scale: float) -> None:
        settled.append(scale)
        settle_scale(report, recipe, limit, scale)

    monkeypatch.setattr(jobs, "variant_scale", counted)
    monkeypatch.setattr(jobs, "settle_scale", settling)
    recipe = Recipe(summary_brief(), load_theme("briefing"))
    outputs = (Output(tmp_path / "s.zh.pdf", "zh"), Output(tmp_path / "s.en.pdf", "en"))
    alone = Report.model_validate(sample.model_dump())  # not the objects the pool's were
    with ThreadPoolExecutor(2) as pool:
        [(_, results)] = render_jobs([Job(sample, recipe, outputs)], 2, executor=pool)
    assert sorted(found) == ["en", "zh", "zh-en"]
    assert len(settled) == 2 and len(set(settled)) == 1  # one process found all: a
    # task a language, so that the other thread has work
    one = [jobs._attempt(alone, recipe, output) for output in outputs]
    assert [r.data for r in results if isinstance(r, Rendered)] == [
        r.data for r in one if isinstance(r, Rendered)]
    assert len(results) == 2


def test_a_variants_outputs_are_queued_for_the_process_that_found_its_scale(
        tmp_path: Path) -> None:
    """The outputs of the languages whose scales a process found make one task, queued
    for it: the process done first (idle longest, so the next to take a task) gets the
    first task; a language no process found follows alone; where one process found
    every scale while the pool has more, each language is a task of its own."""
    from ipdocs.app.jobs import Job, ScaleFound, by_finder, longest_first, shared_places

    outputs = tuple(Output(tmp_path / f"s.{lang}.{fmt}", lang)  # type: ignore[arg-type]
                    for fmt in ("docx", "pdf") for lang in ("zh", "en", "zh-en"))
    job = Job(None, Recipe(summary_brief(), load_theme("briefing")), outputs)  # type: ignore[arg-type]
    groups = longest_first(job, shared_places(job))
    assert groups == [(2, 5), (0, 3), (1, 4)]
    found = {"zh-en": ScaleFound(0.88, 10, 0.6), "zh": ScaleFound(1.0, 11, 0.3),
             "en": ScaleFound(0.94, 11, 0.5)}
    assert by_finder(job, groups, found) == [(0, 3, 1, 4), (2, 5)]
    found["zh-en"] = ScaleFound(0.88, 10, 0.4)
    assert by_finder(job, groups, found) == [(2, 5), (0, 3, 1, 4)]
    del found["en"]
    assert by_finder(job, groups, found) == [(0, 3), (2, 5), (1, 4)]
    assert by_finder(job, groups, {}) == groups
    alone = {lang: ScaleFound(1.0, 10, 0.1) for lang in ("zh", "en", "zh-en")}
    assert by_finder(job, groups, alone, workers=2) == groups  # the other process idle
    assert by_finder(job, groups, alone, workers=1) == [(2, 5, 0, 3, 1, 4)]


def test_a_jobs_later_task_in_a_process_uses_what_its_first_task_was_sent(
        tmp_path: Path, sample: Report, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each task of a pool brings the job's report and recipe pickled; a process
    unpickles those of a job's first task it receives (by the job's token) and gives
    them to the job's later tasks, so the outputs find the documents and tries of the
    fitting its scale task began: no document is made twice. Another job's token gets
    its own objects. The files are those made without any of this; the job's objects are
    pickled once for all of its tasks."""
    import pickle

    from ipdocs.app import jobs
    from ipdocs.sections.brief import Brief

    made: list[tuple[object, ...]] = []
    document = Brief.document

    def counted(self: Brief, report: Report, lang: LanguageOption = "zh",
                **options: object) -> object:
        made.append((lang, options.get("compact"), options.get("restored")))
        return document(self, report, lang, **options)  # type: ignore[arg-type]

    def copy(shipped: jobs.Shipped) -> jobs.Shipped:
        """The objects as a pool's task brings them."""
        copied: jobs.Shipped = pickle.loads(pickle.dumps(shipped))
        return copied

    def objects(shipped: jobs.Shipped) -> tuple[Report, Recipe]:
        return shipped.report, shipped.recipe

    recipe = Recipe(summary_brief(), load_theme("briefing"))
    output = Output(tmp_path / "s.zh.pdf", "zh")
    plain = jobs._attempt(*objects(copy(jobs.Shipped(sample, recipe))), output)
    monkeypatch.setattr(Brief, "document", counted)
    shipped = jobs.Shipped(sample, recipe, jobs.job_token())
    found = jobs._variant_scale(copy(shipped), "zh")
    [result] = jobs._attempt_each(copy(shipped), (output,), found.scale)
    assert made and len(made) == len(set(made))
    assert isinstance(result, jobs.Rendered) and isinstance(plain, jobs.Rendered)
    assert result.data == plain.data
    first = objects(copy(shipped))
    other = objects(copy(jobs.Shipped(sample, recipe, jobs.job_token())))
    assert all(a is b for a, b in zip(objects(copy(shipped)), first, strict=True))
    assert not any(a is b for a, b in zip(other, first, strict=True))
    assert not any(a is b for a, b in zip(first, (sample, recipe), strict=True))
    assert jobs.job_token() != jobs.job_token()
    dumps, pairs = pickle.dumps, []

    def counting(obj: object, *args: Any, **options: Any) -> bytes:
        if isinstance(obj, tuple):  # a Shipped's report and recipe
            pairs.append(obj)
        return dumps(obj, *args, **options)

    monkeypatch.setattr(pickle, "dumps", counting)
    fresh = jobs.Shipped(sample, recipe, jobs.job_token())
    assert copy(fresh).report is copy(fresh).report
    assert len(pairs) == 1


def test_a_pool_given_no_job_does_not_wait_for_its_workers_imports(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import multiprocessing
    import time

    import ipdocs.app.workers as workers
    from ipdocs.app.jobs import render_jobs

    monkeypatch.setattr(workers, "import_writers", lambda formats: time.sleep(30))
    started = time.monotonic()
    assert list(render_jobs([], 2, formats=["pdf"])) == []  # every spec refused, say
    assert time.monotonic() - started < 10  # not the workers' 30 s of imports
    assert multiprocessing.active_children() == []


def test_a_job_among_many_renders_whole_its_parts_first(tmp_path: Path) -> None:
    """Without a page limit, a job's outputs may make one task (``whole``): Chinese and
    English before the document of both, each language's outputs together; a fitted
    brief's stay by language (their scales are found first)."""
    from ipdocs.app.jobs import Job, parts_first, shared_places
    from ipdocs.sections import full_brief

    outputs = tuple(Output(tmp_path / f"s.{lang}.{fmt}", lang)  # type: ignore[arg-type]
                    for fmt in ("docx", "pdf") for lang in ("zh-en", "en", "zh"))
    whole = Job(None, Recipe(full_brief(), load_theme("briefing")), outputs)  # type: ignore[arg-type]
    assert shared_places(whole, whole=True) == [(1, 4, 2, 5, 0, 3)]
    assert shared_places(whole, alone=True, whole=True) == [(i,) for i in range(6)]
    fitted = Job(None, Recipe(summary_brief(), load_theme("briefing")), outputs)  # type: ignore[arg-type]
    assert shared_places(fitted, whole=True) == [(0, 3), (1, 4), (2, 5)]
    odd = Job(None, None, (Output(tmp_path / "s.x.pdf", "x-y"),  # type: ignore[arg-type]
                           Output(tmp_path / "s.zh.pdf", "zh")))
    assert parts_first(odd, [(0,), (1,)]) == (0, 1)  # not a language: as one, in order


def test_only_a_long_runs_middle_jobs_render_whole() -> None:
    """The first job starts every process; the last ``workers`` are split, so that the
    processes end together; a run of unknown length, or in one process, splits all."""
    from ipdocs.app.jobs import _Batch

    assert [_Batch(None, None, 2, 5)._whole(i) for i in range(5)] == [  # type: ignore[arg-type]
        False, True, True, False, False]
    assert not any(_Batch(None, None, 2, None)._whole(i) for i in range(5))  # type: ignore[arg-type]
    assert not any(_Batch(None, None, 1, 5)._whole(i) for i in range(5))  # type: ignore[arg-type]


class _Counted(list):  # type: ignore[type-arg]
    """Jobs with a count known before they are read (as ``batch.Loading`` has)."""

    @property
    def planned(self) -> int:
        return len(self)


def test_a_failing_output_of_a_whole_job_fails_its_job_alone(
        tmp_path: Path, sample: Report, monkeypatch: pytest.MonkeyPatch) -> None:
    """A job rendered whole in one process: its outputs made in one task, in its process,
    parts first; one that cannot be made fails its job (nothing of it written, the
    output named) and no other job."""
    import os

    from ipdocs.app import jobs
    from ipdocs.app.recipes import BuildError
    from ipdocs.sections import full_brief

    def fake(report: Report, recipe: Recipe, output: Output) -> bytes:
        if output.path.name == "2.zh-en.pdf":
            raise BuildError("cannot set it")
        return f"{os.getpid()} {output.lang}".encode()

    monkeypatch.setattr(jobs, "render_output", fake)
    recipe = Recipe(full_brief(), load_theme("briefing"))
    runs = _Counted(jobs.Job(sample, recipe, tuple(
        Output(tmp_path / f"{n}.{lang}.{fmt}", lang)  # type: ignore[arg-type]
        for lang in ("zh-en", "zh", "en") for fmt in ("pdf", "docx")), name=f"{n}.yaml")
        for n in range(6))
    done = {d.job.name: d for d in jobs.build_jobs(runs, workers=2)}
    assert done["2.yaml"].error == (f"cannot build {tmp_path / '2.zh-en.pdf'}: cannot set it"
                                    "\nnothing written")
    assert not any(tmp_path.glob("2.*"))
    for name in ("0.yaml", "1.yaml", "3.yaml", "4.yaml", "5.yaml"):
        assert done[name].error is None and len(done[name].written) == 6
    made = {p.name: p.read_text() for p in tmp_path.glob("1.*")}
    assert len({text.split()[0] for text in made.values()}) == 1  # one process


def _summary_batch(folder: Path, report: Report) -> tuple[Any, Any]:
    """An executor that runs nothing (``_Queued``) and a batch of two processes over it,
    given a summary brief's six outputs (its three scale tasks queued)."""
    from ipdocs.app import jobs

    outputs = tuple(Output(folder / f"s.{lang}.{fmt}", lang)  # type: ignore[arg-type]
                    for lang in ("zh", "en", "zh-en") for fmt in ("docx", "pdf"))
    job = jobs.Job(report, Recipe(summary_brief(), load_theme("briefing")), outputs)
    executor = _Queued()
    batch = jobs._Batch(executor, None, 2)  # type: ignore[arg-type]
    assert list(batch.submit(job)) == []
    return executor, batch


class _Queued:
    """An executor that runs nothing: it keeps each task submitted with its future."""

    def __init__(self) -> None:
        self.tasks: list[tuple[str, tuple[object, ...]]] = []
        self.futures: list[object] = []

    def submit(self, fn: object, *args: object) -> object:
        from concurrent.futures import Future

        future: Future[object] = Future()
        self.tasks.append((getattr(fn, "__name__", ""), args))
        self.futures.append(future)
        return future


def test_a_process_waiting_for_its_siblings_scales_imports_the_writers(
        tmp_path: Path, sample: Report) -> None:
    """A process that found a variant's scale while others are still to come is given
    the writers the job's outputs need to import (once a process), and the outputs are
    queued for the processes as they become free: a process still importing after
    those that are free now."""
    from concurrent.futures import Future

    from ipdocs.app import jobs

    executor, batch = _summary_batch(tmp_path, sample)
    scales = dict(zip([args[1] for _, args in executor.tasks], executor.futures, strict=True))
    assert [name for name, _ in executor.tasks] == ["_variant_scale"] * 3

    def found(lang: str, scale: float, process: int, done: float,
              charts: bool = False) -> None:
        future = scales[lang]
        assert isinstance(future, Future)
        future.set_result(jobs.ScaleFound(scale, process, done, charts))
        assert list(batch._scale_found(future)) == []

    found("zh", 1.0, 11, 1.0, charts=True)
    assert executor.tasks[-1] == ("_prepare", (("docx", "pdf"), batch.tokens[0]))
    assert batch.preparing[executor.futures[-1]][2] == (  # type: ignore[index]
        jobs.PREPARE_SECONDS)  # charts' parts are kept: no chart writer imported ahead
    found("en", 0.94, 11, 2.0)
    assert len(executor.tasks) == 4  # once a process
    found("zh-en", 0.88, 10, 3.0)  # 11 is still importing: 10 is free first
    assert [(name, [o.lang for o in args[1]]) for name, args in executor.tasks[4:]] == [  # type: ignore[attr-defined]
        ("_attempt_each", ["zh-en", "zh-en"]),
        ("_attempt_each", ["zh", "zh", "en", "en"])]
    assert {args[2] for _, args in executor.tasks[4:]} == {0.88}


def test_a_process_importing_the_chart_writer_ahead_is_guessed_free_later(
        tmp_path: Path, sample: Report, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where charts' parts cannot be kept (the cache off), a process that found a
    variant with a chart imports the chart writer ahead: its ``_prepare`` is guessed
    longer by ``CHARTS_SECONDS``."""
    from ipdocs.app import jobs

    monkeypatch.setenv("IPDOCS_CACHE", "off")
    _, batch = _summary_batch(tmp_path, sample)
    batch._prepare(0, 11, charts=True)
    batch._prepare(0, 12, charts=False)
    assert [seconds for _, _, seconds in batch.preparing.values()] == [
        jobs.PREPARE_SECONDS + jobs.CHARTS_SECONDS, jobs.PREPARE_SECONDS]


def test_a_prepared_process_is_free_when_its_import_ended(tmp_path: Path) -> None:
    from concurrent.futures import Future

    from ipdocs.app import jobs

    batch = jobs._Batch(_Queued(), None, 2)  # type: ignore[arg-type]
    ended: Future[tuple[int, float]] = Future()
    ended.set_result((11, 5.0))
    running: Future[tuple[int, float]] = Future()
    batch.preparing = {ended: (11, 1.0, 0.05), running: (12, 2.0, 0.05)}
    found = {"zh": jobs.ScaleFound(1.0, 11, 3.0), "en": jobs.ScaleFound(1.0, 12, 2.5),
             "zh-en": jobs.ScaleFound(1.0, 10, 4.0)}
    free = batch._free_first(found)
    assert free["zh"].done == 5.0 and free["zh-en"].done == 4.0
    assert free["en"].done > 5.0  # still importing: after those free now
    assert list(batch.preparing.values()) == [(12, 2.0, 0.05)]  # the ended one accounted for


def test_a_prepared_process_importing_the_chart_writer_is_free_later(tmp_path: Path) -> None:
    import time
    from concurrent.futures import Future

    from ipdocs.app import jobs

    batch = jobs._Batch(_Queued(), None, 2)  # type: ignore[arg-type]
    running: Future[tuple[int, float]] = Future()
    now = time.monotonic()
    batch.preparing = {running: (12, now, 1000.0)}
    free = batch._free_first({"zh": jobs.ScaleFound(1.0, 12, now + 1)})
    assert free["zh"].done == now + 1001  # its last scale, then the import's guessed length


def test_a_process_prepares_the_chart_writer_where_a_variant_it_found_draws_one(
        sample: Report) -> None:
    """A ``_prepare`` task imports the chart writer in the process that takes it where
    a variant of the job this process found draws a chart: not where it found only
    variants without one, nor where it was sent nothing of the job."""
    from ipdocs.app import jobs
    from ipdocs.sections import Brief, LeadBuilder

    theme = load_theme("briefing")
    with_chart, plain = Recipe(summary_brief(), theme), Recipe(
        Brief([LeadBuilder()], "lead", pages=1), theme)
    jobs._variant_scale(jobs.Shipped(sample, with_chart, "charted"), "zh")
    jobs._variant_scale(jobs.Shipped(sample, plain, "plain"), "zh")
    assert jobs._found_with_chart("charted")
    assert not jobs._found_with_chart("plain")
    assert not jobs._found_with_chart("never-sent")
    assert not jobs._found_with_chart(None)


def test_a_variants_scale_says_whether_its_document_draws_a_chart(sample: Report) -> None:
    """A pool's scale task says whether the document its variant fitted at draws a
    chart (the summary's growth chart; a brief without one does not)."""
    from ipdocs.app import jobs
    from ipdocs.sections import Brief, LeadBuilder

    theme = load_theme("briefing")
    with_chart = Recipe(summary_brief(), theme)
    assert jobs._variant_scale(jobs.Shipped(sample, with_chart), "zh").charts
    plain = Recipe(Brief([LeadBuilder()], "lead", pages=1), theme)
    found = jobs._variant_scale(jobs.Shipped(sample, plain), "zh")
    assert found.scale is not None and not found.charts


def test_a_batch_of_like_specs_in_two_processes_gives_each_spec_its_own_files(
        tmp_path: Path) -> None:
    """More specs than a pool's process keeps jobs of (``RECEIVED_KEPT``), alike but for
    one figure's value (and two of them the year), built in one batch by two processes
    that each get tasks of many of them (a fitted brief: its scale tasks, then its
    outputs): each spec's files are byte for byte those a build of that spec alone, in
    a process of its own, makes; no two specs' are the same."""
    from ipdocs.app.jobs import RECEIVED_KEPT

    text = SAMPLE.read_text("utf-8")
    folder = tmp_path / "specs"
    folder.mkdir()
    count = RECEIVED_KEPT + 2
    for number in range(count):
        spec = text.replace("value: 71425", f"value: {71420 + number}")
        if number % 4 == 3:
            spec = spec.replace("year: 2024", "year: 2025")
        (folder / f"s{number}.yaml").write_text(spec, "utf-8")
    command = [sys.executable, "-m", "ipdocs", "build", "-f", "pdf,docx", "-l", "zh,en",
               "--brief", "summary"]
    subprocess.run([*command, str(folder), "-o", str(tmp_path / "batch"), "-j", "2"],
                   check=True, capture_output=True)
    batch = {p.name: p.read_bytes() for p in (tmp_path / "batch").iterdir()}
    alone: dict[str, bytes] = {}
    for number in range(count):
        out = tmp_path / f"alone{number}"
        subprocess.run([*command, str(folder / f"s{number}.yaml"), "-o", str(out), "-j", "1"],
                       check=True, capture_output=True)
        alone |= {p.name: p.read_bytes() for p in out.iterdir()}
    assert len(alone) == count * 4 == len(set(alone.values()))
    assert batch == alone
