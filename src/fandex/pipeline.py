"""The pipeline: the stages that turn a story's text into an annotated Work, in order.

Each stage lives in a module named for what it finds, reads the layers of the stages before it and
adds its own layer. No stage opens files: readers (``fandex.readers``) make the Work, writers
(``fandex.writers``) consume it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from fandex import characters, dialogue, fandom, header, pov, relationships, structure, tags
from fandex.options import Options
from fandex.work import Work

Stage = Callable[[Work, Options], None]

STAGES: list[Stage] = [
    header.read_header,  # title, author, part, rating, notes... and where the story itself begins
    structure.find_structure,  # chapters, scenes, paragraphs
    fandom.detect_fandom,  # which fandom packs apply: declared, else guessed from the text
    characters.find_characters,  # mentions of people, clustered into characters
    dialogue.find_dialogue,  # quotes and thoughts, each with its speaker or thinker
    pov.find_sections,  # narration person and point-of-view character of each section
    relationships.find_relationships,  # who is romantic, platonic or hostile with whom, and why
    tags.infer_tags,  # AO3-style tags, each with its evidence
]


def run(work: Work, options: Options | None = None) -> Work:
    """Run every stage on a Work that a reader produced; returns the same Work, annotated."""
    options = options or Options()
    for stage in STAGES:
        stage(work, options)
    return work


def analyze(source: object, options: Options | None = None) -> Work:
    """Analyse a story given as a path (str or Path) or as its text."""
    from fandex import readers

    if isinstance(source, Path) or (isinstance(source, str) and _looks_like_path(source)):
        work = readers.read_file(Path(source))
    elif isinstance(source, str):
        work = readers.from_text(source)
    else:
        raise TypeError(f"analyze() takes a path or a story's text, not {type(source).__name__}")
    return run(work, options)


def analyze_paths(
    paths: Iterable[str | Path], options: Options | None = None
) -> Iterator[tuple[Path, Work | Exception]]:
    """Analyse every story under ``paths`` one at a time (a corpus is never held in memory).

    Yields (path, Work) or (path, the error that stopped that file); one bad file never stops the
    rest of a batch.
    """
    from fandex import readers
    from fandex.errors import FandexError

    for path in readers.expand_paths(paths):
        try:
            yield path, run(readers.read_file(path), options)
        except FandexError as error:
            yield path, error


def _looks_like_path(value: str) -> bool:
    if "\n" in value or len(value) > 4096:
        return False
    try:
        exists = Path(value).exists()
    except (OSError, ValueError):
        # A one-line story longer than a file name may be ("File name too long"), or with a NUL.
        return False
    return exists or not any(ch.isspace() for ch in value.strip())
