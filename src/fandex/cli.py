"""The `fandex` command: a thin shell over the Python API.

Each sub-command lives in ``fandex.commands.<name>`` and exposes ``register(subparsers)``; the
modules import only argparse-level things at the top so that ``fandex --help`` stays fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from fandex import __version__
from fandex.errors import FandexError

# In the order `fandex --help` lists them.
COMMAND_MODULES = ("analyze", "schema", "eval", "library", "serve", "bench")

EXIT_OK = 0
EXIT_ERROR = 2  # bad input or a failed file in a batch


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="fandex",
        description="Read fan fiction as it is found in the wild and understand it.",
    )
    parser.add_argument("--version", action="version", version=f"fandex {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"fandex.commands.{name}")
        except ModuleNotFoundError as error:
            if error.name == f"fandex.commands.{name}":
                continue  # a command not built yet
            raise
        module.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return EXIT_OK
    try:
        return int(args.run(args) or EXIT_OK)
    except FandexError as error:
        print(f"fandex: error: {error.one_line()}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("fandex: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


def entry_point() -> None:
    sys.exit(main())
