from __future__ import annotations

import pytest

from fandex.header import (
    author_matter_kind,
    author_matter_value,
    read_header,
    split_numbering,
    split_people,
    story_start_in_value,
)
from fandex.options import Options
from fandex.work import Work


def _read(text: str, work: Work | None = None) -> Work:
    work = work or Work(text=text, source_format="text")
    read_header(work, Options())
    return work


STORY = "The rain had not stopped for three days, and Ann had stopped expecting it to. She made tea.\n"


# ---------------------------------------------------------------- labelled fields, one per line


def test_labelled_fields_one_per_line() -> None:
    text = (
        "TITLE: The Long Night, Part 2/5\n"
        "AUTHOR: Mara Quill <mara@example.org>\n"
        "Rated: NC-17\n"
        "Pairings: Ann/Beth, Carl/Dee; Ed/Fay\n"
        "Characters: Ann, Beth\n"
        "Fandom: Some Show\n"
        "Category: F/F\n"
        "Genre: Romance, Hurt/Comfort\n"
        "Warnings: character death\n"
        "Summary: Ann waits for the dawn.\n"
        "Disclaimer: Not mine.\n"
        "Spoilers: Through season 3.\n"
        "Word count: 1,234\n"
        "Series: Night Songs\n"
        "\n" + STORY
    )
    work = _read(text)
    meta = work.metadata
    assert meta.title == "The Long Night"
    assert meta.authors == ["Mara Quill"]
    assert (meta.part, meta.parts_total, meta.part_label) == (2, 5, "2")
    assert meta.rating_original == "NC-17"
    tags = meta.declared_tags
    assert tags.rating == "Explicit"
    assert tags.relationships == ["Ann/Beth", "Carl/Dee", "Ed/Fay"]
    assert tags.characters == ["Ann", "Beth"]
    assert tags.fandoms == ["Some Show"]
    assert tags.category == ["F/F"]
    assert tags.additional == ["Romance", "Hurt/Comfort"]
    assert tags.warnings == ["character death"]
    assert meta.summary == "Ann waits for the dawn."
    assert meta.disclaimer == "Not mine."
    assert meta.spoilers == "Through season 3."
    assert meta.words_declared == 1234
    assert meta.series == "Night Songs"
    assert meta.fields["rated"] == "NC-17"
    assert meta.fields["word count"] == "1,234"
    assert work.body == STORY


@pytest.mark.parametrize(
    ("line", "field", "value"),
    [
        ("Written by: Kat", "authors", ["Kat"]),
        ("Writer - Kat", "authors", ["Kat"]),
        ("By: Kat & Mouse", "authors", ["Kat", "Mouse"]),
        ("A/N: Thanks to Lee.", "notes", "Thanks to Lee."),
        ("Author's Notes: Thanks to Lee.", "notes", "Thanks to Lee."),
        ("**Summary:** Ann waits.", "summary", "Ann waits."),
        ("Relationship: Ann/Beth", "relationships", ["Ann/Beth"]),
        ("Ship = Ann/Beth", "relationships", ["Ann/Beth"]),
    ],
)
def test_label_spellings(line: str, field: str, value: object) -> None:
    meta = _read(f"Title: T\n{line}\n\n{STORY}").metadata
    found = meta.declared_tags.relationships if field == "relationships" else getattr(meta, field)
    assert found == value


def test_every_labelled_field_goes_into_fields() -> None:
    text = (
        "Title: T\nFeedback: yes please\nArchive: ask\nDistribution: anywhere\nStatus: WIP\n"
        "Dedication: for Lee\nBeta: Sam\nTimeline: after the war\n\n" + STORY
    )
    fields = _read(text).metadata.fields
    assert fields == {
        "title": "T",
        "feedback": "yes please",
        "archive": "ask",
        "distribution": "anywhere",
        "status": "WIP",
        "dedication": "for Lee",
        "beta": "Sam",
        "timeline": "after the war",
    }


def test_unlabelled_lines_continue_the_field_before_them() -> None:
    text = "Title: T\nSummary: Ann waits for the dawn.\nIt does not come.\nRating: G\n\n" + STORY
    meta = _read(text).metadata
    assert meta.summary == "Ann waits for the dawn. It does not come."
    assert meta.declared_tags.rating == "General Audiences"


def test_a_bare_part_line_inside_the_header() -> None:
    meta = _read("Title: T\nAuthor: A\nPart 3 of 7\n\n" + STORY).metadata
    assert (meta.part, meta.parts_total) == (3, 7)


