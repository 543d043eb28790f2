// Addresses inside the app: every route reads back to what wrote it, and odd ones fall back to the library.
import { describe, expect, it } from 'vitest';
import { annotationHref, documentHref, KINDS_HREF, libraryTagHref, parseRoute, sourceHref, SOURCES_HREF, TAGS_HREF } from './useRoute';

describe('routes', () => {
  it('reads documents, with or without an annotation to focus', () => {
    expect(parseRoute(documentHref('d 1'))).toEqual({ name: 'document', id: 'd 1', annotationId: null });
    expect(parseRoute(annotationHref('d1', 'a/2'))).toEqual({ name: 'document', id: 'd1', annotationId: 'a/2' });
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
