"""The yardstick of the speed benchmark: spaCy's en_core_web_sm merely parsing the same text.

Run as a subprocess by bench_pipeline.py: ``python spacy_baseline.py FILE...``. Loads the model the
way fandex does (``fandex.nlp.load()``, the default pipeline: tok2vec, tagger, parser, lemmatizer,
NER), splits each file into paragraphs at blank lines (a novel as one Doc would exceed spaCy's
length limit and is not how anyone runs it) and parses them with ``nlp.pipe`` (batched, one
process). Prints one JSON object: the load time and, per file, the parse time (wall and CPU).
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path
from typing import Any

BLANK_LINES = re.compile(r"\n[ \t]*\n")


def paragraphs(text: str, limit: int) -> list[str]:
    """The text's paragraphs; any longer than spaCy's limit are cut at line ends, then hard."""
    pieces: list[str] = []
    for block in BLANK_LINES.split(text):
        block = block.strip()
        if not block:
            continue
        while len(block) > limit:
            cut = block.rfind("\n", 0, limit)
            cut = cut if cut > 0 else limit
            pieces.append(block[:cut])
            block = block[cut:].strip()
        if block:
            pieces.append(block)
    return pieces


def main(files: list[str]) -> dict[str, Any]:
    wall, cpu = time.perf_counter(), time.process_time()
    from fandex import nlp

    model = nlp.load()
    result: dict[str, Any] = {
        "pipeline": list(model.pipe_names),
        "load_wall": time.perf_counter() - wall,
        "load_cpu": time.process_time() - cpu,
        "files": [],
    }
    for name in files:
        text = Path(name).read_text(encoding="utf-8")
        pieces = paragraphs(text, model.max_length)
        wall, cpu = time.perf_counter(), time.process_time()
        tokens = 0
        for doc in model.pipe(pieces):
            tokens += len(doc)
        result["files"].append(
            {
                "path": name,
                "paragraphs": len(pieces),
                "tokens": tokens,
                "wall": time.perf_counter() - wall,
                "cpu": time.process_time() - cpu,
            }
        )
    result["parse_wall"] = sum(f["wall"] for f in result["files"])
    result["parse_cpu"] = sum(f["cpu"] for f in result["files"])
    return result


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1:])))
