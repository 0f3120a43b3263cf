from __future__ import annotations

import jsonschema
import pytest

from fandex.work import Character, Evidence, Paragraph, Quote, Tag, Work
from fandex.writers import json as json_writer


def _sample_work() -> Work:
    text = 'Title: Test\n\n"Hello," said Ann.\n'
    work = Work(text=text, source="t.txt", source_format="text")
    work.metadata.title = "Test"
    work.metadata.authors = ["Me"]
    work.metadata.body_start = 13
    work.paragraphs.append(Paragraph(13, len(text) - 1))
    work.characters.append(Character(id="c1", name="Ann", aliases=["Annie"], gender="F", mentions=1))
    work.quotes.append(Quote(14, 20, speaker="c1", cue="explicit"))
    work.tags.append(Tag(kind="rating", value="General Audiences", evidence=[Evidence(13, 20, "no sex")]))
    return work


def test_text_is_set_once() -> None:
    work = Work(text="abc")
    with pytest.raises(AttributeError):
        work.text = "other"


def test_json_round_trip_is_lossless() -> None:
    work = _sample_work()
    again = json_writer.loads(json_writer.dumps(work))
    assert again == work
    assert again.quotes[0].speaker == "c1"
    assert isinstance(again.tags[0].evidence[0], Evidence)


def test_quote_text_is_in_the_json() -> None:
    data = _sample_work().to_dict()
    assert data["quotes"][0]["text"] == "Hello,"


def test_document_matches_the_schema() -> None:
    jsonschema.validate(_sample_work().to_dict(), json_writer.schema())


def test_schema_rejects_a_malformed_document() -> None:
    data = _sample_work().to_dict()
    data["quotes"][0]["start"] = "fourteen"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, json_writer.schema())
