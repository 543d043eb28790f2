// The citation styles Gloss offers: five bundled ones and any .csl file the person drops into the
// library's styles/ folder. Bundled styles and locales come from npm packages, never copies in
// this repository, and are looked up in node_modules at run time (the registries of
// @citation-js/plugin-csl, require.resolve for the others). electron-vite keeps every
// package.json dependency out of the main bundle, so that one lookup serves the tests, the CLI,
// web mode and the built app alike. `?raw` imports were not used: plugin-csl keeps its styles in
// a registry rather than files, and a deep `?raw` path into rehype-citation bypasses its exports.
//
// Where each comes from (no npm package reachable here ships all five current styles as XML):
// - APA 7th (`apa`), Vancouver (`vancouver`), Cite Them Right 12th Harvard (`harvard1`, offered
//   under its CSL id `harvard-cite-them-right`) and en-US: @citation-js/plugin-csl's registry.
// - Chicago author-date 17th and MLA 9th: rehype-citation ships each as an ES module holding one
//   template literal, `export default \`<xml>\``; the XML is read out of that file as text, and
//   any other shape is refused rather than guessed at.
// - en-GB (Cite Them Right's locale): locale-en-gb, in citeproc-js's JSON form of a locale.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, extname, join } from 'node:path';
// @ts-expect-error -- citation-js ships no type declarations; the registry shape is typed below.
import { plugins as untypedPlugins } from '@citation-js/core';
// Imported for its side effect: registers the @csl plugin with its styles and locales.
import '@citation-js/plugin-csl';
import { JSDOM } from 'jsdom';
import { GlossError } from '../../../shared/errors';

const requireHere = createRequire(__filename);
const plugins = untypedPlugins as { config: { get(name: '@csl'): { styles: Registry; locales: Registry } } };
interface Registry {
  get(name: string): unknown;
  has(name: string): boolean;
}

const CSL_NS = 'http://purl.org/net/xbiblio/csl';

export interface StyleInfo {
  /** A bundled style's id, or the path of a user's .csl file. */
  id: string;
  title: string;
  defaultLocale: string;
  bundled: boolean;
}

export interface LoadedStyle extends StyleInfo {
  xml: string;
}

/** A locale as citeproc-js takes it: CSL locale XML, or its JSON form. */
export type LocaleSource = string | Record<string, unknown>;

interface BundledStyle {
  id: string;
  defaultLocale: string;
  read(): string;
}

const BUNDLED: BundledStyle[] = [
  { id: 'apa', defaultLocale: 'en-US', read: () => fromCitationJs('apa') },
  { id: 'chicago-author-date', defaultLocale: 'en-US', read: () => fromRehypeCitation('chicago.js') },
  { id: 'modern-language-association', defaultLocale: 'en-US', read: () => fromRehypeCitation('mla.js') },
  { id: 'harvard-cite-them-right', defaultLocale: 'en-GB', read: () => fromCitationJs('harvard1') },
  { id: 'vancouver', defaultLocale: 'en-US', read: () => fromCitationJs('vancouver') },
];

export const BUNDLED_STYLE_IDS = BUNDLED.map((style) => style.id);

function fromCitationJs(name: string): string {
  const xml = plugins.config.get('@csl').styles.get(name);
  if (typeof xml !== 'string') throw new Error(`@citation-js/plugin-csl no longer ships the "${name}" style.`);
  return xml;
}

