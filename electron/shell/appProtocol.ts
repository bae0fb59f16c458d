import { existsSync, statSync } from 'node:fs';
import { extname, join, normalize, relative, isAbsolute } from 'node:path';
import { APP_HOST, APP_SCHEME } from './appOrigin.js';

/** Sent with every page the app serves; inline scripts and any remote content are refused. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  // pdf.js's worker, a module script: a browser runs none served with another type.
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export type AssetResolution = { readonly kind: 'file'; readonly path: string; readonly mimeType: string } | { readonly kind: 'refused' };

/**
 * Maps an `app://` request to a file inside the renderer build folder. Anything outside
 * that folder (`..`, encoded traversal, absolute paths), another host, or a non-GET request
 * is refused; unknown paths inside the app fall back to index.html for client-side routing.
 */
export function resolveAppAsset(rendererDir: string, requestUrl: string, method = 'GET'): AssetResolution {
  if (method !== 'GET') return { kind: 'refused' };
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { kind: 'refused' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST) return { kind: 'refused' };
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return { kind: 'refused' };
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return { kind: 'refused' };
  const candidate = normalize(join(rendererDir, pathname));
  const inside = relative(rendererDir, candidate);
  if (inside.startsWith('..') || isAbsolute(inside)) return { kind: 'refused' };
  const file = existsSync(candidate) && statSync(candidate).isFile() ? candidate : join(rendererDir, 'index.html');
  return { kind: 'file', path: file, mimeType: MIME_TYPES[extname(file)] ?? 'application/octet-stream' };
}
