"""Fandom packs: canon knowledge as data files, one YAML file per fandom (see docs/fandom-packs.md).

The bundled packs live in ``fandex/fandoms/packs/``; users add their own with ``--pack-dir DIR`` or
the ``FANDEX_PACKS`` environment variable (folders separated by the OS path separator). A user's pack
with the same fandom name replaces the bundled one.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

BUNDLED_DIR = Path(__file__).parent / "packs"


@dataclass(frozen=True)
class PackCharacter:
    name: str  # spelled exactly as AO3's canonical character tag, e.g. "Willow Rosenberg"
    aliases: tuple[str, ...] = ()  # other names and name forms: "Willow", "Will"
    nicknames: tuple[str, ...] = ()  # what other characters call them: "Wills", "Red"
    epithets: tuple[str, ...] = ()  # descriptions that stand for them: "the witch", "the red head"
    gender: str = "U"  # F, M, N (non-binary) or U (unknown)
    role: str = "main"  # main, recurring or minor


@dataclass(frozen=True)
class Episode:
    season: int
    number: int
    title: str

    @property
    def code(self) -> str:
        return f"{self.season}x{self.number:02d}"


@dataclass(frozen=True)
class FandomPack:
    name: str  # AO3's fandom tag, e.g. "Buffy the Vampire Slayer"
    aliases: tuple[str, ...] = ()  # other ways stories name the fandom: "BtVS", "Buffy"
    characters: tuple[PackCharacter, ...] = ()
    episodes: tuple[Episode, ...] = ()
    places: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()  # words typical of the fandom: "slayer", "watcher", "hellmouth"
    ships: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "Spuffy" -> canonical names
    # Words characters of this fandom call each other that are not names ("luv", "pet"); general
    # English endearments live in fandoms/endearments.txt (see ``general_endearments``).
    endearments: tuple[str, ...] = ()
    source: str = ""  # the file it was loaded from


def pack_dirs(extra: Iterable[str | Path] = ()) -> tuple[Path, ...]:
    """Folders searched for packs, the user's first."""
    from_env = [p for p in os.environ.get("FANDEX_PACKS", "").split(os.pathsep) if p]
    return (*(Path(p) for p in extra), *(Path(p) for p in from_env), BUNDLED_DIR)


def load_packs(extra: Iterable[str | Path] = ()) -> tuple[FandomPack, ...]:
    """Every pack, loaded once per process for a given set of folders."""
    return _load_packs(pack_dirs(extra))


def get_pack(name: str, extra: Iterable[str | Path] = ()) -> FandomPack | None:
    """The pack whose name or alias is ``name`` (case-insensitive), or None."""
    wanted = name.strip().lower()
    for pack in load_packs(extra):
        if wanted == pack.name.lower() or wanted in (a.lower() for a in pack.aliases):
            return pack
    return None


@functools.cache
def _load_packs(dirs: tuple[Path, ...]) -> tuple[FandomPack, ...]:
    from fandex.fandoms.loader import load_pack_file

    packs: dict[str, FandomPack] = {}
    for folder in dirs:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.yaml")):
            pack = load_pack_file(path)
            packs.setdefault(pack.name.lower(), pack)  # earlier folders win
    return tuple(packs.values())
