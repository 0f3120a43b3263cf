"""General English word lists about people: honorifics, pronouns, speech verbs, generic epithets.

Nothing here is knowledge of any fandom: canon names, nicknames and fandom-specific epithets live
in the fandom packs. These lists only say how English refers to people in general.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def word_set(words: str) -> frozenset[str]:
    """A set of words written as one whitespace-separated string (long lists read better so)."""
    return frozenset(words.split())


# Titles written before a name, with the gender they imply ("U" when they say nothing).
HONORIFICS: dict[str, str] = {
    "mr": "M",
    "mister": "M",
    "sir": "M",
    "lord": "M",
    "monsieur": "M",
    "m": "M",
    "herr": "M",
    "signor": "M",
    "senor": "M",
    "uncle": "M",
    "father": "M",
    "brother": "M",
    "prince": "M",
    "king": "M",
    "duke": "M",
    "count": "M",
    "baron": "M",
    "master": "M",
    "mrs": "F",
    "miss": "F",
    "ms": "F",
    "lady": "F",
    "madame": "F",
    "madam": "F",
    "mme": "F",
    "mlle": "F",
    "mademoiselle": "F",
    "frau": "F",
    "fraulein": "F",
    "signora": "F",
    "signorina": "F",
    "aunt": "F",
    "mother": "F",
    "sister": "F",
    "princess": "F",
    "queen": "F",
    "duchess": "F",
    "countess": "F",
    "baroness": "F",
    "dame": "F",
    "mx": "N",
    "dr": "U",
    "doctor": "U",
    "prof": "U",
    "professor": "U",
    "captain": "U",
    "capt": "U",
    "colonel": "U",
    "col": "U",
    "major": "U",
    "general": "U",
    "gen": "U",
    "lieutenant": "U",
    "lt": "U",
    "sergeant": "U",
    "sgt": "U",
    "inspector": "U",
    "detective": "U",
    "det": "U",
    "agent": "U",
    "officer": "U",
    "principal": "U",
    "coach": "U",
    "rev": "U",
    "reverend": "U",
    "judge": "U",
    "nurse": "U",
    "st": "U",
    "saint": "U",
}
# A title counts as one only before a capitalised name ("Major Callendar"); alone ("the Major")
# it is an ordinary capitalised word, a name when the text treats it as one.

# Third-person singular pronouns and the gender they refer to.
GENDER_OF_PRONOUN: dict[str, str] = {
    "he": "M",
    "him": "M",
    "his": "M",
    "himself": "M",
    "she": "F",
    "her": "F",
    "hers": "F",
    "herself": "F",
}
FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself"})

# Verbs that introduce or follow speech ("X said", "said X"), in the forms stories use.
SPEECH_VERBS = word_set(
    """said says say asked asks replied replies answered answers exclaimed exclaims cried cries
    shouted shouts yelled yells called calls whispered whispers muttered mutters murmured murmurs
    mumbled mumbles grumbled grumbles growled growls snapped snaps sighed sighs laughed laughs
    giggled giggles added adds continued continues began begins started starts insisted insists
    explained explains remarked remarks commented comments noted notes told tells agreed agrees
    demanded demands declared declares announced announces suggested suggests offered offers
    admitted admits whined whines teased teases retorted retorts returned returns responded
    responds observed observes interrupted interrupts repeated repeats protested protests
    pleaded pleads begged begs urged urges warned warns wondered wonders thought thinks
    breathed breathes groaned groans moaned moans hissed hisses screamed screams squeaked squeaks
    stammered stammers stuttered stutters gasped gasps sobbed sobs pointed informed informs
    assured assures revealed reveals decided decides mimicked mimicks mimics finished finishes
    corrected corrects concluded concludes ventured ventures rejoined rejoins resumed resumes
    persisted persists joked jokes smiled smiles grinned grins purred purrs drawled drawls
    barked barks roared roars bellowed bellows sneered sneers scoffed scoffs chuckled chuckles
    snorted snorts shrieked shrieks wailed wails confessed confesses conceded concedes
    exploded explodes spoke speaks"""
)

# Endearments and vocatives: what characters call each other, never a name of its own.
ENDEARMENTS = word_set(
    """luv love pet honey sweetie sweetheart darling dear dearest babe baby hon sugar sweetie-pie
    mate buddy pal dude man sir ma'am madam kid kiddo sport bro sis precious angel cutie lovey
    ducky poppet"""
)

# Generic nouns that stand for a person after "the" ("the blonde", "the girl"), with the gender
# they suggest ("U": any). Fandom-specific ones ("the slayer") come from the packs.
EPITHET_NOUNS: dict[str, str] = {
    "man": "M",
    "boy": "M",
    "guy": "M",
    "gentleman": "M",
    "lad": "M",
    "fellow": "M",
    "bloke": "M",
    "husband": "M",
    "boyfriend": "M",
    "brother": "M",
    "father": "M",
    "son": "M",
    "king": "M",
    "prince": "M",
    "woman": "F",
    "girl": "F",
    "lady": "F",
    "wife": "F",
    "girlfriend": "F",
    "sister": "F",
    "mother": "F",
    "daughter": "F",
    "queen": "F",
    "princess": "F",
    "witch": "F",
    "blonde": "F",
    "brunette": "F",
    "blond": "M",
    "redhead": "U",
    "red head": "U",
    "red-head": "U",
    "vampire": "U",
    "demon": "U",
    "teenager": "U",
    "child": "U",
    "stranger": "U",
    "older man": "M",
    "younger man": "M",
    "older woman": "F",
    "younger woman": "F",
    "young man": "M",
    "young woman": "F",
    "old man": "M",
    "old woman": "F",
    "friend": "U",
    "best friend": "U",
    "partner": "U",
    "lover": "U",
}

# Capitalised words that are never names on their own: function words that start sentences,
# interjections, calendar words, and words for the deity.
NOT_NAMES = word_set(
    """a an the and but or nor so yet for if then than that this these those there here when where
    why how what which who whom whose while though although because since until unless after
    before once as at by in on of off to from into onto upon with without within about above below
    under over through between among against during toward towards across behind beside besides
    around near past up down out all any both each every either neither some such no not none
    nothing something anything everything someone somebody anyone anybody everyone everybody
    noone nobody i me my mine myself you your yours yourself we us our ours he him his she her
    hers it its they them their one ones is are was were be been being am do does did done have
    has had having can could will would shall should may might must let lets let's ok okay oh ah
    aha ahh ahem aw awe eh er erm hey hi hello hmm hmmm huh mm mmm no nope oops ouch uh um well
    wow yeah yes yep yup ugh whoa hah ha haha o hallo hullo ow bother hush shh psst pshaw humph hm alas bye goodbye goodnight thanks thank please sorry
    sure right fine good great just only even still also too very really maybe perhaps now soon
    later today tonight tomorrow yesterday again never always often ever already almost quite
    rather indeed instead anyway meanwhile suddenly finally besides however therefore otherwise
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december spring summer autumn winter fall
    christmas easter halloween god gods lord jesus christ heaven hell chapter part prologue
    epilogue book volume section scene end title author rating summary disclaimer notes note
    feedback pairing pairings spoilers warning warnings dedication archive fic fanfic story
    tv dvd cd pc ok mr mrs ms dr st jr sr dear poor little old young big great new other another
    first second third last next mom mum dad mommy daddy mama papa"""
)

# More capitalised words that are never someone's name: exclamations and poetic imperatives
# ("Behold him there"), foreign oaths, styles of address ("her Ladyship", "your Majesty"), feast days and seasons of the year, weekdays and months in
# the plural, feelings or faculties that open a sentence ("Instinct told her to run", "Happy?"),
# and languages ("she could speak no English").
NOT_NAMES = NOT_NAMES | word_set(
    """behold lo hark hallo alack egad zounds gadzooks forsooth prithee amen hurrah hurray hooray
    bravo encore goodness gosh golly gee jeez geez damn dammit darn blast crikey blimey bloody
    fuck fucking shit crap bollocks
    sapristi parbleu mordieu sacrebleu caramba lor lawk lawks bah tut drat
    ladyship lordship majesty highness excellency
    midsummer midwinter michaelmas candlemas lammas whitsun whitsuntide lent advent pentecost
    passover ramadan hanukkah yuletide yule
    mondays tuesdays wednesdays thursdays fridays saturdays sundays
    instinct happy sad angry tired hungry lonely scared afraid jealous curious bored relief
    silence darkness hate fear anger pain panic guilt shame pride despair dread
    english french spanish german italian latin greek russian dutch portuguese chinese japanese"""
)

# Calendar words that are also given names: a story may call a character "April" or "June". The
# characters stage takes one for a name only where the text uses it as a person (see
# ``characters._calendar_names``); elsewhere it stays a date.
CALENDAR_GIVEN_NAMES = word_set("april may june august summer autumn")

# Words after which a capitalised word is probably a place, not a person.
PLACE_PREPOSITIONS = frozenset({"in", "at", "to", "from", "into", "near", "toward", "towards", "through"})

# Words after a possessive name that show it stands alone ("sent the children to Molly's for the
# night": Molly's house, a place) rather than owning the next word ("in Sam's lap").
NOT_OWNED_AFTER_POSSESSIVE = word_set(
    """for and or but to in at on with after before until till that where when while by from as
    so then again too instead"""
)

# Determiners and similar words that make a following capitalised word a thing or a title.
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})

# Last words that make a run of capitalised words a place or an institution ("Donwell Abbey").
PLACE_HEADS = word_set(
    """abbey grove street st road rd lane avenue ave hall park house court place square manor lodge
    farm mill bridge river lake mount mountain mountains hill hills island islands hotel inn school
    college university hospital church chapel cathedral castle palace tower station company bank
    office street cemetery mall high club bar cafe restaurant theatre theater museum library gardens
    garden common green wood woods forest valley bay harbour harbor port city town village county
    shire kingdom empire republic ocean sea coast beach row terrace crescent gate gates fields
    buildings"""
)

# Common irregular past-tense verbs: a capitalised word followed by one of these acts like a person.
PAST_TENSE = word_set(
    """was had knew met got went saw took came felt thought said told gave made ran sat stood held
    kept left heard found began brought caught fell grew hid hit hung led lay lost meant paid put
    read rode rose sang sank shook shot shut slept spoke spent stole struck swam swore threw understood
    woke wore won wrote bit blew broke chose drew drank drove ate flew forgot forgave froze"""
)


# Conjunctions and prepositions that open a sentence and are no part of a name after them
# ("Except Emmanellain had...").
SENTENCE_OPENERS = word_set(
    """
    after although and as because before but except if instead once or since so then though unless
    until when whenever where while with without yet
    """
)

# An AO3 disambiguation after a name: "Helix - Character", "Undyne (Undertale)". No name part.
_DISAMBIGUATION = re.compile(r"\s+(?:-\s.*|\([^()]*\))\s*$")

# Words that open a description rather than a name: "the Doctor", "my lady" say no family name.
_NOT_NAME_OPENERS = frozenset(("the", "my", "a", "an"))


def without_disambiguation(name: str) -> str:
    """The name without AO3's disambiguating suffix ("Undyne (Undertale)" -> "Undyne")."""
    return _DISAMBIGUATION.sub("", name).strip()


