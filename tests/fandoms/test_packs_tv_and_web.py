"""Packs of TV, web-series and game fandoms added in the ninth round (Miraculous, The Umbrella
Academy, Criminal Minds, Glee, The 100, Lucifer, Sanders Sides, Undertale, Detroit: Become Human,
Daredevil, Overwatch, Homestuck, House M.D.): each pack's own choices, checked by hand against the packs. Their
snippets and near misses are in test_pack_snippets.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from fandex.fandoms import FandomPack, character_index, get_pack, ship_members
from fandex.taggers.declared import Synonyms, same_person


def bundled(name: str) -> FandomPack:
    pack = get_pack(name)
    assert pack is not None, f"no bundled pack named {name!r}"
    return pack


def aliases_of(pack: FandomPack) -> set[str]:
    """The lower-cased names and aliases: the keys that detect the fandom."""
    return {a.lower() for c in pack.characters for a in (c.name, *c.aliases)}


@dataclass(frozen=True)
class PackCase:
    """One pack's own choices: what each listed key resolves to, which words never detect the
    fandom, the genders and the ships' members it gives, and the few words it files elsewhere."""

    lookup: str  # the name the pack is asked for by
    full_name: str | None  # the pack's own name, where the case checks it
    resolves: dict[str, str]  # lower-cased key -> the character's name
    never_detect: set[str]  # words that are no name or alias of the pack
    genders: dict[str, str] = field(default_factory=dict)  # key -> gender
    ships: dict[str, tuple[str, str]] = field(default_factory=dict)  # ship -> its two members
    endearments: tuple[str, ...] = ()  # words of affection: no character's key
    places: tuple[str, ...] = ()  # lower-cased places of the pack
    not_places: tuple[str, ...] = ()  # lower-cased places that are no place of it


