from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from fandex.fandoms import BUNDLED_DIR, FandomPack, _parse_packs
from fandex.fandoms.cache import CACHE_ENV, cached_packs

PACK_A = """name: Lighthouse Tales
aliases: [LT]
characters:
  - name: Marla Quince
    aliases: [Marla]
    epithets: [the keeper]
    gender: F
  - name: Tobin Reed
    gender: M
    role: recurring
episodes:
  - {season: 1, number: 2, title: The Long Night}
ships:
  Marla/Tobin: [Marla Quince, Tobin Reed]
"""
PACK_B = "name: Harbour Stories\ncharacters: [Ned Pike]\n"
AN_HOUR_AGO = time.time() - 3600


class CountingLoader:
    """The real YAML loader, counting how often the cache had to fall back to it."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, dirs: tuple[Path, ...]) -> tuple[FandomPack, ...]:
        self.calls += 1
        return _parse_packs(dirs)


def _write_pack(path: Path, text: str, mtime: float = AN_HOUR_AGO) -> None:
    path.write_text(text, encoding="utf-8")
    os.utime(path, (mtime, mtime))


@pytest.fixture
def packs_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    folder = tmp_path / "packs"
    folder.mkdir()
    _write_pack(folder / "lighthouse.yaml", PACK_A)
    return folder


def test_second_load_comes_from_the_cache_and_equals_the_parse(packs_dir: Path) -> None:
    loader = CountingLoader()
    first = cached_packs((packs_dir,), loader)
    second = cached_packs((packs_dir,), loader)
    assert loader.calls == 1
    assert second == first == _parse_packs((packs_dir,))
    assert second[0].ships == {"Marla/Tobin": ("Marla Quince", "Tobin Reed")}
    assert second[0].episodes[0].code == "1x02"


def test_the_bundled_packs_survive_the_cache_unchanged(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    loader = CountingLoader()
    cached_packs((BUNDLED_DIR,), loader)
    assert cached_packs((BUNDLED_DIR,), loader) == _parse_packs((BUNDLED_DIR,))
    assert loader.calls == 1


def test_an_edited_pack_is_parsed_again(packs_dir: Path) -> None:
    loader = CountingLoader()
    cached_packs((packs_dir,), loader)
    _write_pack(packs_dir / "lighthouse.yaml", PACK_A.replace("Tobin Reed", "Tobias Reed"))
    packs = cached_packs((packs_dir,), loader)
    assert loader.calls == 2
    assert packs[0].characters[1].name == "Tobias Reed"


def test_an_edit_of_the_same_size_is_seen_by_its_time_stamp(packs_dir: Path) -> None:
    loader = CountingLoader()
    cached_packs((packs_dir,), loader)
    _write_pack(packs_dir / "lighthouse.yaml", PACK_A.replace("Marla]", "Marly]"), AN_HOUR_AGO + 60)
    packs = cached_packs((packs_dir,), loader)
    assert loader.calls == 2
    assert packs[0].characters[0].aliases == ("Marly",)


def test_an_added_or_removed_pack_is_seen(packs_dir: Path) -> None:
    loader = CountingLoader()
    cached_packs((packs_dir,), loader)
    _write_pack(packs_dir / "harbour.yaml", PACK_B)
    assert [p.name for p in cached_packs((packs_dir,), loader)] == ["Harbour Stories", "Lighthouse Tales"]
    (packs_dir / "harbour.yaml").unlink()
    assert [p.name for p in cached_packs((packs_dir,), loader)] == ["Lighthouse Tales"]
    assert loader.calls == 3


def test_a_pack_written_just_now_is_not_cached(packs_dir: Path) -> None:
    # Within the clock's granularity a second edit could keep the same time stamp and size.
    loader = CountingLoader()
    _write_pack(packs_dir / "harbour.yaml", PACK_B, time.time())
    cached_packs((packs_dir,), loader)
    cached_packs((packs_dir,), loader)
    assert loader.calls == 2


def test_an_unwritable_cache_folder_just_means_parsing(
    packs_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(CACHE_ENV, str(blocker / "cache"))
    loader = CountingLoader()
    assert cached_packs((packs_dir,), loader) == cached_packs((packs_dir,), loader)
    assert loader.calls == 2


def test_a_damaged_cache_file_is_ignored_and_replaced(packs_dir: Path, tmp_path: Path) -> None:
    loader = CountingLoader()
    cached_packs((packs_dir,), loader)
    (cache_file,) = (tmp_path / "cache").glob("packs-*.json")
    cache_file.write_text('{"manifest": ', encoding="utf-8")
    assert cached_packs((packs_dir,), loader)[0].name == "Lighthouse Tales"
    assert cached_packs((packs_dir,), loader)[0].name == "Lighthouse Tales"
    assert loader.calls == 2


def test_a_malformed_pack_still_raises_and_is_never_cached(packs_dir: Path, tmp_path: Path) -> None:
    from fandex.errors import FandexError

    _write_pack(packs_dir / "broken.yaml", "name: Broken\ncharacters: {a: 1}\n")
    for _ in range(2):
        with pytest.raises(FandexError, match="must be a list"):
            cached_packs((packs_dir,), CountingLoader())
    assert not list((tmp_path / "cache").glob("packs-*.json"))
