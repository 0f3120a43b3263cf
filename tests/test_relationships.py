from __future__ import annotations

from fandex.fandoms import FandomPack, PackCharacter
from fandex.options import Options
from fandex.relationships import (
    READER,
    SUMMARY_COUPLE,
    _collect_cues,
    _family_name,
    find_relationships,
)
from fandex.taggers.cast import CastIndex
from fandex.work import Paragraph, Section, Work
from taggers.worktools import make_work


def _pairs(work: Work) -> dict[tuple[str, ...], str]:
    names = {c.id: c.name for c in work.characters}
    return {tuple(sorted(names[c] for c in r.characters)): r.kind for r in work.relationships}


def test_a_kiss_and_love_in_one_sentence_make_a_romantic_pair() -> None:
    work = make_work("Buffy kissed Spike in the rain. Later Buffy said she was in love with Spike.")
    find_relationships(work, Options())
    assert _pairs(work) == {("Buffy Summers", "Spike"): "romantic"}
    relationship = work.relationships[0]
    assert relationship.main
    assert relationship.strength > 0.8
    reasons = [e.reason for e in relationship.evidence]
    assert "kiss (romantic)" in reasons and "in love (romantic)" in reasons
    assert all(
        work.text[e.start : e.end] in ("kissed", "in love")
        for e in relationship.evidence
        if "romantic" in e.reason
    )


def test_lips_pressed_to_someone_elses_are_a_kiss_but_not_on_a_forehead() -> None:
    work = make_work("Willow sat on the porch. Willow leaned in and pressed her lips to Anya's at last.")
    find_relationships(work, Options())
    assert _pairs(work) == {("Anya Jenkins", "Willow Rosenberg"): "romantic"}
    reasons = [e.reason for e in work.relationships[0].evidence]
    assert "kiss (romantic)" in reasons
    # On a forehead it is comfort, as a kiss there is.
    work = make_work("Willow sat on the porch. Willow leaned in and pressed her lips to Anya's forehead.")
    find_relationships(work, Options())
    assert _pairs(work).get(("Anya Jenkins", "Willow Rosenberg")) != "romantic"


def test_mouths_pressed_together_are_the_two_peoples_own_kiss() -> None:
    work = make_work("Buffy sat on the porch. Buffy pulled Spike close and pressed their mouths together.")
    find_relationships(work, Options())
    assert _pairs(work) == {("Buffy Summers", "Spike"): "romantic"}


def test_people_in_different_sentences_are_not_tied_to_a_cue() -> None:
    work = make_work("Buffy walked home alone. Spike kissed nobody at all.")
    find_relationships(work, Options())
    assert work.relationships == []


def test_negated_cues_do_not_count() -> None:
    work = make_work("Willow and Spike are not dating. Willow and Spike aren't in love.")
    find_relationships(work, Options())
    assert _pairs(work).get(("Spike", "Willow Rosenberg")) != "romantic"


def test_a_plural_pronoun_near_the_cue_takes_it_away_from_the_named_people() -> None:
    # The affair is theirs (Willow and Spike's), not Buffy and Xander's.
    work = make_work("Buffy and Xander thought they were having an affair.")
    find_relationships(work, Options())
    assert ("Buffy Summers", "Xander Harris") not in _pairs(work)


def test_spoken_love_ties_speaker_and_addressee() -> None:
    # Talk weighs less than narration: one spoken "I love you" is not yet a romance, two are.
    text = 'Spike looked at Willow. "I love you, red," he said. "I have always loved you."'
    quotes = [("I love you, red,", "Spike", "Willow"), ("I have always loved you.", "Spike", "Willow")]
    work = make_work(text, ("Spike", "Willow"), quotes=quotes[:1])
    find_relationships(work, Options())
    assert _pairs(work).get(("Spike", "Willow Rosenberg")) != "romantic"
    work = make_work(text, ("Spike", "Willow"), quotes=quotes)
    find_relationships(work, Options())
    assert _pairs(work) == {("Spike", "Willow Rosenberg"): "romantic"}


