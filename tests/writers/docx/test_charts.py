"""Charts in a Word file: their parts, and XlsxWriter, imported only for a chart."""

import marshal
from collections.abc import Iterator
from pathlib import Path

import pytest

from ipdocs.doc import Chart, Series
from ipdocs.writers.docx import charts
from ipdocs.writers.subsets import code_digest
from tests.conftest import SAMPLE, fresh_python
from tests.spying import PACKAGE, calls, code_run, module_files


@pytest.mark.parametrize(("compact", "imported"), [(0, True), (6, False)])
def test_the_chart_writer_is_imported_only_for_a_chart(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, compact: int, imported: bool
        ) -> None:
    """A DOCX with a chart imports XlsxWriter (its workbook's writer) where no process
    kept its parts before (a font cache of its own, empty); a later process reads them
    and does not; a DOCX without one (the summary cut to its shortest) never does: a
    quarter of the DOCX writer's imports. python-pptx, which drew them before, never."""
    monkeypatch.setenv("IPDOCS_CACHE", str(tmp_path / "cache"))
    code = ("import sys; from ipdocs import load_report; from ipdocs.doc import Chart; "
            "from ipdocs.sections import summary_brief; from ipdocs.themes import load_theme; "
            "from ipdocs.writers.docx import render_docx; "
            f"doc = summary_brief().document(load_report({str(SAMPLE)!r}), 'zh', "
            f"compact={compact}); "
            "render_docx(doc, load_theme('briefing')); "
            "print('Chart' in repr(doc.blocks), 'xlsxwriter' in sys.modules, "
            "'pptx' in sys.modules)")
    assert fresh_python(code, cwd=tmp_path).split() == [str(imported), str(imported),
                                                        "False"]
    assert fresh_python(code, cwd=tmp_path).split() == [str(imported), "False", "False"]


def test_a_chart_drawn_again_reuses_its_parts_but_one_that_prints_apart_does_not() -> None:
    from decimal import Decimal

    from ipdocs.doc import Chart, Series
    from ipdocs.writers.docx.charts import _CHARTS, chart_parts, chart_xml

    def chart(value: object, label: str) -> Chart:
        return Chart("bar", "专利", ("甲", "乙"), (Series("量", (value, 2.0), (label, "2")),),
                     "zh")

    fonts, colors = ("Noto Serif", "Noto Serif CJK SC"), ("1F4E79", "C0392B")
    first = chart_xml(chart(Decimal("1.5"), "1.5"), fonts, colors, "zh-CN")
    assert chart_xml(chart(Decimal("1.5"), "1.5"), fonts, colors, "zh-CN") is first
    assert first == chart_parts(chart(Decimal("1.5"), "1.5"), fonts, colors, "zh-CN")
    other = chart_xml(chart(Decimal("1.50"), "1.5"), fonts, colors, "zh-CN")  # equal, but
    assert other[0] != first[0]  # its value prints apart
    assert len(_CHARTS) >= 2


def _chart(value: float = 1.5) -> Chart:
    """A two-bar chart whose first bar is ``value``."""
    return Chart("bar", "专利", ("甲", "乙"), (Series("量", (value, 2.0), (str(value), "2")),),
                 "zh")


FONTS, COLORS = ("Noto Serif", "Noto Serif CJK SC"), ("1F4E79", "C0392B")


def _making(monkeypatch: pytest.MonkeyPatch) -> list[Chart]:
    """The charts whose parts are made (not read or remembered) from now on."""
    return calls(monkeypatch, charts, "chart_parts")


def _kept(cache: Path) -> set[Path]:
    """What the font cache keeps beside the subsets."""
    return set(cache.rglob("*.face"))


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A font cache of the test's own; no chart's parts remembered before or after."""
    monkeypatch.setenv("IPDOCS_CACHE", str(tmp_path / "cache"))
    charts._CHARTS.clear()
    yield tmp_path / "cache"
    charts._CHARTS.clear()


def test_a_later_process_reads_the_parts_the_first_kept(
        cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A chart's first parts are kept in the font cache; a later process (nothing
    remembered) reads them instead of making them: the same bytes."""
    made = _making(monkeypatch)
    first = charts.chart_xml(_chart(), FONTS, COLORS, "zh-CN")
    assert made == [_chart()] and len(_kept(cache)) == 1
    charts._CHARTS.clear()
    later = charts.chart_xml(_chart(), FONTS, COLORS, "zh-CN")
    assert made == [_chart()] and later == first and later is not first


@pytest.mark.parametrize("part", ["chart", "fonts", "colors", "tag", "code", "xlsxwriter",
                                  "version"])
