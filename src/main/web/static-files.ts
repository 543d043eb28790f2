// Serves the built renderer's files, for the Electron app's custom scheme and for web mode alike:
// a URL path is mapped to a file strictly inside the renderer folder, or to nothing.
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

function isStrictlyInside(base: string, target: string): boolean {
  const rel = relative(base, target);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file a URL path names inside `root`, or null. The path is still percent-encoded (as in
 * `URL.pathname`), so an encoded `..%2f` is decoded here and refused like a plain `..`.
 */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.some((segment) => segment === '..')) return null;
  // A drive letter or UNC prefix would make path.resolve jump out of root on Windows.
  if (segments.some((segment) => segment.includes(':'))) return null;
  if (segments.length === 0) segments.push('index.html');
  const base = resolve(root);
  const file = resolve(base, ...segments);
  return isStrictlyInside(base, file) ? file : null;
}

export interface StaticFile {
  file: string;
  body: Buffer;
  contentType: string;
  /** HTML is the entry point and must never be served stale from a cache; hashed assets may be. */
  isHtml: boolean;
}

/** Reads the file a URL path names, or null when there is none (or it lies outside root through a link). */
export async function readStatic(root: string, urlPath: string): Promise<StaticFile | null> {
  const file = resolveInside(root, urlPath);
  if (!file) return null;
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)]);
    if (!isStrictlyInside(realRoot, realFile)) return null;
    if (!(await stat(realFile)).isFile()) return null;
    const contentType = contentTypeOf(realFile);
    return { file: realFile, body: await readFile(realFile), contentType, isHtml: contentType.startsWith('text/html') };
  } catch {
    return null;
  }
}

/** Headers for every response that carries app content, in both shells. */
export function appHeaders(csp: string, contentType: string, isHtml: boolean): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': isHtml ? 'no-store' : 'no-cache',
  };
}
