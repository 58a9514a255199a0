"""``python -m ipdocs``: the command line.

The garbage collector is off while the command's modules are imported (their classes,
schemas and tables make almost no garbage: the collections during them cost a cold zh
PDF build some 26 M instructions for nothing) and on again, as it was, before the
command runs and sets its own policy (``app.cli``). ``ipdocs/__init__``
imports nothing itself, so this runs before any of them.
"""

import gc
import sys

_COLLECTING = gc.isenabled()
gc.disable()
from ipdocs.app.cli import command  # noqa: E402 (after the collector is off)

if _COLLECTING:
    gc.enable()

sys.exit(command())