def test_best_friends_are_platonic_and_hatred_antagonistic() -> None:
    work = make_work(
        "Willow was the best friend of Buffy. Spike hated Giles with a passion and Spike despised Giles."
    )
    find_relationships(work, Options())
    pairs = _pairs(work)
    assert pairs[("Buffy Summers", "Willow Rosenberg")] == "platonic"
    assert pairs[("Rupert Giles", "Spike")] == "antagonistic"


def test_the_strongest_rivalry_is_the_main_pair_of_a_story_without_friends_or_lovers() -> None:
    work = make_work("Spike hated Giles with a passion and Spike despised Giles. Giles glared at Spike.")
    find_relationships(work, Options())
    assert _pairs(work) == {("Rupert Giles", "Spike"): "antagonistic"}
    assert work.relationships[0].main
    # Beside friends the rivals are no main pair.
    work = make_work(
        "Willow was the best friend of Buffy. Spike hated Giles with a passion and Spike despised Giles."
    )
    find_relationships(work, Options())
    main = [tuple(sorted(work.character(c).name for c in r.characters)) for r in work.relationships if r.main]
    assert main == [("Buffy Summers", "Willow Rosenberg")]


def test_he_and_she_fall_back_to_the_last_named_person_of_that_gender() -> None:
    work = make_work("Anya came in. Xander stood up. He kissed her softly.", ("Anya", "Xander"))
    find_relationships(work, Options())
    assert _pairs(work) == {("Anya Jenkins", "Xander Harris"): "romantic"}


def test_the_strongest_romance_is_the_main_pairing() -> None:
    text = (
        "Xander kissed Anya. Willow kissed Spike. Willow was in love with Spike. "
        "Spike was Willow's boyfriend now."
    )
    work = make_work(text)
    find_relationships(work, Options())
    main = [r for r in work.relationships if r.main]
    assert len(main) == 1
    assert {work.character(c).name for c in main[0].characters} == {"Spike", "Willow Rosenberg"}


def test_a_declared_pairing_is_the_main_one_unless_declared_tags_are_ignored() -> None:
    text = "Xander kissed Anya. Xander kissed Anya again. Willow smiled at Spike."
    work = make_work(text)
    work.metadata.declared_tags.relationships = ["S/W"]
    find_relationships(work, Options())
    main = [r for r in work.relationships if r.main]
    assert [{work.character(c).name for c in r.characters} for r in main] == [{"Spike", "Willow Rosenberg"}]

    find_relationships(work, Options(ignore_declared_tags=True))
    main = [r for r in work.relationships if r.main]
    assert [{work.character(c).name for c in r.characters} for r in main] == [
        {"Anya Jenkins", "Xander Harris"}
    ]


def test_a_work_without_characters_has_no_relationships() -> None:
    work = Work(text="They kissed and kissed and were in love.")
    find_relationships(work, Options())
    assert work.relationships == []


def test_a_romance_far_weaker_than_another_of_its_people_is_not_kept() -> None:
    text = (
        "Willow kissed Spike. Willow was in love with Spike. Spike was the boyfriend of Willow. "
        "Willow and Spike made love. Spike adored her, and Willow kissed Spike again. "
        "Buffy saw Spike kiss somebody."
    )
    work = make_work(text, ("Willow", "Spike", "Buffy"))
    find_relationships(work, Options())
    pairs = _pairs(work)
    assert pairs[("Spike", "Willow Rosenberg")] == "romantic"
    assert pairs.get(("Buffy Summers", "Spike")) != "romantic"


def test_the_two_people_most_often_together_are_the_pair_of_a_short_gen_story() -> None:
    text = "Giles read to Willow. Willow listened to Giles. Giles gave Willow a book. Buffy was out."
    work = make_work(text, ("Giles", "Willow", "Buffy"))
    find_relationships(work, Options())
    assert _pairs(work) == {("Rupert Giles", "Willow Rosenberg"): "platonic"}
    assert work.relationships[0].main
    # One shared sentence is not enough to call them a pair.
    work = make_work("Giles read to Willow. Buffy was out.", ("Giles", "Willow", "Buffy"))
    find_relationships(work, Options())
    assert work.relationships == []


