"""Regenerate docs/accuracy.json and print the per-novel table of docs/accuracy.md.

    .venv/bin/python benchmarks/accuracy_report.py [../shared/data] [--write]

Runs the same evaluation commands the report quotes (``fandex eval pdnc`` with and without the gold
quotes and cast, for all 20 novels and for each split, and ``fandex eval litbank`` both ways), each
with ``--json``, and prints the Markdown rows of the PDNC table (one per novel, then development,
held out and all 20). With ``--write`` it also rewrites docs/accuracy.json, which the regression
test (tests/eval/test_pdnc_regression.py) reads: the date, the commit, and every command's output,
keeping the descriptive fields (data, held-out novels, matching rule, published numbers) as they are.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
ACCURACY_JSON = ROOT / "docs" / "accuracy.json"
HOLDOUT_MARK = " (held out)"


def _fandex(*args: str) -> dict[str, Any]:
    """One evaluation command's --json output."""
    command = [sys.executable, "-m", "fandex", "eval", *args, "--json"]
    done = subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT)
    return json.loads(done.stdout)


def _command(*args: str) -> str:
    return " ".join(["fandex", "eval", *args, "--json"])


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}"


def _row(name: str, gold: dict[str, Any], e2e: dict[str, Any]) -> str:
    speakers = gold["speaker_accuracy"]
    cells = [
        name,
        _percent(speakers.get("overall")),
        _percent(speakers.get("Explicit")),
        _percent(speakers.get("Anaphoric")),
        _percent(speakers.get("Implicit")),
        _percent(e2e["quotes"]["precision"]),
        _percent(e2e["quotes"]["recall"]),
        _percent(e2e["quotes"]["f1"]),
        _percent(e2e["speaker_accuracy"]["overall"]),
        _percent(e2e["roster"]["recall"]),
    ]
    return "| " + " | ".join(cells) + " |"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "data", nargs="?", default="../shared/data", help="the folder holding pdnc/ and litbank/"
    )
    parser.add_argument("--write", action="store_true", help="rewrite docs/accuracy.json")
    args = parser.parse_args(argv)
    pdnc = str(Path(args.data) / "pdnc")
    litbank = str(Path(args.data) / "litbank")
    gold_flags = ("--gold-quotes", "--gold-roster")
    runs: dict[str, dict[str, Any]] = {}
    for split in ("all", "dev", "holdout"):
        split_args = () if split == "all" else ("--split", split)
        print(f"PDNC {split}: gold quotes and cast, then end to end", file=sys.stderr)
        runs[f"gold {split}"] = _fandex("pdnc", pdnc, *gold_flags, *split_args)
        runs[f"e2e {split}"] = _fandex("pdnc", pdnc, *split_args)
    print("LitBank: gold quotes and cast, then end to end", file=sys.stderr)
    litbank_gold = _fandex("litbank", litbank, *gold_flags)
    litbank_e2e = _fandex("litbank", litbank)

    recorded = json.loads(ACCURACY_JSON.read_text(encoding="utf-8"))
    holdout = set(recorded["pdnc"]["holdout"])
    gold_all, e2e_all = runs["gold all"], runs["e2e all"]
    for novel in sorted(gold_all["per_novel"]):
        name = novel + (HOLDOUT_MARK if novel in holdout else "")
        print(_row(name, gold_all["per_novel"][novel], e2e_all["per_novel"][novel]))
    dev_count = gold_all["novels"] - len(holdout)
    for label, split in ((f"development ({dev_count})", "dev"), (f"held out ({len(holdout)})", "holdout")):
        print(_row(f"**{label}**", runs[f"gold {split}"], runs[f"e2e {split}"]))
    print(_row(f"**all {gold_all['novels']}**", gold_all, e2e_all))
    if args.write:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], check=True, capture_output=True, text=True, cwd=ROOT
        ).stdout.strip()
        recorded["date"] = dt.date.today().isoformat()
        recorded["fandex_commit"] = commit
        recorded["pdnc"]["gold_quotes_gold_roster"] = {
            "command": _command("pdnc", "../shared/data/pdnc", *gold_flags),
            **gold_all,
        }
        recorded["pdnc"]["end_to_end"] = {"command": _command("pdnc", "../shared/data/pdnc"), **e2e_all}
        recorded["litbank"] = {
            "gold_quotes_gold_roster": {
                "command": _command("litbank", "../shared/data/litbank", *gold_flags),
                **litbank_gold,
            },
            "end_to_end": {"command": _command("litbank", "../shared/data/litbank"), **litbank_e2e},
        }
        ACCURACY_JSON.write_text(json.dumps(recorded, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {ACCURACY_JSON.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
