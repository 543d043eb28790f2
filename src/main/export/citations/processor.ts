// The CitationProcessor of an export, on citeproc-js used directly: one engine for the export,
// with every item registered up front, so that disambiguation (2014a/2014b, added initials) and
// the bibliography order are computed over the whole set, and formatting 1,000 references costs
// one makeBibliography call rather than an engine per item. citation-js's own engine wrapper is
// not used because it swaps the items of its one cached engine per style on every call, without
// noticing when a processor still in use had them; engines.ts keeps engines and notices.
import type { CslItem } from '../../../shared/model';
import { GlossError } from '../../../shared/errors';
import type { CitationProcessor, Locator, Run } from '../types';
import { leaseEngine } from './engines';
import { htmlToRuns } from './runs';
import { loadStyle, type LoadedStyle } from './styles';

/** A CSL item with the id the processor is asked about (Gloss uses the document id). */
export type CitableItem = CslItem & { id: string };

export interface CitationProcessorOptions {
  /** A bundled style id, the path of a .csl file, or a style already loaded. */
  style: string | LoadedStyle;
  /** A locale that overrides the style's own (e.g. "en-GB"); the style's default-locale otherwise. */
  locale?: string;
  /** Every item the export cites; disambiguation is computed over all of them. */
  items: CitableItem[];
}

export function createCitationProcessor(options: CitationProcessorOptions): CitationProcessor {
  const style = typeof options.style === 'string' ? loadStyle(options.style) : options.style;
  const items = new Map<string, Record<string, unknown>>();
  // citeproc-js normalises names and dates in the items it is given; the caller's stay untouched.
  for (const item of options.items) items.set(item.id, { ...structuredClone(item), id: item.id });
  const lease = leaseEngine(style, options.locale ?? style.defaultLocale, options.locale !== undefined, items);

  const bibliography = lease.engine().makeBibliography();
  const entries = new Map<string, string>();
  const order: string[] = [];
  if (bibliography) {
    const [meta, html] = bibliography;
    meta.entry_ids.forEach((ids, index) => {
      const id = String(ids[0]);
      order.push(id);
      entries.set(id, html[index]!);
    });
  }
  const converted = new Map<string, Run[]>();
  const known = (id: string): void => {
    if (!items.has(id)) throw new GlossError({ code: 'not-found', message: `The item “${id}” is not part of this export's citations.` });
  };
  const citation = (id: string, locator?: Locator): Run[] => {
    known(id);
    const cite = locator ? { id, locator: locator.value, label: locator.label } : { id };
    return htmlToRuns(lease.engine().makeCitationCluster([cite]));
  };

  return {
    styleTitle: style.title,
    reference(id) {
      known(id);
      let runs = converted.get(id);
      if (!runs) {
        // A style without a bibliography (some note styles) still identifies the work by its citation.
        const html = entries.get(id);
        runs = html === undefined ? citation(id) : htmlToRuns(html);
        converted.set(id, runs);
      }
      return runs.map((run) => ({ ...run }));
    },
    citation,
    order: () => (bibliography ? [...order] : [...items.keys()]),
  };
}
