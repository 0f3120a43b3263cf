"""Header metadata: labelled fields, bylines, part numbers, ratings, and where the story begins."""

from __future__ import annotations

from fandex.options import Options
from fandex.work import Work


def read_header(work: Work, options: Options) -> None:
    """Fill ``work.metadata`` from the header matter at the top of the text."""
