"""Benchmarks: ipdocs against Typst, LibreOffice and WeasyPrint; scaling; batches.

Run from the repository root (see bench/RESULTS.md for the set-up command):

    python bench/run.py [SPEC] [--quick]

Prints a Markdown report and writes it to bench/RESULTS.md. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import plain_docx  # noqa: E402
import plain_reportlab  # noqa: E402
from export import to_flat, to_html, to_typst  # noqa: E402

import ipdocs  # noqa: E402
from ipdocs import load_report  # noqa: E402
from ipdocs.app.building import write_document  # noqa: E402
from ipdocs.model import Report  # noqa: E402
from ipdocs.sections import full_brief, summary_brief  # noqa: E402
from ipdocs.themes import load_theme  # noqa: E402
from ipdocs.typefaces.bundled import face_path  # noqa: E402
from ipdocs.writers.docx import render_docx  # noqa: E402
from ipdocs.writers.pdf import render_pdf  # noqa: E402
from ipdocs.writers.pdf.blocks import forget_fits  # noqa: E402
from ipdocs.writers.pdf.text import forget_layouts  # noqa: E402
from ipdocs.writers.subsets import embedded_text, subset_face  # noqa: E402

PY = sys.executable

METHOD = """## Method

- **Cold** rows time a fresh `python -m ipdocs build` (wall clock around the process;
  `/usr/bin/time` for its memory): interpreter start, imports, loading the spec,
  rendering, writing, exit. *peak MB* is the largest single
  process's peak resident set size; for builds in several processes the peak of all of
  them together (proportional set size, so that pages forked workers share with their
  parent count once) is sampled from /proc every 5 ms for two seconds, then every
  100 ms (a sample walks each process's pages: sampled every 5 ms throughout, the
  100-spec batch's three processes lost about a quarter of a core to it).
- ipdocs' modules are compiled to bytecode before anything is timed (as `pip install`
  does; an editable install run with `PYTHONDONTWRITEBYTECODE=1` would otherwise compile
  about 90 modules from source in every cold process, some 100 ms).
- ipdocs caches font subsets on disk (`$IPDOCS_CACHE`, default ~/.cache/ipdocs): a
  report's very first build subsets the bundled faces with fontTools, every later build
  of it reads the subsets. The cold rows are later builds; one row shows a first build.
- **Warm** rows render one brief in a process that has already loaded the spec and
  rendered once (median of several renders). The PDF writer remembers the lines it broke
  each text into and each table's fit (as a rebuild in `ipdocs watch` finds them: an
  edit of one value fits one table again and breaks its paragraph again); the *no layout
  remembered* rows forget both before each render, as a process's first render of a
  report.
- **Peers** set the same content, exported from ipdocs' document tree by `bench/export.py`
  (headings, paragraphs, tables, key figures; charts as their data), in the same bundled
  fonts: Typst (PyPI `typst`) compiles markup to PDF, WeasyPrint renders HTML to PDF,
  LibreOffice converts ipdocs' own DOCX to PDF. Each runs in a fresh process. Typst and
  WeasyPrint start from prepared markup; ipdocs starts from the spec. *reportlab alone*
  is the same content set by reportlab without ipdocs (see below the table).
- **Goals**: the cold ones (zh PDF against reportlab alone and against Typst, the
  summary's six against the zh PDF) divide medians measured taking turns: ipdocs' cold zh
  PDF, the summary's six outputs, Typst and reportlab alone each run once per round, for
  nine rounds (three with `--quick`), each round starting with the next command. The
  machine's own speed drifts during a run; commands timed minutes apart (the rows of the
  tables below) would put that drift into the ratio. The warm goal divides the warm
  render (in process) by Typst's median taken in turns; watch, many specs and memory are
  measured in their own sections.
- **Phases** split a cold zh PDF build, in a fresh process, at its steps (perf_counter
  marks; median of 3).
- **Scaling** replicates the report's sections and figures N times under new ids and
  builds the full zh brief as PDF and DOCX in a fresh process; the seconds are the
  build's (making the replica is not timed), the memory the process's peak while it
  builds (the replica loaded; the peak of making it, JSON text of every copy, forgotten).
  It collects garbage as the ipdocs command does: no automatic collections while a file
  is written, a full one between the two (the PDF's reportlab document and structure tree
  are one cycle, freed only by a collection: with Python's automatic collections the 50×
  peak depends on when one falls, 285–303 MB in wave 12).
- **Batch** builds 100 summary briefs: 25 synthetic regions (the report under another
  region name) × zh/en × DOCX/PDF, each job loading its spec, one process after another
  and then across a pool of processes.
"""


def timed(command: Sequence[str], repeat: int) -> tuple[float, float]:
    """Median wall seconds and peak memory (MB) of a command run in a fresh process,
    after one run not timed: every tool starts with the files it reads (its modules,
    its fonts) in the system's cache, as ipdocs' cold rows start with its font cache
    filled. (Without it a single run's Typst took 0.28 s where nine after a first took
    0.21 s, and ratios to it swung by a third.)"""
    subprocess.run(command, capture_output=True, check=False)
    walls, peaks = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        result = subprocess.run(["/usr/bin/time", "-f", "%M", *command], capture_output=True,
                                text=True, check=False)
        walls.append(time.perf_counter() - start)
        if result.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed:\n{result.stderr[-2000:]}")
        peaks.append(int(result.stderr.strip().splitlines()[-1]) / 1024)
    return statistics.median(walls), max(peaks)


def afresh_build(spec: str, folder: Path) -> float:
    """Wall seconds of a cold zh PDF build of ``spec`` under a title of its own (the
    font cache filled, but no layouts or table fits kept for a document of that name:
    a report whose every text changed since its last build). The title gains ASCII
    characters only, which every subset holds, so the subsets are read as ever."""
    folder.mkdir(parents=True)
    source = Path(spec)
    text = source.read_text(encoding="utf-8")
    title = 'title: {zh: "'
    assert title in text, "the spec's title is not where bench/run.py looks for it"
    copy = folder / source.name
    copy.write_text(text.replace(title, f'{title}{folder.name} ', 1), encoding="utf-8")
    for beside in source.parent.glob("glossary.yaml"):
        shutil.copy(beside, folder)
    start = time.perf_counter()
    subprocess.run([PY, "-m", "ipdocs", "build", str(copy), "-f", "pdf", "-l", "zh", "-o",
                    str(folder / "out")], check=True, capture_output=True)
    return time.perf_counter() - start


def interleaved(commands: dict[str, Sequence[str]], rounds: int) -> dict[str, float]:
    """Median wall seconds of each of ``commands``, each run in a fresh process ``rounds``
    times, the commands taking turns (round after round, each round starting one command
    further on), after one run of each not timed (as ``timed``). The machine's own speed
    drifts during a run (by a third between runs of one session, wave 14): commands
    measured minutes apart divide two different machines' times; taking turns puts the
    same drift on each side of a ratio."""
    for command in commands.values():
        subprocess.run(command, capture_output=True, check=False)
    names = list(commands)
    walls: dict[str, list[float]] = {name: [] for name in names}
    for turn in range(rounds):
        for name in names[turn % len(names):] + names[:turn % len(names)]:
            start = time.perf_counter()
            result = subprocess.run(commands[name], capture_output=True, text=True,
                                    check=False)
            walls[name].append(time.perf_counter() - start)
            if result.returncode != 0:
                raise RuntimeError(f"{name} failed:\n{result.stderr[-2000:]}")
    return {name: statistics.median(values) for name, values in walls.items()}


def instructions(command: Sequence[str]) -> float | None:
    """Millions of instructions ``command`` runs (all its threads; child processes not
    followed), by cachegrind with no cache simulation and a fixed hash seed; None where
    valgrind is not installed. A count does not move with the machine's speed."""
    if shutil.which("valgrind") is None:
        return None
    result = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no",
                             "--cachegrind-out-file=/dev/null", *command],
                            capture_output=True, text=True, check=False,
                            env={**os.environ, "PYTHONHASHSEED": "0"})
    for line in result.stderr.splitlines():
        if "I" in line and "refs:" in line:
            return int(line.rsplit(":", 1)[1].replace(",", "")) / 1e6
    return None


