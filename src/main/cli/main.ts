// The `gloss` command line: the same handlers as the app, on a library folder named by --data.
// Exit 0 on success, 2 on a usage error, 1 on failure with one line on stderr.
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { GlossError } from '../../shared/errors';
import { LIMITS } from '../../shared/limits';
import type { DocumentRecord, DocumentSummary, ImportedDocument, Page, SearchResult } from '../../shared/model';
import type { LocalHost } from '../host/local-host';
import { takeBackup } from '../store/backup';
import { openLibrary } from '../store/library';
import { restoreBackup } from '../store/restore';
import { annotateCommand, annotationsCommand } from './annotate';
import { call, dataDir, type Io, readInputFile, UsageError, type Values, withHost } from './common';
import { importEntriesFile, isBibliography } from './entries';
import { exportCommand, importAnnotationsCommand } from './export';
import { HELP, USAGE } from './help';

interface ImportLine {
  file: string;
  status: 'imported' | 'skipped' | 'failed';
  id: string | null;
  title: string | null;
  error: string | null;
  warnings: string[];
}

async function importOne(host: LocalHost, file: string, run: () => Promise<ImportedDocument>): Promise<ImportLine> {
  try {
    const { document, warnings } = await run();
    return { file, status: 'imported', id: document.id, title: document.title, error: null, warnings };
  } catch (error) {
    const skipped = error instanceof GlossError && error.code === 'conflict';
    return { file, status: skipped ? 'skipped' : 'failed', id: null, title: null, error: (error as Error).message, warnings: [] };
  }
}

async function importCommand(files: string[], values: Values, io: Io): Promise<number> {
  const url = typeof values.url === 'string' ? values.url : undefined;
  if (files.length === 0 && !url) throw new UsageError('import needs at least one FILE, or --url URL.');
  if (values.title !== undefined && files.length + (url ? 1 : 0) > 1) throw new UsageError('--title names one document; give a single FILE with it.');
  const title = typeof values.title === 'string' ? { title: values.title } : {};
  return withHost(values, async (host) => {
    const results: ImportLine[] = [];
    for (const file of files) {
      if (isBibliography(file)) {
        results.push(...(await importEntriesFile(host, file, readInputFile)));
        continue;
      }
      results.push(
        await importOne(host, file, () =>
          call<ImportedDocument>(host, 'documents.import', { name: basename(file), data: readInputFile(file).toString('base64'), ...title }),
        ),
      );
    }
    if (url)
      results.push(
        await importOne(host, url, () => call<ImportedDocument>(host, 'documents.importUrl', { url, allowPrivate: Boolean(values['allow-private']) })),
      );
    if (values.json) io.out(JSON.stringify(results, null, 2));
    else
      for (const r of results) {
        io.out(r.status === 'imported' ? `imported ${r.id} ${r.title}` : `${r.status} ${r.file}: ${r.error}`);
        for (const warning of r.warnings) io.out(`  note: ${warning}`);
      }
    const failed = results.filter((r) => r.status === 'failed');
    for (const r of failed) io.err(`gloss: could not import ${r.file}: ${r.error}`);
    return failed.length > 0 ? 1 : 0;
  });
}

async function listCommand(values: Values, io: Io): Promise<number> {
  return withHost(values, async (host) => {
    const items: DocumentSummary[] = [];
    for (let offset = 0; ; offset += LIMITS.listPage) {
      const page = await call<Page<DocumentSummary>>(host, 'documents.list', {
        offset,
        limit: LIMITS.listPage,
        sort: 'created',
        direction: 'asc',
        trashed: Boolean(values.trash),
      });
      items.push(...page.items);
      if (items.length >= page.total || page.items.length === 0) break;
    }
    if (values.json) io.out(JSON.stringify(items, null, 2));
    else if (items.length === 0) io.out(values.trash ? 'The Trash is empty.' : 'The library is empty. Add a document with: gloss import FILE --data DIR');
    else for (const d of items) io.out(`${d.id}  ${d.title}${d.outlet ? ` — ${d.outlet}` : ''}${d.issued ? ` (${d.issued})` : ''}`);
    return 0;
  });
}

