import { AsyncLocalStorage } from 'node:async_hooks';
import type express from 'express';

/**
 * Read-your-own-writes across API processes and cluster members. A write's transaction ends with
 * a bookmark (Neo4j's token for "this transaction"); the API hands it to the client with the
 * response (header `X-Graph-Bookmark`, and the cookie `ig_bm` for the browser), and the client's
 * next request carries it back to whichever API process serves it. That process opens its
 * sessions with the bookmark, so a read sent to a secondary waits until the secondary has the
 * write. Bookmarks are not secrets: a forged one can only make its sender's own request wait or fail.
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
  return store.run({ bookmarks: parseBookmarks(bookmarks) }, fn);
}

export class BookmarkError extends Error {}

/** The bookmarks in header or cookie values (comma-separated); a malformed one is a BookmarkError. */
export function parseBookmarks(values: (string | undefined)[]): string[] {
  const out: string[] = [];
  for (const v of values) {
    for (const b of (v ?? '').split(',')) {
      const t = b.trim();
      if (!t) continue;
      if (!BOOKMARK.test(t)) throw new BookmarkError('The bookmark sent with the request (X-Graph-Bookmark or the ig_bm cookie) is not one this database issued: send the one the last response carried, or none.');
      if (!out.includes(t)) out.push(t);
    }
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
    let sent: string[];
    try {
      sent = parseBookmarks(fromHeader
        ? (Array.isArray(fromHeader) ? fromHeader : [fromHeader])
        : [(req.cookies as Record<string, string> | undefined)?.[BOOKMARK_COOKIE]]);
    } catch (e) {
      // A stale or tampered cookie is dropped with the refusal, so the next request goes through.
      if (!fromHeader) res.append('Set-Cookie', `${BOOKMARK_COOKIE}=; Path=/graphql; Max-Age=0; HttpOnly; SameSite=Strict`);
      res.status(400).json({ errors: [{ message: (e as Error).message, extensions: { code: 'VALIDATION', field: 'bookmark' } }] });
      return;
    }
    const ctx: Causal = { bookmarks: sent };
    const writeHead = res.writeHead.bind(res) as (...a: unknown[]) => express.Response;
    (res as { writeHead: unknown }).writeHead = (...args: unknown[]) => {
      if (ctx.latest?.length && !res.headersSent) {
        const value = ctx.latest.join(',');
        res.setHeader(BOOKMARK_HEADER, value);
        res.append('Set-Cookie', `${BOOKMARK_COOKIE}=${encodeURIComponent(value)}; Path=/graphql; Max-Age=60; HttpOnly; SameSite=Strict`);
      }
      return writeHead(...args);
    };
    store.run(ctx, () => next());
  };
}
