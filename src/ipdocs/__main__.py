"""``python -m ipdocs``: the command line."""

import sys

from ipdocs.app.cli import entry

sys.exit(entry())
