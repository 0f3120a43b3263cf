"""Imported once by multiprocessing's fork server (see ``fandex.parallel``), before it forks workers.

Importing the stages and loading the model here, once, means every worker starts with both in
memory (shared copy-on-write) instead of spending a second of CPU loading its own copy. Nothing
else imports this module: its side effect is its purpose.
"""

from __future__ import annotations

import contextlib

# The fork server only forgives ImportError in a preload: anything else would stop it, and a
# model that cannot load here is reported by the worker that needs it, with the usual message.
with contextlib.suppress(Exception):
    from fandex import nlp, pipeline  # noqa: F401  (the import itself is the point for pipeline)

    nlp.load()
