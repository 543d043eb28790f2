// What the benchmarks run inside the page, timed there with performance.now() so that Playwright's
// round trips never count. Written as strings: the tests compile without DOM types.
import type { Page } from '@playwright/test';

/**
 * Resolves once the frame after the current one has been produced: a requestAnimationFrame
 * callback runs before that frame's style, layout and paint, and a message posted from it is
 * handled after them, so the time then is when the change was on screen.
 */
export const AFTER_PAINT = `() => new Promise((resolve) => requestAnimationFrame(() => {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => resolve(performance.now());
  channel.port2.postMessage(null);
}))`;

/**
 * Navigates to a document by its address and returns the milliseconds until it is open: every
 * paragraph in the reader, and every paragraph on screen painted with all its highlights
 * (`perParagraph[i]` marks in paragraph i). Then goes on to when every highlight of the text is
 * built (a long text builds those off screen as they come near, and while the page is idle) and
 * returns that time too. Checked once a frame: a frame only comes when the page is free, so the
 * check lands right after the work it waits for.
 */
export const OPEN = `async ({ hash, paragraphs, marks, perParagraph }) => {
  const afterPaint = ${AFTER_PAINT};
  let onScreen = 0;
  const ready = () => {
    const root = document.querySelector('.reader-text');
    if (root === null || root.children.length !== paragraphs) return false;
    const view = root.closest('.reader-scroll').getBoundingClientRect();
    let seen = 0;
    onScreen = 0;
    for (let i = 0; i < root.children.length; i++) {
      const box = root.children[i].getBoundingClientRect();
      if (box.bottom <= view.top) continue;
      if (box.top >= view.bottom) break;
      seen++;
      const shown = root.children[i].querySelectorAll('mark[data-ids]').length;
      if (shown !== perParagraph[i]) return false;
      onScreen += shown;
    }
    return seen > 0;
  };
  const complete = () => {
    const root = document.querySelector('.reader-text');
    return root.getAttribute('data-highlights') !== 'waiting' && root.querySelectorAll('mark[data-ids]').length === marks;
  };
  const until = (check) => new Promise((resolve) => {
    const step = () => (check() ? resolve() : requestAnimationFrame(step));
    requestAnimationFrame(step);
  });
  const start = performance.now();
  location.hash = hash;
  await until(ready);
  const open = (await afterPaint()) - start;
  await until(complete);
  return { open, complete: (await afterPaint()) - start, onScreen };
}`;

/** Back to the library, the reader gone and the page idle again. */
export const CLOSE = `async () => {
  const afterPaint = ${AFTER_PAINT};
  location.hash = '#/';
  while (document.querySelector('.reader-text')) await afterPaint();
  await afterPaint();
}`;

/**
 * Scrolls a paragraph in the middle of the text into view and selects a few words of plain text
 * in it (outside any mark); `index` picks a different paragraph each time. Returns the words.
 */
export const SELECT_WORDS = `(index) => {
  const root = document.querySelector('.reader-text');
  const paragraphs = root.querySelectorAll(':scope > p');
  for (let n = 0; n < paragraphs.length; n++) {
    const p = paragraphs[(Math.floor(paragraphs.length / 2) + index * 7 + n) % paragraphs.length];
    const span = [...p.children].find((child) => child.nodeName === 'SPAN' && child.textContent.length >= 60);
    if (!span) continue;
    const text = span.firstChild.data;
    const from = text.indexOf(' ', 10) + 1;
    let to = from;
    for (let words = 0; words < 4; words++) to = text.indexOf(' ', to + 1);
    if (from <= 0 || to <= from) continue;
    p.scrollIntoView({ block: 'center' });
    root.focus();
    const range = document.createRange();
    range.setStart(span.firstChild, from);
    range.setEnd(span.firstChild, to);
    const selection = getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    return text.slice(from, to);
  }
  throw new Error('no paragraph with plain text to select');
}`;

/**
 * Arms one measurement of a highlight: the browser's own measure of the shortcut's keydown, from
 * the key's arrival to the next frame presented (Event Timing, as for Interaction to Next Paint;
 * in steps of 8 ms, and not reported below 16 ms). That frame is the one showing the new mark only
 * if the mark is in the page when the frame starts, which is checked. Beside it, the older
 * measure: until a message posted in that frame is handled, which also counts whatever tasks were
 * queued before it (the panel's card, the key releases), though they come after the paint.
 */
