// `gloss export` and `gloss import-annotations`: the export dialog and the annotation import from
// a script. The export is written whole or not at all, so a script never finds half a file.
import { basename } from 'node:path';
import { GlossError } from '../../shared/errors';
import { EXPORT_FORMATS, exportRequestSchema, type ExportSelection } from '../../shared/export';
import type { Tag } from '../../shared/model';
import { importAnnotationFile } from '../domain/annotation-import/apply';
import { produceExport, stylesFolder } from '../export/service';
import { writeAtomically } from '../files/write-atomically';
import { call, dataDir, type Io, readInputFile, strings, UsageError, type Values, withHost } from './common';

function single(values: Values, name: string): string | undefined {
  const all = strings(values[name]);
  if (all.length > 1) throw new UsageError(`--${name} may be given once.`);
  return all[0];
}

function writeWhole(file: string, bytes: Uint8Array): void {
  try {
    writeAtomically(file, bytes);
  } catch (error) {
    throw new GlossError({ code: 'unavailable', message: `Could not write ${file}: ${(error as Error).message}` });
  }
}

export async function exportCommand(values: Values, io: Io): Promise<number> {
  const format = single(values, 'format');
  if (!format) throw new UsageError(`export needs --format, one of ${EXPORT_FORMATS.join(', ')}.`);
  if (!(EXPORT_FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format ${format} is not known; use one of ${EXPORT_FORMATS.join(', ')}.`);
  const out = single(values, 'out');
  if (!out) throw new UsageError('export needs --out FILE: where to write the export.');
  const tag = single(values, 'tag');
  const docs = strings(values.doc);
  if (tag && docs.length > 0) throw new UsageError('Choose the documents by --tag or by --doc, not both.');
  const style = single(values, 'style');
  return withHost(values, async (host) => {
    let selection: ExportSelection = { type: 'library' };
    if (docs.length > 0) selection = { type: 'documents', ids: docs };
    if (tag) {
      const tags = await call<Tag[]>(host, 'tags.list', {});
      const wanted = tags.find((t) => t.name.toLowerCase() === tag.trim().toLowerCase() || t.id === tag);
      if (!wanted) throw new GlossError({ code: 'not-found', message: `There is no tag “${tag}” in this library.` });
      selection = { type: 'tag', tagId: wanted.id };
    }
    const parsed = exportRequestSchema.safeParse({
      selection,
      format,
      ...(style ? { style } : {}),
      ...(single(values, 'group-by') ? { grouping: single(values, 'group-by') } : {}),
      ...(single(values, 'sort') ? { sort: single(values, 'sort') } : {}),
      bom: values.bom === true,
    });
    if (!parsed.success) throw new UsageError(parsed.error.issues.map((issue) => `${issue.path.join('.') || 'export'}: ${issue.message}`).join('; '));
    const output = await produceExport({ db: host.library.db, stylesDir: stylesFolder(host.library.dir), allowStylePaths: true }, parsed.data);
    writeWhole(out, output.bytes);
    if (values.json) io.out(JSON.stringify({ file: out, format, bytes: output.bytes.length }));
    else io.out(`Wrote ${out} (${output.bytes.length.toLocaleString('en')} bytes).`);
    return 0;
  });
}

export async function importAnnotationsCommand(files: string[], values: Values, io: Io): Promise<number> {
  if (files.length !== 1) throw new UsageError('import-annotations takes one FILE (W3C JSON-LD or a Hypothesis JSON export).');
  const file = files[0]!;
  dataDir(values);
  // Read before the library is opened: a mistyped file name should not create or touch a library.
  const raw = readInputFile(file).toString('utf8');
  return withHost(values, async (host) => {
    const summary = host.library.db.transaction(() => importAnnotationFile(host.library.db, raw, basename(file))).immediate();
    if (values.json) {
      io.out(JSON.stringify(summary));
      return 0;
    }
    io.out(
      `Imported ${summary.imported} annotation${summary.imported === 1 ? '' : 's'}${summary.orphaned > 0 ? ` (${summary.orphaned} not found in their text, kept as orphans)` : ''}.`,
    );
    for (const skip of summary.skipped) io.out(`skipped ${skip.id}: ${skip.reason}`);
    for (const url of summary.unmatchedDocuments) io.out(`no document in the library for ${url}`);
    return 0;
  });
}
