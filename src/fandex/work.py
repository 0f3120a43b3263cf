"""The one data model: a `Work` holds the normalized text once; everything found in it is a layer.

Every layer item that covers text is a standoff span: ``start``/``end`` are character offsets into
``Work.text`` (``text[start:end]`` is what the span covers). Layers are plain lists of small
dataclasses so that stages append to them, writers serialise them and tests compare them.

The JSON form (``Work.to_dict`` / ``Work.from_dict``) is the contract with every writer, the library
and the web reader; ``fandex schema`` prints its JSON Schema. A Work survives the round trip unchanged.
"""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal

SCHEMA_VERSION = 1

# AO3's rating scale, in increasing order of explicitness.
AO3_RATINGS: tuple[str, ...] = (
    "General Audiences",
    "Teen And Up Audiences",
    "Mature",
    "Explicit",
)
NOT_RATED = "Not Rated"

AO3_WARNINGS: tuple[str, ...] = (
    "Creator Chose Not To Use Archive Warnings",
    "Graphic Depictions Of Violence",
    "Major Character Death",
    "No Archive Warnings Apply",
    "Rape/Non-Con",
    "Underage Sex",
)

AO3_CATEGORIES: tuple[str, ...] = ("F/F", "F/M", "Gen", "M/M", "Multi", "Other")


@dataclass(slots=True)
class Span:
    """A stretch of ``Work.text``: ``text[start:end]``."""

    start: int
    end: int


# ---------------------------------------------------------------- structure layers


@dataclass(slots=True)
class Paragraph(Span):
    pass


@dataclass(slots=True)
class Scene(Span):
    # What separated this scene from the one before: "blank" (a run of blank lines), "ornament"
    # (a line like "~ ~ ~" or "* * *"), "rule" (an HTML <hr>), "chapter" (a chapter start), or None
    # for the first scene of the work.
    break_kind: str | None = None


@dataclass(slots=True)
class Chapter(Span):
    number: int | None = None
    title: str | None = None


@dataclass(slots=True)
class Emphasis(Span):
    """Italic/bold runs kept from HTML, EPUB and Markdown; thoughts are often set this way."""

    kind: Literal["italic", "bold"] = "italic"


# ---------------------------------------------------------------- people and speech


@dataclass(slots=True)
class Character:
    """One person of the story: a cluster of mentions."""

    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    gender: Literal["F", "M", "N", "U"] = "U"  # N: non-binary/they; U: unknown
    mentions: int = 0
    first: int | None = None  # offset of the first mention in the text
    canonical: bool = False  # True when the name comes from a fandom pack
    narrator: bool = False  # the first-person narrator of at least one section


@dataclass(slots=True)
class Mention(Span):
    """A reference to a character: a proper name, an epithet, a pronoun or the narrator's "I"."""

    character: str | None = None  # Character.id, None when unresolved
    kind: Literal["name", "epithet", "pronoun", "narrator"] = "name"


@dataclass(slots=True)
class Quote(Span):
    """Spoken words; ``start``/``end`` cover the words without the quotation marks."""

    speaker: str | None = None  # Character.id
    addressee: str | None = None  # Character.id
    cue: Literal["explicit", "anaphoric", "implicit"] | None = None
    confidence: float = 0.0


@dataclass(slots=True)
class Thought(Span):
    thinker: str | None = None  # Character.id
    marker: Literal["asterisk", "italic", "tag"] = "asterisk"


@dataclass(slots=True)
class Section(Span):
    """A stretch told by one narrator: person of narration and the POV character."""

    person: Literal["first", "second", "third"] | None = None
    pov: str | None = None  # Character.id
    label: str | None = None  # the heading that introduced it, e.g. a bare narrator name


@dataclass(slots=True)
class FandomGuess:
    name: str
    confidence: float


# ---------------------------------------------------------------- relationships and tags


@dataclass(slots=True)
class Evidence(Span):
    """Why something was inferred: a span of the text and a short reason."""

    reason: str = ""


@dataclass(slots=True)
class Relationship:
    # Character ids, sorted; "Reader" stands for the reader ("you") of a reader-insert story, who is
    # no character of the cast
    characters: list[str]
    kind: Literal["romantic", "platonic", "antagonistic"] = "platonic"
    strength: float = 0.0
    evidence: list[Evidence] = field(default_factory=list)
    main: bool = False


@dataclass(slots=True)
class Tag:
    """An AO3-style tag. ``kind`` is one of rating, warning, category, fandom, relationship,
    character, additional; ``value`` is spelled exactly as AO3 spells it."""

    kind: str
    value: str
    source: Literal["declared", "inferred"] = "inferred"
    confidence: float = 1.0
    evidence: list[Evidence] = field(default_factory=list)
    note: str | None = None  # e.g. a disagreement between declared and inferred


# ---------------------------------------------------------------- metadata


@dataclass(slots=True)
class DeclaredTags:
    """Tags as the source declares them (AO3 preface, front matter, labelled headers)."""

    rating: str | None = None  # on AO3's scale
    warnings: list[str] = field(default_factory=list)
    category: list[str] = field(default_factory=list)
    fandoms: list[str] = field(default_factory=list)
    relationships: list[str] = field(default_factory=list)
    characters: list[str] = field(default_factory=list)
    additional: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Metadata:
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    part: int | None = None
    parts_total: int | None = None  # None when unknown ("2 of ?")
    part_label: str | None = None  # the part as written, e.g. "1a"
    chapter: int | None = None
    summary: str | None = None
    notes: str | None = None
    disclaimer: str | None = None
    spoilers: str | None = None
    rating_original: str | None = None  # the rating string as the source wrote it
    body_start: int = 0  # offset in Work.text where the story itself begins
    declared_tags: DeclaredTags = field(default_factory=DeclaredTags)
    # Every labelled header field as found (lower-cased label -> value), for what has no slot above.
    fields: dict[str, str] = field(default_factory=dict)
    series: str | None = None
    language: str | None = None
    published: str | None = None
    updated: str | None = None
    words_declared: int | None = None
    source_url: str | None = None


