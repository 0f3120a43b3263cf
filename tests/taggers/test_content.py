from __future__ import annotations

import pytest

from fandex.options import Options
from fandex.taggers.cast import CastIndex
from fandex.taggers.content import SCENE_CHARS, ContentReport, assess
from fandex.work import Span, Work
from taggers.worktools import make_work

FILLER = " The night was quiet and the street lamps hummed." * 6
# More quiet text than one scene holds: cues on either side of it are in different scenes.
LONG_FILLER = " The night was quiet and the street lamps hummed." * (SCENE_CHARS // 45)


def _quiet_walk() -> Work:
    """A story with nothing to rate, for tests of what the header and notes say."""
    return make_work(
        "Buffy and Willow walked to school and talked about a quiz." + FILLER, ("Buffy", "Willow")
    )


def _rating(work: Work) -> str:
    return assess(work, CastIndex(work, Options())).rating


def _assess(text: str, names: tuple[str, ...] = ("Buffy", "Spike", "Willow")) -> ContentReport:
    work = make_work(text + FILLER, names)
    return assess(work, CastIndex(work, Options()))


@pytest.mark.parametrize(
    ("text", "rating"),
    [
        ("Buffy and Willow walked to school and talked about a quiz.", "General Audiences"),
        # A kiss on the cheek or the forehead is General Audiences; a hard one on the mouth, Teen And Up.
        ("Spike kissed her cheek and left. Buffy kissed Willow on the forehead.", "General Audiences"),
        ("Buffy grabbed his coat and kissed him hard.", "Teen And Up Audiences"),
        # One gentle kiss on the mouth stays General Audiences, as real AO3 authors rate it; a scene
        # that keeps kissing, or a kiss given hard or hungrily, is Teen And Up.
        ("At the door Willow kissed Spike, softly, and said goodnight.", "General Audiences"),
        (
            "Willow kissed Spike. He kissed her back, and they were kissing still at dawn.",
            "Teen And Up Audiences",
        ),
        ("At the door Willow kissed him hungrily and said goodnight.", "Teen And Up Audiences"),
        # A kick under the table or a punch thrown in practice ("the kicks, the punches") is no blow;
        # kicking and punching someone is.
        (
            "Buffy kicks him lightly under the table. She ran through the kicks, the punches, alone.",
            "General Audiences",
        ),
        ("Buffy kicked the vampire and punched him twice.", "Teen And Up Audiences"),
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


def test_a_throat_kissed_on_a_bed_after_undressing_is_mature() -> None:
    undressed = "He undressed her and left. Later he came back."
    scene = f"{undressed} He pinned her to the bed, laughing. He kissed along her throat and she smiled."
    report = _assess(scene)
    assert report.rating == "Mature"
    assert {"pinned her to the bed", "kissed along her throat"} <= set(_evidence_text(scene, report))
    # Each alone is less: undressing alone is Teen at most, a kiss on the neck is a kiss.
    assert _assess(undressed).rating != "Mature"
    assert _assess("He kissed her neck and went to work.").rating == "Teen And Up Audiences"
    # Pinned to the floor in a fight is no bed.
    assert _assess(f"{undressed} He pinned her to the floor. He kissed along her throat.").rating != "Mature"


def _evidence_text(text: str, report: ContentReport) -> list[str]:
    body = text + FILLER
    return [body[e.start : e.end] for e in report.evidence()]


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


# -- one scene decides, not the total over a long work ------------------------------------------


def test_injuries_shown_together_earn_the_warning() -> None:
    scene = (
        "The knife went in under his ribs. Blood soaked his shirt and the wound was deep; "
        "blood ran between her fingers, he was bleeding on the floor, and a second gash opened his arm "
        "where the other knife had stabbed him."
    )
    report = _assess(scene)
    assert report.violence_warning
    assert {work_hit.group for work_hit in report.violence_graphic} == {"injury"}


def test_the_same_injuries_scattered_over_a_long_story_do_not() -> None:
    scattered = LONG_FILLER.join(
        [
            "The knife went in under his ribs.",
            "Blood soaked his shirt.",
            "The wound was deep.",
            "Blood ran between her fingers.",
            "He was bleeding on the floor.",
            "A second gash opened his arm.",
            "The other knife had stabbed him.",
        ]
    )
    report = _assess(scattered)
    assert not report.violence_warning
    assert report.rating == "General Audiences"


def test_a_scene_dwelling_on_death_is_teen_and_the_same_words_spread_out_are_not() -> None:
    grief = "The funeral was on Tuesday. Grief sat on the house; the dead man's coat still hung by the door, and she mourned."
    assert _assess(grief).reasons() == ["death, grief or trauma"]
    spread = LONG_FILLER.join(
        ["The funeral was on Tuesday.", "Grief sat on the house.", "She mourned.", "The dead man."]
    )
    assert _assess(spread).rating == "General Audiences"


def test_deaths_named_in_dialogue_do_not_make_a_scene_about_death() -> None:
    told = "The corpse lay in the hall. Grief sat on the house, and Willow mourned."
    said = [("He was murdered,", "Willow", None), ("The funeral is on Tuesday.", "Willow", None)]
    spoken = make_work(
        told + ' "He was murdered," Willow said. "The funeral is on Tuesday."' + FILLER,
        ("Willow",),
        quotes=said,
    )
    # Three cues in narration and two in dialogue: news told, General Audiences.
    assert _rating(spoken) == "General Audiences"
    # The same five cues all in narration dwell on the death: Teen And Up.
    narrated = make_work(told + " He was murdered. The funeral was on Tuesday." + FILLER, ("Willow",))
    assert assess(narrated, CastIndex(narrated, Options())).reasons() == ["death, grief or trauma"]


def test_killing_and_murder_make_a_scene_about_death_but_killing_time_does_not() -> None:
    killing = (
        "The clan had been killed in one night. Shisui knew who the killer was. "
        "He had murdered them all, and Itachi would have to kill again."
    )
    assert _assess(killing, ()).reasons() == ["death, grief or trauma"]
    idle = (
        "They were killing time at the station. Kill the engine, Buffy said. You're killing me, "
        "Willow laughed, and Spike told them to kill the lights."
    )
    assert _assess(idle).rating == "General Audiences"


# -- gore, not every wound, makes violence Mature -----------------------------------------------


def test_a_stabbing_shown_on_the_page_is_warned_for_but_stays_teen() -> None:
    stabbing = (
        "Spike stabbed him twice. The wound in his chest was bleeding fast, blood on his hands, "
        "blood on the floor, and a gash across his cheek."
    )
    report = _assess(stabbing)
    assert report.violence_warning
    assert report.rating == "Teen And Up Audiences"


def test_gore_makes_violence_mature() -> None:
    gore = (
        "The demon gutted him. His entrails spilled onto the stones, blood sprayed the wall, "
        "and the white of the bone showed through the wound."
    )
    report = _assess(gore)
    assert report.violence_warning
    assert report.rating == "Mature"
    assert report.reasons() == ["graphic violence"]


def test_organs_taken_out_are_gore() -> None:
    # Written for the rule: eviscerated, viscera and a heart or eyes cut out are gore like entrails,
    # so with the blood around them the scene is Mature; blood alone stays Teen And Up.
    opened = "The body had been eviscerated, its viscera on the tiles, blood on the rug, blood on the walls."
    assert _assess(opened).rating == "Mature"
    cut_out = "The demon had cut out her heart and gouged out his eyes. Blood on the rug, blood on the walls."
    assert _assess(cut_out).rating == "Mature"
    bled = "The body lay in the hall. Blood on the rug, blood on the walls."
    assert _assess(bled).rating == "Teen And Up Audiences"


def test_things_torn_open_and_a_cleared_throat_are_no_gore_and_a_cut_throat_is() -> None:
    things = (
        "The hull was torn open by the storm, the envelope torn open on the desk, and her family torn "
        "apart. Willow cleared her throat; the sound of her throat cut through the silence."
    )
    report = _assess(things)
    assert not report.violence_warning
    assert report.rating == "General Audiences"
    cut = "The demon stood over him, his throat cut, and his chest had been torn open."
    report = _assess(cut)
    assert report.violence_warning
    assert [hit.group for hit in report.violence_graphic] == ["gore", "gore"]


def test_a_fight_on_the_page_is_teen_and_a_fight_spoken_of_is_not() -> None:
    assert _assess("Buffy punched the vampire and kicked it into a tree.").rating == "Teen And Up Audiences"
    text = '"I could punch him," Willow said. "I could kick him."'
    work = make_work(
        text + FILLER,
        ("Willow",),
        quotes=[("I could punch him,", "Willow", None), ("I could kick him.", "Willow", None)],
    )
    assert _rating(work) == "General Audiences"


# -- figurative and everyday uses of the same words ---------------------------------------------


def test_figurative_uses_count_for_nothing() -> None:
    figurative = (
        "Giles cocked his head, then cocks his head again. He felt a stab of guilt, wound the clock, "
        "and was dead tired. He had to fight the urge to laugh. The clock struck nine; the conversation "
        "died down; the high street was dead quiet. His breast pocket held a pen."
    )
    assert _assess(figurative, ("Giles",)).rating == "General Audiences"


def test_violence_in_a_simile_is_no_violence() -> None:
    # Written for the rule: a blow or a wound in a simile ("like a punch", "as if she had been
    # stabbed") tells a feeling, not a fight; the same words told as what happened still count.
    similes = (
        "The news hit Willow like a punch to the gut. She felt as if she had been stabbed, and "
        "Buffy looked at her like a kicked puppy."
    )
    assert _assess(similes).rating == "General Audiences"
    literal = "Spike punched Willow in the gut. She had been stabbed, and Buffy kicked the vampire."
    assert _assess(literal).rating == "Teen And Up Audiences"


def test_a_realization_that_hits_someone_is_no_blow() -> None:
    # Written for the rule: "it hit her", "the realization hit him", "the truth hit her" are a
    # thought arriving; someone who hits someone is a blow, as before.
    idioms = (
        "Then it hit her: the spell was hers. The realization hit him later, and the truth hit her "
        "again at dawn; Willow never knew what hit her."
    )
    assert _assess(idioms).rating == "General Audiences"
    blows = "Then Buffy hit her: the vampire fell. Spike hit him later, and the demon hit her again at dawn."
    assert _assess(blows).rating == "Teen And Up Audiences"


def test_shoving_a_thing_is_no_blow_and_shoving_someone_is() -> None:
    # Written for the rule: hands shoved into pockets, food into a mouth, a thought away are
    # everyday; a shove at a person, with another blow, is a fight on the page.
    things = (
        "Willow shoved her hands into her pockets, shoved the phone into her bag and shoved the "
        "thought away, then shoved a cookie in her mouth."
    )
    assert _assess(things).rating == "General Audiences"
    fight = "Buffy shoved him against the wall. Spike shoved her back, hard."
    assert _assess(fight).rating == "Teen And Up Audiences"


def test_idioms_of_blood_and_a_heart_in_the_throat_are_no_injury() -> None:
    # Written for the rule: fear and anger told through the blood, and a heart in the throat.
    idioms = (
        "Giles felt his blood run cold, then his blood ran cold again. Blood pounding in his ears, he "
        "waited; his heart leapt into his throat and his heart kicked up into his throat."
    )
    report = _assess(idioms, ("Giles",))
    assert report.rating == "General Audiences"
    literal = "Spike drove the knife into his throat; blood ran down the demon's chest and blood pooled."
    assert _assess(literal).rating == "Teen And Up Audiences"


def test_the_literal_uses_still_count() -> None:
    assert _assess("Spike stabbed the demon and the wound bled; blood everywhere.").violence_warning is False
    assert (
        _assess("Spike stabbed the demon and the wound bled; blood everywhere.").rating
        == "Teen And Up Audiences"
    )
    explicit = "She took his cock in her hand and he fucked her slowly, her nipples hard, and she moaned."
    assert _assess(explicit).rating == "Explicit"


# -- sex: a named body part needs a scene, acts make it Explicit --------------------------------


def test_one_anatomical_word_alone_is_not_a_sex_scene() -> None:
    assert _assess("The rooster was a cock of some size, Willow said later.").rating == "General Audiences"


def test_anatomy_with_bodies_and_arousal_is_mature_and_with_acts_explicit() -> None:
    mature = "His cock was hard against her thigh and she moaned into his mouth."
    assert _assess(mature).rating == "Mature"
    explicit = (
        "His cock was hard against her thigh; he spread her legs and went down on her until she moaned."
    )
    assert _assess(explicit).rating == "Explicit"


# -- Major Character Death: a prominent character, dying in the story ----------------------------


def test_a_minor_characters_death_is_no_major_character_death() -> None:
    buffy = " ".join(["Buffy looked at the grave."] * 16)
    report = _assess(f"{buffy} Willow waved. Willow died that night.", ("Buffy", "Willow"))
    assert report.deaths == []  # Willow is named twice, Buffy sixteen times
    both = " ".join(["Buffy looked at Willow."] * 8)
    assert [c for _, c in _assess(f"{both} Willow died that night.", ("Buffy", "Willow")).deaths] == ["c2"]


def test_a_death_long_before_the_story_is_no_major_character_death() -> None:
    backstory = "Willow sat with Buffy. Buffy had died years ago, before the war. Willow held her photograph."
    assert _assess(backstory).deaths == []
    battery = "Willow sat with Buffy. Buffy's phone battery died. Willow held her hand."
    assert _assess(battery).deaths == []


def test_the_dead_is_the_name_before_the_death_word_not_one_after_or_someone_elses() -> None:
    # The name is the subject of the death: "Buffy died", "Buffy took her last breath".
    died = _assess("Willow sat with Buffy. That night Buffy took her last breath. Willow held her hand.")
    assert [died_id for _, died_id in died.deaths] == ["c1"]
    # Someone else's death beside a name: a relative, a pronoun's, a figure of speech.
    for sentence in (
        "Willow sat with Buffy. Buffy's mother died that night.",
        "Willow sat with Buffy. Buffy was ten when her father died.",
        "Willow sat with Buffy. Buffy knew that he died there.",
        "Willow sat with Buffy. The words died in Buffy's throat.",
        "Willow sat with Buffy. The man died while Buffy was away.",
    ):
        assert _assess(sentence).deaths == [], sentence


# -- the author's own notes ---------------------------------------------------------------------


def test_notes_announcing_smut_make_a_chaste_chapter_mature() -> None:
    work = _quiet_walk()
    work.metadata.notes = "Slow burn. Smut in chapter 9, marked for anyone who wants to skip it."
    report = assess(work, CastIndex(work, Options()))
    assert report.rating == "Mature"
    assert [e.reason for e in report.evidence()] == ["the author's notes announce sex scenes (smut)"]


def test_notes_promising_no_smut_change_nothing() -> None:
    work = _quiet_walk()
    work.metadata.notes = "No smut, sorry! Just friendship."
    assert _rating(work) == "General Audiences"
    work.metadata.notes = "A smut free zone."
    assert _rating(work) == "General Audiences"


def test_cues_inside_an_authors_note_in_the_body_do_not_rate_the_story() -> None:
    note = "A/N: fuck, this took forever. Shit, sorry. Fucking finally. Fuck."
    text = note + " Buffy and Willow walked to school and talked about a quiz." + FILLER
    work = make_work(text, ("Buffy", "Willow"))
    assert _rating(work) == "Mature"  # read as story: frequent swearing
    work.notes = [Span(0, len(note))]
    assert _rating(work) == "General Audiences"


def test_a_quiet_chapter_of_a_much_longer_work_reads_as_teen() -> None:
    work = _quiet_walk()
    words = len(work.text.split())
    work.metadata.words_declared = words * 5  # the header counts the whole work: a fifth is here
    report = assess(work, CastIndex(work, Options()))
    assert report.rating == "Teen And Up Audiences"
    (evidence,) = report.evidence()
    assert (evidence.start, evidence.end) == (0, len(work.text))
    assert evidence.reason.startswith("a part of a longer work, rated as a whole")


def test_a_whole_work_or_a_part_that_shows_something_is_graded_on_its_text() -> None:
    work = _quiet_walk()
    work.metadata.words_declared = len(work.text.split())  # the file is the whole work
    assert _rating(work) == "General Audiences"
    work.metadata.words_declared = None  # no word count declared: nothing to compare
    assert _rating(work) == "General Audiences"
    # A part whose own text is Mature stays Mature: the part is a floor, not a ceiling.
    sex = "He undressed her slowly. She was naked against him and he moaned." + FILLER
    part = make_work(sex, ("Buffy", "Spike"))
    part.metadata.words_declared = 10 * len(sex.split())
    report = assess(part, CastIndex(part, Options()))
    assert report.rating == "Mature"
    assert all("longer work" not in e.reason for e in report.evidence())


# -- everyday words that look like content ------------------------------------------------------


def test_a_drink_poured_is_general_and_someone_drunk_is_teen() -> None:
    assert _assess("Giles poured a whisky, and later a second whisky, and read.", ("Giles",)).rating == (
        "General Audiences"
    )
    assert _assess("Giles was drunk on whisky again.", ("Giles",)).rating == "Teen And Up Audiences"


def test_a_sleepover_is_not_implied_sex_and_sleeping_with_someone_is() -> None:
    sleepover = (
        "Willow spent the night at Buffy's, and she slept with the light on. The opposite sex was a mystery."
    )
    assert _assess(sleepover).rating == "General Audiences"
    assert _assess("Willow spent the night with him, and later slept with him again.").reasons() == [
        "implied sex"
    ]


def test_a_moan_of_grief_and_a_naked_baby_are_not_a_sex_scene() -> None:
    grief = "Willow moaned with grief. The baby was naked in the bath. Buffy thrust the door open and moaned."
    assert _assess(grief).rating == "General Audiences"
    scene = "He undressed her, and she was naked, and she moaned when he thrust into her."
    assert _assess(scene).rating == "Mature"


def test_a_lemon_cake_in_the_summary_is_no_notice_of_sex() -> None:
    work = _quiet_walk()
    work.metadata.summary = "Buffy bakes a lemon cake for Willow's birthday."
    assert _rating(work) == "General Audiences"
    work.metadata.summary = "Warning: this chapter is a lemon."
    assert _rating(work) == "Mature"


def test_a_killing_on_the_page_is_violence_and_hyperbole_is_not() -> None:
    assert _assess("Spike killed him with one blow and slapped the other.").rating == "Teen And Up Audiences"
    assert (
        _assess("These shoes are killing me, Willow thought. Spike killed time.").rating
        == "General Audiences"
    )


def test_undressing_each_other_is_a_mature_scene_and_undressing_for_bed_is_not() -> None:
    oblique = (
        "She took him to bed. He unhooked her bra and she stripped off his shirt, and then the lamp went out."
    )
    assert _assess(oblique).rating == "Mature"
    alone = "Willow pulled off her boots, stripped off her socks and went to bed alone with a book."
    assert _assess(alone).rating == "General Audiences"


def test_a_hand_around_his_cock_is_a_sex_act() -> None:
    # Written for the rule: a hand job described is an act on the page, so with the anatomy around
    # it the scene is Explicit; a hand around a cup, or his cock named alone, is no act.
    explicit = (
        "Spike moaned. Buffy kept her hand firmly around his cock, and his cock twitched against her"
        " palm while she bit his nipple."
    )
    assert _assess(explicit).rating == "Explicit"
    stroking = "Buffy was stroking Spike's cock slowly, and his cock was hard against her nipples."
    assert _assess(stroking).rating == "Explicit"
    cup = "Buffy kept her hand firmly around her cup while Spike talked about his cock of a rooster."
    assert _assess(cup).rating == "General Audiences"  # no act, no swear: nothing to rate up


def test_lips_around_an_erection_is_a_sex_act() -> None:
    # Written for the rule: oral sex told as "lips around his erection" is an act, so with two
    # described cues around it the scene is Explicit, not Mature. ("sucked his cock" alone is no
    # act: a real Mature work says it, and the real Explicit work it was meant for is Explicit on
    # its other cues.)
    lips = "Bare skin everywhere; Spike had undressed him, and wrapped his lips around Xander's erection."
    assert _assess(lips).rating == "Explicit"
    lips_cup = "Bare skin everywhere; Spike had undressed him, and wrapped his lips around Xander's cup."
    assert _assess(lips_cup).rating == "Mature"


def test_one_act_with_a_body_part_and_a_moan_is_explicit() -> None:
    # Written for the rule: one act on the page with the anatomy named and a moan is Explicit; the
    # same act and body part without more around them stays Mature.
    moaned = "Spike's cock was hard. Buffy's hand closed around his cock and he moaned."
    assert _assess(moaned).rating == "Explicit"
    silent = "Spike's cock was hard. Buffy's hand closed around his cock."
    assert _assess(silent).rating == "Mature"


def test_straddling_to_kiss_after_sex_off_the_page_is_teen() -> None:
    # Written for the rule: straddling someone weighs half a described cue, like nakedness, so a
    # straddle and a kiss in a scene that mentions sex once ("after sex") stays Teen And Up; with
    # the body described as well it is Mature.
    kiss = 'They talked one night after sex. Buffy straddled his waist and kissed him. "Go to sleep."'
    assert _assess(kiss).rating == "Teen And Up Audiences"
    undressed = "They talked one night after sex. Buffy straddled his waist and undressed him."
    assert _assess(undressed).rating == "Mature"


def test_a_knee_between_her_thighs_is_no_sex_act() -> None:
    # Written for the rule: a leg or a knee between someone's thighs is a position (half a described
    # cue, like straddling), not the act "between her thighs", so kisses down the neck and a moan
    # around it stay Teen And Up.
    text = "Spike kissed down her neck and Buffy let out a moan as he pressed a knee between her thighs."
    report = _assess(text)
    assert report.rating == "Teen And Up Audiences"
    assert "described sex" not in report.reasons()


def test_heat_between_her_legs_is_arousal_not_an_act() -> None:
    # Written for the rule: an ache or heat between her legs is arousal (a described cue), not a sex
    # act, so with her breasts, a moan and nakedness the scene is Mature, not Explicit.
    text = (
        "Naked in the dark, Buffy moaned, the heat pooling between her legs as his mouth found her breasts."
    )
    report = _assess(text)
    assert report.rating == "Mature"
    assert "graphic sex" not in report.reasons()


def test_a_tail_between_his_legs_is_no_sex_act() -> None:
    # Written for the rule: the idiom is no act, so one kiss and one described cue beside it stay
    # General Audiences (read as an act, it made the scene Mature).
    text = "Buffy kissed Spike once. He left with his tail between his legs; she had undressed for nothing."
    report = _assess(text)
    assert report.rating == "General Audiences"
    assert "described sex" not in report.reasons()


def test_licking_one_of_her_nipples_is_a_sex_act() -> None:
    # Written for the rule: "licked one of her nipples" is the act "licked her nipples", so with two
    # described cues around it the scene is Explicit, not Mature.
    licked = "Spike leaned in to lick one of her nipples. Bare skin everywhere; he had undressed her."
    assert _assess(licked).rating == "Explicit"


# -- language and friendly slaps ------------------------------------------------------------------


def test_one_shit_is_a_mild_swear_and_one_fuck_is_strong() -> None:
    # Written for the rule: one "shit" alone leaves a story General; with another mild swear, or as
    # one of many strong words, it counts as before.
    assert _assess("Willow said the soup tasted like shit and laughed.").rating == "General Audiences"
    assert _assess("Willow said the soup tasted like shit, damn it.").rating == "Teen And Up Audiences"
    assert _assess("Willow said the soup was fucking awful.").rating == "Teen And Up Audiences"
    many = "Shit. Fuck this shit, Spike said. Fucking shit, fuck."
    assert _assess(many, ("Spike",)).rating == "Mature"


def test_mild_swears_now_and_then_in_a_long_work_stay_general() -> None:
    # Written for the rule: two mild swears make a short piece Teen And Up, but said once in a
    # while in a long quiet work (fewer than one per thousand words) they leave it General; one
    # strong swear keeps even the long work Teen And Up.
    mild = "What the hell, Willow muttered. The soup was crap."
    long_quiet = LONG_FILLER * 5  # well over two thousand words of nothing rated
    assert _assess(mild).rating == "Teen And Up Audiences"
    assert _assess(mild + long_quiet).rating == "General Audiences"
    strong = "What the fuck, Willow muttered. The soup was crap."
    assert _assess(strong + long_quiet).rating == "Teen And Up Audiences"


def test_his_dick_or_his_balls_are_anatomy_and_an_insult_is_not() -> None:
    # Written for the rule: someone's dick, prick or balls are sexual anatomy like "cock", so with
    # one more sexual cue in the scene they make it Mature; "a dick" said of a man is an insult.
    assert _assess("Willow undressed him and cupped his balls.").rating == "Mature"
    assert _assess("She undressed him and palmed Spike's dick.").rating == "Mature"
    assert _assess("Her dad was just a dick tonight. Willow undressed for bed.").rating == "General Audiences"


def test_insults_and_slurs_swear_like_bastard_and_a_needles_prick_does_not() -> None:
    # Written for the rule: an insult or a slur is a mild swear, so two of them in a short piece
    # make it Teen And Up as "bastard" and "damn" would.
    insults = "Spike sneered at the poofters by the jukebox. Willow said he was being a dick."
    assert _assess(insults, ("Spike", "Willow")).rating == "Teen And Up Audiences"
    assert _assess("Willow called him a jackass and a slut.").rating == "Teen And Up Audiences"
    # A prick of a needle, a pricked finger and a dick of a thing are no insult.
    harmless = (
        "Willow felt a prick of the needle and pricked her finger on the rose. A dick of a day, she said."
    )
    assert _assess(harmless).rating == "General Audiences"


def test_a_friendly_or_playful_slap_is_no_blow() -> None:
    # Written for the rule: a hand slapped away, a slap on the back or on the table is no violence.
    playful = (
        "Buffy slapped his hand away from the cake. Spike slapped him on the back. "
        "Willow slapped the table and laughed; it was a slap on the wrist."
    )
    assert _assess(playful).rating == "General Audiences"
    blows = "Buffy slapped him across the face. The slap echoed and Spike slapped her back."
    assert _assess(blows).rating == "Teen And Up Audiences"


FIGHT = " Spike punched the vampire and kicked him into the wall."


def test_a_fight_in_scene_after_scene_is_violence_throughout_and_mature() -> None:
    # Five separate fights, none gory, in about three thousand words: a work of fights is Mature.
    throughout = _assess("Buffy went out on patrol." + (FIGHT + LONG_FILLER) * 5)
    assert throughout.rating == "Mature"
    assert any(f.reason == "violence throughout" and len(f.hits) == 5 for f in throughout.findings)
    # Four fights are a story with fights in it: Teen And Up, as before.
    assert _assess("Buffy went out on patrol." + (FIGHT + LONG_FILLER) * 4).rating == "Teen And Up Audiences"
    # Five fights spread over a long work (one per two thousand words and more) are not throughout.
    sparse = _assess("Buffy went out on patrol." + (FIGHT + LONG_FILLER * 4) * 5)
    assert sparse.rating == "Teen And Up Audiences"


def test_a_sex_life_talked_of_is_no_sex_on_the_page() -> None:
    # Written for the rule: "their sex life" is a topic of a marriage, not sex happening; sex that
    # happened, with arousal told beside it, is still described sex.
    topic = "Their sex life had always been good, Willow thought, and she smiled at the orgasm joke."
    assert _assess(topic).rating != "Mature"
    happened = "They had sex that night, Willow thought, and she smiled at the orgasm."
    assert _assess(happened).rating == "Mature"


def test_a_word_explained_is_no_cue() -> None:
    # Written for the rule: a text that explains a word ("a metaphor for orgasm") shows nothing;
    # the same words told as what happened are described sex.
    explained = "Willow read that la petite mort is a metaphor for orgasm, and climax a word for orgasm too."
    assert _assess(explained).rating == "General Audiences"
    shown = "Willow cried out in orgasm, and her climax left her shaking."
    assert _assess(shown).rating == "Mature"


def test_jerking_each_other_off_is_a_sex_act() -> None:
    # Told in one line beside making out: sex on the page, Mature (an act with a passionate cue).
    text = "All winter they kept making out in his room and jerking each other off when his parents were out."
    report = _assess(text)
    assert report.rating == "Mature"
    assert "described sex" in report.reasons()


def test_gentle_kisses_in_a_long_work_stay_general() -> None:
    # Written for the rule: the same kissing scene is Teen And Up as a short piece, and General
    # Audiences inside a long quiet work; a hard kiss keeps the long work Teen And Up.
    scene = "Willow kissed Spike. He kissed her back, and they were kissing still at dawn."
    long_quiet = LONG_FILLER * 5  # well over two thousand words of nothing rated
    assert _assess(scene).rating == "Teen And Up Audiences"
    assert _assess(scene + long_quiet).rating == "General Audiences"
    hard = "Willow kissed him hungrily. He kissed her back, and they were kissing still at dawn."
    assert _assess(hard + long_quiet).rating == "Teen And Up Audiences"


def test_a_hand_between_her_thighs_is_half_an_act() -> None:
    # Written for the rule: a hand between her thighs is where a Mature scene fades out as often as
    # where an Explicit one goes on, so it weighs half an act: with her undressed, a moan and one body
    # part named the scene is Mature (as a whole act it was Explicit); the act named as well makes it
    # Explicit.
    fading = "Spike undressed her; his hand slid between her thighs, to her clit, and Buffy moaned."
    report = _assess(fading)
    assert report.rating == "Mature"
    assert "graphic sex" not in report.reasons()
    shown = fading + " He slid two fingers inside her."
    assert _assess(shown).rating == "Explicit"


def test_dark_themes_dwelt_on_over_the_work_are_mature() -> None:
    # Written for the rule: no scene here is graphic, but torture, its scars, nightmares and
    # flashbacks named four times in a short piece are what it is about, Mature, with those words
    # as evidence. The same four words spread over six thousand words are a dark past mentioned.
    text = (
        "Willow woke from the nightmares again. The scars on her wrists had faded, but the "
        "flashbacks had not, and every night she was back in the cellar with the torture."
    )
    report = _assess(text)
    assert report.rating == "Mature"
    assert report.reasons() == ["dark themes throughout"]
    shown = {text[e.start : e.end].lower() for e in report.evidence()}
    assert shown == {"nightmares", "scars", "flashbacks", "torture"}
    diluted = _assess(text + LONG_FILLER * 10)
    assert diluted.rating != "Mature"
    assert "dark themes throughout" not in diluted.reasons(2)


def test_dark_themes_named_in_dialogue_weigh_half() -> None:
    # Three theme words are enough in narration; spoken, they weigh half and stay below the bar.
    narrated = "The abuse had gone on for years. After the massacre came the suicide of her brother."
    assert "dark themes throughout" in _assess(narrated).reasons()
    said = [
        ("The abuse went on for years,", "Willow", None),
        ("After the massacre came the suicide.", "Willow", None),
    ]
    text = '"The abuse went on for years," Willow said. "After the massacre came the suicide."' + FILLER
    spoken = make_work(text, ("Willow",), quotes=said)
    report = assess(spoken, CastIndex(spoken, Options()))
    assert "dark themes throughout" not in report.reasons(2)


def test_one_scar_a_hero_is_known_by_is_no_dark_theme() -> None:
    # A single scar is a mark someone is known by (it prickles, it is hidden under a fringe);
    # "scars" dwelt on are the theme.
    text = "Spike's scar itched. Willow traced the scar on his brow; the scar was old and pale."
    assert "dark themes throughout" not in _assess(text).reasons(2)
    text = "Spike's scars itched. Willow traced the scars on his chest; the scars were old and pale."
    assert "dark themes throughout" in _assess(text).reasons(2)


def test_an_addictive_kiss_is_no_dark_theme() -> None:
    # "addictive" praises a kiss or a taste; "addicted" and "addiction" name the theme.
    text = "Her kisses were addictive. Addictive, too, her laugh, and her coffee was addictive."
    assert "dark themes throughout" not in _assess(text).reasons(2)
