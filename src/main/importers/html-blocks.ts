// The allow-list converter: walks a sanitised DOM and builds Gloss blocks from the few elements
// that carry structure. Everything else contributes its text or nothing; no markup survives.
import type { BlockInput, BlockType } from '../../shared/canonical';
import { isBoilerplate, stripTrailers, type BlockStats } from './html/boilerplate';

// Node types by number, so the walk does not depend on a particular window's Node constructor.
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;
const DOCUMENT_NODE = 9;
const DOCUMENT_FRAGMENT_NODE = 11;

/** Elements whose content is never prose: dropped with everything inside them. */
// prettier-ignore
const DROPPED = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'svg', 'math', 'object', 'embed', 'applet', 'form', 'button', 'select',
  'option', 'textarea', 'input', 'label', 'nav', 'aside', 'footer', 'canvas', 'video', 'audio', 'picture', 'img', 'map', 'dialog', 'head', 'title',
  'meta', 'link', 'base',
]);

/** Elements that end the running paragraph: their content starts a new block. */
const BLOCK_BOUNDARY = new Set([
  'address',
  'article',
  'body',
  'center',
  'details',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'header',
  'hgroup',
  'hr',
  'html',
  'main',
  'section',
  'summary',
  'caption',
]);

interface Context {
  listDepth: number;
  ordered: boolean;
  quote: boolean;
}

interface Pending {
  text: string;
  linkChars: number;
  links: number;
}

/** Collapses white space the way a browser lays out normal text; `\n` from <br> is kept. */
function appendCollapsed(buffer: Pending, raw: string, inLink: boolean): void {
  let text = raw.replace(/[ \t\n\r\f]+/g, ' ');
  if (buffer.text === '' || buffer.text.endsWith(' ') || buffer.text.endsWith('\n')) text = text.replace(/^ /, '');
  buffer.text += text;
  if (inLink) buffer.linkChars += text.replace(/\s/g, '').length;
}

class Converter {
  readonly out: BlockInput[] = [];
  private pending: Pending = { text: '', linkChars: 0, links: 0 };
  private pendingType: { type: BlockType; level?: number; ordered?: boolean } = { type: 'paragraph' };

