// A tag shown as its path, the parents quiet ("labour / forced"), with its colour as a dot.
import type { CSSProperties } from 'react';
import { tagSegments } from './tagPaths';

export function ColorDot({ color }: { color: string | null }) {
  const style: CSSProperties | undefined = color ? { background: color } : undefined;
  return <span className={color ? 'fld-dot' : 'fld-dot none'} style={style} aria-hidden="true" />;
}

export function TagName({ name, color, dot = true }: { name: string; color?: string | null; dot?: boolean }) {
  const segments = tagSegments(name);
  const parents = segments.slice(0, -1);
  return (
    <span className="fld-tag-name">
      {dot && <ColorDot color={color ?? null} />}
      {parents.length > 0 && <span className="fld-tag-parents">{parents.join(' / ')} / </span>}
      <span className="fld-tag-leaf">{segments[segments.length - 1] ?? name}</span>
    </span>
  );
}
