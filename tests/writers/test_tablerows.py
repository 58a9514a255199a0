"""Where a table may break across pages, the same in both writers."""

import pytest

from ipdocs.writers.tablerows import KEEP_FIRST, KEEP_LAST, kept_with_next, unbroken


def test_first_and_last_rows_stay_together() -> None:
    assert unbroken(10) == [(0, KEEP_FIRST - 1), (10 - KEEP_LAST, 9)]
    assert kept_with_next(10) == [True, True, False, False, False, False, False, False,
                                  True, False]


@pytest.mark.parametrize("count", [1, 2, 3, 4])
def test_a_table_too_short_for_both_is_never_split(count: int) -> None:
    assert all(kept_with_next(count)[:-1])
    assert not kept_with_next(count)[-1]


def test_no_rows() -> None:
    assert unbroken(0) == [] and kept_with_next(0) == []


def test_a_long_table_carries_a_share_of_its_rows_to_its_last_page() -> None:
    """Ningbo's glossary (70 rows) keeps its last 8 together: no runt of two rows on a
    document's last page; a short table keeps two."""
    from ipdocs.writers.tablerows import LAST_SHARE, kept_last

    assert kept_last(10) == KEEP_LAST
    assert kept_last(70) == 70 // LAST_SHARE == 8
    assert unbroken(70)[-1] == (62, 69)
    assert kept_with_next(70)[61:] == [False, *[True] * 7, False]
