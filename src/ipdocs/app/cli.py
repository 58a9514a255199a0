"""The ``ipdocs`` command line: check specs, build briefings, watch them, draft next year's
spec, print the schema, the units and the text."""

from __future__ import annotations

import argparse
import atexit
import codecs
import contextlib
import dataclasses
import gc
import os
import sys
import textwrap
import threading
from collections.abc import Callable, Collection, Iterator, Sequence
from pathlib import Path
from typing import Any

from ipdocs.app import stopping
from ipdocs.app.batch import Reporter, jobs_of, load_checked, plan, spec_files
from ipdocs.app.building import (
    Output,
    OutputHook,
    Recipe,
    Result,
    build_jobs,
    theme_problems,
    workers_for,
)
from ipdocs.base import VERSION
from ipdocs.base.files import name_problem, write_all
from ipdocs.base.plugins import PluginError, entry_point_names
from ipdocs.base.problems import Marks, Problem, SpecError, counted, shown_name
from ipdocs.i18n import UnknownLanguageError, codes, languages_of
from ipdocs.loading import load_report
from ipdocs.model import Report
from ipdocs.sections import LANGUAGES, LAYOUTS, Brief, BriefError, load_brief
from ipdocs.sections.brief import BUILT_IN as BRIEFS
from ipdocs.sections.narrative import plain_text
from ipdocs.themes import BUILT_IN as THEMES
from ipdocs.themes import Theme, load_theme
from ipdocs.writers.formats import format_names, writer_format

DEFAULT_THEME = "briefing"
"""The theme ``build`` uses unless given one (and ``check`` checks against)."""

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
        print(f"{shown_name(source)}: {counted(errors, 'error')}, "
              f"{counted(warnings, 'warning')}",
              file=sys.stderr)


def _recipe_files(brief: str | None, theme: str | None
                  ) -> tuple[Brief | BriefError | None, bool, Theme | None]:
    """The brief and theme ``check`` was asked to check too; the brief (or its error,
    whose readable steps are still checked against the specs; or None), whether both
    loaded, every problem of either printed, and the theme if it loaded."""
    ok = True
    loaded_brief: Brief | BriefError | None = None
    loaded_theme: Theme | None = None
    for load, name in ((load_brief, brief), (load_theme, theme)):
        if name is None:
            continue
        try:
            made = load(name)
        except SpecError as exc:
            _print_problems(exc.problems, exc.source or name)
            ok = False
            if isinstance(exc, BriefError):
                loaded_brief = exc
            continue
        if isinstance(made, Brief):
            loaded_brief = made
        elif isinstance(made, Theme):
            loaded_theme = made
    return loaded_brief, ok, loaded_theme


def _theme_problems(report: Report, brief: Brief | BriefError | None,
                    theme: Theme | None, marks: Marks) -> list[Problem]:
    """What the theme cannot print of ``report`` (its brief's, or the full brief's, PDF
    made in both languages): nothing with a brief that has errors. Without a theme, the
    default theme's (build's): its bundled faces print every character they have, so
    that is tried only where a text holds one they lack (then a chart's label, set whole
    in one face, may mix it with characters the machine's face lacks)."""
    if isinstance(brief, BriefError):
        return []
    if theme is None:
        from ipdocs.checks.glyphs import needs_machine_faces

        if not needs_machine_faces(report):
            return []
        theme = load_theme(DEFAULT_THEME)
    return theme_problems(report, Recipe(brief or load_brief("full"), theme), marks=marks)


