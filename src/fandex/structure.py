"""Story structure: chapters, scenes and paragraphs as standoff spans over the body.

The body (``work.text`` from ``metadata.body_start``) is read line by line; every line is blank, an
ornament (a scene-break line such as ``* * *``, ``~ ~ ~``, ``oOo``, ``#``), a chapter heading, or
text. The text is never changed; every span excludes the whitespace around it.

Paragraphs come from the runs of text lines between blank, ornament and heading lines:

* Lines not hard-wrapped (the usual case: one paragraph per line) are one paragraph each.
* Hard-wrapped lines (Usenet style, wrapped near a fixed width W) join into paragraphs; a new one
  starts at a line indented deeper than its neighbours, or after a line that ended early: the first
  word of the next line would have fitted within W and the line ends a sentence, or the line is
  much shorter than W.
* A line that holds a whole story (its line breaks were lost) is cut into paragraphs at
  point-of-view headings (a bare narrator name before a sentence: the name becomes a one-word
  paragraph, as it would be on a line of its own), at dialogue turns (a sentence opening with a
  quotation mark), and otherwise into groups of whole sentences of at most ``_RECOVERED_MAX_CHARS``
  characters or ``_RECOVERED_MAX_SENTENCES`` sentences.

Scenes break at ornament lines (``break_kind`` "ornament", or "rule" for the ``* * *`` line the
HTML and EPUB readers write for ``<hr>``), at runs of blank lines longer than the story's usual
paragraph separator ("blank"), and at chapter starts ("chapter").

Chapters: a reader's chapters are kept; otherwise chapter headings start chapters: "Chapter 3",
"Chapter Three: The Return", "CHAPTER III", "Part II", "Prologue", "Epilogue" (read by
``fandex.markers``), and numbered titles such as "3. The Return" or bare numerals when at least
two follow in sequence. With none, one chapter spans the body.

Author's matter: the paragraphs that open a chapter as notes or disclaimers ("A/N: ...",
"Disclaimer: ...") or close it as notes, disclaimers or closing marks ("TBC", "The End", "Please
review!") go to ``Work.notes`` instead of the paragraphs and scenes (``fandex.header.author_matter_kind``
decides); chapter spans still cover them.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from dataclasses import dataclass

from fandex.header import author_matter_kind, author_matter_value
from fandex.markers import (
    DIALOGUE_OPEN_RE,
    SENTENCE_END_RE,
    Heading,
    is_ornament,
    is_pov_heading_at,
    parse_heading,
)
from fandex.numbering import parse_number
from fandex.options import Options
from fandex.work import Chapter, Paragraph, Scene, Span, Work

# ---------------------------------------------------------------- line kinds

BLANK, ORNAMENT, HEADING, TEXT = "blank", "ornament", "heading", "text"

# Formats whose reader writes "* * *" for a horizontal rule (<hr>).
# Markdown is not among them: its text is the author's own file, so its "---" is the author's ornament.
_RULE_FORMATS = {"html", "ao3-html", "ffnet-html", "epub"}
RULE_LINE = "* * *"

_NUMBERED_TITLE_RE = re.compile(
    r"\s*(?P<num>\d{1,3}|[IVXLC]{1,7})(?:[.):]|\s*[-–—])?(?:\s+(?P<title>[\"“'‘A-Z].{0,60}?))?\s*$"
)

# ---------------------------------------------------------------- paragraphs

# A line this long with many sentences is a whole story (or chapter) whose line breaks were lost.
_RUN_ON_LINE_CHARS = 2000
_RUN_ON_MIN_SENTENCES = 15
_RECOVERED_MAX_CHARS = 500
_RECOVERED_MAX_SENTENCES = 6
# Hard-wrapped text: most lines that continue into the next line are at most this long.
_WRAP_MAX_WIDTH = 100
_TERMINAL_RE = re.compile(r"[.!?…:\"”’'*)\]]$")


@dataclass(slots=True)
class _Line:
    start: int
    end: int  # end of the content, before the newline
    kind: str
    content_start: int = 0  # first non-space character
    content_end: int = 0  # after the last non-space character

    @property
    def length(self) -> int:
        return self.content_end - self.start


def _split_lines(text: str, start: int, end: int) -> list[_Line]:
    lines: list[_Line] = []
    position = start
    while position < end:
        newline = text.find("\n", position, end)
        line_end = end if newline < 0 else newline
        raw = text[position:line_end]
        stripped_left = len(raw) - len(raw.lstrip())
        stripped_right = len(raw.rstrip())
        line = _Line(position, line_end, BLANK, position + stripped_left, position + stripped_right)
        if raw.strip():
            line.kind = TEXT
        lines.append(line)
        position = line_end + 1
    return lines


def _classify(text: str, lines: list[_Line]) -> dict[int, Heading]:
    """Mark ornament and heading lines; return the headings by line index."""
    headings: dict[int, Heading] = {}
    for index, line in enumerate(lines):
        if line.kind != TEXT:
            continue
        raw = text[line.start : line.end]
        if is_ornament(raw):
            line.kind = ORNAMENT
            continue
        heading = parse_heading(raw)
        if heading is not None:
            line.kind = HEADING
            headings[index] = heading
    headings.update(_numbered_titles(text, lines))
    for index, heading in headings.items():
        _take_title_below(text, lines, index, heading)
    return headings


_TITLE_BELOW_MAX_LINES = 3
_TITLE_BELOW_MAX_CHARS = 60


def _take_title_below(text: str, lines: list[_Line], index: int, heading: Heading) -> None:
    """A title on the lines right under a bare heading ("CHAPTER I." / "Down the Rabbit-Hole").

    They count as the title when they are few and short, end no sentence, and a blank line follows
    them; a heading with the story straight under it keeps its story.
    """
    if heading.title and heading.number is not None:
        return
    below: list[_Line] = []
    position = index + 1
    while position < len(lines) and lines[position].kind == TEXT:
        below.append(lines[position])
        position += 1
    if not below or len(below) > _TITLE_BELOW_MAX_LINES:
        return
    if position < len(lines) and lines[position].kind == TEXT:
        return
    if position == len(lines):
        return  # nothing after it: this is the story, not a title
    raw_lines = [text[line.content_start : line.content_end] for line in below]
    if any(len(raw) > _TITLE_BELOW_MAX_CHARS for raw in raw_lines):
        return
    title = " ".join(" ".join(raw_lines).split())
    if re.search(r"[.!?…\"”’]$", title) or title.startswith(('"', "“")):
        return
    for line in below:
        line.kind = HEADING
    heading.title = f"{heading.title}: {title}" if heading.title else title


def _numbered_titles(text: str, lines: list[_Line]) -> dict[int, Heading]:
    """Lines such as "3. The Return" (or a bare "3") standing alone, two or more in sequence."""
    candidates: list[tuple[int, Heading]] = []
    for index, line in enumerate(lines):
        if line.kind != TEXT:
            continue
        alone = (index == 0 or lines[index - 1].kind != TEXT) and (
            index + 1 == len(lines) or lines[index + 1].kind != TEXT
        )
        if not alone:
            continue
        match = _NUMBERED_TITLE_RE.match(text, line.start, line.end)
        if match and not re.search(r"[.!?,;]$", (match.group("title") or "").strip()):
            number = parse_number(match.group("num"))
            if number is not None:
                candidates.append((index, Heading(number, match.group("title"))))
    accepted: dict[int, Heading] = {}
    run: list[tuple[int, Heading]] = []
    for candidate in [*candidates, None]:
        if candidate is not None and run and candidate[1].number == (run[-1][1].number or 0) + 1:
            run.append(candidate)
            continue
        if len(run) >= 2:
            accepted.update(run)
        run = [candidate] if candidate is not None else []
    for index, heading in accepted.items():
        lines[index].kind = HEADING
        if heading.title:
            heading.title = heading.title.strip()
    return accepted


# ---------------------------------------------------------------- paragraphs


def _wrap_width(lines: list[_Line]) -> int | None:
    """The width the text was hard-wrapped at, or None when lines are whole paragraphs."""
    continued = [
        line.length
        for line, following in itertools.pairwise(lines)
        if line.kind == TEXT and following.kind == TEXT
    ]
    if len(continued) < 3:
        return None
    continued.sort()
    median = continued[len(continued) // 2]
    if median > _WRAP_MAX_WIDTH:
        return None
    # The longest lines show the width; the very longest may be a URL or an overlong word.
    return continued[min(len(continued) - 1, int(len(continued) * 0.95))]


def _paragraphs_of_group(text: str, group: list[_Line], wrap: int | None) -> list[tuple[int, int]]:
    """Paragraph spans of a run of consecutive text lines."""
    if wrap is None:
        spans: list[tuple[int, int]] = []
        for line in group:
            if _is_run_on(text, line):
                spans.extend(recover_paragraphs(text, line.content_start, line.content_end))
            else:
                spans.append((line.content_start, line.content_end))
        return spans
    base_indent = min(line.content_start - line.start for line in group)
    spans = []
    start = group[0].content_start
    for line, following in itertools.pairwise(group):
        if _ends_paragraph(text, line, following, wrap, base_indent):
            spans.append((start, line.content_end))
            start = following.content_start
    spans.append((start, group[-1].content_end))
    return spans


def _is_run_on(text: str, line: _Line) -> bool:
    """A line that holds many paragraphs: its line breaks were lost."""
    if line.content_end - line.content_start < _RUN_ON_LINE_CHARS:
        return False
    ends = SENTENCE_END_RE.finditer(text, line.content_start, line.content_end)
    return sum(1 for _ in itertools.islice(ends, _RUN_ON_MIN_SENTENCES)) == _RUN_ON_MIN_SENTENCES


def _ends_paragraph(text: str, line: _Line, following: _Line, wrap: int, base_indent: int) -> bool:
    if following.content_start - following.start > base_indent:
        return True  # the next line is indented: it starts a paragraph
    next_word = re.match(r"\S+", text[following.content_start : following.content_end])
    next_word_length = len(next_word.group()) if next_word else 0
    ends_sentence = bool(_TERMINAL_RE.search(text[line.content_start : line.content_end]))
    would_have_fitted = line.length + 1 + next_word_length <= wrap
    return (would_have_fitted and ends_sentence) or line.length < wrap * 0.6


def recover_paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Paragraphs of ``text[start:end]``, a stretch whose line breaks were lost (see module doc)."""
    spans: list[tuple[int, int]] = []
    # Sentence starts: the stretch's start and every position after a sentence end.
    starts = [start]
    for boundary in SENTENCE_END_RE.finditer(text, start, end):
        after = boundary.end()
        if after < end:
            starts.append(after)
    starts.append(end)

    paragraph_start: int | None = None
    sentences_in_paragraph = 0

    def close(at: int) -> None:
        nonlocal paragraph_start, sentences_in_paragraph
        if paragraph_start is not None:
            stop = at
            while stop > paragraph_start and text[stop - 1].isspace():
                stop -= 1
            spans.append((paragraph_start, stop))
        paragraph_start = None
        sentences_in_paragraph = 0

    for sentence_start, sentence_end in itertools.pairwise(starts):
        position = sentence_start
        heading = is_pov_heading_at(text, position)
        if heading is not None and heading.end("name") < sentence_end:
            close(position)
            spans.append((position, heading.end("name")))
            position = heading.start("next")
        elif DIALOGUE_OPEN_RE.match(text, position) or (
            paragraph_start is not None
            and (
                sentence_end - paragraph_start > _RECOVERED_MAX_CHARS
                or sentences_in_paragraph >= _RECOVERED_MAX_SENTENCES
            )
        ):
            close(position)
        if paragraph_start is None:
            paragraph_start = position
        sentences_in_paragraph += 1
    close(end)
    return spans


