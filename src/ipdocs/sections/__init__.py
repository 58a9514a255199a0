"""Section builders: small pure functions from a report and a context to document blocks."""

from ipdocs.sections.blocks import (
    ContentsBuilder,
    CoverBuilder,
    LeadBuilder,
    PageBreakBuilder,
    SourcesBuilder,
)
from ipdocs.sections.brief import (
    BUILDERS,
    LANGUAGES,
    LAYOUTS,
    Brief,
    BriefError,
    full_brief,
    load_brief,
    summary_brief,
)
from ipdocs.sections.brieffile import register_builder
from ipdocs.sections.chapter import ChapterBuilder
from ipdocs.sections.charts import ChartBuilder
from ipdocs.sections.context import Builder, Context
from ipdocs.sections.figures import FigureTableBuilder, KeyFiguresBuilder
from ipdocs.sections.glossary import GlossaryBuilder
from ipdocs.sections.yearly import HighlightsBuilder, YearOverYearBuilder

__all__ = [
    "BUILDERS",
    "LANGUAGES",
    "LAYOUTS",
    "Brief",
    "BriefError",
    "Builder",
    "ChapterBuilder",
    "ChartBuilder",
    "ContentsBuilder",
    "Context",
    "CoverBuilder",
    "FigureTableBuilder",
    "GlossaryBuilder",
    "HighlightsBuilder",
    "KeyFiguresBuilder",
    "LeadBuilder",
    "PageBreakBuilder",
    "SourcesBuilder",
    "YearOverYearBuilder",
    "full_brief",
    "load_brief",
    "register_builder",
    "summary_brief",
]