def test_a_partner_word_spoken_about_someone_else_does_not_pair_speaker_and_listener() -> None:
    # "Your boyfriend" is a third person: Spike and Willow are only talking.
    text = (
        'Spike looked at Willow. "Your boyfriend left you for a girlfriend of his?" he asked. '
        '"My boyfriend, my husband, whatever," Willow said.'
    )
    quotes = [
        ("Your boyfriend left you for a girlfriend of his?", "Spike", "Willow"),
        ("My boyfriend, my husband, whatever,", "Willow", "Spike"),
    ]
    work = make_work(text, ("Spike", "Willow"), quotes=quotes)
    find_relationships(work, Options())
    assert _pairs(work).get(("Spike", "Willow Rosenberg")) != "romantic"


def test_spoken_cues_about_us_pair_speaker_and_listener() -> None:
    # "Kiss me" and "we kissed" are about the two who talk.
    text = 'Willow turned to Spike. "Kiss me," she said. "We kissed last night and we were dating by noon."'
    quotes = [
        ("Kiss me,", "Willow", "Spike"),
        ("We kissed last night and we were dating by noon.", "Willow", "Spike"),
    ]
    work = make_work(text, ("Spike", "Willow"), quotes=quotes)
    find_relationships(work, Options())
    assert _pairs(work) == {("Spike", "Willow Rosenberg"): "romantic"}


def test_attraction_adds_up_to_a_romance_but_a_couple_of_inches_is_no_date() -> None:
    # Four small attraction cues (0.2 each) pass the bar together; a measure of height says nothing.
    attracted = (
        "Xander thought Anya was gorgeous. Anya blushed when Xander smiled. "
        "Xander's heart raced when Anya laughed. Anya found Xander very attractive."
    )
    work = make_work(attracted, ("Xander", "Anya"))
    find_relationships(work, Options())
    assert _pairs(work) == {("Anya Jenkins", "Xander Harris"): "romantic"}
    work = make_work("Xander was a couple of inches taller than Anya.", ("Xander", "Anya"))
    find_relationships(work, Options())
    assert _pairs(work).get(("Anya Jenkins", "Xander Harris")) != "romantic"


def test_a_plural_inside_the_cue_is_the_pairs_own() -> None:
    # "their bed" names the pair it belongs to; it is not a "they" pointing elsewhere.
    work = make_work("Xander and Anya went upstairs to their bed.", ("Xander", "Anya"))
    find_relationships(work, Options())
    assert _pairs(work) == {("Anya Jenkins", "Xander Harris"): "romantic"}


def test_a_family_name_and_a_family_word_make_a_kiss_no_romance_but_spouses_keep_theirs() -> None:
    family = "Joyce hugged Buffy. Her mom kissed Buffy on the forehead and Joyce held Buffy in her arms."
    work = make_work(family, ("Joyce", "Buffy"))
    find_relationships(work, Options())
    assert _pairs(work) == {("Buffy Summers", "Joyce Summers"): "platonic"}
    spouses = "Hank kissed Joyce. Hank was Joyce's husband, and Joyce kissed Hank back."
    work = make_work(spouses, ("Joyce", "Hank"))
    find_relationships(work, Options())
    assert _pairs(work) == {("Hank Summers", "Joyce Summers"): "romantic"}


def test_one_family_name_and_family_words_again_and_again_outweigh_a_few_couple_words() -> None:
    # Written for the rule: a mother and daughter of one name, called so three times; the talk of
    # the daughter being married off ties the two as well, but makes no couple of them.
    kin = (
        "Joyce was a mother to Buffy. Buffy hugged her mother Joyce. Joyce, her mother, held Buffy. "
        "Joyce wanted Buffy married by spring."
    )
    work = make_work(kin, ("Joyce", "Buffy"))
    find_relationships(work, Options())
    assert _pairs(work) == {("Buffy Summers", "Joyce Summers"): "platonic"}
    # Spouses of one name with a son: as many couple words as family words keep them a couple.
    spouses = (
        "Hank married Joyce. Hank was Joyce's husband. Joyce was Hank's wife. "
        "Hank and Joyce watched their son. Hank and Joyce fed their son. Hank and Joyce hugged their son."
    )
    work = make_work(spouses, ("Hank", "Joyce"))
    find_relationships(work, Options())
    assert _pairs(work) == {("Hank Summers", "Joyce Summers"): "romantic"}


