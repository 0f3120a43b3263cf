"""Characters: mentions of people (names, epithets, pronouns, the narrator) clustered into a cast."""

from __future__ import annotations

from fandex.options import Options
from fandex.work import Work


def find_characters(work: Work, options: Options) -> None:
    """Add the characters and mentions layers."""
