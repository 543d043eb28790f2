// The new-source form: aliases one a line, and what a valid source needs.
import { describe, expect, it } from 'vitest';
import { looksLikeAcronym, parseAliases, sourceFromDraft, type SourceDraft } from './sourceForm';

const draft = (change: Partial<SourceDraft>): SourceDraft => ({
  kind: 'organisation',
  name: '',
  acronym: '',
  aliases: '',
  url: '',
  publisherId: '',
  ...change,
});

describe('source form', () => {
  it('reads aliases one a line, without blanks or repeats', () => {
    expect(parseAliases('International Labor Organization\n\n  OIT \ninternational labor organization')).toEqual(['International Labor Organization', 'OIT']);
  });

  it('builds the source, dropping an alias equal to the name and a publisher for kinds that have none', () => {
    const result = sourceFromDraft(
      draft({ name: ' International Labour Organization ', acronym: 'ILO', aliases: 'International Labour Organization\nOIT', publisherId: 'x' }),
    );
    expect(result).toEqual({
      source: { kind: 'organisation', name: 'International Labour Organization', acronym: 'ILO', aliases: ['OIT'], url: null, publisherId: null },
    });
    expect(sourceFromDraft(draft({ kind: 'report', name: 'Profits and Poverty', publisherId: 'ilo' }))).toMatchObject({ source: { publisherId: 'ilo' } });
  });

  it('says what is missing or wrong', () => {
    expect(sourceFromDraft(draft({}))).toEqual({ errors: { name: 'Give the source a name.' } });
    expect(sourceFromDraft(draft({ name: 'ILO', url: 'ilo.org' }))).toHaveProperty('errors.url');
  });

  it('spots acronyms', () => {
    expect(looksLikeAcronym('ILO')).toBe(true);
    expect(looksLikeAcronym('UNODC')).toBe(true);
    expect(looksLikeAcronym('Reuters')).toBe(false);
  });
});
