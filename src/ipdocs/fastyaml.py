"""Safe YAML loading through libyaml when PyYAML was built with it (about ten times faster
than the pure-Python parser), for the bundled word tables and themes and for brief and
theme files; ``parse_either`` is the rule specs are read by too (``ipdocs.loading``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import yaml

T = TypeVar("T")

FastLoader: type[Any] | None = getattr(yaml, "CSafeLoader", None)
"""libyaml's safe loader, if PyYAML has it."""


def parse_either(parse: Callable[[type[Any]], T], fast: type[Any] | None,
                 pure: type[Any]) -> T:
    """``parse`` run with the libyaml loader ``fast`` where there is one, and with the
    pure-Python loader ``pure`` where there is none or libyaml rejects the text.

    So what is refused, and how the error reads (the line, with a caret under the
    place), does not depend on how PyYAML was built; ``yaml.YAMLError`` if the pure
    parser rejects the text too.
    """
    if fast is not None:
        try:
            return parse(fast)
        except yaml.YAMLError:
            pass
    return parse(pure)


def safe_load(text: str) -> Any:
    """The data of one YAML document, with only plain types (see ``parse_either``)."""
    return parse_either(lambda loader: yaml.load(text, Loader=loader), FastLoader,
                        yaml.SafeLoader)
