"""ipdocs: annual intellectual-property reports as data, printed as bilingual briefings.

The names below are imported on first use (PEP 562): ``import ipdocs`` is cheap, and
``from ipdocs import build`` or ``ipdocs.Report`` imports what the name needs. The
command (``python -m ipdocs``) so sets its own policy for the imports before any of
them runs (``ipdocs.__main__``).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ipdocs.app.building import BuildError, Output, Recipe, build, build_all, render
    from ipdocs.base.problems import Problem, SpecError
    from ipdocs.loading import load_report
    from ipdocs.model import Figure, Report, Section, Text
    from ipdocs.sections.brief import DocumentLanguage, language_code

from ipdocs.base import VERSION as __version__

__all__ = ["BuildError", "DocumentLanguage", "Figure", "Output", "Problem", "Recipe", "Report",
           "Section", "SpecError", "Text", "__version__", "build", "build_all",
           "language_code", "load_report", "render"]

_HOMES = {
    "BuildError": "ipdocs.app.building", "Output": "ipdocs.app.building",
    "Recipe": "ipdocs.app.building", "build": "ipdocs.app.building",
    "build_all": "ipdocs.app.building", "render": "ipdocs.app.building",
    "Problem": "ipdocs.base.problems", "SpecError": "ipdocs.base.problems",
    "load_report": "ipdocs.loading",
    "Figure": "ipdocs.model", "Report": "ipdocs.model", "Section": "ipdocs.model",
    "Text": "ipdocs.model",
    "DocumentLanguage": "ipdocs.sections.brief", "language_code": "ipdocs.sections.brief",
}
"""The module each public name comes from."""

_PACKAGES = frozenset({"app", "base", "checks", "doc", "drafting", "i18n", "loading", "model",
                       "sections", "themes", "typefaces", "writers"})
"""The layers: ``ipdocs.model`` and the like answer after a bare ``import ipdocs``, as
they did when this module imported them all."""


def __getattr__(name: str) -> Any:
    """A public name or a layer, imported on its first use and kept."""
    if name in _HOMES:
        value = getattr(importlib.import_module(_HOMES[name]), name)
    elif name in _PACKAGES:
        value = importlib.import_module(f"ipdocs.{name}")
    else:
        raise AttributeError(f"module 'ipdocs' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The module's names, the public ones not yet imported among them."""
    return sorted(set(globals()) | set(__all__) | _PACKAGES)
