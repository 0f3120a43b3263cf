"""Canon anchoring: which episode a story is set at, from the author's notes, summary and spoilers.

An episode title counts only in the preface (header, summary, notes, spoilers) and only when the
author points at it: a cue such as "takes place during", "after", "spoilers for" shortly before it,
or the title in quotation marks. Titles are often ordinary words ("Smashed", "Help"), so a bare title
in the prose proves nothing. The latest episode named is the anchor: it is what the reader must have
seen. Its tag reads 'Fandom 6x09 "Title"', with the note "spoilers through season 6".
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from fandex.fandoms import Episode, FandomPack
from fandex.taggers.context import TagContext
from fandex.taggers.text import lexicon
from fandex.work import Evidence, Tag

# How far before a title its cue may stand.
CUE_WINDOW = 40


@dataclass(frozen=True)
class Anchor:
    pack: FandomPack
    episode: Episode
    start: int
    end: int
    cue: str

    @property
    def value(self) -> str:
        return f'{self.pack.name} {self.episode.code} "{self.episode.title}"'

    @property
    def is_final(self) -> bool:
        last = max(self.pack.episodes, key=lambda e: (e.season, e.number))
        return self.episode == last


def _title_pattern(pack: FandomPack) -> re.Pattern[str] | None:
    # A pack holds a dict, so it cannot key a cache itself; its titles can.
    return _title_pattern_of(tuple(sorted({e.title for e in pack.episodes}, key=len, reverse=True)))


@functools.cache
def _title_pattern_of(titles: tuple[str, ...]) -> re.Pattern[str] | None:
    if not titles:
        return None
    alternatives = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in titles)
    # Case-sensitive: authors capitalise titles, and "smashed" in lower case is a verb.
    return re.compile(rf"(?<![\w’'])(?:{alternatives})(?![\w’])")


@functools.cache
def _cue_pattern() -> re.Pattern[str]:
    cues = "|".join(lexicon()["episode_cues"])
    return re.compile(rf"(?:\b(?:{cues}))[\s:\-‘“\"']*$", re.IGNORECASE)


def find_anchors(ctx: TagContext) -> list[Anchor]:
    text = ctx.work.text
    anchors = []
    for pack in ctx.cast.packs:
        pattern = _title_pattern(pack)
        if pattern is None:
            continue
        by_title = {e.title: e for e in pack.episodes}
        for start, end in ctx.preface:
            for match in pattern.finditer(text, start, end):
                episode = by_title.get(" ".join(match.group().split()))
                if episode is None:
                    continue
                before = text[max(start, match.start() - CUE_WINDOW) : match.start()]
                cue = _cue_pattern().search(before)
                quoted = before.rstrip().endswith(('"', "“", "'", "‘"))
                if cue is None and not quoted:
                    continue
                cue_text = cue.group().strip(" :-‘“\"'").lower() if cue else "quoted title"
                anchors.append(Anchor(pack, episode, match.start(), match.end(), cue_text))
    return anchors


def canon_tags(ctx: TagContext, anchors: list[Anchor]) -> list[Tag]:
    """The latest anchor as a "canon" tag (and metadata.spoilers filled when the source had none)."""
    if not anchors:
        return []
    latest = max(anchors, key=lambda a: (a.episode.season, a.episode.number))
    season = latest.episode.season
    evidence = [Evidence(a.start, a.end, f"episode named in the notes ({a.cue})") for a in anchors]
    note = f"spoilers through season {season}"
    if not ctx.work.metadata.spoilers:
        ctx.work.metadata.spoilers = f"through season {season} ({latest.value})"
    return [Tag("canon", latest.value, "inferred", 0.9, evidence, note)]


def post_canon_anchor(anchors: list[Anchor]) -> list[Anchor]:
    """Anchors that place the story after the series' last episode."""
    return [a for a in anchors if a.is_final and a.cue.startswith(("after", "post", "set after"))]
