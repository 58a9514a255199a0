"""Work counts of a build, for comparing changes on a machine too busy to time them.

    python bench/counts.py [SPEC] [--brief summary] [--theme briefing]

Renders every language's DOCX and PDF of the brief in this process, in the order
``ipdocs build`` does (format by format), and prints how many brief documents were made,
PDF layouts begun, pages begun and PDF files written out (canvas saves), with the
CPU seconds it took. The counts do not depend on the machine's load.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from ipdocs import load_report
from ipdocs.app.building import Output, Recipe, render_output
from ipdocs.sections import Brief, load_brief
from ipdocs.themes import load_theme
from ipdocs.writers.pdf.page import FormCanvas, Template

ROOT = Path(__file__).resolve().parent.parent


def counting(counts: dict[str, int]) -> None:
    """Count documents, layouts, pages and saves into ``counts`` (patches the classes)."""
    def wrap(owner: Any, name: str, key: str) -> None:
        original = getattr(owner, name)

        def counted(self: Any, *args: Any, **kwargs: Any) -> Any:
            counts[key] += 1
            return original(self, *args, **kwargs)

        setattr(owner, name, counted)

    wrap(Brief, "document", "documents made")
    wrap(Template, "build_story", "PDF layouts")
    wrap(Template, "handle_pageBegin", "pages begun")
    wrap(FormCanvas, "save", "PDFs written out")


def main(argv: list[str] | None = None) -> None:
    """Print the counts of one spec's outputs in every language and both formats."""
    parser = argparse.ArgumentParser()
    parser.add_argument("spec", nargs="?", default=str(ROOT / "specs/ningbo-2024.yaml"))
    parser.add_argument("--brief", default="summary")
    parser.add_argument("--theme", default="briefing")
    args = parser.parse_args(argv)
    report = load_report(args.spec)
    recipe = Recipe(load_brief(args.brief), load_theme(args.theme))
    counts = dict.fromkeys(("documents made", "PDF layouts", "pages begun",
                            "PDFs written out"), 0)
    counting(counts)
    start = time.process_time()
    for fmt in ("docx", "pdf"):
        for lang in ("zh", "en", "zh-en"):
            render_output(report, recipe, Output(Path(f"out.{lang}.{fmt}"), lang))
    seconds = time.process_time() - start
    print(f"{Path(args.spec).name}, brief {args.brief}, theme {args.theme}, six outputs:")
    for key, value in counts.items():
        print(f"  {key}: {value}")
    print(f"  CPU seconds: {seconds:.2f}", file=sys.stderr)


if __name__ == "__main__":
    main()