def cmd_check(args: argparse.Namespace) -> int:
    """``ipdocs check SPEC… [--brief B] [--theme T]``: report every problem of the specs
    and of the brief and theme, and of the brief against each spec; exit 1 on errors."""
    brief, recipe_ok, theme = _recipe_files(args.brief, args.theme)
    status = EXIT_OK if recipe_ok else EXIT_SPEC
    for spec in args.spec:
        loaded, problems = load_checked(spec, strict=args.strict)
        brief_problems = brief.check(loaded.report) \
            if brief is not None and loaded.report is not None else []
        if loaded.report is not None and not any(p.is_error for p in
                                                 [*problems, *brief_problems]):
            problems = [*problems, *_theme_problems(loaded.report, brief, theme,
                                                              loaded.marks)]
        _print_problems(problems, loaded.source)
        problems = [*problems, *_glossary_problems(spec)]
        if brief is not None and loaded.report is not None:
            _print_problems(brief_problems, brief.source or args.brief)
            if isinstance(brief, BriefError):  # its own problems are printed already
                brief_problems = [*brief_problems, *brief.errors]
            problems = [*problems, *brief_problems]
        if any(p.is_error for p in problems):
            status = EXIT_SPEC
        elif loaded.report is not None:
            report = loaded.report
            print(f"{shown_name(loaded.source)}: ok — {counted(len(report.figures), 'figure')}, "
                  f"{counted(sum(1 for _ in report.walk()), 'section')}")
    return status


def _glossary_problems(spec: str) -> list[Problem]:
    """The problems of the glossary.yaml beside ``spec`` (printed), which build reads:
    check said ok of a spec whose glossary build then refused."""
    from ipdocs.loading import glossary_beside

    try:
        glossary_beside(spec)
    except SpecError as exc:
        _print_problems(exc.problems, exc.source or "glossary.yaml")
        return exc.problems
    return []


def cmd_schema(args: argparse.Namespace) -> int:
    """``ipdocs schema``: print the JSON Schema of a report spec."""
    print(schema_text(), end="")
    return EXIT_OK


