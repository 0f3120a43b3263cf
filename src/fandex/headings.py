"""Chapter headings as stories write them: "Chapter 3", "CHAPTER III.", "Part Two: The Return", "Prologue".

Shared by the header stage (a chapter heading ends the header) and the structure stage (it starts
a chapter).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from fandex.numbering import NUMBER_PATTERN, parse_number

_HEADING_WORD = (
    r"(?P<word>chapter|chap\.?|ch\.|part|book|volume|prologue|epilogue|interlude|afterword|foreword)"
)
_CHAPTER_HEADING_RE = re.compile(
    rf"^[\[(~*#=\-–—_:<\s]*{_HEADING_WORD}"
    rf"(?:\s*(?P<num>{NUMBER_PATTERN})\b\.?)?"
    r"(?:(?:\s*[:.\-–—)]\s*|\s+)(?P<title>[\"“'‘A-Z0-9].*?))?"
    r"[\])~*#=\-–—_:>\s]*$",
    re.IGNORECASE,
)
_HEADING_MAX_CHARS = 80
_NUMBERED_WORDS = {"chapter", "chap", "chap.", "ch.", "part", "book", "volume"}


@dataclass(slots=True)
class Heading:
    number: int | None
    title: str | None


def parse_heading(line: str) -> Heading | None:
    """The chapter a heading line announces ("Chapter 3: The Return" -> 3, "The Return"), or None."""
    stripped = line.strip()
    if not stripped or len(stripped) > _HEADING_MAX_CHARS:
        return None
    match = _CHAPTER_HEADING_RE.match(stripped)
    if not match:
        return None
    word = match.group("word").lower()
    number = parse_number(match.group("num"))
    title = (match.group("title") or "").strip() or None
    if word in _NUMBERED_WORDS:
        if number is None:
            return None  # "Part of me wanted to scream."
        if title and (re.search(r"[.!?,;]$", title) or len(title) > 60):
            return None  # "Part I knew it was over."
        return Heading(number, title)
    if title and re.search(r"[.!?,;]$", title):
        return None  # "Prologue to a disaster, she thought."
    label = word.capitalize()
    return Heading(number, f"{label}: {title}" if title else label)