  walk(node: Node, context: Context, inLink = false): void {
    if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) {
      appendCollapsed(this.pending, node.nodeValue ?? '', inLink);
      return;
    }
    if (node.nodeType === DOCUMENT_NODE || node.nodeType === DOCUMENT_FRAGMENT_NODE) {
      for (const child of Array.from(node.childNodes)) this.walk(child, context, inLink);
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const element = node as Element;
    const tag = element.localName.toLowerCase();
    if (DROPPED.has(tag) || element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return;

    const heading = /^h([1-6])$/.exec(tag);
    if (heading) {
      this.block(element, { type: context.quote ? 'quote' : 'heading', level: context.quote ? undefined : Number(heading[1]) }, context);
      return;
    }
    switch (tag) {
      case 'br':
        this.pending.text = this.pending.text.replace(/ $/, '') + '\n';
        return;
      case 'p':
        this.block(element, this.paragraphType(context), context);
        return;
      case 'ul':
      case 'ol':
        this.container({ ...context, listDepth: context.listDepth + 1, ordered: tag === 'ol' }, element, inLink);
        return;
      case 'li':
        this.block(element, context.listDepth > 0 ? this.paragraphType(context) : { type: 'list-item', level: 1, ordered: false }, {
          ...context,
          listDepth: Math.max(context.listDepth, 1),
        });
        return;
      case 'blockquote':
        this.container({ ...context, quote: true }, element, inLink);
        return;
      case 'pre':
        this.flush();
        this.emit({ type: 'preformatted', text: preText(element) }, { text: '', linkChars: 0, links: 0 });
        return;
      case 'table':
        this.flush();
        this.table(element);
        return;
      case 'a': {
        this.pending.links++;
        for (const child of Array.from(element.childNodes)) this.walk(child, context, true);
        return;
      }
    }
    if (BLOCK_BOUNDARY.has(tag)) {
      this.flush();
      for (const child of Array.from(element.childNodes)) this.walk(child, context, inLink);
      this.flush();
      return;
    }
    // Inline, or unknown: only its text counts.
    for (const child of Array.from(element.childNodes)) this.walk(child, context, inLink);
  }

  /** A list or quote: loose text inside it takes the container's role. */
  private container(inner: Context, element: Element, inLink: boolean): void {
    this.flush();
    const saved = this.pendingType;
    this.pendingType = this.paragraphType(inner);
    for (const child of Array.from(element.childNodes)) this.walk(child, inner, inLink);
    this.flush();
    this.pendingType = saved;
  }

  private paragraphType(context: Context): { type: BlockType; level?: number; ordered?: boolean } {
    if (context.listDepth > 0) return { type: 'list-item', level: context.listDepth, ordered: context.ordered };
    return { type: context.quote ? 'quote' : 'paragraph' };
  }

  /** A structural element: what came before it is one block, its content the next, and what follows another. */
  private block(element: Element, type: { type: BlockType; level?: number; ordered?: boolean }, context: Context): void {
    this.flush();
    const saved = this.pendingType;
    this.pendingType = type;
    for (const child of Array.from(element.childNodes)) this.walk(child, context);
    this.flush();
    // Text after a nested block inside a list item still belongs to the item, not to a paragraph.
    this.pendingType = saved;
  }

  flush(): void {
    const pending = this.pending;
    this.pending = { text: '', linkChars: 0, links: 0 };
    const text = pending.text.replace(/ *\n */g, '\n').trim();
    if (text === '') return;
    this.emit({ ...this.pendingType, text }, pending);
  }

  private emit(block: BlockInput, stats: Pending): void {
    const text = block.type === 'preformatted' ? block.text : stripTrailers(block.text);
    if (text.trim() === '') return;
    const blockStats: BlockStats = { type: block.type, text, linkChars: stats.linkChars, links: stats.links };
    if (isBoilerplate(blockStats)) return;
    const out: BlockInput = { type: block.type, text };
    if (block.level !== undefined) out.level = block.level;
    if (block.ordered !== undefined) out.ordered = block.ordered;
    this.out.push(out);
  }

  /** Tables as text: one paragraph per row, cells joined by tabs. */
  private table(table: Element): void {
    const caption = Array.from(table.children).find((c) => c.localName.toLowerCase() === 'caption');
    if (caption) this.emit({ type: 'paragraph', text: cellText(caption) }, { text: '', linkChars: 0, links: 0 });
    for (const row of rowsOf(table)) {
      const cells = Array.from(row.children).filter((c) => /^t[dh]$/i.test(c.localName));
      const texts = cells.map(cellText);
      if (texts.every((t) => t === '')) continue;
      this.out.push({ type: 'paragraph', text: texts.join('\t') });
    }
  }
}

/** Rows of this table only: a nested table's rows belong to the cell that holds it. */
function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of Array.from(table.children)) {
    const tag = child.localName.toLowerCase();
    if (tag === 'tr') rows.push(child);
    else if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot') rows.push(...Array.from(child.children).filter((r) => r.localName.toLowerCase() === 'tr'));
  }
  return rows;
}

/** A cell's text on one line, since tabs and line ends carry the table's shape. */
function cellText(cell: Element): string {
  const converter = new Converter();
  converter.walk(cell, { listDepth: 0, ordered: false, quote: false });
  converter.flush();
  return converter.out
    .map((b) => b.text)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Preformatted text keeps its spaces and line ends; <br> is a line end, dropped elements add nothing. */
function preText(element: Element): string {
  let text = '';
  const visit = (node: Node) => {
    if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) text += node.nodeValue ?? '';
    else if (node.nodeType === ELEMENT_NODE) {
      const tag = (node as Element).localName.toLowerCase();
      if (tag === 'br') text += '\n';
      else if (!DROPPED.has(tag)) for (const child of Array.from(node.childNodes)) visit(child);
    }
  };
  for (const child of Array.from(element.childNodes)) visit(child);
  return text.replace(/^\n/, '').replace(/\s+$/, '');
}

/** Converts a (sanitised) DOM subtree into Gloss blocks. */
export function htmlBlocks(root: Node): BlockInput[] {
  const converter = new Converter();
  converter.walk(root, { listDepth: 0, ordered: false, quote: false });
  converter.flush();
  return converter.out;
}