# ---------------------------------------------------------------- the stage

_BREAK_PRIORITY = {None: 0, "blank": 1, "ornament": 2, "rule": 2, "chapter": 3}


@dataclass(slots=True)
class _Event:
    """One thing met reading the body in order: a paragraph, an ornament or a heading."""

    kind: str  # "paragraph", "ornament", "rule" or "heading"
    start: int
    end: int
    blank_before: int = 0  # blank lines between this and the previous event
    follows_paragraph: bool = False
    heading: Heading | None = None
    # cut out of a longer line that lost its line breaks: no blank-line count was written before it
    within_line: bool = False


def find_structure(work: Work, options: Options) -> None:
    """Add the chapters, scenes and paragraphs layers."""
    text = work.text
    body_start = min(max(work.metadata.body_start, 0), len(text))
    lines = _split_lines(text, body_start, len(text))
    headings = _classify(text, lines)
    _mark_reader_chapter_titles(work, text, lines)
    events = _read_events(work, lines, headings, _wrap_width(lines))
    separator = _usual_separator(events)

    reader_chapter_starts = sorted(c.start for c in work.chapters)[1:]
    matter = _author_matter(work, events, reader_chapter_starts)
    paragraphs: list[Paragraph] = []
    all_paragraphs: list[Paragraph] = []  # with the author's matter: chapters span it
    scenes: list[Scene] = []
    pending: str | None = None  # the strongest break seen since the last paragraph
    scene_kind: str | None = None
    scene_start: int | None = None
    scene_end = 0
    for position, event in enumerate(events):
        if event.kind != "paragraph":
            pending = _stronger(pending, "chapter" if event.kind == "heading" else event.kind)
            continue
        all_paragraphs.append(Paragraph(event.start, event.end))
        if position in matter:
            continue
        if event.follows_paragraph and event.blank_before > separator:
            pending = _stronger(pending, "blank")
        while reader_chapter_starts and event.start >= reader_chapter_starts[0]:
            reader_chapter_starts.pop(0)
            pending = _stronger(pending, "chapter")
        if pending is not None and scene_start is not None:
            scenes.append(Scene(scene_start, scene_end, scene_kind))
            scene_start = None
        if scene_start is None:
            scene_start, scene_kind = event.start, (pending if scenes else None)
        pending = None
        scene_end = event.end
        paragraphs.append(Paragraph(event.start, event.end))
    if scene_start is not None:
        scenes.append(Scene(scene_start, scene_end, scene_kind))

    work.paragraphs = paragraphs
    work.scenes = scenes
    work.notes = [Span(events[position].start, events[position].end) for position in sorted(matter)]
    if not work.chapters:
        heading_spans = [(e.start, e.heading) for e in events if e.heading is not None]
        work.chapters = _chapters(work, all_paragraphs, heading_spans)


