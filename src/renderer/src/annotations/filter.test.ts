// The panel's tag filter: parents take in their children, any/all matching, and the tags offered with their counts.
import { describe, expect, it } from 'vitest';
import { carriesTag, chosenAncestor, matchesFilter, NO_FILTER, tagOptions, tidyTagPaths, toggleTag, type TagFilter } from './filter';

const row = (...names: string[]) => ({ tags: names.map((name, i) => ({ id: `t-${name}-${i}`, name, color: name.startsWith('labour') ? '#aa3300' : null })) });

const forced = row('labour/forced', 'revenue/global');
const child = row('labour/child');
const labour = row('Labour');
const revenue = row('revenue/global');
const none = row();
const lookalike = row('labour law');
const rows = [forced, child, labour, revenue, none, lookalike];

const keep = (filter: TagFilter) => rows.filter((r) => matchesFilter(r, filter));

describe('the panel tag filter', () => {
  it('keeps everything when no tag is chosen', () => {
    expect(keep(NO_FILTER)).toEqual(rows);
  });

  it('takes in the tags below a chosen parent, ignoring case, but not a look-alike name', () => {
    expect(keep({ tags: ['labour'], match: 'any' })).toEqual([forced, child, labour]);
    expect(carriesTag(lookalike, 'labour')).toBe(false);
    expect(keep({ tags: ['LABOUR/forced'], match: 'any' })).toEqual([forced]);
  });

  it('matches any chosen tag, or all of them', () => {
    expect(keep({ tags: ['labour/child', 'revenue'], match: 'any' })).toEqual([forced, child, revenue]);
    expect(keep({ tags: ['labour', 'revenue'], match: 'all' })).toEqual([forced]);
    expect(keep({ tags: ['labour/child', 'revenue'], match: 'all' })).toEqual([]);
  });

  it('tidies paths from the address', () => {
    expect(tidyTagPaths([' labour / forced ', 'Labour/Forced', '', '/', 'revenue'])).toEqual(['labour/forced', 'revenue']);
  });

  it('choosing a parent replaces its chosen children; unchoosing leaves the rest', () => {
    const start: TagFilter = { tags: ['labour/forced', 'revenue'], match: 'all' };
    expect(toggleTag(start, 'labour', true)).toEqual({ tags: ['revenue', 'labour'], match: 'all' });
    expect(toggleTag(start, 'Revenue', false)).toEqual({ tags: ['labour/forced'], match: 'all' });
    expect(chosenAncestor('labour/forced', ['labour'])).toBe('labour');
    expect(chosenAncestor('labour', ['labour'])).toBeNull();
  });

  it('offers the tags of the annotations as a tree, with implied parents and counts of annotations', () => {
    const options = tagOptions([forced, child, revenue, none], []);
    expect(options.map((o) => [o.path, o.depth, o.count])).toEqual([
      ['labour', 0, 2],
      ['labour/child', 1, 1],
      ['labour/forced', 1, 1],
      ['revenue', 0, 2],
      ['revenue/global', 1, 2],
    ]);
    expect(options[0]!.color).toBeNull();
    expect(options[1]!.color).toBe('#aa3300');
  });

  it('still offers a chosen tag that no annotation carries, so it can be unchosen', () => {
    expect(tagOptions([revenue], ['gone']).map((o) => [o.path, o.count])).toEqual([
      ['gone', 0],
      ['revenue', 1],
      ['revenue/global', 1],
    ]);
  });
});
