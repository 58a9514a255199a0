"""Building many specs in one command: which specs, what each makes, and what is said.

``ipdocs build SPEC…`` takes specs and folders of specs, names every spec's outputs,
loads the specs one after another while a process pool renders the outputs of those
already loaded, writes each spec's files when all of them are made (all or none: a
failing spec writes nothing of its own and does not stop the others), and reports as it
goes: a progress bar on a terminal (tqdm), a line per spec otherwise, a summary at the
end, and with ``--json`` one JSON record per output on stdout.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import field, replace
from pathlib import Path
from typing import IO, Any

from ipdocs.app.building import (
    SPEC_SUFFIXES,
    BuildError,
    Done,
    Job,
    Output,
    Recipe,
    Rendered,
    Result,
    output_name,
)
from ipdocs.base.problems import Problem, SpecError, counted
from ipdocs.base.records import datarecord
from ipdocs.checks import check_report
from ipdocs.checks.glyphs import check_glyphs
from ipdocs.loading import Loaded, glossary_beside, read_spec
from ipdocs.sections.brief import LanguageOption
from ipdocs.writers.formats import format_for

NOT_SPECS = ("glossary.yaml",)
"""Files a folder of specs holds that are not specs (the termbase beside them)."""


def spec_files(arguments: Sequence[str]) -> list[Path]:
    """The specs named: each file as given, each folder's spec files (``*.yaml``,
    ``*.yml``, ``*.json``, except hidden files, ``glossary.yaml`` and ``*.schema.json``),
    sorted; each spec once. ValueError for a folder that holds none."""
    found: dict[Path, Path] = {}
    for argument in arguments:
        path = Path(argument)
        for spec in _in_folder(path) if path.is_dir() else [path]:
            found.setdefault(spec.resolve(), spec)
    return list(found.values())


def _in_folder(folder: Path) -> list[Path]:
    """The spec files directly in ``folder`` (see ``spec_files``)."""
    specs = sorted(p for p in folder.iterdir() if p.is_file() and _spec_name(p.name))
    if not specs:
        raise ValueError(f"{folder} holds no spec (*.yaml, *.yml or *.json)")
    return specs


def _spec_name(name: str) -> bool:
    """Whether a file of this name in a folder of specs is taken for a spec."""
    lower = name.lower()
    return (lower.endswith(SPEC_SUFFIXES) and not name.startswith(".")
            and lower not in NOT_SPECS and not lower.endswith(".schema.json"))


@datarecord(frozen=True)
class Plan:
    """One spec to build: its outputs, or why it cannot be built at all."""

    spec: Path
    outputs: tuple[Output, ...] = ()
    error: str | None = None


def plan(specs: Sequence[Path], out: Path, brief: str, formats: Sequence[str],
         langs: Sequence[LanguageOption]) -> list[Plan]:
    """Every spec's outputs in ``out``; a spec whose names cannot be made, or whose files
    would overwrite another spec's, is planned as a failure."""
    plans: list[Plan] = []
    taken: dict[Path, Path] = {}
    for spec in specs:
        try:
            outputs = tuple(Output(out / output_name(spec, brief, lang, fmt), lang)
                            for fmt in formats for lang in langs)
        except BuildError as exc:
            plans.append(Plan(spec, error=str(exc)))
            continue
        clash = next((taken[o.path] for o in outputs if o.path in taken), None)
        if clash is not None:
            plans.append(Plan(spec, outputs, f"its files would overwrite those of {clash} "
                                             f"({outputs[0].path.name}, …): rename one"))
            continue
        taken.update((o.path, spec) for o in outputs)
        plans.append(Plan(spec, outputs))
    return plans


def load_checked(spec: str | Path, strict: bool = False) -> tuple[Loaded, list[Problem]]:
    """Read a spec and run the consistency checks; every problem found, located."""
    loaded = read_spec(spec)
    problems = list(loaded.problems)
    if loaded.report is not None:
        problems += loaded.locate(check_report(loaded.report, strict=strict))
        problems += loaded.locate(check_glyphs(loaded.report))
    return loaded, problems


@datarecord
class Refusal:
    """Why a spec was not built: every line to say, the first error among them."""

    lines: list[str]

    @property
    def first(self) -> str:
        """The first error line (else the first line)."""
        return next((line for line in self.lines if ": error: " in line), self.lines[0])


