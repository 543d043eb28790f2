// Hand-made export sets and a small deterministic citation processor, so the bibliography's layout
// is tested on its own: the real processor (citeproc-js) is tested with the styles it serves.
import { assemble, type BlockInput } from '../../../src/shared/canonical';
import type { Annotation, CslItem, DocumentRecord, Kind, Source, SourceLink, StoredFigure, TagRef } from '../../../src/shared/model';
import type { BibliographyOptions, CitationProcessor, ExportEntry, ExportSet, Locator, Run } from '../../../src/main/export/types';

const STAMP = '2026-01-01T00:00:00.000Z';

export function makeDocument(id: string, csl: CslItem, paragraphs: (string | BlockInput)[], summary = ''): DocumentRecord {
  const { text, blocks } = assemble(paragraphs.map((p) => (typeof p === 'string' ? { type: 'paragraph' as const, text: p } : p)));
  return {
    id,
    title: csl.title ?? id,
    status: 'ready',
    format: 'text',
    outlet: null,
    issued: null,
    authors: (csl.author ?? []).map((a) => a.family ?? a.literal ?? '').join(', '),
    wordCount: 0,
    annotationCount: 0,
    createdAt: STAMP,
    updatedAt: STAMP,
    deletedAt: null,
    version: 1,
    csl,
    text,
    blocks,
    summary,
    contentHash: id,
    origin: { kind: 'pasted', fileName: null, url: null, finalUrl: null, fetchedAt: null, mediaType: null },
  };
}

export interface AnnotationInput {
  id: string;
  kindId?: string;
  /** The quote, found in the document's text (its first occurrence). */
  exact: string;
  orphaned?: boolean;
  status?: Annotation['status'];
  note?: string;
  tags?: string[];
  sources?: { id: string; name: string; role?: SourceLink['role']; locator?: string }[];
  figures?: StoredFigure[];
}

export function makeAnnotation(document: DocumentRecord, input: AnnotationInput): Annotation {
  const start = document.text.indexOf(input.exact);
  if (!input.orphaned && start < 0) throw new Error(`“${input.exact}” is not in ${document.id}`);
  const tags: TagRef[] = (input.tags ?? []).map((name) => ({ id: `tag:${name}`, name, color: null }));
  return {
    id: input.id,
    documentId: document.id,
    kindId: input.kindId ?? 'claim',
    status: input.status ?? 'unverified',
    start: input.orphaned ? 0 : start,
    end: input.orphaned ? 0 : start + input.exact.length,
    exact: input.exact,
    prefix: '',
    suffix: '',
    anchor: input.orphaned ? 'orphaned' : 'anchored',
    note: input.note ?? '',
    tags,
    sources: (input.sources ?? []).map((s) => ({ sourceId: s.id, name: s.name, role: s.role ?? 'attributed-to', locator: s.locator ?? null })),
    figures: input.figures ?? [],
    createdAt: STAMP,
    updatedAt: STAMP,
    version: 1,
  };
}

export const KINDS: Kind[] = [
  { id: 'claim', name: 'Claim', color: '#f00', shortcut: null, position: 0, version: 1 },
  { id: 'figure', name: 'Figure', color: '#0f0', shortcut: null, position: 1, version: 1 },
  { id: 'question', name: 'Question', color: '#00f', shortcut: null, position: 2, version: 1 },
];

export function makeSource(id: string, name: string, acronym: string | null = null): Source {
  return { id, kind: 'organisation', name, acronym, aliases: [], url: null, publisherId: null, csl: null, claimCount: 0, version: 1 };
}

export function makeSet(entries: ExportEntry[], sources: Source[] = [], kinds: Kind[] = KINDS): ExportSet {
  return { entries, kinds, sources: new Map(sources.map((s) => [s.id, s])) };
}

export const ALL: BibliographyOptions['include'] = { summary: true, annotations: true, sources: true, figures: true, tags: true, notes: true, links: true };

export function options(overrides: Partial<BibliographyOptions> = {}): BibliographyOptions {
  return { grouping: 'document', sort: 'author', include: { ...ALL }, ...overrides };
}

/**
 * A processor in the spirit of APA: "Family, G. (2014). *Title*. Publisher. URL". Deterministic
 * and ignorant of disambiguation, which is the real processor's business.
 */
