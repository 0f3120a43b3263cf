"""Numbers as stories write them in part and chapter labels: digits, English words, Roman numerals."""

from __future__ import annotations

import re

_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "last": None,
    "final": None,
}

WORD_NUMBERS: dict[str, int] = {word: value for value, word in enumerate(_UNITS)} | _TENS
for _tens_word, _tens_value in _TENS.items():
    for _unit_value, _unit_word in enumerate(_UNITS[1:10], start=1):
        WORD_NUMBERS[f"{_tens_word}-{_unit_word}"] = _tens_value + _unit_value

# A regex alternative for any number as written: digits with an optional letter ("1a"), a number
# word (hyphenated tens included), or a Roman numeral of the sizes stories reach.
NUMBER_PATTERN = (
    r"(?:\d{1,4}[a-z]?"
    r"|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen"
    r"|[ivxlc]{1,7})"
)

_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
_ROMAN_RE = re.compile(r"^(?:c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$")
_DIGITS_RE = re.compile(r"^(\d+)[a-z]?$")


def parse_number(token: str | None) -> int | None:
    """The integer a part or chapter number stands for ("3", "1a", "Three", "III"), or None."""
    if not token:
        return None
    word = token.strip().lower().rstrip(".")
    digits = _DIGITS_RE.match(word)
    if digits:
        return int(digits.group(1))
    if word in WORD_NUMBERS:
        return WORD_NUMBERS[word]
    if word in _ORDINALS:
        return _ORDINALS[word]
    if word and _ROMAN_RE.match(word):
        return _roman_to_int(word)
    return None


def _roman_to_int(numeral: str) -> int:
    total = 0
    previous = 0
    for char in reversed(numeral):
        value = _ROMAN_VALUES[char]
        total = total - value if value < previous else total + value
        previous = max(previous, value)
    return total
