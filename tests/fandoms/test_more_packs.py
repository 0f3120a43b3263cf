"""Packs of the second set of large AO3 fandoms: each pack's own choices (countries, rings, Paris and
writers' names that must not detect the fandom alone, nicknames, epithets, ships). Their snippets and
near misses are in test_pack_snippets.py."""

from __future__ import annotations

from fandex.fandoms import character_index, get_pack, ship_members

HETALIA = "Hetalia: Axis Powers"
TOLKIEN = "The Lord of the Rings - J. R. R. Tolkien"
ASOIAF = "A Song of Ice and Fire - George R. R. Martin"
LES_MIS = "Les Misérables - All Media Types"
BSD = "文豪ストレイドッグス | Bungou Stray Dogs"
HXH = "Hunter X Hunter"
CRITICAL_ROLE = "Critical Role (Web Series)"
HAZBIN = "Hazbin Hotel (Cartoon)"
DANGANRONPA = "Dangan Ronpa - All Media Types"
POKEMON = "Pokemon - All Media Types"


def test_hetalia_countries_resolve_only_as_nicknames() -> None:
    pack = get_pack(HETALIA)
    assert pack is not None
    index = character_index(pack)
    expected = {
        "england": "England (Hetalia)",
        "arthur kirkland": "England (Hetalia)",
        "italy": "North Italy (Hetalia)",
        "romano": "South Italy (Hetalia)",
        "west": "Germany (Hetalia)",
        "the prussian": "Prussia (Hetalia)",
        "honda kiku": "Japan (Hetalia)",
    }
    assert {key: index[key].name for key in expected} == expected
    # Countries never detect the fandom: they are nobody's alias.
    aliases = {a.lower() for c in pack.characters for a in (c.name, *c.aliases)}
    assert not {"england", "france", "america", "russia", "germany", "italy", "japan"} & aliases
    assert index["hungary"].gender == "F" and index["belarus"].gender == "F"
    assert ship_members(pack, "USUK") == ("America (Hetalia)", "England (Hetalia)")
    assert ship_members(pack, "GerIta") == ("Germany (Hetalia)", "North Italy (Hetalia)")


def test_tolkien_shared_words_are_nicknames_and_epithets() -> None:
    pack = get_pack("LotR")
    assert pack is not None and pack.name == TOLKIEN
    assert get_pack("The Hobbit - J. R. R. Tolkien") is pack
    index = character_index(pack)
    expected = {
        "sam": "Samwise Gamgee",
        "merry": "Meriadoc Brandybuck",
        "estel": "Aragorn (Tolkien)",
        "mithrandir": "Gandalf (Tolkien)",
        "baggins": "Bilbo Baggins",
        "the burglar": "Bilbo Baggins",
        "the elvenking": "Thranduil (Tolkien)",
        "sméagol": "Gollum (Tolkien)",
    }
    assert {key: index[key].name for key in expected} == expected
    # Words of everyday English never detect the fandom.
    aliases = {a.lower() for c in pack.characters for a in (c.name, *c.aliases)}
    assert not {"sam", "merry", "bard"} & aliases
    assert "ring" not in {t.lower() for t in pack.terms} and "rohan" not in {p.lower() for p in pack.places}
    assert index["eowyn"].gender == "F" and index["thorin"].gender == "M"
    assert ship_members(pack, "Bagginshield") == ("Bilbo Baggins", "Thorin Oakenshield")


def test_asoiaf_house_names_and_shared_given_names_are_no_aliases() -> None:
    pack = get_pack("Game of Thrones (TV)")
    assert pack is not None and pack.name == ASOIAF
    assert get_pack("House of the Dragon (TV)") is pack
    index = character_index(pack)
    expected = {
        "the hound": "Sandor Clegane",
        "the kingslayer": "Jaime Lannister",
        "littlefinger": "Petyr Baelish",
        "yara": "Asha Greyjoy",
        "aegon": "Aegon II Targaryen",
        "sam": "Samwell Tarly",
        "the mother of dragons": "Daenerys Targaryen",
    }
    assert {key: index[key].name for key in expected} == expected
    aliases = {a.lower() for c in pack.characters for a in (c.name, *c.aliases)}
    assert not {"stark", "lannister", "targaryen", "snow", "sam"} & aliases
    assert index["brienne"].gender == "F" and index["tyrion"].gender == "M"
    assert ship_members(pack, "Braime") == ("Brienne of Tarth", "Jaime Lannister")