def instructions_line(turns: Mapping[str, Sequence[str]], bound: Sequence[str]
                      ) -> str | None:
    """A sentence with the instructions of ipdocs' cold zh PDF and of the peers it is
    divided by (``turns``' commands, the summary's six left out: its workers are other
    processes), and of the bound's process (``bound``: ``bound_script``), each run once
    under cachegrind; None without valgrind."""
    counts = {name: instructions(command) for name, command in turns.items()
              if name != "summary six"}
    bounded = instructions(bound)
    ours = counts.pop("zh.pdf", None)
    plain = counts.get("reportlab alone")
    if ours is None or None in counts.values() or bounded is None or not plain:
        return None
    peers = ", ".join(f"{name} {count:,.0f} M ({ours / count:.2f}×)"
                      for name, count in counts.items() if count)
    return (f"In instructions (cachegrind, one run each, interpreter start included; Typst's "
            f"threads summed), which the machine's speed does not move: ipdocs' cold zh PDF "
            f"{ours:,.0f} M; {peers}. The bound's process (the design's dependencies "
            f"imported as ipdocs imports them, then reportlab alone's work): "
            f"{bounded:,.0f} M ({bounded / plain:.2f}× reportlab alone).")


def _tree(pid: int) -> list[int]:
    """A process and its descendants (Linux /proc)."""
    out, todo = [], [pid]
    while todo:
        current = todo.pop()
        out.append(current)
        try:
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        todo += [int(c) for c in children]
    return out


def _pss_mb(pids: list[int]) -> float:
    """The summed proportional set size of ``pids``, in MB: pages a forked worker still
    shares with its parent count once, not once per process."""
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


SAMPLE_S = (0.005, 0.1)
"""How often ``tree_peak`` samples: every 5 ms for a command's first two seconds, then
every 100 ms. Reading a process's proportional set size walks its pages (1.6 ms for a
300 MB process): sampled every 5 ms, a batch's three processes cost the machine about a
quarter of one of its two cores, and the 100-spec batch took 64 s where it takes 54 s
alone. A long batch's memory changes over seconds, not milliseconds."""


def tree_peak(command: Sequence[str], env: dict[str, str] | None = None) -> float:
    """Peak memory (MB) of a command and all its worker processes together, sampled
    (``SAMPLE_S``; what a machine must hold when a build runs in several processes)."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors, env=env)
        peak = 0.0
        while process.poll() is None:
            peak = max(peak, _pss_mb(_tree(process.pid)))
            time.sleep(SAMPLE_S[time.perf_counter() - start > 2])
        if process.returncode != 0:
            errors.seek(0)
            raise RuntimeError(f"{' '.join(command)} failed:\n{errors.read()[-2000:]!r}")
    return peak


def warm(action: Callable[[], Any], repeat: int) -> float:
    """Median seconds of an in-process action (after one warm-up run)."""
    action()
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def size(path: Path) -> str:
    """A file's size in kB."""
    return f"{path.stat().st_size / 1024:.0f} kB"


def replicate(report: Report, times: int) -> Report:
    """The report with its sections and figures repeated ``times`` times under new ids."""
    data = report.model_dump(mode="json")
    dump = json.dumps(data, ensure_ascii=False)
    sections, figures, lead = [], {}, []
    for copy in range(times):
        text = dump
        for fid in sorted(report.figures, key=len, reverse=True):
            for before in ("{", ","):  # {a:change}, and b of {a,b:rank}
                text = text.replace(before + fid + ":", f"{before}r{copy}.{fid}:")
                text = text.replace(before + fid + "}", f"{before}r{copy}.{fid}}}")
                text = text.replace(before + fid + ",", f"{before}r{copy}.{fid},")
            text = text.replace(f'"{fid}"', f'"r{copy}.{fid}"')
        for section in report.walk():
            text = text.replace(f'"id": "{section.id}"', f'"id": "r{copy}-{section.id}"')
        clone = json.loads(text)
        lead = lead or clone["lead"]
        sections += clone["sections"]
        figures.update({k: {**v, "id": None} for k, v in clone["figures"].items()})
    data.update(sections=sections, figures=figures, key_figures=[], lead=lead)
    return Report.model_validate(data)


def scaling_child(spec: str, times: int) -> None:
    """Build a replicated report as PDF and DOCX (run in its own process); print the
    seconds the build took (without making the replica) and the process's peak memory."""

    import gc

    from ipdocs.app.workers import collect_if_grown

    report = replicate(load_report(spec), times)
    forget_peak()  # the peak of making the replica (JSON text of every copy) is not the build's
    start = time.perf_counter()
    gc.disable()  # as the ipdocs command builds: no automatic collections while it writes,
    with tempfile.TemporaryDirectory() as folder:  # a collection between its outputs
        for fmt in ("pdf", "docx"):
            doc = full_brief().document(report, "zh")
            write_document(doc, Path(folder) / f"x.{fmt}", load_theme("briefing"))
            collect_if_grown()
    gc.enable()
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "peak": own_peak_mb(),
                      "sections": len(report.sections), "figures": len(report.figures)}))


