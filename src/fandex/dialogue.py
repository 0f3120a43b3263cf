"""Dialogue: quotes and thoughts, each with its speaker (and addressee) or thinker.

Everything here is rules and compiled regexes, run paragraph by paragraph; no parser touches the
text. Two passes:

1. Finding: the quotation convention of the work is decided once (double quotes, British single
   quotes or em-dash paragraphs), then each paragraph is scanned for its quotes and for asterisk
   thoughts. Quotes left open at a paragraph's end continue into the next paragraph when that one
   opens with a quote mark (the multi-paragraph speech convention).
2. Attribution, in reading order: a speech tag next to the quote (a name, a pronoun or an epithet
   with a speech verb, in either order), then the tag of another quote in the same paragraph, the
   continuation of an open speech, an action beat in the paragraph's narration, and finally
   turn-taking: the speakers of a conversation's untagged lines are decoded for the whole
   conversation at once (fandex.conversation), anchored on every tag, both ways.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from fandex import person_words
from fandex.conversation import TurnTaking, decode
from fandex.options import Options
from fandex.work import Character, Mention, Quote, Span, Thought, Work

# ---------------------------------------------------------------- general English word lists

# Base forms of verbs that introduce or describe speech. Fan fiction tags use far more than "said".
_SPEECH_VERB_STEMS = """
say ask reply answer add agree announce argue assure beg begin blurt boast breathe call chirp chime
chuckle command comment complain concede confess confirm continue correct cry declare demand deny
drawl echo encourage exclaim explain finish gasp greet grin groan growl grumble grunt guess hiss
howl inform inquire enquire insist interrupt interject joke laugh lie mention moan mumble murmur
mutter muse nod note object observe offer order pant plead point pout promise protest purr put
query question rasp reason recall reassure relent remark remind repeat reply respond resume retort
return reveal roar rumble scoff scold scream screech shout shriek sigh sing snap snarl sneer snicker
snort sob speak squeak squeal stammer state stutter suggest tease tell thunder urge venture vow
wail warn whimper whine whisper yell yelp interpose ejaculate boom hoot chatter falter counsel
pursue admit advise affirm allow assert babble bark bellow
bleat bluster chide cajole caution coax croak decide demur entreat exclaim fret giggle gush
implore intone jeer lament lisp marvel mock mouth muse opine prattle pronounce propose quip rage
rant recite recollect rejoin repeat retaliate sniff sniffle soothe splutter sputter squawk
sympathise sympathize taunt testify threaten titter trill utter volunteer wheeze wonder
whoop call explain fill start trail subjoin assent acquiesce remonstrate expostulate
persist hazard speculate contradict reiterate nag accost address
"""
_IRREGULAR_SPEECH = {
    # with the old and dialect spellings of said, says and asked ("quoth he", "sez Bill", "ast Sal")
    "say": ("said", "says", "saying", "quoth", "saith", "sayeth", "sayd", "sez", "ses"),
    "ask": ("asked", "asks", "asking", "ast", "axed"),
    "tell": ("told", "tells", "telling"),
    "begin": ("began", "begins", "beginning"),
    "speak": ("spoke", "speaks", "speaking"),
    "sing": ("sang", "sings", "singing"),
    "put": ("put", "puts", "putting"),
    "lie": ("lied", "lies", "lying"),
    "cry": ("cried", "cries", "crying"),
    "reply": ("replied", "replies", "replying"),
    "query": ("queried", "queries", "querying"),
    "snap": ("snapped", "snaps", "snapping"),
    "sob": ("sobbed", "sobs", "sobbing"),
    "plead": ("pleaded", "pled", "pleads"),
    "grin": ("grinned", "grins", "grinning"),
    "nod": ("nodded", "nods", "nodding"),
    "chat": ("chatted", "chats", "chatting"),
    "quip": ("quipped", "quips", "quipping"),
    "fret": ("fretted", "frets", "fretting"),
    "jeer": ("jeered", "jeers", "jeering"),
    "fill": ("filled in", "fills in", "filling in"),
    "admit": ("admitted", "admits", "admitting"),
    "beg": ("begged", "begs", "begging"),
    "hum": ("hummed", "hums", "humming"),
    "spit": ("spat", "spits", "spitting"),
    "nag": ("nagged", "nags", "nagging"),
    "counsel": ("counselled", "counseled", "counsels", "counselling"),
}
# Verbs of thinking: a quote tagged with one of these is a thought, not speech.
_THOUGHT_VERB_FORMS = frozenset(
    [
        "thought",
        "thinks",
        "think",
        "wondered",
        "wonders",
        "mused",
        "muses",
        "reflected",
        "reflects",
        "thougth",
        "though",
    ]
)
# "wonder" and "muse" sit in both lists above; as tags of a quote they mark a thought.


def _inflect(stem: str) -> tuple[str, ...]:
    if stem in _IRREGULAR_SPEECH:
        return _IRREGULAR_SPEECH[stem]
    if stem.endswith("e"):
        return (stem + "d", stem + "s", stem[:-1] + "ing")
    if stem.endswith("y") and stem[-2] not in "aeiou":
        return (stem[:-1] + "ied", stem[:-1] + "ies", stem + "ing")
    if stem.endswith(("s", "sh", "ch", "x", "z")):
        return (stem + "ed", stem + "es", stem + "ing")
    return (stem + "ed", stem + "s", stem + "ing")


# Speech verbs of two words: `Turton went on`, `she broke in`.
_PHRASAL_SPEECH = frozenset(
    f"{verb} {particle}"
    for verbs, particle in (
        ("go goes went going", "on"),
        (
            "break breaks broke breaking cut cuts cutting strike strikes struck striking chime chimes chimed"
            " join joins joined joining put puts putting",
            "in",
        ),
        (
            "burst bursts bursting call calls called calling cry cries cried crying sing sings sang",
            "out",
        ),
    )
    for verb in verbs.split()
)
SPEECH_VERBS: frozenset[str] = (
    frozenset(form for stem in _SPEECH_VERB_STEMS.split() for form in (stem, *_inflect(stem)))
    | _PHRASAL_SPEECH
) - _THOUGHT_VERB_FORMS
THOUGHT_VERBS: frozenset[str] = _THOUGHT_VERB_FORMS
# Speech-tag verbs that are as much a gesture as speech: outranked by a real tag in the paragraph.
_NONVERBAL_STEMS = """grin nod laugh sigh chuckle groan pout snort sniff giggle smile smirk shrug moan gasp"""
NONVERBAL_VERBS: frozenset[str] = frozenset(
    form for stem in _NONVERBAL_STEMS.split() for form in (stem, *_inflect(stem))
)

PRONOUN_GENDER = {"he": "M", "she": "F", "they": "N", "i": "I", "we": "I"}
OBJECT_PRONOUN_GENDER = {"him": "M", "her": "F", "them": "N", "me": "I", "us": "I"}

# Head nouns of epithets and the gender they point to (person_words' table); unlisted nouns ("the
# vampire") imply nothing.
EPITHET_GENDER: dict[str, str] = person_words.HEAD_NOUN_GENDER

# Words that are part of many names and so never identify one character on their own.
_NOT_NAME_PARTS = frozenset(
    [
        "mr",
        "mrs",
        "miss",
        "ms",
        "dr",
        "sir",
        "lady",
        "lord",
        "the",
        "a",
        "an",
        "his",
        "her",
        "my",
        "young",
        "old",
        "little",
        "de",
        "van",
        "von",
        "of",
        "st",
    ]
)
# Words at the start of a quote's neighbouring narration that are not a subject.
_NOT_SUBJECT = frozenset(
    [
        "and",
        "but",
        "or",
        "then",
        "so",
        "as",
        "if",
        "when",
        "while",
        "though",
        "although",
        "because",
        "yet",
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "there",
        "here",
        "what",
        "who",
        "how",
        "why",
        "where",
        "which",
        "now",
        "still",
        "just",
        "only",
        "all",
        "both",
        "each",
        "every",
        "some",
    ]
)
# Elisions that open with an apostrophe and are not quote openers: 'em, 'tis, 'cause...
_ELISIONS = re.compile(
    r"(?:em|tis|twas|cause|cos|bout|til|till|n|round|ere|im|er|ave|e|ow|appen|course)\b", re.I
)

_WORD = r"[A-Za-z][\w'’.-]*"
_ADVERB = r"(?:[a-z]+ly|then|again|now|too|back|once|still|quietly|aloud|out|up|in|softly|simply|thus)"
# `said this lady`, `said that young gentleman`, `said another voice`: a demonstrative or
# "another" before a description (never before a pronoun or a verb: "this he said", "that was")
_DEMONSTRATIVE = (
    r"(?:[Tt]his|[Tt]hat|[Aa]nother)(?=\s+(?!(?:he|she|I|they|we|it|is|was|were|had|has|would|"
    r"could|will|did|of|one|the|an?|his|her|its|my|our|your|their|this|that)\b)[a-z])"
)
# A subject: capitalised words (a name, maybe with a title), a pronoun, or a determiner + up to
# three words (an epithet: "the old man", "his mother", "the red head").
_SUBJECT = (
    r"(?P<subj>(?<![\w'’])(?:(?:[Hh]e|[Ss]he|I|[Tt]hey|[Ww]e)(?![\w'’])"
    r"|(?:[Tt]he|[Hh]is|[Hh]er|[Mm]y|[Tt]heir|[Oo]ur|[Yy]our|[Aa]n?)\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+"
    rf"|{_DEMONSTRATIVE}\s+(?:[\w'’-]+\s+){{0,3}}?[\w'’-]+"
    r"|[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2}['’]s\s+[a-z][\w-]*(?![\w'’-])"
    r"|[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|of|the)){0,3}))"
)
_VERB = r"(?P<verb>[a-z]+(?:\s+(?:in|on|out))?)"
# "Willow asked", "she said softly", "the vampire replied"
_TAG_SUBJ_VERB = re.compile(rf"{_SUBJECT}\s+(?:{_ADVERB}\s+)?{_VERB}\b")
# An epithet subject of exactly n words after its determiner, for n = 1..4.
_TAG_EPITHET_VERB = [
    re.compile(
        rf"(?P<subj>(?:[Tt]he|[Hh]is|[Hh]er|[Mm]y|[Tt]heir|[Oo]ur|[Yy]our|[Aa]n?|{_DEMONSTRATIVE})(?:\s+[\w'’-]+){{{n}}})"
        rf"\s+(?:{_ADVERB}\s+)?{_VERB}\b"
    )
    for n in range(1, 5)
]
# "said Buffy", "replied the old man", "said he"
# (`added little Amy`, `cried poor Mrs. Allen`: an endearing or pitying adjective before a name
# is no part of it)
_NAME_ADJECTIVE = r"(?:(?:little|poor|old|young|dear|good|big|honest|kind|pretty)\s+(?=[A-Z]))?"
_TAG_VERB_SUBJ = re.compile(rf"{_VERB}\s+(?:{_ADVERB}\s+)?{_NAME_ADJECTIVE}{_SUBJECT}")
# `"...," yawned Mrs. Moore.`, `piped Rafi, the engineer's nephew`, `reinforced the Major.`: a past
# tense verb and then a name or a short description that the clause ends on (or a comma follows)
# can only be a speech tag, whatever the verb; the verb list need not know "yawned" or "piped"
_INVERTED_TAG = re.compile(
    rf"[a-z]+ed\s+(?:{_ADVERB}\s+)?"
    r"(?P<subj>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}|(?:the|her|his|this|that|another)\s+(?:[\w'’-]+\s+){0,2}?[\w'’-]+)"
    r"(?=\s*(?:[,.;:!?]|--|—|$))"
)
_OBJECT = re.compile(
    r"\s*(?:to\s+)?(?P<obj>him|her|them|me|us|(?:the|his|her|my)\s+(?:[\w'’-]+\s+){0,2}?[\w'’-]+"
    r"|[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})"
)
# A speech verb after an auxiliary in a tag after the quote (`he would say`, `she kept repeating`)
# or after a verb taking "to" (`he hastened to say`): `_match_after`
_AFTER_AUXILIARIES = frozenset(("had", "would", "kept", "was", "were", "could", "did", "might", "must"))
_SPEECH_AFTER_AUXILIARY = re.compile(rf"\s+(?:{_ADVERB}\s+)?(?P<verb>[a-z]+(?:\s+(?:in|on|out))?)\b")
_SPEECH_AFTER_TO = re.compile(r"\s+to\s+(?P<verb>[a-z]+)\b")
_LOWER_WORD = re.compile(r"(?<![\w'’])[a-z]+\b")
_CLAUSE_SUBJECT = re.compile(
    # (`And Frank Churchill was heard to say,`: a capitalised conjunction opens the clause, it is
    # no part of the name)
    # (`whereupon James fired up and also exclaimed:`, `after which Toby Crackit ... turned to
    # Chitling and said,` open a new main clause; "until", "where", "than", a bare "which"...
    # open subordinate ones, whose subject was the speaker less often than not on PDNC; "that"
    # is kept only where it opens a result clause: _RESULT_CLAUSE)
    r"(?:^|[,;:]\s*|\b(?:[Aa]nd|[Bb]ut|[Tt]hen|[Ss]o|[Ww]hen|as|[Ww]hile"
    r"|whereupon|that|(?:after|upon|on|at|with)\s+which)\s+(?:then\s+)?)"
    r"(?P<subj>[Hh]e|[Ss]he|I|[Tt]hey|[Ww]e|(?:[Tt]he|[Hh]is|[Hh]er|[Mm]y)\s+[\w'’-]+"
    r"|(?!(?:And|But|Then|So|When|While)\s)[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})"
    # `Mr. Weston, with a very good grace, immediately exclaimed,`: a name may stand before a
    # parenthetical phrase
    r"(?:\s+|(?<=[a-z]),\s+)(?=[a-z])"
)
# `Marianne, who could only exclaim,` / `Miss Steele, who ..., and who now said rather abruptly,`
_WHO_SUBJECT = re.compile(rf"(?<![\w'’]){_SUBJECT},\s+who\b")
# `sitting on a sofa with Dan, who said,`: the name alone, which the subject pattern above reads as
# part of a description ("a sofa with Dan")
_WHO_NAME = re.compile(r"(?<![\w'’])(?P<subj>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}),\s+who\b")
_LOOSE_TAG = re.compile(r"(?P<verb>[a-z]+)\s+(?P<subj>[a-z][\w'’-]*(?:\s+[\w'’-]+){0,2})\s*$")
_ANSWER_NOUNS = frozenset(
    {"answer", "reply", "response", "rejoinder", "remark", "retort", "comment", "observation"}
    | {"question", "words", "exclamation", "consolation", "injunction", "cry", "greeting", "advice"}
    | {"inquiry", "enquiry", "query", "demand", "request", "entreaty", "protest", "assurance"}
    | {"explanation", "amendment", "declaration", "suggestion", "objection", "reproof", "salutation"}
    | {"thought", "reflection", "conclusion", "address", "speech", "ejaculation", "remonstrance"}
    | {"apology", "excuse", "verdict", "farewell", "rebuke", "complaint", "confession", "boast", "plea"}
)
# PDNC's texts lost some apostrophes: "Catherine s answer"
_NAMED_ANSWER = re.compile(
    r"(?P<link>was|were|came)\s+(?P<subj>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}?)(?:'s|’s|\ss)\s+"
    r"(?:[a-z]+\s+)?(?P<noun>[a-z]+)\b"
)
# `was all she said`, `was all that Mrs. Milvain vouchsafed`: what she said was the whole of it
_ALL_SAID = re.compile(
    r"(?:was|were)\s+all\s+(?:that\s+)?(?P<subj>he|she|[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})"
    r"\s+(?:(?:could|would|did)\s+)?(?P<verb>[a-z]+)\b"
)
# `"the sort of thing no white man could have written," as Mrs. Lesley said.`: a line credited
# to whom "as" says said it, the clause ending there
_AS_SAID = re.compile(
    r"as\s+(?P<subj>he|she|[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})"
    r"\s+(?:(?:had|has|would|did)\s+)?(?P<verb>[a-z]+)(?:\s+it)?\s*(?:,|$)"
)
# `"Don't!" from the Major.`: a line credited to someone with no verb at all
_FROM_SUBJECT = re.compile(rf"from\s+{_SUBJECT}\s*(?:,|$)")
# (up to six words after the determiner: "the gentleman in the white waistcoat")
_EPITHET_TO_PUNCTUATION = re.compile(r"(?P<subj>\w+(?:\s+[\w'’-]+){1,6})(?=\s*(?:[,.;:!?—]|--|$))")
# A manner adverb closing a description tag, after the determiner and at least one more word.
# (-ly adjectives that do describe a person are kept: "the elderly man".)
_TRAILING_MANNER = re.compile(
    r"(?<=\w)\s+(?:(?:quite|very|rather|so|more|most|less|somewhat)\s+)?"
    r"(?!(?:elderly|lovely|ugly|holy|friendly|lonely|lively|curly|early|only|silly|jolly|family|"
    r"burly|surly|portly|stately|comely|homely|kindly|sickly|worldly|manly|womanly|saintly|"
    r"ghostly|beastly|gentlemanly|scholarly|lily|bully|ally)\b)[a-z]+ly\b(?!-)"
    # (`a great lubberly fellow`: an -ly word before the phrase's last noun is an adjective)
    r"(?!\s+[\w'’-]+$).*$"
    r"|\s+(?:at\s+(?:last|length|once)|again|once\s+more|in\s+a\s+moment|presently)\b.*$"
)
_COORDINATED_VERB = re.compile(r"\b(?:and|then)\s+(?P<verb>[a-z]+)\b(?P<tail>[^,;:]*)[,:]?\s*$")
_SENTENCE_END = re.compile(r"[.!?;…]+[\"'”’]?\s|[.!?…]+$|\s[—–]\s|--")
_CAPITAL_WORD = re.compile(r"(?<![\w'’])[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")
_ASTERISK_THOUGHT = re.compile(r"(?<!\*)\*(?!\*)\s*([^*\n]*?[A-Za-z][^*\n]*?)\s*(?<!\*)\*(?!\*)")
_BLANK_LINES = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)*")
_LETTER = re.compile(r"[A-Za-z0-9]")

DOUBLE_OPENERS = '"“„«'
DOUBLE_CLOSERS = '"”»'
SINGLE_OPENERS = "'‘"
SINGLE_CLOSERS = "'’"
DASHES = ("—", "–", "--")
_PUNCT_BEFORE_CLOSE = ".,!?;:…-—–"

# How many narration-only paragraphs end a conversation (turn-taking forgets its speakers).
CONVERSATION_GAP = 3
# A narration paragraph longer than this (words) ends a conversation for turn-taking: more than a
# short beat between two lines usually brings in other people or a new exchange.
LONG_NARRATION = 20
# Narration this long (words) between two lines, though it shares a paragraph with either (the
# last line's tail and the next one's lead-in), ends a conversation as a long narration paragraph
# does: a walk home after a visit, told in one paragraph that ends on the next talk's first line
# (PDNC dev: 50 to 100 words all gain, 60 best).
LONG_LEAD_IN = 60
GAPMODE = 6
# How many paragraphs before a conversation, in the same scene, name the people taking part in it.
PEOPLE_LOOKBACK = 4
# How far back (paragraphs) a pronoun looks for its referent.
SALIENCE_WINDOW = 8


# ---------------------------------------------------------------- finding


@dataclass
class _Para:
    start: int
    end: int
    scene_break: bool = False  # a scene (or chapter) starts here


@dataclass
class _Found:
    """A quote or thought found in a paragraph, with where its marks are."""

    start: int  # the words, without the marks
    end: int
    outer_start: int  # including the marks
    outer_end: int
    para: int
    continues: bool = False  # left open at the paragraph's end
    continuation: bool = False  # continues the open speech of the paragraph before
    thought: bool = False
    marker: str = "tag"
    speaker: str | None = None
    addressee: str | None = None
    cue: str | None = None
    confidence: float = 0.0
    tag_subject: str | None = None  # a character named by this quote's own tag
    vocatives: list[str] = field(default_factory=list)  # characters addressed by name in it
    beat: bool = False  # the speaker came from an action beat after it, not a speech tag
    gender_hint: str | None = None  # the gender its tag implies when the tag names no one
    # a pronoun tag resolved by conversational salience alone: turn-taking may overrule it
    pronoun_gender: str | None = None
    tag_pronoun: str | None = None  # the gender of a pronoun in its tag, however resolved
    # named in the clause of a description tag that names no one (`cried the man, fixing his eyes
    # on Oliver`): the description is someone else
    beside_description: set[str] = field(default_factory=set)


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


def find_dialogue(work: Work, options: Options) -> None:
    """Add the quotes and thoughts layers."""
    paras = _paragraphs(work)
    if not paras:
        work.quotes, work.thoughts = [], []
        return
    if options.quotes is not None:
        found = _given_quotes(work.text, paras, options.quotes)
        asterisks: list[_Found] = []
    else:
        mode = _quote_mode(work.text, paras)
        found = []
        asterisks = []
        for index, para in enumerate(paras):
            quotes = _scan_paragraph(work.text, para, index, mode)
            found.extend(quotes)
            asterisks.extend(_asterisk_thoughts(work.text, para, index, quotes))
        _link_continuations(work.text, paras, found)
    context = _make_context(work, found)
    _attribute(work, paras, found, context)
    thoughts = [f for f in found if f.thought] + asterisks + _italic_thoughts(work, paras, found)
    _attribute_thoughts(work, paras, thoughts, found, context)
    # With given spans the caller wants every span back as a quote, thought-tagged or not.
    keep_as_quote = options.quotes is not None
    work.quotes = [
        Quote(f.start, f.end, f.speaker, f.addressee, f.cue, round(f.confidence, 2))  # type: ignore[arg-type]
        for f in found
        if keep_as_quote or not f.thought
    ]
    work.thoughts = sorted(
        (Thought(t.start, t.end, t.speaker, t.marker) for t in thoughts),  # type: ignore[arg-type]
        key=lambda t: t.start,
    )


def _paragraphs(work: Work) -> list[_Para]:
    """The structure stage's paragraphs when there are any, else blank-line-separated blocks."""
    body_start = work.metadata.body_start
    scene_starts = {s.start for s in work.scenes} | {c.start for c in work.chapters}
    if work.paragraphs:
        paras = []
        for p in work.paragraphs:
            if p.end <= p.start or p.start < body_start:
                continue
            if (
                paras
                and work.text[p.start].islower()
                and "\n" not in work.text[paras[-1].end : p.start].strip(" \t")[1:]
                and work.text[paras[-1].end - 1] in DOUBLE_CLOSERS + SINGLE_CLOSERS
            ):
                # `"...a doctor,"` / `said Ram Chand.` on the next line of a hard-wrapped text: the
                # tag ends the quote's paragraph, whatever the line breaks made of it
                paras[-1].end = p.end
                continue
            paras.append(_Para(p.start, p.end))
        starts = sorted(scene_starts)
        previous_end = -1
        for para in paras:
            # A scene starts at or just before its first paragraph.
            i = bisect.bisect_right(starts, para.start)
            para.scene_break = i > 0 and starts[i - 1] > previous_end
            previous_end = para.end
        return paras
    text = work.text
    paras = []
    position = body_start
    pending_break = True
    for gap in [*_BLANK_LINES.finditer(text, body_start), None]:
        block_end = gap.start() if gap else len(text)
        block = text[position:block_end]
        stripped_start = position + (len(block) - len(block.lstrip()))
        stripped_end = position + len(block.rstrip())
        if stripped_end > stripped_start:
            if not _LETTER.search(text, stripped_start, stripped_end):
                pending_break = True  # an ornament line ("~ ~ ~", "* * *")
            else:
                paras.append(_Para(stripped_start, stripped_end, pending_break))
                pending_break = False
        if gap is None:
            break
        if gap.group().count("\n") >= 3:
            pending_break = True  # two or more blank lines
        position = gap.end()
    return paras