# ---------------------------------------------------------------- fields run together on one line


def test_run_together_fields_on_one_line() -> None:
    text = "Title: Small Hours Author: Dee Rating: PG Pairing: Ann/Beth\n\n" + STORY
    meta = _read(text).metadata
    assert meta.title == "Small Hours"
    assert meta.authors == ["Dee"]
    assert meta.declared_tags.rating == "Teen And Up Audiences"
    assert meta.declared_tags.relationships == ["Ann/Beth"]


def test_a_lower_case_word_with_a_colon_is_not_a_label_inside_a_line() -> None:
    meta = _read("Summary: She had one rule, the old rule: never look back.\n\n" + STORY).metadata
    assert meta.summary == "She had one rule, the old rule: never look back."


def test_story_on_the_header_line_after_a_narrator_heading() -> None:
    story = "Mara The night was cold. I waited for hours. " * 30
    text = "Title: Cold (1 of 2) By Lee Notes: Set after the flood. Mostly sad... " + story
    work = _read(text)
    meta = work.metadata
    assert meta.title == "Cold"
    assert meta.authors == ["Lee"]
    assert (meta.part, meta.parts_total) == (1, 2)
    assert meta.notes == "Set after the flood. Mostly sad..."
    assert work.body.startswith("Mara The night was cold.")


def test_story_on_the_header_line_opening_with_dialogue() -> None:
    story = '"Go away," said Ann. The door stayed shut. ' * 40
    text = "Title: Shut Author: Lee Summary: A door. A girl. " + story
    work = _read(text)
    assert work.metadata.summary == "A door. A girl."
    assert work.body.startswith('"Go away," said Ann.')


def test_story_on_the_header_line_with_no_signal_is_cut_after_a_few_sentences() -> None:
    story = "the wind rose over the hills and fell again. " * 40
    text = "Title: Wind Notes: One. Two. Three. " + story
    work = _read(text)
    assert work.metadata.notes == "One. Two. Three."
    assert work.body.startswith("the wind rose")


def test_story_start_in_value_skips_sentence_starters() -> None:
    value = "Takes place later. The end came. Nobody Knew it."
    # "The end" and "Nobody Knew" are not narrator headings: "The" is a sentence starter and
    # "Knew" is not one.
    assert story_start_in_value(value, 0, len(value)) is None


# ---------------------------------------------------------------- part and chapter numbering


@pytest.mark.parametrize(
    ("title", "clean", "kind", "number", "label", "total"),
    [
        ("Inside Out (2 of?)", "Inside Out", "part", 2, "2", None),
        ("Inside Out (2 of ?)", "Inside Out", "part", 2, "2", None),
        ("Inside Out - Part 2/5", "Inside Out", "part", 2, "2", 5),
        ("Inside Out 2 of 5", "Inside Out", "part", 2, "2", 5),
        ("Inside Out, Chapter 3", "Inside Out", "chapter", 3, "3", None),
        ("Inside Out 1a/7", "Inside Out", "part", 1, "1a", 7),
        ("Inside Out: Part Two", "Inside Out", "part", 2, "Two", None),
        ("Inside Out [3/3]", "Inside Out", "part", 3, "3", 3),
        ("Inside Out (Part IV of VI)", "Inside Out", "part", 4, "IV", 6),
        ("Inside Out 2/?", "Inside Out", "part", 2, "2", None),
    ],
)
def test_split_numbering(
    title: str, clean: str, kind: str, number: int, label: str, total: int | None
) -> None:
    rest, numbering = split_numbering(title)
    assert rest == clean
    assert numbering is not None
    assert (numbering.kind, numbering.number, numbering.label, numbering.total) == (
        kind,
        number,
        label,
        total,
    )


@pytest.mark.parametrize("title", ["Catch 22", "The 39 Steps", "Part of Me", "Heart of Glass"])
def test_titles_without_numbering_stay_whole(title: str) -> None:
    assert split_numbering(title) == (title, None)


def test_labelled_chapter_field() -> None:
    meta = _read("Title: T\nChapter: 3\n\n" + STORY).metadata
    assert meta.chapter == 3
    assert meta.part is None


# ---------------------------------------------------------------- unlabelled titles and bylines


