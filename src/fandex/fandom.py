"""Which fandom a work belongs to: forced by the user, declared by its tags, else guessed from the text.

The guess from the text counts the *distinct* things of a pack that the story names: its characters
(full names, first names and other aliases), its places and its terms, each weighted by how much it
says. A character's main cast counts more than a walk-on; a place more than a term, since "stake" or
"watcher" turn up in any vampire story while "Sunnydale" does not, and terms only corroborate names
and places. A one-word name is weak evidence when it is a common given name ("John",
fandoms/common_names.txt), when it is also an English word ("Dawn", "Spike", fandoms/name_words.txt)
and is never seen capitalised inside a sentence (at a sentence start any word has a capital), or when
the story also uses it as a plain lower-case word. Beside a main character named for sure and one more
sure sign, weak names count in full ("Dean" beside "Castiel" is Dean Winchester). A pack is reported
only when the text shows its core: a main character named for sure beside a second sure sign, or two
of its places; coinciding names alone (a butler called Giles) stay under the threshold. The score
becomes a confidence in 0..1; packs under ``THRESHOLD`` are not reported.

Names, places and terms must show the capitals the pack gives them ("HYDRA", "the Bronze"); a term
the pack writes in lower case ("stake") matches in any case.

The vocabularies of all packs are one index from a phrase's first word to its phrases, built once per
process and set of packs, and run once over the text's words whatever the number of packs: only the
few phrases that begin with a word of the text are tried there. (A regular expression of all the
phrases gave the same matches but took most of a short story's run time to compile.)
"""

from __future__ import annotations

import functools
import itertools
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from fandex.errors import FandexError
from fandex.fandoms import FandomPack, get_pack, load_packs
from fandex.options import Options
from fandex.work import FandomGuess, Work

THRESHOLD = 0.5  # a guess under this is not reported
SCORE_SCALE = 8.0  # confidence = 1 - exp(-score / SCORE_SCALE): 4 main characters -> 0.78

ROLE_WEIGHTS = {"main": 3.0, "recurring": 2.0, "minor": 1.0}
WEAK_NAME_FACTOR = 0.5  # a character found only by a common or ambiguous one-word name
WEAK_NAMES_CAP = 3.0  # weak names out of context add up to at most one main character
CORE_PLACES = 2  # distinct places that make a fandom's core without a main character
NO_CORE_CAP = 4.0  # the highest score without that core: confidence 0.39, under the threshold
CONTEXT_SIGNS = 2  # sure characters plus places that, with a sure main character, make the context
CONTEXT_TERMS = 3  # this many distinct terms count as one such sign
PLACE_WEIGHT = 2.0  # per distinct place
PLACES_CAP = 8.0  # places add up to at most this much
TERM_WEIGHT = 1.0  # per distinct term: a word says less than a name
TERMS_CAP = 4.0  # terms add up to at most this much...
TERMS_SHARE = 0.5  # ...and to at most this share of what names and places gave
# In a long work a character named once may be a passing reference; ask for one more mention per
# this many characters of text (about 20,000 words) before a character counts in full.
CHARS_PER_EXTRA_MENTION = 110_000

_CROSSOVER_SEPARATOR = re.compile(r"\s*[/,;&+]\s*|\s+[xX]\s+")
_ROMAN_NUMERAL = re.compile(r"[IVXLCDM]+")

COMMON_NAMES_FILE = Path(__file__).parent / "fandoms" / "common_names.txt"
NAME_WORDS_FILE = Path(__file__).parent / "fandoms" / "name_words.txt"


def detect_fandom(work: Work, options: Options) -> None:
    """Add the fandoms layer (name, confidence), best first."""
    extra = tuple(options.pack_dirs)
    if options.fandom:
        work.fandoms = [FandomGuess(name=_forced_pack(options.fandom, extra).name, confidence=1.0)]
        return
    packs = load_packs(extra)
    if not options.ignore_declared_tags:
        declared = declared_packs(work.metadata.declared_tags.fandoms, packs)
        if declared:
            work.fandoms = [FandomGuess(name=pack.name, confidence=1.0) for pack in declared]
            return
    work.fandoms = guess_from_text(work.text, packs)