def _quote_mode(text: str, paras: list[_Para]) -> str:
    """Which convention the work writes dialogue in: "double", "single" or "dash"."""
    double = single = dash = 0
    for para in paras:
        first = text[para.start]
        if first in DOUBLE_OPENERS:
            double += 1
        elif first in SINGLE_OPENERS and not _ELISIONS.match(text, para.start + 1):
            single += 1
        elif text.startswith(DASHES, para.start):
            dash += 1
    double += sum(text.count(mark) for mark in '"“”') // 4
    if single >= 3 and single > 2 * double:
        return "single"
    if dash >= 3 and dash > 2 * double:
        return "dash"
    return "double"


def _scan_paragraph(text: str, para: _Para, index: int, mode: str) -> list[_Found]:
    if mode == "dash" and text.startswith(DASHES, para.start):
        return _scan_dash(text, para, index)
    if mode == "single":
        return _scan_marks(text, para, index, SINGLE_OPENERS, SINGLE_CLOSERS, single=True)
    return _scan_marks(text, para, index, DOUBLE_OPENERS, DOUBLE_CLOSERS, single=False)


def _scan_marks(text: str, para: _Para, index: int, openers: str, closers: str, single: bool) -> list[_Found]:
    found: list[_Found] = []
    open_at: int | None = None  # position of the open mark
    typo_close: int | None = None  # an apostrophe that may have closed a double quote by mistake
    nested = 0  # single quotes opened inside a double quote
    i, end = para.start, para.end
    while i < end:
        ch = text[i]
        prev = text[i - 1] if i > para.start else " "
        nxt = text[i + 1] if i + 1 < end else " "
        if open_at is None:
            if ch in openers and not nxt.isspace() and (not prev.isalnum() or ch in "“‘„«"):
                if single and (prev.isalnum() or _ELISIONS.match(text, i + 1)):
                    i += 1
                    continue
                open_at, typo_close, nested = i, None, 0
        else:
            is_close = ch in closers and not prev.isspace() and (not single or not nxt.isalnum())
            looks_like_opener = ch in openers and prev.isspace() and not nxt.isspace()
            # "the boys' house": an apostrophe after a word closes only if nothing better follows.
            if (
                single
                and is_close
                and prev not in _PUNCT_BEFORE_CLOSE
                and _later_single_close(text, i + 1, end)
            ):
                is_close = False
            if not single and ch in "'’‘":
                if prev.isspace() or (prev in '"“' and nxt.isalpha()):
                    if not _ELISIONS.match(text, i + 1):
                        nested += 1
                elif prev in _PUNCT_BEFORE_CLOSE and (nxt.isspace() or i + 1 == end):
                    if nested:
                        nested -= 1
                    elif typo_close is None:
                        typo_close = i
            elif (looks_like_opener and typo_close is not None) or (
                ch in "“‘" and typo_close is not None and not single
            ):
                # `"What?' Willow asked. "Next` — the apostrophe closed the first quote.
                _add_quote(found, text, open_at, typo_close, index)
                open_at, typo_close, nested = i, None, 0
            elif is_close or (ch in "”’" and not single and ch in closers):
                _add_quote(found, text, open_at, i, index)
                open_at = None
        i += 1
    if open_at is not None:
        if typo_close is not None:
            _add_quote(found, text, open_at, typo_close, index)
        else:
            quote = _add_quote(found, text, open_at, end, index, closed=False)
            if quote:
                quote.continues = True
    return found


def _later_single_close(text: str, start: int, end: int) -> bool:
    """Whether a closing single quote after punctuation comes later in the paragraph."""
    for match in re.finditer(r"['’]", text[start:end]):
        j = start + match.start()
        after = text[j + 1] if j + 1 < end else " "
        if text[j - 1] in _PUNCT_BEFORE_CLOSE and not after.isalnum():
            return True
    return False


def _add_quote(
    found: list[_Found], text: str, open_at: int, close_at: int, para: int, closed: bool = True
) -> _Found | None:
    start, end = open_at + 1, close_at
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end <= start:
        return None
    quote = _Found(start, end, open_at, close_at + 1 if closed else close_at, para)
    found.append(quote)
    return quote


def _scan_dash(text: str, para: _Para, index: int) -> list[_Found]:
    """`—Speech —said she—. More speech`: segments between dashes alternate speech and tag."""
    found: list[_Found] = []
    pieces = re.split(r"(\s*(?:—|–|--)\s*)", text[para.start : para.end])
    position = para.start
    speaking = False
    for piece in pieces:
        if re.fullmatch(r"\s*(?:—|–|--)\s*", piece):
            speaking = not speaking
        elif piece.strip():
            if speaking:
                _add_quote(found, text, position - 1, position + len(piece), index)
            elif not found:
                break  # narration before the first dash: not em-dash dialogue
        position += len(piece)
    return found


def _link_continuations(text: str, paras: list[_Para], found: list[_Found]) -> None:
    """A quote left open continues into the next paragraph when that one opens with a quote mark."""
    first_in_para: dict[int, _Found] = {}
    for quote in found:
        first_in_para.setdefault(quote.para, quote)
    for quote in found:
        if not quote.continues:
            continue
        nxt = first_in_para.get(quote.para + 1)
        if nxt is not None and nxt.outer_start == paras[quote.para + 1].start:
            nxt.continuation = True


def _given_quotes(text: str, paras: list[_Para], spans: Iterable[Span]) -> list[_Found]:
    """Gold quote spans: find their paragraphs and marks, keep the spans exactly."""
    starts = [p.start for p in paras]
    found = []
    for span in sorted(spans, key=lambda s: s.start):
        para = max(0, bisect.bisect_right(starts, span.start) - 1)
        outer_start = span.start
        while outer_start > 0 and text[outer_start - 1] in DOUBLE_OPENERS + SINGLE_OPENERS + "—–- ":
            outer_start -= 1
            if text[outer_start] in DOUBLE_OPENERS + SINGLE_OPENERS:
                break
        outer_end = span.end
        while outer_end < len(text) and text[outer_end] in DOUBLE_CLOSERS + SINGLE_CLOSERS + " ":
            outer_end += 1
            if text[outer_end - 1] in DOUBLE_CLOSERS + SINGLE_CLOSERS:
                break
        found.append(_Found(span.start, span.end, outer_start, outer_end, para))
    # A gold span that runs past its paragraph's end is a multi-paragraph speech.
    for quote in found:
        quote.continues = quote.end > paras[quote.para].end
    return found


def _asterisk_thoughts(text: str, para: _Para, index: int, quotes: list[_Found]) -> list[_Found]:
    thoughts = []
    for match in _ASTERISK_THOUGHT.finditer(text, para.start, para.end):
        if any(q.outer_start <= match.start() < q.outer_end for q in quotes):
            continue
        thoughts.append(
            _Found(
                match.start(1),
                match.end(1),
                match.start(),
                match.end(),
                index,
                thought=True,
                marker="asterisk",
            )
        )
    return thoughts


