"""AO3-style tags inferred from the layers, each with its evidence."""

from __future__ import annotations

from fandex.options import Options
from fandex.work import Work


def infer_tags(work: Work, options: Options) -> None:
    """Add the tags layer."""