def test_les_mis_paris_is_no_place_and_grantaires_names_are_nicknames() -> None:
    pack = get_pack("Les Mis")
    assert pack is not None and pack.name == LES_MIS
    index = character_index(pack)
    expected = {
        "apollo": "Enjolras (Les Misérables)",
        "r": "Grantaire (Les Misérables)",
        "monsieur madeleine": "Jean Valjean",
        "24601": "Jean Valjean",
        "the inspector": "Javert (Les Misérables)",
        "pontmercy": "Marius Pontmercy",
        "thénardier": "Monsieur Thénardier",
    }
    assert {key: index[key].name for key in expected} == expected
    assert "paris" not in {p.lower() for p in pack.places}
    aliases = {a.lower() for c in pack.characters for a in (c.name, *c.aliases)}
    assert not {"apollo", "madeleine", "r"} & aliases
    assert index["eponine"].gender == "F" and index["enjolras"].gender == "M"
    assert ship_members(pack, "E/R") == ("Enjolras (Les Misérables)", "Grantaire (Les Misérables)")


def test_bungou_stray_dogs_writers_names_never_detect_it_alone() -> None:
    pack = get_pack("Bungou Stray Dogs")
    assert pack is not None and pack.name == BSD and pack.family_name_first
    index = character_index(pack)
    expected = {
        "dazai osamu": "Dazai Osamu (Bungou Stray Dogs)",
        "osamu dazai": "Dazai Osamu (Bungou Stray Dogs)",
        "mackerel": "Dazai Osamu (Bungou Stray Dogs)",
        "the weretiger": "Nakajima Atsushi (Bungou Stray Dogs)",
        "akutagawa": "Akutagawa Ryuunosuke (Bungou Stray Dogs)",
        "odasaku": "Oda Sakunosuke (Bungou Stray Dogs)",
        "poe": "Edgar Allan Poe (Bungou Stray Dogs)",
    }
    assert {key: index[key].name for key in expected} == expected
    aliases = {a.lower() for c in pack.characters for a in (c.name, *c.aliases)}
    assert not {"poe", "lucy", "fyodor", "oda", "gin", "uzumaki"} & aliases
    assert index["kyouka"].gender == "F" and index["chuuya"].gender == "M"
    assert ship_members(pack, "Soukoku") == (
        "Dazai Osamu (Bungou Stray Dogs)",
        "Nakahara Chuuya (Bungou Stray Dogs)",
    )


def test_hunter_x_hunter_english_word_names_are_nicknames() -> None:
    pack = get_pack("HxH")
    assert pack is not None and pack.name == HXH
    index = character_index(pack)
    expected = {
        "zoldyck": "Killua Zoldyck",
        "freecss": "Gon Freecss",
        "kuroro": "Chrollo Lucilfer",
        "danchou": "Chrollo Lucilfer",
        "the magician": "Hisoka Morow",
        "kite": "Kite (Hunter X Hunter)",
        "bisky": "Biscuit Krueger",
    }
    assert {key: index[key].name for key in expected} == expected
    aliases = {a.lower() for c in pack.characters for a in (c.name, *c.aliases)}
    assert not {"kite", "wing", "knuckle", "shoot", "canary", "palm"} & aliases
    assert index["neferpitou"].gender == "U" and index["alluka"].gender == "F"
    assert ship_members(pack, "Killugon") == ("Killua Zoldyck", "Gon Freecss")


