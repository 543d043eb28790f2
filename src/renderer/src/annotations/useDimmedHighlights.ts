// While the panel is filtered, the reader's other highlights stay in the text but fade, so what the
// filter keeps stands out and nothing the researcher marked disappears from the page.
import { useEffect, useMemo } from 'react';

/**
 * The rule that fades every highlight except those of `kept` (and the selected one). Marks name
 * their annotations in `data-ids`; a mark shared with a kept annotation stays bright.
 */
export function dimmingRule(kept: readonly string[]): string {
  const keptMarks = kept.map((id) => `[data-ids~="${CSS.escape(id)}"]`).join(', ');
  const selector = `.reader-text .rd-mark:not(.rd-mark-selected)${keptMarks ? `:not(${keptMarks})` : ''}`;
  return `${selector} { --hl-wash: 9%; text-decoration-color: color-mix(in srgb, var(--hl-ink) 30%, transparent); }`;
}

/**
 * Fades the highlights of annotations outside the filter; `kept` null means no filter. The rule is
 * a constructed style sheet: the page's Content-Security-Policy refuses inline style elements.
 */
export function useDimmedHighlights(kept: readonly string[] | null): void {
  const key = kept === null ? null : kept.join('\n');
  const rule = useMemo(() => (key === null ? null : dimmingRule(key === '' ? [] : key.split('\n'))), [key]);
  useEffect(() => {
    if (rule === null) return;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(rule);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, [rule]);
}
