// Bibliographic files: BibTeX, RIS and CSL-JSON fixtures (tests/fixtures/make/bib.ts) read to the
// same plain CSL-JSON items; bad entries become warnings; a file with none is refused.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBibliography } from '../../../src/main/importers/bibliographic';
import type { CslItem } from '../../../src/shared/model';
import { GlossError } from '../../../src/shared/errors';

const fixture = (name: string): string => readFileSync(join(__dirname, '../../fixtures/bib', name), 'utf8');

const NEWS: CslItem = {
  type: 'article-newspaper',
  title: 'Dock workers strike in three harbours',
  author: [{ family: 'Santos', given: 'Maria' }],
  'container-title': 'The Harbour Times',
  issued: { 'date-parts': [[2023, 5, 2]] },
  URL: 'https://example.org/news/dock-strike',
};
const REPORT: CslItem = {
  type: 'report',
  title: 'Global Estimates of Modern Slavery: Forced Labour and Forced Marriage',
  author: [{ literal: 'International Labour Organization' }],
  publisher: 'International Labour Office',
  'publisher-place': 'Geneva',
  issued: { 'date-parts': [[2022]] },
};
const ARTICLE: CslItem = {
  type: 'article-journal',
  title: 'Recruitment fees and debt bondage in labour migration',
  author: [
    { family: 'Okafor', given: 'Amara' },
    { family: 'Lindqvist', given: 'Erik' },
  ],
  'container-title': 'Journal of Migration Studies',
  issued: { 'date-parts': [[2021, 9]] },
  volume: '12',
  issue: '3',
  page: '45-67',
  DOI: '10.1234/jms.2021.045',
};
const WEB_PAGE: CslItem = {
  type: 'webpage',
  title: 'Guide to fair recruitment',
  author: [{ literal: 'Fair Labor Network' }],
  URL: 'https://example.org/guide',
};

const key = (item: CslItem, citationKey: string): CslItem => ({ ...item, 'citation-key': citationKey });

describe('parseBibliography', () => {
  it('reads BibTeX (with @string macros and biblatex types) to plain CSL-JSON', () => {
    const { entries, warnings } = parseBibliography(fixture('references.bib'), 'references.bib');
    expect(warnings).toEqual([]);
    expect(entries).toEqual([
      key(NEWS, 'santos2023'),
      key(REPORT, 'ilo2022'),
      key(ARTICLE, 'okafor2021'),
      key({ ...WEB_PAGE, accessed: { 'date-parts': [[2024, 2, 10]] } }, 'fln-guide'),
    ]);
  });

  it('reads RIS to the same items', () => {
    const { entries, warnings } = parseBibliography(fixture('references.ris'), 'references.ris');
    expect(warnings).toEqual([]);
    expect(entries).toEqual([NEWS, REPORT, ARTICLE, WEB_PAGE]);
  });

  it('reads CSL-JSON, dropping ids and reporting what is not an entry', () => {
    const { entries, warnings } = parseBibliography(fixture('references.json'), 'references.json');
    expect(entries).toEqual([NEWS, REPORT, ARTICLE, { ...WEB_PAGE, accessed: { 'date-parts': [[2024, 2, 10]] } }]);
    expect(warnings).toEqual(['Entry 5 is not a CSL-JSON object and was skipped.']);
  });

  it('leaves no citation-js internals in the items', () => {
    for (const name of ['references.bib', 'references.ris']) {
      for (const entry of parseBibliography(fixture(name), name).entries) {
        expect(Object.keys(entry).filter((field) => field.startsWith('_') || field === 'id')).toEqual([]);
        expect(JSON.parse(JSON.stringify(entry))).toEqual(entry);
      }
    }
  });

  it('skips a broken BibTeX entry with a warning and keeps the others', () => {
    const { entries, warnings } = parseBibliography(fixture('bad-entry.bib'), 'bad-entry.bib');
    expect(entries.map((entry) => entry['citation-key'])).toEqual(['santos2023', 'ilo2022', 'okafor2021']);
    expect(entries[2]!['container-title']).toBe('Journal of Migration Studies');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^Entry 4 \(fln-guide\) could not be read and was skipped: /);
  });

  it('detects the format from the content whatever the extension', () => {
    expect(parseBibliography(fixture('references.ris'), 'export.txt').entries).toHaveLength(4);
    expect(parseBibliography(fixture('references.bib'), 'export.txt').entries).toHaveLength(4);
  });

  it('refuses a file with no entries', () => {
    const refuse = (text: string, name: string): GlossError => {
      try {
        parseBibliography(text, name);
      } catch (error) {
        expect(error).toBeInstanceOf(GlossError);
        return error as GlossError;
      }
      throw new Error('expected a GlossError');
    };
    expect(refuse('Just some notes.', 'notes.txt')).toMatchObject({
      code: 'validation',
      message:
        '“notes.txt” is not a bibliography Gloss can read. Export your references as BibTeX (.bib), RIS (.ris) or CSL-JSON (.json) and import that file.',
    });
    expect(refuse('[]', 'empty.json').message).toBe(
      '“empty.json” has no CSL-JSON entries Gloss could read. Check that the file is a complete export and try again.',
    );
    expect(refuse('[{"title": ', 'cut.json').code).toBe('validation');
    expect(refuse('@article{x, title = {Unclosed', 'cut.bib').message).toMatch(
      /^“cut.bib” has no BibTeX entries Gloss could read \(Entry 1 \(x\) could not be read/,
    );
  });
});
