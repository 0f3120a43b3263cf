"""Declared tags as authors write them, read onto AO3's vocabulary.

Pairings come as "Spike/Willow", "S/W" (initials), "giles/buffy", a ship name ("Spuffy", from the
fandom packs), "Buffy & Willow" (platonic) or "gen" (no pairing). Names are resolved against the
work's cast first, then against the fandom packs, and written with their canonical AO3 names.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from fandex import person_words
from fandex.fandoms import FandomPack
from fandex.work import AO3_CATEGORIES, AO3_RATINGS, AO3_WARNINGS, NOT_RATED, Character

_NO_PAIRING = frozenset({"gen", "none", "no pairing", "no pairings", "n/a", "na", "no romance", "-"})
_ROMANTIC_SPLIT = re.compile(r"\s*/\s*|\s+x\s+|\s*\bslash\b\s*", re.IGNORECASE)
_PLATONIC_SPLIT = re.compile(r"\s*&\s*|\s+and\s+", re.IGNORECASE)
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Pairing:
    raw: str
    names: tuple[str, ...]  # canonical names where known, in the author's order
    kind: Literal["romantic", "platonic"]
    ids: tuple[str | None, ...]  # the work's Character ids, None where the person is not in the cast

    @property
    def tag(self) -> str:
        return ("/" if self.kind == "romantic" else " & ").join(self.names)


@dataclass(frozen=True, slots=True)
class _Candidate:
    canonical: str
    character_id: str | None
    names: tuple[str, ...]  # lower-cased name and aliases
    weight: float  # how present: the work's mentions, or a small number for pack-only people
    # The pack's other names for a cast member, matched whole or in part but never by an initial:
    # a tag may use one the text never does ("Theo Nott" for a work's "Theodore Nott", called only
    # "Theo"), while "S/W" still means the cast's Spike and Willow, not Spike's "William".
    pack_names: tuple[str, ...] = ()

    @property
    def every_name(self) -> tuple[str, ...]:
        return self.names + self.pack_names


class NameResolver:
    """Resolves a name as an author wrote it to a canonical name and, when present, a Character id."""

    def __init__(self, characters: list[Character], packs: list[FandomPack] | tuple[FandomPack, ...]) -> None:
        self.packs = tuple(packs)
        pack_names: dict[str, set[str]] = {}
        for pack in packs:
            for known in pack.characters:
                pack_names.setdefault(known.name, set()).update(
                    n.lower() for n in (*known.aliases, *known.nicknames)
                )
        candidates: list[_Candidate] = []
        for character in characters:
            names = {character.name.lower(), *(a.lower() for a in character.aliases)}
            others = tuple(sorted(pack_names.get(character.name, set()) - names))
            candidates.append(
                _Candidate(
                    character.name, character.id, tuple(sorted(names)), 1.0 + character.mentions, others
                )
            )
        present = {c.canonical for c in candidates}
        for pack in packs:
            for known in pack.characters:
                if known.name in present:
                    continue
                names = {known.name.lower(), *(n.lower() for n in (*known.aliases, *known.nicknames))}
                weight = 0.5 if known.role == "main" else 0.2
                candidates.append(_Candidate(known.name, None, tuple(sorted(names)), weight))
        self.candidates = candidates

    def resolve(self, written: str) -> tuple[str, str | None]:
        """(name to show, Character id or None) for a name as written.

        A loose form ("giles", "Buffy", "Buffy S.") is shown with its canonical name; a name already
        written out in full ("Ben Solo", "Sheriff of Nottingham") is shown as the author typed it, as
        AO3 shows a typed tag, and is still tied to the character it names."""
        canonical, character_id = self._resolve(written)
        if _written_out(written):
            return _SPACES.sub(" ", written.strip()), character_id
        return canonical, character_id

    def _resolve(self, written: str) -> tuple[str, str | None]:
        key = _SPACES.sub(" ", written.strip()).lower()
        if not key:
            return written, None
        exact = [c for c in self.candidates if key in c.every_name]
        if not exact:
            # AO3's disambiguated form ("Voldemort (Harry Potter)") names whom its bare name names.
            bare = person_words.without_disambiguation(key)
            if bare and bare != key:
                exact = [c for c in self.candidates if bare in c.every_name]
        if exact:
            return self._best(exact)
        words = set(key.split())
        partial = [c for c in self.candidates if any(words <= set(n.split()) for n in c.every_name)]
        if partial:
            return self._best(partial)
        # "Buffy S." (fanfiction.net's abbreviation): whole words plus initials of the others.
        initials = {w.rstrip(".") for w in words if len(w.rstrip(".")) == 1}
        whole = words - {w for w in words if len(w.rstrip(".")) == 1}
        if initials and whole:
            abbreviated = [
                c for c in self.candidates if any(_abbreviates(whole, initials, n) for n in c.names)
            ]
            if abbreviated:
                return self._best(abbreviated)
        if len(key) <= 2 and key.replace(".", "").isalpha():
            letter = key[0]
            initials = [c for c in self.candidates if any(n.startswith(letter) for n in c.names)]
            if initials:
                return self._best(initials)
        return _title(written.strip()), None

    def ship(self, written: str) -> tuple[str, ...] | None:
        key = written.strip().lower()
        for pack in self.packs:
            for ship, members in pack.ships.items():
                if ship.lower() == key:
                    return members
        return None

    def _best(self, candidates: list[_Candidate]) -> tuple[str, str | None]:
        best = max(candidates, key=lambda c: c.weight)
        return best.canonical, best.character_id

    def id_of(self, canonical: str) -> str | None:
        for candidate in self.candidates:
            if candidate.canonical == canonical:
                return candidate.character_id
        return None


def parse_pairing(raw: str, resolver: NameResolver) -> Pairing | None:
    """The pairing a declared relationship string stands for; None for "gen" and blanks."""
    text = raw.strip().strip(".;,")
    if not text or text.lower() in _NO_PAIRING:
        return None
    members = resolver.ship(text)
    if members is not None:
        return Pairing(raw, members, "romantic", tuple(resolver.id_of(name) for name in members))
    if _ROMANTIC_SPLIT.search(text):
        kind: Literal["romantic", "platonic"] = "romantic"
        parts = _ROMANTIC_SPLIT.split(text)
    elif "&" in text or re.search(r"\s+and\s+", text, re.IGNORECASE):
        kind = "platonic"
        parts = _PLATONIC_SPLIT.split(text)
    else:
        return None  # a single name is not a pairing
    parts = [p for p in parts if p.strip()]
    if len(parts) < 2:
        return None
    resolved = [resolver.resolve(part) for part in parts]
    return Pairing(raw, tuple(name for name, _ in resolved), kind, tuple(cid for _, cid in resolved))


# -- ratings, warnings and categories as written ---------------------------------------------

_WARNING_WORDS: dict[str, str] = {
    "creatorchosenottousearchivewarnings": "Creator Chose Not To Use Archive Warnings",
    "choosenottousearchivewarnings": "Creator Chose Not To Use Archive Warnings",
    "chosenottousearchivewarnings": "Creator Chose Not To Use Archive Warnings",
    "choosenottowarn": "Creator Chose Not To Use Archive Warnings",
    "graphicdepictionsofviolence": "Graphic Depictions Of Violence",
    "graphicviolence": "Graphic Depictions Of Violence",
    "violence": "Graphic Depictions Of Violence",
    "majorcharacterdeath": "Major Character Death",
    "characterdeath": "Major Character Death",
    "death": "Major Character Death",
    "nowarnings": "No Archive Warnings Apply",
    "noarchivewarningsapply": "No Archive Warnings Apply",
    "none": "No Archive Warnings Apply",
    "rapenoncon": "Rape/Non-Con",
    "noncon": "Rape/Non-Con",
    "noncons": "Rape/Non-Con",
    "rape": "Rape/Non-Con",
    "underage": "Underage Sex",
    "underagesex": "Underage Sex",
}

_CATEGORY_WORDS: dict[str, str] = {
    "ff": "F/F",
    "femslash": "F/F",
    "fm": "F/M",
    "mf": "F/M",
    "het": "F/M",
    "gen": "Gen",
    "general": "Gen",
    "mm": "M/M",
    "slash": "M/M",
    "multi": "Multi",
    "other": "Other",
}


def _abbreviates(whole: set[str], initials: set[str], name: str) -> bool:
    name_words = name.split()
    rest = [w for w in name_words if w not in whole]
    return whole <= set(name_words) and all(any(w.startswith(i) for w in rest) for i in initials)


def _key(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.lower())


def warning(written: str) -> str | None:
    """AO3's archive warning for a warning as written (the older "Underage" included), or None."""
    if written in AO3_WARNINGS:
        return written
    return _WARNING_WORDS.get(_key(written))


