"""The helpers of fandex.fandoms (its __init__): lookups other stages use, and the pack folders."""

from __future__ import annotations

from pathlib import Path

import pytest

from fandex.errors import FandexError
from fandex.fandoms import (
    FandomPack,
    PackCharacter,
    character_index,
    endearments,
    find_episode,
    get_pack,
    load_packs,
    pack_for_work,
    packs_for_work,
    ship_members,
)
from fandex.fandoms.loader import pack_from_data
from fandex.work import FandomGuess, Work


def small_pack() -> FandomPack:
    return pack_from_data(
        {
            "name": "Tiny Canon",
            "characters": [
                {"name": "Mara Vell", "aliases": ["Mara"], "epithets": ["the pilot", "the captain"]},
                {"name": "Oskar Dunn", "aliases": ["Oskar"], "epithets": ["the captain"]},
            ],
            "episodes": [
                {"season": 1, "number": 1, "title": "Fire & Ice (Part 1)"},
                {"season": 1, "number": 2, "title": "Fire & Ice (Part 2)"},
                {"season": 1, "number": 3, "title": "The Long Night?"},
                {"season": 2, "number": 1, "title": "Café Noir"},
            ],
            "ships": {"Marskar": ["Mara Vell", "Oskar Dunn"]},
            "endearments": ["starlight"],
        },
        "tiny.yaml",
    )


def test_character_index_maps_every_key_and_drops_shared_ones() -> None:
    index = character_index(small_pack())
    assert index["mara"].name == "Mara Vell"
    assert index["the pilot"].name == "Mara Vell"
    assert index["oskar dunn"].name == "Oskar Dunn"
    assert "the captain" not in index  # both characters claim it


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("fire and ice part 2", "1x02"),
        ("Fire & Ice", "1x01"),  # no part given: the first
        ("long night", "1x03"),  # no leading "The", no "?"
        ("CAFE NOIR", "2x01"),  # accents and case
    ],
)
def test_find_episode_is_loose_about_case_and_punctuation(query: str, code: str) -> None:
    episode = find_episode(small_pack(), query)
    assert episode is not None and episode.code == code


def test_find_episode_unknown_title() -> None:
    assert find_episode(small_pack(), "Fire") is None
    assert find_episode(small_pack(), "") is None


def test_ship_members_by_name_and_by_slash_pairing() -> None:
    pack = small_pack()
    assert ship_members(pack, "marskar") == ("Mara Vell", "Oskar Dunn")
    assert ship_members(pack, "Oskar/Mara") == ("Oskar Dunn", "Mara Vell")
    assert ship_members(pack, "Mara/Nobody") == ()
    assert ship_members(pack, "Unknownship") == ()


def test_endearments_are_general_plus_the_packs() -> None:
    words = endearments(small_pack())
    assert {"sweetheart", "darling", "starlight"} <= words
    assert "starlight" not in endearments()
    btvs = get_pack("Buffy the Vampire Slayer")
    assert btvs is not None and {"luv", "pet", "ducks"} <= endearments(btvs)
    # An endearment is never also a character's name in the same pack.
    names = {k for c in btvs.characters for k in (c.name.lower(), *(a.lower() for a in c.aliases))}
    assert not names & endearments(btvs)


def test_get_pack_by_alias_case_insensitively() -> None:
    pack = get_pack("btvs")
    assert pack is not None and pack.name == "Buffy the Vampire Slayer"
    assert get_pack("No Such Fandom") is None


def test_pack_for_work_uses_the_best_guess() -> None:
    work = Work(text="")
    assert pack_for_work(work) is None
    work.fandoms = [FandomGuess("Sherlock (TV)", 0.9), FandomGuess("Buffy the Vampire Slayer", 0.6)]
    pack = pack_for_work(work)
    assert pack is not None and pack.name == "Sherlock (TV)"


def test_packs_for_work_gives_every_fandoms_pack_once_in_order() -> None:
    work = Work(text="")
    assert packs_for_work(work) == []
    work.fandoms = [
        FandomGuess("Sherlock (TV)", 1.0),
        FandomGuess("No Such Fandom", 1.0),
        FandomGuess("Buffy the Vampire Slayer", 1.0),
        FandomGuess("BtVS", 1.0),
    ]
    assert [pack.name for pack in packs_for_work(work)] == ["Sherlock (TV)", "Buffy the Vampire Slayer"]


USER_BTVS = """\
name: Buffy the Vampire Slayer
characters:
  - name: Buffy Summers
    gender: F
  - name: Faith Lehane
    gender: F
"""


def test_user_pack_folder_overrides_a_bundled_pack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "my_buffy.yaml").write_text(USER_BTVS, encoding="utf-8")
    pack = get_pack("Buffy the Vampire Slayer", [tmp_path])
    assert pack is not None and [c.name for c in pack.characters] == ["Buffy Summers", "Faith Lehane"]
    # The bundled packs are still there beside it, and the bundled BtVS when the folder is not given.
    assert len(load_packs([tmp_path])) == len(load_packs())
    assert len(get_pack("Buffy the Vampire Slayer").characters) > 2
    # The same through FANDEX_PACKS.
    env_dir = tmp_path / "env"
    env_dir.mkdir()
    (env_dir / "buffy.yaml").write_text(USER_BTVS, encoding="utf-8")
    monkeypatch.setenv("FANDEX_PACKS", str(env_dir))
    assert get_pack("BtVS") is None  # the user's pack replaces the bundled one whole, aliases too
    assert get_pack("Buffy the Vampire Slayer").source.startswith(str(env_dir))


def test_pack_character_defaults() -> None:
    character = PackCharacter(name="Someone")
    assert (character.gender, character.role, character.aliases) == ("U", "main", ())


def test_missing_pack_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(FandexError, match=r"fandom pack folder not found"):
        load_packs([tmp_path / "no-such-folder"])


def test_two_packs_of_one_fandom_in_one_folder_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("name: Twice\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("name: twice\n", encoding="utf-8")
    with pytest.raises(FandexError) as raised:
        load_packs([tmp_path])
    assert "b.yaml" in raised.value.one_line() and "a.yaml" in raised.value.one_line()
