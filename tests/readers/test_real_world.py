"""Further realistic stories of each shape (tests/readers/data/), laid out differently from the
examples: title and author must come out right through the whole pipeline, and page furniture,
signatures and list footers must stay out of the story body."""

from __future__ import annotations

from pathlib import Path

import pytest

import fandex

DATA = Path(__file__).parent / "data"

# file -> (source format, title, authors, snippets the body must not hold)
EXPECTED: dict[str, tuple[str, str, list[str], list[str]]] = {
    "usenet_part2_disclaimer.txt": (
        "usenet",
        "Shadows Fall",
        ["Rosalind K."],
        ["NNTP-Posting-Host", "It's a sign!", "rosalind.k@example.edu", "Disclaimer:"],
    ),
    "usenet_mailing_list.txt": (
        "usenet",
        "Moon Over Sunnydale",
        ["Pim Abernathy"],
        ["List-Id", "mailing list", "Feedback is always appreciated", "=93", "by Pim Abernathy"],
    ),
    "ao3_oneshot.html": (
        "ao3-html",
        "Small Hours",
        ["quietquill"],
        ["Posted originally", "drop by the Archive"],
    ),
    "ao3_calibre_bundle.html": (
        "ao3-html",
        "Tidewater Clocks",
        ["brasswren"],
        [
            "Posted originally",
            "drop by the archive",
            "Chapter Notes",
            "patient beta",
            "See the end",
            "More soon",
            "harbour is made up",
            "Slack Water",
            "Between the tides",
        ],
    ),
    "ffnet_old_layout.html": (
        "ffnet-html",
        "Through the Looking Glass",
        ["Mirrorwoman"],
        ["Read Reviews", "Copyright", "Red Queen", "TV Shows", "Rated:"],
    ),
    "archive_tables.html": (
        "html",
        "Rain Check",
        ["Ember Lowell"],
        ["Guestbook", "Back to Fiction", "Email the webmistress", "Rain Check"],
    ),
    "archive_written_by.html": (
        "html",
        "The Watcher’s Diary",
        ["Hester Gale"],
        ["Return to the fic index", "Next story", "All rights reserved", "Written by"],
    ),
    "efiction_story.html": (
        "html",
        "Lesser Magics",
        ["Corrin Vey"],
        ["Browse", "Add a review", "Powered by eFiction", "No copyright infringement", "Chapter 1"],
    ),
    "front_matter_variants.md": ("markdown", "Glass Houses", ["Fennel", "Ivy North"], ["Pairing:"]),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_title_and_author(name: str) -> None:
    source_format, title, authors, _ = EXPECTED[name]
    work = fandex.analyze(DATA / name)
    assert work.source_format == source_format
    assert work.metadata.title == title
    assert work.metadata.authors == authors


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_no_furniture_in_the_body(name: str) -> None:
    *_, excludes = EXPECTED[name]
    body = fandex.analyze(DATA / name).body
    assert body.strip()
    for snippet in excludes:
        assert snippet not in body, snippet


def test_every_data_file_is_checked() -> None:
    assert sorted(path.name for path in DATA.iterdir()) == sorted(EXPECTED)


def test_usenet_subject_part_of_five_and_rating() -> None:
    meta = fandex.analyze(DATA / "usenet_part2_disclaimer.txt").metadata
    assert (meta.part, meta.parts_total, meta.declared_tags.rating) == (2, 5, "Mature")
    assert meta.disclaimer is not None and meta.disclaimer.startswith("Buffy and company belong")


def test_mailing_list_post_is_decoded_from_quoted_printable() -> None:
    work = fandex.analyze(DATA / "usenet_mailing_list.txt")
    assert "“You're up,” Buffy said." in work.text
    assert "At eleven it hummed; at midnight it clicked" in work.text
    assert work.metadata.declared_tags.rating == "General Audiences"


def test_old_ffnet_layout_chapter_from_the_selector() -> None:
    work = fandex.analyze(DATA / "ffnet_old_layout.html")
    assert work.metadata.chapter == 3
    assert [(c.number, c.title) for c in work.chapters] == [(3, "Tea Party")]
    assert work.metadata.rating_original == "PG-13"


def test_windows_1252_character_references_become_quotes() -> None:
    assert "\x92" not in fandex.analyze(DATA / "archive_written_by.html").text


def test_a_closing_rule_is_not_left_dangling() -> None:
    text = fandex.analyze(DATA / "archive_written_by.html").text
    assert text.endswith("Order is restored.\n")
