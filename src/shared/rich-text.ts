// The format-neutral rich document that exports are built as: every renderer (Markdown, HTML,
// plain text, DOCX, PDF) writes it out, and the export preview shows it in the window as React
// elements, so no exported text ever reaches the page as markup.

/** A piece of inline text with its formatting; renderers escape `text` for their format. */
export interface Run {
  text: string;
  italic?: boolean;
  bold?: boolean;
  smallCaps?: boolean;
  superscript?: boolean;
  subscript?: boolean;
  /** A link target: http(s), mailto or gloss:// only; anything else is dropped by the builder. */
  href?: string;
}

/**
 * What a paragraph is, so each format can style it: a formatted reference (hanging indent), a
 * document's summary, a quoted claim, a line of detail under it (sources, figures, tags), a note.
 */
export type ParagraphRole = 'reference' | 'summary' | 'quote' | 'detail' | 'note' | 'plain';

export type RichBlock =
  | { type: 'heading'; level: 1 | 2 | 3 | 4; runs: Run[] }
  | { type: 'paragraph'; role: ParagraphRole; runs: Run[]; /** Nesting under an entry, 0 at the top. */ indent?: number }
  | { type: 'list'; ordered: boolean; items: Run[][]; indent?: number };

export interface RichDocument {
  title: string;
  blocks: RichBlock[];
}
