"""Packs of the second set of large AO3 fandoms: each detects its fandom on a handmade snippet and
names its cast as AO3 tags them, and a near miss (another story sharing its words: real countries,
a ring, a wolf, Paris) is never given the fandom. Snippets are written for these tests."""

from __future__ import annotations

import pytest

from fandex.fandom import guess_from_text
from fandex.fandoms import character_index, get_pack, load_packs, ship_members
from fandex.options import Options
from fandex.pipeline import run
from fandex.readers import from_text

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

SNIPPETS = {
    HETALIA: (
        "The World Meeting had dragged on for three hours. Alfred slammed his hands on the table and "
        'announced that he had a plan, and Arthur groaned into his tea. "Sit down, you git," Arthur '
        "said. Across the room Feliciano was asking Ludwig whether there would be pasta at lunch, and "
        "Gilbert laughed so loudly that Roderich glared at him. Ivan only smiled, and Toris edged his "
        "chair away."
    ),
    TOLKIEN: (
        "The road out of Hobbiton was wet with rain. Frodo pulled his hood lower and Sam trudged "
        'beside him with the pots clanking on his pack. "Mr. Frodo, we ought to stop at Bree," Sam '
        "said. Behind them Merry and Pippin argued about second breakfast, and far away in Rivendell "
        "Gandalf was waiting with Aragorn and Legolas."
    ),
    ASOIAF: (
        "Snow fell thick over Winterfell. Sansa stood on the battlements with her cloak drawn tight, "
        'and Jon climbed up to stand beside her. "The maesters say it will be a long winter," he '
        "said. Below them Arya was drilling with Needle in the yard while Brienne watched, and a "
        "raven from King's Landing had brought word that Cersei still held the Iron Throne."
    ),
    LES_MIS: (
        "The back room of the Musain was loud with argument. Enjolras stood on a chair and spoke of"
        ' the barricades, and Grantaire, slumped in the corner with a bottle, toasted him. "Sit '
        'down, Apollo," Grantaire called. Combeferre sighed, Courfeyrac laughed, and Jehan went on '
        "writing his poem. Marius came in late, talking of a girl in the Luxembourg called Cosette."
    ),
    BSD: (
        "The Armed Detective Agency was quiet for once. Dazai lay across the sofa with a book on "
        "double suicide while Kunikida shouted at him to do his paperwork. Atsushi brought tea, and"
        " Ranpo demanded sweets. Across the city, in the Port Mafia headquarters, Chuuya threw his "
        "hat onto the desk and swore that he would kill that mackerel one day, while Akutagawa "
        "coughed in the doorway."
    ),
    HXH: (
        "The Hunter Exam had been brutal, but Gon only grinned when they reached Whale Island. "
        "Killua trailed behind him, hands in his pockets, complaining that Aunt Mito would make him"
        " eat vegetables. \"You're a Zoldyck, you'll survive,\" Kurapika said drily, and Leorio "
        "laughed. Somewhere far away Hisoka shuffled a deck of cards and thought about ripe fruit "
        "and Nen."
    ),
    CRITICAL_ROLE: (
        "The Mighty Nein made camp on the road out of Zadash. Caleb read by the fire with Frumpkin "
        "curled in his lap while Jester painted a rude picture on Fjord's boot. Beau and Yasha "
        'sparred in the dark, and Caduceus brewed tea for everyone. "We should reach Nicodranas in '
        'three days," Fjord said, and Veth raised her crossbow in a sleepy salute.'
    ),
    HAZBIN: (
        "The lobby of the Hazbin Hotel smelled of burnt coffee again. Charlie bounced on her heels,"
        " explaining her newest redemption exercise, while Vaggie checked the doors for the third "
        "time. Angel Dust lounged across the bar and begged Husker for another drink. From the "
        "shadows Alastor watched them all with his endless smile, and Niffty swept the same corner "
        "for an hour."
    ),
    DANGANRONPA: (
        "The class trial room at Hope's Peak Academy was silent. Naegi swallowed hard and looked "
        "across the circle at Kirigiri, who gave him the smallest nod. Togami sneered, Asahina "
        "clenched her fists, and Hagakure muttered about his crystal ball. On his throne Monokuma "
        "laughed and laughed, and somewhere far away Komaeda was already talking about hope."
    ),
    POKEMON: (
        "The stadium in Hammerlocke roared as the lights came up. Raihan grinned into his phone, "
        "taking one more selfie before the match, while Leon adjusted his cape and pretended not to"
        ' be nervous. In the stands Hop waved a towel over his head. "Win this and you owe me '
        'curry," Raihan called, and Leon laughed and sent out Charizard.'
    ),
}
CAST = {
    HETALIA: {
        "America (Hetalia)",
        "England (Hetalia)",
        "North Italy (Hetalia)",
        "Germany (Hetalia)",
        "Prussia (Hetalia)",
        "Austria (Hetalia)",
        "Russia (Hetalia)",
    },
    TOLKIEN: {
        "Frodo Baggins",
        "Samwise Gamgee",
        "Meriadoc Brandybuck",
        "Peregrin Took",
        "Gandalf (Tolkien)",
        "Aragorn (Tolkien)",
        "Legolas Greenleaf",
    },
    ASOIAF: {"Sansa Stark", "Jon Snow", "Arya Stark", "Brienne of Tarth", "Cersei Lannister"},
    LES_MIS: {
        "Enjolras (Les Misérables)",
        "Grantaire (Les Misérables)",
        "Combeferre (Les Misérables)",
        "Courfeyrac (Les Misérables)",
        "Jehan Prouvaire",
        "Marius Pontmercy",
        "Cosette Fauchelevent",
    },
    BSD: {
        "Dazai Osamu (Bungou Stray Dogs)",
        "Kunikida Doppo (Bungou Stray Dogs)",
        "Nakajima Atsushi (Bungou Stray Dogs)",
        "Edogawa Ranpo (Bungou Stray Dogs)",
        "Nakahara Chuuya (Bungou Stray Dogs)",
        "Akutagawa Ryuunosuke (Bungou Stray Dogs)",
    },
    HXH: {
        "Gon Freecss",
        "Killua Zoldyck",
        "Kurapika (Hunter X Hunter)",
        "Leorio Paradinight",
        "Hisoka Morow",
        "Mito Freecss",
    },
    CRITICAL_ROLE: {
        "Caleb Widogast",
        "Jester Lavorre",
        "Fjord (Critical Role)",
        "Beauregard Lionett",
        "Yasha Nydoorin",
        "Caduceus Clay",
        "Veth Brenatto",
    },
    HAZBIN: {
        "Charlie Magne | Morningstar",
        "Vaggie (Hazbin Hotel)",
        "Angel Dust (Hazbin Hotel)",
        "Husk (Hazbin Hotel)",
        "Alastor (Hazbin Hotel)",
        "Niffty (Hazbin Hotel)",
    },
    DANGANRONPA: {
        "Naegi Makoto",
        "Kirigiri Kyouko",
        "Togami Byakuya",
        "Asahina Aoi",
        "Hagakure Yasuhiro",
        "Monokuma (Dangan Ronpa)",
        "Komaeda Nagito",
    },
    POKEMON: {"Raihan (Pokemon)", "Leon (Pokemon)", "Hop (Pokemon)"},
}
NEAR_MISSES = {
    HETALIA: (
        "In the spring of 1940 England stood alone. France had fallen in six weeks, Germany held "
        "Norway and Denmark, and Russia watched from the east while America argued about neutrality. "
        "Arthur, the vicar's son, read the news aloud to his mother every evening, and Francis the "
        "evacuee from London listened with his chin on his knees."
    ),
    TOLKIEN: (
        'Dean threw the ring onto the motel bed and flopped down beside it. "One ring to rule them '
        'all," he said, and Sam rolled his eyes. Castiel did not get the reference. "It\'s like '
        'walking into Mordor," Dean explained, "only with more demons." Bobby called at midnight '
        "about a hunt in Rivendale, Ohio, and Merry Christmas was still on the radio."
    ),
    ASOIAF: (
        'Tony Stark landed on the roof of the tower and flipped up the faceplate. "Jon from '
        'accounting says the twins are back," Pepper said over the comm. Sam Wilson laughed. Tony '
        "told them he was the king in the north of Manhattan, and that winter was coming for anyone "
        "who touched his coffee."
    ),
    LES_MIS: (
        "Marius had lived in Paris for six years before he opened the bakery. Every morning he "
        "walked past the cemetery of Montparnasse to buy flour, and every evening Madeleine came to"
        " help him close. They spoke of the revolution of 1789, of barricades, of the old songs, "
        "and of the inspector who had fined them twice."
    ),
    BSD: (
        "The seminar on nineteenth-century fiction met on Thursdays. Professor Mori assigned Poe "
        "and Fitzgerald for the first week, then Dostoyevsky, Mark Twain and Lucy Maud Montgomery; "
        "Kenji, the exchange student from Yokohama, said he had read them all in translation, and "
        "Gin, the department cat, slept through every class."
    ),
    HXH: (
        "Gon the fisherman flew his kite from the harbour wall every Sunday. His friend Wing, who "
        "ran the bakery, brought coffee, and a canary sang in the window above them. Neon signs "
        "flickered along the seafront; a boy practised his shoot on the football pitch, and the old"
        " men talked about the hunter who had gone missing in the hills."
    ),
    CRITICAL_ROLE: (
        "Percy wiped the sand off his hands at Camp Half-Blood and waited for Annabeth. Pike, the "
        "new boy from Ohio, was telling everyone about the grog his uncle brewed, while Dorian from"
        " the Hermes cabin tried to sell Molly a trinket shaped like a key. Nobody had seen Chiron "
        "since breakfast."
    ),
    HAZBIN: (
        'Dean slammed the trunk of the Impala. "Lucifer\'s out of the cage again," he said. Sam '
        "looked up from the lore. Charlie had found three sightings in Ohio, and Castiel said Adam "
        "was still down there with Michael. Crowley, of course, had an offer; somewhere Lilith's "
        "old followers were counting on them to fail, and Rowena was humming an old radio tune."
    ),
    DANGANRONPA: (
        "Practice ran late at Karasuno again. Hinata leapt for the quick and Kageyama's set was "
        "perfect; Suga cheered from the bench. Afterwards Hajime from Seijoh texted that Oikawa "
        "wanted a rematch, and Yamada from the third year lent Nanami her umbrella while Sakura "
        "waited for the bus with Leon and Maki."
    ),
    POKEMON: (
        "Ash swept the grate while Misty set the table, and Red the collie dozed by the stove. Dawn"
        " came early that winter. Brock the blacksmith called on Sundays with news of the Gold "
        "family and of Cynthia, who had gone to teach in the city; Steven read the paper aloud and "
        "James the lodger smoked his pipe."
    ),
}


@pytest.mark.parametrize("fandom", sorted(SNIPPETS))
def test_pack_detects_its_fandom_and_names_its_cast(fandom: str) -> None:
    work = run(from_text(SNIPPETS[fandom]), Options())
    assert [g.name for g in work.fandoms][:1] == [fandom]
    assert CAST[fandom] <= {c.name for c in work.characters}


@pytest.mark.parametrize("fandom", sorted(NEAR_MISSES))
def test_near_miss_is_not_the_fandom(fandom: str) -> None:
    assert fandom not in [g.name for g in guess_from_text(NEAR_MISSES[fandom], load_packs())]


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
