"""Synthetic specs for the batch benchmark: one real report under other names and values.

``make_specs(spec, folder)`` writes 25 regions × 4 years = 100 specs (JSON) made from the
given report: the region's name replaces the original's everywhere, every year in the
report moves with the report's year, and the counts and amounts of each spec are scaled
by a factor of its own (0.8–1.2, kept to the digits the figure was published with;
percentages, ranks and Chinese-numeral counts are kept). The glossary beside the spec is
copied beside them. Deterministic: the same input gives the same specs.
"""

from __future__ import annotations

import json
import random
import re
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

from ipdocs import load_report

REGIONS = [
    ("杭州", "Hangzhou"), ("温州", "Wenzhou"), ("嘉兴", "Jiaxing"), ("湖州", "Huzhou"),
    ("绍兴", "Shaoxing"), ("金华", "Jinhua"), ("衢州", "Quzhou"), ("舟山", "Zhoushan"),
    ("台州", "Taizhou"), ("丽水", "Lishui"), ("苏州", "Suzhou"), ("无锡", "Wuxi"),
    ("常州", "Changzhou"), ("南通", "Nantong"), ("扬州", "Yangzhou"), ("镇江", "Zhenjiang"),
    ("徐州", "Xuzhou"), ("合肥", "Hefei"), ("芜湖", "Wuhu"), ("福州", "Fuzhou"),
    ("厦门", "Xiamen"), ("泉州", "Quanzhou"), ("青岛", "Qingdao"), ("济南", "Jinan"),
    ("烟台", "Yantai"),
]
"""25 region names, Chinese and English."""

YEARS = (2021, 2022, 2023, 2024)

KEPT_UNITS = {"%", "位", "名"}
"""Units whose figures keep their values (shares and ranks are not scaled)."""

_YEAR = re.compile(r"(?<!\d)(20[0-2]\d)(?!\d)")


def _scaled(value: str, factor: Decimal) -> str:
    """A decimal string times ``factor``, to the same number of decimals."""
    exact = Decimal(value)
    return str((exact * factor).quantize(exact))


def _scale_figure(figure: dict[str, Any], factor: Decimal) -> None:
    """Scale a figure's value, previous value, increment and history (see the module)."""
    if figure.get("unit") in KEPT_UNITS or figure.get("kind") == "rank" or \
            figure.get("numerals") == "hanzi":
        return
    figure["value"] = _scaled(figure["value"], factor)
    change = figure.get("change") or {}
    for key in ("previous", "increment"):
        if change.get(key) is not None:
            change[key] = _scaled(change[key], factor)
    figure["history"] = {year: _scaled(value, factor)
                         for year, value in (figure.get("history") or {}).items()}


def one_spec(data: dict[str, Any], region: tuple[str, str], year: int,
             factor: Decimal) -> dict[str, Any]:
    """The report ``data`` (a JSON dump) as ``region``'s report of ``year``."""
    text = json.dumps(data, ensure_ascii=False)
    text = text.replace("宁波", region[0]).replace("Ningbo", region[1])
    shift = year - data["year"]
    text = _YEAR.sub(lambda m: str(int(m.group(1)) + shift), text)
    spec = json.loads(text)
    for figure in spec["figures"].values():
        _scale_figure(figure, factor)
    return spec


def make_specs(spec: Path, folder: Path, seed: int = 2024) -> list[Path]:
    """Write the 100 specs into ``folder`` (see the module); return their paths."""
    data = load_report(spec).model_dump(mode="json", exclude_none=True)
    folder.mkdir(parents=True, exist_ok=True)
    pick = random.Random(seed)
    written = []
    for number, region in enumerate(REGIONS):
        for year in YEARS:
            factor = Decimal(pick.randint(800, 1200)) / 1000
            path = folder / f"{number:02d}-{region[1].lower()}-{year}.json"
            path.write_text(json.dumps(one_spec(data, region, year, factor),
                                       ensure_ascii=False), encoding="utf-8")
            written.append(path)
    glossary = spec.parent / "glossary.yaml"
    if glossary.is_file():
        shutil.copy(glossary, folder / "glossary.yaml")
    return written