def schema_text() -> str:
    """The JSON Schema of a report spec, as committed in specs/report.schema.json."""
    import json  # here: a build never imports json

    schema = _one_value_as_enum(Report.model_json_schema())
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _one_value_as_enum(node: Any) -> Any:
    """``node`` with every ``const`` written as an ``enum`` of one value: pydantic writes a
    one-value Literal one way or the other by release (2.9 both, later a const alone), and
    the committed schema must be the same whichever is installed."""
    if isinstance(node, list):
        return [_one_value_as_enum(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: _one_value_as_enum(value) for key, value in node.items()}
    if "const" in out:
        out.setdefault("enum", [out.pop("const")])
    return out


def cmd_text(args: argparse.Namespace) -> int:
    """``ipdocs text SPEC -l LANG``: print the narrative, figures rendered."""
    loaded, problems = load_checked(args.spec)
    if loaded.report is None:
        _print_problems(problems, loaded.source)
        return EXIT_SPEC
    sys.stdout.write(plain_text(loaded.report, args.lang))
    return EXIT_OK


def unit_lines(entries: dict[str, dict[str, object]]) -> list[str]:
    """One line per unit: its code, kind and measure, magnitudes and English words."""
    from ipdocs.base.vocab import build_units

    lines = []
    for code, entry in entries.items():
        family = [u for u in build_units({code: entry}).values()]
        unit = family[0]
        magnitudes = " ".join(u.code for u in family[1:])
        words = unit.word("en")
        english = f"en: {unit.word('en', 1)} / {words}" if words else "en: (no word)"
        lines.append(f"{code or '(none)'}\t{unit.kind.value} ({unit.measure})\t"
                     f"{magnitudes or '-'}\t{english}")
    return lines


def cmd_fonts_convert(args: argparse.Namespace) -> int:
    """``ipdocs fonts convert FACE OUT [--spec SPEC]…``: one face with TrueType outlines."""
    from ipdocs.app.fonttool import FontToolError, convert, spec_characters

    try:
        chars = spec_characters(args.spec) if args.spec else None
        glyphs = convert(args.face, Path(args.output), chars)
    except SpecError as exc:
        _print_problems(exc.problems, exc.source or "")
        return EXIT_SPEC
    except (FontToolError, OSError) as exc:
        print(f"ipdocs fonts: {exc}", file=sys.stderr)
        return EXIT_SPEC
    print(f"{args.output}: {counted(glyphs, 'glyph')}, TrueType outlines")
    return EXIT_OK


def cmd_fonts_coverage(args: argparse.Namespace) -> int:
    """``ipdocs fonts coverage FACE SPEC…``: the characters the specs print that the face
    lacks, one a line (exit 1 if any)."""
    from ipdocs.app.fonttool import FontToolError, lacking, spec_characters

    try:
        missing = lacking(args.face, spec_characters(args.spec))
    except SpecError as exc:
        _print_problems(exc.problems, exc.source or "")
        return EXIT_SPEC
    except FontToolError as exc:
        print(f"ipdocs fonts: {exc}", file=sys.stderr)
        return EXIT_SPEC
    for char in missing:
        print(f"U+{ord(char):04X}\t{char}")
    print(f"{args.face}: lacks {counted(len(missing), 'character')} of the specs",
          file=sys.stderr)
    return EXIT_SPEC if missing else EXIT_OK


def cmd_units(args: argparse.Namespace) -> int:
    """``ipdocs units [SPEC]``: every unit a spec may use (and the spec's own)."""
    from ipdocs.base.vocab import shipped_entries

    entries: dict[str, dict[str, object]] = dict(shipped_entries())
    if args.spec:
        loaded, problems = load_checked(args.spec)
        if loaded.report is None:
            _print_problems(problems, loaded.source)
            return EXIT_SPEC
        entries.update({code: u.model_dump(exclude_none=True, mode="json")
                        for code, u in loaded.report.units.items()})
    print("unit\tkind (measure)\twith magnitudes\tEnglish")
    print("\n".join(unit_lines(entries)))
    return EXIT_OK


def _csv(value: str, allowed: Sequence[str], what: str) -> list[str]:
    """A comma-separated option, each item checked against ``allowed``."""
    items = [v.strip() for v in value.split(",") if v.strip()]
    unknown = [v for v in items if v not in allowed]
    if unknown or not items:
        raise argparse.ArgumentTypeError(
            f"unknown {what} {', '.join(unknown) or repr(value)}; choose from {', '.join(allowed)}")
    return list(dict.fromkeys(items))


def _formats(value: str) -> list[str]:
    """The ``--formats`` option: registered formats, or formats an installed package names
    (``ipdocs.writers.formats``)."""
    items = [v.strip() for v in value.split(",") if v.strip()]
    try:
        known = [*format_names(), *(v for v in items if writer_format(v) is not None)]
    except PluginError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc
    return _csv(value, list(dict.fromkeys(known)), "format")


def _languages(value: str) -> list[str]:
    """The ``--lang`` option: documents' languages, each a registered language or two
    joined by '-' (``ipdocs.i18n.languages_of``)."""
    items = [v.strip() for v in value.split(",") if v.strip()]
    unknown = []
    for item in items:
        try:
            languages_of(item)
        except UnknownLanguageError:
            unknown.append(item)
    if unknown or not items:
        choices = dict.fromkeys([*LANGUAGES, *codes()])
        raise argparse.ArgumentTypeError(
            f"unknown language {', '.join(unknown) or repr(value)}; choose from "
            f"{', '.join(choices)}, or two joined by '-' (a language of your own: "
            f"--locale FILE)")
    return list(dict.fromkeys(items))


def _jobs(value: str) -> int:
    """The ``--jobs`` option: a whole number, 0 or more (0: one per processor)."""
    if not value.strip().isdigit():
        raise argparse.ArgumentTypeError(f"--jobs takes a whole number, not {value!r}")
    return int(value)


def _output_problem(output: Path, inputs: Sequence[str], force: bool) -> str | None:
    """Why ``output`` cannot be written (its name is too long, it is an input, a folder,
    or below a file)."""
    too_long = name_problem(output.name)
    if too_long:  # before asking the file system, which refuses such a name
        return f"cannot write {output}: {too_long}; nothing written"
    same = [i for i in inputs if Path(i).exists() and output.exists()
            and output.resolve() == Path(i).resolve()]
    if same and not force:
        return f"{output} is the input {same[0]}: write the draft elsewhere, or pass --force"
    if output.is_dir():
        return f"{output} is a folder"
    blocked = next((p for p in output.parents if p.exists() and not p.is_dir()), None)
    if blocked is not None:
        return f"cannot write {output}: {blocked} is a file, not a folder"
    return None


def _glossary_along(previous: Path, output: Path) -> tuple[list[tuple[Path, bytes]], list[str]]:
    """The glossary a draft written to another folder takes along: build reads the
    ``glossary.yaml`` beside a spec, so last year's is copied beside the draft (written
    with it, all or none) where that folder has none; a note says so, or that the
    folder's own glossary differs and will be used."""
    old, new = previous.parent / "glossary.yaml", output.parent / "glossary.yaml"
    if not old.is_file() or (new.exists() and new.resolve() == old.resolve()):
        return [], []
    try:
        data = old.read_bytes()
    except OSError as exc:
        return [], [f"cannot copy {old} beside the draft: {exc.strerror}"]
    if not new.exists():
        return [(new, data)], [f"copied {old} to {new}: build reads the glossary beside "
                               "the spec"]
    if new.is_file() and new.read_bytes() == data:
        return [], []
    return [], [f"{new} is not {old}: the draft is built with the glossary of its own folder"]


def cmd_draft(args: argparse.Namespace) -> int:
    """``ipdocs draft PREVIOUS FIGURES -o NEW``: next year's spec from new figures."""
    from ipdocs.drafting import check_draft, draft

    output = Path(args.output)
    refused = _output_problem(output, (args.previous, args.figures), args.force)
    if refused:
        print(f"ipdocs: {refused}", file=sys.stderr)
        return EXIT_SPEC
    try:
        result = draft(args.previous, args.figures)
    except SpecError as exc:
        _print_problems(exc.problems, exc.source or args.previous)
        return EXIT_SPEC
    problems = check_draft(result.text, json=Path(args.previous).suffix.lower() == ".json")
    if any(p.is_error for p in problems):
        _print_problems(problems, args.output)
        print("ipdocs: the draft does not load; nothing written", file=sys.stderr)
        return EXIT_SPEC
    glossary, said = _glossary_along(Path(args.previous), output)
    try:
        write_all([(output, result.text.encode("utf-8")), *glossary])
    except OSError as exc:  # files.WriteError: says which file and why
        print(f"ipdocs: {exc}", file=sys.stderr)
        return EXIT_SPEC
    for note in [*said, *result.notes]:
        print(f"note: {note}", file=sys.stderr)
    print(f"{args.output}: {counted(len(result.stale), 'stale figure')}, "
          f"{counted(result.review, 'paragraph')} "
          "marked for review")
    if result.stale:
        listed = textwrap.fill(", ".join(result.stale), width=88, initial_indent="  ",
                               subsequent_indent="  ", break_on_hyphens=False)
        print(f"stale ({len(result.stale)}):\n{listed}", file=sys.stderr)
    return EXIT_OK


def cmd_figures(args: argparse.Namespace) -> int:
    """``ipdocs figures SPEC -o figures.xlsx``: the workbook to fill in with next year's
    values."""
    from ipdocs.drafting import write_workbook

    loaded, problems = load_checked(args.spec)
    if loaded.report is None:
        _print_problems(problems, loaded.source)
        return EXIT_SPEC
    output = Path(args.output)
    refused = _output_problem(output, (args.spec,), False)
    if refused:
        print(f"ipdocs: {refused}", file=sys.stderr)
        return EXIT_SPEC
    try:
        write_workbook(loaded.report, output)
    except OSError as exc:  # files.WriteError: says which file and why
        print(f"ipdocs: {exc}", file=sys.stderr)
        return EXIT_SPEC
    print(f"{output}: {counted(len(loaded.report.figures), 'figure')} to fill in")
    return EXIT_OK


def _against(path: str | None, specs: Sequence[Path]) -> tuple[bool, Report | None]:
    """Whether ``--against`` can be used, and the report it names (last year's; None
    without the option). Why it cannot is printed."""
    if path is None:
        return True, None
    if len(specs) != 1:
        print("ipdocs: --against compares one spec with last year's: give one spec",
              file=sys.stderr)
        return False, None
    try:
        return True, load_report(path)
    except SpecError as exc:
        _print_problems(exc.problems, exc.source or path)
        return False, None


def cmd_build(args: argparse.Namespace) -> int:
    """``ipdocs build SPEC…``: write every requested format and language of each spec."""
    with _collector_between_outputs():
        return _build(args)


def _build(args: argparse.Namespace) -> int:
    """``cmd_build``, its collector decided."""
    try:
        brief, theme = load_brief(args.brief), load_theme(args.theme)
    except SpecError as exc:  # BriefError and ThemeError too: every problem, located
        _print_problems(exc.problems, exc.source or args.brief)
        return EXIT_SPEC
    try:
        specs = spec_files(args.spec)
    except ValueError as exc:
        print(f"ipdocs: {exc}", file=sys.stderr)
        return EXIT_SPEC
    usable, against = _against(args.against, specs)
    if not usable:
        return EXIT_SPEC
    if args.reference_docx:
        theme = theme.with_reference(args.reference_docx)
    if args.embed_fonts:
        theme = dataclasses.replace(theme, web_fonts="embed")
    recipe = Recipe(brief, theme, args.layout, against=against)
    plans = plan(specs, Path(args.output), args.brief, args.formats, args.langs)
    total = sum(len(p.outputs) or len(args.formats) * len(args.langs) for p in plans)
    reporter = Reporter(len(plans), total, json=args.json)
    reporter.open()
    try:
        for done in build_jobs(jobs_of(plans, recipe, reporter, args.final),
                               workers_for(args.jobs, total),
                               _collecting(reporter.output_done, total)):
            reporter.done(done)
    finally:
        reporter.close()
    return EXIT_SPEC if reporter.failed else EXIT_OK


_OWN_PROCESS = False
"""Whether this process is the ``ipdocs`` command's own (``entry``): then ``build``
decides when the garbage collector runs (``_collector_between_outputs``). Library callers
of ``main()`` keep the collector as it is."""

@contextlib.contextmanager
def _collector_between_outputs() -> Iterator[None]:
    """In the command's own process, the garbage collector off while it builds, turned on
    again after. Its automatic collections cost a one-file build about 2% of its
    instructions (some 300 collections walking the young report, document and layout,
    which live until the file is written) and found some 10,000 objects of cyclic
    garbage in all; ``_collecting`` collects between outputs instead. A forked worker
    turns it on again (``entry``), so a pool's workers collect as before. What is left
    at the end is frozen first (``entry`` freezes it at exit anyway): turned on with its
    count far over the threshold, the collector would walk it all at once."""
    if not _OWN_PROCESS or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()  # what the build left lives until exit: not walked when turned on
        gc.enable()


def _collecting(hook: OutputHook, outputs: int) -> OutputHook:
    """``hook``, and then, while the collector is off (``_collector_between_outputs``)
    and another of the ``outputs`` is still to come, a collection once the
    collector tracks ``workers.COLLECT_AFTER`` more objects than at its last
    (``workers.collect_if_grown``, as a pool's worker collects between tasks). After the
    last output nothing is collected: the process ends (``entry`` freezes what is left)."""
    from ipdocs.app.workers import collect_if_grown

    left = [outputs]

    def done(output: Output, result: Result) -> None:
        hook(output, result)
        left[0] -= 1
        if left[0] > 0:
            collect_if_grown()
    return done


def cmd_watch(args: argparse.Namespace) -> int:
    """``ipdocs watch SPEC``: build, then rebuild whenever an input changes."""
    from ipdocs.app.watching import Options, WatchError, watch

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
                         type=_formats,
                         help=f"{', '.join(format_names())} (comma-separated; default docx,pdf)")
    command.add_argument("-l", "--langs", default="zh,en,zh-en",
                         type=_languages,
                         help="zh, en, zh-en (comma-separated; default all)")
    command.add_argument("--layout", choices=LAYOUTS, default="interleaved",
                         help="zh-en: one language after the other, or side by side")
    command.add_argument("--brief", default="full", type=_named_file(BRIEFS, "brief"),
                         help="full, summary, or a brief YAML file")
    command.add_argument("--theme", default=DEFAULT_THEME, type=_named_file(THEMES, "theme"),
                         help="briefing, official, or a theme YAML file")
    command.add_argument("-o", "--output", default="out",
                         help="output folder (default out/)")
    command.add_argument("-j", "--jobs", type=_jobs, default=0,
                         help="processes to render in (default: one per processor)")
    command.add_argument("--final", action="store_true",
                         help="refuse a spec with stale figures or paragraphs marked for "
                              "review")