def test_family_words_that_cannot_name_either_of_two_men_do_not_make_them_family() -> None:
    kisses = "Xander kissed Spike. Xander kissed Spike again. "
    # "His mother" and "his sister" are a third person talked about, not one of the two men.
    talk = "Xander told Spike about his mother. Spike asked Xander about his sister. Xander told Spike about his mother."
    work = make_work(kisses + talk)
    find_relationships(work, Options())
    assert _pairs(work) == {("Spike", "Xander Harris"): "romantic"}
    # "His dad", said three times, could be either of them: they stay family.
    work = make_work(kisses + talk.replace("mother", "dad").replace("sister", "dad"))
    find_relationships(work, Options())
    assert _pairs(work) == {("Spike", "Xander Harris"): "platonic"}


def test_the_family_name_of_a_pack_that_writes_it_first_is_its_first_word() -> None:
    # Written for the rule: "Lind Oskar" and "Lind Greta" share a family name, Lind.
    pack = FandomPack(
        "Harbour Lights East", characters=(PackCharacter("Lind Oskar"),), family_name_first=True
    )
    assert _family_name("Lind Oskar", [pack]) == "Lind"
    assert _family_name("Greta Lind", [pack]) == "Lind"  # no name of that pack: western order
    assert _family_name("Greta Lind (Harbour Lights)", []) == "Lind"
    assert _family_name("Greta", [pack]) is None


# -- the summary's two leads -------------------------------------------------------------------

# Spike and Willow share five paragraphs with no cue word (a slow burn's chapter); Buffy passes by.
SLOW_BURN = (
    "Spike sat across from Willow.\n\nWillow pushed the book at him, and Spike read.\n\n"
    "Spike read while Willow watched.\n\nWillow asked about the spell. Spike shrugged.\n\n"
    "Spike looked up at Willow.\n\nBuffy came in later."
)


def _with_paragraphs(text: str, names: tuple[str, ...]) -> Work:
    work = make_work(text, names)
    start = 0
    for block in text.split("\n\n"):
        work.paragraphs.append(Paragraph(start, start + len(block)))
        start += len(block) + 2
    return work


def test_the_two_leads_the_summary_names_and_the_story_keeps_together_are_its_couple() -> None:
    work = _with_paragraphs(SLOW_BURN, ("Spike", "Willow", "Buffy"))
    work.metadata.summary = "Spike is stuck with Willow for a week. Neither of them is happy."
    find_relationships(work, Options())
    assert _pairs(work)[("Spike", "Willow Rosenberg")] == "romantic"
    (couple,) = [r for r in work.relationships if r.kind == "romantic"]
    assert couple.main
    reasons = [e.reason for e in couple.evidence if e.reason.endswith("(romantic)")]
    assert reasons == ["the summary's two leads, often together (romantic)"]
    # The evidence is their first shared sentence.
    assert work.text[couple.evidence[0].start : couple.evidence[0].end] == "Spike sat across from Willow."


def test_the_summarys_couple_is_the_main_pairing_beside_a_wordier_romance() -> None:
    text = SLOW_BURN + "\n\nBuffy kissed Xander. Xander kissed Buffy back, and Buffy was in love with Xander."
    work = _with_paragraphs(text, ("Spike", "Willow", "Buffy", "Xander"))
    work.metadata.summary = "Spike is stuck with Willow for a week."
    find_relationships(work, Options())
    main = [r for r in work.relationships if r.main]
    assert [{work.character(c).name for c in r.characters} for r in main] == [{"Spike", "Willow Rosenberg"}]
    assert _pairs(work)[("Buffy Summers", "Xander Harris")] == "romantic"


