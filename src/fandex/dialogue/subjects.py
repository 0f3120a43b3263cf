"""Who a tag's subject is: a name, a pronoun (by gender and salience), a description ("the old
man"), a relative ("his mother"), a rank; also vocatives and action beats.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence

from fandex import person_words
from fandex.dialogue.context import (
    _DETERMINER,
    _TITLE_GENDER,
    _Context,
    _Conversation,
    _described_cast_member,
    _in_quote,
    _mention_at,
    _mentions_between,
    _norm,
    _rank_holder,
    _Subject,
)
from fandex.dialogue.lexicon import (
    _ANSWER_NOUNS,
    _DEMONSTRATIVE,
    _NOT_NAME_PARTS,
    _SENTENCE_END,
    EPITHET_GENDER,
    OBJECT_PRONOUN_GENDER,
    PRONOUN_GENDER,
    SALIENCE_WINDOW,
)
from fandex.dialogue.quotes import _Found, _Para
from fandex.work import Mention


def _fits_gender(context: _Context, cid: str, gender: str) -> bool:
    character = context.characters.get(cid)
    return character is not None and (
        character.gender == gender or (gender == "N" and character.gender in ("N", "U"))
    )


def _fits_third_person(context: _Context, cid: str, gender: str) -> bool:
    """Whether "he", "she" or "said the girl" can mean ``cid``: of that gender and not the
    first-person narrator, who is "I" in their own narration."""
    return cid != context.narrator and _fits_gender(context, cid, gender)


# the same after a subject: `Catherine said nothing`
_SILENT_SUBJECT = re.compile(
    r"\s+(?:said|answered|replied|spoke)(?:\s+nothing|\s+not\s+a\s+(?:word|syllable))\b"
)


def _first_word(phrase: str) -> str:
    return phrase.split()[0].lower() if phrase.split() else ""


# `said Dan's girl`, `said Brenda's solicitor`: a named owner and a noun, no one of that name
_NAMED_OWNERS_NOUN = re.compile(r"[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2}['’]s\s+[a-z][\w-]*")


_DEMONSTRATIVE_KEY = re.compile(r"^(?:this|that) ")


_ANOTHER_KEY = re.compile(r"^another ")


def _demonstrative_description(subject: str) -> bool:
    """`this lady`, `another gentleman`: a demonstrative before a description, not `that` alone
    nor `This question answered` (a line's own words are no speaker)."""
    words = subject.split()
    return re.match(_DEMONSTRATIVE, subject) is not None and len(words) > 1 and words[-1] not in _ANSWER_NOUNS


def _described_subject_opener(subject: str) -> bool:
    """A subject opening on a word no subject opens on, but for a description's determiner."""
    return _first_word(subject) == "the" or _demonstrative_description(subject)


def _subject_kind(subject: str) -> str:
    word = subject.lower()
    if word in PRONOUN_GENDER:
        return "pronoun"
    if _NAMED_OWNERS_NOUN.fullmatch(subject):
        return "epithet"  # `Dan's girl`: someone described by whose she is
    if subject[0].isupper() and not re.match(
        r"(?:The|His|Her|My|Their|Our|Your|An?|This|That|Another)\s", subject
    ):
        return "name"
    return "epithet"


def _resolve_subject(
    text: str,
    subject: _Subject,
    quote: _Found,
    context: _Context,
    conversation: _Conversation,
    index: int,
) -> str | None:
    phrase = subject.phrase
    start = subject.start
    end = start + len(phrase)
    if subject.kind == "pronoun":
        gender = PRONOUN_GENDER[phrase.lower()]
        if gender == "I":
            return context.narrator or context.listed_narrator
        relative = _relative_just_before(gender, context, conversation, index, quote, text, start)
        if relative is not None:
            return relative
        return _by_gender(
            gender, context, conversation, index, quote, text, start, _named_after_pronoun(text, end, context)
        )
    if _NAMED_OWNERS_NOUN.fullmatch(phrase):
        # `said Dan's girl` is not Dan: someone the cast knows by that description, else no one
        return context.alias_index.get(_norm(phrase))
    tail = _DESCRIPTION_TAIL.search(phrase) if subject.kind == "epithet" else None
    if tail is not None and tail.start() > phrase.find(" "):
        # `cried the Major on a word from Turton`: a name in the tail is someone else
        end = start + tail.start()
    mention = _mention_at(context, start, end)
    if mention is not None and mention.character:
        if subject.kind == "epithet" and mention.kind == "name":
            subject.kind = "name"  # "the gallant Mr. Elton": a name inside the phrase
        return mention.character
    # "this lady", "that young gentleman": the one at hand, as "the lady" would be; "another
    # gentleman" is someone new, as "a gentleman" is
    key = _DEMONSTRATIVE_KEY.sub("the ", _ANOTHER_KEY.sub("a ", _norm(phrase)))
    if subject.kind == "epithet" and _DEMONSTRATIVE_KEY.match(_norm(phrase)):
        pointed = _latest_named_of_gender(context, start, EPITHET_GENDER.get(key.split()[-1], ""))
        if pointed is not None:
            return pointed
    for candidate in (key, re.sub(r"^(?:the|his|her|my|their|our|your|an?) ", "", key)):
        if candidate in context.alias_index:
            owner = context.alias_index[candidate]
            if _norm(context.characters[owner].name).startswith("the "):
                # a cast member known only as "the doctor" and a Doctor Losberne named just
                # before: the description is the named man's rank, the other is someone else
                return _rank_holder(context, key, start) or owner
            return owner
    bare_owner = context.bare_aliases.get(_DETERMINER.sub("", key)) if subject.kind == "epithet" else None
    if bare_owner is not None:
        return bare_owner
    described = _described_cast_member(context, key) if subject.kind == "epithet" else None
    if described is not None:
        return described
    place = _DESCRIPTION_TAIL.search(phrase) if subject.kind == "epithet" else None
    if place is not None and place.start() > phrase.find(" "):
        # `said the clerk in a low voice`, `the man with the keys`: no one is known by the whole
        # phrase, so the noun before its prepositional tail names the speaker
        head = _Subject(None, "epithet", phrase[: place.start()], start)
        return _resolve_subject(text, head, quote, context, conversation, index)
    by_part = _by_name_part(context, key) or _by_title_and_surname(context, key)
    if by_part is None and key.startswith("the ") and _TITLE_GENDER.get(key[4:], "M") is None:
        by_part = _by_name_part(context, key[4:])  # "the Major": the one Major Callendar
    if by_part is None and key.startswith("the "):
        by_part = _rank_holder(context, key, start)  # "the good doctor" after Doctor Losberne
    if by_part is not None:
        return by_part  # "Rodney" for "William Rodney", "the landlord" for "The Landlord of the Inn"
    introduced = (
        _introduced_as(context, key, text, start)
        if key.startswith("the ") and key.split()[1] not in _CONTRASTING_WORDS
        else None
    )
    if introduced is not None:
        return introduced
    if subject.kind == "name":
        # A capitalised word that is no character we know ("Then", "Somebody"): no decision.
        return None
    head = key.split()[-1] if key else ""
    if key.startswith(("a ", "an ")):
        return None  # `said a little girl`: someone new, whom no earlier mention can stand for
    if key in context.epithets:
        return context.epithets[key]
    gender = EPITHET_GENDER.get(head)
    if key.startswith(("his ", "her ", "my ", "their ")) and gender is None:
        return None  # "his voice", "her friend": not safely a character
    # A noun that gives a gender ("the old lady") often stands for different people chapter by
    # chapter: the person at hand decides it (below). A work-wide vote only for the others
    # ("the vampire", "the stranger"), which nothing else can resolve.
    learned = _learn_epithet(text, key, gender, context) if gender is None else None
    if learned:
        if learned == _last_line_speaker(conversation, quote, text, index):
            # `asked Winterbourne.` / `said the child`: a description answering a line is seldom
            # its speaker, whom the work-wide vote favours for being named near it
            return None
        return learned
    if gender is None:
        return None
    if key.startswith(("his ", "her ")):
        # "her mother" is not the woman whose mother she is, nor safely the most salient other
        # woman: whose mother she is the text seldom says near by, so a relative only gives
        # turn-taking a gender (quote.gender_hint), which resolved these more often (PDNC dev:
        # salience had 46 of 103 right). Unless the family name says it: Elizabeth Bennet's
        # mother is the one Mrs. Bennet.
        return _relative_by_surname(key, context, conversation, index, text, start, quote)
    if key in ("the mother", "the father"):
        # `replied the mother` in a talk with her son William Morel: the one Mrs. Morel
        parent = _relative_by_surname(key, context, conversation, index, text, start, quote)
        if parent is not None:
            return parent
    children = _known_children(text, head, gender, context)
    chosen = _by_gender(gender, context, conversation, index, quote, text, start, children)
    if key.startswith("the "):
        # A novel keeps a description as a stable name for one person ("the old gentleman" for
        # Mr. Brownlow): the people it was resolved to where the narration named them close by
        # (a paragraph's or the paragraph before's own naming) decide it where no one of its
        # gender was named lately and only the talk's salience would guess.
        votes = context.description_votes.setdefault(key, Counter())
        if context.gender_rule in ("paragraph", "local") and chosen is not None:
            votes[chosen] += 1
        elif votes and _latest_named_of_gender(context, start, gender) is None:
            owner, count = votes.most_common(1)[0]
            if count >= DESCRIPTION_MIN_VOTES and count >= DESCRIPTION_MIN_SHARE * votes.total():
                return owner
    if context.by_recency:
        # no one of its gender named in this paragraph or the one before, no talk running: the
        # latest mention is a coin flip for a description (PDNC dev: 30 of 62 right), so the turn
        # is left to turn-taking with the description's gender (quote.gender_hint)
        return None
    last = (
        conversation.speakers[-1] if conversation.speakers and conversation.last_para >= index - 1 else None
    )
    if chosen is not None and chosen == last and context.gender_rule == "conversation":
        # "said the gentleman" answering a line: the talk's last speaker is the one a
        # description least often means (PDNC dev: 4 of 33 right)
        return _by_gender(gender, context, conversation, index, quote, text, start, children | {last})
    if (
        chosen is not None
        and context.gender_rule == "conversation"
        and _named_just_before(context, chosen, start)
    ):
        # `"...," said Fang.` then `"...," replied the man.`: a narration that has just called
        # one man by his name would name him again, so "the man" is another one
        return None
    return chosen


# How far back (characters) a name in the narration keeps a description from meaning its bearer
NAMED_NOT_DESCRIBED_WINDOW = 2000


def _named_just_before(context: _Context, character: str, position: int) -> bool:
    """Whether the narration (outside quotes) named ``character`` in the window before."""
    return any(
        mention.kind == "name" and mention.character == character and not _in_quote(context, mention.start)
        for mention in _mentions_between(context, max(0, position - NAMED_NOT_DESCRIBED_WINDOW), position)
    )


# `her husband`, `his wife`: a spouse the narration brings in by a possessive (a married couple
# shares the family name; other relatives, tried too, lost as many lines as they gained)
_RELATIVE_PHRASE = re.compile(r"\b(?:her|his)\s+(?:husband|wife)\b")


# how far after a tag's pronoun its own clause is read for the names it acts on
PRONOUN_CLAUSE_CHARS = 120


def _named_after_pronoun(text: str, end: int, context: _Context) -> frozenset[str]:
    """Whom a tag's he/she acts on or speaks to in its own sentence (`He beckoned Kronborg into
    the room and said:`, `said he to Temple`): named after the pronoun, outside quotes, these are
    never the pronoun's antecedent."""
    limit = min(len(text), end + PRONOUN_CLAUSE_CHARS)
    stop = _SENTENCE_END.search(text, end, limit)
    if context.quote_starts:
        # (up to the next quote: its words are no part of the clause)
        k = bisect.bisect_left(context.quote_starts, end)
        if k < len(context.quote_starts):
            limit = min(limit, context.quote_starts[k])
    limit = min(limit, stop.start()) if stop is not None else limit
    return frozenset(
        m.character for m in _mentions_between(context, end, limit) if m.character and m.kind == "name"
    )


def _relative_just_before(
    gender: str,
    context: _Context,
    conversation: _Conversation,
    index: int,
    quote: _Found,
    text: str,
    position: int,
) -> str | None:
    """`Her mutterings were chiefly to her husband; and he murmured, in reply,`: a "he" whose
    paragraph names no man before it but brings in "her husband" is that husband, when the family
    name says who he is (_relative_by_surname)."""
    para_start = _para_start(text, position)
    for mention in _mentions_between(context, para_start, position):
        if mention.character and not _in_quote(context, mention.start):
            character = context.characters.get(mention.character)
            if character is not None and character.gender == gender:
                return None  # a man named in the paragraph: the usual antecedent rules
    found = [
        m
        for m in _RELATIVE_PHRASE.finditer(text, para_start, position)
        if not _in_quote(context, m.start()) and EPITHET_GENDER.get(m.group().split()[-1]) == gender
    ]
    if not found:
        return None
    phrase = found[-1]
    key = " ".join(phrase.group().lower().split())
    return _relative_by_surname(key, context, conversation, index, text, phrase.start(), quote)


def _last_line_speaker(conversation: _Conversation, quote: _Found, text: str, index: int) -> str | None:
    """The speaker of the paragraph just before, when this quote opens a new paragraph."""
    if quote.outer_start != _para_start(text, quote.outer_start):
        return None
    if conversation.speakers and conversation.last_para == index - 1:
        return conversation.speakers[-1]
    return None


# How far back (characters) "a labouring man" in the narration lets "the man" mean the cast's
# "Labouring Man".
INTRODUCTION_WINDOW = 3000


# "the second woman", "the other magistrate", "the new policeman": not the one introduced before
_CONTRASTING_WORDS = frozenset(("first", "second", "third", "other", "another", "new", "last", "latter"))


def _introduced_as(context: _Context, key: str, text: str, position: int) -> str | None:
    """`a labouring man` in the narration, then `replied the man`: a cast member known only by a
    description ("The Labouring Man", "The Stout Man") whose words the narration used just before
    is the one "the man", a description with the same last noun, stands for. The latest such
    introduction wins."""
    head = key.split()[-1]
    window_start = max(0, position - INTRODUCTION_WINDOW)
    window = text[window_start:position].lower()
    best, best_at = None, -1
    for name, owner in context.alias_index.items():
        if not name.startswith("the ") or name == key or not name.endswith(" " + head):
            continue
        words = name[4:]
        at = window.rfind(words)
        whole_words = (
            not window[at - 1 : at].isalnum() and not window[at + len(words) : at + len(words) + 1].isalnum()
        )
        if at > best_at and whole_words:
            best, best_at = owner, at
    return best


# Nouns for a grown person and for a child: "the gentleman" is not the one the work calls "the boy".
_ADULT_NOUNS = frozenset(
    noun.word
    for noun in person_words.nouns_of_kinds(("person",))
    if noun.gender in ("M", "F") and " " not in noun.word
)


_CHILD_NOUNS: dict[str, tuple[str, ...]] = {
    gender: tuple(
        f"the {noun.word}"
        for noun in person_words.nouns_of_kinds(("young person",))
        if noun.gender in (gender, "U")
    )
    for gender in ("M", "F")
}


def _known_children(text: str, head: str, gender: str, context: _Context) -> frozenset[str]:
    """For a description of a grown person, the character of its gender the work calls "the boy"
    or "the child" most often (at least CHILD_MIN_VOTES times and CHILD_MIN_SHARE of the uses):
    not the one it stands for."""
    if head not in _ADULT_NOUNS:
        return frozenset()
    if gender not in context.children:
        votes: Counter[str] = Counter()
        for key in _CHILD_NOUNS.get(gender, ()):
            votes.update(_epithet_votes(text, key, gender, context))
        votes.pop("", None)
        owner, count = votes.most_common(1)[0] if votes else ("", 0)
        fits = count >= CHILD_MIN_VOTES and count >= CHILD_MIN_SHARE * votes.total()
        context.children[gender] = frozenset({owner}) if fits else frozenset()
    return context.children[gender]


CHILD_MIN_VOTES = 5


CHILD_MIN_SHARE = 0.2


# A prepositional phrase or relative clause closing a description: `the voice from the stair-head`;
# whom the line is said to and a clause of time run on from it too: `said her brother to Colonel
# Brandon`, `cried her father as she appeared`
_DESCRIPTION_TAIL = re.compile(
    r"\s+(?:with|in|from|at|on|through|behind|beside|near|by|who|whose|to|as|when|while|whilst)\s"
)


# A description's learnt owner stands in only when no one of its gender was named in the narration
# of the last DESCRIPTION_WINDOW characters; it needs DESCRIPTION_MIN_VOTES close-by resolutions
# to one person and that share of all of them.
DESCRIPTION_WINDOW = 1500


DESCRIPTION_MIN_VOTES = 2


DESCRIPTION_MIN_SHARE = 0.7


def _latest_named_of_gender(context: _Context, position: int, gender: str) -> str | None:
    """`Daisy was near her. "...," this young lady inquired`: a demonstrative points back to the
    last one of its gender the narration named (in the DESCRIPTION_WINDOW before), whoever
    talked last."""
    if not gender:
        return None
    for mention in reversed(_mentions_between(context, max(0, position - DESCRIPTION_WINDOW), position)):
        if (
            mention.kind == "name"
            and mention.character
            and _fits_gender(context, mention.character, gender)
            and not _in_quote(context, mention.start)
        ):
            return mention.character
    return None


# Relatives who share a family name with the one whose relative they are, with the title the
# relative goes by ("mrs" for a mother or wife); None: any title or a given name.
_FAMILY_TITLE: dict[str, str | None] = {
    noun.word: person_words.MARRIED_TITLE[noun.gender] if noun.kind in ("parent", "spouse") else None
    for noun in person_words.nouns_of_kinds(
        ("parent", "spouse", "sibling", "son or daughter"), familiar=False
    )
}


def _relative_by_surname(
    key: str,
    context: _Context,
    conversation: _Conversation,
    index: int,
    text: str,
    position: int,
    quote: _Found,
) -> str | None:
    """`her mother` for Elizabeth Bennet: the one Mrs. Bennet of the cast. Whose relative is meant
    is taken from the characters named in this paragraph's narration before the tag, latest first,
    then the conversation's latest speakers (the conversation may have gone on untagged for a few
    lines); the first of them whose family name (from the cast's names and aliases, else from the
    text: _family_from_text) gives a cast member of the relative's gender and title decides (two
    or more such: no guess)."""
    words = key.split()
    if len(words) != 2 or words[1] not in _FAMILY_TITLE:
        return None
    # ("the mother": whoever's mother she is, of either sex)
    owner_gender = {"her": "F", "his": "M"}.get(words[0])
    relative_gender = EPITHET_GENDER[words[1]]
    title = _FAMILY_TITLE[words[1]]
    mentions = _mentions_between(context, _para_start(text, position), position)
    owners = [m.character for m in reversed(mentions) if m.character and not _in_quote(context, m.start)]
    # `"My dear Mr. Bennet," replied his wife`: the one called in the line is whose wife she is
    owners.extend(m.character for m in _mentions_between(context, quote.start, quote.end) if m.character)
    # `Elizabeth dared not lift up her eyes.` / `"...," said her mother`: the paragraph before
    # named whose mother she is
    para_start = _para_start(text, position)
    earlier = _mentions_between(context, _para_start(text, max(0, para_start - 2)), para_start)
    owners.extend(m.character for m in reversed(earlier) if m.character and not _in_quote(context, m.start))
    if conversation.last_para >= index - 5:
        owners.extend(reversed(conversation.speakers[-6:]))
    seen: set[str] = set()
    for owner in owners:
        character = context.characters.get(owner)
        if owner in seen or character is None or owner_gender not in (None, character.gender):
            continue
        seen.add(owner)
        family_names = _family_names(character.name, character.aliases, words[1]) or _family_from_text(
            owner, context, text
        )
        if not family_names:
            continue
        if words[1] in ("son", "daughter") and not any(
            _norm(alias).startswith(("mr ", "mrs ")) for alias in (character.name, *character.aliases)
        ):
            continue  # a daughter's parent goes by Mrs. or Mr.: Daisy Miller has no daughter
        relatives = {
            cid
            for alias, cid in context.alias_index.items()
            if cid != owner
            and context.characters[cid].gender in (relative_gender, "U")
            # a sister of the family is Miss or a given name: "Mrs. Bennet" is the mother
            and not (words[1] == "sister" and alias.startswith("mrs "))
            # "Mrs. Dashwood" exactly: Mrs. John Dashwood is her daughter-in-law
            and any(
                alias == f"{title} {family}" if title else alias.endswith(" " + family)
                for family in family_names
            )
        }
        if len(relatives) == 1:
            return relatives.pop()
        if relatives:
            return None  # the latest possible owner's family is not one person: no guess
    return None


# Relatives by blood: a married woman's "Mrs." name is her husband's family, not her parents'.
_BLOOD_RELATIVES = frozenset(
    noun.word for noun in person_words.nouns_of_kinds(("parent", "sibling"), familiar=False)
)


def _family_names(name: str, aliases: Sequence[str], relative: str) -> set[str]:
    """The family names a character goes by, but for a parent or sibling not the one of a woman's
    "Mrs." alias: person_words.family_names."""
    return person_words.family_names(name, aliases, birth_only=relative in _BLOOD_RELATIVES)


def _family_from_text(owner: str, context: _Context, text: str) -> set[str]:
    """The family name of a character the cast knows by given names only ("Elizabeth", "Lizzy"),
    as the text writes it after one of them: "Elizabeth Bennet". Only a word that is another cast
    member's family name counts ("Elizabeth said" is no name); the commonest one wins."""
    if owner in context.family_names:
        return context.family_names[owner]
    character = context.characters[owner]
    given = sorted(
        {alias for alias in (character.name, *character.aliases) if re.fullmatch(r"[A-Z][a-z]+", alias)},
        key=len,
        reverse=True,
    )
    family_names: set[str] = set()
    if given:
        others = {
            alias.split()[-1]
            for alias, cid in context.alias_index.items()
            if cid != owner and len(alias.split()) > 1 and alias.split()[0] != "the"
        }
        pattern = re.compile(r"\b(?:" + "|".join(given) + r")\s+([A-Z][a-z]+)\b")
        counts = Counter(word.lower() for word in pattern.findall(text) if word.lower() in others)
        if counts:
            family_names.add(counts.most_common(1)[0][0])
    context.family_names[owner] = family_names
    return family_names


def _by_name_part(context: _Context, key: str) -> str | None:
    """The one character whose name or alias starts or ends with these words, if only one does."""
    if not key or key in _NOT_NAME_PARTS:
        return None
    if key not in context.name_parts:
        owners = {
            cid
            for alias, cid in context.alias_index.items()
            if alias.startswith(key + " ") or alias.endswith(" " + key)
        }
        if len(owners) > 1:
            # "Denham" with Ralph Denham and Mrs. Denham: a bare surname is the one of them known
            # by a given name or a man's title with it, not a Mrs. or Miss known by no other
            owners = {
                cid
                for alias, cid in context.alias_index.items()
                if alias.endswith(" " + key) and _TITLE_GENDER.get(alias.split()[0], "M") == "M"
            }
        context.name_parts[key] = owners.pop() if len(owners) == 1 else None
    return context.name_parts[key]


def _by_title_and_surname(context: _Context, key: str) -> str | None:
    """`Miss Quested` for a character listed only as `Adela Quested`: the one character of the
    title's gender whose name ends with that surname."""
    words = key.split()
    if len(words) != 2 or words[0] not in _TITLE_GENDER:
        return None
    gender = _TITLE_GENDER[words[0]]
    owners = {
        cid
        for alias, cid in context.alias_index.items()
        if alias.endswith(" " + words[1])
        and (gender is None or context.characters[cid].gender in (gender, "U"))
    }
    return owners.pop() if len(owners) == 1 else None


_THE_PHRASE = re.compile(r"(?<![\w'’])the\s+([\w-]+)(?:\s+([\w-]+))?(?![\w-])", re.I)


def _epithet_positions(text: str, context: _Context) -> dict[str, list[int]]:
    """Where each "the X" and "the X Y" of the work starts, keyed as _norm keys them: found in one
    pass over the text, for every epithet to be learned (one scan per epithet cost seconds)."""
    if context.the_phrases is None:
        index: dict[str, list[int]] = {}
        for match in _THE_PHRASE.finditer(text, context.work.metadata.body_start):
            first = match.group(1).lower()
            index.setdefault(f"the {first}", []).append(match.start())
            if match.group(2):
                index.setdefault(f"the {first} {match.group(2).lower()}", []).append(match.start())
        context.the_phrases = index
    return context.the_phrases


def _epithet_votes(text: str, key: str, gender: str | None, context: _Context) -> Counter[str]:
    """For each use of an epithet, the character of its gender named last before its sentence."""
    votes: Counter[str] = Counter()
    for position in _epithet_positions(text, context).get(key, ()):
        window_start = max(0, position - 400)
        sentence_start = max(text.rfind(". ", window_start, position), window_start)
        before = _mentions_between(context, window_start, sentence_start)
        for mention in reversed(before):
            cid = mention.character or ""
            if gender and context.characters.get(cid) and context.characters[cid].gender not in (gender, "U"):
                continue
            votes[cid] += 1
            break
    return votes


# A description the narration keeps putting in the same sentence as the name it was learnt for
# ("Oliver looked at the stranger") is someone else: more than this share of its uses so rejects it.
EPITHET_BESIDE_OWNER_SHARE = 0.3


def _named_beside_epithet(text: str, key: str, owner: str, context: _Context) -> int:
    """In how many of its uses an epithet shares its sentence (or 300 characters either side) with
    a mention of ``owner``."""
    count = 0
    for position in _epithet_positions(text, context).get(key, ()):
        start = max(text.rfind(". ", max(0, position - 300), position), position - 300)
        end = text.find(". ", position, position + 300)
        end = position + 300 if end < 0 else end
        if any(m.character == owner for m in _mentions_between(context, start, end)):
            count += 1
    return count


def _learn_epithet(text: str, key: str, gender: str | None, context: _Context) -> str | None:
    """What a generic epithet ("the vampire", "the red head") stands for in this work: the character
    most often named just before it, across all its uses. Decided once per epithet."""
    if key in context.epithets:
        return context.epithets[key]
    if not key.startswith("the ") or len(key.split()) > 3:
        return None
    if (key, gender) in context.undecided_epithets:
        return None  # counted before and found no clear owner: don't scan the whole text again
    votes = _epithet_votes(text, key, gender, context)
    total = sum(votes.values())
    winner = votes.most_common(1)[0] if votes else None
    result = winner[0] if winner and total >= 3 and winner[1] >= 0.6 * total else None
    if result and _named_beside_epithet(text, key, result, context) > EPITHET_BESIDE_OWNER_SHARE * total:
        result = None
    if result:
        context.epithets[key] = result
    else:
        context.undecided_epithets.add((key, gender))
    return result


# How many of a talk's latest lines a same-gender partner must have spoken in to be the "she" who
# answers the last woman: one heard from only longer ago has mostly left the exchange.
EXCHANGE_WINDOW = 5


def _by_gender(
    gender: str,
    context: _Context,
    conversation: _Conversation,
    index: int,
    quote: _Found,
    text: str,
    position: int | None = None,
    exclude: frozenset[str] = frozenset(),
) -> str | None:
    """The most salient character of a gender: named earlier in the narration of the paragraph
    where the pronoun stands, else recently; in a running conversation, the other participant
    rather than the last speaker. ``exclude``: characters the phrase cannot be (a possessor)."""

    def fits(cid: str) -> bool:
        return cid not in exclude and _fits_third_person(context, cid, gender)

    # whom the quote calls by name or speaks of is not who speaks it
    vocatives = set(quote.vocatives) | {
        m.character
        for m in _mentions_between(context, quote.start, quote.end)
        if m.character and m.kind == "name"  # "I'm not the slayer" may be the slayer speaking
    }
    context.gender_rule = "local"
    context.by_recency = False
    position = quote.outer_start if position is None else position
    # named in this paragraph before the pronoun, outside quotes
    para_mentions = [
        m
        for m in _mentions_between(context, _para_start(text, position), position)
        if m.character
        and fits(m.character)
        and m.character not in vocatives
        and not _in_quote(context, m.start)
    ]
    para_mentions = [
        m
        for m in para_mentions
        if not _acts_on_pronoun(text, m, position, gender) and not _acted_on_by_pronoun(context, m, gender)
    ]
    described = _described_subject(context, text, _para_start(text, position), position)
    if (
        described is not None
        and fits(described[1])
        and described[1] not in vocatives
        and not any(m.start >= described[0] and _is_plain_subject(text, m) for m in para_mentions)
    ):
        # `The doctor was buttoning up his coat. "Killed instantly," he said.`: the paragraph's
        # latest subject is a description that names a cast member, and no name stands after it
        context.gender_rule = "paragraph"
        return described[1]
    if para_mentions:
        # a subject is a likelier antecedent than an object: "Her friendship with Mrs. Moore
        # was deep... she sighed" is not Mrs. Moore
        context.gender_rule = "paragraph"  # named in this very paragraph: a reliable resolution
        return _topic(context, para_mentions, position, gender).character
    para_start = _para_start(text, position)
    if para_start == quote.outer_start or not _mentions_between(context, para_start, position):
        # the previous line called someone by name: she answers
        addressed = [v for v in conversation.last_vocatives if fits(v)]
        if addressed and conversation.last_para == index - 1:
            return addressed[0]
    if para_start > 0:
        # `Willow groaned.` closing the paragraph before: she is who "she" means next, unless
        # she was the one speaking there.
        previous_start = _para_start(text, len(text[:para_start].rstrip()))
        previous_speaker = (
            conversation.speakers[-1]
            if conversation.speakers and conversation.last_para == index - 1
            else None
        )
        previous = [
            m
            for m in _mentions_between(context, previous_start, para_start)
            if m.character
            and fits(m.character)
            and m.character not in vocatives
            and m.character != previous_speaker
            and not _in_quote(context, m.start)
            and not _acted_on_by_pronoun(context, m, gender)
        ]
        # `Mara gave her a long look.` closing the paragraph before: the "her" is the next "she".
        # Only for a name: a description as subject (`The doctor looked at Kronborg and shut the
        # door behind him`) is the paragraph's topic, and its "him" is someone else
        previous = [
            m for m in previous if m.kind != "name" or not _acts_on_pronoun(text, m, para_start, gender)
        ]
        described = _described_subject(context, text, previous_start, para_start)
        if (
            described is not None
            and fits(described[1])
            and described[1] not in vocatives
            and described[1] != previous_speaker
            and not any(m.start >= described[0] and _is_plain_subject(text, m) for m in previous)
        ):
            # `Then the doctor felt his patient's pulse once more.` closing the paragraph before:
            # the description the cast knows him by is the next line's "he", as within a paragraph
            return described[1]
        if (
            previous
            and previous_speaker is not None
            and not any(_is_plain_subject(text, m) for m in previous)
        ):
            # the line before was someone else's, and its narration only names this one in
            # passing (`she began, remembering how often William had said so`): the talk decides
            previous = []
        if previous:
            return _topic(context, previous, para_start, gender).character
    context.gender_rule = "conversation"
    participants = [p for p in conversation.participants() if fits(p)]
    recent = [
        cid for para, cid in reversed(conversation.salient) if index - para <= SALIENCE_WINDOW and fits(cid)
    ]
    if (
        quote.outer_start == _para_start(text, quote.outer_start)
        and conversation.speakers
        and len(participants) >= 2
        and conversation.last_para == index - 1
    ):
        # A new line in a running exchange between two people of the same gender: the other one,
        # if she is still in the exchange; else the talk's latest speaker of the gender (below), who
        # mostly goes on after a silent partner (PDNC dev: of 16 such tags, 2 were the other's, 11
        # the latest speaker's)
        last = conversation.speakers[-1]
        lately = set(conversation.speakers[-EXCHANGE_WINDOW:])
        others = [p for p in participants if p != last and p not in vocatives and p in lately]
        if others:
            return others[0]
    if conversation.last_para >= index - 2:
        # in a running conversation, one of its speakers before anyone merely mentioned
        talking = [p for p in reversed(conversation.speakers[-6:]) if fits(p) and p not in vocatives]
        if talking:
            return talking[0]
    for cid in recent:
        if cid not in vocatives:
            context.by_recency = True  # only recency chose: a weak resolution
            return cid
    return None  # only whom the line calls by name: someone else speaks it


# `The doctor was...`, `the old servant turned`: a description opening a sentence, a word after it
_DESCRIBED_SUBJECT = re.compile(
    r"(?:^|(?<=[.!?;])\s+|(?<=[\n\"“”])\s*)"
    r"(?P<key>(?:[Tt]he|An?)\s+[A-Za-z][\w-]*(?:\s+[a-z][\w-]*)?|[A-Z][\w.-]*['’]s\s+[a-z][\w-]*)(?=\s+[a-z])"
)


def _described_subject(context: _Context, text: str, start: int, end: int) -> tuple[int, str] | None:
    """The latest sentence in ``text[start:end]`` whose subject is a description the cast knows
    someone by ("the doctor" for The Doctor, "the Major" for Major Callendar, "a coloured
    archdeacon", "Dan's friend"), outside quotes: its position and whom it names."""
    found = None
    for match in _DESCRIBED_SUBJECT.finditer(text, start, end):
        if _in_quote(context, match.start("key")):
            continue
        words = _norm(match.group("key")).split()
        for key in (" ".join(words), " ".join(words[:2])):
            # `A coloured archdeacon sat facing him.`, `Dan's friend renewed his invitation.`: only
            # the cast's own description names someone; "the doctor" may be a rank too
            owner = context.alias_index.get(key)
            if key.startswith("the "):
                owner = owner or context.bare_aliases.get(key[4:])
                if owner is not None and _norm(context.characters[owner].name).startswith("the "):
                    owner = _rank_holder(context, key, match.start("key")) or owner
                owner = owner or _rank_holder(context, key, match.start("key"))
            if owner is not None:
                found = (match.start("key"), owner)
                break
    return found


# a clause opens at a sentence start, after a quote, or after a conjunction, capitalised or not
# (`But Mary, feeling...`, `though Mrs. Jennings was governed in it`, `as Ines came in`)
_CLAUSE_OPENERS = re.compile(
    # after a comma that closes a phrase (`after a moment's pause, Ines chose`), a name opens a
    # clause; after a comma closing a name (`Mara, Ines and Jonah`), it is only listed
    r"(?:^|[.!?;:]\s+|[\"“”]\s*|,\s+(?:and|but|then|when|while|as|so)\s+|\b[a-z]+,\s+"
    r"|\b(?:[Aa]nd|[Bb]ut|[Tt]hen|[Ww]hen|[Ww]hile|[Tt]hough|[Aa]lthough|[Bb]ecause|[Uu]ntil|[Tt]ill|[Ii]f|[Ss]ince|[Aa]s)\s+"
    # `Nor did Katharine speak.`, `Either Mrs. Hilbery was impervious`: a subject after the
    # auxiliary of an inverted negation, or after "either"
    r"|\b(?:Nor|Neither|[Nn]or\s+yet)\s+(?:did|had|was|were|could|would|should|does|do|has|is)\s+|\bEither\s+)$"
)
# a word after the name that could be its verb: not a conjunction or preposition (`Then Mara and
# Jonah drove away`, `from Mara to Ines`), which makes the name one of a pair or an object


# a word after the name that could be its verb: not a conjunction or preposition (`Then Mara and
# Jonah drove away`, `from Mara to Ines`), which makes the name one of a pair or an object
_FOLLOWED_BY_VERB = re.compile(
    r"\s+(?:[a-z]+ly\s+)?(?!(?:and|or|to|of|in|with|at|on|for|from|by|as)\b)[a-z]+(?:ed|s)?\b|,\s"
)


_PRONOUN_SUBJECT = {
    "F": re.compile(r"(?:^|[.!?;]\s+|[\"“”]\s+|\n)She\b|(?:[,;]|\band|\bbut|\bthen)\s+she\b"),
    "M": re.compile(r"(?:^|[.!?;]\s+|[\"“”]\s+|\n)He\b|(?:[,;]|\band|\bbut|\bthen)\s+he\b"),
}


def _topic(context: _Context, mentions: list[Mention], end: int, gender: str) -> Mention:
    """Whom a paragraph is about, for a "she" right after it: the one its "she"s go on from.
    (`Mary's lips parted. She could not conceive why Katharine envied her.`: the paragraph, and
    the next "she", are Mary's, though Katharine is named last.) Without such a chain, the latest
    subject (_likeliest_antecedent). A "she" inside a line of speech is no part of the chain."""
    text = context.work.text
    pattern = _PRONOUN_SUBJECT.get(gender)
    if pattern is not None:
        chains = []
        for i, mention in enumerate(mentions):
            stop = mentions[i + 1].start if i + 1 < len(mentions) else end
            found = pattern.finditer(text, mention.end, stop)
            chains.append(sum(1 for match in found if not _in_quote(context, match.end() - 1)))
        best = max(range(len(mentions)), key=lambda i: (chains[i], i))
        if chains[best] > 0 and best != len(mentions) - 1:
            last = mentions[-1]
            if not _is_subject(text, last) or _is_possessive(text, last):
                return mentions[best]
    return _likeliest_antecedent(text, mentions)


def _likeliest_antecedent(text: str, mentions: list[Mention]) -> Mention:
    """Of the names before a pronoun, the latest subject; else the latest not a possessor
    ("the pleasure of Margaret's return" does not make Margaret the one speaking)."""
    subjects = [m for m in mentions if _is_plain_subject(text, m)]
    if subjects:
        return subjects[-1]
    plain = [m for m in mentions if not _is_possessive(text, m)]
    return (plain or mentions)[-1]


def _is_plain_subject(text: str, mention: Mention) -> bool:
    """A name standing as a subject, not as a possessor ("Margaret's return")."""
    return _is_subject(text, mention) and not _is_possessive(text, mention)


def _is_possessive(text: str, mention: Mention) -> bool:
    # PDNC's texts lost some apostrophes: "Margaret s return"
    return text.startswith(("'s ", "’s ", " s "), mention.end)


def _is_subject(text: str, mention: Mention) -> bool:
    """Whether a name stands where a subject does: opening a clause, a verb after it."""
    before = text[max(0, mention.start - 40) : mention.start]
    after = text[mention.end : mention.end + 30]
    return _CLAUSE_OPENERS.search(before) is not None and _FOLLOWED_BY_VERB.match(after) is not None


_OBJECT_HER = re.compile(
    r"\bher\s+(?:a|an|the|some|that|this|up|down|off|back|to|in|out|away)\b|\bher[.,!?;]"
)


_OBJECT_HIM = re.compile(r"\bhim\b")


# a coordinated clause with a subject of its own: `, but the incident`, `; the rain`
_OWN_SUBJECT_CLAUSE = re.compile(
    r"(?:,\s*|\s+)(?:but|yet|while|whereas|though|although)\s+(?:the|a|an|this|that|his|her|its|their)\b|;"
)


def _acts_on_pronoun(text: str, mention: Mention, position: int, gender: str) -> bool:
    """Whether the named character does something to a "her"/"him" later in the same sentence
    (`Buffy and Xander gave her a look`): then that pronoun, and the next one, is someone else."""
    stop = _SENTENCE_END.search(text, mention.end, position)
    clause = text[mention.end : stop.start() if stop else position]
    # `Aziz had not meant to greet him, but the incident put him in a temper`: a clause with a
    # subject of its own acts on its "him", not the name before it
    other_clause = _OWN_SUBJECT_CLAUSE.search(clause)
    if other_clause is not None:
        clause = clause[: other_clause.start()]
    pattern = _OBJECT_HER if gender == "F" else _OBJECT_HIM if gender == "M" else None
    return pattern is not None and pattern.search(clause) is not None


# "but" or a semicolon before a name opens the name's own clause (`She turned, but Mara called
# Ines back.`): a subject there is not in the earlier "she"'s power
_CONTRARY_CLAUSE = re.compile(r"(?:\bbut|;)\s+$")


_SUBJECT_PRONOUN = {"F": re.compile(r"\b[Ss]he\b"), "M": re.compile(r"\b[Hh]e\b")}


def _acted_on_by_pronoun(context: _Context, mention: Mention, gender: str) -> bool:
    """Whether a same-gender "she"/"he" earlier in the sentence acts on the named character
    (`She had only to look at Cassandra.`, `when he came to discuss it with Jock`) or governs the
    clause it stands in (`She waited while Ines packed.`): the sentence is that pronoun's, and the
    pronoun's own person is whom the next "she" goes on with."""
    pattern = _SUBJECT_PRONOUN.get(gender)
    if pattern is None:
        return False
    text = context.work.text
    if _CONTRARY_CLAUSE.search(text, max(0, mention.start - 12), mention.start) and _is_plain_subject(
        text, mention
    ):
        return False
    window_start = max(_para_start(text, mention.start), mention.start - 300)
    sentence_start = window_start
    for match in _SENTENCE_END.finditer(text, window_start, mention.start):
        sentence_start = match.end()
    return any(
        not _in_quote(context, m.start()) for m in pattern.finditer(text, sentence_start, mention.start)
    )


def _para_start(text: str, position: int) -> int:
    cut = text.rfind("\n\n", 0, position)
    start = cut + 2 if cut >= 0 else 0
    while start < position and text[start].isspace():
        start += 1
    return start


def _resolve_object(
    text: str,
    start: int,
    phrase: str,
    quote: _Found,
    context: _Context,
    conversation: _Conversation,
    index: int,
    speaker: str,
) -> str | None:
    lower = phrase.lower()
    if lower in OBJECT_PRONOUN_GENDER:
        gender = OBJECT_PRONOUN_GENDER[lower]
        if gender == "I":
            return context.narrator
        others = [p for p in conversation.participants() if p != speaker]
        for cid in others:
            character = context.characters.get(cid)
            if character and (character.gender == gender or gender == "N"):
                return cid
        return None
    mention = _mention_at(context, start, start + len(phrase))
    if mention is not None and mention.character:
        return mention.character
    key = _norm(phrase)
    if key in context.alias_index:
        return context.alias_index[key]
    if key.startswith("the "):
        learned = _learn_epithet(text, key, EPITHET_GENDER.get(key.split()[-1]), context)
        if learned:
            return learned
        gender = EPITHET_GENDER.get(key.split()[-1])
        others = [p for p in conversation.participants() if p != speaker]
        if gender is None and len(others) == 1:
            return others[0]
        for cid in others:
            character = context.characters.get(cid)
            if character and character.gender == gender:
                return cid
    return None


# Words that may stand between a sentence's start and a name called out: `My dear Isabella,`
_ADDRESS_WORDS = re.compile(
    r"(?:(?<![\w'’])(?:my|dear|dearest|sweet|poor|good|darling|oh|o|ah|yes|no|well|now|come|why|"
    r"hello|hullo|hi|hey|hiya|thank you|thanks|please|good-?bye|night|morning|evening|little|old|young)[\s,]*)+$",
    re.I,
)


# A name opening a quote is called (`Willow maybe you don't`, fan fiction often drops the comma)
# unless a verb follows it: `Jonah is late` speaks of Jonah.
_NAME_THEN_VERB = re.compile(
    r"(?:'s|’s)?\s+(?:[a-z]+ly\s+)?(?:is|was|has|had|will|would|can|could|did|does|do|must|should|may|might|"
    r"and|or|[a-z]+(?:ed|s))\b"
)


def _after_address_words(text: str, quote_start: int, position: int) -> bool:
    """Whether only words of address (`My dear`, `Oh, well,`) stand between the start of the
    quote's sentence and ``position``."""
    window_start = max(quote_start, position - 40)
    lead = text[window_start:position]
    rest = _ADDRESS_WORDS.sub("", lead)
    if rest == lead:
        return False
    if not rest.strip():
        return window_start == quote_start
    return rest.rstrip().endswith(tuple(",.!?;:—-"))


# what joins two names of a list: a comma, or "and", "or", "nor" with or without one
_LIST_LINK = re.compile(r",\s*|,?\s+(?:and|or|nor)\s+")
# a list that goes on to a capitalised word after its last name: "Ralph, and Stella"


# a list that goes on to a capitalised word after its last name: "Ralph, and Stella"
_LIST_GOES_ON = re.compile(r",?\s+(?:and|or|nor)\s+[A-Z]")


def _listed_names(text: str, mentions: list[Mention]) -> set[int]:
    """The indexes of ``mentions`` that stand in a list of names joined by "and" or "or"
    ("Ronny, Ralph, and Stella"); "Buffy, Willow, get down!" calls both and is no such list."""
    listed: set[int] = set()
    chain: list[int] = []
    joined = False
    for k in range(len(mentions)):
        chain.append(k)
        link = (
            _LIST_LINK.fullmatch(text, mentions[k].end, mentions[k + 1].start)
            if k + 1 < len(mentions)
            else None
        )
        if link is not None:
            joined = joined or bool(link.group().strip(" ,\n"))  # a conjunction, not a comma
            continue
        if len(chain) > 1 and (joined or _LIST_GOES_ON.match(text, mentions[k].end)):
            listed.update(chain)
        chain, joined = [], False
    return listed


def _vocatives(text: str, quote: _Found, context: _Context) -> list[str]:
    """Characters addressed by name in the quote: at its start or end, or set off by commas."""
    found = []
    mentions = _mentions_between(context, quote.start, quote.end)
    listed = _listed_names(text, mentions)
    for k, mention in enumerate(mentions):
        if not mention.character:
            continue
        if k in listed:
            continue  # "Ronny, Ralph, and Stella": names in a list are spoken of, not called
        before = text[max(quote.start, mention.start - 2) : mention.start]
        after = text[mention.end : min(quote.end, mention.end + 2)]
        at_start = (
            mention.start - quote.start <= 1
            or before.endswith((", ", ",\n", "! ", "? ", ". "))
            or _after_address_words(text, quote.start, mention.start)
        )
        at_end = quote.end - mention.end <= 1 or after[:1] in (",", "!", "?", ".")
        opens_unpunctuated = mention.start == quote.start and not _NAME_THEN_VERB.match(text, mention.end)
        if (at_start and (after[:1] in (",", "!", "?", ".", "") or opens_unpunctuated)) or (
            at_end and before.endswith((", ", ",\n"))
        ):
            found.append(mention.character)
    return found


def _beat_speaker(
    text: str,
    para: _Para,
    quotes: list[_Found],
    context: _Context,
    conversation: _Conversation,
    index: int,
    vocatives: set[str],
) -> str | None:
    """A character who acts in the paragraph's narration (`Buffy smiled. "..."`)."""
    narration_mentions = [
        m
        for m in _mentions_between(context, para.start, para.end)
        if m.character and not any(q.start <= m.start < q.end for q in quotes)
    ]
    for mention in narration_mentions:
        if mention.character in vocatives:
            continue
        # A subject: at a sentence's start, before a verb.
        before = text[max(para.start, mention.start - 3) : mention.start]
        at_sentence_start = (
            mention.start == para.start or re.search(r"[.!?\"”]\s+$|^\s*$", before) is not None
        )
        if _SILENT_SUBJECT.match(text, mention.end):
            continue  # `"...?" Catherine said nothing.`: she listened
        if at_sentence_start and not _reacts_to_speaker(text, mention, quotes[0].end):
            return mention.character
    # `She smiled. "..."`: a pronoun subject at the paragraph's start
    gender = _beat_pronoun_gender(text, para, quotes)
    if gender is not None:
        return _by_gender(gender, context, conversation, index, quotes[0], text)
    return None


_BEAT_PRONOUN = re.compile(r"\s*(He|She)\s+[a-z]+ed\b")


def _beat_pronoun_gender(text: str, para: _Para, quotes: list[_Found]) -> str | None:
    """The gender of a "he" or "she" acting at the paragraph's start, before its first quote."""
    pronoun = _BEAT_PRONOUN.match(text, para.start, quotes[0].outer_start)
    return PRONOUN_GENDER[pronoun.group(1).lower()] if pronoun else None


def _reacts_to_speaker(text: str, mention: Mention, quote_end: int) -> bool:
    """`"..." The fire crackled. Cassandra looked at her.`: someone who, after the line, does
    something to a "her" or "him" is reacting to whoever spoke it, not speaking."""
    if mention.start < quote_end:
        return False
    stop = _SENTENCE_END.search(text, mention.end)
    clause = text[mention.end : stop.start() if stop else mention.end + 200]
    return _OBJECT_PRONOUN.search(clause) is not None


_OBJECT_PRONOUN = re.compile(
    r"\b(?:at|to|on|upon|towards?|with)\s+(?:her|him)\b|\b(?:gave|handed|told|asked)\s+(?:her|him)\b"
)


_INNER_NOUN_WORDS = (
    "brain mind heart voice conscience head thoughts rationale reason subconscious instinct gut"
)


_INNER_NOUNS = frozenset(_INNER_NOUN_WORDS.split())
