"""Relationships between characters: romantic, platonic or antagonistic, with evidence."""

from __future__ import annotations

from fandex.options import Options
from fandex.work import Work


def find_relationships(work: Work, options: Options) -> None:
    """Add the relationships layer."""
