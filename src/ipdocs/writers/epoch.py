"""``SOURCE_DATE_EPOCH``: the time both writers give a document's creation and
modification dates when the environment sets it (reproducible-builds.org's convention).

reportlab reads the variable itself for the PDF's dates; the DOCX writer puts the same
time in the core properties. Both writers check the value here first, so a malformed one
is the same clear error in either format (reportlab would fail on it with a bare
``int()`` message).
"""

from __future__ import annotations

import datetime as dt
import os

from ipdocs.writers import RenderError

VARIABLE = "SOURCE_DATE_EPOCH"

LATEST = 253402300799
"""9999-12-31 23:59:59 UTC: the last second a four-digit year (PDF and DOCX dates) holds."""


def source_date() -> dt.datetime | None:
    """The time ``SOURCE_DATE_EPOCH`` names (UTC), or None when it is unset or empty;
    RenderError when it is not a whole number of seconds from 0 to LATEST."""
    text = os.environ.get(VARIABLE, "").strip()
    if not text:
        return None
    if not (text.isascii() and text.isdigit()) or int(text) > LATEST:
        raise RenderError(f"{VARIABLE} must be a whole number of seconds since "
                         f"1970-01-01 00:00 UTC (0 to {LATEST}), not {text!r}")
    return dt.datetime.fromtimestamp(int(text), dt.UTC)
