"""Tracked changes and comments, for reviewers: a text that changed since the document it
is compared with is a Word revision (the old text deleted, the new inserted, by author
ipdocs), and a note on why a draft marks something is a Word comment. Reviewers accept or
reject them in Word, WPS or LibreOffice."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Pt
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run

from ipdocs.writers.docx.adapter import comment_of, p_of

AUTHOR = "ipdocs"
INITIALS = "ip"
FIRST_ID = 1000
"""Revision ids start here, clear of the comments' ids (python-docx counts those from 0)."""


class Revisions:
    """Revision ids and the time every revision of one document carries."""

    def __init__(self, when: dt.datetime) -> None:
        self.when = when.strftime("%Y-%m-%dT%H:%M:%SZ")
        self.next_id = FIRST_ID
        self.count = 0

    def element(self, tag: str) -> BaseOxmlElement:
        """A ``w:ins`` or ``w:del`` with the next id, the author and the time."""
        made = OxmlElement(tag)
        made.set(qn("w:id"), str(self.next_id))
        made.set(qn("w:author"), AUTHOR)
        made.set(qn("w:date"), self.when)
        self.next_id += 1
        return made


def written(paragraph: DocxParagraph, write: Callable[[], None]) -> list[BaseOxmlElement]:
    """The runs ``write`` adds at the end of ``paragraph``."""
    p = p_of(paragraph)
    before = len(p)
    write()
    return [child for child in p[before:] if child.tag == _R]


_R = qn("w:r")


def _as_deleted(run: BaseOxmlElement) -> None:
    """A run's text made deleted text (``w:t`` → ``w:delText``)."""
    for text in run.findall(qn("w:t")):
        text.tag = qn("w:delText")


def track(paragraph: DocxParagraph, new: list[BaseOxmlElement], write_old: Callable[[], None],
          revisions: Revisions) -> None:
    """Make ``new`` (runs already in ``paragraph``) an insertion, preceded by the deletion
    of the runs ``write_old`` writes (nothing where the old text was empty); without
    ``new``, the deletion alone, at the paragraph's end."""
    old = written(paragraph, write_old)
    if not new and not old:
        return
    if old:
        deletion = revisions.element("w:del")
        for run in old:
            _as_deleted(run)
            deletion.append(run)
        if new:
            new[0].addprevious(deletion)
        else:
            p_of(paragraph).append(deletion)
    if new:
        insertion = revisions.element("w:ins")
        new[0].addprevious(insertion)
        for run in new:
            insertion.append(run)
    revisions.count += 1


def track_row(row: BaseOxmlElement, change: str, revisions: Revisions) -> None:
    """Mark a table row (``w:tr``) inserted or deleted (``w:ins`` / ``w:del`` in its
    properties, in their place in the schema's order: after every other property)."""
    trpr = row.get_or_add_trPr()
    trpr.append(revisions.element("w:ins" if change == "inserted" else "w:del"))
    revisions.count += 1


def track_runs(paragraph: DocxParagraph, change: str, revisions: Revisions) -> None:
    """Every run of ``paragraph`` (a chart's drawing) inserted or deleted."""
    runs = [child for child in p_of(paragraph) if child.tag == qn("w:r")]
    if not runs:
        return
    wrapper = revisions.element("w:ins" if change == "inserted" else "w:del")
    runs[0].addprevious(wrapper)
    for run in runs:
        if change == "deleted":
            _as_deleted(run)
        wrapper.append(run)
    revisions.count += 1


COMMENT_STYLE = "CommentReference"
"""The character style python-docx gives a comment's reference mark (Word's built-in
"annotation reference"), which its template lacks."""


def _comment_style(document: DocxDocument) -> None:
    """Define the comment reference style, once, so no run names a style that is not
    there."""
    if any(style.style_id == COMMENT_STYLE for style in document.styles):
        return
    style = document.styles.add_style("annotation reference", WD_STYLE_TYPE.CHARACTER)
    style.style_id = COMMENT_STYLE
    style.font.size = Pt(8)


def comment(document: DocxDocument | None, paragraph: DocxParagraph,
            runs: list[BaseOxmlElement], text: str, revisions: Revisions) -> None:
    """A comment by ipdocs on ``runs`` of ``paragraph``, dated as the document's
    revisions are (python-docx stamps the time it is added: two builds of one document
    would differ)."""
    if document is None or not runs or not text:
        return
    _comment_style(document)
    made = document.add_comment([Run(runs[0], paragraph), Run(runs[-1], paragraph)],
                                text=text, author=AUTHOR, initials=INITIALS)
    comment_of(made).set(qn("w:date"), revisions.when)


_BEFORE_TRACKING = (
    "writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime",
    "doNotDisplayPageBoundaries", "displayBackgroundShape", "printPostScriptOverText",
    "printFractionalCharacterWidth", "printFormsData", "embedTrueTypeFonts",
    "embedSystemFonts", "saveSubsetFonts", "saveFormsData", "mirrorMargins",
    "alignBordersAndEdges", "bordersDoNotSurroundHeader", "bordersDoNotSurroundFooter",
    "gutterAtTop", "hideSpellingErrors", "hideGrammaticalErrors", "activeWritingStyle",
    "proofState", "formsDesign", "attachedTemplate", "linkStyles", "stylePaneFormatFilter",
    "stylePaneSortMethod", "documentType", "mailMerge", "revisionView")
"""The settings that come before ``w:trackRevisions`` in the schema's order."""


def track_changes_on(document: DocxDocument) -> None:
    """Have Word record the reviewers' own edits as revisions too (``w:trackRevisions``,
    in its place in the settings' schema order)."""
    settings: Any = document.settings.element
    if settings.find(qn("w:trackRevisions")) is not None:
        return
    before = {qn(f"w:{name}") for name in _BEFORE_TRACKING}
    children = list(settings)
    at = max((i + 1 for i, child in enumerate(children) if child.tag in before), default=0)
    settings.insert(at, OxmlElement("w:trackRevisions"))