def test_without_the_summary_or_with_too_little_together_the_leads_stay_friends() -> None:
    work = _with_paragraphs(SLOW_BURN, ("Spike", "Willow", "Buffy"))
    find_relationships(work, Options())
    assert _pairs(work).get(("Spike", "Willow Rosenberg")) != "romantic"
    # The summary names only one of them.
    work = _with_paragraphs(SLOW_BURN, ("Spike", "Willow", "Buffy"))
    work.metadata.summary = "Spike is bored."
    find_relationships(work, Options())
    assert _pairs(work).get(("Spike", "Willow Rosenberg")) != "romantic"
    # Four shared paragraphs are not yet a story about the two of them.
    four = SLOW_BURN.replace("Spike looked up at Willow.\n\n", "")
    work = _with_paragraphs(four, ("Spike", "Willow", "Buffy"))
    work.metadata.summary = "Spike is stuck with Willow for a week."
    find_relationships(work, Options())
    assert _pairs(work).get(("Spike", "Willow Rosenberg")) != "romantic"


def test_the_pair_of_a_gen_story_is_the_two_sharing_the_most_paragraphs() -> None:
    # Written for the rule: Giles and Willow share three paragraphs (one sentence); Giles and
    # Buffy three sentences of one phone call. The scene's two leads are the story's pair.
    scene = "Giles opened the shop. Willow came in later.\n\nWillow sat down. Giles made tea.\n\nGiles read to Willow."
    call = "Giles phoned Buffy. Buffy thanked Giles. Giles told Buffy to rest."
    work = _with_paragraphs(scene + "\n\n" + call, ("Giles", "Willow", "Buffy"))
    find_relationships(work, Options())
    assert _pairs(work) == {("Rupert Giles", "Willow Rosenberg"): "platonic"}
    assert work.relationships[0].main
    # Two shared paragraphs and one sentence are not yet a pair: the phone call's three sentences are.
    work = _with_paragraphs(scene.split("\n\n", 1)[1] + "\n\n" + call, ("Giles", "Willow", "Buffy"))
    find_relationships(work, Options())
    assert _pairs(work) == {("Buffy Summers", "Rupert Giles"): "platonic"}


def test_a_summary_lead_the_story_never_gives_a_gender_is_no_partner() -> None:
    # Written for the rule: a "lead" with no gender from the cast, a pack or a pronoun is a place
    # or a thing the summary personifies (an island that "pulls Spike to her"), not half a couple.
    work = _with_paragraphs(SLOW_BURN, ("Spike", "Willow", "Buffy"))
    work.character("c2").gender = "U"
    work.metadata.summary = "Willow pulls Spike to her. Spike decides to stay."
    find_relationships(work, Options())
    assert _pairs(work).get(("Spike", "Willow Rosenberg")) != "romantic"
    assert not any(SUMMARY_COUPLE in e.reason for r in work.relationships for e in r.evidence)


def test_leads_called_friends_or_family_again_and_again_are_no_couple() -> None:
    friends = SLOW_BURN + "\n\nSpike was Willow's best friend now. Willow called Spike her best friend."
    work = _with_paragraphs(friends, ("Spike", "Willow", "Buffy"))
    work.metadata.summary = "Spike is stuck with Willow for a week."
    find_relationships(work, Options())
    assert _pairs(work)[("Spike", "Willow Rosenberg")] == "platonic"


def test_family_words_said_again_and_again_make_love_a_familys_whatever_the_names() -> None:
    kin = (
        "Giles was like a father to Buffy. Buffy loved him, and Giles loved her. "
        "Giles held Buffy in his arms, her father in all but name. Buffy hugged her father Giles."
    )
    work = make_work(kin, ("Giles", "Buffy"))
    find_relationships(work, Options())
    assert _pairs(work) == {("Buffy Summers", "Rupert Giles"): "platonic"}
    # One family word is not enough when the names differ: "her father's friend" is someone else.
    once = "Giles was like a father to Buffy. Buffy loved him, and Giles loved her. Giles held Buffy in his arms."
    work = make_work(once, ("Giles", "Buffy"))
    find_relationships(work, Options())
    assert _pairs(work) == {("Buffy Summers", "Rupert Giles"): "romantic"}


