"""Safe YAML loading through libyaml when PyYAML was built with it (about ten times faster
than the pure-Python parser), for the bundled word tables and themes and for brief and
theme files. Specs have their own loader (``ipdocs.loading``), which keeps positions."""

from __future__ import annotations

from typing import Any

import yaml

SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader if PyYAML has it, else the pure-Python one (same results)."""


def safe_load(text: str) -> Any:
    """The data of one YAML document, with only plain types (``yaml.YAMLError`` if
    malformed)."""
    return yaml.load(text, Loader=SafeLoader)
