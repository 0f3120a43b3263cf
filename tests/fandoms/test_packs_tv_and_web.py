"""Packs of TV, web-series and game fandoms added in the ninth round (Miraculous, The Umbrella
Academy, Criminal Minds, Glee, The 100, Lucifer, Sanders Sides, Undertale, Detroit: Become Human,
Daredevil, Overwatch, Homestuck, House M.D.): each pack's own choices, checked by hand against the packs. Their
snippets and near misses are in test_pack_snippets.py.
"""

from __future__ import annotations

from fandex.fandoms import FandomPack, character_index, get_pack, ship_members
from fandex.taggers.declared import Synonyms, same_person


def bundled(name: str) -> FandomPack:
    pack = get_pack(name)
    assert pack is not None, f"no bundled pack named {name!r}"
    return pack


def aliases_of(pack: FandomPack) -> set[str]:
    """The lower-cased names and aliases: the keys that detect the fandom."""
    return {a.lower() for c in pack.characters for a in (c.name, *c.aliases)}


def test_miraculous_hero_names_and_ships() -> None:
    pack = bundled("Miraculous Ladybug")
    assert pack.name == "Miraculous: Tales of Ladybug & Cat Noir"
    index = character_index(pack)
    expected = {
        "ladybug": "Marinette Dupain-Cheng",
        "chat noir": "Adrien Agreste",
        "cat noir": "Adrien Agreste",
        "chaton": "Adrien Agreste",
        "hawk moth": "Gabriel Agreste",
        "agreste": "Gabriel Agreste",
        "mayura": "Nathalie Sancoeur",
        "master fu": "Wang Fu",
    }
    assert {key: index[key].name for key in expected} == expected
    # English words and common given names never detect the fandom; Paris is no place of it.
    assert not {"ladybug", "tom", "kim", "max", "rose", "ivan", "luka", "nino"} & aliases_of(pack)
    assert "paris" not in {p.lower() for p in pack.places}
    assert index["tikki"].gender == "F" and index["plagg"].gender == "M"
    assert ship_members(pack, "Adrienette") == ("Adrien Agreste", "Marinette Dupain-Cheng")
    assert ship_members(pack, "DJWifi") == ("Alya Césaire", "Nino Lahiffe")


def test_umbrella_academy_numbers_and_the_father() -> None:
    pack = bundled("The Umbrella Academy")
    assert pack.name == "The Umbrella Academy (TV)"
    index = character_index(pack)
    expected = {
        "five": "Number Five | The Boy",
        "number four": "Klaus Hargreeves",
        "hargreeves": "Reginald Hargreeves",
        "sir reginald": "Reginald Hargreeves",
        "vanya": "Viktor Hargreeves",
        "spaceboy": "Luther Hargreeves",
        "the kraken": "Diego Hargreeves",
    }
    assert {key: index[key].name for key in expected} == expected
    assert not {"five", "ben", "grace", "luther", "mom"} & aliases_of(pack)
    assert index["allison"].gender == "F" and index["viktor"].gender == "M"
    assert ship_members(pack, "Klave") == ("Klaus Hargreeves", "Dave Katz (Umbrella Academy)")


def test_criminal_minds_surnames_and_ships() -> None:
    pack = bundled("Criminal Minds")
    assert pack.name == "Criminal Minds (US TV)"
    index = character_index(pack)
    expected = {
        "reid": "Spencer Reid",
        "hotch": "Aaron Hotchner",
        "jj": 'Jennifer "JJ" Jareau',
        "prentiss": "Emily Prentiss",
        "rossi": "David Rossi",
        "the reaper": "George Foyet",
        "spence": "Spencer Reid",
    }
    assert {key: index[key].name for key in expected} == expected
    # "baby girl" is Morgan's word for Garcia: an endearment, nobody's nickname.
    assert "baby girl" not in index and "baby girl" in {e.lower() for e in pack.endearments}
    assert not {"jack", "will", "henry", "kevin"} & aliases_of(pack)
    assert index["garcia"].gender == "F" and index["morgan"].gender == "M"
    assert ship_members(pack, "Moreid") == ("Derek Morgan", "Spencer Reid")
    assert ship_members(pack, "Jemily") == ("Emily Prentiss", 'Jennifer "JJ" Jareau')


