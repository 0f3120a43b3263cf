from __future__ import annotations

import contextlib
import re
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from conftest import SAMPLE_ALL_TALK, SAMPLE_ONE_LINE
from fandex import characters, nlp, pipeline, readers
from fandex.characters import (
    _Discovery,
    _name_occurrences,
    _sentences,
    _tokens,
    _told_in_present,
    _without_sentence_opener,
    find_characters,
)
from fandex.mentions import quoted_spans
from fandex.options import Options
from fandex.work import Character, FandomGuess, Scene, Work

# A small pack of an invented fandom, so that these tests do not depend on any real pack's content.
TEST_PACK = """\
name: Lantern Street
aliases: [LS]
characters:
  - name: Rowan Birch
    gender: F
    aliases: [Rowan, Birch]
    nicknames: [Ro, Sparrow]
    epithets: [the gardener, the tall girl]
  - name: Teodor Vance
    gender: M
    aliases: [Teodor, Teo]
    epithets: [the locksmith]
  - name: Ilse Marr
    gender: F
    aliases: [Ilse]
    epithets: [the tall girl]
places: [Lantern Street, the Copper Kettle]
terms: [lamplighter]
endearments: [petal]
"""


@pytest.fixture
def pack_options(tmp_path: Path) -> Options:
    (tmp_path / "lantern.yaml").write_text(TEST_PACK, encoding="utf-8")
    return Options(fandom="Lantern Street", pack_dirs=[str(tmp_path)])


def _cast(text: str, options: Options | None = None) -> Work:
    work = Work(text=text)
    find_characters(work, options or Options())
    return work


def _by_name(work: Work) -> dict[str, Character]:
    return {c.name: c for c in work.characters}


def _mentions_of(work: Work, surface: str) -> list[str | None]:
    return [m.character for m in work.mentions if work.span_text(m) == surface]


# ---------------------------------------------------------------- names and clustering


def test_honorifics_of_one_surname_are_different_people() -> None:
    work = _cast(
        "Mr. Hale opened the gate. Mrs. Hale waved from the porch, and Mr. Hale waved back. "
        "Later Mrs. Hale said the roses needed water."
    )
    cast = _by_name(work)
    assert set(cast) == {"Mr. Hale", "Mrs. Hale"}
    assert cast["Mr. Hale"].gender == "M"
    assert cast["Mrs. Hale"].gender == "F"
    assert cast["Mr. Hale"].mentions >= 2 and cast["Mrs. Hale"].mentions >= 2


def test_first_last_and_full_names_are_one_character() -> None:
    work = _cast(
        "Clara Oswin came home late. The hall was dark, so Clara lit a lamp and she sat down. "
        "Her landlord, Mr. Pike, knocked twice. Good evening, Miss Oswin, said Mr. Pike. "
        "Clara smiled at him."
    )
    cast = _by_name(work)
    assert set(cast) == {"Clara Oswin", "Mr. Pike"}
    assert set(cast["Clara Oswin"].aliases) == {"Clara", "Miss Oswin"}
    assert cast["Clara Oswin"].mentions >= 4


def test_a_full_name_seen_once_ties_a_given_name_to_a_titled_surname() -> None:
    # A long text (the minimum count of a name grows with length), where the full name appears once.
    filler = "The rain fell on the long road, and the trees by the river were quiet all day. " * 400
    scene = (
        '"Not yet," Adela said, and she looked away. Miss Quested was tired. '
        '"Later," said Adela. The guests watched Miss Quested go. ' + filler
    )
    work = _cast("Everyone knew Adela Quested by then. " + scene * 5)
    cast = _by_name(work)
    assert set(cast) == {"Adela Quested"}
    assert set(cast["Adela Quested"].aliases) == {"Adela", "Miss Quested"}


def test_a_gendered_title_does_not_join_a_full_name_of_the_other_gender() -> None:
    work = _cast(
        "Robert Lebrun rowed across the bay. At the jetty Robert tied the boat and he waved. "
        "Madame Lebrun was waiting with a basket; she scolded him. Later Madame Lebrun laughed."
    )
    cast = _by_name(work)
    assert set(cast) == {"Robert Lebrun", "Madame Lebrun"}
    assert cast["Robert Lebrun"].gender == "M" and cast["Madame Lebrun"].gender == "F"


def test_a_bare_title_is_its_only_bearer() -> None:
    work = _cast(
        "Doctor Mandel came at noon. Lily met Doctor Mandel at the door. "
        '"Sit down," the Doctor said, and Lily sat.'
    )
    cast = _by_name(work)
    assert set(cast) == {"Doctor Mandel", "Lily"}
    assert _mentions_of(work, "Doctor") == [cast["Doctor Mandel"].id]


def test_a_nickname_the_text_explains_joins_its_character() -> None:
    work = _cast(
        "Everyone waited for Theodora, whom everybody called Teddy. Later Teddy arrived, and "
        'Theodora said sorry. "Late again," said Bram. Bram, known as Bee, only laughed. '
        '"Hush, Bee," Teddy said.'
    )
    cast = _by_name(work)
    assert set(cast) == {"Theodora", "Bram"}
    assert "Teddy" in cast["Theodora"].aliases and "Bee" in cast["Bram"].aliases


def test_ids_follow_first_appearance_and_offsets_are_first_mentions() -> None:
    text = "It rained. Jonah Reyes waited for Mina Cole at the corner. Mina was late, and Jonah said so."
    work = _cast(text)
    assert [(c.id, c.name) for c in work.characters] == [("c1", "Jonah Reyes"), ("c2", "Mina Cole")]
    assert work.characters[0].first == text.index("Jonah")
    assert work.characters[1].first == text.index("Mina")


def test_calendar_words_god_and_interjections_are_not_names() -> None:
    work = _cast(
        "On Monday in March Lena went to see Farid. God, it was cold. Oh, Farid said, you came. "
        "Well, Lena said, I promised."
    )
    assert set(_by_name(work)) == {"Lena", "Farid"}


def test_a_calendar_word_the_text_uses_as_a_person_is_a_name() -> None:
    work = _cast(
        "In April the park flooded. Dara met April at the gate, and April laughed at the mud. "
        '"Boots next time," said April. Dara shrugged. "In June, maybe," Dara said.'
    )
    assert set(_by_name(work)) == {"Dara", "April"}


def test_a_calendar_word_acting_in_the_present_tense_is_a_name() -> None:
    work = _cast(
        'Dara waits at the gate. April watches her from the bus, and April grins. "Late again," said Dara.'
    )
    assert set(_by_name(work)) == {"Dara", "April"}


def test_a_calendar_word_used_as_a_date_is_no_name() -> None:
    # "April" acts once only, and is a date twice: still the month.
    work = _cast(
        "In April the park flooded. Last April was worse, Dara said. April came and Dara waited "
        'for the summer. "Next year," Dara said.'
    )
    assert set(_by_name(work)) == {"Dara"}


def test_a_clipped_given_name_with_the_same_family_name_is_one_person() -> None:
    work = _cast(
        "Jen Torvik waited by the door. Marco Hale came late. Jen Torvik sighed. "
        '"You said six," Jennifer Torvik told him. Marco shrugged. Jen laughed.'
    )
    cast = _by_name(work)
    assert set(cast) == {"Jennifer Torvik", "Marco Hale"}
    assert "Jen Torvik" in cast["Jennifer Torvik"].aliases


