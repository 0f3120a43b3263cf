"""What the corpus evaluations share: span matching, scores, name keys and the report table.

Span matching (quote detection): a predicted span matches a gold span when they overlap by at least
half of the longer of the two. Each gold span matches at most one predicted span and the other way
round (greedy, in text order), so precision = matched / predicted and recall = matched / gold.
"""

from __future__ import annotations

import argparse
import bisect
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

Item = TypeVar("Item")


@dataclass
class Counts:
    """Tallies over a novel or a corpus; the scores are derived from them."""

    predicted: int = 0
    gold: int = 0
    matched: int = 0
    attributed: int = 0  # gold quotes scored for speaker
    correct: int = 0
    by_type: dict[str, list[int]] = field(default_factory=dict)  # type -> [correct, total]
    roster_found: int = 0
    roster_total: int = 0

    def add(self, other: Counts) -> None:
        self.predicted += other.predicted
        self.gold += other.gold
        self.matched += other.matched
        self.attributed += other.attributed
        self.correct += other.correct
        for kind, (right, total) in other.by_type.items():
            tally = self.by_type.setdefault(kind, [0, 0])
            tally[0] += right
            tally[1] += total
        self.roster_found += other.roster_found
        self.roster_total += other.roster_total

    def score_type(self, kind: str, right: bool) -> None:
        tally = self.by_type.setdefault(kind, [0, 0])
        tally[0] += int(right)
        tally[1] += 1

    @property
    def precision(self) -> float:
        return ratio(self.matched, self.predicted)

    @property
    def recall(self) -> float:
        return ratio(self.matched, self.gold)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return ratio(self.correct, self.attributed)

    def type_accuracy(self, kind: str) -> float:
        right, total = self.by_type.get(kind, [0, 0])
        return ratio(right, total)

    @property
    def roster_recall(self) -> float:
        return ratio(self.roster_found, self.roster_total)


def ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def spans_match(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Overlap of at least half of the longer span."""
    overlap = min(a[1], b[1]) - max(a[0], b[0])
    longer = max(a[1] - a[0], b[1] - b[0])
    return longer > 0 and overlap * 2 >= longer


def match_spans(gold: Sequence[tuple[int, int]], predicted: Sequence[tuple[int, int]]) -> dict[int, int]:
    """Gold index -> predicted index for matching pairs, one-to-one. Both lists sorted by start."""
    starts = [p[0] for p in predicted]
    used: set[int] = set()
    pairs: dict[int, int] = {}
    for g, span in enumerate(gold):
        # Only predicted spans starting before the gold span's end can overlap it.
        hi = bisect.bisect_left(starts, span[1])
        best, best_overlap = None, 0
        for p in range(max(0, hi - 8), hi):
            if p in used or not spans_match(span, predicted[p]):
                continue
            overlap = min(span[1], predicted[p][1]) - max(span[0], predicted[p][0])
            if overlap > best_overlap:
                best, best_overlap = p, overlap
        if best is not None:
            used.add(best)
            pairs[g] = best
    return pairs


def name_key(name: str) -> str:
    """A name compared loosely: lower case, no dots or possessives, single spaces."""
    name = name.lower().replace("’", "'").replace(".", " ")
    name = re.sub(r"'s\b", "", name)
    return " ".join(name.split())


def percent(value: float) -> str:
    return f"{100 * value:5.1f}"


def table(rows: list[list[str]], header: list[str]) -> str:
    """A plain fixed-width table."""
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows, strict=True)]
    lines = [
        "  ".join(
            str(cell).rjust(w) if i else str(cell).ljust(w)
            for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        )
        for row in [header, *rows]
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def add_gold_options(parser: argparse.ArgumentParser, roster_help: str) -> None:
    """The options every speaker evaluation takes: what gold to give the pipeline, and --json."""
    parser.add_argument("--gold-quotes", action="store_true", help="give the pipeline the gold quote spans")
    parser.add_argument("--gold-roster", action="store_true", help=roster_help)
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")


def score_each(
    items: Sequence[Item], evaluate: Callable[[Item], tuple[str, Counts]], label: str, unit: str
) -> tuple[dict[str, Counts], Counts]:
    """Evaluate each item (a novel, a work) with a progress bar on stderr: scores per item and in all."""
    from tqdm import tqdm

    per_item: dict[str, Counts] = {}
    total = Counts()
    for item in tqdm(items, desc=label, unit=unit, file=sys.stderr, leave=False):
        name, counts = evaluate(item)
        per_item[name] = counts
        total.add(counts)
    return per_item, total


def score_block(counts: Counts, quote_types: Sequence[str] = ()) -> dict[str, object]:
    """The JSON scores of one novel, one work or a whole corpus (the `--json` documents)."""
    return {
        "quotes": {
            "precision": round(counts.precision, 4),
            "recall": round(counts.recall, 4),
            "f1": round(counts.f1, 4),
            "gold": counts.gold,
            "predicted": counts.predicted,
        },
        "speaker_accuracy": {
            "overall": round(counts.speaker_accuracy, 4),
            **{kind: round(counts.type_accuracy(kind), 4) for kind in quote_types},
        },
        "roster": {"recall": round(counts.roster_recall, 4)},
    }
