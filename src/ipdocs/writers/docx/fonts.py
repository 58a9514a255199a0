"""Embed fonts in a DOCX: the faces the file prints in, subset to what it prints in them.

The writer notes, run by run, which characters it sets in which family and weight
(``Printed``); at the end each family it used gets the bundled face (or the machine's
face, for characters no bundled face has), embedded under the family name the runs use and
subset to those characters. An English file that prints no Chinese embeds no CJK face; a
file without bold sans text embeds no bold sans face.

A theme's family names the fonts people have (仿宋_GB2312); the bundled face embedded under
that name is the fallback a reader without it uses (LibreOffice and Word both look an
embedded face up by the name of its font-table entry; measured with LibreOffice 7.4: a
face whose own name differs from its entry's is used under the entry's). So is the
bundled Latin face under the theme's Latin name (Noto Serif as Times New Roman in the
official theme, as the PDF sets its Latin text): every character a run prints is in a
face the file embeds under the name the run gives. The font table lists nothing else
(``prune_font_table``: python-docx's template lists Japanese and Office faces).

Characters a bundled face lacks (FandolFang has GB 2312, not all of the 8,105 characters
of the 通用规范汉字表) are set in runs naming the family that has them (Noto Serif CJK
SC), embedded in turn; a Latin character the Latin face lacks (the minus sign) in a run
naming ``<CJK family> Symbols``, the CJK face embedded under that name.

LibreOffice (7.4 to 25.x) resolves a family name once a session and keeps the first face
it meets under it: files opened one after another in one session (``soffice --convert-to
pdf *.docx`` opens them all in one) may show a later file's characters in an earlier
file's subset or, missing there, in a substitute face. The Latin faces and the symbol
faces are therefore subset to the report's characters (``Document.charset``), the same in
every file of a report: they are small, and English text is where a substitute shows most
(measured: the letters of an English file converted after a Chinese one came out in DejaVu
Sans). A CJK face holds what its file prints. Word keeps embedded faces per document.

Fonts are stored obfuscated (ECMA-376 Part 1, 17.8.1): the first 32 bytes XORed with a
key derived from a GUID, which the font table names. The GUID is derived from the font's
bytes, so identical input gives an identical file.
"""

from __future__ import annotations

import html
import re
import string
import uuid
from collections import Counter, OrderedDict
from collections.abc import Collection, Iterable, MutableMapping
from dataclasses import field
from functools import partial

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from lxml import etree

from ipdocs.base.kept import remembered
from ipdocs.base.records import datarecord
from ipdocs.themes import Font
from ipdocs.typefaces import sysfonts
from ipdocs.typefaces.bundled import BUNDLED, chain, coverage, covers
from ipdocs.writers.columns import is_wide
from ipdocs.writers.docx.adapter import set_blob
from ipdocs.writers.docx.template import _setting
from ipdocs.writers.subsets import subset_face

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
OBFUSCATED = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
NAMESPACE = uuid.UUID("5b1d3c0e-2f4a-4c57-9d7e-1f0a9b8c6d21")

ALWAYS = string.digits + " .,:;%+-()\u2212\u2014"
"""Characters every embedded face keeps: what readers print themselves in a run's font
(page numbers, the contents' page numbers, chart scales)."""


@datarecord(frozen=True)
class Source:
    """Where an embedded face comes from: a bundled file name, or a machine's face
    (``path#index``); and whether its subset also holds the report's characters
    (``shared``: ``charset``, or ``symbols`` for those ``beside``, a Latin face, lacks)."""

    file: str
    system: bool = False
    shared: str = ""
    beside: str = ""

    def common(self, charset: str) -> set[str]:
        """The characters of the report's ``charset`` every file's subset holds."""
        if self.shared == "charset":
            return set(charset)
        if self.shared == "symbols":
            lacking = coverage(self.beside)
            return {c for c in charset if ord(c) not in lacking and not east_asian(c)}
        return set()

    def subset(self, text: str) -> bytes:
        """The face reduced to ``text``."""
        if self.system:
            path, _, index = self.file.rpartition("#")
            return sysfonts.subset(path, int(index), text)
        return subset_face(self.file, text)


class FontError(ValueError):
    """A character no face has (neither a bundled one nor one of the machine's)."""


