"""Rating and archive warnings from what the prose shows: sex, violence, language, drugs, death.

Each content family is counted once over the body (one regex pass per family); cues spoken in
dialogue count half, since talking about sex or swearing once is not showing it. Each family gives
a level on AO3's scale (0 General Audiences .. 3 Explicit) by the thresholds below; the rating is the
highest level, and its evidence is the cues that reached it. The thresholds are deliberately
conservative on the high side: one level too low is the cheaper mistake for a reader's filter, and
kissing alone never lifts a story past Teen And Up.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from fandex.taggers.cast import CastIndex
from fandex.taggers.text import CueHit, cue_set, negated, sentences, word_count
from fandex.work import AO3_RATINGS, Evidence, Work

MAX_EVIDENCE = 8


@dataclass
class Counts:
    """Cue hits of one family, by group, with dialogue hits weighing half."""

    hits: dict[str, list[CueHit]] = field(default_factory=dict)
    weight: dict[str, float] = field(default_factory=dict)

    def add(self, hit: CueHit, in_dialogue: bool) -> None:
        self.hits.setdefault(hit.group, []).append(hit)
        self.weight[hit.group] = self.weight.get(hit.group, 0.0) + (0.5 if in_dialogue else 1.0)

    def __getitem__(self, group: str) -> float:
        return self.weight.get(group, 0.0)

    def of(self, *groups: str) -> list[CueHit]:
        return sorted((h for g in groups for h in self.hits.get(g, [])), key=lambda h: h.start)


@dataclass
class Finding:
    """One reason for a level: which family, the level it supports, a phrase and the cues."""

    level: int
    reason: str
    hits: list[CueHit]


@dataclass
class ContentReport:
    words: int
    findings: list[Finding]
    violence_graphic: list[CueHit]
    violence_warning: bool
    deaths: list[tuple[CueHit, str]]  # (cue, character id)

    @property
    def level(self) -> int:
        return max((f.level for f in self.findings), default=0)

    @property
    def rating(self) -> str:
        return AO3_RATINGS[self.level]

    def reasons(self, level: int | None = None) -> list[str]:
        wanted = self.level if level is None else level
        return [f.reason for f in self.findings if f.level == wanted and f.level > 0]

    def evidence(self) -> list[Evidence]:
        hits = sorted(
            (h for f in self.findings if f.level == self.level for h in f.hits), key=lambda h: h.start
        )
        reason_of = {id(h): f.reason for f in self.findings if f.level == self.level for h in f.hits}
        return [Evidence(h.start, h.end, f"{h.group}: {reason_of[id(h)]}") for h in hits[:MAX_EVIDENCE]]

    def confidence(self) -> float:
        supporting = sum(len(f.hits) for f in self.findings if f.level == self.level)
        if self.level == 0:
            # Nothing found: as sure as the story is long enough to have shown something.
            return round(min(0.9, 0.5 + self.words / 5000), 2)
        return round(min(0.95, 0.5 + 0.08 * supporting), 2)


def _count(work: Work, cast: CastIndex, *keys: str, talk_counts_half: bool = False) -> Counts:
    """Cue hits of a family; with ``talk_counts_half``, hits inside quotes weigh half (talking about
    sex is not showing it, while a swear word or a drug is the same in dialogue and narration)."""
    counts = Counts()
    start = work.metadata.body_start
    for hit in cue_set(*keys).find(work.text, start):
        if negated(work.text, hit.start):
            continue  # "something that is not sex"
        counts.add(hit, talk_counts_half and cast.quote_at(hit.start) is not None)
    return counts


def assess(work: Work, cast: CastIndex, words: int | None = None) -> ContentReport:
    """What the body shows, family by family; ``words`` is the body's word count when known."""
    text = work.text
    if words is None:
        words = word_count(text, work.metadata.body_start)
    words = max(1, words)
    per_1000 = 1000.0 / words
    findings: list[Finding] = []

    sex = _count(work, cast, "sex", talk_counts_half=True)
    if sex["graphic"] >= 3 or (sex["graphic"] >= 2 and sex["described"] >= 2):
        findings.append(Finding(3, "graphic sex", sex.of("graphic", "described")))
    elif sex["graphic"] >= 1 or sex["described"] >= 2 or (sex["described"] >= 1 and sex["implied"] >= 1):
        findings.append(Finding(2, "described sex", sex.of("graphic", "described", "implied")))
    if sex["implied"] >= 1:
        findings.append(Finding(1, "implied sex", sex.of("implied")))
    if sex["passionate"] >= 1 or sex["kissing"] >= 1:
        findings.append(Finding(1, "passionate kissing", sex.of("passionate", "kissing")))

    violence = _count(work, cast, "violence")
    graphic = violence.of("graphic")
    graphic_density = violence["graphic"] * per_1000
    if violence["graphic"] >= 8 or (violence["graphic"] >= 4 and graphic_density >= 8):
        findings.append(Finding(2, "graphic violence", graphic))
    if violence["graphic"] >= 1 or violence["mild"] >= 2:
        findings.append(Finding(1, "violence", violence.of("graphic", "mild")))
    violence_warning = violence["graphic"] >= 6 or (violence["graphic"] >= 4 and graphic_density >= 12)
    if violence_warning and not any(f.level >= 2 for f in findings if f.reason == "graphic violence"):
        # Violence graphic enough to warn for is violence a reader needs to be Mature for.
        findings.append(Finding(2, "graphic violence", graphic))

    language = _count(work, cast, "language")
    if language["strong"] >= 4 and language["strong"] * per_1000 >= 8:
        findings.append(Finding(2, "frequent strong language", language.of("strong")))
    if language["strong"] >= 1 or language["mild"] >= 2:
        findings.append(Finding(1, "strong language", language.of("strong", "mild")))

    drugs = _count(work, cast, "drugs")
    if drugs["hard"] >= 4:
        findings.append(Finding(2, "drug use", drugs.of("hard")))
    if drugs["hard"] >= 1 or drugs["alcohol"] >= 2:
        findings.append(Finding(1, "drugs or drinking", drugs.of("hard", "alcohol")))

    dark = _count(work, cast, "dark_themes")
    if dark["self harm"] >= 3:
        findings.append(Finding(2, "suicide or self-harm", dark.of("self harm")))
    elif dark["self harm"] >= 1:
        findings.append(Finding(1, "suicide or self-harm", dark.of("self harm")))
    if dark["loss"] >= 3:
        findings.append(Finding(1, "death, grief or trauma", dark.of("loss")))

    deaths = _deaths(work, cast)
    if deaths:
        findings.append(Finding(1, "death of a character", [hit for hit, _ in deaths]))
    return ContentReport(words, findings, graphic, violence_warning, deaths)


