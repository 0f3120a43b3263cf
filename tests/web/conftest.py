"""A library for the web tests: the shared samples, examples/, the XSS story (all through the real
pipeline) and handmade works (no pipeline), served on a free port of 127.0.0.1."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import EXAMPLES, SAMPLES
from fandex import cli
from fandex.library import Library
from fandex.web.app import make_server
from library.handmade import two_speaker_work, xss_work

XSS_STORY = Path(__file__).parent / "data" / "xss_story.txt"


@dataclass
class ServedLibrary:
    path: Path
    url: str
    by_title: dict[str, int]  # title -> work id
    by_file: dict[str, int]  # file name the work was added from -> work id

    def id_of_file(self, name: str) -> int:
        assert name in self.by_file, f"{name} is not in the test library: {sorted(self.by_file)}"
        return self.by_file[name]


@pytest.fixture(scope="session")
def library_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not SAMPLES.is_dir():
        pytest.fail(f"{SAMPLES} is missing: the web tests need ../shared beside the checkout")
    path = tmp_path_factory.mktemp("web") / "library.sqlite"
    sources = [str(SAMPLES), str(XSS_STORY)]
    if EXAMPLES.is_dir() and any(EXAMPLES.iterdir()):
        sources.append(str(EXAMPLES))
    assert cli.main(["add", "--library", str(path), *sources]) == 0
    with Library.open(path) as library:
        library.add(two_speaker_work(), "handmade/harbour.txt")
        library.add(xss_work(), "handmade/xss.txt")
    return path


@pytest.fixture(scope="session")
def served(library_path: Path) -> Iterator[ServedLibrary]:
    with Library.open(library_path, readonly=True) as library:
        rows = library.rows()
    by_title = {row.display_title: row.id for row in rows}
    by_file = {Path(row.source).name: row.id for row in rows if row.source}
    server = make_server(library_path, "127.0.0.1", 0, quiet=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    yield ServedLibrary(library_path, f"http://{host}:{port}", by_title, by_file)
    server.shutdown()
    server.server_close()
