"""Cue lexicons and the text helpers every detector shares: sentences, cue matching, negation.

The lexicons are general English and live in ``lexicon.yaml`` beside this module; each cue group is
compiled once per process into one alternation with a named group per cue, so a family of cues is
found in a single pass over the text.
"""

from __future__ import annotations

import bisect
import functools
import re
import re._constants as _sre
import re._parser as _regex_parser
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from fandex.errors import FandexError

LEXICON_PATH = Path(__file__).with_name("lexicon.yaml")
# libyaml's safe loader when PyYAML has it: the lexicon parses in 3 ms instead of 70 ms.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

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


class _TextIndex:
    """What the cue matching derives from one text: its folded form and where cues may begin.

    One entry only: every stage asks about the same whole text, so one is all that pays, and an
    older cache of several entries kept finished works alive. The entry is found by comparing the
    text itself (an identity check first, then a memory compare), never by a hash alone, so two
    texts can never share an answer.
    """

    __slots__ = ("cue_starts", "folded", "text")

    def __init__(self, text: str, folded_text: str) -> None:
        self.text = text
        self.folded = folded_text
        self.cue_starts: list[int] | None = None  # computed on first use


_last_text = _TextIndex("", "")


def _indexed(text: str) -> _TextIndex:
    global _last_text
    last = _last_text
    if last.text is text or last.text == text:
        return last
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
    _last_text = _TextIndex(text, lowered)
    return _last_text


def folded(text: str) -> str:
    """``text`` in lower case with every offset unchanged.

    Matching lower-case patterns against lower-cased text is several times faster than Python's
    case-insensitive matching; the few characters whose lower case is longer ("İ") stay as they are.
    """
    return _indexed(text).folded


def _whole_words(body: str) -> re.Pattern[str]:
    # Never IGNORECASE: matching regardless of case runs on the folded text instead. A cue ends
    # before neither a hyphen nor a Markdown-escaped one ("stoned\\-looking" is one word).
    return re.compile(rf"(?<![\w’'-])(?:{body})(?![\w-]|\\-)")


def _matches(pattern: re.Pattern[str], fragments: frozenset[str], text: str, start: int, end: int | None):
    """Non-overlapping whole-word matches of ``pattern`` in the folded ``text[start:end]``.

    A long story is scanned once for the places where any lexicon cue begins (``cue_starts``);
    each family then tries its own pattern only there, instead of running over the whole text
    again. Fragments from outside the lexicon fall back to a plain scan.
    """
    indexed = _indexed(text)
    target = indexed.folded
    stop = len(text) if end is None else end
    if not fragments <= _lexicon_fragments():
        yield from pattern.finditer(target, start, stop)
        return
    starts = indexed.cue_starts if indexed.cue_starts is not None else cue_starts(text)
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
_CUE_SECTIONS = ("sex", "violence", "language", "drugs", "dark_themes", "themes", "death")
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


# Where a cue may begin: not inside a word, nor straight after an apostrophe or a hyphen.
_CUE_START = r"(?<![\w’'-])"
# Cues are indexed by the first few characters they can begin with (see _CueIndex).
_PREFIX_CHARS = 3
# A cue whose opening expands into more prefixes than this is tried everywhere instead.
_MAX_PREFIXES = 200


def _prefixes(items: Any, limit: int) -> set[tuple[str, bool]]:
    """The ways a parsed regex can begin: (characters, whether they are the whole match).

    Each string is at most ``limit`` characters; a shorter one that is not whole stops where the
    regex stops being plain characters (``\\w*``, ``\\W+``): after it anything may follow. The set
    is a necessary condition, never a guess: every match starts with one of the strings.
    """
    results = {("", True)}
    for op, argument in items:
        options = _element_prefixes(op, argument, limit)
        grown: set[tuple[str, bool]] = set()
        for text, whole in results:
            if not whole:
                grown.add((text, False))
                continue
            for more, more_whole in options:
                joined = text + more
                grown.add((joined[:limit], more_whole and len(joined) < limit))
        results = grown
        if len(results) > _MAX_PREFIXES:
            return {("", False)}
        if not any(whole for _, whole in results):
            break
    return results


def _element_prefixes(op: Any, argument: Any, limit: int) -> set[tuple[str, bool]]:
    """``_prefixes`` of one element of a parsed regex; ("", False) means "could start with anything"."""
    anything = {("", False)}
    if op is _sre.LITERAL:
        return {(chr(argument), True)}
    if op is _sre.IN:
        characters: set[str] = set()
        for kind, value in argument:
            if kind is _sre.LITERAL:
                characters.add(chr(value))
            elif kind is _sre.RANGE and value[1] - value[0] < 32:
                characters.update(chr(code) for code in range(value[0], value[1] + 1))
            else:  # a category (\\w, \\s), a negated set or a wide range
                return anything
        return {(ch, True) for ch in characters}
    if op is _sre.SUBPATTERN:
        _, add_flags, del_flags, pattern = argument
        # A flag such as (?i:...) would make a literal stand for more than itself.
        return anything if add_flags or del_flags else _prefixes(pattern, limit)
    if op is _sre.ATOMIC_GROUP:
        return _prefixes(argument, limit)
    if op is _sre.BRANCH:
        return set().union(*(_prefixes(branch, limit) for branch in argument[1]))
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
        low, high, pattern = argument
        if high == 0:
            return {("", True)}
        inner = _prefixes(pattern, limit)
        if low == high == 1:
            return inner
        if low == 0 and high == 1:
            return inner | {("", True)}
        # Repeated: it starts as one repetition does; what comes after that is left open.
        starts = {(text, False) for text, _ in inner}
        return starts | {("", True)} if low == 0 else starts
    if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
        return {("", True)}  # zero-width: it adds no characters to what the match starts with
    return anything


