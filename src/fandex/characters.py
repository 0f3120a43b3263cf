"""Characters: mentions of people (names, epithets, pronouns, the narrator) clustered into a cast.

Two modes. With ``options.roster`` the cast is given and only its name mentions are found. Otherwise
the cast is discovered:

1. one linear pass of a word regex over the body marks sentence starts, quoted stretches and runs
   of capitalised words (with honorifics such as "Mr." or "Lady");
2. those runs are kept as names when the text shows they are people (speech tags, honorifics,
   pronouns that follow them), and spaCy's NER is asked only about the few sentences that hold a
   doubtful candidate;
3. name forms are clustered into characters (first/last/full names, honorifics of either gender,
   the fandom packs' aliases and nicknames, canonical names; a crossover reads every pack of its
   fandoms);
4. a second pass in text order adds epithets ("the blonde") and pronouns, resolved with a small
   salience model: the most recent compatible character, subjects first (``fandex.salience``);
5. first-person narration gets its narrator: the character named by a section heading ("Spike
   Before you condemn me..."), else the one the others address by name, else a nameless one.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from fandex import fandoms, given_names, person_words, pov, salience
from fandex.fandom import strongest_first
from fandex.fandoms import FandomPack, PackCharacter
from fandex.mentions import find_name_mentions, name_key, name_keys, quoted_spans
from fandex.options import Options
from fandex.person_words import word_set
from fandex.work import Character, Mention, Work

# A word: letters with inner apostrophes ("don't", "O'Brien") and hyphens ("Grant-Menzies").
# Combining accents (U+0300-U+036F) belong to their word: "Adèle" may be spelt "Ade\u0300le".
_LETTERS = "(?:[^\\W\\d_][\u0300-\u036f]*)+"
_WORD = re.compile(rf"{_LETTERS}(?:['’]{_LETTERS})*(?:-{_LETTERS}(?:['’]{_LETTERS})*)*")
# What between two words ends a sentence or opens a new one (a paragraph, a quote, a thought).
_SENTENCE_GAP = re.compile(r"[.!?…:;\n\"“”*(\[]|--|—")


def _bare_duplicates(characters: list[Character]) -> dict[str, str]:
    """Cast entries that are only a given name of unknown gender ("Reggie") beside one full name
    that opens with it ("Reggie St Cloud"), or only a surname beside one full name that ends with
    it ("Small" beside "Jonathan Small"): the same person listed twice, by entry id -> the full
    entry's id. A known gender keeps them apart when it differs ("Hamidullah" and "Hamidullah
    Begum", his wife), and is no doubt left when it is known at all; a cast without genders
    (the full entry's unknown too) says nothing by the missing one. (Only full names that open on
    a given name count: "Mrs. Vane" beside a bare "Vane" may be his wife, "Vane" the husband.)"""
    full: dict[str, set[str]] = {}  # a given name or surname -> the entries whose full names bear it
    for character in characters:
        for name in (character.name, *character.aliases):
            parts = name.split()
            if len(parts) >= 2 and parts[0].lower().rstrip(".") not in person_words.HONORIFICS:
                full.setdefault(parts[0], set()).add(character.id)
                full.setdefault(parts[-1], set()).add(character.id)
    genders = {character.id: character.gender for character in characters}
    duplicates: dict[str, str] = {}
    for character in characters:
        forms = {character.name, *character.aliases}
        if character.gender != "U" or len(forms) != 1 or len(character.name.split()) != 1:
            continue
        bearers = full.get(character.name, set()) - {character.id}
        if len(bearers) == 1 and genders[next(iter(bearers))] != "U":
            # only a cast that gives genders says anything by leaving one out
            duplicates[character.id] = next(iter(bearers))
    return duplicates


def _folded(name: str) -> str:
    """A name compared without case or accents, its words single-spaced."""
    plain = unicodedata.normalize("NFKD", name.lower())
    return " ".join("".join(c for c in plain if not unicodedata.combining(c)).split())


def _headline_owners(characters: list[Character]) -> dict[str, str]:
    """A form a cast lists for two people that is the headline name of exactly one of them ("Mr.
    Hilbery" heading his entry, but also filed under his wife's aliases): it names him, as the
    cast's own heading says. Keyed by the folded form -> that one character's id."""
    headed: dict[str, set[str]] = {}
    listed: dict[str, set[str]] = {}
    for character in characters:
        headed.setdefault(_folded(character.name), set()).add(character.id)
        for name in (character.name, *character.aliases):
            listed.setdefault(_folded(name), set()).add(character.id)
    return {
        form: next(iter(heads))
        for form, heads in headed.items()
        if len(heads) == 1 and len(listed.get(form, ())) > 1
    }


def _family_men(characters: list[Character]) -> dict[tuple[str, str], str]:
    """A bare surname a cast lists for a woman that one man of the cast bears too ("Callendar"
    for Mrs. Callendar beside Major Callendar): narration calls women by a title or a given name,
    so the bare surname is the man. Keyed by (surname, the woman's id) -> the man's id."""
    bearers: dict[str, set[str]] = {}  # surname -> the men whose full names end with it
    for character in characters:
        if character.gender == "M":
            for name in (character.name, *character.aliases):
                if len(name.split()) >= 2:
                    bearers.setdefault(name.split()[-1], set()).add(character.id)
    found: dict[tuple[str, str], str] = {}
    for character in characters:
        if character.gender != "F":
            continue
        for name in (character.name, *character.aliases):
            men = bearers.get(name, set()) if len(name.split()) == 1 else set()
            if len(men) == 1:
                found[(name, character.id)] = next(iter(men))
    return found


# Titles that go with a given name ("Sir John", "Lady Catherine") rather than a family name.
_GIVEN_NAME_TITLES = frozenset(("sir", "lady", "lord", "dame"))


def _untitled_sharer(spellings: dict[str, set[str]], characters: list[Character]) -> dict[str, set[str]]:
    """Of two characters sharing a given name, the one not listed with a title before it ("Sir
    John"), when the other is; else both."""
    titled = {
        character.id
        for character in characters
        if character.id in spellings
        for name in (character.name, *character.aliases)
        if len(name.split()) >= 2
        and name.split()[0].lower() in _GIVEN_NAME_TITLES
        and name.split()[1] in spellings[character.id]
    }
    if len(titled) != 1:
        return spellings
    return {cid: forms for cid, forms in spellings.items() if cid not in titled}


# A possessive ending ("Harry's", a shouted "HARRY'S").
_POSSESSIVE = re.compile(r"['’][sS]$")
# A name's own ending that is no part of it: a possessive, or a verb run into it ("Harry’d gone",
# "Draco’ll know"), which would otherwise make "Harry’d" a character of its own.
_NAME_SUFFIX = re.compile(r"['’](?:s|d|ll)$")
_APOSTROPHE = re.compile(r"['’]")
# Abbreviations whose full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    {"mr", "mrs", "ms", "mx", "dr", "st", "jr", "sr", "capt", "col", "gen", "lt", "sgt", "det", "prof", "rev"}
)
_NAME_PARTICLES = frozenset({"de", "van", "von", "der", "den", "da", "di", "du", "del", "la", "le", "st"})
_MAX_PARTICLES = 3
# A lower-case article fused to a capitalised family name: Arabic "al-", "el-", French and Italian "d'".
_ARTICLE_PREFIXED = re.compile(r"(?:al|el|ad|an|ar|as|ash|at|az|ud|ul)-[A-Z][a-z]|d['’][A-Z][a-z]")
# A calendar word that is also a given name ("April", "June") names a person in a text that writes
# it this often as the one who speaks or acts, and more often than as a date (``_calendar_names``).
_CALENDAR_PERSON_USES = 2
# What a common given name adds to the text's evidence that a doubtful name is a person.
_GIVEN_NAME_WEIGHT = 1.0
# Present-tense verbs too short for the "-s" test ("Agatha is lying", "Rio has").
_PRESENT_TENSE_SHORT = frozenset({"is", "has", "does", "goes"})
_DATE_BEFORE = word_set("in of on since until till by last next early late mid this every through during")
# The fewest letters of a clipped given name that the full one opens with ("Jen" of "Jennifer"):
# with the same family name the two are one person.
_SHORT_FORM_LETTERS = 3
_GENDERED = frozenset({"M", "F"})
_NER_NOT_PERSON = frozenset(
    {"GPE", "LOC", "ORG", "FAC", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LANGUAGE", "DATE", "TIME"}
)
_VOTING_PRONOUNS = {"he": "M", "his": "M", "himself": "M", "she": "F", "herself": "F"}
# Pronoun votes needed before they decide a gender: one "he" may be someone else nearby.
_MIN_GENDER_VOTES = 2
_NER_WEAK = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "EVENT"})
# Titles that tell family members apart: Mr./Mrs./Miss of one surname are different people.
_ROMAN = re.compile(r"[IVXLC]+")
_TITLE_FAMILY = {"mr": "mr", "mister": "mr", "mrs": "mrs", "miss": "miss", "ms": "miss", "mx": "mx"}
# The key of the nameless first-person narrator while the cast is being built.
_NARRATOR = "narrator"
_PREVIOUS_WORD = re.compile(r"(\w+)\W*$")
# Words after which a lower-case nickname is an ordinary word: "so red", "the blue", "turned red".
_NOT_BEFORE_VOCATIVE = word_set(
    """a an the this that my your his her its our their so very too quite more most less all
    is was are were be been being am turned turn turns went go goes look looks looked looking
    bright dark deep light pale and or of in on at with"""
)
# A name said to someone: at the start of the speech or after a comma, before , ! ? or .
_VOCATIVE_BEFORE = re.compile(r"(?:[\"“]|,)\s*$")
_VOCATIVE_AFTER = re.compile(r"\s*[,!?.]")
# "X, whom everyone called Y", "X, known as Y", "X, nicknamed Y", "X (Y for short)".
_NICKNAME_EXPLAINED = re.compile(
    r"\b(?P<name>[A-Z][\w'’-]+),?\s+(?:(?:whom|who)\s+(?:\w+\s+){0,2}(?:called|calls|call)"
    r"|(?:better\s+|also\s+)?known\s+as|nicknamed)\s+(?P<nick>[A-Z][\w'’-]+)\b"
    r"|\b(?P<name2>[A-Z][\w'’-]+)\s*\((?P<nick2>[A-Z][\w'’-]+)\s+for\s+short\)"
)
# Speech tags next to a quote: '..." Spike said', '..." said Spike', 'Spike said, "...'.
_TAG_REACH = 40
_SPEECH_VERB_WORDS = "|".join(sorted(person_words.SPEECH_VERBS))
_TAG_AFTER = re.compile(
    rf"\s*(?:(?P<name>[A-Z][\w'’.-]*)(?:\s+[A-Z][\w'’-]*)*\s+(?:{_SPEECH_VERB_WORDS})\b"
    rf"|(?:{_SPEECH_VERB_WORDS})\s+(?P<late>[A-Z]))"
)
_TAG_BEFORE = re.compile(rf"\s+(?:{_SPEECH_VERB_WORDS})\s*[,:]\s*")
# A name seen this often has enough pronoun votes to show whether they agree.
_MANY_OCCURRENCES = 30
# Candidates with doubtful evidence: at most this many sentences each go to spaCy.
_NER_SENTENCES_PER_NAME = 4


# ---------------------------------------------------------------- tokens and name occurrences


@dataclass(slots=True)
class _Token:
    start: int
    end: int
    text: str
    lower: str
    base: str  # lower case, before any apostrophe: "i’m" -> "i", "willow's" -> "willow"
    initial: bool  # first word of a sentence, paragraph, quote or thought
    quoted: bool
    dot_before: bool  # a full stop right after the previous word ("Mr. Knightley")
    joined: bool  # only spaces (or an abbreviation's full stop) since the previous word
    after_possessive: bool  # right after "Willow's" or "the Summers'": a thing of theirs
    mark_before: str  # the first punctuation mark between the previous word and this one, or ""


@dataclass(slots=True)
class _NameOcc:
    """One occurrence of a run of capitalised words that may name a person."""

    start: int
    end: int
    form: str  # as written, whitespace collapsed, without a possessive 's
    honorific: str | None  # lower-case, without its full stop
    names: tuple[str, ...]  # the words after the honorific
    initial: bool
    quoted: bool
    speech: bool  # next to a speech verb: "Willow asked", "said Emma"
    after_the: bool
    after_place_word: bool
    acts: bool  # followed by a past-tense verb: "Nadia knew", "Marta sighed"
    vocative: bool  # said to someone: '"Nell, pass the salt"'
    sentence: int


@dataclass
class _FormStats:
    form: str
    honorific: str | None
    names: tuple[str, ...]
    occurrences: list[_NameOcc] = field(default_factory=list)
    votes: Counter[str] = field(default_factory=Counter)  # pronoun gender evidence
    # pronouns after "the Dodger": gender evidence once the form is known to be a person
    title_votes: Counter[str] = field(default_factory=Counter)

    @property
    def count(self) -> int:
        return len(self.occurrences)

    def tally(self, flag: str) -> int:
        return sum(1 for occ in self.occurrences if getattr(occ, flag))


@dataclass
class _Cluster:
    forms: list[_FormStats] = field(default_factory=list)
    pack_name: str | None = None
    pack_gender: str = "U"
    extra_aliases: list[str] = field(default_factory=list)  # pack forms seen in the text
    nicknames: set[str] = field(default_factory=set)  # forms the text explains as nicknames

    @property
    def count(self) -> int:
        return sum(f.count for f in self.forms)

    @property
    def first_names(self) -> set[str]:
        return {f.names[0] for f in self.forms if len(f.names) >= 2}

    @property
    def last_names(self) -> set[str]:
        return {f.names[-1] for f in self.forms if len(f.names) >= 2 or f.honorific}

    @property
    def full_names(self) -> set[tuple[str, ...]]:
        return {f.names for f in self.forms if len(f.names) >= 2}

    def given_name_gender(self) -> str:
        """The usual gender of the character's given names, when they agree ("U" otherwise)."""
        found = {given_names.gender_of(f.names[0]) for f in self.forms if not f.honorific and f.names} - {"U"}
        return next(iter(found)) if len(found) == 1 else "U"

    def gender(self) -> str:
        if self.pack_name is not None and self.pack_gender != "U":
            return self.pack_gender
        by_title = {person_words.HONORIFICS.get(f.honorific or "", "U") for f in self.forms} & _GENDERED
        if len(by_title) == 1:
            return next(iter(by_title))
        votes: Counter[str] = Counter()
        for form in self.forms:
            votes.update(form.votes)
            votes.update(form.title_votes)
        male, female = votes["M"], votes["F"]
        by_name = self.given_name_gender()
        if by_name in _GENDERED:
            # A common given name tells the gender unless the narration clearly says otherwise:
            # a few "he"s near "Fanny" are mostly the man she is with.
            against = male if by_name == "F" else female
            if against < 10 or against < 4 * (male + female - against):
                return by_name
        # Stray votes are common ("Emma ... he" where he is the man she talks to), so a clear
        # majority decides: two to one on little evidence, three to two on plenty.
        ratio = 1.4 if male + female >= 10 else 2.0
        if max(male, female) >= _MIN_GENDER_VOTES and max(male, female) >= ratio * min(male, female) + (
            male + female < 10
        ):
            return "M" if male > female else "F"
        return "U"


def _tokens(text: str, start: int, end: int, quotes: list[tuple[int, int]]) -> Iterator[_Token]:
    """Words of ``text[start:end]``, each marked as sentence-initial and/or quoted.

    In hard-wrapped text (far more line ends than blank lines) a single line end is a space;
    otherwise it ends a paragraph, as in stories whose paragraphs are one line each.
    """
    newlines = text.count("\n", start, end)
    hard_wrapped = newlines > 3 * (text.count("\n\n", start, end) + 1) and newlines > 20
    previous_end = start
    previous_lower = ""
    quote_index = 0
    first = True
    for match in _WORD.finditer(text, start, end):
        word_start, word_end = match.span()
        gap = text[previous_end:word_start]
        if hard_wrapped and "\n" in gap and "\n\n" not in gap.replace("\r", "").replace(" ", ""):
            gap = gap.replace("\r", "").replace("\n", " ")
        dot_before = gap.startswith(".")
        abbreviated = previous_lower in _ABBREVIATIONS or (
            len(previous_lower) == 1 and previous_lower.isalpha()
        )
        squeezed = gap.strip(" \t")
        joined = squeezed == "" or (squeezed == "." and abbreviated)
        if abbreviated and dot_before:
            gap = gap[1:]
        initial = first or bool(_SENTENCE_GAP.search(gap))
        after_possessive = not initial and (
            previous_lower.endswith(("'s", "’s")) or (gap[:1] in ("'", "’") and previous_lower.endswith("s"))
        )
        mark_before = gap.lstrip()[:1]
        while quote_index < len(quotes) and quotes[quote_index][1] <= word_start:
            quote_index += 1
        quoted = quote_index < len(quotes) and quotes[quote_index][0] <= word_start
        word = match.group()
        lower = word.lower()
        base = _APOSTROPHE.split(lower, 1)[0]
        yield _Token(
            word_start,
            word_end,
            word,
            lower,
            base,
            initial,
            quoted,
            dot_before,
            joined,
            after_possessive,
            mark_before,
        )
        previous_end, previous_lower, first = word_end, lower, False


def _is_capitalised(word: str) -> bool:
    # Shouted or heading words in capitals ("NO", "CHAPTER") are not names; "McCoy" and "O'Neil" are,
    # and so are initials used as a name ("AJ", "JC"), which shouting around them rules out later.
    # A family name may open with a lower-case article ("al-Rashid", "d'Artagnan"): a name all the same.
    if _ARTICLE_PREFIXED.match(word):
        return True
    return word[0].isupper() and (len(word) == 1 or not word.isupper() or _is_initials(word))


def _is_initials(word: str) -> bool:
    return 2 <= len(word) <= 3 and word.isalpha() and word.isupper() and not _ROMAN.fullmatch(word)


def _shouted(tokens: list[_Token], index: int) -> bool:
    """Whether a capitals-only word stands among other capitals-only words ("GET OUT NOW")."""
    for near, between in ((index - 1, index), (index + 1, index + 1)):
        # Only a neighbour in the same run of words counts: '"GET OUT," AJ yelled' is not shouting AJ.
        if 0 <= near < len(tokens) and between < len(tokens) and not tokens[between].mark_before:
            word = tokens[near].text
            if len(word) > 1 and word.isupper() and word.isalpha():
                return True
    return False


def _name_occurrences(
    tokens: list[_Token],
    sentence_of: list[int],
    not_names: frozenset[str] = person_words.NOT_NAMES,
    present_tense: bool = False,
) -> Iterator[_NameOcc]:
    """Runs of capitalised words, with an optional honorific in front; no run opens with a word of
    ``not_names`` (the common words that are never a name in this text). In a story told in the
    present tense (``present_tense``), a name acts when a present-tense verb follows it."""
    i = 0
    count = len(tokens)
    # nicknames seen in mid-sentence ("at Big Medicine"): at a sentence start they are the same name
    nicknames = {
        (tokens[k].lower, tokens[k + 1].text)
        for k in range(count - 1)
        if tokens[k].lower in _NICKNAME_ADJECTIVES and _opens_nickname(tokens, k, not_names)
    }
    while i < count:
        token = tokens[i]
        nickname_word = _opens_nickname(tokens, i, not_names) or (
            i + 1 < count and (token.lower, tokens[i + 1].text) in nicknames and _is_capitalised(token.text)
        )
        if (
            not _is_capitalised(token.text)
            or (token.base in not_names and token.lower not in person_words.HONORIFICS and not nickname_word)
            or (_is_initials(token.text) and _shouted(tokens, i))
        ):
            i += 1
            continue
        honorific: str | None = None
        j = i
        if (
            token.lower in person_words.HONORIFICS
            and j + 1 < count
            and _continues_name(tokens, j + 1, not_names)
        ):
            honorific = token.lower
            j += 1
        elif token.base in not_names and not nickname_word:
            i += 1
            continue
        names: list[str] = []
        end = j
        while end < count:
            word = tokens[end]
            if end > j and not _continues_name(tokens, end, not_names):
                # Particles ("de", "van der", "de la") join only when a capitalised word follows them.
                particles = _particle_run(tokens, end)
                if (
                    particles
                    and end + particles < count
                    and _continues_name(tokens, end + particles, not_names)
                ):
                    names += [t.text for t in tokens[end : end + particles]]
                    end += particles
                    continue
                break
            if end == j and (
                (word.base in not_names and not nickname_word) or not _is_capitalised(word.text)
            ):
                break
            possessive = _NAME_SUFFIX.search(word.text)
            names.append(word.text[: possessive.start()] if possessive else word.text)
            end += 1
            if possessive:
                break
        if not names:
            i += 1
            continue
        last = tokens[end - 1]
        suffix = _NAME_SUFFIX.search(last.text)
        last_end = last.end - (len(suffix.group()) if suffix else 0)
        first_word = tokens[i]
        before = tokens[i - 1] if i > 0 and not first_word.initial else None
        after = tokens[end] if end < count else None
        # "Willow asked", "said Emma", "said the Caterpillar".
        before_article = (
            tokens[i - 2] if before is not None and before.lower in ("the", "a") and i >= 2 else before
        )
        speech = (after is not None and after.lower in person_words.SPEECH_VERBS and not after.initial) or (
            before_article is not None and before_article.lower in person_words.SPEECH_VERBS
        )
        form_words = ([first_word.text + ("." if _has_dot(tokens, i) else "")] if honorific else []) + names
        yield _NameOcc(
            start=first_word.start,
            end=last_end,
            form=" ".join(form_words),
            honorific=honorific,
            names=tuple(names),
            initial=first_word.initial,
            quoted=first_word.quoted,
            speech=speech,
            after_the=(before is not None and before.lower in person_words.DETERMINERS)
            or first_word.after_possessive,
            after_place_word=before is not None
            and before.lower in person_words.PLACE_PREPOSITIONS
            and not _owns_next_word(tokens, end),
            acts=after is not None
            and not after.initial
            and (_looks_past_tense(after.text) or (present_tense and _looks_present_tense(after.text))),
            # Said to someone: opening the speech or set off by a comma, and followed by , ! ?
            # ("Nell, pass the salt", "Come, Nell!"); not "in India, they say".
            vocative=first_word.quoted
            and (first_word.initial or first_word.mark_before == ",")
            and (after is None or after.mark_before in (",", "!", "?")),
            sentence=sentence_of[i],
        )
        i = end


# Adjectives that open a nickname when capitalised in mid-sentence before a name ("said Big
# Medicine", "Happy Jack laughed", "with Little John"); at a sentence start they are ordinary words.
_NICKNAME_ADJECTIVES = frozenset({"big", "little", "happy", "old", "young"})


def _opens_nickname(tokens: list[_Token], index: int, not_names: frozenset[str]) -> bool:
    token = tokens[index]
    return (
        token.lower in _NICKNAME_ADJECTIVES
        and not token.initial
        and not token.quoted
        and _is_capitalised(token.text)
        and index + 1 < len(tokens)
        and _continues_name(tokens, index + 1, not_names)
    )


def _owns_next_word(tokens: list[_Token], end: int) -> bool:
    """Whether the name that ends before ``tokens[end]`` is a possessive owning the next word: "in
    Sam's lap", "to Daniel's flat". The lap or the flat is the place, so "in" is no vote that Sam is
    a place; a possessive standing alone ("to Molly's for the night") still is."""
    if end == 0 or end >= len(tokens) or not _POSSESSIVE.search(tokens[end - 1].text):
        return False
    after = tokens[end]
    return (
        not after.initial
        and after.text.islower()
        and after.lower not in person_words.NOT_OWNED_AFTER_POSSESSIVE
    )


def _looks_past_tense(word: str) -> bool:
    return word.islower() and (word in person_words.PAST_TENSE or (len(word) > 4 and word.endswith("ed")))


def _looks_present_tense(word: str) -> bool:
    """A verb in the third person of the present tense, as a story told in it writes one after a
    name ("April watches", "June whispers"); not "kiss" or "always" ("always" is too short a stem
    to tell, and rare after a name)."""
    if word in _PRESENT_TENSE_SHORT:
        return True
    return (
        word.islower()
        and len(word) > 3
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is", "ys"))
    )


def _told_in_present(tokens: list[_Token]) -> bool:
    """Whether the narration is in the present tense: after "he" and "she", present-tense verbs
    ("she smiles") outnumber past-tense ones ("she smiled")."""
    present = past = 0
    for index, token in enumerate(tokens[:-1]):
        if token.lower not in ("he", "she"):
            continue
        following = tokens[index + 1]
        if following.mark_before:
            continue
        if _looks_past_tense(following.text):
            past += 1
        elif _looks_present_tense(following.text):
            present += 1
    return present > past


def _particle_run(tokens: list[_Token], index: int) -> int:
    """How many name particles in a row start at ``index`` ("van der" of "Pieter van der Berg"),
    each run on from the word before it; at most three, and none that opens a sentence."""
    length = 0
    while (
        length < _MAX_PARTICLES
        and index + length < len(tokens)
        and tokens[index + length].lower in _NAME_PARTICLES
        and not tokens[index + length].initial
        and tokens[index + length].joined
    ):
        length += 1
    return length


def _continues_name(
    tokens: list[_Token], index: int, not_names: frozenset[str] = person_words.NOT_NAMES
) -> bool:
    word = tokens[index]
    return not word.initial and _is_capitalised(word.text) and word.base not in not_names and word.joined


def _calendar_names(tokens: list[_Token]) -> frozenset[str]:
    """The calendar words that this text uses as a person's given name: written at least
    ``_CALENDAR_PERSON_USES`` times as the one who speaks or acts ("April said", "said April", "June
    laughed", "April watches"), and more often so than as a date ("in April", "April 5th", "last
    June")."""
    as_person: Counter[str] = Counter()
    as_date: Counter[str] = Counter()
    for index, token in enumerate(tokens):
        if token.base not in person_words.CALENDAR_GIVEN_NAMES or not token.text[0].isupper():
            continue
        before = tokens[index - 1] if index > 0 and not token.initial and not token.mark_before else None
        after = tokens[index + 1] if index + 1 < len(tokens) else None
        if after is not None and (after.initial or after.mark_before):
            after = None  # a full stop or a comma between: "in April, she said" is no "April said"
        if (before is not None and before.lower in _DATE_BEFORE) or (
            after is not None and after.text[0].isdigit()
        ):
            as_date[token.base] += 1
        elif (before is not None and before.lower in person_words.SPEECH_VERBS) or (
            after is not None
            and token.lower == token.base  # not the possessive "April's"
            and (
                after.lower in person_words.SPEECH_VERBS
                or _looks_past_tense(after.text)
                or _looks_present_tense(after.text)
            )
        ):
            as_person[token.base] += 1
    return frozenset(
        word for word, uses in as_person.items() if uses >= _CALENDAR_PERSON_USES and uses > as_date[word]
    )


def _has_dot(tokens: list[_Token], index: int) -> bool:
    # The honorific's full stop sits between it and the next word.
    return index + 1 < len(tokens) and tokens[index + 1].dot_before


# ---------------------------------------------------------------- the stage


# A fandom qualifier in a pack name: "Gwen (Merlin)".
_BRACKETED = re.compile(r"\s*\([^)]*\)")
# How often the text must write a pack character's given name with another family name ("Bruce
# Wayne" against the pack's "Bruce Banner") to mean someone else by it: once could be a slip.
_NAMESAKE_FULL_NAMES = 2
# How far either side of a name two canons of a crossover share the text is searched for the other
# names of each canon (characters, about a page): a crossover tends to tell one world at a time.
_CROSSOVER_REACH = 2000


def pack_roster(packs: Iterable[FandomPack]) -> list[Character]:
    """The packs' characters as a cast to look for by name: each known by its canonical name (its
    id too), its aliases and its nicknames. A canonical name two packs share is the first pack's."""
    roster: dict[str, Character] = {}
    for pack in packs:
        for c in pack.characters:
            if c.name not in roster:
                roster[c.name] = Character(
                    id=c.name,
                    name=c.name,
                    aliases=[*c.aliases, *c.nicknames],
                    gender=c.gender,  # type: ignore[arg-type]
                )
    return list(roster.values())


def find_characters(work: Work, options: Options) -> None:
    """Add the characters and mentions layers."""
    if options.roster is not None:
        _roster_mode(work, options.roster)
        return
    _Discovery(work, _packs_for(work, options)).run()


def _roster_mode(work: Work, roster: list[Character]) -> None:
    # A cast given from outside: find its names, discover nothing.
    work.characters = [dataclasses.replace(c) for c in roster]
    extra = _unshared_given_names(work.text, work.characters)
    for character_id, spellings in _title_spellings(work.characters).items():
        extra.setdefault(character_id, []).extend(spellings)
    for character_id, descriptions in _sentence_case_descriptions(work.characters).items():
        extra.setdefault(character_id, []).extend(descriptions)
    searched = [dataclasses.replace(c, aliases=[*c.aliases, *extra.get(c.id, [])]) for c in work.characters]
    work.mentions = find_name_mentions(work.text, searched, start=work.metadata.body_start)
    duplicates = _bare_duplicates(work.characters)
    family_men = _family_men(work.characters)
    for mention in work.mentions:
        mention.character = duplicates.get(mention.character or "", mention.character)
        man = family_men.get((work.text[mention.start : mention.end], mention.character or ""))
        mention.character = man or mention.character
    headline = _headline_owners(work.characters)
    for mention in work.mentions:
        if mention.character is None:
            mention.character = headline.get(_folded(work.text[mention.start : mention.end]))
    owners = _shared_first_names(work.text, work.characters)
    if owners:
        for mention in work.mentions:
            owner = owners.get(work.text[mention.start : mention.end])
            if owner is not None:
                mention.character = owner
    counts: Counter[str] = Counter(m.character for m in work.mentions if m.character is not None)
    firsts: dict[str, int] = {}
    for mention in work.mentions:
        if mention.character is not None:
            firsts.setdefault(mention.character, mention.start)
    for character in work.characters:
        character.mentions = counts.get(character.id, 0)
        character.first = firsts.get(character.id)


# A title's short and long spellings: a cast listing "Dr. Grant" or "Colonel Brandon" is read in a
# story that writes "Doctor Grant" or "Col. Brandon" too.
_TITLE_SPELLINGS = (
    ("Dr", "Doctor"),
    ("Capt", "Captain"),
    ("Col", "Colonel"),
    ("Gen", "General"),
    ("Maj", "Major"),
    ("Prof", "Professor"),
    ("Lt", "Lieutenant"),
    ("Sgt", "Sergeant"),
    ("Rev", "Reverend"),
    ("Mr", "Mister"),
)
_TITLE_FORMS: dict[str, tuple[str, ...]] = {
    folded: (short + ".", short, long)
    for short, long in _TITLE_SPELLINGS
    for folded in (short.lower(), long.lower())
}


def _title_spellings(characters: list[Character]) -> dict[str, list[str]]:
    """The other spellings of a title a cast name opens with ("Doctor Grant" and "Dr Grant" for
    "Dr. Grant"), by character id; none that names someone else of the cast already."""
    listed = {_folded(name) for character in characters for name in (character.name, *character.aliases)}
    found: dict[str, list[str]] = {}
    for character in characters:
        for name in (character.name, *character.aliases):
            title, _, rest = name.partition(" ")
            forms = _TITLE_FORMS.get(title.lower().rstrip("."), ())
            if not rest or not rest[:1].isupper():
                continue
            for form in forms:
                spelled = f"{form} {rest}"
                if _folded(spelled) not in listed:
                    listed.add(_folded(spelled))
                    found.setdefault(character.id, []).append(spelled)
    return found


# the words a description opens on, written with a capital when a cast list starts with them
_DESCRIPTION_OPENERS = frozenset(("The", "A", "An", "Our", "My", "His", "Her", "Their"))


# parents and the like, whom the lines call "your mother" when speaking to their child
_KIN_WORDS = frozenset(noun.word for noun in person_words.nouns_of_kinds(person_words.ELDER_KIN_KINDS))


def _sentence_case_descriptions(characters: list[Character]) -> dict[str, list[str]]:
    """A cast description written as a sentence ("The doctor", "Our guide"), by character id, as
    the narration writes it within a sentence: "the doctor", "our guide". Only when every other
    word is in lower case: "The Labouring Man" is a label, not the narration's words."""
    found: dict[str, list[str]] = {}
    for character in characters:
        for name in (character.name, *character.aliases):
            parts = name.split()
            if len(parts) >= 2 and parts[0] in _DESCRIPTION_OPENERS and all(p.islower() for p in parts[1:]):
                found.setdefault(character.id, []).append(" ".join([parts[0].lower(), *parts[1:]]))
            if len(parts) == 2 and parts[0].lower() == "your" and parts[1].lower() in _KIN_WORDS:
                # "Your mother", as the lines call her, is "his mother" or "her mother" in the
                # narration around the child she is spoken of to
                found.setdefault(character.id, []).extend(
                    f"{owner} {parts[1].lower()}" for owner in ("his", "her", "His", "Her")
                )
    return found


def _unshared_given_names(text: str, characters: list[Character]) -> dict[str, list[str]]:
    """Given names a cast leaves out of its lists, by character id: "Thérèse" alone is Thérèse de
    Vitré when she is listed only by her full name and nobody else in the cast has that word in a
    name of theirs. Descriptions are no full names ("Young Lady", "Thérèse's Father"): a given name
    is taken only when the text never writes it in lower case."""
    users: dict[str, set[str]] = {}  # a word of some name, folded -> the characters using it
    given: dict[str, dict[str, set[str]]] = {}  # folded given name -> character -> its spellings
    for character in characters:
        for name in (character.name, *character.aliases):
            parts = name.split()
            if any(_POSSESSIVE.search(part) for part in parts):
                continue  # "Thérèse's Father" names someone else by her
            for k, part in enumerate(parts):
                if k == 1 and parts[0].lower().rstrip(".") == "mrs" and len(parts) > 2:
                    continue  # "Mrs. John Dashwood" goes by her husband's given name, not her own
                users.setdefault(_folded(part), set()).add(character.id)
            opener = parts[0].lower().rstrip(".") if parts else ""
            if len(parts) >= 2 and opener not in person_words.HONORIFICS and parts[1][:1].isupper():
                given.setdefault(_folded(parts[0]), {}).setdefault(character.id, set()).add(parts[0])
    extra: dict[str, list[str]] = {}
    for word, spellings in given.items():
        if users.get(word, set()) != set(spellings) or not word.isalpha():
            continue
        if len(spellings) == 2:
            # John Dashwood and Sir John Middleton: a baronet is "Sir John", never a bare "John",
            # so the bare name is the untitled one's
            spellings = _untitled_sharer(spellings, characters)
        if len(spellings) != 1:
            continue
        if re.search(rf"\b{re.escape(word)}\b", text):
            continue  # "young", "elderly": a description's word, not a name
        ((owner, forms),) = spellings.items()
        listed = {name for c in characters if c.id == owner for name in (c.name, *c.aliases)}
        if not forms & listed:
            extra[owner] = sorted(forms)
    return extra


def _folded(word: str) -> str:
    """A word lower-cased without its accents, to compare spellings of one name."""
    return "".join(unicodedata.normalize("NFKD", c)[0] for c in word.lower())


def _shared_first_names(text: str, characters: list[Character]) -> dict[str, str]:
    """Who a bare first name shared by two of the cast stands for, when the text says it clearly.

    A cast may list "John" as one character's alias while another is "John Andrew". Alone, the
    name belongs to the one the text does not call by surname: if "Beaver" stands alone two hundred
    times and "Andrew" almost never, the bare "John" is John Andrew. Decided only when one of them
    uses its surname alone at most a third as often as every other; else the cast's own lists stand.
    """
    by_first: dict[str, dict[str, str]] = {}  # first name -> character id -> surname
    one_word: dict[str, set[str]] = {}  # a one-word name -> the characters listing it
    for character in characters:
        for name in (character.name, *character.aliases):
            parts = name.split()
            if len(parts) == 1:
                one_word.setdefault(parts[0], set()).add(character.id)
            elif parts[0].lower().rstrip(".") not in person_words.HONORIFICS and all(
                p[0].isupper() and p.lower() != "the" for p in parts
            ):
                by_first.setdefault(parts[0], {}).setdefault(character.id, parts[-1])
    owners: dict[str, str] = {}
    for first, listed in one_word.items():
        sharing = by_first.get(first, {})
        if len(set(sharing) | listed) < 2 or any(cid not in sharing for cid in listed):
            continue  # not shared, or listed by someone with no surname to compare
        alone = {cid: _surname_alone(text, surname) for cid, surname in sharing.items()}
        ranked = sorted(alone, key=alone.__getitem__)
        if 3 * alone[ranked[0]] <= alone[ranked[1]] and alone[ranked[1]] >= 10:
            owners[first] = ranked[0]
    return owners


def _surname_alone(text: str, surname: str) -> int:
    """How often a surname stands alone ("Beaver"), not after a first name or a title ("John
    Beaver", "Mrs. Maylie": those may be the family's other members)."""
    count = 0
    for match in re.finditer(rf"\b{re.escape(surname)}\b", text):
        before = text[max(0, match.start() - 20) : match.start()].split()
        previous = before[-1] if before else ""
        if previous.lower().rstrip(".") in person_words.HONORIFICS:
            continue
        if not previous[:1].isupper() or previous[-1:] in ".!?\"“”'’":
            count += 1
    return count


def _packs_for(work: Work, options: Options) -> list[FandomPack]:
    """The fandom packs of the work: the one the user forced, else those of every fandom the fandom
    stage detected or found declared (a crossover has two or more), the one whose names, places and
    terms the text uses most first."""
    if options.fandom:
        forced = fandoms.get_pack(options.fandom, options.pack_dirs)
        return [forced] if forced is not None else []
    return strongest_first(work.text, fandoms.packs_for_work(work, options.pack_dirs))


class _Discovery:
    """One work's cast, found from its text (and its fandom pack when there is one)."""

    def __init__(self, work: Work, packs: Iterable[FandomPack] | None) -> None:
        self.work = work
        self.packs = list(packs or ())
        # canonical name -> (the pack's character, the index of its pack); a canonical name two
        # packs share is the first (stronger) pack's.
        self.pack_characters: dict[str, tuple[PackCharacter, int]] = {}
        for pack_index, pack in enumerate(self.packs):
            for character in pack.characters:
                self.pack_characters.setdefault(character.name, (character, pack_index))
        self.text = work.text
        self.start = min(max(work.metadata.body_start, 0), len(work.text))
        self.end = len(work.text)
        self.pack_mentions: list[Mention] = []
        self.words = 0  # words of the body, once tokenised

    def run(self) -> None:
        text = self.text
        self.quotes = quoted_spans(text, self.start, self.end)
        tokens = list(_tokens(text, self.start, self.end, self.quotes))
        self.sentence_starts, sentence_of = _sentences(tokens)
        self.not_names = person_words.NOT_NAMES - _calendar_names(tokens)
        occurrences = list(_name_occurrences(tokens, sentence_of, self.not_names, _told_in_present(tokens)))
        # (a name with a lower-case article, "al-Rashid", is no common word for being lower-case)
        self.lower_counts = Counter(
            t.lower for t in tokens if t.text[0].islower() and not _ARTICLE_PREFIXED.match(t.text)
        )
        self.tokens = tokens
        self.words = len(tokens)
        self.token_index = {t.start: i for i, t in enumerate(tokens)}
        pack_clusters, pack_spans = self._pack_clusters()
        forms = self._forms(occurrences, pack_spans)
        self._gender_votes(tokens, forms)
        people = self._people(forms)
        self._clusters = self._merge_clipped_names(
            self._merge_text_nicknames(self._cluster(people, pack_clusters))
        )
        self._build(self._clusters)

    # -- the fandom pack -------------------------------------------------------------------

    def _pack_clusters(self) -> tuple[dict[str, _Cluster], list[Mention]]:
        """Mentions of the packs' characters by name, alias or nickname (capitalised as written)."""
        if not self.packs:
            return {}, []
        found = find_name_mentions(self.text, pack_roster(self.packs), start=self.start, end=self.end)
        if len(self.packs) > 1:
            found = self._crossover_names(found)
        found += self._vocative_nicknames({(m.start, m.end) for m in found})
        found.sort(key=lambda m: m.start)
        found = self._family_names_to_the_one_named(found)
        found = self._without_namesakes(found)
        found, silenced = self._without_self_address(found)
        starts = {t.start: t for t in self.tokens}
        kept: list[Mention] = []
        clusters: dict[str, _Cluster] = {}
        for mention in found:
            if mention.character is None:
                continue
            token = starts.get(mention.start)
            surface = self.text[mention.start : mention.end]
            if token is not None and token.initial and not self._sentence_start_is_name(token, surface):
                continue
            kept.append(mention)
            cluster = clusters.get(mention.character)
            if cluster is None:
                pack_character = self.pack_characters[mention.character][0]
                cluster = _Cluster(pack_name=pack_character.name, pack_gender=pack_character.gender)
                clusters[mention.character] = cluster
            form = " ".join(surface.split())
            if form not in cluster.extra_aliases:
                cluster.extra_aliases.append(form)
        self.pack_mentions = kept
        # A silenced nickname still is no new character: its stretch stays taken.
        return clusters, kept + silenced

    def _crossover_names(self, found: list[Mention]) -> list[Mention]:
        """A name two canons of a crossover both use goes to the canon whose other characters the
        text names nearby, else to the first (stronger) one.

        Each pack's names are matched together, so a name that one character of each of two packs
        bears ("Lucy") comes back as nobody's. The story tells which world it is in: the pack with
        more of its own characters named within ``_CROSSOVER_REACH`` characters either side takes the
        mention; on a tie the pack the text uses most does. A name shared by two characters of one
        pack stays nobody's, as in a story of that canon alone.
        """
        claims: dict[str, dict[int, set[str]]] = {}  # name key -> pack index -> characters bearing it
        for character, pack_index in self.pack_characters.values():
            for name in (character.name, *character.aliases, *character.nicknames):
                for key in name_keys(name):
                    claims.setdefault(key, {}).setdefault(pack_index, set()).add(character.name)
        starts: list[list[int]] = [[] for _ in self.packs]  # each pack's resolved mentions, in order
        for mention in found:
            if mention.character is not None:
                starts[self.pack_characters[mention.character][1]].append(mention.start)

        def nearby(pack_index: int, position: int) -> int:
            positions = starts[pack_index]
            return bisect.bisect_right(positions, position + _CROSSOVER_REACH) - bisect.bisect_left(
                positions, position - _CROSSOVER_REACH
            )

        result = []
        for mention in found:
            if mention.character is None:
                owners = claims.get(name_key(self.text[mention.start : mention.end]), {})
                if len(owners) >= 2 and all(len(names) == 1 for names in owners.values()):
                    best = max(sorted(owners), key=lambda i: (nearby(i, mention.start), -i))
                    (owner,) = owners[best]
                    mention = Mention(mention.start, mention.end, owner, mention.kind)
            result.append(mention)
        return result

    def _family_names_to_the_one_named(self, found: list[Mention]) -> list[Mention]:
        """A family name the pack gives one of its bearers goes to another bearer when the text
        names only that other one.

        A pack lets a bare family name stand for its best-known bearer ("Skywalker" alone is Luke),
        but a story that names Anakin and never Luke means Anakin by it. So when the owner of a
        family-name alias is mentioned by nothing but that family name, and exactly one other pack
        character of that family is named by another form, the family name's mentions are his.
        """
        family: dict[str, list[str]] = {}  # lower-cased family name -> pack characters bearing it
        for character, pack_index in self.pack_characters.values():
            family_first = self.packs[pack_index].family_name_first
            surname = person_words.family_name(character.name, family_first=family_first)
            if surname is not None:
                family.setdefault(surname.lower(), []).append(character.name)
        surfaces: dict[str, set[str]] = {}
        for mention in found:
            if mention.character is not None:
                surface = " ".join(self.text[mention.start : mention.end].lower().split())
                surfaces.setdefault(mention.character, set()).add(surface)
        moved: dict[tuple[str, str], str] = {}  # (owner, family name) -> the bearer the text names
        for owner, written in surfaces.items():
            if len(written) != 1:
                continue  # the owner is named some other way too: the pack's reading stands
            (surface,) = written
            bearers = [
                name
                for name in family.get(surface, ())
                if name != owner and surfaces.get(name, set()) - {surface}
            ]
            if len(bearers) == 1:
                moved[(owner, surface)] = bearers[0]
        if not moved:
            return found
        result = []
        for mention in found:
            surface = " ".join(self.text[mention.start : mention.end].lower().split())
            bearer = moved.get((mention.character or "", surface))
            result.append(
                mention if bearer is None else Mention(mention.start, mention.end, bearer, mention.kind)
            )
        return result

    def _without_namesakes(self, found: list[Mention]) -> list[Mention]:
        """Drop a pack character named only by one-word names of hers that the text gives another
        family name.

        A crossover or an original story can share a first name with a pack character: a story that
        writes "Bruce Wayne" again and again and never the pack's "Banner" means by its bare "Bruce"
        the Bruce it names in full, not the pack's. So when every mention of a pack character is a
        one-word name of hers other than her family name (the given name of her pack name, or a
        short form the pack lists, as "Jen" beside "Jennifer Barkley"), and the text writes that
        given name or one of those words followed by one other capitalised word at least twice (not
        a word of her pack names), those mentions go, and the text's own discovery of names takes
        the person.
        """
        surfaces: dict[str, set[str]] = {}
        for mention in found:
            if mention.character is not None:
                surfaces.setdefault(mention.character, set()).add(self.text[mention.start : mention.end])
        dropped: set[str] = set()
        for owner, written in surfaces.items():
            character, pack_index = self.pack_characters[owner]
            family_first = self.packs[pack_index].family_name_first
            pack_words = _BRACKETED.sub("", character.name).split()
            family = person_words.family_name(character.name, family_first=family_first)
            if len(pack_words) < 2 or family is None or family in written:
                continue
            if any(len(form.split()) != 1 for form in written):
                continue  # a fuller name of hers is written: she is the pack's
            own_words = {w for form in (character.name, *character.aliases) for w in form.split()}
            given = pack_words[-1] if family_first else pack_words[0]
            forms = "|".join(re.escape(form) for form in sorted(written | {given}))
            pattern = re.compile(rf"(?<![\w'’-])(?:{forms}) ([A-Z][a-z]+)(?![\w'’-])")
            others = Counter(
                match.group(1)
                for match in pattern.finditer(self.text, self.start, self.end)
                if match.group(1) not in own_words
            )
            if others and others.most_common(1)[0][1] >= _NAMESAKE_FULL_NAMES:
                dropped.add(owner)
        if not dropped:
            return found
        return [m for m in found if m.character not in dropped]

    def _without_self_address(self, found: list[Mention]) -> tuple[list[Mention], list[Mention]]:
        """Drop nicknames said in speech whose speech tag names the same character.

        A nickname in a quote is most often said to someone, and nobody calls themselves by a pet
        name: in '"Evening, Blondie," Spike said' the nickname means whoever Spike talks to,
        whatever the pack says it usually means. Such a mention is left out rather than guessed.
        """
        if not self.packs or not self.quotes:
            return found, []
        nicknames = {
            name: {" ".join(n.lower().split()) for n in c.nicknames}
            for name, (c, _) in self.pack_characters.items()
        }
        quote_starts = [q[0] for q in self.quotes]
        by_start = {m.start: m for m in found}
        starts = sorted(by_start)
        kept: list[Mention] = []
        silenced: list[Mention] = []
        for mention in found:
            surface = " ".join(self.text[mention.start : mention.end].lower().split())
            k = bisect.bisect_right(quote_starts, mention.start) - 1
            inside = k >= 0 and self.quotes[k][1] > mention.start
            if mention.character is None or not inside or surface not in nicknames.get(mention.character, ()):
                kept.append(mention)
                continue
            speakers = self._tagged_speakers(self.quotes[k], by_start, starts)
            (silenced if mention.character in speakers else kept).append(mention)
        return kept, silenced

    def _tagged_speakers(
        self, quote: tuple[int, int], by_start: dict[int, Mention], starts: list[int]
    ) -> set[str]:
        """The characters named in the speech tags right after a quote ('..." Spike said', '..."
        said Spike') or right before it ('Spike said, "...'), from the pack's name mentions."""
        speakers: set[str] = set()
        tag = _TAG_AFTER.match(self.text[quote[1] : quote[1] + _TAG_REACH])
        if tag is not None:
            group = "name" if tag.group("name") is not None else "late"
            mention = by_start.get(quote[1] + tag.start(group))
            if mention is not None and mention.character is not None:
                speakers.add(mention.character)
        k = bisect.bisect_left(starts, quote[0] - _TAG_REACH)
        while k < len(starts) and starts[k] < quote[0]:
            mention = by_start[starts[k]]
            if mention.character is not None and _TAG_BEFORE.fullmatch(self.text, mention.end, quote[0]):
                speakers.add(mention.character)
            k += 1
        return speakers

    def _vocative_nicknames(self, taken: set[tuple[int, int]]) -> list[Mention]:
        """Pack nicknames said to someone in lower case: "eh red?", "you all right, red?".

        Only inside speech, only as a vocative (right before a comma or the end of a sentence),
        and not after a word that makes it an adjective ("so red.", "the red,").
        """
        owners: dict[str, str] = {}
        for character, _ in self.pack_characters.values():  # the stronger pack's first
            for nickname in character.nicknames:
                if " " not in nickname and len(nickname) > 2:
                    owners.setdefault(nickname.lower(), character.name)
        if not owners:
            return []
        alternatives = "|".join(re.escape(n) for n in sorted(owners, key=len, reverse=True))
        pattern = re.compile(rf"(?<![\w'’-])({alternatives})(?=\s*[,.!?…\"”])")
        quote_starts = [q[0] for q in self.quotes]
        found = []
        for match in pattern.finditer(self.text, self.start, self.end):
            k = bisect.bisect_right(quote_starts, match.start()) - 1
            if k < 0 or self.quotes[k][1] <= match.start() or match.span() in taken:
                continue
            previous = _PREVIOUS_WORD.search(self.text, max(self.start, match.start() - 30), match.start())
            if previous is not None and previous.group(1).lower() in _NOT_BEFORE_VOCATIVE:
                continue
            found.append(Mention(match.start(), match.end(), owners[match.group(1)], "name"))
        return found

    def _sentence_start_is_name(self, token: _Token, surface: str) -> bool:
        # "Will you...", "Dawn broke...": a pack name that is also a common word, at a sentence
        # start, counts only when the text also uses it as a name elsewhere or it tags speech.
        if " " in surface or self.lower_counts.get(token.lower, 0) == 0:
            return True
        index = self.token_index[token.start]
        following = self.tokens[index + 1] if index + 1 < len(self.tokens) else None
        return following is not None and following.lower in person_words.SPEECH_VERBS

    # -- name forms and whether they are people -------------------------------------------

    def _forms(self, occurrences: list[_NameOcc], pack_spans: list[Mention]) -> dict[str, _FormStats]:
        taken = sorted((m.start, m.end) for m in pack_spans)
        starts = [s for s, _ in taken]
        forms: dict[str, _FormStats] = {}
        for occ in occurrences:
            k = bisect.bisect_right(starts, occ.start) - 1
            if (k >= 0 and taken[k][1] > occ.start) or (k + 1 < len(taken) and taken[k + 1][0] < occ.end):
                continue  # the pack already names this stretch
            stats = forms.get(occ.form)
            if stats is None:
                stats = forms[occ.form] = _FormStats(occ.form, occ.honorific, occ.names)
            stats.occurrences.append(occ)
        return forms

    def _gender_votes(self, tokens: list[_Token], forms: dict[str, _FormStats]) -> None:
        """Gender evidence from the narration's pronouns, taken only where it is unambiguous.

        A "he"/"his"/"she"/"herself" votes for the name before it when exactly one name stands in
        its sentence before it, or (with none there) exactly one in the sentence before. "her"
        never votes: it may be an object ("Xander looked at her").
        """
        # Every name in a sentence makes its pronouns ambiguous ("looks at Merlin, and gathers
        # herself"), but a name after "at" may be a place, so it only blocks, never collects; one
        # after "the" may be a thing ("the Bronze"), so its votes tell a gender but not a person.
        by_start = {
            occ.start: (
                stats,
                "" if occ.after_place_word else "the" if occ.after_the else "name",
            )
            for stats in forms.values()
            for occ in stats.occurrences
        }
        current: list[tuple[_FormStats, str]] = []
        previous: list[tuple[_FormStats, str]] = []
        voted = False
        for token in tokens:
            if token.initial:
                previous, current, voted = current, [], False
            found = by_start.get(token.start)
            if found is not None:
                if all(found[0] is not seen for seen, _ in current):
                    current.append(found)
                continue
            gender = _VOTING_PRONOUNS.get(token.lower)
            if gender is None or token.quoted or voted:
                continue
            names = current or previous
            if len(names) == 1 and names[0][1]:
                # One vote a sentence: "as long as he doesn't push, he can watch himself" is one
                # piece of evidence, not three.
                stats, kind = names[0]
                (stats.votes if kind == "name" else stats.title_votes)[gender] += 1
                voted = True

    def _people(self, forms: dict[str, _FormStats]) -> list[_FormStats]:
        """The forms that name people."""
        pack_words = self._pack_words()
        endearments = self._endearments()
        minimum = 1 if self.words < 15000 else 2 if self.words < 60000 else 3
        sure: list[_FormStats] = []
        doubtful: list[_FormStats] = []
        weak: list[_FormStats] = []
        rare: list[_FormStats] = []
        singular: Counter[tuple[str, ...]] = Counter()
        surnames: Counter[str] = Counter()
        for stats in forms.values():
            singular[stats.names] += stats.count
            if len(stats.names) >= 2 or stats.honorific:
                surnames[stats.names[-1]] += stats.count
        # The pack's surnames too: "the Weasleys" is a family once "Fred Weasley" is a character.
        # The pack's names may put the family name first ("Uzumaki Naruto"); aliases that reorder
        # a name give the western order ("Naruto Uzumaki").
        for character, pack_index in self.pack_characters.values():
            pack_family_first = self.packs[pack_index].family_name_first
            named = ((character.name, pack_family_first), *((alias, False) for alias in character.aliases))
            for name, family_first in named:
                surname = person_words.family_name(name, family_first=family_first)
                if surname is not None:
                    surnames[surname] += 1
        for stats in forms.values():
            names_lower = [n.lower() for n in stats.names]
            if " ".join(names_lower) in pack_words or all(n in self.not_names for n in names_lower):
                continue
            if len(stats.names) == 1 and (names_lower[0] in endearments or len(names_lower[0]) == 1):
                continue  # "luv", "pet"; a lone initial
            if len(stats.names) >= 2 and names_lower[-1] in person_words.PLACE_HEADS:
                continue  # "Donwell Abbey", "Sunnydale High"
            speech = stats.tally("speech")
            mid = stats.count - stats.tally("initial")
            if stats.count < minimum and (speech == 0 or stats.count < minimum - 1):
                if len(stats.names) >= 2 and not stats.honorific:
                    rare.append(stats)
                continue
            if self._plural(stats, singular, surnames):
                continue  # "Indians" beside "Indian", "the Turtons" beside "Turton": a group
            if stats.honorific:
                sure.append(stats)
                continue
            if mid == 0 and speech == 0:
                # Only ever at a sentence start ("Suddenly", "Inside"): a name only if it is part
                # of a name seen elsewhere ("Clara Oswin" opening a sentence, "Clara" mid-sentence).
                if all(self.lower_counts.get(n, 0) == 0 for n in names_lower):
                    if len(names_lower) == 1 and given_names.is_given_name(names_lower[0]):
                        sure.append(stats)  # "Nadia sighed." opening every sentence she is in
                        continue
                    # ...unless people are called by it: '"Nell, pass the salt."'
                    (doubtful if stats.tally("vocative") >= 2 else weak).append(stats)
                continue
            if len(stats.names) == 1 and self.lower_counts.get(names_lower[0], 0) > 2 * mid and speech < 2:
                continue  # an ordinary word that is sometimes capitalised
            after_place_word = stats.tally("after_place_word")
            if after_place_word * 10 >= 3 * stats.count and speech * 3 < after_place_word:
                continue  # "in Bristol", "at Maple Grove"
            if stats.tally("after_the") * 2 >= stats.count and speech == 0:
                continue  # "the Bronze", "the Magic Box"
            # Everything else, speech-tagged or not, is weighed with the model's opinion: a speech
            # tag outweighs it unless it insists ("the Englishman said" is a nationality).
            doubtful.append(stats)
        people = sure + self._ner_filter(doubtful)
        # A weak form sharing a first or last name with a kept one is that person's name too:
        # "Clara Oswin" opening one sentence is Clara's full name once "Clara" is known.
        words = {w for p in people for w in (p.names[0], p.names[-1])}
        chosen = {id(p) for p in people}
        people += [
            d
            for d in (*doubtful, *weak)
            if id(d) not in chosen and (d.names[0] in words or d.names[-1] in words)
        ]
        # A full name seen once still ties a given name to a titled surname: "Adela Quested"
        # makes "Adela" and "Miss Quested" one woman.
        given = {p.names[0] for p in people if len(p.names) == 1 and not p.honorific}
        surnames = {p.names[-1] for p in people if p.honorific or len(p.names) >= 2}
        people += [r for r in rare if r.names[0] in given and r.names[-1] in surnames]
        return people

    @staticmethod
    def _plural(stats: _FormStats, singular: Counter[tuple[str, ...]], surnames: Counter[str]) -> bool:
        """Whether a form ending in "s" is the plural of another name: a family or a people.

        A plural mostly follows "the" ("the Turtons", "the Miss Steeles") or is no commoner than its
        singular; a name that merely ends in "s" ("Sikes", "Mr. Brittles") is far more frequent
        than a stray "Mr. Sike" and seldom follows "the".
        """
        last = stats.names[-1]
        if not last.endswith("s"):
            return False
        plural_of = last[:-1]
        seen = singular.get((*stats.names[:-1], plural_of), 0)
        if len(stats.names) == 1:
            seen = max(seen, surnames.get(plural_of, 0))
        if not seen:
            return False
        return seen >= stats.count or stats.tally("after_the") * 2 >= stats.count

    def _ner_filter(self, doubtful: list[_FormStats]) -> list[_FormStats]:
        """Ask spaCy's NER about a few sentences of each doubtful candidate; keep the PERSONs."""
        if not doubtful:
            return []
        from fandex import nlp

        model = nlp.load()
        requests: list[tuple[_FormStats, _NameOcc, str, int]] = []
        for stats in doubtful:
            middle = [o for o in stats.occurrences if not o.initial]
            # Spread over the text: the first chapter may use a name differently from the rest.
            step = max(1, len(middle) // _NER_SENTENCES_PER_NAME)
            chosen = middle[::step][:_NER_SENTENCES_PER_NAME]
            for occ in chosen or stats.occurrences[:1]:
                begin, finish = self._sentence_bounds(occ.sentence)
                requests.append((stats, occ, self.text[begin:finish], begin))
        votes: dict[str, Counter[str]] = {s.form: Counter() for s in doubtful}
        with model.select_pipes(enable=["ner"]):
            docs = model.pipe((r[2] for r in requests), batch_size=64)
            for (stats, occ, _, begin), doc in zip(requests, docs, strict=True):
                label = "NONE"
                for entity in doc.ents:
                    if entity.start_char <= occ.start - begin < entity.end_char:
                        label = entity.label_
                        break
                votes[stats.form][label] += 1
        kept = []
        for stats in doubtful:
            tally = votes[stats.form]
            # The small model calls many unfamiliar given names ORG or even GPE, so its word is
            # weighed against what the text itself shows: speech tags, pronouns, actions.
            other = sum(
                n * (0.5 if label in _NER_WEAK else 1.0)
                for label, n in tally.items()
                if label in _NER_NOT_PERSON
            )
            # Pronoun votes and actions count when they are a fair share of the occurrences: a
            # country named 300 times collects a few stray "he"s and "India was"s.
            # A name seen often gathers plenty of pronouns: a person's nearly all agree, a place
            # collects "he"s and "she"s alike. A rare name's few votes are too stray to tell.
            male, female = stats.votes["M"], stats.votes["F"]
            mixed = stats.count >= _MANY_OCCURRENCES and max(male, female) < 3 * min(male, female)
            gendered = 0 if mixed else max(male, female)
            acts = stats.tally("acts")
            shown = (
                3 * stats.tally("speech")
                + (min(3.0, 1.5 * gendered) if gendered >= 0.05 * stats.count else 0.0)
                + (min(2.0, 0.5 * acts) if acts >= 0.1 * stats.count else 0.0)
                + min(2.0, 0.5 * stats.tally("vocative"))
                # A common given name ("Agatha") is some evidence of a person by itself, against
                # the small model's GPE or ORG for it; a name on the list is still a place
                # ("Florence") when the model insists and the text shows no one.
                + (
                    _GIVEN_NAME_WEIGHT
                    if len(stats.names) == 1 and given_names.is_given_name(stats.names[0])
                    else 0.0
                )
            )
            person = tally["PERSON"]
            # A people in the plural ("the Hindus said") is no one speaker, tagged or not.
            nationality = (
                tally["NORP"] >= 2 and person == 0 and (stats.tally("speech") < 2 or stats.form.endswith("s"))
            )
            if (other > 0 and person + shown <= other) or nationality:
                # The model insists, or it is a nationality or religion ("Hindu"); the small model
                # also calls some legendary given names NORP, but a nationality is not speech-tagged.
                continue
            if stats.count == 1 and len(stats.names) == 1:
                # One capitalised word, once: "Guide", "York". Only the model or a speech tag can tell.
                if person >= 1 or stats.tally("speech"):
                    kept.append(stats)
            elif person >= 1 or shown >= 1.5 or (len(stats.names) >= 2 and other == 0):
                kept.append(stats)
        return kept

    def _sentence_bounds(self, index: int) -> tuple[int, int]:
        begin = self.sentence_starts[index]
        finish = self.sentence_starts[index + 1] if index + 1 < len(self.sentence_starts) else self.end
        # A one-line story has sentences but no paragraphs; cap what goes to the model.
        return begin, min(finish, begin + 600)

    def _pack_words(self) -> set[str]:
        words = {w.lower() for pack in self.packs for w in (*pack.places, *pack.terms)}
        words |= {w[4:] for w in words if w.startswith("the ")}
        return words

    def _endearments(self) -> set[str]:
        words = set(person_words.ENDEARMENTS)
        for pack in self.packs:
            words |= {w.lower() for w in pack.endearments}
        general = getattr(fandoms, "general_endearments", None)
        if general is not None:
            words |= {w.lower() for w in general()}
        return words

    # -- clustering ------------------------------------------------------------------------

    def _cluster(self, people: list[_FormStats], pack_clusters: dict[str, _Cluster]) -> list[_Cluster]:
        clusters: list[_Cluster] = list(pack_clusters.values())
        pack_tokens = self._pack_name_tokens(pack_clusters)
        # Most complete forms first, so that short forms find the full names they belong to;
        # then given names of full names ("Clara" of "Clara Oswin": their pronouns tell the
        # gender a title must agree with); then titled surnames; then the other single words.
        full = sorted((p for p in people if len(p.names) >= 2), key=lambda s: (-len(s.names), -s.count))
        first_names = Counter(p.names[0] for p in full if not p.honorific)
        single = [p for p in people if len(p.names) == 1]
        # Surnames with a "Miss": that family's daughter, not its "Mrs.", is the one known by a
        # given name ("Katharine Hilbery" is Miss Hilbery; Mrs. Hilbery is her mother).
        self._daughters = {p.names[0] for p in single if p.honorific == "miss"}
        # Given names with a "Miss" of their own ("Miss Marianne"): a younger daughter, whom
        # "Miss Dashwood", the eldest's style, does not mean.
        self._younger = {p.names[0] for p in single if p.honorific == "miss" and first_names[p.names[0]]}
        given = [p for p in single if not p.honorific and first_names[p.names[0]] >= 1]
        titled = [p for p in single if p.honorific]
        rest = [p for p in single if not p.honorific and first_names[p.names[0]] == 0]
        ordered = [*full, *sorted(given, key=lambda s: -s.count), *sorted(titled, key=lambda s: -s.count)]
        ordered += sorted(rest, key=lambda s: -s.count)
        for stats in ordered:
            title = stats.names[0].lower() if len(stats.names) == 1 and not stats.honorific else None
            if title in person_words.HONORIFICS:
                # A bare title ("Mademoiselle", "the Doctor") is the one character who bears it;
                # with several bearers ("Madame") it names nobody in particular.
                bearers = [c for c in clusters if any(f.honorific == title for f in c.forms)]
                if len(bearers) == 1:
                    bearers[0].forms.append(stats)
                elif not bearers:
                    clusters.append(_Cluster(forms=[stats]))
                continue
            target = self._home(stats, clusters, pack_tokens)
            if target is None:
                clusters.append(_Cluster(forms=[stats]))
            else:
                target.forms.append(stats)
        return clusters

    def _merge_text_nicknames(self, clusters: list[_Cluster]) -> list[_Cluster]:
        """Nicknames the text itself explains: "William, whom everyone called Spike", "Elizabeth
        (Lizzy for short)", "Alexander, known as Xander". The nickname's character joins the
        named one, unless both are distinct characters of the fandom pack."""
        owner: dict[str, _Cluster] = {}
        for cluster in clusters:
            for form in cluster.forms:
                owner.setdefault(form.form, cluster)
            for alias in cluster.extra_aliases:
                owner.setdefault(alias, cluster)
        merged: set[int] = set()
        for match in _NICKNAME_EXPLAINED.finditer(self.text, self.start, self.end):
            name = match.group("name") or match.group("name2")
            nickname = match.group("nick") or match.group("nick2")
            first, second = owner.get(name), owner.get(nickname)
            if first is None or second is None or first is second or id(first) in merged:
                continue
            if first.pack_name and second.pack_name:
                continue  # the pack knows better
            if second.pack_name:
                first, second = second, first
            first.forms.extend(second.forms)
            first.nicknames |= {f.form for f in second.forms} | second.nicknames
            first.extra_aliases.extend(a for a in second.extra_aliases if a not in first.extra_aliases)
            merged.add(id(second))
            for form in second.forms:
                owner[form.form] = first
        return [c for c in clusters if id(c) not in merged]

    def _merge_clipped_names(self, clusters: list[_Cluster]) -> list[_Cluster]:
        """A character known only by a clipped given name ("Jen") and one known only by the full
        one ("Jennifer", a common given name: not a word glued to a name) are one person when their
        genders do not disagree: a story calls the same woman both. Pack characters and anyone
        with a family name are left as they are (two Jens of two families are two people)."""
        lone = {
            cluster.forms[0].names[0]: cluster
            for cluster in clusters
            if cluster.pack_name is None
            and len({f.names for f in cluster.forms}) == 1
            and len(cluster.forms[0].names) == 1
            and not cluster.forms[0].honorific
        }
        merged: set[int] = set()
        for short, short_cluster in lone.items():
            fuller = [
                (name, cluster)
                for name, cluster in lone.items()
                if len(name) > len(short)
                and _short_form(short, name)
                and given_names.is_given_name(name)
                and id(cluster) not in merged
            ]
            if len(fuller) != 1 or id(short_cluster) in merged:
                continue  # "Chris" of Christine or of Christopher: nothing says which
            _, full_cluster = fuller[0]
            genders = {short_cluster.gender(), full_cluster.gender()} & _GENDERED
            if len(genders) > 1:
                continue
            full_cluster.forms.extend(short_cluster.forms)
            merged.add(id(short_cluster))
        return [c for c in clusters if id(c) not in merged]

    def _pack_name_tokens(self, pack_clusters: dict[str, _Cluster]) -> dict[str, _Cluster]:
        """Words of pack names ("Rosenberg") that point at exactly one mentioned pack character."""
        owners: dict[str, list[_Cluster]] = {}
        for cluster in pack_clusters.values():
            for word in set((cluster.pack_name or "").split()):
                owners.setdefault(word, []).append(cluster)
        return {w: cs[0] for w, cs in owners.items() if len(cs) == 1}

    def _home(
        self, stats: _FormStats, clusters: list[_Cluster], pack_tokens: dict[str, _Cluster]
    ) -> _Cluster | None:
        """The cluster a name form belongs to, or None for a new character."""
        title_gender = person_words.HONORIFICS.get(stats.honorific or "", "U")
        title_family = _TITLE_FAMILY.get(stats.honorific or "")
        own_gender = title_gender
        if own_gender not in _GENDERED:
            # A given name that is also this story's surname ("Darcy") tells no gender by itself.
            surname = len(stats.names) == 1 and any(stats.names[0] in c.last_names for c in clusters)
            own_gender = _form_gender(stats, use_given_name=not surname)

        def compatible(cluster: _Cluster) -> bool:
            gender = cluster.gender()
            if own_gender in _GENDERED and gender in _GENDERED and gender != own_gender:
                return False  # "Madame Lebrun" is not Robert Lebrun, "John Dashwood" not his wife
            # "Mr. Weston", "Mrs. Weston" and "Miss Weston" are three people.
            families = {_TITLE_FAMILY.get(f.honorific or "") for f in cluster.forms} - {None}
            return title_family is None or not families - {title_family}

        names = stats.names
        if len(names) >= 2:
            for cluster in clusters:
                if any(
                    full == names
                    or (full[-1] == names[-1] and (full[0] == names[0] or _short_form(full[0], names[0])))
                    for full in cluster.full_names
                ) and compatible(cluster):
                    return cluster
            for word in (names[-1], names[0]):
                if word in pack_tokens and compatible(pack_tokens[word]):
                    return pack_tokens[word]
            return None
        word = names[0]
        if word in pack_tokens and compatible(pack_tokens[word]):
            return pack_tokens[word]
        if stats.honorific:
            # A title and a surname join a character known by a fuller name ("Miss Woodhouse" is
            # Emma Woodhouse), unless that character's own full name carries the same title: then
            # "Mr. Knightley", far more frequent than "Mr. John Knightley", is someone else.
            married = title_family == "mrs" or stats.honorific == "lady"
            candidates = []
            for cluster in clusters:
                if word not in cluster.last_names and word not in cluster.first_names:
                    continue
                if (not cluster.full_names and not cluster.pack_name) or not compatible(cluster):
                    continue
                if (
                    married
                    and (word in self._daughters or stats.honorific == "lady")
                    and word in cluster.last_names
                    and not _has_married_title(cluster)
                ):
                    # "Mrs. Hilbery" beside "Miss Hilbery" is not Katharine Hilbery, and "Lady
                    # Otway" (a wife's style) is not Cassandra Otway.
                    continue
                if (
                    stats.honorific == "miss"
                    and word in cluster.last_names
                    and cluster.first_names & self._younger
                ):
                    continue  # "Miss Dashwood" is not Marianne when she is "Miss Marianne"
                # The same title before the same surname is a relation ("Mr. John Knightley"'s
                # brother), but before the same given name it is the one person ("King Arthur" of
                # "King Arthur Pendragon").
                same_title = any(
                    f.honorific == stats.honorific and len(f.names) >= 2 and f.names[-1] == word
                    for f in cluster.forms
                )
                if same_title and stats.count > 3 * cluster.count + 2:
                    continue
                candidates.append(cluster)
            by_last = [c for c in candidates if word in c.last_names]
            candidates = by_last or candidates
            return candidates[0] if len(candidates) == 1 else None
        by_last = [c for c in clusters if word in c.last_names and compatible(c)]
        men = [c for c in by_last if c.gender() == "M"]
        if men and len(men) < len(by_last) and given_names.gender_of(word) == "U":
            # A bare surname is the family's man ("Wickham" is Mr. Wickham, not Lydia Wickham):
            # narration calls women by a title or a given name.
            by_last = men
        by_first = [c for c in clusters if word in c.first_names and compatible(c)]
        for candidates in (by_first, by_last):
            if candidates:
                ranked = sorted(candidates, key=lambda c: -c.count)
                if len(ranked) == 1 or ranked[0].count >= 3 * ranked[1].count:
                    return ranked[0]
                if candidates is by_last:
                    return ranked[0]
        return None

    # -- the layers ------------------------------------------------------------------------

    def _build(self, clusters: list[_Cluster]) -> None:
        """The characters and mentions layers: names, then epithets, pronouns and the narrator."""
        key_of = {id(cluster): f"k{n}" for n, cluster in enumerate(clusters)}
        cluster_of = {key_of[id(c)]: c for c in clusters}
        names: list[Mention] = []
        for cluster in clusters:
            for stats in cluster.forms:
                names.extend(Mention(o.start, o.end, key_of[id(cluster)], "name") for o in stats.occurrences)
        pack_by_name = {c.pack_name: c for c in clusters if c.pack_name}
        names.extend(
            Mention(m.start, m.end, key_of[id(pack_by_name[m.character])], "name") for m in self.pack_mentions
        )
        names.sort(key=lambda m: m.start)

        narrator_at, heading_keys = self._narration(names, cluster_of)
        genders = {key: cluster.gender() for key, cluster in cluster_of.items()}
        genders[_NARRATOR] = "U"
        cast = [Character(id=key, name=key, gender=g) for key, g in genders.items()]  # type: ignore[arg-type]
        resolver = salience.Resolver(self.text, cast, self.sentence_starts, self.quotes)
        cuts = [c.start for c in self.work.chapters] + [s.start for s in self.work.scenes if s.break_kind]
        mentions = resolver.resolve(
            names, self.start, self.end, self._pack_epithets(key_of), narrator_at, cuts
        )
        named = self._narrator_by_vocatives(mentions)
        if named is not None:
            heading_keys = heading_keys | {named}
            for mention in mentions:
                if mention.character == _NARRATOR:
                    mention.character = named

        firsts: dict[str, int] = {}
        for mention in mentions:
            if mention.character is not None:
                firsts.setdefault(mention.character, mention.start)
        ordered = sorted(firsts, key=firsts.__getitem__)
        final = {key: f"c{n}" for n, key in enumerate(ordered, start=1)}
        counts = Counter(m.character for m in mentions if m.character is not None)
        characters = []
        for key in ordered:
            if key == _NARRATOR:
                character = Character(id=final[key], name="Narrator", narrator=True, first=firsts[key])
            else:
                character = _character(final[key], cluster_of[key], firsts[key], self.text)
                character.narrator = key in heading_keys
                if character.gender == "U" and key in resolver.learned:
                    character.gender = resolver.learned[key]  # type: ignore[assignment]
            character.mentions = counts[key]
            characters.append(character)
        for mention in mentions:
            if mention.character is not None:
                mention.character = final[mention.character]
        for character, tags in _described_speakers(
            self.text, self.start, self.end, characters, mentions, {c.id: c.gender for c in characters}
        ):
            character.id = f"c{len(characters) + 1}"
            characters.append(character)
            for tag in tags:
                tag.character = character.id
        self.work.characters = characters
        self.work.mentions = mentions

    def _narrator_by_vocatives(self, mentions: list[Mention]) -> str | None:
        """The name of a first-person narrator, from how the other characters address them.

        A narrator is rarely named in their own narration but often called by name in speech
        ('"Watson," said Holmes'): the character most often addressed by name, almost never named
        outside speech, and well ahead of the next such character.
        """
        if not any(m.character == _NARRATOR for m in mentions):
            return None
        quote_starts = [q[0] for q in self.quotes]
        vocatives: Counter[str] = Counter()
        narrated: Counter[str] = Counter()
        total: Counter[str] = Counter()
        for mention in mentions:
            if mention.kind != "name" or mention.character is None:
                continue
            total[mention.character] += 1
            k = bisect.bisect_right(quote_starts, mention.start) - 1
            if k < 0 or self.quotes[k][1] <= mention.start:
                narrated[mention.character] += 1
                continue
            before = self.text[max(self.quotes[k][0], mention.start - 3) : mention.start]
            after = self.text[mention.end : mention.end + 2]
            if _VOCATIVE_AFTER.match(after) and (
                mention.start - self.quotes[k][0] <= 1 or _VOCATIVE_BEFORE.search(before)
            ):
                vocatives[mention.character] += 1
        ranked = sorted(
            (
                (count * (1 - narrated[key] / total[key]), key)
                for key, count in vocatives.items()
                if count >= 10 and narrated[key] <= 0.1 * total[key]
            ),
            reverse=True,
        )
        if not ranked or (len(ranked) > 1 and ranked[0][0] < 1.4 * ranked[1][0]):
            return None
        return ranked[0][1]

    def _narration(
        self, names: list[Mention], clusters: dict[str, _Cluster]
    ) -> tuple[list[tuple[int, int, str | None]], set[str]]:
        """Stretches told in the first person, each with its narrator's key.

        A name heading ("Buffy He could hit me...") makes its character the narrator up to the next
        heading; first-person narration with no heading belongs to a nameless narrator.
        """
        surfaces: dict[str, str] = {}
        ambiguous: set[str] = set()
        for mention in names:
            surface = self.text[mention.start : mention.end]
            if mention.character and surfaces.setdefault(surface, mention.character) != mention.character:
                ambiguous.add(surface)
        single = {s: k for s, k in surfaces.items() if s not in ambiguous}
        full = [f.form for c in clusters.values() for f in c.forms] + [
            a for c in clusters.values() for a in c.extra_aliases
        ]
        headings = pov.find_name_headings(self.text, self.start, self.end, single, self.quotes, full)
        stretches: list[tuple[int, int, str | None]] = []
        lead_end = headings[0].start if headings else self.end
        lead = pov.narration_person(pov.person_counts(self.text, self.start, lead_end, self.quotes))
        if lead == "first":
            stretches.append((self.start, lead_end, _NARRATOR))
        for number, heading in enumerate(headings):
            stretch_end = headings[number + 1].start if number + 1 < len(headings) else self.end
            stretches.append((heading.end, stretch_end, heading.character))
        return stretches, {h.character for h in headings}

    def _pack_epithets(self, key_of: dict[int, str]) -> dict[str, str]:
        """Pack epithets that mean exactly one character of this cast, lower-cased.

        In a crossover an epithet each canon gives one of its own ("the dragon") means neither when
        both are in the cast."""
        by_name = {}
        for cluster in self._clusters:
            if cluster.pack_name:
                by_name[cluster.pack_name] = key_of[id(cluster)]
        epithets: dict[str, str] = {}
        shared: set[str] = set()
        for pack in self.packs:
            index = fandoms.character_index(pack)
            for character in pack.characters:
                key = by_name.get(character.name)
                if key is None or self.pack_characters[character.name][0] is not character:
                    continue
                for epithet in character.epithets:
                    lowered = " ".join(epithet.lower().split())
                    if index.get(lowered) is character:
                        if epithets.get(lowered, key) != key:
                            shared.add(lowered)
                        epithets[lowered] = key
        return {epithet: key for epithet, key in epithets.items() if epithet not in shared}


# Person nouns a speech tag may call an unnamed speaker by ("said the man", "the girl cried"), with
# the gender they imply: generic nouns the salience pass resolves (person_words.EPITHET_NOUNS), so
# that it can tell which uses stand for a named character. Relatives ("her mother"), ranks ("the
# king") and fandom epithets ("the vampire") are left to the dialogue's own resolution.
_DESCRIBED_SPEAKER_NOUNS: dict[str, str] = {
    "man": "M",
    "boy": "M",
    "gentleman": "M",
    "lad": "M",
    "fellow": "M",
    "woman": "F",
    "girl": "F",
    "lady": "F",
    "stranger": "U",
    "child": "U",
}
# (two-word descriptions that name someone of their own: "the old man" is not "the man" who
# spoke a page before)
_DESCRIBED_PAIRS = frozenset(
    {"old man", "young man", "old woman", "young woman", "little girl", "little boy"}
)
# The longest stretch (in characters, about 2,500 words) over which an unnamed speaker's tags may
# spread: someone the story never names is met in one scene or two, while a description that
# recurs chapter after chapter ("the old gentleman") is how the narration calls a named character.
DESCRIBED_SPEAKER_REACH = 15_000
DESCRIBED_SPEAKER_TAGS = 2  # the fewest open uses that make a description a speaker of its own
_TAG_VERBS = "|".join(sorted(person_words.SPEECH_VERBS, key=len, reverse=True))
# A description as a speech tag's subject right after a closing quotation mark, after the verb or
# before it: `," said the man`, `!" the young man cried`.
_DESCRIBED_TAG = re.compile(
    rf"[,!?\u2014-][\"\u201d\u2019']\s+(?:(?:{_TAG_VERBS})\s+the\s+(?P<after>(?:[a-z]+\s+)?[a-z]+)\b"
    rf"|the\s+(?P<before>(?:[a-z]+\s+)?[a-z]+)\s+(?:{_TAG_VERBS})\b)"
)


def _described_speakers(
    text: str,
    start: int,
    end: int,
    characters: list[Character],
    mentions: list[Mention],
    genders: dict[str, str],
) -> list[tuple[Character, list[Mention]]]:
    """Speakers the story knows only by a description in their speech tags ("said the man"):
    each description no cast member is known by becomes a character ("The Man"), so that their
    lines have someone to go to.

    Only "the" and the noun (or one of `_DESCRIBED_PAIRS`) counts. A use the salience pass gave
    to a named character (`the girl` a few sentences after Nancy) is hers, not the new person's:
    a description makes a speaker when a speech tag of it was left open (no one of the noun's
    gender near by, or `a man` just before), and all its open uses, narration included, become
    the new character's mentions. There must be at least `DESCRIBED_SPEAKER_TAGS` of them, all
    within `DESCRIBED_SPEAKER_REACH`, and the first must come soon after the description was
    met as someone new ("a man rose from the reeds") or before the story named anyone of its
    gender ("The boy walked all night"); otherwise it is a named character's unresolved epithet.
    """
    known = {name_key(n) for c in characters for n in (c.name, *c.aliases)}
    epithet_at = {m.start: m for m in mentions if m.kind == "epithet"}
    introduced = salience.indefinite_offsets(text, start, end)
    tagged: set[str] = set()  # descriptions with a speech tag the salience pass left open
    for match in _DESCRIBED_TAG.finditer(text, start, end):
        group = "after" if match.group("after") else "before"
        phrase = " ".join(match.group(group).split())
        words = phrase.split()
        if (phrase not in _DESCRIBED_PAIRS and len(words) > 1) or words[-1] not in _DESCRIBED_SPEAKER_NOUNS:
            continue
        if name_key(f"the {phrase}") in known:
            continue
        the = text.rfind("the", match.start(), match.start(group))
        resolved = epithet_at.get(the)
        if resolved is not None and resolved.character is None:
            tagged.add(phrase)
    open_uses: dict[str, list[Mention]] = {}
    for mention in mentions:
        if mention.kind == "epithet" and mention.character is None:
            phrase = " ".join(text[mention.start : mention.end].lower().split()[1:])
            if phrase in tagged:
                open_uses.setdefault(phrase, []).append(mention)
    first_named: dict[str, int] = {}
    for mention in mentions:
        if mention.kind == "name" and mention.character is not None:
            first_named.setdefault(genders.get(mention.character, "U"), mention.start)
    described = []
    for phrase, uses in open_uses.items():
        uses.sort(key=lambda m: m.start)
        if len(uses) < DESCRIBED_SPEAKER_TAGS or uses[-1].start - uses[0].start > DESCRIBED_SPEAKER_REACH:
            continue  # a description heard once, or across the story, is a named character's epithet
        gender = _DESCRIBED_SPEAKER_NOUNS[phrase.split()[-1]]
        named_before = min(
            (at for g, at in first_named.items() if gender == "U" or g in (gender, "U")), default=end
        )
        if not salience.recent_indefinite(introduced, phrase, uses[0].start) and named_before < uses[0].start:
            continue
        name = "The " + " ".join(w.capitalize() for w in phrase.split())
        character = Character(id="", name=name, gender=gender, mentions=len(uses))  # type: ignore[arg-type]
        character.first = uses[0].start
        described.append((character, uses))
    return described


def _form_gender(stats: _FormStats, use_given_name: bool = True) -> str:
    """The gender one untitled name form shows by itself: its common given name, else its own
    pronouns when they are many and nearly unanimous ("U" when neither tells)."""
    if stats.honorific:
        return "U"
    by_name = given_names.gender_of(stats.names[0]) if use_given_name else "U"
    if by_name in _GENDERED:
        return by_name
    male, female = stats.votes["M"], stats.votes["F"]
    if max(male, female) >= 5 and max(male, female) >= 4 * min(male, female):
        return "M" if male > female else "F"
    return "U"


def _has_married_title(cluster: _Cluster) -> bool:
    return cluster.pack_name is not None or any(
        _TITLE_FAMILY.get(f.honorific or "") == "mrs" or f.honorific == "lady" for f in cluster.forms
    )


def _character(character_id: str, cluster: _Cluster, first: int, text: str) -> Character:
    # The most complete form names the character; a nickname only when nothing else is known.
    # Of two full names, the one with the full given name ("Jennifer Barkley", not "Jen Barkley").
    given = {f.names[0] for f in cluster.forms if not f.honorific}
    forms = sorted(
        cluster.forms,
        key=lambda f: (
            f.form in cluster.nicknames,
            -len(f.names),
            any(len(f.names[0]) < len(o) and _short_form(f.names[0], o) for o in given),
            -f.count,
        ),
    )
    aliases: list[str] = []
    for alias in (*cluster.extra_aliases, *(f.form for f in sorted(cluster.forms, key=lambda f: -f.count))):
        if alias not in aliases:
            aliases.append(alias)
    if cluster.pack_name:
        name, canonical = cluster.pack_name, True
    else:
        name, canonical = _without_sentence_opener(forms[0].form, aliases, text), False
        # Names mostly written after "the" ("the Caterpillar") are titles; keep that form too.
        for stats in forms:
            if stats.tally("after_the") * 2 > stats.count:
                titled = f"the {stats.form}"
                if titled not in aliases:
                    aliases.append(titled)
    return Character(
        id=character_id,
        name=name,
        aliases=[a for a in aliases if a != name],
        gender=cluster.gender(),  # type: ignore[arg-type]
        first=first,
        canonical=canonical,
    )


def _short_form(short: str, full: str) -> bool:
    """Whether one given name is the clipped form of the other ("Jen" of "Jennifer", "Nick" of
    "Nicholas"): its first three letters or more, either way round. Two letters are too few ("Al"
    is no more Alice than Albert)."""
    if len(short) > len(full):
        short, full = full, short
    return len(short) >= _SHORT_FORM_LETTERS and len(short) < len(full) and full.startswith(short)


def _without_sentence_opener(name: str, aliases: list[str], text: str) -> str:
    """``name`` less an opening word that is ordinary English and no part of it.

    A sentence that opens on an adverb or a conjunction before a name ("Frequently Honoroit
    forgot", "Except Emmanellain had") can give a "full name" of the two words, while the story
    calls the character by the second alone. The opening word is dropped when the rest is one of
    the character's aliases and the word is a conjunction or preposition, or never stands in the
    story but at the start of a sentence and is no known given name (a first name also stands
    alone or mid-sentence: "said Molly"). Pack names are never given to this: they are canon.
    """
    words = name.split()
    if len(words) < 2:
        return name
    first, rest = words[0], " ".join(words[1:])
    if rest not in aliases or first in aliases:
        return name
    if first.lower() in person_words.SENTENCE_OPENERS:
        return rest
    if given_names.gender_of(first) != "U":
        return name  # a known given name, however the story happens to place it ("George Wickham")
    for match in re.finditer(rf"(?<!\w){re.escape(first)}(?!\w)", text):
        before = text[max(0, match.start() - 3) : match.start()].rstrip(" \"'“‘’”*_")
        if before and not before.endswith((".", "!", "?", "\n")):
            return name
    return rest


def _sentences(tokens: list[_Token]) -> tuple[list[int], list[int]]:
    """Sentence start offsets, and the sentence index of every token."""
    starts: list[int] = []
    index_of: list[int] = []
    for token in tokens:
        if token.initial or not starts:
            starts.append(token.start)
        index_of.append(len(starts) - 1)
    return starts, index_of
