import { describe, expect, it } from 'vitest';
import { DEFAULT_CHOICES, parseExportChoices } from './choices';

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
