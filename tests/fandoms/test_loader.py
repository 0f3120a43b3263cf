"""The pack loader: a valid pack loads; each kind of mistake is one FandexError naming the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from fandex.errors import FandexError
from fandex.fandoms.loader import load_pack_file

VALID = """\
name: Test Fandom
aliases: [TF]
characters:
  - name: Ada Quill
    gender: F
    aliases: [Ada]
    nicknames: [Quilly]
    epithets: [the inventor]
  - name: Bram Stoker-Vane
    gender: M
    role: recurring
  - Corvin
episodes:
  - {season: 1, number: 1, title: "Pilot"}
  - {season: 1, number: 2, title: "Second Wind"}
places: [Quill Manor]
terms: [cogwork]
ships:
  Adabram: [Ada Quill, Bram Stoker-Vane]
endearments: [cog]
"""


def write(tmp_path: Path, text: str, name: str = "pack.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_valid_pack_loads_every_field(tmp_path: Path) -> None:
    pack = load_pack_file(write(tmp_path, VALID))
    assert pack.name == "Test Fandom"
    assert pack.aliases == ("TF",)
    ada, bram, corvin = pack.characters
    assert (ada.name, ada.gender, ada.role) == ("Ada Quill", "F", "main")
    assert ada.aliases == ("Ada",) and ada.nicknames == ("Quilly",) and ada.epithets == ("the inventor",)
    assert (bram.gender, bram.role) == ("M", "recurring")
    assert (corvin.name, corvin.gender) == ("Corvin", "U")  # a bare string is a name
    assert [e.code for e in pack.episodes] == ["1x01", "1x02"]
    assert pack.episodes[1].title == "Second Wind"
    assert pack.places == ("Quill Manor",) and pack.terms == ("cogwork",)
    assert pack.ships == {"Adabram": ("Ada Quill", "Bram Stoker-Vane")}
    assert pack.endearments == ("cog",)
    assert pack.source.endswith("pack.yaml")
    assert pack.family_name_first is False  # unset: names are in western order


def test_family_name_first_flag_loads(tmp_path: Path) -> None:
    pack = load_pack_file(write(tmp_path, "name: X\nfamily_name_first: true\ncharacters: [Quill Ada]\n"))
    assert pack.family_name_first is True


BROKEN = {
    "not yaml": ("name: [unclosed\n", "cannot read fandom pack"),
    "not a mapping": ("- just\n- a list\n", "mapping"),
    "no name": ("aliases: [X]\n", "`name`"),
    "unknown pack key": ("name: X\ncharacter: []\n", "unknown key 'character'"),
    "unknown character key": (
        "name: X\ncharacters:\n  - name: A\n    nickname: [B]\n",
        "unknown key 'nickname'",
    ),
    "bad gender": ("name: X\ncharacters:\n  - name: A\n    gender: female\n", "gender 'female'"),
    "bad role": ("name: X\ncharacters:\n  - name: A\n    role: star\n", "role 'star'"),
    "duplicate character": (
        "name: X\ncharacters:\n  - name: Ann Lee\n  - name: ann lee\n",
        "duplicate character name",
    ),
    "aliases not a list": ("name: X\naliases: {a: b}\n", "`aliases` must be a list"),
    "alias not a string": ("name: X\naliases: [[nested]]\n", "must be a non-empty string"),
    "characters not a list": ("name: X\ncharacters: Ann\n", "`characters` must be a list"),
    "episode without title": ("name: X\nepisodes:\n  - {season: 1, number: 1}\n", "`title`"),
    "episode number not a number": (
        "name: X\nepisodes:\n  - {season: 1, number: two, title: T}\n",
        "`number` must be a whole number",
    ),
    "duplicate episode": (
        "name: X\nepisodes:\n  - {season: 1, number: 1, title: A}\n  - {season: 1, number: 1, title: B}\n",
        "duplicate episode '1x01'",
    ),
    "ship of unknown character": (
        "name: X\ncharacters: [Ann]\nships:\n  Annbob: [Ann, Bob]\n",
        "'Bob' is not a character name",
    ),
    "family_name_first not a flag": ("name: X\nfamily_name_first: yes please\n", "must be true or false"),
    "ship of one": ("name: X\ncharacters: [Ann]\nships:\n  Solo: [Ann]\n", "at least two"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_malformed_pack_is_one_error_naming_the_file(tmp_path: Path, case: str) -> None:
    text, expected = BROKEN[case]
    path = write(tmp_path, text, name="broken_pack.yaml")
    with pytest.raises(FandexError) as raised:
        load_pack_file(path)
    message = raised.value.one_line()
    assert "broken_pack.yaml" in message
    assert expected in message
    assert "\n" not in message


def test_unreadable_encoding_is_a_fandex_error(tmp_path: Path) -> None:
    path = tmp_path / "latin.yaml"
    path.write_bytes("name: Caf\xe9\n".encode("latin-1"))
    with pytest.raises(FandexError, match=r"latin\.yaml"):
        load_pack_file(path)


def test_the_documented_example_pack_loads(tmp_path: Path) -> None:
    docs = Path(__file__).resolve().parents[2] / "docs" / "fandom-packs.md"
    text = docs.read_text(encoding="utf-8")
    example = text.split("```yaml\n", 1)[1].split("```", 1)[0]
    pack = load_pack_file(write(tmp_path, example, name="firefly.yaml"))
    assert pack.name == "Firefly"
    assert [c.name for c in pack.characters] == [
        "Malcolm Reynolds",
        "Zoë Washburne",
        "Inara Serra",
        "Jayne Cobb",
    ]
    assert pack.characters[2].role == "recurring" and pack.characters[3].gender == "U"
    assert pack.ships["Mal/Inara"] == ("Malcolm Reynolds", "Inara Serra")


def test_the_documented_error_message(tmp_path: Path) -> None:
    path = write(
        tmp_path, "name: X\ncharacters:\n  - name: Zoë Washburne\n    gender: female\n", "firefly.yaml"
    )
    with pytest.raises(FandexError) as raised:
        load_pack_file(path)
    assert raised.value.one_line() == (
        f"{path}: character 'Zoë Washburne': gender 'female' is not one of F, M, N, U "
        "(see docs/fandom-packs.md)"
    )


def test_a_family_name_first_pack_gives_each_two_word_name_in_the_western_order_too(tmp_path: Path) -> None:
    text = (
        "name: X\nfamily_name_first: true\ncharacters:\n"
        "  - {name: Touma Reiko, aliases: [Reiko]}\n"
        "  - {name: Lind Greta, aliases: [Greta Lind]}\n"  # already listed: not twice
        "  - Mio (X)\n"  # one name: nothing to turn round
    )
    reiko, greta, mio = load_pack_file(write(tmp_path, text)).characters
    # The western order, and with the long vowel written short as the English releases do.
    assert reiko.aliases == ("Reiko", "Reiko Touma", "Reiko Toma")
    assert greta.aliases == ("Greta Lind",)
    assert mio.aliases == ()


def test_a_western_order_name_another_character_has_is_not_derived(tmp_path: Path) -> None:
    text = (
        "name: X\nfamily_name_first: true\ncharacters:\n"
        "  - {name: Aki Ren, aliases: [Ren]}\n"
        "  - {name: Ren Aki, aliases: [Aki, Ren Aki]}\n"
    )
    first, second = load_pack_file(write(tmp_path, text)).characters
    assert first.aliases == ("Ren",)  # "Ren Aki" is the other's name
    assert second.aliases == ("Aki", "Ren Aki")  # "Aki Ren" is the first's name


def test_a_western_pack_gets_no_turned_round_names(tmp_path: Path) -> None:
    pack = load_pack_file(
        write(tmp_path, "name: X\ncharacters:\n  - {name: Reiko Touma, aliases: [Reiko]}\n")
    )
    assert pack.characters[0].aliases == ("Reiko",)
