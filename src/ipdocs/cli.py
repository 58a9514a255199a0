"""The ``ipdocs`` command line: check specs, build briefings, print the schema and text."""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path

from ipdocs import __version__, stopping
from ipdocs.batch import Reporter, jobs_of, load_checked, plan, spec_files
from ipdocs.building import FORMATS, Recipe, atomic_write, build_jobs, workers_for
from ipdocs.model import Report
from ipdocs.narrative import plain_text
from ipdocs.problems import Problem, SpecError
from ipdocs.sections import LANGUAGES, LAYOUTS, BriefError, load_brief
from ipdocs.themes import ThemeError, load_theme

EXIT_OK = 0
EXIT_SPEC = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 70
"""A bug in ipdocs (EX_SOFTWARE): reported in one line, without a traceback."""


def _print_problems(problems: Sequence[Problem], source: str) -> None:
    """Print problems to stderr, one per line, then a count."""
    for problem in problems:
        print(problem.format(source), file=sys.stderr)
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    if problems:
        print(f"{source}: {errors} error(s), {warnings} warning(s)", file=sys.stderr)


def cmd_check(args: argparse.Namespace) -> int:
    """``ipdocs check SPEC…``: report every problem; exit 1 on errors."""
    status = EXIT_OK
    for spec in args.spec:
        loaded, problems = load_checked(spec, strict=args.strict)
        _print_problems(problems, loaded.source)
        if any(p.is_error for p in problems):
            status = EXIT_SPEC
        elif loaded.report is not None:
            report = loaded.report
            print(f"{loaded.source}: ok — {len(report.figures)} figures, "
                  f"{sum(1 for _ in report.walk())} sections")
    return status


def cmd_schema(args: argparse.Namespace) -> int:
    """``ipdocs schema``: print the JSON Schema of a report spec."""
    print(schema_text(), end="")
    return EXIT_OK


def schema_text() -> str:
    """The JSON Schema of a report spec, as committed in specs/report.schema.json."""
    schema = Report.model_json_schema()
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def cmd_text(args: argparse.Namespace) -> int:
    """``ipdocs text SPEC -l LANG``: print the narrative, figures rendered."""
    loaded, problems = load_checked(args.spec)
    if loaded.report is None:
        _print_problems(problems, loaded.source)
        return EXIT_SPEC
    sys.stdout.write(plain_text(loaded.report, args.lang))
    return EXIT_OK


def _csv(value: str, allowed: Sequence[str], what: str) -> list[str]:
    """A comma-separated option, each item checked against ``allowed``."""
    items = [v.strip() for v in value.split(",") if v.strip()]
    unknown = [v for v in items if v not in allowed]
    if unknown or not items:
        raise argparse.ArgumentTypeError(
            f"unknown {what} {', '.join(unknown) or repr(value)}; choose from {', '.join(allowed)}")
    return list(dict.fromkeys(items))


def _jobs(value: str) -> int:
    """The ``--jobs`` option: a whole number, 0 or more (0: one per processor)."""
    if not value.strip().isdigit():
        raise argparse.ArgumentTypeError(f"--jobs takes a whole number, not {value!r}")
    return int(value)


def cmd_draft(args: argparse.Namespace) -> int:
    """``ipdocs draft PREVIOUS FIGURES -o NEW``: next year's spec from new figures."""
    from ipdocs.drafting import check_draft, draft

    try:
        result = draft(args.previous, args.figures)
    except SpecError as exc:
        _print_problems(exc.problems, exc.source or args.previous)
        return EXIT_SPEC
    problems = check_draft(result.text)
    if any(p.is_error for p in problems):
        _print_problems(problems, args.output)
        print("ipdocs: the draft does not load; nothing written", file=sys.stderr)
        return EXIT_SPEC
    try:
        atomic_write(Path(args.output), result.text.encode("utf-8"))
    except OSError as exc:  # files.WriteError: says which file and why
        print(f"ipdocs: {exc}", file=sys.stderr)
        return EXIT_SPEC
    for note in result.notes:
        print(f"note: {note}", file=sys.stderr)
    print(f"{args.output}: {len(result.stale)} stale figure(s), {result.review} paragraph(s) "
          "marked for review")
    if result.stale:
        listed = textwrap.fill(", ".join(result.stale), width=88, initial_indent="  ",
                               subsequent_indent="  ", break_on_hyphens=False)
        print(f"stale ({len(result.stale)}):\n{listed}", file=sys.stderr)
    return EXIT_OK


def cmd_build(args: argparse.Namespace) -> int:
    """``ipdocs build SPEC…``: write every requested format and language of each spec."""
    try:
        specs = spec_files(args.spec)
        recipe = Recipe(load_brief(args.brief), load_theme(args.theme), args.layout)
    except (BriefError, ThemeError, ValueError) as exc:
        print(f"ipdocs: {exc}", file=sys.stderr)
        return EXIT_SPEC
    plans = plan(specs, Path(args.output), args.brief, args.formats, args.langs)
    total = sum(len(p.outputs) or len(args.formats) * len(args.langs) for p in plans)
    reporter = Reporter(len(plans), total, json=args.json)
    reporter.open()
    try:
        for done in build_jobs(jobs_of(plans, recipe, reporter, args.final),
                               workers_for(args.jobs, total), reporter.output_done):
            reporter.done(done)
    finally:
        reporter.close()
    return EXIT_SPEC if reporter.failed else EXIT_OK


