from __future__ import annotations

import pytest

from fandex.options import Options
from fandex.taggers.cast import CastIndex
from fandex.taggers.content import ContentReport, assess
from taggers.worktools import make_work

FILLER = " The night was quiet and the street lamps hummed." * 6


def _assess(text: str, names: tuple[str, ...] = ("Buffy", "Spike", "Willow")) -> ContentReport:
    work = make_work(text + FILLER, names)
    return assess(work, CastIndex(work, Options()))


@pytest.mark.parametrize(
    ("text", "rating"),
    [
        ("Buffy and Willow walked to school and talked about a quiz.", "General Audiences"),
        # A kiss on the cheek or the forehead is General Audiences; on the mouth, Teen And Up.
        ("Spike kissed her cheek and left. Buffy kissed Willow on the forehead.", "General Audiences"),
        ("Buffy grabbed his coat and kissed him hard.", "Teen And Up Audiences"),
        ("They slept together that night, and in the morning Buffy left.", "Teen And Up Audiences"),
        (
            "He undressed her slowly. She was naked against him and he moaned when she pulled him inside of her.",
            "Mature",
        ),
        (
            "She stroked his cock and he pushed inside her. He fucked her hard until she came, her nipples "
            "against his chest, his cock buried deep.",
            "Explicit",
        ),
        ("What the hell, Buffy thought. Damn vampires. Bloody hell, said Spike.", "Teen And Up Audiences"),
        ("Fuck. Fuck this. Fucking vampires. Shit, shit, shit.", "Mature"),
        ("Spike was drunk on whiskey and vodka again.", "Teen And Up Audiences"),
    ],
)
def test_rating_follows_the_content(text: str, rating: str) -> None:
    assert _assess(text).rating == rating


def test_talk_about_sex_weighs_less_than_showing_it() -> None:
    text = '"Sex," Anya said. "Are they having sex? It must be sex."'
    spoken = make_work(
        text + FILLER,
        ("Anya",),
        quotes=[("Sex,", "Anya", None), ("Are they having sex? It must be sex.", "Anya", None)],
    )
    assert assess(spoken, CastIndex(spoken, Options())).rating == "Teen And Up Audiences"
    # The same three cues in narration make a scene about sex that happened: Mature.
    told = make_work("Sex. They were having sex. It had to be sex." + FILLER, ("Anya",))
    assert assess(told, CastIndex(told, Options())).rating == "Mature"


def test_negated_sex_does_not_count() -> None:
    assert _assess("It was something that is not sex.").rating == "General Audiences"


def test_the_rating_carries_the_cues_that_reached_it_as_evidence() -> None:
    text = "He undressed her slowly. She was naked and she moaned."
    work = make_work(text + FILLER, ("Buffy",))
    report = assess(work, CastIndex(work, Options()))
    assert report.rating == "Mature"
    assert {work.text[e.start : e.end] for e in report.evidence()} >= {"undressed", "naked", "moaned"}
    assert report.reasons() == ["described sex"]


def test_graphic_gore_raises_the_violence_warning_and_a_punch_does_not() -> None:
    gore = (
        "The demon tore his throat open and blood sprayed the wall. His skull cracked. "
        "She stabbed it, and its entrails spilled out, and the gash in her arm was bleeding badly."
    )
    assert _assess(gore).violence_warning
    assert not _assess("Buffy punched the vampire and kicked it into a tree.").violence_warning


def test_the_death_of_a_named_character_is_found_and_a_near_death_is_not() -> None:
    died = _assess("Willow sat with Buffy. Buffy died that night. Willow held her hand.")
    assert [died_id for _, died_id in died.deaths] == ["c1"]
    nearly = _assess("Willow sat with Buffy. Buffy nearly died that night. Willow held her hand.")
    assert nearly.deaths == []
