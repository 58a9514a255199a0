"""Zip packages rewritten with fixed times: the same content gives the same bytes."""

from __future__ import annotations

import io
import zipfile

import pytest

from ipdocs.base.zips import FIXED_W3CDTF, ZIP_TIME, reproducible_zip

CORE = (b'<cp:coreProperties><dcterms:created xsi:type="dcterms:W3CDTF">2026-11-30T01:02:03Z'
        b'</dcterms:created></cp:coreProperties>')


def package(when: tuple[int, int, int, int, int, int]) -> bytes:
    """A package of two members stamped ``when``."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        target.writestr(zipfile.ZipInfo("docProps/core.xml", when), CORE)
        target.writestr(zipfile.ZipInfo("a.xml", when), b"<a/>")
    return out.getvalue()


def test_member_times_and_core_dates_are_fixed() -> None:
    early, late = package((2024, 1, 1, 0, 0, 0)), package((2026, 5, 6, 7, 8, 10))
    assert early != late
    assert reproducible_zip(early) == reproducible_zip(late)
    fixed = zipfile.ZipFile(io.BytesIO(reproducible_zip(late, fix_core_dates=True)))
    assert {i.date_time for i in fixed.infolist()} == {ZIP_TIME}
    assert FIXED_W3CDTF.encode() in fixed.read("docProps/core.xml")
    assert fixed.read("a.xml") == b"<a/>"
    # without being asked, the core dates are the package's own
    kept = zipfile.ZipFile(io.BytesIO(reproducible_zip(late)))
    assert kept.read("docProps/core.xml") == CORE


def test_core_dates_can_be_fixed_to_a_given_date() -> None:
    """The figures workbook's dates are the report's: openpyxl stamps the modified date
    with the time of saving, so two saves a second apart differed."""
    fixed = zipfile.ZipFile(io.BytesIO(reproducible_zip(package((2026, 5, 6, 7, 8, 10)),
                                                        core_date="2025-01-01T00:00:00Z")))
    assert b">2025-01-01T00:00:00Z</dcterms:created>" in fixed.read("docProps/core.xml")


def test_the_workbook_is_the_same_whenever_it_is_saved(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The modified date openpyxl writes at saving is replaced by the report's fixed date:
    a save at another time gives the same bytes."""
    import datetime as dt
    from pathlib import Path
    from types import SimpleNamespace

    import openpyxl.writer.excel as excel

    from ipdocs import load_report
    from ipdocs.drafting import workbook_bytes

    report = load_report(Path(__file__).parent.parent.parent / "specs" / "ningbo-2024.yaml")
    first = workbook_bytes(report)

    class Later(dt.datetime):
        """A clock years ahead."""

        @classmethod
        def now(cls, tz: dt.tzinfo | None = None) -> Later:
            return cls(2031, 3, 4, 5, 6, 7, tzinfo=tz)

    # newer openpyxl releases stamp the modified date when saving (3.1.0, the lowest
    # version allowed, does not: there the bytes are compared at an unpatched clock)
    monkeypatch.setattr(excel, "datetime", SimpleNamespace(datetime=Later,
                                                           timezone=dt.timezone),
                        raising=False)
    assert workbook_bytes(report) == first


def _members(sizes: list[int]) -> list[tuple[str, bytes]]:
    """Members of these sizes, some compressible, some not, one font, names repeated
    in content (the same bytes twice)."""
    import random

    rng = random.Random(7)
    members = []
    for index, size in enumerate(sizes):
        noisy = bytes(rng.getrandbits(8) for _ in range(size // 4))
        data = (noisy + b"<w:style w:styleId='Heading1'/>" * size)[:size]
        members.append((f"word/part{index}.xml" if index % 3 else f"word/fonts/f{index}.odttf",
                        data))
    return [*members, ("word/again.xml", members[-1][1])]


@pytest.mark.parametrize("sizes", [[10, 20_000], [70_000, 16 * 1024, 16 * 1024 - 1, 5],
                                   [400_000, 1]])
def test_a_member_deflated_once_is_written_as_writestr_writes_it(sizes: list[int]) -> None:
    from ipdocs.base import zips

    members = _members(sizes)
    plain = io.BytesIO()
    with zipfile.ZipFile(plain, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in members:
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, data, compresslevel=1 if name.endswith(".odttf") else 6)
    for _ in range(2):  # deflated, then remembered
        ours = io.BytesIO()
        with zipfile.ZipFile(ours, "w", zipfile.ZIP_DEFLATED) as target:
            for name, data in members:
                zips.add_member(target, name, data)
        assert ours.getvalue() == plain.getvalue()
    with zipfile.ZipFile(ours) as read:
        assert read.testzip() is None
        assert [(i.filename, read.read(i)) for i in read.infolist()] == members
        assert {i.compress_type for i in read.infolist()} == {zipfile.ZIP_DEFLATED}
    assert any(len(key[0]) >= zips.REMEMBER_FROM for key in zips._DEFLATED)
