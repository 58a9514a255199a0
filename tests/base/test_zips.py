"""Zip packages rewritten with fixed times: the same content gives the same bytes."""

import io
import zipfile

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