PACK_CASES = [
    pytest.param(
        PackCase(
            "Miraculous Ladybug",
            "Miraculous: Tales of Ladybug & Cat Noir",
            resolves={
                "ladybug": "Marinette Dupain-Cheng",
                "chat noir": "Adrien Agreste",
                "cat noir": "Adrien Agreste",
                "chaton": "Adrien Agreste",
                "hawk moth": "Gabriel Agreste",
                "agreste": "Gabriel Agreste",
                "mayura": "Nathalie Sancoeur",
                "master fu": "Wang Fu",
            },
            # English words and common given names never detect the fandom; Paris is no place of it.
            never_detect={"ladybug", "tom", "kim", "max", "rose", "ivan", "luka", "nino"},
            not_places=("paris",),
            genders={"tikki": "F", "plagg": "M"},
            ships={
                "Adrienette": ("Adrien Agreste", "Marinette Dupain-Cheng"),
                "DJWifi": ("Alya Césaire", "Nino Lahiffe"),
            },
        ),
        id="miraculous-hero-names-and-ships",
    ),
    pytest.param(
        PackCase(
            "The Umbrella Academy",
            "The Umbrella Academy (TV)",
            resolves={
                "five": "Number Five | The Boy",
                "number four": "Klaus Hargreeves",
                "hargreeves": "Reginald Hargreeves",
                "sir reginald": "Reginald Hargreeves",
                "vanya": "Viktor Hargreeves",
                "spaceboy": "Luther Hargreeves",
                "the kraken": "Diego Hargreeves",
            },
            never_detect={"five", "ben", "grace", "luther", "mom"},
            genders={"allison": "F", "viktor": "M"},
            ships={"Klave": ("Klaus Hargreeves", "Dave Katz (Umbrella Academy)")},
        ),
        id="umbrella-academy-numbers-and-the-father",
    ),
    pytest.param(
        PackCase(
            "Criminal Minds",
            "Criminal Minds (US TV)",
            resolves={
                "reid": "Spencer Reid",
                "hotch": "Aaron Hotchner",
                "jj": 'Jennifer "JJ" Jareau',
                "prentiss": "Emily Prentiss",
                "rossi": "David Rossi",
                "the reaper": "George Foyet",
                "spence": "Spencer Reid",
            },
            # "baby girl" is Morgan's word for Garcia: an endearment, nobody's nickname.
            endearments=("baby girl",),
            never_detect={"jack", "will", "henry", "kevin"},
            genders={"garcia": "F", "morgan": "M"},
            ships={
                "Moreid": ("Derek Morgan", "Spencer Reid"),
                "Jemily": ("Emily Prentiss", 'Jennifer "JJ" Jareau'),
            },
        ),
        id="criminal-minds-surnames-and-ships",
    ),
    pytest.param(
        PackCase(
            "Glee",
            None,
            resolves={
                "puck": "Noah Puckerman",
                "puckerman": "Noah Puckerman",
                "hummel": "Kurt Hummel",
                "mr. schue": "Will Schuester",
                "porcelain": "Kurt Hummel",
                "britt": "Brittany S. Pierce",
                "wheels": "Artie Abrams",
            },
            never_detect={"puck", "will", "sam", "mike", "sue", "tina", "mercedes", "hudson", "evans"},
            genders={"santana": "F", "blaine": "M"},
            ships={
                "Klaine": ("Blaine Anderson", "Kurt Hummel"),
                "Brittana": ("Brittany S. Pierce", "Santana Lopez"),
            },
        ),
        id="glee-nicknames-and-ships",
    ),
    pytest.param(
        PackCase(
            "The 100",
            "The 100 (TV)",
            resolves={
                "blake": "Bellamy Blake",
                "griffin": "Clarke Griffin",
                "wanheda": "Clarke Griffin",
                "heda": "Lexa (The 100)",
                "the commander": "Lexa (The 100)",
                "murphy": "John Murphy",
                "raven": "Raven Reyes",
            },
            never_detect={"raven", "echo", "luna", "murphy", "octavia", "lincoln", "princess"},
            genders={"lexa": "F", "bellamy": "M"},
            ships={
                "Bellarke": ("Bellamy Blake", "Clarke Griffin"),
                "Clexa": ("Clarke Griffin", "Lexa (The 100)"),
            },
        ),
        id="the-100-surnames-titles-and-ships",
    ),
    pytest.param(
        PackCase(
            "Lucifer (TV)",
            None,
            resolves={
                "lucifer": "Lucifer Morningstar",
                "morningstar": "Lucifer Morningstar",
                "the devil": "Lucifer Morningstar",
                "the detective": "Chloe Decker",
                "maze": "Mazikeen (Lucifer TV)",
                "cain": "Marcus Pierce",
                "dr. linda": "Linda Martin",
            },
            # the biblical names are nicknames: they never detect the fandom
            never_detect={"lucifer", "eve", "cain", "michael", "god", "uriel"},
            genders={"chloe": "F", "amenadiel": "M"},
            ships={"Deckerstar": ("Chloe Decker", "Lucifer Morningstar")},
        ),
        id="lucifer-biblical-names-are-nicknames",
    ),
    pytest.param(
        PackCase(
            "Sanders Sides",
            None,
            resolves={
                "patton": "Morality | Patton Sanders",
                "virgil": "Anxiety | Virgil Sanders",
                "logan": "Logic | Logan Sanders",
                "princey": "Creativity | Roman Sanders",
                "dee": "Deceit | Janus Sanders",
                "the duke": "Creativity | Remus Sanders",
                "sanders": "Thomas Sanders (Sanders Sides)",
            },
            # Names of Rome, a god, another canon's werewolf and mutant, and the traits' words.
            never_detect={"roman", "janus", "remus", "logan", "logic", "anxiety", "deceit"},
            endearments=("kiddo",),
            ships={
                "Prinxiety": ("Anxiety | Virgil Sanders", "Creativity | Roman Sanders"),
                "Logicality": ("Logic | Logan Sanders", "Morality | Patton Sanders"),
            },
        ),
        id="sanders-sides-traits-and-shared-names-are-nicknames",
    ),
    pytest.param(
        PackCase(
            "Undertale",
            "Undertale (Video Game)",
            resolves={
                "sans": "Sans (Undertale)",
                "paps": "Papyrus (Undertale)",
                "goat mom": "Toriel (Undertale)",
                "asgore": "Asgore Dreemurr",
                "gaster": "W. D. Gaster",
                "ralsei": "Ralsei (Deltarune)",
            },
            # the monsters and the children they call "they"
            genders={"frisk": "N", "chara": "N", "undyne": "F"},
            never_detect={"kris", "susie", "the king"},
            ships={
                "Soriel": ("Sans (Undertale)", "Toriel (Undertale)"),
                "Alphyne": ("Alphys (Undertale)", "Undyne (Undertale)"),
            },
        ),
        id="undertale-monsters-and-the-children-they-call-they",
    ),
    pytest.param(
        PackCase(
            "Detroit: Become Human",
            None,
            resolves={
                "connor": "Connor (Detroit: Become Human)",
                "rk800": "Connor (Detroit: Become Human)",
                "the lieutenant": "Hank Anderson",
                "nines": "RK900 (Detroit: Become Human)",
                "reed": "Gavin Reed",
                "kamski": "Elijah Kamski",
            },
            # the androids' names are nicknames, their model numbers aliases
            never_detect={"connor", "markus", "kara", "alice", "north", "simon", "josh", "hank"},
            genders={"north": "F", "markus": "M"},
            ships={
                "Hankcon": ("Connor (Detroit: Become Human)", "Hank Anderson"),
                "Reed900": ("Gavin Reed", "RK900 (Detroit: Become Human)"),
            },
        ),
        id="detroit-android-names-are-nicknames-model-numbers-aliases",
    ),
    pytest.param(
        PackCase(
            "Daredevil",
            "Daredevil (TV)",
            resolves={
                "murdock": "Matt Murdock",
                "the devil of hell's kitchen": "Matt Murdock",
                "foggy": "Foggy Nelson",
                "the punisher": "Frank Castle",
                "kingpin": "Wilson Fisk",
                "page": "Karen Page",
                "stick": "Stick (Marvel)",
            },
            never_detect={"matt", "frank", "claire", "stick", "page", "red"},
            places=("hell's kitchen",),
            ships={
                "Nelson/Murdock": ("Foggy Nelson", "Matt Murdock"),
                "Kastle": ("Frank Castle", "Karen Page"),
            },
        ),
        id="daredevil-firm-masks-and-ships",
    ),
    pytest.param(
        PackCase(
            "Overwatch",
            "Overwatch (Video Game)",
            resolves={
                "mccree": "Cole Cassidy | Jesse McCree",
                "cassidy": "Cole Cassidy | Jesse McCree",
                "shimada": "Hanzo Shimada",
                "tracer": "Lena Oxton",
                "mercy": "Angela Ziegler",
                "soldier: 76": "Jack Morrison",
                "reaper": "Gabriel Reyes",
                "widowmaker": "Amélie Lacroix",
            },
            never_detect={"mercy", "reaper", "tracer", "soldier", "winston", "jack", "ana", "mei"},
            genders={"pharah": "F", "hanzo": "M"},
            ships={
                "McHanzo": ("Cole Cassidy | Jesse McCree", "Hanzo Shimada"),
                "Pharmercy": ("Angela Ziegler", "Fareeha Amari"),
            },
        ),
        id="overwatch-call-signs-and-ships",
    ),
    pytest.param(
        PackCase(
            "Homestuck",
            None,
            resolves={
                "egbert": "John Egbert",
                "strider": "Dave Strider",
                "lalonde": "Rose Lalonde",
                "karkat": "Karkat Vantas",
                "carcinogeneticist": "Karkat Vantas",
                "dirk": "Dirk Strider",
                "roxy": "Roxy Lalonde",
            },
            # The kids' common given names and the handles' two-letter initials never detect the fandom.
            never_detect={"john", "dave", "rose", "jade", "jake", "jane", "dirk", "roxy", "eb", "tg"},
            genders={"terezi": "F", "sollux": "M"},
            ships={
                "Davekat": ("Dave Strider", "Karkat Vantas"),
                "Rosemary": ("Kanaya Maryam", "Rose Lalonde"),
            },
        ),
        id="homestuck-surnames-trolls-and-handles",
    ),
    pytest.param(
        PackCase(
            "House MD",
            "House M.D.",
            resolves={
                "house": "Gregory House",
                "greg house": "Gregory House",
                "the diagnostician": "Gregory House",
                "wilson": "James Wilson",
                "jimmy": "James Wilson",
                "cuddy": "Lisa Cuddy",
                "dr. cameron": "Allison Cameron",
                "thirteen": "Remy Hadley",
            },
            # Given names and words only resolve mentions; they never detect the fandom.
            never_detect={"greg", "james", "lisa", "cameron", "thirteen", "allison"},
            ships={
                "Hilson": ("Gregory House", "James Wilson"),
                "Huddy": ("Gregory House", "Lisa Cuddy"),
            },
        ),
        id="house-surnames-synonyms-and-ships",
    ),
]


