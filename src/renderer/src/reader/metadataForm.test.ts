import { describe, expect, it } from 'vitest';
import type { CslItem } from '../../../shared/model';
import { checkDraft, cslFromDraft, dateText, draftFromCsl, isChanged, moveAuthor, newAuthor, parseDate, rebaseDraft, visibleFields } from './metadataForm';

const ARTICLE: CslItem = {
  type: 'article-journal',
  title: 'Recruitment fees and debt bondage',
  author: [{ family: 'Okafor', given: 'Amara' }, { literal: 'Fair Labor Network' }],
  'container-title': 'Journal of Migration Studies',
  issued: { 'date-parts': [[2021, 9]] },
  DOI: '10.1234/jms.2021.045',
  page: '45-67',
  editor: [{ family: 'Ruiz', given: 'Ana' }],
  'citation-key': 'okafor2021',
};

describe('dates', () => {
  it.each([
    ['2023', [[2023]]],
    ['2023-05', [[2023, 5]]],
    ['2024-02-29', [[2024, 2, 29]]],
    [' 1999-12-31 ', [[1999, 12, 31]]],
  ])('reads %s', (text, parts) => expect(parseDate(text)).toEqual({ 'date-parts': parts }));

  it.each(['23', '2023-5', '2023-13', '2023-00', '2023-02-29', '2023-04-31', '2023/05/02', 'May 2023', '2023-05-02T10:00'])('refuses %s', (text) =>
    expect(parseDate(text)).toBeNull(),
  );

  it('shows CSL dates as they are typed, and raw dates as written', () => {
    expect(dateText({ 'date-parts': [[2015, 8, 17]] })).toBe('2015-08-17');
    expect(dateText({ 'date-parts': [['2015', '8']] })).toBe('2015-08');
    expect(dateText({ raw: 'Spring 2015' })).toBe('Spring 2015');
    expect(dateText(undefined)).toBe('');
  });
});

describe('the details draft', () => {
  it('reads a CSL item and writes the same item back when nothing was edited', () => {
    const draft = draftFromCsl(ARTICLE, 'ignored');
    expect(draft).toMatchObject({ type: 'article-journal', issued: '2021-09', doi: '10.1234/jms.2021.045', containerTitle: 'Journal of Migration Studies' });
    expect(draft.authors.map((a) => a.kind)).toEqual(['person', 'organisation']);
    expect(cslFromDraft(draft, ARTICLE)).toEqual(ARTICLE);
    expect(isChanged(draft, draftFromCsl(ARTICLE, 'ignored'))).toBe(false);
  });

  it('writes edits, drops emptied fields and blank author rows, and keeps fields the form does not show', () => {
    const draft = draftFromCsl(ARTICLE, '');
    const edited = {
      ...draft,
      issued: '2022-01-15',
      containerTitle: '  ',
      doi: 'https://doi.org/10.5555/xyz',
      page: '45 – 67',
      authors: [...draft.authors, { ...newAuthor('person'), family: ' Lindqvist ', given: 'Erik' }, newAuthor('organisation')],
    };
    const csl = cslFromDraft(edited, ARTICLE);
    expect(csl.issued).toEqual({ 'date-parts': [[2022, 1, 15]] });
    expect(csl['container-title']).toBeUndefined();
    expect(csl.DOI).toBe('10.5555/xyz');
    expect(csl.page).toBe('45-67');
    expect(csl.author).toEqual([{ family: 'Okafor', given: 'Amara' }, { literal: 'Fair Labor Network' }, { family: 'Lindqvist', given: 'Erik' }]);
    expect(csl.editor).toEqual(ARTICLE.editor);
    expect(csl['citation-key']).toBe('okafor2021');
  });

  it('keeps a date it cannot show as parts when that field was not touched', () => {
    const csl: CslItem = { title: 'T', issued: { raw: 'Spring 2015' } };
    expect(cslFromDraft(draftFromCsl(csl, 'T'), csl).issued).toEqual({ raw: 'Spring 2015' });
    expect(checkDraft(draftFromCsl(csl, 'T')).issued).toMatch(/YYYY/);
  });

  it('names every problem by field', () => {
    const draft = {
      ...draftFromCsl({}, 'Title'),
      title: ' ',
      issued: '2023-02-30',
      accessed: 'yesterday',
      url: 'example.org/page',
      language: 'English language',
      doi: '12.34/x',
      authors: [{ ...newAuthor('person'), given: 'Erik' }],
    };
    const errors = checkDraft(draft);
    expect(errors.issued).toBe('2023-02-30 is not a date in the calendar.');
    expect(errors.accessed).toMatch(/Write the date as YYYY, YYYY-MM or YYYY-MM-DD/);
    expect(Object.keys(errors).sort()).toEqual(['accessed', 'authors.0', 'doi', 'issued', 'language', 'title', 'url']);
    expect(checkDraft({ ...draftFromCsl(ARTICLE, ''), url: 'https://example.org/a', language: 'pt-BR', accessed: '2024-02-29' })).toEqual({});
  });

  it('moves authors within bounds', () => {
    const [a, b, c] = [newAuthor('person'), newAuthor('organisation'), newAuthor('person')];
    expect(moveAuthor([a, b, c], 2, -1)).toEqual([a, c, b]);
    expect(moveAuthor([a, b, c], 0, 1)).toEqual([b, a, c]);
    expect(moveAuthor([a, b, c], 0, -1)).toEqual([a, b, c]);
    expect(moveAuthor([a, b, c], 2, 1)).toEqual([a, b, c]);
  });

  it('rebases after a conflict: the person’s changes on top of the newer version', () => {
    const original = draftFromCsl(ARTICLE, '');
    const edited = { ...original, publisher: 'Migration Press', authors: [original.authors[1]!, original.authors[0]!] };
    const current = draftFromCsl({ ...ARTICLE, volume: '12', title: 'Renamed elsewhere' }, '');
    const rebased = rebaseDraft(original, edited, current);
    expect(rebased).toMatchObject({ publisher: 'Migration Press', volume: '12', title: 'Renamed elsewhere' });
    expect(rebased.authors.map((a) => a.kind)).toEqual(['organisation', 'person']);
    expect(rebaseDraft(original, original, current)).toEqual(current);
  });

  it('shows volume, issue and pages only where they belong, and names the container by type', () => {
    expect(visibleFields('article-journal')).toEqual({ container: 'Journal', volumeAndIssue: true, pages: true });
    expect(visibleFields('book')).toEqual({ container: null, volumeAndIssue: false, pages: false });
    expect(visibleFields('webpage')).toMatchObject({ container: 'Website', pages: false });
    expect(visibleFields('article')).toEqual({ container: 'Published in', volumeAndIssue: true, pages: true });
  });
});
