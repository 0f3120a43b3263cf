"""Cue lexicons and the text helpers every detector shares: sentences, cue matching, negation.

The lexicons are general English and live in ``lexicon.yaml`` beside this module; each cue group is
compiled once per process into one alternation with a named group per cue, so a family of cues is
found in a single pass over the text.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from fandex.errors import FandexError

LEXICON_PATH = Path(__file__).with_name("lexicon.yaml")

# A sentence: text up to and including its end punctuation and any closing quotes or brackets.
_SENTENCE = re.compile(r"[^.!?…\n]+(?:[.!?…]+[\"'”’)\]]*|\n|$)")
# A full stop that ends an honorific or an initial, not a sentence.
_ABBREVIATION = re.compile(r"(?<![\w])(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|[A-Z])\.$")
_WORD = re.compile(r"[A-Za-z’']+")


@dataclass(frozen=True, slots=True)
class CueHit:
    """One occurrence of a cue: which group matched, its weight and where."""

    group: str
    weight: float
    start: int
    end: int


@functools.lru_cache(maxsize=4)
def folded(text: str) -> str:
    """``text`` in lower case with every offset unchanged.

    Matching lower-case patterns against lower-cased text is several times faster than Python's
    case-insensitive matching; the few characters whose lower case is longer ("İ") stay as they are.
    """
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)


def _whole_words(body: str) -> re.Pattern[str]:
    # Never IGNORECASE: matching regardless of case runs on the folded text instead.
    return re.compile(rf"(?<![\w’'-])(?:{body})(?![\w-])")


def _matches(pattern: re.Pattern[str], fragments: frozenset[str], text: str, start: int, end: int | None):
    """Non-overlapping whole-word matches of ``pattern`` in the folded ``text[start:end]``.

    A long story is scanned once for the places where any lexicon cue begins (``cue_starts``);
    each family then tries its own pattern only there, instead of running over the whole text
    again. Fragments from outside the lexicon fall back to a plain scan.
    """
    target = folded(text)
    stop = len(text) if end is None else end
    if not fragments <= _lexicon_fragments():
        yield from pattern.finditer(target, start, stop)
        return
    starts = cue_starts(text)
    index = bisect.bisect_left(starts, start)
    resume = start
    while index < len(starts) and starts[index] < stop:
        position = starts[index]
        index += 1
        if position < resume:
            continue
        match = pattern.match(target, position, stop)
        if match:
            resume = match.end()
            yield match


class Phrases:
    """Regex fragments matched as whole words; case-insensitive ones run on the folded text."""

    def __init__(self, patterns: list[str], *, case_sensitive: bool = False) -> None:
        self.case_sensitive = case_sensitive
        self.fragments = frozenset(patterns)
        self.pattern = _whole_words("|".join(patterns) or r"(?!x)x")

    def spans(self, text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
        if self.case_sensitive:
            matches = self.pattern.finditer(text, start, len(text) if end is None else end)
        else:
            matches = _matches(self.pattern, self.fragments, text, start, end)
        for match in matches:
            yield match.start(), match.end()


class CueSet:
    """Named groups of lower-case regex fragments, matched as whole words."""

    def __init__(self, groups: dict[str, tuple[float, list[str]]]) -> None:
        self.names: list[str] = list(groups)
        self.weights: dict[str, float] = {name: weight for name, (weight, _) in groups.items()}
        self.fragments = frozenset(p for _, patterns in groups.values() for p in patterns)
        alternatives = []
        for index, (_, patterns) in enumerate(groups.values()):
            if patterns:
                alternatives.append(f"(?P<g{index}>{'|'.join(patterns)})")
        self.pattern = _whole_words("|".join(alternatives) or r"(?!x)x")

    def find(self, text: str, start: int = 0, end: int | None = None) -> Iterator[CueHit]:
        for match in _matches(self.pattern, self.fragments, text, start, end):
            name = self.names[int(match.lastgroup[1:])]  # type: ignore[index]
            yield CueHit(name, self.weights[name], match.start(), match.end())


# Lexicon sections of cue groups ({name: {weight, patterns}}) and of trope phrase lists.
_CUE_SECTIONS = ("sex", "violence", "language", "drugs", "dark_themes", "death")
_TROPE_LISTS = ("patterns", "hurt", "comfort")


@functools.cache
def _lexicon_fragments() -> frozenset[str]:
    data = lexicon()
    fragments: set[str] = set()
    for groups in [*data["relationship"].values(), *(data[key] for key in _CUE_SECTIONS)]:
        for group in groups.values():
            fragments.update(group["patterns"])
    for trope in data["tropes"].values():
        for key in _TROPE_LISTS:
            fragments.update(trope.get(key) or [])
    return frozenset(fragments)


@functools.cache
def _cue_start_pattern() -> re.Pattern[str]:
    # A zero-width match wherever some cue matches, so cues that begin inside another are found too.
    return re.compile(rf"(?<![\w’'-])(?=(?:{'|'.join(sorted(_lexicon_fragments()))})(?![\w-]))")


@functools.lru_cache(maxsize=4)
def cue_starts(text: str) -> list[int]:
    """Offsets in ``text`` where some cue of the lexicon begins (one scan per text)."""
    return [match.start() for match in _cue_start_pattern().finditer(folded(text))]


@functools.cache
def lexicon() -> dict[str, Any]:
    try:
        data = yaml.safe_load(LEXICON_PATH.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise FandexError(f"cannot read the tag lexicon: {error}", path=LEXICON_PATH) from None
    return data


@functools.cache
def cue_set(*keys: str) -> CueSet:
    """The CueSet of a lexicon section made of ``{name: {weight, patterns}}`` groups."""
    section: Any = lexicon()
    for key in keys:
        section = section[key]
    return CueSet({name: (float(g.get("weight", 1.0)), list(g["patterns"])) for name, g in section.items()})


@functools.cache
def phrases(*keys: str, case_sensitive: bool = False) -> Phrases | None:
    """The Phrases of a plain list of fragments in the lexicon, or None when absent."""
    section: Any = lexicon()
    for key in keys:
        if not isinstance(section, dict) or key not in section:
            return None
        section = section[key]
    if not section:
        return None
    return Phrases(list(section), case_sensitive=case_sensitive)


@functools.cache
def _negation() -> re.Pattern[str]:
    words = [re.escape(w) for w in lexicon()["negators"] if w != "n't"]
    # The negation word and at most two words between it and the cue: "not really in love".
    return re.compile(rf"(?:\b(?:{'|'.join(words)})\b|n[’']t\b)\W+(?:[\w’']+\W+){{0,2}}$", re.IGNORECASE)


def negated(text: str, position: int) -> bool:
    """True when a negation word stands a few words before ``position`` in the same clause."""
    return _negation().search(text, max(0, position - 40), position) is not None


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]``, trimmed of surrounding blanks; "Mrs. Hudson" is one."""
    spans: list[tuple[int, int]] = []
    joined_to_next = False
    for match in _SENTENCE.finditer(text, start, end):
        a, b = match.start(), match.end()
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b <= a:
            continue
        if joined_to_next and spans:
            spans[-1] = (spans[-1][0], b)
        else:
            spans.append((a, b))
        joined_to_next = _ABBREVIATION.search(text, max(a, b - 6), b) is not None
    return spans


def word_count(text: str, start: int = 0, end: int | None = None) -> int:
    return sum(1 for _ in _WORD.finditer(text, start, len(text) if end is None else end))