def test_title_line_then_byline_after_a_blank_line() -> None:
    work = _read("Still Water\n\nby Kat\n\n" + STORY)
    assert work.metadata.title == "Still Water"
    assert work.metadata.authors == ["Kat"]
    assert work.body == STORY


def test_all_caps_title_then_the_authors_name() -> None:
    work = _read("STILL WATER\nKat Morrow\n\n" + STORY)
    assert work.metadata.title == "STILL WATER"
    assert work.metadata.authors == ["Kat Morrow"]
    assert work.body == STORY


def test_centred_title_and_centred_byline() -> None:
    work = _read("            Still Water\n\n             by Kat\n\n" + STORY)
    assert work.metadata.title == "Still Water"
    assert work.metadata.authors == ["Kat"]
    assert work.body == STORY


def test_byline_with_email() -> None:
    work = _read("Still Water\nby Kat (kat@example.org)\n\n" + STORY)
    assert work.metadata.authors == ["Kat"]


def test_title_and_author_stated_only_in_a_disclaimer() -> None:
    text = (
        "Disclaimer: The people are not mine. This story, 'Lost Keys', was written by Tom Marsh.\n\n" + STORY
    )
    work = _read(text)
    assert work.metadata.title == "Lost Keys"
    assert work.metadata.authors == ["Tom Marsh"]
    assert work.body == STORY


# ---------------------------------------------------------------- body start


def test_unlabelled_disclaimer_and_notes_are_header_matter() -> None:
    text = (
        "Still Water\nby Kat\n\n"
        "I don't own them, they belong to the studio.\n\n"
        "Thanks to Lee for the beta!\n\n"
        "~~~~~~~~~~\n\n" + STORY
    )
    work = _read(text)
    assert work.metadata.disclaimer == "I don't own them, they belong to the studio."
    assert work.metadata.notes == "Thanks to Lee for the beta!"
    assert work.body == STORY


def test_a_chapter_heading_ends_the_header() -> None:
    work = _read("Title: T\nAuthor: A\n\nChapter 1\n\n" + STORY)
    assert work.body == "Chapter 1\n\n" + STORY
    assert work.metadata.chapter is None


def test_no_header_at_all() -> None:
    text = "It was late. " + STORY + "\nShe slept.\n"
    work = _read(text)
    assert work.metadata.title is None
    assert work.metadata.authors == []
    assert work.metadata.body_start == 0


def test_a_first_sentence_is_not_a_title() -> None:
    work = _read("The rain fell.\n\n" + STORY)
    assert work.metadata.title is None
    assert work.metadata.body_start == 0


def test_a_single_word_opening_line_is_not_a_title() -> None:
    # A bare narrator name over a section is a heading of the story, not its title.
    work = _read("Mara\n\n" + STORY)
    assert work.metadata.title is None
    assert work.metadata.body_start == 0


# ---------------------------------------------------------------- merging with a reader


def test_a_readers_values_are_never_overwritten() -> None:
    text = "Title: Header Title\nAuthor: Header Author\nRating: R\n\n" + STORY
    work = Work(text=text, source_format="html")
    work.metadata.title = "Reader Title"
    work.metadata.authors = ["Reader Author"]
    work.metadata.declared_tags.rating = "General Audiences"
    _read(text, work)
    assert work.metadata.title == "Reader Title"
    assert work.metadata.authors == ["Reader Author"]
    assert work.metadata.declared_tags.rating == "General Audiences"
    assert work.metadata.rating_original == "R"  # empty before: filled
    assert work.body == STORY


def test_reader_body_start_stays_when_nothing_more_is_header() -> None:
    text = "Reader Title\n\n" + STORY
    work = Work(text=text, source_format="html")
    work.metadata.title = "Something Else"
    work.metadata.body_start = text.index("The rain")
    _read(text, work)
    assert work.metadata.body_start == text.index("The rain")
    assert work.metadata.title == "Something Else"


def test_reader_title_is_not_replaced_by_a_first_line() -> None:
    text = "Walking Home Tonight\n\n" + STORY
    work = Work(text=text, source_format="epub")
    work.metadata.title = "Given Title"
    _read(text, work)
    assert work.metadata.title == "Given Title"
    assert work.metadata.body_start == 0


def test_reader_title_repeated_at_the_top_is_header_matter() -> None:
    text = "Given Title\nby Kat\n\n" + STORY
    work = Work(text=text, source_format="html")
    work.metadata.title = "Given Title"
    _read(text, work)
    assert work.body == STORY
    assert work.metadata.authors == ["Kat"]


