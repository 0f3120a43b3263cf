"""`fandex eval pdnc|litbank|tags DIR`: accuracy against annotated corpora."""

from __future__ import annotations

import argparse
import importlib


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "eval",
        help="measure accuracy on an annotated corpus (PDNC, LitBank, tagged stories)",
        description="Measure fandex's accuracy against annotated corpora.",
    )
    corpora = parser.add_subparsers(dest="corpus", metavar="CORPUS", required=True)
    for name in ("pdnc", "litbank", "tags"):
        try:
            module = importlib.import_module(f"fandex.eval.{name}")
        except ModuleNotFoundError as error:
            if error.name == f"fandex.eval.{name}":
                continue  # not built yet
            raise
        module.register(corpora)
