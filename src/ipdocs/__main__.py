"""``python -m ipdocs``: the command line."""

import sys

from ipdocs.cli import main

sys.exit(main())