def _italic_thoughts(work: Work, paras: list[_Para], quotes: list[_Found]) -> list[_Found]:
    """Italic runs that are thoughts: tagged by a thought verb, or a whole sentence of inner voice."""
    if not work.emphasis:
        return []
    text = work.text
    starts = [p.start for p in paras]
    quote_starts = [q.outer_start for q in quotes]
    thoughts = []
    for run in work.emphasis:
        if run.kind != "italic" or run.end - run.start < 3:
            continue
        k = bisect.bisect_right(quote_starts, run.start) - 1
        if k >= 0 and quotes[k].outer_start <= run.start < quotes[k].outer_end:
            continue  # emphasis inside speech
        index = bisect.bisect_right(starts, run.start) - 1
        if index < 0 or run.start >= paras[index].end:
            continue
        para = paras[index]
        words = text[run.start : run.end]
        after = text[run.end : para.end]
        tag = _TAG_SUBJ_VERB.match(after.lstrip(" ,\"'”’*_"))
        tagged = tag is not None and tag.group("verb").lower() in THOUGHT_VERBS
        before = text[para.start : run.start].rstrip()
        sentence_start = not before or before[-1] in '.!?:"”'
        inner_voice = (
            sentence_start
            and len(words.split()) >= 3
            and (
                re.search(r"\b(?:I|me|my|I'm|I’m|we|us)\b", words) is not None or words.rstrip().endswith("?")
            )
        )
        if tagged or inner_voice:
            found = _Found(run.start, run.end, run.start, run.end, index, thought=True, marker="italic")
            thoughts.append(found)
    return thoughts


# ---------------------------------------------------------------- context


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


# ---------------------------------------------------------------- attribution


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


def _attribute(work: Work, paras: list[_Para], found: list[_Found], context: _Context) -> None:
    text = work.text
    by_para: dict[int, list[_Found]] = {}
    for quote in found:
        by_para.setdefault(quote.para, []).append(quote)
    conversation = _Conversation()
    previous_para_speaker: str | None = None
    turns: list[_Turn] = []
    run = 0  # conversation number: turn-taking never reaches across conversations
    for index, para in enumerate(paras):
        if para.scene_break:
            conversation.reset(index)
            conversation.salient.clear()
            run += 1
        quotes = by_para.get(index, [])
        if not quotes:
            _note_narration(context, conversation, para.start, para.end, index)
            if index - conversation.last_para > CONVERSATION_GAP:
                conversation.reset(index)
            if len(text[para.start : para.end].split()) > LONG_NARRATION:
                run += 1
            elif turns and turns[-1].run == run:
                turns.extend(_silent_turns(text, para, context, turns[-1].speaker, run, index))
            continue
        if turns and turns[-1].run == run:
            # the narration since the last line: the tail of its paragraph and this one's lead-in
            previous_quotes = by_para.get(index - 1, [])
            tail_start = previous_quotes[-1].outer_end if previous_quotes else paras[index - 1].end
            between = text[tail_start : paras[index - 1].end] + " " + text[para.start : quotes[0].outer_start]
            if len(between.split()) > LONG_LEAD_IN:
                run += 1
        for quote in quotes:
            quote.vocatives = _vocatives(text, quote, context)
            # someone addressed by name is in the conversation: a candidate for the next "he"
            conversation.salient.extend((index, v) for v in quote.vocatives)
        # 1. the quotes' own tags
        previous = paras[index - 1] if index > 0 else None
        previous_quotes = by_para.get(index - 1, [])
        previous_tail = None
        if (
            previous is not None
            and not para.scene_break
            and _leads_into_line(
                text, previous, previous_quotes[-1].outer_end if previous_quotes else previous.start
            )
        ):
            # `...and then the Secretary said` closing the paragraph before (its dash lost)
            previous_tail = previous_quotes[-1].outer_end if previous_quotes else previous.start
        for k, quote in enumerate(quotes):
            _tag_speaker(text, quote, quotes, k, para, paras, context, conversation, index, previous_tail)
        # 2. a tagged quote lends its speaker to the untagged quotes of its paragraph,
        #    unless a different character's tag sits between them
        for k, quote in enumerate(quotes):
            if quote.speaker is None or quote.beat:
                # `"Quote," Willow said. "More." Spike grinned.` - the grin is a reaction
                donor = _nearest_tagged(text, quotes, k)
                if donor is not None:
                    quote.speaker, quote.cue = donor.speaker, donor.cue
                    quote.confidence = donor.confidence - 0.05
        # 3. a continued speech keeps its speaker
        first = quotes[0]
        if first.speaker is None and first.continuation and previous_para_speaker:
            for quote in quotes:
                if quote.speaker is None:
                    quote.speaker, quote.cue, quote.confidence = previous_para_speaker, "implicit", 0.8
        # 4. an action beat: a character acting in this paragraph's narration
        if any(q.speaker is None for q in quotes):
            vocatives = {v for q in quotes for v in _vocatives(text, q, context)}
            beat = _beat_speaker(text, para, quotes, context, conversation, index, vocatives)
            if beat is not None and any(_contradicts_tag_gender(context, beat, q) for q in quotes):
                # `"Quote." He grumbled. Willow ran downstairs.`: a tag's "he" no one could be
                # found for still says the woman acting here is a listener, not the speaker
                beat = None
            if beat is not None:
                # `She looked into the room. "..."`: whoever turn-taking makes of the line, a woman
                # (unless a name acting later in the paragraph made the beat: `She dealt. Tony
                # looked at his watch. "..."`)
                beat_gender = _beat_pronoun_gender(text, para, quotes)
                if beat_gender is not None and context.characters[beat].gender != beat_gender:
                    beat_gender = None
                for quote in quotes:
                    if quote.speaker is None:
                        quote.speaker, quote.cue, quote.confidence = beat, "implicit", 0.7
                        quote.gender_hint = quote.gender_hint or beat_gender
        # 5. turn-taking: decided once the whole conversation is known (_take_turns)
        for quote in quotes:
            if quote.speaker is None:
                quote.cue, quote.confidence = "implicit", 0.0
        strong = [q for q in quotes if q.speaker and q.confidence > 0.5 and not q.thought]
        # a pronoun only salience resolved leaves the turn open for turn-taking, with its gender
        firm = [q.speaker for q in strong if q.pronoun_gender is None]
        gender = next((q.pronoun_gender for q in strong if q.pronoun_gender), None)
        if first.continuation and turns and turns[-1].run == run:
            turns[-1].quotes.extend(quotes)  # the same speech goes on: not a new turn
            if firm and turns[-1].speaker is None:
                turns[-1].speaker = firm[0]
            elif gender and turns[-1].speaker is None:
                turns[-1].gender = turns[-1].gender or gender
        else:
            # `"But Margaret dear --" "I'll go," said Margaret.`: a broken-off line and the one
            # that interrupts it are turns of their own
            segment = _segments(text, quotes)
            for part in range(segment[-1] + 1):
                own = [q for i, q in enumerate(quotes) if segment[i] == part]
                own_firm = [q.speaker for q in strong if q in own and q.pronoun_gender is None]
                own_gender = next((q.pronoun_gender for q in strong if q in own and q.pronoun_gender), None)
                turns.append(
                    _Turn(
                        run, own, own_firm[0] if own_firm else None, index, None if own_firm else own_gender
                    )
                )
        speakers = [q.speaker for q in quotes if q.speaker and not q.thought]
        if speakers:
            speaker = Counter(speakers).most_common(1)[0][0]
            conversation.speakers.append(speaker)
            conversation.last_para = index
            conversation.salient.append((index, speaker))
            conversation.last_vocatives = [v for q in quotes for v in q.vocatives if v != speaker]
            previous_para_speaker = speakers[-1]
        else:
            previous_para_speaker = None
        _note_narration(context, conversation, para.start, para.end, index, quotes)
    context.idiolects = _learn_idiolects(turns, context)
    first_reading = [(q, q.speaker, q.cue, q.confidence) for turn in turns for q in turn.quotes]
    _take_turns(turns, paras, context)
    changes = _reread_pronoun_tags(by_para, context)
    if changes:
        # decode again from the tags as first read, with the re-read pronouns in place
        for quote, speaker, cue, confidence in first_reading:
            quote.speaker, quote.cue, quote.confidence = speaker, cue, confidence
        for quote, old, character in changes:
            _change_tag(quote, by_para[quote.para], old, character)
        changed = {quote.para for quote, _, _ in changes}
        for turn in turns:
            if turn.quotes and any(q.para in changed for q in turn.quotes):
                _anchor_turn(turn)
        _take_turns(turns, paras, context)
    _addressees(text, turns, context)


@dataclass
class _Turn:
    """One speaker's turn in a conversation: a paragraph of speech (or several, for a long speech)."""

    run: int
    quotes: list[_Found]
    speaker: str | None  # known from a tag, a beat or a continuation; None when guessed
    para: int  # the paragraph where the turn starts
    gender: str | None = None  # of the pronoun in its tag, when salience alone resolved that pronoun


# `He made no answer.`, `She smiled.`: a short narration paragraph between two lines that opens
# on a third-person pronoun
_SILENT_PRONOUN = re.compile(r"(He|She)\s+[a-z]+")


def _leads_into_line(text: str, para: _Para, narration_start: int) -> bool:
    """Whether a paragraph's narration from ``narration_start`` on ends as the tag of the line
    that opens the next paragraph: on a comma, colon or dash (`He had time only to say,`), on a
    speech verb (`and then the Secretary said`) or on a sentence like `Lucy continued.`"""
    return (
        text[para.end - 1] in ",:-—"
        or _ends_on_speech_verb(text[para.start : para.end])
        or _spoke_sentence(text[narration_start : para.end]) is not None
    )


def _silent_turns(
    text: str, para: _Para, context: _Context, previous_speaker: str | None, run: int, index: int
) -> list[_Turn]:
    """The silent turns of a short narration paragraph between two lines: its opening one
    (_silent_turn), then, after it, each later sentence opening on someone else's name (`Elinor
    would not speak. Marianne repeated the question.`): each acts in turn. A paragraph that leads
    into the next line as its tag (`She seemed about to say something, then said merely:`) is no
    silent answer: whoever it names speaks that line."""
    if _leads_into_line(text, para, para.start):
        return []
    first = _silent_turn(text, para, context, previous_speaker, run, index)
    if first is None:
        return []
    turns = [first]
    for stop in _SENTENCE_STOP.finditer(text, para.start, para.end):
        if _TITLE_ABBREVIATION.search(text, max(para.start, stop.start() - 5), stop.start()):
            continue  # `Mr. Darcy`: a title's full stop ends no sentence
        actor = _mention_at(context, stop.end(), stop.end() + 1)
        if actor is not None and actor.character and actor.character != turns[-1].speaker:
            turns.append(_Turn(run, [], actor.character, index))
    return turns


_SENTENCE_STOP = re.compile(r"[.!?;]\s+(?=[A-Z])")


def _silent_turn(
    text: str, para: _Para, context: _Context, previous_speaker: str | None, run: int, index: int
) -> _Turn | None:
    """A short narration paragraph between two lines in which someone acts without speaking
    (`Mr. Darcy bowed.`, `He made no answer.`, `I nodded.`): a silent answer, a turn of its own in
    the talk's alternation. A name gives its speaker; a "he" or "she" only its gender, the decoding
    choosing who; an "I" the first-person narrator."""
    actor = _mention_at(context, para.start, para.start + 1)
    if actor is not None:
        if actor.character and actor.character != previous_speaker:
            return _Turn(run, [], actor.character, index)
        return None
    pronoun = _SILENT_PRONOUN.match(text, para.start)
    if pronoun is not None:
        return _Turn(run, [], None, index, PRONOUN_GENDER[pronoun.group(1).lower()])
    narrator = context.narrator
    if narrator is not None and narrator != previous_speaker and text.startswith("I ", para.start):
        return _Turn(run, [], narrator, index)
    return None


def _take_turns(turns: list[_Turn], paras: list[_Para], context: _Context) -> None:
    """Untagged turns, conversation by conversation: the people taking part are its tagged
    speakers, whoever the narration in and just before it names and whoever is addressed; a
    conversation with no tag at all also counts the last two speakers of the one before it in the
    same scene. Then the speakers of the whole run are decoded at once (``_decode_run``)."""
    by_run: dict[int, list[_Turn]] = {}
    for turn in turns:
        by_run.setdefault(turn.run, []).append(turn)
    previous_people: list[str] = []
    previous_end = 0
    scene_speakers: list[str] = []  # who spoke in the scene's earlier conversations, latest first
    for run_turns in by_run.values():
        known = [i for i, t in enumerate(run_turns) if t.speaker]
        for i in known:
            # a long speech tagged only in its last paragraph: the tag names the whole turn
            for quote in run_turns[i].quotes:
                if _contradicts_tag_gender(context, run_turns[i].speaker, quote):
                    continue  # its own "said he" is someone else's: left to the decoding
                if quote.speaker is None or quote.confidence <= 0.5:
                    quote.speaker, quote.cue, quote.confidence = run_turns[i].speaker, "implicit", 0.8
        people = _conversation_people(run_turns, paras, context)
        if any(paras[k].scene_break for k in range(previous_end + 1, run_turns[0].para + 1)):
            previous_people = []  # a new scene: new people
            scene_speakers = []
        if not known and previous_people:
            # no tag at all: most likely the talk that a short narration interrupted goes on
            people = people + [p for p in previous_people if p not in people]
        # the scene's other people: less likely, yet often the one the tags never name
        extras = [*previous_people, *scene_speakers, *_scene_named(run_turns[0].para, paras, context)]
        _decode_run(run_turns, people, context, paras, [p for p in dict.fromkeys(extras) if p not in people])
        latest = [q.speaker for t in reversed(run_turns) for q in t.quotes if q.speaker]
        previous_people = list(dict.fromkeys(latest))[:2]
        scene_speakers = list(dict.fromkeys([*latest, *scene_speakers]))
        previous_end = run_turns[-1].para


@dataclass(frozen=True)
class SpeakerEvidence:
    """How much each sign about one turn's speaker counts when a conversation is decoded
    (``fandex.conversation.decode``); the sequence itself is scored by ``TURN_TAKING``. Set on the
    PDNC development novels: a name in a tag is nearly always right (98.8%), a pronoun or epithet
    tag three times in four, a beat or a continuation less often."""

    named_tag: float = 8.0  # a speech tag with a name
    other_tag: float = 4.0  # a pronoun or epithet tag resolved by a name close by
    silent: float = 2.0  # a narration line between two quotes in which someone acts
    weak: float = 3.0  # an action beat, a continued speech (the only anchors decoding may overrule)
    wrong_gender: float = -5.0  # "she said" and a man
    salient: float = 0.6  # whom salience alone made of that "she" (of that gender: _decode_run)
    # "cried her brother" and a woman: as good as ruled out (PDNC dev: -4.2 let turn-taking and a
    # "ma'am" nearby outvote it, 82.73 -> 82.78 with -12; from -12 to -50 no change)
    gender_hint: float = -12.0
    addressed: float = -5.0  # the turn calls them by name: someone else speaks
    spoken_of: float = -2.1  # the turn names them, not to call them: someone else speaks
    called_sir: float = 2.8  # a line next to it says "sir" and they are a man (or "ma'am", a woman)
    introduces: float = 8.0  # the turn says "I am Rosa": Rosa speaks (as sure as a named tag)
    answers: float = 1.5  # the turn before called them by name: they answer
    # ... and more so when no earlier tag of the run names them: the one called is a new voice the
    # talk brings in, whom turn-taking alone (new_voice) would pass over for the last two speakers
    newcomer_answers: float = 0.8
    answered: float = 0.9  # the turn after calls them by name: they spoke this one
    named_nearby: float = 1.0  # the narration of the last NEARBY_PARAGRAPHS names them
    rank: float = 0.1  # per place down the list of the conversation's people
    opens: float = 0.2  # the first of them (a tagged speaker, else the latest named) opens it
    outsider: float = -1.0  # one of the scene's other people, not named in or just before it
    named_by_neighbour: float = -1.0  # the turn before or after names them, not to call them
    # `cried the man, fixing his eyes on Oliver`: whom the tag of an unresolved description names
    beside_description: float = -6.0
    idiolect: float = 0.1  # per unit of how much more like them an untagged turn sounds (_Idiolects)


