"""Dialogue: each quote convention and each attribution rule on small handmade scenes."""

from __future__ import annotations

from pathlib import Path
from unittest.mock import ANY

import pytest

from conftest import ROOT, SAMPLE_ALL_TALK
from fandex.dialogue import find_dialogue
from fandex.dialogue.quotes import _Found
from fandex.dialogue.speech_tags import _match_after, _match_before
from fandex.dialogue.turn_taking import _anchor_kind, _is_personal_pronoun, _only_a_tag_between, _Turn
from fandex.mentions import find_name_mentions
from fandex.options import Options
from fandex.work import Character, Emphasis, Mention, Paragraph, Span, Work

CAST = [
    Character("mara", "Mara", gender="F"),
    Character("jonah", "Jonah", gender="M"),
    Character("ines", "Ines", gender="F"),
]


def run(text: str, cast: list[Character] = CAST, **options: object) -> Work:
    work = Work(text=text)
    work.characters = cast
    work.mentions = find_name_mentions(text, cast)
    find_dialogue(work, Options(**options))  # type: ignore[arg-type]
    return work


def said(work: Work) -> list[tuple[str, str | None]]:
    """(quote text, speaker id) in text order."""
    return [(work.span_text(q), q.speaker) for q in work.quotes]


# ---------------------------------------------------------------- quote conventions


def test_straight_double_quotes_cover_the_words_without_marks() -> None:
    work = run('"Pass the salt," said Jonah.\n\n"Here." Mara slid it over.\n')
    assert said(work) == [("Pass the salt,", "jonah"), ("Here.", "mara")]


def test_curly_double_quotes() -> None:
    work = run("“Is it raining?” Mara asked.\n\n“Only a little,” Jonah said.\n")
    assert said(work) == [("Is it raining?", "mara"), ("Only a little,", "jonah")]


def test_british_single_quotes_are_told_from_apostrophes() -> None:
    text = (
        "'Don't touch the boys' bikes,' said Mara.\n\n"
        "'I won't,' Jonah said. 'Let 'em rust.'\n\n"
        "'Good,' Mara said.\n\n"
        "'Fine,' said Jonah.\n"
    )
    work = run(text)
    assert said(work) == [
        ("Don't touch the boys' bikes,", "mara"),
        ("I won't,", "jonah"),
        ("Let 'em rust.", "jonah"),
        ("Good,", "mara"),
        ("Fine,", "jonah"),
    ]


def test_em_dash_dialogue() -> None:
    text = (
        "—Where does this road go? —asked Jonah.\n\n"
        "—Nowhere good, said Mara.\n\n"
        "—Then we take it —said Jonah.\n\n"
        "The road bent north.\n"
    )
    work = run(text)
    texts = [work.span_text(q) for q in work.quotes]
    assert texts[0] == "Where does this road go?"
    assert work.quotes[0].speaker == "jonah"
    assert texts[-1] == "Then we take it"
    assert work.quotes[-1].speaker == "jonah"
    assert not any("road bent" in t for t in texts)


def test_quote_interrupted_by_a_tag_is_two_spans_with_one_speaker() -> None:
    work = run('Mara shrugged.\n\n"Well," she said, "maybe tomorrow."\n')
    assert said(work) == [("Well,", "mara"), ("maybe tomorrow.", "mara")]
    assert all(q.cue == "anaphoric" for q in work.quotes)


def test_speech_over_several_paragraphs_keeps_its_speaker() -> None:
    text = (
        'Jonah cleared his throat. "It began in the spring, when the river rose.\n\n'
        '"By summer the mill was gone.\n\n'
        '"And nobody has rebuilt it since," he finished.\n\n'
        '"That is sad," said Mara.\n'
    )
    work = run(text)
    assert [q.speaker for q in work.quotes] == ["jonah", "jonah", "jonah", "mara"]
    assert work.span_text(work.quotes[0]) == "It began in the spring, when the river rose."


def test_nested_single_quotes_stay_inside_one_quote() -> None:
    work = run("\"He told me 'never again' and left,\" Mara said.\n")
    assert said(work) == [("He told me 'never again' and left,", "mara")]


def test_double_quote_closed_by_an_apostrophe_by_mistake() -> None:
    text = '"Where did you put the map?\' Mara asked.\n\n"In the drawer," Jonah said.\n'
    work = run(text)
    assert said(work) == [("Where did you put the map?", "mara"), ("In the drawer,", "jonah")]


def test_given_spans_are_used_exactly() -> None:
    text = '"Left," said Mara. "Then right."\n'
    spans = [Span(1, 6), Span(text.index("Then"), text.index("Then") + 11)]
    work = run(text, quotes=spans)
    assert [(q.start, q.end) for q in work.quotes] == [(1, 6), (spans[1].start, spans[1].end)]
    assert [q.speaker for q in work.quotes] == ["mara", "mara"]


# ---------------------------------------------------------------- attribution


def test_explicit_tag_in_either_order() -> None:
    work = run('"Open it," Mara whispered.\n\n"I can\'t," whimpered Jonah.\n')
    assert said(work) == [("Open it,", "mara"), ("I can't,", "jonah")]
    assert [q.cue for q in work.quotes] == ["explicit", "explicit"]


def test_tag_before_the_quote_with_an_addressee() -> None:
    work = run('Mara set down her cup and asked Jonah, "Where were you?"\n')
    assert work.quotes[0].speaker == "mara"
    assert work.quotes[0].addressee == "jonah"


def test_anaphoric_pronoun_tag() -> None:
    text = 'Jonah and Mara sat by the fire.\n\n"Cold tonight," he grumbled.\n\n"Very," she agreed.\n'
    work = run(text)
    assert [q.speaker for q in work.quotes] == ["jonah", "mara"]
    assert [q.cue for q in work.quotes] == ["anaphoric", "anaphoric"]


def test_pronoun_tag_read_again_after_an_untagged_line_called_her() -> None:
    # The untagged middle line (Ines, by turn-taking) calls Mara; while the tags are first read,
    # the record of who spoke holds only Lucy's tagged line, so "she" was Lucy, still talking.
    # Read again with the decoded speakers, the "she" answers the line that called her.
    cast = [*CAST, Character("lucy", "Lucy", gender="F")]
    text = (
        "Ines, Mara and Lucy were in the garden.\n\n"
        '"What a lovely day," said Lucy.\n\n'
        '"Do you think so, Mara?"\n\n'
        '"I do," she said.\n'
    )
    work = run(text, cast)
    assert [q.speaker for q in work.quotes] == ["lucy", "ines", "mara"]


def test_a_he_left_to_the_talk_is_never_decoded_to_a_woman() -> None:
    # No man is named in or just before the "he said" paragraph: only salience resolved it (to
    # Jonah, named above), so the decoding of the talk may overrule it. Turn-taking and the
    # "ma'am" on either side pull towards Ines, yet "he" cannot be her: Jonah's stays.
    text = (
        "Jonah was asleep by the door.\n\n"
        '"Hello," said Mara.\n\n'
        '"Hi, Mara," said Ines.\n\n'
        '"Where were you, ma\'am?" said Mara.\n\n'
        '"Out," he said.\n\n'
        '"Out where, ma\'am?" said Mara.\n'
    )
    work = run(text)
    assert [q.speaker for q in work.quotes] == ["mara", "ines", "mara", "jonah", "mara"]


def test_a_description_of_a_man_is_not_decoded_to_a_woman() -> None:
    # "said her brother" resolves to no one (whose brother the text does not say) and leaves the
    # turn to turn-taking with a man's gender: the alternation and the "ma'am" either side pull
    # towards Ines, but only Jonah can be a brother.
    text = (
        "Jonah was asleep by the door.\n\n"
        '"Hello," said Mara.\n\n'
        '"Hi, Mara," said Ines.\n\n'
        '"Where were you, ma\'am?" said Mara.\n\n'
        '"Out," said her brother.\n\n'
        '"Out where, ma\'am?" said Mara.\n'
    )
    work = run(text)
    assert [q.speaker for q in work.quotes] == ["mara", "ines", "mara", "jonah", "mara"]


def test_she_went_on_after_her_own_line_holds_against_the_alternation() -> None:
    # No one is named in or just before the "went on" paragraph; the line just before is Mara's,
    # so she keeps talking, though Ines, then Mara, then Ines again would alternate.
    text = '"Hello," said Ines.\n\n"Hi," said Mara.\n\n"Where were you?" she went on.\n\n"Out," said Ines.\n'
    work = run(text)
    assert [q.speaker for q in work.quotes] == ["ines", "mara", "mara", "ines"]


def test_pronoun_tag_after_a_line_that_named_her() -> None:
    text = '"Bored now," Jonah muttered. Mara rolled her eyes.\n\n"You always are," she retorted.\n'
    work = run(text)
    assert [q.speaker for q in work.quotes] == ["jonah", "mara"]


def test_a_name_after_a_phrase_and_a_comma_is_a_subject_for_the_next_she() -> None:
    # "after a moment's pause, Ines chose another subject": Ines opens that clause after a comma,
    # so she is the paragraph's latest subject, and the "she" of the next tag is hers, not Mara's
    text = (
        "Mara, finding her quiet, had nothing more to say; and after a moment's pause, "
        "Ines chose another subject.\n\n"
        '"We have been in town," said she, "and found them at home."\n'
    )
    work = run(text)
    assert work.quotes[0].speaker == "ines"


def test_a_name_opening_an_as_clause_is_a_subject_for_the_next_she() -> None:
    # "as Ines came in": Ines is the subject of that clause, the paragraph's latest, so the next
    # tag's "she" is hers
    text = 'Mara sat by the fire as Ines came in.\n\n"You are late," she said.\n'
    work = run(text)
    assert work.quotes[0].speaker == "ines"


def test_a_name_one_of_a_pair_is_no_subject_for_the_next_she() -> None:
    # "Then Mara and Jonah drove away": Mara is one of a pair that leaves, not the paragraph's
    # woman; Ines, who watches them go, is, and the next tag's "she" is hers
    text = 'Ines watched from the window. Then Mara and Jonah drove away.\n\n"Good riddance," she said.\n'
    work = run(text)
    assert work.quotes[0].speaker == "ines"


def test_a_name_that_acts_on_her_in_the_paragraph_before_is_not_the_next_she() -> None:
    # "Mara gave her a long look": Mara acts on that "her", who is the next tag's "she": Ines
    text = 'Ines came in from the rain. Mara gave her a long look.\n\n"Well?" she said.\n'
    work = run(text)
    assert work.quotes[0].speaker == "ines"


def test_a_name_the_pronoun_acts_on_is_not_the_next_she() -> None:
    # "She ... look at Ines": Ines is the object of that "she", so the tag's "she" goes on with
    # the woman of the paragraph before, not with the last woman named
    text = (
        "Mara walked home alone.\n\n"
        'She had only to look at Ines to know it. She thought a while and then said: "Let us go."\n'
    )
    work = run(text)
    assert work.quotes[0].speaker == "mara"


def test_a_name_in_a_clause_under_a_she_is_not_the_next_she() -> None:
    # Ines is the subject of "while Ines packed", but the sentence is the "she"'s: so is the tag
    text = (
        "Mara walked home alone.\n\n"
        'She waited while Ines packed. She thought a while and then said: "Let us go."\n'
    )
    work = run(text)
    assert work.quotes[0].speaker == "mara"


def test_a_her_in_a_clause_with_its_own_subject_leaves_the_name_the_next_she() -> None:
    # "but the rain put her in a good temper": the rain acts on that "her", not Mara, so Mara
    # stays the paragraph's woman and the "She called out," closing it is hers, not Ines's from
    # the paragraph before
    text = (
        "Ines and Jonah walked along the river.\n\n"
        "Mara had not meant to greet her old friend, but the rain put her in a good temper. "
        'She called out,\n\n"Hello there!"\n'
    )
    work = run(text)
    assert work.quotes[0].speaker == "mara"


def test_a_name_the_pronoun_acts_on_in_the_paragraph_before_is_not_the_next_she() -> None:
    text = (
        '"Where is it?" Mara asked Jonah.\n\n"Gone," he said.\n\n'
        'She could not bear to look at Ines.\n\n"Let us go," she said.\n'
    )
    work = run(text)
    assert [q.speaker for q in work.quotes] == ["mara", "jonah", "mara"]


def test_a_described_subject_just_before_is_the_next_he() -> None:
    # "the doctor" is how the cast knows him: the paragraph's subject, so the tag's "he" is his,
    # not the man who spoke the line before
    cast = [*CAST, Character("doctor", "The Doctor", aliases=["Doctor"], gender="M")]
    text = (
        '"Is it bad?" asked Jonah.\n\n'
        'The doctor was buttoning up his coat, just going. "Nothing to be done," he said.\n'
    )
    work = run(text, cast)
    assert [q.speaker for q in work.quotes] == ["jonah", "doctor"]


def test_a_subject_word_starts_a_word() -> None:
    # "mother and said" holds "her and said", which is no subject and verb: the tag is the "She"
    text = '"Hello," said Jonah.\n\nMara came in late. She kissed her brother and mother and said, "Sorry."\n'
    work = run(text)
    assert [(q.speaker, q.cue) for q in work.quotes] == [("jonah", "explicit"), ("mara", "anaphoric")]


def test_a_line_credited_with_as_x_said() -> None:
    # the words inside a sentence of narration, given to whom "as ... said" names
    text = (
        '"Come in," said Jonah.\n\n'
        'The review had been unkind, "the sort of thing no friend would write," as Ines said. '
        "The play went on all the same.\n"
    )
    work = run(text)
    assert [(q.speaker, q.cue) for q in work.quotes] == [("jonah", "explicit"), ("ines", "explicit")]


def test_a_named_owners_noun_is_not_the_owner() -> None:
    # "Jonah's girl" is not Jonah: the cast member known by that description, else left open
    cast = [*CAST, Character("girl", "Jonah's Girl", gender="F")]
    text = '"This is Ines," said Jonah.\n\n"Well, well," said Jonah.\n\n"Do I get a drink?" said Jonah\'s girl.\n'
    work = run(text, cast)
    assert [q.speaker for q in work.quotes] == ["jonah", "jonah", "girl"]
    text = 'Ines came in.\n\n"Well, well," said Jonah.\n\n"Do I get a drink?" said Jonah\'s girl.\n'
    assert [q.speaker for q in run(text).quotes] == ["jonah", "ines"]


def test_a_tag_after_a_clause_break_is_its_quotes_own() -> None:
    # "; but Mara said," closes Jonah's sentence and opens Mara's: "He replied" after her line
    # introduces the next one, not hers
    text = (
        'Jonah grumbled, "Too late"; but Mara said, "Not yet, we can still go." '
        'He replied in a low voice, "I suppose so."\n'
    )
    work = run(text)
    assert [q.speaker for q in work.quotes] == ["jonah", "mara", "jonah"]


def test_reported_speech_after_a_line_is_no_tag_of_it() -> None:
    # "Mara replied that it was" reports her answer to Jonah's question: it tags neither line
    text = (
        '"Come here," Jonah said as she came in. "I have sent for you. Is it true?" Mara replied that '
        'it was. "Very well, then you have refused him?"\n\n"I have, sir."\n'
    )
    work = run(text)
    assert [q.speaker for q in work.quotes] == ["jonah", "jonah", "jonah", "mara"]


def test_an_indefinite_or_owned_description_the_cast_knows_is_the_next_he() -> None:
    # the cast knows these two only by their descriptions: each is his paragraph's subject
    cast = [
        *CAST,
        Character("deacon", "The Old Deacon", aliases=["An Old Deacon"], gender="M"),
        Character("friend", "Jonah's Friend", gender="M"),
    ]
    text = (
        '"Dinner at last," said Jonah.\n\n'
        'An old deacon sat facing him. He ate slowly. "The table is quiet tonight," he said.\n\n'
        '"It is," said Jonah.\n\n'
        'Jonah\'s friend renewed his invitation. "Come again in June," he said.\n'
    )
    work = run(text, cast)
    assert [q.speaker for q in work.quotes] == ["jonah", "deacon", "jonah", "friend"]


def test_a_she_beat_keeps_its_line_a_womans_against_the_alternation() -> None:
    # "She looked into the morning-room." makes the line a woman's: the strict alternation of the
    # untagged lines before it would have given it to Jonah
    text = (
        'Mara threw her hat down on a chair in the hall. "Nothing to say, is there?"\n\n'
        '"There\'s no need to talk," said Jonah.\n\n"No. I suppose there\'ll be a funeral."\n\n'
        '"Well, of course."\n\n"Yes: to-morrow?"\n\n'
        'She looked into the morning-room. "They\'ve done quite a lot, haven\'t they?"\n\n"They have."\n'
    )
    work = run(text)
    assert work.quotes[5].speaker == "mara"


def test_epithet_tag_with_a_gendered_noun() -> None:
    text = 'Jonah waited at the gate.\n\n"Late again," the old man sighed.\n'
    work = run(text)
    assert work.quotes[0].speaker == "jonah"
    assert work.quotes[0].cue == "anaphoric"


