"""A Work as HTML pieces for the reader: the story sliced at span offsets, every slice escaped.

The story's text is never trusted: it is cut at the offsets of paragraphs, quotes, thoughts and
evidence, and each piece goes through ``markupsafe.escape`` before it is wrapped in our own tags.
"""

from __future__ import annotations

import itertools
import math
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from fandex.work import Character, Span, Work

# Slots of the fixed speaker palette in style.css (.pal-0 ... .pal-11).
PALETTE_SIZE = 12
_BLANK_LINES = re.compile(r"\n[ \t]*\n\s*")
_UNSAFE_CLASS_CHARS = re.compile(r"[^A-Za-z0-9_-]")


@dataclass
class CastMember:
    character: Character
    lines: int
    palette: int

    @property
    def css_class(self) -> str:
        return f"speaker-{_UNSAFE_CLASS_CHARS.sub('_', self.character.id)} pal-{self.palette}"


@dataclass
class Block:
    """One thing in the story column, in reading order."""

    kind: str  # "header", "chapter", "scene-break", "section", "paragraph", "note"
    html: Markup = field(default_factory=Markup)
    label: str = ""
    anchor: str = ""


def cast_of(work: Work) -> list[CastMember]:
    """The characters, most lines first, each with its palette slot (stable for a given analysis)."""
    lines = Counter(quote.speaker for quote in work.quotes if quote.speaker)
    ordered = sorted(work.characters, key=lambda c: (-lines[c.id], -c.mentions, c.name.casefold(), c.id))
    return [CastMember(c, lines[c.id], index % PALETTE_SIZE) for index, c in enumerate(ordered)]


def paragraph_spans(work: Work) -> list[Span]:
    """The paragraphs layer, or, before the structure stage has run, the body split at blank lines."""
    if work.paragraphs:
        return sorted(work.paragraphs, key=lambda p: p.start)
    spans = []
    start = work.metadata.body_start
    body = work.text
    position = start
    for gap in _BLANK_LINES.finditer(body, start):
        spans.extend(_trimmed(body, position, gap.start()))
        position = gap.end()
    spans.extend(_trimmed(body, position, len(body)))
    return spans


def _trimmed(text: str, start: int, end: int) -> list[Span]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return [Span(start, end)] if end > start else []


def evidence_offsets(work: Work) -> set[int]:
    offsets = {evidence.start for tag in work.tags for evidence in tag.evidence}
    offsets.update(
        evidence.start for relationship in work.relationships for evidence in relationship.evidence
    )
    return {offset for offset in offsets if 0 <= offset <= len(work.text)}


def story_blocks(work: Work, cast: list[CastMember]) -> list[Block]:
    """The story as blocks: the header as found, chapter headings, scene breaks, POV section marks
    and paragraphs with coloured quotes, styled thoughts and evidence anchors."""
    text = work.text
    members = {member.character.id: member for member in cast}
    paragraphs = paragraph_spans(work)
    header_end = min(work.metadata.body_start, paragraphs[0].start if paragraphs else len(text))
    points = sorted(evidence_offsets(work))

    # Each point lands in the header, in the paragraph holding it, or at the next paragraph's start.
    starts = [p.start for p in paragraphs]
    anchors_by_block: dict[int, list[int]] = {}
    header_points: list[int] = []
    for point in points:
        if point < header_end:
            header_points.append(point)
            continue
        index = max(0, bisect_right(starts, point) - 1)
        if paragraphs and point >= paragraphs[index].end and index + 1 < len(paragraphs):
            index += 1
        anchors_by_block.setdefault(index, []).append(point)

    inline = sorted(
        [(q.start, q.end, "quote", q.speaker) for q in work.quotes]
        + [(t.start, t.end, "thought", t.thinker) for t in work.thoughts]
    )
    markers = _structure_markers(work, members)
    marker_offsets = [offset for offset, _ in markers]

    blocks: list[Block] = []
    if header_end > 0 and text[:header_end].strip():
        blocks.append(Block("header", _slice(text, 0, header_end, [], header_points, members)))
    next_marker = 0
    next_inline = 0
    # Author's notes, disclaimers and closing lines are not story paragraphs, but the reader shows them.
    notes = sorted(work.notes, key=lambda n: n.start)
    next_note = 0

    def emit_markers_before(offset: int) -> None:
        nonlocal next_marker
        while next_marker < len(markers) and marker_offsets[next_marker] < offset:
            blocks.append(markers[next_marker][1])
            next_marker += 1

    def emit_notes_before(offset: int) -> None:
        nonlocal next_note
        while next_note < len(notes) and notes[next_note].start < offset:
            note = notes[next_note]
            emit_markers_before(note.end)
            blocks.append(Block("note", _slice(text, note.start, note.end, [], [], members)))
            next_note += 1

    for index, paragraph in enumerate(paragraphs):
        emit_notes_before(paragraph.start)
        # Chapter, scene and section marks that begin before this paragraph ends go in front of it.
        emit_markers_before(paragraph.end)
        while next_inline < len(inline) and inline[next_inline][1] <= paragraph.start:
            next_inline += 1
        spans = []
        scan = next_inline
        while scan < len(inline) and inline[scan][0] < paragraph.end:
            spans.append(inline[scan])
            scan += 1
        block_points = anchors_by_block.get(index, [])
        blocks.append(
            Block(
                "paragraph",
                _slice(text, paragraph.start, paragraph.end, spans, block_points, members),
                anchor=f"p{index}",
            )
        )
    emit_notes_before(len(text) + 1)
    return blocks