SPEAKER_EVIDENCE = SpeakerEvidence()
TURN_TAKING = TurnTaking()
# Participants a conversation is decoded over (its tagged speakers always among them).
MAX_PARTICIPANTS = 6
# The scene's other people (earlier speakers, people named further back) added to them, behind a
# prior (SpeakerEvidence.outsider): the speaker nobody near a conversation names is often one.
MAX_EXTRAS = 2
# How far back (paragraphs, within the scene) the narration's names give those other people.
SCENE_LOOKBACK = 40
# At most this many words between two turns (a tag) and they follow each other directly.
ADJACENT_WORDS = 4
# How far back (paragraphs, across scenes) a gender-only tag looks for someone who fits it.
FALLBACK_PARAGRAPHS = 60
# How far back (paragraphs) the narration's naming of someone makes them a likelier speaker.
NEARBY_PARAGRAPHS = 15


def _anchor_kind(turn: _Turn) -> str:
    """What gave a turn its known speaker: a "named" tag, an "other" (pronoun or epithet) tag, a
    "silent" reaction between two lines, or a "weak" sign (an action beat, a continued speech)."""
    # a "she said" only the talk's salience resolved (pronoun_gender) agrees with the turn's beat
    # or continuation without making it any firmer: turn-taking may still overrule both
    best = max(
        (q.confidence for q in turn.quotes if q.speaker == turn.speaker and q.pronoun_gender is None),
        default=0.0,
    )
    named = any(q.cue == "explicit" and q.speaker == turn.speaker for q in turn.quotes)
    if named and best >= 0.9:
        return "named"
    if best >= 0.85:
        return "other"
    return "silent" if not turn.quotes else "weak"


def _anchor_weight(turn: _Turn, weights: SpeakerEvidence) -> float:
    """How firmly a turn's known speaker holds against turn-taking."""
    return {
        "named": weights.named_tag,
        "other": weights.other_tag,
        "silent": weights.silent,
        "weak": weights.weak,
    }[_anchor_kind(turn)]


# What an idiolect counts: words, and the marks that set a voice apart (exclamations, questions,
# dashes of broken-off speech).
_STYLE_TOKEN = re.compile(r"[a-z'’]+|[!?;]|--|—")
# Below this many words of a character's tagged lines, their idiolect says nothing.
IDIOLECT_MIN_WORDS = 50
# How many words' weight the work's common speech has in each character's idiolect.
IDIOLECT_PRIOR = 2.0


@dataclass
class _Idiolects:
    """How each character talks: the words of the lines a name tag, an action beat or a continued
    speech gives them, beside the words of all those lines together."""

    words: dict[str, Counter[str]]
    totals: dict[str, int]
    common: Counter[str]
    common_total: int

    def scores(self, text: str, turn: _Turn, candidates: Sequence[str]) -> list[float]:
        """How much more like each candidate a turn's lines sound than like the others (0 for a
        candidate with too few known lines): the log-likelihood of its words under the candidate's
        idiolect against the common speech, per square root of a word, centred on the mean."""
        tokens = [t for q in turn.quotes for t in _STYLE_TOKEN.findall(text[q.start : q.end].lower())]
        known = [c for c in candidates if self.totals.get(c, 0) >= IDIOLECT_MIN_WORDS]
        if not tokens or len(known) < 2:
            return [0.0] * len(candidates)
        vocabulary = len(self.common) + 1
        common = [(self.common[t] + 1) / (self.common_total + vocabulary) for t in tokens]
        likelihood = {}
        for c in known:
            counts, total = self.words[c], self.totals[c] + IDIOLECT_PRIOR
            likelihood[c] = sum(
                math.log((counts[t] + IDIOLECT_PRIOR * p) / total / p)
                for t, p in zip(tokens, common, strict=True)
            ) / math.sqrt(len(tokens))
        mean = sum(likelihood.values()) / len(likelihood)
        return [likelihood[c] - mean if c in likelihood else 0.0 for c in candidates]


def _learn_idiolects(turns: list[_Turn], context: _Context) -> _Idiolects:
    """Each character's idiolect from the turns whose speaker is firmly known (a name tag, or a
    beat or continuation; not a pronoun tag, whose antecedent is wrong too often to learn from)."""
    text = context.work.text
    words: dict[str, Counter[str]] = {}
    for turn in turns:
        if turn.speaker and turn.quotes and _anchor_kind(turn) in ("named", "weak"):
            counts = words.setdefault(turn.speaker, Counter())
            for quote in turn.quotes:
                counts.update(_STYLE_TOKEN.findall(text[quote.start : quote.end].lower()))
    common: Counter[str] = Counter()
    for counts in words.values():
        common.update(counts)
    totals = {c: sum(counts.values()) for c, counts in words.items()}
    return _Idiolects(words, totals, common, sum(totals.values()))


def _fits_gender(context: _Context, cid: str, gender: str) -> bool:
    character = context.characters.get(cid)
    return character is not None and (
        character.gender == gender or (gender == "N" and character.gender in ("N", "U"))
    )


# `her voice`, `his voice`: the tag's subject is the speaker's own voice
_OWN_VOICE = re.compile(r"(his|her)\s+voice", re.I)


def _contradicts_tag_gender(context: _Context, cid: str, quote: _Found) -> bool:
    """Whether the quote's own tag (`"Quote." He grumbled.`, no antecedent found) says a gender
    that ``cid`` is known not to have: the woman acting after such a tag is not its speaker."""
    character = context.characters.get(cid)
    return (
        quote.gender_hint in ("F", "M")
        and character is not None
        and character.gender in ("F", "M")
        and character.gender != quote.gender_hint
    )


def _fits_third_person(context: _Context, cid: str, gender: str) -> bool:
    """Whether "he", "she" or "said the girl" can mean ``cid``: of that gender and not the
    first-person narrator, who is "I" in their own narration."""
    return cid != context.narrator and _fits_gender(context, cid, gender)


_ADDRESS_MALE = re.compile(
    r"\b(?:sir|papa|my lord|my good man|my boy|my dear fellow|old fellow|old chap)\b(?=[,.!?;—-])", re.I
)
_ADDRESS_FEMALE = re.compile(
    r"\b(?:madam|ma['’ ]am|mum|mama|mamma|my lady|my dear girl|my good woman)\b(?=[,.!?;—-])", re.I
)


def _address_genders(text: str, start: int, end: int) -> list[str]:
    """The gender of whom a quote calls "sir" or "ma'am"."""
    male = _ADDRESS_MALE.search(text, start, end) is not None
    female = _ADDRESS_FEMALE.search(text, start, end) is not None
    if male == female:
        return []
    return ["M"] if male else ["F"]


def _decode_run(
    run_turns: list[_Turn],
    people: list[str],
    context: _Context,
    paras: list[_Para],
    extras: Sequence[str] = (),
) -> None:
    """Speakers for a conversation's untagged turns, and for its "he said"s that only salience
    resolved, decoded as one sequence (see fandex.conversation): every tag pulls on the turns both
    before and after it."""
    # (a run whose every turn is known still decodes when a beat or a pronoun tag knows some: a
    # turn's own evidence, `"I am Ines"`, or the talk may overrule them as around an untagged turn)
    if all(t.speaker and (not t.quotes or _anchor_kind(t) == "named") for t in run_turns):
        return
    all_known = all(t.speaker for t in run_turns)
    weights = SPEAKER_EVIDENCE
    candidates = _candidates(run_turns, people, extras)
    if not candidates:
        return
    introduced_by = [_introduced(turn, context) for turn in run_turns]
    introducing = [c for found in introduced_by for c in found if c not in candidates]
    candidates = candidates + list(dict.fromkeys(introducing))
    candidates = candidates + _gender_fallbacks(run_turns, candidates, context, paras)
    rank = {c: (people.index(c) if c in people else len(people)) for c in candidates}
    outsiders = set(candidates) - set(people) - {t.speaker for t in run_turns}
    text = context.work.text
    # "Yes, sir": whom each turn addresses is a man (or, "ma'am", a woman), so the turns on
    # either side of it were likely spoken by one
    addressed_gender = [
        next((g for q in turn.quotes for g in _address_genders(text, q.start, q.end)), None)
        for turn in run_turns
    ]
    # whom each turn's lines name without calling them by it
    named_in = [
        {
            m.character
            for q in turn.quotes
            for m in _mentions_between(context, q.start, q.end)
            if m.character and m.kind == "name"
        }
        - {v for q in turn.quotes for v in q.vocatives}
        - introduced
        for turn, introduced in zip(run_turns, introduced_by, strict=True)
    ]
    # the same by a name proper, not a cast member named "I" (a cast listing its first-person
    # narrator so), whom every "I" of a line would "name"
    named_in_by_name = [
        {
            m.character
            for q in turn.quotes
            for m in _mentions_between(context, q.start, q.end)
            if m.character in named and not _is_personal_pronoun(text[m.start : m.end])
        }
        for turn, named in zip(run_turns, named_in, strict=True)
    ]
    evidence: list[list[float]] = []
    tagged_before: set[str] = set()  # the known speakers of the turns before this one
    for i, turn in enumerate(run_turns):
        # how each candidate talks matters where no tag, or only a pronoun's antecedent, says who
        # speaks
        style = (
            context.idiolects.scores(text, turn, candidates)
            if context.idiolects is not None
            and weights.idiolect
            and (not turn.speaker or _anchor_kind(turn) == "other")
            else [0.0] * len(candidates)
        )
        own = {v for q in turn.quotes for v in q.vocatives}
        neighbour_genders = {
            addressed_gender[j] for j in (i - 1, i + 1) if 0 <= j < len(run_turns) and addressed_gender[j]
        }
        before = run_turns[i - 1] if i > 0 else None
        after = run_turns[i + 1] if i + 1 < len(run_turns) else None
        called_before = {v for q in before.quotes for v in q.vocatives} if before else set()
        if before is not None:
            # `said Mara to Jonah`: Jonah answers
            called_before |= {
                q.addressee for q in before.quotes if q.addressee and q.addressee != before.speaker
            }
            # `said Mara, turning to Jonah`: Jonah answers too
            called_before |= _turned_to(before, context, paras) - {before.speaker}
        called_after = {v for q in after.quotes for v in q.vocatives} if after else set()
        if after is not None and after.speaker:
            called_after.discard(after.speaker)
        hint = next((q.gender_hint for q in turn.quotes if q.gender_hint in ("F", "M")), None)
        salient = next((q.speaker for q in turn.quotes if q.pronoun_gender and q.speaker), None)
        beside = set().union(*(q.beside_description for q in turn.quotes)) if not turn.speaker else set()
        window_start = paras[max(0, turn.para - NEARBY_PARAGRAPHS)].start
        nearby = {
            m.character
            for m in _mentions_between(context, window_start, paras[turn.para].start)
            if m.character and not _in_quote(context, m.start)
        }
        introduced = introduced_by[i]
        spoken_of = named_in[i]
        # the lines either side speak to this turn's speaker: whom they name without calling is
        # someone else
        spoken_of_by_neighbours = set().union(
            *(named_in_by_name[j] for j in (i - 1, i + 1) if 0 <= j < len(run_turns))
        )
        row = []
        for c in candidates:
            score = -weights.rank * rank[c]
            if c in outsiders:
                score += weights.outsider
            if c in nearby:
                score += weights.named_nearby
            if i == 0 and rank[c] == 0:
                score += weights.opens
            if turn.speaker:
                score += _anchor_weight(turn, weights) if c == turn.speaker else 0.0
            elif turn.gender:
                if not _fits_gender(context, c, turn.gender):
                    score += weights.wrong_gender
                if c == salient:
                    score += weights.salient
            if hint is not None and not _fits_third_person(context, c, hint):
                score += weights.gender_hint
            if c in beside:
                score += weights.beside_description
            if len(neighbour_genders) == 1:
                fits = _fits_gender(context, c, next(iter(neighbour_genders)))
                score += weights.called_sir if fits else -weights.called_sir
            if c in introduced:
                score += weights.introduces
            if c in own:
                score += weights.addressed
            elif c in spoken_of:
                score += weights.spoken_of
            if c in spoken_of_by_neighbours and not turn.speaker:
                score += weights.named_by_neighbour
            if c in called_before and not turn.speaker:
                score += weights.answers
                if c not in tagged_before:
                    score += weights.newcomer_answers
            if c in called_after and c not in own:
                score += weights.answered
            score += weights.idiolect * style[len(row)]
            row.append(score)
        evidence.append(row)
        if turn.speaker:
            tagged_before.add(turn.speaker)
    # a turn right after a line, with no more than a tag between them
    adjacent = [False] + [
        _follows_directly(text, before, turn) for before, turn in itertools.pairwise(run_turns)
    ]
    for i, (turn, choice) in enumerate(zip(run_turns, decode(evidence, TURN_TAKING, adjacent), strict=True)):
        guess = candidates[choice]
        if turn.speaker:
            for quote in turn.quotes:
                if quote.speaker is None and _contradicts_tag_gender(context, turn.speaker, quote):
                    # `"...," said he` in a turn whose beat is a woman's: the likeliest man
                    fitting = [
                        j for j, c in enumerate(candidates) if not _contradicts_tag_gender(context, c, quote)
                    ]
                    if fitting:
                        best = candidates[max(fitting, key=lambda j: evidence[i][j])]
                        quote.speaker, quote.cue, quote.confidence = best, "implicit", 0.5
        if (
            turn.speaker
            and turn.quotes
            and guess != turn.speaker
            and _anchor_weight(turn, weights) < weights.named_tag
            and (
                # a beat in a run whose every turn is known falls only to its turn's own evidence
                # (`"I am Ines"`), not to turn-taking alone (`"I cannot tell." Mara hesitated.`
                # after Jonah and Ines spoke: a third voice, not Jonah again)
                not all_known
                or _anchor_kind(turn) != "weak"
                or turn.speaker not in candidates
                or evidence[i][choice] > evidence[i][candidates.index(turn.speaker)]
            )
        ):
            # a pronoun tag or an action beat that the whole conversation disagrees with: the
            # pronoun's antecedent or the beat's actor was someone else; beats and continuations
            # change (below 0.8), and so does a "she said" when whom the conversation puts there
            # is a woman too (the pronoun holds, its antecedent was wrong); other tags are kept
            for quote in turn.quotes:
                if quote.speaker != turn.speaker:
                    continue
                if quote.confidence < 0.8 or (
                    quote.tag_pronoun in ("F", "M") and _fits_gender(context, guess, quote.tag_pronoun)
                ):
                    quote.speaker = guess
            continue
        if turn.speaker:
            continue  # a named tag stands
        for quote in turn.quotes:
            if quote.pronoun_gender:
                # the decoding's pick only where it can be that "he" or "she": turn-taking that
                # outweighs the gender evidence is wrong about this turn, salience's pick stays
                if quote.pronoun_gender not in ("F", "M") or _fits_gender(
                    context, guess, quote.pronoun_gender
                ):
                    quote.speaker = guess
            elif quote.speaker is None or quote.confidence <= 0.5:
                quote.speaker, quote.cue, quote.confidence = guess, "implicit", 0.5