@datarecord
class Printed:
    """What a document prints in each family and weight, and the face embedded for it."""

    chars: dict[tuple[str, bool], set[str]] = field(default_factory=dict)
    sources: dict[tuple[str, bool], Source] = field(default_factory=dict)
    system: dict[str, sysfonts.Candidate | None] = field(default_factory=dict)
    missing: dict[str, str] = field(default_factory=dict)
    """Characters no face has, with the first text that holds each."""

    def add(self, family: str, bold: bool, source: Source, text: Iterable[str]) -> None:
        """Note that ``text`` (its characters) is set in ``family`` (bold or not), from
        ``source``."""
        key = (family, bold)
        self.sources.setdefault(key, source)
        self.chars.setdefault(key, set()).update(text)

    def machine_face(self, char: str) -> sysfonts.Candidate | None:
        """The machine's face for a character no bundled face has (looked up once)."""
        if char not in self.system:
            self.system[char] = sysfonts.find(char)
        return self.system[char]


def east_asian(char: str) -> bool:
    """Whether Word and LibreOffice set ``char`` in a run's East Asian font."""
    return is_wide(char) or 0x2E80 <= ord(char) <= 0x9FFF or 0x20000 <= ord(char) <= 0x3FFFF


def _bundled_step(font: Font, char: str, bold: bool) -> str | None:
    """The bundled role along ``font``'s chain whose face has ``char``."""
    code = ord(char)
    for step in chain(font.bundled):
        if covers(BUNDLED[step].face(bold), code):
            return step
    return None


Override = tuple[str | None, str | None]
"""A run's Latin and East Asian families where they differ from its style's (None: the
style's own)."""


OWN, LATIN, BOTH, SKIP, OTHER = range(5)
"""How ``families`` notes a character, whatever text holds it: in the East Asian face
(``OWN``), the Latin face (``LATIN``), both (``BOTH``: a Latin character of a Han run
the East Asian face has too), neither (``SKIP``: a joiner prints nothing); ``OTHER``:
in a run of a family of its own (character by character, ``_families_each``)."""

class _Classes:
    """The characters met so far in runs of one set of faces and script, by their class
    (``OWN``...): sets, so that a text's distinct characters are sorted by a few set
    operations rather than looked up one by one."""

    def __init__(self) -> None:
        self.known: set[str] = set()
        self.own: set[str] = set()
        """Noted in the East Asian face (``OWN`` and ``BOTH``)."""
        self.latin: set[str] = set()
        """Noted in the Latin face (``LATIN`` and ``BOTH``)."""
        self.other: set[str] = set()

    def learn(self, chars: set[str], font: Font, bold: bool, han: bool) -> None:
        """Class the characters of ``chars`` not met before (``_char_class``)."""
        for char in chars - self.known:
            kind = _char_class(char, font, bold, han)
            self.known.add(char)
            if kind in (OWN, BOTH):
                self.own.add(char)
            if kind in (LATIN, BOTH):
                self.latin.add(char)
            if kind == OTHER:
                self.other.add(char)


_CLASSES: dict[tuple[bool, str, str, bool], _Classes] = {}
"""Each character's class (``OWN``...) by the faces and script that decide it: the
bundled faces' coverage, fixed for a process."""


def families(text: str, font: Font, bold: bool, printed: Printed, *, han: bool = False
             ) -> list[tuple[Override, str]]:
    """``text`` split by the families that set it: an East Asian character the style's
    bundled face lacks goes to the bundled family further along its chain that has it, or
    to a face of the machine's; a Latin character the bundled Latin face lacks (the minus
    sign) to the East Asian face that has it. Notes every character in ``printed``: in
    Han runs (``han``), where readers set quotation marks and dashes in the East Asian
    font, the Latin characters in both faces.

    Most text is set in the style's own faces: its distinct characters are sorted by
    their classes (``_CLASSES``) and noted at once; text with a character of another
    family is split character by character (``_families_each``)."""
    own = BUNDLED[font.bundled]
    bundled = font.regular_file is None
    latin_file = own.latin_bold if bold else own.latin_regular
    key = (bundled, own.face(bold), latin_file, han)
    classes = _CLASSES.get(key)
    if classes is None:
        classes = _CLASSES[key] = _Classes()
    chars = set(text)
    if not chars <= classes.known:
        classes.learn(chars, font, bold, han)
    if classes.other and not classes.other.isdisjoint(chars):
        return _families_each(text, font, bold, printed, han=han)
    _note(chars & classes.own, chars & classes.latin, font, bold, printed)
    return [((None, None), text)] if text else []


