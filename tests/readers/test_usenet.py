"""Usenet and mailing-list posts: headers as metadata, the body without signature or chatter."""

from __future__ import annotations

from pathlib import Path

import pytest

from fandex.readers import read_bytes, usenet

HEADERS = """From: "Kat" <kat@example.org>
Newsgroups: alt.tv.buffy-v-slayer.creative
Subject: {subject}
Date: Sat, 05 Aug 2000 10:12:00 GMT
Message-ID: <abc123@example.org>

"""
BODY = 'Willow walked out of the Magic Box.\n\n"Finally!" Buffy said.\n'


def _post(subject: str = "The Talisman 1/7", body: str = BODY, headers: str = HEADERS):
    data = (headers.format(subject=subject) + body).encode("utf-8")
    return read_bytes(data, Path("post.txt"))


def test_headers_are_metadata_and_not_text() -> None:
    work = _post()
    assert work.source_format == "usenet"
    assert work.text == BODY
    assert work.metadata.fields["newsgroups"] == "alt.tv.buffy-v-slayer.creative"
    assert work.metadata.fields["message-id"] == "<abc123@example.org>"
    assert work.metadata.published == "2000-08-05"


@pytest.mark.parametrize(
    ("subject", "title", "part", "total", "rating"),
    [
        ("The Talisman 1/7", "The Talisman", 1, 7, None),
        ("NEW: Title (2/5) [PG-13]", "Title", 2, 5, "Teen And Up Audiences"),
        ("FIC: Dust and Ashes, Part 2 of 5 (R)", "Dust and Ashes", 2, 5, "Mature"),
        ("Re: [BtVS] Something Blue 3/? NC-17", "Something Blue", 3, None, "Explicit"),
        ("Quiet (PG)", "Quiet", None, None, "Teen And Up Audiences"),
        ("Part 3: The Fall", "The Fall", 3, None, None),
    ],
)
def test_subject_gives_title_part_and_rating(
    subject: str, title: str, part: int | None, total: int | None, rating: str | None
) -> None:
    meta = _post(subject).metadata
    assert (meta.title, meta.part, meta.parts_total, meta.declared_tags.rating) == (
        title,
        part,
        total,
        rating,
    )


def test_subject_rating_keeps_the_original_spelling() -> None:
    assert _post("NEW: Title (2/5) [PG-13]").metadata.rating_original == "PG-13"


@pytest.mark.parametrize(
    ("sender", "author"),
    [
        ('"Kat" <kat@example.org>', "Kat"),
        ("kat@example.org (Kat)", "Kat"),
        ("Kat Summers <kat@example.org>", "Kat Summers"),
        ("kat@example.org", "kat"),
    ],
)
def test_from_gives_the_author(sender: str, author: str) -> None:
    headers = HEADERS.replace('"Kat" <kat@example.org>', sender)
    assert _post(headers=headers).metadata.authors == [author]


def test_a_byline_in_the_body_wins_over_from() -> None:
    work = _post(body="Author: Somebody Else\n\n" + BODY)
    assert work.metadata.authors == []  # the header stage reads the byline from the text
    assert work.text.startswith("Author: Somebody Else")


def test_signature_is_not_story() -> None:
    work = _post(body=BODY + '\n-- \nKat | http://kat.example.org\n"A quote."\n')
    assert work.text == BODY


def test_closing_chatter_is_not_story_but_tbc_is() -> None:
    body = BODY + "\nTBC\n\nFeedback welcome! Archive anywhere, just ask.\n"
    assert _post(body=body).text == BODY + "\nTBC\n"


def test_quoted_reply_at_the_top_is_not_story() -> None:
    body = "In article <x@y>, someone wrote:\n> Is part two up yet?\n> Please?\n\n" + BODY
    assert _post(body=body).text == BODY


def test_a_labelled_fic_header_is_not_a_usenet_post() -> None:
    text = "Title: All Talk\nAuthor: Kat\nRating: PG\nSummary: Willow and Buffy talk.\n\nStory.\n"
    assert not usenet.looks_like_post(text)
    work = read_bytes(text.encode(), Path("story.txt"))
    assert work.source_format == "text"
    assert work.text == text


def test_quoted_printable_body_is_decoded() -> None:
    headers = HEADERS + ""
    headers = headers.replace(
        "Message-ID: <abc123@example.org>\n",
        "Message-ID: <abc123@example.org>\nContent-Type: text/plain; charset=windows-1252\n"
        "Content-Transfer-Encoding: quoted-printable\n",
    )
    work = _post(headers=headers, body="She didn=92t look back. It was a very long sentence that wr=\naps.\n")
    assert work.text == "She didn’t look back. It was a very long sentence that wraps.\n"


def test_mbox_from_line_before_headers() -> None:
    data = (
        "From kat@example.org Sat Aug  5 10:12:00 2000\n" + HEADERS.format(subject="Talk 1/2") + BODY
    ).encode()
    work = read_bytes(data, Path("post.mbox"))
    assert work.source_format == "usenet"
    assert work.metadata.title == "Talk"
    assert work.text == BODY


def test_an_author_named_in_the_subject() -> None:
    meta = _post("NEW: Dust by Rowan Ash (1/3) [R]").metadata
    assert (meta.title, meta.authors, meta.part, meta.parts_total) == ("Dust", ["Rowan Ash"], 1, 3)


def test_base64_body_is_decoded() -> None:
    import base64

    headers = HEADERS.replace(
        "Message-ID: <abc123@example.org>\n",
        "Message-ID: <abc123@example.org>\nContent-Type: text/plain; charset=utf-8\n"
        "Content-Transfer-Encoding: base64\n",
    )
    encoded = base64.encodebytes("Willow’s turn.\n".encode()).decode("ascii")
    assert _post(headers=headers, body=encoded).text == "Willow’s turn.\n"


def test_an_epistolary_story_is_not_a_post() -> None:
    text = "From: Buffy\nTo: Willow\nSubject: Tonight\n\nWill, meet me at the Bronze. Bring a stake.\n"
    assert not usenet.looks_like_post(text)
    assert read_bytes(text.encode(), Path("letters.txt")).text == text


def test_a_plain_mail_with_address_and_date_is_a_post() -> None:
    text = "From: kat@example.org\nSubject: Story 1/2\nDate: Sat, 05 Aug 2000 10:12:00 GMT\n\nBody.\n"
    assert usenet.looks_like_post(text)


def test_a_bare_double_dash_separator_inside_the_story_is_kept() -> None:
    story = "First scene.\n\n--\n\n" + "Second scene, which goes on for a while.\n" * 30
    assert _post(body=story).text == story


def test_a_bare_double_dash_before_a_short_signature_is_cut() -> None:
    assert _post(body=BODY + "\n--\nKat\nhttp://kat.example.org\n").text == BODY
