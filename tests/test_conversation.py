"""Conversation decoding: the likeliest speaker sequence from each turn's evidence and turn-taking."""

from __future__ import annotations

import itertools
import random

import pytest

from fandex.conversation import TurnTaking, decode

A, B, C = 0, 1, 2
TAG = 8.0


def test_no_turns_no_speakers() -> None:
    assert decode([]) == []


def test_a_single_participant_speaks_every_turn() -> None:
    assert decode([[0.0], [0.0], [0.0]]) == [0, 0, 0]


def test_a_conversation_needs_participants() -> None:
    with pytest.raises(ValueError):
        decode([[], []])


def test_one_tag_sets_the_alternation_forwards() -> None:
    assert decode([[TAG, 0.0], [0.0, 0.0], [0.0, 0.0], [0.0, 0.0]]) == [A, B, A, B]


def test_one_tag_sets_the_alternation_backwards() -> None:
    # only the last turn is tagged, with B: the three turns before it alternate back from it
    assert decode([[0.0, 0.0], [0.0, 0.0], [0.0, 0.0], [0.0, TAG]]) == [A, B, A, B]


def test_a_third_voice_joins_only_where_a_tag_says_so() -> None:
    evidence = [
        [TAG, 0.0, 0.0],
        [0.0, TAG, 0.0],
        [0.0, 0.0, 0.0],
        [0.0, 0.0, TAG],
        [0.0, 0.0, 0.0],
    ]
    # A, B, A, then C joins; the turn after C goes back to the one C answered
    assert decode(evidence) == [A, B, A, C, A]


def test_a_name_called_in_a_turn_rules_its_owner_out() -> None:
    # turn 1 calls A by name: not A speaking, even though A would alternate there
    evidence = [[0.0, TAG, 0.0], [-5.0, 0.0, 0.0], [0.0, 0.0, 0.0]]
    assert decode(evidence)[1] == C


def test_turn_taking_weights_change_the_answer() -> None:
    # A, then two untagged turns with a slight lean to A: alternation wins by default, but a
    # conversation model that does not penalise a speaker going on lets A keep talking
    evidence = [[TAG, 0.0], [0.5, 0.0], [0.5, 0.0]]
    assert decode(evidence) == [A, B, A]
    flat = TurnTaking(same_again_adjacent=0.0, same_again=0.0, alternate=0.0, new_voice=0.0)
    assert decode(evidence, flat) == [A, A, A]


def test_a_speaker_may_go_on_after_narration_but_not_right_after_their_own_line() -> None:
    evidence = [[TAG, 0.0], [1.5, 0.0], [1.5, 0.0]]
    assert decode(evidence, adjacent=[False, True, True]) == [A, B, A]
    # narration between every two lines: the lean to A is enough for A to keep the floor
    assert decode(evidence, adjacent=[False, False, False]) == [A, A, A]


def _path_score(
    path: tuple[int, ...], evidence: list[list[float]], taking: TurnTaking, adjacent: list[bool]
) -> float:
    """The total a speaker sequence scores, written out from the rules in TurnTaking's comments."""
    total = 0.0
    for i, speaker in enumerate(path):
        total += evidence[i][speaker]
        if i >= 1 and path[i - 1] == speaker:
            total += taking.same_again_adjacent if adjacent[i] else taking.same_again
        if i >= 2:
            earlier, before = path[i - 2], path[i - 1]
            if earlier == speaker and before != speaker:
                total += taking.alternate
            elif speaker not in (earlier, before):
                total += taking.new_voice
    return total


def test_the_decoded_sequence_scores_as_well_as_the_best_of_all_sequences() -> None:
    # every sequence of up to 6 turns over up to 4 people, tried one by one: none beats the decoder
    rng = random.Random(7)
    taking = TurnTaking()
    for _ in range(300):
        k, n = rng.randint(2, 4), rng.randint(1, 6)
        evidence = [[rng.choice([0.0, 0.0, 1.0, -1.5, 8.0, -5.0, 2.5]) for _ in range(k)] for _ in range(n)]
        adjacent = [rng.random() < 0.5 for _ in range(n)]
        best = max(_path_score(p, evidence, taking, adjacent) for p in itertools.product(range(k), repeat=n))
        decoded = tuple(decode(evidence, taking, adjacent))
        assert _path_score(decoded, evidence, taking, adjacent) == pytest.approx(best)


def test_a_sequence_that_is_not_the_best_scores_less() -> None:
    # the scorer above is no rubber stamp: with a tag on the first of three turns, the alternation
    # scores more than the tagged speaker talking on alone
    taking = TurnTaking()
    evidence = [[8.0, 0.0], [0.0, 0.0], [0.0, 0.0]]
    adjacent = [False, True, True]
    assert _path_score((0, 1, 0), evidence, taking, adjacent) > _path_score(
        (0, 0, 0), evidence, taking, adjacent
    )
    assert decode(evidence, taking, adjacent) == [0, 1, 0]
