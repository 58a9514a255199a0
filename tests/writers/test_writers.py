"""What every writer shares (``ipdocs.writers``): the one error a writer raises, with the
characters a theme's faces could not set by font role."""

from __future__ import annotations

import pytest

from ipdocs.writers import Gap, RenderError, RenderWarning


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
