// Adding files to the library: one file is created and opened; several run as an import job
// with progress, cancellation and a summary of what was imported, skipped or failed, and why.
import { useCallback, useRef, useState } from 'react';
import type { DocumentRecord, ImportOutcome, Job } from '../../../shared/model';
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
          const { items, refused } = await readFiles(files);
          if (items.length === 1 && refused.length === 0) {
            setStatus(null);
            await createOne(items[0]!);
            return;
          }
          const outcomes: ImportOutcome[] = [...refused];
          let error: string | null = null;
          const show = (job: Job | null) =>
            setStatus({
              phase: 'running',
              total: files.length,
              outcomes: job ? [...outcomes, ...job.outcomes] : [...outcomes],
              current: job?.current ?? null,
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
          setStatus({
            phase: 'finished',
            total: files.length,
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
    [client, createOne, notices],
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