def forget_peak() -> None:
    """Start this process's peak memory afresh from what it holds now (after a garbage
    collection): Linux resets the high-water mark when 5 is written to clear_refs."""
    import gc

    gc.collect()
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def own_peak_mb() -> float:
    """This process's peak resident memory, in MB. Linux's high-water mark of the process's
    own memory (VmHWM) where there is one: getrusage's figure survives exec, so a child
    started from a large parent would report the parent's size."""
    import resource

    with contextlib.suppress(OSError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / (1024 if sys.platform == "darwin" else 1)  # bytes there, KB here



KEPT = ("## Speed work", "## Tagged PDF", "## Typesetting as laid out")
"""Hand-written sections of bench/RESULTS.md (measured by other means than this script):
a full run keeps them, after what it writes."""


def kept_sections(report: str) -> list[str]:
    """The hand-written sections of ``report`` (each from its heading to the next
    heading of its level), in their order."""
    out = []
    for heading in KEPT:
        start = report.find("\n" + heading)
        if start < 0:
            continue
        end = report.find("\n## ", start + 1)
        out.append(report[start + 1:end if end >= 0 else len(report)].rstrip("\n") + "\n")
    return out


def compile_bytecode() -> None:
    """Compile ipdocs' modules to bytecode where they are (as pip does when it installs),
    so that no cold process compiles them from source (an editable install run with
    PYTHONDONTWRITEBYTECODE=1 would, some 100 ms a process)."""
    compileall.compile_dir(Path(ipdocs.__file__).parent, quiet=1)


Goal = tuple[str, str, str, bool | None, str]
"""A row of the goals table: the measure, its value as measured, the goal, met, and the
bound reportlab itself sets on the measure in this run (``floors``), or "–"."""


def goals_section(goals: list[Goal]) -> list[str]:
    """The Markdown table of issue 28's goals, each as measured in this run."""
    lines = ["## Goals (issue 28), measured in this run\n",
             "Each ratio divides two measurements of this run (the peer on the same machine, "
             "at the same time), so it holds across machines better than seconds do.\n",
             "*Bound* is what reportlab itself needs for the same content, measured in the "
             "same run: reportlab alone setting it (no model, kinsoku, tagging or charts). "
             "For the cold rows, one fresh process timed in the goals' turns imports the "
             "dependencies the design requires (pydantic with its model base class and one "
             "model of one field, as any model layer on pydantic needs; PyYAML, babel, "
             "reportlab) as ipdocs imports them (`DEPS` in `bench/run.py`), then does what "
             "reportlab alone does (its imports, registering the faces, its first render, "
             "writing): no ipdocs on these libraries can be faster, so where this bound "
             "misses a cold goal, the goal cannot be met with them. For the warm and watch "
             "rows, reportlab alone's own warm render, which ipdocs' own renderer may beat; "
             "for the batch rows, reportlab alone and a Word file at the least "
             "(`bench/plain_docx.py`) setting each output's content.\n",
             "| measure | now | goal | met | bound with reportlab |",
             "|---|---|---|---|---|"]
    for measure, value, goal, met, bound in goals:
        mark = "–" if met is None else ("**yes**" if met else "no")
        lines.append(f"| {measure} | {value} | {goal} | {mark} | {bound} |")
    return [*lines, ""]


DEPS_IMPORTED = """\
import gc
gc.disable()
from ipdocs.base.patterns import (REPORTLAB_CJK, REPORTLAB_UNUSED, REPORTLAB_URI,
                                  YAML_NON_PRINTABLE, YAML_TIMESTAMP, compiled_on_first_use,
                                  pillow_on_first_use, pydantic_imported,
                                  without_pydantic_plugins)
without_pydantic_plugins()
pillow_on_first_use()
with pydantic_imported():
    import pydantic

    class Model(pydantic.BaseModel):
        value: int
with compiled_on_first_use(YAML_NON_PRINTABLE, YAML_TIMESTAMP):
    import yaml
import babel.numbers
with compiled_on_first_use(REPORTLAB_URI, REPORTLAB_CJK, modules=REPORTLAB_UNUSED):
    import reportlab.platypus, reportlab.graphics.charts.barcharts
"""
"""A fresh process's imports of the dependencies ipdocs' design requires for a PDF, made
as ipdocs makes them (``python -m ipdocs``, ``model.base``, ``base.fastyaml``,
``writers.pdf.adapter``): the collector off while they run, pydantic finding no plugins
without reading the installed packages' metadata, Pillow's image module left to its
first use (reportlab imports it at its top), pydantic's annotations compiled once, the
patterns PyYAML and reportlab compile and ipdocs never uses left to their first use. A
model layer on pydantic needs its model base class and at least one model: pydantic's
package alone imports neither, and its first model imports about as much again. The
collector is left off (``PHASES`` goes on importing)."""

DEPS = DEPS_IMPORTED + "gc.enable()\n"
"""``DEPS_IMPORTED``, the collector on again after them: a process of its own."""


def bound_script(content: Path, fonts: Path, out: Path) -> str:
    """The bound's process (``floors``): the design's dependencies imported as ipdocs
    imports them (``DEPS``), then what reportlab alone does (``bench/plain_reportlab.py``:
    its own imports, registering the faces of ``fonts``, setting ``content``, writing
    ``out``), in one fresh process."""
    return DEPS + (f"import sys\nsys.path.insert(0, {str(ROOT / 'bench')!r})\n"
                   "from pathlib import Path\nimport plain_reportlab\n"
                   f"plain_reportlab.main(Path({str(content)!r}), Path({str(fonts)!r}), "
                   f"Path({str(out)!r}))\n")


BOUND_NAME = "the bound's process"
"""The name of ``bound_script``'s process among the commands timed in turns."""


PHASES = """\
import time
start = time.perf_counter()
marks = {}
def mark(name):
    marks[name] = time.perf_counter()
""" + DEPS_IMPORTED + """\
mark("imports: the design's dependencies (pydantic with a model, PyYAML, babel, reportlab)")
import ipdocs.model, ipdocs.themes, ipdocs.i18n.locales
mark("imports: ipdocs' models (report, glossary, locale), the themes, what they use")
from ipdocs.loading import load_report
from ipdocs.sections import full_brief
from ipdocs.themes import load_theme
from ipdocs.writers.pdf import render_pdf
import ipdocs.writers.pdf.charts
mark("imports: the rest of ipdocs a PDF needs (loading, sections, the PDF writer)")
gc.enable()
gc.freeze()  # as the ipdocs command does
report = load_report(SPEC)
mark("loading and validating the spec")
doc = full_brief().document(report, "zh")
mark("building the document tree")
from ipdocs.writers.pdf.fonts import Fonts
from ipdocs.writers.subsets import embedded_text
theme = load_theme("briefing")
fonts = Fonts(theme, embedded_text(doc, theme))
for role in theme.fonts:
    for bold in (False, True):
        fonts.face(role, bold)
mark("reading the font subsets")
render_pdf(doc, theme)
mark("layout and the PDF's bytes (not written to disk)")
import json
last = start
for name, at in marks.items():
    print(json.dumps([name, at - last]))
    last = at
"""
"""A cold zh PDF build split into its phases (run in a fresh process; the spec's path
replaces SPEC). Interpreter start and exit are what the whole build's time leaves over."""


def phases(spec: str) -> list[tuple[str, float]]:
    """Seconds of each phase of a cold zh PDF build, in a fresh process (median of 3)."""
    runs = []
    for _ in range(3):
        result = subprocess.run([PY, "-c", PHASES.replace("SPEC", repr(spec))],
                                capture_output=True, text=True, check=True)
        runs.append([json.loads(line) for line in result.stdout.splitlines()])
    return [(name, statistics.median(run[i][1] for run in runs))
            for i, (name, _) in enumerate(runs[0])]


def batch_job(args: tuple[str, str, str, str, str]) -> None:
    """One brief of one synthetic region (for the batch runs)."""
    spec, region, lang, fmt, folder = args
    report = load_report(spec)
    report = report.model_copy(update={"region": report.region.model_copy(
        update={"zh": region, "en": region})})
    doc = summary_brief().document(report, lang)  # type: ignore[arg-type]
    write_document(doc, Path(folder) / f"{region}.{lang}.{fmt}", load_theme("briefing"))


def _replace_atomically(path: Path, text: str) -> None:
    """Save ``text`` as editors that save atomically do: a new file renamed over the old."""
    temp = path.with_name(f".{path.name}.saving")
    temp.write_text(text, encoding="utf-8")
    os.replace(temp, path)


def watch_latency(spec: str, edits: int) -> tuple[list[float], list[float]]:
    """Edit-to-file latency of ``ipdocs watch`` on the full zh PDF: a value of the spec
    is changed and saved ``edits`` times, each once the previous rebuild is done; each
    latency runs from the save (the rename) to the PDF's replacement (its inode changes,
    polled every millisecond). Also the rebuild times the command printed."""
    import queue
    import threading

    folder = Path(tempfile.mkdtemp(prefix="ipdocs-watch-"))
    copy = folder / "report.yaml"
    text = Path(spec).read_text(encoding="utf-8")
    copy.write_text(text, encoding="utf-8")
    if (Path(spec).parent / "glossary.yaml").is_file():
        shutil.copy(Path(spec).parent / "glossary.yaml", folder)
    pdf = folder / "out" / "report.zh.pdf"
    process = subprocess.Popen([PY, "-m", "ipdocs", "watch", str(copy), "-f", "pdf", "-l", "zh",
                                "-o", str(folder / "out")], stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True)
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in process.stdout or []],
                     daemon=True).start()
    latencies, rebuilds = [], []
    try:
        lines.get(timeout=60)  # the first build
        for edit in range(edits):
            time.sleep(0.2)
            before = pdf.stat().st_ino
            changed = text.replace("value: 71425", f"value: {71426 + edit}", 1)
            start = time.perf_counter()
            _replace_atomically(copy, changed)
            while pdf.stat().st_ino == before:
                time.sleep(0.001)
            latencies.append(time.perf_counter() - start)
            line = lines.get(timeout=60)
            rebuilds.append(float(line.rsplit(" in ", 1)[1].split()[0]))
    finally:
        process.terminate()
        process.wait()
        shutil.rmtree(folder, ignore_errors=True)
    return latencies, rebuilds


