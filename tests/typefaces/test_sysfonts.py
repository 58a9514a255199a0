"""Faces installed on the machine for characters no bundled face has."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from ipdocs.typefaces import sysfonts
from tests.fontfiles import fake_fontconfig, make_font


def test_needed_leaves_out_what_the_bundled_faces_have() -> None:
    assert sysfonts.needed("张喆𠮷 A😀\n") == ["😀", "𠮷"]


def test_a_face_is_subset_and_made_truetype(monkeypatch: pytest.MonkeyPatch,
                                            tmp_path: Path) -> None:
    font = make_font(tmp_path / "Ext.otf", "𠮷𠀀x", "Ext", cff=True)
    fake_fontconfig(monkeypatch, (font, "𠮷𠀀x"))
    [face] = sysfonts.fallbacks("名𠮷字")
    assert face.family == "Ext" and face.chars == "𠮷" and face.file == f"{font}#0"
    made = TTFont(io.BytesIO(face.data))
    assert "glyf" in made and "CFF " not in made
    assert set(made.getBestCmap()) == {ord("𠮷")}


def test_simplified_chinese_faces_come_first(monkeypatch: pytest.MonkeyPatch,
                                             tmp_path: Path) -> None:
    from ipdocs.typefaces.sysfonts import Candidate

    japanese = Candidate("/a/ja.ttf", 0, "A Japanese", False, 80)
    bold = Candidate("/z/zh-bold.ttf", 0, "Z Chinese", True, 200)
    chinese = Candidate("/z/zh.ttf", 0, "Z Chinese", True, 80)
    assert sorted([japanese, bold, chinese], key=Candidate.rank) == [chinese, bold, japanese]


def test_characters_no_face_has_are_left_out(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_fontconfig(monkeypatch)
    assert sysfonts.fallbacks("😀") == []


def test_without_fontconfig_nothing_is_found(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    assert sysfonts._fc_list("😀") == ""


@pytest.mark.skipif(not shutil.which("fc-list"), reason="needs fontconfig")
def test_the_machines_fontconfig_is_read() -> None:
    """On a machine with fonts-noto-cjk (as CI installs), 𠮷 is in Noto CJK."""
    found = sysfonts.find("𠮷")
    if found is None:
        pytest.skip("no installed face has 𠮷")
    assert Path(found.file).is_file()
    [face] = sysfonts.fallbacks("𠮷")
    assert "glyf" in TTFont(io.BytesIO(face.data))


DEJAVU_SANS = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


@pytest.mark.skipif(not DEJAVU_SANS.is_file(), reason="needs fonts-dejavu-core (a face with FFTM)")
def test_subsetting_a_face_with_an_editors_table_says_nothing() -> None:
    """DejaVu Sans carries FontForge's FFTM table, which fontTools drops from a subset
    with "FFTM NOT subset" on stderr (was printed at each build using it as a fallback).
    Run in a process of its own: pytest's log capture would hide what Python prints."""
    import subprocess
    import sys

    code = ("from ipdocs.typefaces.sysfonts import subset; "
            f"assert subset({str(DEJAVU_SANS)!r}, 0, 'אב')")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=False, timeout=120)
    assert done.returncode == 0 and done.stderr == "", done.stderr


def test_only_an_editors_table_is_silenced_and_only_in_the_block(
        caplog: pytest.LogCaptureFixture) -> None:
    """Another dropped table is still said; outside the block the logger is as it was."""
    import logging

    from ipdocs.typefaces.sysfonts import quiet_subsetting

    logger = logging.getLogger("fontTools.subset")
    message = "%s NOT subset; don't know how to subset; dropped"
    before = list(logger.filters)
    with caplog.at_level(logging.WARNING, logger="fontTools.subset"), quiet_subsetting():
        logger.warning(message, "FFTM")
        logger.warning(message, "Zapf")
    assert [r.getMessage() for r in caplog.records] == [message % "Zapf"]
    assert logger.filters == before
