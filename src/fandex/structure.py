"""Story structure: chapters, scenes and paragraphs as standoff spans."""

from __future__ import annotations

from fandex.options import Options
from fandex.work import Work


def find_structure(work: Work, options: Options) -> None:
    """Add the chapters, scenes and paragraphs layers."""
