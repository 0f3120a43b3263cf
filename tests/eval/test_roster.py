from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SHARED
from fandex.characters import find_characters
from fandex.errors import FandexError
from fandex.eval.roster import load_pdnc_characters, roster_recall
from fandex.options import Options
from fandex.work import Character, Work

PDNC = SHARED / "data" / "pdnc"

CHARACTER_INFO = """\
Character ID,Main Name,Aliases,Gender,Category
0,Ida Berg,"{'Ida', 'Miss Berg', 'Ida Berg'}",F,major
1,The Porter,"['The Porter']",X,minor
2,Mr. Lind,"{'Lind', 'Mr. Lind'}",M,intermediate
3,_group,['_group'],X,minor
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "character_info.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_loader_reads_aliases_genders_and_categories(tmp_path: Path) -> None:
    gold = load_pdnc_characters(_write(tmp_path, CHARACTER_INFO))
    assert [(c.name, sorted(c.aliases), c.gender, category) for c, category in gold] == [
        ("Ida Berg", ["Ida", "Miss Berg"], "F", "major"),
        ("The Porter", [], "U", "minor"),
        ("Mr. Lind", ["Lind"], "M", "intermediate"),
    ]


def test_the_loader_explains_a_file_that_is_not_a_character_list(tmp_path: Path) -> None:
    with pytest.raises(FandexError, match=r"not a PDNC character_info\.csv"):
        load_pdnc_characters(_write(tmp_path, "quoteID,quoteText\n1,hello\n"))


def test_recall_matches_any_alias_ignoring_case(tmp_path: Path) -> None:
    gold = load_pdnc_characters(_write(tmp_path, CHARACTER_INFO))
    work = Work(text="")
    work.characters = [Character("c1", "ida", aliases=["Ida B."]), Character("c2", "the porter")]
    # In scope (major, intermediate): Ida Berg (found as "ida") and Mr. Lind (not found).
    assert roster_recall(work, gold) == 0.5
    assert roster_recall(work, gold, categories=("minor",)) == 1.0
    assert roster_recall(work, [c for c, _ in gold]) == pytest.approx(2 / 3)


@pytest.mark.parametrize("novel", ["DaisyMiller", "AlicesAdventuresInWonderland", "TheSignOfTheFour"])
def test_discovery_finds_the_main_cast_of_small_pdnc_novels(novel: str) -> None:
    folder = PDNC / novel
    if not folder.is_dir():
        pytest.fail(f"{folder} is missing: the tests need ../shared beside the checkout")
    gold = load_pdnc_characters(folder / "character_info.csv")
    work = Work(text=(folder / "novel_text.txt").read_text(encoding="utf-8"))
    find_characters(work, Options())
    assert roster_recall(work, gold) >= 0.9
    # Spurious characters hurt speaker attribution: no more than twice as many as PDNC lists
    # (its lists hold every character who speaks or is spoken to, minor ones included).
    assert len(work.characters) <= 2 * len(gold)
