-- The schema of the database `press db` writes (docs/db.md describes every column).

CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE statements (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  path TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  date TEXT NOT NULL,
  published TEXT NOT NULL,
  location TEXT,
  summary TEXT,
  body_markdown TEXT NOT NULL,
  body_text TEXT NOT NULL,
  background_markdown TEXT,
  background_text TEXT,
  contact TEXT,
  source TEXT,
  lang TEXT NOT NULL,
  translation_of TEXT,
  draft INTEGER NOT NULL CHECK (draft IN (0, 1)),
  embargo TEXT,
  extra TEXT NOT NULL CHECK (json_valid(extra))
) STRICT;
CREATE INDEX statements_date ON statements (date);
CREATE INDEX statements_location ON statements (location);
CREATE INDEX statements_translation_of ON statements (translation_of);

CREATE TABLE speakers (
  id INTEGER PRIMARY KEY,
  slug TEXT UNIQUE,
  name TEXT NOT NULL
) STRICT;

CREATE TABLE organizations (
  id INTEGER PRIMARY KEY,
  slug TEXT UNIQUE,
  name TEXT NOT NULL
) STRICT;

CREATE TABLE topics (
  id INTEGER PRIMARY KEY,
  slug TEXT UNIQUE,
  name TEXT NOT NULL
) STRICT;

CREATE TABLE statement_speakers (
  statement_id INTEGER NOT NULL REFERENCES statements (id),
  position INTEGER NOT NULL,
  speaker_id INTEGER REFERENCES speakers (id),
  role TEXT,
  organization_id INTEGER REFERENCES organizations (id),
  PRIMARY KEY (statement_id, position),
  CHECK (speaker_id IS NOT NULL OR organization_id IS NOT NULL)
) STRICT, WITHOUT ROWID;
CREATE INDEX statement_speakers_speaker ON statement_speakers (speaker_id);
CREATE INDEX statement_speakers_organization ON statement_speakers (organization_id);

CREATE TABLE statement_topics (
  statement_id INTEGER NOT NULL REFERENCES statements (id),
  topic_id INTEGER NOT NULL REFERENCES topics (id),
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (statement_id, topic_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX statement_topics_topic ON statement_topics (topic_id);

CREATE TABLE aliases (
  statement_id INTEGER NOT NULL REFERENCES statements (id),
  position INTEGER NOT NULL,
  path TEXT NOT NULL,
  PRIMARY KEY (statement_id, position)
) STRICT, WITHOUT ROWID;
CREATE INDEX aliases_path ON aliases (path);

CREATE VIRTUAL TABLE statements_fts USING fts5 (
  title, body_text, background_text,
  content = 'statements', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
