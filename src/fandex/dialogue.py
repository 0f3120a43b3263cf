"""Dialogue: quotes and thoughts, each with its speaker (and addressee) or thinker."""

from __future__ import annotations

from fandex.options import Options
from fandex.work import Work


def find_dialogue(work: Work, options: Options) -> None:
    """Add the quotes and thoughts layers."""
