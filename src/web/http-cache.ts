/**
 * HTTP caching of whole pages: a rendered page is kept in a byte-bounded LRU under a key that changes
 * whenever its content may (the version it shows, the language, the app build, and for pages that
 * list versions or name the latest, the store's generation), served with a strong ETag made of the
 * same parts, and answered 304 when the client already holds it.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Context } from 'hono';
import { Lru } from './cache.ts';
import type { Env } from './env.ts';

const ROOT = new URL('../../', import.meta.url).pathname;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]))
    .sort();
}

/**
 * The app's build id: GONGKAI_BUILD_ID, else a hash of the sources and templates (src/) and
 * package.json, so that any change of code or data that renders pages changes every ETag.
 */
function buildId(): string {
  if (process.env.GONGKAI_BUILD_ID) return process.env.GONGKAI_BUILD_ID.replace(/[^\w.-]/g, '').slice(0, 40);
  const h = createHash('sha256');
  try {
    for (const f of [...files(join(ROOT, 'src')), join(ROOT, 'package.json')]) {
      h.update(f.slice(ROOT.length)).update('\0').update(readFileSync(f)).update('\0');
    }
  } catch {
    h.update(`started ${Date.now()}`); // sources not readable: a build id per process
  }
  return h.digest('hex').slice(0, 12);
}

export const BUILD_ID = buildId();

/** Page cache bound: GONGKAI_PAGE_CACHE_MB (default 64 MB of UTF-8 page bytes). */
export const PAGE_CACHE_BYTES = (Number(process.env.GONGKAI_PAGE_CACHE_MB) || 64) * 1024 * 1024;

/** Pages as UTF-8 bytes: encoded once, written as they are on every response. */
export type PageCache = Lru<string, Uint8Array<ArrayBuffer> | null>;

export function newPageCache(bytes = PAGE_CACHE_BYTES): PageCache {
  return new Lru<string, Uint8Array<ArrayBuffer> | null>(bytes, (v) => (v === null ? 0 : v.byteLength));
}

/** If-None-Match holds this ETag (weak comparison, as RFC 9110 asks for this header), or `*`. */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((t) => {
    const x = t.trim();
    return x === '*' || x.replace(/^W\//, '') === bare;
  });
}

export interface CachedPage {
  /** cache key: everything the page depends on */
  key: string;
  /** the parts of the ETag (joined into one quoted strong validator) */
  tag: (string | number)[];
  /** Cache-Control max-age in seconds (0: revalidate every time) */
  maxAge: number;
  /** the page, or null for 404 */
  render: () => Promise<string | null>;
}

/** Serve a page from the cache, or 304, or render and keep it. */
export async function servePage(c: Context<Env>, cache: PageCache, page: CachedPage): Promise<Response> {
  const etag = `"${[...page.tag, c.get('lang'), BUILD_ID].join('-')}"`;
  const headers = {
    ETag: etag,
    'Cache-Control': page.maxAge > 0 ? `public, max-age=${page.maxAge}` : 'public, no-cache',
    // the language may come from a cookie
    Vary: 'Cookie',
  };
  if (etagMatches(c.req.header('If-None-Match'), etag)) return c.body(null, 304, headers);
  const body = await cache.get(`${page.key}|${c.get('lang')}`, async () => {
    const text = await page.render();
    return text === null ? null : Buffer.from(text, 'utf8');
  });
  if (body === null) return c.notFound();
  return c.body(body, 200, { ...headers, 'Content-Type': 'text/html; charset=UTF-8' });
}
