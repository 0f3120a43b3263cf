"""PDNC regression: a few small novels must score within 2 points of what docs/accuracy.json records.

A CI-sized slice of ``fandex eval pdnc``: three short novels with the gold quotes and cast (speaker
attribution alone) and two of them end to end (quotes, speakers and characters found by fandex).
"""

from __future__ import annotations

import json

import pytest

from conftest import ROOT, SHARED
from fandex.eval.common import Counts
from fandex.eval.pdnc import evaluate_novel

PDNC = SHARED / "data" / "pdnc"
RECORDED = json.loads((ROOT / "docs" / "accuracy.json").read_text(encoding="utf-8"))
TOLERANCE = 0.02

GOLD_SLICE = ("AlicesAdventuresInWonderland", "DaisyMiller", "WinnieThePooh")
END_TO_END_SLICE = ("DaisyMiller", "WinnieThePooh")


def _recorded(setting: str, novel: str) -> dict:
    return RECORDED["pdnc"][setting]["per_novel"][novel]


@pytest.mark.parametrize("novel", GOLD_SLICE)
def test_speaker_accuracy_with_gold_quotes_and_cast(novel: str) -> None:
    if not PDNC.is_dir():
        pytest.fail(f"{PDNC} is missing: the regression test needs ../shared beside the checkout")
    counts: Counts = evaluate_novel(PDNC / novel, gold_quotes=True, gold_roster=True)
    recorded = _recorded("gold_quotes_gold_roster", novel)["speaker_accuracy"]["overall"]
    assert counts.speaker_accuracy >= recorded - TOLERANCE, (novel, counts.speaker_accuracy, recorded)


@pytest.mark.parametrize("novel", END_TO_END_SLICE)
def test_end_to_end_quotes_speakers_and_cast(novel: str) -> None:
    counts = evaluate_novel(PDNC / novel, gold_quotes=False, gold_roster=False)
    recorded = _recorded("end_to_end", novel)
    assert counts.f1 >= recorded["quotes"]["f1"] - TOLERANCE, (novel, counts.f1)
    assert counts.speaker_accuracy >= recorded["speaker_accuracy"]["overall"] - TOLERANCE, (
        novel,
        counts.speaker_accuracy,
    )
    assert counts.roster_recall >= recorded["roster"]["recall"] - TOLERANCE, (novel, counts.roster_recall)
