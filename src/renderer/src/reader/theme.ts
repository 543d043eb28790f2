// Class names Lexical puts on the reader's nodes; reader.css gives them their typography.
import type { EditorThemeClasses } from 'lexical';

export const readerTheme: EditorThemeClasses = {
  paragraph: 'rd-p',
  quote: 'rd-quote',
  heading: { h1: 'rd-h1', h2: 'rd-h2', h3: 'rd-h3', h4: 'rd-h4', h5: 'rd-h5', h6: 'rd-h6' },
  list: {
    ul: 'rd-ul',
    ol: 'rd-ol',
    listitem: 'rd-li',
    nested: { listitem: 'rd-li-holder' },
  },
  mark: 'rd-mark',
  markOverlap: 'rd-mark-overlap',
  text: { code: 'rd-code', bold: 'rd-bold', italic: 'rd-italic' },
};