def test_a_lone_clipped_given_name_and_its_full_form_are_one_person() -> None:
    work = _cast(
        "Jen waited by the door. Marco came late. Jen sighed at him. "
        '"You said six," Jennifer told him. Marco shrugged. Jen laughed.'
    )
    cast = _by_name(work)
    assert set(cast) == {"Jennifer", "Marco"}
    assert cast["Jennifer"].aliases == ["Jen"]
    # A longer name that is no common given name is someone else: Ben is not Benton.
    work = _cast('"Late," said Ben. "Sorry," said Benton. Ben sighed, and Benton laughed at Ben.')
    assert set(_by_name(work)) == {"Ben", "Benton"}


def test_two_letters_are_no_clipped_given_name() -> None:
    work = _cast("Al Torvik waited. Alice Torvik came late. Al Torvik sighed. Alice Torvik laughed.")
    assert set(_by_name(work)) == {"Al Torvik", "Alice Torvik"}


def test_sentence_start_words_and_places_are_not_names() -> None:
    work = _cast(
        "Suddenly the bus stopped. Perhaps it was the snow. Nadia got off in Halden and walked. "
        '"Home at last," Nadia said. She had lived in Halden for years. Nobody followed her.'
    )
    assert set(_by_name(work)) == {"Nadia"}


def test_a_family_in_the_plural_is_not_a_character() -> None:
    work = _cast(
        'Ravi Shah laughed. "The Shahs never come," Ravi said. "Mr. Shahs of this world," said Ravi, '
        '"and the other Shahs, stay home."'
    )
    assert set(_by_name(work)) == {"Ravi Shah"}


def test_a_surname_ending_in_s_is_a_person_not_a_family() -> None:
    # One stray "Mr. Marks" cut short to "Mr. Mark" must not make Marks the plural of a family.
    work = _cast(
        'Marks came in from the rain. "Shut the door," said Marks, and he sat down. '
        'Mr. Mark nodded once. Mr. Marks poured a drink; he drank it. "Again," Marks said. '
        'Nobody answered Mr. Marks. "Fine," said Marks. Marks left, and Marks did not come back.'
    )
    cast = _by_name(work)
    assert "Marks" in cast or "Mr. Marks" in cast
    marks = cast.get("Mr. Marks") or cast["Marks"]
    assert {marks.name, *marks.aliases} >= {"Marks", "Mr. Marks"}


def test_a_bare_surname_is_the_man_of_the_family() -> None:
    work = _cast(
        "Lydia Wickham laughed at the window; she waved. George Wickham rode up, and he bowed. "
        'Mr. Wickham smiled. "Come in," said Lydia. Wickham came in, and he sat down. '
        "Lydia poured the tea. Wickham drank it."
    )
    cast = _by_name(work)
    assert set(cast) == {"Lydia Wickham", "George Wickham"}
    assert set(cast["George Wickham"].aliases) == {"Mr. Wickham", "Wickham"}
    assert set(cast["Lydia Wickham"].aliases) == {"Lydia"}


def test_the_miss_of_a_family_is_the_daughter_known_by_her_given_name() -> None:
    work = _cast(
        "Katharine Hilbery poured the tea, and she smiled. Mrs. Hilbery talked of poets; she "
        'laughed. "Mother," said Katharine. Miss Hilbery was patient. Mrs. Hilbery went on. '
        "Katharine sighed, and Miss Hilbery rose."
    )
    cast = _by_name(work)
    assert set(cast) == {"Katharine Hilbery", "Mrs. Hilbery"}
    assert set(cast["Katharine Hilbery"].aliases) == {"Katharine", "Miss Hilbery"}


def test_a_wife_named_for_her_husband_is_not_him() -> None:
    work = _cast(
        "Mrs. John Dashwood frowned; she disliked the plan. John Dashwood agreed with her, "
        "and he nodded. Mrs. John Dashwood spoke again. John Dashwood said nothing more."
    )
    cast = _by_name(work)
    assert set(cast) == {"Mrs. John Dashwood", "John Dashwood"}
    assert cast["John Dashwood"].gender == "M" and cast["Mrs. John Dashwood"].gender == "F"


def test_a_name_in_speech_is_said_to_someone_only_when_set_off() -> None:
    text = '"Nell, pass the salt." "You came, Nell!" "In India, they say so." "We asked Nell, then."'
    tokens = list(_tokens(text, 0, len(text), quoted_spans(text, 0, len(text))))
    _, sentence_of = _sentences(tokens)
    found = [
        (o.form, o.vocative) for o in _name_occurrences(tokens, sentence_of) if o.form in ("Nell", "India")
    ]
    assert found == [("Nell", True), ("Nell", True), ("India", False), ("Nell", False)]


def test_a_name_acts_with_a_present_tense_verb_in_a_story_told_in_the_present() -> None:
    text = "Odile smiles at the door. She waits. Odile is tired, and she sits. Then Odile stands."
    tokens = list(_tokens(text, 0, len(text), []))
    _, sentence_of = _sentences(tokens)
    assert _told_in_present(tokens)
    acts = [o.acts for o in _name_occurrences(tokens, sentence_of, present_tense=True)]
    assert acts == [True, True, True]
    # Told in the past, a plural after a name is no verb ("Odile books"): only the past acts.
    past = "Odile smiled at the door. She waited. Odile books were stacked high, and she sat."
    tokens = list(_tokens(past, 0, len(past), []))
    _, sentence_of = _sentences(tokens)
    assert not _told_in_present(tokens)
    assert [o.acts for o in _name_occurrences(tokens, sentence_of)] == [True, False]


class _PlaceModel:
    """A stand-in for spaCy's NER that calls every "Agatha" an organisation, as the small model
    does with unfamiliar given names."""

    class _Entity:
        def __init__(self, start: int, end: int) -> None:
            self.start_char, self.end_char, self.label_ = start, end, "ORG"

    class _Doc:
        def __init__(self, text: str) -> None:
            self.ents = [_PlaceModel._Entity(m.start(), m.end()) for m in re.finditer(r"Agatha|Ossora", text)]

    @contextlib.contextmanager
    def select_pipes(self, enable: list[str]) -> Iterator[None]:
        yield

    def pipe(self, texts: Iterable[str], batch_size: int = 1) -> Iterator[_Doc]:
        return (self._Doc(text) for text in texts)


# Agatha is "she" once; the model reads each sentence as about an organisation.
_CALLED_A_PLACE = (
    "Rio missed Agatha. Rio hugged Agatha. The letter pleased Agatha, and she smiled. "
    "Rio liked Agatha. Rio visited Agatha again."
)


