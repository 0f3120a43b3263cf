"""Reading one pack file into a FandomPack, with clear errors for a malformed file.

A pack is user-editable data, so every mistake a person can make in it (a misspelt key, a list where
a string belongs, the same character twice, a gender outside F/M/N/U) is reported as one line naming
the file and the problem, rather than surfacing later as a wrong guess or a traceback.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any, NoReturn

import yaml

from fandex import person_words
from fandex.errors import FandexError
from fandex.fandoms import Episode, FandomPack, PackCharacter

HINT = "see docs/fandom-packs.md"

PACK_KEYS = frozenset(
    {
        "name",
        "aliases",
        "characters",
        "episodes",
        "places",
        "terms",
        "ships",
        "endearments",
        "family_name_first",
    }
)
CHARACTER_KEYS = frozenset({"name", "aliases", "nicknames", "epithets", "gender", "role"})
EPISODE_KEYS = frozenset({"season", "number", "title"})
GENDERS = frozenset({"F", "M", "N", "U"})
# libyaml's loader when PyYAML was built with it: parsing the bundled packs drops from ~0.7 s to ~0.1 s.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
ROLES = frozenset({"main", "recurring", "minor"})


def load_pack_file(path: Path) -> FandomPack:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_SAFE_LOADER)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        problem = str(error).replace("\n", " ")
        raise FandexError(f"cannot read fandom pack: {problem}", path=path, hint=HINT) from None
    return pack_from_data(data, path)


def pack_from_data(data: Any, path: Path | str) -> FandomPack:
    """Validate the parsed YAML of one pack and build the FandomPack (``path`` is for messages)."""
    if not isinstance(data, dict):
        _fail(path, "a fandom pack is a mapping with at least a top-level `name`")
    _check_keys(data, PACK_KEYS, "the pack", path)
    name = _string(data.get("name"), "`name`", path)
    characters = tuple(
        _character(entry, index, path)
        for index, entry in enumerate(_list(data.get("characters"), "`characters`", path), start=1)
    )
    _check_unique([c.name for c in characters], "character name", path)
    family_name_first = _flag(data.get("family_name_first", False), "`family_name_first`", path)
    if family_name_first:
        characters = with_western_order(characters)
    episodes = tuple(
        _episode(entry, index, path)
        for index, entry in enumerate(_list(data.get("episodes"), "`episodes`", path), start=1)
    )
    _check_unique([e.code for e in episodes], "episode", path)
    known_names = {c.name for c in characters}
    ships = _ships(data.get("ships"), known_names, path)
    return FandomPack(
        name=name,
        aliases=_strings(data.get("aliases"), "`aliases`", path),
        characters=characters,
        episodes=episodes,
        places=_strings(data.get("places"), "`places`", path),
        terms=_strings(data.get("terms"), "`terms`", path),
        ships=ships,
        endearments=_strings(data.get("endearments"), "`endearments`", path),
        family_name_first=family_name_first,
        source=str(path),
    )


# A Japanese long vowel romanised two ways: AO3 tags write "Shouto", "Shouji" and "Yuuta", the
# English releases and many stories "Shoto", "Shoji" and "Yuta". Only inside a name of four letters
# or more, after its first letter.
_LONG_VOWEL = re.compile(r"(?<=\w)(?:uu|ou)")


def _short_vowels(name: str) -> str:
    return " ".join(
        _LONG_VOWEL.sub(lambda m: m.group()[0], word) if len(word) >= 4 else word for word in name.split()
    )


def with_western_order(characters: tuple[PackCharacter, ...]) -> tuple[PackCharacter, ...]:
    """The characters of a family-name-first pack, each two-word name also an alias in the western
    order ("Todoroki Fuyumi" is also "Fuyumi Todoroki", and "Fuyumi Todoroki" with short vowels).

    Stories write both orders, and a pack that lists only the one-word forms would let a western
    "Fuyumi Todoroki" fall apart into her given name and a family name the pack gives her brother.
    A derived form another character already has (as name, alias or nickname) is left out, so the
    derivation never makes a name ambiguous.
    """
    taken: dict[str, str] = {}
    for character in characters:
        for form in (character.name, *character.aliases, *character.nicknames):
            taken.setdefault(form.lower(), character.name)
    result = []
    for character in characters:
        words = person_words.without_disambiguation(character.name).split()
        if len(words) != 2 or person_words.family_name(character.name, family_first=True) is None:
            result.append(character)  # one name, a description ("the Doctor") or a longer name
            continue
        own = {form.lower() for form in (" ".join(words), *character.aliases)}
        western = f"{words[1]} {words[0]}"
        short = _short_vowels(western)
        added = tuple(
            form
            for form in dict.fromkeys((western, short))
            if taken.setdefault(form.lower(), character.name) == character.name and form.lower() not in own
        )
        result.append(
            dataclasses.replace(character, aliases=(*character.aliases, *added)) if added else character
        )
    return tuple(result)


def _character(data: Any, index: int, path: Path | str) -> PackCharacter:
    where = f"character #{index}"
    if isinstance(data, str) and data.strip():
        return PackCharacter(name=data.strip())
    if not isinstance(data, dict):
        _fail(path, f"{where} must be a name or a mapping with a `name`, not {_kind(data)}")
    name = _string(data.get("name"), f"{where}: `name`", path)
    where = f"character {name!r}"
    _check_keys(data, CHARACTER_KEYS, where, path)
    gender = str(data.get("gender", "U")).strip()
    if gender not in GENDERS:
        _fail(path, f"{where}: gender {gender!r} is not one of F, M, N, U")
    role = str(data.get("role", "main")).strip()
    if role not in ROLES:
        _fail(path, f"{where}: role {role!r} is not one of main, recurring, minor")
    return PackCharacter(
        name=name,
        aliases=_strings(data.get("aliases"), f"{where}: `aliases`", path),
        nicknames=_strings(data.get("nicknames"), f"{where}: `nicknames`", path),
        epithets=_strings(data.get("epithets"), f"{where}: `epithets`", path),
        gender=gender,
        role=role,
    )


def _episode(data: Any, index: int, path: Path | str) -> Episode:
    where = f"episode #{index}"
    if not isinstance(data, dict):
        _fail(path, f"{where} must be a mapping with season, number and title, not {_kind(data)}")
    _check_keys(data, EPISODE_KEYS, where, path)
    for key in ("season", "number"):
        value = data.get(key)
        # bool is an int in Python; `season: yes` is a typo, not season 1.
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            _fail(path, f"{where}: `{key}` must be a whole number, not {value!r}")
    title = _string(data.get("title"), f"{where}: `title`", path)
    return Episode(season=data["season"], number=data["number"], title=title)


def _ships(value: Any, known_names: set[str], path: Path | str) -> dict[str, tuple[str, ...]]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        _fail(path, f"`ships` must map a ship name to its characters, not {_kind(value)}")
    ships: dict[str, tuple[str, ...]] = {}
    for ship, members in value.items():
        ship_name = str(ship).strip()
        names = _strings(members, f"ship {ship_name!r}", path)
        if len(names) < 2:
            _fail(path, f"ship {ship_name!r} needs at least two characters")
        for member in names:
            if member not in known_names:
                _fail(path, f"ship {ship_name!r}: {member!r} is not a character name of this pack")
        if ship_name.lower() in (s.lower() for s in ships):
            _fail(path, f"ship {ship_name!r} is listed twice")
        ships[ship_name] = names
    return ships


def _check_keys(data: dict[Any, Any], allowed: frozenset[str], where: str, path: Path | str) -> None:
    unknown = sorted(str(k) for k in data if k not in allowed)
    if unknown:
        _fail(path, f"{where}: unknown key {unknown[0]!r} (allowed: {', '.join(sorted(allowed))})")


def _check_unique(values: list[str], what: str, path: Path | str) -> None:
    seen: set[str] = set()
    for value in values:
        key = value.lower()
        if key in seen:
            _fail(path, f"duplicate {what} {value!r}")
        seen.add(key)


def _flag(value: Any, where: str, path: Path | str) -> bool:
    if not isinstance(value, bool):
        _fail(path, f"{where} must be true or false")
    return value


def _string(value: Any, where: str, path: Path | str) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int | float) or not str(value).strip():
        _fail(path, f"{where} must be a non-empty string, not {_kind(value)}")
    return str(value).strip()


def _list(value: Any, where: str, path: Path | str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        _fail(path, f"{where} must be a list, not {_kind(value)}")
    return value


def _strings(value: Any, where: str, path: Path | str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    items = _list(value, where, path)
    return tuple(_string(item, f"{where} item", path) for item in items)


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"{type(value).__name__} {value!r}"


def _fail(path: Path | str, problem: str) -> NoReturn:
    raise FandexError(problem, path=path, hint=HINT)