def _follows_directly(text: str, before: _Turn, turn: _Turn) -> bool:
    """Whether a turn's first line comes right after the line before it, no more than a tag
    between them. A narration paragraph of its own between the two, however short (`His mother
    said nothing.`), is a pause, after which the same voice often goes on."""
    return (
        bool(before.quotes and turn.quotes)
        and turn.quotes[0].para - before.quotes[-1].para <= 1
        and _only_a_tag_between(text, before.quotes[-1].outer_end, turn.quotes[0].outer_start)
    )


# A tag clause that goes on after a line: `," said Fielding, at once taking charge.`
_TAG_CLAUSE_START = re.compile(r"[,;:!?.]?[\"'”’]*\s*[a-z]")
TAG_CLAUSE_WORDS = 20


def _only_a_tag_between(text: str, start: int, end: int) -> bool:
    """Whether two lines follow each other directly: no more than ADJACENT_WORDS between them,
    or only the speech tag of the first, however long its manner phrase (`," said Fielding, at
    once taking charge of the situation.`), with no narration sentence after it."""
    between = text[start:end]
    words = len(between.split())
    if words <= ADJACENT_WORDS:
        return True
    if words > TAG_CLAUSE_WORDS or not _TAG_CLAUSE_START.match(between):
        return False
    ends = [m.end() for m in _SENTENCE_END.finditer(between.rstrip())]
    return len(ends) <= 1 and (not ends or not between[ends[0] :].strip())


# `turning to Jonah`, `looking up at Jonah`, `with a glance at Jonah`: whom a line is said to
_TURNED_TO = re.compile(
    r"\b(?:turn|look|glanc|nodd|smil|bow)(?:s|ed|ing|e|es)?(?:\s+(?:round|up|back|across|over))?"
    r"\s+(?:to|at|towards|upon)\s+$"
)


def _turned_to(turn: _Turn, context: _Context, paras: list[_Para]) -> set[str]:
    """Whom the narration of a turn's paragraphs has its speaker turn or look to (`said Mara,
    turning to Jonah`): the one the line is said to, who most likely answers it."""
    text = context.work.text
    found: set[str] = set()
    for index in dict.fromkeys(q.para for q in turn.quotes):
        para = paras[index]
        for mention in _mentions_between(context, para.start, para.end):
            if (
                mention.character
                and not _in_quote(context, mention.start)
                and _TURNED_TO.search(text, max(para.start, mention.start - 40), mention.start)
            ):
                found.add(mention.character)
    return found


_PERSONAL_PRONOUNS = frozenset((*PRONOUN_GENDER, *OBJECT_PRONOUN_GENDER, "you", "my", "me"))


def _is_personal_pronoun(words: str) -> bool:
    """Whether a name mention is only a pronoun (a cast listing its first-person narrator as
    "I"): it names no one in particular in a line, so it is no third person spoken of."""
    return words.strip().lower() in _PERSONAL_PRONOUNS


# `I am Rosa`, `I'm Rosa` (its apostrophe at times lost to a space), `my name's Rosa`
_SELF_INTRODUCTION = re.compile(r"(?:\b(?:I am|I['’ ]m|[Mm]y name is|name['’ ]s)|\bit is I,?)\s+$")
# on the telephone: `This is Jock speaking.`
_THIS_IS = re.compile(r"\b[Tt]his is\s+$")
_SPEAKING = re.compile(r"\s+speaking\b")


def _introduced(turn: _Turn, context: _Context) -> set[str]:
    """Whom a turn's lines introduce as its speaker: `I am Rosa.`, `My name is Rosa`, `This is
    Rosa speaking`."""
    text = context.work.text
    return {
        m.character
        for q in turn.quotes
        for m in _mentions_between(context, q.start, q.end)
        if m.character
        and (
            _SELF_INTRODUCTION.search(text, max(q.start, m.start - 20), m.start)
            or (
                _THIS_IS.search(text, max(q.start, m.start - 20), m.start)
                and _SPEAKING.match(text, m.end, q.end)
            )
        )
    }


def _gender_fallbacks(
    run_turns: list[_Turn], candidates: list[str], context: _Context, paras: list[_Para]
) -> list[str]:
    """For a turn whose tag gives only a gender ("said the girl", a "she" with no antecedent) when
    no candidate has that gender: the latest person of that gender the narration named before the
    conversation (in any scene), so that the decoding has someone who fits."""
    added: list[str] = []
    for turn in run_turns:
        genders = {q.gender_hint for q in turn.quotes if q.speaker is None} & {"F", "M"}
        if not turn.speaker:
            genders |= {turn.gender, *(q.gender_hint for q in turn.quotes)} & {"F", "M"}
        for gender in genders:
            if any(_fits_gender(context, c, gender) for c in [*candidates, *added]):
                continue
            window_start = paras[max(0, turn.para - FALLBACK_PARAGRAPHS)].start
            for mention in reversed(_mentions_between(context, window_start, paras[turn.para].start)):
                cid = mention.character
                if cid and _fits_gender(context, cid, gender) and not _in_quote(context, mention.start):
                    added.append(cid)
                    break
    return added


def _candidates(run_turns: list[_Turn], people: list[str], extras: Sequence[str] = ()) -> list[str]:
    """The participants a conversation is decoded over: its tagged speakers (the most often
    tagged first), then its people in order, at most MAX_PARTICIPANTS unless more were tagged;
    then at most MAX_EXTRAS of the scene's other people (``extras``, likeliest first)."""
    counts = Counter(t.speaker for t in run_turns if t.speaker)
    candidates = [c for c, _ in counts.most_common()]
    candidates += [p for p in people if p not in candidates]
    for turn in run_turns:
        for quote in turn.quotes:
            if quote.pronoun_gender and quote.speaker and quote.speaker not in candidates:
                candidates.append(quote.speaker)
    candidates = candidates[: max(MAX_PARTICIPANTS, len(counts))]
    return candidates + [e for e in extras if e not in candidates][:MAX_EXTRAS]


def _scene_named(first: int, paras: list[_Para], context: _Context) -> list[str]:
    """Who the narration of the same scene names before a conversation's own lookback
    (PEOPLE_LOOKBACK paragraphs), at most SCENE_LOOKBACK paragraphs back, the latest first."""
    end = first - PEOPLE_LOOKBACK
    start = end
    while start > 0 and first - start < SCENE_LOOKBACK and not paras[start].scene_break:
        start -= 1
    if end <= start:
        return []
    named = [
        m.character
        for m in _mentions_between(context, paras[start].start, paras[end].start)
        if m.character and m.kind == "name" and not _in_quote(context, m.start)
    ]
    return list(dict.fromkeys(reversed(named)))


def _conversation_people(turns: list[_Turn], paras: list[_Para], context: _Context) -> list[str]:
    """Who takes part in a conversation, likeliest first: its tagged speakers, then whoever the
    narration just before and inside it names (the latest first), then whoever is addressed."""
    people: list[str] = []
    for turn in turns:
        if turn.speaker and turn.speaker not in people:
            people.append(turn.speaker)
    first = turns[0].para
    while first > 0 and turns[0].para - first < PEOPLE_LOOKBACK and not paras[first].scene_break:
        first -= 1  # the narration just before, within the same scene
    named = [
        m.character
        for m in _mentions_between(context, paras[first].start, paras[turns[-1].para].end)
        if m.character and not _in_quote(context, m.start)
    ]
    for character in reversed(named):
        if character not in people:
            people.append(character)
    for turn in turns:
        for quote in turn.quotes:
            for addressed in quote.vocatives:
                if addressed not in people:
                    people.append(addressed)
    if context.narrator is not None and context.narrator not in people:
        # a first-person narrator takes part in most conversations without being named
        people.append(context.narrator)
    return people


def _addressees(text: str, turns: list[_Turn], context: _Context) -> None:
    """Stated in the tag, else a vocative, else the nearest other speaker of the conversation."""
    for i, turn in enumerate(turns):
        neighbours = [
            t.quotes[0].speaker
            for t in (turns[i - 1] if i else None, turns[i + 1] if i + 1 < len(turns) else None)
            if t is not None and t.run == turn.run and t.quotes and t.quotes[0].speaker
        ]
        for quote in turn.quotes:
            if quote.addressee is None:
                addressed = [v for v in quote.vocatives if v != quote.speaker]
                if addressed:
                    quote.addressee = addressed[0]
            if quote.addressee is None and quote.speaker is not None:
                others = [n for n in neighbours if n != quote.speaker]
                if others:
                    quote.addressee = others[0]


# `"Oh, Mr. Fortescue," exclaimed Mrs. Hilbery, as he finished, "I had just written..."`: a time
# clause closing the tag between two halves of a line belongs to that tag; its "he finished" is
# the man she answers, not a tag of the second half (which the first half's tag serves)
_WHILE_CLAUSE = re.compile(
    r"(?:[^.!?;:]|\b(?:Mrs?|Ms|Dr|St)\.)*,\s+(?:as|when|while)\s+(?:he|she|they|I|we)\s+[a-z]+,\s*", re.S
)


def _nearest_tagged(text: str, quotes: list[_Found], k: int) -> _Found | None:
    """The tagged quote that an untagged quote of the same paragraph belongs with: one of its own
    stretch, where a line broken off by the next one ends a stretch (`"But Margaret dear --" "I'll
    go," said Margaret.`: the interrupter's tag is not the interrupted line's, nor the other way)."""
    segment = _segments(text, quotes)
    candidates = [q for i, q in enumerate(quotes) if q.tag_subject is not None and segment[i] == segment[k]]
    if not candidates:
        return None
    before = [q for q in candidates if q.start < quotes[k].start]
    return before[-1] if before else candidates[0]


def _segments(text: str, quotes: list[_Found]) -> list[int]:
    """For each quote of a paragraph, which stretch of one speaker it is in: a new stretch starts
    after each line that the next one breaks off (_cut_off_by_next)."""
    segment, current = [], 0
    for k in range(len(quotes)):
        segment.append(current)
        if _cut_off_by_next(text, quotes, k):
            current += 1
    return segment


_BROKEN_OFF = re.compile(r"(?:--|[—–])\s*$")


def _cut_off_by_next(text: str, quotes: list[_Found], k: int) -> bool:
    """Whether quote k stops on a dash with the next quote right after it, nothing between."""
    if k + 1 >= len(quotes):
        return False
    quote = quotes[k]
    return (
        bool(_BROKEN_OFF.search(text, quote.start, quote.end))
        and not text[quote.outer_end : quotes[k + 1].outer_start].strip()
    )


def _note_narration(
    context: _Context,
    conversation: _Conversation,
    start: int,
    end: int,
    index: int,
    quotes: list[_Found] | None = None,
) -> None:
    """Remember which characters the narration mentioned, for pronoun resolution."""
    for mention in _mentions_between(context, start, end):
        if quotes and any(q.start <= mention.start < q.end for q in quotes):
            continue
        if mention.character:
            conversation.salient.append((index, mention.character))
    if len(conversation.salient) > 200:
        del conversation.salient[:100]


def _tag_speaker(
    text: str,
    quote: _Found,
    quotes: list[_Found],
    k: int,
    para: _Para,
    paras: list[_Para],
    context: _Context,
    conversation: _Conversation,
    index: int,
    previous_tail: int | None,
) -> None:
    """Speaker from a speech tag right after the quote or right before it (maybe at the end of the
    paragraph before: ``previous_tail`` is where that paragraph's narration after its quotes starts)."""
    end_para = para
    if quote.end > para.end:
        end_para = next((p for p in paras[quote.para :] if p.start <= quote.end <= p.end), para)
    after_end = quotes[k + 1].outer_start if k + 1 < len(quotes) else end_para.end
    after = text[quote.outer_end : max(quote.outer_end, after_end)]
    before_start = quotes[k - 1].outer_end if k > 0 else para.start
    before = text[before_start : quote.outer_start]
    if k == 0 and not before.strip() and quote.para > 0 and previous_tail is not None:
        # `...and with all his mildest urbanity, said,` closing the paragraph before the quote
        before_start, before = previous_tail, text[previous_tail : paras[quote.para - 1].end]

    subject, verb, obj_start, obj_text = _match_after(after, quote.outer_end)
    tag_kind = "after"
    if k > 0 and quotes[k - 1].tag_subject is not None and _WHILE_CLAUSE.fullmatch(before):
        before = ""  # the previous half's tag with its time clause: no tag of this half's own
    if subject is None:
        subject, verb, obj_start, obj_text = _match_before(before, before_start)
        tag_kind = "before"
    elif verb not in SPEECH_VERBS and verb not in THOUGHT_VERBS:
        # `at Ben, who said, "Quote." He handed John a switch.`: the speech tag before the
        # quote names its speaker; the action after it is the next sentence's
        found = _match_before(before, before_start)
        if found[0] is not None and found[1] in _BEFORE_TAG_VERBS:
            subject, verb, obj_start, obj_text = found
            tag_kind = "before"
    elif _introduces_next(after, quotes, k) and _opens_its_own_tag(text, quotes, k):
        # `Milly said, "Quote." Babs said, "Another."`: a tag running into the next quote is that
        # quote's; this one has its own before it
        found = _match_before(before, before_start)
        if found[0] is not None and found[1] in _BEFORE_TAG_VERBS:
            subject, verb, obj_start, obj_text = found
            tag_kind = "before"
    if subject is None and k > 0 and quotes[k - 1].tag_subject is not None and not before.strip(" ,;:—–-\n"):
        return  # two quotes with nothing between them: the paragraph rule links them
    if subject is None:
        if k > 0 and quotes[k - 1].speaker and _is_tag_only(before):
            # `"Well," she said, "maybe."` — the tag between the two halves serves both
            quote.speaker, quote.cue, quote.confidence = quotes[k - 1].speaker, quotes[k - 1].cue, 0.9
            quote.tag_subject = quotes[k - 1].tag_subject
            # and a "she said" only the talk's salience resolved leaves both halves open to
            # turn-taking: the second half's copy must not anchor the turn the first leaves open
            quote.pronoun_gender = quotes[k - 1].pronoun_gender
        return
    is_speech = verb in SPEECH_VERBS or verb in THOUGHT_VERBS or verb == "(intro)"
    if not is_speech and tag_kind == "after" and verb.endswith("ed") and _ends_mid_sentence(text, quote):
        # `"I cannot tell," Ronny summed up.`: a line that stops on a comma goes on in the words
        # after it, so the verb there, whichever, is its tag and not an action after it
        is_speech = True
    if verb in THOUGHT_VERBS:
        # (before the quote too: `Mara thought to herself, "..."` is no turn of the talk)
        quote.thought = True
    context.gender_rule = ""
    character = _resolve_subject(text, subject, quote, context, conversation, index)
    pronoun_gender = PRONOUN_GENDER[subject.phrase.lower()] if subject.kind == "pronoun" else None
    if pronoun_gender in ("F", "M"):
        # and if turn-taking decides the line after all, still not whom the "he" acts on
        quote.beside_description = set(
            _named_after_pronoun(text, subject.start + len(subject.phrase), context)
        )
    if pronoun_gender is not None and verb in _GOING_ON_VERBS:
        # `"...," he went on`: whoever of that gender spoke last keeps talking. That rests on the
        # line just before, not on salience: it anchors the turn like a name close by would, and
        # turn-taking's alternation (which a speaker going on breaks) no longer outweighs it
        # unless the narration of this very paragraph named her before the line: `Mrs. Reynolds
        # anticipated Miss Darcy's delight. "...," she added` goes on from that narration, not
        # from whoever spoke last (PDNC dev: 7 such tags were the named one's, 3 the talk's)
        named_here = character is not None and context.gender_rule == "paragraph"
        talk = None if named_here else conversation
        latest = _latest_speaker(pronoun_gender, quotes[:k], talk, index, context)
        if latest is not None:
            character = latest
            context.gender_rule = "local"
    if character is None and is_speech and subject.kind == "epithet":
        character = _voice_revealed(text, subject, quote, context)
    own_voice = _OWN_VOICE.fullmatch(subject.phrase) if subject.kind == "epithet" else None
    if character is None and own_voice is not None:
        # `"I was just thinking..." Her voice trailed off.`: whatever the voice does, it is the
        # speaker's, so the line is a woman's even though "trailed" is no speech verb
        quote.gender_hint = OBJECT_PRONOUN_GENDER.get(own_voice.group(1).lower(), "M")
        return
    if character is None:
        if is_speech:
            # "cried her brother": no one to name, but turn-taking must pick a man
            words = subject.phrase.lower().split()
            quote.gender_hint = (
                PRONOUN_GENDER.get(words[0]) if len(words) == 1 else EPITHET_GENDER.get(words[-1])
            )
            if subject.kind == "epithet" and tag_kind == "after":
                quote.beside_description = _named_in_tag_clause(text, subject, after_end, context)
        return
    if not is_speech:
        # "Buffy smiled." after a quote is an action beat: a weaker cue, but the right person.
        if tag_kind == "before" or not _beat_plausible(verb):
            return
        quote.speaker, quote.cue, quote.confidence = character, "implicit", 0.75
        quote.beat = True
        return
    quote.speaker = character
    if verb in NONVERBAL_VERBS:
        quote.beat = True  # `"...," he grinned`: a tag, but one a real speech tag outranks
    else:
        quote.tag_subject = character
    quote.cue = "explicit" if subject.kind == "name" else "anaphoric"
    quote.tag_pronoun = pronoun_gender
    if context.gender_rule == "conversation":
        quote.pronoun_gender = pronoun_gender
    if pronoun_gender in ("F", "M") and context.gender_rule == "conversation":
        # only the talk's salience chose: worth reading again once the untagged lines are decoded
        context.pronoun_tags.append(
            _PronounTag(
                quote,
                subject,
                quotes,
                k,
                index,
                conversation.since,
                verb in _GOING_ON_VERBS,
                character,
            )
        )
    quote.confidence = (0.95 if subject.kind == "name" else 0.85) - (0.1 if verb == "(intro)" else 0.0)
    if obj_text:
        addressee = _resolve_object(text, obj_start, obj_text, quote, context, conversation, index, character)
        if addressee and addressee != character:
            quote.addressee = addressee


