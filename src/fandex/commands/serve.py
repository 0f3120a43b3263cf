"""`fandex serve`: the read-only web reader over a library."""

from __future__ import annotations

import argparse
import sys


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="browse and read the library in a web browser",
        description=(
            "Serve the library read-only over HTTP: a search page with AO3-style filters and a page per "
            "work with its tags, cast, relationship graph and the story with each speaker's lines coloured."
        ),
    )
    parser.add_argument(
        "--port", type=int, default=8000, help="port to listen on (default 8000; 0 picks a free one)"
    )
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)"
    )
    parser.add_argument(
        "--library",
        metavar="PATH",
        help="the library file (default: $FANDEX_LIBRARY, else library.sqlite in your data folder)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from fandex.errors import FandexError
    from fandex.library import default_path
    from fandex.web.app import make_server

    if not 0 <= args.port <= 65535:
        raise FandexError(
            f"--port {args.port} is not a port number", hint="use 1-65535, or 0 for any free port"
        )
    library_path = args.library or default_path()
    server = make_server(library_path, args.host, args.port)
    host, port = server.server_address[:2]
    print(
        f"fandex: serving {library_path} at http://{host}:{port}/ (Ctrl-C to stop)",
        file=sys.stderr,
        flush=True,
    )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("fandex: stopped", file=sys.stderr)
    finally:
        server.server_close()
    return 0
