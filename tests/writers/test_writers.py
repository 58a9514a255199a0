"""What every writer shares (``ipdocs.writers``): the one error a writer raises, with the
characters a theme's faces could not set by font role."""

from __future__ import annotations

import contextlib
import gc
import sys
import types
from collections.abc import Callable

import pytest

from ipdocs.model import Report
from ipdocs.sections import full_brief
from ipdocs.themes import load_theme
from ipdocs.writers import Gap, RenderError, RenderWarning
from ipdocs.writers.formats import Renderer, writer_format
from ipdocs.writers.pdf import render_pdf_within


def test_a_render_error_carries_its_gaps_and_is_a_value_error() -> None:
    gap = Gap("serif", False, ("𠀀",), ("一𠀀二",), chart=True)
    with pytest.raises(ValueError, match="no face") as caught:
        raise RenderError("no face sets 𠀀", [gap])
    assert caught.value.gaps == (gap,)
    assert RenderError("a page too small").gaps == ()


def test_gaps_are_values_and_warnings_are_user_warnings() -> None:
    assert Gap("sans", True, ("a",), ("a",)) == Gap("sans", True, ("a",), ("a",))
    assert not Gap("sans", True, ("a",), ("a",)).chart
    assert issubclass(RenderWarning, UserWarning)


RENDERERS = ["pdf", "docx", "html"]
"""The shipped formats, whose writers pause the collector."""
PYTHON_DOCX_CYCLE = "walk_rels"
"""python-docx's one cycle a saved file: ``OpcPackage.iter_rels``'s nested function, which
calls itself through its closure (a function, its cell and the cell's tuple)."""


def _renderer(fmt: str) -> Renderer:
    """A shipped format's writer, from the format registry."""
    found = writer_format(fmt)
    assert found is not None
    return found.renderer()


def _cycles_left(render: Callable[[], object]) -> list[object]:
    """The objects in reference cycles that ``render`` leaves (the collector off; what
    the collector found before, and its debugging flags, left as they were)."""
    render()
    gc.collect()
    was, flags, before = gc.isenabled(), gc.get_debug(), len(gc.garbage)
    gc.disable()
    try:
        render()
        gc.set_debug(flags | gc.DEBUG_SAVEALL)
        gc.collect()
        left = gc.garbage[before:]
    finally:
        gc.set_debug(flags)
        del gc.garbage[before:]
        if was:
            gc.enable()
    return left


def _python_docx_cycle(thing: object) -> bool:
    """``thing`` is one of python-docx's ``walk_rels`` cycle's objects."""
    if isinstance(thing, tuple):
        return all(_python_docx_cycle(item) for item in thing)
    if isinstance(thing, types.CellType):
        return _python_docx_cycle(thing.cell_contents)
    return isinstance(thing, types.FunctionType) and thing.__name__ == PYTHON_DOCX_CYCLE


@pytest.mark.parametrize("fmt", RENDERERS)
@pytest.mark.parametrize("lang", ["zh", "zh-en"])
def test_a_render_leaves_no_reference_cycle(sample: Report, fmt: str, lang: str) -> None:
    """What a render makes goes with its last reference (python-docx's one cycle a saved
    file aside): pausing the collector while it runs (``base.collector``) leaves nothing
    for it to collect later."""
    render, theme = _renderer(fmt), load_theme("briefing")
    left = _cycles_left(lambda: render(full_brief().document(sample, lang), theme))
    assert all(_python_docx_cycle(thing) for thing in left), left[:5]


@pytest.mark.parametrize("pages", [1, 20])
def test_page_fitting_s_renders_leave_no_reference_cycle(sample: Report, pages: int) -> None:
    """A try of page fitting that stops at its page limit (1: the sample is longer), and
    one that fits and is drawn, leave nothing for the collector either."""
    doc, theme = full_brief().document(sample, "zh"), load_theme("briefing")
    assert (render_pdf_within(doc, theme, pages) is None) is (pages == 1)
    assert _cycles_left(lambda: render_pdf_within(doc, theme, pages)) == []


def _collections_during(render: Callable[[], object]) -> int:
    """How many collections run while ``render`` runs, the collector on with its first
    threshold at 50 allocations (a warm render of the sample without the pause runs
    dozens); the collector is left as it was."""
    runs: list[int] = []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            runs.append(info["generation"])

    was, threshold = gc.isenabled(), gc.get_threshold()
    gc.collect()
    gc.enable()
    gc.set_threshold(50)
    gc.callbacks.append(count)
    try:
        render()
        assert gc.isenabled()
    finally:
        gc.callbacks.remove(count)
        gc.set_threshold(*threshold)
        if not was:
            gc.disable()
    return len(runs)


@pytest.mark.parametrize("fmt", RENDERERS)
def test_a_render_runs_with_the_collector_paused(sample: Report, fmt: str,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """No collection runs while a file renders, the collector on before and after, but
    at most one as the pause ends (the allocations it counted while off: young objects,
    most freed by then); the same render with the pause taken away runs many."""
    render, theme = _renderer(fmt), load_theme("briefing")
    doc = full_brief().document(sample, "zh")
    render(doc, theme)
    assert _collections_during(lambda: render(doc, theme)) <= 1
    monkeypatch.setattr(sys.modules[render.__module__], "paused", contextlib.nullcontext)
    assert _collections_during(lambda: render(doc, theme)) > 5
