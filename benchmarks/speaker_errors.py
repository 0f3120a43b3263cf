"""Speaker attribution errors on PDNC, with context, for working through the commonest patterns.

    .venv/bin/python benchmarks/speaker_errors.py ../shared/data/pdnc [--split dev] [--novel NAME]
        [--type Implicit] [--cue implicit] [--show 40] [--seed 1] [--missing] [--turns]

Runs the pipeline with the gold quotes and the gold cast (the setting of ``fandex eval pdnc
--gold-quotes --gold-roster``), then prints a table of accuracy by PDNC quote type and by the cue
fandex reported, and a random sample of the wrong attributions: the narration before the quote,
the quote with the text after it, the gold speaker and ours. Only ever look at the dev split.

``--missing`` counts instead how often a conversation's untagged turn was decoded over candidates
that did not include its gold speaker at all, and what that speaker was to the scene: someone who
had spoken earlier in it, someone its narration had named, someone named only before it, or
someone never named before (an unnamed passer-by, PDNC's "Unknowable").

``--turns`` sorts the wrong untagged turns of the conversations by how turn-taking failed them:
the gold speaker was not a candidate, the turn opens its conversation, the gold speaker is the
gold speaker of the turn before (the same voice again), of the turn two back (the A-B-A
alternation was there to follow) or someone else (a third voice); and for each, whether our
choice was our own speaker of two turns back (a wrong pair or phase carried along the run).
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from fandex import pipeline, readers
from fandex.dialogue import turn_taking
from fandex.dialogue.context import _Context, _in_quote, _mentions_between
from fandex.dialogue.quotes import _Para
from fandex.eval.common import name_key
from fandex.eval.pdnc import GoldQuote, load_quotes, novel_folders
from fandex.eval.roster import load_pdnc_characters
from fandex.options import Options
from fandex.work import Character, Span


@dataclass
class Row:
    novel: str
    quote_type: str
    gold: str
    ours: str
    cue: str
    right: bool
    context: str


def _novel_rows(folder: Path) -> list[Row]:
    gold = load_quotes(folder / "quotation_info.csv")
    cast = [c for c, _ in load_pdnc_characters(folder / "character_info.csv")]
    names = {c.id: c.name for c in cast}
    keys = {c.id: {name_key(n) for n in (c.name, *c.aliases)} for c in cast}
    work = readers.read_file(folder / "novel_text.txt")
    options = Options(roster=cast, quotes=[Span(s, e) for q in gold for s, e in q.spans])
    pipeline.run(work, options)
    by_start = {q.start: q for q in work.quotes}
    text = work.text
    rows = []
    for quote in gold:
        start = quote.spans[0][0]
        ours = by_start.get(start)
        speaker = ours.speaker if ours is not None else None
        right = speaker is not None and name_key(quote.speaker) in keys.get(speaker, set())
        last = quote.spans[-1][1]
        before = text[max(0, start - 600) : start].replace("\n", " ")
        after = text[last : last + 120].replace("\n", " ")
        context = f"...{before}[[{text[start:last][:300]}]]{after}..."
        rows.append(
            Row(
                folder.name,
                quote.quote_type,
                quote.speaker,
                names.get(speaker or "", str(speaker)),
                f"{ours.cue or '-'}/{ours.confidence}" if ours is not None else "missing",
                right,
                context,
            )
        )
    return rows


MISSING_LABELS = (
    "untagged turns",
    "gold speaker not a candidate",
    "  had spoken earlier in the scene",
    "  named in the scene's narration",
    "  named only before the scene",
    "  never named before",
)


def _gold_speakers(folder: Path) -> tuple[list[Character], list[GoldQuote], dict[int, str | None]]:
    """A PDNC novel's cast, its gold quotes, and each quote's gold speaker id by its first offset."""
    gold = load_quotes(folder / "quotation_info.csv")
    cast = [c for c, _ in load_pdnc_characters(folder / "character_info.csv")]
    ids: dict[str, str] = {}
    for character in cast:
        for name in (character.name, *character.aliases):
            ids.setdefault(name_key(name), character.id)
    return cast, gold, {q.spans[0][0]: ids.get(name_key(q.speaker)) for q in gold}


_Recorder = Callable[[list[turn_taking._Turn], _Context, list[_Para], list[str]], None]


def _run_recording(folder: Path, cast: list[Character], gold: list[GoldQuote], record: _Recorder) -> None:
    """Run the pipeline on a novel with its gold quotes and cast, showing ``record`` each
    conversation (its turns, the context, the paragraphs and its candidates) just before it is
    decoded."""
    decode_run = turn_taking._decode_run

    def recording(
        run_turns: list[turn_taking._Turn],
        people: list[str],
        context: _Context,
        paras: list[_Para],
        extras: Sequence[str] = (),
    ) -> None:
        record(run_turns, context, paras, turn_taking._candidates(run_turns, people, extras))
        decode_run(run_turns, people, context, paras, extras)

    turn_taking._decode_run = recording
    try:
        work = readers.read_file(folder / "novel_text.txt")
        options = Options(roster=cast, quotes=[Span(s, e) for q in gold for s, e in q.spans])
        pipeline.run(work, options)
    finally:
        turn_taking._decode_run = decode_run


def _missing_candidates(folder: Path) -> Counter[str]:
    """Untagged turns decoded without their gold speaker among the candidates, by what that
    speaker was to the scene (see the module's docstring)."""
    cast, gold, gold_speaker = _gold_speakers(folder)
    runs: list[tuple[list[str | None], list[str], list[str], int, int]] = []

    def record(
        run_turns: list[turn_taking._Turn],
        context: _Context,
        paras: list[_Para],
        candidates: list[str],
    ) -> None:
        scene = run_turns[0].para
        while scene > 0 and not paras[scene].scene_break:
            scene -= 1
        untagged = [gold_speaker.get(t.quotes[0].start) for t in run_turns if t.quotes and not t.speaker]
        start = paras[run_turns[0].para].start
        named = [
            (m.start >= paras[scene].start, m.character)
            for m in _mentions_between(context, 0, start)
            if m.character and not _in_quote(context, m.start)
        ]
        in_scene = [c for inside, c in named if inside]
        before = [c for inside, c in named if not inside]
        runs.append((untagged, candidates, [*in_scene, "|", *before], paras[scene].start, start))

    _run_recording(folder, cast, gold, record)
    spoke = sorted((q.spans[0][0], gold_speaker.get(q.spans[0][0])) for q in gold)
    counts: Counter[str] = Counter()
    for untagged, candidates, named, scene_start, start in runs:
        marker = named.index("|")
        earlier_speakers = {c for at, c in spoke if scene_start <= at < start}
        for speaker in untagged:
            if speaker is None:
                continue
            counts[MISSING_LABELS[0]] += 1
            if speaker in candidates:
                continue
            counts[MISSING_LABELS[1]] += 1
            if speaker in earlier_speakers:
                counts[MISSING_LABELS[2]] += 1
            elif speaker in named[:marker]:
                counts[MISSING_LABELS[3]] += 1
            elif speaker in named[marker + 1 :]:
                counts[MISSING_LABELS[4]] += 1
            else:
                counts[MISSING_LABELS[5]] += 1
    return counts


def _turn_classes(folder: Path) -> Counter[str]:
    """Wrong untagged turns by how turn-taking failed them (see the module's docstring)."""
    cast, gold, gold_speaker = _gold_speakers(folder)
    runs: list[tuple[list[turn_taking._Turn], list[str], list[bool]]] = []

    def record(
        run_turns: list[turn_taking._Turn],
        context: _Context,
        paras: list[_Para],
        candidates: list[str],
    ) -> None:
        # the turns are decoded in place after this: which were tagged is noted now
        runs.append((run_turns, candidates, [t.speaker is not None for t in run_turns]))

    _run_recording(folder, cast, gold, record)
    counts: Counter[str] = Counter()
    for run_turns, candidates, tagged in runs:
        # a silent reaction (no quotes) counts with the speaker its narration gave it
        golds = [gold_speaker.get(t.quotes[0].start) if t.quotes else t.speaker for t in run_turns]
        ours = [t.quotes[0].speaker if t.quotes else t.speaker for t in run_turns]
        for i, turn in enumerate(run_turns):
            if tagged[i] or not turn.quotes or golds[i] is None:
                continue
            counts[TURN_LABELS[0]] += 1
            if ours[i] == golds[i]:
                continue
            counts[TURN_LABELS[1]] += 1
            if golds[i] not in candidates:
                label = TURN_LABELS[2]
            elif i == 0:
                label = TURN_LABELS[3]
            elif golds[i] == golds[i - 1]:
                label = TURN_LABELS[4]
            elif i > 1 and golds[i] == golds[i - 2]:
                label = TURN_LABELS[5]
            else:
                label = TURN_LABELS[6]
            counts[label] += 1
            if i > 1 and ours[i] == ours[i - 2]:
                counts[f"{label} {TURN_CARRIED}"] += 1
    return counts


TURN_LABELS = (
    "untagged turns",
    "wrong",
    "  gold speaker not a candidate",
    "  opens its conversation",
    "  the same voice again",
    "  alternation (the speaker two back)",
    "  a third voice",
)
TURN_CARRIED = "(ours = our speaker two back)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--split", default="dev", choices=("dev", "holdout", "all"))
    parser.add_argument("--novel", nargs="+")
    parser.add_argument("--type", help="only wrong quotes of this PDNC type")
    parser.add_argument("--cue", help="only wrong quotes with this cue of ours")
    parser.add_argument("--show", type=int, default=30)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--missing", action="store_true", help="count gold speakers not among the candidates")
    parser.add_argument(
        "--turns", action="store_true", help="count wrong untagged turns by turn-taking class"
    )
    args = parser.parse_args(argv)
    folders = novel_folders(args.directory, args.novel, args.split)
    if args.turns:
        with ProcessPoolExecutor() as pool:
            classes = sum(pool.map(_turn_classes, folders), Counter())
        for label in TURN_LABELS:
            print(f"{label:40} {classes[label]:6}")
            carried = classes[f"{label} {TURN_CARRIED}"]
            if label.startswith("  ") and carried:
                print(f"    {TURN_CARRIED:36} {carried:6}")
        return 0
    if args.missing:
        with ProcessPoolExecutor() as pool:
            missing = sum(pool.map(_missing_candidates, folders), Counter())
        for label in MISSING_LABELS:
            print(f"{label:40} {missing[label]:6}")
        return 0
    with ProcessPoolExecutor() as pool:
        rows = [row for rows in pool.map(_novel_rows, folders) for row in rows]
    table: Counter[tuple[str, str, bool]] = Counter((r.quote_type, r.cue, r.right) for r in rows)
    print(f"{'type':10} {'cue':10} {'right':>6} {'wrong':>6} {'acc':>6}")
    for quote_type in ("Explicit", "Anaphoric", "Implicit"):
        for cue in sorted({r.cue for r in rows}):
            right, wrong = table[quote_type, cue, True], table[quote_type, cue, False]
            if right + wrong:
                print(f"{quote_type:10} {cue:10} {right:6} {wrong:6} {100 * right / (right + wrong):6.1f}")
    overall = sum(r.right for r in rows) / max(1, len(rows))
    print(f"overall {100 * overall:.1f}% of {len(rows)}")
    wrong = [
        r
        for r in rows
        if not r.right
        and (args.type is None or r.quote_type == args.type)
        and (args.cue is None or r.cue == args.cue)
    ]
    random.Random(args.seed).shuffle(wrong)
    for row in wrong[: args.show]:
        print(f"\n== {row.novel} {row.quote_type} cue={row.cue} gold={row.gold!r} ours={row.ours!r}")
        print(row.context)
    return 0


if __name__ == "__main__":
    sys.exit(main())