def _named_in_tag_clause(text: str, subject: _Subject, limit: int, context: _Context) -> set[str]:
    """The characters named after a tag's subject, up to the end of its sentence (or ``limit``)."""
    start = subject.start + len(subject.phrase)
    stop = _SENTENCE_END.search(text, start, limit)
    end = stop.start() if stop is not None else limit
    return {
        m.character
        for m in _mentions_between(context, start, end)
        if m.character and m.kind == "name" and not _in_quote(context, m.start)
    }


# How far after an unseen speaker's line the narration may say who it was.
VOICE_REVEAL_WINDOW = 300
# `It was Miss Abbott.`, `It was the voice of Mr. Bax.`, `which Margaret knew to be that of Mrs. Gibson`
_IT_WAS = re.compile(
    r"\b(?:[Ii]t was(?:\s+the\s+voice\s+of)?|(?:to\s+be|as|was)\s+(?:that|the\s+voice)\s+of)\s+"
)


def _voice_revealed(text: str, subject: _Subject, quote: _Found, context: _Context) -> str | None:
    """`"Where are you?" called a voice. It was Miss Abbott.`: the speaker of a line tagged only
    "a voice" is whom the narration right after it says it was, before any other line."""
    if _norm(subject.phrase).split()[-1] != "voice":
        return None
    end = quote.outer_end + VOICE_REVEAL_WINDOW
    k = bisect.bisect_right(context.quote_starts, quote.end)
    if k < len(context.quote_starts):
        end = min(end, context.quote_starts[k])
    for match in _IT_WAS.finditer(text, quote.outer_end, end):
        mention = _mention_at(context, match.end(), match.end() + 1)
        if mention is not None and mention.character and mention.kind == "name":
            return mention.character
    return None


@dataclass
class _PronounTag:
    """A "he said" as first read, with what re-reading it needs (``_reread_pronoun_tags``)."""

    quote: _Found
    subject: _Subject
    quotes: list[_Found]  # its paragraph's quotes
    k: int  # its place among them
    index: int  # its paragraph
    since: int  # where its conversation's record of speakers started
    going_on: bool  # "she went on"
    first: str  # whom the first reading made of it


# How many of a conversation's latest quote paragraphs the second reading rebuilds its record from
# (the rules it can change look at the last six at most).
REREAD_HISTORY = 6


def _reread_pronoun_tags(
    by_para: dict[int, list[_Found]], context: _Context
) -> list[tuple[_Found, str, str]]:
    """Pronoun tags that only the talk's salience resolved, read again with the decoded
    conversation. While the tags are first read, the record of who spoke holds only tagged lines:
    an untagged line between "Lucy said" and "she said" leaves Lucy as the last speaker, and
    whom that line called by name, or whom its narration brings in, is not seen. Once the
    conversations are decoded, every quote paragraph before the tag has a speaker, and the
    pronoun's antecedent is chosen again from that record. A new choice counts only where it rests
    on the line or paragraph just before (the "local" rules of ``_by_gender``); it then anchors the
    turn like any pronoun tag. Returns (quote, first speaker, new speaker) of the changed tags."""
    if not context.pronoun_tags:
        return []
    text = context.work.text
    decoded: dict[int, str] = {}
    addressed: dict[int, list[str]] = {}
    for index, quotes in by_para.items():
        speakers = [q.speaker for q in quotes if q.speaker and not q.thought]
        if speakers:
            decoded[index] = Counter(speakers).most_common(1)[0][0]
            addressed[index] = [v for q in quotes for v in q.vocatives if v != decoded[index]]
    spoken = sorted(decoded)
    changes: list[tuple[_Found, str, str]] = []
    for tag in context.pronoun_tags:
        quote = tag.quote
        history = spoken[bisect.bisect_left(spoken, tag.since) : bisect.bisect_left(spoken, tag.index)][
            -REREAD_HISTORY:
        ]
        conversation = _Conversation(
            speakers=[decoded[p] for p in history],
            last_para=history[-1] if history else -100,
            last_vocatives=addressed[history[-1]] if history else [],
            since=tag.since,
        )
        context.gender_rule = ""
        character = _resolve_subject(text, tag.subject, quote, context, conversation, tag.index)
        gender = PRONOUN_GENDER[tag.subject.phrase.lower()]
        if tag.going_on:
            character = (
                _latest_speaker(gender, tag.quotes[: tag.k], conversation, tag.index, context) or character
            )
        if character is None:
            continue
        if context.gender_rule != "local":
            # a second salience-only reading was no better than the first (PDNC dev: no gain)
            continue
        # a local reading anchors the turn even where it agrees with the first
        changes.append((quote, tag.first, character))
    return changes


def _change_tag(quote: _Found, para_quotes: list[_Found], old: str, character: str) -> None:
    """Give a re-read pronoun tag its new speaker, and the untagged quotes it lent its speaker to;
    no longer a salience-only pronoun, it anchors its turn."""
    for other in para_quotes:
        if other is quote or (other.speaker == old and other.tag_subject is None):
            other.speaker = character
    if quote.tag_subject is not None:
        quote.tag_subject = character
    quote.pronoun_gender = None


def _anchor_turn(turn: _Turn) -> None:
    """A turn's known speaker (or the gender its salience-only pronoun leaves open), from its quotes."""
    strong = [q for q in turn.quotes if q.speaker and q.confidence > 0.5 and not q.thought]
    firm = [q.speaker for q in strong if q.pronoun_gender is None]
    gender = next((q.pronoun_gender for q in strong if q.pronoun_gender), None)
    turn.speaker = firm[0] if firm else None
    turn.gender = None if firm else gender


_GOING_ON_VERBS = frozenset({"continued", "went on", "added", "resumed", "proceeded", "pursued", "repeated"})


def _latest_speaker(
    gender: str, earlier: list[_Found], conversation: _Conversation | None, index: int, context: _Context
) -> str | None:
    """The latest speaker of a gender: of this paragraph's earlier lines, else of the conversation
    (when one is given)."""
    for quote in reversed(earlier):
        if quote.speaker and not quote.thought and _fits_third_person(context, quote.speaker, gender):
            return quote.speaker
    if conversation is None or conversation.last_para < index - 1:
        return None
    for speaker in reversed(conversation.speakers[-4:]):
        if _fits_third_person(context, speaker, gender):
            return speaker
    return None


def _ends_mid_sentence(text: str, quote: _Found) -> bool:
    """The quote's words stop on a comma: its sentence goes on after the closing mark."""
    return text[quote.start : quote.end].rstrip(" \"'”’").endswith(",")


def _introduces_next(after: str, quotes: list[_Found], k: int) -> bool:
    """The narration after quote k runs straight into the paragraph's next quote on a comma, a
    colon or a dash (`Babs said, "`), so a tag in it introduces that quote."""
    return k + 1 < len(quotes) and after.rstrip().endswith((",", ":", "--", "—"))


def _opens_its_own_tag(text: str, quotes: list[_Found], k: int) -> bool:
    """A tag before quote k is its own, not the middle tag of a sentence split by it: quote k opens
    the paragraph, or the quote before it closed its sentence (`"Well," she said, "maybe."` keeps
    "she said" for "Well,")."""
    if k == 0:
        return True
    previous = text[quotes[k - 1].start : quotes[k - 1].end].rstrip(" \"'”’")
    # (`muttered, "McBryde's an old woman"; but Mrs. Turton said, "Really..."`: the narration
    # between closes the sentence of the quote before, so the tag after it opens a new one)
    between = text[quotes[k - 1].outer_end : quotes[k].outer_start]
    return previous.endswith((".", "!", "?")) or _CLAUSE_BREAK.search(between) is not None


_CLAUSE_BREAK = re.compile(r"[.;!?]\s")


def _is_tag_only(before: str) -> bool:
    return bool(before.strip()) and len(before.split()) <= 8


def _beat_plausible(verb: str) -> bool:
    # Past-tense verbs only ("smiled", "grinned"); "Buffy and Willow" or "Then" are not beats.
    return verb.endswith("ed") or verb in {"shook", "took", "sat", "stood", "held", "gave", "threw", "made"}


# `she said nothing`, `he answered not a word`: a speech verb that says no one spoke
_SAID_NOTHING = re.compile(r"\s+(?:nothing|not\s+a\s+(?:word|syllable))\b")


# the same after a subject: `Catherine said nothing`
_SILENT_SUBJECT = re.compile(
    r"\s+(?:said|answered|replied|spoke)(?:\s+nothing|\s+not\s+a\s+(?:word|syllable))\b"
)


# `replied that it was`: a speech verb reporting what was said
_REPORTED_SPEECH = re.compile(r"\s+(?:[a-z]+ly\s+)?that\s+(?:it|he|she|they|I|we|you|there|[A-Z][a-z])")


# A time word or phrase before an inverted tag: `then said Jim`, `at last cried Mary`.
_TIME_BEFORE_TAG = re.compile(
    r"(?:then|now|again|presently|finally|at\s+(?:last|length|once)|here|thus|so)\s*,?\s+(?=[a-z])"
)


def _match_after(after: str, offset: int) -> tuple[_Subject | None, str, int, str]:
    stripped = after.lstrip(" ,\t\n-—–")
    lead = len(after) - len(stripped)
    if not stripped or stripped[0] in DOUBLE_OPENERS + "(":
        return None, "", 0, ""
    clause_end = _SENTENCE_END.search(stripped)
    while clause_end is not None and _TITLE_ABBREVIATION.search(stripped, 0, clause_end.start()):
        # `was Mrs. Weston's parting injunction`: a title's full stop ends no sentence
        clause_end = _SENTENCE_END.search(stripped, clause_end.end())
    clause = stripped[: clause_end.start() if clause_end else len(stripped)]
    opener = _TIME_BEFORE_TAG.match(clause)
    if opener is not None:
        # `"...," then said Jim.`, `at length cried Mary`: the time word is no part of the tag
        inverted = _TAG_VERB_SUBJ.match(clause, opener.end())
        if inverted is not None and _verb(inverted.group("verb")) in SPEECH_VERBS:
            clause, lead = clause[opener.end() :], lead + opener.end()
    heard = _heard_speaking(clause, offset + lead)
    if heard is not None:
        return heard[0], heard[1], 0, ""
    for pattern in (_TAG_VERB_SUBJ, _TAG_SUBJ_VERB):
        match = pattern.match(clause)
        if not match:
            continue
        verb = _verb(match.group("verb"))
        if pattern is _TAG_SUBJ_VERB and _REPORTED_SPEECH.match(clause, match.end()):
            # `"Is it true?" Elizabeth replied that it was.`: her words are reported, an answer to
            # the line, not its tag
            return None, "", 0, ""
        if pattern is _TAG_VERB_SUBJ and verb not in SPEECH_VERBS and verb not in THOUGHT_VERBS:
            inverted = _INVERTED_TAG.match(clause)
            if inverted is None or (
                _first_word(inverted.group("subj")) in _NOT_SUBJECT - {"the", "her", "his"}
                and not _demonstrative_description(inverted.group("subj"))
            ):
                continue
            # read as "said": the verb is unknown, the order of verb and subject is not
            match, verb = inverted, "said"
        if pattern is _TAG_SUBJ_VERB and verb not in SPEECH_VERBS:
            # `he had said.`, `she kept asking.`, `he managed to say`: the speech verb comes later
            later = (
                _SPEECH_AFTER_AUXILIARY.match(clause, match.end("verb"))
                if verb in _AFTER_AUXILIARIES
                else _SPEECH_AFTER_TO.match(clause, match.end("verb"))
                if verb.endswith("ed")
                else None
            )
            if later and _verb(later.group("verb")) in SPEECH_VERBS:
                verb = _verb(later.group("verb"))
        if (
            verb not in SPEECH_VERBS
            and verb not in THOUGHT_VERBS
            and _subject_kind(match.group("subj")) == "epithet"
        ):
            # "the old man sighed": the shortest reading took "man" for the verb; try longer ones
            longer = next(
                (m for m in (p.match(clause) for p in _TAG_EPITHET_VERB) if m and _is_tag_verb(m)), None
            )
            match = longer or match
            verb = _verb(match.group("verb"))
        if _SAID_NOTHING.match(clause, match.end()):
            # `Catherine said nothing.`: whoever says nothing did not speak the line
            return None, "", 0, ""
        subj = match.group("subj")
        # `said a little girl`: someone new, described; `that`, `this`, `it`... are no subject
        indefinite = pattern is _TAG_VERB_SUBJ and _first_word(subj) in ("a", "an")
        if _first_word(subj) in _NOT_SUBJECT and not _described_subject_opener(subj) and not indefinite:
            continue
        if pattern is _TAG_VERB_SUBJ and _subject_kind(subj) == "epithet":
            # `said the book-stall keeper, looking in`: the description runs to the punctuation
            whole = _EPITHET_TO_PUNCTUATION.match(clause, match.start("subj"))
            subj = whole.group("subj") if whole else subj
            # `said the girl rapidly`, `said the surgeon at last`: the manner is no part of her
            manner = _TRAILING_MANNER.search(subj)
            subj = subj[: manner.start()] if manner else subj
        subject = _Subject(None, _subject_kind(subj), subj, offset + lead + match.start("subj"))
        obj_start, obj_text = 0, ""
        if pattern is _TAG_SUBJ_VERB:
            obj = _OBJECT.match(clause, match.end())
            if obj and verb in SPEECH_VERBS:
                obj_start, obj_text = offset + lead + obj.start("obj"), obj.group("obj")
        return subject, verb, obj_start, obj_text
    # `said nanny`, `was her answer`: a lower-case subject after the verb, kept for the resolver
    # (a known alias, or a possessive pronoun's owner)
    # `was Catherine's answer`, `were Colonel Fitzwilliam's words`
    owned = _NAMED_ANSWER.match(clause)
    if owned and (
        owned.group("noun") in _ANSWER_NOUNS
        or (owned.group("link") == "came" and owned.group("noun") == "voice")
    ):
        # `came Jim's answer`, `came Mary's voice`: the line came from its owner as well
        return _Subject(None, "name", owned.group("subj"), offset + lead + owned.start("subj")), "said", 0, ""
    # `"Don't!" from the Major.`, `"No," was all she said.`: the line is credited without a tag verb
    credited = _FROM_SUBJECT.match(clause)
    if credited and _first_word(credited.group("subj")) in ("a", "an", "my", "our", "your"):
        credited = None
    if credited is None:
        credited = _ALL_SAID.match(clause)
        if credited and not (credited.group("verb") in SPEECH_VERBS or credited.group("verb").endswith("ed")):
            credited = None
    if credited is None:
        credited = _AS_SAID.match(clause)
        if credited and credited.group("verb") not in SPEECH_VERBS and credited.group("verb") != "put":
            credited = None
    if credited:
        subj = credited.group("subj")
        start = offset + lead + credited.start("subj")
        return _Subject(None, _subject_kind(subj), subj, start), "said", 0, ""
    loose = _LOOSE_TAG.match(clause)
    if loose and (_verb(loose.group("verb")) in SPEECH_VERBS or loose.group("verb") == "was"):
        subj = loose.group("subj")
        if loose.group("verb") == "was":
            owner = subj.split()[0].lower()
            if owner not in ("his", "her") or subj.split()[-1].lower() not in _ANSWER_NOUNS:
                return None, "", 0, ""
            subj = "he" if owner == "his" else "she"
            return _Subject(None, "pronoun", subj, offset + lead + loose.start("subj")), "said", 0, ""
        return (
            _Subject(None, "epithet", subj, offset + lead + loose.start("subj")),
            _verb(loose.group("verb")),
            0,
            "",
        )
    return None, "", 0, ""


