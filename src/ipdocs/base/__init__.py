"""The base: problems, exact decimals, safe YAML, reading inputs, writing files, zips, plugins and
the closed vocabularies: everything above may use them; they use nothing above."""

import time

VERSION = "0.1.0"
"""ipdocs' version (pyproject.toml's), which ``ipdocs.__version__`` and ``ipdocs --version``
say: here, at the bottom, so that the command asks no layer above it."""

IMPORTED_AT = time.time()
"""When this process imported ipdocs (its first module, this one): a source file changed
after it may not be the code the process runs (``writers.subsets.code_digest``)."""
