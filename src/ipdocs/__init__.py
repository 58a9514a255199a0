"""ipdocs: annual intellectual-property reports as data, printed as bilingual briefings."""

from ipdocs.app.building import BuildError, Output, Recipe, build, build_all, render
from ipdocs.base.problems import Problem, SpecError
from ipdocs.loading import load_report
from ipdocs.model import Figure, Report, Section, Text
from ipdocs.sections.brief import DocumentLanguage, language_code

__version__ = "0.1.0"

__all__ = ["BuildError", "DocumentLanguage", "Figure", "Output", "Problem", "Recipe", "Report",
           "Section", "SpecError", "Text", "__version__", "build", "build_all",
           "language_code", "load_report", "render"]