export function testProcessor(set: ExportSet): CitationProcessor {
  const items = new Map(set.entries.map((e) => [e.document.id, e.document.csl]));
  const author = (csl: CslItem): string =>
    (csl.author ?? []).map((a) => a.literal ?? [a.family, a.given ? `${a.given[0]}.` : ''].filter(Boolean).join(', ')).join(', & ') || '';
  const year = (csl: CslItem): string => String(csl.issued?.['date-parts']?.[0]?.[0] ?? 'n.d.');
  return {
    styleTitle: 'Test style',
    reference(id: string): Run[] {
      const csl = items.get(id);
      if (!csl) throw new Error(`no item ${id}`);
      const runs: Run[] = [{ text: `${author(csl) ? `${author(csl)} ` : ''}(${year(csl)}). ` }, { text: csl.title ?? '', italic: true }, { text: '.' }];
      if (csl.publisher) runs.push({ text: ` ${csl.publisher}.` });
      if (csl.URL) runs.push({ text: ' ' }, { text: csl.URL, href: csl.URL });
      return runs;
    },
    citation(id: string, locator?: Locator): Run[] {
      const csl = items.get(id)!;
      return [{ text: `(${author(csl)}, ${year(csl)}${locator ? `, ${locator.label === 'page' ? 'p.' : 'para.'} ${locator.value}` : ''})` }];
    },
    order(): string[] {
      return [...items.keys()];
    },
  };
}

/** The text of a rich document's blocks, one string a block, for assertions that read like the output. */
export function blockTexts(blocks: { type: string; runs?: Run[]; items?: Run[][] }[]): string[] {
  return blocks.map((b) => (b.runs ? b.runs.map((r) => r.text).join('') : b.items!.map((item) => item.map((r) => r.text).join('')).join(' | ')));
}

/**
 * The small bibliography the renderers are checked against: two documents, Greek and Cyrillic
 * text, a paged document, a note with a list and a link, a figure, an orphan.
 */
export function sampleBibliography(): { set: ExportSet; options: BibliographyOptions } {
  const athens = makeDocument(
    'athens',
    {
      title: 'Η εργασία στην Αθήνα',
      author: [{ family: 'Papadopoulou', given: 'Eleni' }],
      issued: { 'date-parts': [[2018]] },
      URL: 'https://example.org/athens',
    },
    [
      { type: 'paragraph', text: 'Στην Αθήνα, περίπου 3.000 εργαζόμενοι πληρώνουν τέλη πρόσληψης.', page: '12' },
      { type: 'paragraph', text: 'Τα τέλη σπάνια επιστρέφονται.', page: '13' },
    ],
    'A *field study* of recruitment in Athens; **Greek** text throughout.',
  );
  const moscow = makeDocument(
    'moscow',
    { title: 'Москва: трудовая миграция', author: [{ family: 'Ivanov', given: 'Pavel' }], issued: { 'date-parts': [[2016]] } },
    ['Введение.', 'В Москве работают около 2 млн мигрантов.'],
  );
  const set = makeSet(
    [
      {
        document: moscow,
        annotations: [
          makeAnnotation(moscow, {
            id: 'm1',
            exact: 'В Москве работают около 2 млн мигрантов',
            sources: [{ id: 'rosstat', name: 'Rosstat', role: 'cites', locator: 'table 4' }],
            tags: ['migration/internal'],
          }),
        ],
      },
      {
        document: athens,
        annotations: [
          makeAnnotation(athens, {
            id: 'a1',
            exact: 'περίπου 3.000 εργαζόμενοι',
            sources: [{ id: 'ilo', name: 'ILO' }],
            tags: ['fees', 'labour/forced'],
            status: 'checked',
            note: 'Compare with the **2016** survey (n = 2 * 1,500; <b>not bold</b>):\n\n- same method\n- see [the data](https://example.org/data)',
          }),
          makeAnnotation(athens, { id: 'a2', kindId: 'question', exact: 'a quote that no longer exists', orphaned: true }),
        ],
      },
    ],
    [makeSource('ilo', 'International Labour Organization', 'ILO'), makeSource('rosstat', 'Rosstat')],
  );
  return { set, options: options() };
}
