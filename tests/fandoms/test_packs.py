"""Every bundled pack loads and is internally consistent; spot checks of facts verified by hand."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from fandex.fandom import declared_packs, guess_from_text
from fandex.fandoms import BUNDLED_DIR, FandomPack, character_index, find_episode, load_packs, ship_members
from fandex.fandoms.loader import load_pack_file
from fandex.options import Options
from fandex.pipeline import run
from fandex.readers import from_text

BUNDLED = sorted(BUNDLED_DIR.glob("*.yaml"))


def bundled(name: str) -> FandomPack:
    for path in BUNDLED:
        pack = load_pack_file(path)
        if pack.name == name:
            return pack
    raise AssertionError(f"no bundled pack named {name!r}")


def test_the_expected_fandoms_are_bundled() -> None:
    names = {load_pack_file(path).name for path in BUNDLED}
    assert {
        "Buffy the Vampire Slayer",
        "Harry Potter - J. K. Rowling",
        "Marvel Cinematic Universe",
        "Supernatural (TV 2005)",
        "Sherlock (TV)",
        "Star Wars - All Media Types",
        "Naruto",
    } <= names


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_bundled_pack_is_consistent(path: Path) -> None:
    pack = load_pack_file(path)  # the loader already rejects bad genders, duplicates, unknown ships
    assert pack.characters, "a pack without characters cannot help the characters stage"
    names = [c.name for c in pack.characters]
    assert len(set(names)) == len(names)
    for character in pack.characters:
        assert character.gender in {"F", "M", "N", "U"}
        # A character's own keys never repeat one another.
        own = [character.name, *character.aliases, *character.nicknames, *character.epithets]
        assert len({k.lower() for k in own}) == len(own), character.name
        assert all(k == k.strip() and k for k in own)
    # No name of one character is an alias of another: that would make the name ambiguous.
    aliases = Counter(a.lower() for c in pack.characters for a in (c.name, *c.aliases))
    assert [a for a, n in aliases.items() if n > 1] == []
    assert len({e.code for e in pack.episodes}) == len(pack.episodes)
    for ship, members in pack.ships.items():
        assert len(set(members)) == len(members) >= 2, ship
    assert len({p.lower() for p in pack.places}) == len(pack.places)
    assert len({t.lower() for t in pack.terms}) == len(pack.terms)
    assert path.stem == path.stem.lower()


def test_btvs_has_all_144_episodes_in_seven_seasons() -> None:
    pack = bundled("Buffy the Vampire Slayer")
    per_season = Counter(e.season for e in pack.episodes)
    assert per_season == {1: 12, 2: 22, 3: 22, 4: 22, 5: 22, 6: 22, 7: 22}
    for season, count in per_season.items():
        numbers = sorted(e.number for e in pack.episodes if e.season == season)
        assert numbers == list(range(1, count + 1))


@pytest.mark.parametrize(
    ("code", "title"),
    [
        ("1x01", "Welcome to the Hellmouth"),
        ("1x12", "Prophecy Girl"),
        ("2x14", "Innocence"),
        ("3x16", "Doppelgangland"),
        ("4x10", "Hush"),
        ("5x16", "The Body"),
        ("6x07", "Once More, with Feeling"),
        ("6x09", "Smashed"),
        ("7x22", "Chosen"),
    ],
)
def test_btvs_episode_spot_checks(code: str, title: str) -> None:
    pack = bundled("Buffy the Vampire Slayer")
    by_code = {e.code: e.title for e in pack.episodes}
    assert by_code[code] == title


def test_btvs_names_needed_for_ao3_relationship_tags() -> None:
    pack = bundled("Buffy the Vampire Slayer")
    names = {c.name for c in pack.characters}
    for tag in ("Buffy Summers/Spike", "Spike/Willow Rosenberg", "Anya Jenkins/Xander Harris"):
        assert set(tag.split("/")) <= names


def test_btvs_epithets_nicknames_and_genders() -> None:
    index = character_index(bundled("Buffy the Vampire Slayer"))
    expected = {
        "the slayer": "Buffy Summers",
        "the petite blonde": "Buffy Summers",
        "buffster": "Buffy Summers",
        "the red head": "Willow Rosenberg",
        "the redhead": "Willow Rosenberg",
        "the witch": "Willow Rosenberg",
        "wills": "Willow Rosenberg",
        "red": "Willow Rosenberg",
        "xand": "Xander Harris",
        "g-man": "Rupert Giles",
        "giles": "Rupert Giles",
        "the watcher": "Rupert Giles",
        "the bleached vampire": "Spike",
        "the vampire": "Spike",
        "summers": "Buffy Summers",
        "the souled vampire": "Angel",
        "the other slayer": "Faith Lehane",
        "william the bloody": "Spike",
        "william pratt": "Spike",
        "the former vengeance demon": "Anya Jenkins",
        "ahn": "Anya Jenkins",
        "dawnie": "Dawn Summers",
    }
    assert {key: index[key].name for key in expected} == expected
    genders = {c.name: c.gender for c in index.values()}
    assert genders["Buffy Summers"] == "F" and genders["Spike"] == "M" and genders["Oz"] == "M"


def test_sherlock_has_its_thirteen_episodes() -> None:
    pack = bundled("Sherlock (TV)")
    assert len(pack.episodes) == 13
    assert find_episode(pack, "A Study in Pink").code == "1x01"
    assert find_episode(pack, "the reichenbach fall").code == "2x03"
    assert find_episode(pack, "The Abominable Bride").season == 0  # the special
    assert find_episode(pack, "The Final Problem").code == "4x03"


# ---------------------------------------------------------------- packs of other large AO3 fandoms
# Their snippets and near misses are in test_pack_snippets.py; here, each pack's own choices.


BNHA = "僕のヒーローアカデミア | Boku no Hero Academia | My Hero Academia"

GENSHIN = "原神 | Genshin Impact (Video Game)"

SNK = "進撃の巨人 | Shingeki no Kyojin | Attack on Titan"

MDZS = "魔道祖师 - 墨香铜臭 | Módào Zǔshī - Mòxiāng Tóngxiù"

TGCF = "天官赐福 - 墨香铜臭 | Tiān Guān Cì Fú - Mòxiāng Tóngxiù"

PJO = "Percy Jackson and the Olympians - Rick Riordan"

BATMAN = "Batman - All Media Types"

ATLA = "Avatar: The Last Airbender"

JJK = "呪術廻戦 | Jujutsu Kaisen (Anime)"

ONE_PIECE = "One Piece"

FAIRY_TAIL = "Fairy Tail"


def test_teen_wolf_ships_epithets_and_surnames() -> None:
    pack = bundled("Teen Wolf (TV)")
    assert ship_members(pack, "Sterek") == ("Derek Hale", "Stiles Stilinski")
    assert set(ship_members(pack, "Stydia")) == {"Lydia Martin", "Stiles Stilinski"}
    index = character_index(pack)
    expected = {
        "stilinski": "Stiles Stilinski",
        "sourwolf": "Derek Hale",
        "the alpha": "Derek Hale",
        "the true alpha": "Scott McCall",
        "the banshee": "Lydia Martin",
        "argent": "Chris Argent",
        "the sheriff": "Sheriff Stilinski",
        "deaton": "Alan Deaton",
    }
    assert {key: index[key].name for key in expected} == expected
    assert index["lydia"].gender == "F" and index["derek"].gender == "M"


def test_merlin_ships_epithets_and_disambiguated_names() -> None:
    pack = bundled("Merlin (TV)")
    assert set(ship_members(pack, "Merthur")) == {"Arthur Pendragon (Merlin)", "Merlin (Merlin)"}
    assert set(ship_members(pack, "Arwen")) == {"Arthur Pendragon (Merlin)", "Gwen (Merlin)"}
    index = character_index(pack)
    expected = {
        "the warlock": "Merlin (Merlin)",
        "emrys": "Merlin (Merlin)",
        "clotpole": "Arthur Pendragon (Merlin)",
        "the prince": "Arthur Pendragon (Merlin)",
        "guinevere": "Gwen (Merlin)",
        "the physician": "Gaius (Merlin)",
        "the great dragon": "Kilgharrah (Merlin)",
    }
    assert {key: index[key].name for key in expected} == expected
    assert "the king" not in index  # Uther's title for four series, Arthur's after
    assert index["morgana"].gender == "F" and index["uther"].gender == "M"


def test_my_hero_academia_names_nicknames_and_declared_forms() -> None:
    pack = bundled(BNHA)
    assert ship_members(pack, "Bakudeku") == ("Bakugou Katsuki", "Midoriya Izuku")
    assert set(ship_members(pack, "Erasermic")) == {"Aizawa Shouta", "Yamada Hizashi"}
    index = character_index(pack)
    expected = {
        "kacchan": "Bakugou Katsuki",
        "bakugo": "Bakugou Katsuki",
        "deku": "Midoriya Izuku",
        "the greenette": "Midoriya Izuku",
        "shoto": "Todoroki Shouto",
        "icyhot": "Todoroki Shouto",
        "all might": "Yagi Toshinori",
        "eraserhead": "Aizawa Shouta",
        "present mic": "Yamada Hizashi",
        "endeavor": "Todoroki Enji",
        "uravity": "Uraraka Ochako",
    }
    assert {key: index[key].name for key in expected} == expected
    assert index["ochako"].gender == "F" and index["jirou"].gender == "F" and index["iida"].gender == "M"
    packs = load_packs()
    for declared in ("Boku no Hero Academia", "My Hero Academia", "BNHA", "MHA", BNHA):
        assert [p.name for p in declared_packs([declared], packs)] == [BNHA], declared


def test_haikyuu_nicknames_and_ships() -> None:
    pack = bundled("Haikyuu!!")
    assert ship_members(pack, "Kagehina") == ("Hinata Shouyou", "Kageyama Tobio")
    assert set(ship_members(pack, "Bokuaka")) == {"Akaashi Keiji", "Bokuto Koutarou"}
    assert set(ship_members(pack, "Iwaoi")) == {"Iwaizumi Hajime", "Oikawa Tooru"}
    index = character_index(pack)
    expected = {
        "suga": "Sugawara Koushi",
        "noya": "Nishinoya Yuu",
        "tsukki": "Tsukishima Kei",
        "iwa-chan": "Iwaizumi Hajime",
        "the great king": "Oikawa Tooru",
        "the king of the court": "Kageyama Tobio",
        "shoyo": "Hinata Shouyou",
        "kenma": "Kozume Kenma",
    }
    assert {key: index[key].name for key in expected} == expected
    assert "miya" not in index  # either twin
    assert index["kiyoko"].gender == "F" and index["yachi"].gender == "F" and index["oikawa"].gender == "M"


def test_doctor_who_incarnations_companions_and_ships() -> None:
    pack = bundled("Doctor Who (2005)")
    assert set(ship_members(pack, "Tenrose")) == {"Rose Tyler", "Tenth Doctor"}
    assert set(ship_members(pack, "Amy/Rory")) == {"Amy Pond", "Rory Williams"}
    index = character_index(pack)
    expected = {
        "the doctor": "The Doctor (Doctor Who)",
        "the oncoming storm": "The Doctor (Doctor Who)",
        "the tenth doctor": "Tenth Doctor",
        "pond": "Amy Pond",
        "the impossible girl": "Clara Oswald",
        "melody pond": "River Song",
        "captain jack": "Jack Harkness",
        "the master": "The Master (Doctor Who)",
    }
    assert {key: index[key].name for key in expected} == expected
    assert "doctor" not in index  # novels are full of doctors
    assert index["missy"].gender == "F" and index["the thirteenth doctor"].gender == "F"
    packs = load_packs()
    for declared in ("Doctor Who", "Doctor Who (2005)", "Doctor Who & Related Fandoms", "DW"):
        assert [p.name for p in declared_packs([declared], packs)] == ["Doctor Who (2005)"], declared


def test_good_omens_angel_demon_and_ineffable_husbands() -> None:
    pack = bundled("Good Omens (TV)")
    assert set(ship_members(pack, "Ineffable Husbands")) == {
        "Aziraphale (Good Omens)",
        "Crowley (Good Omens)",
    }
    index = character_index(pack)
    expected = {
        "the angel": "Aziraphale (Good Omens)",
        "angel": "Aziraphale (Good Omens)",
        "mr. fell": "Aziraphale (Good Omens)",
        "the demon": "Crowley (Good Omens)",
        "the serpent of eden": "Crowley (Good Omens)",
        "anthony j. crowley": "Crowley (Good Omens)",
        "the antichrist": "Adam Young (Good Omens)",
        "newt": "Newton Pulsifer",
    }
    assert {key: index[key].name for key in expected} == expected
    assert index["beelzebub"].gender == "U" and index["anathema"].gender == "F"


def test_star_wars_clone_medic_helix_is_tagged_by_his_name() -> None:
    index = character_index(bundled("Star Wars - All Media Types"))
    assert index["helix"].name == "Helix - Character" and index["helix"].gender == "M"
    text = (
        "Helix pressed a bandage to the cut. Cody hissed. Helix did not apologise, and Cody did not "
        "expect him to. Helix packed his kit when he was done, and Cody thanked him."
    )
    work = run(from_text(text), Options(fandom="Star Wars"))
    assert "Helix - Character" in [t.value for t in work.tags if t.kind == "character"]


def test_star_trek_bridge_crew_and_ships() -> None:
    pack = bundled("Star Trek")
    assert ship_members(pack, "Spirk") == ("James T. Kirk", "Spock")
    assert set(ship_members(pack, "McSpirk")) == {"James T. Kirk", "Leonard McCoy", "Spock"}
    index = character_index(pack)
    expected = {
        "jim": "James T. Kirk",
        "the captain": "James T. Kirk",
        "the vulcan": "Spock",
        "mr. spock": "Spock",
        "bones": "Leonard McCoy",
        "the cmo": "Leonard McCoy",
        "scotty": "Montgomery Scott",
        "old spock": "Spock Prime",
    }
    assert {key: index[key].name for key in expected} == expected
    assert index["uhura"].gender == "F" and index["chekov"].gender == "M"


def test_dragon_age_titles_nicknames_and_generic_player_characters() -> None:
    pack = bundled("Dragon Age (Video Games)")
    assert set(ship_members(pack, "Fenders")) == {"Anders (Dragon Age)", "Fenris (Dragon Age)"}
    index = character_index(pack)
    expected = {
        "the champion": "Hawke (Dragon Age)",
        "the inquisitor": "Inquisitor (Dragon Age)",
        "the herald of andraste": "Inquisitor (Dragon Age)",
        "the warden": "Warden (Dragon Age)",
        "broody": "Fenris (Dragon Age)",
        "curly": "Cullen Rutherford",
        "the seeker": "Cassandra Pentaghast",
        "fen'harel": "Solas (Dragon Age)",
        "madame de fer": "Vivienne (Dragon Age)",
    }
    assert {key: index[key].name for key in expected} == expected
    # The player characters' gender is the player's choice.
    assert {index[k].gender for k in ("hawke", "the inquisitor", "the warden")} == {"U"}
    assert index["merrill"].gender == "F" and index["solas"].gender == "M"


def test_witcher_bilingual_names_and_epithets() -> None:
    pack = bundled("The Witcher (TV)")
    assert ship_members(pack, "Geraskier") == ("Geralt z Rivii | Geralt of Rivia", "Jaskier | Dandelion")
    index = character_index(pack)
    expected = {
        "geralt": "Geralt z Rivii | Geralt of Rivia",
        "the white wolf": "Geralt z Rivii | Geralt of Rivia",
        "the witcher": "Geralt z Rivii | Geralt of Rivia",
        "dandelion": "Jaskier | Dandelion",
        "the bard": "Jaskier | Dandelion",
        "yen": "Yennefer z Vengerbergu | Yennefer of Vengerberg",
        "zireael": "Cirilla Fiona Elen Riannon | Ciri",
    }
    assert {key: index[key].name for key in expected} == expected
    assert index["roach"].gender == "U" and index["triss"].gender == "F"


def test_stranger_things_nicknames_and_ships() -> None:
    pack = bundled("Stranger Things (TV 2016)")
    assert set(ship_members(pack, "Steddie")) == {"Eddie Munson", "Steve Harrington"}
    assert set(ship_members(pack, "Mileven")) == {"Eleven (Stranger Things)", "Mike Wheeler"}
    index = character_index(pack)
    expected = {
        "el": "Eleven (Stranger Things)",
        "jane hopper": "Eleven (Stranger Things)",
        "hopper": "Jim Hopper",
        "the chief": "Jim Hopper",
        "harrington": "Steve Harrington",
        "mad max": "Max Mayfield",
        "papa": "Martin Brenner",
    }
    assert {key: index[key].name for key in expected} == expected
    assert "wheeler" not in index and "byers" not in index  # families share them
    assert index["max"].gender == "F" and index["robin"].gender == "F" and index["will"].gender == "M"


def test_voltron_paladins_and_ships() -> None:
    pack = bundled("Voltron: Legendary Defender")
    assert set(ship_members(pack, "Klance")) == {"Keith (Voltron)", "Lance (Voltron)"}
    assert set(ship_members(pack, "Sheith")) == {"Keith (Voltron)", "Shiro (Voltron)"}
    index = character_index(pack)
    expected = {
        "kogane": "Keith (Voltron)",
        "mullet": "Keith (Voltron)",
        "takashi shirogane": "Shiro (Voltron)",
        "katie holt": "Pidge Gunderson",
        "the green paladin": "Pidge Gunderson",
        "the princess": "Allura (Voltron)",
    }
    assert {key: index[key].name for key in expected} == expected
    assert "the red paladin" not in index  # the paladins swap Lions
    assert index["pidge"].gender == "F" and index["hunk"].gender == "M"


def test_genshin_impact_names_titles_and_ships() -> None:
    pack = bundled(GENSHIN)
    assert set(ship_members(pack, "Zhongchi")) == {
        "Tartaglia | Childe (Genshin Impact)",
        "Zhongli (Genshin Impact)",
    }
    assert set(ship_members(pack, "Kaeluc")) == {"Diluc (Genshin Impact)", "Kaeya (Genshin Impact)"}
    index = character_index(pack)
    expected = {
        "childe": "Tartaglia | Childe (Genshin Impact)",
        "tartaglia": "Tartaglia | Childe (Genshin Impact)",
        "morax": "Zhongli (Genshin Impact)",
        "the geo archon": "Zhongli (Genshin Impact)",
        "barbatos": "Venti (Genshin Impact)",
        "kazuha": "Kaedehara Kazuha (Genshin Impact)",
    }
    assert {key: index[key].name for key in expected} == expected
    assert "the traveler" not in index  # Aether or Lumine
    assert index["lumine"].gender == "F" and index["aether"].gender == "M" and index["paimon"].gender == "F"
    packs = load_packs()
    for declared in ("Genshin Impact", "Genshin Impact (Video Game)", GENSHIN):
        assert [p.name for p in declared_packs([declared], packs)] == [GENSHIN], declared


def test_harry_potter_oaths_by_merlin_stay_harry_potter() -> None:
    # Wizards swear by Merlin and the Weasleys' father is Arthur: neither makes a story BBC Merlin.
    text = (
        "\"Merlin's beard,\" Ron breathed, staring at the Burrow's smoking kitchen. Arthur Weasley "
        "came running with his wand out, and Molly was right behind him. Hermione had already "
        "vanished the cauldron, and Harry could not stop laughing."
    )
    assert [g.name for g in guess_from_text(text, load_packs())] == ["Harry Potter - J. K. Rowling"]


def test_harry_potter_molly_and_andromeda_are_their_canon_names() -> None:
    # AO3 tags them "Molly Weasley" and "Andromeda Tonks"; stories call them by their given names.
    text = (
        "Molly set the kettle on. Andromeda sat by the fire with her knitting, and Molly poured. "
        "Andromeda thanked her and Molly smiled."
    )
    work = run(from_text(text), Options(fandom="Harry Potter"))
    cast = {c.name: c for c in work.characters}
    assert {"Molly Weasley", "Andromeda Tonks"} <= set(cast)
    assert cast["Andromeda Tonks"].gender == "F"
    assert "Molly" not in cast and "Andromeda" not in cast


def test_fullmetal_alchemist_ranks_nicknames_and_ships() -> None:
    pack = bundled("Fullmetal Alchemist")
    assert set(ship_members(pack, "Royai")) == {"Riza Hawkeye", "Roy Mustang"}
    assert set(ship_members(pack, "Edwin")) == {"Edward Elric", "Winry Rockbell"}
    index = character_index(pack)
    expected = {
        "fullmetal": "Edward Elric",
        "elric": "Edward Elric",
        "al": "Alphonse Elric",
        "the flame alchemist": "Roy Mustang",
        "colonel mustang": "Roy Mustang",
        "the lieutenant": "Riza Hawkeye",
        "hughes": "Maes Hughes",
        "armstrong": "Alex Louis Armstrong",
        "envy": "Envy (Fullmetal Alchemist)",
        "the fuhrer": "King Bradley",
        "may": "May Chang",
    }
    assert {key: index[key].name for key in expected} == expected
    assert index["riza"].gender == "F" and index["winry"].gender == "F" and index["ed"].gender == "M"
    packs = load_packs()
    for declared in ("Fullmetal Alchemist: Brotherhood", "FMA", "Fullmetal Alchemist (Anime 2003)"):
        assert [p.name for p in declared_packs([declared], packs)] == ["Fullmetal Alchemist"], declared


def test_attack_on_titan_titles_spellings_and_ships() -> None:
    pack = bundled(SNK)
    assert set(ship_members(pack, "Ereri")) == {"Eren Yeager", "Levi Ackerman"}
    assert set(ship_members(pack, "Jeanmarco")) == {"Jean Kirstein", "Marco Bott"}
    index = character_index(pack)
    expected = {
        "jaeger": "Eren Yeager",
        "heichou": "Levi Ackerman",
        "the corporal": "Levi Ackerman",
        "the commander": "Erwin Smith",
        "hanji": "Hange Zoë",
        "four eyes": "Hange Zoë",
        "horseface": "Jean Kirstein",
        "krista": "Historia Reiss",
        "bertolt": "Bertholdt Hoover",
        "the armored titan": "Reiner Braun",
        "ymir": "Ymir (Shingeki no Kyojin)",
    }
    assert {key: index[key].name for key in expected} == expected
    assert "ackerman" not in index  # Levi, Mikasa and Kenny
    assert index["mikasa"].gender == "F" and index["hange"].gender == "U" and index["eren"].gender == "M"
    packs = load_packs()
    for declared in ("Shingeki no Kyojin", "Attack on Titan", "SnK", SNK):
        assert [p.name for p in declared_packs([declared], packs)] == [SNK], declared


def test_mo_dao_zu_shi_courtesy_names_titles_and_ships() -> None:
    pack = bundled(MDZS)
    assert set(ship_members(pack, "Wangxian")) == {"Lán Zhàn | Lán Wàngjī", "Wèi Yīng | Wèi Wúxiàn"}
    assert set(ship_members(pack, "Xicheng")) == {"Jiāng Chéng | Jiāng Wǎnyín", "Lán Huàn | Lán Xīchén"}
    index = character_index(pack)
    expected = {
        "wei wuxian": "Wèi Yīng | Wèi Wúxiàn",
        "the yiling patriarch": "Wèi Yīng | Wèi Wúxiàn",
        "lan wangji": "Lán Zhàn | Lán Wàngjī",
        "hanguang-jun": "Lán Zhàn | Lán Wàngjī",
        "jiang wanyin": "Jiāng Chéng | Jiāng Wǎnyín",
        "zewu-jun": "Lán Huàn | Lán Xīchén",
        "meng yao": "Jīn Guāngyáo",
        "a-yuan": "Lán Yuàn | Lán Sīzhuī",
        "shijie": "Jiāng Yànlí",
        "wen qionglin": "Wēn Níng | Wēn Qiónglín",
    }
    assert {key: index[key].name for key in expected} == expected
    assert "lan" not in index and "jiang" not in index and "wen" not in index  # whole clans
    assert index["jiang yanli"].gender == "F" and index["wen qing"].gender == "F"
    packs = load_packs()
    for declared in ("Mo Dao Zu Shi", "MDZS", "The Untamed", "陈情令 | The Untamed (TV)", MDZS):
        assert [p.name for p in declared_packs([declared], packs)] == [MDZS], declared


def test_tian_guan_ci_fu_titles_disguises_and_ships() -> None:
    pack = bundled(TGCF)
    xie_lian, hua_cheng = "Xiè Lián (Tiān Guān Cì Fú)", "Huā Chéng (Tiān Guān Cì Fú)"
    assert set(ship_members(pack, "Hualian")) == {hua_cheng, xie_lian}
    assert set(ship_members(pack, "Fengqing")) == {"Fēng Xìn (Tiān Guān Cì Fú)", "Mù Qíng (Tiān Guān Cì Fú)"}
    index = character_index(pack)
    expected = {
        "xie lian": xie_lian,
        "dianxia": xie_lian,
        "the crown prince": xie_lian,
        "san lang": hua_cheng,
        "crimson rain sought flower": hua_cheng,
        "nan yang": "Fēng Xìn (Tiān Guān Cì Fú)",
        "xuan zhen": "Mù Qíng (Tiān Guān Cì Fú)",
        "ming yi": "Hè Xuán (Tiān Guān Cì Fú)",
        "the wind master": "Shī Qīngxuán (Tiān Guān Cì Fú)",
        "general pei": "Péi Míng (Tiān Guān Cì Fú)",
    }
    assert {key: index[key].name for key in expected} == expected
    assert "pei" not in index and "shi" not in index  # two of each
    assert index["ling wen"].gender == "F" and index["shi qingxuan"].gender == "M"
    packs = load_packs()
    for declared in ("Tian Guan Ci Fu", "TGCF", "Heaven Official's Blessing", TGCF):
        assert [p.name for p in declared_packs([declared], packs)] == [TGCF], declared


def test_percy_jackson_nicknames_gods_and_ships() -> None:
    pack = bundled(PJO)
    assert set(ship_members(pack, "Percabeth")) == {"Annabeth Chase", "Percy Jackson"}
    assert set(ship_members(pack, "Solangelo")) == {"Nico di Angelo", "Will Solace"}
    index = character_index(pack)
    expected = {
        "seaweed brain": "Percy Jackson",
        "wise girl": "Annabeth Chase",
        "di angelo": "Nico di Angelo",
        "death boy": "Nico di Angelo",
        "mr. d": "Dionysus (Percy Jackson)",
        "lester": "Apollo (Percy Jackson)",
        "reyna": "Reyna Avila Ramírez-Arellano",
        "chiron": "Chiron (Percy Jackson)",
    }
    assert {key: index[key].name for key in expected} == expected
    assert "grace" not in index and "stoll" not in index  # a word, and two brothers
    assert index["annabeth"].gender == "F" and index["hazel"].gender == "F" and index["leo"].gender == "M"
    packs = load_packs()
    for declared in ("Percy Jackson and the Olympians", "PJO", "The Heroes of Olympus - Rick Riordan", PJO):
        assert [p.name for p in declared_packs([declared], packs)] == [PJO], declared


def test_batman_masks_robins_and_ships() -> None:
    pack = bundled(BATMAN)
    assert set(ship_members(pack, "Batcat")) == {"Bruce Wayne", "Selina Kyle"}
    assert set(ship_members(pack, "Jaytim")) == {"Jason Todd", "Tim Drake"}
    index = character_index(pack)
    expected = {
        "batman": "Bruce Wayne",
        "the dark knight": "Bruce Wayne",
        "nightwing": "Dick Grayson",
        "red hood": "Jason Todd",
        "little wing": "Jason Todd",
        "replacement": "Tim Drake",
        "the butler": "Alfred Pennyworth",
        "babs": "Barbara Gordon",
        "the commissioner": "James Gordon",
        "catwoman": "Selina Kyle",
        "the joker": "Joker (DCU)",
    }
    assert {key: index[key].name for key in expected} == expected
    assert "robin" not in index and "batgirl" not in index  # several of each
    assert index["damian"].gender == "M" and index["harley"].gender == "F"
    packs = load_packs()
    for declared in ("Batman", "Batman (Comics)", "Batman Begins (2005)", "DCU", BATMAN):
        assert [p.name for p in declared_packs([declared], packs)] == [BATMAN], declared


def test_avatar_bending_titles_nicknames_and_ships() -> None:
    pack = bundled(ATLA)
    assert set(ship_members(pack, "Zutara")) == {"Katara (Avatar)", "Zuko (Avatar)"}
    assert set(ship_members(pack, "Tyzula")) == {"Azula (Avatar)", "Ty Lee"}
    index = character_index(pack)
    expected = {
        "the avatar": "Aang (Avatar)",
        "twinkletoes": "Aang (Avatar)",
        "sugar queen": "Katara (Avatar)",
        "the waterbender": "Katara (Avatar)",
        "sparky": "Zuko (Avatar)",
        "the blue spirit": "Zuko (Avatar)",
        "the blind bandit": "Toph Beifong",
        "the dragon of the west": "Iroh (Avatar)",
        "gran gran": "Kanna (Avatar)",
    }
    assert {key: index[key].name for key in expected} == expected
    assert "the fire lord" not in index and "uncle" not in index  # Ozai, then Zuko; every family
    assert index["azula"].gender == "F" and index["toph"].gender == "F" and index["sokka"].gender == "M"
    packs = load_packs()
    for declared in ("ATLA", "Avatar: The Last Airbender (Cartoon)", "Avatar: Legend of Aang", ATLA):
        assert [p.name for p in declared_packs([declared], packs)] == [ATLA], declared


def test_jujutsu_kaisen_spellings_titles_and_ships() -> None:
    pack = bundled(JJK)
    assert set(ship_members(pack, "Satosugu")) == {"Getou Suguru", "Gojo Satoru"}
    assert set(ship_members(pack, "Itafushi")) == {"Fushiguro Megumi", "Itadori Yuuji"}
    index = character_index(pack)
    expected = {
        "gojo-sensei": "Gojo Satoru",
        "the strongest": "Gojo Satoru",
        "geto": "Getou Suguru",
        "yuji": "Itadori Yuuji",
        "fushiguro": "Fushiguro Megumi",
        "toji": "Fushiguro Touji",
        "nanamin": "Nanami Kento",
        "the king of curses": "Ryoumen Sukuna",
        "todo": "Toudou Aoi",
    }
    assert {key: index[key].name for key in expected} == expected
    assert "zenin" not in index  # Maki, Mai, Naoya and the elders
    assert index["nobara"].gender == "F" and index["shoko"].gender == "F" and index["megumi"].gender == "M"
    packs = load_packs()
    for declared in ("Jujutsu Kaisen", "JJK", "呪術廻戦 | Jujutsu Kaisen (Manga)", JJK):
        assert [p.name for p in declared_packs([declared], packs)] == [JJK], declared


def test_one_piece_crew_titles_nicknames_and_ships() -> None:
    pack = bundled(ONE_PIECE)
    assert set(ship_members(pack, "Zosan")) == {"Roronoa Zoro", "Vinsmoke Sanji"}
    assert set(ship_members(pack, "Lawlu")) == {"Monkey D. Luffy", "Trafalgar D. Water Law"}
    index = character_index(pack)
    expected = {
        "luffy": "Monkey D. Luffy",
        "the straw hat": "Monkey D. Luffy",
        "marimo": "Roronoa Zoro",
        "the swordsman": "Roronoa Zoro",
        "curly brow": "Vinsmoke Sanji",
        "the cook": "Vinsmoke Sanji",
        "torao": "Trafalgar D. Water Law",
        "cora-san": "Donquixote Rosinante",
        "whitebeard": "Edward Newgate",
        "fire fist ace": "Portgas D. Ace",
    }
    assert {key: index[key].name for key in expected} == expected
    assert "monkey" not in index and "the captain" not in index  # a family; every crew's
    assert index["nami"].gender == "F" and index["robin"].gender == "F" and index["chopper"].gender == "M"
    packs = load_packs()
    for declared in ("One Piece", "One Piece (Live Action TV 2023)", ONE_PIECE):
        assert [p.name for p in declared_packs([declared], packs)] == [ONE_PIECE], declared


def test_fairy_tail_guild_nicknames_and_ships() -> None:
    pack = bundled(FAIRY_TAIL)
    assert set(ship_members(pack, "Nalu")) == {"Lucy Heartfilia", "Natsu Dragneel"}
    assert set(ship_members(pack, "Gruvia")) == {"Gray Fullbuster", "Juvia Lockser"}
    index = character_index(pack)
    expected = {
        "the salamander": "Natsu Dragneel",
        "flame brain": "Natsu Dragneel",
        "dragneel": "Natsu Dragneel",
        "luce": "Lucy Heartfilia",
        "titania": "Erza Scarlet",
        "ice princess": "Gray Fullbuster",
        "happy": "Happy (Fairy Tail)",
        "charle": "Carla (Fairy Tail)",
        "mira": "Mirajane Strauss",
    }
    assert {key: index[key].name for key in expected} == expected
    assert "dreyar" not in index and "strauss" not in index  # three of each
    assert index["lucy"].gender == "F" and index["erza"].gender == "F" and index["natsu"].gender == "M"
    packs = load_packs()
    for declared in ("Fairy Tail", "FAIRY TAIL", FAIRY_TAIL):
        assert [p.name for p in declared_packs([declared], packs)] == [FAIRY_TAIL], declared
