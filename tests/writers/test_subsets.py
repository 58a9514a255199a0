"""Font subsets shared by the writers: what they keep, and the disk cache."""

import hashlib
import os
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from ipdocs.doc import Document, Metadata, Paragraph, Span
from ipdocs.themes import load_theme
from ipdocs.typefaces.bundled import face_path
from ipdocs.writers import RenderWarning, subsets
from ipdocs.writers.subsets import embedded_text, subset_face
from tests.conftest import SPECS

FACE = "NotoSansCJKsc-Regular.ttf"


def face_bytes(filename: str) -> bytes:
    """The bytes of one bundled face."""
    return Path(face_path(filename)).read_bytes()


def cmap(data: bytes) -> set[int]:
    """The characters a font maps."""
    import io

    return set(TTFont(io.BytesIO(data)).getBestCmap())


def test_embedded_text_has_the_document_its_charset_and_what_writers_add() -> None:
    doc = Document(Metadata("标题", "zh-CN"), (Paragraph((Span("专利授权"),), "zh"),),
                   charset="商标")  # type: ignore[arg-type]
    text = embedded_text(doc, load_theme("official"))
    for char in "标题专利授权商标—0123456789%.,−\u3000":
        assert char in text
    assert text == "".join(sorted(set(text)))


def test_no_control_character_is_embedded() -> None:
    # A line feed parts a bilingual key figure's label: never drawn, it must not be
    # embedded, or the bilingual PDF's subsets differ from its two languages' (named
    # apart, laid out afresh).
    doc = Document(Metadata("标题", "zh-CN"), (Paragraph((Span("专利\n授权\tab\x85"),), "zh"),),
                   charset="商标\r")  # type: ignore[arg-type]
    text = embedded_text(doc, load_theme("briefing"))
    assert "专" in text and "a" in text and not set(text) & set("\n\t\r\x85")


def test_a_bilingual_document_embeds_what_its_two_languages_embed() -> None:
    from ipdocs.loading import load_report
    from ipdocs.sections import full_brief

    report = load_report(SPECS / "ningbo-2024.yaml")
    theme = load_theme("briefing")
    made = {lang: embedded_text(full_brief().document(report, lang), theme)
            for lang in ("zh", "en", "zh-en")}
    assert made["zh-en"] == "".join(sorted(set(made["zh"]) | set(made["en"])))


def test_a_document_made_again_embeds_what_its_blocks_hold_now() -> None:
    """The blocks' characters are remembered by the blocks themselves: a document made
    of the same blocks again finds what the walk finds; one whose block was made anew
    with other text (a rebuild after an edit) embeds that text, not the old one's."""
    from ipdocs.doc.walk import characters
    from ipdocs.writers.subsets import document_characters

    first = (Paragraph((Span("专利授权"),), "zh"), Paragraph((Span("商标"),), "zh"))
    doc = Document(Metadata("标题", "zh-CN"), first)  # type: ignore[arg-type]
    assert document_characters(doc) == set(characters(doc))
    again = Document(Metadata("标题", "zh-CN"), tuple(first))  # type: ignore[arg-type]
    assert document_characters(again) == set(characters(doc))
    edited = Document(Metadata("标题", "zh-CN"),  # type: ignore[arg-type]
                      (first[0], Paragraph((Span("版权"),), "zh")))
    found = document_characters(edited)
    assert "版" in found and "商" not in found and found == set(characters(edited))
    retitled = Document(Metadata("目录", "zh-CN"), first)  # type: ignore[arg-type]
    assert "目" in document_characters(retitled) and "题" not in document_characters(retitled)


def test_subset_keeps_exactly_what_the_text_needs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IPDOCS_CACHE", "off")
    small = subset_face(FACE, "专利ab")
    assert {ord(c) for c in "专利ab"} <= cmap(small)
    assert ord("商") not in cmap(small)
    assert len(small) < len(face_bytes(FACE)) / 20


