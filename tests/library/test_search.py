from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from fandex.errors import FandexError
from fandex.library import Library, SearchQuery, facets, fts_expression, parse_word_range, search
from fandex.work import Tag, Work


def make_work(
    text: str, title: str, tags: list[tuple[str, str]], declared: list[tuple[str, str]] = ()
) -> Work:
    work = Work(text=text)
    work.metadata.title = title
    work.tags = [Tag(kind, value, "inferred", 0.8) for kind, value in tags]
    work.tags += [Tag(kind, value, "declared") for kind, value in declared]
    return work


@pytest.fixture
def library(tmp_path: Path) -> Library:
    opened = Library.open(tmp_path / "library.sqlite")
    works = [
        # 1: a lighthouse story, Mature, Angst
        make_work(
            "The lighthouse keeper counted ships all night. " * 3,
            "Keeper",
            [("fandom", "Harbour Tales"), ("character", "Mara"), ("additional", "Angst")],
            [("rating", "Mature")],
        ),
        # 2: a ferry story, Teen, Fluff, with Mara and Theo
        make_work(
            "The ferry crossed twice before noon and nobody noticed the lighthouse.",
            "Ferry Days",
            [
                ("fandom", "Harbour Tales"),
                ("character", "Mara"),
                ("character", "Theo"),
                ("additional", "Fluff"),
            ],
            [("rating", "Teen And Up Audiences"), ("relationship", "Mara/Theo")],
        ),
        # 3: another fandom entirely; the word lighthouse only in its title
        make_work(
            "Snow fell on the observatory. " * 40,
            "Lighthouse Of Stars",
            [("fandom", "Star Atlas"), ("additional", "Angst"), ("additional", "Fluff")],
            [("rating", "Mature")],
        ),
    ]
    for number, work in enumerate(works, start=1):
        opened.add(work, f"/stories/{number}.txt")
    yield opened
    opened.close()


def ids(library: Library, query: SearchQuery) -> list[int]:
    return [hit.row.id for hit in search(library, query).hits]


def test_full_text_matches_title_and_text(library: Library) -> None:
    assert sorted(ids(library, SearchQuery(text="lighthouse"))) == [1, 2, 3]


def test_relevance_weighs_a_title_hit_over_a_text_hit(tmp_path: Path) -> None:
    with Library.open(tmp_path / "ranked.sqlite") as ranked:
        ranked.add(make_work("The keeper walked to the lighthouse and back again.", "A Walk", []), "/1.txt")
        ranked.add(make_work("The keeper walked to the harbour and back again.", "Lighthouse", []), "/2.txt")
        for number in range(3, 9):  # words in few works weigh more: make "lighthouse" rare
            ranked.add(
                make_work(f"Gulls circled the harbour {number} times.", f"Gulls {number}", []),
                f"/{number}.txt",
            )
        assert ids(ranked, SearchQuery(text="lighthouse")) == [2, 1]


def test_every_word_must_occur(library: Library) -> None:
    assert ids(library, SearchQuery(text="lighthouse ferry")) == [2]
    assert ids(library, SearchQuery(text="lighthouse zeppelin")) == []


def test_phrase_and_prefix(library: Library) -> None:
    assert ids(library, SearchQuery(text='"counted ships"')) == [1]
    assert ids(library, SearchQuery(text='"ships counted"')) == []
    assert sorted(ids(library, SearchQuery(text="observ*"))) == [3]


def test_fts_operators_typed_by_the_user_are_plain_words(library: Library) -> None:
    # Unbalanced quotes, parentheses, a column filter and NEAR must not raise an FTS5 syntax error.
    for text in ('lighthouse"', "(keeper", "title:keeper", "NEAR(a b)", "-", '""', "AND OR NOT"):
        search(library, SearchQuery(text=text))
    assert fts_expression("keeper OR ferry") == '"keeper" AND "OR" AND "ferry"'


def test_include_filters_are_anded(library: Library) -> None:
    assert sorted(ids(library, SearchQuery(include={"rating": ["Mature"]}))) == [1, 3]
    assert ids(library, SearchQuery(include={"rating": ["Mature"], "fandom": ["Harbour Tales"]})) == [1]
    assert ids(library, SearchQuery(include={"character": ["Mara", "Theo"]})) == [2]


