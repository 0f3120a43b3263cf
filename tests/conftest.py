from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SAMPLES = SHARED / "samples"
EXAMPLES = ROOT / "examples"

SAMPLE_ONE_LINE = SAMPLES / "000_9524eb1812e8c07e.txt"
SAMPLE_ALL_TALK = SAMPLES / "002_690171456645192b.txt"


@pytest.fixture
def shared_samples() -> Path:
    if not SAMPLES.is_dir():
        pytest.fail(f"{SAMPLES} is missing: the tests need ../shared beside the checkout")
    return SAMPLES


@pytest.fixture(autouse=True, scope="session")
def _private_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> None:
    # The suite must neither read a developer's cached packs nor leave files in their cache folder;
    # subprocesses started by tests inherit the variable.
    from fandex.fandoms.cache import CACHE_ENV

    os.environ[CACHE_ENV] = str(tmp_path_factory.mktemp("fandex-cache"))
