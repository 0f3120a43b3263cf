"""Reading one pack file into a FandomPack, with clear errors for a malformed file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from fandex.errors import FandexError
from fandex.fandoms import Episode, FandomPack, PackCharacter


def load_pack_file(path: Path) -> FandomPack:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise FandexError(f"cannot read fandom pack: {error}", path=path) from None
    if not isinstance(data, dict) or not data.get("name"):
        raise FandexError(
            "a fandom pack needs a top-level `name`", path=path, hint="see docs/fandom-packs.md"
        )
    return FandomPack(
        name=str(data["name"]),
        aliases=_strings(data.get("aliases")),
        characters=tuple(_character(c, path) for c in data.get("characters") or []),
        episodes=tuple(_episode(e, path) for e in data.get("episodes") or []),
        places=_strings(data.get("places")),
        terms=_strings(data.get("terms")),
        ships={str(k): _strings(v) for k, v in (data.get("ships") or {}).items()},
        source=str(path),
    )


def _character(data: Any, path: Path) -> PackCharacter:
    if isinstance(data, str):
        return PackCharacter(name=data)
    if not isinstance(data, dict) or not data.get("name"):
        raise FandexError(f"a character entry needs a `name`: {data!r}", path=path)
    return PackCharacter(
        name=str(data["name"]),
        aliases=_strings(data.get("aliases")),
        nicknames=_strings(data.get("nicknames")),
        epithets=_strings(data.get("epithets")),
        gender=str(data.get("gender", "U")),
        role=str(data.get("role", "main")),
    )


def _episode(data: Any, path: Path) -> Episode:
    try:
        return Episode(season=int(data["season"]), number=int(data["number"]), title=str(data["title"]))
    except (KeyError, TypeError, ValueError):
        raise FandexError(f"an episode needs season, number and title: {data!r}", path=path) from None


def _strings(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)
