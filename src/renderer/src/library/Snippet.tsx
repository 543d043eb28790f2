// A search snippet as React text: matched words in <mark>, never parsed as HTML.
import type { SnippetPart } from '../../../shared/model';

export function Snippet({ parts }: { parts: SnippetPart[] }) {
  return <span className="snippet">{parts.map((part, i) => (part.hit ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}</span>;
}
