import { AsyncLocalStorage } from 'node:async_hooks';
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type express from 'express';

/**
 * Read-your-own-writes across API processes and cluster members. A write's transaction ends with
 * a bookmark (Neo4j's token for "this transaction"); the API hands it to the client with the
 * response (header `X-Graph-Bookmark`, and the cookie `ig_bm` for the browser), and the client's
 * next request carries it back to whichever API process serves it. That process opens its
 * sessions with the bookmark, so a read sent to a secondary waits until the secondary has the
 * write.
 *
 * The client never sees Neo4j's bookmark itself: it names the database's transaction, so it would
 * tell a viewer how many writes everyone else made in between (a count of records and actions they
 * may not know of). What goes out is the bookmark sealed with AES-GCM under a key every API process
 * of a deployment derives from the audit key, with a fresh nonce each time: opaque, different on
 * every response. One not made by this deployment is refused (400) in the header, and dropped
 * (the request goes on without it) in the cookie, which a browser may hold across a key change.
 */
export interface Causal {
  /** Bookmarks the request's transactions start after. */
  bookmarks: string[];
  /** Set when the request wrote: the bookmarks of its last write. */
  latest?: string[];
}

export const BOOKMARK_HEADER = 'x-graph-bookmark';
export const BOOKMARK_COOKIE = 'ig_bm';
const MAX_BOOKMARKS = 8;
/** Neo4j 5's bookmarks: "FB:" and base64. Anything else is refused before it reaches the database. */
const BOOKMARK = /^FB:(?:[A-Za-z0-9+/]{4}){2,60}(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

const store = new AsyncLocalStorage<Causal>();

/** The request's causal context, when the current work runs on behalf of one. */
export const currentCausal = (): Causal | undefined => store.getStore();

/** Runs `fn` with its own causal context (tests, CLIs that hand bookmarks on themselves). */
export function withBookmarks<T>(bookmarks: string[], fn: () => T): T {
  return store.run({ bookmarks: bookmarks.filter((b) => BOOKMARK.test(b)).slice(-MAX_BOOKMARKS) }, fn);
}

export class BookmarkError extends Error {}
/** What a request with a bookmark this platform did not issue is told (here, and by db.ts when Neo4j refuses one). */
export const BOOKMARK_REFUSED = 'The bookmark sent with the request (X-Graph-Bookmark or the ig_bm cookie) is not one this platform issued: send the one the last response carried, or none.';

let bookmarkKey = randomBytes(32);
/** The key bookmarks are sealed with (server/app.ts prepareAudit derives it from the audit key). */
export function setBookmarkKey(secret: Buffer | string): void {
  bookmarkKey = createHash('sha256').update('bookmark-key\0').update(secret).digest();
}

/** Neo4j's bookmarks as the client carries them: one opaque token. */
export function sealBookmarks(bookmarks: string[]): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', bookmarkKey, iv);
  const body = Buffer.concat([c.update(JSON.stringify(bookmarks), 'utf8'), c.final()]);
  return Buffer.concat([iv, c.getAuthTag(), body]).toString('base64url');
}

function unseal(token: string): string[] {
  try {
    const raw = Buffer.from(token, 'base64url');
    if (raw.length < 29 || raw.length > 4096 || raw.toString('base64url') !== token) throw new Error();
    const d = createDecipheriv('aes-256-gcm', bookmarkKey, raw.subarray(0, 12));
    d.setAuthTag(raw.subarray(12, 28));
    const list = JSON.parse(Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8')) as unknown;
    if (Array.isArray(list) && list.every((b) => typeof b === 'string' && BOOKMARK.test(b))) return list as string[];
  } catch { /* one answer for every bad token */ }
  throw new BookmarkError(BOOKMARK_REFUSED);
}

/** The bookmarks in a header or cookie value (one sealed token); anything else is a BookmarkError. */
export function parseBookmarks(values: (string | undefined)[]): string[] {
  const out: string[] = [];
  for (const v of values) {
    const t = (v ?? '').trim();
    if (!t) continue;
    for (const b of unseal(t)) if (!out.includes(b)) out.push(b);
  }
  return out.slice(-MAX_BOOKMARKS);
}

/**
 * Express middleware: the bookmarks a request carries (header, else cookie) become its causal
 * context; when it wrote, the response carries the new bookmarks back in the header and the
 * cookie (HttpOnly, one minute: a secondary catches up in far less).
 */
export function bookmarkMiddleware(): express.RequestHandler {
  return (req, res, next) => {
    const fromHeader = req.headers[BOOKMARK_HEADER];
    let sent: string[] = [];
    try {
      sent = parseBookmarks(fromHeader
        ? (Array.isArray(fromHeader) ? fromHeader : [fromHeader])
        : [(req.cookies as Record<string, string> | undefined)?.[BOOKMARK_COOKIE]]);
    } catch (e) {
      if (fromHeader) {
        // An API client sent it on purpose: tell it.
        res.status(400).json({ errors: [{ message: (e as Error).message, extensions: { code: 'VALIDATION', field: 'bookmark' } }] });
        return;
      }
      // A browser's stale cookie (a key changed, a restore): dropped, and the request goes on without it.
      res.append('Set-Cookie', `${BOOKMARK_COOKIE}=; Path=/graphql; Max-Age=0; HttpOnly; SameSite=Strict`);
    }
    const ctx: Causal = { bookmarks: sent };
    const writeHead = res.writeHead.bind(res) as (...a: unknown[]) => express.Response;
    (res as { writeHead: unknown }).writeHead = (...args: unknown[]) => {
      if (ctx.latest?.length && !res.headersSent) {
        const value = sealBookmarks(ctx.latest);
        res.setHeader(BOOKMARK_HEADER, value);
        res.append('Set-Cookie', `${BOOKMARK_COOKIE}=${encodeURIComponent(value)}; Path=/graphql; Max-Age=60; HttpOnly; SameSite=Strict`);
      }
      return writeHead(...args);
    };
    store.run(ctx, () => next());
  };
}