# ---------------------------------------------------------------- author's matter in the body

# At most this many paragraphs of author's matter open or close one chapter.
_MATTER_MAX_PARAGRAPHS = 8


def _author_matter(work: Work, events: list[_Event], reader_chapter_starts: list[int]) -> set[int]:
    """Indices of the paragraph events that are the author's matter, not story.

    Each chapter (the text between headings or a reader's chapter starts) is read from its start
    while its paragraphs are notes or disclaimers ("A/N: ...", "Disclaimer: ...", "Thanks to my
    beta"), and from its end while they are notes, disclaimers or closing marks ("TBC", "The End",
    "Please review!"); ornament lines among them are passed over. The first note and disclaimer
    found fill ``metadata.notes`` and ``metadata.disclaimer`` when the header left them empty.
    """
    chapters: list[list[int]] = [[]]
    next_starts = list(reader_chapter_starts)
    for position, event in enumerate(events):
        if event.kind == "heading":
            chapters.append([])
            continue
        if event.kind != "paragraph":
            continue
        if next_starts and event.start >= next_starts[0]:
            while next_starts and event.start >= next_starts[0]:
                next_starts.pop(0)
            chapters.append([])
        chapters[-1].append(position)

    kinds: dict[int, str] = {}

    def kind_of(position: int) -> str | None:
        event = events[position]
        return author_matter_kind(work.text[event.start : event.end])

    for chapter in chapters:
        for position in chapter[:_MATTER_MAX_PARAGRAPHS]:
            kind = kind_of(position)
            if kind is None or kind == "end":
                break
            kinds[position] = kind
        for position in reversed(chapter[-_MATTER_MAX_PARAGRAPHS:]):
            kind = kinds.get(position) or kind_of(position)
            if kind is None:
                break
            kinds[position] = kind
    paragraph_count = sum(len(chapter) for chapter in chapters)
    if len(kinds) >= paragraph_count:
        return set()  # nothing left for the story: these notes are the story (or a notice)

    meta = work.metadata
    for position in sorted(kinds):
        event = events[position]
        if kinds[position] == "note" and not meta.notes:
            meta.notes = author_matter_value(work.text[event.start : event.end]) or None
        elif kinds[position] == "disclaimer" and not meta.disclaimer:
            meta.disclaimer = author_matter_value(work.text[event.start : event.end]) or None
    return set(kinds)