@pytest.mark.parametrize("case", PACK_CASES)
def test_a_pack_s_own_choices(case: PackCase) -> None:
    pack = bundled(case.lookup)
    if case.full_name is not None:
        assert pack.name == case.full_name
    index = character_index(pack)
    assert {key: index[key].name for key in case.resolves} == case.resolves
    assert not case.never_detect & aliases_of(pack)
    assert {key: index[key].gender for key in case.genders} == case.genders
    for ship, members in case.ships.items():
        assert ship_members(pack, ship) == members, ship
    for word in case.endearments:
        assert word not in index and word in pack.endearments, word
    places = {p.lower() for p in pack.places}
    assert set(case.places) <= places
    assert not set(case.not_places) & places


def test_house_synonyms_name_one_man_and_not_his_parents() -> None:
    synonyms = Synonyms([bundled("House MD")])
    # AO3 files the tag "Greg House" under "Gregory House"; the pack says so, not a rule on given names.
    assert same_person("Greg House", "Gregory House", synonyms)
    assert same_person("Greg", "Gregory House", synonyms)
    assert not same_person("Greg House", "Gregory House")
    # His parents carry his family name and stay themselves.
    assert not same_person("Greg House", "John House", synonyms)
    assert not same_person("Greg", "Blythe House", synonyms)