export const ARM_HIGHLIGHT = `() => {
  const afterPaint = ${AFTER_PAINT};
  const root = document.querySelector('.reader-text');
  window.__benchHighlight = new Promise((resolve, reject) => {
    let start = null;
    let event = null;
    let mark = null;
    let inFrame = null;
    const fail = (message) => {
      observer.disconnect();
      timing.disconnect();
      reject(new Error(message));
    };
    const timer = setTimeout(() => fail(start === null ? 'the shortcut never reached the page' : mark ? 'the browser timed no keydown' : 'no mark appeared after the shortcut'), 5000);
    let found = null;
    let settled = false;
    const done = (waited) => {
      if (settled || !mark || !inFrame || (!found && !waited)) return;
      settled = true;
      clearTimeout(timer);
      timing.disconnect();
      // Below 16 ms the browser reports nothing: 16 is then the bound.
      resolve({ ms: found ? found.duration : 16, afterPaint: inFrame.end - start, painted: inFrame.painted, ...mark });
    };
    // Control and Shift come down first; the command is the H.
    const keydown = (keyEvent) => {
      if (keyEvent.code !== 'KeyH') return;
      start = performance.now();
      event = keyEvent.timeStamp;
      window.removeEventListener('keydown', keydown, { capture: true });
      // At the start of the next frame: is the mark there to be painted in it?
      requestAnimationFrame(() => {
        const painted = mark !== null;
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          inFrame = { painted, end: performance.now() };
          done(false);
          // The browser reports a timing a frame or two after it; none by then means under 16 ms.
          setTimeout(() => done(true), 500);
        };
        channel.port2.postMessage(null);
      });
    };
    window.addEventListener('keydown', keydown, { capture: true });
    const timing = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.name === 'keydown' && event !== null && Math.abs(entry.startTime - event) < 1) found = entry;
      done(false);
    });
    timing.observe({ type: 'event', durationThreshold: 16, buffered: true });
    const observer = new MutationObserver((records) => {
      if (start === null) return;
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (node.nodeName !== 'MARK') continue;
          observer.disconnect();
          // As it was made: once its create is answered, the mark takes the stored id.
          mark = { text: node.textContent, id: node.dataset.ids || '' };
          return;
        }
      }
    });
    observer.observe(root, { childList: true, subtree: true });
  });
}`;

/** Waits until no highlight is still provisional (its create answered) and the page is idle. */
export const SETTLE_HIGHLIGHT = `async () => {
  const afterPaint = ${AFTER_PAINT};
  const deadline = performance.now() + 10000;
  while (document.querySelector('.reader-text mark[data-ids^="new-"]')) {
    if (performance.now() > deadline) throw new Error('a highlight was never saved');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  // The store reloads the list 80 ms after the library announces the change.
  await new Promise((resolve) => setTimeout(resolve, 400));
  await afterPaint();
}`;

/** Puts the caret in the middle of the text, between two words outside any mark. */
export const CARET_IN_MIDDLE = `(selector) => {
  const root = document.querySelector(selector);
  const paragraphs = root.querySelectorAll(':scope > p');
  for (let n = 0; n < paragraphs.length; n++) {
    const p = paragraphs[Math.floor(paragraphs.length / 2) + n];
    const span = [...p.children].find((child) => child.nodeName === 'SPAN' && child.textContent.length >= 40);
    if (!span) continue;
    const text = span.firstChild.data;
    const at = text.indexOf(' ', 20) + 1;
    if (at <= 0) continue;
    p.scrollIntoView({ block: 'center' });
    root.focus();
    getSelection().collapse(span.firstChild, at);
    return p.textContent.length;
  }
  throw new Error('no paragraph with plain text to type in');
}`;

/**
 * Starts timing keystrokes: each keydown (capture listener on the window) to the frame that shows
 * the first DOM change after it. Samples collect in window.__benchKeys.
 */
export const ARM_TYPING = `(selector) => {
  const afterPaint = ${AFTER_PAINT};
  const root = document.querySelector(selector);
  window.__benchKeys = [];
  let start = null;
  window.addEventListener('keydown', () => {
    start = performance.now();
  }, { capture: true });
  new MutationObserver(() => {
    if (start === null) return;
    const from = start;
    start = null;
    void afterPaint().then((end) => window.__benchKeys.push(end - from));
  }).observe(root, { childList: true, subtree: true, characterData: true });
}`;

/** Waits for the `count`-th keystroke sample. */
export const KEY_SAMPLES = `async (count) => {
  const deadline = performance.now() + 5000;
  while (window.__benchKeys.length < count) {
    if (performance.now() > deadline) throw new Error('a keystroke changed nothing on the page');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  return window.__benchKeys.slice();
}`;

/** Runs one of these scripts in the page with a JSON argument and returns what it resolves to. */
export function inPage<T>(page: Page, script: string, arg?: unknown): Promise<T> {
  return page.evaluate<T>(`(${script})(${arg === undefined ? '' : JSON.stringify(arg)})`);
}