def declared_packs(declared: Iterable[str], packs: Iterable[FandomPack]) -> list[FandomPack]:
    """The packs that declared fandom tags name, loosely ("BtVS", "Buffy: the Vampire Slayer")."""
    by_key: dict[str, FandomPack] = {}
    for pack in packs:
        for label in (pack.name, *pack.aliases):
            for key in _fandom_keys(label):
                by_key.setdefault(key, pack)
    found: list[FandomPack] = []
    for tag in declared:
        # "BtVS/Harry Potter", "Buffy, Sherlock", "BtVS & SPN", "Buffy x Naruto": a crossover
        # written as one tag.
        parts = [tag] if _lookup(tag, by_key) else _CROSSOVER_SEPARATOR.split(tag)
        for part in parts:
            pack = _lookup(part, by_key)
            if pack is not None and pack not in found:
                found.append(pack)
    return found


def _lookup(label: str, by_key: dict[str, FandomPack]) -> FandomPack | None:
    for key in sorted(_fandom_keys(label), key=len, reverse=True):
        if key in by_key:
            return by_key[key]
    return None


def guess_from_text(text: str, packs: Iterable[FandomPack]) -> list[FandomGuess]:
    """Every pack whose vocabulary the text uses enough, best first."""
    vocabulary = _vocabulary(packs)
    guesses = []
    for pack, score in zip(vocabulary.packs, vocabulary.scores(text), strict=True):
        confidence = _confidence(score)
        if confidence >= THRESHOLD:
            guesses.append(FandomGuess(name=pack.name, confidence=round(confidence, 3)))
    guesses.sort(key=lambda g: (-g.confidence, g.name))
    return guesses


def pack_confidence(text: str, pack: FandomPack) -> float:
    """How sure the text alone makes us that it belongs to ``pack`` (0..1), threshold or not."""
    return _confidence(_vocabulary([pack]).scores(text)[0])


def text_scores(text: str, packs: Iterable[FandomPack]) -> list[float]:
    """How much of each pack's vocabulary the text uses (the raw scores, threshold or not), in order."""
    return _vocabulary(packs).scores(text)


def strongest_first(text: str, packs: Iterable[FandomPack]) -> list[FandomPack]:
    """A crossover's packs, the one whose names, places and terms the text uses most first.

    Declared fandoms come in the author's order and are all sure; which canon the story mostly tells
    decides whose name wins when both canons use it. A tie keeps the given order.
    """
    packs = list(packs)
    if len(packs) < 2:
        return packs
    scores = text_scores(text, packs)
    return [packs[i] for i in sorted(range(len(packs)), key=lambda i: -scores[i])]


def _confidence(score: float) -> float:
    return 1.0 - math.exp(-score / SCORE_SCALE)


# ---------------------------------------------------------------- the forced pack


def _forced_pack(name: str, extra: tuple[str, ...]) -> FandomPack:
    pack = get_pack(name, extra)
    if pack is None:
        for candidate in load_packs(extra):
            if declared_packs([name], [candidate]):
                return candidate
        known = ", ".join(sorted(p.name for p in load_packs(extra)))
        raise FandexError(
            f"unknown fandom {name!r}; known fandoms: {known}",
            hint="spell it as a pack name or alias, or add a pack with --pack-dir or FANDEX_PACKS",
        )
    return pack


# ---------------------------------------------------------------- matching a pack's vocabulary


@dataclass(frozen=True, slots=True)
class _Signal:
    kind: str  # "character", "place" or "term"
    target: str  # the character's canonical name, or the place or term itself
    spelling: str  # as the pack writes it, for the capitals check
    weight: float
    # For characters: "full" (two words or more), "distinctive" (one word, neither of the two
    # below), "word" (an English word too: "Dawn", "Spike"), "given" (a common given name: "John").
    name_kind: str = ""


@dataclass
class _CharacterEvidence:
    weight: float
    mentions: int = 0
    full_name: bool = False  # named by a name of two or more words
    # Lower-cased one-word names that count unless the text also uses them as plain words: the
    # distinctive ones anywhere, the English-word ones only inside a sentence (any word has a
    # capital at a sentence start).
    names: set[str] = field(default_factory=set)

    def strong(self, lower_case_words: set[str]) -> bool:
        return self.full_name or bool(self.names - lower_case_words)