def test_header_after_the_readers_body_start_is_read() -> None:
    prefix = "Subject: a post\n\n"
    text = prefix + "Disclaimer: Not mine.\nSpoilers: None.\n\n" + STORY
    work = Work(text=text, source_format="usenet")
    work.metadata.body_start = len(prefix)
    _read(text, work)
    assert work.metadata.disclaimer == "Not mine."
    assert work.body == STORY


def test_split_people() -> None:
    assert split_people("Kat, Mouse and Lee <lee@example.org>") == ["Kat", "Mouse", "Lee"]


# ---------------------------------------------------------------- header and story without a blank line


def test_story_straight_under_a_short_field() -> None:
    text = "Title: Rainy Day\nAuthor: Kat\nThe rain fell on the town for three days and nobody went out.\n"
    work = _read(text)
    assert work.metadata.authors == ["Kat"]
    assert work.body.startswith("The rain fell")


def test_a_separator_line_ends_the_header_inside_a_block() -> None:
    text = "Title: Rainy Day\nby Kat\n-----------\nIt rained.\n"
    work = _read(text)
    assert work.metadata.authors == ["Kat"]
    assert work.body == "It rained.\n"


def test_a_summary_continues_over_lines_that_look_like_prose() -> None:
    text = "Title: T\nSummary: Ann waits.\nThe dawn is late, as dawns in this town always are.\n\n" + STORY
    work = _read(text)
    assert work.metadata.summary == "Ann waits. The dawn is late, as dawns in this town always are."
    assert work.body == STORY


def test_story_on_the_header_line_after_a_short_field() -> None:
    text = "Title: Cold By Lee Rating: R Mara The night was cold. " + "I waited for hours. " * 60
    work = _read(text)
    assert work.metadata.rating_original == "R"
    assert work.body.startswith("Mara The night was cold.")


def test_a_quoted_title_on_a_long_line_is_not_dialogue() -> None:
    text = 'Title: "Cold Night" Mara The night was cold. ' + "I waited. " * 150
    work = _read(text)
    assert work.metadata.title == "Cold Night"
    assert work.body.startswith("Mara The night")


# ---------------------------------------------------------------- more header shapes


def test_an_unlabelled_title_over_labelled_lines() -> None:
    work = _read("All Alone (1/2)\nRating: PG\nby Kat\n\n" + STORY)
    meta = work.metadata
    assert meta.title == "All Alone"
    assert (meta.part, meta.parts_total) == (1, 2)
    assert meta.authors == ["Kat"]
    assert meta.declared_tags.rating == "Teen And Up Audiences"
    assert work.body == STORY


def test_a_rating_in_brackets_after_the_title() -> None:
    meta = _read("Title: Lantern Hours 1/3 [PG-13]\n\n" + STORY).metadata
    assert meta.title == "Lantern Hours"
    assert (meta.part, meta.parts_total) == (1, 3)
    assert meta.rating_original == "PG-13"
    assert meta.declared_tags.rating == "Teen And Up Audiences"


def test_other_brackets_after_the_title_stay() -> None:
    assert _read("Title: Lantern Hours (Redux)\n\n" + STORY).metadata.title == "Lantern Hours (Redux)"


def test_a_label_in_parentheses() -> None:
    work = _read("Title: T\n\n(A/N: thanks to Lee (my beta))\n\n" + STORY)
    assert work.metadata.notes == "thanks to Lee (my beta)"
    assert work.body == STORY


def test_a_contact_line_under_the_header() -> None:
    work = _read("Title: T\nAuthor: Kat\n\nkat@example.org\n\n" + STORY)
    assert work.body == STORY


def test_a_short_story_on_its_only_line() -> None:
    text = 'Title: Drabble By Kat Summary: A short one. "Stay," she said. He stayed. The end came softly.\n'
    work = _read(text)
    assert work.metadata.summary == "A short one."
    assert work.body.startswith('"Stay," she said.')


def test_a_header_line_with_story_lines_after_it_is_not_cut() -> None:
    text = 'Title: T Summary: One thing. "Two," she said. Three.\n\n' + STORY
    work = _read(text)
    assert work.metadata.summary == 'One thing. "Two," she said. Three.'
    assert work.body == STORY