# ---------------------------------------------------------------- the Work


LAYERS: dict[str, type] = {
    "chapters": Chapter,
    "scenes": Scene,
    "paragraphs": Paragraph,
    "emphasis": Emphasis,
    "characters": Character,
    "mentions": Mention,
    "quotes": Quote,
    "thoughts": Thought,
    "sections": Section,
    "fandoms": FandomGuess,
    "relationships": Relationship,
    "tags": Tag,
    "notes": Span,
}
# Layers whose items carry their text in the JSON as well as their offsets: redundant, but what a
# reader of the JSON wants to see first.
LAYERS_WITH_TEXT = frozenset({"quotes", "thoughts"})
# Layers added to schema version 1 after its first documents were written: a document may lack
# them, and ``Work.from_dict`` reads a missing layer as empty, so old documents stay valid.
LATER_LAYERS = frozenset({"notes"})


@dataclass
class Work:
    """A story: its text, set once, and the layers found in it."""

    text: str
    metadata: Metadata = field(default_factory=Metadata)
    source: str | None = None  # file name or other origin, for messages
    source_format: str | None = None  # "text", "usenet", "html", "ao3-html", "ffnet-html", "epub", "markdown"
    chapters: list[Chapter] = field(default_factory=list)
    scenes: list[Scene] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    emphasis: list[Emphasis] = field(default_factory=list)
    characters: list[Character] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    thoughts: list[Thought] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    fandoms: list[FandomGuess] = field(default_factory=list)
    relationships: list[Relationship] = field(default_factory=list)
    tags: list[Tag] = field(default_factory=list)
    # Author's matter inside the body (a note or disclaimer under a chapter heading, "TBC", "Please
    # review!" after the last paragraph): left out of paragraphs and scenes, the text unchanged.
    notes: list[Span] = field(default_factory=list)

    _frozen_fields: ClassVar[frozenset[str]] = frozenset({"text"})

    def __setattr__(self, name: str, value: Any) -> None:
        # The text is the coordinate system of every layer: changing it would silently shift them all.
        if name in self._frozen_fields and name in self.__dict__:
            raise AttributeError("Work.text is set once when the work is read and never changes")
        super().__setattr__(name, value)

    # -- convenience -----------------------------------------------------------------------

    def span_text(self, span: Span) -> str:
        return self.text[span.start : span.end]

    @property
    def body(self) -> str:
        return self.text[self.metadata.body_start :]

    def character(self, character_id: str | None) -> Character | None:
        if character_id is None:
            return None
        for character in self.characters:
            if character.id == character_id:
                return character
        return None

    def word_count(self) -> int:
        return count_words(self.body)

    # -- JSON ------------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "schema_version": SCHEMA_VERSION,
            "source": self.source,
            "source_format": self.source_format,
            "text": self.text,
            "words": self.word_count(),
            "metadata": _to_plain(self.metadata),
        }
        for name in LAYERS:
            items = [_to_plain(item) for item in getattr(self, name)]
            if name in LAYERS_WITH_TEXT:
                for item in items:
                    item["text"] = self.text[item["start"] : item["end"]]
            data[name] = items
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Work:
        work = cls(
            text=data["text"],
            metadata=_from_plain(Metadata, data.get("metadata") or {}),
            source=data.get("source"),
            source_format=data.get("source_format"),
        )
        for name, item_type in LAYERS.items():
            setattr(work, name, [_from_plain(item_type, item) for item in data.get(name) or []])
        return work


# A word: a run of non-blanks with a letter or digit in it ("--" and "..." are not words, "_x_" and
# "٣" are). Matched from the word's start up to its first letter or digit, so a word counts once.
_COUNTED_WORD = re.compile(r"(?<!\S)\S*?[^\W_]")


def count_words(text: str) -> int:
    return len(_COUNTED_WORD.findall(text))


# The field names of each class met while writing JSON, None for a class that is not a dataclass:
# asking dataclasses for them again for each of a novel's ~90,000 items cost more than the rest.
_PLAIN_FIELDS: dict[type, tuple[str, ...] | None] = {}
# Values that are their own JSON form.
_SCALARS = frozenset({str, int, float, bool, type(None)})


def _to_plain(value: Any) -> Any:
    kind = type(value)
    if kind in _SCALARS:
        return value
    if kind in _PLAIN_FIELDS:
        names = _PLAIN_FIELDS[kind]
    else:
        is_item = dataclasses.is_dataclass(kind) and not issubclass(kind, type)
        names = tuple(f.name for f in dataclasses.fields(kind)) if is_item else None
        _PLAIN_FIELDS[kind] = names
    if names is not None:
        return {name: _to_plain(getattr(value, name)) for name in names}
    if isinstance(value, list):
        return [_to_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _to_plain(v) for k, v in value.items()}
    return value


def _from_plain(cls: type, data: dict[str, Any]) -> Any:
    hints = typing.get_type_hints(cls)
    kwargs: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if f.name not in data:
            continue
        kwargs[f.name] = _convert(hints[f.name], data[f.name])
    return cls(**kwargs)


def _convert(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        return _convert(options[0], value) if len(options) == 1 else value
    if origin is list:
        (item_hint,) = typing.get_args(hint)
        return [_convert(item_hint, v) for v in value]
    if dataclasses.is_dataclass(hint):
        return _from_plain(hint, value)
    return value
