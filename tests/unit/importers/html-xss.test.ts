import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JSDOM, type DOMWindow } from 'jsdom';
import { importHtml, importPastedHtml } from '../../../src/main/importers/html';
import type { Imported } from '../../../src/main/importers/types';
import { XSS_VECTORS } from '../../fixtures/html/xss-vectors';

const PROSE = Array.from(
  { length: 6 },
  (_, i) =>
    `<p>Paragraph ${i + 1}: dock workers in three harbours went on strike on Monday, according to the port authority, and wages had not risen since 2019.</p>`,
).join('\n');

/** Markers of markup or script that may never appear in what an import produces. */
const FORBIDDEN = [
  '<script',
  'javascript:',
  'onerror',
  'onload',
  'onfocus',
  'ontoggle',
  '<img',
  '<iframe',
  '<svg',
  'srcdoc',
  'data:text/html',
  'expression(',
  '__glosscanary',
];
const ALLOWED_BLOCK_KEYS = new Set(['type', 'text', 'level', 'ordered']);

function assertTextOnly(result: Imported, shownAsText: string[] = []): void {
  for (const block of result.blocks) {
    for (const key of Object.keys(block)) expect(ALLOWED_BLOCK_KEYS.has(key)).toBe(true);
    expect(typeof block.text).toBe('string');
  }
  let everything = JSON.stringify({ blocks: result.blocks, title: result.title, csl: result.csl });
  for (const text of shownAsText) everything = everything.split(text).join('');
  for (const marker of FORBIDDEN) expect(everything.toLowerCase()).not.toContain(marker);
}

describe('HTML import of hostile markup', () => {
  const nodeCanary = vi.fn();
  let windowCanaries: ReturnType<typeof vi.fn>[] = [];
  const plant = (window: DOMWindow) => {
    const canary = vi.fn();
    windowCanaries.push(canary);
    (window as unknown as Record<string, unknown>).__glossCanary = canary;
    (window as unknown as Record<string, unknown>).alert = canary;
  };

  beforeEach(() => {
    windowCanaries = [];
    nodeCanary.mockReset();
    (globalThis as Record<string, unknown>).__glossCanary = nodeCanary;
  });
  afterEach(() => {
    delete (globalThis as Record<string, unknown>).__glossCanary;
  });

  it('has at least 30 vectors, each with a canary call or shown-as-text markup', () => {
    expect(XSS_VECTORS.length).toBeGreaterThanOrEqual(30);
    for (const vector of XSS_VECTORS) {
      const decoded = vector.html.replace(/base64,([A-Za-z0-9+/=]+)/g, (_, data: string) => atob(data));
      expect(decoded.includes('__glossCanary()') || (vector.shownAsText?.length ?? 0) > 0, vector.name).toBe(true);
    }
  });

  for (const vector of XSS_VECTORS) {
    it(`${vector.name}: an imported page yields text only and runs nothing`, async () => {
      const page = `<!DOCTYPE html><html><head><title>Harbour strike</title>${vector.html}</head><body><article><h1>Harbour strike</h1>${PROSE}<div>${vector.html}</div>${PROSE}</article></body></html>`;
      const result = importHtml({ name: 'hostile.html', bytes: new TextEncoder().encode(page), finalUrl: 'https://news.example/strike' }, { onWindow: plant });
      assertTextOnly(result, vector.shownAsText);
      if (!vector.swallowsRest) expect(result.blocks.some((b) => b.text.startsWith('Paragraph 6:'))).toBe(true);
      for (const text of vector.shownAsText ?? []) expect(result.blocks.some((b) => b.text.includes(text))).toBe(true);
      // Give any timer, event or microtask a script might have queued the chance to fire.
      await new Promise((resolve) => setTimeout(resolve, 5));
      expect(nodeCanary).not.toHaveBeenCalled();
      expect(windowCanaries.length).toBe(1);
      for (const canary of windowCanaries) expect(canary).not.toHaveBeenCalled();
    });

    it(`${vector.name}: pasted as a fragment, the same`, async () => {
      let result: Imported | null = null;
      try {
        result = importPastedHtml(`<p>Pasted prose.</p>${vector.html}<p>More prose.</p>`, { onWindow: plant });
      } catch (error) {
        expect((error as { code?: string }).code).toBe('validation');
      }
      if (result) assertTextOnly(result, vector.shownAsText);
      await new Promise((resolve) => setTimeout(resolve, 5));
      expect(nodeCanary).not.toHaveBeenCalled();
      for (const canary of windowCanaries) expect(canary).not.toHaveBeenCalled();
    });
  }

  it('the canary works: the same vector does run when scripts are switched on', () => {
    const canary = vi.fn();
    new JSDOM(`<body>${XSS_VECTORS[0]!.html}</body>`, {
      runScripts: 'dangerously',
      beforeParse: (window) => void ((window as unknown as Record<string, unknown>).__glossCanary = canary),
    }).window.close();
    expect(canary).toHaveBeenCalledTimes(1);
  });

  it('never puts a javascript: address into the citation', () => {
    const page =
      '<html><head><title>T</title><link rel="canonical" href="javascript:__glossCanary()"><meta property="og:url" content="javascript:alert(1)">' +
      '<meta name="citation_pdf_url" content="javascript:alert(1)"></head><body><p>Some text here.</p></body></html>';
    const result = importHtml({ name: 'x.html', bytes: new TextEncoder().encode(page) });
    expect(result.csl.URL).toBeUndefined();
    assertTextOnly(result);
  });
});
