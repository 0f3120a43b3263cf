"""Packs of more large AO3 fandoms (games, TV, anime): each pack's own choices (nicknames, epithets,
generic tags, ships), checked by hand against the packs. Their snippets and near misses (each pack's
riskiest names in ordinary prose) are in test_pack_snippets.py.
"""

from __future__ import annotations

from fandex.fandoms import FandomPack, character_index, get_pack, ship_members

KNB = "黒子のバスケ | Kuroko no Basuke | Kuroko's Basketball"
YOI = "Yuri!!! on Ice (Anime)"


def bundled(name: str) -> FandomPack:
    pack = get_pack(name)
    assert pack is not None, f"no bundled pack named {name!r}"
    return pack


def test_final_fantasy_vii_nicknames_epithets_and_ships() -> None:
    pack = bundled("Final Fantasy VII")
    assert ship_members(pack, "Cloti") == ("Cloud Strife", "Tifa Lockhart")
    assert ship_members(pack, "Zerith") == ("Zack Fair", "Aerith Gainsborough")
    index = character_index(pack)
    expected = {
        "aeris": "Aerith Gainsborough",
        "the flower girl": "Aerith Gainsborough",
        "chocobo": "Cloud Strife",
        "the general": "Sephiroth (Final Fantasy VII)",
        "cid": "Cid Highwind",
        "nanaki": "Red XIII (Final Fantasy VII)",
        "reno": "Reno (Final Fantasy VII)",
    }
    assert {key: index[key].name for key in expected} == expected
    assert index["tifa"].gender == "F" and index["vincent"].gender == "M"


def test_mass_effect_shepard_is_generic_and_the_crew_is_named() -> None:
    pack = bundled("Mass Effect Trilogy")
    assert set(ship_members(pack, "Shenko")) == {"Commander Shepard (Mass Effect)", "Kaidan Alenko"}
    assert set(ship_members(pack, "Shakarian")) == {"Commander Shepard (Mass Effect)", "Garrus Vakarian"}
    index = character_index(pack)
    assert index["shepard"].gender == "U"  # the player chooses
    expected = {
        "the commander": "Commander Shepard (Mass Effect)",
        "tali": "Tali'Zorah vas Normandy",
        "joker": 'Jeff "Joker" Moreau',
        "subject zero": "Jack (Mass Effect)",
        "the illusive man": "The Illusive Man",
    }
    assert {key: index[key].name for key in expected} == expected
    assert index["jack"].gender == "F"


def test_hannibal_surnames_epithets_and_ships() -> None:
    pack = bundled("Hannibal (TV)")
    assert ship_members(pack, "Hannigram") == ("Hannibal Lecter", "Will Graham")
    index = character_index(pack)
    expected = {
        "lecter": "Hannibal Lecter",
        "the chesapeake ripper": "Hannibal Lecter",
        "graham": "Will Graham",
        "the tooth fairy": "Francis Dolarhyde",
        "bedelia": "Bedelia Du Maurier",
    }
    assert {key: index[key].name for key in expected} == expected
    assert index["freddie"].gender == "F"


def test_yuri_on_ice_tells_the_two_yuris_apart() -> None:
    pack = bundled(YOI)
    assert ship_members(pack, "Victuuri") == ("Katsuki Yuuri", "Victor Nikiforov")
    assert ship_members(pack, "Otayuri") == ("Otabek Altin", "Yuri Plisetsky")
    index = character_index(pack)
    expected = {
        "yuuri": "Katsuki Yuuri",
        "yuri": "Yuri Plisetsky",
        "yurio": "Yuri Plisetsky",
        "viktor": "Victor Nikiforov",
        "vitya": "Victor Nikiforov",
        "jj": "Jean-Jacques Leroy",
    }
    assert {key: index[key].name for key in expected} == expected
    assert index["katsuki"].gender == "M" and index["mila"].gender == "F"
    assert index["makkachin"].gender == "U"  # the series never says


def test_kuroko_no_basket_family_names_first_and_suffix_nicknames() -> None:
    pack = bundled(KNB)
    assert pack.family_name_first
    assert ship_members(pack, "KagaKuro") == ("Kagami Taiga", "Kuroko Tetsuya")
    index = character_index(pack)
    expected = {
        "kurokocchi": "Kuroko Tetsuya",
        "tetsu-kun": "Kuroko Tetsuya",
        "bakagami": "Kagami Taiga",
        "shin-chan": "Midorima Shintarou",
        "kiyoshi": "Kiyoshi Teppei",
        "tatsuya": "Himuro Tatsuya",
    }
    assert {key: index[key].name for key in expected} == expected
    assert index["momoi"].gender == "F"


