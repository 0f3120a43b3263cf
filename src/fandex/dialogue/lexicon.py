"""General English for reading dialogue: speech and thought verbs, pronouns, the words that are
never a subject, the tag regexes the finding and attribution rules share, and quote marks.
"""

from __future__ import annotations

import re

from fandex import person_words

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


# Elisions that open with an apostrophe and are not quote openers: 'em, 'tis, 'cause...
_ELISIONS = re.compile(
    r"(?:em|tis|twas|cause|cos|bout|til|till|n|round|ere|im|er|ave|e|ow|appen|course)\b", re.I
)


_WORD = r"[A-Za-z][\w'’.-]*"


_ADVERB = r"(?:[a-z]+ly|then|again|now|too|back|once|still|quietly|aloud|out|up|in|softly|simply|thus)"
# `said this lady`, `said that young gentleman`, `said another voice`: a demonstrative or
# "another" before a description (never before a pronoun or a verb: "this he said", "that was")


# `said this lady`, `said that young gentleman`, `said another voice`: a demonstrative or
# "another" before a description (never before a pronoun or a verb: "this he said", "that was")
_DEMONSTRATIVE = (
    r"(?:[Tt]his|[Tt]hat|[Aa]nother)(?=\s+(?!(?:he|she|I|they|we|it|is|was|were|had|has|would|"
    r"could|will|did|of|one|the|an?|his|her|its|my|our|your|their|this|that)\b)[a-z])"
)
# A subject: capitalised words (a name, maybe with a title), a pronoun, or a determiner + up to
# three words (an epithet: "the old man", "his mother", "the red head").


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


# "Willow asked", "she said softly", "the vampire replied"
_TAG_SUBJ_VERB = re.compile(rf"{_SUBJECT}\s+(?:{_ADVERB}\s+)?{_VERB}\b")
# An epithet subject of exactly n words after its determiner, for n = 1..4.


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


# "said Buffy", "replied the old man", "said he"
# (`added little Amy`, `cried poor Mrs. Allen`: an endearing or pitying adjective before a name
# is no part of it)
_NAME_ADJECTIVE = r"(?:(?:little|poor|old|young|dear|good|big|honest|kind|pretty)\s+(?=[A-Z]))?"


_TAG_VERB_SUBJ = re.compile(rf"{_VERB}\s+(?:{_ADVERB}\s+)?{_NAME_ADJECTIVE}{_SUBJECT}")
# `"...," yawned Mrs. Moore.`, `piped Rafi, the engineer's nephew`, `reinforced the Major.`: a past
# tense verb and then a name or a short description that the clause ends on (or a comma follows)
# can only be a speech tag, whatever the verb; the verb list need not know "yawned" or "piped"


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


# `Marianne, who could only exclaim,` / `Miss Steele, who ..., and who now said rather abruptly,`
_WHO_SUBJECT = re.compile(rf"(?<![\w'’]){_SUBJECT},\s+who\b")
# `sitting on a sofa with Dan, who said,`: the name alone, which the subject pattern above reads as
# part of a description ("a sofa with Dan")


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


# PDNC's texts lost some apostrophes: "Catherine s answer"
_NAMED_ANSWER = re.compile(
    r"(?P<link>was|were|came)\s+(?P<subj>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}?)(?:'s|’s|\ss)\s+"
    r"(?:[a-z]+\s+)?(?P<noun>[a-z]+)\b"
)
# `was all she said`, `was all that Mrs. Milvain vouchsafed`: what she said was the whole of it


# `was all she said`, `was all that Mrs. Milvain vouchsafed`: what she said was the whole of it
_ALL_SAID = re.compile(
    r"(?:was|were)\s+all\s+(?:that\s+)?(?P<subj>he|she|[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})"
    r"\s+(?:(?:could|would|did)\s+)?(?P<verb>[a-z]+)\b"
)
# `"the sort of thing no white man could have written," as Mrs. Lesley said.`: a line credited
# to whom "as" says said it, the clause ending there


# `"the sort of thing no white man could have written," as Mrs. Lesley said.`: a line credited
# to whom "as" says said it, the clause ending there
_AS_SAID = re.compile(
    r"as\s+(?P<subj>he|she|[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})"
    r"\s+(?:(?:had|has|would|did)\s+)?(?P<verb>[a-z]+)(?:\s+it)?\s*(?:,|$)"
)
# `"Don't!" from the Major.`: a line credited to someone with no verb at all


# `"Don't!" from the Major.`: a line credited to someone with no verb at all
_FROM_SUBJECT = re.compile(rf"from\s+{_SUBJECT}\s*(?:,|$)")
# (up to six words after the determiner: "the gentleman in the white waistcoat")


# (up to six words after the determiner: "the gentleman in the white waistcoat")
_EPITHET_TO_PUNCTUATION = re.compile(r"(?P<subj>\w+(?:\s+[\w'’-]+){1,6})(?=\s*(?:[,.;:!?—]|--|$))")
# A manner adverb closing a description tag, after the determiner and at least one more word.
# (-ly adjectives that do describe a person are kept: "the elderly man".)


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


# A narration paragraph longer than this (words) ends a conversation for turn-taking: more than a
# short beat between two lines usually brings in other people or a new exchange.
LONG_NARRATION = 20
# Narration this long (words) between two lines, though it shares a paragraph with either (the
# last line's tail and the next one's lead-in), ends a conversation as a long narration paragraph
# does: a walk home after a visit, told in one paragraph that ends on the next talk's first line
# (PDNC dev: 50 to 100 words all gain, 60 best).


# Narration this long (words) between two lines, though it shares a paragraph with either (the
# last line's tail and the next one's lead-in), ends a conversation as a long narration paragraph
# does: a walk home after a visit, told in one paragraph that ends on the next talk's first line
# (PDNC dev: 50 to 100 words all gain, 60 best).
LONG_LEAD_IN = 60


GAPMODE = 6
# How many paragraphs before a conversation, in the same scene, name the people taking part in it.


# How many paragraphs before a conversation, in the same scene, name the people taking part in it.
PEOPLE_LOOKBACK = 4
# How far back (paragraphs) a pronoun looks for its referent.


# How far back (paragraphs) a pronoun looks for its referent.
SALIENCE_WINDOW = 8
