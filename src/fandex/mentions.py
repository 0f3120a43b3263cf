"""Finding the names of known characters in a text: every alias, longest first, whole words only."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from fandex.work import Character, Mention


def name_pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    """One regex that matches any of ``names`` as whole words, preferring the longest.

    A name is found as it was typed or keyed: an accented letter also matches its plain letter or
    the "?" a lossy conversion left in its place ("Thérèse" in "Therese" and "Th?r?se"), and a
    lower-case particle inside a name matches either case ("De Vitré" in "de Vitré").
    """
    unique = sorted({n.strip() for n in names if n and n.strip()}, key=len, reverse=True)
    if not unique:
        return None
    alternatives = "|".join(_loose(n) for n in unique)
    # Whole words; a possessive ("Xander's", "Spike’s") still names the character, but a longer
    # word joined by an apostrophe ("O'Neil" for an alias "O" or "Neil") does not. An opening single
    # quotation mark is no such apostrophe: 'Scott says' names Scott.
    return re.compile(rf"(?<!\w)(?<!\w['’])(?:{alternatives})(?!\w)(?!['’](?!s\b)\w)")


# Particles of family names that are written in either case ("de Vitré", "De Vitré").
_PARTICLES = frozenset(
    {"de", "du", "des", "da", "di", "del", "della", "van", "von", "der", "den", "le", "la"}
)


def _loose(name: str) -> str:
    """The regex of one name: words joined by any white space, accents and particles as above."""
    words = []
    for position, word in enumerate(name.split()):
        if position > 0 and word.lower() in _PARTICLES:
            words.append(f"[{word[0].upper()}{word[0].lower()}]{re.escape(word[1:])}")
            continue
        parts = []
        for char in word:
            plain = _plain(char)
            parts.append(f"[{char}{plain}?]" if plain != char and plain.isascii() else re.escape(char))
        words.append("".join(parts))
    return r"\s+".join(words)


def _plain(char: str) -> str:
    """A letter without its accent ("é" -> "e"); other characters unchanged."""
    return unicodedata.normalize("NFKD", char)[0]


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
            for key in name_keys(name):
                owners.setdefault(key, set()).add(character.id)
    pattern = name_pattern(n for c in characters for n in (c.name, *c.aliases))
    if pattern is None:
        return []
    found = []
    for match in pattern.finditer(text, start, len(text) if end is None else end):
        ids = owners.get(name_key(match.group()), set())
        found.append(Mention(match.start(), match.end(), next(iter(ids)) if len(ids) == 1 else None, "name"))
    return found


def name_key(name: str) -> str:
    """A found name as the owners table files it: words single-spaced, lower case, no accents."""
    return " ".join("".join(_plain(c) for c in name.lower()).split())


def name_keys(name: str) -> tuple[str, str]:
    """The keys a listed name is found under: without its accents, and with each accented
    letter as the "?" a lossy conversion puts in its place."""
    lossy = "".join("?" if _plain(c) != c and _plain(c).isascii() else c for c in name)
    return name_key(name), name_key(lossy)


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
