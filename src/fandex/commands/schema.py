"""`fandex schema`: print the JSON Schema of the analysis document."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "schema",
        help="print the JSON Schema of `fandex analyze --json` output",
        description="Print the JSON Schema that every `fandex analyze --json` document follows.",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import json

    from fandex.writers.json import schema

    print(json.dumps(schema(), indent=2))
    return 0