@pytest.mark.parametrize(
    "opening",
    [
        "She didn't own a car, so she walked to the station every morning in the rain.",
        '"It\'s not mine," she said, and pushed the box back across the table.',
        "The house belonged to her aunt, who had not visited it in years.",
    ],
)
def test_a_story_opening_is_not_a_disclaimer(opening: str) -> None:
    work = _read("Title: T\n\n" + opening + "\n\n" + STORY)
    assert work.metadata.disclaimer is None
    assert work.body.startswith(opening)


@pytest.mark.parametrize(
    "disclaimer",
    [
        "I don't own them. Please don't sue.",
        "All characters belong to their creators.",
        "Not mine, no money made, no copyright infringement intended.",
    ],
)
def test_unlabelled_disclaimers(disclaimer: str) -> None:
    work = _read(disclaimer + "\n\n" + STORY)
    assert work.metadata.disclaimer == disclaimer
    assert work.body == STORY


@pytest.mark.parametrize(
    "text",
    [
        "~*~*~*~*~*~\nTitle: Boxed\nAuthor: Kat\n~*~*~*~*~*~\n\n" + STORY,
        "==========\n\nTITLE: Boxed\nAUTHOR: Kat\n\n==========\n\n" + STORY,
    ],
)
def test_a_header_boxed_in_rules(text: str) -> None:
    work = _read(text)
    assert (work.metadata.title, work.metadata.authors) == ("Boxed", ["Kat"])
    assert work.body == STORY


def test_a_quoted_title_with_byline_and_bare_rating() -> None:
    work = _read('"Fade to Black"\nby Someone\nRated PG-13\n\n' + STORY)
    meta = work.metadata
    assert (meta.title, meta.authors) == ("Fade to Black", ["Someone"])
    assert meta.rating_original == "PG-13"
    assert meta.declared_tags.rating == "Teen And Up Audiences"
    assert work.body == STORY


def test_a_line_of_dialogue_over_a_byline_like_line_is_not_a_title() -> None:
    text = '"Go," she said.\nby the door he waited.\n\n' + STORY
    work = _read(text)
    assert work.metadata.title is None
    assert work.metadata.body_start == 0


def test_rated_followed_by_a_word_that_is_no_rating_is_not_a_field() -> None:
    text = "Rated by critics as the worst film of the year, it still drew crowds.\n\n" + STORY
    work = _read(text)
    assert work.metadata.rating_original is None
    assert work.metadata.body_start == 0


@pytest.mark.parametrize(
    "line", ["by the door he waited", "By nightfall everyone had gone home!", "by and by"]
)
def test_a_phrase_starting_with_by_is_no_byline(line: str) -> None:
    work = _read(f"Some Title\n{line}\n\n" + STORY)
    assert work.metadata.authors == []


@pytest.mark.parametrize(
    ("line", "title", "authors"),
    [
        ("Title: Fade to Black by Kat Morrow", "Fade to Black", ["Kat Morrow"]),
        ("Title: Stand by Me", "Stand by Me", []),
        ("Title: Killed By Death", "Killed By Death", []),
        ("Title: Killed By Death (1/2) By Kat", "Killed By Death", ["Kat"]),
        ("Title: Killed By Death By Kat Rating: PG", "Killed By Death", ["Kat"]),
    ],
)
def test_a_byline_inside_the_title_field(line: str, title: str, authors: list[str]) -> None:
    meta = _read(line + "\n\n" + STORY).metadata
    assert (meta.title, meta.authors) == (title, authors)


def test_an_author_field_wins_over_a_by_in_the_title() -> None:
    meta = _read("Title: Fade to Black by Night\nAuthor: Kat\n\n" + STORY).metadata
    assert meta.authors == ["Kat"]


def test_reading_the_header_twice_changes_nothing() -> None:
    work = _read("Title: T\nAuthor: Kat\n\nThanks to Lee!\n\n" + STORY)
    first = (work.metadata.body_start, work.metadata.title, list(work.metadata.authors), work.metadata.notes)
    read_header(work, Options())
    assert (
        work.metadata.body_start,
        work.metadata.title,
        work.metadata.authors,
        work.metadata.notes,
    ) == first
    assert work.body == STORY


def test_labels_inside_the_story_of_a_one_line_text_are_story() -> None:
    story = (
        "Mara The night was cold. "
        + "I waited for hours. " * 80
        + "Notes: nobody kept any. "
        + "I slept. " * 20
    )
    work = _read("Title: Cold By Lee Notes: Set after the flood. " + story)
    assert work.metadata.notes == "Set after the flood."
    assert work.body.startswith("Mara The night was cold.")
    assert "notes: nobody kept any." not in " ".join(work.metadata.fields.values()).lower()


