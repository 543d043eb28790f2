// The rich document as a PDF, laid out by pdfkit with DejaVu Serif embedded (regular, bold,
// italic, bold italic), which covers Latin, Greek and Cyrillic, so a quote reads the same on any
// machine. References hang, quotes and their details step in, links are live, pages numbered.
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { RichBlock, RichDocument, Run } from '../types';

// The main bundle is CommonJS with dependencies left in node_modules, and tests run the source:
// resolving from this file finds the fonts in both.
const requireHere = createRequire(__filename);
const fontFile = (name: string): string => requireHere.resolve(`dejavu-fonts-ttf/ttf/${name}`);

const SIZE = 10.5;
const STEP = 18;
const HANG = 24;
/** DejaVu Serif's ascender, a fraction of the size: where the baseline sits below a line's top. */
const ASCENT = 0.928;
const LINK_COLOR = '#1a4fa0';
const TEXT_COLOR = '#1a1a1a';
const DETAIL_COLOR = '#444444';
const HEADING_SIZE = [18, 14, 11.5, 10.5] as const;

type Face = 'regular' | 'bold' | 'italic' | 'bold-italic';

interface Style {
  size: number;
  color: string;
  bold?: boolean;
  italic?: boolean;
}

/** Writes the document as the bytes of a PDF file. */
export function renderPdf(doc: RichDocument): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: 64, bottom: 64, left: 64, right: 64 },
    bufferPages: true,
    font: fontFile('DejaVuSerif.ttf'),
    lang: 'en',
    displayTitle: true,
    info: { Title: doc.title, Creator: 'Gloss' },
  });
  pdf.registerFont('regular', fontFile('DejaVuSerif.ttf'));
  pdf.registerFont('bold', fontFile('DejaVuSerif-Bold.ttf'));
  pdf.registerFont('italic', fontFile('DejaVuSerif-Italic.ttf'));
  pdf.registerFont('bold-italic', fontFile('DejaVuSerif-BoldItalic.ttf'));

  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  try {
    doc.blocks.forEach((block, i) => write(pdf, block, i === 0));
    numberPages(pdf);
    pdf.end();
  } catch (error) {
    pdf.end();
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
  return done;
}

function write(pdf: PDFKit.PDFDocument, block: RichBlock, first: boolean): void {
  const left = pdf.page.margins.left;
  const width = pdf.page.width - left - pdf.page.margins.right;
  const at = (indent: number | undefined) => STEP * Math.max(0, indent ?? 0);
  if (block.type === 'heading') {
    const size = HEADING_SIZE[block.level - 1]!;
    if (!first) pdf.moveDown(block.level <= 2 ? 1 : 0.6);
    const x = block.level >= 3 ? STEP : 0;
    paragraph(pdf, block.runs, { size, color: TEXT_COLOR, bold: true, italic: block.level === 4 }, left + x, width - x, 0);
    pdf.moveDown(0.3);
    return;
  }
  if (block.type === 'list') {
    const x = at(block.indent);
    block.items.forEach((item, i) => {
      const marker = block.ordered ? `${i + 1}.` : '•';
      // The marker is set on its own in the indent, then the item beside it, so every line of the
      // item starts at the same place and the marker never runs into the text.
      const y = pdf.y;
      pdf.font('regular').fontSize(SIZE).fillColor(TEXT_COLOR);
      pdf.text(marker, left + x, y, { width: HANG - 2, lineBreak: false });
      pdf.y = y;
      paragraph(pdf, item, { size: SIZE, color: TEXT_COLOR }, left + x + HANG, width - x - HANG, 0);
    });
    pdf.moveDown(0.3);
    return;
  }
  const x = at(block.indent);
  switch (block.role) {
    case 'reference':
      pdf.moveDown(first ? 0 : 0.8);
      paragraph(pdf, block.runs, { size: SIZE, color: TEXT_COLOR }, left + x + HANG, width - x - HANG, -HANG);
      break;
    case 'quote':
      pdf.moveDown(0.4);
      paragraph(pdf, block.runs, { size: SIZE, color: TEXT_COLOR }, left + x, width - x, 0);
      break;
    case 'detail':
      paragraph(pdf, block.runs, { size: SIZE - 1.5, color: DETAIL_COLOR }, left + x, width - x, 0);
      break;
    default:
      paragraph(pdf, block.runs, { size: SIZE, color: TEXT_COLOR }, left + x, width - x, 0);
  }
  pdf.moveDown(0.2);
}

/** Lays out one paragraph of runs starting at x; `indent` moves its first line (negative: a hanging indent). */
function paragraph(pdf: PDFKit.PDFDocument, runs: Run[], base: Style, x: number, width: number, indent: number): void {
  const pieces = runs.flatMap((run) => pieceOf(run, base)).filter((piece) => piece.text !== '');
  if (pieces.length === 0) return;
  pdf.x = x;
  pieces.forEach((piece, i) => {
    pdf.font(piece.face).fontSize(piece.size).fillColor(piece.color);
    const options: PDFKit.Mixins.TextOptions = { continued: i < pieces.length - 1, lineGap: 1.5 };
    if (piece.href !== undefined) Object.assign(options, { link: piece.href, underline: true });
    if (piece.baseline !== undefined) options.baseline = piece.baseline;
    if (i === 0) pdf.text(piece.text, x, pdf.y, { ...options, width, indent });
    else pdf.text(piece.text, options);
  });
  pdf.fillColor(TEXT_COLOR);
}

interface Piece {
  text: string;
  face: Face;
  size: number;
  color: string;
  href?: string;
  baseline?: number;
}

function pieceOf(run: Run, base: Style): Piece[] {
  const bold = run.bold || base.bold;
  const italic = run.italic || base.italic;
  const face: Face = bold && italic ? 'bold-italic' : bold ? 'bold' : italic ? 'italic' : 'regular';
  const piece: Piece = { text: run.text.replace(/[ \t\n]+/g, ' '), face, size: base.size, color: run.href !== undefined ? LINK_COLOR : base.color };
  if (run.href !== undefined) piece.href = run.href;
  if (run.superscript || run.subscript) {
    // A smaller size set from the line's top sits raised by itself; a subscript is pushed below the baseline.
    piece.size = base.size * 0.65;
    if (run.subscript) piece.baseline = -(ASCENT * base.size + 0.15 * base.size);
  }
  if (!run.smallCaps) return [piece];
  // DejaVu has no small-capital glyphs: lower-case letters are set as smaller capitals.
  return piece.text
    .split(/(\p{Ll}+)/u)
    .map((part, i) => (i % 2 === 1 ? { ...piece, text: part.toUpperCase(), size: piece.size * 0.8 } : { ...piece, text: part }));
}

function numberPages(pdf: PDFKit.PDFDocument): void {
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const { margins } = pdf.page;
    const bottom = margins.bottom;
    // Writing inside the bottom margin would start a new page unless the margin is lifted first.
    margins.bottom = 0;
    pdf.font('regular').fontSize(9).fillColor(DETAIL_COLOR);
    pdf.text(`${i + 1 - range.start} / ${range.count}`, margins.left, pdf.page.height - bottom / 2 - 4, {
      width: pdf.page.width - margins.left - margins.right,
      align: 'center',
      lineBreak: false,
    });
    margins.bottom = bottom;
  }
}
