// One HTTP(S) GET whose connection goes to addresses already checked, never to a fresh DNS answer:
// fetch would resolve the name again after the check, and a DNS server that answers a public address
// first and 127.0.0.1 the second time (DNS rebinding) would then reach this computer.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupAddress, LookupOptions } from 'node:dns';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';

export interface PinnedResponse {
  status: number;
  statusText: string;
  headers: IncomingMessage['headers'];
  /** The body, decompressed; reading it past a cap is the caller's job. */
  body: Readable;
  /** Closes the connection without reading the rest of the body. */
  close(): void;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A `lookup` for net.connect that answers only from the checked list, whatever the name. */
function pinnedLookup(addresses: LookupAddress[]) {
  return (_host: string, options: LookupOptions | undefined, callback: LookupCallback): void => {
    if (options?.all) return callback(null, addresses);
    const wanted = options?.family === 6 || options?.family === 'IPv6' ? 6 : options?.family === 4 || options?.family === 'IPv4' ? 4 : 0;
    const chosen = addresses.find((a) => wanted === 0 || a.family === wanted) ?? addresses[0]!;
    callback(null, chosen.address, chosen.family);
  };
}

function decoded(response: IncomingMessage): Readable {
  const encoding = String(response.headers['content-encoding'] ?? '')
    .trim()
    .toLowerCase();
  const decoder =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? createGunzip()
      : encoding === 'deflate'
        ? createInflate()
        : encoding === 'br'
          ? createBrotliDecompress()
          : null;
  if (!decoder) return response;
  response.on('error', (error) => decoder.destroy(error));
  return response.pipe(decoder);
}

/**
 * GETs `url` over a fresh connection (no pooled socket, which could have been opened to another
 * address) to one of `addresses`. The URL's host still names the server, so the Host header and
 * the TLS server name (SNI, and the certificate check) are the site's, not the address's.
 */
export function pinnedGet(url: URL, addresses: LookupAddress[], headers: Record<string, string>, signal: AbortSignal): Promise<PinnedResponse> {
  if (addresses.length === 0) return Promise.reject(new Error(`no checked address for ${url.hostname}`));
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(url, { method: 'GET', headers, agent: false, signal, lookup: pinnedLookup(addresses) }, (response) => {
      resolve({
        status: response.statusCode ?? 0,
        statusText: response.statusMessage ?? '',
        headers: response.headers,
        body: decoded(response),
        close: () => {
          response.destroy();
          req.destroy();
        },
      });
    });
    req.on('error', reject);
    req.end();
  });
}