def _deaths(work: Work, cast: CastIndex) -> list[tuple[CueHit, str]]:
    """Death cues in narration with a named, present character in the same sentence next to them."""
    text = work.text
    cues = cue_set("death")
    names = sorted((m for m in work.mentions if m.kind == "name" and m.character), key=lambda m: m.start)
    starts = [m.start for m in names]
    present = {c.id for c in work.characters if c.mentions >= 2}
    found = []
    for hit in cues.find(text, work.metadata.body_start):
        if hit.group != "died" or cast.quote_at(hit.start) is not None:
            continue
        sentence = _sentence_around(text, hit.start)
        if any(h.group == "not death" for h in cues.find(text, *sentence)):
            continue
        low = bisect.bisect_left(starts, sentence[0])
        high = bisect.bisect_left(starts, sentence[1])
        nearby = [m for m in names[low:high] if abs(m.end - hit.start) <= 40 or abs(hit.end - m.start) <= 40]
        for mention in nearby:
            if mention.character in present:
                found.append((hit, mention.character))
                break
    return found


def _sentence_around(text: str, position: int) -> tuple[int, int]:
    start = max(0, position - 300)
    for a, b in sentences(text, start, min(len(text), position + 300)):
        if a <= position < b:
            return a, b
    return position, position + 1
