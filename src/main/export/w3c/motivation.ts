// Which W3C motivation an annotation of each kind carries, and back. Gloss's kind travels as its
// own body, so this mapping is for other tools reading the file and for files other tools wrote:
//
//   Claim, Figure  → describing   (the highlight records what the passage asserts or states)
//   Quote          → highlighting (a passage kept as it is)
//   Question       → questioning  (the reader asks something about the passage)
//   Note           → commenting   (the reader's remark is the point)
//   a kind of the user's own → commenting when it has a note, tagging when it has only tags,
//                               else highlighting
//
// Reading a file without a Gloss kind body, the motivation chooses the kind: describing and
// assessing → Claim, questioning → Question, commenting, tagging and replying → Note, anything
// else → Quote.
import type { Annotation } from '../../../shared/model';

export type Motivation = 'describing' | 'highlighting' | 'questioning' | 'commenting' | 'tagging';

const BUILT_IN: Record<string, Motivation> = {
  'k-claim': 'describing',
  'k-figure': 'describing',
  'k-quote': 'highlighting',
  'k-question': 'questioning',
  'k-note': 'commenting',
};

export function motivationOf(annotation: Annotation): Motivation {
  const known = BUILT_IN[annotation.kindId];
  if (known) return known;
  if (annotation.note.trim() !== '') return 'commenting';
  return annotation.tags.length > 0 ? 'tagging' : 'highlighting';
}

/** The built-in kind id a motivation stands for, when a file names no Gloss kind. */
export function kindForMotivation(motivation: string | null): string {
  switch (motivation) {
    case 'describing':
    case 'assessing':
      return 'k-claim';
    case 'questioning':
      return 'k-question';
    case 'commenting':
    case 'tagging':
    case 'replying':
      return 'k-note';
    default:
      return 'k-quote';
  }
}
