"""General English word lists about people: honorifics, pronouns, speech verbs, generic epithets.

Nothing here is knowledge of any fandom: canon names, nicknames and fandom-specific epithets live
in the fandom packs. These lists only say how English refers to people in general.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass


def word_set(words: str) -> frozenset[str]:
    """A set of words written as one whitespace-separated string (long lists read better so)."""
    return frozenset(words.split())


# English nouns for people: one row per word, with the gender the word gives whoever it names and
# what kind of word it is. Every stage's word list is a selection from this table (below), so a
# word added here reaches them all.
#
# Gender: "M", "F", "N" (neither), "U" (says nothing); "F?" or "M?": usually that gender, so it
# may narrow a choice among candidates but never decides a character's gender by itself.
@dataclass(frozen=True, slots=True)
class PersonNoun:
    word: str
    gender: str
    kind: str
    title: bool  # also a title before a name ("Uncle Vernon", "Captain Hastings")
    familiar: bool  # a family's own word for a relative ("mum", "papa"), not the standard one

    @property
    def plain_gender(self) -> str:
        """The gender the word alone states: a lean ("F?") states none."""
        return "U" if self.gender.endswith("?") else self.gender

    @property
    def likely_gender(self) -> str:
        """The gender the word points to, a lean included ("F?" -> "F")."""
        return self.gender.rstrip("?")


# The kinds of family word, by relation to whoever the word is said of ("her mother").
KIN_KINDS = frozenset(
    (
        "parent",
        "grandparent",
        "aunt or uncle",
        "sibling",
        "son or daughter",
        "grandchild",
        "niece or nephew",
        "cousin",
        "godparent",
        "godchild",
    )
)
# Relatives of the generation(s) above, whom the lines call "your mother" speaking to the child.
ELDER_KIN_KINDS = frozenset(("parent", "grandparent", "aunt or uncle"))

# Rows: a kind, a gender, then the words. In the words, "_" joins a phrase ("older_man"), a
# trailing "+" marks a word that is also a title before a name, a trailing "~" a familiar word.
# Kinds besides the family ones: "person" (a grown person), "young person" (a child or a youth), "spouse", "partner", "friend",
# "royal", "noble", "courtesy" (a word of respect that is also a noun: "sir", "the master"),
# "address" (a title only ever written before a name: "Mr", "Frau"), "rank" (an office or rank:
# "Captain", "Doctor"), "role" (a station or occupation: "the maid", "the bride"), "being" (a
# kind of being: "the witch"), "looks" (a description of looks: "the blonde").
_TABLE = """
person          M   man guy gentleman gent fellow bloke chap
person          M   older_man younger_man young_man old_man
person          F   woman lady+ older_woman younger_woman young_woman old_woman
person          U   stranger
young_person    M   boy lad
young_person    F   girl lass
young_person    U   child teenager
spouse          M   husband
spouse          F   wife
partner         M   boyfriend
partner         F   girlfriend
partner         U   partner lover
friend          U   friend best_friend
parent          M   father+ dad~ papa~
parent          F   mother+ mum~ mom~ mamma~ mama~
grandparent     M   grandfather grandpa~
grandparent     F   grandmother grandma~
aunt_or_uncle   M   uncle+
aunt_or_uncle   F   aunt+
sibling         M   brother+
sibling         F   sister+
son_or_daughter M   son
son_or_daughter F   daughter
grandchild      M   grandson
grandchild      F   granddaughter
niece_or_nephew M   nephew
niece_or_nephew F   niece
cousin          U   cousin
godparent       M   godfather
godparent       F   godmother
godchild        M   godson
godchild        F   goddaughter
royal           M   king+ prince+
royal           F   queen+ princess+
noble           M   lord+ duke+ count+ baron+
noble           F   duchess+ countess+ baroness+
courtesy        M   sir+ master+
courtesy        F   madam+ dame+ mistress
address         M   mr mister monsieur m herr signor senor
address         F   mrs miss ms madame mme mlle mademoiselle frau fraulein signora signorina senora
address         F   senorita
address         N   mx
rank            U   dr+ doctor+ prof+ professor+ captain+ capt+ colonel+ col+ major+ general+ gen+
rank            U   lieutenant+ lt+ sergeant+ sgt+ inspector+ detective+ det+ agent+ officer+
rank            U   principal+ coach+ rev+ reverend+ judge+ st+ saint+
role            M   priest monk groom host hero
role            F   actress maid widow bride nun hostess heroine governess
role            F?  nurse+
being           F   witch
being           U   vampire demon
looks           M   blond
looks           F   blonde brunette
looks           F?  redhead red_head red-head
"""


def _read_table(table: str) -> dict[str, PersonNoun]:
    """The table's rows as one PersonNoun per word; a word listed twice is a mistake."""
    nouns: dict[str, PersonNoun] = {}
    for row in table.strip().splitlines():
        kind, gender, *words = row.split()
        kind = kind.replace("_", " ")
        for entry in words:
            word = entry.rstrip("+~").replace("_", " ")
            if word in nouns:
                raise ValueError(f"{word!r} is twice in the table of person nouns")
            title = entry.endswith("+") or kind == "address"
            nouns[word] = PersonNoun(word, gender, kind, title=title, familiar=entry.endswith("~"))
    return nouns


