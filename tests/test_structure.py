from __future__ import annotations

import pytest

from fandex.options import Options
from fandex.structure import RULE_LINE, find_structure, recover_paragraphs
from fandex.work import Chapter, Work


def _structure(text: str, body_start: int = 0, source_format: str = "text") -> Work:
    work = Work(text=text, source_format=source_format)
    work.metadata.body_start = body_start
    find_structure(work, Options())
    return work


def _paragraph_texts(work: Work) -> list[str]:
    return [work.span_text(p) for p in work.paragraphs]


# ---------------------------------------------------------------- paragraphs


def test_blank_line_paragraphs_exclude_surrounding_whitespace() -> None:
    work = _structure("  First one.  \n\n\tSecond one.\n\n\nThird one.\n")
    assert _paragraph_texts(work) == ["First one.", "Second one.", "Third one."]


def test_only_the_body_is_paragraphs() -> None:
    text = "Title: T\n\nThe story.\n\nMore story.\n"
    work = _structure(text, body_start=text.index("The story"))
    assert _paragraph_texts(work) == ["The story.", "More story."]


def test_one_paragraph_per_line_when_lines_are_not_wrapped() -> None:
    long_line = "She walked to the window and looked out at the street below, where nothing moved at all."
    text = f'{long_line} {long_line}\n"Hi."\n{long_line} {long_line}\n'
    work = _structure(text)
    assert len(work.paragraphs) == 3
    assert _paragraph_texts(work)[1] == '"Hi."'


WRAPPED = """The lamps on the street had been out for a week, and the city kept
promising to fix them. Ann had stopped believing the city about
anything at all. She walked on the outside of the pavement.

"You're doing the thing," Beth said.

"What thing?" Ann asked, and walked a little faster, because the
shadows were thicker here and one of them had been keeping pace with
them since the corner.
"""


def test_hard_wrapped_paragraphs_with_blank_lines() -> None:
    work = _structure(WRAPPED)
    texts = _paragraph_texts(work)
    assert len(texts) == 3
    assert texts[0].startswith("The lamps") and texts[0].endswith("outside of the pavement.")
    assert texts[2].endswith("since the corner.")


INDENTED = """   The lamps on the street had been out for a week, and the city kept
promising to fix them. Ann had stopped believing the city about
anything at all.
   "You're doing the thing," Beth said. "The walking-too-close
thing."
   "What thing?" Ann asked, and walked a little faster, because the
shadows were thicker here.

   Later, at the gate, she stopped and turned around. The shadow
stopped too, a heartbeat too late to be a tree.
"""


def test_indented_paragraphs_without_blank_lines() -> None:
    work = _structure(INDENTED)
    texts = _paragraph_texts(work)
    assert [t[:12] for t in texts] == ["The lamps on", "\"You're doin", '"What thing?', "Later, at th"]
    # paragraphs on consecutive lines: the single blank line is a scene break
    assert [s.break_kind for s in work.scenes] == [None, "blank"]


SHORT_LINES = """The lamps on the street had been out for a week, and the city kept
promising to fix them. Ann had stopped believing the city.
She walked on the outside of the pavement with her sister inside,
near the hedges, where the shadows could not reach her easily.
Nobody spoke.
Beth counted the houses under her breath as they went along, one
after another, until they reached the gate at the end of the road.
"""


def test_wrapped_paragraphs_end_at_lines_that_ended_early() -> None:
    work = _structure(SHORT_LINES)
    texts = _paragraph_texts(work)
    assert len(texts) == 3
    # W is 67 here: "She" would have fitted after "...believing the city." (58 characters), so that
    # line ended its paragraph; "Nobody spoke." is far shorter than W.
    assert texts[0].endswith("believing the city.")
    assert texts[1].endswith("Nobody spoke.")
    assert texts[2].startswith("Beth counted")


def test_no_paragraph_covers_a_blank_line_or_an_ornament() -> None:
    work = _structure("One.\n\n* * *\n\nTwo.\n\n\nThree.\n")
    for paragraph in work.paragraphs:
        assert "\n\n" not in work.span_text(paragraph)
        assert "* * *" not in work.span_text(paragraph)


# ---------------------------------------------------------------- lost line breaks


def test_recovered_paragraphs_at_narrator_headings_and_dialogue() -> None:
    narration = "I walked home. The sky was grey. "
    text = (
        "Mara Before the storm I was happy. "
        + narration * 2
        + '"Stop," he said. I stopped. '
        + "Lee He never listened to me. "
        + narration * 2
    )
    spans = recover_paragraphs(text, 0, len(text.rstrip()))
    texts = [text[s:e] for s, e in spans]
    assert texts[0] == "Mara"
    assert texts[1].startswith("Before the storm") and texts[1].endswith("The sky was grey.")
    assert texts[2] == '"Stop," he said. I stopped.'
    assert texts[3] == "Lee"
    assert texts[4].startswith("He never listened")
    assert len(texts) == 5