def test_names_in_a_list_are_not_called() -> None:
    # "Mara, Ralph, and Sam" are spoken of: the line is said to Jonah, not to Ralph
    cast = [*CAST, Character("ralph", "Ralph", gender="M")]
    text = 'Ines and Jonah sat down.\n\n"Have you children?"\n\n"Not also Mara, Ralph, and Sam, surely?"\n'
    work = run(text, cast)
    assert [(q.speaker, q.addressee) for q in work.quotes] == [("jonah", "ines"), ("ines", "jonah")]


def test_names_called_one_after_another_are_vocatives() -> None:
    cast = [*CAST, Character("ralph", "Ralph", gender="M")]
    work = run('"Are you coming?" asked Jonah.\n\n"Mara, Ralph, get down!" said Ines.\n', cast)
    assert work.quotes[1].addressee == "mara"


def test_pronoun_tag_with_an_epithet_addressee() -> None:
    cast = [Character("mara", "Mara", gender="F"), Character("ines", "Ines", gender="F")]
    text = (
        "Mara looked at Ines.\n\n"
        '"Coffee?" Mara asked.\n\n'
        '"Please." Ines smiled.\n\n'
        'Mara poured two cups. "Sugar?" She asked the girl.\n'
    )
    work = run(text, cast=cast)
    assert [q.speaker for q in work.quotes] == ["mara", "ines", "mara"]
    assert work.quotes[-1].addressee == "ines"


def test_action_beat_before_and_after() -> None:
    text = 'Mara smiled. "Told you so."\n\n"Lucky guess." Jonah shrugged.\n'
    work = run(text)
    assert said(work) == [("Told you so.", "mara"), ("Lucky guess.", "jonah")]
    assert all(q.cue == "implicit" for q in work.quotes)


def test_vocative_is_the_addressee_not_the_speaker() -> None:
    text = (
        '"Are you coming?" Jonah asked.\n\n'
        '"In a minute," Mara said.\n\n'
        '"Mara, maybe you don\'t see it, but I do."\n'
    )
    work = run(text)
    assert work.quotes[-1].speaker == "jonah"
    assert work.quotes[-1].addressee == "mara"


def test_turn_taking_alternates_untagged_lines() -> None:
    text = '"Ready?" asked Mara.\n\n"Almost," said Jonah.\n\n"Now?"\n\n"Now."\n\n"Then go."\n'
    work = run(text)
    assert [q.speaker for q in work.quotes] == ["mara", "jonah", "mara", "jonah", "mara"]
    assert [q.cue for q in work.quotes][2:] == ["implicit"] * 3


def test_turn_taking_does_not_cross_a_scene_break() -> None:
    text = '"Ready?" asked Mara.\n\n"Almost," said Jonah.\n\n\n~ ~ ~\n\n"Who is there?"\n'
    work = run(text)
    assert work.quotes[-1].speaker is None


def test_a_passage_of_narration_ends_the_turn_taking() -> None:
    # After the narration the old alternation (Mara, Jonah, Mara, Jonah...) no longer holds: the
    # question goes to the person the narration just brought in.
    text = (
        '"Coffee?" Mara asked.\n\n"Please," Jonah said.\n\n"Milk?"\n\n'
        "Ines came in from the rain, shook out her umbrella and hung her wet coat on the hook "
        "by the door before she sat down at the table.\n\n"
        '"Is there any left?"\n'
    )
    work = run(text)
    assert [q.speaker for q in work.quotes] == ["mara", "jonah", "mara", "ines"]


def test_a_silent_answer_in_the_narration_takes_a_turn() -> None:
    # Jonah answers Mara's question with a nod, not words: the next line is Mara's again.
    text = (
        '"Tea?" Mara asked.\n\n"Yes," said Jonah.\n\n"Sugar?"\n\nJonah shook his head.\n\n"Suit yourself."\n'
    )
    work = run(text)
    assert [q.speaker for q in work.quotes] == ["mara", "jonah", "mara", "mara"]


def test_a_silent_answer_by_a_pronoun_takes_a_turn_of_that_gender() -> None:
    # "He shook his head." names no one, but only a man can be "he": Jonah answers without words,
    # and the next line is Mara's again, not Jonah's by alternation.
    text = '"Tea?" Mara asked.\n\n"Yes," said Jonah.\n\n"Sugar?"\n\nHe shook his head.\n\n"Suit yourself."\n'
    work = run(text)
    assert [q.speaker for q in work.quotes] == ["mara", "jonah", "mara", "mara"]


def test_a_silent_answer_by_the_first_person_narrator_takes_a_turn() -> None:
    # "I shook my head.": the narrator answers Mara without words, so she speaks again.
    cast = [*CAST, Character("narrator", "Sam", gender="U", narrator=True)]
    text = (
        'Mara sat down across from me.\n\n"Coffee?"\n\n"Please."\n\n"Sugar?"\n\n'
        'I shook my head.\n\n"Suit yourself."\n'
    )
    work = run(text, cast)
    assert [q.speaker for q in work.quotes] == ["mara", "narrator", "mara", "mara"]


def test_a_later_sentence_of_a_silent_answer_naming_someone_else_takes_a_turn_too() -> None:
    # "Jonah would not say. Mara asked again.": Jonah's silence, then Mara's question, so the
    # next line answers her: Jonah's, not Mara's by alternation after his silence.
    text = (
        '"Where were you?" Mara asked.\n\n"Out," said Jonah.\n\n"Out where?"\n\n'
        'Jonah would not say. Mara asked again.\n\n"Nowhere."\n'
    )
    work = run(text)
    assert [q.speaker for q in work.quotes] == ["mara", "jonah", "mara", "jonah"]


def test_a_narration_paragraph_leading_into_the_next_line_is_no_silent_answer() -> None:
    # "Ines assured her ..., and then added," is the tag of the line after it, not a silent turn
    # of Ines's before that line: Mara and Ines talk (Jonah only stands by), and the answer to
    # Ines's question is Mara's.
    text = (
        'Jonah stood at the window.\n\n"You have a small garden," said Mara.\n\n"It is enough for us."\n\n'
        '"The windows face west."\n\nInes assured her that they never sat there in the evening, and then '
        'added,\n\n"May I ask after your sister?"\n\n"She is very well."\n'
    )
    work = run(text)
    assert [q.speaker for q in work.quotes] == ["mara", "ines", "mara", "ines", "mara"]


def test_untagged_talk_after_a_pause_goes_on_between_the_same_two() -> None:
    # Two paragraphs of narration naming no one, then two untagged lines: the pair who were talking.
    pause = "The rain went on all afternoon, drumming on the tin roof of the porch and filling the ruts in the lane. "
    text = (
        '"Coffee?" Mara asked.\n\n"Please," said Jonah.\n\n'
        f"{pause}\n\n{pause}\n\n"
        '"Still raining."\n\n"It will stop."\n'
    )
    work = run(text)
    assert {q.speaker for q in work.quotes[2:]} == {"mara", "jonah"}


_LONG_PAUSE = (
    "Mara went to the window and stood there a long while, watching the rain fill the ruts in the "
    "lane and the crows settle on the fence posts one after another."
)


def test_an_earlier_speaker_of_the_scene_answers_when_no_one_near_names_him() -> None:
    # Only Mara is named in the long pause, yet someone answers her: Jonah, who was talking with
    # her earlier in the same scene, not Mara again.
    text = (
        '"Coffee?" Mara asked.\n\n"Please," said Jonah.\n\n'
        + f"{_LONG_PAUSE}\n\n" * 4
        + '"Where is the key?" Mara asked.\n\n"In the drawer."\n'
    )
    work = run(text)
    assert [q.speaker for q in work.quotes] == ["mara", "jonah", "mara", "jonah"]


def test_someone_named_just_before_beats_an_earlier_speaker_of_the_scene() -> None:
    # Ines comes in after the pause: the answer is hers, not that of Jonah from the talk before.
    text = (
        '"Coffee?" Mara asked.\n\n"Please," said Jonah.\n\n'
        + f"{_LONG_PAUSE}\n\n" * 4
        + "Ines came in and sat down.\n\n"
        + '"Where is the key?" Mara asked.\n\n"In the drawer."\n'
    )
    work = run(text)
    assert [q.speaker for q in work.quotes] == ["mara", "jonah", "mara", "ines"]


def test_a_speech_verb_ending_the_paragraph_before_takes_the_subject_right_before_it() -> None:
    # `..., and Mara said, as if by an afterthought:` then the quote: Mara, not Jonah who acted first
    text = (
        '"Is it over?" asked Jonah.\n\n'
        "After a pause Jonah bent his head, and Mara said, as if by an afterthought:\n\n"
        '"Oh, yes."\n'
    )
    work = run(text)
    assert said(work) == [("Is it over?", "jonah"), ("Oh, yes.", "mara")]
    assert work.quotes[1].cue == "explicit"


def test_a_name_after_the_speech_verb_is_not_its_subject() -> None:
    # Ines comes after "said": she is not the one speaking
    text = (
        '"Is it over?" asked Jonah.\n\n'
        "After a pause Jonah bent his head, and Mara said, as Ines looked away from them both:\n\n"
        '"Oh, yes."\n'
    )
    work = run(text)
    assert said(work) == [("Is it over?", "jonah"), ("Oh, yes.", "mara")]


def test_a_tag_running_into_its_quote_without_a_comma() -> None:
    # `and then Mara said   "...` (a text that lost its dash): Mara's tag all the same
    text = '"Well?" asked Jonah.\n\nThere was a silence, and then Mara said   "Where is the carriage?"\n'
    work = run(text)
    assert said(work) == [("Well?", "jonah"), ("Where is the carriage?", "mara")]
    assert work.quotes[1].cue == "explicit"


def test_a_paragraph_ending_on_a_tag_and_its_manner_without_a_colon_tags_the_next_quote() -> None:
    # `and then Mara said in a low, strained voice` closing its paragraph, its colon lost
    text = (
        '"Are you coming?" Jonah asked.\n\n"No," Ines said.\n\n'
        "There was a long silence, and then Mara said in a low and strained voice\n\n"
        '"We should all go."\n'
    )
    work = run(text)
    assert said(work)[2] == ("We should all go.", "mara")
    assert work.quotes[2].cue == "explicit"


def test_a_paragraph_ending_on_a_speech_verb_and_more_than_manner_is_no_tag() -> None:
    text = (
        '"Are you coming?" Jonah asked.\n\n"No," Ines said.\n\n'
        "Mara said nothing and the rain went on\n\n"
        '"We should all go."\n'
    )
    work = run(text)
    assert work.quotes[2].cue != "explicit"


def test_narration_running_into_a_quote_without_a_speech_verb_is_no_tag() -> None:
    # `Mara turned "...`: no speech verb closes the narration, so no tag names the speaker
    text = '"Well?" asked Jonah.\n\nThere was a silence, and then Mara turned   "Where is the carriage?"\n'
    work = run(text)
    assert work.quotes[1].cue != "explicit"


def test_a_name_before_a_parenthetical_phrase_is_the_subject_of_the_speech_verb() -> None:
    # `..., and Mara, with a very good grace, immediately exclaimed,` then the quote: Mara's
    text = (
        '"Is it over?" asked Jonah.\n\n'
        "The compliment was not to be passed by, and Mara, with a very good grace, immediately exclaimed,\n\n"
        '"Oh, yes."\n'
    )
    work = run(text)
    assert said(work) == [("Is it over?", "jonah"), ("Oh, yes.", "mara")]
    assert work.quotes[1].cue == "explicit"


def test_a_subject_with_an_auxiliary_before_the_speech_verb_is_the_speaker() -> None:
    # `..., so that Jonah had said,` then the quote: Jonah's, not the rider's ("Jonah had" is no
    # subject-verb tag of its own)
    text = (
        '"Is it over?" asked Mara.\n\n'
        "Twice while the rider was moving off she had tried to bolt, so that Jonah had said, "
        '"Hold her in."\n'
    )
    work = run(text)
    assert said(work) == [("Is it over?", "mara"), ("Hold her in.", "jonah")]
    assert work.quotes[1].cue == "explicit"


def test_a_speech_noun_after_a_possessive_is_no_tag_verb() -> None:
    # "their speedy return" is a noun phrase, not a subject and its verb: the tag is Mara's "said"
    text = (
        '"Is it over?" asked Jonah.\n\n'
        "At the door they were met by Mara, who, on hearing of their speedy return, said, "
        '"Come in."\n'
    )
    work = run(text)
    assert said(work) == [("Is it over?", "jonah"), ("Come in.", "mara")]
    assert work.quotes[1].cue == "explicit"


def test_a_tag_verb_followed_by_long_phrases_of_address_and_manner_still_tags_the_quote() -> None:
    # more than five words after "said", but only "to whom" and "how": Mara's tag
    text = (
        '"Is it over?" asked Jonah.\n\n'
        "The room fell quiet, and Mara said to one of the officers of the court, in a low voice, "
        '"Let him go."\n'
    )
    work = run(text)
    assert said(work) == [("Is it over?", "jonah"), ("Let him go.", "mara")]
    assert work.quotes[1].cue == "explicit"


def test_a_full_stop_run_into_a_dash_ends_the_sentence_before_the_tag() -> None:
    # `floor.--Mara got up and said,`: the sentence with the speech verb starts after ".--", so
    # its subject is Mara, not Jonah at the paragraph's start
    text = '"Is it over?" asked Mara.\n\nJonah looked at the floor.--Mara got up and said, "Go home."\n'
    work = run(text)
    assert said(work) == [("Is it over?", "mara"), ("Go home.", "mara")]
    assert work.quotes[1].cue == "explicit"


def test_a_preposition_opening_the_sentence_is_no_subject_of_its_tag() -> None:
    # `After half an hour Mara said,`: "After" is nobody; the name right before the verb speaks
    text = '"Is it over?" asked Mara.\n\nJonah went out. After half an hour Mara said, "Come back."\n'
    work = run(text)
    assert said(work) == [("Is it over?", "mara"), ("Come back.", "mara")]
    assert work.quotes[1].cue == "explicit"


def test_the_first_name_after_an_opening_phrase_is_the_subject_of_a_closing_speech_verb() -> None:
    # `On which Jonah looked up and said,`: Jonah speaks again, though turn-taking would pass
    # the line to Mara
    text = '"Is it over?" asked Jonah.\n\nOn which Jonah looked up and said, "No."\n'
    work = run(text)
    assert said(work) == [("Is it over?", "jonah"), ("No.", "jonah")]
    assert work.quotes[1].cue == "explicit"


def test_a_name_set_off_by_commas_before_a_later_subject_is_not_the_speaker() -> None:
    # Mara, set off by commas, is only described; "he" is who speaks
    text = (
        '"Is it over?" Ines asked Jonah.\n\n'
        "The room was quiet, Mara, as always, silent by the fire, and he said quietly,\n\n"
        '"Oh, yes."\n'
    )
    work = run(text)
    assert said(work) == [("Is it over?", "ines"), ("Oh, yes.", "jonah")]


def test_a_name_whose_relative_clause_holds_the_speech_verb_is_its_subject() -> None:
    # `This was too much for Mara, who could only exclaim,`: Mara speaks
    text = (
        '"Is it over?" asked Jonah.\n\n'
        "This was too much for Mara, who could only exclaim, in the anguish of her heart,\n\n"
        '"Oh, yes."\n'
    )
    work = run(text)
    assert said(work) == [("Is it over?", "jonah"), ("Oh, yes.", "mara")]
    assert work.quotes[1].cue == "explicit"


def test_a_relative_clause_without_the_speech_verb_leaves_the_later_subject() -> None:
    # Mara's relative clause says nothing; "he" asks
    text = (
        '"Is it over?" Ines asked Jonah.\n\n'
        "Jonah looked across at Mara, who only shrugged her shoulders, and he asked,\n\n"
        '"Is it?"\n'
    )
    work = run(text)
    assert said(work) == [("Is it over?", "ines"), ("Is it?", "jonah")]


def test_a_capitalised_conjunction_before_the_subject_is_not_part_of_the_name() -> None:
    # `And Mara was heard to say,`: Mara, not a character called "And Mara"
    text = '"Is it over?" asked Jonah.\n\nAnd Mara was heard to say,\n\n"Oh, yes."\n'
    work = run(text)
    assert said(work) == [("Is it over?", "jonah"), ("Oh, yes.", "mara")]
    assert work.quotes[1].cue == "explicit"


def test_a_capitalised_name_after_a_conjunction_is_still_the_subject() -> None:
    # `Then Mara ...`: the name after the conjunction speaks, not the man the clause ends on
    text = '"Is it over?" asked Ines.\n\nThen Mara turned to Jonah and said,\n\n"Oh, yes."\n'
    work = run(text)
    assert said(work) == [("Is it over?", "ines"), ("Oh, yes.", "mara")]


