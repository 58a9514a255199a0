"""Every value a theme or a spec writes into DOCX XML is escaped by the XML library."""

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from ipdocs.app.building import build
from ipdocs.model import Report

HOSTILE = "Song & Co <\"Serif\"> 'x'"
DRAWINGML = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def _theme_file(tmp_path: Path) -> Path:
    text = (Path(__file__).parents[2] / "src/ipdocs/themes/briefing.yaml").read_text("utf-8")
    path = tmp_path / "hostile.yaml"
    path.write_text(text.replace("east_asian: Noto Serif CJK SC",
                                 f"east_asian: '{HOSTILE.replace(chr(39), chr(39) * 2)}'"),
                    encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def hostile_docx(sample: Report, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("escaping")
    return build(sample, folder / "hostile.docx", lang="zh", brief="summary",
                 theme=str(_theme_file(folder)))


def test_every_part_is_well_formed_xml_holding_the_name(hostile_docx: Path) -> None:
    with zipfile.ZipFile(io.BytesIO(hostile_docx.read_bytes())) as package:
        parts = {name: package.read(name) for name in package.namelist()
                 if name.endswith((".xml", ".rels"))}
    for data in parts.values():
        etree.fromstring(data)  # raises on a broken part
    theme = etree.fromstring(parts["word/theme/theme1.xml"])
    hans = [f.get("typeface") for f in theme.iter(f"{DRAWINGML}font")
            if f.get("script") == "Hans"]
    assert hans and set(hans) == {HOSTILE}
    assert HOSTILE in {e.get("typeface") for e in theme.iter(f"{DRAWINGML}ea")}


@pytest.mark.skipif(not shutil.which("soffice"), reason="needs LibreOffice (soffice)")
def test_libreoffice_opens_it(hostile_docx: Path, tmp_path: Path) -> None:
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(hostile_docx)],
                   check=True, capture_output=True, timeout=180)
    assert (tmp_path / "hostile.pdf").stat().st_size > 1000
