// The annotated bibliography as one rich document: each document's formatted reference, its
// summary, then its annotations by kind, in reading order, with their locators, deep links and
// details. Grouping by source or tag repeats a document's reference under each group it belongs
// to, so every group reads on its own; the references all come from one processor, so
// disambiguation (2014a, 2014b) holds across the whole export.
import { formatFigure } from '../../shared/figures';
import type { Annotation, CslItem, DocumentRecord, Kind, SourceLink, SourceRole } from '../../shared/model';
import { annotationLink, safeHref } from './links';
import { formatLocator, locateQuote } from './locator';
import { markdownBlocks } from './markdown-runs';
import type { BibliographyOptions, CitationProcessor, ExportEntry, ExportSet, RichBlock, RichDocument, Run, SortKey } from './types';

export const DEFAULT_TITLE = 'Annotated bibliography';
export const ORPHAN_MARK = '(not found in the current text)';
export const LINK_TEXT = 'open in Gloss';
export const NO_SOURCE = 'Without a source';
export const NO_TAG = 'Untagged';

const ROLE_TEXT: Readonly<Record<Exclude<SourceRole, 'attributed-to'>, string>> = { cites: 'cited', 'published-by': 'publisher' };

/** One annotation with the kind it is shown under. */
interface Claim {
  annotation: Annotation;
  kind: Kind | null;
}

/** A document and the claims that go out under it in one place of the export. */
interface Part {
  entry: ExportEntry;
  claims: Claim[];
}

export function buildBibliography(set: ExportSet, processor: CitationProcessor, options: BibliographyOptions, title = DEFAULT_TITLE): RichDocument {
  const collator = new Intl.Collator(undefined, { numeric: true });
  const kinds = [...set.kinds].sort((a, b) => a.position - b.position).filter((kind) => !options.kinds || options.kinds.includes(kind.id));
  const kindById = new Map(kinds.map((kind) => [kind.id, kind]));
  const parts: Part[] = sortEntries(set.entries, options.sort, collator).map((entry) => ({
    entry,
    claims: entry.annotations.flatMap((annotation) => {
      const kind = kindById.get(annotation.kindId);
      // A kind missing from the set can only be shown when every kind is asked for.
      if (!kind && options.kinds) return [];
      return [{ annotation, kind: kind ?? null }];
    }),
  }));

  const writer = new Writer(processor, options, kinds);
  const blocks: RichBlock[] = [{ type: 'heading', level: 1, runs: [{ text: title }] }];
  if (options.grouping === 'document') {
    for (const part of parts) writer.entry(blocks, part);
  } else {
    const groups = options.grouping === 'source' ? bySource(set, parts, collator) : byTag(parts, collator);
    for (const group of groups) {
      blocks.push({ type: 'heading', level: 2, runs: [{ text: group.name }] });
      for (const part of group.parts) writer.entry(blocks, part);
    }
  }
  return { title, blocks };
}

interface Group {
  name: string;
  parts: Part[];
}

/** Claims under each source they cite, sources by name; what cites none is gathered last. */
function bySource(set: ExportSet, parts: Part[], collator: Intl.Collator): Group[] {
  const names = new Map<string, string>();
  const keyed = new Map<string, Map<Part, Claim[]>>();
  const rest = new Map<Part, Claim[]>();
  for (const part of parts) {
    if (part.claims.length === 0) rest.set(part, []);
    for (const claim of part.claims) {
      const links = claim.annotation.sources;
      if (links.length === 0) addClaim(rest, part, claim);
      for (const sourceId of new Set(links.map((link) => link.sourceId))) {
        if (!names.has(sourceId))
          names.set(
            sourceId,
            sourceName(
              set,
              links.find((link) => link.sourceId === sourceId)!,
            ),
          );
        let group = keyed.get(sourceId);
        if (!group) keyed.set(sourceId, (group = new Map()));
        addClaim(group, part, claim);
      }
    }
  }
  const groups = [...keyed].map(([id, group]) => ({ name: names.get(id)!, parts: partsOf(group) }));
  groups.sort((a, b) => collator.compare(a.name, b.name));
  if (rest.size > 0) groups.push({ name: NO_SOURCE, parts: partsOf(rest) });
  return groups;
}

