"""The marks of a story's structure, shared by the header and structure stages.

* chapter headings: "Chapter 3", "CHAPTER III.", "Part Two: The Return", "Prologue";
* ornament lines that break scenes or box a header: ``* * *``, ``~ ~ ~``, ``-----``, ``oOo``, ``#``;
* sentence ends, opening quotation marks, and bare narrator headings ("Spike Before you condemn
  me...": a name directly followed by a word that can only start a sentence), which tell where a
  story starts or a paragraph breaks when line breaks were lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from fandex.numbering import NUMBER_PATTERN, parse_number

# ---------------------------------------------------------------- chapter headings

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


# ---------------------------------------------------------------- ornaments

_ORNAMENT_MAX_CHARS = 80
# A character that is neither a letter nor a digit (``_`` is a word character, not alphanumeric) and
# not a quotation mark: quotes belong to dialogue, never to a break.
_ORNAMENT_MARK = r"(?:[^\w\"“”«»]|_)"
# One pass over the stripped line. Either marks only, but not the punctuation that can stand alone as
# a silent line ("..." or "?!"); or letters used as a pattern, never as a word ("oOo", "xXx",
# "-x-x-", "OoOoO"): at least three letters or digits, all of them o, x or 0.
_ORNAMENT_RE = re.compile(
    rf"(?![.!?…,;:'’]+\Z)(?:{_ORNAMENT_MARK}++|(?:{_ORNAMENT_MARK}*+[oO0xX]){{3,}}+{_ORNAMENT_MARK}*+)"
)


def is_ornament(line: str) -> bool:
    """A scene-break line: ``* * *``, ``~ ~ ~``, ``---``, ``oOo``, ``xXx``, ``#``, ``~*~``, ``§``..."""
    stripped = line.strip()
    if not stripped or len(stripped) > _ORNAMENT_MAX_CHARS:
        return False
    return _ORNAMENT_RE.fullmatch(stripped) is not None


# ---------------------------------------------------------------- sentences and narrator headings

# A sentence end and the whitespace after it: "...", ".", "!?", "…", with closing quotes or brackets.
SENTENCE_END_RE = re.compile(r"(?:\.\.\.|[.!?…])+[\"'”’)\]*]*\s+")
# An opening quotation mark that starts a line of dialogue (a position test: use with .match).
DIALOGUE_OPEN_RE = re.compile(r"[\"“](?=[ \t]*[A-Z0-9.…'‘])")
# Capitalised words that can start a sentence but are never a bare narrator heading.
SENTENCE_STARTERS = frozenset(
    [
        "i",
        "i'm",
        "i’m",
        "i've",
        "i’ve",
        "i'd",
        "i’d",
        "i'll",
        "i’ll",
        "me",
        "my",
        "mine",
        "myself",
        "we",
        "we're",
        "we’re",
        "our",
        "us",
        "he",
        "he's",
        "he’s",
        "his",
        "him",
        "she",
        "she's",
        "she’s",
        "her",
        "hers",
        "they",
        "they're",
        "they’re",
        "their",
        "them",
        "it",
        "it's",
        "it’s",
        "its",
        "you",
        "you're",
        "you’re",
        "your",
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "there",
        "here",
        "then",
        "now",
        "so",
        "but",
        "and",
        "or",
        "yet",
        "because",
        "before",
        "after",
        "when",
        "while",
        "if",
        "as",
        "once",
        "since",
        "until",
        "though",
        "although",
        "even",
        "still",
        "just",
        "maybe",
        "perhaps",
        "sometimes",
        "nobody",
        "no",
        "not",
        "nothing",
        "everyone",
        "everybody",
        "someone",
        "somebody",
        "something",
        "every",
        "each",
        "all",
        "some",
        "one",
        "what",
        "why",
        "how",
        "where",
        "who",
        "whom",
        "which",
        "today",
        "tonight",
        "yesterday",
        "tomorrow",
        "last",
        "next",
        "in",
        "on",
        "at",
        "from",
        "for",
        "with",
        "without",
        "into",
        "out",
        "up",
        "down",
        "over",
        "under",
        "back",
        "again",
        "never",
        "always",
        "only",
        "well",
        "oh",
        "yes",
        "god",
        "please",
        "let",
        "do",
        "did",
        "does",
        "don't",
        "don’t",
        "can",
        "can't",
        "can’t",
        "could",
        "would",
        "should",
        "will",
        "won't",
        "won’t",
        "shall",
    ]
)
_POV_HEADING_RE = re.compile(r"(?P<name>[A-Z][\w'’\-]*)[ \t]+(?P<next>[A-Z][\w'’]*)\b")


def is_pov_heading_at(text: str, position: int) -> re.Match[str] | None:
    """The match of a bare narrator heading ("Spike Before you...") at ``position``, or None."""
    match = _POV_HEADING_RE.match(text, position)
    if not match:
        return None
    if match.group("name").lower() in SENTENCE_STARTERS:
        return None
    if match.group("next").lower() not in SENTENCE_STARTERS:
        return None
    return match