def test_arcane_league_names_given_names_and_ships() -> None:
    pack = bundled("Arcane (Cartoon 2021)")
    assert pack.name == "Arcane: League of Legends (Cartoon 2021)"
    index = character_index(pack)
    expected = {
        "vi": "Vi (League of Legends)",
        "powder": "Jinx (League of Legends)",
        "kiramman": "Caitlyn (League of Legends)",
        "cait": "Caitlyn (League of Legends)",
        "jayce talis": "Jayce (League of Legends)",
        "viktor": "Viktor (League of Legends)",
        "mel": "Mel Medarda",
    }
    assert {key: index[key].name for key in expected} == expected
    # Common given names, English words and a town only resolve mentions; they never detect it.
    assert not {"caitlyn", "viktor", "mel", "powder", "singed", "warwick", "violet"} & aliases_of(pack)
    # Mel and her mother share the family name, so it names neither alone.
    assert "medarda" not in index
    assert index["jinx"].gender == "F" and index["silco"].gender == "M"
    assert ship_members(pack, "Caitvi") == ("Caitlyn (League of Legends)", "Vi (League of Legends)")
    assert ship_members(pack, "Jayvik") == ("Jayce (League of Legends)", "Viktor (League of Legends)")


def test_owl_house_words_family_names_and_ships() -> None:
    pack = bundled("The Owl House")
    assert pack.name == "The Owl House (Cartoon)"
    index = character_index(pack)
    expected = {
        "luz": "Luz Noceda",
        "the owl lady": "Eda Clawthorne",
        "the golden guard": "Hunter (The Owl House)",
        "king": "King (The Owl House)",
        "amity": "Amity Blight",
        "belos": "Emperor Belos",
    }
    assert {key: index[key].name for key in expected} == expected
    # English words and given names other canons share only resolve mentions; they never detect it.
    assert not {"amity", "king", "willow", "hunter", "lilith", "gus", "raine"} & aliases_of(pack)
    # Family names several of the cast carry name nobody alone.
    assert not {"blight", "clawthorne", "noceda"} & set(index)
    assert index["raine"].gender == "N" and index["willow"].gender == "F"
    assert ship_members(pack, "Lumity") == ("Amity Blight", "Luz Noceda")
    assert ship_members(pack, "Raeda") == ("Eda Clawthorne", "Raine Whispers")