def test_a_name_that_starts_like_a_conjunction_keeps_its_first_letters() -> None:
    # "Sofia" opens with "So": she is still Sofia, not "fia"
    cast = [*CAST, Character("sofia", "Sofia", gender="F")]
    text = '"Is it over?" asked Jonah.\n\nSofia turned to the window and said,\n\n"Oh, yes."\n'
    work = run(text, cast)
    assert said(work) == [("Is it over?", "jonah"), ("Oh, yes.", "sofia")]


def test_a_tag_with_an_indefinite_description_names_that_character() -> None:
    # `said a little girl`: the cast's "A Little Girl", a tag like any other
    cast = [*CAST, Character("girl", "A Little Girl", gender="F")]
    text = '"Where does he live?" asked Jonah.\n\n"Over there," said a little girl, springing up.\n'
    work = run(text, cast)
    assert said(work) == [("Where does he live?", "jonah"), ("Over there,", "girl")]
    assert work.quotes[1].cue == "anaphoric"


def test_an_indefinite_description_is_never_the_woman_just_mentioned() -> None:
    # `said a woman` is someone new: no tag may resolve it to Mara, whom the line before names
    text = '"Where is Mara?" asked Jonah.\n\n"Gone," said a woman.\n'
    work = run(text)
    assert work.quotes[1].cue == "implicit"
    assert work.quotes[1].confidence < 0.85


def test_a_titled_owner_of_the_answer_after_the_quote() -> None:
    # `was Mrs. Hale's parting question`: the title's full stop does not end the tag
    cast = [*CAST, Character("hale", "Mrs. Hale", gender="F")]
    text = '"Is it over?" asked Jonah.\n\n"Will you write?" was Mrs. Hale\'s parting question.\n'
    work = run(text, cast)
    assert said(work) == [("Is it over?", "jonah"), ("Will you write?", "hale")]
    assert work.quotes[1].cue == "explicit"


def test_a_sentence_after_a_titled_tag_is_no_part_of_it() -> None:
    # the full stop after "Hale" does end the tag: Mara, in the next sentence, does not speak
    cast = [*CAST, Character("hale", "Mrs. Hale", gender="F")]
    text = '"Is it over?" asked Jonah.\n\n"Not yet," said Mrs. Hale. Mara left the room.\n'
    work = run(text, cast)
    assert said(work) == [("Is it over?", "jonah"), ("Not yet,", "hale")]


def test_an_unknown_verb_before_a_name_is_still_a_tag() -> None:
    # `yawned Mara`: the verb list does not know "yawned", the inverted order makes it a tag
    text = '"Are you coming?" Jonah asked.\n\n"No," Ines said.\n\n"Too late for me," yawned Mara.\n'
    work = run(text)
    assert said(work)[2] == ("Too late for me,", "mara")
    assert work.quotes[2].cue == "explicit"


def test_an_unknown_verb_before_a_short_description_is_a_tag() -> None:
    cast = [*CAST, Character("major", "Major Holt", gender="M")]
    text = 'Major Holt stood at the door.\n\n"Are you coming?" Mara asked.\n\n"No," Ines said.\n\n"Then we go alone!" reinforced the Major.\n'
    work = run(text, cast)
    assert said(work)[2] == ("Then we go alone!", "major")


def test_an_unknown_verb_before_an_object_is_no_inverted_tag() -> None:
    # `led the way across the room`: the description does not end the clause, so no subject
    text = (
        '"Are you coming?" Jonah asked.\n\n"Come," Ines said.\n\n"This way," led the way across the hall.\n'
    )
    work = run(text)
    assert work.quotes[2].cue == "implicit"


def test_a_speech_verb_after_an_auxiliary_in_a_tag_after_the_quote() -> None:
    # `Mara had said`, `Mara kept asking`, `Mara hastened to say`: the speech verb comes second
    for tag in ("Mara had said", "Mara kept asking", "Mara hastened to say"):
        text = f'"Are you coming?" Jonah asked.\n\n"No," Ines said.\n\n"Wait for me," {tag}.\n'
        work = run(text)
        assert said(work)[2] == ("Wait for me,", "mara"), tag
        assert work.quotes[2].cue == "explicit", tag


def test_an_auxiliary_before_another_verb_is_no_speech_tag() -> None:
    text = '"Are you coming?" Jonah asked.\n\n"No," Ines said.\n\n"Wait for me," Mara had to go.\n'
    work = run(text)
    assert work.quotes[2].cue != "explicit"


def test_the_man_after_a_described_cast_member_is_introduced_is_that_member() -> None:
    # the cast knows him only as "The Labouring Man"; the narration brings in "a labouring man"
    cast = [*CAST, Character("labourer", "The Labouring Man", gender="M")]
    text = (
        "Jonah found a labouring man at the bar, and Mara sat down beside them.\n\n"
        '"Going far?" asked Jonah.\n\n"Yes, I am," replied the man.\n'
    )
    work = run(text, cast)
    assert said(work)[1] == ("Yes, I am,", "labourer")


def test_the_man_is_not_a_described_cast_member_the_narration_did_not_bring_in() -> None:
    cast = [*CAST, Character("labourer", "The Labouring Man", gender="M")]
    text = 'Jonah sat down beside Mara.\n\n"Going far?" asked Mara.\n\n"Yes, I am," replied the man.\n'
    work = run(text, cast)
    assert said(work)[1][1] != "labourer"


def test_a_description_without_its_determiner_names_the_cast_member_known_by_it() -> None:
    # the cast knows "The Looker-on" and "His Valet"; the tags say "a looker-on", "the valet"
    cast = [
        *CAST,
        Character("looker", "The Looker-on", gender="M"),
        Character("valet", "His Valet", gender="M"),
    ]
    text = (
        '"Are you coming?" Jonah asked.\n\n"No," Ines said.\n\n"Stop him!" cried a looker-on.\n\n'
        '"He is gone," said the valet.\n'
    )
    work = run(text, cast)
    assert said(work)[2:] == [("Stop him!", "looker"), ("He is gone,", "valet")]


def test_an_ly_adjective_before_the_last_noun_stays_in_the_description() -> None:
    # `lubberly`, `smartly-dressed` describe the speaker; `rapidly` at the end is the manner
    assert _match_after(" said a great lubberly fellow, stepping forward.", 0)[0].phrase == (
        "a great lubberly fellow"
    )
    assert _match_after(" said a smartly-dressed woman.", 0)[0].phrase == "a smartly-dressed woman"
    assert _match_after(" said the valet somewhat affably.", 0)[0].phrase == "the valet"
    assert _match_after(" said the girl rapidly.", 0)[0].phrase == "the girl"


def test_a_verb_after_a_line_that_stops_on_a_comma_is_its_tag() -> None:
    # `"I cannot tell," Mara hesitated.`: the sentence goes on after the comma, so a tag
    text = '"Are you coming?" Jonah asked.\n\n"No," Ines said.\n\n"I cannot tell," Mara hesitated.\n'
    work = run(text)
    assert said(work)[2] == ("I cannot tell,", "mara")
    assert work.quotes[2].cue == "explicit"


def test_a_verb_after_a_line_that_ends_its_sentence_is_a_beat() -> None:
    text = '"Are you coming?" Jonah asked.\n\n"No," Ines said.\n\n"I cannot tell." Mara hesitated.\n'
    work = run(text)
    assert said(work)[2] == ("I cannot tell.", "mara")
    assert work.quotes[2].cue == "implicit"


def test_was_her_anxious_inquiry_is_a_tag() -> None:
    text = (
        '"Is it over?" asked Jonah, turning to Mara.\n\n"Not yet. Will you stay?" was her anxious inquiry.\n'
    )
    work = run(text)
    assert said(work) == [("Is it over?", "jonah"), ("Not yet. Will you stay?", "mara")]
    assert work.quotes[1].cue == "anaphoric"


def test_was_her_explanation_and_a_named_owners_amendment_are_tags() -> None:
    text = (
        '"Is it over?" asked Jonah, turning to Ines.\n\n"Not yet." Mara looked away.\n\n'
        '"The rain held us up," was Ines\'s explanation.\n\n"Tomorrow, then," was his quick amendment.\n'
    )
    work = run(text)
    assert said(work)[2:] == [("The rain held us up,", "ines"), ("Tomorrow, then,", "jonah")]
    assert [q.cue for q in work.quotes[2:]] == ["explicit", "anaphoric"]


def test_was_her_anxious_look_is_no_tag() -> None:
    # a look says nothing: no tag, so no anaphoric attribution
    text = '"Is it over?" asked Jonah, turning to Mara.\n\n"Not yet. Will you stay?" was her anxious look.\n'
    work = run(text)
    assert work.quotes[1].cue != "anaphoric"


def test_a_first_person_narrator_answers_untagged_lines() -> None:
    # Only Mara is named; the narrator ("me") is the other party of the exchange.
    cast = [*CAST, Character("narrator", "Sam", gender="U", narrator=True)]
    text = 'Mara sat down across from me.\n\n"Coffee?"\n\n"Please."\n'
    work = run(text, cast)
    assert [q.speaker for q in work.quotes] == ["mara", "narrator"]


def test_he_is_never_the_first_person_narrator() -> None:
    # "I took it up... 'Is it English?' he asked": the narrator is "I" in his own narration,
    # so the man who asks is Jonah even though the narrator is the last man named.
    cast = [*CAST, Character("tom", "Tom", gender="M", narrator=True)]
    text = (
        '"Now examine the thorn," said Jonah.\n\n'
        "I took it up and held it to the lamp.\n\n"
        '"Is it English?" he asked.\n'
    )
    work = Work(text=text)
    work.characters = cast
    narrator_at = text.index("I took")
    work.mentions = sorted(
        [*find_name_mentions(text, cast), Mention(narrator_at, narrator_at + 1, "tom", "narrator")],
        key=lambda m: m.start,
    )
    find_dialogue(work, Options())
    assert said(work) == [("Now examine the thorn,", "jonah"), ("Is it English?", "jonah")]


def test_he_went_on_skips_the_first_person_narrator() -> None:
    # "he repeated" continues the latest man who spoke, but the narrator who spoke last is "I"
    cast = [*CAST, Character("tom", "Tom", gender="M", narrator=True)]
    text = (
        '"There goes the reward!" said Jonah.\n\n'
        '"He is a rich man," I said. "You will be paid."\n\n'
        'Jonah shook his head. "It is a bad job," he repeated.\n'
    )
    work = Work(text=text)
    work.characters = cast
    narrator_at = text.index("I said")
    work.mentions = sorted(
        [*find_name_mentions(text, cast), Mention(narrator_at, narrator_at + 1, "tom", "narrator")],
        key=lambda m: m.start,
    )
    find_dialogue(work, Options())
    assert [q.speaker for q in work.quotes] == ["jonah", "tom", "tom", "jonah"]


def test_a_description_tag_is_not_the_first_person_narrator() -> None:
    # "said her brother" is some man other than the narrator, who would be "I"
    cast = [*CAST, Character("tom", "Tom", gender="M", narrator=True)]
    text = (
        '"Is it late?" Ines asked me.\n\n'
        '"Not yet," I said.\n\n'
        '"It is," said her brother.\n\n'
        '"Hush," said Ines.\n'
    )
    work = Work(text=text)
    work.characters = cast
    narrator_at = [text.index("me."), text.index("I said")]
    work.mentions = sorted(
        [
            *find_name_mentions(text, cast),
            Mention(narrator_at[0], narrator_at[0] + 2, "tom", "narrator"),
            Mention(narrator_at[1], narrator_at[1] + 1, "tom", "narrator"),
        ],
        key=lambda m: m.start,
    )
    find_dialogue(work, Options())
    assert [q.speaker for q in work.quotes][:2] == ["ines", "tom"]
    assert work.quotes[2].speaker != "tom"


def test_a_pronoun_tag_follows_the_turn_taking_of_its_gender() -> None:
    # "he said" after an exchange between Jonah and another man: the one whose turn it is, even
    # though Jonah spoke most recently before the last line.
    cast = [*CAST, Character("tobias", "Tobias", gender="M")]
    text = (
        '"Where were you?" Jonah asked.\n\n"Out," said Tobias.\n\n"Out where?"\n\n'
        '"Nowhere you know."\n\n"Try me," he said.\n'
    )
    work = run(text, cast)
    assert [q.speaker for q in work.quotes] == ["jonah", "tobias", "jonah", "tobias", "jonah"]


def test_a_tag_late_in_the_exchange_decides_the_lines_before_it() -> None:
    # nothing tags the first two lines; the third is Mara's, so the first was hers too
    text = 'Jonah and Mara reached the door.\n\n"Locked?"\n\n"Of course."\n\n"Then we climb," Jonah said.\n'
    work = run(text)
    assert [q.speaker for q in work.quotes] == ["jonah", "mara", "jonah"]


def test_a_name_after_words_of_address_is_called_not_speaking() -> None:
    # "My dear Jonah," calls Jonah, who has just come in: Ines says it to him, not to Mara
    text = '"Where is everyone?" asked Ines.\n\n"Gone," said Mara.\n\n"My dear Jonah, you are late."\n'
    work = run(text)
    assert [q.speaker for q in work.quotes] == ["ines", "mara", "ines"]
    assert work.quotes[2].addressee == "jonah"


def test_whom_a_line_speaks_of_is_not_its_speaker() -> None:
    # Jonah is named last before the exchange, but the answer talks about him: Ines gives it
    text = 'Mara, Ines and Jonah waited.\n\n"Where is he?" asked Mara.\n\n"Jonah is always late."\n'
    work = run(text)
    assert work.quotes[1].speaker == "ines"


def test_title_and_surname_of_a_character_listed_by_full_name() -> None:
    # the cast says "Adela Quested" and "Ronny Heaslop"; the story says "Miss Quested"
    cast = [Character("adela", "Adela Quested", gender="F"), Character("ronny", "Ronny Heaslop", gender="M")]
    text = (
        '"Tea?" said Miss Quested.\n\n"Not now, Miss Quested," said Ronny.\n\n"Mr. Quested will be cross."\n'
    )
    work = run(text, cast)
    assert [q.speaker for q in work.quotes] == ["adela", "ronny", "adela"]
    assert work.quotes[1].addressee == "adela"


def test_more_tag_forms_went_on_and_the_answer_of_a_name() -> None:
    text = (
        '"It is late," Jonah went on.\n\n"Never too late," was Mara\'s answer.\n\n"Hush," interposed Ines.\n'
    )
    work = run(text)
    assert [(q.speaker, q.cue) for q in work.quotes] == [
        ("jonah", "explicit"),
        ("mara", "explicit"),
        ("ines", "explicit"),
    ]


def test_a_bare_surname_is_the_man_not_the_mrs() -> None:
    cast = [Character("ralph", "Ralph Denham", gender="M"), Character("mother", "Mrs. Denham", gender="F")]
    work = run('"I must go," Denham said.\n', cast)
    assert work.quotes[0].speaker == "ralph"


def test_a_bare_surname_in_the_narration_is_a_mention_of_that_man() -> None:
    cast = [Character("ralph", "Ralph Denham", gender="M"), Character("mother", "Mrs. Denham", gender="F")]
    work = run('Denham smiled. "Tea?"\n\n"Not for me," said Mrs. Denham.\n', cast)
    assert [q.speaker for q in work.quotes] == ["ralph", "mother"]


def test_a_line_that_says_sir_answers_a_man() -> None:
    # Mara is named last, but the answer calls the one who asked "sir"
    text = 'Jonah, Ines and Mara waited.\n\n"Are we late?"\n\n"No, sir, not at all."\n'
    work = run(text)
    assert work.quotes[0].speaker == "jonah"
    assert work.quotes[1].speaker != "jonah"


def test_ma_am_with_its_apostrophe_lost_answers_a_woman() -> None:
    # Jonah is named last, but the answer calls the one who asked "ma am" (the apostrophe a space)
    text = 'Ines, Mara and Jonah waited.\n\n"Are we late?"\n\n"No, ma am, not at all."\n'
    work = run(text)
    assert work.quotes[0].speaker in ("ines", "mara")
    assert work.quotes[1].speaker != work.quotes[0].speaker


def test_the_one_a_tagged_line_is_turned_to_answers_it() -> None:
    # Jonah is named last, but Mara turned to Ines with her question: Ines answers
    text = '"Tea?" asked Mara, turning to Ines while Jonah read the paper.\n\n"Yes, please."\n'
    work = run(text)
    assert [q.speaker for q in work.quotes] == ["mara", "ines"]


def test_whom_the_line_before_speaks_of_does_not_answer_it() -> None:
    # Mara is named last, but Jonah asks about her, not her: Ines answers
    text = (
        'Ines sat down beside Jonah; Mara was asleep upstairs.\n\n"Is Mara ill?" asked Jonah.\n\n'
        '"Only tired."\n'
    )
    work = run(text)
    assert [q.speaker for q in work.quotes] == ["jonah", "ines"]


