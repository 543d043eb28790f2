import { describe, expect, it } from 'vitest';
import { DEFAULT_CHOICES, parseExportChoices, selectionOptions, type ExportContext } from './choices';

describe('remembered export choices', () => {
  it('keeps valid saved choices', () => {
    const saved = { ...DEFAULT_CHOICES, format: 'docx', style: 'vancouver', grouping: 'tag', sort: 'date', bom: true };
    expect(parseExportChoices(JSON.parse(JSON.stringify(saved)))).toEqual(saved);
  });

  it('falls back field by field on anything stale or hand-edited', () => {
    const parsed = parseExportChoices({ format: 'exe', style: '', grouping: 'colour', sort: 1, include: { tags: false, notes: 'no' }, bom: 'yes' });
    expect(parsed).toEqual({ ...DEFAULT_CHOICES, include: { ...DEFAULT_CHOICES.include, tags: false } });
    expect(parseExportChoices(null)).toEqual(DEFAULT_CHOICES);
    expect(parseExportChoices('md')).toEqual(DEFAULT_CHOICES);
  });
});

describe('what the export dialog offers', () => {
  const tags = [
    { id: 't-forced', name: 'labour/forced' },
    { id: 't-victims', name: 'victims' },
  ];
  const nothing: ExportContext = { source: null, tagFilter: null, query: '', openDocumentId: null, tags };

  it('offers the whole library first when nothing narrower is on screen, then each tag', () => {
    expect(selectionOptions(nothing)).toEqual([
      { label: 'The whole library', selection: { type: 'library' } },
      { label: 'Claims tagged “labour/forced”', selection: { type: 'tag', tagId: 't-forced' } },
      { label: 'Claims tagged “victims”', selection: { type: 'tag', tagId: 't-victims' } },
    ]);
  });

  it('puts the claims of the source whose page is open first, before the library’s tag filter and search', () => {
    const options = selectionOptions({ ...nothing, source: { id: 's-ilo', name: 'ILO' }, tagFilter: tags[1]!, query: '  forced  ' });
    expect(options.map((option) => option.label)).toEqual([
      'Claims citing “ILO”',
      'Claims tagged “victims”',
      'Documents found by “forced”',
      'The whole library',
      'Claims tagged “labour/forced”',
    ]);
    expect(options[0]!.selection).toEqual({ type: 'source', sourceId: 's-ilo' });
    expect(options[2]!.selection).toEqual({ type: 'search', query: 'forced' });
  });

  it('offers the open document before the whole library', () => {
    expect(selectionOptions({ ...nothing, tags: [], openDocumentId: 'd-1' })).toEqual([
      { label: 'The open document', selection: { type: 'documents', ids: ['d-1'] } },
      { label: 'The whole library', selection: { type: 'library' } },
    ]);
  });
});