@dataclass
class _Tally:
    """What one text showed of one pack, and the score it earns."""

    characters: dict[str, _CharacterEvidence] = field(default_factory=dict)
    # One-word names the text also uses as ordinary lower-case words ("a spike of fear").
    lower_case_words: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)
    terms: set[str] = field(default_factory=set)

    def add(self, signal: _Signal, found: str, key: str, text: str, start: int) -> None:
        if _ROMAN_NUMERAL.fullmatch(found) and found != signal.spelling:
            return  # "CHAPTER VI" or "Part XI" is no one called Vi or Xi
        if not _capitals_agree(found, signal.spelling):
            if signal.name_kind not in ("", "full") and found.islower():
                self.lower_case_words.add(key)
            return
        if signal.kind == "term":
            self.terms.add(signal.target)
        elif signal.kind == "place":
            self.places.add(signal.target)
        else:
            evidence = self.characters.setdefault(signal.target, _CharacterEvidence(signal.weight))
            evidence.mentions += 1
            if signal.name_kind == "full":
                evidence.full_name = True
            elif signal.name_kind == "distinctive" or (
                signal.name_kind == "word" and _inside_sentence(text, start)
            ):
                evidence.names.add(key)

    def score(self, length: int) -> float:
        needed = 1 + length // CHARS_PER_EXTRA_MENTION
        strong = {name for name, e in self.characters.items() if e.strong(self.lower_case_words)}
        # The main character that makes the context is named as often as a character must be to
        # count in full: one "Rio" in a 400-page novel is a passing word, not Rio Vidal.
        strong_main = {
            n
            for n in strong
            if self.characters[n].weight >= ROLE_WEIGHTS["main"] and self.characters[n].mentions >= needed
        }
        # Beside a main character named for sure and one more sure sign (a distinctive name, a place,
        # a handful of terms), "Dean" and "Sam" are surely the Winchesters: weak names count in full.
        signs = len(strong) + len(self.places) + (1 if len(self.terms) >= CONTEXT_TERMS else 0)
        in_context = bool(strong_main) and signs >= CONTEXT_SIGNS
        score = weak = 0.0
        for name, evidence in self.characters.items():
            share = evidence.weight * min(1.0, evidence.mentions / needed)
            if name in strong or in_context:
                score += share
            else:
                weak += share * WEAK_NAME_FACTOR
        # However many Johns and Sams a story has, common names alone never make a fandom.
        score += min(weak, WEAK_NAMES_CAP)
        score += min(PLACES_CAP, PLACE_WEIGHT * len(self.places))
        # Terms only corroborate: "stake" and "patrol" alone, or beside one stray name, are not a
        # fandom, so they add at most half of what names and places already gave.
        score += min(TERMS_CAP, TERM_WEIGHT * len(self.terms), score * TERMS_SHARE)
        # A story of the fandom names one of its main characters for sure beside a second sure sign,
        # or is set in its places (an original-character story at Hogwarts). Without either, names
        # that merely coincide ("Joyce", "Warren" and "Jenny" in a 1930s novel, Mr. Giles the butler
        # in Oliver Twist) must not add up to a fandom.
        if not in_context and len(self.places) < CORE_PLACES:
            score = min(score, NO_CORE_CAP)
        return score


@dataclass
class _Vocabulary:
    """The names, places and terms of several packs as one lookup: one pass over a text."""

    packs: tuple[FandomPack, ...]
    # Phrases folded (see ``_fold``) and indexed by their words, each list longest first: by the first
    # two words ("buffy", "summers"), and by the first word those with no second one ("buffy", "co.").
    by_two_words: dict[tuple[str, str], list[str]]
    by_first_word: dict[str, list[str]]
    first_words: frozenset[str]  # of all phrases
    first_words_of_longer: frozenset[str]  # of the phrases of two words or more
    # The few phrases that begin with a mark ("'verse"), by that mark, and the scan for the starts of
    # words and those marks.
    by_first_mark: dict[str, list[str]]
    starts: re.Pattern[str]
    # lower-cased phrase -> (index of its pack in ``packs``, signal)
    signals: dict[str, list[tuple[int, _Signal]]]

    def scores(self, text: str) -> list[float]:
        tallies = [_Tally() for _ in self.packs]
        for start, end in self.matches(text):
            found = _normalise(text[start:end])
            key = found.lower()
            for pack_index, signal in self.signals.get(key, ()):
                tallies[pack_index].add(signal, found, key, text, start)
        return [tally.score(len(text)) for tally in tallies]

    def matches(self, text: str) -> Iterator[tuple[int, int]]:
        """Spans of the phrases in ``text``, left to right, not overlapping, longest at each start.

        A phrase matches between word boundaries, in any case, with any run of whitespace (line
        breaks too) for its spaces and with curly apostrophes and the hyphen variants for its plain ones.
        """
        folded = _fold(text)  # the same words at the same offsets as ``text``
        resume = 0
        for token in self.starts.finditer(folded):
            first = token[0]
            candidates: Iterable[str]
            if first in self.first_words:
                start, end = token.span()
                if start < resume:
                    continue  # inside the phrase matched before
                longer: list[str] = []
                if first in self.first_words_of_longer:
                    # A phrase of two words or more begins here only if its second word is the next
                    # one: the punctuation and spaces between them are the phrase's own.
                    following = _WORD.search(folded, end)
                    if following:
                        longer = self.by_two_words.get((first, following[0]), [])
                # A longer phrase contains a second word, so it goes before any without one.
                candidates = itertools.chain(longer, self.by_first_word.get(first, ()))
            elif first in self.by_first_mark:
                start = token.start()
                if start < resume or (start > 0 and _is_word_char(text[start - 1])):
                    continue
                candidates, end = self.by_first_mark[first], start
            else:
                continue
            for phrase in candidates:
                phrase_end = _match_at(phrase, text, folded, start, end)
                if phrase_end >= 0:
                    yield start, phrase_end
                    resume = phrase_end
                    break