DESCRIPTION = ("ipdocs turns an annual intellectual-property report kept as data (a spec) "
               "into DOCX and PDF briefings and web pages in Chinese, English or both.")
"""What ``ipdocs --help`` says first: plain text, no markup."""


def _named_file(built_in: Collection[str], what: str) -> Callable[[str], str]:
    """An option naming a built-in (``full``) or a file that exists: anything else is a
    usage error (exit 2), as an unknown language or format is."""
    def check(value: str) -> str:
        if value in built_in or Path(value).exists():
            return value
        installed = entry_point_names("briefs" if what == "brief" else "themes")
        if value in installed:  # a package's own (entry points ipdocs.briefs, ipdocs.themes)
            return value
        raise argparse.ArgumentTypeError(
            f"unknown {what} {value!r}: not one of {', '.join([*built_in, *installed])} "
            "and no such file")
    return check


def _existing_file(value: str) -> str:
    """An option naming a file that must exist: anything else is a usage error."""
    if Path(value).is_file():
        return value
    raise argparse.ArgumentTypeError(f"no such file: {value!r}")


def parser() -> argparse.ArgumentParser:
    """The argument parser of the ``ipdocs`` command."""
    top = argparse.ArgumentParser(prog="ipdocs", description=DESCRIPTION)
    top.add_argument("--version", action="version", version=f"ipdocs {VERSION}")
    top.add_argument("--locale", metavar="FILE", action="append", default=[],
                     help="register a language from its locale file (see "
                          "ipdocs.i18n.register_locale), so specs may hold its prose and "
                          "-l may name it; repeatable, before or after the command")
    sub = top.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate specs and report every problem")
    check.add_argument("spec", nargs="+", help="report spec (YAML or JSON)")
    check.add_argument("--strict", action="store_true", help="treat warnings as errors")
    check.add_argument("--brief", type=_named_file(BRIEFS, "brief"),
                       help="check this brief (full, summary or a file) too, and against "
                            "each spec")
    check.add_argument("--theme", type=_named_file(THEMES, "theme"),
                       help="check this theme (briefing, official or a file) too")
    check.set_defaults(run=cmd_check)
    schema = sub.add_parser("schema", help="print the JSON Schema of a report spec")
    schema.set_defaults(run=cmd_schema)
    build = sub.add_parser("build", help="write briefings (DOCX, PDF, HTML) of specs")
    build.add_argument("spec", nargs="+",
                       help="report specs (YAML or JSON), or folders of them")
    _build_options(build)
    build.add_argument("--against", metavar="OLD",
                       help="last year's spec: the DOCX shows each figure that changed as a "
                            "tracked revision, and comments on what a draft marks")
    build.add_argument("--reference-docx", metavar="DOCX", type=_existing_file,
                       help="the office's Word file: the DOCX takes its styles, page set-up, "
                            "headers and footers (a letterhead), as pandoc's reference-doc")
    build.add_argument("--json", action="store_true",
                       help="print one JSON record per output (path, bytes, pages, seconds, "
                            "warnings, error) instead of the paths written")
    build.add_argument("--embed-fonts", action="store_true",
                       help="web pages (-f html) embed the bundled faces as WOFF2 subsets "
                            "(a self-contained copy; seconds a page) instead of naming the "
                            "reader's system fonts")
    build.set_defaults(run=cmd_build)
    watching = sub.add_parser("watch", help="rebuild a spec's briefings whenever it, its "
                                            "glossary, brief or theme changes")
    watching.add_argument("spec", nargs=1, help="report spec (YAML or JSON)")
    _build_options(watching)
    watching.set_defaults(run=cmd_watch)
    drafting = sub.add_parser("draft", help="draft next year's spec from new figures")
    drafting.add_argument("previous", help="this year's spec")
    drafting.add_argument("figures", help="new values: the figures workbook (.xlsx), CSV "
                                          "(id,value[,unit,qualifier,note]) or YAML")
    drafting.add_argument("-o", "--output", required=True, help="the new spec to write")
    drafting.add_argument("--force", action="store_true",
                          help="allow the output to replace the input spec")
    drafting.set_defaults(run=cmd_draft)
    figures = sub.add_parser("figures", help="write the workbook of a spec's figures, to fill "
                                             "in with next year's values")
    figures.add_argument("spec", help="this year's spec")
    figures.add_argument("-o", "--output", required=True, help="the workbook to write (.xlsx)")
    figures.set_defaults(run=cmd_figures)
    units = sub.add_parser("units", help="list the units a spec may use")
    units.add_argument("spec", nargs="?", help="also list this spec's own units")
    units.set_defaults(run=cmd_units)
    fonts = sub.add_parser("fonts", help="make a face a theme can use; see what it lacks")
    tools = fonts.add_subparsers(dest="tool", required=True)
    convert = tools.add_parser("convert", help="save one face of a font (a .ttc/.otc "
                                               "collection's: file.ttc#2) with TrueType "
                                               "outlines, for a theme's fonts or fallbacks")
    convert.add_argument("face", help="the font file, #N for the Nth face of a collection")
    convert.add_argument("output", help="the TrueType file to write (.ttf)")
    convert.add_argument("--spec", action="append", default=[],
                         help="keep only what this spec prints (and ASCII); repeatable")
    convert.set_defaults(run=cmd_fonts_convert)
    coverage = tools.add_parser("coverage", help="list the characters of specs a face lacks")
    coverage.add_argument("face", help="the font file, #N for the Nth face of a collection")
    coverage.add_argument("spec", nargs="+", help="report specs (YAML or JSON)")
    coverage.set_defaults(run=cmd_fonts_coverage)
    text = sub.add_parser("text", help="print the narrative with figures rendered")
    text.add_argument("spec", help="report spec (YAML or JSON)")
    text.add_argument("-l", "--lang", choices=codes(), default="zh")
    text.set_defaults(run=cmd_text)
    return top


