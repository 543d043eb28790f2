import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractMetadata } from '../../../src/main/importers/metadata';
import { cslDate, parseNameList, personName } from '../../../src/main/importers/html/names';

const load = (name: string, url?: string) => new JSDOM(readFileSync(join(__dirname, '../../fixtures/html', name), 'utf8'), { url }).window.document;
const inline = (head: string) => new JSDOM(`<!DOCTYPE html><html><head>${head}</head><body></body></html>`).window.document;

describe('extractMetadata', () => {
  it('reads citation_* tags: repeated authors, journal, DOI, pages, PDF', () => {
    const meta = extractMetadata(load('meta-citation.html'), 'https://journals.example/content/14/3/211');
    expect(meta.csl).toEqual({
      type: 'article-journal',
      title: 'Recruitment fees and forced labour in Gulf construction',
      author: [{ family: 'Haddad', given: 'Leila' }, { family: 'da Silva', given: 'Pedro Alvarez' }, { literal: 'International Labour Organization' }],
      'container-title': 'Journal of Migration Studies',
      publisher: 'Meridian Academic Press',
      issued: { 'date-parts': [[2021, 11, 8]] },
      URL: 'https://journals.example/content/14/3/211',
      language: 'en',
      DOI: '10.5555/jms.2021.0143',
      volume: '14',
      issue: '3',
      page: '211–239',
    });
    expect(meta.pdfUrl).toBe('https://journals.example/content/14/3/211.full.pdf');
    expect(meta.title).toBe('Recruitment fees and forced labour in Gulf construction');
    expect(meta.warnings).toEqual([]);
  });

  it('reads a JSON-LD Report with an organisation as author, and survives malformed JSON-LD with a warning', () => {
    const meta = extractMetadata(load('meta-jsonld-report.html'));
    expect(meta.csl).toEqual({
      type: 'report',
      title: 'Shipping and seafarers: annual report 2023',
      author: [{ literal: "Seafarers' Rights Network" }],
      'container-title': 'Annual reports',
      publisher: "Seafarers' Rights Network",
      issued: { 'date-parts': [[2023, 6]] },
      URL: 'https://rights.example/reports/2023',
      language: 'en',
    });
    expect(meta.warnings).toHaveLength(1);
    expect(meta.warnings[0]).toMatch(/JSON-LD\) metadata is malformed/);
  });

  it('reads OpenGraph alone, skipping profile URLs as authors, and types a news site as a newspaper', () => {
    const meta = extractMetadata(load('meta-opengraph.html'), 'https://harbourdaily.example/2024/05/ferry-crews?ref=home');
    expect(meta.csl).toEqual({
      type: 'article-newspaper',
      title: 'Ferry crews walk out over rosters',
      author: [{ family: 'Nguyen', given: 'Tom' }],
      'container-title': 'Harbour Daily News',
      issued: { 'date-parts': [[2024, 5, 17]] },
      URL: 'https://harbourdaily.example/2024/05/ferry-crews',
      language: 'en-AU',
    });
  });

  it('falls back to the page title (without the site suffix), author meta and html lang', () => {
    const meta = extractMetadata(load('meta-bare.html'), 'https://notes.example/wages');
    expect(meta.csl).toEqual({
      type: 'webpage',
      title: 'Notes on port wages',
      author: [{ family: 'Dubois', given: 'Camille' }],
      URL: 'https://notes.example/wages',
      language: 'fr',
    });
    expect(meta.byline).toBe('Camille Dubois');
  });

  it('decides conflicts by the documented precedence: citation_*, JSON-LD, OpenGraph, page', () => {
    const meta = extractMetadata(load('meta-conflicting.html'));
    expect(meta.csl.title).toBe('Citation title');
    expect(meta.csl.author).toEqual([{ family: 'Citation', given: 'Author' }]);
    expect(meta.csl.issued).toEqual({ 'date-parts': [[2022, 2, 2]] });
    expect(meta.csl.type).toBe('article-newspaper');
    expect(meta.csl.language).toBe('de');
    expect(meta.csl['container-title']).toBe('JSON-LD Publisher');
    expect(meta.csl.publisher).toBe('JSON-LD Publisher');
  });

  it('lets JSON-LD win over OpenGraph and OpenGraph over the page when citation_* is absent', () => {
    const jsonLd = '<script type="application/ld+json">{"@type":"ScholarlyArticle","headline":"LD","datePublished":"2019-03-02"}</script>';
    const og = '<meta property="og:title" content="OG"><meta property="article:published_time" content="2018-01-01">';
    expect(extractMetadata(inline(`<title>Page</title>${og}${jsonLd}`)).csl).toMatchObject({
      title: 'LD',
      type: 'article-journal',
      issued: { 'date-parts': [[2019, 3, 2]] },
    });
    expect(extractMetadata(inline(`<title>Page</title>${og}`)).csl).toMatchObject({ title: 'OG', type: 'webpage', issued: { 'date-parts': [[2018, 1, 1]] } });
  });

  it('resolves @id references in an @graph and prefers the article node', () => {
    const graph = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebPage', '@id': '#page', name: 'Page node' },
        { '@type': ['Article', 'NewsArticle'], headline: 'Article node', author: [{ '@id': '#p1' }, 'Staff reporter'], isPartOf: { '@id': '#paper' } },
        { '@type': 'Person', '@id': '#p1', name: 'Ana María López Jr.' },
        { '@type': 'Periodical', '@id': '#paper', name: 'The Paper' },
      ],
    };
    const meta = extractMetadata(inline(`<script type="application/ld+json">${JSON.stringify(graph)}</script>`));
    expect(meta.csl).toMatchObject({
      type: 'article-newspaper',
      title: 'Article node',
      author: [{ family: 'López', given: 'Ana María', suffix: 'Jr.' }, { literal: 'Staff reporter' }],
      'container-title': 'The Paper',
    });
  });

  it('never records a non-web address as the URL', () => {
    const meta = extractMetadata(inline('<link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="data:text/html,x">'));
    expect(meta.csl.URL).toBeUndefined();
  });
});

