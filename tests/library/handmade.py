"""Works built by hand for the library and web tests: every layer set explicitly, no pipeline."""

from __future__ import annotations

from fandex.work import (
    Character,
    Evidence,
    Paragraph,
    Quote,
    Relationship,
    Scene,
    Section,
    Tag,
    Thought,
    Work,
)

TWO_SPEAKERS_TEXT = (
    "Harbour Lights\nby Wren\n\n"
    '"The tide is turning," Mara said.\n\n'
    '"Then we row now," Theo answered.\n\n'
    "*He will never make it,* Mara thought.\n\n"
    "* * *\n\n"
    "Later they sat on the pier and said nothing for a long time.\n"
)


def _span(text: str, piece: str, after: int = 0) -> tuple[int, int]:
    start = text.index(piece, after)
    return start, start + len(piece)


def two_speaker_work(title: str = "Harbour Lights") -> Work:
    """Two speakers with a line each, a thought, a scene break, a POV section, tags with evidence."""
    text = TWO_SPEAKERS_TEXT.replace("Harbour Lights", title, 1)
    work = Work(text=text, source="harbour.txt", source_format="text")
    body = text.index('"The tide')
    work.metadata.title = title
    work.metadata.authors = ["Wren"]
    work.metadata.summary = "Two rowers and a turning tide."
    work.metadata.body_start = body
    work.metadata.declared_tags.rating = "Teen And Up Audiences"
    work.metadata.declared_tags.fandoms = ["Harbour Tales"]
    work.characters = [
        Character(id="c1", name="Mara", gender="F", mentions=3),
        Character(id="c2", name="Theo", gender="M", mentions=1),
    ]
    paragraphs = []
    position = body
    for piece in text[body:].split("\n\n"):
        start = text.index(piece, position)
        if piece.strip():
            paragraphs.append(Paragraph(start, start + len(piece.rstrip("\n"))))
        position = start + len(piece)
    work.paragraphs = paragraphs
    tide = _span(text, "The tide is turning,")
    row = _span(text, "Then we row now,")
    never = _span(text, "He will never make it,")
    work.quotes = [
        Quote(*tide, speaker="c1", cue="explicit", confidence=0.9),
        Quote(*row, speaker="c2", cue="explicit", confidence=0.9),
    ]
    work.thoughts = [Thought(*never, thinker="c1", marker="asterisk")]
    later = text.index("Later they sat")
    work.scenes = [Scene(body, later - 1), Scene(later, len(text), break_kind="ornament")]
    work.sections = [Section(body, len(text), person="third", pov="c1")]
    pier = _span(text, "sat on the pier")
    work.relationships = [
        Relationship(
            ["c1", "c2"], kind="platonic", strength=0.6, evidence=[Evidence(*pier, reason="together")]
        )
    ]
    work.tags = [
        Tag("rating", "Teen And Up Audiences", "declared"),
        Tag("fandom", "Harbour Tales", "declared"),
        Tag("character", "Mara", "inferred", 0.9),
        Tag("character", "Theo", "inferred", 0.8),
        Tag("relationship", "Mara & Theo", "inferred", 0.6, [Evidence(*pier, reason="share a quiet scene")]),
        Tag("additional", "Rowing", "inferred", 0.7, [Evidence(*row, reason="rowing talk")]),
        Tag("warning", "No Archive Warnings Apply", "inferred", 0.8),
    ]
    return work


XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMAGE = "<img src=x onerror=alert(1)>"


def xss_work() -> Work:
    """Markup everywhere a story can carry text: title, author, summary, names, tags and the story."""
    text = f'He wrote {XSS_SCRIPT} on the wall.\n\n"{XSS_IMAGE}" she said.\n'
    work = Work(text=text, source="xss.txt", source_format="text")
    work.metadata.title = f"Title {XSS_SCRIPT}"
    work.metadata.authors = [f"Author {XSS_IMAGE}"]
    work.metadata.summary = f"Summary {XSS_SCRIPT}"
    work.characters = [Character(id='c"1', name=f"Name {XSS_IMAGE}", mentions=1)]
    quote = _span(text, XSS_IMAGE)
    work.quotes = [Quote(*quote, speaker='c"1')]
    work.tags = [
        Tag(
            "additional",
            f"Tag {XSS_SCRIPT}",
            "inferred",
            0.5,
            [Evidence(*_span(text, XSS_SCRIPT), reason=XSS_IMAGE)],
        ),
        Tag("character", f"Name {XSS_IMAGE}", "declared"),
    ]
    return work
