"""Hand-made Works for the tag tests: a text, a cast and their name mentions, nothing else."""

from __future__ import annotations

from fandex.mentions import find_name_mentions
from fandex.work import Character, Quote, Work

CAST = {
    "Buffy": ("Buffy Summers", "F"),
    "Spike": ("Spike", "M"),
    "Willow": ("Willow Rosenberg", "F"),
    "Giles": ("Rupert Giles", "M"),
    "Xander": ("Xander Harris", "M"),
    "Anya": ("Anya Jenkins", "F"),
    "Joyce": ("Joyce Summers", "F"),
    "Hank": ("Hank Summers", "M"),
}


def make_work(
    text: str, names: tuple[str, ...] = tuple(CAST), quotes: list[tuple[str, str, str | None]] = ()
) -> Work:
    """A Work of ``text`` whose cast is ``names`` (keys of CAST, found by their short name).

    ``quotes`` are (quoted words, speaker short name, addressee short name or None); each is located
    in the text by its words.
    """
    work = Work(text=text)
    ids = {}
    for index, short in enumerate(names, start=1):
        canonical, gender = CAST[short]
        aliases = [short] if short != canonical else []
        work.characters.append(Character(f"c{index}", canonical, aliases, gender, canonical=True))
        ids[short] = f"c{index}"
    work.mentions = find_name_mentions(text, work.characters)
    for character in work.characters:
        character.mentions = sum(1 for m in work.mentions if m.character == character.id)
    for words, speaker, addressee in quotes:
        start = text.index(words)
        work.quotes.append(
            Quote(start, start + len(words), ids[speaker], ids[addressee] if addressee else None)
        )
    return work
