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


def _note(text: str, lang: str = "en") -> object:
    from ipdocs.doc import Paragraph, Span

    return Paragraph((Span(text),), lang, "note")  # type: ignore[arg-type]


def test_a_table_keeps_its_last_rows_with_the_short_text_that_closes_the_document() -> None:
    """The sources under their headings after the glossary: kept with its last rows, so
    that they never make a last page of their own (Ningbo zh-en, p26)."""
    from ipdocs.doc import Heading
    from ipdocs.writers.tablerows import closing

    sources = [Heading(1, "资料来源", "zh"), Heading(1, "Sources", "en"),
               _note("《宁波市2024年知识产权发展与保护状况》发布", "zh"), _note("Released")]
    assert closing(sources) == 4
    assert closing([]) == 0


def test_the_run_kept_ends_at_a_page_break() -> None:
    from ipdocs.doc import Heading, PageBreak, Table
    from ipdocs.writers.tablerows import closing

    after = [Heading(1, "Sources", "en"), _note("A source"), PageBreak(),
             Table((), (), (), "en")]
    assert closing(after) == 2


def test_long_text_or_a_table_after_a_table_is_not_kept_with_it() -> None:
    from ipdocs.doc import Chart, Heading
    from ipdocs.writers.tablerows import CLOSING_BLOCKS, CLOSING_EMS, closing

    assert closing([Heading(1, "Outlook", "en"), _note("x" * int(2 * CLOSING_EMS + 2))]) == 0
    assert closing([_note("a line")] * (CLOSING_BLOCKS + 1)) == 0
    assert closing([Heading(1, "Sources", "en"),
                    Chart("bar", "", (), (), "en")]) == 0


def test_side_by_side_pairs_count_each_language() -> None:
    """A parallel edition's sources: pairs of headings and of notes, grouped in a list as
    the writers group them; one item of the writers' sequence."""
    from ipdocs.doc import Bilingual, Heading
    from ipdocs.writers.tablerows import closing

    pairs = [Bilingual((Heading(1, "资料来源", "zh"),), (Heading(1, "Sources", "en"),)),
             Bilingual((_note("来源", "zh"),), (_note("A source"),))]
    assert closing([pairs]) == 1
