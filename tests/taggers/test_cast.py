from __future__ import annotations

from fandex.options import Options
from fandex.taggers.cast import CastIndex, packs_for
from fandex.work import Character, FandomGuess, Mention, Thought, Work
from taggers.worktools import make_work


def _who(index: CastIndex, text: str, word: str, occurrence: int = 0) -> set[str]:
    at = -1
    for _ in range(occurrence + 1):
        at = text.index(word, at + 1)
    return {index.name(r.character) for r in index.between(at, at + len(word))}


def test_unresolved_he_and_she_go_to_the_last_named_person_of_that_gender() -> None:
    text = "Anya came in. Xander stood up. He kissed her."
    index = CastIndex(make_work(text, ("Anya", "Xander")), Options())
    assert _who(index, text, "He") == {"Xander Harris"}
    assert _who(index, text, "her") == {"Anya Jenkins"}


def test_a_pronoun_against_the_characters_gender_is_ignored() -> None:
    text = "Buffy waved. She smiled."
    work = make_work(text, ("Buffy", "Spike"))
    # A resolver's slip: "She" given to Spike.
    work.mentions.append(Mention(text.index("She"), text.index("She") + 3, "c2", "pronoun"))
    index = CastIndex(work, Options())
    assert _who(index, text, "She") == {"Buffy Summers"}


def test_speech_ties_i_to_the_speaker_and_you_to_the_addressee() -> None:
    text = 'Willow sat down. "I missed you," Spike said.'
    work = make_work(text, ("Willow", "Spike"), quotes=[("I missed you,", "Spike", None)])
    index = CastIndex(work, Options())
    # No addressee given and no other speaker: the last other person named before the quote.
    assert _who(index, text, "I") == {"Spike"}
    assert _who(index, text, "you") == {"Willow Rosenberg"}


def test_gender_from_pronouns_when_nobody_says() -> None:
    text = "Mara ran. Mara said she was late. Mara thought she would stop."
    work = Work(text=text)
    work.characters = [Character("c1", "Mara")]
    work.mentions = [Mention(i, i + 4, "c1", "name") for i in (0, 10, 34)]
    assert CastIndex(work, Options()).genders == {"c1": "F"}


def test_a_thought_belongs_to_its_thinker() -> None:
    text = "Spike looked at the door. * I miss Willow * he thought."
    work = make_work(text, ("Spike", "Willow"))
    start = text.index("I miss")
    work.thoughts = [Thought(start, start + len("I miss Willow"), thinker="c1")]
    index = CastIndex(work, Options())
    assert _who(index, text, "I") == {"Spike"}


def test_a_crossovers_packs_come_strongest_canon_first_and_a_single_fandom_reads_one() -> None:
    text = "Sherlock Holmes and John Watson climbed the stairs of 221B Baker Street. Willow waved."
    work = Work(text=text)
    declared = ["Buffy the Vampire Slayer (TV)", "Sherlock (TV)"]
    work.metadata.declared_tags.fandoms = declared
    work.fandoms = [FandomGuess("Buffy the Vampire Slayer", 1.0), FandomGuess("Sherlock (TV)", 1.0)]
    assert [pack.name for pack in packs_for(work, Options())] == ["Sherlock (TV)", "Buffy the Vampire Slayer"]
    work.metadata.declared_tags.fandoms = declared[:1]
    work.fandoms = work.fandoms[:1]
    assert [pack.name for pack in packs_for(work, Options())] == ["Buffy the Vampire Slayer"]


def test_appearances_are_lines_spoken_and_names_acting_in_the_narration() -> None:
    text = (
        'Giles frowned. "Tea?" Giles asked. Buffy shrugged, because like Giles said, it was late. '
        '"Giles was right," Willow said. Giles was away by then. Giles had warned her. '
        "*Giles knew,* Buffy thought. Giles always said so."
    )
    work = make_work(text, ("Giles", "Buffy", "Willow"), quotes=[("Tea?", "Giles", None)])
    thought_start = text.index("Giles knew")
    work.thoughts.append(Thought(thought_start, thought_start + len("Giles knew,"), "c2"))
    shown = CastIndex(work, Options()).appearances()["c1"]
    assert [(text[e.start : e.end], e.reason) for e in shown] == [
        ("Giles frowned", "acts in the narration"),
        ("Tea?", "speaks a line"),
        ("Giles asked", "acts in the narration"),
    ]
