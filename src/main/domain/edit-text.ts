// Saving corrected text: the new canonical text replaces the old and every annotation on it is
// re-anchored (exact position, then quote and context, then a strict fuzzy match, else orphaned).
// One transaction: the text and all the anchors change together or not at all.
import { reanchor } from '../../shared/anchoring';
import { assemble, countWords, type BlockInput } from '../../shared/canonical';
import { GlossError } from '../../shared/errors';
import type { AnchorStatus, TextUpdate } from '../../shared/model';
import { listAnnotations, setAnchor } from '../store/annotations';
import { getDocument, replaceText } from '../store/documents';
import type { Database } from '../store/native';
import { contentHash } from './documents';

export function updateText(db: Database, id: string, basedOn: number, blockInputs: BlockInput[]): TextUpdate & { moved: string[] } {
  const before = getDocument(db, id);
  const { text, blocks } = assemble(blockInputs);
  if (text === '')
    throw new GlossError({ code: 'validation', message: 'The corrected text is empty. Nothing was saved; undo the deletion or cancel editing.' });
  const annotations = listAnnotations(db, id);
  const results = text === before.text ? [] : reanchor(before.text, text, annotations);
  replaceText(db, id, basedOn, { text, blocks, contentHash: contentHash(text), wordCount: countWords(text) });
  const anchors: Record<AnchorStatus, number> = { anchored: 0, moved: 0, fuzzy: 0, orphaned: 0 };
  const moved: string[] = [];
  const byId = new Map(annotations.map((a) => [a.id, a]));
  for (const result of results) {
    anchors[result.status]++;
    const old = byId.get(result.id)!;
    if (result.status === 'orphaned') {
      if (old.anchor !== 'orphaned') setAnchor(db, result.id, { ...old, anchor: 'orphaned' });
      continue;
    }
    const same =
      old.start === result.start &&
      old.end === result.end &&
      old.exact === result.exact &&
      old.prefix === result.prefix &&
      old.suffix === result.suffix &&
      old.anchor === result.status;
    if (same) continue;
    setAnchor(db, result.id, {
      start: result.start,
      end: result.end,
      exact: result.exact,
      prefix: result.prefix,
      suffix: result.suffix,
      anchor: result.status,
    });
    moved.push(result.id);
  }
  if (results.length === 0) anchors.anchored = annotations.length;
  return { document: getDocument(db, id), anchors, moved };
}
