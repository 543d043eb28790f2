// Import progress with a way to cancel, then what happened to every file and why; announced to screen readers.
import type { ImportOutcome } from '../../../shared/model';
import { formatCount } from '../format';
import { documentHref } from '../hooks/useRoute';
import type { ImportStatus } from './useImport';

interface Props {
  status: ImportStatus;
  onCancel: () => void;
  onDismiss: () => void;
}

function Outcomes({ title, items }: { title: string; items: ImportOutcome[] }) {
  if (items.length === 0) return null;
  return (
    <details className="import-outcomes" open={items.length <= 6}>
      <summary>{title}</summary>
      <ul>
        {items.map((item, i) => (
          <li key={`${item.name}:${i}`}>
            {item.id ? <a href={documentHref(item.id)}>{item.title ?? item.name}</a> : <span className="file-name">{item.name}</span>}
            {item.id && item.title && item.title !== item.name && <span className="muted"> ({item.name})</span>}
            {item.error && <span className="reason">{item.error}</span>}
          </li>
        ))}
      </ul>
    </details>
  );
}

function Summary({ status, onDismiss }: { status: ImportStatus; onDismiss: () => void }) {
  const imported = status.outcomes.filter((o) => o.status === 'imported');
  const skipped = status.outcomes.filter((o) => o.status === 'skipped');
  const failed = status.outcomes.filter((o) => o.status === 'failed');
  const notReached = status.total - status.outcomes.length;
  const headline = status.cancelled
    ? `Import cancelled: ${imported.length} of ${formatCount(status.total, 'file', 'files')} imported`
    : `Imported ${imported.length} of ${formatCount(status.total, 'file', 'files')}`;
  return (
    <section className="import-panel" aria-label="Import summary">
      <p className="import-headline">{headline}</p>
      <p className="import-counts">
        {[`${imported.length} imported`, `${skipped.length} skipped`, `${failed.length} failed`, notReached > 0 ? `${notReached} not reached` : null]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {status.error && <p className="reason">{status.error}</p>}
      <Outcomes title={`Imported (${imported.length})`} items={imported} />
      <Outcomes title={`Skipped (${skipped.length})`} items={skipped} />
      <Outcomes title={`Failed (${failed.length})`} items={failed} />
      <div className="button-row">
        <button type="button" className="button small" onClick={onDismiss}>
          Close summary
        </button>
      </div>
    </section>
  );
}

/** What a screen reader hears: the region below stays mounted so that its changes are announced. */
function announcement(status: ImportStatus | null): string {
  if (!status) return '';
  if (status.phase !== 'finished') return `Importing ${formatCount(status.total, 'file', 'files')}.`;
  const count = (kind: ImportOutcome['status']) => status.outcomes.filter((o) => o.status === kind).length;
  return `${status.cancelled ? 'Import cancelled' : 'Import finished'}: ${count('imported')} imported, ${count('skipped')} skipped, ${count('failed')} failed.`;
}

export function ImportArea({ status, onCancel, onDismiss }: { status: ImportStatus | null; onCancel: () => void; onDismiss: () => void }) {
  return (
    <>
      <p className="visually-hidden" role="status">
        {announcement(status)}
      </p>
      {status && <ImportPanel status={status} onCancel={onCancel} onDismiss={onDismiss} />}
    </>
  );
}

/** The line under the bar: the file being read, with its pages while a long PDF is read. */
function currentLine(status: ImportStatus): string {
  const part = status.currentProgress;
  if (status.cancelling) return part ? 'Cancelling…' : 'Cancelling after the current file…';
  if (part && status.current) return `Reading ${part.unit} ${part.done.toLocaleString('en')} of ${part.total.toLocaleString('en')} — ${status.current}`;
  return status.current ?? ' ';
}

function ImportPanel({ status, onCancel, onDismiss }: Props) {
  if (status.phase === 'finished') return <Summary status={status} onDismiss={onDismiss} />;
  const done = status.outcomes.length;
  const part = status.currentProgress;
  // The current file's pages move the bar within its share, so one long PDF does not sit at zero.
  const value = Math.min(status.total, done + (part && part.total > 0 ? part.done / part.total : 0));
  return (
    <section className="import-panel" aria-label="Import progress">
      <p className="import-headline">
        {status.phase === 'reading'
          ? `Reading ${formatCount(status.total, 'file', 'files')}…`
          : `Importing ${Math.min(done + 1, status.total)} of ${status.total}`}
      </p>
      {/* Without a value the bar is indeterminate: while files are read there is nothing to count yet. */}
      {status.phase === 'reading' ? <progress aria-label="Import progress" /> : <progress max={status.total} value={value} aria-label="Import progress" />}
      <p className="import-current muted">{currentLine(status)}</p>
      <div className="button-row">
        <button type="button" className="button small" onClick={onCancel} disabled={status.cancelling}>
          Cancel import
        </button>
      </div>
    </section>
  );
}