def test_the_conversation_overrules_an_action_beat() -> None:
    # Jonah grins, but he answers the next line and calls the asker Mara: the beat was his
    # reaction, and the question is Mara's
    text = (
        '"Tea?" asked Mara.\n\n"Yes," said Jonah.\n\nJonah grinned. "Sugar?"\n\n'
        '"No sugar, Mara," said Jonah.\n\n"Suit yourself."\n'
    )
    work = run(text)
    assert [q.speaker for q in work.quotes] == ["mara", "jonah", "mara", "jonah", "mara"]


def test_a_title_before_the_tag_subject_is_no_sentence_end() -> None:
    cast = [
        Character("him", "Mr. Elton", aliases=["Elton"], gender="M"),
        Character("her", "Mrs. Elton", gender="F"),
    ]
    work = run('The tea came. Mrs. Elton eagerly interposed with, "Oh! do not mistake me."\n', cast)
    assert work.quotes[0].speaker == "her"


def test_a_tag_on_the_line_after_the_quote_in_a_hard_wrapped_text() -> None:
    # the structure stage may cut `said Jonah.` off as a paragraph of its own
    text = '"Where now?" Mara asked.\n\n"That is no business of yours,"\nsaid Jonah.\n'
    work = Work(text=text)
    work.characters = CAST
    work.mentions = find_name_mentions(text, CAST)
    starts = [0, text.index('"That'), text.index("said Jonah")]
    ends = [text.index("\n\n"), text.index("\nsaid"), len(text) - 1]
    work.paragraphs = [Paragraph(s, e) for s, e in zip(starts, ends, strict=True)]
    find_dialogue(work, Options())
    assert [(q.speaker, q.cue) for q in work.quotes] == [("mara", "explicit"), ("jonah", "explicit")]


def test_every_quote_has_a_confidence_between_zero_and_one() -> None:
    work = run('"One," said Mara.\n\n"Two."\n\n"Three," Jonah said.\n')
    assert all(0.0 <= q.confidence <= 1.0 for q in work.quotes)
    assert work.quotes[0].confidence > work.quotes[1].confidence


def _idiolect_scene(untagged_line: str) -> str:
    """Jonah and Mara each speak four name-tagged lines in a voice of their own, then one of
    them answers Ines untagged, after narration that names them both."""
    jonah = [
        "Aye, lass, the wee boat is ready, aye, and the tide is kind the noo,",
        "Och aye, ye ken the wee path by the burn, lass, dinnae fret,",
        "Aye, I ken it fine, lass, ye need nae worry aboot the wee ones,",
        "Och, lass, the wee dog is oot again, aye, ye ken how he is,",
    ]
    mara = [
        "Indeed, I should think the boat quite ready, certainly by noon,",
        "Certainly not, I am quite sure the path is indeed perfectly dry,",
        "Indeed I do, and I am quite certain we shall manage it very well,",
        "Quite so, I should certainly hope the dog is indeed found by supper,",
    ]
    lines = "".join(f'"{j}" said Jonah.\n\n"{m}" said Mara.\n\n' for j, m in zip(jonah, mara, strict=True))
    return (
        lines
        + "* * *\n\nMara and Jonah walked down to the harbour where Ines waited.\n\n"
        + f'"You are late," said Ines.\n\n"{untagged_line}"\n'
    )


def test_an_untagged_answer_goes_to_the_one_who_talks_like_that() -> None:
    # turn-taking alone cannot tell Mara from Jonah here (without the idiolects it picks Jonah);
    # Mara's "indeed" and "quite" in her tagged lines can
    work = run(_idiolect_scene("Indeed we are, and quite certainly sorry for it."))
    assert said(work)[-1] == ("Indeed we are, and quite certainly sorry for it.", "mara")
    work = run(_idiolect_scene("Och aye, lass, the wee tide turned on us, ye ken."))
    assert said(work)[-1] == ("Och aye, lass, the wee tide turned on us, ye ken.", "jonah")


def test_an_idiolect_needs_enough_tagged_words() -> None:
    from collections import Counter

    from fandex.dialogue.turn_taking import IDIOLECT_MIN_WORDS, _Idiolects

    text = '"Aye, lass."'
    turn = _Turn(run=0, quotes=run(text).quotes, speaker=None, para=0)  # type: ignore[arg-type]
    talker = Counter({"aye": IDIOLECT_MIN_WORDS, "lass": 5})
    quiet = Counter({"indeed": IDIOLECT_MIN_WORDS - 1})
    idiolects = _Idiolects(
        {"jonah": talker, "mara": Counter({"indeed": 60}), "ines": quiet},
        {"jonah": IDIOLECT_MIN_WORDS + 5, "mara": 60, "ines": IDIOLECT_MIN_WORDS - 1},
        talker + Counter({"indeed": 60}) + quiet,
        2 * IDIOLECT_MIN_WORDS + 64,
    )
    jonah, mara, ines = idiolects.scores(text, turn, ["jonah", "mara", "ines"])
    assert jonah > 0 > mara
    assert jonah == -mara  # centred on the two who are known
    assert ines == 0.0  # too few words to say how Ines talks


# ---------------------------------------------------------------- thoughts


def test_asterisk_thoughts_with_and_without_spaces() -> None:
    text = (
        "Mara closed the book. * Not again * She thought.\n\n"
        "Jonah paced the hall. *Where is she?* He stopped at the window.\n"
    )
    work = run(text)
    assert [(work.span_text(t), t.thinker, t.marker) for t in work.thoughts] == [
        ("Not again", "mara", "asterisk"),
        ("Where is she?", "jonah", "asterisk"),
    ]
    assert work.quotes == []


def test_italic_thoughts_tagged_or_standing_alone() -> None:
    text = "Mara stared at the door. Why did I say that? she thought.\n\nJonah left. I will not look back.\n"
    work = Work(text=text)
    work.characters = CAST
    work.mentions = find_name_mentions(text, CAST)
    first = text.index("Why")
    second = text.index("I will")
    work.emphasis = [
        Emphasis(first, first + len("Why did I say that?")),
        Emphasis(second, second + len("I will not look back.")),
    ]
    find_dialogue(work, Options())
    assert [(work.span_text(t), t.thinker, t.marker) for t in work.thoughts] == [
        ("Why did I say that?", "mara", "italic"),
        ("I will not look back.", "jonah", "italic"),
    ]


def test_quoted_words_tagged_with_a_thought_verb_are_a_thought() -> None:
    work = run('Mara watched him go. "He will be back," she thought.\n')
    assert work.quotes == []
    assert [(work.span_text(t), t.thinker, t.marker) for t in work.thoughts] == [
        ("He will be back,", "mara", "tag")
    ]


# ---------------------------------------------------------------- the real sample


