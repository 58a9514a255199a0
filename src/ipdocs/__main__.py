"""``python -m ipdocs``: the command line."""

import sys

from ipdocs.cli import entry

sys.exit(entry())
