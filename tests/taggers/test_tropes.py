from __future__ import annotations

import pytest

from fandex.options import Options
from fandex.relationships import find_relationships
from fandex.taggers import tropes
from fandex.taggers.context import TagContext
from fandex.work import Section, Tag
from taggers.worktools import make_work

FILLER = " The evening went on as evenings do."


def _context(
    text: str, names: tuple[str, ...] = ("Buffy", "Spike", "Willow", "Xander", "Anya")
) -> TagContext:
    work = make_work(text, names)
    find_relationships(work, Options())
    return TagContext.build(work, Options())


def _values(tags: list[Tag]) -> set[str]:
    return {t.value for t in tags}


def test_fluff_from_a_density_of_warm_cues_and_not_from_a_sad_story() -> None:
    fluffy = "Willow giggled and smiled. Buffy laughed, happy and warm, and hugged her. They cuddled, blushing sweetly."
    assert "Fluff" in _values(tropes._moods(_context(fluffy)))
    sad = "Buffy cried alone. The pain was empty and lonely. Her tears fell; grief and despair, broken and numb."
    values = _values(tropes._moods(_context(sad)))
    assert "Angst" in values and "Fluff" not in values


def test_humor_needs_enough_cues() -> None:
    funny = "Xander joked. Anya laughed and rolled her eyes. Buffy snorted, grinning, and teased him. Willow giggled."
    assert "Humor" in _values(tropes._moods(_context(funny)))
    assert "Humor" not in _values(tropes._moods(_context("Xander told a joke." + FILLER * 10)))


def test_hurt_comfort_needs_both_hurt_and_comfort() -> None:
    both = (
        "Spike was bleeding from a gash. Willow bandaged his arm and held him, soothing him. He was in pain."
    )
    assert tropes.hurt_comfort(_context(both)) is not None
    hurt_only = "Spike was bleeding from a gash. He was in pain." + FILLER
    assert tropes.hurt_comfort(_context(hurt_only)) is None


def test_romance_and_first_kiss_need_a_couple() -> None:
    text = (
        "Willow was in love with Spike. At last their lips met, and Willow kissed Spike for the first time."
    )
    context = _context(text)
    assert tropes.romance(context) is not None
    first_kiss = tropes.first_kiss(context)
    assert first_kiss is not None
    assert all(context.work.text[e.start : e.end] for e in first_kiss.evidence)
    # The same words without a romantic pair: no First Kiss.
    assert (
        tropes.first_kiss(_context("Their lips met. It was a first kiss, somebody said.", ("Buffy",))) is None
    )


def test_friendship_from_a_platonic_pair() -> None:
    context = _context("Willow was the best friend of Buffy. Buffy trusted Willow, her closest friend.")
    assert tropes.friendship(context) is not None
    assert tropes.friendship(_context("Spike hated Xander. Xander despised Spike.")) is None


def test_fake_relationship_from_pretence_cues() -> None:
    text = (
        "Willow and Spike agreed to pretend to be a couple. For a week they were putting on quite an act, "
        "holding hands. Willow kissed Spike in front of everyone."
    )
    assert tropes.fake_relationship(_context(text)) is not None
    honest = "Willow and Spike were a couple. Willow kissed Spike in front of everyone."
    assert tropes.fake_relationship(_context(honest)) is None


def test_friends_to_lovers_when_friendship_comes_before_romance() -> None:
    text = (
        "Willow was the best friend of Spike. Spike and Willow were friends for years. "
        "Then one night Willow kissed Spike. Willow was in love with Spike."
    )
    assert tropes.friends_to_lovers(_context(text)) is not None
    lovers_only = "Willow kissed Spike. Willow was in love with Spike."
    assert tropes.friends_to_lovers(_context(lovers_only)) is None


def test_established_relationship_from_a_shared_life() -> None:
    text = (
        "Xander came home to Anya after work, as he always did. Anya kissed Xander. It was their anniversary."
    )
    assert tropes.established_relationship(_context(text)) is not None
    assert tropes.established_relationship(_context("Anya kissed Xander. They had only just met.")) is None


@pytest.mark.parametrize(
    ("detector", "positive", "negative"),
    [
        (
            tropes.alternate_universe,
            "Notes: An alternate universe where nobody has powers.\n\nBuffy ran.",
            "Buffy ran.",
        ),
        (
            tropes.post_canon,
            "Notes: Post-series, after the events of the finale.\n\nBuffy ran.",
            "Buffy ran.",
        ),
        (
            tropes.canon_divergence,
            "Notes: Canon divergence. What if the spell never happened?\n\nBuffy ran.",
            "Buffy ran.",
        ),
    ],
)
def test_setting_tags_from_the_notes(detector, positive: str, negative: str) -> None:  # type: ignore[no-untyped-def]
    found = detector(_context(positive))
    assert found is not None and found.evidence
    assert detector(_context(negative + FILLER)) is None


def test_first_person_from_the_sections_layer() -> None:
    text = "I walked home. I was tired, and I did not look back." * 3
    work = make_work(text, ("Buffy",))
    work.sections = [Section(0, len(text), person="first", pov="c1")]
    context = TagContext.build(work, Options())
    tag = tropes.first_person(context)
    assert tag is not None and tag.evidence
    work.sections = [Section(0, len(text), person="third", pov="c1")]
    assert tropes.first_person(TagContext.build(work, Options())) is None


def test_pov_alternating_needs_two_narrators() -> None:
    text = "Buffy thought about it. Spike thought about it too."
    work = make_work(text, ("Buffy", "Spike"))
    work.sections = [
        Section(0, 24, person="third", pov="c1"),
        Section(24, len(text), person="third", pov="c2"),
    ]
    tag = tropes.pov_alternating(TagContext.build(work, Options()))
    assert tag is not None and len(tag.evidence) == 2
    work.sections = [Section(0, len(text), person="third", pov="c1")]
    assert tropes.pov_alternating(TagContext.build(work, Options())) is None