def load_job(planned: Plan, recipe: Recipe, final: bool = False
             ) -> tuple[Job | None, Refusal | None, list[str]]:
    """A planned spec loaded and checked: its job, or why it is refused; and its
    warnings (formatted), which go with its outputs' records."""
    if planned.error is not None:
        return None, Refusal([f"cannot build {planned.spec}: {planned.error}"]), []
    loaded, problems = load_checked(planned.spec)
    lines = [p.format(loaded.source) for p in problems]
    warnings = [line for line, p in zip(lines, problems, strict=True) if not p.is_error]
    if loaded.report is None or any(p.is_error for p in problems):
        return None, Refusal(_counted(lines, problems, loaded.source)), warnings
    unmet = recipe.brief.check(loaded.report)
    if unmet:
        source = recipe.brief.source or recipe.brief.name
        return None, Refusal(_counted([p.format(source) for p in unmet], unmet, source)), \
            warnings
    if final:
        unfinished = _unfinished(loaded)
        if unfinished:
            return None, Refusal(unfinished), warnings
    try:
        glossary = glossary_beside(planned.spec)
    except SpecError as exc:
        return None, Refusal([f"cannot build {planned.spec}: {exc}"]), warnings
    job = Job(loaded.report, replace(recipe, glossary=glossary),
              planned.outputs, str(planned.spec), loaded.marks)
    return job, None, warnings


def _counted(lines: list[str], problems: Sequence[Problem], source: str) -> list[str]:
    """Problem lines followed by their count, as ``ipdocs check`` prints them."""
    errors = sum(p.is_error for p in problems)
    return [*lines, f"{source}: {counted(errors, 'error')}, "
                    f"{counted(len(problems) - errors, 'warning')}"]


def _unfinished(loaded: Loaded) -> list[str]:
    """What ``--final`` refuses in a loaded spec (stale figures, paragraphs for review)."""
    from ipdocs.drafting import final_problems

    assert loaded.report is not None
    found = loaded.locate(final_problems(loaded.report))
    if not found:
        return []
    return [*(p.format(loaded.source) for p in found),
            "--final refuses a spec with stale figures or paragraphs marked for review"]


def record(spec: str, output: Output, result: Result | None, written: bool,
           warnings: Sequence[str], error: str | None = None) -> dict[str, Any]:
    """The JSON record of one output (``--json``)."""
    made = result if isinstance(result, Rendered) else None
    if error is None and isinstance(result, BuildError):
        error = str(result)
    return {"spec": spec, "path": str(output.path), "format": output.path.suffix.lstrip("."),
            "lang": output.lang, "ok": written,
            "bytes": len(made.data) if made and written else None,
            "pages": made.pages if made and written else None,
            "seconds": round(made.seconds, 3) if made else None,
            "warnings": [*warnings, *(made.warnings if made else ())],
            "error": None if written else error}


@datarecord
class Reporter:
    """What a build says as it goes: on stderr, the errors, a progress bar (on a
    terminal, for several specs) or a line per spec, and the summary; on stdout, the
    files written (one spec), or one JSON record per output (``json``)."""

    specs: int
    total: int
    json: bool = False
    err: IO[str] = field(default_factory=lambda: sys.stderr)
    out: IO[str] = field(default_factory=lambda: sys.stdout)
    started: float = field(default_factory=time.perf_counter)
    built: int = 0
    files: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    warnings: dict[str, list[str]] = field(default_factory=dict)
    bar: Any = None

    @property
    def several(self) -> bool:
        """Whether this build has several specs (a summary, a bar or a line per spec)."""
        return self.specs > 1

    def open(self) -> None:
        """Show the progress bar, on a terminal, for several specs (tqdm is imported only
        then: 50 ms of start-up)."""
        if self.several and _terminal(self.err):
            from tqdm import tqdm

            tqdm.monitor_interval = 0  # no monitor thread: the pool forks after this
            self.bar = tqdm(total=self.total, desc="building", unit="file", file=self.err,
                            leave=False,
                            dynamic_ncols=True)

    def say(self, line: str, out: bool = False) -> None:
        """Print one line, on stdout or stderr, above the bar if there is one."""
        stream = self.out if out else self.err
        if self.bar is not None:
            self.bar.write(line, file=stream)
        else:
            print(line, file=stream, flush=not out)

    def output_done(self, output: Output, result: Result) -> None:
        """One output rendered (or not): the bar moves on."""
        if self.bar is not None:
            self.bar.update(1)

    def refused(self, planned: Plan, refusal: Refusal, warnings: Sequence[str]) -> None:
        """A spec that was not built at all (not loaded, not checked, not named)."""
        for line in refusal.lines:
            self.say(f"ipdocs: {line}" if not line.startswith(str(planned.spec)) else line)
        self._failed(str(planned.spec), refusal.first)
        if self.bar is not None:
            self.bar.update(len(planned.outputs))
        for output in planned.outputs:
            self._record(str(planned.spec), output, None, False, warnings, refusal.first)

    def done(self, done: Done) -> None:
        """A spec built, or failed while rendering or writing (counted first, so that
        the summary holds it even if stdout is gone before its lines are printed)."""
        spec = done.job.name
        if done.error is None:
            self.built += 1
            self.files += len(done.written)
        else:
            self._failed(spec, done.error.splitlines()[0])
        results: Sequence[Result | None] = done.results or [None] * len(done.job.outputs)
        self._warn(done.job.outputs, results)
        for output, result in zip(done.job.outputs, results, strict=True):
            self._record(spec, output, result, output.path in done.written,
                         self.warnings.get(spec, []), done.error)
        if done.error is not None:
            for line in done.error.splitlines():  # located lines name the spec first
                self.say(line if line.startswith(f"{spec}:") else f"ipdocs: {line}")
        elif not self.json and not self.several:
            for path in done.written:
                self.say(str(path), out=True)
        elif self.several and self.bar is None:
            seconds = sum(r.seconds for r in done.results if isinstance(r, Rendered))
            files = counted(len(done.written), "file")
            self.say(f"ipdocs: built {spec}: {files}, {seconds:.2f} s of rendering")

    def _warn(self, outputs: Sequence[Output], results: Sequence[Result | None]) -> None:
        """Say what the writers warned about a spec's outputs: each warning once, with
        the files it is about."""
        said: dict[str, list[str]] = {}
        for output, result in zip(outputs, results, strict=True):
            if isinstance(result, Rendered):
                for warning in result.warnings:
                    said.setdefault(warning, []).append(output.path.name)
        for warning, names in said.items():
            self.say(f"ipdocs: warning: {', '.join(names)}: {warning}")

    def _failed(self, spec: str, first: str) -> None:
        """Keep a failed spec and its first error for the summary."""
        self.failed.append((spec, first))

    def _record(self, spec: str, output: Output, result: Result | None, written: bool,
                warnings: Sequence[str], error: str | None) -> None:
        """Print an output's JSON record, with ``json``."""
        if self.json:
            import json  # here: only --json writes records

            self.say(json.dumps(record(spec, output, result, written, warnings, error),
                                ensure_ascii=False), out=True)

    def close(self) -> None:
        """Remove the bar and, for several specs, print the summary."""
        if self.bar is not None:
            self.bar.close()
            self.bar = None
        if not self.several:
            return
        seconds = time.perf_counter() - self.started
        failed = f"; {len(self.failed)} failed:" if self.failed else ""
        self.say(f"ipdocs: built {self.built} of {self.specs} specs ({self.files} files) "
                 f"in {seconds:.1f} s{failed}")
        for spec, first in self.failed:
            self.say(f"ipdocs:   {spec}: {first}")