ESCAPES = "ipdocs-escape"
"""The error handler of an output stream whose encoding cannot write every character."""

_escaped: list[str] = []
"""Characters an output stream could not write and wrote as escapes, this run."""


def _escape(exc: UnicodeError) -> tuple[str, int]:
    """Write what the stream's encoding lacks as a \\u escape, and remember that it did."""
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    _escaped.append(exc.object[exc.start:exc.end])
    escaped, end = codecs.backslashreplace_errors(exc)
    return str(escaped), end


codecs.register_error(ESCAPES, _escape)


def _tolerant_streams() -> None:
    """Let stdout and stderr write what their encoding lacks (LC_ALL=C, a gb2312 terminal
    and an emoji) as escapes instead of crashing; UTF-8 streams are left as they are."""
    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None) or "utf-8"
        try:
            utf = codecs.lookup(encoding).name.startswith("utf")
        except LookupError:
            utf = False
        if not utf and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors=ESCAPES)


def _say_escaped() -> None:
    """Say once, at the end, that some characters were written as escapes."""
    if _escaped:
        encoding = getattr(sys.stdout, "encoding", "?")
        print(f"ipdocs: note: the output's encoding ({encoding}) cannot write "
              f"{len(set(''.join(_escaped)))} of the characters printed; they are written as "
              "\\u escapes (a UTF-8 locale, or PYTHONIOENCODING=utf-8, shows them)",
              file=sys.stderr)
        _escaped.clear()


