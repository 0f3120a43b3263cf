"""Options that change how the pipeline runs, shared by the API, the CLI and the evaluation."""

from __future__ import annotations

from dataclasses import dataclass, field

from fandex.work import Character, Span


@dataclass
class Options:
    # A cast given from outside (the evaluation's gold character list): the characters stage
    # then finds mentions of these characters instead of discovering its own.
    roster: list[Character] | None = None
    # Quote spans given from outside (the evaluation's gold quotes): the dialogue stage then
    # attributes speakers to exactly these spans instead of finding quotes itself.
    quotes: list[Span] | None = None
    # Force a fandom (a pack name) instead of detecting it.
    fandom: str | None = None
    # Extra folders of fandom packs, searched before the bundled ones.
    pack_dirs: list[str] = field(default_factory=list)
    # Hide the declared tags from inference (the tag evaluation needs an unbiased guess).
    ignore_declared_tags: bool = False