def _stronger(current: str | None, kind: str) -> str:
    return kind if _BREAK_PRIORITY[kind] > _BREAK_PRIORITY[current] else current or kind


def _read_events(
    work: Work, lines: list[_Line], headings: dict[int, Heading], wrap: int | None
) -> list[_Event]:
    text = work.text
    events: list[_Event] = []
    index = 0
    blank_run = 0
    while index < len(lines):
        line = lines[index]
        if line.kind == BLANK:
            blank_run += 1
            index += 1
            continue
        follows_paragraph = bool(events) and events[-1].kind == "paragraph"
        if line.kind in (ORNAMENT, HEADING):
            kind = "heading" if line.kind == HEADING else "ornament"
            content = text[line.content_start : line.content_end]
            if kind == "ornament" and work.source_format in _RULE_FORMATS and content == RULE_LINE:
                kind = "rule"
            events.append(
                _Event(
                    kind,
                    line.content_start,
                    line.content_end,
                    blank_run,
                    follows_paragraph,
                    headings.get(index),
                )
            )
            blank_run = 0
            index += 1
            continue
        group = [line]
        index += 1
        while index < len(lines) and lines[index].kind == TEXT:
            group.append(lines[index])
            index += 1
        for number, (start, end) in enumerate(_paragraphs_of_group(text, group, wrap)):
            if number == 0:
                events.append(_Event("paragraph", start, end, blank_run, follows_paragraph))
            else:
                within_line = "\n" not in text[events[-1].end : start]
                events.append(_Event("paragraph", start, end, 0, True, within_line=within_line))
        blank_run = 0
    return events