def test_family_words_do_not_make_kin_of_two_people_called_friends_as_often() -> None:
    # Willow and Anya talk of their mothers three times, and are each other's best friend four
    # times: friends with families, whose kisses stay a romance.
    text = (
        "Willow kissed Anya. Anya kissed Willow again. "
        "Willow told Anya about her mother. Anya told Willow about her mother. "
        "Willow asked Anya about her mother. "
        "Anya was Willow's best friend. Willow was Anya's best friend. "
        "Anya called Willow her best friend. Willow called Anya her best friend."
    )
    work = make_work(text, ("Willow", "Anya"))
    find_relationships(work, Options())
    assert _pairs(work) == {("Anya Jenkins", "Willow Rosenberg"): "romantic"}


# -- someone's partner --------------------------------------------------------------------------


def test_someones_unnamed_partner_ties_nobody_to_the_people_around() -> None:
    text = "Giles blamed it all on Xander's new girlfriend, and Willow agreed."
    work = make_work(text, ("Giles", "Xander", "Willow"))
    find_relationships(work, Options())
    assert "romantic" not in _pairs(work).values()


def _partner_word_pairs(work: Work) -> list[set[str]]:
    """The pairs a partner word was tied to, whatever their kind came to (one cue is no romance)."""
    pairs = _collect_cues(work, CastIndex(work, Options()))
    return [
        {work.character(cid).name for cid in ids}
        for ids, cues in pairs.items()
        if any(hit.group == "partner word" for hit, _ in cues.hits["romantic"])
    ]


def test_a_partner_named_in_apposition_or_by_a_copula_is_the_possessors() -> None:
    for text in (
        "Giles nodded at Xander's girlfriend, Anya, and left.",
        "Giles watched Anya, Xander's girlfriend, leave.",
        "Giles knew that Anya was Xander's girlfriend.",
    ):
        work = make_work(text, ("Giles", "Xander", "Anya"))
        assert _partner_word_pairs(work) == [{"Anya Jenkins", "Xander Harris"}], text
    # Unnamed, the partner is nobody here: no pair, not even the two people nearest the word.
    work = make_work(
        "Giles blamed it all on Xander's new girlfriend, and Willow agreed.", ("Giles", "Xander", "Willow")
    )
    assert _partner_word_pairs(work) == []
    # Without a possessive, the nearest two take the cue as before.
    work = make_work("Anya and Xander were the new lovers of Sunnydale.", ("Xander", "Anya"))
    assert _partner_word_pairs(work) == [{"Anya Jenkins", "Xander Harris"}]


def test_when_the_leads_are_friends_the_next_pair_of_the_summary_is_no_couple_either() -> None:
    # Spike and Willow share the most paragraphs and are called best friends; Buffy, named in the
    # summary too, shares five paragraphs with Willow: no couple at all.
    friends = SLOW_BURN + "\n\nSpike was Willow's best friend now. Willow called Spike her best friend."
    with_buffy = friends + "".join(f"\n\nBuffy waved at Willow, time {n}." for n in range(5))
    work = _with_paragraphs(with_buffy, ("Spike", "Willow", "Buffy"))
    work.metadata.summary = "Spike is stuck with Willow and Buffy for a week."
    find_relationships(work, Options())
    assert "romantic" not in _pairs(work).values()


def test_pet_names_count_only_when_said_to_someone() -> None:
    # In narration, or after a determiner, "honey", "baby" and "darling" are the things themselves.
    narrated = (
        "Xander passed Anya the honey. Anya rocked the baby while Xander watched. "
        'Xander said he had been a baby once, and Anya laughed. "I was a baby," Xander told Anya.'
    )
    work = make_work(narrated, ("Xander", "Anya"), quotes=[("I was a baby,", "Xander", "Anya")])
    find_relationships(work, Options())
    assert _pairs(work).get(("Anya Jenkins", "Xander Harris")) != "romantic"
    # Said to the listener, four of them add up to a romance.
    spoken = (
        'Anya smiled at Xander. "Morning, honey." "Coffee, baby?" Xander asked. '
        '"Thanks, darling." "Anytime, sweetie."'
    )
    quotes = [
        ("Morning, honey.", "Anya", "Xander"),
        ("Coffee, baby?", "Xander", "Anya"),
        ("Thanks, darling.", "Anya", "Xander"),
        ("Anytime, sweetie.", "Xander", "Anya"),
    ]
    work = make_work(spoken, ("Xander", "Anya"), quotes=quotes)
    find_relationships(work, Options())
    assert _pairs(work).get(("Anya Jenkins", "Xander Harris")) == "romantic"