def category(written: str) -> str | None:
    if written in AO3_CATEGORIES:
        return written
    return _CATEGORY_WORDS.get(_key(written))


def rating(written: str | None) -> str | None:
    from fandex.ratings import to_ao3

    if written in AO3_RATINGS or written == NOT_RATED:
        return written
    mapped = to_ao3(written)
    return mapped if mapped in (*AO3_RATINGS, NOT_RATED) else None


_POSSESSIVE = re.compile(r"['’]s\b")


# Quote marks around a nickname inside a tag: 'Michael "Robby" Robinavitch' is called "Robby".
_NAME_QUOTES = "\"“”‘’'"
# A Japanese long vowel romanised two ways: AO3 tags write "Getou" and "Yuuji", stories often "Geto"
# and "Yuji" (the macron of "Gojō" goes with the accents). Only a final "ou" of a word of four
# letters or more, so "Lou" and "Louis" keep theirs.
_LONG_U = re.compile(r"uu")
_FINAL_LONG_O = re.compile(r"(?<=\w\w)ou$")


def _name_words(name: str) -> set[str]:
    name = _POSSESSIVE.sub("", person_words.without_disambiguation(without_accents(name).lower())).replace(
        ".", " "
    )
    words = (word.strip(_NAME_QUOTES) for word in name.split())
    return {_FINAL_LONG_O.sub("o", _LONG_U.sub("u", word)) for word in words if word}