def _gold_rows(path: Path) -> list[tuple[int, str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        offset, key, name = line.split("\t")
        rows.append((int(offset), key, name))
    return rows


def _names(work: Work, character_id: str | None) -> set[str]:
    character = work.character(character_id)
    if character is None:
        return set()
    names = {character.name, *character.aliases}
    return {n.lower() for n in names} | {n.split()[0].lower() for n in names if n.split()}


def test_sample_002_every_quote_found_and_attributed() -> None:
    from fandex import pipeline, readers

    work = pipeline.run(readers.read_file(SAMPLE_ALL_TALK))
    gold = _gold_rows(ROOT / "tests" / "data" / "sample002_speakers.tsv")
    assert len(gold) >= 200
    by_start = {q.start: q for q in work.quotes}
    missing = [(o, k) for o, k, _ in gold if o not in by_start]
    assert missing == []
    for offset, key, _ in gold:
        assert work.text[offset:].startswith(key), (offset, key)
    right = sum(1 for o, _, name in gold if name.lower() in _names(work, by_start[o].speaker))
    assert right / len(gold) >= 0.95, f"{right}/{len(gold)} speakers right"
    assert len(work.quotes) == len(gold)  # nothing extra: thoughts and narration are not quotes


def test_sample_002_thoughts_and_thinkers() -> None:
    from fandex import pipeline, readers

    work = pipeline.run(readers.read_file(SAMPLE_ALL_TALK))
    gold = _gold_rows(ROOT / "tests" / "data" / "sample002_thinkers.tsv")
    by_start = {t.start: t for t in work.thoughts}
    assert [o for o, _, _ in gold if o not in by_start] == []
    right = sum(1 for o, _, name in gold if name.lower() in _names(work, by_start[o].thinker))
    assert right / len(gold) >= 0.9, f"{right}/{len(gold)} thinkers right"


def test_lower_case_name_and_possessive_answer_tags() -> None:
    cast = [*CAST, Character("nurse", "Nurse", gender="F")]
    text = '"Bed, now," said nurse.\n\nJonah frowned at the clock.\n\n"Not yet," was his answer.\n'
    work = run(text, cast=cast)
    assert [q.speaker for q in work.quotes] == ["nurse", "jonah"]


# ---------------------------------------------------------------- pronouns, beats and tags (session 3)


def test_a_beat_after_the_line_acting_on_her_is_the_listener_reacting() -> None:
    # Ines looks at "her": the rats are Mara's answer to Jonah, not Ines's line
    text = (
        "Mara, Ines and Jonah sat by the fire.\n\n"
        '"Tell me about the party," Jonah said to Mara.\n\n'
        '"At midnight my horses turn into rats." The fire crackled. Ines looked at her, puzzled.\n'
    )
    work = run(text)
    assert [q.speaker for q in work.quotes] == ["jonah", "mara"]


def test_a_beat_after_the_line_that_acts_on_no_one_is_the_speaker() -> None:
    text = (
        "Mara, Ines and Jonah sat by the fire.\n\n"
        '"Tell me about the party," Jonah said to Mara.\n\n'
        '"At midnight my horses turn into rats." The fire crackled. Ines shrugged.\n'
    )
    work = run(text)
    assert work.quotes[1].speaker == "ines"


def test_she_goes_on_from_whom_the_paragraph_is_about() -> None:
    # the paragraph's "she" chain is Mara's; Ines is named last, but only inside a clause
    text = (
        '"Where were you?" Jonah asked.\n\n'
        "Mara's hands shook. She could not see why Ines, of all people, would envy her.\n\n"
        '"Nowhere," she said.\n'
    )
    work = run(text)
    assert work.quotes[1].speaker == "mara"


def test_she_is_the_latest_subject_when_no_chain_says_otherwise() -> None:
    text = 'Jonah sat down.\n\nMara came in. Ines followed her.\n\n"Hello," she said.\n'
    work = run(text)
    assert work.quotes[0].speaker == "ines"


def test_a_name_after_a_capitalised_or_subordinating_conjunction_is_a_subject() -> None:
    # "But Ines walked", "though Ines had": Ines opens a clause, the latest subject before "she"
    text = 'Jonah sat down.\n\nMara stood by the door. But Ines walked to the window.\n\n"Hello," she said.\n'
    assert run(text).quotes[0].speaker == "ines"
    text = 'Jonah sat down.\n\nMara stood by the door, though Ines had gone in.\n\n"Hello," she said.\n'
    assert run(text).quotes[0].speaker == "ines"


def test_a_subject_after_but_is_not_governed_by_the_she_before_it() -> None:
    # "but Mara called" opens Mara's own clause: the "she" before does not act on her, and she
    # is the subject the next "she" goes on from; after "while" the clause stays the "she"'s
    text = (
        'Jonah sat down.\n\nShe turned to the window, but Mara called Ines back.\n\n"Sit down," she said.\n'
    )
    assert run(text).quotes[0].speaker == "mara"
    text = (
        'Jonah sat down.\n\nShe turned to the window while Mara called Ines back.\n\n"Sit down," she said.\n'
    )
    assert run(text).quotes[0].speaker == "ines"


def test_a_name_in_passing_in_the_last_line_s_narration_is_no_antecedent() -> None:
    cast = [*CAST, Character("theo", "Theo", gender="M")]
    text = (
        '"Are you coming?" Jonah asked Mara.\n\n'
        '"I have been absent-minded," she began, remembering how often Theo had said so.\n\n'
        '"You have a good deal on your mind," he replied.\n'
    )
    work = run(text, cast=cast)
    assert [q.speaker for q in work.quotes] == ["jonah", "mara", "jonah"]


def test_a_subject_in_the_last_line_s_narration_is_the_antecedent() -> None:
    cast = [*CAST, Character("theo", "Theo", gender="M")]
    text = (
        '"Are you coming?" Jonah asked Mara.\n\n'
        '"I have been absent-minded," she began. Theo laughed at that.\n\n'
        '"You always are," he replied.\n'
    )
    work = run(text, cast=cast)
    assert work.quotes[-1].speaker == "theo"


def test_a_line_does_not_go_to_the_one_it_calls_by_name() -> None:
    # the only man named lately is the one the line calls; the scene's earlier speaker says it
    cast = [*CAST, Character("theo", "Theo", gender="M")]
    quiet = "".join(f"The {thing} was still.\n\n" for thing in ("yard", "road", "barn", "field", "pond"))
    text = (
        '"Hello?" Jonah called.\n\n' + quiet * 2 + "Theo waited by the well.\n\n"
        '"Theo! Am I late?" he cried.\n'
    )
    work = run(text, cast=cast)
    assert work.quotes[-1].speaker == "jonah"


def test_a_tag_that_gives_only_a_gender_finds_someone_who_fits() -> None:
    # the conversation's people are two men; "the girl" is the woman named before the scene
    cast = [*CAST, Character("theo", "Theo", gender="M")]
    text = (
        'Ines went out to the barn.\n\n* * *\n\n"Morning," Jonah said to Theo.\n\n"Is it?" said the girl.\n'
    )
    work = run(text, cast=cast)
    assert work.quotes[1].speaker == "ines"


def test_a_tag_that_gives_only_a_gender_keeps_to_the_conversation_when_someone_fits() -> None:
    cast = [*CAST, Character("theo", "Theo", gender="M")]
    text = 'Ines went out to the barn.\n\n* * *\n\n"Morning," Mara said to Theo.\n\n"Is it?" said the boy.\n'
    work = run(text, cast=cast)
    assert work.quotes[1].speaker == "theo"


def test_a_tag_closing_the_paragraph_before_without_its_dash() -> None:
    text = 'There was a silence, and then Jonah said\n\n"We are wandering from the point."\n'
    work = run(text)
    assert work.quotes[0].speaker == "jonah"
    assert work.quotes[0].cue == "explicit"


def test_a_paragraph_ending_in_a_full_stop_is_no_tag_for_the_next() -> None:
    text = 'Mara waited. Jonah said nothing.\n\n"We are wandering from the point."\n'
    work = run(text)
    assert work.quotes[0].cue != "explicit"


def test_the_title_alone_is_the_one_character_with_that_title() -> None:
    cast = [
        *CAST,
        Character("major", "Major Callendar", gender="M"),
        Character("turton", "Mr. Turton", gender="M"),
    ]
    text = '"That is better," remarked Mara.\n\n"Thoroughly desirable," replied the Major.\n'
    work = run(text, cast=cast)
    assert work.quotes[1].speaker == "major"


def test_a_title_two_characters_share_decides_nothing_alone() -> None:
    cast = [
        *CAST,
        Character("callendar", "Major Callendar", gender="M"),
        Character("sholto", "Major Sholto", gender="M"),
    ]
    text = '"That is better," remarked Mara.\n\n"Thoroughly desirable," replied the Major.\n'
    work = run(text, cast=cast)
    assert work.quotes[1].cue == "implicit"  # no tag resolved: turn-taking decides


def test_a_sentence_adverb_before_the_subject_is_nobody() -> None:
    cast = [*CAST, Character("theo", "Theo", gender="M")]
    work = run('Theo came in with Ines.\n\nLater he said to Ines, "She was tired."\n', cast=cast)
    assert (work.quotes[0].speaker, work.quotes[0].cue) == ("theo", "anaphoric")
    assert work.quotes[0].addressee == "ines"


def test_who_says_i_am_someone_is_that_someone() -> None:
    text = (
        "Jonah and Mara came to the village. A woman stood at the door.\n\n"
        '"Good morning. I am Ines. You give me a cigarette."\n\n'
        '"Why does this woman ask?" Jonah said.\n\n'
        '"She is hungry."\n'
    )
    work = run(text)
    assert work.quotes[0].speaker == "ines"


def test_i_m_with_its_apostrophe_lost_introduces_the_speaker() -> None:
    text = (
        "Jonah and Mara came to the village. A woman stood at the door.\n\n"
        '"Good morning. I m Ines. You give me a cigarette."\n\n'
        '"Why does this woman ask?" Jonah said.\n'
    )
    work = run(text)
    assert work.quotes[0].speaker == "ines"


def test_this_is_someone_speaking_on_the_telephone_is_that_someone() -> None:
    text = (
        "Jonah and Mara sat by the fire. The telephone rang.\n\n"
        '"Hullo? This is Ines speaking. I have missed the train."\n\n'
        '"Where are you now?" Jonah said.\n'
    )
    work = run(text)
    assert work.quotes[0].speaker == "ines"


def test_this_is_someone_presented_to_the_others_is_no_introduction() -> None:
    text = (
        "Jonah and Mara came to the village. A woman stood at the door.\n\n"
        '"Good morning. This is Ines. She gives us a room."\n\n'
        '"Why does this woman ask?" Jonah said.\n'
    )
    work = run(text)
    assert work.quotes[0].speaker != "ines"


def test_naming_someone_else_in_the_line_is_no_introduction() -> None:
    text = (
        "Jonah and Mara came to the village. A woman stood at the door.\n\n"
        '"Good morning. I met Ines. You give me a cigarette."\n\n'
        '"Why does this woman ask?" Jonah said.\n'
    )
    work = run(text)
    assert work.quotes[0].speaker != "ines"


def test_a_run_of_spaces_where_a_dash_was_lost_ends_a_tag() -> None:
    text = (
        'Jonah came in.\n\nThen he turned to the others and said somewhat austerely   "We leave at dawn."\n'
    )
    work = run(text)
    assert (work.quotes[0].speaker, work.quotes[0].cue) == ("jonah", "anaphoric")


def test_one_space_before_a_quote_is_no_lost_dash() -> None:
    text = 'Jonah came in.\n\nMara looked at the sky somewhat austerely "We leave at dawn."\n'
    work = run(text)
    assert work.quotes[0].cue != "anaphoric"


# ---------------------------------------------------------------- descriptions as tag subjects

DOCTORS = [
    Character("losberne", "Mr. Losberne", aliases=["Doctor Losberne"], gender="M"),
    Character("parish_doctor", "The Doctor", gender="M"),
    Character("mara", "Mara", gender="F"),
]


def test_the_doctor_is_the_doctor_named_just_before_not_the_cast_member_called_so() -> None:
    text = 'Doctor Losberne came in and bowed to Mara.\n\n"He will live," said the doctor.\n'
    assert [q.speaker for q in run(text, cast=DOCTORS).quotes] == ["losberne"]


def test_the_doctor_with_no_doctor_named_before_is_the_cast_member_called_so() -> None:
    text = 'Mara waited by the bed.\n\n"He will live," said the doctor.\n'
    assert [q.speaker for q in run(text, cast=DOCTORS).quotes] == ["parish_doctor"]


def test_a_rank_with_an_adjective_is_the_holder_named_before() -> None:
    cast = [Character("ratcliffe", "Ratcliffe", aliases=["Inspector Ratcliffe"], gender="M"), *CAST]
    text = 'Inspector Ratcliffe sat down beside Jonah.\n\n"Nothing yet," said the weary inspector.\n'
    assert [q.speaker for q in run(text, cast=cast).quotes] == ["ratcliffe"]


def test_the_doctor_in_the_narration_is_the_antecedent_of_the_next_he() -> None:
    # "The doctor" opening the paragraph before is Doctor Archie, its subject: "he" is him, not
    # Kronborg, the only man that paragraph names
    cast = [
        Character("archie", "Dr. Archie", aliases=["Doctor Archie"], gender="M"),
        Character("kronborg", "Kronborg", gender="M"),
    ]
    text = (
        "Doctor Archie had known Kronborg for years.\n\n"
        "The doctor looked at Kronborg and shut the door behind him.\n\n"
        '"Feel pretty sick?" he asked.\n'
    )
    assert [q.speaker for q in run(text, cast=cast).quotes] == ["archie"]


def test_a_gendered_description_is_the_woman_of_this_scene_not_the_one_it_meant_most_often() -> None:
    # "the old lady" is Mrs. Bedwin three times, then Mrs. Maylie in a later chapter: a noun
    # that says only "a woman" goes to the woman at hand, not to a work-wide vote
    cast = [
        Character("bedwin", "Mrs. Bedwin", gender="F"),
        Character("maylie", "Mrs. Maylie", gender="F"),
        Character("oliver", "Oliver", gender="M"),
    ]
    earlier = 'Mrs. Bedwin smiled at Oliver. "Tea?" said the old lady.\n\n"Please," said Oliver.\n\n'
    filler = "The days went by.\n\n" * 10
    later = 'Mrs. Maylie looked up from her book.\n\n"Who is there?" said the old lady.\n'
    work = run(earlier * 3 + filler + later, cast=cast)
    assert work.quotes[-1].speaker == "maylie"
    assert [q.speaker for q in work.quotes[:2]] == ["bedwin", "oliver"]


def test_a_relative_in_a_tag_is_left_to_turn_taking_with_its_gender() -> None:
    # "said her father" right after Jonah spoke: not the man salience gives (Jonah), but the man
    # turn-taking finds among the people of the scene
    cast = [*CAST[:2], Character("tom", "Tom", gender="M")]
    text = (
        "Tom sat by the fire.\n\nMara came in. Jonah followed her.\n\n"
        '"Where were you?" Mara asked him.\n\n"Out," said Jonah.\n\n"With whom?" said her father.\n'
    )
    work = run(text, cast=cast)
    assert [q.speaker for q in work.quotes] == ["mara", "jonah", "tom"]


def test_a_speech_tag_before_the_quote_outranks_an_action_after_it() -> None:
    text = 'Jonah glanced at Mara, who said, "Not now." He handed her a cup.\n'
    work = run(text)
    assert [q.speaker for q in work.quotes] == ["mara"]


def test_she_went_on_is_whoever_of_her_gender_spoke_last_in_the_paragraph() -> None:
    text = '"We should leave," Mara said. Ines looked at the door. "Before dark, I mean," she went on.\n'
    work = run(text)
    assert [q.speaker for q in work.quotes] == ["mara", "mara"]


def test_a_woman_silent_for_six_lines_is_not_the_other_one_of_the_exchange() -> None:
    # Ines spoke once, then Mara and Jonah had the floor for six lines: "she" goes on for Mara
    # rather than bringing back Ines, whose own tag follows.
    lines = [("Hello", "Ines"), ("Hi", "Mara"), ("Where to?", "Jonah"), ("North", "Mara"), ("Why?", "Jonah")]
    lines += [("Work", "Mara"), ("A long way", "Jonah"), ("It is", "Mara")]
    text = "".join(f'"{words}," said {name}.\n\n' for words, name in lines)
    text += '"I know," she said.\n\n"Hush," said Ines.\n'
    work = run(text)
    assert [q.speaker for q in work.quotes][-3:] == ["mara", "mara", "ines"]


def test_she_went_on_after_narration_naming_her_in_the_same_paragraph() -> None:
    # Mara spoke last, but the paragraph's own narration opens on Ines: she is the one going on.
    text = (
        '"Hello," said Ines.\n\n"Hi," said Mara.\n\nInes set down her cup. "Where were you?" she went on.\n'
    )
    work = run(text)
    assert [q.speaker for q in work.quotes] == ["ines", "mara", "ines"]


def test_she_added_is_the_last_speaker_of_her_gender_in_the_line_before() -> None:
    text = '"We should leave," Mara said. Ines frowned at the window.\n\n"Before dark, I mean," she added.\n'
    work = run(text)
    assert [q.speaker for q in work.quotes] == ["mara", "mara"]


def test_the_conversation_overrules_the_antecedent_of_she_said_with_another_woman() -> None:
    # "she" would be Mara, named just before; but the line introduces Ines, so Ines says it
    text = 'Jonah opened the door. Mara stood outside.\n\n"I\'m Ines," she said.\n\n"Come in."\n'
    work = run(text)
    assert work.quotes[0].speaker == "ines"


HALE_CAST = [
    Character("lydia", "Lydia Hale", aliases=["Lydia"], gender="F"),
    Character("crane", "Mrs. Crane", gender="F"),
    Character("hale", "Mrs. Hale", gender="F"),
    Character("tom_wife", "Mrs. Tom Hale", gender="F"),
]


def test_relative_tag_resolved_by_the_family_name() -> None:
    # "her mother" after Lydia Hale's line: the one plain Mrs. Hale (not Mrs. Tom Hale, her
    # daughter-in-law), though she has not spoken yet
    text = (
        "Lydia Hale sat with Mrs. Crane by the window.\n\n"
        '"I shall go to the ball," said Lydia.\n\n'
        '"You shall not," said Mrs. Crane.\n\n'
        '"But I shall," said Lydia.\n\n'
        '"Nonsense, child," cried her mother.\n'
    )
    work = run(text, cast=HALE_CAST)
    assert [q.speaker for q in work.quotes] == ["lydia", "crane", "lydia", "hale"]


def test_daughter_tag_needs_a_parent_who_goes_by_mrs() -> None:
    # Lydia Hale, the latest woman to speak, is nobody's mother here: "her daughter" is not
    # resolved through her to another Hale
    cast = [
        Character("lydia", "Lydia Hale", aliases=["Lydia"], gender="F"),
        Character("crane", "Mrs. Crane", gender="F"),
        Character("kitty", "Kitty Hale", gender="F"),
    ]
    text = (
        "Lydia Hale sat with Mrs. Crane by the window.\n\n"
        '"I shall go to the ball," said Lydia.\n\n'
        '"Nonsense," answered her daughter.\n'
    )
    work = run(text, cast=cast)
    assert work.quotes[1].speaker != "kitty"


def test_description_tag_answering_a_line_is_not_its_speaker() -> None:
    # "said the gentleman" right after Jonah's line: Pavel, the other man in the scene
    cast = [*CAST, Character("pavel", "Pavel", gender="M")]
    text = (
        "Pavel stood by the door while Jonah and Mara talked.\n\n"
        '"It is late," said Mara.\n\n'
        '"Too late," said Jonah.\n\n'
        '"Not for me," said the gentleman.\n'
    )
    work = run(text, cast=cast)
    assert [q.speaker for q in work.quotes] == ["mara", "jonah", "pavel"]


def test_description_tag_broken_over_a_line_after_the() -> None:
    # hard-wrapped texts break "said the\nDuck": the line break is no reason to drop the tag
    cast = [*CAST, Character("duck", "The Duck", aliases=["Duck"])]
    text = (
        'Mara and Jonah sat by the pond.\n\n"It is wet," said Mara.\n\n'
        '"I know what wet means well enough," said the\nDuck: "it is generally a pond."\n'
    )
    work = run(text, cast=cast)
    assert [q.speaker for q in work.quotes] == ["mara", "duck", "duck"]


def test_manner_after_a_description_tag_is_no_part_of_it() -> None:
    # "said the surgeon at last", "said the surgeon gravely": the cast's "The Surgeon" either way
    cast = [*CAST, Character("surgeon", "The Surgeon", gender="M")]
    text = (
        "Mara and Jonah waited by the bed.\n\n"
        '"Will she live?" asked Mara.\n\n'
        '"She will," said the surgeon at last.\n\n'
        '"Thank God," said Jonah.\n\n'
        '"But slowly," said the surgeon gravely.\n'
    )
    work = run(text, cast=cast)
    assert [q.speaker for q in work.quotes] == ["mara", "surgeon", "jonah", "surgeon"]


def test_older_speech_verbs_tag_a_quote() -> None:
    # "assented", "subjoined", "remonstrated": tags of the older novels, not the talk's alternation
    text = (
        "Mara, Jonah and Ines sat at dinner.\n\n"
        '"It is late," said Mara.\n\n'
        '"It is," said Jonah.\n\n'
        '"Much too late," assented Ines.\n\n'
        '"Not for me," subjoined Ines.\n\n'
        '"Nor for me," remonstrated Jonah.\n'
    )
    work = run(text)
    assert [q.speaker for q in work.quotes] == ["mara", "jonah", "ines", "ines", "jonah"]


def test_long_description_tag_is_read_to_its_punctuation() -> None:
    # "said the gentleman in the white waistcoat": the whole description is the subject (the cast
    # may know him only by it), not "the gentleman"
    subject = _match_after(" said the gentleman in the white waistcoat. And he sat down.", 0)[0]
    assert subject is not None
    assert subject.phrase == "the gentleman in the white waistcoat"


def test_description_tag_far_from_any_man_goes_to_whom_it_named_before() -> None:
    # "the old gentleman" was Mr. Brownlow twice where the paragraph named him; chapters later no
    # man has been named for a long while, and the description still stands for him, not for the
    # boy salience would reach back to
    cast = [
        Character("brownlow", "Mr. Brownlow", gender="M"),
        Character("oliver", "Oliver", gender="M"),
        Character("bedwin", "Mrs. Bedwin", gender="F"),
    ]
    earlier = (
        'Mr. Brownlow looked at Oliver. "Sit down," said the old gentleman.\n\n"Thank you," said Oliver.\n\n'
    )
    filler = "The days went by.\n\n" * 100
    later = 'Mrs. Bedwin brought the tea.\n\n"Is it hot?" said the old gentleman.\n'
    work = run(earlier * 2 + filler + later, cast=cast)
    assert [q.speaker for q in work.quotes[:4]] == ["brownlow", "oliver"] * 2
    assert work.quotes[-1].speaker == "brownlow"


def test_grown_person_description_is_not_the_one_called_the_boy() -> None:
    # the work calls Tom "the boy" again and again: "said the gentleman" in a paragraph that names
    # Tom first is the other man there, not the boy
    cast = [Character("tom", "Tom", gender="M"), Character("grey", "Mr. Grey", gender="M")]
    intro = "Tom ran down the lane. The boy was hungry.\n\n" * 6
    scene = 'Tom looked up at Mr. Grey on the step.\n\n"Good day to you," said the gentleman.\n'
    work = run(intro + scene, cast=cast)
    assert [q.speaker for q in work.quotes] == ["grey"]


def test_relative_tag_owner_family_name_from_an_alias() -> None:
    # Kitty is listed by her given name, but her alias "Miss Hale" gives the family: her mother
    # is the one Mrs. Hale ("Miss Kitty" would say no family name)
    cast = [
        Character("kitty", "Kitty", aliases=["Miss Hale", "Miss Kitty"], gender="F"),
        Character("crane", "Mrs. Crane", gender="F"),
        Character("hale", "Mrs. Hale", gender="F"),
    ]
    text = (
        "Kitty sat with Mrs. Crane by the window.\n\n"
        '"I shall go to the ball," said Kitty.\n\n'
        '"Nonsense, child," cried her mother.\n'
    )
    work = run(text, cast=cast)
    assert [q.speaker for q in work.quotes] == ["kitty", "hale"]


def test_relative_tag_sister_is_not_the_mrs_of_the_family() -> None:
    # Kitty's sister is Jane Hale; Mrs. Hale, of the same family name, is her mother
    cast = [
        Character("kitty", "Kitty", aliases=["Miss Hale"], gender="F"),
        Character("crane", "Mrs. Crane", gender="F"),
        Character("hale", "Mrs. Hale", gender="F"),
        Character("jane", "Jane Hale", gender="F"),
    ]
    text = (
        "Kitty sat with Mrs. Crane by the window.\n\n"
        '"I shall go to the ball," said Kitty.\n\n'
        '"So shall I," cried her sister.\n'
    )
    work = run(text, cast=cast)
    assert [q.speaker for q in work.quotes] == ["kitty", "jane"]


def test_relative_tag_owner_family_name_learnt_from_the_text() -> None:
    # the cast knows only "Kitty" and "Miss Kitty" (a given name, no family name), the text
    # calls her Kitty Hale: her mother is Mrs. Hale
    cast = [
        Character("kitty", "Kitty", aliases=["Miss Kitty"], gender="F"),
        Character("crane", "Mrs. Crane", gender="F"),
        Character("hale", "Mrs. Hale", gender="F"),
    ]
    text = (
        "Kitty Hale sat with Mrs. Crane by the window.\n\n"
        '"I shall go to the ball," said Kitty.\n\n'
        '"Nonsense, child," cried her mother.\n'
    )
    work = run(text, cast=cast)
    assert [q.speaker for q in work.quotes] == ["kitty", "hale"]


def test_relative_tag_owner_among_speakers_a_few_lines_back() -> None:
    # two untagged lines since Lydia Hale last spoke by name: she is still whose mother is meant
    text = (
        "Lydia Hale sat with Mrs. Crane by the window.\n\n"
        '"I shall go to the ball," said Lydia.\n\n'
        '"You shall not," said Mrs. Crane.\n\n'
        '"Why not?"\n\n'
        '"Because."\n\n'
        '"Nonsense, child," cried her mother.\n'
    )
    work = run(text, cast=HALE_CAST)
    assert work.quotes[-1].speaker == "hale"


def test_relative_tag_owner_called_in_the_line() -> None:
    # nobody named in the narration, no one has spoken yet: "his wife" calls Mr. Hale by name,
    # so she is Mrs. Hale
    cast = [
        Character("mr_hale", "Mr. Hale", gender="M"),
        Character("hale", "Mrs. Hale", gender="F"),
        Character("crane", "Mrs. Crane", gender="F"),
    ]
    text = 'It was a fine morning.\n\n"My dear Mr. Hale," said his wife, "the house is let at last."\n'
    work = run(text, cast=cast)
    assert work.quotes[0].speaker == "hale"


def test_uncommon_speech_verb_after_the_quote_names_the_speaker() -> None:
    # "persisted Mara": the same woman speaks again, against the turn-taking
    text = 'Jonah and Mara sat down.\n\n"It will rain," said Mara.\n\n"It will pour," persisted Mara.\n'
    work = run(text)
    assert [q.speaker for q in work.quotes] == ["mara", "mara"]


def test_quote_as_all_she_said_is_hers() -> None:
    text = (
        'Jonah and Mara sat down.\n\n"Rain," said Jonah.\n\n"Snow," said Mara.\n\n"No," was all she said.\n'
    )
    work = run(text)
    assert [q.speaker for q in work.quotes] == ["jonah", "mara", "mara"]


def test_description_tag_with_a_prepositional_tail_names_by_its_noun() -> None:
    # no one is known as "the clerk in a low voice"; the cast's clerk is
    cast = [*CAST, Character("clerk", "The Clerk", gender="M")]
    text = 'Jonah stood before the bench.\n\n"Name?" said the clerk in a low voice.\n\n"Jonah," said Jonah.\n'
    work = run(text, cast)
    assert [q.speaker for q in work.quotes] == ["clerk", "jonah"]


def test_a_name_in_a_description_tag_s_tail_is_not_its_speaker() -> None:
    # "the captain on a word from Jonah" is the captain, not Jonah
    cast = [*CAST, Character("cap", "Captain Hale", gender="M")]
    text = (
        "Captain Hale and Mara stood at the rail.\n\n"
        '"Hoist the sail," cried the Captain on a word from Jonah.\n\n"Aye," said Mara.\n'
    )
    work = run(text, cast)
    assert [q.speaker for q in work.quotes] == ["cap", "mara"]


def test_whom_a_description_tag_speaks_to_is_not_its_speaker() -> None:
    # "her brother to Jonah" is her brother, speaking to Jonah
    cast = [
        Character("mara", "Mara Vane", aliases=["Mara"], gender="F"),
        Character("jonah", "Jonah", gender="M"),
        Character("tobias", "Tobias Vane", aliases=["Tobias"], gender="M"),
    ]
    text = (
        "Mara, her brother Tobias and Jonah sat by the fire.\n\n"
        '"It is late," said Mara.\n\n"Poor Mara!" said her brother to Jonah. "You look tired."\n'
    )
    work = run(text, cast)
    assert [q.speaker for q in work.quotes] == ["mara", "tobias", "tobias"]


def test_a_clause_of_time_after_a_description_tag_names_someone_else() -> None:
    # "her father as Jonah went out" is her father; Jonah is the one leaving
    cast = [
        Character("mara", "Mara Vane", aliases=["Mara"], gender="F"),
        Character("jonah", "Jonah", gender="M"),
        Character("abel", "Abel Vane", aliases=["Abel"], gender="M"),
    ]
    text = (
        "Mara and Jonah sat by the fire. Abel Vane came in.\n\n"
        '"It is late," said Jonah.\n\n"Come here, child," cried her father as Jonah went out.\n'
    )
    work = run(text, cast)
    assert [q.speaker for q in work.quotes] == ["jonah", "abel"]


def test_the_one_heard_speaking_is_the_speaker_not_the_hearer() -> None:
    # Mara hears; "him" says it
    text = 'Mara and Jonah stood at the door with Ines.\n\nAs she turned away, Mara heard him say to Ines, "We leave at dawn."\n'
    assert [q.speaker for q in run(text).quotes] == ["jonah"]


def test_the_one_heard_speaking_after_a_manner_phrase_with_a_hyphenated_noun() -> None:
    # "half-whisper" is no speech verb of Jonah's: "her saying" is the tag
    text = 'Ines and Jonah talked by the fire.\n\nJonah heard her saying in a half-whisper to Mara, "He never listens."\n'
    assert [q.speaker for q in run(text).quotes] == ["ines"]


def test_the_subject_of_a_result_clause_before_the_speech_verb_speaks() -> None:
    # "so wet and cold that Mara could not help saying": Mara speaks, not Jonah
    text = (
        "Mara and Jonah sat at the table.\n\n"
        '"I fell in the pond," said Jonah.\n\n'
        'Jonah looked so wet and cold that Mara could not help saying, "You look like a frog."\n'
    )
    assert [q.speaker for q in run(text).quotes] == ["jonah", "mara"]


def test_the_subject_of_a_reported_that_clause_does_not_speak() -> None:
    # "assured him that Ines was well; and then added": Mara adds it; Ines is only reported on
    text = (
        "Mara and Jonah sat at the table.\n\n"
        '"Where is Ines?" asked Jonah.\n\n'
        'Mara assured him that Ines was well; and then added, "She sends her love."\n'
    )
    assert [q.speaker for q in run(text).quotes] == ["jonah", "mara"]


def test_an_inverted_tag_with_an_unlisted_past_tense_verb() -> None:
    # "bawled" is no listed speech verb, but a verb put before its subject after a quote is a tag
    text = 'Jonah and Mara sat down.\n\n"Rain," said Jonah.\n\n"Snow!" bawled Jonah, and a laugh.\n'
    work = run(text)
    assert [q.speaker for q in work.quotes] == ["jonah", "jonah"]


def test_a_sentence_of_a_name_and_a_two_word_speech_verb_tags_the_quote_after_it() -> None:
    # turn-taking would give the third line back to Mara; "Jonah joined in." says it is his
    text = (
        '"Rain again," said Mara.\n\n"It never stops."\n\nJonah joined in. "Let us stay in and be jolly."\n'
    )
    work = run(text)
    assert work.quotes[2].speaker == "jonah"
    assert _match_before("The rain put in. ", 0)[1] == "put in"  # a tag; nobody is "the rain"


def test_a_line_named_as_someone_s_explanation_is_theirs() -> None:
    # turn-taking would give the third line to Mara; "was Ines's explanation" credits it
    text = (
        '"Rain again," said Mara.\n\n"It never stops," said Jonah.\n\n'
        '"It is the season," was Ines\'s explanation.\n'
    )
    work = run(text)
    assert [q.speaker for q in work.quotes] == ["mara", "jonah", "ines"]


def test_line_credited_with_from_and_no_verb() -> None:
    # `"Snow!" from Jonah.`: his line again, though turn-taking would hand it to Mara
    text = 'Jonah and Mara sat down.\n\n"Rain," said Jonah.\n\n"Snow!" from Jonah, and a laugh.\n'
    work = run(text)
    assert [q.speaker for q in work.quotes] == ["jonah", "jonah"]
    assert _match_after(" from across the room.", 0)[0] is None


def test_description_only_recency_resolves_is_left_to_turn_taking() -> None:
    # No woman named in this paragraph or the one before and no talk running: "the old woman" is
    # not simply the last woman mentioned (Mara, who answers her and calls her Ines).
    text = (
        "Mara left the inn at dawn and took the road north.\n\n"
        "The road climbed through pine woods for the whole of the morning, past farms and a ruined mill.\n\n"
        "At the crossing stood a well, and beside the well a bench of grey stone.\n\n"
        '"You are far from home," said the old woman.\n\n'
        '"I walked all night, Ines," said Mara.\n'
    )
    assert said(run(text)) == [
        ("You are far from home,", "ines"),
        ("I walked all night, Ines,", "mara"),
    ]


def test_a_newcomer_called_by_name_answers_rather_than_the_earlier_speaker() -> None:
    # Mara and Jonah talk; then Mara calls Ines, who has not spoken yet: the untagged answer is
    # Ines's, a third voice, not Jonah's by alternation.
    text = (
        "Ines sat by the window with her book.\n\n"
        '"Is the tea ready?" Mara asked.\n\n"Nearly," said Jonah.\n\n'
        '"Ines, will you pour it for us?" asked Mara.\n\n"With pleasure."\n'
    )
    work = run(text)
    assert [q.speaker for q in work.quotes] == ["mara", "jonah", "mara", "ines"]


def test_a_long_tag_clause_alone_keeps_two_lines_adjacent() -> None:
    # Only the first line's tag, however long its manner phrase, between two lines: the next line
    # follows directly (a new speaker); a narration sentence after the tag does not.
    tag = '"Some mistake," said Jonah, at once taking charge of the whole situation.\n\n"Sir,'
    narration = '"Some mistake," said Jonah. He took charge of the situation at once.\n\n"Sir,'
    action = '"Some mistake." Jonah took charge of the whole situation at once.\n\n"Sir,'
    for text, expected in ((tag, True), (narration, False), (action, False)):
        start = text.index('"', 1) + 1
        assert _only_a_tag_between(text, start, text.rindex('"')) is expected


def test_a_short_narration_paragraph_between_two_lines_lets_the_same_voice_go_on() -> None:
    # `Nobody spoke.` is a paragraph of its own, not a tag: after that pause Jonah may go on (his
    # answer to Mara's question), though the two lines have no more than two words between them.
    text = (
        '"Where were you all night?" asked Mara.\n\nJonah shrugged. "Out."\n\n'
        'Nobody spoke.\n\n"I was down at the harbour, if you must know."\n\n"The harbour!" cried Mara.\n'
    )
    work = run(text)
    assert [q.speaker for q in work.quotes] == ["mara", "jonah", "jonah", "mara"]


def test_a_conversation_known_only_by_beats_is_still_decoded() -> None:
    # Every turn has a speaker, but the second only from an action beat (Jonah, or Mara again,
    # acting before the line): the line's own "I am Ines" outweighs the beat, as it does in a
    # conversation with an untagged turn.
    door = '"Who is there?" asked Mara.\n\nJonah opened the door. "I am Ines, your new neighbour."\n'
    book = (
        '"Who is there?" asked Mara.\n\nMara put down her book. "I am Ines, your new neighbour."\n\n'
        '"Come in," said Mara.\n'
    )
    assert [q.speaker for q in run(door).quotes] == ["mara", "ines"]
    assert [q.speaker for q in run(book).quotes] == ["mara", "ines", "mara"]


def test_a_pronoun_listed_as_a_name_is_no_one_spoken_of() -> None:
    # a cast may list its first-person narrator as "I": a line's "I" or "me" names no third person
    assert _is_personal_pronoun("I")
    assert _is_personal_pronoun("me ")
    assert not _is_personal_pronoun("Ines")


def test_the_subject_of_a_clause_between_commas_is_not_the_speaker() -> None:
    # `and Jonah, as the door was shut behind them, said,`: "the door" opens the clause put
    # between commas; the tag's subject is the name that clause interrupts
    subject, verb, _, _ = _match_before(
        "They walked home, and Jonah, as the door was shut behind them, said, ", 0
    )
    assert (subject.phrase if subject else None, verb) == ("Jonah", "said")
    # the clause's own subject where a parenthesis follows it, the clause's verb joined by
    # "and", or a participle: no interrupting clause
    subject, _, _, _ = _match_before("It was late when Jonah, after a glance at his sister, said, ", 0)
    assert subject is not None and subject.phrase == "Jonah"
    subject, _, _, _ = _match_before("Ines smiled, when she drew back, and said, ", 0)
    assert subject is not None and subject.phrase == "she"


def test_a_long_narration_leading_into_a_line_starts_a_new_conversation() -> None:
    # the afternoon's talk of Mara and Jonah ends with Jonah's line; sixty-odd words of narration
    # before Ines's line (in her own paragraph) open a new talk: Mara, whom Ines speaks to,
    # answers her, not Jonah carried along by the old talk's alternation
    text = (
        '"Rain again," said Mara to Jonah.\n\n"It never stops," said Jonah.\n\n"Then we stay in."\n\n'
        '"And play cards?"\n\n'
        "The afternoon went by in that way, and the evening after it, and nothing was said of the walk "
        "that had been planned for so long; the cards came out, the fire was made up twice, the lamps "
        "were lit early, and when at last the rain stopped and the sky cleared over the hills, the two "
        'of them went out into the lane, where Ines was waiting at the gate, and Ines said to Mara, "You '
        'came at last!"\n\n"We did."\n\n"Where is the dog?"\n'
    )
    assert [speaker for _, speaker in said(run(text))] == [
        "mara",
        "jonah",
        "mara",
        "jonah",
        "ines",
        "mara",
        "ines",
    ]


def test_a_sentence_ends_at_a_stop_and_closing_mark_before_a_tag() -> None:
    # someone's words not marked as a line of dialogue end on `."--`: the tag after them is a
    # new sentence, whose subject is Jonah, not Ines inside the words before
    before = 'Everyone said that Ines would never get over it."--Even Jonah shook his head and said, '
    subject, verb, _, _ = _match_before(before, 0)
    assert subject is not None and subject.phrase.endswith("Jonah") and verb == "said"
    subject, _, _, _ = _match_before('They called it "quite horrid." Then Jonah said, ', 0)
    assert subject is not None and subject.phrase == "Jonah"


def test_a_salience_only_pronoun_does_not_firm_up_a_beat_it_agrees_with() -> None:
    # `"Come in." She smiled.` then `"Thanks," she said.` in one turn: the beat (0.75) gave the
    # turn its speaker and the "she said" only agrees by salience, so the turn stays a weak anchor
    # the decoding may overrule, not a pronoun tag's firmer one
    beat = _Found(0, 8, 0, 10, para=0, speaker="mara", cue="implicit", confidence=0.75, beat=True)
    salient = _Found(20, 27, 19, 28, para=0, speaker="mara", cue="anaphoric", confidence=0.85)
    salient.pronoun_gender = salient.tag_pronoun = "F"
    assert _anchor_kind(_Turn(0, [beat, salient], "mara", 0)) == "weak"
    # a pronoun tag resolved by a name close by still makes it a firmer anchor
    local = _Found(20, 27, 19, 28, para=0, speaker="mara", cue="anaphoric", confidence=0.85, tag_pronoun="F")
    assert _anchor_kind(_Turn(0, [beat, local], "mara", 0)) == "other"


def test_the_second_half_of_a_salience_only_split_line_is_left_to_turn_taking() -> None:
    # "said she" between the halves: only recency (Ines, named last) resolves the "she", so the
    # whole turn is left to turn-taking, which hears Jonah answer Mara and Mara thank him
    text = (
        "Ines sat down across from Jonah, and Mara joined them. Ines smiled.\n\n"
        '"Tea?" Jonah asked.\n\n'
        '"Please," said she, "with milk."\n\n'
        '"There you are, Mara," said Jonah.\n\n'
        '"Thank you, Jonah," said Mara.\n'
    )
    assert said(run(text))[1:3] == [("Please,", "mara"), ("with milk.", "mara")]


def test_a_sentence_saying_who_spoke_tags_the_quote_paragraph_after_it() -> None:
    # turn-taking alone would give the third line back to Mara; "Jonah first spoke." (a closing
    # stop, no colon) in the narration before it says it is his
    text = (
        '"Rain again," said Mara.\n\n"It never stops."\n\n'
        "For a while nobody moved. Jonah first spoke.\n\n"
        '"Let us stay in and be jolly."\n'
    )
    work = run(text)
    assert work.quotes[2].speaker == "jonah"
    # the same sentence right before the quote in its own paragraph
    text = (
        'Mara and Jonah sat by the window.\n\n"Rain again," said Mara.\n\n"It never stops."\n\n'
        'At last, he spoke again. "Let us stay in."\n'
    )
    assert _match_before("At last, he spoke again. ", 0)[1] == "spoke"
    assert run(text).quotes[2].speaker == "jonah"
    # after the closing quote of the paragraph before, and after ", and"; a title's stop is no
    # sentence's end ("Hale" alone would be nobody)
    cast = [*CAST, Character("hale", "Mrs. Hale", gender="F")]
    text = (
        '"Rain again," said Mara.\n\n"It never stops," Jonah said, and a pause followed, and Mrs. Hale '
        'began again.\n\n"Let us stay in."\n'
    )
    assert run(text, cast).quotes[2].speaker == "hale"
    # a relative clause between the subject and the verb
    tag = _match_before("Mara, who had said nothing all evening, spoke now. ", 0)
    assert (tag[0].phrase if tag[0] else None, tag[1]) == ("Mara", "spoke")


def test_a_who_spoke_sentence_may_open_on_its_adverb_or_follow_a_comma_and_so() -> None:
    # turn-taking alone would give the third line back to Mara; the sentence before it says Jonah
    # talks ("Presently" opening the sentence, ", so ... soon began talking again")
    for narration in ("Presently Jonah began again.", "Nobody answered, so Jonah soon began talking again."):
        text = f'"Rain again," said Mara.\n\n"It never stops."\n\n{narration}\n\n"Let us stay in."\n'
        assert run(text).quotes[2].speaker == "jonah", narration
    tag = _match_before("Presently she began again. ", 0)
    assert (tag[0].phrase if tag[0] else None, tag[1]) == ("she", "began")


def test_a_who_spoke_sentence_may_follow_a_bracketed_aside_or_a_single_closing_mark() -> None:
    # turn-taking would give the last line to Mara; the sentence after Jonah's bracketed aside
    # (or after a closing single mark) says he talks again
    text = (
        '"Rain again," said Mara.\n\n"It never stops," said Jonah. (He hated rain.) Presently he '
        'began again.\n\n"Let us stay in."\n'
    )
    assert run(text).quotes[2].speaker == "jonah"
    tag = _match_before("\u2018It never stops.\u2019 Presently Jonah began again. ", 0)
    assert (tag[0].phrase if tag[0] else None, tag[1]) == ("Jonah", "began")


def test_a_time_clause_closing_a_split_line_s_tag_is_no_tag_of_the_second_half() -> None:
    # "as he finished" is Jonah ending his speech, not a tag: both halves are Mrs. Mara's (the
    # action after the second half made its lead-in be read as a tag of its own)
    cast = [Character("mara", "Mrs. Mara", gender="F"), Character("jonah", "Jonah", gender="M")]
    text = (
        '"The trains are slow, and the streets are dull," said Jonah.\n\n'
        '"Oh, Jonah," exclaimed Mrs. Mara, as he finished, "I had just written to say so." She folded '
        "the letter.\n"
    )
    assert [q.speaker for q in run(text, cast).quotes] == ["jonah", "mara", "mara"]


def test_a_tag_s_own_i_names_the_cast_s_listed_narrator_in_a_third_person_text() -> None:
    # the narration says "I" once only, too little to be told in the first person, but the cast
    # lists a narrator: the tag's "I" is that narrator, not no one
    cast = [Character("narrator", "Narrator", gender="U"), Character("jonah", "Jonah", gender="M")]
    text = (
        "Jonah lived in the village all his life and never left it.\n\n"
        '"Is there anything you would like to eat?" I once said to him.\n\n'
        '"No," Jonah answered.\n'
    )
    assert [q.speaker for q in run(text, cast).quotes] == ["narrator", "jonah"]


def test_said_i_tags_make_the_one_named_in_the_lines_the_narrator() -> None:
    # two `"...," said I.` tags tell the text is told in the first person, and Pip, named only in
    # the lines, is its narrator: "said I" is his, and "said he" is not
    cast = [Character("pip", "Pip", gender="M"), Character("joe", "Joe", gender="M")]
    text = (
        'The church was cold when Joe came in.\n\n"What is your name, boy?" asked Joe.\n\n'
        '"Pip, sir," said I.\n\n"Once more!"\n\n"Pip. Pip, sir," said I.\n\n'
        '"Where do you live, Pip?"\n\n"There, sir."\n\n"Oh!" said he, coming back.\n'
    )
    speakers = [q.speaker for q in run(text, cast=cast).quotes]
    assert speakers == ["joe", "pip", "joe", "pip", "joe", "pip", "joe"]


def test_whom_the_subject_hears_speak_is_the_speaker() -> None:
    # `Jonah heard her say.`: Jonah only hears; "her", Mara, speaks (after the quote and before it)
    text = (
        '"Rain again," said Jonah.\n\n"It never stops," said Mara.\n\n'
        "Jonah looked out of the window.\n\n"
        '"We should go home," Jonah heard her say.\n'
    )
    assert run(text).quotes[2].speaker == "mara"
    tag = _match_before("Jonah heard her say, ", 0)
    assert (tag[0].phrase if tag[0] else None, tag[0].start if tag[0] else None) == ("she", 12)


def test_a_speech_verb_with_an_object_makes_no_who_spoke_sentence() -> None:
    # "Jonah began the letter." is no tag: the line after it is left to turn-taking (Mara's turn)
    text = (
        '"Rain again," said Mara.\n\n"It never stops," said Jonah.\n\n'
        "Jonah began the letter.\n\n"
        '"Let us stay in."\n'
    )
    work = run(text)
    assert work.quotes[2].speaker == "mara"
    assert _match_before("Jonah began the letter. ", 0)[0] is None


def test_whereupon_opens_the_clause_whose_subject_speaks() -> None:
    # "whereupon Jonah ... exclaimed:": Jonah speaks, not Mara who laughed before it
    tag = _match_before(
        "Mara laughed at the rain, whereupon Jonah stood up and, turning to her, exclaimed: ", 0
    )
    assert (tag[0].phrase if tag[0] else None, tag[1]) == ("Jonah", "exclaimed")
    # a subordinate clause's subject is not the speaker: Mara waited, Mara said
    tag = _match_before("Mara waited until Jonah had sat down, and then said, ", 0)
    assert (tag[0].phrase if tag[0] else None, tag[1]) == ("Mara", "said")
    # "after which" opens a main clause too; a bare "which" a relative one ("which Ines took")
    tag = _match_before(
        "There was a silence, after which Jonah, red in the face, turned to Ines and said, ", 0
    )
    assert (tag[0].phrase if tag[0] else None, tag[1]) == ("Jonah", "said")
    tag = _match_before("Jonah held out a letter, which Ines took, and said, ", 0)
    assert (tag[0].phrase if tag[0] else None, tag[1]) == ("Jonah", "said")


def test_a_passive_speech_verb_names_its_agent_as_the_speaker() -> None:
    # "when thus accosted by Ines,": Ines speaks, not Jonah the sentence is about
    tag = _match_before("Jonah was thinking of the rain, when thus accosted by Ines, ", 0)
    assert (tag[0].phrase if tag[0] else None, tag[1]) == ("Ines", "accosted")
    # "Mara accosted him with," is an active tag of its own
    tag = _match_before("Mara immediately accosted him with, ", 0)
    assert (tag[0].phrase if tag[0] else None, tag[1]) == ("Mara", "accosted")


def test_a_passive_speech_verb_without_agent_names_no_speaker() -> None:
    # the one addressed does not speak; "was saying" is no passive
    assert _match_before("After a while, Mara found herself abruptly addressed with, ", 0)[0] is None
    tag = _match_before("Jonah, before anyone could stop him, was saying, ", 0)
    assert (tag[0].phrase if tag[0] else None, tag[1]) == ("Jonah", "saying")


def test_a_tag_running_into_the_next_quote_is_that_quotes_own() -> None:
    # "Jonah said," after the first line opens the second; the first has its own tag before it
    text = 'They sat down. Mara said, "The soup is cold." Jonah said, "Then heat it."\n'
    assert said(run(text)) == [("The soup is cold.", "mara"), ("Then heat it.", "jonah")]
    # a pronoun tag introducing the next line does not take this one either
    text = 'It was late, but Mara said, "Go home." He answered, "I will."\n'
    assert said(run(text))[0] == ("Go home.", "mara")


def test_a_tag_between_the_halves_of_a_sentence_still_serves_the_first_half() -> None:
    # the first half ends on a comma: "Mara said," between the halves is its tag, whatever stands
    # before it
    text = 'Jonah waited. "Well," Mara said, "maybe," said Jonah, "not."\n'
    assert said(run(text))[:2] == [("Well,", "mara"), ("maybe,", "jonah")]


def test_a_name_before_who_said_is_the_speaker_not_the_sentence_subject() -> None:
    # "a sofa with Jonah, who said": the subject pattern alone read "a sofa with Jonah" and fell
    # back on Mara, who opens the sentence
    text = 'Ines stood by the fire.\n\nMara sat on a sofa with Jonah, who said, "Nice evening."\n'
    assert said(run(text)) == [("Nice evening.", "jonah")]


def test_a_thought_tag_before_the_quote_names_the_thinker() -> None:
    text = (
        '"Open the door!" Jonah called.\n\n'
        'There was silence, and Mara thought to herself, "What will they do next?" '
        "After a minute they began moving again.\n"
    )
    work = run(text)
    assert [q.speaker for q in work.quotes] == ["jonah"]
    assert [(work.span_text(t), t.thinker) for t in work.thoughts] == [("What will they do next?", "mara")]


def test_a_cast_member_listed_as_the_narrator_speaks_the_narrations_i_said() -> None:
    cast = [Character("teller", "Narrator", gender="M"), Character("jonah", "Jonah", gender="M")]
    text = (
        "I came down late. I found Jonah by the fire, and I sat with him.\n\n"
        '"Good morning," I said.\n\n"Is it?" Jonah asked.\n'
    )
    assert said(run(text, cast)) == [("Good morning,", "teller"), ("Is it?", "jonah")]


def test_a_short_first_person_text_finds_its_narrator_named_only_in_speech() -> None:
    # two "I asked"/"I answered" tags, and Mara called by name twice in the lines, never in the
    # narration: she tells the story, so "I" is Mara
    text = (
        "I came down late and found Jonah by the fire.\n\n"
        '"Good morning, Mara," he said.\n\n"Is it?" I asked.\n\n'
        '"It is, Mara. Sit down."\n\n"Thank you," I answered.\n'
    )
    work = run(text)
    assert [q.speaker for q in work.quotes] == ["jonah", "mara", "jonah", "mara"]
    # the tags name her; turn-taking alone would have guessed her by alternation
    assert [q.cue for q in work.quotes][1::2] == ["anaphoric", "anaphoric"]


def test_an_adjective_before_the_name_in_an_inverted_tag() -> None:
    text = '"Go home," said Jonah.\n\nIt was late. "But I am not tired," added little Ines, with a sniff.\n'
    assert said(run(text))[1] == ("But I am not tired,", "ines")
    # the adjective needs its name: `said old friends` is no one
    assert _match_after(" said old friends of ours.", 0)[0] is None


def test_a_description_always_beside_a_name_is_not_learnt_as_that_name() -> None:
    # Jonah is named just before every "the stranger", but in the same sentence too: the stranger
    # is someone else, so the tag does not make the line Jonah's
    text = (
        "Jonah walked to the inn. Jonah nodded to the stranger.\n\n"
        "Later Jonah sat down. Jonah watched the stranger by the fire.\n\n"
        "Jonah ate his soup. Jonah offered the stranger some bread.\n\n"
        '"Who sent you?" asked the stranger.\n'
    )
    quote = run(text).quotes[0]
    assert (quote.speaker, quote.cue) != ("jonah", "anaphoric")


def test_whom_an_unresolved_description_tag_names_is_someone_else() -> None:
    # turn-taking alone would give the last line back to Jonah, but the stranger fixes his eyes
    # on Jonah: the stranger is not Jonah
    text = (
        '"Where is the inn?" asked Jonah.\n\n'
        '"Down the road," said Mara.\n\n'
        '"Which road?" asked Jonah.\n\n'
        '"That one," said Mara.\n\n'
        '"Who are you?" cried the stranger, fixing his eyes on Jonah.\n'
    )
    assert run(text).quotes[-1].speaker != "jonah"


def test_a_second_description_is_not_the_one_introduced_before() -> None:
    # "an old woman" introduces The Old Woman: "the second woman" is another one
    cast = [*CAST, Character("old-woman", "The Old Woman", gender="F")]
    text = 'An old woman sat by the fire, and two more beside her.\n\n"Often," answered the second woman.\n'
    assert run(text, cast).quotes[0].speaker != "old-woman"
    # while "the woman" is the one introduced
    text = 'An old woman sat by the fire.\n\n"Often," answered the woman.\n'
    assert run(text, cast).quotes[0].speaker == "old-woman"


def test_a_voice_is_whom_the_narration_then_says_it_was() -> None:
    text = (
        "Jonah lay in the road.\n\n"
        '"Where are you?" called a voice. It was Mara, picking her way towards him.\n\n'
        '"Here," said Jonah.\n'
    )
    assert run(text).quotes[0].speaker == "mara"


def test_lines_calling_papa_either_side_pull_towards_a_man() -> None:
    # "papa" is a man's form of address like "sir": the untagged answer between two lines that
    # call someone so is the man's (Jonah, named above), though the alternation after Ines and
    # Mara would give it back to Ines.
    text = (
        "Jonah was reading the paper.\n\n"
        '"Good morning," said Ines.\n\n'
        '"Is there any tea left, papa?" said Mara.\n\n'
        '"Plenty of it."\n\n'
        '"Then pour me a cup, papa."\n'
    )
    work = run(text)
    assert [q.speaker for q in work.quotes] == ["ines", "mara", "jonah", "mara"]


def test_a_he_after_her_husband_in_a_paragraph_naming_no_man_is_the_husband() -> None:
    # The paragraph names no man before "he", only "her husband": whose husband the family name
    # says (Mrs. Barlow's is Mr. Barlow), not the talk's other man, Tom.
    cast = [
        Character("mrs_barlow", "Mrs. Barlow", gender="F"),
        Character("mr_barlow", "Mr. Barlow", gender="M"),
        Character("tom", "Tom Reed", aliases=["Tom"], gender="M"),
    ]
    text = (
        '"We shall all go to the fair," said Tom.\n\n'
        '"What a very low idea," said Mrs. Barlow.\n\n'
        'Her mutterings were chiefly to her husband; and he murmured, in reply, "Very true, my love."\n'
    )
    work = run(text, cast)
    assert [q.speaker for q in work.quotes] == ["tom", "mrs_barlow", "mr_barlow"]


def test_a_learnt_description_answering_a_line_is_not_its_speaker() -> None:
    # "the child" follows Jonah's name three times, so the work-wide vote gives it to him; but
    # answering Jonah's own named line, the child is someone else
    text = (
        "Jonah sat on the step. The child laughed at a dog.\n\n"
        "Jonah fetched water. The child splashed in it.\n\n"
        "Jonah lit the lamp. The child fell asleep.\n\n"
        "Mara came in with the bread.\n\n"
        "“Are you hungry?” asked Jonah.\n\n"
        "“No,” said the child.\n"
    )
    work = run(text)
    assert said(work)[0] == ("Are you hungry?", "jonah")
    assert said(work)[1][0] == "No,"
    assert said(work)[1][1] != "jonah"


def test_a_line_broken_off_by_the_next_is_not_the_interrupters() -> None:
    # the tag after the second line is the interrupter's; the broken-off line is a turn of its own
    text = (
        "Mara frowned at the letter.\n\n"
        "“But Jonah dear --” “I'll go for the others,” said Jonah.\n\n"
        "“No, stay.”\n"
    )
    work = run(text)
    assert said(work) == [
        ("But Jonah dear --", "mara"),
        ("I'll go for the others,", "jonah"),
        ("No, stay.", "mara"),
    ]


def test_the_line_that_breaks_another_off_is_someone_else_s() -> None:
    # Jonah's tag does not reach past the line that cuts him off; the talk then alternates
    text = "Mara and Jonah sat at the table.\n\n“Listen,” said Jonah, “the money --” “Can wait.”\n\n“Fine.”\n"
    work = run(text)
    assert said(work) == [
        ("Listen,", "jonah"),
        ("the money --", "jonah"),
        ("Can wait.", "mara"),
        ("Fine.", "jonah"),
    ]


# ---------------------------------------------------------------- fan fiction's own conventions (session 7)


def test_a_greeting_before_a_name_calls_that_person() -> None:
    # "Oh hi Jonah." calls Jonah (fan fiction drops the comma), so the "He" answering is Jonah
    text = (
        "The kitchen was cold.\n\n"
        '"Morning!" Mara called as she came in with the bread. "Oh hi Jonah."\n\n'
        '"Mara." He yawned.\n'
    )
    assert said(run(text))[-1] == ("Mara.", "jonah")


def test_a_pronoun_tag_after_a_full_stop_keeps_its_gender_against_a_later_actor() -> None:
    # `"Quote." He grumbled.` with no antecedent found: Ines acting afterwards is no speaker,
    # turn-taking picks a man
    text = (
        "Jonah had come back late from the market.\n\n"
        "* * *\n\n"
        '"Morning!" Mara called as she came in with the bread.\n\n'
        '"Bread again." He grumbled. Ines ran down the stairs and out of the door.\n'
    )
    assert said(run(text))[-1] == ("Bread again.", "jonah")


def test_a_he_said_in_a_turn_whose_beat_is_a_woman_goes_to_a_man() -> None:
    # Mara's action opens the second line's paragraph; its own "said he" still needs a man, and
    # with him a candidate the talk alternates between the two
    text = (
        "Jonah had come back late from the market.\n\n"
        "* * *\n\n"
        '"Have you been to the river?"\n\n'
        '"Yes, on Monday," said Mara.\n\n'
        '"And the mill?"\n\n'
        '"Yes, on Tuesday."\n\n'
        '"Now I must laugh, and then we may be serious again."\n'
        'Mara turned away her head. "I see what you think of me," said he gravely.\n'
    )
    assert [speaker for _, speaker in said(run(text))] == ["jonah", "mara", "jonah", "mara", "jonah", "jonah"]


def test_her_voice_trailing_off_makes_the_line_a_womans() -> None:
    # "trailed" is no speech verb, but the voice is the speaker's own: the line is Mara's, not
    # that of Jonah, who acted last in the narration
    text = (
        '"How do you feel about me?" she asked. Jonah was taken aback.\n\n'
        '"You are my best friend." He answered smoothly.\n\n'
        '"Is that all?" Mara asked. Jonah shrugged.\n\n'
        '"Of course it is." He said. "What is this about?" Mara pulled at her sleeve, her eyes on the '
        "floor. Then she saw it was his coat.\n\n"
        '"We are not the same as before. I was only thinking..." Her voice trailed off. Jonah felt '
        "uneasy.\n"
    )
    assert said(run(text))[-1] == ("We are not the same as before. I was only thinking...", "mara")


def test_whoever_said_nothing_after_a_line_did_not_speak_it() -> None:
    scene = 'Mara and Jonah sat down.\n\n"Where were you?" said Jonah.\n\n"Out," said Mara.\n\n'
    # not a tag ("she said") after the line ...
    assert run(scene + '"All night?" She said nothing.\n').quotes[-1].speaker == "jonah"
    # ... nor an action beat by the one named
    assert run(scene + '"All night?" Mara said nothing, and looked away.\n').quotes[-1].speaker == "jonah"


def test_a_description_tag_names_the_cast_member_whose_description_holds_its_words() -> None:
    # the cast knows "the parish surgeon" and "a thin elderly gentleman": `said the surgeon` and
    # `said the thin gentleman` are they (the same last noun, and every other word of the tag in
    # the cast's description); `said the old gentleman` is not: age alone fits too many people
    cast = [
        *CAST,
        Character("surgeon", "the parish surgeon", gender="M"),
        Character("thin", "a thin elderly gentleman", gender="M"),
    ]
    text = (
        '"Are you coming?" Jonah asked.\n\n"No," Ines said.\n\n"Sit down," said the surgeon.\n\n'
        '"I would rather stand," said the thin gentleman.\n\n"Nonsense," said the old gentleman.\n'
    )
    work = run(text, cast)
    assert said(work)[2:4] == [("Sit down,", "surgeon"), ("I would rather stand,", "thin")]
    assert said(work)[4][1] != "thin"


def test_demonstrative_description_is_a_tag_subject() -> None:
    # `said this lady`, `this young lady inquired`: a demonstrative opens a description as "the"
    # does; `that he said` and `This question answered` have no such subject
    subject, verb, _, _ = _match_after(" said this lady, looking at them.", 0)
    assert subject is not None and (subject.phrase, subject.kind, verb) == ("this lady", "epithet", "said")
    subject, verb, _, _ = _match_after(" that young gentleman whispered to Mara.", 0)
    assert subject is not None and subject.phrase == "that young gentleman"
    assert _match_after(" that he said.", 0)[0] is None
    subject = _match_after(" This question answered, as it readily was.", 0)[0]
    assert subject is None or subject.phrase != "This question"


def test_demonstrative_description_points_to_the_last_one_named_of_its_gender() -> None:
    # "this lady" is the woman the narration just brought in, not the man who spoke last
    text = (
        '"Where is it?" asked Mara.\n\n"Gone," said Jonah.\n\nInes came in and sat down.\n\n'
        '"Who took it?" said this lady, looking at them.\n'
    )
    assert said(run(text))[-1] == ("Who took it?", "ines")


# ---------------------------------------------------------------- scenes a row each
# Each row is a handmade scene and exactly what its case checks; ANY stands where a case checks
# nothing (a quote, or the cue or speaker of one).


@pytest.mark.parametrize(
    ("text", "cast", "speakers"),
    [
        # the paragraph before ends on "the doctor" doing something: the next line's "he" is his,
        # as it would be within one paragraph, and not the talk's other man
        pytest.param(
            '"Is he worse?" asked Jonah.\n\n'
            '"He never woke up," said Ines. There was a pause. The doctor felt his patient\'s pulse.\n\n'
            '"I can do nothing," he said.\n',
            [*CAST, Character("doctor", "The Doctor", aliases=["Doctor"], gender="M")],
            ["jonah", "ines", "doctor"],
            id="a-described-subject-closing-the-paragraph-before-is-the-next-he",
        ),
        # "the mother" with no possessor: the mother of the family talking, the one Mrs. of the
        # speaker's surname, not the other woman the narration named
        pytest.param(
            "Lena sat by the fire with her book.\n\n"
            '"Can I have my dinner now?" Tom asked.\n\n'
            '"When it is done," said the mother.\n',
            [
                Character("mrs", "Mrs. Brandt", gender="F"),
                Character("tom", "Tom Brandt", gender="M"),
                Character("lena", "Lena Fisk", gender="F"),
            ],
            ["tom", "mrs"],
            id="the-mother-is-the-family-mrs-of-whom-she-talks-with",
        ),
        # "He beckoned Jonah ... and said": the he is not Jonah, however salient Jonah is in the talk
        pytest.param(
            '"How is she?" asked Tom.\n\n'
            '"Is it bad?" asked Jonah.\n\n'
            '"Very," said Mara.\n\n'
            'He beckoned Jonah into the hall and said sternly: "You must be brave."\n',
            [*CAST, Character("tom", "Tom", gender="M")],
            ["tom", "jonah", "mara", "tom"],
            id="whom-a-tags-pronoun-acts-on-is-not-its-antecedent",
        ),
        # "another voice, which Jonah knew to be that of Lena": the voice is Lena's, not the talk's
        pytest.param(
            '"Is anyone there?" asked Jonah.\n\n'
            '"Yes," said Ines.\n\n'
            '"Only me," replied another voice, which Jonah knew to be that of Lena.\n',
            [*CAST, Character("lena", "Lena", gender="F")],
            ["jonah", "ines", "lena"],
            id="a-voice-the-narration-says-was-someones",
        ),
        # "the lass" is a young woman's name as "the boy" is a boy's (the table's young-person
        # nouns): "the woman" is the grown one, Mrs. Grey
        pytest.param(
            "Nell ran down the lane. The lass was hungry.\n\n" * 6
            + 'Nell looked up at Mrs. Grey on the step.\n\n"Good day to you," said the woman.\n',
            [Character("nell", "Nell", gender="F"), Character("grey", "Mrs. Grey", gender="F")],
            ["grey"],
            id="every-young-person-noun-of-the-table-counts-the-lass",
        ),
        # "the chap" is a grown man's name (the table's grown-person nouns): not the one called the boy
        pytest.param(
            "Tom ran down the lane. The boy was hungry.\n\n" * 6
            + 'Tom looked up at Mr. Grey on the step.\n\n"Good day to you," said the chap.\n',
            [Character("tom", "Tom", gender="M"), Character("grey", "Mr. Grey", gender="M")],
            ["grey"],
            id="every-grown-person-noun-of-the-table-counts-the-chap",
        ),
        # "Nor did Ines speak": Ines is the subject of the inverted clause, the paragraph's latest, so
        # the next tag's "she" is hers and not Mara's
        pytest.param(
            "Jonah sat down.\n\nMara stayed bowed for a while. Nor did Ines speak. She sighed.\n\n"
            '"What time is it?" she said.\n',
            CAST,
            ["ines"],
            id="a-name-after-an-inverted-negation-is-a-subject-for-the-next-she",
        ),
        # "Either Ines was blind to it": likewise the subject after "either"
        pytest.param(
            "Jonah sat down.\n\nMara chose a seat by the door. Either Ines was blind to it, or she "
            'chose to ignore it.\n\n"Such a lovely day," she said.\n',
            CAST,
            ["ines"],
            id="a-name-after-either-is-a-subject-for-the-next-she",
        ),
        # "Mme." is Madame, not the Monsieur of the same surname; "M." with its stop is Monsieur
        pytest.param(
            '"Bonsoir," said Mme. Dupont.\n\n"Bonjour," said M. Dupont.\n\n'
            '"Ciao," said Mme Dupont.\n\n"Si," said Signorina Rossi.\n',
            [
                Character("monsieur", "Monsieur Dupont", gender="M"),
                Character("madame", "Madame Dupont", gender="F"),
                Character("signora", "Signora Rossi", gender="F"),
                Character("signor", "Signor Rossi", gender="M"),
            ],
            ["madame", "monsieur", "madame", "signora"],
            id="foreign-titles-tell-a-wife-from-her-husband",
        ),
        # a time word ("then", "at last", "at once") between the line and an inverted tag
        pytest.param(
            '"Stop," then said Jonah.\n\n"No," at last said Mara.\n\n"Go," at once cried Ines.\n',
            CAST,
            ["jonah", "mara", "ines"],
            id="a-time-word-before-an-inverted-tag",
        ),
        # the stop after "MR." is a title's, so the tag runs on to the surname
        pytest.param(
            '"Stop," said MR. SMITH.\n\n"No," said MARA.\n\n"Now," MR. SMITH said.\n',
            [*CAST, Character("smith", "Mr. Smith", gender="M")],
            ["smith", "mara", "smith"],
            id="a-title-in-capitals-ends-no-tag",
        ),
    ],
)
def test_the_speakers_of_a_scene(text: str, cast: list[Character], speakers: list[str | None]) -> None:
    assert [q.speaker for q in run(text, cast).quotes] == speakers


@pytest.mark.parametrize(
    ("text", "cast", "speakers_and_cues"),
    [
        # the narration called Jonah by his name two lines ago: "said the man" would be "said Jonah"
        # if it were he, so the description does not resolve to him and the line is left to the talk
        pytest.param(
            "Mara and Jonah came to the inn at dusk.\n\n"
            '"Good evening," said Pavel.\n\n'
            '"Where are you going?" said Jonah.\n\n'
            '"Home," said Mara.\n\n'
            '"Not by this road," said the man.\n',
            [*CAST, Character("pavel", "Pavel", gender="M")],
            [("pavel", ANY), ("jonah", ANY), ("mara", ANY), (ANY, "implicit")],
            id="description-tag-is-not-the-man-the-narration-just-named",
        ),
        # `and then went on` closing the paragraph before a line (its dash lost) is his tag
        pytest.param(
            "Mara sat with Tom by the fire.\n\n"
            '"It is late," said Mara.\n\n'
            '"Not so late," said Tom.\n\n'
            "He paused for a little, still poking the coals, and then went on\n\n"
            '"We have an hour yet."\n',
            [Character("mara", "Mara", gender="F"), Character("tom", "Tom", gender="M")],
            [ANY, ANY, ("tom", "anaphoric")],
            id="line-after-a-paragraph-ending-on-went-on",
        ),
        # no clause opens on a subject ("When told that it was nearly five she rose"): the "she" who
        # acts before the speech verb is the tag's subject
        pytest.param(
            "Mara sat with Tom by the fire.\n\n"
            '"It is late," said Tom.\n\n'
            "When told that it was nearly five she rose at once, and said:\n\n"
            '"Then I must go."\n',
            [Character("mara", "Mara", gender="F"), Character("tom", "Tom", gender="M")],
            [("tom", "explicit"), ("mara", "anaphoric")],
            id="tag-before-line-with-pronoun-subject-inside-a-subordinate-clause",
        ),
        # no one has spoken yet and the tag's own paragraph names nobody: the narration just before
        # named Kitty Hale, so "her mother" is Mrs. Hale
        pytest.param(
            "Mrs. Crane had gone out. Kitty Hale sat alone by the window and did not lift her eyes.\n\n"
            '"You are very quiet to-night," said her mother.\n',
            HALE_CAST,
            [("hale", "anaphoric")],
            id="relative-tag-owner-named-in-the-paragraph-before",
        ),
        # old and dialect spellings of "said" (quoth, saith, sez, ses) are speech verbs of tags
        pytest.param(
            '"Stop," quoth Jonah.\n\n"No," saith Mara.\n\n"Go," sez Jonah.\n\n"Nay," Mara ses.\n',
            CAST,
            [("jonah", "explicit"), ("mara", "explicit"), ("jonah", "explicit"), ("mara", "explicit")],
            id="old-and-dialect-spellings-of-said-are-tags",
        ),
        # "ast" is the dialect spelling of "asked"
        pytest.param(
            '"Who\'s that?" ast Ines.\n\n"Me," said Jonah.\n\n"Why?" ast Mara.\n',
            CAST,
            [("ines", "explicit"), ANY, ("mara", "explicit")],
            id="dialect-ast-is-asked",
        ),
        # a sentence opening on its speech verb ("Said Jonah:", "Quoth Ines,") tags the next quote
        pytest.param(
            'Said Jonah: "Stop."\n\nSaid Mara: "No."\n\nQuoth Ines, "Go."\n',
            CAST,
            [("jonah", "explicit"), ("mara", "explicit"), ("ines", "explicit")],
            id="a-sentence-opening-on-its-speech-verb-tags-the-next-quote",
        ),
        # "came Jonah's voice", "came Ines's quiet answer": the owner of the voice or answer speaks
        pytest.param(
            '"Stop," came Jonah\'s voice.\n\n"Why?" came Ines\'s quiet answer.\n\n"Go," said Mara.\n',
            CAST,
            [("jonah", "explicit"), ("ines", "explicit"), ("mara", "explicit")],
            id="a-line-that-came-as-someone-s-voice-or-answer",
        ),
    ],
)
def test_the_speakers_and_cues_of_a_scene(
    text: str, cast: list[Character], speakers_and_cues: list[object]
) -> None:
    assert [(q.speaker, q.cue) for q in run(text, cast).quotes] == speakers_and_cues


# which side of the line the tag is read on: the narration before it, or after it
TAG_READERS = {"before": _match_before, "after": _match_after}


@pytest.mark.parametrize(
    ("side", "narration", "subject_and_verb"),
    [
        # the dash after the tag is gone: "somewhat austerely" is still only manner after "said"
        pytest.param(
            "before",
            "Then Dr. Grey turned to the others and said somewhat austerely ",
            ("Dr. Grey", "said"),
            id="tag-before-line-lost-its-dash-after-a-manner-word",
        ),
        # `but Jonah said nothing, and she went on,`: the silent one is no speaker; the tag is hers
        pytest.param(
            "before",
            "Mara looked up, but Jonah said nothing, and she continued, ",
            ("she", "continued"),
            id="a-tag-before-a-line-skips-whoever-said-nothing",
        ),
        # `Jonah asked her, and she replied,`: two speech verbs in the sentence; the later one, right
        # before the line, is its tag (the first is the question she answers)
        pytest.param(
            "before",
            "They stood at the gate. Jonah asked her, and she replied, ",
            ("she", "replied"),
            id="a-tag-before-a-line-is-the-speech-verb-nearest-it",
        ),
        # no speech verb, but the colon hands the sentence over to the line: the subject of its main
        # clause (not of the "when" clause before it) speaks it
        pytest.param(
            "before",
            "When Mara asked him to name a few friends of his, he expressed himself with unusual bitterness:",
            ("he", "(intro)"),
            id="a-sentence-closed-by-a-colon-introduces-the-line-of-its-last-subject",
        ),
        # a comma instead of the colon: no such sentence, no tag
        pytest.param(
            "before",
            "When Mara asked him to name a few friends, he looked at the fire, ",
            (None, ANY),
            id="a-sentence-closed-by-a-comma-introduces-no-line",
        ),
        # `his last words to Ines were,`: the owner of the words speaks the line that follows
        pytest.param(
            "before",
            "Jonah lingered at the door, and his last words to Ines were, ",
            ("he", "(intro)"),
            id="whose-words-were-introduces-the-line",
        ),
        # `Mara's only words were:` likewise, the owner named by the possessive
        pytest.param(
            "before",
            "The lamp went out. Mara's only words were: ",
            ("Mara", ANY),
            id="whose-words-were-introduces-the-line-possessive",
        ),
        # `had not Jonah thus addressed her,`: "thus" between the subject and the verb, like "then"
        pytest.param(
            "before",
            "She would have left the room, had not Jonah thus addressed her, ",
            ("Jonah", "addressed"),
            id="a-tag-before-a-line-reads-through-thus",
        ),
        # a sentence opening on its speech verb: "Said Jonah," is the tag of the quote after it
        pytest.param(
            "before",
            "Mara sat. Said Jonah, ",
            ("Jonah", "said"),
            id="a-sentence-opening-on-its-speech-verb",
        ),
        # a time word between the line and an inverted tag: "then said Jonah"
        pytest.param("after", " then said Jonah.", ("Jonah", "said"), id="a-time-word-then"),
        # and a time phrase of two words: "at length cried Mrs. Hale"
        pytest.param(
            "after",
            " at length cried Mrs. Hale, rising.",
            ("Mrs. Hale", "cried"),
            id="a-time-phrase-at-length",
        ),
    ],
)
def test_the_tag_read_beside_a_line(
    side: str, narration: str, subject_and_verb: tuple[object, object]
) -> None:
    subject, verb, _, _ = TAG_READERS[side](narration, 0)
    assert (subject.phrase if subject else None, verb) == subject_and_verb


@pytest.mark.parametrize("epithet", ["the count", "the bloke"])
def test_a_rank_or_plain_word_of_the_table_gives_its_epithet_a_gender(epithet: str) -> None:
    # "the count" and "the bloke" are men (person_words' table): the man named last, not Mara
    work = run(f'Jonah walked in with Mara.\n\n"Welcome to the castle," said {epithet}.\n')
    assert said(work) == [("Welcome to the castle,", "jonah")]