def test_a_kiss_on_the_forehead_or_the_temple_is_no_romance() -> None:
    # A parent's or a friend's kiss; on the mouth, or anywhere unsaid, it stays a romantic cue.
    work = make_work(
        "Giles kissed the top of Buffy's head. Later Giles kissed the side of Buffy's temple.",
        ("Giles", "Buffy"),
    )
    find_relationships(work, Options())
    assert _pairs(work).get(("Buffy Summers", "Rupert Giles")) != "romantic"
    work = make_work("Giles kissed Buffy softly.", ("Giles", "Buffy"))
    find_relationships(work, Options())
    assert _pairs(work) == {("Buffy Summers", "Rupert Giles"): "romantic"}


def _family_hits(work: Work) -> list[str]:
    cues = _collect_cues(work, CastIndex(work, Options()))
    return [
        work.text[hit.start : hit.end]
        for pair in cues.values()
        for hit, _ in pair.hits["platonic"]
        if hit.group == "family"
    ]


def test_brother_said_to_the_listener_is_a_form_of_address_not_a_family_tie() -> None:
    # Written for the rule: comrades call each other "brother"; the word used in address ties the
    # speaker and the listener as no family.
    text = '"Hold on, brother," Spike told Xander. "Brother, sit down," Spike said to Xander.'
    quotes = [("Hold on, brother,", "Spike", "Xander"), ("Brother, sit down,", "Spike", "Xander")]
    work = make_work(text, ("Spike", "Xander"), quotes=quotes)
    assert _family_hits(work) == []
    # "Your brother is here" speaks of a brother, and narration's "his brother" is kin as before.
    text = '"Your brother is here," Spike told Xander. Xander looked at Spike, his brother.'
    work = make_work(text, ("Spike", "Xander"), quotes=[("Your brother is here,", "Spike", "Xander")])
    assert _family_hits(work) == ["brother", "brother"]


def test_a_comrades_sister_does_not_stop_the_summarys_two_leads_being_its_couple() -> None:
    # Without the rule the two "sister"s are family words tying the leads twice: no couple.
    text = SLOW_BURN + '\n\n"Hold on, sister," Spike told Willow.\n\n"Thanks, sister," Spike said to Willow.'
    quotes = [("Hold on, sister,", "Spike", "Willow"), ("Thanks, sister,", "Spike", "Willow")]
    work = _with_paragraphs(text, ("Spike", "Willow", "Buffy"))
    work.quotes = make_work(text, ("Spike", "Willow", "Buffy"), quotes=quotes).quotes
    work.metadata.summary = "Spike is stuck with Willow for a week."
    find_relationships(work, Options())
    assert _pairs(work)[("Spike", "Willow Rosenberg")] == "romantic"


def test_family_words_said_three_times_make_no_kin_of_two_who_kiss_three_times() -> None:
    # Written for the rule: the women's mothers are talked about in their scenes; the two kiss.
    talk = (
        "Willow told Buffy about her mother. Buffy asked Willow about her mother. "
        "Willow and Buffy sat; her mother called Buffy. "
    )
    work = make_work(talk + "Willow kissed Buffy. Buffy kissed Willow back. Buffy hugged Willow.")
    find_relationships(work, Options())
    assert _pairs(work)[("Buffy Summers", "Willow Rosenberg")] == "platonic"
    work = make_work(talk + "Willow kissed Buffy. Buffy kissed Willow back. Willow kissed Buffy again.")
    find_relationships(work, Options())
    assert _pairs(work)[("Buffy Summers", "Willow Rosenberg")] == "romantic"


