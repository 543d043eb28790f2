// Fetching a web page for import, from the main process, with every limit a hostile or broken
// server could push against: time, size, redirects, schemes, and addresses on the local network.
import type { LookupAddress } from 'node:dns';
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { GlossError } from '../../shared/errors';
import { IMPORT_LIMITS, type ImportSource } from './types';
import { pinnedGet, type PinnedResponse } from './url/pinned';

/** Finds a host's addresses; the tests put a DNS server's changing answers here. */
export type Resolve = (host: string) => Promise<LookupAddress[]>;

const systemResolve: Resolve = (host) => lookup(host, { all: true, verbatim: true });

export interface FetchOptions {
  /** Allow loopback and private-network addresses (off by default; the tests' local server needs it). */
  allowPrivate?: boolean;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  signal?: AbortSignal;
  resolve?: Resolve;
}

/** Media types imported as web pages, and the one imported as plain text. */
const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
const TEXT_TYPES = new Set(['text/plain']);

const HEADERS = {
  accept: 'text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8',
  'accept-encoding': 'gzip, deflate, br',
  'user-agent': 'Gloss (research annotator)',
};

/** Media types people meet often enough to deserve a precise sentence. */
const KNOWN_TYPES: Record<string, string> = {
  'application/pdf': 'a PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'a Word document',
  'application/msword': 'a Word document',
  'application/epub+zip': 'an EPUB book',
  'application/zip': 'a ZIP archive',
};

/**
 * Addresses a page must not make Gloss reach: this computer, private networks, link-local (cloud
 * metadata services live at 169.254.169.254), unspecified, multicast and reserved ranges. IPv4
 * addresses mapped into IPv6 are refused whole (in isBlockedAddress), since public sites do not publish them.
 */
const BLOCKED = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  BLOCKED.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  BLOCKED.addSubnet(net, prefix, 'ipv6');

export function isBlockedAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  if (family === 6 && new URL(`http://[${address}]/`).hostname.startsWith('[::ffff:')) return true;
  // BlockList also matches IPv4 addresses against IPv6 rules, so an IPv6 rule covering ::ffff:0:0/96 would block all of IPv4.
  return BLOCKED.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

const mb = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

function checkScheme(url: URL, original: string): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new GlossError({
      code: 'unsupported',
      message: `Gloss fetches only http and https addresses, and ${original} uses “${url.protocol.replace(/:$/, '')}”. Download the document and import the file instead.`,
    });
  }
}

/** The host's addresses, every one checked: the connection is then made to these and no others. */
async function checkedAddresses(url: URL, allowPrivate: boolean, resolve: Resolve): Promise<LookupAddress[]> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: LookupAddress[];
  try {
    addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await resolve(host);
  } catch {
    throw new GlossError({
      code: 'unavailable',
      message: `Gloss could not find the server “${host}” (the DNS lookup failed). Check the address and your connection.`,
    });
  }
  if (addresses.length === 0) throw new GlossError({ code: 'unavailable', message: `The server “${host}” has no address (DNS). Check the address.` });
  if (allowPrivate) return addresses;
  const blocked = addresses.find((a) => isBlockedAddress(a.address));
  if (blocked) {
    throw new GlossError({
      code: 'unavailable',
      message:
        `Gloss refused to fetch ${url.href}: “${host}” is a loopback, private-network or reserved address (${blocked.address}). ` +
        'Web addresses on this computer or your local network are refused by default; allow private addresses for this import to fetch it.',
    });
  }
  return addresses;
}

function unsupportedType(url: string, mediaType: string): GlossError {
  const what = KNOWN_TYPES[mediaType];
  return new GlossError({
    code: 'unsupported',
    message: what
      ? `${url} is ${what} (${mediaType}), not a web page; download it and import the file.`
      : `${url} is ${mediaType}, not a web page (HTML) or plain text; download it and import the file if Gloss can read it.`,
  });
}

function nameFrom(url: URL): string {
  const segment = url.pathname.split('/').filter(Boolean).pop();
  try {
    return segment ? decodeURIComponent(segment) : url.hostname;
  } catch {
    return segment ?? url.hostname;
  }
}

