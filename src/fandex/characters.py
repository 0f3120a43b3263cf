"""Characters: mentions of people (names, epithets, pronouns, the narrator) clustered into a cast."""

from __future__ import annotations

import dataclasses

from fandex.mentions import find_name_mentions
from fandex.options import Options
from fandex.work import Work


def find_characters(work: Work, options: Options) -> None:
    """Add the characters and mentions layers."""
    if options.roster is not None:
        # A cast given from outside: find its names, discover nothing.
        work.characters = [dataclasses.replace(c) for c in options.roster]
        work.mentions = find_name_mentions(work.text, work.characters, start=work.metadata.body_start)
        counts: dict[str, int] = {}
        for mention in work.mentions:
            if mention.character is not None:
                counts[mention.character] = counts.get(mention.character, 0) + 1
        for character in work.characters:
            character.mentions = counts.get(character.id, 0)
            character.first = next((m.start for m in work.mentions if m.character == character.id), None)
        return
