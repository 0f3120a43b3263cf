"""A cache of the parsed fandom packs, so a run does not parse every pack's YAML again.

Parsing and checking the bundled packs costs a quarter of a second per process, which every
``fandex analyze`` pays and a corpus run pays once per worker. The cache is one JSON file in the
user's cache folder (``FANDEX_CACHE_DIR`` overrides it) per list of pack folders. It holds the built
packs and a manifest: every ``*.yaml`` file of those folders with its size and modification time in
nanoseconds, plus the same for the code that builds packs. A cache is used only when the manifest
equals the folders as they are now, so an edited, added, removed or renamed pack (or a changed
loader) means a fresh parse. A file modified in the last two seconds is not trusted to show a later
edit in its time stamp (coarse clocks), so no cache is written then. Any problem reading or writing
the cache (no such folder, read-only, a damaged file) just means parsing the YAML as before.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fandex import __version__
from fandex.fandoms import Episode, FandomPack, PackCharacter

CACHE_ENV = "FANDEX_CACHE_DIR"
# Bumped when the cached form of a pack changes shape.
FORMAT = 1
# Files modified more recently than this are too fresh to trust their time stamps.
_RACY_SECONDS = 2.0
_CODE_FILES = (
    Path(__file__),
    Path(__file__).with_name("__init__.py"),
    Path(__file__).with_name("loader.py"),
)


def cache_dir() -> Path:
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured)
    import platformdirs

    return Path(platformdirs.user_cache_dir("fandex"))


def cached_packs(
    dirs: tuple[Path, ...], load: Callable[[tuple[Path, ...]], tuple[FandomPack, ...]]
) -> tuple[FandomPack, ...]:
    """The packs of ``dirs``: from the cache when it matches the files, else ``load(dirs)``."""
    try:
        manifest = _manifest(dirs)
    except OSError:
        return load(dirs)  # a folder that cannot be listed: let the loader report it
    path = _cache_path(dirs)
    packs = _read(path, manifest)
    if packs is not None:
        return packs
    packs = load(dirs)
    if _settled(manifest):
        _write(path, manifest, packs)
    return packs


def _manifest(dirs: tuple[Path, ...]) -> dict[str, Any]:
    folders = []
    for folder in dirs:
        files = []
        if folder.is_dir():
            for path in sorted(folder.glob("*.yaml")):
                stat = path.stat()
                files.append([path.name, stat.st_size, stat.st_mtime_ns])
        folders.append([str(folder), folder.is_dir(), files])
    code = []
    for path in _CODE_FILES:
        stat = path.stat()
        code.append([path.name, stat.st_size, stat.st_mtime_ns])
    return {"format": FORMAT, "version": __version__, "code": code, "folders": folders}


def _settled(manifest: dict[str, Any]) -> bool:
    newest = max(
        (entry[2] for _folder, _exists, files in manifest["folders"] for entry in files),
        default=0,
    )
    return newest < (time.time() - _RACY_SECONDS) * 1e9


def _cache_path(dirs: tuple[Path, ...]) -> Path:
    key = hashlib.sha256("\0".join(str(d.resolve()) for d in dirs).encode("utf-8")).hexdigest()
    return cache_dir() / f"packs-{key[:24]}.json"


def _read(path: Path, manifest: dict[str, Any]) -> tuple[FandomPack, ...] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data["manifest"] != manifest:
            return None
        return tuple(_pack(entry) for entry in data["packs"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _write(path: Path, manifest: dict[str, Any], packs: tuple[FandomPack, ...]) -> None:
    payload = json.dumps({"manifest": manifest, "packs": [_plain(p) for p in packs]})
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Written beside the cache and renamed over it: a reader never sees half a file.
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".packs-", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(payload)
            os.replace(temporary, path)
        except OSError:
            os.unlink(temporary)
            raise
    except OSError:
        pass  # no cache this time; the packs were loaded all the same


def _plain(pack: FandomPack) -> dict[str, Any]:
    return {
        "name": pack.name,
        "aliases": pack.aliases,
        "characters": [
            [c.name, c.aliases, c.nicknames, c.epithets, c.gender, c.role] for c in pack.characters
        ],
        "episodes": [[e.season, e.number, e.title] for e in pack.episodes],
        "places": pack.places,
        "terms": pack.terms,
        "ships": list(pack.ships.items()),
        "endearments": pack.endearments,
        "family_name_first": pack.family_name_first,
        "source": pack.source,
    }


def _pack(data: dict[str, Any]) -> FandomPack:
    return FandomPack(
        name=data["name"],
        aliases=tuple(data["aliases"]),
        characters=tuple(
            PackCharacter(
                name=name,
                aliases=tuple(aliases),
                nicknames=tuple(nicknames),
                epithets=tuple(epithets),
                gender=gender,
                role=role,
            )
            for name, aliases, nicknames, epithets, gender, role in data["characters"]
        ),
        episodes=tuple(Episode(season, number, title) for season, number, title in data["episodes"]),
        places=tuple(data["places"]),
        terms=tuple(data["terms"]),
        ships={ship: tuple(members) for ship, members in data["ships"]},
        endearments=tuple(data["endearments"]),
        family_name_first=data["family_name_first"],
        source=data["source"],
    )
