// Size caps that every transport and the store agree on. A value over a cap is refused with a
// `too-large` error that names the cap, before anything is written.

export const LIMITS = {
  /** Characters of canonical text in one document (about 1.5 million words). */
  documentText: 10_000_000,
  title: 2_000,
  note: 200_000,
  name: 500,
  shortText: 2_000,
  searchQuery: 1_000,
  listPage: 500,
  searchPage: 100,
  importBatch: 500,
  /** Base64 characters of one imported file: a 100 MB file. */
  importBase64: Math.ceil((100 * 1024 * 1024) / 3) * 4,
  /** Bytes of one HTTP request body in web mode: room for the largest file import. */
  requestBody: 150 * 1024 * 1024,
} as const;
