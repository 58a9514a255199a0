"""Building briefings: report → brief → document tree → writer → atomic file write.

The public face of building: one briefing built into a file (``build``) or rendered to
bytes (``render``), and a theme checked against a report (``theme_problems``), over
``app/recipes.py`` (recipes, outputs, the writer of a format, output names),
``app/fitting.py`` (a brief fitted to its pages) and ``app/jobs.py`` (many outputs in a
pool of processes), whose names it gives again."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ipdocs.app.fitting import FIT_STEPS as FIT_STEPS
from ipdocs.app.fitting import FITTED_KEPT as FITTED_KEPT
from ipdocs.app.fitting import GIVEN_BACK as GIVEN_BACK
from ipdocs.app.fitting import counted_pages as counted_pages
from ipdocs.app.fitting import fit_steps as fit_steps
from ipdocs.app.fitting import fitted_document as fitted_document
from ipdocs.app.fitting import pdf_pages as pdf_pages
from ipdocs.app.fitting import render_output
from ipdocs.app.jobs import LONGEST_FIRST as LONGEST_FIRST
from ipdocs.app.jobs import (
    Done,
    Job,
    Rendered,
    build_all,
    build_jobs,
    render_jobs,
    render_outputs,
)
from ipdocs.app.jobs import OutputHook as OutputHook
from ipdocs.app.jobs import Result as Result
from ipdocs.app.jobs import available_cpus as available_cpus
from ipdocs.app.jobs import finish as finish
from ipdocs.app.jobs import gap_problems as gap_problems
from ipdocs.app.jobs import longest_first as longest_first
from ipdocs.app.jobs import open_pool as open_pool
from ipdocs.app.jobs import shared_places as shared_places
from ipdocs.app.jobs import workers_for as workers_for
from ipdocs.app.recipes import (
    FORMATS,
    BuildError,
    Output,
    Recipe,
    output_name,
    write_document,
    write_files,
)
from ipdocs.app.recipes import SPEC_SUFFIXES as SPEC_SUFFIXES
from ipdocs.app.recipes import name_stem as name_stem
from ipdocs.base.files import atomic_write
from ipdocs.base.problems import Marks, Problem, error
from ipdocs.model import Glossary, Report
from ipdocs.sections import Brief, load_brief
from ipdocs.sections.brief import DocumentLanguage, LanguageOption, Layout
from ipdocs.themes import Theme, load_theme
from ipdocs.writers.formats import Format, format_names, writer_format

__all__ = ["FORMATS", "BuildError", "Done", "Job", "Output", "Recipe", "Rendered", "atomic_write",
           "build", "build_all", "build_jobs", "output_name", "render", "render_jobs",
           "render_output",
           "render_outputs", "write_document", "write_files"]


def build(report: Report, path: str | Path, *, lang: DocumentLanguage = "zh",
          brief: str | Brief = "full", theme: str | Theme = "briefing",
          layout: Layout = "interleaved", glossary: Glossary | None = None,
          against: Report | None = None) -> Path:
    """Build one briefing of ``report`` into ``path`` (.docx, .pdf or .html, by its
    extension)."""
    recipe = _recipe(brief, theme, layout, glossary, against)
    return atomic_write(Path(path), render_output(report, recipe, Output(Path(path), lang)))


def theme_problems(report: Report, recipe: Recipe,
                   langs: Sequence[LanguageOption] = ("zh-en",), marks: Marks | None = None
                   ) -> list[Problem]:
    """Errors where the recipe's theme cannot print ``report`` as ``build`` would (a
    character no face of it has, a chart label no one face has): the PDF of each of
    ``langs`` is made, and what the writer refuses is an error, located by ``marks`` (the
    spec's) at the text that holds it. ``zh-en`` holds the texts of both languages, and
    charts whose labels are in both."""
    problems = []
    for lang in langs:
        try:
            render_output(report, recipe, Output(Path(f"check.{lang}.pdf"), lang))
        except BuildError as exc:
            if exc.gaps:
                problems += gap_problems(report, recipe.theme, exc.gaps, marks or {})
            else:
                problems.append(error(("theme",), f"{recipe.theme.name}: the {lang} PDF "
                                                  f"cannot be made: {exc}"))
    return problems


def render(report: Report, format: Format = "pdf", *,
           lang: DocumentLanguage = "zh", brief: str | Brief = "full",
           theme: str | Theme = "briefing", layout: Layout = "interleaved",
           glossary: Glossary | None = None, against: Report | None = None) -> bytes:
    """The bytes of one briefing of ``report`` in ``format`` (docx, pdf or html), written to no
    file: for a web response, an e-mail, an archive (``io.BytesIO(render(...))`` for a
    stream). The same bytes ``build`` writes with the same options."""
    registered = writer_format(format)
    if registered is None:
        raise BuildError(f"unknown format {format!r}; formats: {', '.join(format_names())}")
    recipe = _recipe(brief, theme, layout, glossary, against)
    return render_output(report, recipe, Output(Path(f"briefing{registered.suffix}"), lang))


def _recipe(brief: str | Brief, theme: str | Theme, layout: Layout,
            glossary: Glossary | None, against: Report | None) -> Recipe:
    """The recipe of one briefing, the brief and theme loaded by name where given so."""
    chosen = brief if isinstance(brief, Brief) else load_brief(brief)
    loaded = theme if isinstance(theme, Theme) else load_theme(theme)
    return Recipe(chosen, loaded, layout, glossary, against)
