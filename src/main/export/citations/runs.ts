// citeproc-js formats into HTML; the export renderers want Run[]. This reads exactly the HTML that
// citeproc's "html" output format writes (a handful of tags, inline styles and entities), not
// arbitrary HTML, so a small tokenizer is enough and keeps 1,000 references cheap to convert.
import type { Run } from '../types';

type Flags = Omit<Run, 'text'>;

const TAG = /<(\/?)([a-z][a-z0-9]*)([^>]*)>/gi;
const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
// A URL ends before whitespace; trailing sentence punctuation belongs to the reference, not the link.
const URL = /https?:\/\/[^\s<>"]+/g;
const URL_TRAILING = /[.,;:]+$/;

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/** What one opening tag does to the formatting in force; citeproc flips italics off with font-style:normal. */
function tagFlags(name: string, attributes: string): Flags {
  switch (name) {
    case 'i':
    case 'em':
      return { italic: true };
    case 'b':
    case 'strong':
      return { bold: true };
    case 'sup':
      return { superscript: true };
    case 'sub':
      return { subscript: true };
    case 'span': {
      const style = /style="([^"]*)"/i.exec(attributes)?.[1]?.replace(/\s+/g, '').toLowerCase() ?? '';
      const flags: Flags = {};
      if (style.includes('font-style:italic')) flags.italic = true;
      if (style.includes('font-style:normal')) flags.italic = false;
      if (style.includes('font-weight:bold')) flags.bold = true;
      if (style.includes('font-weight:normal')) flags.bold = false;
      if (style.includes('font-variant:small-caps')) flags.smallCaps = true;
      if (style.includes('font-variant:normal')) flags.smallCaps = false;
      if (style.includes('vertical-align:sup')) flags.superscript = true;
      if (style.includes('vertical-align:sub')) flags.subscript = true;
      return flags;
    }
    case 'a': {
      const href = /href="([^"]*)"/i.exec(attributes)?.[1];
      return href ? { href: decodeEntities(href) } : {};
    }
    default:
      return {};
  }
}

function sameFlags(a: Flags, b: Flags): boolean {
  return (
    !!a.italic === !!b.italic &&
    !!a.bold === !!b.bold &&
    !!a.smallCaps === !!b.smallCaps &&
    !!a.superscript === !!b.superscript &&
    !!a.subscript === !!b.subscript &&
    a.href === b.href
  );
}

function cleanFlags(flags: Flags): Flags {
  const out: Flags = {};
  if (flags.italic) out.italic = true;
  if (flags.bold) out.bold = true;
  if (flags.smallCaps) out.smallCaps = true;
  if (flags.superscript) out.superscript = true;
  if (flags.subscript) out.subscript = true;
  if (flags.href) out.href = flags.href;
  return out;
}

/**
 * Converts one citeproc HTML fragment (a bibliography entry or a citation) to runs: text
 * unescaped, formatting as flags, bare URLs as links. The layout divs of numbered styles
 * (csl-left-margin, csl-right-inline) become the number, a space, then the entry.
 */
export function htmlToRuns(html: string): Run[] {
  const runs: Run[] = [];
  const push = (text: string, flags: Flags): void => {
    if (text === '') return;
    const clean = cleanFlags(flags);
    const last = runs[runs.length - 1];
    if (last && sameFlags(last, clean)) last.text += text;
    else runs.push({ text, ...clean });
  };
  const stack: { name: string; flags: Flags; leftMargin: boolean }[] = [];
  let flags: Flags = {};
  let at = 0;
  const text = (raw: string): void => {
    // Indentation and line breaks between citeproc's layout divs are not part of the entry.
    if (/^\s*$/.test(raw) && raw.includes('\n')) return;
    push(decodeEntities(raw), flags);
  };
  for (const match of html.matchAll(TAG)) {
    text(html.slice(at, match.index));
    at = match.index + match[0].length;
    const [, closing, rawName, attributes] = match;
    const name = rawName!.toLowerCase();
    if (name === 'br') continue;
    if (closing) {
      const index = stack.map((entry) => entry.name).lastIndexOf(name);
      if (index < 0) continue;
      const [closed] = stack.splice(index);
      flags = closed!.flags;
      if (closed!.leftMargin) push(' ', {});
      continue;
    }
    stack.push({ name, flags, leftMargin: name === 'div' && /class="[^"]*csl-left-margin/.test(attributes ?? '') });
    flags = { ...flags, ...tagFlags(name, attributes ?? '') };
  }
  text(html.slice(at));
  return linkUrls(trimRuns(runs));
}

function trimRuns(runs: Run[]): Run[] {
  const first = runs[0];
  if (first) first.text = first.text.replace(/^\s+/, '');
  const last = runs[runs.length - 1];
  if (last) last.text = last.text.replace(/\s+$/, '');
  return runs.filter((run) => run.text !== '');
}

/** Splits bare URLs out of unlinked runs so that every format can make them clickable. */
function linkUrls(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    if (run.href || !run.text.includes('://')) {
      out.push(run);
      continue;
    }
    let at = 0;
    for (const match of run.text.matchAll(URL)) {
      const url = trimUrl(match[0]);
      if (match.index > at) out.push({ ...run, text: run.text.slice(at, match.index) });
      out.push({ ...run, text: url, href: url });
      at = match.index + url.length;
    }
    if (at < run.text.length) out.push({ ...run, text: run.text.slice(at) });
  }
  return out;
}

/** Drops sentence punctuation and a closing parenthesis that belongs to the text around the URL. */
function trimUrl(candidate: string): string {
  let url = candidate.replace(URL_TRAILING, '');
  while (url.endsWith(')') && url.split(')').length > url.split('(').length) url = url.slice(0, -1).replace(URL_TRAILING, '');
  return url;
}

/** The text of runs as one string, for plain-text output and comparisons. */
export function runsText(runs: Run[]): string {
  return runs.map((run) => run.text).join('');
}