async function searchCommand(words: string[], values: Values, io: Io): Promise<number> {
  const query = words.join(' ');
  if (query.trim() === '') throw new UsageError('search needs a QUERY.');
  const limit = values.limit === undefined ? 20 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > LIMITS.searchPage) throw new UsageError(`--limit takes a whole number from 1 to ${LIMITS.searchPage}.`);
  return withHost(values, async (host) => {
    const result = await call<SearchResult>(host, 'search.query', { query, limit });
    const hits = result.hits.map((h) => ({
      id: h.documentId,
      title: h.documentTitle,
      annotationId: h.annotationId,
      field: h.field,
      snippet: h.snippet.map((p) => p.text).join(''),
      score: h.score,
    }));
    if (values.json) io.out(JSON.stringify(hits, null, 2));
    else if (hits.length === 0) io.out(`Nothing matches “${query}”.`);
    else for (const h of hits) io.out(`${h.id}  ${h.title}\n    ${h.snippet.replace(/\s+/g, ' ')}`);
    return 0;
  });
}

async function showCommand(ids: string[], values: Values, io: Io): Promise<number> {
  if (ids.length !== 1) throw new UsageError('show needs exactly one document ID.');
  return withHost(values, async (host) => {
    const doc = await call<DocumentRecord>(host, 'documents.get', { id: ids[0] });
    if (values.json)
      io.out(
        JSON.stringify(
          { id: doc.id, title: doc.title, csl: doc.csl, text: doc.text, blocks: doc.blocks, summary: doc.summary, createdAt: doc.createdAt },
          null,
          2,
        ),
      );
    else io.out(`${doc.title}\n\n${doc.text}`);
    return 0;
  });
}

async function backupCommand(values: Values, io: Io): Promise<number> {
  const dir = dataDir(values);
  const library = await openLibrary(dir);
  try {
    const info = await takeBackup(library.db, dir, 'manual');
    io.out(values.json ? JSON.stringify(info, null, 2) : `Backup written and verified: ${info.file}`);
    return 0;
  } finally {
    library.close();
  }
}

async function restoreCommand(files: string[], values: Values, io: Io): Promise<number> {
  if (files.length !== 1) throw new UsageError('restore needs exactly one backup FILE.');
  const { safety } = await restoreBackup(dataDir(values), files[0]!);
  io.out(`Restored ${files[0]}.${safety ? ` The library as it was before is kept in ${safety.file}.` : ''}`);
  return 0;
}

const OPTIONS = {
  data: { type: 'string' },
  json: { type: 'boolean', default: false },
  title: { type: 'string' },
  limit: { type: 'string' },
  trash: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  quote: { type: 'string' },
  occurrence: { type: 'string' },
  kind: { type: 'string' },
  tag: { type: 'string', multiple: true },
  source: { type: 'string', multiple: true },
  note: { type: 'string' },
  url: { type: 'string' },
  'allow-private': { type: 'boolean', default: false },
  format: { type: 'string' },
  style: { type: 'string' },
  out: { type: 'string' },
  doc: { type: 'string', multiple: true },
  'group-by': { type: 'string' },
  sort: { type: 'string' },
  bom: { type: 'boolean', default: false },
} as const;

export async function run(argv: string[], io: Io): Promise<number> {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    const [command, ...rest] = positionals;
    if (values.help || command === undefined || command === 'help') {
      io.out(HELP);
      return command === undefined && !values.help ? 2 : 0;
    }
    switch (command) {
      case 'import':
        return await importCommand(rest, values, io);
      case 'list':
        return await listCommand(values, io);
      case 'search':
        return await searchCommand(rest, values, io);
      case 'show':
        return await showCommand(rest, values, io);
      case 'annotate':
        return await annotateCommand(rest, values, io);
      case 'annotations':
        return await annotationsCommand(rest, values, io);
      case 'export':
        return await exportCommand(values, io);
      case 'import-annotations':
        return await importAnnotationsCommand(rest, values, io);
      case 'backup':
        return await backupCommand(values, io);
      case 'restore':
        return await restoreCommand(rest, values, io);
      default:
        throw new UsageError(`unknown command “${command}”.`);
    }
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`gloss: ${(error as Error).message.split('\n')[0]}\n${USAGE}`);
      return 2;
    }
    io.err(`gloss: ${(error as Error).message.split('\n')[0]}`);
    return 1;
  }
}

if (require.main === module) {
  void run(process.argv.slice(2), { out: (l) => process.stdout.write(`${l}\n`), err: (l) => process.stderr.write(`${l}\n`) }).then((code) => {
    process.exitCode = code;
  });
}