def test_filters_match_whatever_the_case(library: Library) -> None:
    assert sorted(ids(library, SearchQuery(include={"fandom": ["harbour tales"]}))) == [1, 2]


def test_any_kind_tag_and_exclude(library: Library) -> None:
    assert sorted(ids(library, SearchQuery(include={"any": ["Angst"]}))) == [1, 3]
    assert sorted(ids(library, SearchQuery(include={"any": ["Angst"]}, exclude=["Fluff"]))) == [1]
    assert sorted(ids(library, SearchQuery(exclude=["Harbour Tales"]))) == [3]
    assert ids(library, SearchQuery(text="lighthouse", exclude=["Mature"])) == [2]


def test_declared_and_inferred_tags_both_filter(library: Library) -> None:
    assert ids(library, SearchQuery(include={"relationship": ["Mara/Theo"]})) == [2]  # declared
    assert ids(library, SearchQuery(include={"character": ["Theo"]})) == [2]  # inferred


def test_word_range_and_sorts(library: Library) -> None:
    # Words: 1 has 21, 2 has 11, 3 has 200.
    assert ids(library, SearchQuery(sort="words")) == [3, 1, 2]
    assert ids(library, SearchQuery(words_min=15, words_max=100)) == [1]
    assert ids(library, SearchQuery(sort="title")) == [2, 1, 3]
    assert ids(library, SearchQuery(sort="added")) == [3, 2, 1]


def test_limit_offset_and_total(library: Library) -> None:
    results = search(library, SearchQuery(text="lighthouse", sort="title", limit=2))
    assert results.total == 3
    assert [hit.row.id for hit in results.hits] == [2, 1]
    assert ids(library, SearchQuery(text="lighthouse", sort="title", limit=2, offset=2)) == [3]


def test_facets_whole_library(library: Library) -> None:
    counted = facets(library, SearchQuery())
    assert counted["rating"] == [("Mature", 2), ("Teen And Up Audiences", 1)]
    assert counted["fandom"] == [("Harbour Tales", 2), ("Star Atlas", 1)]
    assert counted["additional"] == [("Angst", 2), ("Fluff", 2)]
    assert counted["relationship"] == [("Mara/Theo", 1)]
    assert counted["warning"] == []


def test_facets_over_the_filtered_set(library: Library) -> None:
    counted = facets(library, SearchQuery(text="lighthouse", exclude=["Fluff"]))
    assert counted["rating"] == [("Mature", 1)]
    assert counted["character"] == [("Mara", 1)]
    counted = facets(library, SearchQuery(include={"fandom": ["Harbour Tales"]}))
    assert counted["character"] == [("Mara", 2), ("Theo", 1)]
    assert counted["fandom"] == [("Harbour Tales", 2)]


def test_facet_counts_agree_with_search_totals(library: Library) -> None:
    base = SearchQuery(text="lighthouse")
    for value, count in facets(library, base)["additional"]:
        assert search(library, SearchQuery(text="lighthouse", include={"any": [value]})).total == count


def test_hits_carry_their_tags(library: Library) -> None:
    (hit,) = search(library, SearchQuery(text="ferry")).hits
    assert [tag.value for tag in hit.tags_of_kind("character")] == ["Mara", "Theo"]
    assert [(tag.value, tag.source) for tag in hit.tags_of_kind("relationship")] == [
        ("Mara/Theo", "declared")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1000-5000", (1000, 5000)), ("1,000-", (1000, None)), ("-500", (None, 500)), ("300", (300, None))],
)
def test_parse_word_range(text: str, expected: tuple[int | None, int | None]) -> None:
    assert parse_word_range(text) == expected


@pytest.mark.parametrize("text", ["many", "5000-1000", "-", "1-2-3", ""])
def test_parse_word_range_rejects(text: str) -> None:
    with pytest.raises(FandexError):
        parse_word_range(text)