def _char_class(char: str, font: Font, bold: bool, han: bool) -> int:
    """How ``families`` notes ``char`` in a run of ``font`` (``OWN``...). The faces'
    coverage is looked up in their ranges (``bundled.covers``): a process classes a
    few hundred characters, and building a Chinese face's set of code points cost
    more than all of them."""
    own = BUNDLED[font.bundled]
    bundled = font.regular_file is None
    code = ord(char)
    in_own = bundled and covers(own.face(bold), code)
    if east_asian(char):
        return OWN if not bundled or in_own else OTHER
    if not char.isprintable():
        return SKIP
    if bundled and not char.isspace() and \
            not covers(own.latin_bold if bold else own.latin_regular, code):
        return OTHER
    if han and bundled and not in_own and not char.isspace() and not char.isascii():
        return OTHER
    return BOTH if han and in_own else LATIN


def _note(own_chars: Collection[str], latin_chars: Collection[str], font: Font,
          bold: bool, printed: Printed) -> None:
    """Note the characters a run sets in the style's own East Asian and Latin faces."""
    if font.regular_file is not None:
        return
    own = BUNDLED[font.bundled]
    if own_chars:
        key = (font.east_asian, bold and own.bold is not None)
        if key in printed.sources:  # its source noted with its first characters
            printed.chars[key].update(own_chars)
        else:
            printed.add(*key, Source(own.face(bold)), own_chars)
    if latin_chars:
        if (font.latin, bold) in printed.sources:
            printed.chars[(font.latin, bold)].update(latin_chars)
        else:
            printed.add(font.latin, bold, Source(
                own.latin_bold if bold else own.latin_regular, shared="charset"),
                latin_chars)


def _families_each(text: str, font: Font, bold: bool, printed: Printed, *,
                   han: bool = False) -> list[tuple[Override, str]]:
    """``families``, character by character."""
    own = BUNDLED[font.bundled]
    bundled = font.regular_file is None
    own_file = own.face(bold)
    latin_file = own.latin_bold if bold else own.latin_regular
    own_chars: list[str] = []
    latin_chars: list[str] = []
    out: list[tuple[Override, str]] = []
    for char in text:
        override: Override = (None, None)
        code = ord(char)
        in_own = bundled and covers(own_file, code)
        if east_asian(char):
            if not bundled or in_own:
                own_chars.append(char)
            else:
                family = _cjk_family(char, font, bold, printed)
                override = (None, family)
                if family is None:
                    printed.missing.setdefault(char, text)
        elif not char.isprintable():
            pass  # a joiner prints nothing: no face needs it
        elif bundled and not char.isspace() and not covers(latin_file, code):
            override = (_symbol_family(char, font, bold, printed, latin_file), None)
        elif han and bundled and not in_own and not char.isspace() and not char.isascii():
            # Chinese runs set such a character (†, “) in their East Asian face: one that
            # lacks it hands it on along its chain, as for a Chinese character
            latin_chars.append(char)
            override = (None, _cjk_family(char, font, bold, printed))
        else:
            latin_chars.append(char)
            if han and in_own:
                own_chars.append(char)
        if out and out[-1][0] == override:
            out[-1] = (override, out[-1][1] + char)
        else:
            out.append((override, char))
    _note(own_chars, latin_chars, font, bold, printed)
    return out


def whole_family(text: str, font: Font, printed: Printed) -> str:
    """The East Asian family that sets every character of ``text`` on its own (a chart
    sets its labels in one font): the font's own if its bundled face has them all, else
    the first bundled family along its chain that has, noted in ``printed``."""
    codes = {ord(c) for c in text if not c.isspace()}
    for step in chain(font.bundled) if font.regular_file is None else ():
        family = BUNDLED[step]
        if all(covers(family.regular, code) for code in codes):
            name = font.east_asian if step == font.bundled else family.name
            printed.add(name, False, Source(family.regular), text)
            return name
    families(text, font, False, printed, han=True)
    return font.east_asian


def _symbol_family(char: str, font: Font, bold: bool, printed: Printed, latin: str
                   ) -> str | None:
    """The family that sets a Latin character the bundled Latin face ``latin`` lacks: the
    first CJK face along the font's chain that has it, as ``<family> Symbols``, noted."""
    step = _bundled_step(font, char, bold)
    if step is None:
        return None
    family = BUNDLED[step]
    name = f"{family.name} Symbols"
    printed.add(name, False, Source(family.regular, shared="symbols", beside=latin), char)
    return name


