// The export preview: the same rich document the files are written from, shown as React
// elements. Every piece of text is a text node, so notes, tags or source names full of markup
// stay inert here as they do in the files.
import type { ReactNode } from 'react';
import type { RichBlock, RichDocument, Run } from '../../../shared/rich-text';

/** Only links a reader can follow safely become links; the rest stay text. */
const SAFE_LINK = /^(?:https?:|mailto:|gloss:)/i;

function RunView({ run }: { run: Run }) {
  let node: ReactNode = run.text;
  if (run.smallCaps) node = <span className="small-caps">{node}</span>;
  if (run.superscript) node = <sup>{node}</sup>;
  if (run.subscript) node = <sub>{node}</sub>;
  if (run.italic) node = <i>{node}</i>;
  if (run.bold) node = <b>{node}</b>;
  // A click in the preview must not leave the window; the address shows on hover.
  if (run.href && SAFE_LINK.test(run.href))
    node = (
      <span className="preview-link" title={run.href}>
        {node}
      </span>
    );
  return <>{node}</>;
}

function Runs({ runs }: { runs: Run[] }) {
  return (
    <>
      {runs.map((run, index) => (
        <RunView key={index} run={run} />
      ))}
    </>
  );
}

function BlockView({ block }: { block: RichBlock }) {
  switch (block.type) {
    case 'heading': {
      // The dialog's own heading is an h2; the preview's levels sit below it.
      const Tag = (['h3', 'h4', 'h5', 'h6'] as const)[block.level - 1]!;
      return (
        <Tag className="preview-heading">
          <Runs runs={block.runs} />
        </Tag>
      );
    }
    case 'paragraph':
      return (
        <p className={`preview-${block.role}`} style={block.indent ? { marginInlineStart: `${block.indent * 1.5}em` } : undefined}>
          <Runs runs={block.runs} />
        </p>
      );
    case 'list': {
      const List = block.ordered ? 'ol' : 'ul';
      return (
        <List style={block.indent ? { marginInlineStart: `${block.indent * 1.5}em` } : undefined}>
          {block.items.map((runs, index) => (
            <li key={index}>
              <Runs runs={runs} />
            </li>
          ))}
        </List>
      );
    }
  }
}

export function RichPreview({ document }: { document: RichDocument }) {
  return (
    <div className="rich-preview">
      {document.blocks.map((block, index) => (
        <BlockView key={index} block={block} />
      ))}
    </div>
  );
}
