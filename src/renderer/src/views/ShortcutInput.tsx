// A button that records the next key combination as a kind's shortcut; Backspace clears it, Escape keeps the old one.
import { useId, useState } from 'react';
import { formatShortcut, isMacPlatform, shortcutFromPress } from './shortcut';

interface Props {
  value: string | null;
  /** Names what the shortcut is for, e.g. "Shortcut for Statistic". */
  label: string;
  onChange: (shortcut: string | null) => void;
}

const MAC = isMacPlatform();

export function ShortcutInput({ value, label, onChange }: Props) {
  const [listening, setListening] = useState(false);
  const [hint, setHint] = useState<string | null>(null);
  const hintId = useId();
  return (
    <span className="shortcut-input">
      <button
        type="button"
        className={listening ? 'button small listening' : 'button small'}
        aria-label={label}
        aria-describedby={listening ? hintId : undefined}
        aria-pressed={listening}
        onClick={() => {
          setListening((l) => !l);
          setHint(null);
        }}
        onBlur={() => setListening(false)}
        onKeyDown={(event) => {
          if (!listening) return;
          if (event.key === 'Tab') return;
          event.preventDefault();
          event.stopPropagation();
          if (event.key === 'Escape') return setListening(false);
          if ((event.key === 'Backspace' || event.key === 'Delete') && !event.ctrlKey && !event.metaKey && !event.altKey) {
            setListening(false);
            return onChange(null);
          }
          const result = shortcutFromPress(event, MAC);
          if (!result) return;
          if ('error' in result) return setHint(result.error);
          setHint(null);
          setListening(false);
          onChange(result.shortcut);
        }}
      >
        {listening ? 'Press keys…' : value ? <kbd>{formatShortcut(value, MAC)}</kbd> : 'None'}
      </button>
      <span className="shortcut-hint" id={hintId} aria-live="polite">
        {listening ? (hint ?? 'Press the combination; Backspace removes it, Escape keeps it.') : ''}
      </span>
    </span>
  );
}