def test_recovered_paragraphs_stay_short() -> None:
    sentence = "The river ran on past the mill and the bridge and the church. "
    text = sentence * 40
    spans = recover_paragraphs(text, 0, len(text) - 1)
    assert all(end - start <= 500 for start, end in spans)
    assert all(text[start:end].endswith("church.") for start, end in spans)
    # every sentence is in exactly one paragraph
    assert sum(text[start:end].count("church.") for start, end in spans) == 40


def test_a_story_on_one_line_gets_its_paragraphs_back() -> None:
    text = "Mara The night was cold and I was alone with it. " * 60
    work = _structure(text)
    assert len(work.paragraphs) > 10
    assert len(work.scenes) == 1 and len(work.chapters) == 1


# ---------------------------------------------------------------- scenes


def test_scene_breaks_by_ornament_and_by_extra_blank_lines() -> None:
    text = (
        "A one.\n\nA two.\n\n\nB one.\n\n~ ~ ~ ~ ~ ~\n\nC one.\n\n* Not a break * she thought.\n\nC three.\n"
    )
    work = _structure(text)
    assert [s.break_kind for s in work.scenes] == [None, "blank", "ornament"]
    assert [work.span_text(s)[:6] for s in work.scenes] == ["A one.", "B one.", "C one."]
    assert work.span_text(work.scenes[-1]).endswith("C three.")


def test_blank_runs_are_breaks_only_when_longer_than_usual() -> None:
    text = "A.\n\n\nB.\n\n\nC.\n\n\nD.\n\n\n\nE.\n"
    work = _structure(text)
    # two blank lines is this story's paragraph separator; four is a break
    assert [s.break_kind for s in work.scenes] == [None, "blank"]


def test_a_block_that_lost_its_line_breaks_does_not_make_every_blank_line_a_break() -> None:
    # one long line cut into many paragraphs, then paragraphs a blank line apart: the cuts were no
    # zero-blank-line separators written by the author, so one blank line stays the separator
    block = "The river ran on past the mill and the bridge and the church. " * 40
    text = block + '\n\n"Rain again," said Mara.\n\n"It never stops."\n\n"Let us stay in."\n'
    work = _structure(text)
    assert len(work.paragraphs) > 5
    assert len(work.scenes) == 1


def test_html_rule_line() -> None:
    text = "One.\n\n* * *\n\nTwo.\n"
    assert [s.break_kind for s in _structure(text, source_format="html").scenes] == [None, "rule"]
    assert [s.break_kind for s in _structure(text, source_format="text").scenes] == [None, "ornament"]


def test_ornament_at_the_start_makes_no_empty_scene() -> None:
    work = _structure("* * *\n\nOne.\n\nTwo.\n")
    assert len(work.scenes) == 1
    assert work.scenes[0].break_kind is None


# ---------------------------------------------------------------- chapters


def test_chapters_from_headings_and_heading_lines_are_no_paragraphs() -> None:
    text = "Prologue\n\nBefore.\n\nChapter 1: Start\n\nOne.\n\nMore one.\n\nChapter Two\n\nTwo.\n"
    work = _structure(text)
    assert [(c.number, c.title) for c in work.chapters] == [(None, "Prologue"), (1, "Start"), (2, None)]
    assert _paragraph_texts(work) == ["Before.", "One.", "More one.", "Two."]
    assert [s.break_kind for s in work.scenes] == [None, "chapter", "chapter"]
    assert work.span_text(work.chapters[1]).startswith("Chapter 1: Start")
    assert work.span_text(work.chapters[1]).endswith("More one.")
    assert work.span_text(work.chapters[2]).endswith("Two.")


def test_numbered_titles_in_sequence_are_chapters() -> None:
    text = "1. The Road\n\nWalking.\n\n2. The River\n\nSwimming.\n\n3. Home\n\nSleeping.\n"
    work = _structure(text)
    assert [(c.number, c.title) for c in work.chapters] == [(1, "The Road"), (2, "The River"), (3, "Home")]
    assert len(work.paragraphs) == 3


def test_a_lone_numbered_line_is_not_a_chapter() -> None:
    work = _structure("Walking.\n\n3. The River\n\nSwimming.\n")
    assert len(work.chapters) == 1
    assert len(work.paragraphs) == 3


