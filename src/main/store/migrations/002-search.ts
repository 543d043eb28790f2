// The full-text index over document titles and text, annotation quotes and notes, and the tag and
// source names on each annotation. Rows are written by the store in the same transaction as the
// data they index (search-index.ts), since folding text for the tokenizer happens in JavaScript.
import { indexAllRows } from '../search-index';
import type { Migration } from './types';

export const search: Migration = {
  version: 2,
  name: 'full-text search',
  up(db) {
    db.exec(`
      CREATE TABLE search_keys (
        rowid INTEGER PRIMARY KEY,
        ref_kind TEXT NOT NULL CHECK (ref_kind IN ('document', 'annotation')),
        ref_id TEXT NOT NULL,
        document_id TEXT NOT NULL,
        UNIQUE (ref_kind, ref_id)
      ) STRICT;
      CREATE INDEX search_keys_document ON search_keys (document_id);
      CREATE VIRTUAL TABLE search_fts USING fts5(
        title, body, note, labels,
        tokenize = "unicode61 remove_diacritics 2 categories 'L* N* Co M*'"
      );
    `);
    indexAllRows(db);
  },
};
