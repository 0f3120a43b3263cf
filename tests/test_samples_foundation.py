"""Header and structure on the two real stories in ../shared/samples (read at run time, never copied)."""

from __future__ import annotations

from pathlib import Path

from conftest import SAMPLE_ALL_TALK, SAMPLE_ONE_LINE
from fandex import readers
from fandex.header import read_header
from fandex.markers import is_ornament
from fandex.options import Options
from fandex.structure import find_structure
from fandex.work import Work


def _analysed(path: Path) -> Work:
    work = readers.read_file(path)
    read_header(work, Options())
    find_structure(work, Options())
    return work


def test_one_line_sample_header(shared_samples: Path) -> None:
    work = _analysed(SAMPLE_ONE_LINE)
    meta = work.metadata
    assert meta.title == "Inside the Pain"
    assert meta.authors == ["PNS"]
    assert (meta.part, meta.parts_total) == (2, None)
    assert meta.notes is not None and meta.notes.startswith("Takes place during Smashed")
    assert meta.notes.endswith("she had left…")
    assert meta.body_start == work.text.index("Spike Before you condemn me")


def test_one_line_sample_paragraphs_are_recovered(shared_samples: Path) -> None:
    work = _analysed(SAMPLE_ONE_LINE)
    texts = [work.span_text(p) for p in work.paragraphs]
    # the two narrator headings are one-word paragraphs, as they would be on lines of their own
    assert texts[0] == "Spike"
    assert texts[1].startswith("Before you condemn me")
    assert "Buffy" in texts
    assert texts[texts.index("Buffy") + 1].startswith("He could hit me")
    assert all(len(t) <= 500 for t in texts)
    _assert_every_body_character_in_one_paragraph(work)
    assert len(work.scenes) == 1 and len(work.chapters) == 1


def test_all_talk_sample_header(shared_samples: Path) -> None:
    work = _analysed(SAMPLE_ALL_TALK)
    assert work.metadata.title == "All Talk"
    assert work.metadata.authors == ["Kat"]
    assert work.metadata.body_start == work.text.index("Willow walked out of the Magic Box")


def test_all_talk_sample_has_ten_scenes(shared_samples: Path) -> None:
    work = _analysed(SAMPLE_ALL_TALK)
    kinds = [scene.break_kind for scene in work.scenes]
    assert len(kinds) == 10
    assert kinds[0] is None
    assert kinds.count("blank") == 8
    assert kinds.count("ornament") == 1
    assert len(work.chapters) == 1


def test_all_talk_sample_every_paragraph_a_span(shared_samples: Path) -> None:
    work = _analysed(SAMPLE_ALL_TALK)
    text = work.text
    offset = work.metadata.body_start
    paragraph_index = 0
    paragraphs = work.paragraphs
    for line in text[offset:].split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        if not line.strip():
            # no paragraph covers a blank line
            assert not any(p.start <= start and end <= p.end for p in paragraphs)
            continue
        covering = [p for p in paragraphs if p.start < end and start < p.end]
        if is_ornament(line):
            assert covering == []
            continue
        # one paragraph per line in this story, covering the line without its outer whitespace
        assert len(covering) == 1, line[:40]
        assert work.span_text(covering[0]) == line.strip()
        assert covering[0] is paragraphs[paragraph_index]
        paragraph_index += 1
    assert paragraph_index == len(paragraphs)


def _assert_every_body_character_in_one_paragraph(work: Work) -> None:
    covered = [0] * len(work.text)
    for paragraph in work.paragraphs:
        for position in range(paragraph.start, paragraph.end):
            covered[position] += 1
    for position in range(work.metadata.body_start, len(work.text)):
        if not work.text[position].isspace():
            assert covered[position] == 1, work.text[position - 20 : position + 20]
