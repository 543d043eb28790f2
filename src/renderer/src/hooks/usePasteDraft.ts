// What is typed into the paste dialog survives closing it, a failed save and a reload, until the
// document is added or the person clears it.
import { useCallback, useEffect, useState } from 'react';

export interface PasteDraft {
  title: string;
  text: string;
  format: 'text' | 'markdown';
}

const KEY = 'gloss.pasteDraft';
const EMPTY: PasteDraft = { title: '', text: '', format: 'text' };
/** Local storage holds a few megabytes; a longer draft is kept in memory only. */
const STORE_MAX_CHARS = 1_000_000;

function load(): PasteDraft {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<PasteDraft> | null;
    if (!saved) return EMPTY;
    return {
      title: typeof saved.title === 'string' ? saved.title : '',
      text: typeof saved.text === 'string' ? saved.text : '',
      format: saved.format === 'markdown' ? 'markdown' : 'text',
    };
  } catch {
    return EMPTY;
  }
}

export function usePasteDraft(): [PasteDraft, (patch: Partial<PasteDraft>) => void, () => void] {
  const [draft, setDraft] = useState<PasteDraft>(load);

  useEffect(() => {
    const timer = setTimeout(() => {
      try {
        if (draft.title === '' && draft.text === '') localStorage.removeItem(KEY);
        else if (draft.text.length <= STORE_MAX_CHARS) localStorage.setItem(KEY, JSON.stringify(draft));
      } catch {
        // Storage full or disabled: the draft still lives in memory for this window.
      }
    }, 300);
    return () => clearTimeout(timer);
  }, [draft]);

  const update = useCallback((patch: Partial<PasteDraft>) => setDraft((d) => ({ ...d, ...patch })), []);
  const clear = useCallback(() => {
    setDraft(EMPTY);
    localStorage.removeItem(KEY);
  }, []);
  return [draft, update, clear];
}