def test_contact_lines_under_a_title_and_byline() -> None:
    work = _read("SOMEWHERE\nby Kat\nkat@example.org\nhttp://example.org/kat/\n\n" + STORY)
    assert (work.metadata.title, work.metadata.authors) == ("SOMEWHERE", ["Kat"])
    assert work.body == STORY


def test_a_full_archive_header_with_a_note_and_a_rule() -> None:
    text = (
        "Title: Somewhere\nAuthor: Kat\nRating: PG\nSummary: Ann goes.\nDisclaimer: Not mine.\n"
        "Distribution: Ask.\nFeedback: Please.\n\n"
        "Author's Note: This was written for a challenge.\n\n* * * * *\n\n" + STORY
    )
    work = _read(text)
    assert work.metadata.notes == "This was written for a challenge."
    assert work.metadata.fields["distribution"] == "Ask."
    assert work.body == STORY


def test_a_part_heading_with_a_title_opening_the_text_is_no_title() -> None:
    work = _read("Part One: The Calm\n\n" + STORY.strip() + " " + STORY)  # a paragraph of prose under it
    assert work.metadata.title is None
    assert work.metadata.body_start == 0


def test_a_title_alone_over_a_labelled_author_block() -> None:
    text = (
        "Low Water\n\nAuthor: Pebble\n\n"
        "Disclaimer: The show and its people belong to the studio. No money is made.\n\n"
        "The rain had not stopped for three days, and Maria was tired of it.\n"
    )
    work = _read(text)
    assert work.metadata.title == "Low Water"
    assert work.metadata.authors == ["Pebble"]
    assert text[work.metadata.body_start :].startswith("The rain had not stopped")


def test_an_exclaimed_title_with_a_byline_under_it() -> None:
    text = "Why Me?\nby Pebble\n\nThe rain had not stopped for three days, and Maria was tired of it.\n"
    work = _read(text)
    assert (work.metadata.title, work.metadata.authors) == ("Why Me?", ["Pebble"])


def test_an_exclaimed_line_over_prose_is_story() -> None:
    text = "Run!\n\nThe rain had not stopped for three days, and Maria was tired of it. She ran.\n"
    work = _read(text)
    assert work.metadata.title is None
    assert work.metadata.body_start == 0


# ---------------------------------------------------------------- author's matter in the body


@pytest.mark.parametrize(
    ("paragraph", "kind"),
    [
        ("A/N: sorry this took so long.", "note"),
        ("(AN: Lou betaed this one.)", "note"),
        ("**Author's Note:** more soon.", "note"),
        ("Notes - written on a train.", "note"),
        ("Disclaimer: not mine, never was.", "disclaimer"),
        ("I don't own them; the studio does.", "disclaimer"),
        ("All characters belong to their creators.", "disclaimer"),
        ("TBC...", "end"),
        ("T.B.C.", "end"),
        ("*~To Be Continued~*", "end"),
        ("Fin.", "end"),
        ("Continued in Part 3", "end"),
        ("Reviews are love!", "note"),
        ("Please R&R", "note"),
        ("Thanks to my beta for the commas.", "note"),
        ("Dedicated to everyone who reviewed the last chapter.", "note"),
    ],
)
def test_author_matter_kinds(paragraph: str, kind: str) -> None:
    assert author_matter_kind(paragraph) == kind


@pytest.mark.parametrize(
    "paragraph",
    [
        '"A/N: that is what the sign said," Ann read aloud.',
        "Note to self: stop talking.",
        "Nobody wanted to review the tapes.",
        "Thanks to her, the door held.",
        "An owl called twice.",
        "The End was the name of the bar.",
        "Anne didn't own a car, so she walked.",
        "Everything here belongs to the Council now.",
        "The choice was not mine.",
        "A/N: " + "far too long to be a note " * 80,
    ],
)
def test_story_paragraphs_are_not_author_matter(paragraph: str) -> None:
    assert author_matter_kind(paragraph) is None


def test_author_matter_value_drops_the_label_and_brackets() -> None:
    assert author_matter_value("(A/N: back on\nFriday.)") == "back on Friday."
    assert author_matter_value("Disclaimer:  none of it is mine.") == "none of it is mine."
    assert author_matter_value("Thanks to my beta.") == "Thanks to my beta."
