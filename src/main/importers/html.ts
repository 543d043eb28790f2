// HTML files, fetched pages and pasted HTML to Gloss blocks: parse inertly, find the article,
// sanitise, then keep only text and the structure the allow-list converter knows.
//
// The order matters. jsdom parses with scripts off and no resource loading, so nothing on the page
// runs or reaches the network. Readability is an extractor, not a sanitiser: it runs on a clone and
// hands back its article as a DOM node. DOMPurify (bound to the same inert window) then cleans that
// node, returning a DOM, never a string, so no imported markup is ever assigned to innerHTML by
// Gloss. Finally html-blocks walks the clean tree and emits text only.
import { Readability } from '@mozilla/readability';
import createDOMPurify from 'dompurify';
import { JSDOM, type DOMWindow } from 'jsdom';
import { GlossError } from '../../shared/errors';
import { htmlBlocks } from './html-blocks';
import { charsetFromMediaType, decodeBytes } from './html/charset';
import { extractMetadata } from './metadata';
import { timed, type ImportTimings } from './timing';
import { IMPORT_LIMITS, type ImportSource, type Imported } from './types';

export interface HtmlOptions {
  /** For tests: sees the inert window before the page is parsed into it (to plant a canary). */
  onWindow?: (window: DOMWindow) => void;
  /** For the benchmark: adds the time spent in jsdom, Readability and DOMPurify. */
  timings?: ImportTimings | undefined;
}

/**
 * What survives sanitising: structure the converter reads, and inline elements whose text it keeps.
 * No attributes at all: the converter needs none, and links' targets are not part of the text.
 */
// prettier-ignore
const ALLOWED_TAGS = [
  'a', 'abbr', 'address', 'article', 'b', 'bdi', 'bdo', 'blockquote', 'body', 'br', 'caption', 'center', 'cite', 'code', 'data', 'dd', 'del',
  'details', 'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'i', 'ins',
  'kbd', 'li', 'main', 'mark', 'ol', 'p', 'pre', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'section', 'small', 'span', 'strong', 'sub', 'summary',
  'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'u', 'ul', 'var', 'wbr',
];

/** Removed with their content (DOMPurify otherwise keeps the text of elements it removes). */
// prettier-ignore
const FORBID_CONTENTS = [
  'script', 'style', 'noscript', 'noembed', 'noframes', 'template', 'iframe', 'frame', 'frameset', 'svg', 'math', 'object', 'embed', 'applet',
  'form', 'button', 'select', 'textarea', 'input', 'option', 'label', 'nav', 'aside', 'footer', 'canvas', 'video', 'audio', 'map', 'dialog',
  'head', 'title', 'xmp', 'plaintext', 'picture', 'img', 'mglyph', 'malignmark',
];

/** Parses HTML into an inert window: scripts never run, nothing is fetched, nothing navigates. */
function parse(html: string, url: string | undefined, options: HtmlOptions): JSDOM {
  return timed(
    options.timings,
    'parse',
    () =>
      new JSDOM(html, {
        url: url && /^https?:/i.test(url) ? url : undefined,
        contentType: 'text/html',
        beforeParse: options.onWindow,
        // runScripts and resources are deliberately left unset: jsdom then runs no script and loads nothing.
      }),
  );
}

/** Sanitises a node from the page and converts it; the node itself is left untouched. */
function sanitisedBlocks(window: DOMWindow, node: Node, options: HtmlOptions) {
  const clean = timed(options.timings, 'sanitise', () =>
    createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]).sanitize(node, {
      RETURN_DOM: true,
      ALLOWED_TAGS,
      ALLOWED_ATTR: [],
      FORBID_CONTENTS,
      ALLOW_DATA_ATTR: false,
      ALLOW_ARIA_ATTR: false,
      KEEP_CONTENT: true,
    }),
  );
  return htmlBlocks(clean);
}

function decodeSource(source: ImportSource): { html: string; warnings: string[] } {
  if (source.bytes.length > IMPORT_LIMITS.fileBytes) {
    throw new GlossError({
      code: 'too-large',
      message: `“${source.name}” is too large: over ${IMPORT_LIMITS.fileBytes / (1024 * 1024)} MB. Save the page's article on its own and import that.`,
    });
  }
  const decoded = decodeBytes(source.bytes, { declared: charsetFromMediaType(source.mediaType), html: true });
  if (decoded.text.slice(0, 64 * 1024).includes('\u0000')) {
    throw new GlossError({
      code: 'unsupported',
      message: `“${source.name}” is not an HTML page (it contains binary data); check the file and import it again.`,
    });
  }
  return { html: decoded.text, warnings: decoded.warnings };
}

function emptyError(name: string): GlossError {
  return new GlossError({
    code: 'validation',
    message: `No readable text was found in “${name}”. If the page builds its text with scripts, copy the text from your browser and paste it instead.`,
    fields: [{ path: 'bytes', message: 'must contain some text' }],
  });
}

/** Imports a whole HTML page (a file or a fetched URL): article extraction, metadata and text. */
export function importHtml(source: ImportSource, options: HtmlOptions = {}): Imported {
  const { html, warnings } = decodeSource(source);
  const url = source.finalUrl ?? source.url;
  const dom = parse(html, url, options);
  try {
    const { window } = dom;
    const document = window.document;
    const metadata = extractMetadata(document, url);
    warnings.push(...metadata.warnings);

    // Readability mutates what it reads, so it gets a clone and the original stays for the fallback.
    let article: ReturnType<Readability<Node>['parse']> = null;
    try {
      article = timed(options.timings, 'readability', () =>
        new Readability<Node>(document.cloneNode(true) as Document, { serializer: (node) => node, charThreshold: 300 }).parse(),
      );
    } catch {
      article = null;
    }
    let blocks = article?.content ? sanitisedBlocks(window, article.content, options) : [];
    if (blocks.length === 0) {
      // Short pages and pages without an obvious article: all of the body, still sanitised.
      blocks = sanitisedBlocks(window, document.body ?? document.documentElement, options);
      if (blocks.length > 0 && article === null) warnings.push('Gloss could not tell the article from the rest of the page, so the whole page was imported.');
    }
    if (blocks.length === 0) throw emptyError(source.name);

    const title = metadata.title ?? article?.title?.trim() ?? null;
    const csl = { ...metadata.csl };
    if (title && !csl.title) csl.title = title;
    if (!csl.author && article?.byline) {
      const byline = article.byline.replace(/^by\s+/i, '').trim();
      if (byline) csl.author = [{ literal: byline }];
    }
    // Readability repeats the title as the first heading; the title is kept in the metadata instead.
    const first = blocks[0];
    if (first && first.type === 'heading' && title && first.text.replace(/\s+/g, ' ') === title) blocks = blocks.slice(1);
    return { format: 'html', title, blocks, csl, warnings };
  } finally {
    timed(options.timings, 'parse', () => dom.window.close());
  }
}

/**
 * Imports HTML from the clipboard. The person chose what to copy, so there is no article
 * extraction: everything is sanitised and converted, with boilerplate lines still dropped.
 */
export function importPastedHtml(html: string, options: HtmlOptions = {}): Imported {
  const dom = parse(html, undefined, options);
  try {
    const { window } = dom;
    const blocks = sanitisedBlocks(window, window.document.body ?? window.document.documentElement, options);
    if (blocks.length === 0) throw emptyError('the pasted text');
    // A clipboard fragment's <title>, if any, names the page it came from, not the passage.
    return { format: 'html', title: null, blocks, csl: {}, warnings: [] };
  } finally {
    dom.window.close();
  }
}