def test_one_chapter_spans_the_body_without_headings() -> None:
    text = "Title: T\n\nOne.\n\nTwo.\n"
    work = Work(text=text)
    work.metadata.body_start = text.index("One")
    work.metadata.chapter = 4
    find_structure(work, Options())
    assert len(work.chapters) == 1
    assert work.span_text(work.chapters[0]) == "One.\n\nTwo."
    assert work.chapters[0].number == 4


def test_a_readers_chapters_are_kept() -> None:
    text = "First\n\nOne.\n\nSecond\n\nTwo.\n"
    work = Work(text=text, source_format="epub")
    work.chapters = [Chapter(0, 11, 1, "First"), Chapter(13, len(text) - 1, 2, "Second")]
    find_structure(work, Options())
    assert [(c.number, c.title) for c in work.chapters] == [(1, "First"), (2, "Second")]
    assert _paragraph_texts(work) == ["One.", "Two."]  # the titles written as lines are headings
    assert [s.break_kind for s in work.scenes] == [None, "chapter"]


def test_empty_body() -> None:
    work = _structure("Title: T\n\n   \n", body_start=8)
    assert (work.chapters, work.scenes, work.paragraphs) == ([], [], [])


def test_a_title_on_the_lines_under_a_bare_heading() -> None:
    text = "CHAPTER I.\nDown the Hole\n\nShe fell.\n\nCHAPTER II.\nIN WHICH WE MEET\nA FRIEND\n\nHe waved.\n"
    work = _structure(text)
    assert [(c.number, c.title) for c in work.chapters] == [
        (1, "Down the Hole"),
        (2, "IN WHICH WE MEET A FRIEND"),
    ]
    assert _paragraph_texts(work) == ["She fell.", "He waved."]


def test_a_story_straight_under_a_heading_is_not_its_title() -> None:
    text = 'Chapter 1\nShe fell down the hole.\n\nChapter 2\nHe waved\n"Hello," he said.\n\nMore.\n'
    work = _structure(text)
    assert [(c.number, c.title) for c in work.chapters] == [(1, None), (2, None)]
    assert _paragraph_texts(work) == ["She fell down the hole.", "He waved", '"Hello," he said.', "More."]


def test_bare_roman_numerals_in_sequence_are_chapters() -> None:
    text = "I\n\nA parrot spoke.\n\nII\n\nThe sea was calm.\n\nIII\n\nShe swam out.\n"
    work = _structure(text)
    assert [c.number for c in work.chapters] == [1, 2, 3]
    assert len(work.paragraphs) == 3


def test_the_rule_line_is_the_one_html_readers_write() -> None:
    from fandex.readers.htmltext import SCENE_BREAK_LINE

    assert RULE_LINE == SCENE_BREAK_LINE


@pytest.mark.parametrize("line", ["---", "* * *", "oOo"])
def test_markdown_breaks_are_the_authors_ornaments(line: str) -> None:
    # A Markdown text is the author's own file: no reader wrote its break lines.
    work = _structure(f"One.\n\n{line}\n\nTwo.\n", source_format="markdown")
    assert [s.break_kind for s in work.scenes] == [None, "ornament"]


def test_a_long_line_of_few_sentences_stays_one_paragraph() -> None:
    # 2,600 characters but only five sentences: a long paragraph, not a story without line breaks
    sentence = "and the river ran on " * 25
    text = "".join(f"{sentence.capitalize().strip()}. " for _ in range(5)) + "\n"
    work = _structure(text)
    assert len(work.paragraphs) == 1


def test_a_paragraph_repeating_a_chapter_title_later_stays_a_paragraph() -> None:
    text = "Run\n\nShe ran.\n\nRun\n\nHe ran too.\n"
    work = Work(text=text, source_format="epub")
    work.chapters = [Chapter(0, len(text) - 1, 1, "Run")]
    find_structure(work, Options())
    assert _paragraph_texts(work) == ["She ran.", "Run", "He ran too."]


# ---------------------------------------------------------------- author's matter in the body


def _note_texts(work: Work) -> list[str]:
    return [work.span_text(note) for note in work.notes]