def _structure_markers(work: Work, members: dict[str, CastMember]) -> list[tuple[int, Block]]:
    markers: list[tuple[int, Block]] = []
    for number, chapter in enumerate(sorted(work.chapters, key=lambda c: c.start), start=1):
        label = f"Chapter {chapter.number if chapter.number is not None else number}"
        if chapter.title:
            label += f": {chapter.title}"
        markers.append((chapter.start, Block("chapter", label=label, anchor=f"chapter-{number}")))
    for number, scene in enumerate(sorted(work.scenes, key=lambda s: s.start)):
        if number and scene.break_kind != "chapter":
            markers.append(
                (scene.start, Block("scene-break", label=scene.break_kind or "", anchor=f"scene-{number}"))
            )
    sections = sorted(work.sections, key=lambda s: s.start)
    for number, section in enumerate(sections, start=1):
        member = members.get(section.pov or "")
        who = member.character.name if member else "unknown"
        person = f"{section.person} person" if section.person else "narration"
        label = f"{person}, point of view: {who}"
        if section.label:
            label = f"{section.label} ({label})"
        markers.append((section.start, Block("section", label=label, anchor=f"section-{number}")))
    markers.sort(key=lambda item: item[0])
    return markers


def _slice(
    text: str,
    start: int,
    end: int,
    spans: list[tuple[int, int, str, str | None]],
    points: list[int],
    members: dict[str, CastMember],
) -> Markup:
    """``text[start:end]`` as HTML: quotes and thoughts wrapped, anchors at ``points``."""
    out: list[str] = []
    pending = sorted(set(points))
    cursor = start

    def plain(until: int) -> None:
        nonlocal cursor
        while pending and pending[0] <= until:
            # The anchor keeps the evidence's own offset as its id, wherever it had to be placed.
            offset = pending.pop(0)
            cut = max(offset, cursor)
            out.append(str(escape(text[cursor:cut])))
            out.append(f'<a class="evidence-anchor" id="o{offset}"></a>')
            cursor = cut
        out.append(str(escape(text[cursor:until])))
        cursor = until

    for span_start, span_end, kind, who in spans:
        span_start, span_end = max(span_start, cursor, start), min(span_end, end)
        if span_end <= span_start:
            continue  # overlaps a span already drawn
        plain(span_start)
        member = members.get(who or "")
        classes = [kind]
        attributes = ""
        if member is not None:
            classes.append(member.css_class)
            verb = "thinks" if kind == "thought" else "says"
            attributes = f' title="{escape(member.character.name)} {verb}"'
        elif kind == "quote":
            classes.append("speaker-unknown")
        out.append(f'<span class="{" ".join(classes)}"{attributes}>')
        plain(span_end)
        out.append("</span>")
    plain(end)
    out.extend(f'<a class="evidence-anchor" id="o{offset}"></a>' for offset in pending)
    return Markup("".join(out))


def clip(text: str, width: int = 140) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


# ------------------------------------------------------------------------------- relationship graph


@dataclass
class GraphNode:
    member: CastMember
    x: float
    y: float


@dataclass
class GraphEdge:
    a: GraphNode
    b: GraphNode
    kind: str
    width: float
    label: str


@dataclass
class Graph:
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    size: int


def relationship_graph(work: Work, cast: list[CastMember], limit: int = 12, size: int = 360) -> Graph:
    """The cast on a circle (those in relationships first), an edge per relationship."""
    members = {member.character.id: member for member in cast}
    involved = {
        cid for relationship in work.relationships for cid in relationship.characters if cid in members
    }
    chosen = [m for m in cast if m.character.id in involved][:limit]
    if len(chosen) < 2:
        chosen = (chosen + [m for m in cast if m not in chosen])[: min(limit, 8)]
    centre, radius = size / 2, size / 2 - 70
    nodes: dict[str, GraphNode] = {}
    for index, member in enumerate(chosen):
        angle = 2 * math.pi * index / max(1, len(chosen)) - math.pi / 2
        nodes[member.character.id] = GraphNode(
            member, round(centre + radius * math.cos(angle), 1), round(centre + radius * math.sin(angle), 1)
        )
    edges = []
    for relationship in work.relationships:
        ends = [nodes[cid] for cid in relationship.characters if cid in nodes]
        for first, second in itertools.pairwise(ends):
            label = f"{first.member.character.name} and {second.member.character.name}: {relationship.kind}"
            edges.append(
                GraphEdge(
                    first,
                    second,
                    relationship.kind,
                    round(1.5 + 4 * max(0.0, min(1.0, relationship.strength)), 1),
                    label,
                )
            )
    return Graph(list(nodes.values()), edges, size)
