"""The reading context shared by the attribution rules: mentions in text order, the cast's
descriptions and bare aliases, rank titles, and who the narrator is.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from fandex import person_words
from fandex.dialogue.lexicon import _NOT_NAME_PARTS, EPITHET_GENDER
from fandex.dialogue.quotes import _Found
from fandex.work import Character, Mention, Work

if TYPE_CHECKING:
    from fandex.dialogue.speech_tags import _PronounTag
    from fandex.dialogue.turn_taking import _Idiolects


@dataclass
class _Context:
    """Per-work lookups shared by the attribution rules."""

    work: Work
    characters: dict[str, Character]
    mention_starts: list[int]
    mentions: list[Mention]
    alias_index: dict[str, str]
    narrator: str | None
    epithets: dict[str, str] = field(default_factory=dict)
    # a cast member listed as "I" or "Narrator", even where the narration is not told in the
    # first person: whom a tag's own "I" names (`"...?" I once said to an old labouring man`)
    listed_narrator: str | None = None
    undecided_epithets: set[tuple[str, str | None]] = field(default_factory=set)
    # by gender, the characters the work calls "the boy" or "the child" (_known_children)
    children: dict[str, frozenset[str]] = field(default_factory=dict)
    name_parts: dict[str, str | None] = field(default_factory=dict)  # cache of _by_name_part
    quote_starts: list[int] = field(default_factory=list)
    quote_ends: list[int] = field(default_factory=list)
    # which rule of _by_gender decided last: "paragraph" (a name earlier in this paragraph),
    # "local" (a name in the paragraph before, or the person just addressed) or "conversation"
    # (salience only, which turn-taking can beat)
    gender_rule: str = ""
    by_recency: bool = False  # _by_gender fell back on the latest mention, no conversation
    the_phrases: dict[str, list[int]] | None = None  # see _epithet_positions
    # who each "the <description>" was resolved to where the narration named them close by
    description_votes: dict[str, Counter[str]] = field(default_factory=dict)
    idiolects: _Idiolects | None = None  # see _learn_idiolects
    family_names: dict[str, set[str]] = field(default_factory=dict)  # cache of _family_from_text
    pronoun_tags: list[_PronounTag] = field(default_factory=list)  # see _reread_pronoun_tags
    # a description's words without their determiner -> the one cast member known by them
    # ("looker-on" for "The Looker-on", "valet" for "His Valet"): see _bare_aliases
    bare_aliases: dict[str, str] = field(default_factory=dict)
    # a description's last noun -> the words of each cast description ending on it, and its owner
    # ("surgeon" -> ({"parish", "surgeon"}, ...)): see _described_cast_member
    cast_descriptions: dict[str, list[tuple[frozenset[str], str]]] = field(default_factory=dict)


def _make_context(work: Work, found: list[_Found]) -> _Context:
    characters = {c.id: c for c in work.characters}
    # Names and epithets only: this module resolves pronouns itself, with the dialogue in view.
    mentions = sorted(
        (m for m in work.mentions if m.character and m.kind != "pronoun"), key=lambda m: m.start
    )
    alias_index: dict[str, str] = {}
    ambiguous: set[str] = set()
    for character in work.characters:
        for name in (character.name, *character.aliases):
            key = _norm(name)
            if not key:
                continue
            if key in alias_index and alias_index[key] != character.id:
                ambiguous.add(key)
            alias_index[key] = character.id
    for key in ambiguous:
        del alias_index[key]
    mentions = _with_title_mentions(work, mentions, alias_index, characters)
    context = _Context(work, characters, [m.start for m in mentions], mentions, alias_index, None)
    context.bare_aliases = _bare_aliases(alias_index)
    context.cast_descriptions = _cast_descriptions(work.characters)
    spans = sorted((q.start, q.end) for q in found)
    context.quote_starts = [s for s, _ in spans]
    context.quote_ends = [e for _, e in spans]
    context.narrator = _guess_narrator(work, found, context)
    context.listed_narrator = next(
        (
            character.id
            for character in work.characters
            if any(_NARRATOR_NAME.search(name) for name in (character.name, *character.aliases))
        ),
        None,
    )
    ranked = _rank_mentions(work.text, context)
    if ranked:
        context.mentions = sorted([*context.mentions, *ranked], key=lambda m: m.start)
        context.mention_starts = [m.start for m in context.mentions]
    return context


# (lower case only: a capitalised "the Major" is a name the cast or _by_name_part already knows)
_RANK_PHRASE = re.compile(
    r"\b[Tt]he\s+(?P<rank>doctor|professor|captain|colonel|general|lieutenant|sergeant|detective|"
    r"reverend|major|inspector|judge|nurse)\b(?![-'’]\w)"
)


def _rank_mentions(text: str, context: _Context) -> list[Mention]:
    """`The doctor shut the door behind him.` after Doctor Archie was named: the narration's
    "the doctor" is a mention of the holder of that rank (``_rank_holder``), so that a "he" after
    it finds him as the paragraph's subject. Not inside quotes, and not when a cast member is
    known by the description itself."""
    found: list[Mention] = []
    for match in _RANK_PHRASE.finditer(text, context.work.metadata.body_start):
        key = f"the {match.group('rank').lower()}"
        if key in context.alias_index or _in_quote(context, match.start()):
            continue
        holder = _rank_holder(context, key, match.start())
        if holder is not None:
            found.append(Mention(match.start(), match.end(), holder, "epithet"))
    return found


_DETERMINER = re.compile(r"^(?:the|his|her|my|their|our|your|an?) ")


def _bare_aliases(alias_index: dict[str, str]) -> dict[str, str]:
    """Cast descriptions without their determiner, when one cast member alone has them and no one
    is known by the bare words themselves: the cast's "The Looker-on" is who `cried a looker-on`
    means, its "His Valet" who `said the valet` means."""
    bare: dict[str, str] = {}
    ambiguous: set[str] = set()
    for key, owner in alias_index.items():
        words = _DETERMINER.sub("", key)
        if words == key or words in alias_index:
            continue
        if bare.get(words, owner) != owner:
            ambiguous.add(words)
        bare[words] = owner
    return {words: owner for words, owner in bare.items() if words not in ambiguous}


def _cast_descriptions(characters: list[Character]) -> dict[str, list[tuple[frozenset[str], str]]]:
    """The cast's descriptions ("the parish surgeon", "a thin elderly gentleman", "FAIR BOY
    OFFICER"), by their last noun, with their words: names that open on a determiner or are
    written all in lower or all in upper case (a proper name is capitalised)."""
    found: dict[str, list[tuple[frozenset[str], str]]] = {}
    for character in characters:
        for name in (character.name, *character.aliases):
            words = _norm(name).split()
            described = _DETERMINER.match(" ".join(words)) is not None or name in (name.lower(), name.upper())
            if len(words) < 2 or not described or not words[-1].isalpha():
                continue
            entry = (frozenset(words), character.id)
            if entry not in found.setdefault(words[-1], []):
                found[words[-1]].append(entry)
    return found


# "the old man", "the young lady": a narration's everyday names for many a person, whatever the cast
# calls one of them ("A Large Old Man")
_AGE_WORDS = frozenset(("old", "young", "little", "elderly"))


def _described_cast_member(context: _Context, key: str) -> str | None:
    """`said the surgeon` with the cast's "the parish surgeon", `said the thin gentleman` with its
    "a thin elderly gentleman": the one cast member whose description ends on the same noun and
    has all of the tag's other words. An everyday noun ("the man", "the old lady") must bring a
    word of its own beyond age to match: it stands for too many people."""
    words = key.split()
    if len(words) < 2 or words[0] != "the":
        return None
    head, extra = words[-1], frozenset(words[1:-1])
    if head in EPITHET_GENDER and extra <= _AGE_WORDS:
        return None
    owners = {owner for described, owner in context.cast_descriptions.get(head, ()) if extra <= described}
    return owners.pop() if len(owners) == 1 else None


def _with_title_mentions(
    work: Work, mentions: list[Mention], alias_index: dict[str, str], characters: dict[str, Character]
) -> list[Mention]:
    """Add the names a story calls people by that a given cast often leaves out (it lists full
    names): `Miss Quested` for the one woman listed as ... Quested, and `Denham` alone for the one
    man, or person with a given name, listed as ... Denham (not for a Mrs. Denham known by no
    other name, and not when the word is also a common lower-case word of the text)."""
    text = work.text
    titled: dict[tuple[str, str], set[str]] = {}
    bare: dict[str, set[str]] = {}
    for alias, cid in alias_index.items():
        words = alias.split()
        if len(words) < 2 or words[-1] in _NOT_NAME_PARTS:
            continue
        if _TITLE_GENDER.get(words[0], "M") == "M":
            bare.setdefault(words[-1], set()).add(cid)
        if words[0] in _TITLE_GENDER:
            continue
        for title, gender in _TITLE_GENDER.items():
            if gender is None or characters[cid].gender in (gender, "U"):
                titled.setdefault((title, words[-1]), set()).add(cid)
    forms = {
        f"{title} {surname}": cids.pop()
        for (title, surname), cids in titled.items()
        if len(cids) == 1 and f"{title} {surname}" not in alias_index
    }
    forms.update(
        (surname, cids.pop())
        for surname, cids in bare.items()
        if len(cids) == 1
        and surname not in alias_index
        and len(surname) > 2
        and text.count(f" {surname} ") < 3
    )
    if not forms:
        return mentions
    surnames = "|".join(re.escape(n) for n in sorted({f.split()[-1] for f in forms}, key=len, reverse=True))
    titles = "|".join(_TITLE_GENDER)
    pattern = re.compile(rf"\b(?:(?P<title>{titles})\.?\s+)?(?P<surname>{surnames})\b", re.IGNORECASE)
    starts = [m.start for m in mentions]
    added = []
    for match in pattern.finditer(text, work.metadata.body_start):
        title, surname = match.group("title"), match.group("surname")
        if not surname[0].isupper() or (title and not title[0].isupper()):
            continue  # "the general run of men"
        cid = forms.get(f"{title.lower()} {surname.lower()}" if title else surname.lower())
        if cid is None:
            continue
        i = bisect.bisect_right(starts, match.end()) - 1
        if i >= 0 and mentions[i].end > match.start():
            continue  # already a mention there
        added.append(Mention(match.start(), match.end(), cid, "name"))
    return sorted([*mentions, *added], key=lambda m: m.start) if added else mentions


def _norm(name: str) -> str:
    return " ".join(name.lower().replace("’", "'").replace(".", "").split())


_NARRATOR_NAME = re.compile(r"^I\.?$|\b[Nn]arrator\b|\bNARRATOR\b")


# How many times the narration (outside the quotes) must say "I" to be told in the first person.
NARRATION_I_MIN = 3
# _guess_narrator: how many `"...," I asked` tags make a first-person text, and by how much more
# the narrator must be named in the lines than (twice) in the narration. Low enough for a short
# text: a novel has far more of both, and two of each settle a chapter or an excerpt.


# _guess_narrator: how many `"...," I asked` tags make a first-person text, and by how much more
# the narrator must be named in the lines than (twice) in the narration. Low enough for a short
# text: a novel has far more of both, and two of each settle a chapter or an excerpt.
FIRST_PERSON_TAGS = 2


NARRATOR_NAMED_IN_SPEECH = 2


def _narration_says_i(text: str, found: list[_Found]) -> int:
    """How many times the text outside its quotes says "I"."""
    count, position = 0, 0
    for quote in sorted(found, key=lambda q: q.outer_start):
        count += len(_I_WORD.findall(text, position, max(position, quote.outer_start)))
        position = max(position, quote.outer_end)
    return count + len(_I_WORD.findall(text, position))


_I_WORD = re.compile(r"(?<![\w'’])I(?![\w'’])")


# `"...," I asked` and `"...," said I`: the narration tags lines with "I" (the pattern once wanted a
# regular verb after "said I" as well, and so never counted `"There, sir!" said I.`)
_FIRST_PERSON_TAG = re.compile(r"[\"”’'],?\s+(?:I\s+[a-z]+ed|said\s+I)\b")


def _guess_narrator(work: Work, found: list[_Found], context: _Context) -> str | None:
    """The first-person narrator: declared by the characters stage, else the character named in
    speech but hardly ever in the narration (first-person narrators are not named by themselves)."""
    for character in work.characters:
        if character.narrator:
            return character.id
    text = work.text
    listed = [
        character.id
        for character in work.characters
        if any(_NARRATOR_NAME.search(name) for name in (character.name, *character.aliases))
    ]
    if listed and _narration_says_i(text, found) >= NARRATION_I_MIN:
        # a given cast may list its narrator as "I" or "Narrator" (`I.`, `Rudolf narrator`); it
        # is the narrator only where the narration is told in the first person
        return listed[0]
    first_person_tags = len(_FIRST_PERSON_TAG.findall(text))
    if first_person_tags < FIRST_PERSON_TAGS:
        return None
    inside: Counter[str] = Counter()
    outside: Counter[str] = Counter()
    quote_starts = [q.start for q in found]
    for mention in context.mentions:
        k = bisect.bisect_right(quote_starts, mention.start) - 1
        in_quote = k >= 0 and found[k].start <= mention.start < found[k].end
        (inside if in_quote else outside)[mention.character or ""] += 1
    best = max(inside, key=lambda c: inside[c] - 2 * outside[c], default=None)
    if best and inside[best] - 2 * outside[best] >= NARRATOR_NAMED_IN_SPEECH:
        return best
    return None


def _mention_at(context: _Context, start: int, end: int) -> Mention | None:
    """A resolved mention starting within [start, end)."""
    i = bisect.bisect_left(context.mention_starts, start)
    if i < len(context.mentions) and context.mentions[i].start < end:
        return context.mentions[i]
    return None


def _in_quote(context: _Context, position: int) -> bool:
    k = bisect.bisect_right(context.quote_starts, position) - 1
    return k >= 0 and position < context.quote_ends[k]


def _mentions_between(context: _Context, start: int, end: int) -> list[Mention]:
    i = bisect.bisect_left(context.mention_starts, start)
    j = bisect.bisect_left(context.mention_starts, end)
    return context.mentions[i:j]


@dataclass
class _Conversation:
    """Who has been talking, for turn-taking and pronoun choice."""

    speakers: list[str] = field(default_factory=list)  # speaker of each quote paragraph, in order
    last_para: int = -100
    last_vocatives: list[str] = field(default_factory=list)  # who the last quote paragraph addressed
    salient: list[tuple[int, str]] = field(default_factory=list)  # (paragraph, character) references
    since: int = 0  # the paragraph where this conversation's record of speakers starts

    def reset(self, index: int) -> None:
        self.speakers.clear()
        self.since = index

    def participants(self) -> list[str]:
        seen: list[str] = []
        for speaker in reversed(self.speakers):
            if speaker not in seen:
                seen.append(speaker)
        return seen


@dataclass
class _Subject:
    character: str | None
    kind: str  # "name", "pronoun", "epithet"
    phrase: str = ""
    start: int = 0


# Titles before a surname, with the gender they imply (None: either), from person_words' table,
# the titles of other languages included ("Mme. Dupont" is Madame Dupont, not Monsieur Dupont).
# Not every title of the table: offices ("Inspector") cost the PDNC development novels 85.04 -> 85.01.
_SURNAME_TITLES = (
    "mr mister sir lord master mrs miss ms lady madam madame monsieur m herr signor senor mme mlle"
    " mademoiselle frau fraulein signora signorina senora senorita dr doctor professor captain major"
    " colonel general"
)


_TITLE_GENDER: dict[str, str | None] = {
    title: None if person_words.HONORIFICS[title] == "U" else person_words.HONORIFICS[title]
    for title in _SURNAME_TITLES.split()
}


# Titles of rank or office ("Doctor Losberne", "Inspector Ratcliffe"): "the doctor" may stand for
# the one who holds it. The titles of address (Mr, Lady, Signor...) say nothing of that kind.
_RANK_TITLES: dict[str, frozenset[str]] = {
    title: frozenset(forms.split())
    for forms in (
        "doctor dr",
        "professor prof",
        "captain capt",
        "colonel col",
        "general gen",
        "lieutenant lt",
        "sergeant sgt",
        "detective det",
        "reverend rev",
        "major",
        "inspector",
        "agent",
        "officer",
        "judge",
        "nurse",
        "comrade",
    )
    for title in forms.split()
}
# How far back (characters, about a chapter) a rank holder's name makes "the doctor" stand for them.


# How far back (characters, about a chapter) a rank holder's name makes "the doctor" stand for them.
RANK_WINDOW = 20000


def _rank_holder(context: _Context, key: str, position: int) -> str | None:
    """`the doctor` for Doctor Losberne: the holder of that rank whom the narration named last,
    within RANK_WINDOW characters before ``position``."""
    words = key.split()
    forms = _RANK_TITLES.get(words[-1]) if len(words) in (2, 3) and words[0] == "the" else None
    if not forms:
        return None
    holders = {
        cid for alias, cid in context.alias_index.items() if " " in alias and alias.split()[0] in forms
    }
    if not holders:
        return None
    for mention in reversed(_mentions_between(context, max(0, position - RANK_WINDOW), position)):
        if mention.kind == "name" and mention.character in holders:
            return mention.character
    return None
