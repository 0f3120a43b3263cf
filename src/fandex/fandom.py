"""Which fandom a work belongs to: from declared tags, else from the text."""

from __future__ import annotations

from fandex.options import Options
from fandex.work import Work


def detect_fandom(work: Work, options: Options) -> None:
    """Add the fandoms layer (name, confidence), best first."""