def _mark_reader_chapter_titles(work: Work, text: str, lines: list[_Line]) -> None:
    """A reader's chapter title written as the chapter's first line is a heading, not a paragraph."""
    text_lines = [line for line in lines if line.kind != BLANK]
    starts = [line.content_start for line in text_lines]
    for chapter in work.chapters:
        if not chapter.title:
            continue
        first = bisect.bisect_left(starts, chapter.start)
        if first >= len(text_lines) or text_lines[first].content_start >= chapter.end:
            continue
        line = text_lines[first]
        written = " ".join(text[line.content_start : line.content_end].split()).lower()
        if line.kind == TEXT and written == " ".join(chapter.title.split()).lower():
            line.kind = HEADING


def _usual_separator(events: list[_Event]) -> int:
    """How many blank lines usually separate two paragraphs; more than that breaks a scene.

    Paragraphs on consecutive lines (indented or one-per-line text) count as separated by zero
    blank lines, so in such stories a single blank line is a scene break.
    """
    # (paragraphs cut out of one long line say nothing of it: a text of blank-line paragraphs with
    # one block whose line breaks were lost would otherwise have every blank line break a scene)
    gaps = Counter(
        e.blank_before for e in events if e.kind == "paragraph" and e.follows_paragraph and not e.within_line
    )
    if not gaps:
        return 1
    return max(gaps, key=lambda length: (gaps[length], -length))


def _chapters(
    work: Work, paragraphs: list[Paragraph], heading_spans: list[tuple[int, Heading]]
) -> list[Chapter]:
    if not paragraphs and not heading_spans:
        return []
    body_first = min([p.start for p in paragraphs[:1]] + [s for s, _ in heading_spans[:1]])
    if not heading_spans:
        return [Chapter(body_first, paragraphs[-1].end, number=work.metadata.chapter)]
    chapters: list[Chapter] = []
    paragraph_starts = [p.start for p in paragraphs]
    for position, (start, heading) in enumerate(heading_spans):
        chapter_start = body_first if position == 0 else start
        next_start = heading_spans[position + 1][0] if position + 1 < len(heading_spans) else len(work.text)
        last_inside = bisect.bisect_left(paragraph_starts, next_start) - 1
        if last_inside >= 0 and paragraphs[last_inside].start >= chapter_start:
            end = paragraphs[last_inside].end
        else:
            end = _line_end(work.text, start)
        chapters.append(Chapter(chapter_start, end, number=heading.number, title=heading.title))
    return chapters


def _line_end(text: str, start: int) -> int:
    newline = text.find("\n", start)
    end = len(text) if newline < 0 else newline
    return len(text[:end].rstrip())
