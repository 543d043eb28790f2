// "Copy as citation": a claim's quote with its in-text citation and locator in the export style
// last chosen, as rich text for word processors and as plain text for everything else.
import { useState } from 'react';
import { useClient } from '../hooks/client';
import { loadExportChoices } from './choices';
import '../styles/export.css';

const SHOWN_MS = 2_000;

async function writeClipboard(text: string, html: string): Promise<void> {
  if (typeof ClipboardItem !== 'undefined' && navigator.clipboard?.write) {
    await navigator.clipboard.write([
      new ClipboardItem({ 'text/plain': new Blob([text], { type: 'text/plain' }), 'text/html': new Blob([html], { type: 'text/html' }) }),
    ]);
    return;
  }
  await navigator.clipboard.writeText(text);
}

export function CopyCitationButton({ annotationId, disabled }: { annotationId: string; disabled?: boolean }) {
  const client = useClient();
  const [state, setState] = useState<'idle' | 'copying' | 'copied' | { problem: string }>('idle');

  const copy = async () => {
    setState('copying');
    const result = await client.try('export.citation', { annotationId, style: loadExportChoices().style });
    if (!result.ok) {
      setState({ problem: result.error.message });
      return;
    }
    try {
      await writeClipboard(result.value.text, result.value.html);
      setState('copied');
      setTimeout(() => setState('idle'), SHOWN_MS);
    } catch (error) {
      setState({ problem: `The clipboard refused the citation (${(error as Error).message}).` });
    }
  };

  return (
    <>
      <button type="button" className="button small" onClick={() => void copy()} disabled={disabled || state === 'copying'}>
        {state === 'copied' ? 'Copied' : 'Copy as citation'}
      </button>
      {typeof state === 'object' && (
        <span className="card-problem" role="alert">
          {state.problem}
        </span>
      )}
    </>
  );
}