def _locale_options(argv: Sequence[str]) -> tuple[list[str], list[str]]:
    """The locale files ``--locale FILE`` names anywhere on the command line, and the
    other arguments in their order. Read before the rest, since the languages they
    register are what ``-l`` and a spec's texts are checked against."""
    files: list[str] = []
    rest: list[str] = []
    items = iter(argv)
    for item in items:
        if item == "--":
            rest += [item, *items]
        elif item == "--locale":
            files.append(next(items, ""))
        elif item.startswith("--locale="):
            files.append(item.partition("=")[2])
        else:
            rest.append(item)
    return files, rest


def _register_locales(files: Sequence[str]) -> str | None:
    """Register each locale file; what is wrong with the first that cannot be."""
    from ipdocs.i18n import register_locale

    for file in files:
        if not file:
            return "--locale needs a locale file"
        try:
            register_locale(file)
        except ValueError as exc:
            return f"--locale: {exc}"
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    _tolerant_streams()
    files, rest = _locale_options(sys.argv[1:] if argv is None else argv)
    problem = _register_locales(files)
    if problem:
        print(f"ipdocs: {problem}", file=sys.stderr)
        return EXIT_USAGE
    args = parser().parse_args(rest)
    try:
        status: int = args.run(args)
        _say_escaped()
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


