"""What every tag detector reads, computed once per work: the cast index, word count, the preface."""

from __future__ import annotations

from dataclasses import dataclass

from fandex.options import Options
from fandex.taggers.cast import CastIndex
from fandex.taggers.text import word_count
from fandex.work import Evidence, Work

# A story with no header stage result: its first stretch stands in for the notes and summary.
PREFACE_FALLBACK_CHARS = 600


@dataclass
class TagContext:
    work: Work
    options: Options
    cast: CastIndex
    words: int  # in the body
    # Spans of the author's own words about the story (header, summary, notes, spoilers).
    preface: list[tuple[int, int]]

    @classmethod
    def build(cls, work: Work, options: Options) -> TagContext:
        cast = CastIndex(work, options)
        words = word_count(work.text, work.metadata.body_start)
        return cls(work, options, cast, words, preface_spans(work))

    def body_evidence(self, reason: str) -> list[Evidence]:
        """Evidence for an absence ("nothing found"): the whole body, with the reason."""
        return [Evidence(self.work.metadata.body_start, len(self.work.text), reason)]


def preface_spans(work: Work) -> list[tuple[int, int]]:
    text, meta = work.text, work.metadata
    spans: list[tuple[int, int]] = []
    if meta.body_start > 0:
        spans.append((0, meta.body_start))
    for value in (meta.summary, meta.notes, meta.spoilers):
        if not value:
            continue
        at = text.find(value)
        if at >= 0 and not any(a <= at < b for a, b in spans):
            spans.append((at, at + len(value)))
    if not spans:
        spans.append((0, min(len(text), PREFACE_FALLBACK_CHARS)))
    return spans
