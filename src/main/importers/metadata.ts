// Citation metadata (CSL-JSON) from a web page's head: who wrote it, where and when it appeared.
//
// Pages often describe themselves in several vocabularies that disagree. Each field is taken from
// the first vocabulary that has it, in this order:
//   1. Highwire/Google Scholar `citation_*` meta tags: set deliberately for citation, by publishers
//      of papers and reports, and the most exact (separate authors, journal, DOI).
//   2. schema.org JSON-LD (NewsArticle, Report, ScholarlyArticle, Article, …; `@graph` arrays and
//      `@id` references resolved): structured, but often generated for search engines.
//   3. OpenGraph (`og:*`, `article:*`): made for share previews; titles are often rewritten and
//      `article:author` is frequently a profile URL, which is skipped.
//   4. The page itself: `<title>` (without the " | Site" suffix), `<meta name="author">`, a byline
//      element, `<html lang>`, `<link rel="canonical">`, and finally the URL it was fetched from.
// The type follows the same order: citation_journal_title → article-journal, a technical report
// institution → report; JSON-LD ScholarlyArticle → article-journal, NewsArticle → article-newspaper,
// Report → report; og:type "article" on a news site (see NEWS_SITE) → article-newspaper; else webpage.
// `accessed` is left to the caller, who knows when the page was fetched.
import type { CslDate, CslItem, CslName } from '../../shared/model';
import { cslDate, parseNameList, personName } from './html/names';

export interface PageMetadata {
  csl: CslItem;
  title: string | null;
  /** The authors as the page prints them, for display. */
  byline: string | null;
  /** A full-text PDF the publisher points to (citation_pdf_url), which the person may want instead. */
  pdfUrl?: string;
  warnings: string[];
}

type Json = Record<string, unknown>;

const NEWS_TYPES = /^(NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|AskPublicNewsArticle)$/;
const ARTICLE_TYPES = /^(NewsArticle|\w+NewsArticle|Article|BlogPosting|ScholarlyArticle|Report|TechArticle|WebPage|Chapter|Book|Thesis)$/;
/** Hostnames or site names that mark a news site, for og:type "article" (documented heuristic). */
const NEWS_SITE =
  /\b(news|times|post|herald|guardian|tribune|gazette|daily|chronicle|telegraph|reuters|observer|independent|journal|courier|bbc|cnn|npr|apnews|afp|aljazeera|dw|france24|economist|express|mail|mirror|standard|star|sun|inquirer|monitor|review|globe|press|bulletin)\b/i;

const clean = (value: string | null | undefined): string | undefined => {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text ? text : undefined;
};

/**
 * The first element named `tag` (or any, for `*`) that passes `test`, in document order. The DOM
 * is walked by hand, stopping at the first match, because jsdom's selector engine costs
 * milliseconds a query, which on a news page was most of the time Gloss itself spends on it.
 */
function firstElement(doc: Document, tag: string, test: (element: Element) => boolean = () => true): Element | undefined {
  let element: Element | null = doc.documentElement;
  while (element) {
    if ((tag === '*' || element.localName === tag) && test(element)) return element;
    let next: Element | null = element.firstElementChild;
    while (!next && element) {
      next = element.nextElementSibling;
      if (!next) element = element.parentElement;
    }
    element = next;
  }
  return undefined;
}

/** The page's meta tags, read once: extraction asks for dozens of names. */
const metaTags = new WeakMap<Document, { key: string; value: string }[]>();

function metas(doc: Document, ...names: string[]): string[] {
  let tags = metaTags.get(doc);
  if (!tags) {
    tags = [];
    const elements = doc.getElementsByTagName('meta');
    for (let i = 0; i < elements.length; i++) {
      const key = (elements[i]!.getAttribute('name') ?? elements[i]!.getAttribute('property') ?? '').trim().toLowerCase();
      const value = clean(elements[i]!.getAttribute('content'));
      if (key && value) tags.push({ key, value });
    }
    metaTags.set(doc, tags);
  }
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  return tags.filter((tag) => wanted.has(tag.key)).map((tag) => tag.value);
}
const meta = (doc: Document, ...names: string[]): string | undefined => metas(doc, ...names)[0];

/** Only web addresses belong in a citation; anything else (javascript:, data:) is dropped. */
function httpUrl(value: string | undefined, base: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

const typesOf = (node: Json): string[] => {
  const type = node['@type'];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^https?:\/\/schema\.org\//, ''));
};
const str = (value: unknown): string | undefined => (typeof value === 'string' ? clean(value) : undefined);
const asArray = (value: unknown): unknown[] => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]);

