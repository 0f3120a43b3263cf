"""Point of view: narration person and POV character of each section."""

from __future__ import annotations

from fandex.options import Options
from fandex.work import Work


def find_sections(work: Work, options: Options) -> None:
    """Add the sections layer."""