def _collector_in_child() -> None:
    """In a process forked from the command's (a pool's worker), what it inherited frozen,
    then the collector on again: the command's collector is off while it builds, so
    what it made since its imports (the arguments, brief, theme) was still young at the
    fork, far over the collector's threshold, and the child's first allocations
    collected it all before the worker turns its collector off
    (``workers.start_worker``): 2–3 ms of CPU a worker of the summary's six outputs,
    and some 400 pages copied from the parent for it."""
    gc.freeze()
    gc.enable()


def entry() -> int:
    """The ``ipdocs`` command as a process of its own: ``main()`` with the garbage
    collector kept off what lives until exit.

    What the imports made is frozen before the command runs, and what is left when it
    ends is frozen too, so neither the collections during a build nor the interpreter's
    shutdown walk tens of thousands of long-lived objects (about a tenth of a one-file
    build). Library callers of ``main()`` keep the collector as it is.
    """
    global _OWN_PROCESS
    gc.freeze()
    _OWN_PROCESS = True
    os.register_at_fork(after_in_child=_collector_in_child)
    stopping.install()
    try:
        return main()
    finally:
        # What is frozen is never collected: finalizers of cyclic garbage left now do not
        # run. ipdocs writes and closes every file before main() returns.
        gc.freeze()


def command() -> int:
    """The installed ``ipdocs`` command and ``python -m ipdocs``: ``entry``, then the
    process left at once with its status (``leave``)."""
    status = entry()
    leave(status)
    return status


