// The library's core tables. Every row that a person edits carries a `version` that each write
// increments, so a write based on an older version is refused as a conflict.
import type { Migration } from './types';

export const core: Migration = {
  version: 1,
  name: 'core tables',
  up(db) {
    db.exec(`
      CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('ready', 'awaiting-text')),
        format TEXT NOT NULL,
        csl TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(csl)),
        text TEXT NOT NULL DEFAULT '',
        blocks TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(blocks)),
        summary TEXT NOT NULL DEFAULT '',
        content_hash TEXT NOT NULL,
        word_count INTEGER NOT NULL DEFAULT 0,
        issued TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE INDEX documents_live_created ON documents (deleted_at, created_at);
      CREATE INDEX documents_live_title ON documents (deleted_at, title COLLATE NOCASE);
      CREATE INDEX documents_live_issued ON documents (deleted_at, issued);
      CREATE INDEX documents_live_updated ON documents (deleted_at, updated_at);
      CREATE INDEX documents_content_hash ON documents (content_hash);

      CREATE TABLE document_origins (
        document_id TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('pasted', 'file', 'url', 'entry')),
        file_name TEXT,
        url TEXT,
        final_url TEXT,
        fetched_at TEXT,
        media_type TEXT,
        bytes BLOB
      ) STRICT;

      CREATE TABLE kinds (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        color TEXT NOT NULL,
        shortcut TEXT,
        position INTEGER NOT NULL,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;

      CREATE TABLE annotations (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        kind_id TEXT NOT NULL REFERENCES kinds (id),
        status TEXT NOT NULL DEFAULT 'unverified' CHECK (status IN ('unverified', 'checked', 'disputed')),
        start INTEGER NOT NULL CHECK (start >= 0),
        "end" INTEGER NOT NULL CHECK ("end" > start),
        exact TEXT NOT NULL,
        prefix TEXT NOT NULL DEFAULT '',
        suffix TEXT NOT NULL DEFAULT '',
        anchor TEXT NOT NULL DEFAULT 'anchored' CHECK (anchor IN ('anchored', 'moved', 'fuzzy', 'orphaned')),
        note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE INDEX annotations_document_start ON annotations (document_id, start);
      CREATE INDEX annotations_kind ON annotations (kind_id);

      CREATE TABLE tags (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        color TEXT,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE TABLE annotation_tags (
        annotation_id TEXT NOT NULL REFERENCES annotations (id) ON DELETE CASCADE,
        tag_id TEXT NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
        PRIMARY KEY (annotation_id, tag_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX annotation_tags_tag ON annotation_tags (tag_id);

      CREATE TABLE sources (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('organisation', 'person', 'report', 'dataset', 'news-outlet', 'web-page')),
        name TEXT NOT NULL,
        acronym TEXT,
        url TEXT,
        publisher_id TEXT REFERENCES sources (id) ON DELETE SET NULL,
        csl TEXT CHECK (csl IS NULL OR json_valid(csl)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE INDEX sources_name ON sources (name COLLATE NOCASE);
      CREATE TABLE source_aliases (
        source_id TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
        alias TEXT NOT NULL COLLATE NOCASE,
        PRIMARY KEY (source_id, alias)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX source_aliases_alias ON source_aliases (alias);
      CREATE TABLE annotation_sources (
        annotation_id TEXT NOT NULL REFERENCES annotations (id) ON DELETE CASCADE,
        source_id TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('attributed-to', 'cites', 'published-by')),
        locator TEXT,
        position INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (annotation_id, source_id, role)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX annotation_sources_source ON annotation_sources (source_id);

      CREATE TABLE figures (
        id TEXT PRIMARY KEY,
        annotation_id TEXT NOT NULL REFERENCES annotations (id) ON DELETE CASCADE,
        position INTEGER NOT NULL DEFAULT 0,
        surface TEXT NOT NULL DEFAULT '',
        surface_start INTEGER NOT NULL DEFAULT 0,
        surface_end INTEGER NOT NULL DEFAULT 0,
        value REAL,
        low REAL,
        high REAL,
        unit TEXT NOT NULL,
        scale TEXT,
        normalized REAL,
        normalized_low REAL,
        normalized_high REAL,
        period TEXT,
        time_start TEXT,
        time_end TEXT,
        qualifier TEXT,
        subject TEXT
      ) STRICT;
      CREATE INDEX figures_annotation ON figures (annotation_id, position);
      CREATE INDEX figures_unit_normalized ON figures (unit, normalized);
    `);
    const kinds: [string, string, string, string][] = [
      ['Claim', '#f2c94c', 'Mod+Shift+1', 'k-claim'],
      ['Figure', '#6fcf97', 'Mod+Shift+2', 'k-figure'],
      ['Quote', '#56ccf2', 'Mod+Shift+3', 'k-quote'],
      ['Question', '#f2994a', 'Mod+Shift+4', 'k-question'],
      ['Note', '#bb6bd9', 'Mod+Shift+5', 'k-note'],
    ];
    const insert = db.prepare('INSERT INTO kinds (id, name, color, shortcut, position) VALUES (?, ?, ?, ?, ?)');
    kinds.forEach(([name, color, shortcut, id], position) => insert.run(id, name, color, shortcut, position));
  },
};
