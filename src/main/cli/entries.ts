// `gloss import refs.bib`: a bibliography becomes entries awaiting their text, one output line per
// entry, so a script sees each entry's id; entries already in the library are reported as skipped.
import { basename } from 'node:path';
import type { EntriesImport } from '../../shared/api';
import type { LocalHost } from '../host/local-host';
import { call } from './common';

export const isBibliography = (file: string): boolean => /\.(bib|bibtex|ris|json)$/i.test(file);

export interface EntryLine {
  file: string;
  status: 'imported' | 'skipped' | 'failed';
  id: string | null;
  title: string | null;
  error: string | null;
  warnings: string[];
}

export async function importEntriesFile(host: LocalHost, file: string, read: (file: string) => Buffer): Promise<EntryLine[]> {
  try {
    const result = await call<EntriesImport>(host, 'documents.importEntries', { name: basename(file), data: read(file).toString('base64') });
    const lines: EntryLine[] = [
      ...result.entries.map((entry) => ({
        file,
        status: 'imported' as const,
        id: entry.id,
        title: `${entry.title} (awaiting text)`,
        error: null,
        warnings: [],
      })),
      ...result.duplicates.map((d) => ({
        file,
        status: 'skipped' as const,
        id: null,
        title: d.title,
        error: `“${d.title}” is already in the library as “${d.existingTitle}” (${d.existingId}, same ${d.reason})`,
        warnings: [],
      })),
    ];
    if (lines[0]) lines[0].warnings = result.warnings;
    return lines;
  } catch (error) {
    return [{ file, status: 'failed', id: null, title: null, error: (error as Error).message, warnings: [] }];
  }
}
