"""The ``ipdocs`` command line: check specs, print the schema, render narrative text."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from ipdocs import __version__
from ipdocs.checks import check_report
from ipdocs.loading import Loaded, read_spec
from ipdocs.model import Report
from ipdocs.narrative import plain_text
from ipdocs.problems import Problem

EXIT_OK = 0
EXIT_SPEC = 1
EXIT_USAGE = 2


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
    return status


if __name__ == "__main__":
    sys.exit(main())