def cmd_watch(args: argparse.Namespace) -> int:
    """``ipdocs watch SPEC``: build, then rebuild whenever an input changes."""
    from ipdocs.watching import Options, WatchError, watch

    spec = Path(args.spec[0])
    [planned] = plan([spec], Path(args.output), args.brief, args.formats, args.langs)
    if planned.error is not None or not spec.parent.is_dir():
        print(f"ipdocs: cannot watch {spec}: {planned.error or 'no such folder'}",
              file=sys.stderr)
        return EXIT_SPEC
    try:
        watch(Options(planned, args.brief, args.theme, args.layout, args.final,
                      workers_for(args.jobs, len(planned.outputs))))
    except WatchError as exc:
        print(f"ipdocs: {exc}", file=sys.stderr)
        return EXIT_SPEC
    return EXIT_OK


def _build_options(command: argparse.ArgumentParser) -> None:
    """The options ``build`` and ``watch`` share."""
    command.add_argument("-f", "--formats", default="docx,pdf",
                         type=lambda v: _csv(v, FORMATS, "format"),
                         help="docx, pdf (comma-separated; default both)")
    command.add_argument("-l", "--langs", default="zh,en,zh-en",
                         type=lambda v: _csv(v, LANGUAGES, "language"),
                         help="zh, en, zh-en (comma-separated; default all)")
    command.add_argument("--layout", choices=LAYOUTS, default="interleaved",
                         help="zh-en: one language after the other, or side by side")
    command.add_argument("--brief", default="full",
                         help="full, summary, or a brief YAML file")
    command.add_argument("--theme", default="briefing",
                         help="briefing, official, or a theme YAML file")
    command.add_argument("-o", "--output", default="out",
                         help="output folder (default out/)")
    command.add_argument("-j", "--jobs", type=_jobs, default=0,
                         help="processes to render in (default: one per processor)")
    command.add_argument("--final", action="store_true",
                         help="refuse a spec with stale figures or paragraphs marked for "
                              "review")


def parser() -> argparse.ArgumentParser:
    """The argument parser of the ``ipdocs`` command."""
    top = argparse.ArgumentParser(prog="ipdocs", description=__doc__)
    top.add_argument("--version", action="version", version=f"ipdocs {__version__}")
    sub = top.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate specs and report every problem")
    check.add_argument("spec", nargs="+", help="report spec (YAML or JSON)")
    check.add_argument("--strict", action="store_true", help="treat warnings as errors")
    check.set_defaults(run=cmd_check)
    schema = sub.add_parser("schema", help="print the JSON Schema of a report spec")
    schema.set_defaults(run=cmd_schema)
    build = sub.add_parser("build", help="write briefings (DOCX and PDF) of specs")
    build.add_argument("spec", nargs="+",
                       help="report specs (YAML or JSON), or folders of them")
    _build_options(build)
    build.add_argument("--json", action="store_true",
                       help="print one JSON record per output (path, bytes, pages, seconds, "
                            "warnings, error) instead of the paths written")
    build.set_defaults(run=cmd_build)
    watching = sub.add_parser("watch", help="rebuild a spec's briefings whenever it, its "
                                            "glossary, brief or theme changes")
    watching.add_argument("spec", nargs=1, help="report spec (YAML or JSON)")
    _build_options(watching)
    watching.set_defaults(run=cmd_watch)
    drafting = sub.add_parser("draft", help="draft next year's spec from new figures")
    drafting.add_argument("previous", help="this year's spec")
    drafting.add_argument("figures", help="new values: CSV (id,value[,unit,note]) or YAML")
    drafting.add_argument("-o", "--output", required=True, help="the new spec to write")
    drafting.set_defaults(run=cmd_draft)
    text = sub.add_parser("text", help="print the narrative with figures rendered")
    text.add_argument("spec", help="report spec (YAML or JSON)")
    text.add_argument("-l", "--lang", choices=("zh", "en"), default="zh")
    text.set_defaults(run=cmd_text)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = parser().parse_args(argv)
    try:
        status: int = args.run(args)
    except KeyboardInterrupt:
        print("ipdocs: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return EXIT_OK
    except Exception as exc:  # a bug: say so in one line; IPDOCS_DEBUG=1 shows where
        if os.environ.get("IPDOCS_DEBUG"):
            raise
        print(f"ipdocs: internal error: {type(exc).__name__}: {exc}\n"
              "ipdocs: this is a bug; run again with IPDOCS_DEBUG=1 to see where, and report "
              "it", file=sys.stderr)
        return EXIT_INTERNAL
    return status


def entry() -> int:
    """The ``ipdocs`` command as a process of its own: ``main()`` with the garbage
    collector kept off what lives until exit.

    What the imports made is frozen before the command runs, and what is left when it
    ends is frozen too, so neither the collections during a build nor the interpreter's
    shutdown walk tens of thousands of long-lived objects (about a tenth of a one-file
    build). Library callers of ``main()`` keep the collector as it is.
    """
    gc.freeze()
    stopping.install()
    try:
        return main()
    finally:
        # What is frozen is never collected: finalizers of cyclic garbage left now do not
        # run. ipdocs writes and closes every file before main() returns.
        gc.freeze()


if __name__ == "__main__":
    sys.exit(entry())
