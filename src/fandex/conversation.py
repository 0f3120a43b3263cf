"""Conversations: who speaks each turn of a run of dialogue, decided for the whole run at once.

A conversation is a run of turns (a turn: one speaker's paragraph of speech, or a silent reaction
between two lines). Some turns carry evidence about their speaker (a speech tag, an action beat,
a pronoun's gender, a name called in the line before or after); most carry none. Instead of
guessing each untagged turn from its neighbours one at a time, the whole run is decoded as a
sequence: each turn scores every participant on its own evidence, and the sequence scores how
people take turns (a new paragraph is a new speaker; two people alternate; a third voice joining
costs something). The best-scoring sequence of speakers is found exactly by dynamic programming
over pairs of consecutive speakers (a second-order Viterbi), so every tag constrains the turns
both before and after it.

Everything here is plain arithmetic over a handful of participants per run: a run of n turns with
k participants costs about n * k**2 steps (the speaker two turns back matters only as "no one", "the
new speaker" or "someone else", so the best of each is kept rather than tried one by one), and k is
capped by the caller.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

NO_ONE = -1  # the "speaker" before a run's first turn


@dataclass(frozen=True)
class TurnTaking:
    """The scores of how speakers follow one another (added to each turn's own evidence)."""

    # the speaker of the turn just before speaks again in a new paragraph: right after a line (only
    # a tag between) this almost never happens in PDNC (0.8% of lines); after some narration it does
    # (11% after 4-20 words, a third after more)
    same_again_adjacent: float = -4.0
    same_again: float = 0.0
    alternate: float = 1.0  # the speaker of two turns back answers back (A, B, A)
    new_voice: float = -1.0  # someone other than the last two speakers joins in


def decode(
    evidence: Sequence[Sequence[float]],
    taking: TurnTaking = TurnTaking(),
    adjacent: Sequence[bool] | None = None,
) -> list[int]:
    """The likeliest speaker of each turn, as an index into the participants.

    ``evidence[i][p]`` scores participant ``p`` as the speaker of turn ``i`` on that turn's own
    evidence (0 for no opinion; large positive for a tag naming them, negative for someone the
    turn addresses by name). Every row has one score per participant. ``adjacent[i]``: turn ``i``
    follows turn ``i - 1`` with no narration between (tags aside); every turn does when not given.
    """
    if not evidence:
        return []
    k = len(evidence[0])
    if k == 0:
        raise ValueError("a conversation needs at least one participant")
    if k == 1:
        return [0] * len(evidence)
    minus_infinity = float("-inf")
    # score[before + 1][current]: the best total over turns 0..i with those last two speakers
    # (row 0: no one before, the first turn); back[i][before][current]: the speaker of turn i - 2
    # on that best path.
    score = [[minus_infinity] * k for _ in range(k + 1)]
    score[0] = [evidence[0][c] for c in range(k)]
    back: list[list[list[int]]] = [[]]
    for i, row in enumerate(evidence[1:], start=1):
        repeat = taking.same_again_adjacent if adjacent is None or adjacent[i] else taking.same_again
        new_score = [[minus_infinity] * k for _ in range(k + 1)]
        pointers = [[NO_ONE] * k for _ in range(k)]
        for before in range(k):
            # how turn i - 2's speaker (earlier) scores with this `before`: the bonus of a path
            # only depends on whether earlier is no one, the new speaker, or anyone else, so the
            # best of "anyone else" is the best or, when that is the new speaker, second best
            # (ties go to the earlier index, as a scan in order would give)
            nobody = score[0][before]
            first = second = NO_ONE
            for earlier in range(k):
                value = score[earlier + 1][before]
                if value == minus_infinity:
                    continue
                if first == NO_ONE or value > score[first + 1][before]:
                    first, second = earlier, first
                elif second == NO_ONE or value > score[second + 1][before]:
                    second = earlier
            for current in range(k):
                if before == current:
                    # no bonus whoever spoke before: the best of all, no one first on a tie
                    best, best_earlier = nobody, NO_ONE
                    if first != NO_ONE and score[first + 1][before] > best:
                        best, best_earlier = score[first + 1][before], first
                else:
                    best, best_earlier = nobody, NO_ONE
                    other = first if first != current else second
                    for earlier, bonus in ((current, taking.alternate), (other, taking.new_voice)):
                        if earlier == NO_ONE or score[earlier + 1][before] == minus_infinity:
                            continue
                        total = score[earlier + 1][before] + bonus
                        if total > best or (
                            total == best and best_earlier != NO_ONE and earlier < best_earlier
                        ):
                            best, best_earlier = total, earlier
                if best > minus_infinity:
                    new_score[before + 1][current] = best + (
                        row[current] + (repeat if before == current else 0.0)
                    )
                    pointers[before][current] = best_earlier
        score = new_score
        back.append(pointers)
    # the best final pair, scanning as the turns were scanned (current, then before)
    best_total, before, current = minus_infinity, NO_ONE, 0
    for last in range(k):
        for previous in (NO_ONE, *range(k)) if len(evidence) == 1 else range(k):
            total = score[previous + 1][last]
            if total > best_total:
                best_total, before, current = total, previous, last
    path = [current]
    if len(evidence) > 1:
        path.append(before)
    for i in range(len(evidence) - 1, 1, -1):
        earlier = back[i][before][current]
        path.append(earlier)
        before, current = earlier, before
    path.reverse()
    return path
