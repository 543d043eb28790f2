// BibTeX, RIS and CSL-JSON files to plain CSL-JSON items (citation-js), one bad entry reported as
// a warning rather than failing the file; the items become entries or attach to a document.
// @ts-expect-error -- citation-js ships no type declarations; the two names used are typed below.
import { Cite as UntypedCite, plugins as untypedPlugins } from '@citation-js/core';
// Imported for their side effect: each registers its format's parser with the core.
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-csl';
import type { CslItem, CslName } from '../../shared/model';
import { GlossError } from '../../shared/errors';

type Format = 'bibtex' | 'ris' | 'csl-json';
const Cite = UntypedCite as new (input: unknown, options?: { forceType?: string }) => { data: Record<string, unknown>[] };
const plugins = untypedPlugins as { input: { type(input: unknown): string | undefined } };

const NAME_FIELDS = ['author', 'editor', 'translator', 'reporter', 'director', 'interviewer', 'recipient', 'container-author', 'collection-editor'];
const DATE_FIELDS = ['issued', 'accessed', 'submitted', 'original-date', 'event-date'];
const FORMAT_NAMES: Record<Format, string> = { bibtex: 'BibTeX', ris: 'RIS', 'csl-json': 'CSL-JSON' };

export function parseBibliography(text: string, name: string): { entries: CslItem[]; warnings: string[] } {
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const format = detectFormat(source, name);
  if (format === null) {
    throw new GlossError({
      code: 'validation',
      message: `“${name}” is not a bibliography Gloss can read. Export your references as BibTeX (.bib), RIS (.ris) or CSL-JSON (.json) and import that file.`,
    });
  }
  const warnings: string[] = [];
  const raw = format === 'csl-json' ? readCslJson(source, name, warnings) : readChunks(source, format, warnings);
  const entries: CslItem[] = [];
  raw.forEach((item, index) => {
    const entry = normalise(item);
    if (typeof entry.title === 'string' && entry.title.trim() !== '') entries.push(entry);
    else warnings.push(`Entry ${index + 1}${entry['citation-key'] ? ` (${String(entry['citation-key'])})` : ''} has no title and was skipped.`);
  });
  if (entries.length === 0) {
    throw new GlossError({
      code: 'validation',
      message: `“${name}” has no ${FORMAT_NAMES[format]} entries Gloss could read${warnings.length > 0 ? ` (${warnings[0]})` : ''}. Check that the file is a complete export and try again.`,
    });
  }
  return { entries, warnings };
}

