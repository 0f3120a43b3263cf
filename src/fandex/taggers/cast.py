"""Who is referred to where: the character references the tag detectors tie their cues to.

The references come from the mentions layer (names, epithets, pronouns, the narrator). For he/she
words that layer left unresolved, a light fallback picks the last named (or speaking) character of
that gender; first-person words in first-person sections go to the section's POV character; inside a
quote, "I" is its speaker and "you" its addressee. Lookups by offset use bisection, so tying a cue to
the people around it costs a logarithm, never a scan of all mentions.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from fandex import person_words
from fandex.fandom import strongest_first
from fandex.fandoms import FandomPack, get_pack, packs_for_work
from fandex.options import Options
from fandex.taggers.text import folded
from fandex.work import Character, Evidence, Mention, Quote, Work

_THIRD_PERSON = re.compile(r"\b(?:(he|him|his|himself)|(she|her|hers|herself))\b", re.IGNORECASE)
# The same on folded (lower-cased) text: several times faster than IGNORECASE over a novel.
_THIRD_PERSON_LOWER = re.compile(r"(?<![\w’'])(?:(he|him|his|himself)|(she|her|hers|herself))(?![\w’])")
_PRONOUN_GENDERS = {
    **dict.fromkeys(("he", "him", "his", "himself"), "M"),
    **dict.fromkeys(("she", "her", "hers", "herself"), "F"),
}
_FIRST_PERSON = re.compile(r"\b(?:I|me|my|myself|mine)\b")
_SECOND_PERSON = re.compile(r"\b(?:you|your|yours|yourself)\b", re.IGNORECASE)
# Gender from pronouns: how far after a name to look, and the share of votes needed.
_PRONOUN_WINDOW = 80
_GENDER_MAJORITY = 0.75
# How far apart two quotes may be for one to answer the other (an addressee guess).
_EXCHANGE_GAP = 600
# The word after a name in the narration, past an adverb of the moment: "Giles frowned", "Giles
# quickly closed the book". "always" and "never" are left out: "Giles always said" is a habit, told
# about him rather than shown.
_WORD_AFTER_NAME = re.compile(
    r" (?:(?:just|then|quickly|slowly|finally|also|only|still|suddenly|simply|already) )?([a-z]+)\b"
)
# Verbs of being and the pluperfect's "had" tell a state or a memory ("Giles was away", "Giles had
# warned her"), not someone acting on the page.
_STATE_VERBS = frozenset({"was", "were", "is", "are", "has", "had"})
# The reasons of the appearances' evidence.
SPEAKS_A_LINE = "speaks a line"
ACTS_IN_NARRATION = "acts in the narration"
# A name after these is a comparison or a quotation of someone absent ("like Giles said").
_COMPARING = re.compile(r"\b(?:like|as)\s+$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Reference:
    start: int
    end: int
    character: str


class CastIndex:
    """Character references of a work, sorted by offset, and the quotes around an offset."""

    def __init__(self, work: Work, options: Options) -> None:
        self.work = work
        self.by_id: dict[str, Character] = {c.id: c for c in work.characters}
        self.packs = packs_for(work, options)
        self.genders = self._genders()
        self.quotes: list[Quote] = sorted(work.quotes, key=lambda q: q.start)
        self._quote_starts = [q.start for q in self.quotes]
        references = [
            Reference(m.start, m.end, m.character)
            for m in work.mentions
            if m.character in self.by_id and self._gender_agrees(m)
        ]
        # he/she words the mentions layer left unresolved (or all of them, when it has no pronouns).
        resolved_at = {r.start for r in references}
        references += [r for r in self._fallback_pronouns(references) if r.start not in resolved_at]
        if not any(m.kind == "narrator" for m in work.mentions):
            references += self._first_person_narration()
        references.sort(key=lambda r: (r.start, r.end))
        self._addressees = self._guess_addressees(references)
        references += self._speech_participants()
        references += self._thinkers()
        references.sort(key=lambda r: (r.start, r.end))
        self.references = references
        self._starts = [r.start for r in references]

    def _gender_agrees(self, mention: Mention) -> bool:
        """A "he" never refers to a woman nor a "she" to a man (a guard against a resolver's slip)."""
        if mention.kind != "pronoun":
            return True
        said = _pronoun_gender(self.work.text[mention.start : mention.end])
        gender = self.genders.get(mention.character or "", "U")
        return said is None or gender not in ("M", "F") or said == gender

    # -- queries ---------------------------------------------------------------------------

    def between(self, start: int, end: int) -> list[Reference]:
        low = bisect.bisect_left(self._starts, start)
        high = bisect.bisect_left(self._starts, end)
        return self.references[low:high]

    def quote_at(self, position: int) -> Quote | None:
        index = bisect.bisect_right(self._quote_starts, position) - 1
        if index >= 0 and self.quotes[index].start <= position < self.quotes[index].end:
            return self.quotes[index]
        return None

    def quotes_between(self, start: int, end: int) -> list[Quote]:
        """Quotes overlapping ``start``..``end``."""
        low = max(0, bisect.bisect_right(self._quote_starts, start) - 1)
        high = bisect.bisect_left(self._quote_starts, end)
        return [q for q in self.quotes[low:high] if q.end > start and q.start < end]

    def participants(self, quote: Quote) -> list[Reference]:
        """The speaker (at the quote's start) and addressee (at its end) of a quote, when known."""
        index = bisect.bisect_left(self._quote_starts, quote.start)
        found = []
        if quote.speaker in self.by_id:
            found.append(Reference(quote.start, quote.start, quote.speaker))
            addressee = self._addressees[index]
            if addressee is not None:
                found.append(Reference(quote.end, quote.end, addressee))
        return found

    def appearances(self) -> dict[str, list[Evidence]]:
        """Where each character is on the page rather than only talked about: each line the
        dialogue layer gives them, and each name in the narration followed by a verb of the
        moment ("Giles frowned", "Willow asks"). Not a name inside someone's speech or thoughts,
        a state or a memory ("Giles was away", "Giles had said"), nor a comparison ("like Giles
        said")."""
        text = self.work.text
        found: dict[str, list[Evidence]] = {}
        for quote in self.quotes:
            if quote.speaker in self.by_id:
                found.setdefault(quote.speaker, []).append(Evidence(quote.start, quote.end, SPEAKS_A_LINE))
        thoughts = sorted((t.start, t.end) for t in self.work.thoughts)
        thought_starts = [start for start, _ in thoughts]
        for mention in self.work.mentions:
            if mention.kind != "name" or mention.character not in self.by_id:
                continue
            after = _WORD_AFTER_NAME.match(text, mention.end)
            if after is None or not _verb_of_the_moment(after.group(1)):
                continue
            if self.quote_at(mention.start) is not None:
                continue
            index = bisect.bisect_right(thought_starts, mention.start) - 1
            if index >= 0 and mention.start < thoughts[index][1]:
                continue
            if _COMPARING.search(text, max(0, mention.start - 8), mention.start):
                continue
            found.setdefault(mention.character, []).append(
                Evidence(mention.start, after.end(), ACTS_IN_NARRATION)
            )
        for evidence in found.values():
            evidence.sort(key=lambda e: e.start)
        return found

    def name(self, character_id: str) -> str:
        """The name to tag a character by (its id when it is no character of the work)."""
        character = self.by_id.get(character_id)
        return character_id if character is None else character.name

    # -- building --------------------------------------------------------------------------

    def _genders(self) -> dict[str, str]:
        """Each character's gender: as the characters layer says, else the pack's, else a clear
        majority of the pronouns resolved to them (or, without a pronoun layer, of the first
        he/she word after each of their names)."""
        from_packs = {known.name: known.gender for pack in reversed(self.packs) for known in pack.characters}
        text = self.work.text
        votes: dict[str, dict[str, int]] = {}
        with_pronouns = any(m.kind == "pronoun" and m.character for m in self.work.mentions)
        for mention in self.work.mentions:
            if mention.character is None:
                continue
            if with_pronouns and mention.kind == "pronoun":
                gender = _pronoun_gender(text[mention.start : mention.end])
            elif not with_pronouns and mention.kind == "name":
                window = text[mention.end : mention.end + _PRONOUN_WINDOW].split(".")[0]
                match = _THIRD_PERSON.search(window)
                gender = _pronoun_gender(match.group()) if match else None
            else:
                continue
            if gender:
                tally = votes.setdefault(mention.character, {"M": 0, "F": 0})
                tally[gender] += 1
        genders = {}
        for character in self.work.characters:
            gender = character.gender if character.gender != "U" else from_packs.get(character.name, "U")
            if gender == "U":
                tally = votes.get(character.id, {})
                total = sum(tally.values())
                gender = next((g for g, n in tally.items() if n >= 2 and n >= _GENDER_MAJORITY * total), "U")
            genders[character.id] = gender
        return genders

    def _fallback_pronouns(self, names: list[Reference]) -> list[Reference]:
        """he/she words resolved to the last named (or speaking) character of that gender before them."""
        text, body_start = self.work.text, self.work.metadata.body_start
        events: list[tuple[int, int, str | None, str]] = []  # (start, end, character or None, gender)
        for ref in names:
            events.append((ref.start, ref.end, ref.character, self.genders.get(ref.character, "U")))
        for match in _THIRD_PERSON_LOWER.finditer(folded(text), body_start):
            events.append((match.start(), match.end(), None, "M" if match.group(1) else "F"))
        # A quote's speaker is as salient as a name just said ("Not sex." She finished: she = speaker).
        for quote in self.quotes:
            if quote.speaker in self.by_id:
                events.append((quote.end, quote.end, quote.speaker, self.genders.get(quote.speaker, "U")))
        events.sort(key=lambda e: e[0])
        last_named: dict[str, str] = {}
        resolved = []
        for start, end, character, gender in events:
            if character is not None:
                if gender in ("M", "F"):
                    last_named[gender] = character
            elif gender in last_named:
                resolved.append(Reference(start, end, last_named[gender]))
        return resolved

    def _first_person_narration(self) -> list[Reference]:
        text = self.work.text
        found = []
        for section in self.work.sections:
            if section.person != "first" or section.pov not in self.by_id:
                continue
            for match in _FIRST_PERSON.finditer(text, section.start, section.end):
                if self.quote_at(match.start()) is None:
                    found.append(Reference(match.start(), match.end(), section.pov))
        return found

    def _thinkers(self) -> list[Reference]:
        """A thought belongs to its thinker: at its start, and in its "I" and "me"."""
        text = self.work.text
        found = []
        for thought in self.work.thoughts:
            if thought.thinker not in self.by_id:
                continue
            found.append(Reference(thought.start, thought.start, thought.thinker))
            for match in _FIRST_PERSON.finditer(text, thought.start, thought.end):
                found.append(Reference(match.start(), match.end(), thought.thinker))
        return found

    def _speech_participants(self) -> list[Reference]:
        """Inside a quote, "I" is its speaker and "you" its addressee (guessed from the exchange)."""
        text = self.work.text
        found = []
        for index, quote in enumerate(self.quotes):
            if quote.speaker not in self.by_id:
                continue
            for match in _FIRST_PERSON.finditer(text, quote.start, quote.end):
                found.append(Reference(match.start(), match.end(), quote.speaker))
            addressee = self._addressees[index]
            if addressee is None:
                continue
            for match in _SECOND_PERSON.finditer(text, quote.start, quote.end):
                found.append(Reference(match.start(), match.end(), addressee))
        return found

    def _guess_addressees(self, references: list[Reference]) -> list[str | None]:
        """Each quote's addressee: the dialogue layer's, else the other speaker of the exchange,
        else the last other person referred to shortly before the quote."""
        starts = [r.start for r in references]
        guesses: list[str | None] = []
        for index, quote in enumerate(self.quotes):
            if quote.addressee in self.by_id:
                guesses.append(quote.addressee)
                continue
            guess = None
            for other_index in (index - 1, index + 1):
                if 0 <= other_index < len(self.quotes):
                    other = self.quotes[other_index]
                    gap = quote.start - other.end if other_index < index else other.start - quote.end
                    if (
                        gap <= _EXCHANGE_GAP
                        and other.speaker in self.by_id
                        and other.speaker != quote.speaker
                    ):
                        guess = other.speaker
                        break
            if guess is None and quote.speaker in self.by_id:
                low = bisect.bisect_left(starts, quote.start - _EXCHANGE_GAP)
                high = bisect.bisect_left(starts, quote.start)
                guess = next(
                    (r.character for r in reversed(references[low:high]) if r.character != quote.speaker),
                    None,
                )
            guesses.append(guess)
        return guesses


def packs_for(work: Work, options: Options) -> list[FandomPack]:
    """The packs of the work's fandoms, no duplicates: the forced one, then the fandoms layer's in the
    order the characters stage reads them (a crossover's strongest canon first), then declared
    fandoms the layer lacks."""
    candidates: list[FandomPack | None] = []
    if options.fandom:
        candidates.append(get_pack(options.fandom, options.pack_dirs))
    candidates += strongest_first(work.text, packs_for_work(work, options.pack_dirs))
    if not options.ignore_declared_tags:
        candidates += [get_pack(name, options.pack_dirs) for name in work.metadata.declared_tags.fandoms]
    packs: list[FandomPack] = []
    for pack in candidates:
        if pack is not None and pack not in packs:
            packs.append(pack)
    return packs


def _verb_of_the_moment(word: str) -> bool:
    """A verb a name can be the subject of as the one acting: a past tense ("frowned", "took"), a
    speech verb ("asks") or a present tense in "-s" ("watches"), not a state ("was", "had")."""
    if word in _STATE_VERBS:
        return False
    if word in person_words.PAST_TENSE or word in person_words.SPEECH_VERBS:
        return True
    if len(word) > 4 and word.endswith("ed"):
        return True
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ys"))


def _pronoun_gender(word: str) -> str | None:
    return _PRONOUN_GENDERS.get(word.lower())