def test_too_many_matches_to_rank_come_newest_first(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The module, not the function of the same name that fandex.library exports.
    monkeypatch.setattr(importlib.import_module("fandex.library.search"), "RANK_LIMIT", 2)
    results = search(library, SearchQuery(text="lighthouse"))  # three matches, over the limit of two
    assert results.ranked is False
    assert [hit.row.id for hit in results.hits] == [3, 2, 1]
    assert results.total == 3
    results = search(library, SearchQuery(text="ferry"))  # one match: ranked
    assert results.ranked is True


def test_tag_ids_carry_their_kind(library: Library) -> None:
    from fandex.library.store import TAG_KIND_SHIFT, unpack_ids

    db = library.connection
    kinds = dict(db.execute("SELECT code, kind FROM tag_kinds"))
    for tag_id, kind in db.execute("SELECT id, kind FROM tags"):
        assert kinds[tag_id >> TAG_KIND_SHIFT] == kind
    # Each work's packed ids are exactly its tag rows.
    for work_id, blob in db.execute("SELECT work_id, tag_ids FROM work_tag_ids"):
        packed = set(unpack_ids(blob))
        rows = set(
            db.execute(
                "SELECT tags.id FROM work_tags JOIN tags USING (kind, value) WHERE work_id = ?", (work_id,)
            ).fetchall()
        )
        assert packed == {tag_id for (tag_id,) in rows}
        assert (
            len(packed)
            == db.execute("SELECT count(*) FROM work_tags WHERE work_id = ?", (work_id,)).fetchone()[0]
        )


def test_removed_works_leave_their_tags_at_zero_and_out_of_facets(library: Library) -> None:
    library.remove(3)
    counted = facets(library, SearchQuery())
    assert counted["fandom"] == [("Harbour Tales", 2)]
    assert library.connection.execute("SELECT works FROM tags WHERE value = 'Star Atlas'").fetchone() == (0,)
    # A new work with the same tag counts from zero again.
    library.add(make_work("Comets again.", "Comet", [("fandom", "Star Atlas")]), "/stories/9.txt")
    assert facets(library, SearchQuery())["fandom"] == [("Harbour Tales", 2), ("Star Atlas", 1)]


@pytest.mark.parametrize(
    ("limit", "query", "expected_ids", "ranked"),
    [
        # Few pass once the filters apply (estimated and in fact): ranked in the single scoring pass.
        (2, SearchQuery(text="lighthouse", exclude=["Fluff"]), [1], True),
        # The estimate (3 x 2/3 x 2/3 = 1.3) is over the limit of 1, yet only work 1 passes: ranked after all.
        (
            1,
            SearchQuery(text="lighthouse", include={"rating": ["Mature"], "fandom": ["Harbour Tales"]}),
            [1],
            True,
        ),
    ],
)
def test_rank_decision_follows_what_passes_the_filters(
    library: Library,
    monkeypatch: pytest.MonkeyPatch,
    limit: int,
    query: SearchQuery,
    expected_ids: list[int],
    ranked: bool,
) -> None:
    monkeypatch.setattr(importlib.import_module("fandex.library.search"), "RANK_LIMIT", limit)
    results = search(library, query)
    assert [hit.row.id for hit in results.hits] == expected_ids
    assert results.total == len(expected_ids)
    assert results.ranked is ranked


def test_more_pass_than_estimated_come_newest_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importlib.import_module("fandex.library.search"), "RANK_LIMIT", 2)
    with Library.open(tmp_path / "lanterns.sqlite") as lanterns:
        for number in range(1, 4):
            lanterns.add(
                make_work(f"A lantern, number {number}.", f"L{number}", [("additional", "Lights")]),
                f"/{number}",
            )
        for number in range(4, 7):
            lanterns.add(make_work(f"A candle, number {number}.", f"C{number}", []), f"/{number}")
        # Estimated 3 matches x 3/6 works tagged = 1.5, within the limit; in fact 3 pass: over it.
        results = search(lanterns, SearchQuery(text="lantern", include={"any": ["Lights"]}))
        assert [hit.row.id for hit in results.hits] == [3, 2, 1]
        assert results.total == 3
        assert results.ranked is False