def test_subsets_are_kept_on_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IPDOCS_CACHE", str(tmp_path))
    subset_face.cache_clear()
    made = subset_face(FACE, "知识产权")
    [kept] = (tmp_path / "font-subsets").iterdir()
    assert kept.read_bytes()[:-32] == made == subsets._subset(face_bytes(FACE), "知识产权")
    assert kept.stat().st_mode & 0o777 == 0o600 and kept.parent.stat().st_mode & 0o777 == 0o700
    marked = b"from the cache"  # a second process reads the file, not fontTools
    key = subsets.cache_key()
    assert key is not None
    kept.write_bytes(marked + subsets._seal(key, kept, marked))
    subset_face.cache_clear()
    assert subset_face(FACE, "知识产权") == marked
    subset_face.cache_clear()


def test_the_cache_is_kept_where_no_cache_folder_was_yet(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A fresh home (a CI runner, a new account) has no ~/.cache: the cache makes it,
    # rather than being given up for every build (as it was).
    monkeypatch.delenv("IPDOCS_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home" / ".cache"))
    subset_face.cache_clear()
    made = subset_face(FACE, "知识")
    subset_face.cache_clear()
    [kept] = (tmp_path / "home" / ".cache" / "ipdocs" / "font-subsets").iterdir()
    assert kept.read_bytes()[:-32] == made
    for folder in (kept.parent, kept.parent.parent, kept.parent.parent.parent):
        assert folder.stat().st_mode & 0o777 == 0o700  # ~/.cache made private too