def _terminal(stream: IO[str]) -> bool:
    """Whether ``stream`` is a terminal."""
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class Loading(Iterator[Job]):
    """The jobs of planned specs, each spec loaded as the pool needs more work
    (``jobs_of``), the formats whose writers they need, known before any is loaded
    (``formats``): a pool's processes import them meanwhile (``jobs.render_jobs``), and
    how many jobs there will be at most (``planned``: the specs planned without an
    error; the pool renders each of a long run's jobs in one process, but its last)."""

    def __init__(self, jobs: Iterator[Job], formats: tuple[str, ...],
                 planned: int | None = None) -> None:
        self.jobs = jobs
        self.formats = formats
        self.planned = planned

    def __next__(self) -> Job:
        """The next spec's job, loaded now."""
        return next(self.jobs)


def jobs_of(plans: Iterable[Plan], recipe: Recipe, reporter: Reporter,
            final: bool = False) -> Loading:
    """Load each planned spec as the pool needs more work; report those refused."""
    plans = list(plans)
    return Loading(_loaded(plans, recipe, reporter, final), writers_first(plans, recipe),
                   sum(planned.error is None for planned in plans))


def writers_needed(plans: Iterable[Plan], recipe: Recipe) -> tuple[str, ...]:
    """The formats whose writers the planned outputs need: their own, and the PDF's for
    a brief with a page limit (fitted by laying out its PDF, whatever the format)."""
    needed: dict[str, None] = {}
    for planned in plans:
        for output in planned.outputs:
            registered = format_for(output.path)
            if registered is not None:
                needed[registered.name] = None
            if recipe.brief.pages is not None:
                needed["pdf"] = None
    return tuple(needed)


def writers_first(plans: Iterable[Plan], recipe: Recipe) -> tuple[str, ...]:
    """The writers a pool's processes import as they start, while the first spec loads
    (``Loading.formats``): those the planned outputs need (``writers_needed``), but for
    a brief with a page limit the PDF's alone: its first tasks lay PDFs out to find its
    variants' scales, and the other writers are imported in the wait for the last of
    them (``jobs._prepare``) or with the first output that needs one. (Three processes
    share two cores while the first spec loads: a writer imported there that no first
    task needs delays every one of them.)"""
    needed = writers_needed(plans, recipe)
    if recipe.brief.pages is not None and "pdf" in needed:
        return ("pdf",)
    return needed


def _loaded(plans: Iterable[Plan], recipe: Recipe, reporter: Reporter,
            final: bool) -> Iterator[Job]:
    """``jobs_of``'s jobs."""
    for planned in plans:
        job, refusal, warnings = load_job(planned, recipe, final)
        reporter.warnings[str(planned.spec)] = warnings
        said = refusal.lines if refusal is not None else []
        for line in warnings:  # located, one a line (and in each output's JSON record)
            if line not in said:
                reporter.say(line)
        if refusal is not None:
            reporter.refused(planned, refusal, warnings)
        elif job is not None:
            yield job