/** All JSON-LD nodes on the page, flattened from arrays and @graph, plus an @id index. */
function readJsonLd(doc: Document, warnings: string[]): { nodes: Json[]; byId: Map<string, Json> } {
  const nodes: Json[] = [];
  const byId = new Map<string, Json>();
  const add = (value: unknown) => {
    for (const item of asArray(value)) {
      if (typeof item !== 'object' || item === null) continue;
      const node = item as Json;
      if (node['@graph'] !== undefined) add(node['@graph']);
      if (node['@type'] !== undefined) nodes.push(node);
      if (typeof node['@id'] === 'string') byId.set(node['@id'], node);
    }
  };
  let malformed = 0;
  const scripts = Array.from(doc.getElementsByTagName('script')).filter((script) => script.getAttribute('type')?.toLowerCase() === 'application/ld+json');
  for (const script of scripts) {
    try {
      add(JSON.parse(script.textContent ?? ''));
    } catch {
      malformed++;
    }
  }
  if (malformed > 0) warnings.push('Some of the page’s schema.org (JSON-LD) metadata is malformed and was ignored; check the citation details.');
  return { nodes, byId };
}

function jsonLdNames(value: unknown, byId: Map<string, Json>): CslName[] {
  const names: CslName[] = [];
  for (const item of asArray(value)) {
    if (typeof item === 'string') {
      names.push(...parseNameList(item));
      continue;
    }
    if (typeof item !== 'object' || item === null) continue;
    let node = item as Json;
    if (typeof node['@id'] === 'string' && node.name === undefined) node = byId.get(node['@id']) ?? node;
    const name = str(node.name);
    const isOrg = typesOf(node).some((t) => /Organi[sz]ation|NewsMediaOrganization|Corporation|GovernmentOrganization|NGO/.test(t));
    if (isOrg && name) names.push({ literal: name });
    else if (str(node.familyName)) {
      const person: CslName = { family: str(node.familyName)! };
      if (str(node.givenName)) person.given = str(node.givenName)!;
      names.push(person);
    } else if (name) names.push(personName(name));
  }
  return names;
}

const resolve = (value: unknown, byId: Map<string, Json>): Json | undefined => {
  const first = asArray(value)[0];
  if (typeof first !== 'object' || first === null) return undefined;
  const node = first as Json;
  return typeof node['@id'] === 'string' && node.name === undefined ? (byId.get(node['@id']) ?? node) : node;
};

/** The page's own title, without a trailing " | Site name" when the site is known or an <h1> confirms it. */
function pageTitle(doc: Document, siteName: string | undefined): string | undefined {
  const title = clean(doc.title);
  if (!title) return clean(firstElement(doc, 'h1')?.textContent);
  const parts = title.split(/\s+[|–—·:-]\s+/);
  if (parts.length > 1 && siteName && parts[parts.length - 1]!.toLowerCase() === siteName.toLowerCase()) return parts.slice(0, -1).join(' – ');
  const h1 = clean(firstElement(doc, 'h1')?.textContent);
  if (h1 && parts.length > 1 && title.includes(h1)) return h1;
  return title;
}

function pageByline(doc: Document): string | undefined {
  const fromMeta = meta(doc, 'author', 'dc.creator', 'dcterms.creator');
  if (fromMeta && !/^https?:/i.test(fromMeta)) return fromMeta;
  const element = firstElement(doc, '*', (e) => {
    const classes = e.getAttribute('class') ?? '';
    return (
      e.getAttribute('rel') === 'author' ||
      e.getAttribute('itemprop') === 'author' ||
      classes.includes('byline') ||
      classes.split(/[ \t\n\f\r]+/).includes('author')
    );
  });
  return clean(element?.textContent)?.replace(/^by\s+/i, '');
}

const firstOf = <T>(...values: (T | undefined)[]): T | undefined => values.find((v) => v !== undefined && (!Array.isArray(v) || v.length > 0));

const doi = (value: string | undefined) => value?.replace(/^(doi:\s*|https?:\/\/(dx\.)?doi\.org\/)/i, '');

const ogLanguage = (locale: string | undefined) => locale?.replace('_', '-');

