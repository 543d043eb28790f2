// citeproc-js engines, built once per style and locale and lent to processors. Building one
// compiles the whole style (APA takes the better part of a second, more on a busy machine) while
// formatting with a built one is quick, and an export preview asks again at every change of its
// options. A processor makes the engine hold its own items again whenever another processor used
// the engine since, so processors alive at the same time never see each other's items.
// @ts-expect-error -- citeproc ships no type declarations; the part used is typed below.
import UntypedCSL from 'citeproc';
import { GlossError } from '../../../shared/errors';
import { loadLocale, type LoadedStyle, type LocaleSource } from './styles';

export interface Engine {
  opt: { development_extensions: Record<string, boolean> };
  setOutputFormat(format: string): void;
  updateItems(ids: string[]): void;
  makeBibliography(): [{ entry_ids: string[][] }, string[]] | false;
  makeCitationCluster(items: { id: string; locator?: string; label?: string }[]): string;
}
interface Sys {
  retrieveItem(id: string): Record<string, unknown> | undefined;
  retrieveLocale(lang: string): LocaleSource | undefined;
}
const CSL = UntypedCSL as { Engine: new (sys: Sys, style: string, lang: string, forceLang: boolean) => Engine };

interface Pooled {
  engine: Engine;
  items: Map<string, Record<string, unknown>>;
  holder: object | null;
}

/** Engines kept, most recently used last; a handful covers the styles a person switches between. */
const POOL_SIZE = 4;
const pool = new Map<string, Pooled>();

export interface EngineLease {
  /** The engine, holding this lease's items (registered again only if another lease used it since). */
  engine(): Engine;
}

export function leaseEngine(style: LoadedStyle, lang: string, forceLang: boolean, items: Map<string, Record<string, unknown>>): EngineLease {
  const key = `${lang}\u0000${forceLang}\u0000${style.xml}`;
  const pooled = pool.get(key) ?? build(style, lang, forceLang);
  pool.delete(key);
  pool.set(key, pooled);
  while (pool.size > POOL_SIZE) pool.delete(pool.keys().next().value!);
  const holder = {};
  const ids = [...items.keys()];
  return {
    engine() {
      if (pooled.holder !== holder) {
        // Emptying the registry first drops the previous items' data and disambiguation, so an
        // item that kept its id but changed its fields is read afresh.
        pooled.engine.updateItems([]);
        pooled.items = items;
        pooled.engine.updateItems(ids);
        pooled.holder = holder;
      }
      return pooled.engine;
    },
  };
}

function build(style: LoadedStyle, lang: string, forceLang: boolean): Pooled {
  const locales = new Map<string, LocaleSource | undefined>();
  const pooled: Pooled = { engine: undefined as unknown as Engine, items: new Map(), holder: null };
  const sys: Sys = {
    retrieveItem: (id) => pooled.items.get(id),
    // A language Gloss ships no locale for gets en-US terms, the fallback CSL prescribes.
    retrieveLocale: (tag) => {
      if (!locales.has(tag)) locales.set(tag, loadLocale(tag) ?? loadLocale('en-US'));
      return locales.get(tag);
    },
  };
  try {
    pooled.engine = new CSL.Engine(sys, style.xml, lang, forceLang);
  } catch (error) {
    throw new GlossError({
      code: 'validation',
      message: `The style “${style.title}” could not be used: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
  pooled.engine.setOutputFormat('html');
  // Links are made by the run converter, for every format alike.
  pooled.engine.opt.development_extensions.wrap_url_and_doi = false;
  return pooled;
}