def without_accents(name: str) -> str:
    """``name`` with its diacritics dropped: AO3 tags a romanised name with its tone marks ("Xiè
    Lián") that the story's text often leaves out ("Xie Lian")."""
    if name.isascii():
        return name
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


# A possessive inside a name: "Xie Lian's Mother" is someone of Xie Lian's, not Xie Lian.
_RELATIVE = re.compile(r"\w['’]s\s+\w")


class Synonyms:
    """AO3's synonyms through the work's fandom packs: two names are one person when the packs list
    both (as canonical name, alias or nickname) for one character, as AO3 files an author's "Greg
    House" under its canonical "Gregory House". A name the packs give two characters (a nickname
    they share) is nobody's synonym, and only whole names count: a family name a pack lists for one
    character ("House") does not tie another name of that family ("John House") to that character's
    other names. Short given-name forms ("Greg" for "Gregory") come only from a pack, never from a
    general rule: "Chris" is Christopher, Christine or Christian."""

    def __init__(self, packs: Iterable[FandomPack] = ()) -> None:
        owners: dict[frozenset[str], set[str]] = {}
        for pack in packs:
            for key, canonical in _pack_name_keys(pack).items():
                owners.setdefault(key, set()).update(canonical)
        self._owner = {key: next(iter(names)) for key, names in owners.items() if len(names) == 1}

    def owner(self, name: str) -> str | None:
        """The canonical name of the one character the packs list ``name`` for, or None."""
        if not self._owner:
            return None
        return self._owner.get(frozenset(_name_words(name)))

    def same(self, a: str, b: str) -> bool:
        owner = self.owner(a)
        return owner is not None and owner == self.owner(b)


# The name keys of a pack, by the pack's identity: a pack is read once per process and its
# characters are frozen, so its keys are built once however many works ask.
_PACK_KEYS: dict[int, tuple[FandomPack, dict[frozenset[str], set[str]]]] = {}


def _pack_name_keys(pack: FandomPack) -> dict[frozenset[str], set[str]]:
    """A pack's names as word sets -> the canonical names of the characters it lists them for."""
    cached = _PACK_KEYS.get(id(pack))
    if cached is not None and cached[0] is pack:
        return cached[1]
    keys: dict[frozenset[str], set[str]] = {}
    for character in pack.characters:
        for name in (character.name, *character.aliases, *character.nicknames):
            words = frozenset(_name_words(name))
            if words:
                keys.setdefault(words, set()).add(character.name)
    _PACK_KEYS[id(pack)] = (pack, keys)
    return keys


def same_person(a: str, b: str, synonyms: Synonyms | None = None) -> bool:
    """Two names for one person: one's words all within the other's ("Hermione" ~ "Hermione
    Granger"), ignoring case, accents, dots, possessives and a bracketed fandom ("Castiel
    (Supernatural)"); but a name that is someone's relation ("Xie Lian's Mother") is only itself.
    With ``synonyms``, also two names the work's fandom packs list for one character ("Greg House"
    ~ "Gregory House")."""
    if synonyms is not None and synonyms.same(a, b):
        return True
    words_a, words_b = _name_words(a), _name_words(b)
    if bool(_RELATIVE.search(a)) != bool(_RELATIVE.search(b)):
        return bool(words_a) and words_a == words_b
    return bool(words_a and words_b) and (
        words_a <= _with_family_parts(b, words_b) or words_b <= _with_family_parts(a, words_a)
    )


def _with_family_parts(name: str, words: set[str]) -> set[str]:
    """A name's words and, of a double-barrelled family name ("Alice Wu-Gulliver"), each of its
    parts: a tag may give one family's name alone ("Alice Gulliver"). Only the last word is split,
    and only a name of two words or more: a hyphenated given name ("Mary-Kate") is one name."""
    parts = without_accents(person_words.without_disambiguation(name)).lower().split()
    if len(parts) < 2 or "-" not in parts[-1]:
        return words
    return words | set(parts[-1].split("-"))


def _written_out(name: str) -> bool:
    """A full name as a tag writes it: two or more words, the first and last capitalised, no initials."""
    words = name.split()
    return (
        len(words) >= 2
        and words[0][:1].isupper()
        and words[-1][:1].isupper()
        and all(len(w.rstrip(".")) > 1 for w in words)
    )


def _title(name: str) -> str:
    return " ".join(word[:1].upper() + word[1:] for word in name.split())
