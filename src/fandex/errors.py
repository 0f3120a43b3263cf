"""Errors that reach the user as one line: which file, what is wrong, what to do."""

from __future__ import annotations


class FandexError(Exception):
    """A problem with the user's input or setup, reported without a traceback (exit code 2)."""

    def __init__(self, problem: str, *, path: object | None = None, hint: str | None = None) -> None:
        self.problem = problem
        self.path = None if path is None else str(path)
        self.hint = hint
        super().__init__(self.one_line())

    def one_line(self) -> str:
        line = f"{self.path}: {self.problem}" if self.path else self.problem
        if self.hint:
            line += f" ({self.hint})"
        return line


class InputError(FandexError):
    """The input file cannot be read as a story."""
