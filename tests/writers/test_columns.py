"""Column widths shared by the writers."""

import random

import pytest

from ipdocs.writers.columns import MAX_SHARE, fit_widths, is_short, proportional, widest_piece


def test_proportional() -> None:
    assert proportional([4.2, 1.8, 1.0, 1.8], 88) == pytest.approx([42, 18, 10, 18])


def test_short_cells() -> None:
    assert is_short("万件") and is_short("+11.4%") and is_short("Change")
    assert not is_short("International trademark registrations")
    assert not is_short("RMB 61")


def test_a_floor_is_met_by_the_others() -> None:
    fitted = fit_widths([42, 18, 10, 18], [0, 0, 14, 0])
    assert fitted[2] == pytest.approx(14)
    assert sum(fitted) == pytest.approx(88)
    assert fitted[0] < 42 and fitted[1] < 18 and fitted[3] < 18


def test_floors_that_cannot_all_be_met_leave_the_proportions() -> None:
    assert fit_widths([20, 20, 20], [30, 30, 30]) == [20, 20, 20]


def test_the_smallest_floors_are_met_when_not_all_can_be() -> None:
    """Ningbo's 行政保护 table side by side: a unit (32) and a number (44) stay whole; the
    rank (居全国海关第二位, 73) wraps rather than the unit column (24) breaking 万元."""
    fitted = fit_widths([100, 43, 24, 52], [73, 44, 32, 73])
    assert fitted[0] >= 73 and fitted[1:3] == pytest.approx([44, 32])
    assert sum(fitted) == pytest.approx(219) and fitted[3] < 73


def test_a_label_column_never_takes_more_than_its_share() -> None:
    fitted = fit_widths([20, 80], [0, 0], [95, 0])
    assert fitted == pytest.approx([100 * MAX_SHARE, 100 - 100 * MAX_SHARE])


def test_an_amount_takes_what_it_needs_beyond_the_share() -> None:
    """Ningbo's insurance table in the official theme's English column: RMB 30 million
    (112 pt) needs more than 45% of 213 pt, the labels' widest word (78 pt) leaves it."""
    fitted = fit_widths([116.9, 95.7], [0, 44.5], [77.7, 39.2], [0, 112.2])
    assert fitted[1] == pytest.approx(112.2) and fitted[0] >= 77.7


@pytest.mark.parametrize("seed", range(200))
def test_the_total_never_changes_and_no_width_is_negative(seed: int) -> None:
    rng = random.Random(seed)
    count = rng.randint(1, 12)
    widths = proportional([rng.uniform(0.5, 5) for _ in range(count)], rng.uniform(50, 500))
    floors = [rng.choice([0.0, rng.uniform(0, 150)]) for _ in range(count)]
    fitted = fit_widths(widths, floors)
    assert sum(fitted) == pytest.approx(sum(widths))
    assert min(fitted) > 0


def test_soft_floors_give_way_to_hard_ones() -> None:
    assert fit_widths([50, 25, 25], [0, 30, 30], [60, 0, 0]) == pytest.approx([40, 30, 30])
    assert fit_widths([50, 25, 25], [0, 30, 30], [35, 0, 0]) == pytest.approx([40, 30, 30])
    assert fit_widths([20, 40, 40], [0, 0, 0], [30, 0, 0]) == pytest.approx([30, 35, 35])


def test_widest_piece() -> None:
    assert widest_piece("IP cases accepted by the procuratorates") == "procuratorates"
    assert widest_piece("法院受理知识产权案件") == "法院受理"
    assert widest_piece("") == ""


def test_decimal_tails_line_up_number_cells() -> None:
    from ipdocs.writers.columns import aligns_on_point, decimal_tail

    assert [decimal_tail(t) for t in ("71425", "22.93", "+11.4%", "+193%以上", "71,425")] == \
        ["", ".93", ".4%", "%以上", ""]
    assert aligns_on_point("22.93") and aligns_on_point("+193%以上")
    assert not aligns_on_point("RMB 61.093 billion")  # may wrap: not lined up
    assert not aligns_on_point("—")


def test_firm_floors_give_way_to_hard_ones_and_soft_ones_to_both() -> None:
    """An amount in a long cell (firm) is kept before a label's word (soft), a short
    number (hard) before either."""
    assert fit_widths([50, 25, 25], [0, 30, 0], [60, 0, 0], [0, 0, 40]) == \
        pytest.approx([30, 30, 40])
    fitted = fit_widths([50, 25, 25], [30, 30, 0], [0, 0, 0], [0, 0, 45])
    assert fitted[:2] == pytest.approx([47.78, 30], abs=0.01) and fitted[2] < 45


def test_number_columns_lend_their_room_to_a_wrapped_label_column() -> None:
    """A label column that wants more (its labels on two lines) takes it from the columns
    that want nothing (numbers), each keeping its floor and a little more; no column is
    given more than it wants, and the total stays."""
    from ipdocs.writers.columns import lend_slack

    widths = lend_slack([60.0, 70.0, 70.0], [50.0, 30.0, 40.0], [100.0, 0.0, 0.0], 10.0)
    assert widths == pytest.approx([100.0, 46.0, 54.0])  # in proportion to their room
    assert sum(widths) == pytest.approx(200.0)
    tight = lend_slack([60.0, 45.0, 45.0], [50.0, 30.0, 40.0], [100.0, 0.0, 0.0], 10.0)
    assert tight == pytest.approx([65.0, 40.0, 45.0])  # only the room above floor + keep
    assert lend_slack([60.0, 70.0], [50.0, 30.0], [55.0, 0.0], 10.0) == [60.0, 70.0]


def test_a_character_is_wide_where_unicodedata_reckons_it_so() -> None:
    """``is_wide`` tells a character before ``FIRST_WIDE`` narrow without looking it up:
    the same answer as ``unicodedata`` for every code point. (Python 3.11's tables reckon
    U+0378, the first unassigned code point, wide, so there a ``FIRST_WIDE`` one further
    on fails; 3.13's first wide character is U+1100.)"""
    import unicodedata

    from ipdocs.writers.columns import FIRST_WIDE, is_wide

    wrong = [code for code in range(0x110000)
             if is_wide(chr(code)) != (unicodedata.east_asian_width(chr(code)) in "WF")]
    assert wrong == []
    first = next(code for code in range(0x110000)
                 if unicodedata.east_asian_width(chr(code)) in "WF")
    assert ord(FIRST_WIDE) <= first