@pytest.mark.parametrize("damage", [b"", b"\x00\x01", "truncate"])
def test_a_damaged_cache_file_is_made_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            damage: bytes | str) -> None:
    monkeypatch.setenv("IPDOCS_CACHE", str(tmp_path))
    subset_face.cache_clear()
    made = subset_face(FACE, "宁波专利")
    [kept] = (tmp_path / "font-subsets").iterdir()
    stored = kept.read_bytes()
    kept.write_bytes(stored[: len(stored) // 2] if damage == "truncate" else damage)
    subset_face.cache_clear()
    assert subset_face(FACE, "宁波专利") == made
    assert kept.read_bytes() == stored
    assert [p.name for p in kept.parent.iterdir()] == [kept.name]  # no .part left behind
    subset_face.cache_clear()


def test_cache_off_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IPDOCS_CACHE", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    subset_face(FACE, "宁波")
    assert list(tmp_path.iterdir()) == []


def test_a_changed_face_is_subset_again_even_with_its_old_time(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IPDOCS_CACHE", str(tmp_path / "cache"))
    face = tmp_path / "face.ttf"
    monkeypatch.setattr(subsets, "face_path", lambda _name: str(face))
    face.write_bytes(face_bytes("NotoSans-Regular.ttf"))
    stat = face.stat()
    subset_face.cache_clear()
    before = subset_face("face.ttf", "ab")
    face.write_bytes(face_bytes("NotoSerif-Regular.ttf"))  # a rebuilt face, copied with
    os.utime(face, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # the old time (cp -p)
    subset_face.cache_clear()
    after = subset_face("face.ttf", "ab")
    subset_face.cache_clear()
    assert after != before
    assert after == subsets._subset(face.read_bytes(), "ab")
    assert len(list((tmp_path / "cache" / "font-subsets").iterdir())) == 2


def test_the_key_is_the_table_directory() -> None:
    data = face_bytes("NotoSans-Regular.ttf")
    tables = int.from_bytes(data[4:6], "big")
    assert subsets.directory(data) == data[:12 + 16 * tables]
    assert len(subsets.directory(data)) < 1000


def test_the_cache_keeps_the_subsets_used_last_within_its_limit(tmp_path: Path) -> None:
    sizes = {"old.ttf": 400, "used.ttf": 300, "new.ttf": 300}
    for age, (name, size) in enumerate(sizes.items()):
        (tmp_path / name).write_bytes(b"x" * size)
        os.utime(tmp_path / name, ns=(age * 10**9, age * 10**9))
    (tmp_path / ".new.ttf.1.part").write_bytes(b"x" * 5000)  # another process's write: kept
    (tmp_path / ".old.ttf.2.part").write_bytes(b"x")  # a killed process's, hours ago: gone
    os.utime(tmp_path / ".old.ttf.2.part", ns=(0, 0))
    subsets.trim(tmp_path, limit=700)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".new.ttf.1.part", "new.ttf",
                                                            "used.ttf"]
    subsets.trim(tmp_path, limit=299)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".new.ttf.1.part"]


def test_what_writers_keep_of_a_subset_counts_within_the_limit(tmp_path: Path) -> None:
    sizes = {"old.face": 400, "subset.ttf": 300, "new.face": 300}
    for age, (name, size) in enumerate(sizes.items()):
        (tmp_path / name).write_bytes(b"x" * size)
        os.utime(tmp_path / name, ns=(age * 10**9, age * 10**9))
    subsets.trim(tmp_path, limit=700)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.face", "subset.ttf"]


def test_derived_data_is_kept_sealed_by_the_subsets_name_and_kind(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IPDOCS_CACHE", str(tmp_path))
    assert subsets.read_derived("kind/1", FACE, "专利") is None
    subsets.write_derived("kind/1", FACE, "专利", b"what was read")
    assert subsets.read_derived("kind/1", FACE, "专利") == b"what was read"
    assert subsets.read_derived("kind/2", FACE, "专利") is None  # another version's
    assert subsets.read_derived("kind/1", FACE, "商标") is None  # another text's
    [kept] = (tmp_path / "font-subsets").glob("*" + subsets.DERIVED_SUFFIX)
    kept.write_bytes(b"altered" + kept.read_bytes()[7:])
    assert subsets.read_derived("kind/1", FACE, "专利") is None
    assert not kept.exists()  # a damaged file is removed, to be written again


def test_writing_a_subset_trims_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IPDOCS_CACHE", str(tmp_path))
    subset_face.cache_clear()
    subset_face(FACE, "宁波")
    [first] = (tmp_path / "font-subsets").iterdir()
    os.utime(first, ns=(0, 0))
    monkeypatch.setattr(subsets, "CACHE_LIMIT", first.stat().st_size * 3 // 2)
    subset_face(FACE, "专利")
    subset_face.cache_clear()
    [kept] = (tmp_path / "font-subsets").iterdir()
    assert kept != first  # room for one: the newest stays


def test_reading_a_subset_marks_it_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IPDOCS_CACHE", str(tmp_path))
    subset_face.cache_clear()
    subset_face(FACE, "宁波")
    [kept] = (tmp_path / "font-subsets").iterdir()
    os.utime(kept, ns=(0, 0))
    subset_face.cache_clear()
    subset_face(FACE, "宁波")
    assert kept.stat().st_mtime_ns > 0
    subset_face.cache_clear()


def swap_digits(data: bytes) -> bytes:
    """A font with the outlines of "1" and "7" swapped (what a cache poisoner would do)."""
    import io

    font = TTFont(io.BytesIO(data))
    cmap = font.getBestCmap()
    glyf = font["glyf"]
    one, seven = cmap[ord("1")], cmap[ord("7")]
    glyf[one], glyf[seven] = glyf[seven], glyf[one]
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def build_files(tmp_path: Path, folder: str) -> list[bytes]:
    """The bytes of the sample's zh summary PDF, built by the command line with the cache
    and key the environment names."""
    import subprocess
    import sys

    from tests.conftest import SAMPLE

    out = tmp_path / folder
    subprocess.run([sys.executable, "-m", "ipdocs", "build", str(SAMPLE), "-f", "pdf", "-l",
                    "zh", "--brief", "summary", "-o", str(out)], check=True)
    return [path.read_bytes() for path in sorted(out.iterdir())]


def test_a_poisoned_cache_cannot_change_printed_digits(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Whoever can write to the cache folder (a shared CI cache, a shared home) swaps the
    outlines of 1 and 7 in every cached subset and seals each again as an unkeyed cache
    would (its SHA-256 appended): the next build must print the same digits."""
    monkeypatch.setenv("IPDOCS_CACHE", str(tmp_path / "cache"))
    clean = build_files(tmp_path, "clean")
    cached = list((tmp_path / "cache" / "font-subsets").glob("*.ttf"))
    poisoned = 0
    for path in cached:
        font = path.read_bytes()[:-32]
        if {ord("1"), ord("7")} <= cmap(font):
            bad = swap_digits(font)
            path.write_bytes(bad + hashlib.sha256(bad).digest())
            poisoned += 1
    assert poisoned >= 2
    assert build_files(tmp_path, "again") == clean


def test_the_key_file_is_made_private_once_and_kept(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("IPDOCS_CACHE_KEY")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    subsets._file_key.cache_clear()
    key = subsets.cache_key()
    path = tmp_path / "config" / "ipdocs" / "cache-key"
    assert key is not None and len(key) == 64 and path.read_bytes().strip() == key
    assert path.stat().st_mode & 0o777 == 0o600
    assert path.parent.stat().st_mode & 0o777 == 0o700
    subsets._file_key.cache_clear()
    assert subsets.cache_key() == key
    assert [p.name for p in path.parent.iterdir()] == ["cache-key"]
    subsets._file_key.cache_clear()


def key_in_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An existing key file in a temporary config folder, the cache in a temporary one."""
    monkeypatch.delenv("IPDOCS_CACHE_KEY")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("IPDOCS_CACHE", str(tmp_path / "cache"))
    path = tmp_path / "config" / "ipdocs" / "cache-key"
    path.parent.mkdir(parents=True)
    path.write_text("0" * 64)
    path.chmod(0o600)
    subsets._file_key.cache_clear()
    subset_face.cache_clear()
    return path


def test_a_key_others_can_read_is_not_used(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    key_in_config(tmp_path, monkeypatch).chmod(0o644)
    with pytest.warns(subsets.RenderWarning, match="cache-key is not private"):
        made = subset_face(FACE, "宁波")
    assert made == subsets._subset(face_bytes(FACE), "宁波")
    assert not (tmp_path / "cache").exists()
    subsets._file_key.cache_clear()
    subset_face.cache_clear()


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                    reason="giving a file to another user takes root")
def test_a_key_owned_by_someone_else_is_not_used(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    os.chown(key_in_config(tmp_path, monkeypatch), 65534, 65534)
    with pytest.warns(subsets.RenderWarning, match="is not private"):
        subset_face(FACE, "宁波")
    assert not (tmp_path / "cache").exists()
    subsets._file_key.cache_clear()
    subset_face.cache_clear()


def test_another_key_does_not_read_this_keys_subsets(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IPDOCS_CACHE", str(tmp_path))
    subset_face.cache_clear()
    subset_face(FACE, "宁波")
    monkeypatch.setenv("IPDOCS_CACHE_KEY", "someone else's")
    subset_face.cache_clear()
    made = []
    monkeypatch.setattr(subsets, "_subset", lambda data, text: made.append(text) or b"new")
    assert subset_face(FACE, "宁波") == b"new" and made == ["宁波"]
    assert len(list((tmp_path / "font-subsets").iterdir())) == 2  # each under its own name
    subset_face.cache_clear()


def test_a_sealed_subset_moved_to_another_name_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IPDOCS_CACHE", str(tmp_path))
    subset_face.cache_clear()
    first = subset_face(FACE, "宁波")
    made = {p.name for p in (tmp_path / "font-subsets").iterdir()}
    second = subset_face(FACE, "专利")
    [one] = made
    [two] = {p.name for p in (tmp_path / "font-subsets").iterdir()} - made
    folder = tmp_path / "font-subsets"
    (folder / two).write_bytes((folder / one).read_bytes())  # a valid file, wrong place
    subset_face.cache_clear()
    assert subset_face(FACE, "专利") == second != first
    subset_face.cache_clear()


def test_code_changed_since_the_process_imported_it_is_not_told(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A module's source file changed after the process imported ipdocs may not be the
    code it runs (a long-running process edited under): ``code_digest`` tells no code
    then (nothing it made is kept under the new code's digest); a file older than that is
    read."""
    from ipdocs.base import IMPORTED_AT
    from ipdocs.writers import columns

    source = tmp_path / "columns.py"
    source.write_bytes(Path(columns.__file__ or "").read_bytes())
    monkeypatch.setattr(columns, "__file__", str(source))
    subsets.code_digest.cache_clear()
    try:
        os.utime(source, (IMPORTED_AT - 60, IMPORTED_AT - 60))
        assert subsets.code_digest(("ipdocs.writers.columns",)) is not None
        subsets.code_digest.cache_clear()
        os.utime(source, (IMPORTED_AT + 1, IMPORTED_AT + 1))
        assert subsets.code_digest(("ipdocs.writers.columns",)) is None
    finally:
        monkeypatch.undo()
        subsets.code_digest.cache_clear()


def test_keeping_needs_a_cache_and_a_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What writers make is kept only where the cache is on and has a key to seal with."""
    monkeypatch.setenv("IPDOCS_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("IPDOCS_CACHE_KEY", "a key")
    assert subsets.keeping()
    monkeypatch.delenv("IPDOCS_CACHE_KEY")
    home = tmp_path / "not-a-folder"
    home.write_text("a file where the key's folder would be")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    with pytest.warns(RenderWarning, match="cannot read the font-cache key"):
        assert not subsets.keeping()
    monkeypatch.setenv("IPDOCS_CACHE_KEY", "a key")
    monkeypatch.setenv("IPDOCS_CACHE", "off")
    assert not subsets.keeping()


def test_a_file_digest_is_its_bytes_sha256_or_none(tmp_path: Path) -> None:
    """A data file is told by the SHA-256 of its bytes; one that cannot be read by None."""
    import hashlib

    data = tmp_path / "patterns.dic"
    data.write_bytes(b"ISO8859-1\n.ab1c\n")
    assert subsets.file_digest(data) == hashlib.sha256(data.read_bytes()).digest()
    assert subsets.file_digest(tmp_path / "missing.dic") is None


def test_every_module_a_kept_result_is_found_by_is_one_its_build_imports(
        tmp_path: Path) -> None:
    """``code_digest`` tells no code it cannot read, and a module the build never
    imported is one: a kept result found by such a module would silently never be kept.
    A fresh process builds Ningbo's zh PDF and DOCX with a built-in theme (which imports
    no theme schema) and every module each kind of kept result names is then loaded."""
    import subprocess
    import sys

    script = ("import sys\n"
              "from ipdocs.app import cli\n"
              "cli.main(['build', sys.argv[1], '-f', 'pdf', '-f', 'docx', '-l', 'zh', '-j', "
              "'1', '-o', sys.argv[2]])\n"
              "from ipdocs.writers.docx import charts as word_charts, keptblank\n"
              "from ipdocs.writers.pdf import charts, keptlayouts\n"
              "for made_by in (keptblank.MADE_BY, keptlayouts.LAID_BY, charts.DRAWN_BY,\n"
              "                word_charts.CHARTED_BY):\n"
              "    print([name for name in made_by if name not in sys.modules])\n")
    result = subprocess.run([sys.executable, "-c", script, str(SPECS / "ningbo-2024.yaml"),
                             str(tmp_path / "out")], capture_output=True, text=True,
                            check=True)
    assert result.stdout.splitlines()[-4:] == ["[]"] * 4