def test_critical_role_names_other_canons_share_are_nicknames() -> None:
    pack = get_pack("Critical Role")
    assert pack is not None and pack.name == CRITICAL_ROLE
    index = character_index(pack)
    expected = {
        "percy": "Percival de Rolo",
        "nott": "Veth Brenatto",
        "beau": "Beauregard Lionett",
        "molly": "Mollymauk Tealeaf",
        "the shadowhand": "Essek Thelyss",
        "fresh cut grass": "FCG (Critical Role)",
    }
    assert {key: index[key].name for key in expected} == expected
    aliases = {a.lower() for c in pack.characters for a in (c.name, *c.aliases)}
    assert not {"percy", "percival", "dorian", "allura", "grog", "pike", "molly"} & aliases
    assert index["fcg"].gender == "N" and index["jester"].gender == "F"
    assert ship_members(pack, "Shadowgast") == ("Essek Thelyss", "Caleb Widogast")


def test_hazbin_hotel_biblical_names_are_nicknames() -> None:
    pack = get_pack("Hazbin Hotel")
    assert pack is not None and pack.name == HAZBIN
    index = character_index(pack)
    expected = {
        "charlie": "Charlie Magne | Morningstar",
        "lucifer": "Lucifer Magne | Morningstar",
        "the radio demon": "Alastor (Hazbin Hotel)",
        "husk": "Husk (Hazbin Hotel)",
        "angel": "Angel Dust (Hazbin Hotel)",
        "vox": "Vox (Hazbin Hotel)",
    }
    assert {key: index[key].name for key in expected} == expected
    aliases = {a.lower() for c in pack.characters for a in (c.name, *c.aliases)}
    assert not {"lucifer", "lilith", "adam", "sera", "vox", "lucifer morningstar", "charlie"} & aliases
    assert index["vaggie"].gender == "F" and index["alastor"].gender == "M"
    assert ship_members(pack, "Chaggie") == ("Charlie Magne | Morningstar", "Vaggie (Hazbin Hotel)")


def test_danganronpa_given_names_other_anime_share_are_nicknames() -> None:
    pack = get_pack("Danganronpa")
    assert pack is not None and pack.name == DANGANRONPA and pack.family_name_first
    index = character_index(pack)
    expected = {
        "hinata": "Hinata Hajime",
        "hajime hinata": "Hinata Hajime",
        "kyoko": "Kirigiri Kyouko",
        "genocide jack": "Fukawa Touko",
        "kokichi": "Ouma Kokichi",
        "k1-b0": "Kiibo (Dangan Ronpa)",
        "the ultimate lucky student": "Naegi Makoto",
    }
    assert {key: index[key].name for key in expected} == expected
    aliases = {a.lower() for c in pack.characters for a in (c.name, *c.aliases)}
    assert not {"hinata", "hajime", "sakura", "byakuya", "nanami", "yamada", "leon", "kaito"} & aliases
    assert index["kirigiri"].gender == "F" and index["chihiro"].gender == "M"
    assert ship_members(pack, "Komahina") == ("Komaeda Nagito", "Hinata Hajime")


def test_pokemon_trainers_named_by_english_words_are_nicknames() -> None:
    pack = get_pack("Pokémon")
    assert pack is not None and pack.name == POKEMON
    index = character_index(pack)
    expected = {
        "ash": "Ash Ketchum",
        "kibana": "Raihan (Pokemon)",
        "dande": "Leon (Pokemon)",
        "oak": "Professor Oak",
        "red": "Red (Pokemon)",
        "ghetsis": "Ghetsis Harmonia",
    }
    assert {key: index[key].name for key in expected} == expected
    aliases = {a.lower() for c in pack.characters for a in (c.name, *c.aliases)}
    assert not {"ash", "red", "blue", "misty", "dawn", "may", "cynthia", "steven", "leon"} & aliases
    assert "kanto" not in {p.lower() for p in pack.places}
    assert index["cynthia"].gender == "F" and index["raihan"].gender == "M"
    assert ship_members(pack, "Pokeshipping") == ("Ash Ketchum", "Misty (Pokemon)")