def leave(status: int) -> None:
    """End the command's process with ``status`` now, doing first what the interpreter
    does at exit that anyone could see (the functions registered with ``atexit``, such as
    ``multiprocessing``'s and ``weakref.finalize``'s, then ``sys.stdout`` and
    ``sys.stderr`` flushed), but not taking apart every module and object one by one: in
    a one-file build that teardown took 8 to 11 ms of some 0.4 s, for a process about to
    end. Returns, and the interpreter exits as ever, where the process is not the
    command's own (``_own_process``: a profiler, a debugger or another tool runs the
    command inside itself and has work to do after it), another thread still runs, or
    a flush fails (the interpreter then reports it as it does)."""
    if not _own_process() or threading.active_count() > 1:
        return
    atexit._run_exitfuncs()
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:  # None where the stream was closed when Python began
                stream.flush()
    except Exception:  # whatever it is, the interpreter reports it as it does
        return
    os._exit(status)


def _own_process() -> bool:
    """Whether this process is the ``ipdocs`` command's alone: its main module ipdocs'
    own (``python -m ipdocs``, or the installed script, which runs
    ``ipdocs.__main__.run``), and nothing profiling or tracing it (``python -m cProfile
    -m ipdocs``, pdb, coverage: their main module or hooks are theirs)."""
    if sys.getprofile() is not None or sys.gettrace() is not None:
        return False
    main = sys.modules.get("__main__")
    spec = getattr(main, "__spec__", None)
    if spec is not None:
        return bool(spec.name == "ipdocs.__main__")
    runner = sys.modules.get("ipdocs.__main__")
    run = getattr(runner, "run", None)
    return run is not None and getattr(main, "run", None) is run


if __name__ == "__main__":
    sys.exit(entry())
