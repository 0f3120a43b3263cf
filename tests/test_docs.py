"""Every command and option of the CLI is documented in README.md or docs/ (a new one fails here)."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

from conftest import ROOT
from fandex.cli import build_parser


def _documentation() -> str:
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    return "\n".join(page.read_text(encoding="utf-8") for page in pages)


def _commands_and_options(
    parser: argparse.ArgumentParser, command: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], str | None]]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, subparser in action.choices.items():
                yield (*command, name), None
                yield from _commands_and_options(subparser, (*command, name))
        else:
            for option in action.option_strings:
                if option.startswith("--") and option not in ("--help", "--version"):
                    yield command, option


def test_every_command_and_long_option_is_documented() -> None:
    documentation = _documentation()
    missing = [
        f"fandex {' '.join(command)} {option or ''}".strip()
        for command, option in _commands_and_options(build_parser())
        if (option or f"fandex {' '.join(command)}") not in documentation
    ]
    assert missing == []


def test_the_check_sees_commands_and_options() -> None:
    found = list(_commands_and_options(build_parser()))
    assert (("analyze",), None) in found
    assert (("analyze",), "--jobs") in found
    assert (("eval", "pdnc"), "--gold-quotes") in found