/** Reads the body up to the cap; past it, closes the connection rather than draining it. */
async function readCapped(response: PinnedResponse, maxBytes: number, url: string): Promise<Uint8Array> {
  const tooLarge = () =>
    new GlossError({
      code: 'too-large',
      message: `The page at ${url} is too large to import: over ${mb(maxBytes)}, the limit for web pages. Save the article and import the file.`,
    });
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.close();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of response.body as AsyncIterable<Buffer>) {
    total += chunk.byteLength;
    if (total > maxBytes) {
      response.close();
      throw tooLarge();
    }
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks, total));
}

// The signals say why a request ended, since an abort mid-body surfaces as a reset connection.
function describeFailure(error: unknown, url: string, timeoutMs: number, timeout: AbortSignal, cancel: AbortSignal | undefined): GlossError {
  if (error instanceof GlossError) return error;
  const name = (error as { name?: string } | null)?.name;
  if (cancel?.aborted) return new GlossError({ code: 'cancelled', message: `Fetching ${url} was cancelled.` });
  if (timeout.aborted || name === 'TimeoutError' || name === 'AbortError') {
    return new GlossError({
      code: 'unavailable',
      message: `Fetching ${url} timed out after ${seconds(timeoutMs)}. The server may be slow or down; try again later.`,
    });
  }
  const failure = error as { code?: string; cause?: { code?: string } } | null;
  const cause = failure?.code ?? failure?.cause?.code;
  const why = cause === 'ECONNREFUSED' ? 'the server refused the connection' : cause ? `the connection failed (${cause})` : 'the connection failed';
  return new GlossError({ code: 'unavailable', message: `Gloss could not fetch ${url}: ${why}. Check the address and your connection.` });
}

/**
 * Fetches a page for import. Redirects are followed by hand so that every hop's scheme and address
 * are checked again; a redirect to a private address is refused like a direct request to one. Each
 * hop connects to the addresses its check saw, so a second DNS answer never gets a say.
 */
export async function fetchUrl(url: string, options: FetchOptions = {}): Promise<ImportSource> {
  const timeoutMs = options.timeoutMs ?? IMPORT_LIMITS.urlTimeoutMs;
  const maxBytes = options.maxBytes ?? IMPORT_LIMITS.urlBytes;
  const maxRedirects = options.maxRedirects ?? IMPORT_LIMITS.urlRedirects;
  let current: URL;
  try {
    current = new URL(url.trim());
  } catch {
    throw new GlossError({
      code: 'validation',
      message: `“${url}” is not a web address; it should look like https://example.org/page.`,
      fields: [{ path: 'url', message: 'not a URL' }],
    });
  }
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  const resolve = options.resolve ?? systemResolve;
  try {
    for (let hop = 0; ; hop++) {
      checkScheme(current, hop === 0 ? url : `the page it redirects to (${current.href})`);
      const addresses = await checkedAddresses(current, options.allowPrivate ?? false, resolve);
      const response = await pinnedGet(current, addresses, HEADERS, signal);
      const location = response.headers.location;
      if (response.status >= 300 && response.status < 400 && location) {
        response.close();
        if (hop >= maxRedirects) {
          throw new GlossError({
            code: 'unavailable',
            message: `${url} redirected more than ${maxRedirects} times, so Gloss stopped following it. Open it in a browser and use the address it ends at.`,
          });
        }
        try {
          current = new URL(location, current);
        } catch {
          throw new GlossError({
            code: 'unavailable',
            message: `${current.href} redirects to an address that is not valid; open it in a browser and use the address it ends at.`,
          });
        }
        continue;
      }
      if (response.status < 200 || response.status >= 300) {
        response.close();
        const text = response.statusText ? ` (${response.statusText})` : '';
        throw new GlossError({
          code: response.status === 404 || response.status === 410 ? 'not-found' : 'unavailable',
          message: `The server answered HTTP ${response.status}${text} for ${current.href}; check the address, or try again later.`,
        });
      }
      const contentType = response.headers['content-type'];
      const essence = contentType?.split(';')[0]!.trim().toLowerCase();
      if (essence && !HTML_TYPES.has(essence) && !TEXT_TYPES.has(essence)) {
        response.close();
        throw unsupportedType(current.href, essence);
      }
      const bytes = await readCapped(response, maxBytes, current.href);
      const source: ImportSource = { name: nameFrom(current), bytes, url, finalUrl: current.href, fetchedAt: new Date().toISOString() };
      if (contentType) source.mediaType = contentType;
      return source;
    }
  } catch (error) {
    throw describeFailure(error, url, timeoutMs, timeout, options.signal);
  }
}