def _changed(path: Path, before: tuple[int, int, int] | None) -> bool:
    """Whether ``path`` was written since ``before`` (its inode, size and mtime then)."""
    try:
        now = path.stat()
    except FileNotFoundError:
        return False
    return (now.st_ino, now.st_size, now.st_mtime_ns) != before and now.st_size > 0


def _stamp(path: Path) -> tuple[int, int, int] | None:
    """``path``'s inode, size and mtime (None while it does not exist)."""
    try:
        now = path.stat()
    except FileNotFoundError:
        return None
    return now.st_ino, now.st_size, now.st_mtime_ns


def typst_watch_latency(typ: Path, font_dir: str, edits: int) -> list[float]:
    """Edit-to-file latency of Typst's own watcher (``typst.Compiler.watch``, the PyPI
    package's form of ``typst watch``) on the same content, measured as for ``ipdocs
    watch``: a number of the markup is changed and saved atomically ``edits`` times,
    each latency from the save to the PDF's being written again."""
    folder = Path(tempfile.mkdtemp(prefix="typst-watch-"))
    source = folder / "report.typ"
    text = typ.read_text(encoding="utf-8")
    source.write_text(text, encoding="utf-8")
    pdf = folder / "report.pdf"
    script = (f"import typst; typst.Compiler({str(source)!r}, font_paths=[{font_dir!r}])"
              f".watch({str(pdf)!r})")
    process = subprocess.Popen([PY, "-c", script], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    latencies = []
    try:
        deadline = time.perf_counter() + 60
        while not _changed(pdf, None) and time.perf_counter() < deadline:
            time.sleep(0.005)
        for edit in range(edits):
            time.sleep(0.3)
            before = _stamp(pdf)
            start = time.perf_counter()
            _replace_atomically(source, text.replace("71425", f"{71426 + edit}", 1))
            while not _changed(pdf, before):
                if time.perf_counter() - start > 60:
                    raise RuntimeError("typst watch wrote no PDF within a minute")
                time.sleep(0.001)
            latencies.append(time.perf_counter() - start)
    finally:
        process.terminate()
        process.wait()
        shutil.rmtree(folder, ignore_errors=True)
    return latencies


WATCH = """## Live preview: `ipdocs watch`, edit to file

`ipdocs watch SPEC -f pdf -l zh` (the full zh brief) runs while a value of the spec is
changed and saved {edits} times (as editors save atomically: a new file renamed over the
old), each once the previous rebuild is done. The latency runs from the save to the
PDF's replacement on disk (its inode changes; polled every millisecond): file events,
the wait for the end of a burst of them (2 to 4 ms: `watching.STEP_MS`), reloading and
checking the spec, rendering and writing. *Rebuild* is the time the command prints for
its own work.
"""


def typst_markup(spec: str, folder: Path) -> tuple[Path, str] | None:
    """The full zh brief exported as Typst markup into ``folder``, and the bundled fonts'
    folder (None if the typst package is not installed)."""
    try:
        import typst  # noqa: F401
    except ImportError:
        return None
    typ = folder / "report.typ"
    typ.write_text(to_typst(full_brief().document(load_report(spec), "zh")), encoding="utf-8")
    return typ, str(Path(face_path("NotoSerifCJKsc-Regular.ttf")).parent)


def watch_section(spec: str, edits: int) -> tuple[list[str], float, float | None]:
    """The Markdown of the watch measurement, with the warm render of the same PDF
    measured alongside (the part of the latency that is rendering, on the machine as
    loaded at the time) and Typst's watcher on the same content; also the median
    save-to-PDF seconds of ipdocs and of Typst (None without the typst package)."""
    latencies, rebuilds = watch_latency(spec, edits)
    report, theme = load_report(spec), load_theme("briefing")
    render = warm(lambda: render_pdf(full_brief().document(report, "zh"), theme), edits)
    rows = [("save → PDF replaced", latencies), ("rebuild (as printed)", rebuilds)]
    with tempfile.TemporaryDirectory() as folder:
        markup = typst_markup(spec, Path(folder))
        theirs = typst_watch_latency(*markup, edits) if markup else None
    if theirs:
        rows.append(("Typst's watcher (`typst.Compiler.watch`), same content: save → PDF "
                     "written", theirs))
    lines = [WATCH.format(edits=edits), "| | median | fastest | slowest |",
             "|---|---|---|---|"]
    for name, values in rows:
        ms = sorted(x * 1000 for x in values)
        median = f"{statistics.median(ms):.0f} ms"
        median = f"**{median}**" if name.startswith("save") else median
        lines.append(f"| {name} | {median} | {ms[0]:.0f} ms | {ms[-1]:.0f} ms |")
    lines.append(f"| warm render alone, in process, at the same time | "
                 f"{render * 1000:.0f} ms | | |")
    if not theirs:
        lines.append("\nTypst's watcher not measured: the typst package is not installed "
                     "(pip install -r bench/requirements.txt).")
    return ([*lines, ""], statistics.median(latencies),
            statistics.median(theirs) if theirs else None)


MANY = """## Many specs: `ipdocs build DIR`, 100 specs

100 specs made from the report by `bench/many.py`: 25 regions × 4 years (2021–2024),
each under its region's name, its years moved, its counts and amounts scaled by a factor
of its own. `ipdocs build DIR --json` builds all six outputs of each (600 files) across
its process pool (a process per core); the peak memory is that of all its processes
together. Each region's name changes the report's characters, so each region needs font
subsets of its own: the first run makes them (an empty cache), the second reads them.
The second run's seconds are timed with nothing watching it: its peak is sampled in a
third run, as sampling every process's memory (`tree_peak`) took some 4 s of the 2
cores' time from a 53 s batch (wave 18). The first run's seconds include its sampling.
"""


def many_section(spec: str, tmp: Path, quick: bool) -> tuple[list[str], float]:
    """The Markdown of the 100-spec batch (two runs: empty cache, then filled), and the
    files per second of the run with the cache filled."""
    from many import make_specs

    specs = make_specs(Path(spec), tmp / "many-specs")
    if quick:
        for extra in specs[20:]:
            extra.unlink()
    rows = ["| run | seconds | specs | files | files per second | MB | peak MB (all processes) |",
            "|---|---|---|---|---|---|---|"]
    cache = tmp / "many-cache"
    env = {**os.environ, "IPDOCS_CACHE": str(cache)}

    def command(out: Path) -> list[str]:
        return [PY, "-m", "ipdocs", "build", str(tmp / "many-specs"), "-o", str(out),
                "--json"]

    for run in ("empty font cache", "cache filled by the first run"):
        out = tmp / f"many-out-{len(rows)}"
        start = time.perf_counter()
        if run == "empty font cache":
            peak = tree_peak(command(out), env)
            seconds = time.perf_counter() - start
        else:  # timed alone, its peak sampled in a run of its own (see MANY)
            subprocess.run(command(out), env=env, check=True, capture_output=True)
            seconds = time.perf_counter() - start
            peak = tree_peak(command(tmp / "many-out-sampled"), env)
        files = list(out.iterdir())
        megabytes = sum(f.stat().st_size for f in files) / 1e6
        rate = len(files) / seconds
        rows.append(f"| {run} | {seconds:.1f} | {len(specs) if not quick else 20} | "
                    f"{len(files)} | {rate:.1f} | {megabytes:.0f} | {peak:.0f} |")
    return [MANY, *rows, ""], rate


SECTIONS = {"watch": "## Live preview", "many": "## Many specs"}
"""Sections ``--only`` can measure again on their own, by the start of their heading."""


def splice(report: str, heading: str, section: str) -> str:
    """``report`` with the section under ``heading`` replaced by ``section`` (appended
    if it has none)."""
    start = report.find("\n" + heading)
    if start < 0:
        return report.rstrip("\n") + "\n\n" + section
    end = report.find("\n## ", start + 1)
    return report[:start + 1] + section + (report[end + 1:] if end >= 0 else "")


def only(names: list[str], spec: str, quick: bool) -> None:
    """Measure the named sections alone and put them into bench/RESULTS.md."""
    results = ROOT / "bench" / "RESULTS.md"
    report = results.read_text(encoding="utf-8")
    tmp = Path(tempfile.mkdtemp(prefix="ipdocs-bench-"))
    for name in names:
        lines = watch_section(spec, 5 if quick else 20)[0] if name == "watch" else \
            many_section(spec, tmp, quick)[0]
        section = "\n".join([*lines, f"*Measured {time.strftime('%Y-%m-%d')}; load average "
                                      f"at the end: {os.getloadavg()[0]:.1f} on "
                                      f"{os.cpu_count()} cores.*", ""])
        print(section)
        report = splice(report, SECTIONS[name], section + "\n")
    results.write_text(report, encoding="utf-8")
    shutil.rmtree(tmp, ignore_errors=True)


def _ratio(ours: float, theirs: float | None, goal: float, what: str,
           bound: float | None = None, how: str = "") -> Goal:
    """A goal row for a ratio of ours to a peer's seconds, at most ``goal``; ``bound`` is
    the seconds reportlab itself needs for the measure (``how`` says of what)."""
    if not theirs:
        return what, "not measured (peer not installed)", f"≤ {goal:g}×", None, "–"
    ratio = ours / theirs
    limit = "–" if bound is None else f"{bound / theirs:.2f}× ({how})"
    return (what, f"{ratio:.2f}× ({ours:.2f} s / {theirs:.2f} s)", f"≤ {goal:g}×",
            ratio <= goal, limit)


LANGS = ("zh", "en", "zh-en")
FORMATS = ("pdf", "docx")


def docx_import(repeat: int) -> float:
    """Median seconds a fresh process takes to import python-docx after the PDF
    dependencies (``deps``), timed inside it: a few tens of milliseconds, measured apart
    from ``deps`` (two cold processes timed apart swing by more on a busy machine)."""
    script = (DEPS + "\nimport time\nstart = time.perf_counter()\nimport docx\n"
              "print(time.perf_counter() - start)")
    return statistics.median(
        float(subprocess.run([PY, "-c", script], capture_output=True, text=True,
                             check=True).stdout) for _ in range(repeat))


def library_renders(report: Report, tmp: Path, repeat: int) -> dict[str, float]:
    """Warm seconds reportlab alone (``plain_reportlab``) and a Word file at the least
    (``plain_docx``) take to set the content of each output of the full and the summary
    brief (``"summary zh-en docx"``...), in process, with font subsets made once for all
    of it: what any ipdocs on these libraries must spend on each file at the least (no
    model, fitting, styles, embedded fonts or charts; one render of a summary, not a
    fitting's several)."""
    themes = load_theme("briefing")
    folder = tmp / "plain-all"
    folder.mkdir()
    contents: dict[str, Path] = {}
    charset: set[str] = set()
    for name, brief in (("full", full_brief()), ("summary", summary_brief())):
        for lang in LANGS:
            doc = brief.document(report, lang)
            charset |= set(embedded_text(doc, themes))
            contents[f"{name} {lang}"] = folder / f"{name}-{lang}.json"
            contents[f"{name} {lang}"].write_text(json.dumps(to_flat(doc), ensure_ascii=False),
                                                  encoding="utf-8")
    text = "".join(sorted(charset))
    for name, face in (("serif", "NotoSerifCJKsc-Regular.ttf"),
                       ("serif-bold", "NotoSerifCJKsc-Bold.ttf"),
                       ("sans-bold", "NotoSansCJKsc-Bold.ttf")):
        (folder / f"{name}.ttf").write_bytes(subset_face(face, text))
    plain_reportlab.register(folder)
    seconds: dict[str, float] = {}
    for key, content in contents.items():
        seconds[f"{key} pdf"] = warm(lambda c=content: plain_reportlab.render(
            c, folder / "out.pdf"), repeat + 2)
        seconds[f"{key} docx"] = warm(lambda c=content: plain_docx.rendered(c), repeat + 2)
    return seconds


def _bound(floor: dict[str, float], key: str, how: str) -> str:
    """A bound of ``floor`` (``batch_floors``) as ``how`` spells it, or "–" if not
    measured."""
    return how.format(floor[key]) if key in floor else "–"


def floors(bound: float, plain_warm: float) -> dict[str, float]:
    """What reportlab alone needs, in seconds: ``cold``, a fresh process that imports the
    design's dependencies as ipdocs does and then does what reportlab alone does
    (``bound``, timed in the goals' turns: ``bound_script``); ``warm``, reportlab alone's
    render in a process that has its fonts registered and has rendered before
    (``plain_warm``).

    Until wave 19 ``cold`` added the warm render to a process that imported pydantic's
    package alone, as a plain script imports it: a process's first render costs
    reportlab alone about a quarter more than its later ones; a model layer cannot run
    without ``pydantic.BaseModel`` and a model class, which pydantic imports on first use;
    and ipdocs imports its dependencies at less cost than a plain script (``DEPS``). The
    bound was 1.06-1.08x by the clock."""
    return {"cold": bound, "warm": plain_warm}


def batch_floors(floor: dict[str, float], deps_docx: float, renders: dict[str, float],
                 cores: int) -> dict[str, float]:
    """``floor`` with the bounds of the two batch goals, from what reportlab alone and a
    Word file at the least need (``library_renders``): ``summary six``, the summary's six
    outputs at the least (a cold process importing the design's dependencies with
    python-docx, ``deps_docx``, then the six renders shared evenly by ``cores``
    processes) over the full zh PDF's own floor (``cold``, reportlab alone's render of
    the same set of subsets); ``files per second``, the rate of the six outputs of the
    full brief spec after spec on ``cores`` processes, counting nothing but their renders
    (no spec loaded, no imports, no font subsets)."""
    six = sum(renders[f"summary {lang} {fmt}"] for lang in LANGS for fmt in FORMATS)
    full = sum(renders[f"full {lang} {fmt}"] for lang in LANGS for fmt in FORMATS)
    zh_pdf = floor["cold"] - floor["warm"] + renders["full zh pdf"]
    return {**floor, "summary six": (deps_docx + six / cores) / zh_pdf,
            "files per second": 6 * cores / full}


def goals(cold: dict[str, float], warm_full: float, peer: dict[str, float],
          watch_ours: float, watch_typst: float | None, rate: float, peak50: float,
          quick: bool, floor: dict[str, float]) -> list[Goal]:
    """Issue 28's goals from this run's measurements (``floor``: see ``floors``)."""
    typst_cold = peer.get("Typst")
    watch_goal = watch_ours <= 0.120 and (watch_typst is None or watch_ours < watch_typst)
    theirs = (f"Typst's watcher {watch_typst * 1000:.0f} ms" if watch_typst
              else "Typst's watcher not measured")
    specs = "20 specs (--quick)" if quick else "100 specs"
    return [
        _ratio(cold["zh.pdf"], peer.get("reportlab alone"), 1.5,
               "cold zh PDF / reportlab-alone floor", floor["cold"],
               "the design's imports, then what reportlab alone does"),
        _ratio(cold["zh.pdf"], typst_cold, 2.0, "cold zh PDF / Typst cold", floor["cold"],
               "the same"),
        _ratio(warm_full, typst_cold, 0.35, "warm full zh PDF / Typst cold", floor["warm"],
               "reportlab alone's render"),
        ("`ipdocs watch` save → PDF replaced, full zh",
         f"{watch_ours * 1000:.0f} ms ({theirs})",
         "≤ 120 ms, and below Typst's watcher", watch_goal,
         f"{floor['warm'] * 1000:.0f} ms (reportlab alone's render, before any file event "
         "or reading the spec)"),
        ("summary brief, all six outputs, cold / full zh PDF cold",
         f"{cold['summary six'] / cold['zh.pdf']:.2f}× ({cold['summary six']:.2f} s / "
         f"{cold['zh.pdf']:.2f} s)", "≤ 1.2×", cold["summary six"] / cold["zh.pdf"] <= 1.2,
         _bound(floor, "summary six", "{:.2f}× (the imports with python-docx, then "
                "the six renders of the summary at the least shared by the cores, over the "
                "zh PDF's floor)")),
        (f"many specs × 6 outputs, font cache filled, {os.cpu_count()} cores",
         f"{rate:.1f} files/s ({specs})", "≥ 12 files/s", rate >= 12,
         _bound(floor, "files per second", "{:.1f} files/s (the six renders of the full "
                "brief at the least a spec, nothing else)")),
        ("peak memory, 50× Ningbo (full zh PDF and DOCX, one process)", f"{peak50:.0f} MB",
         "≤ 300 MB", peak50 <= 300, "–"),
    ]


def main() -> None:
    """Run every measurement and print the report."""
    parser = argparse.ArgumentParser()
    parser.add_argument("spec", nargs="?", default=str(ROOT / "specs" / "ningbo-2024.yaml"))
    parser.add_argument("--quick", action="store_true", help="fewer repeats, smaller sizes")
    parser.add_argument("--scaling-child", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--only", type=lambda v: v.split(","),
                        help=f"measure only these sections ({', '.join(SECTIONS)}) and "
                             "put them into bench/RESULTS.md")
    args = parser.parse_args()
    if args.scaling_child:
        scaling_child(args.scaling_child[0], int(args.scaling_child[1]))
        return
    spec = str(Path(args.spec).resolve())
    compile_bytecode()
    if args.only:
        only(args.only, spec, args.quick)
        return
    repeat = 1 if args.quick else 3
    out: list[str] = []
    say = out.append
    say("# Benchmark results\n")
    say("Written by `bench/run.py` (set-up and command in the README, section Benchmarks).\n")
    say(f"Machine: {platform.platform()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}. Spec: `{Path(spec).relative_to(ROOT)}`. "
        f"Median of {repeat} run(s).\n")
    goals_at = len(out)
    say(METHOD)
    results = ROOT / "bench" / "RESULTS.md"
    kept = kept_sections(results.read_text(encoding="utf-8")) if results.exists() else []
    tmp = Path(tempfile.mkdtemp(prefix="ipdocs-bench-"))
    report = load_report(spec)

    say("## ipdocs, cold process (`ipdocs build`, interpreter start included)\n")
    say("| output | seconds | peak MB | size |")
    say("|---|---|---|---|")
    cold: dict[str, float] = {}
    subprocess.run([PY, "-m", "ipdocs", "build", spec, "-o", str(tmp / "warm-up")], check=True,
                   capture_output=True)  # fills the font cache: the rows are later builds
    for fmt in ("pdf", "docx"):
        for lang in ("zh", "en", "zh-en"):
            folder = tmp / f"cold-{fmt}-{lang}"
            wall, peak = timed([PY, "-m", "ipdocs", "build", spec, "-f", fmt, "-l", lang,
                                "-o", str(folder)], repeat)
            cold[f"{lang}.{fmt}"] = wall
            made = next(folder.iterdir())
            say(f"| {made.name} | {wall:.2f} | {peak:.0f} | {size(made)} |")
    six = [PY, "-m", "ipdocs", "build", spec, "-o", str(tmp / "six")]
    wall, peak = timed([*six, "-j", "1"], repeat)
    say(f"| all six, one process (`-j 1`) | {wall:.2f} | {peak:.0f} | |")
    wall, peak = timed(six, repeat)
    cold["six"] = wall
    together = tree_peak(six)
    say(f"| all six at once (default: a process per core) | **{wall:.2f}** | {peak:.0f} "
        f"(all processes: {together:.0f}) | |")
    afresh = statistics.median(afresh_build(spec, tmp / f"afresh-{n}") for n in range(repeat))
    say(f"| zh PDF, its texts set afresh (no layouts kept for the report yet) | {afresh:.2f} "
        "| | |")
    with tempfile.TemporaryDirectory() as empty:
        env = {**os.environ, "IPDOCS_CACHE": empty}
        start = time.perf_counter()
        subprocess.run([PY, "-m", "ipdocs", "build", spec, "-f", "pdf", "-l", "zh", "-o",
                        str(tmp / "first")], check=True, env=env, capture_output=True)
        first = time.perf_counter() - start
    say(f"| zh PDF, empty font cache (a report's very first build) | {first:.2f} | | |")
    summary = [PY, "-m", "ipdocs", "build", spec, "--brief", "summary", "-o",
               str(tmp / "summary")]
    wall, peak = timed(summary, repeat)
    cold["summary six"] = wall
    say(f"| summary brief, all six at once (default) | {wall:.2f} | {peak:.0f} | |\n")

    say("## ipdocs, warm (in process, report already loaded)\n")
    say("| brief | seconds |")
    say("|---|---|")
    themes = load_theme("briefing")
    warm_full = 0.0
    for name, brief in (("full", full_brief()), ("summary", summary_brief())):
        for fmt, render in (("pdf", render_pdf), ("docx", render_docx)):
            seconds = warm(lambda b=brief, r=render: r(b.document(report, "zh"), themes),
                           repeat + 2)
            say(f"| {name} zh {fmt} | {seconds * 1000:.0f} ms |")
            if (name, fmt) == ("full", "pdf"):
                warm_full = seconds
            if fmt == "pdf":  # the PDF writer remembers layouts: a first render breaks all
                fresh = warm(lambda b=brief: (forget_layouts(), forget_fits(), render_pdf(
                    b.document(report, "zh"), themes)), repeat + 2)
                say(f"| {name} zh pdf, no layout remembered | {fresh * 1000:.0f} ms |")
    say("")

    say("## Peers on the same content (zh, full report)\n")
    doc = full_brief().document(report, "zh")
    typ = tmp / "report.typ"
    typ.write_text(to_typst(doc), encoding="utf-8")
    font_dir = str(Path(face_path("NotoSerifCJKsc-Regular.ttf")).parent)
    html_file = tmp / "report.html"
    html_file.write_text(to_html(doc, font_dir), encoding="utf-8")
    say("| tool | task | seconds | ratio to ipdocs | size |")
    say("|---|---|---|---|---|")
    ours = cold["zh.pdf"]
    say(f"| ipdocs | spec → PDF | {ours:.2f} | 1.00 | |")
    peers = []
    turns: dict[str, Sequence[str]] = {  # the goals' two sides, measured taking turns
        "zh.pdf": [PY, "-m", "ipdocs", "build", spec, "-f", "pdf", "-l", "zh", "-o",
                   str(tmp / "turns-zh")],
        "summary six": summary}
    try:
        import typst  # noqa: F401

        script = (f"import typst; typst.compile({str(typ)!r}, "
                  f"output={str(tmp / 'typst.pdf')!r}, font_paths=[{font_dir!r}])")
        turns["Typst"] = [PY, "-c", script]
        wall, _ = timed(turns["Typst"], repeat)
        peers.append(("Typst", "markup → PDF", wall, tmp / "typst.pdf"))
    except ImportError:
        say("| Typst | not installed (pip install -r bench/requirements.txt) | | | |")
    if shutil.which("soffice"):
        docx_file = next((tmp / "cold-docx-zh").iterdir())
        profile = (tmp / "lo-profile").as_uri()
        wall, _ = timed(["soffice", f"-env:UserInstallation={profile}", "--headless",
                         "--convert-to", "pdf", "--outdir", str(tmp / "lo"), str(docx_file)],
                        repeat)
        converted = tmp / "lo" / (docx_file.stem + ".pdf")
        peers.append(("LibreOffice", "our DOCX → PDF", wall, converted))
    try:
        import weasyprint  # noqa: F401

        wall, _ = timed([PY, "-c", "import weasyprint; weasyprint.HTML(filename="
                                   f"{str(html_file)!r}).write_pdf({str(tmp / 'weasy.pdf')!r})"],
                        repeat)
        peers.append(("WeasyPrint", "HTML → PDF", wall, tmp / "weasy.pdf"))
    except ImportError:
        say("| WeasyPrint | not installed (pip install -r bench/requirements.txt) | | | |")
    plain = tmp / "plain"
    plain.mkdir()
    (plain / "content.json").write_text(json.dumps(to_flat(doc), ensure_ascii=False),
                                        encoding="utf-8")
    charset = embedded_text(doc, themes)
    for name, face in (("serif", "NotoSerifCJKsc-Regular.ttf"),
                       ("serif-bold", "NotoSerifCJKsc-Bold.ttf"),
                       ("sans-bold", "NotoSansCJKsc-Bold.ttf")):
        (plain / f"{name}.ttf").write_bytes(subset_face(face, charset))
    turns["reportlab alone"] = [PY, str(ROOT / "bench" / "plain_reportlab.py"),
                                str(plain / "content.json"), str(plain), str(plain / "out.pdf")]
    wall, _ = timed(turns["reportlab alone"], repeat)
    peers.append(("reportlab alone", "content → PDF, no ipdocs", wall, plain / "out.pdf"))
    plain_reportlab.register(plain)
    plain_warm = warm(lambda: plain_reportlab.render(plain / "content.json",
                                                     plain / "warm.pdf"), repeat + 2)
    for name, task, wall, made in peers:
        say(f"| {name} | {task} | {wall:.2f} | {wall / ours:.2f} | {size(made)} |")
    peer = {name: wall for name, _, wall, _ in peers}
    say("")
    bound = [PY, "-c", bound_script(plain / "content.json", plain, plain / "bound.pdf")]
    paired = interleaved({**turns, BOUND_NAME: bound}, 3 * repeat)
    say(f"Taking turns ({3 * repeat} rounds, median; the goals' ratios are these): "
        + ", ".join(f"{'ipdocs summary six' if name == 'summary six' else name} "
                    f"{paired[name]:.2f} s" for name in turns if name != "zh.pdf")
        + ", and the bound's process (the design's dependencies imported as ipdocs imports "
        f"them, then reportlab alone's work) {paired[BOUND_NAME]:.2f} s, against ipdocs' "
        f"cold zh PDF {paired['zh.pdf']:.2f} s.")
    counted = None if args.quick else instructions_line(turns, bound)
    if counted:
        say(f"\n{counted}")
    say("")
    say("*reportlab alone* sets the same content as plain platypus paragraphs and tables "
        "(`bench/plain_reportlab.py`: reportlab's own CJK wrapping, prepared font subsets, "
        "no model, checks, contents, charts or kinsoku): a floor for any reportlab-based "
        f"tool. In process, its fonts registered, it sets the content in "
        f"{plain_warm * 1000:.0f} ms (ipdocs' warm full zh PDF: {warm_full * 1000:.0f} ms).\n")

    say("## Where a cold zh PDF build spends its time\n")
    bare, _ = timed([PY, "-c", "pass"], repeat)
    deps, _ = timed([PY, "-c", DEPS], repeat)
    say("| phase | ms |")
    say("|---|---|")
    for name, seconds in phases(spec):
        say(f"| {name} | {seconds * 1000:.0f} |")
    say(f"\nFor comparison, a fresh `python -c pass` takes {bare * 1000:.0f} ms and one that "
        f"only imports ipdocs' PDF dependencies (pydantic with its model base class and a "
        f"model of one field, PyYAML, babel, reportlab), as ipdocs imports them, "
        f"{deps * 1000:.0f} ms.\n")
    deps_docx = deps + docx_import(repeat + 2)
    renders = library_renders(report, tmp, repeat)
    say("What reportlab alone and a Word file at the least (`bench/plain_docx.py`: the "
        "headings, paragraphs and tables written as WordprocessingML text into "
        "python-docx's default template and zipped; no styles, fonts or charts, faster than "
        "python-docx's own object tree) take to set each output's content, in process (the "
        "bounds of the batch goals; with python-docx the dependencies' imports take "
        f"{deps_docx * 1000:.0f} ms):\n")
    say("| brief | " + " | ".join(f"{lang} {fmt}" for fmt in FORMATS for lang in LANGS)
        + " |")
    say("|---|" + "---|" * len(LANGS) * len(FORMATS))
    for name in ("full", "summary"):
        say(f"| {name} | " + " | ".join(f"{renders[f'{name} {lang} {fmt}'] * 1000:.0f} ms"
                                         for fmt in FORMATS for lang in LANGS) + " |")
    say("")

    say("## Scaling (full zh brief, PDF and DOCX, fresh process per size)\n")
    say("| size | parts | figures | build seconds | seconds per 1× | peak MB |")
    say("|---|---|---|---|---|---|")
    peaks: dict[int, float] = {}
    for times in (1, 10, 50):
        result = subprocess.run([PY, str(Path(__file__)), spec, "--scaling-child", spec,
                                 str(times)], capture_output=True, text=True, check=True)
        row = json.loads(result.stdout.strip().splitlines()[-1])
        peaks[times] = row["peak"]
        say(f"| {times}× | {row['sections']} | {row['figures']} | {row['seconds']:.2f} | "
            f"{row['seconds'] / times:.2f} | {row['peak']:.0f} |")
    say("")

    say("## Batch: 100 summary briefs (25 regions × zh/en × docx/pdf)\n")
    jobs = [(spec, f"Region{n:02d}", lang, fmt, str(tmp / "batch"))
            for n in range(25) for lang in ("zh", "en") for fmt in ("docx", "pdf")]
    (tmp / "batch").mkdir()
    if args.quick:
        jobs = jobs[:20]
    say("| workers | seconds | briefs per second |")
    say("|---|---|---|")
    for workers in (1, os.cpu_count() or 2):
        start = time.perf_counter()
        if workers == 1:
            for job in jobs:
                batch_job(job)
        else:
            with ProcessPoolExecutor(workers) as pool:
                list(pool.map(batch_job, jobs, chunksize=4))
        seconds = time.perf_counter() - start
        say(f"| {workers} | {seconds:.1f} | {len(jobs) / seconds:.1f} |")
    say("")
    lines, watch_ours, watch_typst = watch_section(spec, 5 if args.quick else 20)
    out += lines
    lines, rate = many_section(spec, tmp, args.quick)
    out += lines
    out[goals_at:goals_at] = goals_section(goals(
        {**cold, "zh.pdf": paired["zh.pdf"], "summary six": paired["summary six"]},
        warm_full, {**peer, **{name: paired[name] for name in peer if name in paired}},
        watch_ours, watch_typst, rate, peaks[50], args.quick,
        batch_floors(floors(paired[BOUND_NAME], plain_warm), deps_docx, renders,
                     os.cpu_count() or 1)))
    text = "\n".join([*out, *kept]) + "\n"
    print(text)
    results.write_text(text, encoding="utf-8")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