def family_name(name: str, *, family_first: bool = False) -> str | None:
    """The family-name word of a name of two words or more: the first in fandoms that write the
    family name first (AO3's "Uzumaki Naruto"), else the last; None for a one-word name or a
    description ("the Doctor"). An AO3 disambiguation suffix is no word of the name."""
    words = without_disambiguation(name).split()
    if len(words) < 2 or words[0].lower() in _NOT_NAME_OPENERS:
        return None
    return words[0] if family_first else words[-1]


def family_names(name: str, aliases: Iterable[str], *, birth_only: bool = False) -> set[str]:
    """The lower-cased family names a character goes by: that of her name and of every alias of
    two words or more ("Elinor" is also "Miss Dashwood"). A form whose family word is one of her
    one-word names says none ("Miss Elizabeth"); with ``birth_only``, a "Mrs." form says none
    either (Lucy Steele as "Mrs. Robert Ferrars" is no Ferrars by birth)."""
    forms = [_plain(form) for form in (name, *aliases)]
    given = {form for form in forms if len(form.split()) == 1}
    found = set()
    for form in forms:
        family = family_name(form)
        if family is None or family in given or (birth_only and form.split()[0] == "mrs"):
            continue
        found.add(family)
    return found


def _plain(name: str) -> str:
    """A name lower-cased, without dots or curly apostrophes and its disambiguation suffix."""
    name = without_disambiguation(name)
    return " ".join(name.lower().replace("’", "'").replace(".", "").split())
