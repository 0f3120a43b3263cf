-- The first library schema: one row per work, its tags as facet rows, its cast, and a full-text index.

CREATE TABLE works (
    id INTEGER PRIMARY KEY,             -- grows with every new work: the newest has the highest id
    hash TEXT NOT NULL UNIQUE,          -- SHA-256 of Work.text: the story's identity
    source TEXT,                        -- the file it was added from (absolute path)
    title TEXT,
    authors TEXT NOT NULL DEFAULT '',   -- joined with ", " for display and sorting
    fandoms TEXT NOT NULL DEFAULT '',
    rating TEXT,
    warnings TEXT NOT NULL DEFAULT '',
    category TEXT NOT NULL DEFAULT '',
    words INTEGER NOT NULL DEFAULT 0,
    summary TEXT,
    added TEXT NOT NULL,                -- ISO 8601 UTC
    updated TEXT NOT NULL,
    analyzer TEXT NOT NULL,             -- fandex version and schema version that made the analysis
    tag_text TEXT NOT NULL DEFAULT '',  -- exactly what the full-text index holds for the tags column
    tag_ids BLOB NOT NULL DEFAULT x''   -- the work's tags.id values, packed int32 little-endian, for facets
);
CREATE INDEX works_source ON works(source);
CREATE INDEX works_words ON works(words);
CREATE INDEX works_title ON works(title COLLATE NOCASE);

-- The analysis (Work.to_dict() as JSON) beside its catalogue row rather than in it: works rows stay
-- small, so that scanning and joining them for searches does not drag whole stories through memory.
CREATE TABLE analyses (
    work_id INTEGER PRIMARY KEY REFERENCES works(id) ON DELETE CASCADE,
    analysis TEXT NOT NULL
);

-- One row per distinct (work, kind, value); source is "declared" when the work declares the tag
-- (it then wins for display), else "inferred".
CREATE TABLE work_tags (
    work_id INTEGER NOT NULL REFERENCES works(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    value TEXT NOT NULL COLLATE NOCASE,  -- filters match tags whatever their case, as AO3 does
    source TEXT NOT NULL,
    PRIMARY KEY (work_id, kind, value)
) WITHOUT ROWID;
CREATE INDEX work_tags_facet ON work_tags(kind, value, work_id);
CREATE INDEX work_tags_value ON work_tags(value, work_id);

-- Every tag once, with the number of works carrying it (kept in step with work_tags). The id encodes
-- the kind: id >> 24 is tag_kinds.code, so facet counting needs no lookup per tag.
CREATE TABLE tag_kinds (
    code INTEGER PRIMARY KEY,
    kind TEXT NOT NULL UNIQUE
);
CREATE TABLE tags (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    value TEXT NOT NULL COLLATE NOCASE,
    works INTEGER NOT NULL,
    UNIQUE (kind, value)
);
CREATE INDEX tags_top ON tags(kind, works DESC);

CREATE TABLE characters (
    work_id INTEGER NOT NULL REFERENCES works(id) ON DELETE CASCADE,
    character_id TEXT NOT NULL,
    name TEXT NOT NULL,
    lines INTEGER NOT NULL DEFAULT 0,
    mentions INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (work_id, character_id)
) WITHOUT ROWID;
CREATE INDEX characters_name ON characters(name COLLATE NOCASE);

-- Contentless: the text already lives in works.analysis, so the index keeps only its postings.
-- The rowid is works.id; deleting a row needs the indexed values again (see Library._unindex).
CREATE VIRTUAL TABLE works_fts USING fts5(
    title, summary, tags, text,
    content = '',
    tokenize = 'unicode61 remove_diacritics 2'
);
-- Relevance: a hit in the title weighs most, then the summary, the tags, the story's text.
INSERT INTO works_fts(works_fts, rank) VALUES ('rank', 'bm25(10.0, 5.0, 3.0, 1.0)');
