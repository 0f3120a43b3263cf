"""fandex: read fan fiction as it is found in the wild and understand it."""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from fandex.work import Work

__all__ = ["Work", "__version__", "analyze"]


def analyze(source: object) -> Work:
    """Read a story (a path, or the story's text itself) and run the whole pipeline on it."""
    from fandex.pipeline import analyze as _analyze

    return _analyze(source)


def __getattr__(name: str) -> object:
    # Keep `import fandex` cheap (the CLI's start-up time depends on it): load the model lazily.
    if name == "Work":
        from fandex.work import Work

        return Work
    raise AttributeError(name)
