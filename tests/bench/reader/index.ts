// The reader benchmarks of the "highlight claims" issue, in Debian's Chromium against web mode:
// opening a highlighted book-length text, highlighting in it, and typing in it in edit mode.
import type { Gate } from '../run';
import { highlightBench } from './highlight';
import { openBench } from './open';
import { launchChromium, openGloss, setUpLibrary } from './setup';
import { typingBench } from './typing';

export async function readerBench(): Promise<Gate[]> {
  const library = await setUpLibrary();
  const browser = await launchChromium();
  try {
    const page = await openGloss(browser, library.server);
    const gates = await openBench(page, library);
    gates.push(...(await highlightBench(page, library)));
    gates.push(...(await typingBench(browser, page, library)));
    return gates;
  } finally {
    await browser.close();
    await library.stop();
  }
}
