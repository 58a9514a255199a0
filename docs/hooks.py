"""MkDocs hooks for the reference site: pages that include what the repository already
holds, so the site never repeats it by hand. A line ``<!-- include: PATH -->`` becomes the
file at PATH (from the repository's root), its first heading dropped; ``<!-- cli -->``
becomes the ``--help`` of ``ipdocs`` and of each of its commands."""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
INCLUDE = re.compile(r"^<!-- include: (\S+) -->$", re.M)


def _included(match: re.Match[str]) -> str:
    """The file a marker names, without its title (the page has its own)."""
    text = (ROOT / match.group(1)).read_text(encoding="utf-8")
    return re.sub(r"\A# .*\n", "", text)


def _cli() -> str:
    """The help of the command and of each subcommand, as fenced blocks."""
    from ipdocs.app.cli import parser

    top = parser()
    out = ["```text", top.format_help().rstrip(), "```"]
    for action in top._actions:  # argparse keeps its subcommands here
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                out += [f"\n## ipdocs {name}\n", "```text", sub.format_help().rstrip(), "```"]
    return "\n".join(out)


def on_page_markdown(markdown: str, **_: Any) -> str:
    """The page with its markers replaced."""
    markdown = INCLUDE.sub(_included, markdown)
    if "<!-- cli -->" in markdown:
        markdown = markdown.replace("<!-- cli -->", _cli())
    return markdown