PERSON_NOUNS: dict[str, PersonNoun] = _read_table(_TABLE)


def nouns_of_kinds(kinds: Iterable[str], *, familiar: bool = True) -> list[PersonNoun]:
    """The table's nouns of these kinds, in table order; without the familiar ones on request."""
    wanted = frozenset(kinds)
    unknown = wanted - {noun.kind for noun in PERSON_NOUNS.values()}
    if unknown:
        raise ValueError(f"no person nouns of kind {sorted(unknown)}")
    return [n for n in PERSON_NOUNS.values() if n.kind in wanted and (familiar or not n.familiar)]


# Titles written before a name, with the gender they state ("U" when they say nothing).
HONORIFICS: dict[str, str] = {noun.word: noun.plain_gender for noun in PERSON_NOUNS.values() if noun.title}
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
# they state ("U": any): everyday words for people, their partners and nearest family, not ranks,
# stations or familiar family words. Fandom-specific ones ("the slayer") come from the packs.
EPITHET_KINDS = (
    "person",
    "young person",
    "spouse",
    "partner",
    "friend",
    "parent",
    "sibling",
    "son or daughter",
    "royal",
    "being",
    "looks",
)
EPITHET_NOUNS: dict[str, str] = {
    noun.word: noun.plain_gender for noun in nouns_of_kinds(EPITHET_KINDS, familiar=False)
}

# The gender the head noun of a description points to ("the old woman", "his sister"), a lean
# included ("the nurse": likely a woman): every one-word noun of the table that points to one,
# but for titles only written before a name ("Mrs").
HEAD_NOUN_GENDER: dict[str, str] = {
    noun.word: noun.likely_gender
    for noun in PERSON_NOUNS.values()
    if noun.likely_gender in ("M", "F") and noun.kind != "address" and " " not in noun.word
}

# The family words, with the gender they state ("cousin" states none).
KIN_WORD_GENDER: dict[str, str] = {noun.word: noun.plain_gender for noun in nouns_of_kinds(KIN_KINDS)}

# The title a married parent or spouse goes by, by gender ("his mother": a "Mrs.").
MARRIED_TITLE = {"F": "mrs", "M": "mr"}


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

# Japanese words for family members, as fan fiction of anime and manga writes them in romaji with
# their honorific ("Kaa-san", "Nii-chan"): words for "mother" or "big brother" like "Mom", never
# a name of their own.
NOT_NAMES = NOT_NAMES | word_set(
    """tou-san tou-chan otou-san otou-sama chichi-ue kaa-san kaa-chan okaa-san okaa-sama haha-ue
    nii-san nii-chan onii-san onii-chan onii-sama nee-san nee-chan onee-san onee-chan onee-sama
    aniki aneki jii-san jii-chan ojii-san ojii-chan ojii-sama baa-san baa-chan obaa-san
    obaa-chan obaa-sama"""
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
