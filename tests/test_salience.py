"""Resolution of epithets and pronouns (fandex.salience), through the characters stage."""

from __future__ import annotations

from fandex.characters import find_characters
from fandex.options import Options
from fandex.work import Work


def _cast(text: str) -> Work:
    work = Work(text=text)
    find_characters(work, Options())
    return work


def _who(work: Work, surface: str, nth: int = 0) -> str | None:
    """The name of the character the ``nth`` mention written ``surface`` resolves to."""
    names = {c.id: c.name for c in work.characters}
    found = [m for m in work.mentions if work.span_text(m) == surface]
    character = found[nth].character
    return names.get(character) if character else None


DANCE = """\
Marcus met Lena at the club. Marcus kissed Lena by the door, and she laughed.

Priya waved from the bar. Marcus and Priya talked about the weather while she drank.

Lena went to fetch drinks. She came back quickly.

Priya laughed at something. Marcus grinned and slipped his arm around his girlfriend.
"""


def test_his_girlfriend_is_the_one_the_text_ties_to_him_romantically() -> None:
    work = _cast(DANCE)
    # Priya is the most recent woman, but Lena is the one Marcus kissed.
    assert _who(work, "his girlfriend") == "Lena"


FRIENDS = """\
Hannah and Joel walked to school. Hannah and Joel were always together.

Ruth was waiting at the gate. Ruth smiled at everyone.

Joel waved and ran to his best friend.
"""


def test_his_best_friend_is_the_one_the_text_puts_with_him() -> None:
    work = _cast(FRIENDS)
    assert _who(work, "his best friend") == "Hannah"


LOOK = """\
Ella sat by the window. She had said something silly. Nadia and Tom gave her a withering look.
"""


def test_an_object_pronoun_is_not_a_conjoined_subject() -> None:
    work = _cast(LOOK)
    # "her" cannot be Nadia: she and Tom are the ones looking.
    assert _who(work, "her") == "Ella"


def test_without_ties_a_possessive_epithet_takes_the_most_recent_fitting_person() -> None:
    text = "Carl walked into the kitchen. Dora was cooking. Carl hugged his wife.\n"
    work = _cast(text)
    assert _who(work, "his wife") == "Dora"
