"""ipdocs: annual intellectual-property reports as data, printed as bilingual briefings."""

from ipdocs.building import BuildError, Output, Recipe, build, build_all
from ipdocs.loading import load_report
from ipdocs.model import Figure, Report, Section, Text
from ipdocs.problems import Problem, SpecError

__version__ = "0.1.0"

__all__ = ["BuildError", "Figure", "Output", "Problem", "Recipe", "Report", "Section",
           "SpecError", "Text", "__version__", "build", "build_all", "load_report"]
