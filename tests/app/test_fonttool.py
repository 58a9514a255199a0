"""ipdocs fonts: one face of a CFF collection made a TrueType face a theme can use, and the
characters of specs a face lacks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ipdocs.app.fonttool import FontToolError, lacking, open_face, spec_characters, split_face
from tests.conftest import ROOT, SAMPLE

NOTO = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def _ipdocs(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "ipdocs", *args], capture_output=True,
                          text=True, check=False, timeout=600)


def test_a_cff_collection_face_becomes_a_truetype_face_a_theme_uses(tmp_path: Path) -> None:
    if not NOTO.is_file():
        pytest.skip("needs fonts-noto-cjk for a CFF collection")
    out = tmp_path / "sc.ttf"
    done = _ipdocs("fonts", "convert", f"{NOTO}#2", str(out), "--spec", str(SAMPLE))
    assert done.returncode == 0, done.stderr
    face = open_face(str(out))
    assert "glyf" in face and "CFF " not in face
    wanted = spec_characters([SAMPLE])
    assert lacking(str(out), wanted) == lacking(f"{NOTO}#2", wanted)  # all it had, kept
    assert out.stat().st_size < NOTO.stat().st_size / 20  # the specs' characters only
    theme = tmp_path / "theme.yaml"
    text = (ROOT / "src/ipdocs/themes/briefing.yaml").read_text("utf-8")
    theme.write_text(text.replace("serif: {east_asian: Noto Serif CJK SC,",
                                  f"serif: {{regular_file: '{out}', bold_file: '{out}', "
                                  "east_asian: Noto Sans CJK SC,"), encoding="utf-8")
    built = _ipdocs("build", str(SAMPLE), "--theme", str(theme), "-f", "pdf", "-l", "zh",
                    "--brief", "summary", "-o", str(tmp_path / "out"))
    assert built.returncode == 0, built.stderr
    again = tmp_path / "again.ttf"
    assert _ipdocs("fonts", "convert", f"{NOTO}#2", str(again), "--spec",
                   str(SAMPLE)).returncode == 0
    assert again.read_bytes() == out.read_bytes()  # the same inputs, the same bytes


def test_coverage_lists_what_a_face_lacks() -> None:
    if not DEJAVU.is_file():
        pytest.skip("needs fonts-dejavu-core")
    done = _ipdocs("fonts", "coverage", str(DEJAVU), str(SAMPLE))
    assert done.returncode == 1
    assert "U+5B81\t宁" in done.stdout  # DejaVu has no Han
    assert f"{DEJAVU}: lacks " in done.stderr


def test_a_face_that_cannot_be_read_is_one_line() -> None:
    done = _ipdocs("fonts", "coverage", "/nowhere/x.ttf", str(SAMPLE))
    assert (done.returncode, done.stderr.strip()) == (1, "ipdocs fonts: no font file "
                                                         "/nowhere/x.ttf")
    with pytest.raises(FontToolError, match="index after '#' is a number"):
        split_face("a.ttc#two")
