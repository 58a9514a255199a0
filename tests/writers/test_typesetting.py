"""The Ningbo briefings, full and summary, held to the typesetting measures of
bench/typesetting.py: no kinsoku violation, no number broken, no hyphen mid-line, no
Han–Latin gap beside punctuation, no runt, loose lines rare, and the official theme on
its grid."""

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def bench() -> ModuleType:
    """bench/typesetting.py as a module."""
    spec = importlib.util.spec_from_file_location("typesetting", ROOT / "bench" /
                                                  "typesetting.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["typesetting"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def measured(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """The measures of the thirteen Ningbo PDFs."""
    return bench().measure(ROOT / "specs" / "ningbo-2024.yaml",  # type: ignore[no-any-return]
                           tmp_path_factory.mktemp("typeset"))


DOCUMENTS = [*(name for full in ["zh", "en", "zh-en", "official", "parallel"]
               for name in (full, f"{full} summary")), "official zh-en summary"]


@pytest.mark.parametrize("name", DOCUMENTS)
def test_no_kinsoku_violation_gap_or_runt(measured: dict[str, object], name: str) -> None:
    counts = measured[name]
    assert counts.kinsoku == []  # type: ignore[attr-defined]
    assert counts.broken == []  # type: ignore[attr-defined]
    assert counts.mid_hyphens == []  # type: ignore[attr-defined]
    assert counts.punct_gaps == []  # type: ignore[attr-defined]
    assert counts.runts == []  # type: ignore[attr-defined]


PARALLEL_OFFICIAL = ["parallel official", "parallel official summary"]
"""The side-by-side edition in the official theme: its English column is half the
official type area, in 16 pt (runts in it are another matter: not asserted here yet)."""


@pytest.fixture(scope="module")
def guangzhou(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """The measures of Guangzhou's parallel official PDFs."""
    typesetting = bench()
    configs = [c for c in typesetting.CONFIGS if c[0] in PARALLEL_OFFICIAL]
    return typesetting.measure(  # type: ignore[no-any-return]
        ROOT / "specs" / "guangzhou-2023.yaml", tmp_path_factory.mktemp("typeset"), configs)


@pytest.mark.parametrize("report", ["ningbo", "guangzhou"])
@pytest.mark.parametrize("name", PARALLEL_OFFICIAL)
def test_the_parallel_official_edition_breaks_no_amount(
        measured: dict[str, object], guangzhou: dict[str, object], report: str,
        name: str) -> None:
    """Issue 27: no amount broken in the official theme's narrow English column (Ningbo's
    broke 9: RMB 61.093 / billion, RMB 30 mil- / lion, more than / 1,100), no hyphen
    mid-line, no forbidden line start or end, no English line gapped past twice its
    spaces, Chinese lines letter-spaced rarely."""
    counts = (measured if report == "ningbo" else guangzhou)[name]
    assert counts.broken == []  # type: ignore[attr-defined]
    assert counts.mid_hyphens == []  # type: ignore[attr-defined]
    assert counts.kinsoku == []  # type: ignore[attr-defined]
    assert counts.punct_gaps == []  # type: ignore[attr-defined]
    assert counts.en_loose == []  # type: ignore[attr-defined]
    assert len(counts.zh_loose) <= counts.zh_lines // 100  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", ["official", "official summary"])
def test_the_official_theme_keeps_its_grid(measured: dict[str, object], name: str) -> None:
    """GB/T 9704: at most 22 lines of 28 characters a page, no two Han characters set
    further apart than the grid's pitch (a line's slack goes beside its numbers, else to
    its end)."""
    counts = measured[name]
    assert 0 < max(counts.grid_lines.values()) <= 22  # type: ignore[attr-defined]
    assert counts.grid_chars == 28  # type: ignore[attr-defined]
    assert counts.beyond_grid == []  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", DOCUMENTS)
def test_loose_lines_are_rare(measured: dict[str, object], name: str) -> None:
    """Chinese lines letter-spaced by more than 15% of an em: at most one in a hundred;
    English gaps over twice the word space: none (issue 27)."""
    counts = measured[name]
    assert len(counts.zh_loose) <= counts.zh_lines // 100  # type: ignore[attr-defined]
    assert counts.en_loose == []  # type: ignore[attr-defined]


def test_the_measures_see_what_they_count() -> None:
    """The measures count a bad line when they see one."""
    typesetting = bench()
    counts = typesetting.Counts()
    em = 10.0

    def drawn(*units: tuple[str, float, float, bool, bool], last: bool = False,
              first: bool = False) -> object:
        return typesetting.Drawn(units, em, 2.5, True, last, first)

    typesetting.record([
        drawn(("长", 0, 10, True, False), ("193%", 10, 20, False, False),
              ("以", 30, 10, True, False), first=True),
        drawn(("上", 0, 10, True, False), ("，", 10, 10, True, False),
              ("2024", 22.5, 20, False, False), ("甲", 45, 10, True, False),
              ("乙", 55, 10, True, False)),
        drawn(("丙", 0, 10, True, False), ("丁", 12, 10, True, False)),
        drawn(("a", 0, 5, False, False), ("b", 15, 5, False, True)),
        drawn(("平", 0, 10, True, False), ("。", 10, 10, True, False), last=True),
    ], counts)
    assert [k.split(":")[0] for k in counts.kinsoku] == ["qualifier split"]
    assert counts.punct_gaps and counts.runts == ["平。"]
    assert len(counts.zh_loose) == 1 and len(counts.en_loose) == 1


def test_the_measures_see_a_broken_number() -> None:
    """An amount broken inside its digits, inside its words, from its sign: each counted;
    a break between two words that are no amount is not."""
    typesetting = bench()

    def broken(left: str, right: str, space: bool = True) -> list[str]:
        counts = typesetting.Counts()
        lines = [typesetting.Drawn(((left, 0, 10, False, False),), 10.0, 2.5, True, False,
                                   True),
                 typesetting.Drawn(((right, 0, 10, False, space),), 10.0, 2.5, True, True,
                                   False)]
        typesetting.record(lines, counts)
        return counts.broken  # type: ignore[no-any-return]

    assert broken("RMB 61.", "093 billion", space=False)
    assert broken("more than", "171,000")
    assert broken("up", "+166", space=False) == []
    assert broken("+", "166%", space=False)
    assert broken("the city", "reached") == []


def test_an_address_may_start_a_line_with_its_dot() -> None:
    """A web address broken before its dot (…/29de3a0c / .html) is no kinsoku violation;
    a full stop starting a line is."""
    typesetting = bench()

    def kinsoku(text: str, url: bool) -> list[str]:
        counts = typesetting.Counts()
        lines = [typesetting.Drawn((("view/29de3a0c", 0, 10, False, False),), 10.0, 2.5,
                                   False, False, True),
                 typesetting.Drawn(((text, 0, 10, False, False),), 10.0, 2.5, False, True,
                                   False, url=url)]
        typesetting.record(lines, counts)
        return counts.kinsoku  # type: ignore[no-any-return]

    assert kinsoku(".html", url=True) == []
    assert kinsoku(".html", url=False)


def test_the_grid_is_counted_column_by_column() -> None:
    """The official side-by-side edition: the lines of a page's two columns are counted
    apart (22 in each, not 44), and a line that is no paragraph's (a contents entry set
    across both columns) is not a line of the grid's characters."""
    typesetting = bench()
    counts = typesetting.Counts()
    han = tuple(("字", 16.0 * i, 16.0, True, False) for i in range(13))
    for column in (0, 1):
        typesetting.record([typesetting.Drawn(han, 16.0, 4.0, True, False, False, True, 1,
                                              column=column) for _ in range(22)], counts)
    entry = tuple(("字", 16.0 * i, 16.0, True, False) for i in range(17))
    typesetting.record([typesetting.Drawn(entry, 16.0, 4.0, False, True, True, True, 2)],
                       counts)
    assert max(counts.grid_lines.values()) == 22
    assert counts.grid_chars == 13
