"""Every DOCX part the writer makes, checked against the ECMA-376 schemas.

openxml-audit (a port of the Open XML SDK's validator, whose schema constraints are
generated from ECMA-376 transitional and the Office extensions) checks the XML parts:
document, styles, settings, web settings, font table, numbering, theme, headers and
footers, charts, core and app properties; and the embedded chart workbooks as XLSX.
It does not read ``[Content_Types].xml`` or the ``.rels`` parts against a schema: the
tests below check those against the package itself (every part typed, every
relationship resolved). ``test_every_xml_part_is_checked`` proves the coverage by
breaking each part in turn.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from ipdocs.model import Report
from ipdocs.sections import full_brief, summary_brief
from ipdocs.themes import load_theme
from ipdocs.writers.docx import render_docx

audit = pytest.importorskip("openxml_audit", reason="needs openxml-audit (pip install '.[test]')")

KINDS = [
    ("zh", "briefing", "interleaved", "full"),
    ("en", "briefing", "interleaved", "full"),
    ("zh-en", "briefing", "interleaved", "full"),
    ("zh-en", "briefing", "parallel", "full"),
    ("zh", "official", "interleaved", "full"),
    ("en", "official", "interleaved", "summary"),
]


@pytest.fixture(scope="module")
def validator() -> object:
    """One validator for the module (loading its schema tables takes a while)."""
    return audit.OpenXmlValidator(max_errors=0)


@pytest.fixture(scope="module")
def packages(sample: Report, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A DOCX of every kind, written to a file."""
    folder = tmp_path_factory.mktemp("schema")
    out = {}
    for lang, theme, layout, brief in KINDS:
        recipe = full_brief() if brief == "full" else summary_brief()
        doc = recipe.document(sample, lang, layout=layout, theme=theme)  # type: ignore[arg-type]
        path = folder / f"{lang}-{theme}-{layout}-{brief}.docx"
        path.write_bytes(render_docx(doc, load_theme(theme)))
        out[path.stem] = path
    return out


def _errors(validator: object, path: Path) -> list[str]:
    """The validator's findings for one file, as text."""
    return [str(e) for e in validator.validate(path).errors]  # type: ignore[attr-defined]


@pytest.mark.parametrize("kind", ["-".join(k) for k in KINDS])
def test_every_part_is_valid(kind: str, packages: dict[str, Path], validator: object) -> None:
    assert _errors(validator, packages[kind]) == []


def test_chart_workbooks_are_valid(packages: dict[str, Path], validator: object,
                                   tmp_path: Path) -> None:
    with zipfile.ZipFile(packages["zh-briefing-interleaved-full"]) as package:
        books = [n for n in package.namelist() if n.endswith(".xlsx")]
        assert books
        for name in books:
            path = tmp_path / Path(name).name
            path.write_bytes(package.read(name))
            assert _errors(validator, path) == [], name


def _parts(path: Path) -> dict[str, bytes]:
    """Every member of a package."""
    with zipfile.ZipFile(path) as package:
        return {n: package.read(n) for n in package.namelist()}


def test_every_part_has_a_content_type(packages: dict[str, Path]) -> None:
    for path in packages.values():
        parts = _parts(path)
        types = parts["[Content_Types].xml"].decode()
        defaults = set(re.findall(r'Default Extension="([^"]+)"', types))
        overrides = set(re.findall(r'Override PartName="([^"]+)"', types))
        for name in parts:
            if name == "[Content_Types].xml":
                continue
            assert "/" + name in overrides or name.rsplit(".", 1)[-1] in defaults, name
        assert {o.lstrip("/") for o in overrides} <= set(parts)


def test_every_relationship_resolves(packages: dict[str, Path]) -> None:
    for path in packages.values():
        parts = _parts(path)
        for name, data in parts.items():
            if not name.endswith(".rels"):
                continue
            folder = name.rsplit("_rels/", 1)[0]
            for target, mode in re.findall(r'Target="([^"]+)"(?: TargetMode="(\w+)")?',
                                           data.decode()):
                if mode == "External":
                    continue
                resolved = target.lstrip("/") if target.startswith("/") else \
                    _normalise(folder + target)
                assert resolved in parts, f"{name}: {target}"


def _normalise(path: str) -> str:
    """A package path with ``..`` steps resolved."""
    out: list[str] = []
    for piece in path.split("/"):
        if piece == "..":
            out.pop()
        elif piece and piece != ".":
            out.append(piece)
    return "/".join(out)


def test_every_xml_part_is_checked(packages: dict[str, Path], validator: object,
                                   tmp_path: Path) -> None:
    """A stray element in any XML part the validator reads is reported: the check above
    is not passing by reading nothing."""
    source = packages["zh-briefing-interleaved-full"]
    parts = _parts(source)
    checked = [n for n in parts if n.endswith(".xml") and n != "[Content_Types].xml"]
    assert {"word/document.xml", "word/styles.xml", "word/settings.xml",
            "word/fontTable.xml", "word/footer1.xml"} <= set(checked)
    assert any(n.startswith("word/charts/") for n in checked)
    for name in checked:
        xml = parts[name].decode()
        root = re.search(r"<(?!\?)([\w:]+)[\s>]", xml)
        assert root is not None
        prefix = root.group(1).split(":")[0] + ":" if ":" in root.group(1) else ""
        at = xml.index(">", root.start()) + 1
        broken = tmp_path / "broken.docx"
        with zipfile.ZipFile(broken, "w") as package:
            for member, data in parts.items():
                package.writestr(member, (xml[:at] + f"<{prefix}stray/>" + xml[at:]).encode()
                                 if member == name else data)
        assert _errors(validator, broken), name


def test_a_broken_package_is_reported(packages: dict[str, Path], validator: object,
                                      tmp_path: Path) -> None:
    parts = _parts(packages["en-official-interleaved-summary"])
    document = parts["word/document.xml"].decode()
    broken = io.BytesIO()
    with zipfile.ZipFile(broken, "w") as package:
        for member, data in parts.items():
            if member == "word/document.xml":
                data = document.replace("<w:body>", "<w:body><w:tblBorders/>", 1).encode()
            package.writestr(member, data)
    path = tmp_path / "broken.docx"
    path.write_bytes(broken.getvalue())
    assert any("tblBorders" in e for e in _errors(validator, path))
