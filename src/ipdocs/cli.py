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

from ipdocs import __version__
from ipdocs.building import (
    FORMATS,
    BuildError,
    Output,
    Recipe,
    atomic_write,
    build_all,
    output_name,
)
from ipdocs.checks import check_report
from ipdocs.checks.glyphs import check_glyphs
from ipdocs.loading import Loaded, load_glossary, read_spec
from ipdocs.model import Glossary, Report
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


def _load(spec: str, strict: bool = False) -> tuple[Loaded, list[Problem]]:
    """Read a spec and run the consistency checks; every problem found, located."""
    loaded = read_spec(spec)
    problems = list(loaded.problems)
    if loaded.report is not None:
        problems += loaded.locate(check_report(loaded.report, strict=strict))
        problems += loaded.locate(check_glyphs(loaded.report))
    return loaded, problems


def cmd_check(args: argparse.Namespace) -> int:
    """``ipdocs check SPEC…``: report every problem; exit 1 on errors."""
    status = EXIT_OK
    for spec in args.spec:
        loaded, problems = _load(spec, strict=args.strict)
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
    loaded, problems = _load(args.spec)
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


def _glossary_beside(spec: Path) -> Glossary | None:
    """The termbase ``glossary.yaml`` beside the spec, if there is one."""
    path = spec.parent / "glossary.yaml"
    return load_glossary(path) if path.is_file() else None


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
    atomic_write(Path(args.output), result.text.encode("utf-8"))
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
    """``ipdocs build SPEC``: write every requested format and language."""
    loaded, problems = _load(args.spec)
    errors = [p for p in problems if p.is_error]
    if loaded.report is not None and args.final:
        from ipdocs.drafting import final_problems

        unfinished = loaded.locate(final_problems(loaded.report))
        if unfinished:
            _print_problems(unfinished, loaded.source)
            print("ipdocs: --final refuses a spec with stale figures or paragraphs marked "
                  "for review", file=sys.stderr)
            return EXIT_SPEC
    if loaded.report is None or errors:
        _print_problems(problems, loaded.source)
        return EXIT_SPEC
    _print_problems(problems, loaded.source)  # warnings: built all the same, but said
    spec = Path(args.spec)
    try:
        brief = load_brief(args.brief)
        theme = load_theme(args.theme)
        glossary = _glossary_beside(spec)
    except (BriefError, ThemeError, SpecError) as exc:
        print(f"ipdocs: {exc}", file=sys.stderr)
        return EXIT_SPEC
    out = Path(args.output)
    outputs = [Output(out / output_name(spec, args.brief, lang, fmt), lang)
               for fmt in args.formats for lang in args.langs]
    recipe = Recipe(brief, theme, args.layout, glossary)
    try:
        written = build_all(loaded.report, recipe, outputs, args.jobs)
    except BuildError as exc:
        for line in str(exc).splitlines():
            print(f"ipdocs: {line}", file=sys.stderr)
        return EXIT_SPEC
    for path in written:
        print(path)
    return EXIT_OK


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
    build = sub.add_parser("build", help="write briefings (DOCX and PDF) of a spec")
    build.add_argument("spec", help="report spec (YAML or JSON)")
    build.add_argument("-f", "--formats", default="docx,pdf",
                       type=lambda v: _csv(v, FORMATS, "format"),
                       help="docx, pdf (comma-separated; default both)")
    build.add_argument("-l", "--langs", default="zh,en,zh-en",
                       type=lambda v: _csv(v, LANGUAGES, "language"),
                       help="zh, en, zh-en (comma-separated; default all)")
    build.add_argument("--layout", choices=LAYOUTS, default="interleaved",
                       help="zh-en: one language after the other, or side by side")
    build.add_argument("--brief", default="full", help="full, summary, or a brief YAML file")
    build.add_argument("--theme", default="briefing",
                       help="briefing, official, or a theme YAML file")
    build.add_argument("-o", "--output", default="out", help="output folder (default out/)")
    build.add_argument("-j", "--jobs", type=_jobs, default=0,
                       help="processes to render in (default: one per processor)")
    build.add_argument("--final", action="store_true",
                       help="refuse a spec with stale figures or paragraphs marked for review")
    build.set_defaults(run=cmd_build)
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
    try:
        return main()
    finally:
        # What is frozen is never collected: finalizers of cyclic garbage left now do not
        # run. ipdocs writes and closes every file before main() returns.
        gc.freeze()


if __name__ == "__main__":
    sys.exit(entry())
