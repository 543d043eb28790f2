// Tag path handling: tidying typed names, matching, ordering and the tree the tags view draws.
import { describe, expect, it } from 'vitest';
import { buildTagTree, compareTagNames, flattenTagTree, isWithin, normalizeTagName, sameTagName, suggestTags, tagLeaf, tagParent } from './tagPaths';

const tag = (id: string, name: string) => ({ id, name, color: null });

describe('tag paths', () => {
  it('tidies typed paths', () => {
    expect(normalizeTagName('  labour /  forced ')).toBe('labour/forced');
    expect(normalizeTagName('labour//forced/')).toBe('labour/forced');
    expect(normalizeTagName('debt   bondage')).toBe('debt bondage');
    expect(normalizeTagName(' / ')).toBe('');
  });

  it('splits a path into parent and leaf', () => {
    expect(tagParent('labour/forced/fishing')).toBe('labour/forced');
    expect(tagParent('labour')).toBeNull();
    expect(tagLeaf('labour/forced')).toBe('forced');
  });

  it('compares names without regard to case or spacing', () => {
    expect(sameTagName('Labour / Forced', 'labour/forced')).toBe(true);
    expect(sameTagName('labour', 'labour/forced')).toBe(false);
  });

  it('knows what sits below a tag', () => {
    expect(isWithin('labour/forced', 'labour')).toBe(true);
    expect(isWithin('labour', 'labour')).toBe(true);
    expect(isWithin('labour law', 'labour')).toBe(false);
  });

  it('suggests whole-path matches before segment and inner matches, leaving chosen tags out', () => {
    const tags = [tag('1', 'labour'), tag('2', 'labour/forced'), tag('3', 'trafficking/forced marriage'), tag('4', 'enforcement')];
    expect(suggestTags(tags, 'for', []).map((t) => t.name)).toEqual(['labour/forced', 'trafficking/forced marriage', 'enforcement']);
    expect(suggestTags(tags, 'labour/f', []).map((t) => t.id)).toEqual(['2']);
    expect(suggestTags(tags, 'lab', ['1']).map((t) => t.id)).toEqual(['2']);
    expect(suggestTags(tags, '', [], 2)).toHaveLength(2);
  });

  it('orders a parent right before its children', () => {
    const names = ['labour law', 'labour/forced', 'Labour', 'abuse'];
    expect([...names].sort(compareTagNames)).toEqual(['abuse', 'Labour', 'labour/forced', 'labour law']);
  });

  it('builds a tree, with parents that are not tags themselves', () => {
    const tree = buildTagTree([tag('2', 'labour/forced'), tag('3', 'labour/child'), tag('4', 'debt')]);
    expect(tree.map((n) => n.path)).toEqual(['debt', 'labour']);
    expect(tree[1]!.tag).toBeNull();
    expect(tree[1]!.children.map((n) => [n.leaf, n.depth, n.tag?.id])).toEqual([
      ['child', 1, '3'],
      ['forced', 1, '2'],
    ]);
    expect(flattenTagTree(tree).map((n) => n.path)).toEqual(['debt', 'labour', 'labour/child', 'labour/forced']);
  });
});
