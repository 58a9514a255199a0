"""``python -m ipdocs`` and the installed ``ipdocs`` command (``run``).

The garbage collector is off while the command's modules are imported (their classes,
schemas and tables make almost no garbage: the collections during them cost a cold zh
PDF build some 26 M instructions for nothing) and on again, as it was, before the
command runs and sets its own policy (``app.cli``). pydantic finds no plugins in the
command's process (``base.patterns.without_pydantic_plugins``): its only models are
ipdocs' own. Pillow's image module, which reportlab imports at its top, is imported
where a picture is first read (``base.patterns.pillow_on_first_use``). ``ipdocs/__init__``
imports nothing itself, so this runs before any of them; a program that imports ipdocs
gets none of it.
"""

import gc
import sys


def run() -> int:
    """The command: its modules imported with the collector off, pydantic finding no
    plugins and Pillow's image module left to its first use, then ``app.cli.command``."""
    collecting = gc.isenabled()
    gc.disable()
    from ipdocs.base.patterns import pillow_on_first_use, without_pydantic_plugins

    without_pydantic_plugins()
    pillow_on_first_use()
    from ipdocs.app.cli import command

    if collecting:
        gc.enable()
    return command()


if __name__ == "__main__":
    sys.exit(run())
