"""Fandom packs: canon knowledge as data files, one YAML file per fandom (see docs/fandom-packs.md).

The bundled packs live in ``fandex/fandoms/packs/``; users add their own with ``--pack-dir DIR`` or
the ``FANDEX_PACKS`` environment variable (folders separated by the OS path separator). A user's pack
with the same fandom name replaces the bundled one.

Helpers for the other stages:

- ``load_packs(extra)`` / ``get_pack(name, extra)``: every pack, or the one with that name or alias.
- ``pack_for_work(work, extra_dirs=())``: the pack of the work's best detected fandom (the fandoms
  layer filled by ``fandex.fandom.detect_fandom``), or None for a work of an unknown fandom.
- ``packs_for_work(work, extra_dirs=())``: the packs of every fandom in that layer (a crossover has
  several), in the layer's order, without duplicates.
- ``character_index(pack)``: lower-cased name, alias, nickname or epithet -> PackCharacter; a key
  that two characters share (an ambiguous epithet) is left out. Match it against text that keeps
  its capitals (the key "will" is Willow's nickname "Will", not the verb).
- ``find_episode(pack, title)``: the Episode with that title, ignoring case, punctuation, accents,
  "&" versus "and" and a leading "The"; a title without "(Part N)" finds part 1.
- ``ship_members(pack, ship_name)``: the canonical names of a ship ("Spuffy" -> ("Buffy Summers",
  "Spike")); a slash pairing of names the pack knows ("Willow/Tara") works too.
- ``endearments(pack)``: words of address that are never names (general English ones from
  ``endearments.txt`` plus the pack's own), lower-cased.
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fandex.work import Work

BUNDLED_DIR = Path(__file__).parent / "packs"
ENDEARMENTS_FILE = Path(__file__).parent / "endearments.txt"


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
    # Whether the pack's character names put the family name first, as AO3 tags Japanese names
    # ("Uzumaki Naruto"); aliases may use either order.
    family_name_first: bool = False
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
    from fandex.fandoms.cache import cached_packs

    return cached_packs(dirs, _parse_packs)


def _parse_packs(dirs: tuple[Path, ...]) -> tuple[FandomPack, ...]:
    """Every pack of ``dirs`` read from its YAML file; the earlier folder's pack of a name wins."""
    from fandex.errors import FandexError
    from fandex.fandoms.loader import load_pack_file

    packs: dict[str, FandomPack] = {}
    for folder in dirs:
        if not folder.is_dir():
            # A mistyped --pack-dir would otherwise be ignored without a word.
            raise FandexError(
                "fandom pack folder not found", path=folder, hint="check --pack-dir and FANDEX_PACKS"
            )
        in_folder: dict[str, Path] = {}
        for path in sorted(folder.glob("*.yaml")):
            pack = load_pack_file(path)
            key = pack.name.lower()
            if key in in_folder:
                raise FandexError(
                    f"two packs for {pack.name!r} in one folder (the other is {in_folder[key].name})",
                    path=path,
                    hint="keep one, or put the one that should win in an earlier --pack-dir",
                )
            in_folder[key] = path
            packs.setdefault(key, pack)  # earlier folders win
    return tuple(packs.values())


# ---------------------------------------------------------------- helpers for the other stages


def pack_for_work(work: Work, extra_dirs: Iterable[str | Path] = ()) -> FandomPack | None:
    """The pack of the work's best detected fandom, or None (no fandoms layer, or no such pack)."""
    for guess in work.fandoms:
        pack = get_pack(guess.name, extra_dirs)
        if pack is not None:
            return pack
    return None


def packs_for_work(work: Work, extra_dirs: Iterable[str | Path] = ()) -> list[FandomPack]:
    """The packs of all the work's detected or declared fandoms, in the fandoms layer's order."""
    packs: list[FandomPack] = []
    for guess in work.fandoms:
        pack = get_pack(guess.name, extra_dirs)
        if pack is not None and pack not in packs:
            packs.append(pack)
    return packs


def character_index(pack: FandomPack) -> dict[str, PackCharacter]:
    """Lower-cased name/alias/nickname/epithet -> character, without keys two characters share."""
    cached = _INDEX_CACHE.get(id(pack))
    if cached is not None and cached[0] is pack:
        return cached[1]
    owners: dict[str, PackCharacter] = {}
    ambiguous: set[str] = set()
    for character in pack.characters:
        keys = {character.name, *character.aliases, *character.nicknames, *character.epithets}
        for key in {k.strip().lower() for k in keys}:
            if key in owners and owners[key] is not character:
                ambiguous.add(key)
            owners[key] = character
    index = {key: character for key, character in owners.items() if key not in ambiguous}
    _INDEX_CACHE[id(pack)] = (pack, index)
    return index


def find_episode(pack: FandomPack, title: str) -> Episode | None:
    """The episode whose title matches, ignoring case, punctuation and accents; None if none does."""
    wanted = _title_key(title)
    if not wanted:
        return None
    for strip in (False, True):
        for episode in pack.episodes:
            if _title_key(episode.title, strip_part=strip) == wanted:
                return episode
    return None


def ship_members(pack: FandomPack, ship_name: str) -> tuple[str, ...]:
    """Canonical names of a ship's characters; () when the pack knows neither the ship nor its names."""
    wanted = ship_name.strip().lower()
    for ship, members in pack.ships.items():
        if ship.lower() == wanted:
            return members
    if "/" in wanted or "&" in wanted:
        index = character_index(pack)
        members = []
        for part in re.split(r"\s*[/&]\s*", wanted):
            character = index.get(part)
            if character is None:
                return ()
            members.append(character.name)
        if len(set(members)) >= 2:
            return tuple(members)
    return ()


def endearments(pack: FandomPack | None = None) -> frozenset[str]:
    """Lower-cased words of address that are not names: the general English ones plus the pack's."""
    words = general_endearments()
    if pack is None or not pack.endearments:
        return words
    return words | {w.lower() for w in pack.endearments}


@functools.cache
def general_endearments() -> frozenset[str]:
    lines = ENDEARMENTS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


_INDEX_CACHE: dict[int, tuple[FandomPack, dict[str, PackCharacter]]] = {}
_PART_SUFFIX = re.compile(r"\s*part (?:\d+|one|two|i+)$")


def _title_key(title: str, *, strip_part: bool = False) -> str:
    """A title reduced to lower-case letters, digits and single spaces, for loose comparison."""
    folded = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii").lower()
    folded = folded.replace("&", " and ").replace("'", "")
    words = re.sub(r"[^a-z0-9]+", " ", folded).split()
    if words and words[0] == "the":
        words = words[1:]
    key = " ".join(words)
    return _PART_SUFFIX.sub("", key) if strip_part else key
