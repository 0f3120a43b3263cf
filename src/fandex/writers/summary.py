"""The readable summary of a Work that `fandex analyze` prints."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from fandex.readers import BUNDLE_WARNING
from fandex.work import Work


def render(work: Work) -> str:
    meta = work.metadata
    lines = [f"== {work.source or '(text)'}"]
    title = meta.title or "(untitled)"
    authors = ", ".join(meta.authors) or "(unknown author)"
    lines.append(f"{title} by {authors}")
    warning = meta.fields.get(BUNDLE_WARNING)
    if warning:
        lines.append(f"warning:    {warning}")
    if meta.part is not None:
        total = "?" if meta.parts_total is None else str(meta.parts_total)
        lines.append(f"part:       {meta.part_label or meta.part} of {total}")
    if meta.chapter is not None:
        lines.append(f"chapter:    {meta.chapter}")
    if meta.series:
        lines.append(f"series:     {meta.series}")
    fandoms = meta.declared_tags.fandoms or [f.name for f in work.fandoms[:1]]
    if fandoms:
        lines.append(f"fandom:     {', '.join(fandoms)}")
    if meta.rating_original or meta.declared_tags.rating:
        rating = meta.declared_tags.rating or "Not Rated"
        original = f" (declared {meta.rating_original!r})" if meta.rating_original else ""
        lines.append(f"rating:     {rating}{original}")
    lines.append(
        f"size:       {work.word_count():,} words, {len(work.chapters)} chapter(s), "
        f"{len(work.scenes)} scene(s), {len(work.paragraphs)} paragraph(s)"
    )
    if meta.summary:
        lines.append(f"summary:    {_clip(meta.summary)}")
    if meta.notes:
        lines.append(f"notes:      {_clip(meta.notes)}")
    if meta.words_declared is not None:
        lines.append(f"declared:   {meta.words_declared:,} words")
    chapter_line = _chapters_line(work)
    if chapter_line:
        lines.append(chapter_line)
    breaks = Counter(scene.break_kind for scene in work.scenes[1:])
    if breaks:
        kinds = ", ".join(f"{count} {kind}" for kind, count in sorted(breaks.items(), key=lambda kv: -kv[1]))
        lines.append(f"breaks:     {kinds}")
    opening = work.text[meta.body_start : meta.body_start + 200].strip()
    if opening:
        # Where the story itself was found to begin: the quickest check of the header reading.
        lines.append(f"begins:     {_clip(opening, 60)}")
    tag_lines = _tag_block(work)
    if tag_lines:
        lines.extend(tag_lines)
    if work.characters:
        lines.append(_cast_line(work))
    for section in work.sections:
        pov = work.character(section.pov)
        lines.append(
            f"section:    {section.person or '?'} person, POV {pov.name if pov else '?'}"
            f" ({section.end - section.start:,} chars)"
        )
    return "\n".join(lines) + "\n"


def _chapters_line(work: Work) -> str | None:
    if len(work.chapters) < 2:
        return None
    names = []
    for chapter in work.chapters:
        number = "" if chapter.number is None else str(chapter.number)
        names.append(" ".join(part for part in (number, chapter.title or "") if part) or "?")
    return f"chapters:   {_clip('; '.join(names))}"


def _cast_line(work: Work) -> str:
    lines_by_speaker = Counter(q.speaker for q in work.quotes if q.speaker)
    cast = sorted(work.characters, key=lambda c: (-lines_by_speaker[c.id], -c.mentions, c.name))
    parts = [f"{c.name} ({lines_by_speaker[c.id]} lines)" for c in cast[:12]]
    more = f", +{len(cast) - 12} more" if len(cast) > 12 else ""
    return f"cast:       {', '.join(parts)}{more}"


def _tag_block(work: Work) -> list[str]:
    """AO3's tag block. Declared tags win for display: where the source declared a kind, its
    values are shown and the inferred extras follow in brackets; a disagreement gets a note line."""
    labels = {
        "rating": "Rating",
        "warning": "Archive Warning",
        "category": "Category",
        "fandom": "Fandom",
        "relationship": "Relationship",
        "character": "Characters",
        "additional": "Additional Tags",
        "canon": "Canon",
    }
    single_valued = {"rating"}
    lines = []
    for kind, label in labels.items():
        declared = _unique(t.value for t in work.tags if t.kind == kind and t.source == "declared")
        inferred = _unique(t.value for t in work.tags if t.kind == kind and t.source != "declared")
        if not declared and not inferred:
            continue
        if not declared:
            shown = ", ".join(inferred)
        elif kind in single_valued:
            shown = declared[0]
        else:
            extras = [v for v in inferred if v not in declared]
            shown = ", ".join(declared) + (f" (+ inferred: {', '.join(extras)})" if extras else "")
        lines.append(f"{label + ':':<17}{shown}")
    notes = _unique(t.note for t in work.tags if t.note and t.note.startswith("declared"))
    lines.extend(f"{'Note:':<17}{note}" for note in notes)
    return lines


def _unique(values: Iterable[str | None]) -> list[str]:
    return [v for v in dict.fromkeys(values) if v]


def _clip(text: str, width: int = 100) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"
