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
    # Whole words; a possessive ("Xander's", "Spike’s") still names the character, but a longer
    # word joined by an apostrophe ("O'Neil" for an alias "O" or "Neil") does not. An opening single
    # quotation mark is no such apostrophe: 'Scott says' names Scott.
    return re.compile(rf"(?<!\w)(?<!\w['’])(?:{alternatives})(?!\w)(?!['’](?!s\b)\w)")


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


# Double quotation marks: curly ones say which way they face; straight ones alternate.
_QUOTE_MARK = re.compile(r"[\"“”«»]|\n[ \t]*\n|\n(?=[ \t]*[\"“])")
# Thoughts set between asterisks: "* like this *" (one line at most).
_ASTERISK_THOUGHT = re.compile(r"\*[^*\n]{1,400}\*")


def quoted_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Stretches of ``text[start:end]`` inside double quotation marks or between asterisks.

    A fast stand-in for the dialogue layer, for stages that run before it: straight quotes
    alternate open/close and every paragraph break closes an open quote, so one missing mark
    spoils one paragraph at most. Spans cover the quoted words and their marks.
    """
    stop = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    for match in _QUOTE_MARK.finditer(text, start, stop):
        mark = match.group()
        if mark[0] == "\n":
            # A paragraph break ends any quote left open by a missing closing mark; a new
            # paragraph that opens with a quote closes the old one too (multi-paragraph speech).
            if open_at is not None:
                spans.append((open_at, match.start()))
                open_at = None
            continue
        if mark in "“«":
            if open_at is not None:
                spans.append((open_at, match.start()))
            open_at = match.start()
        elif mark in "”»":
            if open_at is not None:
                spans.append((open_at, match.end()))
                open_at = None
        elif open_at is None:
            open_at = match.start()
        else:
            spans.append((open_at, match.end()))
            open_at = None
    if open_at is not None:
        spans.append((open_at, stop))
    spans.extend(m.span() for m in _ASTERISK_THOUGHT.finditer(text, start, stop))
    spans.sort()
    return _merge_spans(spans)


def _merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for begin, finish in spans:
        if merged and begin <= merged[-1][1]:
            if finish > merged[-1][1]:
                merged[-1] = (merged[-1][0], finish)
        else:
            merged.append((begin, finish))
    return merged