def test_chart_parts_are_kept_by_all_they_are_made_of(
        cache: Path, monkeypatch: pytest.MonkeyPatch, part: str) -> None:
    """Parts whose inputs differ in any part (the chart, the fonts, colours, language,
    the code that makes them, XlsxWriter, the versions) are made, not read; and kept
    under their own inputs."""
    charts.chart_xml(_chart(), FONTS, COLORS, "zh-CN")
    charts._CHARTS.clear()
    made = _making(monkeypatch)
    chart, fonts, colors, tag = _chart(), FONTS, COLORS, "zh-CN"
    if part == "chart":
        chart = _chart(1.25)
    elif part == "fonts":
        fonts = ("Noto Sans", "Noto Serif CJK SC")
    elif part == "colors":
        colors = ("112233", "C0392B")
    elif part == "tag":
        tag = "zh-TW"
    elif part == "code":
        monkeypatch.setattr(charts, "code_digest", lambda modules: b"other code")
    elif part == "xlsxwriter":
        monkeypatch.setattr(charts, "_workbook_writer", lambda: b"another release")
    else:
        monkeypatch.setattr(charts, "PARTS_KIND", charts.PARTS_KIND + "-other")
    charts.chart_xml(chart, fonts, colors, tag)
    assert made == [chart]
    charts._CHARTS.clear()
    charts.chart_xml(chart, fonts, colors, tag)
    assert made == [chart]


def test_damaged_kept_parts_are_made_again(
        cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Kept parts whose seal does not hold, or that are not two byte strings, are not
    read: the parts are made again, the same."""
    first = charts.chart_xml(_chart(), FONTS, COLORS, "zh-CN")
    [kept] = _kept(cache)
    stored = kept.read_bytes()
    kept.write_bytes(stored[:-40] + bytes(8) + stored[-32:])
    charts._CHARTS.clear()
    made = _making(monkeypatch)
    assert charts.chart_xml(_chart(), FONTS, COLORS, "zh-CN") == first and len(made) == 1
    inputs = charts._parts_inputs(_chart(), FONTS, COLORS, "zh-CN")
    assert inputs is not None
    charts.write_kept(charts.PARTS_KIND, inputs, marshal.dumps((first[0],)))
    charts._CHARTS.clear()
    assert charts.chart_xml(_chart(), FONTS, COLORS, "zh-CN") == first and len(made) == 2


def test_no_parts_are_kept_with_the_cache_off_or_code_or_xlsxwriter_unreadable(
        cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache turned off, a module of ``CHARTED_BY`` whose source cannot be read (run
    from a zipapp) and an XlsxWriter not found keep nothing: the parts are made each
    time."""
    import sys

    made = _making(monkeypatch)

    def twice() -> None:
        for _ in range(2):
            charts._CHARTS.clear()
            charts.chart_xml(_chart(), FONTS, COLORS, "zh-CN")

    with monkeypatch.context() as off:
        off.setenv("IPDOCS_CACHE", "off")
        twice()
    with monkeypatch.context() as unfound:
        unfound.setattr(charts, "_workbook_writer", lambda: None)
        twice()
    zipped = str(cache.parent / "app.pyz" / "ipdocs" / "writers" / "docx" / "chartxml.py")
    (cache.parent / "app.pyz").write_bytes(b"PK\x05\x06" + bytes(18))
    code_digest.cache_clear()
    try:
        with monkeypatch.context() as zipapp:
            zipapp.setattr(sys.modules["ipdocs.writers.docx.chartxml"], "__file__", zipped)
            twice()
    finally:
        code_digest.cache_clear()
    assert len(made) == 6 and not _kept(cache)


def test_xlsxwriter_is_told_by_its_own_init() -> None:
    """``_workbook_writer`` is a digest of the ``__init__`` that holds XlsxWriter's
    version, the module Python imports as ``xlsxwriter``."""
    import hashlib

    import xlsxwriter

    charts._workbook_writer.cache_clear()
    assert charts._workbook_writer() == hashlib.sha256(
        Path(xlsxwriter.__file__ or "").read_bytes()).digest()
    assert xlsxwriter.__version__.encode() in Path(xlsxwriter.__file__ or "").read_bytes()


def test_chart_parts_run_only_code_they_are_kept_by(cache: Path) -> None:
    """No ipdocs code runs while a chart's parts are made and kept but that of
    ``CHARTED_BY`` (whose source is part of the key) and the cache's own: parts that
    came to depend on another module fail here until ``CHARTED_BY`` holds it."""

    import xlsxwriter  # noqa: F401 (its import is not the parts')

    ours = code_run(lambda: charts.chart_xml(_chart(), FONTS, COLORS, "zh-CN"))
    allowed = module_files((*charts.CHARTED_BY, "ipdocs.base.kept", "ipdocs.writers.subsets",
                            "ipdocs.base.files"))
    assert module_files(["ipdocs.writers.docx.chartxml"]) <= ours
    assert ours <= allowed, sorted(str(p.relative_to(PACKAGE)) for p in ours - allowed)
    assert len(_kept(cache)) == 1


@pytest.mark.filterwarnings("ignore:cannot read the font-cache key")
def test_no_parts_are_kept_where_the_cache_has_no_key(
        cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache without a key to seal with (none given, and none can be read or made where it
    belongs) keeps nothing: the parts' place is not worked out, nor are they packed to keep
    them; they are made each time."""
    home = tmp_path / "not-a-folder"
    home.write_text("a file where the key's folder would be")
    monkeypatch.delenv("IPDOCS_CACHE_KEY", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    made = _making(monkeypatch)
    assert charts._parts_inputs(_chart(), FONTS, COLORS, "zh-CN") is None
    for _ in range(2):
        charts._CHARTS.clear()
        charts.chart_xml(_chart(), FONTS, COLORS, "zh-CN")
    assert len(made) == 2 and not _kept(cache)