class _CueIndex:
    """Every lexicon cue, filed under the first few characters it can begin with.

    Trying an alternation of all the cues at each word of a novel costs hundreds of failed attempts
    per word. Here each place a cue could start is looked up by the next few characters of the
    text, and only the cues filed under them are tried, as one small alternation.
    """

    def __init__(self, fragments: frozenset[str]) -> None:
        self.by_prefix: dict[str, list[str]] = {}
        first_characters: set[str] = set()
        anywhere = False
        for fragment in sorted(fragments):
            # (Global flags such as a leading (?i) cannot occur: cues are joined into alternations.)
            for text, _ in _prefixes(_regex_parser.parse(fragment), _PREFIX_CHARS):
                self.by_prefix.setdefault(text, []).append(fragment)
                if text:
                    first_characters.add(text[0])
                else:
                    anywhere = True
        if anywhere:
            self.scanner = re.compile(_CUE_START)
        else:
            characters = "".join(re.escape(ch) for ch in sorted(first_characters))
            self.scanner = re.compile(f"{_CUE_START}(?=[{characters}])" if characters else r"(?!x)x")
        # The cues to try after each few characters of text seen so far (None: no cue begins so).
        self.by_key: dict[str, re.Pattern[str] | None] = {}

    def pattern_for(self, key: str) -> re.Pattern[str] | None:
        """The cues that can begin with ``key`` (the text's next few characters), as one pattern."""
        if key in self.by_key:
            return self.by_key[key]
        candidates: set[str] = set()
        for length in range(len(key) + 1):
            candidates.update(self.by_prefix.get(key[:length], ()))
        pattern = _cue_alternation(tuple(sorted(candidates))) if candidates else None
        if len(self.by_key) > 100_000:  # texts in many scripts: keep the memory bounded
            self.by_key.clear()
        self.by_key[key] = pattern
        return pattern

    def starts(self, target: str) -> list[int]:
        """Offsets in the folded ``target`` where some cue matches as a whole word."""
        found = []
        pattern_for, by_key = self.pattern_for, self.by_key
        for start in self.scanner.finditer(target):
            position = start.start()
            key = target[position : position + _PREFIX_CHARS]
            # The dictionary first: a method call per word would cost as much as the lookup saves.
            pattern = by_key[key] if key in by_key else pattern_for(key)
            if pattern is not None and pattern.match(target, position):
                found.append(position)
        return found


@functools.lru_cache(maxsize=1024)
def _cue_alternation(fragments: tuple[str, ...]) -> re.Pattern[str]:
    # The same whole-word test as _whole_words; the scanner has already checked the left edge.
    return re.compile(rf"(?:{'|'.join(fragments)})(?![\w-]|\\-)")


@functools.cache
def _cue_index() -> _CueIndex:
    return _CueIndex(_lexicon_fragments())


def cue_starts(text: str) -> list[int]:
    """Offsets in ``text`` where some cue of the lexicon begins, each cue tried only where it can.

    Cues that begin inside another cue's match are found too. Computed once per text (the last one
    asked about is remembered) and shared by every cue family.
    """
    indexed = _indexed(text)
    if indexed.cue_starts is None:
        indexed.cue_starts = _cue_index().starts(indexed.folded)
    return indexed.cue_starts


@functools.cache
def lexicon() -> dict[str, Any]:
    try:
        data = yaml.load(LEXICON_PATH.read_text(encoding="utf-8"), Loader=_SAFE_LOADER)
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


# "like" or "as if" a few words before a cue, in the same clause: a simile ("felt like she'd been
# stabbed", "hit like a punch to the gut"), not the thing itself. "like to" is a wish, not a simile.
_SIMILE = re.compile(
    r"\b(?:like(?! to\b)|as if|as though)[^\w.!?;:—]+(?:[\w’']+[^\w.!?;:—]+){0,3}$", re.IGNORECASE
)


def likened(text: str, position: int) -> bool:
    """True when a simile's "like" or "as if" stands a few words before ``position``."""
    return _SIMILE.search(text, max(0, position - 40), position) is not None


# A word named rather than used: "a metaphor for orgasm", "the French word for sex", "slang for
# cocaine". The text explains a word; nothing happens on the page.
_WORD_NAMED = re.compile(
    r"\b(?:metaphors?|euphemisms?|words?|terms?|slang|synonyms?|code) for\W+(?:(?:an?|the)\W+)?$",
    re.IGNORECASE,
)


def word_named(text: str, position: int) -> bool:
    """True when the cue at ``position`` is a word explained ("a metaphor for ..."), not used."""
    return _WORD_NAMED.search(text, max(0, position - 40), position) is not None


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
