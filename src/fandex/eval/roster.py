"""Character recall: how many of a gold cast the characters stage finds on its own.

PDNC lists each novel's characters in ``character_info.csv`` (``Character ID, Main Name, Aliases,
Gender, Category``; Aliases is a Python set or list literal). A gold character is found when one of
its aliases equals, ignoring case, the name or an alias of one of the characters we output.
"""

from __future__ import annotations

import ast
import csv
from collections.abc import Iterable
from pathlib import Path

from fandex.errors import FandexError
from fandex.work import Character, Work

# PDNC's placeholders for groups of speakers and unknowable ones: not characters to find.
_PLACEHOLDERS = frozenset({"_group", "_unknowable", "_narr"})
_GENDERS = {"F": "F", "M": "M", "U": "U", "X": "U", "N": "N"}


def load_pdnc_characters(path: str | Path) -> list[tuple[Character, str]]:
    """Each gold character of a PDNC ``character_info.csv`` with its category (major, ...)."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise FandexError(f"cannot read the character list: {error}", path=path) from None
    wanted = {"Character ID", "Main Name", "Aliases", "Category"}
    if rows and not wanted <= set(rows[0]):
        raise FandexError(
            f"not a PDNC character_info.csv: needs the columns {', '.join(sorted(wanted))}",
            path=path,
        )
    found: list[tuple[Character, str]] = []
    for row in rows:
        name = (row["Main Name"] or "").strip()
        if not name or name in _PLACEHOLDERS:
            continue
        aliases = _aliases(row["Aliases"] or "", path)
        found.append(
            (
                Character(
                    id=f"gold{(row['Character ID'] or '').strip()}",
                    name=name,
                    aliases=[a for a in aliases if a != name and a not in _PLACEHOLDERS],
                    gender=_GENDERS.get((row.get("Gender") or "U").strip(), "U"),  # type: ignore[arg-type]
                ),
                (row["Category"] or "").strip().lower(),
            )
        )
    return found


def _aliases(field: str, path: Path) -> list[str]:
    try:
        value = ast.literal_eval(field) if field.strip() else []
    except (ValueError, SyntaxError):
        raise FandexError(f"unreadable Aliases value {field!r}", path=path) from None
    if isinstance(value, str):
        value = [value]
    return sorted(str(v).strip() for v in value if str(v).strip())


def character_keys(characters: Iterable[Character]) -> set[str]:
    """Every name and alias of ``characters``, lower-cased, whitespace collapsed."""
    return {_key(n) for c in characters for n in (c.name, *c.aliases)}


def gold_found(gold: Character, keys: set[str]) -> bool:
    return any(_key(n) in keys for n in (gold.name, *gold.aliases))


def roster_recall(
    work: Work,
    gold: list[Character] | list[tuple[Character, str]],
    categories: tuple[str, ...] = ("major", "intermediate"),
) -> float:
    """Share of the gold characters (of ``categories``, when categories are given) found in ``work``.

    ``gold`` is plain Characters (all count) or (Character, category) pairs as
    ``load_pdnc_characters`` returns them. A work with no gold character in scope scores 1.0.
    """
    chosen = [g for g in _in_scope(gold, categories)]
    if not chosen:
        return 1.0
    keys = character_keys(work.characters)
    return sum(1 for g in chosen if gold_found(g, keys)) / len(chosen)


def _in_scope(
    gold: list[Character] | list[tuple[Character, str]], categories: tuple[str, ...]
) -> list[Character]:
    chosen: list[Character] = []
    for item in gold:
        if isinstance(item, tuple):
            character, category = item
            if category in categories:
                chosen.append(character)
        else:
            chosen.append(item)
    return chosen


def _key(name: str) -> str:
    return " ".join(name.lower().split())