export function extractMetadata(doc: Document, finalUrl?: string): PageMetadata {
  const warnings: string[] = [];
  const base = finalUrl ?? (doc.URL.startsWith('http') ? doc.URL : undefined);
  const { nodes, byId } = readJsonLd(doc, warnings);
  const ld = nodes.find((n) => typesOf(n).some((t) => ARTICLE_TYPES.test(t) && t !== 'WebPage')) ?? nodes.find((n) => typesOf(n).includes('WebPage'));
  const ldTypes = ld ? typesOf(ld) : [];
  const ldPublisher = ld ? resolve(ld.publisher, byId) : undefined;
  const ldContainer = ld ? resolve(ld.isPartOf, byId) : undefined;

  const citationAuthors = metas(doc, 'citation_author', 'dc.creator').flatMap((a) => parseNameList(a, true));
  const ogAuthors = metas(doc, 'article:author')
    .filter((a) => !/^https?:/i.test(a))
    .flatMap((a) => parseNameList(a));
  const byline = pageByline(doc);

  const siteName = firstOf(meta(doc, 'og:site_name'), ldPublisher ? str(ldPublisher.name) : undefined);
  const title = firstOf(
    meta(doc, 'citation_title'),
    ld ? (str(ld.headline) ?? str(ld.name)) : undefined,
    meta(doc, 'og:title', 'twitter:title'),
    pageTitle(doc, siteName),
  );
  const authors = firstOf(citationAuthors, ld ? jsonLdNames(ld.author, byId) : undefined, ogAuthors, byline ? parseNameList(byline) : undefined);

  const journal = meta(doc, 'citation_journal_title', 'citation_conference_title', 'citation_inbook_title');
  const reportInstitution = meta(doc, 'citation_technical_report_institution');
  const isNewsLd = ldTypes.some((t) => NEWS_TYPES.test(t) || /NewsArticle$/.test(t));
  const ldContainerName = firstOf(ldContainer ? str(ldContainer.name) : undefined, isNewsLd && ldPublisher ? str(ldPublisher.name) : undefined);
  const container = firstOf(journal, ldContainerName, meta(doc, 'og:site_name'));

  let type: string;
  if (journal) type = 'article-journal';
  else if (reportInstitution) type = 'report';
  else if (meta(doc, 'citation_dissertation_institution')) type = 'thesis';
  else if (ldTypes.includes('ScholarlyArticle')) type = 'article-journal';
  else if (isNewsLd) type = 'article-newspaper';
  else if (ldTypes.includes('Report')) type = 'report';
  else if (meta(doc, 'og:type')?.toLowerCase() === 'article' && isNewsSite(siteName, base, ldPublisher)) type = 'article-newspaper';
  else type = 'webpage';

  const issued = firstOf<CslDate>(
    cslDate(meta(doc, 'citation_publication_date', 'citation_date', 'citation_online_date')),
    ld ? (cslDate(str(ld.datePublished)) ?? cslDate(str(ld.dateCreated))) : undefined,
    cslDate(meta(doc, 'article:published_time')),
    cslDate(meta(doc, 'dc.date', 'dcterms.date', 'date', 'pubdate')),
    cslDate(firstElement(doc, 'time', (e) => e.hasAttribute('datetime'))?.getAttribute('datetime') ?? undefined),
  );

  const csl: CslItem = { type };
  if (title) csl.title = title;
  if (authors && authors.length > 0) csl.author = authors;
  if (container) csl['container-title'] = container;
  const publisher = firstOf(meta(doc, 'citation_publisher', 'dc.publisher'), reportInstitution, ldPublisher ? str(ldPublisher.name) : undefined);
  if (publisher) csl.publisher = publisher;
  if (issued) csl.issued = issued;
  const url = firstOf(
    httpUrl(meta(doc, 'citation_public_url', 'citation_abstract_html_url', 'citation_fulltext_html_url'), base),
    httpUrl(ld ? (str(ld.url) ?? str(resolve(ld.mainEntityOfPage, byId)?.['@id']) ?? str(ld.mainEntityOfPage)) : undefined, base),
    httpUrl(meta(doc, 'og:url'), base),
    httpUrl(
      firstElement(doc, 'link', (e) =>
        (e.getAttribute('rel') ?? '')
          .toLowerCase()
          .split(/[ \t\n\f\r]+/)
          .includes('canonical'),
      )?.getAttribute('href') ?? undefined,
      base,
    ),
    httpUrl(finalUrl, undefined),
  );
  if (url) csl.URL = url;
  const language = firstOf(
    meta(doc, 'citation_language', 'dc.language'),
    ld ? str(ld.inLanguage) : undefined,
    ogLanguage(meta(doc, 'og:locale')),
    clean(doc.documentElement.getAttribute('lang')),
  );
  if (language) csl.language = language;
  const doiValue = doi(meta(doc, 'citation_doi', 'dc.identifier'));
  if (doiValue && /^10\.\d{4,9}\//.test(doiValue)) csl.DOI = doiValue;
  for (const [tag, field] of [
    ['citation_volume', 'volume'],
    ['citation_issue', 'issue'],
    ['citation_issn', 'ISSN'],
    ['citation_technical_report_number', 'number'],
  ] as const) {
    const value = meta(doc, tag);
    if (value) csl[field] = value;
  }
  const first = meta(doc, 'citation_firstpage');
  const last = meta(doc, 'citation_lastpage');
  if (first) csl.page = last && last !== first ? `${first}–${last}` : first;

  const result: PageMetadata = { csl, title: title ?? null, byline: byline ?? null, warnings };
  const pdf = httpUrl(meta(doc, 'citation_pdf_url'), base);
  if (pdf) result.pdfUrl = pdf;
  return result;
}

function isNewsSite(siteName: string | undefined, url: string | undefined, publisher: Json | undefined): boolean {
  if (publisher && typesOf(publisher).includes('NewsMediaOrganization')) return true;
  let host = '';
  try {
    host = url ? new URL(url).hostname.replace(/[.-]/g, ' ') : '';
  } catch {
    host = '';
  }
  return NEWS_SITE.test(siteName ?? '') || NEWS_SITE.test(host);
}
