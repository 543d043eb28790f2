// Edit mode: the reader's text becomes correctable (typos, OCR errors); saving sends the corrected
// blocks, the main side re-anchors every annotation, and the reader comes back with the new text.
import type { LexicalEditor } from 'lexical';
import { $getRoot } from 'lexical';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AnchorStatus, DocumentRecord } from '../../../shared/model';
import type { AnnotationStore } from '../annotations/store';
import { useClient } from '../hooks/client';
import { useNotices } from '../hooks/notices';
import { $readBlocks } from './extract';

export type Mode = 'read' | 'edit' | 'saving';

const ANCHOR_WORDS: Record<AnchorStatus, string> = { anchored: 'in place', moved: 'moved', fuzzy: 'placed approximately', orphaned: 'not found' };

export function describeAnchors(anchors: Record<AnchorStatus, number>): string {
  const parts = (Object.keys(ANCHOR_WORDS) as AnchorStatus[])
    .filter((status) => anchors[status] > 0)
    .map((status) => `${anchors[status]} ${ANCHOR_WORDS[status]}`);
  return parts.length === 0 ? 'Corrected text saved.' : `Corrected text saved. Annotations: ${parts.join(', ')}.`;
}

export function useEditMode(doc: DocumentRecord | null, store: AnnotationStore, reload: () => void) {
  const client = useClient();
  const notices = useNotices();
  const [mode, setMode] = useState<Mode>('read');
  /** Bumped to rebuild the reader from the stored text (after Cancel). */
  const [round, setRound] = useState(0);
  const editor = useRef<LexicalEditor | null>(null);
  const hash = doc?.contentHash;
  const shownHash = useRef(hash);
  const savedHash = useRef<string | null>(null);

  // The new text has arrived: the reader is rebuilt from it, with the re-anchored highlights.
  useEffect(() => {
    shownHash.current = hash;
    if (savedHash.current !== null && hash === savedHash.current) {
      savedHash.current = null;
      setMode('read');
    }
  }, [hash]);

  const start = useCallback(() => {
    store.select(null);
    setMode('edit');
  }, [store]);

  const changed = useCallback(() => {
    const current = editor.current?.getEditorState().read(() => $getRoot().getTextContent());
    return current !== undefined && current !== doc?.text;
  }, [doc]);

  const cancel = useCallback(() => {
    if (changed() && !window.confirm('Discard the corrections made to the text?')) return;
    setMode('read');
    setRound((n) => n + 1);
  }, [changed]);

  const save = useCallback(async () => {
    if (!doc || !editor.current) return;
    if (!changed()) {
      setMode('read');
      return;
    }
    const blocks = editor.current.getEditorState().read($readBlocks);
    setMode('saving');
    await store.queue.flushAll();
    const result = await client.try('documents.updateText', { id: doc.id, version: doc.version, blocks });
    if (!result.ok) {
      setMode('edit');
      notices.error('Could not save the corrected text', result.error);
      return;
    }
    const newHash = result.value.document.contentHash;
    notices.info(describeAnchors(result.value.anchors));
    store.textChanged();
    await store.load();
    if (newHash === doc.contentHash || shownHash.current === newHash) {
      // Nothing to wait for: the same text, or the new one already arrived by a pushed event.
      setMode('read');
      setRound((n) => n + 1);
      return;
    }
    savedHash.current = newHash;
    reload();
  }, [client, doc, notices, reload, store, changed]);

  return { mode, round, editor, start, cancel, save };
}
