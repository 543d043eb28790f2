// Adding files to the library: one file is created and opened; several run as an import job
// with progress, cancellation and a summary of what was imported, skipped or failed, and why.
// A bibliography (BibTeX, RIS, CSL-JSON) adds its references as entries awaiting their text.
import { useCallback, useRef, useState } from 'react';
import type { EntriesImport } from '../../../shared/api';
import type { AnnotationImportSummary } from '../../../shared/export';
import type { DocumentRecord, ImportOutcome, Job } from '../../../shared/model';
import { formatCount } from '../format';
import { useClient } from '../hooks/client';
import { useNotices } from '../hooks/notices';
import { batches, type ImportItem, readFiles } from './files';
import { watchJob } from './watchJob';

export interface ImportStatus {
  phase: 'reading' | 'running' | 'finished';
  /** Files in this import, including those refused before sending. */
  total: number;
  outcomes: ImportOutcome[];
  current: string | null;
  /** How far the current file has got, while its importer can tell (pages of a long PDF). */
  currentProgress?: Job['currentProgress'];
  cancelling: boolean;
  cancelled: boolean;
  /** Why the import stopped early, when it did not finish on its own. */
  error: string | null;
}

export interface Importer {
  status: ImportStatus | null;
  start: (files: File[]) => void;
  cancel: () => void;
  dismiss: () => void;
}

/** One outcome per reference: each entry created, each duplicate skipped with the copy it duplicates. */
function entryOutcomes(name: string, result: EntriesImport): ImportOutcome[] {
  return [
    ...result.entries.map((entry): ImportOutcome => ({ name, status: 'imported', id: entry.id, title: `${entry.title} (awaiting text)`, error: null })),
    ...result.duplicates.map((d): ImportOutcome => ({
      name,
      status: 'skipped',
      id: null,
      title: d.title,
      error: `“${d.title}” is already in the library as “${d.existingTitle}” (same ${d.reason}).`,
    })),
  ];
}

/** The notice after an annotation file: how many were placed, kept as orphans, or left out and why. */
function annotationsMessage(name: string, summary: AnnotationImportSummary): string {
  const parts = [`Imported ${formatCount(summary.imported, 'annotation', 'annotations')} from ${name}.`];
  if (summary.orphaned > 0)
    parts.push(`${formatCount(summary.orphaned, 'was', 'were')} not found in the text and kept with ${summary.orphaned === 1 ? 'its' : 'their'} quote.`);
  if (summary.skipped.length > 0)
    parts.push(
      `Left out: ${summary.skipped
        .slice(0, 3)
        .map((skip) => skip.reason)
        .join('; ')}${summary.skipped.length > 3 ? ` and ${summary.skipped.length - 3} more` : ''}.`,
    );
  if (summary.unmatchedDocuments.length > 0)
    parts.push(`No document in the library for ${summary.unmatchedDocuments.slice(0, 3).join(', ')}${summary.unmatchedDocuments.length > 3 ? '…' : ''}.`);
  return parts.join(' ');
}

/** The notice after a bibliography: how many entries, which were already there, what was skipped. */
function entriesMessage(name: string, result: EntriesImport): string {
  const parts = [
    result.entries.length > 0
      ? `Added ${formatCount(result.entries.length, 'entry', 'entries')} from ${name}; open one to give it its text.`
      : `No new entries from ${name}.`,
  ];
  if (result.duplicates.length > 0) parts.push(`Already in the library: ${result.duplicates.map((d) => `“${d.title}”`).join(', ')}.`);
  if (result.warnings.length > 0) parts.push(`Note: ${result.warnings.join(' ')}`);
  return parts.join(' ');
}

