"""Safe YAML loading through libyaml when PyYAML was built with it (about ten times faster
than the pure-Python parser), for the bundled word tables and themes and for brief and
theme files. Specs have their own loader (``ipdocs.loading``), which keeps positions."""

from __future__ import annotations

from typing import Any

import yaml

FastLoader: type[Any] | None = getattr(yaml, "CSafeLoader", None)
"""libyaml's safe loader, if PyYAML has it."""


def safe_load(text: str) -> Any:
    """The data of one YAML document, with only plain types.

    A document libyaml rejects is read again by the pure-Python parser, so that what is
    refused, and how the error reads (the line, with a caret under the place), does not
    depend on how PyYAML was built; ``yaml.YAMLError`` if that parser rejects it too.
    """
    if FastLoader is not None:
        try:
            return yaml.load(text, Loader=FastLoader)
        except yaml.YAMLError:
            pass
    return yaml.load(text, Loader=yaml.SafeLoader)
