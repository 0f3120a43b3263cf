"""`fandex eval pdnc DIR`: quotes, speakers and characters against the Project Dialogism Novel Corpus.

DIR holds one folder per novel with ``novel_text.txt``, ``quotation_info.csv`` and
``character_info.csv`` (the PDNC release layout). Scores:

- quote detection: precision, recall and F1 over quote spans; PDNC's sub-quotations (the pieces
  of a quote interrupted by a tag) are the gold spans; matching as in ``fandex.eval.common``;
- speaker accuracy over every gold quote, overall and per PDNC quote type; a quote we did not find
  counts as wrong; our speaker is that of the predicted span matching the quote's first piece;
- roster recall: the share of the novel's major and intermediate characters that we found.

``--gold-quotes`` gives the pipeline the gold spans, ``--gold-roster`` the gold cast; without
them everything is found by fandex itself and our characters are mapped to the gold ones by their
names and aliases.
"""

from __future__ import annotations

import argparse
import ast
import csv
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fandex.errors import InputError
from fandex.eval.common import (
    Counts,
    add_gold_options,
    match_spans,
    name_key,
    percent,
    score_block,
    score_each,
    table,
)
from fandex.eval.roster import character_keys, gold_found, load_pdnc_characters
from fandex.options import Options
from fandex.work import Character, Span, Work

# Held out while the rules were written: their scores are reported separately in docs/accuracy.md.
HOLDOUT = (
    "HowardsEnd",
    "MansfieldPark",
    "TheGambler",
    "ThePictureOfDorianGray",
    "TheSportOfTheGods",
    "WinnieThePooh",
)
QUOTE_TYPES = ("Explicit", "Anaphoric", "Implicit")
MAIN_CATEGORIES = ("major", "intermediate")


@dataclass
class GoldQuote:
    spans: list[tuple[int, int]]
    speaker: str  # the speaker's main name
    quote_type: str


