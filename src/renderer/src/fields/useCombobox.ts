// Keyboard handling for a text box with a list of suggestions (the ARIA combobox pattern).
import { useCallback, useId, useState, type KeyboardEvent } from 'react';

export interface Combobox {
  listId: string;
  optionId: (index: number) => string;
  open: boolean;
  active: number;
  setOpen: (open: boolean) => void;
  setActive: (index: number) => void;
  /** Arrows move through the options, Enter picks the active one, Escape closes; returns true when handled. */
  onKeyDown: (event: KeyboardEvent<HTMLInputElement>, count: number, pick: (index: number) => void) => boolean;
  /** Attributes for the text box. */
  inputProps: (count: number) => Record<string, string | boolean | undefined>;
}

export function useCombobox(): Combobox {
  const base = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = `${base}-list`;
  const optionId = useCallback((index: number) => `${base}-option-${index}`, [base]);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLInputElement>, count: number, pick: (index: number) => void): boolean => {
      const move = (to: number) => {
        event.preventDefault();
        setOpen(true);
        setActive(count === 0 ? 0 : (to + count) % count);
      };
      switch (event.key) {
        case 'ArrowDown':
          move(open ? active + 1 : 0);
          return true;
        case 'ArrowUp':
          move(open ? active - 1 : count - 1);
          return true;
        case 'Enter':
          if (!open || count === 0) return false;
          event.preventDefault();
          pick(Math.min(active, count - 1));
          return true;
        case 'Escape':
          if (!open) return false;
          event.preventDefault();
          event.stopPropagation();
          setOpen(false);
          return true;
        default:
          return false;
      }
    },
    [open, active],
  );

  const inputProps = (count: number) => ({
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-expanded': open && count > 0,
    'aria-controls': listId,
    'aria-activedescendant': open && count > 0 ? optionId(Math.min(active, count - 1)) : undefined,
  });

  return { listId, optionId, open, active, setOpen, setActive, onKeyDown, inputProps };
}
