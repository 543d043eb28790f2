// The rich document as one standalone HTML5 file: a small stylesheet inside, no scripts, nothing
// fetched; and runs as HTML for a citation copied to the clipboard. Every piece of text is
// escaped and every link target checked again here, because notes, tags, source names and
// quotes are typed or imported by people and the HTML will be opened in a browser or pasted.
import type { ParagraphRole, RichBlock, RichDocument, Run } from '../types';

const STYLE = `
body { font-family: Georgia, 'DejaVu Serif', 'Times New Roman', serif; line-height: 1.5; max-width: 46em; margin: 2em auto; padding: 0 1em; color: #1a1a1a; }
h1 { font-size: 1.6em; margin: 0 0 1em; }
h2 { font-size: 1.25em; margin: 1.6em 0 0.6em; }
/* Kind headings are labels inside an entry, in line with its quotes. */
h3, h4 { font-size: 1em; margin: 1em 0 0.4em 2em; }
p, ul, ol { margin: 0.4em 0; }
p.reference { padding-left: 2em; text-indent: -2em; margin-top: 1.2em; }
blockquote { margin: 0.6em 0; }
p.detail { font-size: 0.9em; color: #444; }
.i1 { margin-left: 2em; }
.i2 { margin-left: 4em; }
.i3 { margin-left: 6em; }
.i4 { margin-left: 8em; }
.i5 { margin-left: 10em; }
.i6 { margin-left: 12em; }
.sc { font-variant: small-caps; }
`;

// eslint-disable-next-line no-control-regex -- a target with control characters or spaces is refused outright
const SAFE_TARGET = /^(?:https?:\/\/|mailto:|gloss:\/\/)[^\u0000-\u0020\u007f]*$/i;

/** Writes the document as a complete HTML5 page; `lang` is the language of the labels around the content. */
export function renderHtml(doc: RichDocument, lang = 'en'): string {
  const body = doc.blocks.map(block).join('\n');
  return `<!DOCTYPE html>
<html lang="${attribute(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(doc.title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

function indentClass(indent: number | undefined): string {
  const level = Math.min(6, Math.max(0, Math.trunc(indent ?? 0)));
  return level > 0 ? `i${level}` : '';
}

const classes = (...names: string[]): string => {
  const list = names.filter(Boolean).join(' ');
  return list ? ` class="${list}"` : '';
};

function block(b: RichBlock): string {
  if (b.type === 'heading') {
    return `<h${b.level}>${runsHtml(b.runs)}</h${b.level}>`;
  }
  if (b.type === 'list') {
    const tag = b.ordered ? 'ol' : 'ul';
    return `<${tag}${classes(indentClass(b.indent))}>${b.items.map((item) => `<li>${runsHtml(item)}</li>`).join('')}</${tag}>`;
  }
  const paragraph = `<p${classes(roleClass(b.role), b.role === 'quote' ? '' : indentClass(b.indent))}>${runsHtml(b.runs)}</p>`;
  return b.role === 'quote' ? `<blockquote${classes(indentClass(b.indent))}>${paragraph}</blockquote>` : paragraph;
}

const roleClass = (role: ParagraphRole): string => (role === 'plain' || role === 'quote' ? '' : role);

export interface RunsHtmlOptions {
  /** Style attributes instead of the stylesheet's classes, for HTML that travels without the stylesheet (a citation on the clipboard). */
  inlineStyles?: boolean;
}

/** Runs as inline HTML, text escaped and unsafe link targets dropped: the export's and the copied citation's one writer. */
export function runsHtml(list: Run[], options: RunsHtmlOptions = {}): string {
  return list.map((r) => run(r, options)).join('');
}

function run(r: Run, { inlineStyles = false }: RunsHtmlOptions): string {
  let html = escape(r.text);
  if (r.smallCaps) html = inlineStyles ? `<span style="font-variant:small-caps">${html}</span>` : `<span class="sc">${html}</span>`;
  if (r.superscript) html = `<sup>${html}</sup>`;
  else if (r.subscript) html = `<sub>${html}</sub>`;
  if (r.italic) html = `<em>${html}</em>`;
  if (r.bold) html = `<strong>${html}</strong>`;
  if (r.href !== undefined && SAFE_TARGET.test(r.href)) html = `<a href="${attribute(r.href)}">${html}</a>`;
  return html;
}

function escape(text: string): string {
  return text.replace(/[&<>]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : '&gt;'));
}

function attribute(text: string): string {
  return escape(text).replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
