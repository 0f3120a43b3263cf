"""HTML to text: paragraphs, line breaks, rules as scene breaks, emphasis as offsets into the text."""

from __future__ import annotations

from fandex.readers.htmltext import element_text, html_to_text, parse_html


def _convert(markup: str) -> tuple[str, list[tuple[str, str]]]:
    root = parse_html(markup)
    assert root is not None
    text, emphasis = html_to_text([root.body])
    return text, [(span.kind, text[span.start : span.end]) for span in emphasis]


def test_block_elements_become_paragraphs_separated_by_one_blank_line() -> None:
    text, _ = _convert("<p>One.</p>\n\n<p>Two.</p><div>Three.</div><blockquote><p>Four.</p></blockquote>")
    assert text == "One.\n\nTwo.\n\nThree.\n\nFour."


def test_br_is_a_newline_and_two_make_a_paragraph_break() -> None:
    text, _ = _convert("<p>line one<br>line two<br/><br/>new paragraph</p>")
    assert text == "line one\nline two\n\nnew paragraph"


def test_hr_is_a_scene_break_line() -> None:
    text, _ = _convert("<p>Before.</p><hr><p>After.</p>")
    assert text == "Before.\n\n* * *\n\nAfter."


def test_whitespace_inside_a_paragraph_collapses() -> None:
    text, _ = _convert("<p>  She   said\n   nothing,\tat all.  </p>")
    assert text == "She said nothing, at all."


def test_emphasis_offsets_point_at_the_emphasised_words() -> None:
    text, emphasis = _convert(
        "<p>It was <i>not</i> a <em>good</em> idea.</p><p><b>Bold <strong>twice</strong></b> and "
        '<span style="font-style: italic">styled</span>.</p>'
    )
    assert text == "It was not a good idea.\n\nBold twice and styled."
    assert emphasis == [
        ("italic", "not"),
        ("italic", "good"),
        ("bold", "Bold twice"),
        ("bold", "twice"),
        ("italic", "styled"),
    ]


def test_emphasis_covering_a_whole_block_is_trimmed_to_its_words() -> None:
    text, emphasis = _convert("<p>A</p><div><em>\n  whole thought  \n</em></div>")
    assert text == "A\n\nwhole thought"
    assert emphasis == [("italic", "whole thought")]


def test_scripts_styles_and_form_controls_are_dropped() -> None:
    text, _ = _convert(
        "<style>p{}</style><script>var x = 1;</script><p>Story.</p><select><option>Chapter 1</option></select>"
    )
    assert text == "Story."


def test_pre_keeps_its_lines() -> None:
    text, _ = _convert("<pre>  Line one\nLine two\n\nLine four</pre>")
    assert text == "  Line one\nLine two\n\nLine four"


def test_entities_are_decoded() -> None:
    text, _ = _convert("<p>Buffy &amp; Willow &mdash; &ldquo;hi&rdquo;&hellip;</p>")
    assert text == "Buffy & Willow — “hi”…"


def test_malformed_markup_does_not_crash() -> None:
    text, emphasis = _convert("<p>Unclosed <i>italic <b>and bold<p>Next</i> para</b><div></span>end")
    assert "Unclosed italic and bold" in text
    assert "end" in text
    assert emphasis


def test_parse_html_of_nothing_is_none() -> None:
    assert parse_html("") is None
    assert parse_html("   \n") is None


def test_xhtml_with_an_xml_declaration_parses() -> None:
    root = parse_html(
        '<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><body><p>Hi</p></body></html>'
    )
    assert root is not None
    assert element_text(root.body) == "Hi"


def test_element_text_excludes_the_tail_but_reads_skipped_kinds() -> None:
    root = parse_html("<div><a href='x'>Name</a>, and more<select><option>2. Title</option></select></div>")
    assert root is not None
    assert element_text(root.body.find(".//a")) == "Name"
    assert element_text(root.body.find(".//option")) == "2. Title"