def test_glee_nicknames_and_ships() -> None:
    pack = bundled("Glee")
    index = character_index(pack)
    expected = {
        "puck": "Noah Puckerman",
        "puckerman": "Noah Puckerman",
        "hummel": "Kurt Hummel",
        "mr. schue": "Will Schuester",
        "porcelain": "Kurt Hummel",
        "britt": "Brittany S. Pierce",
        "wheels": "Artie Abrams",
    }
    assert {key: index[key].name for key in expected} == expected
    assert not {"puck", "will", "sam", "mike", "sue", "tina", "mercedes", "hudson", "evans"} & aliases_of(
        pack
    )
    assert index["santana"].gender == "F" and index["blaine"].gender == "M"
    assert ship_members(pack, "Klaine") == ("Blaine Anderson", "Kurt Hummel")
    assert ship_members(pack, "Brittana") == ("Brittany S. Pierce", "Santana Lopez")


def test_the_100_surnames_titles_and_ships() -> None:
    pack = bundled("The 100")
    assert pack.name == "The 100 (TV)"
    index = character_index(pack)
    expected = {
        "blake": "Bellamy Blake",
        "griffin": "Clarke Griffin",
        "wanheda": "Clarke Griffin",
        "heda": "Lexa (The 100)",
        "the commander": "Lexa (The 100)",
        "murphy": "John Murphy",
        "raven": "Raven Reyes",
    }
    assert {key: index[key].name for key in expected} == expected
    assert not {"raven", "echo", "luna", "murphy", "octavia", "lincoln", "princess"} & aliases_of(pack)
    assert index["lexa"].gender == "F" and index["bellamy"].gender == "M"
    assert ship_members(pack, "Bellarke") == ("Bellamy Blake", "Clarke Griffin")
    assert ship_members(pack, "Clexa") == ("Clarke Griffin", "Lexa (The 100)")


def test_lucifer_biblical_names_are_nicknames() -> None:
    pack = bundled("Lucifer (TV)")
    index = character_index(pack)
    expected = {
        "lucifer": "Lucifer Morningstar",
        "morningstar": "Lucifer Morningstar",
        "the devil": "Lucifer Morningstar",
        "the detective": "Chloe Decker",
        "maze": "Mazikeen (Lucifer TV)",
        "cain": "Marcus Pierce",
        "dr. linda": "Linda Martin",
    }
    assert {key: index[key].name for key in expected} == expected
    assert not {"lucifer", "eve", "cain", "michael", "god", "uriel"} & aliases_of(pack)
    assert index["chloe"].gender == "F" and index["amenadiel"].gender == "M"
    assert ship_members(pack, "Deckerstar") == ("Chloe Decker", "Lucifer Morningstar")


def test_sanders_sides_traits_and_shared_names_are_nicknames() -> None:
    pack = bundled("Sanders Sides")
    index = character_index(pack)
    expected = {
        "patton": "Morality | Patton Sanders",
        "virgil": "Anxiety | Virgil Sanders",
        "logan": "Logic | Logan Sanders",
        "princey": "Creativity | Roman Sanders",
        "dee": "Deceit | Janus Sanders",
        "the duke": "Creativity | Remus Sanders",
        "sanders": "Thomas Sanders (Sanders Sides)",
    }
    assert {key: index[key].name for key in expected} == expected
    # Names of Rome, a god, another canon's werewolf and mutant, and the traits' words.
    assert not {"roman", "janus", "remus", "logan", "logic", "anxiety", "deceit"} & aliases_of(pack)
    assert "kiddo" not in index and "kiddo" in pack.endearments
    assert ship_members(pack, "Prinxiety") == ("Anxiety | Virgil Sanders", "Creativity | Roman Sanders")
    assert ship_members(pack, "Logicality") == ("Logic | Logan Sanders", "Morality | Patton Sanders")


def test_undertale_monsters_and_the_children_they_call_they() -> None:
    pack = bundled("Undertale")
    assert pack.name == "Undertale (Video Game)"
    index = character_index(pack)
    expected = {
        "sans": "Sans (Undertale)",
        "paps": "Papyrus (Undertale)",
        "goat mom": "Toriel (Undertale)",
        "asgore": "Asgore Dreemurr",
        "gaster": "W. D. Gaster",
        "ralsei": "Ralsei (Deltarune)",
    }
    assert {key: index[key].name for key in expected} == expected
    assert index["frisk"].gender == "N" and index["chara"].gender == "N"
    assert index["undyne"].gender == "F"
    assert not {"kris", "susie", "the king"} & aliases_of(pack)
    assert ship_members(pack, "Soriel") == ("Sans (Undertale)", "Toriel (Undertale)")
    assert ship_members(pack, "Alphyne") == ("Alphys (Undertale)", "Undyne (Undertale)")


