// A book-length text opens with the highlights of its first pages built into the tree; those of
// each other section (a top-level paragraph, heading, quote or list) are built as it comes near
// the screen, and meanwhile while the page is idle. Every mark is a Lexical node and a DOM element
// or three: building two thousand of them before the first frame made a highlighted text take
// two to three times as long to open as the same text bare.
//
// One rule keeps this simple: a highlight's sections are built together, so each highlight is
// either wholly in the tree or waiting for its sections, never cut at a section's edge.
import { $getRoot, type LexicalNode } from 'lexical';
import type { Block } from '../../../shared/canonical';
import { $buildDocument, $buildSection, type Section } from './build';
import type { MarkRange } from './marks';

export interface OpenLimits {
  /** Up to this many highlights, or this many characters, a document is built whole, marks and all, at once. */
  eagerHighlights: number;
  eagerCharacters: number;
  /** How much text from the top is built with its marks before the first frame: a few screens. */
  firstCharacters: number;
}

const LIMITS: OpenLimits = { eagerHighlights: 150, eagerCharacters: 60_000, firstCharacters: 6_000 };

export class SectionMarks {
  private readonly built: Uint8Array;
  private unbuilt: number;

  private constructor(
    private readonly doc: { text: string; blocks: readonly Block[] },
    readonly sections: readonly Section[],
  ) {
    this.built = new Uint8Array(sections.length);
    this.unbuilt = sections.length;
  }

  /**
   * Builds the document into the root and returns its sections and the highlights built with it;
   * `ranges` null means the annotations have not arrived yet (a long text is shown without them).
   * Call inside an editor update.
   */
  static $open(
    doc: { text: string; blocks: readonly Block[] },
    ranges: readonly MarkRange[] | null,
    limits: OpenLimits = LIMITS,
  ): { sections: SectionMarks; built: MarkRange[] } {
    // Every section unbuilt, holding no highlight yet: each is built once they have arrived.
    if (ranges === null) return { sections: new SectionMarks(doc, $buildDocument(doc.text, doc.blocks)), built: [] };
    if (ranges.length <= limits.eagerHighlights || doc.text.length <= limits.eagerCharacters) {
      const sections = new SectionMarks(doc, $buildDocument(doc.text, doc.blocks, ranges));
      sections.markAllBuilt();
      return { sections, built: [...ranges] };
    }
    const sections = new SectionMarks(doc, $buildDocument(doc.text, doc.blocks));
    const built = sections.$build(sections.closure(sections.firstPages(limits), ranges), ranges);
    return { sections, built };
  }

  /** The sections of the first few screens of text, which a document opens on. */
  firstPages(limits: Pick<OpenLimits, 'firstCharacters'> = LIMITS): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.sections.length && this.sections[i]!.start < limits.firstCharacters; i++) out.push(i);
    return out;
  }

  get complete(): boolean {
    return this.unbuilt === 0;
  }

  isBuilt(index: number): boolean {
    return this.built[index] === 1;
  }

  /** Whether a highlight's marks can be in the tree now (its sections are built). */
  holds(range: MarkRange): boolean {
    const [from, to] = this.span(range);
    for (let i = from; i <= to; i++) if (!this.isBuilt(i)) return false;
    return true;
  }

  /** Builds the whole tree afresh with these highlights. Call inside an editor update. */
  $rebuildAll(ranges: readonly MarkRange[]): void {
    $buildDocument(this.doc.text, this.doc.blocks, ranges);
    this.markAllBuilt();
  }

  private markAllBuilt(): void {
    this.built.fill(1);
    this.unbuilt = 0;
  }

  /** The first sections not built yet, in reading order, up to `count` of them. */
  nextUnbuilt(count: number): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.built.length && out.length < count; i++) if (!this.isBuilt(i)) out.push(i);
    return out;
  }

  /** The unbuilt sections holding these highlights. */
  sectionsOf(ranges: readonly MarkRange[]): number[] {
    const out = new Set<number>();
    for (const range of ranges) {
      const [from, to] = this.span(range);
      for (let i = from; i <= to; i++) if (!this.isBuilt(i)) out.add(i);
    }
    return [...out];
  }

  /**
   * The unbuilt sections among `seeds`, with every section that a highlight in them runs on into,
   * so that no highlight is built in part.
   */
  closure(seeds: readonly number[], ranges: readonly MarkRange[]): number[] {
    const wanted = new Set(seeds.filter((i) => i >= 0 && i < this.built.length && !this.isBuilt(i)));
    const crossing = ranges.map((range) => this.span(range)).filter(([from, to]) => to > from);
    for (let grew = wanted.size > 0; grew;) {
      grew = false;
      for (const [from, to] of crossing) {
        let touches = false;
        for (let i = from; i <= to && !touches; i++) touches = wanted.has(i);
        if (!touches) continue;
        for (let i = from; i <= to; i++) {
          if (this.isBuilt(i) || wanted.has(i)) continue;
          wanted.add(i);
          grew = true;
        }
      }
    }
    return [...wanted].sort((a, b) => a - b);
  }

  /**
   * Builds these sections afresh with their highlights (pass a closure) and returns the highlights
   * now wholly in the tree. Call inside an editor update.
   */
  $build(indexes: readonly number[], ranges: readonly MarkRange[]): MarkRange[] {
    const todo = new Map<number, MarkRange[]>();
    for (const i of indexes) if (!this.isBuilt(i)) todo.set(i, []);
    if (todo.size === 0) return [];
    const done: MarkRange[] = [];
    for (const range of ranges) {
      const [from, to] = this.span(range);
      let counted = false;
      for (let i = from; i <= to; i++) {
        const list = todo.get(i);
        if (!list) continue;
        list.push(range);
        if (!counted) done.push(range);
        counted = true;
      }
    }
    // A section no highlight falls in is already what building it would make.
    for (const [i, list] of todo) {
      if (list.length > 0) continue;
      this.setBuilt(i);
      todo.delete(i);
    }
    let child: LexicalNode | null = todo.size > 0 ? $getRoot().getFirstChild() : null;
    for (let i = 0; child !== null; i++) {
      const next = child.getNextSibling();
      const list = todo.get(i);
      if (list) {
        child.replace($buildSection(this.doc.text, this.doc.blocks, this.sections[i]!, list));
        this.setBuilt(i);
      }
      child = next;
    }
    return done;
  }

  /** Counts as built every section that none of these highlights falls in: there is nothing to build there. */
  settle(ranges: readonly MarkRange[]): void {
    const touched = new Set<number>();
    for (const range of ranges) {
      const [from, to] = this.span(range);
      for (let i = from; i <= to; i++) touched.add(i);
    }
    for (let i = 0; i < this.built.length; i++) if (!this.isBuilt(i) && !touched.has(i)) this.setBuilt(i);
  }

  private setBuilt(index: number): void {
    if (this.built[index] === 1) return;
    this.built[index] = 1;
    this.unbuilt--;
  }

  /** The sections a highlight falls in, first and last (a range between two falls in the one before). */
  private span(range: MarkRange): [number, number] {
    return [this.at(range.start), this.at(Math.max(range.start, range.end - 1))];
  }

  /** The last section starting at or before this offset. */
  private at(offset: number): number {
    let low = 0;
    let high = this.sections.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.sections[middle]!.start <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}
