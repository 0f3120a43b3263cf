"""Epithets and pronouns, resolved in one pass in text order with a small salience model.

The model keeps the last few mentions of characters. A third-person pronoun goes to the most recent
character of its gender, subjects first (the first mention of a sentence); an epithet ("the red
head", "her best friend") goes to the most recent compatible character not named in the same
sentence, or to the one it named last time. First-person pronouns in the narration are the
narrator's. Everything is linear in the length of the text.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, deque
from collections.abc import Iterable
from dataclasses import dataclass

from fandex import person_words
from fandex.person_words import word_set
from fandex.taggers.text import cue_set
from fandex.work import Character, Mention

_PRONOUN = re.compile(
    r"\b(?:[Hh]e|[Ss]he|[Hh]im|[Hh]er|[Hh]is|[Hh]ers|[Hh]imself|[Hh]erself|[Tt]hey|[Tt]hem|[Tt]heir|"
    r"[Tt]heirs|[Tt]hemselves|I|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself)\b"
)
# An indefinite introduction ("a vampire", "another girl"): "the vampire" soon after is that
# nameless one, not a character of the cast.
_INDEFINITE = "(?:a|an|another|some|one)"
_OBJECT_FOLLOWERS = word_set(
    """and as with to in on at for from again back up down off out away softly gently carefully
    closely quietly a an the that this if into onto over before after"""
)
_HISTORY = 40  # mentions remembered
_WINDOW = 6  # sentences a pronoun or epithet looks back
# Relation nouns after a possessive ("his girlfriend", "her best friend"): the person they mean is
# found through the possessor, among the people the text ties to them (romantically for partners).
_PARTNER_NOUNS = frozenset(noun.word for noun in person_words.nouns_of_kinds(("spouse", "partner")))
_FRIEND_NOUNS = frozenset(noun.word for noun in person_words.nouns_of_kinds(("friend",)))
# Pronouns that must agree before a character of unknown gender takes theirs.
_LEARN_VOTES = 2
# A romantic cue weighs this many plain co-mentions when learning who is whose partner.
_ROMANTIC_TIE = 4
# Joins two names into one subject: "Buffy and Xander", "Buffy, Xander".
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r]*\n|\n(?=[ \t])")
_POSSESSIVE_BEFORE = re.compile(r"\b(?:his|her|their|my|your|own)\s+$", re.IGNORECASE)
_CONJOINED = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)$")
# Someone's home as a destination: "to Molly's for the night", "back from Giles's." (a possessive
# standing alone after a preposition of place)
_PLACE_BEFORE = re.compile(rf"\b(?:{'|'.join(sorted(person_words.PLACE_PREPOSITIONS))})\s+$", re.IGNORECASE)
_POSSESSIVE_ALONE = re.compile(
    rf"['’]s?(?=\s*[.,;:!?)]|\s+(?:{'|'.join(sorted(person_words.NOT_OWNED_AFTER_POSSESSIVE))})\b)"
)


@dataclass(slots=True)
class _Seen:
    character: str
    sentence: int
    subject: bool
    quoted: bool  # named inside speech: less salient for the narration's pronouns
    start: int = 0
    end: int = 0
    elsewhere: bool = False  # "sent the children to Molly's": named as a place to go, not present


def generic_epithet_pattern() -> re.Pattern[str]:
    """ "the blonde", "her best friend": a determiner and a generic noun for a person."""
    nouns = sorted(person_words.EPITHET_NOUNS, key=len, reverse=True)
    alternatives = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in nouns)
    return re.compile(rf"\b(?:[Tt]he|[Hh]er|[Hh]is|[Tt]heir)\s+(?:{alternatives})\b(?!-)")


def phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str] | None:
    """Exact phrases (pack epithets), longest first; a leading "the" may be capitalised."""
    parts = []
    for phrase in sorted({p.strip() for p in phrases if p.strip()}, key=len, reverse=True):
        body = re.escape(phrase).replace(r"\ ", r"\s+")
        if phrase[:4].lower() == "the ":
            body = "[Tt]he" + body[3:]
        parts.append(body)
    return re.compile(rf"\b(?:{'|'.join(parts)})\b(?!-)") if parts else None


class Resolver:
    """Resolves epithets and pronouns of one text against its cast."""

    def __init__(
        self,
        text: str,
        characters: list[Character],
        sentence_starts: list[int],
        quotes: list[tuple[int, int]],
    ) -> None:
        self.text = text
        self.gender = {c.id: c.gender for c in characters}
        self.learned: dict[str, str] = {}  # genders found while resolving
        self.fixed = {c.id for c in characters if c.gender != "U"}  # genders known beforehand
        self.romantic_sentences: set[int] = set()  # narration sentences with a romantic cue
        self.ties: dict[str, Counter[str]] = {}
        self.sentence_starts = sentence_starts
        self.quote_starts = [q[0] for q in quotes]
        self.quotes = quotes

    def sentence(self, offset: int) -> int:
        return max(bisect.bisect_right(self.sentence_starts, offset) - 1, 0)

    def quoted(self, offset: int) -> bool:
        k = bisect.bisect_right(self.quote_starts, offset) - 1
        return k >= 0 and self.quotes[k][1] > offset

    def resolve(
        self,
        names: list[Mention],
        start: int,
        end: int,
        pack_epithets: dict[str, str],
        narrator_at: list[tuple[int, int, str | None]],
        boundaries: list[int] | None = None,
    ) -> list[Mention]:
        """Every mention of ``text[start:end]``: the given name mentions plus epithets and pronouns.

        ``pack_epithets`` maps a lower-cased epithet to the character id it always means;
        ``narrator_at`` lists (start, end, character id) stretches told in the first person;
        at each offset of ``boundaries`` (scene and chapter starts) the model forgets who was salient.
        """
        text = self.text
        found: list[Mention] = list(names)
        taken = sorted((m.start, m.end) for m in names)
        generic = generic_epithet_pattern()
        for pattern in filter(None, (phrase_pattern(pack_epithets), generic)):
            for match in pattern.finditer(text, start, end):
                if not _overlaps(taken, match.start(), match.end()):
                    found.append(Mention(match.start(), match.end(), None, "epithet"))
                    taken.append(match.span())
            taken.sort()
        for match in _PRONOUN.finditer(text, start, end):
            if self.quoted(match.start()):
                continue  # who "he" is in speech is the speaker's business, not the narration's
            word = match.group().lower()
            first_person = word in person_words.FIRST_PERSON
            found.append(Mention(match.start(), match.end(), None, "narrator" if first_person else "pronoun"))
        # A possessive pronoun before the epithet it starts ("his" of "his girlfriend"): the
        # epithet is resolved through it.
        found.sort(key=lambda m: (m.start, m.kind == "epithet"))
        # names standing for someone's home ("to Molly's"), found once for ties and for history
        away = {m.start for m in names if _named_as_destination(text, m)}
        ties = self.ties = self._ties(names, start, end, away)
        possessor: tuple[int, str | None] = (-1, None)
        indefinite = indefinite_offsets(text, start, end)
        narrator_starts = [n[0] for n in narrator_at]

        history: deque[_Seen] = deque(maxlen=_HISTORY)
        votes: dict[str, Counter[str]] = {}
        last_for_epithet: dict[str, str] = {}
        sentence_seen = -1
        cuts = sorted(boundaries or [])
        next_cut = 0
        for mention in found:
            if next_cut < len(cuts) and mention.start >= cuts[next_cut]:
                history.clear()
                while next_cut < len(cuts) and mention.start >= cuts[next_cut]:
                    next_cut += 1
            sentence = self.sentence(mention.start)
            subject = sentence != sentence_seen
            sentence_seen = sentence
            surface = " ".join(text[mention.start : mention.end].lower().split())
            if mention.kind == "narrator":
                k = bisect.bisect_right(narrator_starts, mention.start) - 1
                if k >= 0 and narrator_at[k][1] > mention.start:
                    mention.character = narrator_at[k][2]
                continue
            if mention.kind == "epithet":
                noun = surface.split(" ", 1)[1]
                if recent_indefinite(indefinite, noun, mention.start):
                    continue
                owner = possessor[1] if possessor[0] == mention.start else None
                if surface in pack_epithets:
                    mention.character = pack_epithets[surface]
                elif owner is not None and noun in _PARTNER_NOUNS | _FRIEND_NOUNS:
                    mention.character = self._relative(owner, noun, history, sentence, ties)
                else:
                    mention.character = self._epithet(surface, noun, history, sentence, last_for_epithet)
                if mention.character is not None:
                    last_for_epithet[surface] = mention.character
            elif mention.kind == "pronoun":
                mention.character = self._pronoun(surface, mention.end, history, sentence)
                possessor = (mention.start, mention.character)
                learned = person_words.GENDER_OF_PRONOUN.get(surface)
                character = mention.character
                if character is not None and learned and character not in self.fixed:
                    # A character of unknown gender is resolved as the gender most of its pronouns
                    # so far have (so "She carried his bag" gives "his" to someone else), but
                    # keeps it only when at least two agree, two to one: one stray pronoun
                    # ("Rosa ... he" where he is the man she talks to) decides nothing.
                    tally = votes.setdefault(character, Counter())
                    tally[learned] += 1
                    top, count = tally.most_common(1)[0]
                    if count > sum(tally.values()) - count:
                        self.gender[character] = top
                    if count >= _LEARN_VOTES and count >= 2 * (sum(tally.values()) - count):
                        self.learned[character] = top
                    else:
                        self.learned.pop(character, None)
            if mention.character is not None:
                quoted = self.quoted(mention.start)
                history.append(
                    _Seen(
                        mention.character,
                        sentence,
                        subject,
                        quoted,
                        mention.start,
                        mention.end,
                        mention.kind == "name" and mention.start in away,
                    )
                )
        return found

    def _epithet(
        self, surface: str, noun: str, history: deque[_Seen], sentence: int, last: dict[str, str]
    ) -> str | None:
        wanted = person_words.EPITHET_NOUNS.get(noun, "U")
        in_sentence = {seen.character for seen in history if seen.sentence == sentence}
        candidates = [
            seen
            for seen in reversed(history)
            if sentence - seen.sentence <= _WINDOW
            and seen.character not in in_sentence
            and (wanted == "U" or self.gender.get(seen.character, "U") in (wanted, "U"))
        ]
        candidates.sort(key=lambda seen: seen.quoted)  # narration first, most recent first
        if not candidates:
            return None
        previous = last.get(surface)
        if previous is not None and any(seen.character == previous for seen in candidates):
            return previous
        return candidates[0].character

    def _ties(self, names: list[Mention], start: int, end: int, away: set[int]) -> dict[str, Counter[str]]:
        """Who the text ties to whom: for each character, the others named in the narration of a
        paragraph with them and nobody else, a paragraph with a romantic cue in its narration
        ("kissed", "dating") counting more. The possessive partner words being resolved ("his
        girlfriend") are no evidence, nor names at ``away`` (someone's home: "to Molly's"). One pass
        over the name mentions and the cues."""
        paragraph_starts = [start] + [m.end() for m in _PARAGRAPH_BREAK.finditer(self.text, start, end)]

        def paragraph(offset: int) -> int:
            return bisect.bisect_right(paragraph_starts, offset) - 1

        romantic: set[int] = set()
        for hit in cue_set("relationship", "romantic").find(self.text, start, end):
            if self.quoted(hit.start) or _POSSESSIVE_BEFORE.search(
                self.text, max(start, hit.start - 6), hit.start
            ):
                continue
            romantic.add(paragraph(hit.start))
            self.romantic_sentences.add(self.sentence(hit.start))
        people: dict[int, set[str]] = {}
        for mention in names:
            if mention.character is not None and not self.quoted(mention.start) and mention.start not in away:
                people.setdefault(paragraph(mention.start), set()).add(mention.character)
        ties: dict[str, Counter[str]] = {}
        for index, present in people.items():
            if len(present) != 2:
                continue
            first, second = sorted(present)
            weight = _ROMANTIC_TIE if index in romantic else 1
            ties.setdefault(first, Counter())[second] += weight
            ties.setdefault(second, Counter())[first] += weight
        return ties

    def _relative(
        self, owner: str, noun: str, history: deque[_Seen], sentence: int, ties: dict[str, Counter[str]]
    ) -> str | None:
        """The person meant by "his girlfriend" or "her best friend", given who "his" or "her" is.

        Among the recent people of a fitting gender other than the owner, the one the text ties to
        the owner most closely; when the text ties none of them, the most recent one. Not simply
        the most recent woman: "Xander slipped his arm around his girlfriend" after Buffy spoke
        still means Anya."""
        wanted = person_words.EPITHET_NOUNS.get(noun, "U")
        candidates: list[str] = []
        for seen in reversed(history):
            if sentence - seen.sentence > _WINDOW or seen.character == owner or seen.character in candidates:
                continue
            if seen.elsewhere:
                continue  # a partner is someone at hand, not the one whose house the children went to
            if wanted == "U" or self.gender.get(seen.character, "U") in (wanted, "U"):
                candidates.append(seen.character)
        bonds = ties.get(owner, Counter())
        if noun in _PARTNER_NOUNS:
            # A partner is someone the owner is tied to by at least one romantic sentence.
            tied = [c for c in candidates if bonds[c] >= _ROMANTIC_TIE]
        else:
            tied = [c for c in candidates if bonds[c] > 0]
        if tied:
            return max(tied, key=lambda c: bonds[c])  # ties keep the most recent
        return candidates[0] if candidates else None

    def _pronoun(self, surface: str, end: int, history: deque[_Seen], sentence: int) -> str | None:
        gender = person_words.GENDER_OF_PRONOUN.get(surface)
        if gender is None:
            return None  # "they": a group far more often than one person
        excluded: set[str] = set()
        if surface in ("him", "her") and self._is_object(end) and history:
            # "Buffy looked at her", "Tara had left her": not the clause's own subject, the
            # nearest character before the pronoun in its sentence.
            nearest = history[-1]
            if nearest.sentence == sentence and not nearest.quoted:
                excluded = {nearest.character}
                # A conjoined subject is excluded whole: "Buffy and Xander gave her a look".
                joined = nearest
                for seen in reversed(list(history)[:-1]):
                    if seen.sentence != sentence or seen.quoted:
                        break
                    if (
                        not _CONJOINED.match(self.text, seen.end, joined.start)
                        or joined.start - seen.end > 12
                    ):
                        break
                    excluded.add(seen.character)
                    joined = seen
        recent = [
            seen
            for seen in reversed(history)
            if sentence - seen.sentence <= _WINDOW and seen.character not in excluded
        ]
        known = self.gender
        if sentence in self.romantic_sentences:
            # "He said, kissing her cheek": in a sentence of kisses and embraces, a pronoun next
            # to someone means the one the text ties to them romantically, if they are recent.
            partner = self._romantic_partner(gender, recent, history, sentence)
            if partner is not None:
                return partner
        tests = (
            lambda s: known.get(s.character) == gender and s.subject and not s.quoted,
            lambda s: known.get(s.character) == gender and not s.quoted,
            lambda s: known.get(s.character) == gender,
            lambda s: known.get(s.character, "U") == "U" and not s.quoted,
        )
        for test in tests:
            for seen in recent:
                if test(seen):
                    return seen.character
        return None

    def _romantic_partner(
        self, gender: str, recent: list[_Seen], history: deque[_Seen], sentence: int
    ) -> str | None:
        present = [
            seen.character for seen in reversed(history) if seen.sentence == sentence and not seen.quoted
        ]
        for other in present:
            bonds = self.ties.get(other)
            if not bonds:
                continue
            tied = [
                seen.character
                for seen in recent
                if seen.character != other
                and self.gender.get(seen.character) == gender
                and bonds[seen.character] >= _ROMANTIC_TIE
            ]
            if tied:
                return max(tied, key=lambda c: bonds[c])
        return None

    def _is_object(self, end: int) -> bool:
        after = self.text[end : end + 20]
        stripped = after.lstrip()
        if not stripped or stripped[0] in ".,!?;:\"”'’)-":
            return True
        word = re.match(r"[A-Za-z]+", stripped)
        return word is not None and word.group().lower() in _OBJECT_FOLLOWERS


def _named_as_destination(text: str, mention: Mention) -> bool:
    """A name standing for someone's home ("sent the children to Molly's for the night"): the
    person is elsewhere, neither tied to the people of the paragraph nor a partner at hand."""
    return (
        _POSSESSIVE_ALONE.match(text, mention.end) is not None
        and _PLACE_BEFORE.search(text, max(0, mention.start - 9), mention.start) is not None
    )


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    k = bisect.bisect_right(spans, (start, 1 << 62)) - 1
    if k >= 0 and spans[k][1] > start:
        return True
    return k + 1 < len(spans) and spans[k + 1][0] < end


def indefinite_offsets(text: str, start: int, end: int) -> dict[str, list[int]]:
    nouns = sorted(person_words.EPITHET_NOUNS, key=len, reverse=True)
    alternatives = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in nouns)
    pattern = re.compile(rf"\b{_INDEFINITE}\s+(?:[a-z]+\s+)?({alternatives})\b", re.IGNORECASE)
    offsets: dict[str, list[int]] = {}
    for match in pattern.finditer(text, start, end):
        offsets.setdefault(" ".join(match.group(1).lower().split()), []).append(match.start())
    return offsets


def recent_indefinite(offsets: dict[str, list[int]], noun: str, at: int, reach: int = 1000) -> bool:
    starts = offsets.get(noun)
    if not starts:
        return False
    k = bisect.bisect_left(starts, at) - 1
    return k >= 0 and at - starts[k] <= reach