def _cjk_family(char: str, font: Font, bold: bool, printed: Printed) -> str | None:
    """The East Asian family that sets ``char`` (the font's own name where its bundled
    face has it, or a user's own face is given), noted in ``printed``; None where no face
    has it."""
    if font.regular_file is not None:
        return font.east_asian
    step = _bundled_step(font, char, bold)
    if step is not None:
        family = BUNDLED[step]
        name = font.east_asian if step == font.bundled else family.name
        printed.add(name, bold and family.bold is not None, Source(family.face(bold)), char)
        return name
    machine = printed.machine_face(char)
    if machine is None:
        return None  # no face has it: the glyph check has refused the report already
    printed.add(machine.family, False, Source(f"{machine.file}#{machine.index}", True), char)
    return machine.family


def obfuscate(data: bytes, key: uuid.UUID) -> bytes:
    """XOR the first 32 bytes with the key's bytes in reverse order, as Word does."""
    key_bytes = key.bytes[::-1]
    head = bytes(b ^ key_bytes[i % 16] for i, b in enumerate(data[:32]))
    return head + data[32:]


def _font_element(table: etree._Element, family: str) -> etree._Element:
    """The ``w:font`` entry for ``family``, added if missing."""
    for font in table.findall(f"{{{W}}}font"):
        if font.get(f"{{{W}}}name") == family:
            return font
    font = etree.SubElement(table, f"{{{W}}}font")
    font.set(f"{{{W}}}name", family)
    etree.SubElement(font, f"{{{W}}}charset").set(f"{{{W}}}val", "86")
    etree.SubElement(font, f"{{{W}}}family").set(f"{{{W}}}val", "roman")
    etree.SubElement(font, f"{{{W}}}pitch").set(f"{{{W}}}val", "variable")
    return font


def declare_fonts(document: DocxDocument, families: dict[str, Iterable[str]]) -> None:
    """Declare families with their alternate names (w:altName) in the font table."""
    part = _font_table(document)
    table = etree.fromstring(part.blob)
    for family, alternates in families.items():
        font = _font_element(table, family)
        first = next(iter(alternates), None)
        if first and font.find(f"{{{W}}}altName") is None:
            alt = etree.Element(f"{{{W}}}altName")
            alt.set(f"{{{W}}}val", first)
            font.insert(0, alt)
    set_blob(part, etree.tostring(table, xml_declaration=True, encoding="UTF-8",
                                  standalone=True))


def _font_table(document: DocxDocument) -> Part:
    """The font table part of the document."""
    for rel in document.part.rels.values():
        if rel.reltype == RT.FONT_TABLE:
            part: Part = rel.target_part
            return part
    raise LookupError("the document has no font table")


def check_missing(printed: Printed) -> None:
    """Refuse characters no face has, naming each and the text that holds it."""
    if printed.missing:
        raise FontError("; ".join(
            f"no font has U+{ord(c):04X} {c!r} in “{t if len(t) <= 30 else t[:30] + '…'}”"
            for c, t in sorted(printed.missing.items())))


def embed_printed(document: DocxDocument, printed: Printed, charset: str = "") -> None:
    """Embed every face ``printed`` noted, subset to what the document prints in it (and,
    for the Latin and symbol faces, the characters of the report's ``charset`` they
    would set)."""
    for family, bold in sorted(printed.chars):
        source = printed.sources[(family, bold)]
        shared = source.common(charset) | (set() if source.system else set(ALWAYS))
        text = "".join(sorted(printed.chars[(family, bold)] | shared))
        embed(document, family, "Bold" if bold else "Regular", source.subset(text))


def embed(document: DocxDocument, family: str, face: str, data: bytes) -> None:
    """Embed the font ``data`` as the ``face`` (``Regular`` or ``Bold``) of ``family``."""
    part = _font_table(document)
    table = etree.fromstring(part.blob)
    font = _font_element(table, family)
    key = uuid.uuid5(NAMESPACE, data[:2048].hex() + family + face)  # its first 4,096 digits
    count = sum(1 for r in part.rels.values() if r.reltype == RT.FONT) + 1
    uri = PackURI(f"/word/fonts/font{count}.odttf")
    font_part = Part(uri, OBFUSCATED, obfuscate(data, key), document.part.package)
    rid = part.relate_to(font_part, RT.FONT)
    embedded = etree.SubElement(font, f"{{{W}}}embed{face}")
    embedded.set(f"{{{R}}}id", rid)
    embedded.set(f"{{{W}}}fontKey", "{" + str(key).upper() + "}")
    embedded.set(f"{{{W}}}subsetted", "1")
    _order_embeds(font)
    set_blob(part, etree.tostring(table, xml_declaration=True, encoding="UTF-8",
                                  standalone=True))
    settings = document.settings.element
    _setting(settings, "w:embedTrueTypeFonts")
    _setting(settings, "w:saveSubsetFonts")