def test_detroit_android_names_are_nicknames_model_numbers_aliases() -> None:
    pack = bundled("Detroit: Become Human")
    index = character_index(pack)
    expected = {
        "connor": "Connor (Detroit: Become Human)",
        "rk800": "Connor (Detroit: Become Human)",
        "the lieutenant": "Hank Anderson",
        "nines": "RK900 (Detroit: Become Human)",
        "reed": "Gavin Reed",
        "kamski": "Elijah Kamski",
    }
    assert {key: index[key].name for key in expected} == expected
    assert not {"connor", "markus", "kara", "alice", "north", "simon", "josh", "hank"} & aliases_of(pack)
    assert index["north"].gender == "F" and index["markus"].gender == "M"
    assert ship_members(pack, "Hankcon") == ("Connor (Detroit: Become Human)", "Hank Anderson")
    assert ship_members(pack, "Reed900") == ("Gavin Reed", "RK900 (Detroit: Become Human)")


def test_daredevil_firm_masks_and_ships() -> None:
    pack = bundled("Daredevil")
    assert pack.name == "Daredevil (TV)"
    index = character_index(pack)
    expected = {
        "murdock": "Matt Murdock",
        "the devil of hell's kitchen": "Matt Murdock",
        "foggy": "Foggy Nelson",
        "the punisher": "Frank Castle",
        "kingpin": "Wilson Fisk",
        "page": "Karen Page",
        "stick": "Stick (Marvel)",
    }
    assert {key: index[key].name for key in expected} == expected
    assert not {"matt", "frank", "claire", "stick", "page", "red"} & aliases_of(pack)
    assert "hell's kitchen" in {p.lower() for p in pack.places}
    assert ship_members(pack, "Nelson/Murdock") == ("Foggy Nelson", "Matt Murdock")
    assert ship_members(pack, "Kastle") == ("Frank Castle", "Karen Page")


def test_overwatch_call_signs_and_ships() -> None:
    pack = bundled("Overwatch")
    assert pack.name == "Overwatch (Video Game)"
    index = character_index(pack)
    expected = {
        "mccree": "Cole Cassidy | Jesse McCree",
        "cassidy": "Cole Cassidy | Jesse McCree",
        "shimada": "Hanzo Shimada",
        "tracer": "Lena Oxton",
        "mercy": "Angela Ziegler",
        "soldier: 76": "Jack Morrison",
        "reaper": "Gabriel Reyes",
        "widowmaker": "Amélie Lacroix",
    }
    assert {key: index[key].name for key in expected} == expected
    assert not {"mercy", "reaper", "tracer", "soldier", "winston", "jack", "ana", "mei"} & aliases_of(pack)
    assert index["pharah"].gender == "F" and index["hanzo"].gender == "M"
    assert ship_members(pack, "McHanzo") == ("Cole Cassidy | Jesse McCree", "Hanzo Shimada")
    assert ship_members(pack, "Pharmercy") == ("Angela Ziegler", "Fareeha Amari")


def test_homestuck_surnames_trolls_and_handles() -> None:
    pack = bundled("Homestuck")
    index = character_index(pack)
    expected = {
        "egbert": "John Egbert",
        "strider": "Dave Strider",
        "lalonde": "Rose Lalonde",
        "karkat": "Karkat Vantas",
        "carcinogeneticist": "Karkat Vantas",
        "dirk": "Dirk Strider",
        "roxy": "Roxy Lalonde",
    }
    assert {key: index[key].name for key in expected} == expected
    # The kids' common given names and the handles' two-letter initials never detect the fandom.
    assert not {"john", "dave", "rose", "jade", "jake", "jane", "dirk", "roxy", "eb", "tg"} & aliases_of(pack)
    assert index["terezi"].gender == "F" and index["sollux"].gender == "M"
    assert ship_members(pack, "Davekat") == ("Dave Strider", "Karkat Vantas")
    assert ship_members(pack, "Rosemary") == ("Kanaya Maryam", "Rose Lalonde")


def test_house_surnames_synonyms_and_ships() -> None:
    pack = bundled("House MD")
    assert pack.name == "House M.D."
    index = character_index(pack)
    expected = {
        "house": "Gregory House",
        "greg house": "Gregory House",
        "the diagnostician": "Gregory House",
        "wilson": "James Wilson",
        "jimmy": "James Wilson",
        "cuddy": "Lisa Cuddy",
        "dr. cameron": "Allison Cameron",
        "thirteen": "Remy Hadley",
    }
    assert {key: index[key].name for key in expected} == expected
    # Given names and words only resolve mentions; they never detect the fandom.
    assert not {"greg", "james", "lisa", "cameron", "thirteen", "allison"} & aliases_of(pack)
    assert ship_members(pack, "Hilson") == ("Gregory House", "James Wilson")
    assert ship_members(pack, "Huddy") == ("Gregory House", "Lisa Cuddy")
    # AO3 files the tag "Greg House" under "Gregory House"; the pack says so, not a rule on given names.
    synonyms = Synonyms([pack])
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