function sourceName(set: ExportSet, link: SourceLink): string {
  const source = set.sources.get(link.sourceId);
  if (!source) return link.name;
  return source.acronym && source.acronym !== source.name ? `${source.name} (${source.acronym})` : source.name;
}

/** Claims under each of their tags, hierarchical names kept whole and ordered level by level. */
function byTag(parts: Part[], collator: Intl.Collator): Group[] {
  const keyed = new Map<string, Map<Part, Claim[]>>();
  const rest = new Map<Part, Claim[]>();
  for (const part of parts) {
    if (part.claims.length === 0) rest.set(part, []);
    for (const claim of part.claims) {
      const names = new Set(claim.annotation.tags.map((tag) => tag.name));
      if (names.size === 0) addClaim(rest, part, claim);
      for (const name of names) {
        let group = keyed.get(name);
        if (!group) keyed.set(name, (group = new Map()));
        addClaim(group, part, claim);
      }
    }
  }
  const byLevels = (a: string, b: string): number => {
    const x = a.split('/');
    const y = b.split('/');
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      const order = collator.compare(x[i]!, y[i]!);
      if (order !== 0) return order;
    }
    return x.length - y.length;
  };
  const groups = [...keyed].map(([name, group]) => ({ name, parts: partsOf(group) }));
  groups.sort((a, b) => byLevels(a.name, b.name));
  if (rest.size > 0) groups.push({ name: NO_TAG, parts: partsOf(rest) });
  return groups;
}

function addClaim(group: Map<Part, Claim[]>, part: Part, claim: Claim): void {
  const claims = group.get(part);
  if (claims) claims.push(claim);
  else group.set(part, [claim]);
}

// Parts were visited in sorted order and Maps keep insertion order, so groups stay sorted.
const partsOf = (group: Map<Part, Claim[]>): Part[] => [...group].map(([part, claims]) => ({ entry: part.entry, claims }));

/** Writes entries: holds what every entry needs, so the per-entry code reads as the layout it makes. */
class Writer {
  constructor(
    private readonly processor: CitationProcessor,
    private readonly options: BibliographyOptions,
    private readonly kinds: Kind[],
  ) {}

  entry(out: RichBlock[], part: Part): void {
    const { document } = part.entry;
    const { include } = this.options;
    out.push({ type: 'paragraph', role: 'reference', runs: safeRuns(this.processor.reference(document.id)), indent: 0 });
    if (include.summary && document.summary.trim() !== '') out.push(...markdownBlocks(document.summary, 'summary', 1));
    if (!include.annotations) return;
    const byKind = new Map<Kind | null, Annotation[]>();
    for (const claim of part.claims) {
      const list = byKind.get(claim.kind);
      if (list) list.push(claim.annotation);
      else byKind.set(claim.kind, [claim.annotation]);
    }
    for (const kind of [...this.kinds, null]) {
      const annotations = byKind.get(kind);
      if (!annotations) continue;
      // Level 3 in every grouping: a kind is a small label inside an entry, never above a reference.
      out.push({ type: 'heading', level: 3, runs: [{ text: kind?.name ?? 'Other' }] });
      for (const annotation of inReadingOrder(annotations)) this.claim(out, document, annotation);
    }
  }

  private claim(out: RichBlock[], document: DocumentRecord, annotation: Annotation): void {
    const { include } = this.options;
    const runs: Run[] = [{ text: `“${annotation.exact.replace(/\s+/g, ' ').trim()}”` }];
    if (annotation.anchor === 'orphaned') runs.push({ text: ` ${ORPHAN_MARK}` });
    else {
      const locator = locateQuote(document.blocks, annotation.start);
      if (locator) runs.push({ text: ` (${formatLocator(locator)})` });
    }
    if (include.links) runs.push({ text: ' ' }, { text: LINK_TEXT, href: annotationLink(document.id, annotation.id) });
    out.push({ type: 'paragraph', role: 'quote', runs, indent: 1 });

    const detail = (label: string, text: string) => out.push({ type: 'paragraph', role: 'detail', runs: [{ text: `${label}: ${text}` }], indent: 2 });
    if (include.sources && annotation.sources.length > 0) detail('Sources', annotation.sources.map(sourceText).join('; '));
    if (include.figures && annotation.figures.length > 0) detail('Figures', annotation.figures.map(formatFigure).join('; '));
    if (include.tags && annotation.tags.length > 0) detail('Tags', annotation.tags.map((tag) => tag.name).join(', '));
    if (annotation.status !== 'unverified') detail('Status', annotation.status);
    if (include.notes && annotation.note.trim() !== '') out.push(...markdownBlocks(annotation.note, 'note', 2));
  }
}