export function useImport(onOpen: (id: string) => void): Importer {
  const client = useClient();
  const notices = useNotices();
  const [status, setStatus] = useState<ImportStatus | null>(null);
  const busy = useRef(false);
  const cancelRequested = useRef(false);
  const currentJob = useRef<string | null>(null);

  const createOne = useCallback(
    async (item: ImportItem) => {
      const result =
        item.data !== undefined
          ? await client.try('documents.import', { name: item.name, data: item.data, ...(item.mediaType ? { mediaType: item.mediaType } : {}) })
          : await client.try('documents.create', { text: item.content ?? '', format: item.format ?? 'text', fileName: item.name });
      if (result.ok) {
        const doc = 'document' in result.value ? result.value.document : result.value;
        const warnings = 'warnings' in result.value ? result.value.warnings : [];
        onOpen(doc.id);
        notices.info(`Added “${doc.title}” from ${item.name}.${warnings.length > 0 ? ` Note: ${warnings.join(' ')}` : ''}`);
        return;
      }
      const existing = result.error.code === 'conflict' ? (result.error.current as DocumentRecord | undefined) : undefined;
      notices.error(`Could not add ${item.name}`, result.error, existing ? [{ label: 'Open the copy in the library', run: () => onOpen(existing.id) }] : []);
    },
    [client, notices, onOpen],
  );

  const start = useCallback(
    (files: File[]) => {
      if (files.length === 0) return;
      if (busy.current) {
        notices.error('Could not start another import', 'One is still running. Wait for it to finish or cancel it, then add these files again.');
        return;
      }
      busy.current = true;
      cancelRequested.current = false;
      currentJob.current = null;
      void (async () => {
        try {
          if (files.length > 1)
            setStatus({ phase: 'reading', total: files.length, outcomes: [], current: null, cancelling: false, cancelled: false, error: null });
          const { items: read, refused } = await readFiles(files);
          const items = read.filter((item) => !item.bibliography && !item.annotations);
          for (const file of read.filter((item) => item.annotations)) {
            const result = await client.try('annotations.importFile', { name: file.name, content: file.content ?? '' });
            if (result.ok) notices.info(annotationsMessage(file.name, result.value));
            else notices.error(`Could not import the annotations in ${file.name}`, result.error);
          }
          const fromEntries: ImportOutcome[] = [];
          for (const file of read.filter((item) => item.bibliography)) {
            const result = await client.try('documents.importEntries', { name: file.name, content: file.content ?? '' });
            if (!result.ok) {
              fromEntries.push({ name: file.name, status: 'failed', id: null, title: null, error: result.error.message });
              continue;
            }
            fromEntries.push(...entryOutcomes(file.name, result.value));
            if (items.length === 0 && refused.length === 0) notices.info(entriesMessage(file.name, result.value));
          }
          if (items.length === 0 && refused.length === 0 && fromEntries.every((o) => o.status !== 'failed')) {
            setStatus(null);
            const created = fromEntries.filter((o) => o.id !== null);
            if (created.length === 1) onOpen(created[0]!.id!);
            return;
          }
          // Text is created at once; a file the main side reads (a PDF may take a minute) runs as a job, so its progress shows.
          if (items.length === 1 && refused.length === 0 && fromEntries.length === 0 && items[0]!.data === undefined) {
            setStatus(null);
            await createOne(items[0]!);
            return;
          }
          const outcomes: ImportOutcome[] = [...refused, ...fromEntries];
          // Each reference of a bibliography counts as one item of the summary.
          const total = files.length - (read.length - items.length) + fromEntries.length;
          let error: string | null = null;
          const show = (job: Job | null) =>
            setStatus({
              phase: 'running',
              total,
              outcomes: job ? [...outcomes, ...job.outcomes] : [...outcomes],
              current: job?.current ?? null,
              currentProgress: job?.currentProgress ?? null,
              cancelling: cancelRequested.current,
              cancelled: false,
              error: null,
            });
          show(null);
          for (const batch of batches(items)) {
            if (cancelRequested.current) break;
            const result = await watchJob(
              client,
              () => client.try('jobs.import', { items: batch }),
              show,
              (id) => {
                currentJob.current = id;
                if (cancelRequested.current) void client.try('jobs.cancel', { id });
              },
            );
            currentJob.current = null;
            if (!result.ok) {
              error = result.error.message;
              for (const item of batch) outcomes.push({ name: item.name, status: 'failed', id: null, title: null, error: result.error.message });
              break;
            }
            outcomes.push(...result.value.outcomes);
            if (result.value.state === 'failed') {
              error = result.value.error ?? 'The import stopped because of an error in Gloss.';
              break;
            }
            if (result.value.state === 'cancelled') break;
          }
          const only = files.length === 1 && outcomes.length === 1 && outcomes[0]!.status === 'imported' ? outcomes[0]! : null;
          if (only?.id) {
            setStatus(null);
            onOpen(only.id);
            notices.info(`Added “${only.title}” from ${only.name}.${only.warnings?.length ? ` Note: ${only.warnings.join(' ')}` : ''}`);
            return;
          }
          setStatus({
            phase: 'finished',
            total,
            outcomes,
            current: null,
            cancelling: false,
            cancelled: cancelRequested.current,
            error,
          });
        } catch (error) {
          setStatus(null);
          notices.error('The import stopped', error);
        } finally {
          busy.current = false;
        }
      })();
    },
    [client, createOne, notices, onOpen],
  );

  const cancel = useCallback(() => {
    cancelRequested.current = true;
    setStatus((s) => (s && s.phase !== 'finished' ? { ...s, cancelling: true } : s));
    const id = currentJob.current;
    if (id) {
      void client.try('jobs.cancel', { id }).then((result) => {
        if (!result.ok && result.error.code !== 'not-found') notices.error('Could not cancel the import', result.error);
      });
    }
  }, [client, notices]);

  const dismiss = useCallback(() => setStatus((s) => (s?.phase === 'finished' ? null : s)), []);

  return { status, start, cancel, dismiss };
}
