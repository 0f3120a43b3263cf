"""The read-only web reader: a search page with AO3-style filters and a page per work.

Standard library HTTP server (one thread per request) and Jinja2 templates with autoescaping on
everywhere. Every response forbids inline script through its Content-Security-Policy.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import jinja2

from fandex.errors import FandexError
from fandex.library import FACET_KINDS, FACET_LABELS, Library, SearchQuery, facets, parse_word_range, search
from fandex.library.search import RANK_LIMIT
from fandex.library.tagset import normalise_kind
from fandex.web import render

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
PAGE_SIZE = 20
# The URL parameter of each facet kind ("additional" tags are AO3's "other tags": any kind).
KIND_PARAMETERS: dict[str, str] = {
    "rating": "rating",
    "warning": "warning",
    "category": "category",
    "fandom": "fandom",
    "relationship": "relationship",
    "character": "character",
    "additional": "tag",
}
RATING_SYMBOLS = {
    "General Audiences": ("G", "rating-general"),
    "Teen And Up Audiences": ("T", "rating-teen"),
    "Mature": ("M", "rating-mature"),
    "Explicit": ("E", "rating-explicit"),
}
CATEGORY_SYMBOLS = {"F/F": "ff", "F/M": "fm", "M/M": "mm", "Gen": "g", "Multi": "+", "Other": "o"}
_STATIC_NAME = re.compile(r"^[a-z0-9_-]+\.(css|js|svg)$")
_STATIC_TYPES = {
    "css": "text/css; charset=utf-8",
    "js": "text/javascript; charset=utf-8",
    "svg": "image/svg+xml",
}
_WORK_PATH = re.compile(r"^/works/(\d{1,18})$")


def template_environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("fandex.web", "templates"),
        autoescape=True,  # every template, whatever its name
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["thousands"] = lambda number: f"{int(number or 0):,}"
    environment.globals.update(
        FACET_LABELS=FACET_LABELS,
        KIND_PARAMETERS=KIND_PARAMETERS,
        RATING_SYMBOLS=RATING_SYMBOLS,
        CATEGORY_SYMBOLS=CATEGORY_SYMBOLS,
        search_url=search_url,
    )
    return environment


def search_url(**parameters: Any) -> str:
    pairs = []
    for name, value in parameters.items():
        values = value if isinstance(value, list | tuple) else [value]
        pairs.extend((name, str(v)) for v in values if v not in (None, ""))
    return "/?" + urlencode(pairs) if pairs else "/"


@dataclass
class Response:
    status: int
    body: bytes
    content_type: str = "text/html; charset=utf-8"


class Reader:
    """What the server answers, independent of the HTTP plumbing (so tests can call it directly)."""

    def __init__(self, library_path: Path) -> None:
        self.library_path = library_path
        self.templates = template_environment()
        # Fail at start-up, not on the first request, if the library cannot be read.
        Library.open(library_path, readonly=True).close()

    def handle(self, target: str) -> Response:
        parts = urlsplit(target)
        if parts.path == "/":
            return self.search_page(parse_qs(parts.query))
        match = _WORK_PATH.match(parts.path)
        if match:
            return self.work_page(int(match.group(1)))
        if parts.path.startswith("/static/"):
            return self.static(parts.path.removeprefix("/static/"))
        return self.error(HTTPStatus.NOT_FOUND, "There is no such page.")

    def page(self, template: str, http_status: int = HTTPStatus.OK, **context: Any) -> Response:
        html = self.templates.get_template(template).render(**context)
        return Response(http_status, html.encode("utf-8"))

    def error(self, status: int, message: str) -> Response:
        return self.page(
            "error.html", status, code=int(status), message=message, title=HTTPStatus(status).phrase
        )

    def static(self, name: str) -> Response:
        if not _STATIC_NAME.match(name):
            return self.error(HTTPStatus.NOT_FOUND, "There is no such file.")
        resource = resources.files("fandex.web") / "static" / name
        if not resource.is_file():
            return self.error(HTTPStatus.NOT_FOUND, "There is no such file.")
        return Response(HTTPStatus.OK, resource.read_bytes(), _STATIC_TYPES[name.rsplit(".", 1)[1]])

    # -- search -----------------------------------------------------------------------------

    def search_page(self, parameters: dict[str, list[str]]) -> Response:
        def values(name: str) -> list[str]:
            return [v.strip() for v in parameters.get(name, []) if v.strip()]

        text = (values("q") or [""])[0]
        include = {kind: values(param) for kind, param in KIND_PARAMETERS.items() if values(param)}
        if "additional" in include:
            include["any"] = include.pop("additional")
        problems = []
        words = (values("words") or [""])[0]
        low = high = None
        if words:
            try:
                low, high = parse_word_range(words)
            except FandexError as error:
                problems.append(error.problem)
        sort = (values("sort") or ["relevance"])[0]
        if sort not in ("relevance", "words", "title", "added"):
            sort = "relevance"
        try:
            page = max(1, int((values("page") or ["1"])[0]))
        except ValueError:
            page = 1
        query = SearchQuery(
            text=text,
            include=include,
            exclude=values("exclude_tag"),
            words_min=low,
            words_max=high,
            sort=sort,  # type: ignore[arg-type]
            limit=PAGE_SIZE,
            offset=(page - 1) * PAGE_SIZE,
        )
        with Library.open(self.library_path, readonly=True) as library:
            results = search(library, query)
            counted = facets(library, query)
        active = {
            param: values(param) for param in ("q", *KIND_PARAMETERS.values(), "exclude_tag", "words", "sort")
        }
        pages = max(1, -(-results.total // PAGE_SIZE))
        return self.page(
            "search.html",
            title="Search" if not text else f"Search: {text}",
            query=query,
            text=text,
            words=words,
            sort=sort,
            results=results,
            rank_limit=RANK_LIMIT,
            facets=[(kind, counted.get(kind, [])) for kind in FACET_KINDS],
            active=active,
            problems=problems,
            page_number=page,
            pages=pages,
            previous_url=search_url(**active, page=page - 1) if page > 1 else None,
            next_url=search_url(**active, page=page + 1) if page < pages else None,
        )

    # -- a work -----------------------------------------------------------------------------

    def work_page(self, work_id: int) -> Response:
        with Library.open(self.library_path, readonly=True) as library:
            try:
                row = library.row(work_id)
            except FandexError:
                return self.error(HTTPStatus.NOT_FOUND, f"There is no work {work_id} in this library.")
            work = library.work(work_id)
            tag_rows = library.tags_of([work_id])[work_id]
        cast = render.cast_of(work)
        evidence = {}
        for tag in work.tags:
            if tag.evidence:
                evidence.setdefault((normalise_kind(tag.kind), " ".join(tag.value.split()).casefold()), tag)
        tag_groups = []
        for kind in FACET_KINDS:
            entries = []
            for row_tag in (t for t in tag_rows if t.kind == kind):
                found = evidence.get((kind, row_tag.value.casefold()))
                snippets = [
                    {"offset": e.start, "text": render.clip(work.text[e.start : e.end]), "reason": e.reason}
                    for e in (found.evidence if found else [])
                ]
                entries.append(
                    {"tag": row_tag, "evidence": snippets, "confidence": found.confidence if found else None}
                )
            if entries:
                tag_groups.append((kind, entries))
        relationships = []
        members = {m.character.id: m for m in cast}
        for relationship in work.relationships:
            names = [members[c].character.name if c in members else c for c in relationship.characters]
            relationships.append(
                {
                    "names": names,
                    "kind": relationship.kind,
                    "strength": relationship.strength,
                    "evidence": [
                        {
                            "offset": e.start,
                            "text": render.clip(work.text[e.start : e.end]),
                            "reason": e.reason,
                        }
                        for e in relationship.evidence
                    ],
                }
            )
        return self.page(
            "work.html",
            title=row.display_title,
            row=row,
            work=work,
            tag_groups=tag_groups,
            cast=cast,
            blocks=render.story_blocks(work, cast),
            graph=render.relationship_graph(work, cast),
            relationships=relationships,
            speakers_known=any(q.speaker for q in work.quotes),
        )


class _Handler(BaseHTTPRequestHandler):
    reader: Reader
    server_version = "fandex"
    sys_version = ""

    def do_GET(self) -> None:
        self._answer(send_body=True)

    def do_HEAD(self) -> None:
        self._answer(send_body=False)

    def _answer(self, send_body: bool) -> None:
        try:
            response = self.reader.handle(self.path)
        except Exception as error:  # one broken page must not take the server down
            print(f"fandex serve: error on {self.path}: {error!r}", file=sys.stderr)
            response = Response(
                HTTPStatus.INTERNAL_SERVER_ERROR, b"Internal error; see the server's log.", "text/plain"
            )
        self.send_response(response.status)
        self.send_header("Content-Type", response.content_type)
        self.send_header("Content-Length", str(len(response.body)))
        self.send_header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if send_body:
            self.wfile.write(response.body)

    def log_message(self, format: str, *args: Any) -> None:
        sys.stderr.write("fandex serve: " + (format % args) + "\n")


def make_server(
    library_path: Path, host: str = "127.0.0.1", port: int = 8000, quiet: bool = False
) -> ThreadingHTTPServer:
    """A server ready for ``serve_forever()``; port 0 picks a free port (see ``server.server_address``)."""
    reader = Reader(library_path)
    handler = type("ReaderHandler", (_Handler,), {"reader": reader})
    if quiet:
        handler.log_message = lambda *_args, **_kwargs: None  # type: ignore[method-assign]
    try:
        server = ThreadingHTTPServer((host, port), handler)
    except OSError as error:
        raise FandexError(
            f"cannot listen on {host}:{port}: {error.strerror}", hint="try another --port"
        ) from None
    server.daemon_threads = True
    return server
