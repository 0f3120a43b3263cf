"""The web reader over HTTP (no browser): status codes, headers, escaping, filters in the URL."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from fandex.errors import FandexError
from fandex.library import Library
from fandex.web.app import CONTENT_SECURITY_POLICY, Reader, make_server
from fandex.work import Work
from library.handmade import two_speaker_work
from web.conftest import ServedLibrary


def fetch(url: str, method: str = "GET") -> tuple[int, dict[str, str], str]:
    request = urllib.request.Request(url, method=method)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode("utf-8")


def result_titles(page: str) -> list[str]:
    return re.findall(r'<h3 class="heading"><a href="/works/\d+">([^<]*)</a>', page)


def test_every_page_forbids_inline_script(served: ServedLibrary) -> None:
    for path in ("/", "/works/1", "/static/style.css", "/no/such/page"):
        _status, headers, _body = fetch(served.url + path)
        policy = headers["Content-Security-Policy"]
        assert policy == CONTENT_SECURITY_POLICY
        script_rule = next(rule for rule in policy.split(";") if rule.strip().startswith("script-src"))
        assert "'unsafe-inline'" not in script_rule
        assert script_rule.split() == ["script-src", "'self'"]
        assert headers["X-Content-Type-Options"] == "nosniff"


def test_search_page_lists_every_work_with_blurbs(served: ServedLibrary) -> None:
    status, headers, page = fetch(served.url + "/")
    assert status == 200
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    titles = result_titles(page)
    assert "Harbour Lights" in titles
    assert "All Talk" in titles
    assert f"{len(served.by_file)} works" in page


def test_filters_in_the_url(served: ServedLibrary) -> None:
    _status, _headers, page = fetch(served.url + "/?rating=Teen+And+Up+Audiences&fandom=Harbour+Tales")
    assert result_titles(page) == ["Harbour Lights"]
    _status, _headers, page = fetch(served.url + "/?q=tide&exclude_tag=Harbour+Tales")
    assert result_titles(page) == []
    assert "No works found" in page


def test_sidebar_counts_and_checked_filters(served: ServedLibrary) -> None:
    _status, _headers, page = fetch(served.url + "/?fandom=Harbour+Tales")
    # The checked include box for the active filter, with its count over the filtered set.
    assert re.search(
        r'name="fandom" value="Harbour Tales" checked>\s*Harbour Tales <span class="count">\(1\)</span>', page
    )
    assert re.search(r'name="tag" value="Rowing">\s*Rowing <span class="count">\(1\)</span>', page)


def test_bad_word_range_is_a_message_not_an_error(served: ServedLibrary) -> None:
    status, _headers, page = fetch(served.url + "/?words=lots")
    assert status == 200
    assert "is not a range" in page


def test_work_page_has_tags_cast_graph_and_coloured_story(served: ServedLibrary) -> None:
    status, _headers, page = fetch(f"{served.url}/works/{served.by_title['Harbour Lights']}")
    assert status == 200
    assert '<h1 class="title">Harbour Lights</h1>' in page
    assert '<span class="quote speaker-c1 pal-0" title="Mara says">The tide is turning,</span>' in page
    assert 'class="thought speaker-c1 pal-0"' in page
    assert '<hr class="scene-break"' in page
    assert "third person, point of view: Mara" in page
    assert '<svg class="relationship-graph"' in page
    # The evidence of an inferred tag links to an anchor that exists in the story.
    link = re.search(r'<a href="#o(\d+)">“Then we row now,”</a>', page)
    assert link is not None
    assert f'id="o{link.group(1)}"' in page


def test_markup_in_a_story_is_shown_as_text(served: ServedLibrary) -> None:
    for work_id in (served.id_of_file("xss_story.txt"), served.id_of_file("xss.txt")):
        status, _headers, page = fetch(f"{served.url}/works/{work_id}")
        assert status == 200
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
        assert "&lt;img src=x onerror=alert(1)&gt;" in page
        assert "<img" not in page
        # The only script element is our own static file.
        assert re.findall(r"<script[^>]*>", page) == ['<script src="/static/reader.js" defer>']


def test_markup_in_result_blurbs_is_escaped(served: ServedLibrary) -> None:
    _status, _headers, page = fetch(served.url + "/?q=wall")
    assert "Title &lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<img" not in page


def test_missing_work_and_page_are_404(served: ServedLibrary) -> None:
    assert fetch(served.url + "/works/999999")[0] == 404
    assert fetch(served.url + "/nowhere")[0] == 404
    assert fetch(served.url + "/static/../store.py")[0] == 404
    assert fetch(served.url + "/static/missing.css")[0] == 404


def test_static_files_and_head(served: ServedLibrary) -> None:
    status, headers, body = fetch(served.url + "/static/style.css")
    assert status == 200
    assert headers["Content-Type"] == "text/css; charset=utf-8"
    assert ".pal-11" in body
    status, headers, body = fetch(served.url + "/", method="HEAD")
    assert status == 200
    assert body == ""
    assert int(headers["Content-Length"]) > 0


def test_writes_are_refused(served: ServedLibrary) -> None:
    assert fetch(served.url + "/", method="POST")[0] == 501


def test_work_without_speakers_or_paragraphs_still_renders(tmp_path: Path) -> None:
    path = tmp_path / "plain.sqlite"
    with Library.open(path) as library:
        work_id = library.add(
            Work(text="Only narration here.\n\nAnd a second paragraph."), "/plain.txt"
        ).work_id
    response = Reader(path).handle(f"/works/{work_id}")
    page = response.body.decode()
    assert response.status == 200
    assert '<p id="p0">Only narration here.</p>' in page
    assert '<p id="p1">And a second paragraph.</p>' in page
    assert "No characters found in this work yet." in page


def test_reader_is_read_only(tmp_path: Path) -> None:
    path = tmp_path / "ro.sqlite"
    with Library.open(path) as library:
        library.add(two_speaker_work(), "/a.txt")
    reader = Reader(path)
    reader.handle("/")
    with Library.open(path, readonly=True) as library, pytest.raises(Exception, match="readonly"):
        library.connection.execute("DELETE FROM works")


def test_server_on_a_missing_library_is_a_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(FandexError, match="no library here yet"):
        make_server(tmp_path / "none.sqlite", port=0)


def test_server_binds_to_loopback_by_default(tmp_path: Path) -> None:
    path = tmp_path / "lo.sqlite"
    Library.open(path).close()
    server = make_server(path, port=0, quiet=True)
    try:
        assert server.server_address[0] == "127.0.0.1"
    finally:
        server.server_close()


def test_fandex_serve_command_serves_until_interrupted(library_path: Path) -> None:
    import re as regex
    import signal
    import subprocess
    import sys

    process = subprocess.Popen(
        [sys.executable, "-m", "fandex", "serve", "--port", "0", "--library", str(library_path)],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = process.stderr.readline()
        match = regex.search(r"at (http://127\.0\.0\.1:\d+/)", line)
        assert match, line
        status, headers, page = fetch(match.group(1))
        assert status == 200
        assert "Content-Security-Policy" in headers
        assert "Harbour Lights" in page
        process.send_signal(signal.SIGINT)
        process.wait(timeout=10)
        assert process.returncode == 0
        assert "stopped" in process.stderr.read()
    finally:
        process.kill()
        process.wait()


def test_fandex_serve_rejects_a_bad_port(capsys: pytest.CaptureFixture[str], library_path: Path) -> None:
    from fandex import cli

    assert cli.main(["serve", "--port", "70000", "--library", str(library_path)]) == 2
    assert "is not a port number" in capsys.readouterr().err


def test_results_come_in_pages_of_twenty(tmp_path: Path) -> None:
    path = tmp_path / "many.sqlite"
    with Library.open(path) as library:
        for number in range(1, 26):
            work = Work(text=f"Story number {number} about a lighthouse.")
            work.metadata.title = f"Lighthouse {number:02}"
            library.add(work, f"/{number}.txt")
    reader = Reader(path)
    first = reader.handle("/?sort=title").body.decode()
    second = reader.handle("/?sort=title&page=2").body.decode()
    assert result_titles(first) == [f"Lighthouse {n:02}" for n in range(1, 21)]
    assert result_titles(second) == [f"Lighthouse {n:02}" for n in range(21, 26)]
    assert "page 1 of 2" in first
    assert 'rel="next" href="/?sort=title&amp;page=2"' in first
    assert 'rel="prev" href="/?sort=title&amp;page=1"' in second
