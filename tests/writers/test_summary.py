from __future__ import annotations

from fandex.work import Chapter, Paragraph, Scene, Work
from fandex.writers import summary


def _work() -> Work:
    text = "Title: T\n\nChapter 1\n\nOne two three.\n\n* * *\n\nFour five.\n\nChapter 2: End\n\nSix.\n"
    work = Work(text=text, source="story.txt", source_format="text")
    meta = work.metadata
    meta.title = "Night Songs"
    meta.authors = ["Kat", "Lee"]
    meta.part, meta.parts_total = 2, None
    meta.notes = "Thanks to Sam."
    meta.rating_original = "PG-13"
    meta.declared_tags.rating = "Teen And Up Audiences"
    meta.declared_tags.fandoms = ["Some Show"]
    meta.body_start = text.index("Chapter 1")
    work.chapters = [
        Chapter(meta.body_start, text.index("Four five.") + 10, 1, None),
        Chapter(text.index("Chapter 2"), len(text) - 1, 2, "End"),
    ]
    work.paragraphs = [
        Paragraph(text.index("One"), text.index("One") + 14),
        Paragraph(text.index("Four"), text.index("Four") + 10),
        Paragraph(text.index("Six"), text.index("Six") + 4),
    ]
    work.scenes = [
        Scene(text.index("One"), text.index("One") + 14, None),
        Scene(text.index("Four"), text.index("Four") + 10, "ornament"),
        Scene(text.index("Six"), text.index("Six") + 4, "chapter"),
    ]
    return work


def test_summary_names_the_work_and_its_size() -> None:
    lines = summary.render(_work()).splitlines()
    assert lines[0] == "== story.txt"
    assert lines[1] == "Night Songs by Kat, Lee"
    assert "part:       2 of ?" in lines
    assert "fandom:     Some Show" in lines
    assert "rating:     Teen And Up Audiences (declared 'PG-13')" in lines
    # words of the body only: Chapter 1 One two three. Four five. Chapter 2: End Six. ("* * *" has none)
    assert "size:       11 words, 2 chapter(s), 3 scene(s), 3 paragraph(s)" in lines
    assert "notes:      Thanks to Sam." in lines
    assert "chapters:   1; 2 End" in lines
    assert "breaks:     1 ornament, 1 chapter" in lines
    # the body's first 60 characters, flattened: 59 of them and an ellipsis
    assert "begins:     Chapter 1 One two three. * * * Four five. Chapter 2: End Si…" in lines


def test_summary_of_a_bare_text() -> None:
    work = Work(text="Just a story.\n")
    lines = summary.render(work).splitlines()
    assert lines[1] == "(untitled) by (unknown author)"
    assert not any(line.startswith(("part:", "chapters:", "breaks:")) for line in lines)


def test_declared_tags_win_for_display_and_a_disagreement_is_noted() -> None:
    from fandex.work import Tag

    work = Work(text="A story.")
    work.tags = [
        Tag(
            "rating",
            "Teen And Up Audiences",
            source="declared",
            note="declared Teen And Up Audiences; content suggests Mature: sex",
        ),
        Tag(
            "rating",
            "Mature",
            source="inferred",
            note="declared Teen And Up Audiences; content suggests Mature: sex",
        ),
        Tag("character", "Ann Lee", source="declared"),
        Tag("character", "Bo Chen", source="inferred"),
        Tag("additional", "Fluff", source="inferred"),
    ]
    block = summary.render(work)
    assert "Rating:          Teen And Up Audiences\n" in block
    assert "Mature\n" not in block.split("Note:")[0]
    assert "Characters:      Ann Lee (+ inferred: Bo Chen)" in block
    assert "Additional Tags: Fluff" in block
    assert block.count("Note:") == 1 and "content suggests Mature" in block
