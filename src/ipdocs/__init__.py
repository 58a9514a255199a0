"""ipdocs: annual intellectual-property reports as data, printed as bilingual briefings."""

from ipdocs.loading import load_report
from ipdocs.model import Figure, Report, Section, Text
from ipdocs.problems import Problem, SpecError

__version__ = "0.1.0"

__all__ = ["Figure", "Problem", "Report", "Section", "SpecError", "Text", "__version__",
           "load_report"]
