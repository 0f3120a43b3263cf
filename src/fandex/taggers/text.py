"""Cue lexicons and the text helpers every detector shares: sentences, cue matching, negation.

The lexicons are general English and live in ``lexicon.yaml`` beside this module; each cue group is
compiled once per process into one alternation with a named group per cue, so a family of cues is
found in a single pass over the text.
"""

from __future__ import annotations

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


class CueSet:
    """Named groups of regex fragments, matched as whole words in one pass."""

    def __init__(self, groups: dict[str, tuple[float, list[str]]], *, case_sensitive: bool = False) -> None:
        self.names: list[str] = list(groups)
        self.weights: dict[str, float] = {name: weight for name, (weight, _) in groups.items()}
        alternatives = []
        for index, (_, patterns) in enumerate(groups.values()):
            if patterns:
                alternatives.append(f"(?P<g{index}>{'|'.join(patterns)})")
        flags = 0 if case_sensitive else re.IGNORECASE
        body = "|".join(alternatives) or r"(?!x)x"
        self.pattern = re.compile(rf"(?<![\w’'-])(?:{body})(?![\w-])", flags)

    def find(self, text: str, start: int = 0, end: int | None = None) -> Iterator[CueHit]:
        for match in self.pattern.finditer(text, start, len(text) if end is None else end):
            name = self.names[int(match.lastgroup[1:])]  # type: ignore[index]
            yield CueHit(name, self.weights[name], match.start(), match.end())


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
def pattern_list(*keys: str, case_sensitive: bool = False) -> re.Pattern[str] | None:
    """One whole-word regex for a plain list of fragments in the lexicon, or None when absent."""
    section: Any = lexicon()
    for key in keys:
        if not isinstance(section, dict) or key not in section:
            return None
        section = section[key]
    if not section:
        return None
    flags = 0 if case_sensitive else re.IGNORECASE
    return re.compile(rf"(?<![\w’'-])(?:{'|'.join(section)})(?![\w-])", flags)


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
