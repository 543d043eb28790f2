// Exporting an annotated bibliography of 1,000 documents with 20 annotations each, through the real
// path (select from the store, one citeproc-js processor, the rich document, the renderer). The
// Markdown export is gated against citeproc-js formatting the same references on its own, measured
// in the same run: citeproc is the work that cannot be avoided, everything past it is Gloss's. The
// DOCX export is gated in seconds, since a person waits for the whole of it; its detail says how
// much of it is writing the Word file, the rest being the same work as for Markdown.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error -- citeproc ships no type declarations; the part used is typed in engines.ts.
import UntypedCSL from 'citeproc';
import { unzipSync } from 'fflate';
import { assemble, countWords, type BlockInput } from '../../src/shared/canonical';
import { exportRequestSchema, type ExportRequest } from '../../src/shared/export';
import { parseFigures } from '../../src/shared/figures';
import type { CslItem, CslName, SourceRole } from '../../src/shared/model';
import { contentHash } from '../../src/main/domain/documents';
import type { Engine } from '../../src/main/export/citations/engines';
import { loadLocale, loadStyle } from '../../src/main/export/citations/styles';
import { produceExport } from '../../src/main/export/service';
import { createAnnotation } from '../../src/main/store/annotations';
import { insertDocument, updateDocument } from '../../src/main/store/documents';
import { openLibrary } from '../../src/main/store/library';
import type { Database } from '../../src/main/store/native';
import { createSource } from '../../src/main/store/sources';
import { createTag } from '../../src/main/store/tags';
import { median, timeRuns } from './stats';
import type { Gate } from './run';

const CSL = UntypedCSL as { Engine: new (sys: object, style: string, lang: string, forceLang: boolean) => Engine };

const DOCUMENTS = 1_000;
const ANNOTATIONS = 20;
const RUNS = { citeproc: 5, markdown: 5, docx: 3 };