def test_magnus_archives_archivists_and_nicknames() -> None:
    pack = bundled("The Magnus Archives (Podcast)")
    assert ship_members(pack, "JonMartin") == ("Jonathan Sims", "Martin Blackwood")
    index = character_index(pack)
    expected = {
        "the archivist": "Jonathan Sims",
        "the previous archivist": "Gertrude Robinson",
        "jonah magnus": "Elias Bouchard",
        "stoker": "Tim Stoker",
        "daisy": "Daisy Tonner",
    }
    assert {key: index[key].name for key in expected} == expected
    assert index["sasha"].gender == "F" and index["basira"].gender == "F"


def test_shadowhunters_family_names_and_ships() -> None:
    pack = bundled("Shadowhunters (TV)")
    assert ship_members(pack, "Malec") == ("Alec Lightwood", "Magnus Bane")
    assert ship_members(pack, "Sizzy") == ("Isabelle Lightwood", "Simon Lewis")
    index = character_index(pack)
    expected = {
        "lightwood": "Alec Lightwood",
        "izzy": "Isabelle Lightwood",
        "the high warlock of brooklyn": "Magnus Bane",
        "herondale": "Jace Wayland",
        "morgenstern": "Valentine Morgenstern",
        "daylighter": "Simon Lewis",
    }
    assert {key: index[key].name for key in expected} == expected
    assert index["clary"].gender == "F"


def test_x_men_codenames_and_ships() -> None:
    pack = bundled("X-Men - All Media Types")
    assert ship_members(pack, "Cherik") == ("Charles Xavier", "Erik Lehnsherr")
    assert ship_members(pack, "Romy") == ("Remy LeBeau", "Rogue (X-Men)")
    index = character_index(pack)
    expected = {
        "magneto": "Erik Lehnsherr",
        "professor x": "Charles Xavier",
        "mystique": "Raven Darkholme",
        "wolverine": "Logan (X-Men)",
        "storm": "Ororo Munroe",
        "beast": "Hank McCoy",
        "gambit": "Remy LeBeau",
        "cyclops": "Scott Summers",
    }
    assert {key: index[key].name for key in expected} == expected
    assert index["rogue"].gender == "F" and index["logan"].gender == "M"


def test_star_trek_tng_is_its_own_pack_with_its_own_crew() -> None:
    pack = bundled("Star Trek: The Next Generation")
    assert ship_members(pack, "Imzadi") == ("William Riker", "Deanna Troi")
    index = character_index(pack)
    expected = {
        "number one": "William Riker",
        "data": "Data (Star Trek)",
        "the android": "Data (Star Trek)",
        "locutus": "Jean-Luc Picard",
        "the klingon": "Worf (Star Trek)",
        "geordi": "Geordi La Forge",
    }
    assert {key: index[key].name for key in expected} == expected
    # The Original Series' captain stays in the Star Trek pack.
    assert "James T. Kirk" not in {c.name for c in pack.characters}
    assert index["troi"].gender == "F" and index["guinan"].gender == "F"


def test_hunger_games_roman_names_are_nicknames_and_ships() -> None:
    pack = bundled("Hunger Games Series - All Media Types")
    assert ship_members(pack, "Everlark") == ("Katniss Everdeen", "Peeta Mellark")
    assert ship_members(pack, "Odesta") == ("Annie Cresta", "Finnick Odair")
    index = character_index(pack)
    expected = {
        "the girl on fire": "Katniss Everdeen",
        "prim": "Primrose Everdeen",
        "president snow": "Coriolanus Snow",
        "cinna": "Cinna (Hunger Games)",
        "the mentor": "Haymitch Abernathy",
    }
    assert {key: index[key].name for key in expected} == expected
    roman = {"Cinna", "Caesar", "Cato", "Seneca", "Plutarch", "Portia", "Coriolanus", "Sejanus"}
    assert not roman & {a for c in pack.characters for a in c.aliases}


def test_twilight_family_names_are_nicknames_and_ships() -> None:
    pack = bundled("Twilight Series - Stephenie Meyer")
    assert ship_members(pack, "Edward/Bella") == ("Bella Swan", "Edward Cullen")
    index = character_index(pack)
    expected = {
        "cullen": "Edward Cullen",
        "dr. cullen": "Carlisle Cullen",
        "swan": "Bella Swan",
        "isabella": "Bella Swan",
        "jake": "Jacob Black",
        "nessie": "Renesmee Cullen",
    }
    assert {key: index[key].name for key in expected} == expected
    # Dragon Age has a Cullen: the surname names Edward in a Twilight story but never detects one.
    assert "Cullen" not in {a for c in pack.characters for a in c.aliases}