def test_gravity_falls_grunkles_given_names_and_ships() -> None:
    pack = bundled("Gravity Falls (Cartoon)")
    assert pack.name == "Gravity Falls"
    index = character_index(pack)
    expected = {
        "grunkle stan": "Stanley Pines",
        "grunkle ford": "Stanford Pines",
        "sixer": "Stanford Pines",
        "soos": "Soos Ramirez",
        "dipper": "Dipper Pines",
        "mason pines": "Dipper Pines",
        "mcgucket": "Fiddleford McGucket",
    }
    assert {key: index[key].name for key in expected} == expected
    # Words and given names only resolve mentions; they never detect the fandom.
    assert not {"dipper", "mabel", "stan", "ford", "wendy", "bill", "corduroy", "cipher"} & aliases_of(pack)
    # Five Pines: the family name names nobody alone.
    assert "pines" not in index
    assert ship_members(pack, "Billdip") == ("Bill Cipher", "Dipper Pines")
    assert ship_members(pack, "Mabifica") == ("Mabel Pines", "Pacifica Northwest")


def test_she_ra_words_names_and_ships() -> None:
    pack = bundled("She-Ra and the Princesses of Power")
    assert pack.name == "She-Ra and the Princesses of Power (2018)"
    index = character_index(pack)
    expected = {
        "she-ra": "Adora (She-Ra)",
        "catra": "Catra (She-Ra)",
        "sparkles": "Glimmer (She-Ra)",
        "queen glimmer": "Glimmer (She-Ra)",
        "hordak": "Hordak (She-Ra)",
        "double trouble": "Double Trouble (She-Ra)",
    }
    assert {key: index[key].name for key in expected} == expected
    # English words and given names only resolve mentions; they never detect the fandom.
    assert not {"bow", "glimmer", "sea hawk", "double trouble", "kyle", "micah"} & aliases_of(pack)
    assert index["double trouble"].gender == "N" and index["bow"].gender == "M"
    assert ship_members(pack, "Catradora") == ("Adora (She-Ra)", "Catra (She-Ra)")
    assert ship_members(pack, "Glimbow") == ("Bow (She-Ra)", "Glimmer (She-Ra)")


def test_steven_universe_gem_words_and_ships() -> None:
    pack = bundled("Steven Universe")
    assert pack.name == "Steven Universe (Cartoon)"
    index = character_index(pack)
    expected = {
        "steven universe": "Steven Universe (Character)",
        "steven": "Steven Universe (Character)",
        "pearl": "Pearl (Steven Universe)",
        "lapis": "Lapis Lazuli (Steven Universe)",
        "maheswaran": "Connie Maheswaran",
        "rose quartz": "Rose Quartz (Steven Universe)",
    }
    assert {key: index[key].name for key in expected} == expected
    # Gems named by English words and the common given names never detect the fandom.
    gem_words = {"pearl", "garnet", "amethyst", "ruby", "sapphire", "peridot", "jasper", "lapis"}
    assert not (gem_words | {"steven", "greg", "connie", "mr. universe"}) & aliases_of(pack)
    # Rose Quartz and Pink Diamond stay two tags, as on AO3; "Rose" alone names nobody.
    assert "rose" not in index
    assert index["stevonnie"].gender == "N" and index["greg"].gender == "M"
    assert ship_members(pack, "Lapidot") == ("Lapis Lazuli (Steven Universe)", "Peridot (Steven Universe)")
    assert ship_members(pack, "Connverse") == ("Connie Maheswaran", "Steven Universe (Character)")