function fromRehypeCitation(file: string): string {
  const path = join(dirname(requireHere.resolve('rehype-citation')), 'styles', file);
  const source = readFileSync(path, 'utf8').trim();
  const match = /^export default `([\s\S]*)`;?$/.exec(source);
  if (!match || match[1]!.includes('${')) throw new Error(`${path} is not the plain style module Gloss expects.`);
  return match[1]!.replace(/\\([`\\$])/g, '$1');
}

const loaded = new Map<string, LoadedStyle>();

/** The bundled styles, in the order Gloss offers them. */
export function bundledStyles(): StyleInfo[] {
  return BUNDLED.map((style) => info(loadBundled(style)));
}

function loadBundled(style: BundledStyle): LoadedStyle {
  const cached = loaded.get(style.id);
  if (cached) return cached;
  const xml = style.read();
  const checked = checkStyle(xml, style.id);
  const result = { id: style.id, title: checked.title, defaultLocale: checked.defaultLocale ?? style.defaultLocale, bundled: true, xml };
  loaded.set(style.id, result);
  return result;
}

function info(style: LoadedStyle): StyleInfo {
  return { id: style.id, title: style.title, defaultLocale: style.defaultLocale, bundled: style.bundled };
}

export interface StyleListing {
  styles: StyleInfo[];
  /** User files that could not be offered, each with the reason. */
  problems: { file: string; message: string }[];
}

/** Bundled styles, then the valid .csl files of `userDir` (the library's styles/ folder) by title. */
export function listStyles(userDir?: string): StyleListing {
  const styles = bundledStyles();
  const problems: StyleListing['problems'] = [];
  const user: StyleInfo[] = [];
  let names: string[] = [];
  try {
    names = userDir ? readdirSync(userDir) : [];
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  for (const name of names.filter((entry) => extname(entry).toLowerCase() === '.csl').sort()) {
    const path = join(userDir!, name);
    try {
      user.push(info(loadStyleFile(path)));
    } catch (error) {
      problems.push({ file: path, message: (error as Error).message });
    }
  }
  user.sort((a, b) => a.title.localeCompare(b.title));
  return { styles: [...styles, ...user], problems };
}

/** A bundled style by id, or a .csl file by path. */
export function loadStyle(idOrPath: string): LoadedStyle {
  const bundled = BUNDLED.find((style) => style.id === idOrPath);
  if (bundled) return loadBundled(bundled);
  if (/[\\/]/.test(idOrPath) || extname(idOrPath).toLowerCase() === '.csl') return loadStyleFile(idOrPath);
  throw new GlossError({
    code: 'not-found',
    message: `There is no citation style “${idOrPath}”. Choose one of ${BUNDLED_STYLE_IDS.join(', ')}, or the path of a .csl file.`,
  });
}

function loadStyleFile(path: string): LoadedStyle {
  let xml: string;
  try {
    xml = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new GlossError({
      code: code === 'ENOENT' ? 'not-found' : 'validation',
      message:
        code === 'ENOENT'
          ? `The style file “${path}” does not exist. Check the path, or put the .csl file in the library's styles folder.`
          : `The style file “${path}” could not be read (${(error as Error).message}).`,
    });
  }
  const checked = checkStyle(xml, basename(path));
  return { id: path, title: checked.title, defaultLocale: checked.defaultLocale ?? 'en-US', bundled: false, xml };
}

let parser: InstanceType<JSDOM['window']['DOMParser']> | undefined;

/**
 * Checks that `xml` is a CSL style citeproc can run: well-formed XML whose root is a CSL
 * <style> with a version, with a citation or a bibliography. Throws a `validation` error that
 * names the file and what is wrong; returns the title and default locale the style declares.
 */
export function checkStyle(xml: string, name: string): { title: string; defaultLocale: string | undefined } {
  parser ??= new new JSDOM('').window.DOMParser();
  const document = parser.parseFromString(xml, 'application/xml');
  const fail = (problem: string): never => {
    throw new GlossError({ code: 'validation', message: `“${name}” is not a usable CSL style: ${problem}` });
  };
  const error = document.getElementsByTagName('parsererror')[0];
  if (error) {
    const detail = (error.textContent ?? '').trim().split('\n')[0] ?? '';
    fail(`it is not well-formed XML${detail ? ` (${detail})` : ''}. Download the style again or fix the file.`);
  }
  const root = document.documentElement;
  if (root.localName !== 'style' || root.namespaceURI !== CSL_NS) {
    fail(`its root element is <${root.localName}>, not a CSL <style> in the ${CSL_NS} namespace.`);
  }
  if (!root.getAttribute('version')) fail('the <style> element has no version attribute (CSL 1.0 styles say version="1.0").');
  const children = Array.from(root.children).filter((child) => child.namespaceURI === CSL_NS);
  if (!children.some((child) => child.localName === 'citation' || child.localName === 'bibliography')) {
    const parent = children
      .find((child) => child.localName === 'info')
      ?.querySelector('link[rel="independent-parent"]')
      ?.getAttribute('href');
    fail(
      parent
        ? `it is a dependent style that only points to ${parent}; use that style's own .csl file instead.`
        : 'it has neither a <citation> nor a <bibliography> element.',
    );
  }
  const info = children.find((child) => child.localName === 'info');
  const title = Array.from(info?.children ?? [])
    .find((child) => child.localName === 'title' && child.namespaceURI === CSL_NS)
    ?.textContent?.trim();
  return { title: title || name, defaultLocale: root.getAttribute('default-locale') ?? undefined };
}

const EN_GB_PACKAGE = 'locale-en-gb';

/** The locale for a language tag, or undefined when Gloss ships none for it. */
export function loadLocale(lang: string): LocaleSource | undefined {
  if (lang === 'en-GB') return requireHere(EN_GB_PACKAGE) as Record<string, unknown>;
  const locales = plugins.config.get('@csl').locales;
  for (const name of [lang, lang.replace('-', '_')]) {
    if (locales.has(name)) return locales.get(name) as LocaleSource;
  }
  return undefined;
}