FONT_NAME = re.compile(rb'(?:w:(?:ascii|hAnsi|eastAsia|cs)|typeface)="([^"]+)"')
"""A family named in a part: a run's or style's font slot, a chart's typeface."""


def prune_font_table(document: DocxDocument,
                     blobs: MutableMapping[str, bytes] | None = None) -> None:
    """Drop the font-table entries no part names (the template's ＭＳ 明朝, Arial …):
    the table lists the families the document's runs, styles, numbering, headers,
    footers and charts name. (The theme part is not counted: its fonts reach the text
    only through theme-font references, which the template's styles no longer hold.)
    ``blobs`` gives the bytes of parts written otherwise, by part name (the document's
    body, spooled: ``spool.BodySpool``); the parts serialised here to be read are added
    to it, as saving serialises them (``zips.package_bytes`` takes them from there)."""
    table_part = _font_table(document)
    named: set[str] = set()
    blobs = {} if blobs is None else blobs
    main = str(document.part.partname)
    for part in document.part.package.iter_parts():
        if part is table_part or part.partname.endswith(("theme1.xml", ".rels")) or \
                not part.partname.endswith(".xml"):
            continue
        name = str(part.partname)
        xml = blobs.get(name)
        if xml is None:  # serialised (a part of XML): kept for saving
            xml = blobs[name] = part.blob
        if name == main:  # the body: its own in every document
            named |= _named(xml)
        else:
            names: frozenset[str] = remembered(_NAMED, xml, partial(_named, xml), NAMED_KEPT)
            named |= names
    table = etree.fromstring(table_part.blob)
    for font in table.findall(f"{{{W}}}font"):
        if font.get(f"{{{W}}}name") not in named:
            table.remove(font)
    set_blob(table_part, etree.tostring(table, xml_declaration=True, encoding="UTF-8",
                                        standalone=True))


NAMED_KEPT = 16
"""How many parts' family names a process keeps (``_NAMED``)."""
_NAMED: OrderedDict[bytes, frozenset[str]] = OrderedDict()
"""The families a part names, by its bytes: the parts besides the body (a theme's
styles above all, 350 kB) are the same in every document of a theme and language."""


def _named(xml: bytes) -> frozenset[str]:
    """The families a part's XML names (``FONT_NAME``). Where every name's attribute
    stands in a run's fonts or language (``_NAMING_TAGS``), as in any part ipdocs
    writes, only those tags are read: each distinct tag once (a body repeats a handful
    in a thousand runs), and the names the same as ``FONT_NAME`` finds in the whole
    part, for the attributes' names (``_NAME_ENDS``) occur nowhere else."""
    tags = Counter(_NAMING_TAGS.findall(xml))
    within = sum(count * sum(tag.count(end) for end in _NAME_ENDS)
                 for tag, count in tags.items())
    if within == sum(xml.count(end) for end in _NAME_ENDS):
        found = {name for tag in tags for name in FONT_NAME.findall(tag)}
    else:  # a name, or what reads as one, elsewhere (a chart's typeface, a text)
        found = set(FONT_NAME.findall(xml))
    # a name's bytes decoded alone as the whole part would be (no replaced byte is
    # ever a quotation mark); escapes undone (&amp;, and &#…; where serialised ASCII)
    return frozenset(html.unescape(name.decode("utf-8", "replace")) for name in found)


_NAMING_TAGS = re.compile(rb"<w:(?:rFonts|lang) ([^>]*)>")
"""The attributes of a run's fonts and language, where WordprocessingML names
families (and East Asian languages)."""
_NAME_ENDS = (b'ascii="', b'hAnsi="', b'eastAsia="', b'cs="', b'typeface="')
"""The ends of the attributes ``FONT_NAME`` reads, each counted in a part: found
as often in its naming tags as in the whole part, every name is in those tags."""


def _order_embeds(font: etree._Element) -> None:
    """Keep a font entry's embedded faces last and in the schema's order."""
    order = ("embedRegular", "embedBold", "embedItalic", "embedBoldItalic")
    embeds = sorted((c for c in font if etree.QName(c).localname in order),
                    key=lambda c: order.index(etree.QName(c).localname))
    for element in embeds:
        font.remove(element)
        font.append(element)