describe('names and dates', () => {
  it('splits people and keeps organisations whole', () => {
    expect(personName('Jane Q. Public')).toEqual({ family: 'Public', given: 'Jane Q.' });
    expect(personName('Doe, John')).toEqual({ family: 'Doe', given: 'John' });
    expect(personName('Ludwig van Beethoven')).toEqual({ family: 'van Beethoven', given: 'Ludwig' });
    expect(personName('Reuters')).toEqual({ literal: 'Reuters' });
    expect(personName('Associated Press')).toEqual({ literal: 'Associated Press' });
    expect(parseNameList('By Jane Doe and John Smith')).toEqual([
      { family: 'Doe', given: 'Jane' },
      { family: 'Smith', given: 'John' },
    ]);
    expect(parseNameList('Doe, Jane')).toEqual([{ family: 'Doe', given: 'Jane' }]);
  });

  it('turns dates into date-parts without moving them across time zones', () => {
    expect(cslDate('2024-03-04T23:30:00-05:00')).toEqual({ 'date-parts': [[2024, 3, 4]] });
    expect(cslDate('2021/11/08')).toEqual({ 'date-parts': [[2021, 11, 8]] });
    expect(cslDate('2023')).toEqual({ 'date-parts': [[2023]] });
    expect(cslDate('5 March 2024')).toEqual({ 'date-parts': [[2024, 3, 5]] });
    expect(cslDate('March 5, 2024')).toEqual({ 'date-parts': [[2024, 3, 5]] });
    expect(cslDate('Spring 2020')).toEqual({ raw: 'Spring 2020' });
    expect(cslDate('')).toBeUndefined();
  });
});
