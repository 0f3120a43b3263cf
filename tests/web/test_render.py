from __future__ import annotations

import html
import re

from fandex.web import render
from fandex.work import Character, Evidence, Quote, Tag, Work
from library.handmade import XSS_IMAGE, XSS_SCRIPT, two_speaker_work, xss_work

_TAG = re.compile(r"<[^>]*>")


def visible_text(markup: str) -> str:
    """What a browser shows of our markup: tags dropped, entities decoded."""
    return html.unescape(_TAG.sub("", markup))


def paragraphs(work: Work) -> list[render.Block]:
    return [b for b in render.story_blocks(work, render.cast_of(work)) if b.kind == "paragraph"]


def test_paragraphs_show_exactly_the_text_at_their_offsets() -> None:
    work = two_speaker_work()
    shown = [visible_text(str(block.html)) for block in paragraphs(work)]
    assert shown == [work.span_text(p) for p in work.paragraphs]


def test_quotes_and_thoughts_carry_speaker_class_and_name() -> None:
    work = two_speaker_work()
    first, second, third, *_ = paragraphs(work)
    assert '<span class="quote speaker-c1 pal-0" title="Mara says">The tide is turning,</span>' in first.html
    assert '<span class="quote speaker-c2 pal-1" title="Theo says">Then we row now,</span>' in second.html
    assert (
        '<span class="thought speaker-c1 pal-0" title="Mara thinks">He will never make it,</span>'
        in third.html
    )


def test_cast_order_and_palette() -> None:
    work = two_speaker_work()
    work.quotes.append(Quote(0, 3, speaker="c2"))
    cast = render.cast_of(work)
    assert [(m.character.name, m.lines, m.palette) for m in cast] == [("Theo", 2, 0), ("Mara", 1, 1)]
    many = Work(text="x", characters=[Character(id=f"c{i}", name=f"N{i:02}") for i in range(14)])
    assert [m.palette for m in render.cast_of(many)][11:] == [11, 0, 1]


def test_structure_marks_come_before_their_paragraph() -> None:
    work = two_speaker_work()
    kinds = [block.kind for block in render.story_blocks(work, render.cast_of(work))]
    assert kinds == [
        "header",
        "section",
        "paragraph",
        "paragraph",
        "paragraph",
        "paragraph",
        "scene-break",
        "paragraph",
    ]


def test_evidence_anchor_keeps_the_evidence_offset() -> None:
    work = two_speaker_work()
    pier = work.text.index("sat on the pier")
    last = paragraphs(work)[-1]
    assert f'<a class="evidence-anchor" id="o{pier}"></a>sat on the pier' in last.html
    # Evidence in the gap between paragraphs is anchored at the next paragraph, with its own offset as id.
    gap = work.text.index("\n\nLater")
    work.tags.append(Tag("additional", "Quiet", evidence=[Evidence(gap, gap + 2)]))
    last = paragraphs(work)[-1]
    assert str(last.html).startswith(f'<a class="evidence-anchor" id="o{gap}"></a>Later')


def test_markup_in_the_story_is_escaped_everywhere() -> None:
    work = xss_work()
    rendered = "".join(str(block.html) for block in render.story_blocks(work, render.cast_of(work)))
    assert "<script" not in rendered
    assert "<img" not in rendered
    assert html.escape(XSS_SCRIPT, quote=False) in rendered
    # The speaker's name, in an attribute, and the id, in a class, cannot break out either.
    assert 'title="Name &lt;img src=x onerror=alert(1)&gt; says"' in rendered
    assert "speaker-c_1" in rendered
    assert visible_text(rendered).count(XSS_IMAGE) == 1


def test_no_layers_falls_back_to_blank_line_paragraphs() -> None:
    text = "Title\n\nFirst paragraph\nstill first.\n\n\n  Second one.  \n"
    work = Work(text=text)
    work.metadata.body_start = text.index("First")
    blocks = render.story_blocks(work, render.cast_of(work))
    assert [(b.kind, visible_text(str(b.html))) for b in blocks] == [
        ("header", "Title\n\n"),
        ("paragraph", "First paragraph\nstill first."),
        ("paragraph", "Second one."),
    ]


def test_quote_crossing_a_paragraph_boundary_is_drawn_in_both() -> None:
    text = "One two three.\n\nFour five six."
    work = Work(text=text, characters=[Character(id="a", name="Ann")])
    work.quotes = [Quote(text.index("three"), text.index("five") + 4, speaker="a")]
    first, second = paragraphs(work)
    assert '<span class="quote speaker-a pal-0" title="Ann says">three.</span>' in first.html
    assert '<span class="quote speaker-a pal-0" title="Ann says">Four five</span>' in second.html


def test_unknown_speaker_is_marked_without_a_name() -> None:
    work = Work(text='"Hello," someone said.')
    work.quotes = [Quote(1, 7)]
    (block,) = paragraphs(work)
    assert '<span class="quote speaker-unknown">Hello,</span>' in block.html


def test_relationship_graph_places_the_pair_and_one_edge() -> None:
    work = two_speaker_work()
    graph = render.relationship_graph(work, render.cast_of(work))
    assert [node.member.character.name for node in graph.nodes] == ["Mara", "Theo"]
    (edge,) = graph.edges
    assert edge.kind == "platonic"
    assert edge.width == 3.9  # 1.5 + 4 x strength 0.6
    # Two nodes on a circle: opposite each other, top and bottom.
    assert graph.nodes[0].x == graph.nodes[1].x == graph.size / 2
    assert graph.nodes[0].y < graph.nodes[1].y


def test_authors_notes_are_shown_escaped_in_reading_order() -> None:
    from fandex.work import Paragraph, Span

    text = "A/N: thanks to <b>Jo</b>!\n\nThe boat left at dawn.\n\nTBC"
    work = Work(text=text)
    work.paragraphs = [Paragraph(text.index("The boat"), text.index("dawn.") + 5)]
    work.notes = [Span(0, text.index("!") + 1), Span(text.index("TBC"), len(text))]
    blocks = render.story_blocks(work, render.cast_of(work))
    assert [b.kind for b in blocks] == ["note", "paragraph", "note"]
    assert "&lt;b&gt;Jo&lt;/b&gt;" in blocks[0].html
    assert visible_text(str(blocks[2].html)) == "TBC"