def register(corpora: argparse._SubParsersAction) -> None:
    parser = corpora.add_parser(
        "pdnc",
        help="speaker attribution on the Project Dialogism Novel Corpus",
        description="Score quote finding, speaker attribution and the cast against PDNC.",
    )
    parser.add_argument(
        "directory", metavar="DIR", type=Path, help="the PDNC data folder (one folder per novel)"
    )
    add_gold_options(parser, roster_help="give the pipeline the gold character list")
    parser.add_argument("--novel", nargs="+", metavar="NAME", help="only these novels (folder names)")
    parser.add_argument(
        "--split",
        choices=("all", "dev", "holdout"),
        default="all",
        help="the development novels, the held-out ones, or all (default)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    folders = novel_folders(args.directory, args.novel, args.split)

    def evaluate(folder: Path) -> tuple[str, Counts]:
        return folder.name, evaluate_novel(folder, gold_quotes=args.gold_quotes, gold_roster=args.gold_roster)

    per_novel, total = score_each(folders, evaluate, "PDNC", "novel")
    if args.json:
        print(json.dumps(report(per_novel, total), indent=2))
    else:
        print(render(per_novel, total))
    return 0


def novel_folders(directory: Path, names: Iterable[str] | None = None, split: str = "all") -> list[Path]:
    if not directory.is_dir():
        raise InputError("not a folder", path=directory, hint="pass the PDNC data folder")
    folders = sorted(p for p in directory.iterdir() if (p / "quotation_info.csv").is_file())
    if not folders:
        raise InputError(
            "no novel folders with quotation_info.csv", path=directory, hint="pass the PDNC data folder"
        )
    if names:
        wanted = set(names)
        unknown = wanted - {p.name for p in folders}
        if unknown:
            raise InputError(f"no such novel: {', '.join(sorted(unknown))}", path=directory)
        folders = [p for p in folders if p.name in wanted]
    if split == "dev":
        folders = [p for p in folders if p.name not in HOLDOUT]
    elif split == "holdout":
        folders = [p for p in folders if p.name in HOLDOUT]
    return folders


def load_quotes(path: Path) -> list[GoldQuote]:
    quotes = []
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                spans = [(int(s), int(e)) for s, e in ast.literal_eval(row["quoteByteSpans"])]
                quotes.append(GoldQuote(spans, row["speaker"], row["quoteType"]))
    except (KeyError, ValueError, SyntaxError) as error:
        raise InputError(f"not a PDNC quotation file ({error})", path=path) from None
    return quotes


def evaluate_novel(folder: Path, *, gold_quotes: bool, gold_roster: bool) -> Counts:
    from fandex import pipeline, readers

    gold = load_quotes(folder / "quotation_info.csv")
    cast = load_pdnc_characters(folder / "character_info.csv")
    text_path = folder / "novel_text.txt"
    work = readers.read_file(text_path)
    raw = text_path.read_text(encoding="utf-8")
    if work.text != raw:
        raise InputError("the reader changed the text, so PDNC's offsets do not apply", path=text_path)
    options = Options(
        roster=[c for c, _ in cast] if gold_roster else None,
        quotes=[Span(s, e) for q in gold for s, e in q.spans] if gold_quotes else None,
    )
    pipeline.run(work, options)
    return score(work, gold, cast, gold_roster)


def score(work: Work, gold: list[GoldQuote], cast: list[tuple[Character, str]], gold_roster: bool) -> Counts:
    counts = Counts()
    gold_spans = sorted((s, e, i) for i, q in enumerate(gold) for s, e in q.spans)
    predicted = sorted(work.quotes, key=lambda q: q.start)
    pairs = match_spans([(s, e) for s, e, _ in gold_spans], [(q.start, q.end) for q in predicted])
    counts.gold, counts.predicted, counts.matched = len(gold_spans), len(predicted), len(pairs)

    to_gold = _character_map(work.characters, [c for c, _ in cast], gold_roster)
    # PDNC's speaker column spells names as the cast list does, give or take a full stop
    gold_names = {c.id: {name_key(n) for n in (c.name, *c.aliases)} for c, _ in cast}
    # each gold quote's first piece decides which predicted quote speaks for it
    first_piece: dict[int, int] = {}
    for g, (_, _, quote_index) in enumerate(gold_spans):
        first_piece.setdefault(quote_index, g)
    for quote_index, quote in enumerate(gold):
        g = first_piece.get(quote_index)
        p = pairs.get(g) if g is not None else None
        speaker = predicted[p].speaker if p is not None else None
        guessed = gold_names.get(to_gold.get(speaker or "", ""), set())
        right = name_key(quote.speaker) in guessed
        counts.attributed += 1
        counts.correct += int(right)
        counts.score_type(quote.quote_type, right)

    keys = character_keys(work.characters)
    main = [c for c, category in cast if category in MAIN_CATEGORIES]
    counts.roster_total = len(main)
    counts.roster_found = sum(1 for c in main if gold_found(c, keys))
    return counts


def _character_map(ours: list[Character], gold: list[Character], gold_roster: bool) -> dict[str, str]:
    """Our character id -> gold character id: identical with the gold roster, else by names."""
    if gold_roster:
        return {c.id: c.id for c in ours}
    owners: dict[str, set[str]] = {}
    for character in gold:
        for name in (character.name, *character.aliases):
            owners.setdefault(name_key(name), set()).add(character.id)
    mapping = {}
    for character in ours:
        votes: dict[str, int] = {}
        for name in (character.name, *character.aliases):
            for gid in owners.get(name_key(name), ()):
                votes[gid] = votes.get(gid, 0) + (2 if name == character.name else 1)
        if votes:
            mapping[character.id] = max(sorted(votes), key=lambda gid: votes[gid])
    return mapping


def report(per_novel: dict[str, Counts], total: Counts) -> dict[str, Any]:
    return {
        "novels": len(per_novel),
        **score_block(total, QUOTE_TYPES),
        "per_novel": {n: score_block(c, QUOTE_TYPES) for n, c in per_novel.items()},
    }


def render(per_novel: dict[str, Counts], total: Counts) -> str:
    header = ["novel", "quotes P", "R", "F1", "speaker", "Explicit", "Anaphoric", "Implicit", "roster R"]
    rows = []
    for name, counts in [*per_novel.items(), ("overall", total)]:
        rows.append(
            [
                name + (" (held out)" if name in HOLDOUT else ""),
                percent(counts.precision),
                percent(counts.recall),
                percent(counts.f1),
                percent(counts.speaker_accuracy),
                *(percent(counts.type_accuracy(kind)) for kind in QUOTE_TYPES),
                percent(counts.roster_recall),
            ]
        )
    return table(rows, header)
