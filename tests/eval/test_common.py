"""Span matching and scores shared by the corpus evaluations."""

from __future__ import annotations

from fandex.eval.common import Counts, match_spans, name_key, spans_match


def test_spans_match_when_they_overlap_by_half_of_the_longer() -> None:
    assert spans_match((0, 10), (0, 10))
    assert spans_match((0, 10), (5, 10))  # overlap 5 of the longer 10
    assert not spans_match((0, 10), (6, 10))  # overlap 4
    assert not spans_match((0, 10), (0, 21))  # the longer is 21: 10 is less than half
    assert not spans_match((0, 10), (20, 30))


def test_matching_is_one_to_one() -> None:
    gold = [(0, 10), (12, 20)]
    predicted = [(0, 10), (1, 10), (12, 19)]
    assert match_spans(gold, predicted) == {0: 0, 1: 2}


def test_precision_recall_and_f1() -> None:
    counts = Counts(predicted=4, gold=5, matched=3)
    assert counts.precision == 0.75
    assert counts.recall == 0.6
    assert abs(counts.f1 - 2 * 0.75 * 0.6 / 1.35) < 1e-9
    assert Counts().f1 == 0.0


def test_counts_add_up_per_quote_type() -> None:
    total = Counts()
    one = Counts(attributed=2, correct=1)
    one.score_type("Explicit", True)
    one.score_type("Implicit", False)
    total.add(one)
    total.add(one)
    assert total.speaker_accuracy == 0.5
    assert total.type_accuracy("Explicit") == 1.0
    assert total.type_accuracy("Implicit") == 0.0


def test_name_keys_ignore_case_full_stops_and_possessives() -> None:
    assert name_key("Lady St. Cloud") == name_key("lady st cloud")
    assert name_key("Mr. Weston's") == name_key("Mr Weston")