_WORD = re.compile(r"\w+")
# Characters that regular expressions match case-insensitively beside their lower-case forms (the
# Greek and Cyrillic variant letters, the long s, the dotless i): each group folds to its first. Left
# out: the combining iota subscript, which would turn a mark into a letter and move word boundaries.
_CASE_VARIANTS = (
    "i\u0131 s\u017f \u03bc\u00b5 \u03b9\u1fbe \u03b2\u03d0 \u03b5\u03f5 \u03b8\u03d1 "
    "\u03ba\u03f0 \u03c0\u03d6 \u03c1\u03f1 \u03c3\u03c2 \u03c6\u03d5 \u0432\u1c80 \u0434\u1c81 "
    "\u043e\u1c82 \u0441\u1c83 \u0442\u1c84\u1c85 \u044a\u1c86 \u0463\u1c87 \ua64b\u1c88 "
    "\u1e61\u1e9b \ufb06\ufb05 \u0390\u1fd3 \u03b0\u1fe3"
)
_FOLDS = {"\u2019": "'", "\u2010": "-", "\u2011": "-"}
_FOLDS.update({variant: group[0] for group in _CASE_VARIANTS.split() for variant in group[1:]})
_FOLD_TABLE = str.maketrans(_FOLDS)
_NEEDS_TABLE = re.compile("[" + "".join(_FOLDS) + "]")


def _fold(text: str) -> str:
    """``text`` in lower case, with curly apostrophes and hyphen variants plain, at the same offsets.

    Two characters fold alike when a case-insensitive regular expression takes one for the other, and
    a letter or digit stays one, so the words of the folded text are those of ``text``.
    """
    # The capital dotted I is the one letter whose lower case is two characters; a case-insensitive
    # regex takes it for a plain i.
    folded = text.replace("\u0130", "i").lower()
    if _NEEDS_TABLE.search(folded):
        folded = folded.translate(_FOLD_TABLE)
    return folded


def _match_at(phrase: str, text: str, folded: str, start: int, first_end: int) -> int:
    """Where ``phrase`` (folded, its first word already seen at ``start``) ends in ``text``, or -1."""
    position = first_end
    for char in phrase[first_end - start :]:
        if char == " ":
            if position >= len(text) or not text[position].isspace():
                return -1
            position += 1
            while position < len(text) and text[position].isspace():
                position += 1
        elif position < len(folded) and folded[position] == char:
            position += 1
        else:
            return -1
    if position < len(text) and _is_word_char(text[position]):
        return -1
    return position


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


