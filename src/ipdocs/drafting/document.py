"""A spec's document as data to edit and write back in its own format: YAML through a
ruamel.yaml round trip (comments and order kept), JSON as JSON. Every value is written
by the format's own emitter, never by joining text."""

from __future__ import annotations

import datetime as dt
import io
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from ipdocs.base.decimals import fraction_digits
from ipdocs.base.inputs import read_text


def _yaml() -> YAML:
    """A round-trip YAML reader and writer that writes Decimals as plain numbers."""
    yaml = YAML()
    yaml.width = 4096
    yaml.allow_unicode = True
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.representer.ignore_aliases = lambda *_: True

    def decimal(representer: Any, value: Decimal) -> Any:
        tag = "int" if value == value.to_integral_value() and fraction_digits(value) == 0 \
            else "float"
        return representer.represent_scalar(f"tag:yaml.org,2002:{tag}", format(value, "f"))

    yaml.representer.add_representer(Decimal, decimal)
    return yaml


def is_json(path: Path) -> bool:
    """Whether a spec is JSON (by its extension)."""
    return path.suffix.lower() == ".json"


def load(path: Path) -> Any:
    """The spec at ``path`` as editable data (a ruamel round-trip tree, or plain JSON data
    with exact decimals)."""
    text = read_text(path)  # as the spec was loaded: a byte-order mark dropped
    if is_json(path):
        return json.loads(text, parse_float=Decimal)
    return _yaml().load(text)


def _json(value: Any, indent: int) -> str:
    """JSON text of ``value``; Decimals as the numbers they spell, dates as ISO strings."""
    pad, inner = "  " * indent, "  " * (indent + 1)
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [f"{inner}{json.dumps(str(k), ensure_ascii=False)}: {_json(v, indent + 1)}"
                 for k, v in value.items()]
        return "{\n" + ",\n".join(items) + f"\n{pad}}}"
    if isinstance(value, list | tuple):
        if not value:
            return "[]"
        return "[\n" + ",\n".join(f"{inner}{_json(v, indent + 1)}" for v in value) + f"\n{pad}]"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, dt.date):
        return json.dumps(value.isoformat())
    return json.dumps(value, ensure_ascii=False)


def dump(data: Any, path: Path) -> str:
    """The text of ``data`` in the format of ``path``."""
    if is_json(path):
        return _json(data, 0) + "\n"
    out = io.StringIO()
    _yaml().dump(data, out)
    return out.getvalue()