# A past participle read as passive: `when thus accosted by`, `found herself addressed with`
_PASSIVE_BEFORE = re.compile(
    r"(?:\b(?:was|were|been|being|herself|himself|themselves|myself)|\bwhen)\s+(?:[a-z]+ly\s+|thus\s+)?$"
)
_BY_AGENT = re.compile(rf"\s+by\s+{_SUBJECT}")
# Verbs of a tag before its quote: speech, and thought in the past tense (`Mara thought to
# herself, "..."`; not "though", a misspelling the after-tag rules accept)
_BEFORE_TAG_VERBS = SPEECH_VERBS | frozenset(("thought", "wondered", "reflected"))
_PHRASAL_SENTENCE = re.compile(rf"(?:^|[.!?][\"”]?\s+){_SUBJECT}\s+(?P<verb>[a-z]+\s+(?:in|on|out))\.$")
# `Mrs. Dashwood first spoke.`, `At length she spoke again.`, `Lucy continued.`: a sentence of a
# subject and a speech verb that takes no object, with at most a word of time or manner around it,
# says who speaks next as plainly as a tag with a colon
_SPOKE_SENTENCE = re.compile(
    # (after an opening phrase: `But at last she spoke.`, `After a moment's pause, he spoke.`)
    # (or after ", and": `A short pause followed, and Mrs. Hurst began again.`; a title's stop
    # starts no sentence; a sentence may end in a closing single mark or a bracket:
    # `(Alice had no idea what Latitude was.) Presently she began again.`)
    r"(?:^|(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)[.!?][\"”’)]?\s+|,\s+(?:and|so)\s+)"
    # (`Presently she began again.`: the opening adverb may start the sentence itself)
    r"(?:(?:But|And|Then)\s+)?(?:(?:[Aa]t\s+(?:last|length)|[Tt]hen|[Pp]resently|[Nn]ow|[Ss]oon)\s+)?"
    r"(?:[A-Z][\w'’ ]{0,40},\s+)?"
    # (`Jane Fairfax, who had seldom spoken before, spoke now.`)
    rf"{_SUBJECT}(?:,\s+who\s[^.!?;]{{0,100}},)?\s+(?:(?:first|then|again|thus|now|soon|[a-z]+ly)\s+)?"
    # (`so Alice soon began talking again.`)
    r"(?P<verb>spoke|began(?:\s+(?:talking|speaking))?|continued|resumed|proceeded|went\s+on)"
    r"(?:\s+(?:again|first|now|then|at\s+(?:last|length|once)|[a-z]+ly|with\s+[a-z]+))?\.$"
)


# A sentence that opens on its speech verb, the speaker after it: `Said Jim:`, `Quoth he,`.
_INVERTED_OPENING_TAG = re.compile(rf"(?P<verb>[A-Z][a-z]+)\s+{_NAME_ADJECTIVE}{_SUBJECT}")


def _match_before(before: str, offset: int) -> tuple[_Subject | None, str, int, str]:
    """A tag that introduces the quote: `Emma said, "` / `She asked the blonde, "`."""
    stripped = before.rstrip().rstrip("-—–")  # `Emma thus moralised to herself:--`
    # `and said somewhat austerely   "`: a run of spaces where a text lost its dash
    lost_dash = re.search(r"\w {3,}$", before) is not None
    # `Aziz joined in. "...`: a sentence of a subject and a two-word speech verb alone is a tag
    spoke = _spoke_sentence(stripped)
    if spoke is not None:
        subj = spoke.group("subj")
        start = offset + len(stripped) - len(stripped[-120:]) + spoke.start("subj")
        return _Subject(None, _subject_kind(subj), subj, start), _verb(spoke.group("verb")), 0, ""
    phrasal = _PHRASAL_SENTENCE.search(stripped)
    phrasal_tag = phrasal is not None and _verb(phrasal.group("verb")) in _PHRASAL_SPEECH
    if phrasal_tag:
        stripped = stripped[:-1]
    if not stripped or (
        not phrasal_tag
        and stripped[-1] not in ",:"
        and not before.rstrip().endswith(("--", "—"))
        and not lost_dash
        and not _ends_on_speech_verb(stripped)
    ):
        return None, "", 0, ""
    cut = max(
        _last_full_stop(stripped),
        stripped.rfind("! "),
        stripped.rfind("? "),
        stripped.rfind("\n\n"),
        # `...by significant glances.--The kind-hearted Mrs. Weston had left her seat to join him
        # and say,`: a stop run into a dash ends a sentence as well (cut = the dash's second hyphen)
        *(stripped.rfind(end) + 1 for end in (".--", "!--", "?--") if end in stripped),
        # `...would never get over it."--Even Mr. Weston shook his head and said,`: a sentence
        # of someone's words, not marked as a quote, ends where its closing mark does
        _last_quoted_stop(stripped),
    )
    clause_start = cut + 2 if cut >= 0 else 0
    opener = _SENTENCE_ADVERB.match(stripped, clause_start)
    if opener:
        clause_start = opener.end()  # `Later he said to Marjorie,`: "Later" is nobody
    clause = stripped[clause_start:].rstrip(",:")
    heard = _heard_speaking(clause, offset + clause_start)
    if heard is not None:
        return heard[0], heard[1], 0, ""
    inverted = _INVERTED_OPENING_TAG.fullmatch(clause)
    if inverted is not None and inverted.group("verb").lower() in SPEECH_VERBS:
        # `Said Jim: "..."`, `Quoth she, "..."`: the verb opens the sentence, the speaker follows
        subj = inverted.group("subj")
        if _first_word(subj) not in _NOT_SUBJECT or _subject_kind(subj) == "pronoun":
            start = offset + clause_start + inverted.start("subj")
            return _Subject(None, _subject_kind(subj), subj, start), _verb(inverted.group("verb")), 0, ""
    tags: list[tuple[int, tuple[_Subject, str, int, str]]] = []
    for match in itertools.chain(_TAG_SUBJ_VERB.finditer(clause), _tag_subject_verbs(clause)):
        verb = _verb(match.group("verb"))
        if verb not in SPEECH_VERBS:
            continue
        tail = clause[match.end() :]
        if _SAID_NOTHING.match(tail):
            continue  # `but he said nothing, and she continued,`: he is silent; she speaks
        obj = _OBJECT.match(tail)
        obj_text = obj.group("obj") if obj else ""
        if len(tail.split()) > 5 and not _is_manner_tail(tail):
            continue
        subj = match.group("subj")
        if _first_word(subj) in _NOT_SUBJECT and not _described_subject_opener(subj):
            continue
        if match.re is _TAG_SUBJ_VERB and verb in _SPEECH_STEMS and _POSSESSIVE_PHRASE.match(subj):
            # `on hearing the reason of their speedy return, said,`: a bare stem straight after
            # "their ..." is a noun, not the tag's verb
            continue
        subject = _Subject(None, _subject_kind(subj), subj, offset + clause_start + match.start("subj"))
        obj_start = offset + clause_start + match.end() + obj.start("obj") if obj else 0
        tags.append((match.end(), (subject, verb, obj_start, obj_text)))
    if tags:
        # `he asked her, and she replied,`: the speech verb nearest the line is its tag
        return max(tags, key=lambda tag: tag[0])[1]
    # `she turned to him and said,` / `he drew back his chair, took a paper and, glancing
    # over it, said, in a colder voice,`: a speech verb closing the sentence, and the last
    # subject before it
    words = list(_LOWER_WORD.finditer(clause))[-7:]
    trailing = next((w for w in reversed(words) if w.group() in _BEFORE_TAG_VERBS), None)
    if (
        trailing is not None
        and trailing.group().endswith(("ed", "told", "spoken"))
        and _PASSIVE_BEFORE.search(clause, 0, trailing.start())
    ):
        # `when thus accosted by Miss Bingley,`: the agent speaks; `she found herself addressed
        # with,`: the subject is spoken to, and no one is named as speaking
        agent = _BY_AGENT.match(clause, trailing.end())
        if agent is None or _first_word(agent.group("subj")) in _NOT_SUBJECT:
            return None, "", 0, ""
        subj = agent.group("subj")
        subject = _Subject(None, _subject_kind(subj), subj, offset + clause_start + agent.start("subj"))
        return subject, trailing.group(), 0, ""
    if trailing is not None:
        # (the whole clause is searched: a search ending at the verb could not see the verb that
        # the subject pattern looks ahead to, and so missed the subject right before it)
        found = [
            *_CLAUSE_SUBJECT.finditer(clause),
            *_WHO_SUBJECT.finditer(clause),
            *_WHO_NAME.finditer(clause),
        ]
        subjects = [
            m
            for m in sorted(found, key=lambda m: m.start("subj"))
            if m.end("subj") < trailing.start()
            and (
                _first_word(m.group("subj")) not in _NOT_SUBJECT or _described_subject_opener(m.group("subj"))
            )
            and _first_word(m.group("subj")) not in _OPENER_WORDS
            and not (
                _AFTER_THAT.search(clause, 0, m.start("subj"))
                and not _RESULT_CLAUSE.search(clause, 0, m.start("subj"))
            )
        ]
        if len(subjects) > 1:
            # `and James, as the door was closed on them, said,`: the subject of a clause put
            # between commas is not the speaker; the subject the clause interrupts is
            main = [m for m in subjects if not _in_interposed_clause(clause, m, trailing.start())]
            subjects = main or subjects
        if not subjects:
            # `After half an hour Jock said,`: no subject opens the sentence, so the one right
            # before the verb
            near = _NAME_RIGHT_BEFORE.search(clause, 0, trailing.start())
            subjects = [near] if near and _first_word(near.group("subj")) not in _NOT_SUBJECT else []
        if not subjects and _first_word(clause) in _OPENER_WORDS:
            # `On which Seven looked up and said,` / `In a few minutes he approached the table ...
            # and said in a whisper,`: the first name or pronoun after the opening phrase
            first = next(
                (
                    m
                    for m in _NAME_BEFORE_VERB.finditer(clause, 0, trailing.start())
                    if _first_word(m.group("subj")) not in _NOT_SUBJECT | _OPENER_WORDS
                ),
                None,
            )
            subjects = [first] if first else []
        if not subjects:
            # `When told that it was ten minutes to five she rose at once, and said:`: no clause
            # opens on a subject, but a he or she acts in it before the verb
            acting = [
                m
                for m in _PRONOUN_BEFORE_VERB.finditer(clause, 0, trailing.start())
                if not _AFTER_THAT.search(clause, 0, m.start("subj"))
            ]
            subjects = acting[-1:]
        if subjects:
            subj = subjects[-1].group("subj")
            subject = _Subject(
                None, _subject_kind(subj), subj, offset + clause_start + subjects[-1].start("subj")
            )
            obj = _OBJECT.match(clause, trailing.end())
            obj_start = offset + clause_start + obj.start("obj") if obj else 0
            return subject, trailing.group(), obj_start, obj.group("obj") if obj else ""
    # `...were met by the butler, who said,`
    relative = re.search(rf"{_SUBJECT},?\s+who\s+(?:{_ADVERB}\s+)?{_VERB}[\s\w]{{0,30}}$", clause)
    if relative and _verb(relative.group("verb")) in SPEECH_VERBS:
        subj = relative.group("subj")
        subject = _Subject(None, _subject_kind(subj), subj, offset + clause_start + relative.start("subj"))
        return subject, _verb(relative.group("verb")), 0, ""
    words_were = _WORDS_WERE.search(clause)
    if words_were is not None:
        # `his last words to Emma were,`: the owner of the words speaks them
        owner = words_were.group("subj")
        phrase = {"his": "he", "her": "she"}.get(owner.lower(), owner[:-2])
        start = offset + clause_start + words_were.start("subj")
        return _Subject(None, _subject_kind(phrase), phrase, start), "(intro)", 0, ""
    # `He cut her short with,` / `Emma, smiling, began:` - the subject of the introducing sentence
    intro = re.match(rf"\s*{_SUBJECT}[\s,]", clause)
    if (
        intro
        and _first_word(intro.group("subj")) not in _NOT_SUBJECT
        and _first_word(intro.group("subj")) not in _OPENER_WORDS
        and len(clause.split()) <= 25
    ):
        subj = intro.group("subj")
        subject = _Subject(None, _subject_kind(subj), subj, offset + clause_start + intro.start("subj"))
        # `Mara set down her cup and asked Jonah,`: a second verb of the same subject
        second = _COORDINATED_VERB.search(clause, intro.end())
        if second and _verb(second.group("verb")) in SPEECH_VERBS:
            obj = _OBJECT.fullmatch(second.group("tail").rstrip(" ,:"))
            obj_start = offset + clause_start + second.start("tail") + obj.start("obj") if obj else 0
            return subject, _verb(second.group("verb")), obj_start, obj.group("obj") if obj else ""
        return subject, "(intro)", 0, ""
    if stripped.endswith(":"):
        # `Indeed, when Miss Markham asked her..., she expressed herself with bitterness:`: a
        # sentence a colon closes introduces the line; its last main-clause subject speaks it
        subjects = [
            m
            for m in _CLAUSE_SUBJECT.finditer(clause)
            if _first_word(m.group("subj")) not in _NOT_SUBJECT | _OPENER_WORDS
        ]
        if subjects:
            subj = subjects[-1].group("subj")
            start = offset + clause_start + subjects[-1].start("subj")
            return _Subject(None, _subject_kind(subj), subj, start), "(intro)", 0, ""
    return None, "", 0, ""


