import type { RequestOf } from '../../messaging/protocol';
import type { ParsedComment, ParsedPost } from '../../sites/types';
import type { Feature } from '../runtime';

type Send = (batch: RequestOf<'page/seen'>) => Promise<unknown>;

/**
 * Records per message. Extension messages are serialised on the page's main thread: small chunks,
 * sent one after another, keep each piece of that work short.
 */
const CHUNK = 200;

/**
 * Sends what the page showed to the background, which stores it. Pages of no particular owner
 * (the news feed, search) are not stored: their comments belong to many pages.
 */
export function storeFeature(send: Send, onError: (reason: string | null) => void): Feature & { flushed(): Promise<void> } {
  let posts: ParsedPost[] = [];
  let comments: ParsedComment[] = [];
  let pending: Promise<void> = Promise.resolve();
  return {
    /** Resolves once everything handed to the background so far is stored. */
    flushed: () => pending,
    name: 'store',
    onPage() {
      posts = [];
      comments = [];
    },
    onBatch(batch) {
      if (batch.page.kind === 'other') return;
      for (const p of batch.posts) posts.push(p.post);
      for (const c of batch.comments) comments.push(c.comment);
    },
    onIdle(page) {
      if (page.kind === 'other' || (!posts.length && !comments.length)) return;
      const p = posts;
      const c = comments;
      posts = [];
      comments = [];
      const chunks = Math.max(Math.ceil(p.length / CHUNK), Math.ceil(c.length / CHUNK));
      pending = pending.then(async () => {
        try {
          for (let i = 0; i < chunks; i++) {
            await send({
              page,
              posts: p.slice(i * CHUNK, (i + 1) * CHUNK),
              comments: c.slice(i * CHUNK, (i + 1) * CHUNK),
            });
          }
          onError(null);
        } catch (error) {
          onError(error instanceof Error ? error.message : String(error));
        }
      });
    },
  };
}