def test_notes_under_a_chapter_heading_are_not_story() -> None:
    text = (
        "Chapter 1\n\n"
        "A/N: my thanks to Lou, who read this twice.\n\n"
        "Disclaimer: the people here are not mine.\n\n"
        "Ann locked the door behind her.\n\n"
        "The hall was dark.\n"
    )
    work = _structure(text)
    assert _paragraph_texts(work) == ["Ann locked the door behind her.", "The hall was dark."]
    assert _note_texts(work) == [
        "A/N: my thanks to Lou, who read this twice.",
        "Disclaimer: the people here are not mine.",
    ]
    assert work.text == text  # standoff: nothing cut out
    assert work.metadata.notes == "my thanks to Lou, who read this twice."
    assert work.metadata.disclaimer == "the people here are not mine."
    # The chapter still spans its notes; the scene starts at the story.
    assert work.chapters[0].end == len(text.rstrip())
    assert [work.scenes[0].start] == [text.index("Ann locked")]


@pytest.mark.parametrize(
    "closing",
    [
        "TBC",
        "To be continued...",
        "~ The End ~",
        "THE END",
        "Please review!",
        "Review please :)",
        "Feedback is love.",
        "R&R!",
        "(A/N: the next part comes out on Friday.)",
        "Thanks for reading, everyone!",
        "End of chapter 4",
    ],
)
def test_closing_matter_after_the_last_paragraph(closing: str) -> None:
    text = f"Ann slept.\n\nBeth did not.\n\n{closing}\n"
    work = _structure(text)
    assert _paragraph_texts(work) == ["Ann slept.", "Beth did not."]
    assert _note_texts(work) == [closing]
    assert work.scenes[-1].end == text.index("not.") + len("not.")


def test_closing_matter_of_each_chapter_and_an_ornament_among_it() -> None:
    text = (
        "Chapter 1\n\nAnn slept.\n\n* * *\n\nA/N: short one, sorry.\n\nTBC\n\n"
        "Chapter 2\n\nBeth woke.\n\nThe End\n\nPlease review :)\n"
    )
    work = _structure(text)
    assert _paragraph_texts(work) == ["Ann slept.", "Beth woke."]
    assert _note_texts(work) == ["A/N: short one, sorry.", "TBC", "The End", "Please review :)"]
    assert [scene.break_kind for scene in work.scenes] == [None, "chapter"]
    assert [chapter.number for chapter in work.chapters] == [1, 2]


def test_the_headers_notes_are_kept_over_later_ones() -> None:
    work = Work(text="Ann slept.\n\nA/N: a later note.\n", source_format="text")
    work.metadata.notes = "From the header."
    find_structure(work, Options())
    assert work.metadata.notes == "From the header."
    assert _note_texts(work) == ["A/N: a later note."]


@pytest.mark.parametrize(
    "story_line",
    [
        '"Please review the file tonight," Giles said.',
        "Note to self: never trust a vampire.",
        "Notes were passed along the back row all through the lesson.",
        "She left a review of the diner on the way out.",
        "Thanks to the storm, the road was closed until noon.",
        "In the end, nobody came.",
        "The end of the road was a gate.",
        "Review the map, she thought, then the tunnels.",
    ],
)
def test_story_lines_that_look_a_little_like_notes_stay_story(story_line: str) -> None:
    text = f"Chapter 1\n\n{story_line}\n\nAnn slept.\n\n{story_line}\n"
    work = _structure(text)
    assert work.notes == []
    assert _paragraph_texts(work) == [story_line, "Ann slept.", story_line]
    assert work.metadata.notes is None


def test_notes_in_the_middle_of_a_chapter_stay_story() -> None:
    # Only the matter opening or closing a chapter is the author's; one inside is left as written.
    text = "Ann slept.\n\nA/N: odd place for a note.\n\nBeth woke.\n"
    work = _structure(text)
    assert len(work.paragraphs) == 3
    assert work.notes == []


def test_a_text_that_is_all_notes_keeps_its_paragraphs() -> None:
    text = "A/N: this story is on hiatus.\n\nThanks for reading it so far.\n"
    work = _structure(text)
    assert _paragraph_texts(work) == ["A/N: this story is on hiatus.", "Thanks for reading it so far."]
    assert work.notes == []


def test_a_readers_chapters_bound_the_closing_matter() -> None:
    text = "Ann slept.\n\nTBC\n\nBeth woke.\n\nThe End\n"
    work = Work(text=text, source_format="html")
    second = text.index("Beth")
    work.chapters = [Chapter(0, second - 2, number=1), Chapter(second, len(text) - 1, number=2)]
    find_structure(work, Options())
    assert _paragraph_texts(work) == ["Ann slept.", "Beth woke."]
    assert _note_texts(work) == ["TBC", "The End"]


def test_the_notes_layer_survives_json() -> None:
    work = _structure("Ann slept.\n\nTBC\n")
    again = Work.from_dict(work.to_dict())
    assert again.notes == work.notes
    assert _note_texts(again) == ["TBC"]