# `his next words were,`, `Frank's last words to Emma were:`: whose words introduce a line
_WORDS_WERE = re.compile(
    r"(?<![\w'’])(?P<subj>[Hh]is|[Hh]er|[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2}['’]s)\s+"
    r"(?:(?:last|next|first|only|parting|few|own|very)\s+)*words(?:\s+to\s+[\w'’. -]{1,40}?)?\s+were\s*$"
)


# Someone heard speaking: `she heard him say`, `in time to hear her friend exclaim aloud to James`
# (the speech verb last in the clause but for a phrase of manner or address)
_HEARD_ONE = re.compile(
    r"\b(?:hear|hears|heard|hearing|overhear|overhears|overheard)\s+"
    r"(?P<subj>him|her|them|it|[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}"
    r"|(?:the|his|her|their|my)\s+(?:[\w'’-]+\s+)?[\w'’-]+)"
    rf"\s+(?:{_ADVERB}\s+)?$"
)
# A lower-case word not inside a hyphenated one ("whisper" in "half-whisper" is no verb)
_WHOLE_WORD = re.compile(r"(?<![\w'’-])[a-z]+\b(?!-)")
# (`exclaim aloud to James`: an adverb of manner first; not a preposition that opens the phrase)
_LEADING_ADVERB = re.compile(r"^\s*(?:[a-z]+ly|aloud|again|then|now|once|still)\b")
# A subject right after "that": a result clause's (`he laughed so heartily that Emma could not help
# saying,`) speaks; a reported one's (`assured her that they never sat there; and then added,`) not
_AFTER_THAT = re.compile(r"\bthat\s+$")
_RESULT_CLAUSE = re.compile(r"\b(?:so|such)\b[^.;:!?]*,?\s+that\s+$")
# The object pronoun heard, as the subject of the speaking
_HEARD_PRONOUN = {"him": "he", "her": "she", "them": "they"}


def _heard_speaking(clause: str, offset: int) -> tuple[_Subject | None, str] | None:
    """A tag clause in which someone hears another speak (`Mary heard her say.`, `Alice heard the
    King say to himself,`): the one heard and the speech verb, since the one heard speaks, not the
    one hearing; (None, "") when the one heard is "it" (a creature or a voice no tag can name);
    None when the clause says nothing of hearing."""
    last_verb = next(
        (w for w in reversed(list(_WHOLE_WORD.finditer(clause))) if w.group() in SPEECH_VERBS), None
    )
    if last_verb is None:
        return None
    heard = _HEARD_ONE.search(clause, 0, last_verb.start())
    if heard is None or not _is_manner_tail(_LEADING_ADVERB.sub("", clause[last_verb.end() :])):
        return None
    heard_one = heard.group("subj")
    subject = _HEARD_PRONOUN.get(heard_one.lower(), heard_one)
    if subject == "it":
        return None, ""
    return _Subject(None, _subject_kind(subject), subject, offset + heard.start("subj")), last_verb.group()


# A subject and an auxiliary right before a speech verb: `so that Ben had said,`, `At intervals
# Beaver would say,`. (Searched backwards from each speech verb: the left-to-right scan of
# subject-verb pairs takes "Ben had" for a subject and its verb and never sees "said"; the rule
# stays to auxiliaries because without one it found more wrong subjects than right ones on the
# dev split.)
_SUBJECT_BEFORE_VERB = re.compile(
    rf"(?<![\w'’]){_SUBJECT}\s+(?:(?:had|has|would|will|could|should|might|must|did)\s+)"
    rf"(?:{_ADVERB}\s+)?$"
)
_OBJECT_OF_PREPOSITION = re.compile(r"\b(?:to|at|by|with|of|for|from|on|upon|in|into|and|or)\s+$")
_TAG_BEFORE_QUOTE = re.compile(
    rf"{_SUBJECT}\s+(?:(?:had|has|would|will|could|should|might|must|did)\s+)(?:{_ADVERB}\s+)?{_VERB}"
)


# A subordinate clause opening after a comma: `, as the door closed,` / `, when she had done,`.
_INTERPOSED_OPENER = re.compile(
    r",\s+(?:as|when|while|whilst|though|although|if|after|before|since|because|till|until)\s+$"
)


# the clause's verb joined to it by "and" (`when she drew back, and said,`)
_AND_AT_END = re.compile(r"\band\s+(?:\w+ly\s+)?$")


def _in_interposed_clause(clause: str, subject: re.Match[str], verb_start: int) -> bool:
    """The subject opens a subordinate clause set off by commas before a finite speech verb: it
    belongs to that clause, not to the verb. Not when a comma follows the subject at once (`when
    Tom, after a glance at his wife, said,`: the clause's own subject and verb, parenthesis
    between), nor when "and" joins the verb to the clause (`when she drew back, and said,`), nor
    before a participle (`while the Dodo presented the thimble, saying`)."""
    if not _INTERPOSED_OPENER.search(clause, 0, subject.start("subj")):
        return False
    between = clause[subject.end("subj") : verb_start]
    predicate, comma, rest = between.partition(",")
    verb = clause[verb_start:].split(None, 1)[0] if clause[verb_start:].strip() else ""
    return bool(comma and predicate.strip()) and not _AND_AT_END.search(rest) and not verb.endswith("ing")


def _spoke_sentence(narration: str) -> re.Match[str] | None:
    """The sentence like `Elinor first spoke.` that the narration ends on (``_SPOKE_SENTENCE``),
    searched in its last 120 characters."""
    found = _SPOKE_SENTENCE.search(narration[-120:])
    if found is None or _first_word(found.group("subj")) in _NOT_SUBJECT:
        return None
    return found


def _tag_subject_verbs(clause: str) -> Iterator[re.Match[str]]:
    """Subject-auxiliary-verb matches (groups "subj" and "verb") of a tag before a quote, one per
    speech verb of the clause that has a subject and an auxiliary right before it, left to right."""
    for word in _LOWER_WORD.finditer(clause):
        if word.group() not in SPEECH_VERBS:
            continue
        found = _SUBJECT_BEFORE_VERB.search(clause, 0, word.start())
        while found is not None:
            subject = found.group("subj")
            if (
                _first_word(subject) == "the"
                or _first_word(subject) not in _NOT_SUBJECT
                or " " not in subject
            ):
                break
            # `Then Jock said`: the opener is no part of the name
            found = _SUBJECT_BEFORE_VERB.match(
                clause, found.end("subj") - len(subject.split(None, 1)[1]), word.start()
            )
        if found is None or _OBJECT_OF_PREPOSITION.search(clause, 0, found.start("subj")):
            continue  # `called to the barman and said`: the barman is no subject
        tag = _TAG_BEFORE_QUOTE.fullmatch(clause, found.start("subj"), word.end())
        if tag is not None:
            yield tag


_SPEECH_STEMS = frozenset(_SPEECH_VERB_STEMS.split())
_POSSESSIVE_PHRASE = re.compile(r"(?:[Hh]is|[Hh]er|[Mm]y|[Tt]heir|[Oo]ur|[Yy]our)\s")


# Words that open a phrase saying how or to whom something is said, after its tag verb.
_MANNER_OPENER_WORDS = (
    "to in with at after without for from over under on upon into across through towards toward "
    "loud half almost very quite rather so somewhat like"
)
_MANNER_OPENERS = frozenset(_MANNER_OPENER_WORDS.split())


def _is_manner_tail(tail: str) -> bool:
    """`she said to one of the officers of the court,` / `she exclaimed, in a voice of the greatest
    emotion,` / `said to Marianne, loud enough for them both to hear,`: after the tag verb only
    phrases of manner or address (each opening on a preposition, an -ing or an -ly word), so the
    verb still introduces the quote."""
    chunks = [chunk.split() for chunk in re.split(r"[,;]", tail) if chunk.strip()]
    return len(tail.split()) <= 16 and all(
        words[0] in _MANNER_OPENERS or (words[0].endswith(("ing", "ly")) and words[0] not in _THING_WORDS)
        for words in chunks
    )


# Objects that look like an -ing manner phrase: `said nothing and left`
_THING_WORDS = frozenset(("nothing", "something", "anything", "everything"))


# Capitalised words that open a sentence and are nobody: `In the midst of the din someone said,`
_OPENER_WORDS = _MANNER_OPENERS | frozenset(
    ("once", "next", "presently", "during", "before", "since", "until")
)
# A name, a pronoun or a one-word description right before a verb.
_NAME_RIGHT_BEFORE = re.compile(
    rf"(?<![\w'’])(?P<subj>[Hh]e|[Ss]he|[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){{0,2}}|(?:[Tt]he|[Aa])\s+[a-z]+)"
    rf"\s+(?:{_ADVERB}\s+)?$"
)


# A he or she and the word after it, which after a subject pronoun is its verb (`she rose`).
_PRONOUN_BEFORE_VERB = re.compile(r"(?<![\w'’])(?P<subj>[Hh]e|[Ss]he)\s+(?=[a-z]+\b)")
_NAME_BEFORE_VERB = re.compile(
    r"(?<![\w'’])(?P<subj>[Hh]e|[Ss]he|[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}|[Tt]he\s+[A-Z][\w'’-]*)"
    r"\s+(?=[a-z]+(?:ed|s)?\b)"
)


# Words that open a sentence before its subject: `Later he said`, `At last Rosa spoke`.
_SENTENCE_ADVERB = re.compile(
    r"\s*(?:Later|Afterwards|Presently|Then|Now|Soon|Meanwhile|Finally|Suddenly|Still|Again|Instead|"
    r"At\s+(?:last|length|once|first)|In\s+the\s+end|After\s+a\s+(?:while|moment|pause))\b,?\s+(?=[A-Za-z])"
)


def _ends_on_speech_verb(narration: str) -> bool:
    """`and then the Secretary said "...`, `cried out "...`: a tag that runs into its quote with no
    comma or colon (or with one that a text lost)."""
    words = narration[-30:].split()
    if words and words[-1] in ("out", "aloud") and len(words) > 1:
        words.pop()
    if bool(words) and words[-1] in SPEECH_VERBS:
        return True
    if len(words) > 1 and f"{words[-2]} {words[-1]}" in _PHRASAL_SPEECH:
        return True  # `He paused a little, and then went on "...`
    if not narration[-1:].isalpha():
        return False
    # `and then the Secretary said in a curious, strained voice "...`: the lost colon after a
    # manner phrase; the last sentence's last speech verb, and only manner after it
    last = narration[-160:]
    last = last[max(last.rfind(". "), last.rfind("! "), last.rfind("? ")) + 1 :]
    verb = next((w for w in reversed(list(_LOWER_WORD.finditer(last))) if w.group() in SPEECH_VERBS), None)
    return verb is not None and _is_manner_tail(last[verb.end() :])


# (and an initial: "M. Dupont" is Monsieur Dupont, "J. Smith" one man; "I." is the narrator)
# (written in capitals too: "said MR. SMITH")
_TITLE_ABBREVIATION = re.compile(r"(?:^|\W)(?:(?i:Mr|Mrs|Ms|Dr|St|Mme|Mlle|Capt|Col|Gen|Prof|Rev)|[A-HJ-Z])$")


# A stop and a closing quotation mark, then a space or a dash.
_QUOTED_STOP = re.compile(r"[.!?][\"”’']+(?=\s|--|—)")


def _last_quoted_stop(text: str) -> int:
    """Two characters before where the sentence after the last stop-and-closing-mark starts (the
    clause then starts past the space, the em dash or the two hyphens after it), or -1."""
    ends = [match.end() for match in _QUOTED_STOP.finditer(text)]
    if not ends:
        return -1
    return ends[-1] if text.startswith("--", ends[-1]) else ends[-1] - 1


def _last_full_stop(text: str) -> int:
    """Where the last ". " of the text is, not counting the stop of a title (`Mrs. Elton said,`)."""
    cut = text.rfind(". ")
    while cut > 0 and _TITLE_ABBREVIATION.search(text, 0, cut):
        cut = text.rfind(". ", 0, cut)
    return cut


def _is_tag_verb(match: re.Match[str]) -> bool:
    verb = _verb(match.group("verb"))
    return verb in SPEECH_VERBS or verb in THOUGHT_VERBS


def _verb(words: str) -> str:
    """The tag verb: "filled in" stays whole, "asked in (shock)" is "asked"."""
    verb = " ".join(words.lower().split())
    return verb if verb in SPEECH_VERBS else verb.split()[0]


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


def _attribute_thoughts(
    work: Work,
    paras: list[_Para],
    thoughts: list[_Found],
    quotes: list[_Found],
    context: _Context,
) -> None:
    """A thinker for each thought: its tag (`* ... * she thought`, `* ... * his brain roared`),
    else whoever the paragraph is about (its opening subject, else the first character named)."""
    text = work.text
    quote_starts = [q.start for q in quotes]
    for thought in sorted(thoughts, key=lambda t: t.start):
        if thought.speaker:
            continue
        para = paras[thought.para]
        # salience for a pronoun thinker: the speakers and names of the last few paragraphs
        conversation = _Conversation()
        window_start = paras[max(0, thought.para - 3)].start
        first = bisect.bisect_left(quote_starts, window_start)
        last = bisect.bisect_left(quote_starts, thought.start)
        conversation.salient = [(q.para, q.speaker) for q in quotes[first:last] if q.speaker]
        for mention in _mentions_between(context, window_start, thought.outer_start):
            if mention.character and not _in_quote(context, mention.start):
                conversation.salient.append((thought.para, mention.character))
        after = text[thought.outer_end : para.end]
        subject, verb, _, _ = _match_after(after, thought.outer_end)
        if subject is not None and (
            verb in THOUGHT_VERBS or verb in SPEECH_VERBS or thought.marker == "asterisk"
        ):
            words = subject.phrase.lower().split()
            if len(words) == 2 and words[0] in ("his", "her") and words[1] in _INNER_NOUNS:
                # `His brain roared`: the owner of the brain thinks
                subject = _Subject(None, "pronoun", "he" if words[0] == "his" else "she", subject.start)
            thinker = _resolve_subject(text, subject, thought, context, conversation, thought.para)
            if thinker:
                thought.speaker = thinker
                continue
        opening = re.match(r"\s*(He|She)\b", text[para.start : thought.outer_start])
        if opening:
            gender = PRONOUN_GENDER[opening.group(1).lower()]
            thinker = _by_gender(gender, context, conversation, thought.para, thought, text, para.start)
            if thinker:
                thought.speaker = thinker
                continue
        narration = [
            m
            for m in _mentions_between(context, para.start, para.end)
            if m.character and not _in_quote(context, m.start)
        ]
        if narration:
            thought.speaker = narration[0].character
        elif conversation.salient:
            thought.speaker = conversation.salient[-1][1]
