"""A spec's document edited and written back in its own format: YAML with its comments
and order kept, JSON as JSON; Decimals written as the numbers they spell."""

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

from ipdocs.drafting.document import dump, is_json, load

YAML_TEXT = """\
# the report's year
year: 2024
figures:
  a:
    value: 610.93  # 亿元
    unit: 亿元
"""


def test_yaml_round_trips_with_comments_and_order(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(YAML_TEXT, "utf-8")
    data = load(path)
    assert dump(data, path) == YAML_TEXT
    data["figures"]["a"]["value"] = Decimal("700.10")
    data["figures"]["a"]["previous"] = Decimal("610")
    written = dump(data, path)
    assert "value: 700.10  # 亿元" in written and "previous: 610\n" in written
    assert written.startswith("# the report's year\nyear: 2024\n")


def test_json_as_json_with_exact_numbers(tmp_path: Path) -> None:
    path = tmp_path / "s.JSON"
    path.write_text('{"year": 2024, "value": 610.930, "list": [], "map": {}}', "utf-8")
    assert is_json(path) and not is_json(tmp_path / "s.yaml")
    data = load(path)
    assert data["value"] == Decimal("610.930")
    data["date"] = dt.date(2025, 4, 26)
    data["label"] = "宁波"
    text = dump(data, path)
    assert '"value": 610.930' in text and '"date": "2025-04-26"' in text and "宁波" in text
    assert text.endswith("}\n") and json.loads(text)["list"] == []
