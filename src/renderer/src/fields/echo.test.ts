// Echo tracking: a field's own saved edits coming back are not mistaken for outside changes.
import { describe, expect, it } from 'vitest';
import { EchoTracker } from './echo';

describe('EchoTracker', () => {
  it('recognises values the field reported, even older ones', () => {
    const t = new EchoTracker();
    t.sentKey('a');
    t.sentKey('ab');
    expect(t.isEcho('a')).toBe(true);
    expect(t.isEcho('ab')).toBe(true);
    expect(t.isEcho('other window')).toBe(false);
  });

  it('remembers only the recent ones', () => {
    const t = new EchoTracker();
    for (let i = 0; i < 25; i++) t.sentKey(String(i));
    expect(t.isEcho('0')).toBe(false);
    expect(t.isEcho('24')).toBe(true);
  });
});