function detectFormat(text: string, name: string): Format | null {
  const extension = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase();
  const start = text.trimStart();
  if (start.startsWith('[') || start.startsWith('{')) return 'csl-json';
  if (/^TY {2}- /m.test(text)) return 'ris';
  if (/^\s*@[a-z]+\s*[{(]/im.test(text)) return 'bibtex';
  if (extension === 'bib' || extension === 'bibtex') return 'bibtex';
  if (extension === 'ris') return 'ris';
  if (extension === 'json') return 'csl-json';
  return null;
}

/**
 * Parses the whole file at once; if that fails, entry by entry, so one broken entry costs only
 * itself. BibTeX @string definitions are kept in front of every entry they may be used in.
 */
function readChunks(text: string, format: 'bibtex' | 'ris', warnings: string[]): Record<string, unknown>[] {
  const type = format === 'ris' ? '@ris/file' : bibtexType(text);
  try {
    return new Cite(text, { forceType: type }).data;
  } catch {
    // Fall through to entry-by-entry parsing to find and skip the bad entries.
  }
  const chunks = format === 'ris' ? text.split(/^ER {2}-.*$/m).filter((chunk) => /^TY {2}- /m.test(chunk)) : text.split(/^(?=\s*@)/m);
  const strings = format === 'bibtex' ? chunks.filter((chunk) => /^\s*@string\b/i.test(chunk)).join('\n') : '';
  const out: Record<string, unknown>[] = [];
  let entry = 0;
  for (const chunk of chunks) {
    if (format === 'bibtex' && !/^\s*@(?!string\b|preamble\b|comment\b)[a-z]+\s*[{(]/i.test(chunk)) continue;
    entry++;
    try {
      out.push(...new Cite(format === 'ris' ? `${chunk.trim()}\nER  - \n` : `${strings}\n${chunk}`, { forceType: type }).data);
    } catch (error) {
      const key = format === 'bibtex' ? /@[a-z]+\s*[{(]\s*([^,\s]+)/i.exec(chunk)?.[1] : undefined;
      const reason = String((error as Error).message ?? error)
        .split('\n')[0]!
        .replace(/[\s:.]+$/, '');
      warnings.push(`Entry ${entry}${key ? ` (${key})` : ''} could not be read and was skipped: ${reason}.`);
    }
  }
  return out;
}

/** Biblatex-only entry types (@online, @report) need the biblatex reader to map their fields. */
function bibtexType(text: string): string {
  const detected = plugins.input.type(text);
  return detected === '@biblatex/text' ? '@biblatex/text' : '@bibtex/text';
}

function readCslJson(text: string, name: string, warnings: string[]): Record<string, unknown>[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new GlossError({
      code: 'validation',
      message: `“${name}” is not valid JSON (${(error as Error).message}). Export it again as CSL-JSON and retry.`,
    });
  }
  const items = Array.isArray(parsed) ? parsed : [parsed];
  const out: Record<string, unknown>[] = [];
  items.forEach((item, index) => {
    if (typeof item === 'object' && item !== null && !Array.isArray(item)) out.push(item as Record<string, unknown>);
    else warnings.push(`Entry ${index + 1} is not a CSL-JSON object and was skipped.`);
  });
  return out;
}

/** A plain CSL-JSON item: no citation-js bookkeeping, names as objects, empty fields dropped. */
function normalise(item: Record<string, unknown>): CslItem {
  const out: CslItem = {};
  for (const [key, value] of Object.entries(item)) {
    if (key.startsWith('_') || key === 'id' || value === undefined || value === null || value === '') continue;
    if (NAME_FIELDS.includes(key)) {
      const names = normaliseNames(value);
      if (names.length > 0) out[key] = names;
    } else if (DATE_FIELDS.includes(key)) {
      const date = normaliseDate(value);
      if (date) out[key] = date;
    } else {
      out[key] = JSON.parse(JSON.stringify(value)) as unknown;
    }
  }
  // citation-js reads a news item's RIS authors as reporters; to a reader they are its authors.
  if (!out.author && out.reporter && out.type === 'article-newspaper') {
    out.author = out.reporter as CslName[];
    delete out.reporter;
  }
  // Biblatex marks newspaper and magazine articles with entrysubtype, which arrives as genre.
  const periodical = { newspaper: 'article-newspaper', magazine: 'article-magazine' }[String(out.genre)];
  if (out.type === 'article-journal' && periodical) {
    out.type = periodical;
    delete out.genre;
  }
  if (typeof out.title === 'string') out.title = out.title.trim();
  return out;
}

function normaliseNames(value: unknown): CslName[] {
  const list = Array.isArray(value) ? value : [value];
  const names: CslName[] = [];
  for (const name of list) {
    if (typeof name === 'string') {
      const comma = /^([^,]+),\s*(.+)$/.exec(name.trim());
      if (comma) names.push({ family: comma[1]!, given: comma[2]! });
      else if (name.trim() !== '') names.push({ literal: name.trim() });
    } else if (typeof name === 'object' && name !== null) {
      const { family, given, literal, ...rest } = name as Record<string, unknown>;
      const clean: CslName & Record<string, unknown> = {};
      // A family name alone with spaces in it is an organisation (BibTeX’s {{…}} convention).
      if (typeof family === 'string' && given === undefined && literal === undefined && /\s/.test(family.trim())) clean.literal = family.trim();
      else {
        if (typeof family === 'string') clean.family = family;
        if (typeof given === 'string') clean.given = given;
        if (typeof literal === 'string') clean.literal = literal;
      }
      for (const [key, part] of Object.entries(rest)) if (typeof part === 'string' || typeof part === 'number') clean[key] = part;
      if (clean.family || clean.given || clean.literal) names.push(clean);
    }
  }
  return names;
}

function normaliseDate(value: unknown): CslItem['issued'] | null {
  if (typeof value === 'string') return value.trim() === '' ? null : { raw: value.trim() };
  if (typeof value !== 'object' || value === null) return null;
  const date = value as Record<string, unknown>;
  const out: NonNullable<CslItem['issued']> = {};
  if (Array.isArray(date['date-parts'])) {
    const parts = (date['date-parts'] as unknown[])
      .filter(Array.isArray)
      .map((part) => (part as unknown[]).filter((n) => typeof n === 'number' || typeof n === 'string') as (number | string)[]);
    if (parts.length > 0 && parts[0]!.length > 0) out['date-parts'] = parts;
  }
  // RIS writes dates as “2023/05/02/”; parts are what every consumer of CSL understands.
  const raw = typeof date.raw === 'string' ? /^(\d{4})(?:[/-](\d{1,2}))?(?:[/-](\d{1,2}))?[/-]*$/.exec(date.raw.trim()) : null;
  if (!out['date-parts'] && raw) out['date-parts'] = [[raw[1], raw[2], raw[3]].filter((part): part is string => part !== undefined).map(Number)];
  else if (typeof date.raw === 'string') out.raw = date.raw;
  if (typeof date.literal === 'string') out.literal = date.literal;
  return Object.keys(out).length > 0 ? out : null;
}
