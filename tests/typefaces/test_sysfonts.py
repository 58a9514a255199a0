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
