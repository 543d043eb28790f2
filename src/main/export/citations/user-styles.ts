// Styles a person adds to the library: any .csl file, checked before it is kept, written whole
// into the library's styles/ folder (the style list never meets half a style), where the style
// list and the CLI find it.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { GlossError } from '../../../shared/errors';
import type { CitationStyle } from '../../../shared/export';
import { writeAtomically } from '../../files/write-atomically';
import { checkStyle } from './styles';

/** A plain file name ending in .csl; nothing that could name another folder or trouble a file system. */
const isStyleFileName = (name: string): boolean =>
  name.length <= 200 && /\.csl$/i.test(name) && !name.startsWith('.') && ![...name].some((char) => '\\/:*?"<>|'.includes(char) || char.charCodeAt(0) < 0x20);

export function addUserStyle(stylesDir: string | null, name: string, content: string): CitationStyle {
  if (!stylesDir) throw new GlossError({ code: 'unavailable', message: 'This library has no folder for styles.' });
  const fileName = name.trim();
  if (!isStyleFileName(fileName)) {
    throw new GlossError({ code: 'validation', message: `“${name}” is not a style file name: choose a file whose name ends in .csl.` });
  }
  const xml = content.replace(/^\uFEFF/, '');
  const { title } = checkStyle(xml, fileName);
  mkdirSync(stylesDir, { recursive: true });
  const target = join(stylesDir, fileName);
  try {
    writeAtomically(target, xml);
  } catch (error) {
    throw new GlossError({ code: 'unavailable', message: `The style could not be saved: ${(error as Error).message}` });
  }
  return { id: `user:${fileName}`, title, bundled: false };
}
