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
k participants costs n * k**3 steps, and k is capped by the caller.
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
    # score[(before, current)]: the best total over turns 0..i with those last two speakers;
    # back[i][(before, current)]: the speaker of turn i-2 on that best path.
    score: dict[tuple[int, int], float] = {(NO_ONE, c): evidence[0][c] for c in range(k)}
    back: list[dict[tuple[int, int], int]] = [{}]
    for i, row in enumerate(evidence[1:], start=1):
        repeat = taking.same_again_adjacent if adjacent is None or adjacent[i] else taking.same_again
        new_score: dict[tuple[int, int], float] = {}
        pointers: dict[tuple[int, int], int] = {}
        for current in range(k):
            own = row[current]
            for before in range(k):
                step = own + (repeat if before == current else 0.0)
                best, best_earlier = float("-inf"), NO_ONE
                for earlier in (NO_ONE, *range(k)):
                    total = score.get((earlier, before))
                    if total is None:
                        continue
                    if earlier == NO_ONE:
                        pass
                    elif earlier == current and before != current:
                        total += taking.alternate
                    elif current not in (earlier, before):
                        total += taking.new_voice
                    if total > best:
                        best, best_earlier = total, earlier
                if best > float("-inf"):
                    new_score[(before, current)] = best + step
                    pointers[(before, current)] = best_earlier
        score = new_score
        back.append(pointers)
    (before, current), _ = max(score.items(), key=lambda item: item[1])
    path = [current]
    if len(evidence) > 1:
        path.append(before)
    for i in range(len(evidence) - 1, 1, -1):
        earlier = back[i][(before, current)]
        path.append(earlier)
        before, current = earlier, before
    path.reverse()
    return path
