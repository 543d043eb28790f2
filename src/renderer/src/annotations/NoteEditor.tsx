// The note on an annotation card: a small Lexical rich-text editor (bold, italic, links, lists),
// stored as Markdown so that search, export and the CLI read it as plain text. Saved as you type.
import { $isLinkNode, LinkNode, TOGGLE_LINK_COMMAND } from '@lexical/link';
import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, ListItemNode, ListNode } from '@lexical/list';
import {
  $convertFromMarkdownString,
  $convertToMarkdownString,
  BOLD_ITALIC_STAR,
  BOLD_STAR,
  BOLD_UNDERSCORE,
  ITALIC_STAR,
  ITALIC_UNDERSCORE,
  LINK,
  ORDERED_LIST,
  UNORDERED_LIST,
  type Transformer,
} from '@lexical/markdown';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { $getSelection, $isRangeSelection, FORMAT_TEXT_COMMAND } from 'lexical';
import { useEffect, useId, useRef, useState } from 'react';

const TRANSFORMERS: Transformer[] = [UNORDERED_LIST, ORDERED_LIST, BOLD_ITALIC_STAR, BOLD_STAR, BOLD_UNDERSCORE, ITALIC_STAR, ITALIC_UNDERSCORE, LINK];
const SAFE_URL = /^(https?:\/\/|mailto:)\S+$/i;

const noteTheme = {
  paragraph: 'note-p',
  list: { ul: 'note-ul', ol: 'note-ol', listitem: 'note-li' },
  link: 'note-link',
  text: { bold: 'rd-bold', italic: 'rd-italic' },
};

interface Props {
  value: string;
  /** True while this window holds an unsaved change to the note. */
  dirty: boolean;
  onChange: (markdown: string) => void;
  onError: (error: Error) => void;
}

/** Follows the stored note when it changes elsewhere, unless what is typed here is still unsaved. */
function Sync({ value, dirty, last }: { value: string; dirty: boolean; last: React.RefObject<string> }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    if (dirty || value === last.current) return;
    last.current = value;
    editor.update(() => $convertFromMarkdownString(value, TRANSFORMERS), { tag: 'gloss-external' });
  }, [editor, value, dirty, last]);
  return null;
}

function Changes({ onChange, last }: { onChange: (markdown: string) => void; last: React.RefObject<string> }) {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerUpdateListener(({ editorState, dirtyElements, dirtyLeaves, tags }) => {
        if (tags.has('gloss-external') || (dirtyElements.size === 0 && dirtyLeaves.size === 0)) return;
        const markdown = editorState.read(() => $convertToMarkdownString(TRANSFORMERS));
        if (markdown === last.current) return;
        last.current = markdown;
        onChange(markdown);
      }),
    [editor, onChange, last],
  );
  return null;
}

function Tools() {
  const [editor] = useLexicalComposerContext();
  const [linking, setLinking] = useState(false);
  const [address, setAddress] = useState('https://');
  const [problem, setProblem] = useState<string | null>(null);
  const inputId = useId();

  const applyLink = () => {
    const url = address.trim();
    if (!SAFE_URL.test(url)) {
      setProblem('A link starts with https://, http:// or mailto:');
      return;
    }
    editor.dispatchCommand(TOGGLE_LINK_COMMAND, url);
    setLinking(false);
    setProblem(null);
    editor.focus();
  };
  const startLink = () => {
    const inLink = editor.getEditorState().read(() => {
      const selection = $getSelection();
      return $isRangeSelection(selection) && selection.getNodes().some((node) => $isLinkNode(node) || $isLinkNode(node.getParent()));
    });
    if (inLink) editor.dispatchCommand(TOGGLE_LINK_COMMAND, null);
    else setLinking(true);
  };

  return (
    <div className="note-tools">
      <div className="note-buttons" role="toolbar" aria-label="Note formatting">
        <button
          type="button"
          className="tool"
          aria-label="Bold"
          title="Bold (Ctrl+B)"
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold')}
        >
          <b aria-hidden="true">B</b>
        </button>
        <button
          type="button"
          className="tool"
          aria-label="Italic"
          title="Italic (Ctrl+I)"
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic')}
        >
          <i aria-hidden="true">I</i>
        </button>
        <button type="button" className="tool" aria-label="Link" title="Link (or remove one)" onMouseDown={(e) => e.preventDefault()} onClick={startLink}>
          <span aria-hidden="true" className="tool-word">
            Link
          </span>
        </button>
        <button
          type="button"
          className="tool"
          aria-label="Bulleted list"
          title="Bulleted list"
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => editor.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined)}
        >
          <span aria-hidden="true">•≡</span>
        </button>
        <button
          type="button"
          className="tool"
          aria-label="Numbered list"
          title="Numbered list"
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => editor.dispatchCommand(INSERT_ORDERED_LIST_COMMAND, undefined)}
        >
          <span aria-hidden="true">1≡</span>
        </button>
      </div>
      {linking && (
        <div className="note-link-form">
          <label htmlFor={inputId}>Link address</label>
          <input
            id={inputId}
            type="url"
            value={address}
            autoFocus
            onChange={(event) => setAddress(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                applyLink();
              } else if (event.key === 'Escape') setLinking(false);
            }}
          />
          <button type="button" className="button small" onClick={applyLink}>
            Apply
          </button>
          {problem && (
            <p className="fld-error" role="alert">
              {problem}
            </p>
          )}
        </div>
      )}
    </div>
  );
}

export function NoteEditor({ value, dirty, onChange, onError }: Props) {
  const labelId = useId();
  const last = useRef(value);
  const [config] = useState(() => ({
    namespace: 'gloss-note',
    theme: noteTheme,
    nodes: [ListNode, ListItemNode, LinkNode],
    onError,
    editorState: () => $convertFromMarkdownString(value, TRANSFORMERS),
  }));
  return (
    <div className="fld note-field">
      <span className="fld-label" id={labelId}>
        Note
      </span>
      <LexicalComposer initialConfig={config}>
        <Tools />
        <div className="note-box">
          <RichTextPlugin
            contentEditable={
              <ContentEditable
                className="note-editor"
                aria-labelledby={labelId}
                aria-multiline
                aria-placeholder="What to check, what it means…"
                placeholder={<p className="note-placeholder">What to check, what it means…</p>}
              />
            }
            ErrorBoundary={LexicalErrorBoundary}
          />
        </div>
        <HistoryPlugin />
        <ListPlugin />
        <LinkPlugin validateUrl={(url) => SAFE_URL.test(url)} />
        <MarkdownShortcutPlugin transformers={TRANSFORMERS} />
        <Changes onChange={onChange} last={last} />
        <Sync value={value} dirty={dirty} last={last} />
      </LexicalComposer>
    </div>
  );
}