def test_a_common_given_name_outweighs_the_models_place_when_the_text_shows_a_person(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(nlp, "load", lambda: _PlaceModel())
    assert "Agatha" in _by_name(_cast(_CALLED_A_PLACE))
    # The same text about a word no one is named: the model's place stands.
    assert "Ossora" not in _by_name(_cast(_CALLED_A_PLACE.replace("Agatha", "Ossora")))


def test_styles_of_address_and_dialect_oaths_are_not_names() -> None:
    work = _cast(
        'Lady Catherine frowned. "Her Ladyship is displeased," said Mr. Collins. "Lor!" cried the maid. '
        '"Lor, how grand," said Nell. Her Ladyship rose; she left. "Bah," said Nell.'
    )
    assert set(_by_name(work)) == {"Lady Catherine", "Mr. Collins", "Nell"}


def test_fields_and_buildings_close_a_place_name() -> None:
    work = _cast(
        # The apostrophe lost in transcription, as it often is: "Lincoln s Inn Fields".
        "Ralph Denham had rooms in Lincoln s Inn Fields; he was late. The gravel of Lincoln s Inn "
        "Fields was wet, and Ralph went on past Edgar s Buildings. Ralph knocked."
    )
    assert set(_by_name(work)) == {"Ralph Denham"}


def test_endearments_are_never_names() -> None:
    work = _cast(
        '"Morning, Luv," Marcus said. "Sleep well, Honey?" Marcus asked. Pia yawned. '
        '"Not really, Sweetie," Pia replied.'
    )
    assert set(_by_name(work)) == {"Marcus", "Pia"}


def test_a_sentence_opening_word_glued_to_a_name_is_no_part_of_it() -> None:
    # Written for the rule: "Gladly Orrin" is Orrin after an adverb that only ever opens a sentence,
    # "Except Talvi" is Talvi after a preposition.
    text = "Gladly Orrin bowed. Orrin left. Later Talvi came. Except Talvi, nobody stayed."
    assert _without_sentence_opener("Gladly Orrin", ["Orrin"], text) == "Orrin"
    assert _without_sentence_opener("Except Talvi", ["Talvi"], text) == "Talvi"


def test_a_real_first_name_is_kept_in_the_name() -> None:
    # "Molly" also stands mid-sentence, so it is her first name.
    text = "Molly Hooper waved. Later he thanked Molly. Hooper smiled."
    assert _without_sentence_opener("Molly Hooper", ["Hooper"], text) == "Molly Hooper"
    # A known given name stays, even when the story only ever opens a sentence with it.
    assert (
        _without_sentence_opener("George Wickham", ["Wickham"], "George Wickham rode up.") == "George Wickham"
    )
    # Without the rest as an alias nothing is known about the two words.
    assert _without_sentence_opener("Gladly Orrin", [], "Gladly Orrin bowed.") == "Gladly Orrin"


def test_the_cast_names_a_character_without_the_word_opening_its_sentence() -> None:
    # Every consumer of the cast (dialogue, relationships, tags) gets the repaired name.
    work = _cast("Gladly Orrin bowed. Orrin left. Then Orrin sat down. Orrin sighed.")
    names = [c.name for c in work.characters]
    assert "Orrin" in names and "Gladly Orrin" not in names


# ---------------------------------------------------------------- the fandom pack


def test_pack_nicknames_and_aliases_give_the_canonical_name(pack_options: Options) -> None:
    work = _cast(
        'Ro dropped the seed tray. Teo laughed at her. "Careful, Sparrow," Teo said. Rowan glared at him.',
        pack_options,
    )
    cast = _by_name(work)
    assert set(cast) == {"Rowan Birch", "Teodor Vance"}
    rowan = cast["Rowan Birch"]
    assert rowan.canonical and rowan.gender == "F"
    assert {"Ro", "Sparrow", "Rowan"} <= set(rowan.aliases)
    assert _mentions_of(work, "Ro") == [rowan.id]


# A pack whose bare family name stands for its best-known bearer, as real packs do ("Skywalker").
FAMILY_PACK = """\
name: Harbour Lights
characters:
  - name: Oskar Lind
    gender: M
    aliases: [Oskar, Lind]
  - name: Greta Lind
    gender: F
    aliases: [Greta]
  - name: Pell Haver
    gender: M
    aliases: [Pell]
"""


def test_a_family_name_goes_to_the_only_bearer_the_text_names(tmp_path: Path) -> None:
    (tmp_path / "harbour.yaml").write_text(FAMILY_PACK, encoding="utf-8")
    options = Options(fandom="Harbour Lights", pack_dirs=[str(tmp_path)])
    only_greta = (
        "Greta mended the nets on the quay. Pell watched the boats. Lind looked at the sea. Lind sighed."
    )
    work = _cast(only_greta, options)
    cast = _by_name(work)
    assert "Oskar Lind" not in cast
    assert _mentions_of(work, "Lind") == [cast["Greta Lind"].id] * 2
    # When the text names the pack's own bearer too, the pack's reading stands.
    both = "Greta mended the nets. Oskar watched the boats. Lind looked at the sea. Lind sighed."
    work = _cast(both, options)
    assert _mentions_of(work, "Lind") == [_by_name(work)["Oskar Lind"].id] * 2


def test_a_pack_given_name_the_text_gives_another_family_name_is_someone_else(tmp_path: Path) -> None:
    (tmp_path / "harbour.yaml").write_text(FAMILY_PACK, encoding="utf-8")
    options = Options(fandom="Harbour Lights", pack_dirs=[str(tmp_path)])
    namesake = (
        "Pell Ostrow opened the shop. Greta waved at him. Pell smiled back. "
        "At dusk Pell Ostrow locked the door, and Pell went home."
    )
    work = _cast(namesake, options)
    cast = _by_name(work)
    assert "Pell Haver" not in cast  # the pack's Pell is never this story's
    assert _mentions_of(work, "Pell") == [cast["Pell Ostrow"].id] * 2
    # Another family name written once could be a slip or someone passing: the pack's reading stands.
    once = "Pell Ostrow opened the shop. Greta waved at him. Pell smiled back. Pell went home."
    assert "Pell Haver" in _by_name(_cast(once, options))


NICKNAME_PACK = """\
name: Harbour Lights
characters:
  - name: Wenna Corr
    gender: F
    aliases: [Wenna, Corr]
    nicknames: [Wen]
"""


def test_a_pack_nickname_of_a_given_name_the_text_gives_another_family_name_is_someone_else(
    tmp_path: Path,
) -> None:
    # The pack's "Wen" is short for its Wenna Corr; a story that writes "Wenna Ostrow" twice and
    # otherwise "Wen" and "Wenna" means its own Wenna, never the pack's.
    (tmp_path / "harbour.yaml").write_text(NICKNAME_PACK, encoding="utf-8")
    options = Options(fandom="Harbour Lights", pack_dirs=[str(tmp_path)])
    namesake = (
        "Wenna Ostrow opened the shop. Wen waved at the boats. Wenna smiled back. "
        "At dusk Wenna Ostrow locked the door, and Wen went home."
    )
    cast = _by_name(_cast(namesake, options))
    assert "Wenna Corr" not in cast
    assert "Wenna Ostrow" in cast
    # Her pack family name written too: she is the pack's.
    hers = "Wenna Ostrow opened the shop. Corr waved at the boats. Wen smiled. Wenna Ostrow left."
    assert "Wenna Corr" in _by_name(_cast(hers, options))


def test_a_title_before_a_given_name_is_the_one_person_of_the_fuller_titled_name() -> None:
    # "King Aldric" far outnumbers "King Aldric Varrow", as a king is called, but is the same man;
    # the same title before the same surname ("Mr. John Knightley" beside "Mr. Knightley") is not.
    text = "King Aldric Varrow ruled the north. " + " ".join(
        f"King Aldric {verb} at the hall."
        for verb in ("stood", "sat", "smiled", "waited", "looked", "frowned", "ate")
    )
    cast = _by_name(_cast(text))
    assert [name for name in cast if "Aldric" in name] == ["King Aldric Varrow"]


# The same pack in a fandom that writes the family name first, as AO3 does for Japanese names.
FAMILY_FIRST_PACK = """\
name: Harbour Lights East
family_name_first: true
characters:
  - name: Lind Oskar
    gender: M
    aliases: [Oskar, Lind, Oskar Lind]
  - name: Lind Greta
    gender: F
    aliases: [Greta]
  - name: Haver Pell
    gender: M
    aliases: [Pell]
"""


def test_a_family_name_written_first_goes_to_the_only_bearer_the_text_names(tmp_path: Path) -> None:
    (tmp_path / "harbour.yaml").write_text(FAMILY_FIRST_PACK, encoding="utf-8")
    options = Options(fandom="Harbour Lights East", pack_dirs=[str(tmp_path)])
    work = _cast(
        "Greta mended the nets on the quay. Pell watched the boats. Lind looked at the sea. Lind sighed.",
        options,
    )
    cast = _by_name(work)
    assert "Lind Oskar" not in cast
    assert _mentions_of(work, "Lind") == [cast["Lind Greta"].id] * 2


def test_a_family_first_name_written_in_the_western_order_is_one_mention(tmp_path: Path) -> None:
    # The pack lists Greta's given name only and gives "Lind" alone to her brother: "Greta Lind" is
    # still hers as a whole, not her given name beside a mention of Oskar.
    (tmp_path / "harbour.yaml").write_text(FAMILY_FIRST_PACK, encoding="utf-8")
    options = Options(fandom="Harbour Lights East", pack_dirs=[str(tmp_path)])
    text = "Greta Lind mended the nets on the quay. Oskar watched the boats. Greta sighed."
    work = _cast(text, options)
    cast = _by_name(work)
    assert _mentions_of(work, "Greta Lind") == [cast["Lind Greta"].id]
    assert _mentions_of(work, "Lind") == []
    assert cast["Lind Oskar"].mentions == 1


def test_a_japanese_word_for_a_parent_or_sibling_is_nobody_of_its_own() -> None:
    # "Tou-san" and "Nii-chan" are "Dad" and "big brother": no character is called so.
    text = (
        "Reiko sat with Tou-san by the fire. Tou-san smiled at her. Later Tou-san slept, and Reiko "
        "played cards with Nii-chan. Nii-chan won again, and Reiko laughed."
    )
    assert set(_by_name(_cast(text))) == {"Reiko"}


def test_a_pack_may_still_give_a_family_word_to_the_one_it_means(tmp_path: Path) -> None:
    # A pack lists "Nii-san" as what the canon's younger brother calls the elder: it stays his.
    (tmp_path / "harbour.yaml").write_text(
        FAMILY_FIRST_PACK.replace(
            "aliases: [Oskar, Lind, Oskar Lind]",
            "aliases: [Oskar, Lind, Oskar Lind]\n    nicknames: [Nii-san]",
        ),
        encoding="utf-8",
    )
    options = Options(fandom="Harbour Lights East", pack_dirs=[str(tmp_path)])
    work = _cast('"Nii-san, wait!" Greta called. Oskar Lind kept walking. Nii-san never waited.', options)
    assert _mentions_of(work, "Nii-san") == [_by_name(work)["Lind Oskar"].id] * 2


def test_a_lower_case_nickname_said_to_someone_is_a_mention(pack_options: Options) -> None:
    text = 'Rowan sighed. "Cheer up, sparrow," Teo said. The sparrow on the fence sang, and "so sparrow."'
    work = _cast(text, pack_options)
    rowan = _by_name(work)["Rowan Birch"]
    assert [m.start for m in work.mentions if m.character == rowan.id and m.kind == "name"] == [
        0,
        text.index("sparrow"),
    ]


def test_a_pack_epithet_of_one_character_resolves_to_it(pack_options: Options) -> None:
    work = _cast("Teodor fixed the lock on the shed. Rowan thanked the locksmith with a pie.", pack_options)
    assert _mentions_of(work, "the locksmith") == [_by_name(work)["Teodor Vance"].id]


def test_pack_places_terms_and_endearments_are_not_characters(pack_options: Options) -> None:
    work = _cast(
        "Rowan walked down Lantern Street to the Copper Kettle. The Lamplighter was late again. "
        '"Hello, Petal," Teo said.',
        pack_options,
    )
    assert set(_by_name(work)) == {"Rowan Birch", "Teodor Vance"}


# ---------------------------------------------------------------- epithets and pronouns


def test_an_epithet_goes_to_the_recent_compatible_character() -> None:
    work = _cast(
        '"Hello," Helen said as she walked into the café. She looked around for Tom. '
        "Tom waved at her from a corner table; he had saved a seat. The blonde smiled and sat down."
    )
    assert _mentions_of(work, "The blonde") == [_by_name(work)["Helen"].id]


def test_an_epithet_after_an_indefinite_introduction_is_no_one_of_the_cast() -> None:
    work = _cast(
        "Nadia walked home alone. Then a vampire jumped out of the hedge. The vampire hissed at Nadia."
    )
    assert _mentions_of(work, "The vampire") == [None]


def test_salience_starts_afresh_with_each_scene() -> None:
    scene_one = (
        "At dawn Helen Marsh crossed the square and she bought bread. Later Helen Marsh went home.\n\n"
    )
    scene_two = "The baker counted the coins. She was tired."
    work = Work(text=scene_one + scene_two)
    work.scenes = [Scene(0, len(scene_one)), Scene(len(scene_one), len(work.text), "blank")]
    find_characters(work, Options())
    pronouns = [(work.span_text(m), m.character) for m in work.mentions if m.kind == "pronoun"]
    assert pronouns == [("she", work.characters[0].id), ("She", None)]


def test_pronoun_gender_comes_from_the_narration() -> None:
    work = _cast(
        "Tobias opened the door. He looked tired. Marta stood behind him. She held a lamp. "
        "Tobias said nothing; he went upstairs. Marta sighed and she followed."
    )
    cast = _by_name(work)
    assert cast["Tobias"].gender == "M"
    assert cast["Marta"].gender == "F"


def test_pronouns_resolve_to_the_latest_subject_of_their_gender() -> None:
    text = (
        '"At last," Tobias said when Marta reached the station. She carried his bag. '
        'He thanked her, and she laughed. "You are late," Marta said.'
    )
    work = _cast(text)
    marta, tobias = _by_name(work)["Marta"].id, _by_name(work)["Tobias"].id
    pronouns = [(work.span_text(m), m.character) for m in work.mentions if m.kind == "pronoun"]
    assert pronouns == [("She", marta), ("his", tobias), ("He", tobias), ("her", marta), ("she", marta)]


def test_pronouns_inside_speech_are_left_to_the_dialogue() -> None:
    work = _cast('Marta frowned. "He never calls," she said.')
    surfaces = [work.span_text(m) for m in work.mentions if m.kind == "pronoun"]
    assert surfaces == ["she"]


def test_first_person_narration_has_a_narrator() -> None:
    text = (
        "I never liked the sea. My father did, and he took me sailing every summer. "
        "I remember the cold most of all. Dana, my sister, was braver than me. She swam out past "
        "the rocks while I watched from the shore. I envied Dana."
    )
    work = _cast(text)
    narrators = [c for c in work.characters if c.narrator]
    assert len(narrators) == 1
    narrator_mentions = [m for m in work.mentions if m.kind == "narrator"]
    assert [work.span_text(m) for m in narrator_mentions] == ["I", "My", "me", "I", "my", "me", "I", "I"]
    assert {m.character for m in narrator_mentions} == {narrators[0].id}
    assert "Dana" in _by_name(work)


def test_a_first_person_narrator_is_named_by_how_others_address_them() -> None:
    items = [
        "salt",
        "bread",
        "knife",
        "lamp",
        "rope",
        "map",
        "kettle",
        "spoon",
        "blanket",
        "candle",
        "needle",
        "ladle",
    ]
    text = "".join(
        f'"Nell, pass the {item}," Tom said. I passed the {item} to him and I sat.\n\n' for item in items
    )
    work = _cast(text)
    cast = _by_name(work)
    assert set(cast) == {"Nell", "Tom"}
    assert cast["Nell"].narrator and not cast["Tom"].narrator
    assert {m.character for m in work.mentions if m.kind == "narrator"} == {cast["Nell"].id}


def test_third_person_narration_has_no_narrator() -> None:
    work = _cast('Dana laughed. "I told you so," she said. * I am never wrong * she thought.')
    assert not any(c.narrator for c in work.characters)
    assert not any(m.kind == "narrator" for m in work.mentions)


# ---------------------------------------------------------------- roster mode


def test_a_given_roster_is_used_as_is() -> None:
    roster = [Character(id="x1", name="Bea Lund", aliases=["Bea"]), Character(id="x2", name="Ove")]
    work = Work(text="Bea met Ove. Bea Lund laughed. Nobody else came.")
    find_characters(work, Options(roster=roster))
    assert [(c.id, c.mentions, c.first) for c in work.characters] == [("x1", 2, 0), ("x2", 1, 8)]
    assert roster[0].mentions == 0  # the caller's objects are not changed


@pytest.mark.parametrize(
    ("roster", "text", "found"),
    [
        # the cast files "Mr. Lund" under his wife's aliases too; his own entry is headed by it
        pytest.param(
            [
                Character(id="wife", name="Mrs. Lund", aliases=["Mr. Lund"], gender="F"),
                Character(id="husband", name="Mr. Lund", gender="M"),
            ],
            "Mrs. Lund sat down. Mr. Lund laughed.",
            [("Mrs. Lund", "wife"), ("Mr. Lund", "husband")],
            id="a-form-listed-for-two-goes-to-the-one-whose-headline-name-it-is",
        ),
        # the cast knows her by what the lines call her ("Your mother"); the narration says "his mother"
        pytest.param(
            [
                Character(id="mum", name="Mrs. Lund", aliases=["Your mother"], gender="F"),
                Character(id="boy", name="Bo", gender="M"),
            ],
            "Bo woke up. It was his mother. His mother smiled.",
            [("Bo", "boy"), ("his mother", "mum"), ("His mother", "mum")],
            id="a-cast-s-your-mother-is-his-or-her-mother-in-the-narration",
        ),
        # the cast says "Dr. Grant" and "Colonel Brandon"; the story writes the title the other way
        pytest.param(
            [
                Character(id="grant", name="Dr. Grant", gender="M"),
                Character(id="brandon", name="Colonel Brandon", gender="M"),
                Character(id="wife", name="Mrs. Grant", gender="F"),
            ],
            "Doctor Grant bowed. Col. Brandon and Mrs. Grant sat. Dr Grant laughed.",
            [
                ("Doctor Grant", "grant"),
                ("Col. Brandon", "brandon"),
                ("Mrs. Grant", "wife"),
                ("Dr Grant", "grant"),
            ],
            id="a-cast-title-is-found-in-its-other-spellings",
        ),
        # a familiar family word is a kin word as well ("Your mum" in the lines, "his mum" around)
        pytest.param(
            [
                Character(id="mum", name="Mrs. Lund", aliases=["Your mum"], gender="F"),
                Character(id="boy", name="Bo", gender="M"),
            ],
            "Bo woke up. It was his mum. His mum smiled.",
            [("Bo", "boy"), ("his mum", "mum"), ("His mum", "mum")],
            id="a-cast-s-your-mum-is-his-or-her-mum-in-the-narration",
        ),
    ],
)
def test_a_cast_s_forms_in_the_text(
    roster: list[Character], text: str, found: list[tuple[str, str | None]]
) -> None:
    work = Work(text=text)
    find_characters(work, Options(roster=roster))
    assert [(text[m.start : m.end], m.character) for m in work.mentions] == found


def _two_johns() -> list[Character]:
    # the cast lists the bare "John" for the man everybody calls by his surname
    return [
        Character(id="beaver", name="John Beaver", aliases=["John", "Beaver"]),
        Character(id="child", name="John Andrew"),
    ]


def test_a_shared_first_name_goes_to_whom_the_text_calls_by_it() -> None:
    text = "John Andrew rode his pony. " + "Beaver came to lunch. " * 12 + "John waved. Then John fell off."
    work = Work(text=text)
    find_characters(work, Options(roster=_two_johns()))
    bare = [m.character for m in work.mentions if text[m.start : m.end] == "John"]
    assert bare == ["child", "child"]  # Beaver goes by "Beaver", so the bare "John" is the boy


def test_a_shared_first_name_keeps_the_cast_s_owner_when_the_text_is_unclear() -> None:
    # "Beaver" alone only twice, "Andrew" never: too little to overrule the cast's own list
    text = "John Andrew rode his pony. Beaver came. Beaver left. John waved."
    work = Work(text=text)
    find_characters(work, Options(roster=_two_johns()))
    bare = [m.character for m in work.mentions if text[m.start : m.end] == "John"]
    assert bare == ["beaver"]


def test_a_given_name_the_cast_leaves_out_names_the_only_one_who_bears_it() -> None:
    roster = [
        Character(id="t", name="Thérèse Vaur"),
        Character(id="f", name="Thérèse Vaur's Father"),  # names another by her: no bearer
        Character(id="g", name="Young Gardener"),  # a description, not a given name
        Character(id="a", name="Ada Lund"),
        Character(id="b", name="Ada Berg"),  # two Adas: the bare "Ada" stays unknown
    ]
    text = "Th?r?se waved to Ada. The Young Gardener bowed; a young man smiled. Thérèse laughed."
    work = Work(text=text)
    find_characters(work, Options(roster=roster))
    found = [(text[m.start : m.end], m.character) for m in work.mentions]
    assert found == [("Th?r?se", "t"), ("Young Gardener", "g"), ("Thérèse", "t")]  # no bare "Ada"


def test_a_given_name_shared_with_a_baronet_names_the_untitled_one() -> None:
    roster = [
        Character(id="sir", name="Hugh Brand", aliases=["Sir Hugh", "Sir Hugh Brand"], gender="M"),
        Character(id="hugh", name="Hugh Vale", aliases=["Mr. Vale"], gender="M"),
        # his wife goes by his given name: no bearer of "Hugh" herself
        Character(id="wife", name="Nora", aliases=["Mrs. Hugh Vale"], gender="F"),
    ]
    text = "Sir Hugh rode in. Hugh laughed, and Mrs. Hugh Vale smiled at Sir Hugh."
    work = Work(text=text)
    find_characters(work, Options(roster=roster))
    found = [(text[m.start : m.end], m.character) for m in work.mentions]
    assert found == [("Sir Hugh", "sir"), ("Hugh", "hugh"), ("Mrs. Hugh Vale", "wife"), ("Sir Hugh", "sir")]


def test_a_bare_given_name_of_unknown_gender_is_the_full_named_entry_it_opens() -> None:
    roster = [
        Character(id="full", name="Reggie Vane", gender="M"),
        Character(id="bare", name="Reggie"),  # listed twice: the same man
        Character(id="wife", name="Hamid Begum", gender="F"),
        Character(id="man", name="Hamid", gender="M"),  # a known, different gender: another person
    ]
    text = "Reggie Vane sat down. Reggie laughed. Hamid and Hamid Begum came in."
    work = Work(text=text)
    find_characters(work, Options(roster=roster))
    found = [(text[m.start : m.end], m.character) for m in work.mentions]
    assert found == [("Reggie Vane", "full"), ("Reggie", "full"), ("Hamid", "man"), ("Hamid Begum", "wife")]


def test_a_bare_surname_of_unknown_gender_is_the_full_named_entry_it_ends() -> None:
    roster = [
        Character(id="full", name="Wooden Man", aliases=["Jonah Small"], gender="M"),
        Character(id="bare", name="Small"),  # listed twice: the same man by his surname
        Character(id="wife", name="Mrs. Vane", gender="F"),
        Character(id="vane", name="Vane"),  # beside only "Mrs. Vane": maybe her husband, kept
    ]
    text = "Jonah Small sat down. Small laughed. Vane and Mrs. Vane came in."
    work = Work(text=text)
    find_characters(work, Options(roster=roster))
    found = [(text[m.start : m.end], m.character) for m in work.mentions]
    assert found == [("Jonah Small", "full"), ("Small", "full"), ("Vane", "vane"), ("Mrs. Vane", "wife")]


def test_a_cast_without_genders_keeps_a_bare_given_name_entry_apart() -> None:
    # nobody's gender is given, so the bare "Reggie" having none says nothing
    roster = [Character(id="full", name="Reggie Vane"), Character(id="bare", name="Reggie")]
    text = "Reggie Vane sat down. Reggie laughed."
    work = Work(text=text)
    find_characters(work, Options(roster=roster))
    assert [m.character for m in work.mentions] == ["full", "bare"]


def test_a_bare_surname_listed_for_a_woman_is_the_man_who_bears_it() -> None:
    roster = [
        Character(id="wife", name="Mrs. Hale", aliases=["Hale"], gender="F"),
        Character(id="major", name="Major Hale", gender="M"),
    ]
    text = "Major Hale rode in. Hale laughed. Mrs. Hale smiled."
    work = Work(text=text)
    find_characters(work, Options(roster=roster))
    found = [(text[m.start : m.end], m.character) for m in work.mentions]
    assert found == [("Major Hale", "major"), ("Hale", "major"), ("Mrs. Hale", "wife")]


def test_a_family_surname_after_a_title_is_not_the_surname_alone() -> None:
    from fandex.characters import _surname_alone

    text = "Mrs. Maylie smiled. Rose Maylie sang. Maylie left. Harry Maylie stayed."
    assert _surname_alone(text, "Maylie") == 1


# ---------------------------------------------------------------- the real samples


def _analyse(path: Path) -> Work:
    return pipeline.run(readers.read_file(path), Options())


def test_all_talk_names_its_cast_as_the_pack_does(shared_samples: Path) -> None:
    work = _analyse(SAMPLE_ALL_TALK)
    cast = _by_name(work)
    # Read by hand: these six speak; Tara is only talked about, and so is an actor in a film.
    speakers = {"Willow Rosenberg", "Buffy Summers", "Spike", "Xander Harris", "Anya Jenkins", "Rupert Giles"}
    assert speakers <= set(cast)
    assert all(cast[name].canonical for name in speakers)
    assert set(cast) <= speakers | {"Tara Maclay", "Kurt Russell"}
    assert cast["Willow Rosenberg"].gender == "F" and cast["Spike"].gender == "M"
    # "Wills" is Willow's nickname; "the vampire" after "a vampire" is a nameless one.
    assert "Wills" in cast["Willow Rosenberg"].aliases
    assert not any(c.narrator for c in work.characters)


def test_one_line_sample_has_two_narrators(shared_samples: Path) -> None:
    work = _analyse(SAMPLE_ONE_LINE)
    narrators = [c.name for c in work.characters if c.narrator]
    assert narrators == ["Spike", "Buffy Summers"]
    spike = _by_name(work)["Spike"]
    first_me = work.text.index("condemn me") + len("condemn ")
    assert [m.character for m in work.mentions if m.start == first_me] == [spike.id]


def test_discovery_is_fast_on_a_long_text() -> None:
    paragraph = (
        'Mr. Abel Stone walked to the mill with Ruth Carver. "It is late," said Mr. Stone. '
        "Ruth shook her head; she had seen later nights. He laughed at her.\n\n"
    )
    work = Work(text=paragraph * 3000)  # about 100,000 words
    began = time.perf_counter()
    find_characters(work, Options())
    assert time.perf_counter() - began < 10
    assert {c.name for c in work.characters} == {"Mr. Abel Stone", "Ruth Carver"}


# ---------------------------------------------------------------- gender evidence


def test_a_common_given_name_tells_the_gender_over_a_stray_pronoun() -> None:
    # The first pronoun after Rosa is the man she phones: it must not make her male.
    text = (
        "Rosa picked up the phone. He answered on the first ring. Rosa listened for a while.\n\n"
        '"Fine," Rosa said, and put the phone down.\n'
    )
    assert _by_name(_cast(text))["Rosa"].gender == "F"


def test_a_common_given_name_outweighs_a_few_pronouns_of_the_man_beside_her() -> None:
    # Each "he" is her husband, but the only name in reach is Fanny's: five votes against her.
    scene = "Fanny frowned at the letter. He had written it badly. "
    text = scene * 5 + '"Nonsense," said Fanny, and she tore it up.'
    assert _by_name(_cast(text))["Fanny"].gender == "F"


def test_pronouns_after_a_name_used_with_the_tell_its_gender() -> None:
    text = (
        "The Dodger grinned. He pocketed the watch. "
        '"Come on," said the Dodger. The Dodger ran, and he laughed. The Dodger was gone; he was quick.'
    )
    assert _by_name(_cast(text))["Dodger"].gender == "M"
    # ...from the narration itself, before any pronoun is resolved.
    discovery = _Discovery(Work(text=text), None)
    discovery.run()
    assert [cluster.gender() for cluster in discovery._clusters] == ["M"]


def test_a_mrs_is_not_the_man_of_her_surname() -> None:
    work = _cast(
        "Mordecai Smith pushed the boat out. Mrs. Smith watched from the door. "
        '"He\'s late," said Mrs. Smith. Mordecai Smith did not answer.'
    )
    assert set(_by_name(work)) == {"Mordecai Smith", "Mrs. Smith"}


def test_miss_and_a_surname_is_not_the_younger_daughter_called_miss_and_her_given_name() -> None:
    work = _cast(
        "Marianne Dashwood ran to the window; she laughed. Miss Marianne was always first. "
        "Elinor smiled at her. Miss Dashwood said nothing; she was tired. Marianne sighed. "
        '"Come away," said Miss Dashwood.'
    )
    cast = _by_name(work)
    assert "Miss Dashwood" in cast
    assert set(cast["Marianne Dashwood"].aliases) == {"Marianne", "Miss Marianne"}


def test_a_lady_of_a_surname_is_not_the_young_woman_of_that_family() -> None:
    work = _cast(
        "Cassandra Otway laughed, and she ran down the stairs. Lady Otway sighed; she was tired. "
        '"Cassandra," said Lady Otway. Cassandra stopped. Lady Otway smiled at her.'
    )
    cast = _by_name(work)
    assert set(cast) == {"Cassandra Otway", "Lady Otway"}
    assert set(cast["Cassandra Otway"].aliases) == {"Cassandra"}


def test_a_name_only_ever_opening_sentences_is_a_person_when_it_is_a_given_name() -> None:
    text = "Nadia closed the shop. Nadia counted the till twice before going home.\n"
    cast = _by_name(_cast(text))
    assert "Nadia" in cast and cast["Nadia"].gender == "F"


def test_one_pronoun_does_not_fix_the_gender_of_an_unfamiliar_name() -> None:
    text = "At dawn Orlaith crossed the yard. He was waiting by the gate. Then Orlaith nodded and went in.\n"
    assert _by_name(_cast(text))["Orlaith"].gender == "U"


def test_exclamations_feasts_and_feelings_are_not_people() -> None:
    text = (
        "The verse ran on, and Behold the king, it said. Laila meant to stay until Midsummer, "
        "as Laila told everyone. Instinct told Laila to wait.\n\n"
        '"Happy?" Laila asked. Then she laughed.\n'
    )
    assert set(_by_name(_cast(text))) == {"Laila"}


def test_a_pack_surname_in_the_plural_is_a_family(pack_options: Options) -> None:
    text = (
        "Ilse opened the shop. The windows of Marrs' Wool Shop were dark, and Ilse swept the "
        "floor. She sighed. Marrs' Wool Shop had seen better days.\n"
    )
    assert set(_by_name(_cast(text, pack_options))) == {"Ilse Marr"}


def test_a_nickname_is_never_its_own_speakers_vocative(pack_options: Options) -> None:
    text = (
        "Ilse leaned on the gate. Rowan came up the path.\n\n"
        '"Morning, Sparrow," Rowan said, grinning at her.\n\n'
        "Teodor always called Rowan Sparrow.\n"
    )
    work = _cast(text, pack_options)
    rowan = _by_name(work)["Rowan Birch"].id
    said = text.index("Sparrow")
    told = text.rindex("Sparrow")
    by_offset = {m.start: m.character for m in work.mentions}
    # Rowan does not greet herself: the one said is not hers (nor anybody's the pack knows);
    # the narration's one is.
    assert by_offset.get(said) != rowan
    assert by_offset[told] == rowan
    assert "Sparrow" not in _by_name(work)


def test_initials_used_as_a_name_are_a_character_but_shouting_is_not() -> None:
    work = _cast(
        "AJ rolled over in bed. JC was singing again. AJ sighed and said nothing. "
        'JC grinned at him. "GET OUT NOW," AJ yelled. JC laughed. Chapter IV was over.'
    )
    names = set(_by_name(work))
    assert {"AJ", "JC"} <= names
    assert not names & {"GET", "OUT", "NOW", "IV"}
    assert _mentions_of(work, "AJ") == [_by_name(work)["AJ"].id] * 3


def test_a_name_after_a_place_word_still_makes_a_pronoun_ambiguous() -> None:
    # "she" after "next to Wren" may be Wren: it must not vote for Tobin, who is a man.
    work = _cast(
        "Tobin sat next to Wren, and she smiled. Tobin looked at Wren, and she laughed. "
        "Tobin waited beside Wren, and she sang. Tobin stood near Wren, and she nodded. "
        "Tobin grinned. He was happy. Tobin stretched. He yawned. Tobin left. He was tired."
    )
    assert _by_name(work)["Tobin"].gender == "M"


def test_a_possessive_after_a_preposition_is_a_person_not_a_place() -> None:
    # "in Tobias's lap": the lap is the place, so "in" is no vote that Tobias is one; a possessive
    # standing alone ("to Greta's for the night": her house) still is.
    work = _cast(
        'Mira dozed off with her boots in Tobias\'s lap. Tobias turned the page quietly. "Go to bed, Tobias."'
    )
    assert "Tobias" in _by_name(work)
    work = _cast(
        "Mira took the children to Greta's for the night. She came back alone and slept. "
        "In the morning Mira walked to Greta's again."
    )
    assert "Greta" not in _by_name(work)


def test_a_verb_run_into_a_name_is_no_part_of_it() -> None:
    # "Corwin’d" and "Corwin'll" are Corwin plus "would"/"will", not a second person named so.
    work = _cast(
        "Corwin’d never liked the harbour. Mara waited for him. Corwin'll be late, Mara thought, "
        "and Corwin’d say the tide held him. Mara laughed at Corwin."
    )
    cast = _by_name(work)
    assert set(cast) == {"Corwin", "Mara"}
    named = [
        work.span_text(m) for m in work.mentions if m.character == cast["Corwin"].id and m.kind == "name"
    ]
    assert named == ["Corwin"] * 4


def test_a_run_of_name_particles_stays_inside_the_name() -> None:
    text = (
        'Pieter van der Berg opened the gate. "Late again," said Pieter van der Berg.\n\n'
        "Luis de la Cruz laughed at him. Later Luis de la Cruz left, and Pieter van der Berg "
        "locked the gate behind Luis de la Cruz.\n"
    )
    names = set(_by_name(_cast(text)))
    assert {"Pieter van der Berg", "Luis de la Cruz"} <= names
    assert not names & {"Berg", "Cruz"}


def test_a_family_name_with_a_lower_case_article_is_a_name() -> None:
    text = (
        'The door opened and al-Rashid walked in. Tom looked up at al-Rashid. "You are late," '
        "said al-Rashid. Tom shrugged, and al-Rashid sat down beside him.\n\n"
        'Later, al-Rashid and Tom went home. "Goodnight," said al-Rashid.\n'
    )
    assert "al-Rashid" in _by_name(_cast(text))


def test_an_oath_at_a_sentence_start_is_no_one() -> None:
    # Sworn again and again, a capitalised oath acts like a name ("Fuck, she thought") but is none.
    text = (
        "Fuck, Mara thought, and kicked the door. Fuck said everything. "
        '"Fuck," Mara said again. Shit, she thought. Shit happened. Fuck was all she had left.'
    )
    cast = _by_name(_cast(text))
    assert "Mara" in cast
    assert "Fuck" not in cast and "Shit" not in cast


def test_a_cast_description_written_as_a_sentence_is_found_within_one() -> None:
    # the cast lists "The doctor" and "Our guide": the narration writes "the doctor", "our guide";
    # "The Ferry Man" is a label, so "the ferry man" is not it
    roster = [
        Character(id="doc", name="The doctor", gender="M"),
        Character(id="guide", name="Our guide", gender="M"),
        Character(id="ferry", name="The Ferry Man", gender="M"),
    ]
    text = "Then the doctor felt his pulse. Our guide waited while the ferry man rowed and our guide sang."
    work = Work(text=text)
    find_characters(work, Options(roster=roster))
    found = [(text[m.start : m.end], m.character) for m in work.mentions]
    assert found == [("the doctor", "doc"), ("Our guide", "guide"), ("our guide", "guide")]


# ---------------------------------------------------------------- crossovers: every fandom's pack

# Two small packs of invented fandoms that share a given name ("Lucy"), for crossover stories.
EMBER_PACK = """\
name: Ember Vale
characters:
  - name: Lucy Vane
    gender: F
    aliases: [Lucy, Vane]
  - name: Orin Ashdown
    gender: M
    aliases: [Orin]
    epithets: [the smith]
places: [Cinderholt]
"""
TIDE_PACK = """\
name: Tidewater
characters:
  - name: Lucy Marsh
    gender: F
    aliases: [Lucy]
  - name: Tobias Crane
    gender: M
    aliases: [Tobias]
    epithets: [the smith]
places: [Saltmere]
"""
# Far more than _CROSSOVER_REACH characters of narration that names nobody.
_FILLER = "The rain kept falling on the roofs and nobody came. " * 50


def _crossover(text: str, fandom_names: list[str], tmp_path: Path) -> Work:
    (tmp_path / "ember.yaml").write_text(EMBER_PACK, encoding="utf-8")
    (tmp_path / "tide.yaml").write_text(TIDE_PACK, encoding="utf-8")
    work = Work(text=text)
    work.fandoms = [FandomGuess(name=name, confidence=1.0) for name in fandom_names]
    find_characters(work, Options(pack_dirs=[str(tmp_path)]))
    return work


def test_a_crossover_names_characters_from_every_fandoms_pack(tmp_path: Path) -> None:
    text = "Orin lit the forge. Tobias rowed across the bay. Orin waved to Tobias, and Tobias waved back."
    cast = _by_name(_crossover(text, ["Ember Vale", "Tidewater"], tmp_path))
    assert cast["Orin Ashdown"].canonical
    assert cast["Tobias Crane"].canonical  # the second fandom's pack is read too


def test_a_single_fandom_story_does_not_take_another_packs_characters(tmp_path: Path) -> None:
    text = "Orin lit the forge. Tobias rowed across the bay. Orin waved to Tobias. Lucy laughed."
    work = _crossover(text, ["Ember Vale"], tmp_path)
    cast = _by_name(work)
    assert "Tobias Crane" not in cast
    assert "Lucy Marsh" not in cast
    assert _mentions_of(work, "Lucy") == [cast["Lucy Vane"].id]


def test_a_name_both_canons_use_goes_to_the_canon_named_nearby(tmp_path: Path) -> None:
    text = (
        "Orin lit the forge. Lucy brought him coal. Orin thanked her. "
        + _FILLER
        + "Tobias rowed across the bay. Lucy sat in the boat. Tobias sang to her."
    )
    work = _crossover(text, ["Ember Vale", "Tidewater"], tmp_path)
    cast = _by_name(work)
    assert _mentions_of(work, "Lucy") == [cast["Lucy Vane"].id, cast["Lucy Marsh"].id]


def test_a_shared_name_far_from_either_canon_goes_to_the_one_the_text_uses_most(tmp_path: Path) -> None:
    # Tidewater is declared first, but the story names more of Ember Vale (Orin and Cinderholt).
    text = "Orin walked home to Cinderholt. Tobias rowed past. Orin slept. " + _FILLER + "Lucy laughed."
    work = _crossover(text, ["Tidewater", "Ember Vale"], tmp_path)
    cast = _by_name(work)
    assert _mentions_of(work, "Lucy") == [cast["Lucy Vane"].id]
    assert "Lucy Marsh" not in cast


def test_an_epithet_each_canon_gives_one_of_its_own_means_neither_in_a_crossover(tmp_path: Path) -> None:
    text = "Orin lit the forge. Tobias rowed across the bay. Orin waved to Tobias. Later the smith laughed."
    work = _crossover(text, ["Ember Vale", "Tidewater"], tmp_path)
    assert _mentions_of(work, "the smith") == []
    # In a story of one of the two canons the epithet is its character's.
    work = _crossover(text, ["Ember Vale"], tmp_path)
    assert _mentions_of(work, "the smith") == [_by_name(work)["Orin Ashdown"].id]


# ---------------------------------------------------------------- speakers known by a description


def test_a_speaker_known_only_by_a_description_in_tags_joins_the_cast() -> None:
    text = (
        "Wren crossed the marsh at dusk. A man rose from the reeds.\n\n"
        '"Keep still," said the man.\n\n'
        '"Who are you?"\n\n'
        '"Nobody you know," the man said. "Give me the bread."'
    )
    work = _cast(text)
    cast = _by_name(work)
    assert cast["The Man"].gender == "M"
    # the tags the salience pass left open are the new character's mentions
    assert _mentions_of(work, "the man") == [cast["The Man"].id, cast["The Man"].id]


def test_a_description_the_narration_gives_to_a_named_person_makes_no_new_character() -> None:
    text = (
        "Mrs. Quill walked into the kitchen. Mrs. Quill sat down by the stove.\n\n"
        '"It is cold tonight," said the woman.'
    )
    work = _cast(text)
    assert "The Woman" not in _by_name(work)
    assert _mentions_of(work, "the woman") == [_by_name(work)["Mrs. Quill"].id]


def test_a_description_heard_across_the_story_makes_no_new_character(monkeypatch: pytest.MonkeyPatch) -> None:
    scene = 'A man rose from the reeds.\n\n"Keep still," said the man.\n\n'
    filler = "The rain fell on the marsh for a long time.\n\n"
    monkeypatch.setattr(characters, "DESCRIBED_SPEAKER_REACH", 300)
    assert "The Man" in _by_name(_cast(scene + filler + scene))
    assert "The Man" not in _by_name(_cast(scene + filler * 10 + scene))


def test_a_description_after_a_named_person_of_its_gender_must_be_met_as_someone_new() -> None:
    talk = '"Keep still," said the man.\n\n"Who are you?"\n\n"Nobody you know," the man said.'
    named = "Mr. Hale walked out across the marsh. Mr. Hale stopped by the water.\n\n"
    far = "The rain fell on the marsh for a long time. " * 30 + "\n\n"
    assert "The Man" not in _by_name(_cast(named + far + talk))
    assert "The Man" in _by_name(_cast(named + far + "A man rose from the reeds.\n\n" + talk))


def test_a_description_that_opens_the_story_needs_one_tag_and_is_every_open_use() -> None:
    text = (
        "The boy walked all night across the marsh. At dawn the boy sat down by the road.\n\n"
        '"I am hungry," said the boy.'
    )
    work = _cast(text)
    boy = _by_name(work)["The Boy"]
    assert boy.gender == "M"
    assert _mentions_of(work, "the boy") == [boy.id, boy.id]


def test_a_capitalised_adjective_in_mid_sentence_opens_a_nickname() -> None:
    text = (
        "The riders came in at noon. Then Big Medicine climbed down and looked at the corral.\n\n"
        '"You are late," said Big Medicine. Little trouble came of it, and Big Medicine laughed.'
    )
    cast = _by_name(_cast(text))
    assert "Big Medicine" in cast
    assert "Medicine" not in cast
    assert not any(name.startswith("Little") for name in cast)  # at a sentence start: a plain word


def test_a_nickname_seen_in_mid_sentence_keeps_its_adjective_at_a_sentence_start() -> None:
    text = (
        'Big Medicine bellowed at the horses. "Hold still!"\n\n'
        "Nobody answered him, and Pink glanced at Big Medicine and grinned."
    )
    cast = _by_name(_cast(text))
    assert "Big Medicine" in cast
    assert "Medicine" not in cast
