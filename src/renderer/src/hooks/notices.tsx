// Messages for the person at the keyboard: errors stay until dismissed, confirmations fade.
import { createContext, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { GlossError, isGlossErrorData } from '../../../shared/errors';

export interface NoticeAction {
  label: string;
  run: () => void;
}

export interface Notice {
  id: number;
  tone: 'error' | 'info';
  message: string;
  actions: NoticeAction[];
}

interface NoticeApi {
  /** Shows an error plainly; `context` says what was being attempted. */
  error: (context: string, error: unknown, actions?: NoticeAction[]) => void;
  info: (message: string, actions?: NoticeAction[]) => void;
  dismiss: (id: number) => void;
}

/** Long enough to read; a message with an action (Undo) stays longer so it can be reached. */
const INFO_MS = 5_000;
const INFO_WITH_ACTION_MS = 10_000;
// Two contexts: components that only send messages must not re-render each time the list changes.
const NoticeContext = createContext<NoticeApi | null>(null);
const NoticeListContext = createContext<Notice[]>([]);

/** The sentence to show for a failure: API errors already speak to people; other throws get context. */
export function messageOf(error: unknown): string {
  if (typeof error === 'string') return error;
  if (error instanceof GlossError || isGlossErrorData(error)) return error.message;
  if (error instanceof Error) return `Something went wrong in this window (${error.message}).`;
  return `Something went wrong in this window (${String(error)}).`;
}

export function NoticeProvider({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const nextId = useRef(1);

  const api = useMemo<NoticeApi>(() => {
    const dismiss = (id: number) => setNotices((list) => list.filter((notice) => notice.id !== id));
    const push = (tone: Notice['tone'], message: string, actions: NoticeAction[]) => {
      const id = nextId.current++;
      // The same message twice in a row says nothing new; keep one.
      setNotices((list) => [...list.filter((notice) => notice.message !== message), { id, tone, message, actions }]);
      if (tone === 'info') setTimeout(() => dismiss(id), actions.length > 0 ? INFO_WITH_ACTION_MS : INFO_MS);
    };
    return {
      error: (context, error, actions = []) => push('error', `${context}: ${messageOf(error)}`, actions),
      info: (message, actions = []) => push('info', message, actions),
      dismiss,
    };
  }, []);

  return (
    <NoticeContext.Provider value={api}>
      <NoticeListContext.Provider value={notices}>{children}</NoticeListContext.Provider>
    </NoticeContext.Provider>
  );
}

export function useNotices(): NoticeApi {
  const api = useContext(NoticeContext);
  if (!api) throw new Error('useNotices needs a NoticeProvider above it');
  return api;
}

export function useNoticeList(): Notice[] {
  return useContext(NoticeListContext);
}
