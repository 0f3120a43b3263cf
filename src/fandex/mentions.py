"""Finding the names of known characters in a text: every alias, longest first, whole words only."""

from __future__ import annotations

import re
from collections.abc import Iterable

from fandex.work import Character, Mention


def name_pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    """One regex that matches any of ``names`` as whole words, preferring the longest."""
    unique = sorted({n.strip() for n in names if n and n.strip()}, key=len, reverse=True)
    if not unique:
        return None
    alternatives = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in unique)
    return re.compile(rf"(?<![\w'’])(?:{alternatives})(?![\w’]|'\w)")


def find_name_mentions(
    text: str, characters: list[Character], start: int = 0, end: int | None = None
) -> list[Mention]:
    """Mentions of each character's name and aliases in ``text[start:end]``.

    An alias shared by two characters ("Mr. Weston"... "Weston") goes to none of them here: the
    characters stage decides such cases from context.
    """
    owners: dict[str, set[str]] = {}
    for character in characters:
        for name in (character.name, *character.aliases):
            owners.setdefault(_key(name), set()).add(character.id)
    pattern = name_pattern(n for c in characters for n in (c.name, *c.aliases))
    if pattern is None:
        return []
    found = []
    for match in pattern.finditer(text, start, len(text) if end is None else end):
        ids = owners.get(_key(match.group()), set())
        found.append(Mention(match.start(), match.end(), next(iter(ids)) if len(ids) == 1 else None, "name"))
    return found


def _key(name: str) -> str:
    return " ".join(name.split())