function sourceText(link: SourceLink): string {
  const about = [link.role === 'attributed-to' ? '' : ROLE_TEXT[link.role], link.locator?.trim() ?? ''].filter(Boolean);
  return about.length > 0 ? `${link.name} (${about.join(', ')})` : link.name;
}

/** By position in the text; orphans (whose position no longer means anything) after, as they came. */
function inReadingOrder(annotations: Annotation[]): Annotation[] {
  const placed = annotations.filter((a) => a.anchor !== 'orphaned').sort((a, b) => a.start - b.start || a.end - b.end);
  return [...placed, ...annotations.filter((a) => a.anchor === 'orphaned')];
}

/** Runs from outside (the processor) with any unsafe link reduced to its text. */
function safeRuns(runs: Run[]): Run[] {
  return runs.map((run) => {
    if (run.href === undefined) return run;
    const href = safeHref(run.href);
    if (href === run.href) return run;
    const { href: _dropped, ...rest } = run;
    return rest;
  });
}

// --- Sorting -------------------------------------------------------------------------------------

interface SortKeys {
  author: string | null;
  date: string | null;
  title: string;
}

/**
 * The entries in the order the export lists them. Numbered styles (Vancouver) number references in
 * the order the processor is given them, so the export registers its items in this order and the
 * numbers run 1, 2, 3… down the list.
 */
export function exportOrder(entries: ExportEntry[], sort: SortKey): ExportEntry[] {
  return sortEntries(entries, sort, new Intl.Collator(undefined, { numeric: true }));
}

function sortEntries(entries: ExportEntry[], sort: SortKey, collator: Intl.Collator): ExportEntry[] {
  const keyed = entries.map((entry) => ({ entry, keys: sortKeys(entry.document) }));
  // Entries without the key go last; ties fall to the other keys, then to the order given (sort is stable).
  const missingLast = (a: string | null, b: string | null, compare: (x: string, y: string) => number): number =>
    a === null ? (b === null ? 0 : 1) : b === null ? -1 : compare(a, b);
  const byAuthor = (a: SortKeys, b: SortKeys) => missingLast(a.author, b.author, collator.compare);
  const byDate = (a: SortKeys, b: SortKeys) => missingLast(a.date, b.date, (x, y) => (x < y ? -1 : x > y ? 1 : 0));
  const byTitle = (a: SortKeys, b: SortKeys) => collator.compare(a.title, b.title);
  const order = sort === 'author' ? [byAuthor, byDate, byTitle] : sort === 'date' ? [byDate, byAuthor, byTitle] : [byTitle, byAuthor, byDate];
  keyed.sort((a, b) => {
    for (const compare of order) {
      const result = compare(a.keys, b.keys);
      if (result !== 0) return result;
    }
    return 0;
  });
  return keyed.map(({ entry }) => entry);
}

function sortKeys(document: DocumentRecord): SortKeys {
  const csl: CslItem = document.csl ?? {};
  const title = (typeof csl.title === 'string' && csl.title.trim()) || document.title;
  const first = csl.author?.[0];
  const name = first?.family ?? first?.literal ?? first?.given ?? (document.authors.trim() || null);
  return { author: name?.trim() || null, date: dateKey(csl, document.issued), title };
}

/** A date as YYYY-MM-DD text (month and day as far as known), so it compares as a string. */
function dateKey(csl: CslItem, issued: string | null): string | null {
  const parts = csl.issued?.['date-parts']?.[0];
  let numbers: number[] = parts ? parts.map(Number).filter((n) => Number.isFinite(n)) : [];
  if (numbers.length === 0 && issued) {
    const match = /^(\d{1,4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?/.exec(issued.trim());
    if (match)
      numbers = match
        .slice(1)
        .filter((part) => part !== undefined)
        .map(Number);
  }
  if (numbers.length === 0) return null;
  return numbers
    .slice(0, 3)
    .map((n, i) => String(n).padStart(i === 0 ? 4 : 2, '0'))
    .join('-');
}