@functools.cache
def _word_list(path: Path) -> frozenset[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


def _name_kind(phrase: str) -> str:
    if phrase.lower().startswith("the "):
        return "word"  # "The Master", "The First Evil": a title, as likely a chapter heading's words
    if " " in phrase.strip():
        return "full"
    key = phrase.strip().lower()
    if key in _word_list(COMMON_NAMES_FILE):
        return "given"
    if key in _word_list(NAME_WORDS_FILE):
        return "word"
    return "distinctive"


# Built vocabularies by the identity of their packs; the packs are kept in the value, so an id is
# never reused while its entry lives. Packs come from load_packs, which caches them per process.
_VOCABULARIES: dict[tuple[int, ...], _Vocabulary] = {}


def _vocabulary(packs: Iterable[FandomPack]) -> _Vocabulary:
    packs = tuple(packs)
    key = tuple(id(pack) for pack in packs)
    cached = _VOCABULARIES.get(key)
    if cached is not None and all(a is b for a, b in zip(cached.packs, packs, strict=True)):
        return cached
    vocabulary = _build_vocabulary(packs)
    _VOCABULARIES[key] = vocabulary
    return vocabulary


def _pack_signals(pack: FandomPack) -> Iterator[tuple[str, _Signal]]:
    for character in pack.characters:
        weight = ROLE_WEIGHTS.get(character.role, 1.0)
        for phrase in (character.name, *character.aliases):
            spelling = _normalise(phrase)
            yield spelling, _Signal("character", character.name, spelling, weight, _name_kind(spelling))
    for place in pack.places:
        yield place, _Signal("place", place, _normalise(place), PLACE_WEIGHT)
    for term in pack.terms:
        yield term, _Signal("term", term.lower(), _normalise(term), TERM_WEIGHT)


def _build_vocabulary(packs: tuple[FandomPack, ...]) -> _Vocabulary:
    signals: dict[str, list[tuple[int, _Signal]]] = defaultdict(list)
    for pack_index, pack in enumerate(packs):
        for phrase, signal in _pack_signals(pack):
            key = _normalise(phrase).lower()
            if len(key) >= 2 and (pack_index, signal) not in signals[key]:
                signals[key].append((pack_index, signal))
    # The longest phrase at a start wins, as "Buffy Summers" beats "Buffy".
    by_two_words: dict[tuple[str, str], list[str]] = defaultdict(list)
    by_first_word: dict[str, list[str]] = defaultdict(list)
    by_first_mark: dict[str, list[str]] = defaultdict(list)
    for phrase in sorted({_fold(key) for key in signals}, key=lambda phrase: (-len(phrase), phrase)):
        words = _WORD.findall(phrase)
        if not _WORD.match(phrase):
            by_first_mark[phrase[0]].append(phrase)
        elif len(words) >= 2:
            by_two_words[words[0], words[1]].append(phrase)
        else:
            by_first_word[words[0]].append(phrase)
    first_words_of_longer = frozenset(first for first, _ in by_two_words)
    return _Vocabulary(
        packs=packs,
        by_two_words=dict(by_two_words),
        by_first_word=dict(by_first_word),
        first_words=first_words_of_longer | frozenset(by_first_word),
        first_words_of_longer=first_words_of_longer,
        by_first_mark=dict(by_first_mark),
        starts=re.compile(r"\w+|[" + "".join(map(re.escape, by_first_mark)) + "]")
        if by_first_mark
        else _WORD,
        signals=dict(signals),
    )


def _normalise(phrase: str) -> str:
    """Whitespace runs to one space, curly apostrophes and hyphens to plain ones."""
    phrase = phrase.replace("\u2019", "'").replace("\u2010", "-").replace("\u2011", "-")
    return " ".join(phrase.split())


def _capitals_agree(found: str, spelling: str) -> bool:
    """Every capital of the pack's spelling is a capital in the text (bar a leading "the")."""
    if len(found) != len(spelling):
        return False
    # Capitals the pack does not write are allowed: "The Bronze" at a sentence start, "SPIKE".
    return all(seen.isupper() or not wanted.isupper() for seen, wanted in zip(found, spelling, strict=True))


def _inside_sentence(text: str, start: int) -> bool:
    """True when the word at ``start`` follows a word or a comma: its capital is not a sentence's."""
    index = start - 1
    while index >= 0 and text[index] in " \t":
        index -= 1
    if index < 0:
        return False
    before = text[index]
    return before.isalnum() or before == ","


def _fandom_keys(label: str) -> set[str]:
    """Loose forms of a fandom label: whole, without "(TV)" and without " - Author"."""
    folded = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode("ascii").lower()
    variants = {folded, re.sub(r"\([^)]*\)", " ", folded), folded.split(" - ")[0]}
    variants.add(re.sub(r"\([^)]*\)", " ", folded.split(" - ")[0]))
    keys = set()
    for variant in variants:
        variant = variant.replace("&", " and ")
        key = " ".join(re.sub(r"[^a-z0-9]+", " ", variant).split())
        if key:
            keys.add(key)
    return keys
