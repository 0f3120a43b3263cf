"""Generic archive pages: the story body only, title and author as metadata, bad pages as errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from fandex.errors import InputError
from fandex.readers import read_bytes

PAGE = """<html><head><title>The Quiet Room - Sunnydale Stories Archive</title></head>
<body>
<div id="menu"><a href="/">Home</a> | <a href="/authors">Authors</a> | <a href="/new">New</a></div>
<h1>The Quiet Room</h1>
<p align="center">by <a href="mailto:ada@example.com">Ada Night</a></p>
<p>Tara found the room behind the bookshelf on a <i>Tuesday</i>.</p>
<p>It was quiet in the way that libraries pretend to be, with its back to the wall of the world.</p>
<hr>
<p>Later, she told Willow. Willow wanted to see it at once.</p>
<div class="footer">Copyright 2002 Ada Night. <a href="/">Back to the archive</a></div>
</body></html>"""


def _read(markup: str | bytes, name: str = "page.html"):
    data = markup.encode("utf-8") if isinstance(markup, str) else markup
    return read_bytes(data, Path(name))


def test_story_body_only() -> None:
    work = _read(PAGE)
    assert work.source_format == "html"
    assert work.text == (
        "Tara found the room behind the bookshelf on a Tuesday.\n\n"
        "It was quiet in the way that libraries pretend to be, with its back to the wall of the world.\n\n"
        "* * *\n\n"
        "Later, she told Willow. Willow wanted to see it at once.\n"
    )


def test_title_and_author_from_heading_and_byline() -> None:
    meta = _read(PAGE).metadata
    assert meta.title == "The Quiet Room"
    assert meta.authors == ["Ada Night"]


def test_italics_are_emphasis() -> None:
    work = _read(PAGE)
    assert [(e.kind, work.span_text(e)) for e in work.emphasis] == [("italic", "Tuesday")]


def test_title_from_the_title_element_when_there_is_no_heading() -> None:
    page = (
        "<html><head><title>Moonrise | Old Archive</title></head><body><p>Story text here.</p></body></html>"
    )
    assert _read(page).metadata.title == "Moonrise"


def test_author_from_an_author_link() -> None:
    page = (
        "<html><body><p>Posted by the archive.</p><table><tr><td>Author: <a href='viewuser.php?uid=4'>Quill</a></td></tr>"
        "</table><p>She ran.</p><p>He followed, slowly, thinking about the long night ahead of them both.</p></body></html>"
    )
    assert _read(page).metadata.authors == ["Quill"]


def test_story_set_with_br_inside_a_table_cell() -> None:
    page = (
        "<html><body><table><tr><td class='nav'><a href='/'>Home</a><br><a href='/x'>Index</a></td>"
        "<td>First paragraph of the story, long enough to matter.<br><br>Second paragraph, also long enough."
        "</td></tr></table></body></html>"
    )
    assert (
        _read(page).text
        == "First paragraph of the story, long enough to matter.\n\nSecond paragraph, also long enough.\n"
    )


def test_declared_latin1_charset_is_read_as_windows_1252() -> None:
    page = '<html><head><meta charset="iso-8859-1"></head><body><p>\x93Hi,\x94 she said \x96 caf\xe9.</p></body></html>'
    assert _read(page.encode("latin-1")).text == "“Hi,” she said – café.\n"


def test_a_txt_file_that_is_really_html() -> None:
    work = _read(PAGE, name="story.txt")
    assert work.source_format == "html"
    assert work.metadata.title == "The Quiet Room"


def test_malformed_html_is_read_as_far_as_it_goes() -> None:
    work = _read("<html><body><p>She <i>ran<p>and ran</b></div></div><p>until dawn")
    assert "She ran" in work.text
    assert "until dawn" in work.text


@pytest.mark.parametrize(
    "markup",
    [
        "<html><head><title>Index</title></head><body></body></html>",
        "<html><body><script>document.write('x')</script></body></html>",
        "<html><body><a href='/1'>One</a> <a href='/2'>Two</a></body></html>",
        "<html><body><nav><p>Home</p></nav></body></html>",
    ],
)
def test_a_page_without_story_text_is_an_input_error(markup: str) -> None:
    with pytest.raises(InputError, match="no story text"):
        _read(markup)


def test_a_frameset_page_without_a_body_is_an_input_error() -> None:
    page = "<html><head><title>Frames</title></head><frameset><frame src='story.html'></frameset></html>"
    with pytest.raises(InputError, match="no story text"):
        _read(page)


def test_a_story_split_over_sibling_cells_is_read_whole() -> None:
    half = "word " * 60
    page = f"<html><body><table><tr><td><p>First {half}</p></td><td><p>Second {half}</p></td></tr></table></body></html>"
    text = _read(page).text
    assert text.startswith("First word") and "Second word" in text


def test_a_chapter_heading_is_never_taken_for_the_title() -> None:
    page = (
        "<html><head><title>Nightfall</title></head><body><h2>Chapter 1</h2><p>Story text.</p></body></html>"
    )
    work = _read(page)
    assert work.metadata.title == "Nightfall"
    assert work.text.startswith("Chapter 1\n\nStory text.")


def test_a_title_that_contains_by_is_kept_whole_without_a_matching_author() -> None:
    page = "<html><head><title>Killed by Death</title></head><body><p>Buffy had the flu.</p></body></html>"
    assert _read(page).metadata.title == "Killed by Death"


def test_a_byte_order_mark_outranks_the_declared_charset() -> None:
    page = '<html><head><meta charset="iso-8859-1"></head><body><p>“Café,” she said.</p></body></html>'
    assert _read(b"\xef\xbb\xbf" + page.encode("utf-8")).text == "“Café,” she said.\n"


TWO_DOCUMENTS = """<!DOCTYPE html><html><head><title>First Frost</title></head><body>
<h1>First Frost</h1><p>The pond froze on a Monday, and Orla skated on it before school.</p>
</body></html>
<hr/>
<!DOCTYPE html><html><head><title>Thaw</title></head><body>
<h1>Thaw</h1><p>By Friday the ice was gone, and so was her left boot.</p>
</body></html>"""


def test_a_file_of_several_documents_is_read_up_to_the_first_with_a_warning() -> None:
    work = _read(TWO_DOCUMENTS)
    assert work.metadata.title == "First Frost"
    assert work.text == "The pond froze on a Monday, and Orla skated on it before school.\n"
    assert work.metadata.fields["fandex warning"] == (
        'the file holds 2 works; only the first, "First Frost", is read (left out: "Thaw"); '
        "give each work its own file"
    )


def test_markup_after_the_closing_html_tag_is_not_another_work() -> None:
    work = _read(PAGE + "\n<script>track()</script>\n")
    assert work.metadata.title == "The Quiet Room"
    assert "fandex warning" not in work.metadata.fields
