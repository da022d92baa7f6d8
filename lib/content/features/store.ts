import type { RequestOf } from '../../protocol';
import type { PageInfo, ParsedComment, ParsedPost } from '../../sites/types';
import type { Feature } from '../runtime';

type Batch = RequestOf<'page/seen'>;
type Send = (batch: Batch) => Promise<unknown>;

/**
 * Records per message. Extension messages are serialised on the page's main thread: small chunks,
 * sent one after another, keep each piece of that work short.
 */
const CHUNK = 200;

/**
 * Sends what the page showed to the background, which stores it. Pages of no particular owner
 * (the news feed, search) are not stored: their comments belong to many pages.
 *
 * `send` posts at once (lib/protocol/port) and its promise is the background's answer. Chunks go
 * one a task, so the page's thread is never held for long; the background stores them as they
 * come. When the tab is closed or left (`pagehide` → `leaving()`), what is still queued or not yet
 * taken is posted there and then: a page that is going away has no frames left to keep smooth.
 */
export function storeFeature(send: Send, onError: (reason: string | null) => void): Feature & { flushed(): Promise<void>; leaving(): void } {
  let posts: ParsedPost[] = [];
  let comments: ParsedComment[] = [];
  let page: PageInfo | null = null;
  const queue: Batch[] = [];
  let pending: Promise<void> = Promise.resolve();
  let pumping = false;
  let answers: Promise<unknown>[] = [];

  function take(p: PageInfo) {
    const chunks = Math.max(Math.ceil(posts.length / CHUNK), Math.ceil(comments.length / CHUNK));
    for (let i = 0; i < chunks; i++) {
      queue.push({ page: p, posts: posts.slice(i * CHUNK, (i + 1) * CHUNK), comments: comments.slice(i * CHUNK, (i + 1) * CHUNK) });
    }
    posts = [];
    comments = [];
  }

  const post = (b: Batch) => answers.push(send(b));

  async function pump() {
    pumping = true;
    try {
      while (queue.length) {
        post(queue.shift()!);
        if (queue.length) await new Promise((r) => setTimeout(r, 0));
      }
    } finally {
      pumping = false;
    }
    const settled = await Promise.allSettled(answers.splice(0));
    const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    onError(failed ? (failed.reason instanceof Error ? failed.reason.message : String(failed.reason)) : null);
  }

  function start() {
    if (!pumping && queue.length) pending = pump();
  }

  return {
    /** Resolves once everything handed to the background so far is stored. */
    flushed: () => pending,
    leaving() {
      if (page && page.kind !== 'other') take(page);
      while (queue.length) post(queue.shift()!);
    },
    name: 'store',
    // The badges go on the page before the background is handed what was seen.
    after: ['moderation'],
    onPage() {
      // An in-site navigation: what the last page showed is still that page's, and goes.
      if (page && page.kind !== 'other' && (posts.length || comments.length)) {
        take(page);
        start();
      }
      posts = [];
      comments = [];
      page = null;
    },
    onBatch(batch) {
      page = batch.page;
      if (batch.page.kind === 'other') return;
      for (const p of batch.posts) posts.push(p.post);
      for (const c of batch.comments) comments.push(c.comment);
    },
    onIdle(p) {
      if (p.kind === 'other' || (!posts.length && !comments.length)) return;
      take(p);
      start();
    },
  };
}
