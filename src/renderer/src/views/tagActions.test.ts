// Renaming a branch of tags: children move with their parent, clashes are caught before anything is written.
import { describe, expect, it } from 'vitest';
import type { Tag } from '../../../shared/model';
import { renamePlan } from './tagActions';

const tag = (id: string, name: string): Tag => ({ id, name, color: null, usage: 0, version: 1 });
const tags = [tag('1', 'labour'), tag('2', 'labour/forced'), tag('3', 'labour law'), tag('4', 'work/child')];

describe('renamePlan', () => {
  it('moves children with their parent, and leaves look-alike names alone', () => {
    expect(renamePlan(tags, 'labour', 'work')).toEqual([
      { tag: tags[0], name: 'work' },
      { tag: tags[1], name: 'work/forced' },
    ]);
  });

  it('renames a leaf on its own, tidying what was typed', () => {
    expect(renamePlan(tags, 'labour/forced', ' labour / coerced ')).toEqual([{ tag: tags[1], name: 'labour/coerced' }]);
  });

  it('refuses a clash, an empty name and a move below itself', () => {
    expect(renamePlan(tags, 'labour law', 'Labour')).toHaveProperty('error');
    expect(renamePlan(tags, 'work', 'labour')).toEqual([{ tag: tags[3], name: 'labour/child' }]);
    expect(renamePlan(tags, 'labour', ' / ')).toEqual({ error: 'A tag needs a name.' });
    expect(renamePlan(tags, 'labour', 'labour/old')).toHaveProperty('error');
  });

  it('changes nothing when the name is the same', () => {
    expect(renamePlan(tags, 'labour/forced', 'labour/forced')).toEqual([]);
  });
});