export async function exportBench(documents = DOCUMENTS): Promise<Gate[]> {
  const dir = mkdtempSync(join(tmpdir(), 'gloss-bench-export-'));
  const library = await openLibrary(dir);
  try {
    const built = performance.now();
    const items = fillLibrary(library.db, documents);
    console.log(`  library of ${documents} documents × ${ANNOTATIONS} annotations built in ${((performance.now() - built) / 1000).toFixed(1)} s`);

    // The stages an export reports split its time: selecting, formatting (citeproc and the rich
    // document), writing the format. The last run's split is kept, to say where a slow export goes.
    const stages: number[] = [];
    const env = { db: library.db, stylesDir: null, progress: () => stages.push(performance.now()) };
    const split = () => {
      const at = stages.splice(0);
      return { select: at[1]! - at[0]!, format: at[2]! - at[1]!, write: at[3]! - at[2]! };
    };
    const request = (format: ExportRequest['format']) =>
      exportRequestSchema.parse({ selection: { type: 'library' }, format, style: 'apa' } satisfies ExportRequest);
    const markdown = request('md');
    const docx = request('docx');
    // One of each outside the timing: the APA engine is compiled once per process (Gloss keeps it
    // pooled), and module loading and JIT warm-up are not the export's.
    const sample = await produceExport(env, markdown);
    const docxSample = await produceExport(env, docx);
    checkOutput(sample.bytes.toString('utf8'), docxSample.bytes, documents);

    const citeproc = citeprocAlone(items);
    const citeprocTimes = await timeRuns(RUNS.citeproc, citeproc);
    const markdownTimes = await timeRuns(RUNS.markdown, () => produceExport(env, markdown));
    const writing: number[] = [];
    const docxTimes = await timeRuns(RUNS.docx, async () => {
      stages.length = 0;
      await produceExport(env, docx);
      writing.push(split().write);
    });
    stages.length = 0;
    await produceExport(env, markdown);
    const markdownSplit = split();
    const [c, m, d, w] = [median(citeprocTimes), median(markdownTimes), median(docxTimes), median(writing)];
    const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

    const annotations = documents * ANNOTATIONS;
    const rate = (ms: number) => `${((documents * 1000) / ms).toFixed(0)} documents/s, ${((annotations * 1000) / ms).toFixed(0)} annotations/s`;
    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
    console.log(`  citeproc-js alone (updateItems, makeBibliography, ${documents} citations): ${(c / 1000).toFixed(2)} s, ${rate(c)}`);
    console.log(
      `  Markdown: ${seconds(m)} for ${mb(sample.bytes.length)}, ${rate(m)}; selecting ${seconds(markdownSplit.select)}, formatting ${seconds(markdownSplit.format)}, writing ${seconds(markdownSplit.write)}`,
    );
    console.log(`  DOCX: ${seconds(d)} for ${mb(docxSample.bytes.length)}, ${rate(d)}; writing the DOCX ${seconds(w)} of it`);
    return [
      {
        name: 'Markdown export / citeproc-js alone on the same references',
        value: m / c,
        unit: '×',
        limit: 2,
        detail: `${(m / 1000).toFixed(2)} s against ${(c / 1000).toFixed(2)} s (medians of ${RUNS.markdown} and ${RUNS.citeproc})`,
      },
      {
        name: `DOCX export of ${documents} documents × ${ANNOTATIONS} annotations`,
        value: d / 1000,
        unit: 's',
        limit: 10,
        detail: `${(d / m).toFixed(1)}× the Markdown export; writing the DOCX ${seconds(w)}, the rest as for Markdown (medians of ${RUNS.docx})`,
      },
    ];
  } finally {
    library.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * citeproc-js doing what an export asks of it and nothing of Gloss's: the same items in one engine
 * built beforehand, registered, the bibliography made, and one citation each. Items are copied
 * before each run because citeproc normalises the ones it reads.
 */
function citeprocAlone(items: (CslItem & { id: string })[]): () => void {
  const style = loadStyle('apa');
  let current = new Map<string, unknown>();
  const sys = { retrieveItem: (id: string) => current.get(id), retrieveLocale: (tag: string) => loadLocale(tag) ?? loadLocale('en-US') };
  const engine = new CSL.Engine(sys, style.xml, style.defaultLocale, false);
  engine.setOutputFormat('html');
  engine.opt.development_extensions.wrap_url_and_doi = false;
  const ids = items.map((item) => item.id);
  return () => {
    engine.updateItems([]);
    current = new Map(items.map((item) => [item.id, structuredClone(item)]));
    engine.updateItems(ids);
    const bibliography = engine.makeBibliography();
    if (!bibliography || bibliography[1].length !== ids.length) throw new Error('citeproc-js did not make the whole bibliography');
    for (const id of ids) engine.makeCitationCluster([{ id, locator: '3', label: 'page' }]);
  };
}

/** The exports say what they were asked to: every reference, every claim, a readable Word file. */
function checkOutput(markdown: string, docx: Buffer, documents: number): void {
  const claims = markdown.match(/^> “/gm)?.length ?? 0;
  if (claims !== documents * ANNOTATIONS) throw new Error(`the Markdown export holds ${claims} claims, not ${documents * ANNOTATIONS}`);
  const xml = new TextDecoder().decode(unzipSync(new Uint8Array(docx))['word/document.xml']!);
  const quotes = xml.match(/w:pStyle w:val="QuoteClaim"/g)?.length ?? 0;
  if (quotes !== documents * ANNOTATIONS) throw new Error(`the DOCX export holds ${quotes} claims, not ${documents * ANNOTATIONS}`);
}

// --- The library ---------------------------------------------------------------------------------

const FAMILIES = ['Okafor', 'Müller', 'Nguyen', 'García Márquez', 'Smith', 'Kowalski', 'Haddad', 'Tanaka', 'Papadopoulou', 'Ivanova', 'Ó Briain', 'Silva'];
const GIVENS = ['Chidi', 'Anna', 'Minh Anh', 'Luis', 'Sarah J.', 'Piotr', 'Rania', 'Hiroshi', 'Eleni', 'Maria', 'Seán', 'Ana Paula'];
const ORGANISATIONS = [
  'International Labour Organization',
  'Walk Free',
  'United Nations Office on Drugs and Crime',
  'Anti-Slavery International',
  'World Bank',
  'Human Rights Watch',
];
const JOURNALS = ['Journal of Experimental Criminology', 'Anti-Trafficking Review', 'Journal of Human Trafficking', 'Migration Studies', 'Labour History'];
const NEWSPAPERS = ['The Guardian', 'Financial Times', 'Le Monde', 'The New York Times', 'Al Jazeera'];
const PUBLISHERS: [string, string][] = [
  ['Zed Books', 'London'],
  ['Oxford University Press', 'Oxford'],
  ['Routledge', 'New York'],
  ['ILO', 'Geneva'],
];
const TOPICS = [
  'recruitment fees',
  'debt bondage',
  'forced labour in fishing',
  'domestic work',
  'brick kilns',
  'supply chains',
  'seasonal migration',
  'wage theft',
];
const REGIONS = ['Asia', 'Africa', 'the Gulf states', 'Europe', 'Latin America', 'Central Asia'];
const TAGS = [
  'labour',
  'labour/forced',
  'labour/child',
  'migration',
  'migration/internal',
  'fees',
  'region/asia',
  'region/africa',
  'method/survey',
  'method/estimate',
];
const SOURCES = ['International Labour Organization', 'Walk Free', 'World Bank', 'UNODC', 'Rosstat', 'Eurostat', 'a trade union', 'the ministry of labour'];
const ROLES: SourceRole[] = ['attributed-to', 'cites', 'published-by'];

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length]!;

function person(n: number): CslName {
  // A particle kept in the family name, as importers write it; citeproc parses it off.
  if (n % 17 === 0) return { family: 'van der Berg', given: 'Johanna' };
  return { family: pick(FAMILIES, n), given: pick(GIVENS, n * 7 + 3) };
}

/** Varied CSL: people (one to five, with particles), organisations, editors, articles, chapters, reports, pages; some undated, some same-author same-year pairs. */
function cslOf(i: number): CslItem {
  const topic = pick(TOPICS, i);
  const region = pick(REGIONS, i * 3);
  const year = 1995 + ((i * 7) % 30);
  const authors: CslName[] = i % 5 === 0 ? [{ literal: pick(ORGANISATIONS, i) }] : Array.from({ length: 1 + (i % 5) }, (_, k) => person(i + k * 5));
  // Every eleventh work shares author and year with the one before, so disambiguation (2014a, 2014b) has work to do.
  const issued = i % 13 === 0 ? undefined : { 'date-parts': [i % 3 === 0 ? [year] : [year, 1 + (i % 12), 1 + (i % 28)]] };
  const base: CslItem = { author: authors, ...(issued ? { issued } : {}) };
  switch (i % 6) {
    case 0:
      return {
        ...base,
        type: 'report',
        title: `${topic[0]!.toUpperCase()}${topic.slice(1)} in ${region}: A global estimate`,
        publisher: pick(PUBLISHERS, i)[0],
        'publisher-place': pick(PUBLISHERS, i)[1],
        URL: `https://www.example.org/reports/${i}`,
        accessed: { 'date-parts': [[2024, 3, 12]] },
      };
    case 1:
      return {
        ...base,
        type: 'article-journal',
        title: `The economics of ${topic} in ${region}`,
        'container-title': pick(JOURNALS, i),
        volume: String(1 + (i % 40)),
        issue: String(1 + (i % 4)),
        page: `${100 + (i % 300)}-${130 + (i % 300)}`,
        DOI: `10.1000/bench.${i}`,
      };
    case 2:
      return {
        ...base,
        type: 'article-newspaper',
        title: `Workers in ${region} describe ${topic}`,
        'container-title': pick(NEWSPAPERS, i),
        URL: `https://news.example.com/${year}/${i}`,
      };
    case 3:
      return {
        ...base,
        type: 'book',
        title: `${topic[0]!.toUpperCase()}${topic.slice(1)}`,
        publisher: pick(PUBLISHERS, i)[0],
        'publisher-place': pick(PUBLISHERS, i)[1],
      };
    case 4:
      return {
        ...base,
        type: 'chapter',
        title: `Counting ${topic}`,
        'container-title': `Handbook of ${region} labour`,
        editor: [person(i + 2)],
        publisher: pick(PUBLISHERS, i + 1)[0],
        page: `${20 + (i % 50)}-${45 + (i % 50)}`,
      };
    default:
      return {
        ...base,
        type: 'webpage',
        title: `${topic} — a field note from ${region}`,
        'container-title': 'Walk Free',
        URL: `https://www.walkfree.org/notes/${i}`,
      };
  }
}

/** Sentences that carry figures in the forms a researcher highlights: money, counts, percentages, ranges. */
function sentence(i: number, k: number): string {
  const region = pick(REGIONS, i + k);
  const topic = pick(TOPICS, i * 3 + k);
  switch (k % 5) {
    case 0:
      return `In ${region}, ${topic} generates approximately US$${10 + ((i + k) % 140)} billion in illegal profits per year, according to the survey of ${1000 + k * 37} households.`;
    case 1:
      return `Some ${(1 + ((i * k) % 25)) / 2} million people were affected by ${topic} in ${2000 + (k % 20)}, of whom ${20 + (k % 60)} percent were women.`;
    case 2:
      return `Recruitment fees ranged from €${300 + k * 10} to €${900 + k * 25}, or between ${3 + (k % 5)} and ${8 + (k % 7)} months of wages for workers in ${region}.`;
    case 3:
      return `Wages fell by ${(1 + (k % 9)) / 2} percent between 2014 and 2016 while hours rose to ${60 + (k % 20)} a week in the sector studied.`;
    default:
      return `Interviews with ${40 + k} workers describe how ${topic} persists where inspection is rare and contracts are verbal.`;
  }
}

function fillLibrary(db: Database, count: number): (CslItem & { id: string })[] {
  const tagIds = TAGS.map((name, n) => createTag(db, { id: `tag-${n}`, name, color: null }).id);
  const sourceIds = SOURCES.map(
    (name, n) => createSource(db, `source-${n}`, { kind: 'organisation', name, acronym: null, aliases: [], url: null, publisherId: null, csl: null }).id,
  );
  const kinds = ['k-claim', 'k-claim', 'k-figure', 'k-quote', 'k-question', 'k-note'];
  const items: (CslItem & { id: string })[] = [];
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const id = `doc-${String(i).padStart(5, '0')}`;
      const csl = cslOf(i);
      // Two sentences to a paragraph; half the documents are paged (PDF), the rest locate by paragraph.
      const paragraphs: BlockInput[] = Array.from({ length: ANNOTATIONS / 2 + 2 }, (_, p) => ({
        type: 'paragraph',
        text: `${sentence(i, 2 * p)} ${sentence(i, 2 * p + 1)}`,
        ...(i % 2 === 0 ? { page: String(1 + Math.floor(p / 3)) } : {}),
      }));
      const { text, blocks } = assemble(paragraphs);
      insertDocument(db, {
        id,
        title: csl.title!,
        status: 'ready',
        format: i % 2 === 0 ? 'pdf' : 'url',
        csl,
        text,
        blocks,
        contentHash: contentHash(text),
        wordCount: countWords(text),
        origin: { kind: 'pasted', fileName: null, url: null, finalUrl: null, fetchedAt: null, mediaType: 'text/plain', bytes: null },
      });
      if (i % 2 === 0) updateDocument(db, id, 1, { summary: `A *field study* of ${pick(TOPICS, i)} in ${pick(REGIONS, i)}, with **new** estimates.` });
      items.push({ ...csl, id });
      for (let k = 0; k < ANNOTATIONS; k++) {
        const quote = sentence(i, k);
        const start = text.indexOf(quote);
        createAnnotation(db, {
          id: `${id}-a${k}`,
          documentId: id,
          kindId: pick(kinds, i + k),
          start,
          end: start + quote.length,
          note:
            k % 4 === 0
              ? `Compare with the **${2000 + k}** estimate (n = 2 * ${k}):\n\n- same method\n- see [the data](https://example.org/data/${i}/${k})`
              : k % 4 === 1
                ? 'Check against the regional breakdown.'
                : '',
          status: k % 3 === 0 ? 'checked' : 'unverified',
          tagIds: [pick(tagIds, i + k), pick(tagIds, i * 2 + k + 3)],
          sources: k % 3 === 2 ? [] : [{ sourceId: pick(sourceIds, i + k), role: pick(ROLES, k), locator: k % 2 === 0 ? `table ${k}` : null }],
          figures: (q) => parseFigures(q),
        });
      }
    }
  })();
  return items;
}