def test_a_pairing_the_summary_writes_out_is_the_main_pairing() -> None:
    # Written for the rule: "Spike/Willow" in the summary names the pairing, even beside a wordier
    # romance of the text.
    text = "Spike sat with Willow.\n\nBuffy kissed Xander. Xander kissed Buffy back, and Buffy was in love with Xander."
    work = _with_paragraphs(text, ("Spike", "Willow", "Buffy", "Xander"))
    work.metadata.summary = "More Spike/Willow for the holidays."
    find_relationships(work, Options())
    main = [r for r in work.relationships if r.main]
    assert [{work.character(c).name for c in r.characters} for r in main] == [{"Spike", "Willow Rosenberg"}]
    # A chain of three names is a list (of books, of a poly tag), and names the cast lacks are nothing.
    for summary in ("Spike/Willow/Buffy crossover.", "Like Avengers/Captain America."):
        work = _with_paragraphs(text, ("Spike", "Willow", "Buffy", "Xander"))
        work.metadata.summary = summary
        find_relationships(work, Options())
        main = [r for r in work.relationships if r.main]
        assert [{work.character(c).name for c in r.characters} for r in main] == [
            {"Buffy Summers", "Xander Harris"}
        ]


def _reader_pairs(work: Work) -> dict[tuple[str, ...], str]:
    names = {c.id: c.name for c in work.characters} | {READER: READER}
    return {tuple(sorted(names[c] for c in r.characters)): r.kind for r in work.relationships}


def test_the_narrations_you_of_a_second_person_story_pairs_with_the_reader() -> None:
    text = (
        "You wait by the window until Spike comes in. Spike kisses you slowly. "
        "You have been in love with Spike for years, and tonight he is your boyfriend."
    )
    work = make_work(text, ("Spike",))
    work.sections = [Section(0, len(text), person="second")]
    find_relationships(work, Options())
    assert _reader_pairs(work) == {(READER, "Spike"): "romantic"}
    relationship = work.relationships[0]
    assert relationship.main
    romantic = [e for e in relationship.evidence if e.reason.endswith("(romantic)")]
    assert [text[e.start : e.end] for e in romantic] == ["kisses", "in love", "boyfriend"]
    # Told in the third person, the same words have no reader: nobody to pair Spike with.
    work = make_work(text, ("Spike",))
    work.sections = [Section(0, len(text), person="third")]
    find_relationships(work, Options())
    assert work.relationships == []


def test_a_first_person_storys_you_is_no_reader() -> None:
    text = "I watched Spike from the door. You know how it is: Spike kissed you once, and you love him still."
    work = make_work(text, ("Spike",))
    work.sections = [Section(0, len(text), person="first")]
    find_relationships(work, Options())
    assert all(READER not in r.characters for r in work.relationships)


def test_you_in_dialogue_is_the_listener_not_the_reader() -> None:
    text = 'You sit at the bar. Spike turns to Willow. "I love you," Spike says. "I always loved you."'
    quotes = [("I love you,", "Spike", "Willow"), ("I always loved you.", "Spike", "Willow")]
    work = make_work(text, ("Spike", "Willow"), quotes=quotes)
    work.sections = [Section(0, len(text), person="second")]
    find_relationships(work, Options())
    assert _reader_pairs(work) == {("Spike", "Willow Rosenberg"): "romantic"}


def test_the_name_placeholder_is_the_reader_in_any_person() -> None:
    text = (
        "Y/N looked up from the book. Willow kissed Y/N on the lips. "
        "(Y/N) had been Willow's girlfriend for a year, and y/n loved her."
    )
    work = make_work(text, ("Willow",))
    work.sections = [Section(0, len(text), person="third")]
    find_relationships(work, Options())
    assert _reader_pairs(work) == {(READER, "Willow Rosenberg"): "romantic"}
    # Written once, "Y/N" may be a yes-or-no question on a form: no reader-insert.
    text = "Willow ticked the Y/N box on the form. Willow kissed Buffy."
    work = make_work(text, ("Willow", "Buffy"))
    work.sections = [Section(0, len(text), person="third")]
    find_relationships(work, Options())
    assert all(READER not in r.characters for r in work.relationships)
