// Addresses inside the app: every route reads back to what wrote it, and odd ones fall back to the library.
import { describe, expect, it } from 'vitest';
import { annotationHref, documentFilterHref, documentHref, KINDS_HREF, libraryTagHref, parseRoute, sourceHref, SOURCES_HREF, TAGS_HREF } from './useRoute';

describe('routes', () => {
  it('reads documents, with or without an annotation to focus', () => {
    expect(parseRoute(documentHref('d 1'))).toEqual({ name: 'document', id: 'd 1', annotationId: null, filter: { tags: [], match: 'any' } });
    expect(parseRoute(annotationHref('d1', 'a/2'))).toEqual({ name: 'document', id: 'd1', annotationId: 'a/2', filter: { tags: [], match: 'any' } });
  });

  it('reads a document with its panel filtered by tag paths', () => {
    const filter = { tags: ['labour', 'revenue/global & more?'], match: 'all' as const };
    expect(documentFilterHref('d1', null, filter)).toBe('#/documents/d1?tag=labour&tag=revenue%2Fglobal+%26+more%3F&match=all');
    expect(parseRoute(documentFilterHref('d1', null, filter))).toEqual({ name: 'document', id: 'd1', annotationId: null, filter });
    expect(parseRoute(documentFilterHref('d1', 'a1', { tags: ['labour'], match: 'any' }))).toEqual({
      name: 'document',
      id: 'd1',
      annotationId: 'a1',
      filter: { tags: ['labour'], match: 'any' },
    });
    expect(documentFilterHref('d1', null, { tags: [], match: 'all' })).toBe('#/documents/d1');
    expect(parseRoute('#/documents/d1?tag=&match=whatever')).toEqual({ name: 'document', id: 'd1', annotationId: null, filter: { tags: [], match: 'any' } });
  });

  it('reads the views', () => {
    expect(parseRoute(TAGS_HREF)).toEqual({ name: 'tags' });
    expect(parseRoute(SOURCES_HREF)).toEqual({ name: 'sources' });
    expect(parseRoute(sourceHref('s1'))).toEqual({ name: 'source', id: 's1' });
    expect(parseRoute(KINDS_HREF)).toEqual({ name: 'kinds' });
  });

  it('reads the library filtered by a tag', () => {
    expect(parseRoute(libraryTagHref('t&1'))).toEqual({ name: 'home', tagId: 't&1' });
    expect(parseRoute('')).toEqual({ name: 'home', tagId: null });
  });

  it('falls back to the library for what it does not know', () => {
    expect(parseRoute('#/nowhere')).toEqual({ name: 'home', tagId: null });
    expect(parseRoute('#/documents/')).toEqual({ name: 'home', tagId: null });
    expect(parseRoute('#/documents/%E0%A4%A')).toEqual({ name: 'home', tagId: null });
  });
});
