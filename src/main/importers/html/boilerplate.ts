// What on a web page is not the article: share prompts, trailers, adverts, newsletter and cookie
// prompts, comment counters, menus of links. Readability removes most of it; this catches the rest
// at the level of single blocks, so a sentence in the article that merely mentions "newsletter" stays.
import type { BlockType } from '../../../shared/canonical';

export interface BlockStats {
  type: BlockType;
  text: string;
  /** Non-space characters inside links. */
  linkChars: number;
  links: number;
}

const SHARE_TARGETS =
  'share|tweet|email|e-mail|mail|print|copy link|copy|whatsapp|facebook|twitter|x|linkedin|pinterest|reddit|messenger|telegram|bluesky|threads|mastodon|sms';

/**
 * The documented list. Each pattern must match the whole block (these are short lines that stand
 * alone on a page); `max` bounds the block's length so a real paragraph never matches by accident.
 */
export const BOILERPLATE_PATTERNS: { pattern: RegExp; max: number; why: string }[] = [
  { pattern: /^see more at:?/i, max: 300, why: 'share-tracking trailer ("See more at: …")' },
  { pattern: /^(read|see) more(:|$|\s*[»›→>])/i, max: 100, why: 'read-more link' },
  { pattern: /^(read|see) the full (story|article|report)\b/i, max: 80, why: 'read-more link' },
  { pattern: /^continue reading\b/i, max: 80, why: 'read-more link' },
  { pattern: /^(advertisement|advert|sponsored( content)?|ad|story continues below( this)? (advertisement|ad))$/i, max: 60, why: 'advert label' },
  {
    // Only a run of share words, so "Share prices fell" stays.
    pattern: new RegExp(`^(share( this)?( article| story| page| post)?( on)?|${SHARE_TARGETS})([\\s|·•,/:]+(${SHARE_TARGETS}))*[\\s:|]*$`, 'i'),
    max: 120,
    why: 'share link',
  },
  { pattern: /^follow us\b/i, max: 160, why: 'follow prompt' },
  { pattern: /\b(sign up|subscribe|register)\b.*\bnewsletters?\b|\bnewsletters?\b.*\b(sign up|subscribe)\b/i, max: 200, why: 'newsletter prompt' },
  { pattern: /^(get|receive) (our|the) .{0,40}\b(in|to) your inbox\b/i, max: 160, why: 'newsletter prompt' },
  { pattern: /^subscribe( now| today)?\b/i, max: 120, why: 'subscription prompt' },
  { pattern: /\b(we use cookies|this (web)?site uses cookies|accept (all )?cookies|cookie (policy|settings|preferences))\b/i, max: 400, why: 'cookie banner' },
  {
    pattern: /^(\d+\s+)?comments?$|^(leave a (comment|reply)|join the (conversation|discussion)|(show|view|load|read) (all )?(\d+ )?comments)\b/i,
    max: 80,
    why: 'comments prompt',
  },
  {
    pattern:
      /^(related( articles| stories| content| coverage)?|more (stories|from|on this( story)?|in)|you (may|might) also like|recommended( for you)?|most (read|popular|viewed)|trending( now)?|top stories)\b/i,
    max: 40,
    why: 'related-links heading',
  },
  { pattern: /^(skip to (main )?content|back to top|toggle navigation|menu|search|close|sign in|log in)$/i, max: 40, why: 'page control' },
  { pattern: /^(tags?|topics?|filed under):/i, max: 200, why: 'tag list' },
];

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

/**
 * Heuristic for link lists (menus, tag clouds, share bars, related links): a block whose visible
 * text is nearly all links, and which is either a few words long or several links in a row. A single
 * linked sentence (a reference to a source) is kept: researchers need those.
 */
function isLinkList(stats: BlockStats): boolean {
  if (stats.type === 'heading' || stats.type === 'preformatted' || stats.links === 0) return false;
  const chars = stats.text.replace(/\s/g, '').length;
  if (chars === 0 || stats.linkChars / chars < 0.8) return false;
  const words = wordCount(stats.text);
  return words <= 3 || (stats.links >= 3 && words <= 40);
}

export function isBoilerplate(stats: BlockStats): boolean {
  const text = stats.text.trim();
  if (stats.type === 'preformatted') return false;
  if (BOILERPLATE_PATTERNS.some(({ pattern, max }) => text.length <= max && pattern.test(text))) return true;
  return isLinkList(stats);
}

/** Trailers glued onto the article's last paragraph by share widgets ("… - See more at: http://…#sthash"). */
export function stripTrailers(text: string): string {
  return text.replace(/\s*[-–—]?\s*See more at:\s*\S*\s*$/i, '').replace(/\s+$/, '');
}
