import { describe, expect, it } from 'vitest';
import { storeFeature } from '@/lib/content/features/store';
import { CommentIndex } from '@/lib/content/comments';
import type { PageInfo, ParsedComment } from '@/lib/sites/types';

const page: PageInfo = { site: 'vk', url: 'https://vk.com/wall-1_1', kind: 'post', ownerId: '-1', name: 'Администрация' };
const comment = (i: number) => ({ site: 'vk', id: `-1_${i}`, postId: '-1_1', parentId: null, authorId: '5', authorName: 'Сергей', authorUrl: null, text: `текст ${i}`, publishedAt: 0, permalink: null, own: false }) as unknown as ParsedComment;
const batch = (from: number, n: number) => ({ page, posts: [], comments: Array.from({ length: n }, (_, i) => ({ el: null as unknown as Element, key: `vk:-1_${from + i}`, comment: comment(from + i) })) });

/** A background that answers only when told: the page can go away before it does. */
function slowBackground() {
  const got: number[] = [];
  const waiting: (() => void)[] = [];
  return {
    got,
    answerAll: () => waiting.splice(0).forEach((r) => r()),
    send: (b: { comments: unknown[] }) => {
      got.push(b.comments.length);
      return new Promise<void>((r) => waiting.push(r));
    },
  };
}
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('the page’s comments reach the background even when the tab closes', () => {
  it('posts one chunk a task, without waiting for the answers, and is flushed once all are answered', async () => {
    const bg = slowBackground();
    const store = storeFeature(bg.send, () => {});
    store.onBatch!(batch(0, 1000) as never);
    store.onIdle!(page);
    expect(bg.got).toEqual([200]);
    for (let i = 0; i < 5; i++) await tick();
    expect(bg.got).toEqual([200, 200, 200, 200, 200]);
    let flushed = false;
    void store.flushed().then(() => (flushed = true));
    await tick();
    expect(flushed).toBe(false);
    bg.answerAll();
    await tick();
    expect(flushed).toBe(true);
  });

  it('on leaving, posts at once every chunk still queued and what was not taken yet', () => {
    const bg = slowBackground();
    const store = storeFeature(bg.send, () => {});
    store.onBatch!(batch(0, 1000) as never);
    store.onIdle!(page);
    // Parsed after the last idle moment, then the tab closes.
    store.onBatch!(batch(1000, 150) as never);
    store.leaving();
    expect(bg.got).toEqual([200, 200, 200, 200, 200, 150]);
  });

  it('an in-site navigation sends what the last page showed, not drops it', () => {
    const bg = slowBackground();
    const store = storeFeature(bg.send, () => {});
    store.onBatch!(batch(0, 50) as never);
    store.onPage!({ ...page, url: 'https://vk.com/wall-1_2' }, new CommentIndex({}));
    expect(bg.got).toEqual([50]);
  });

  it('says when the background refused a chunk, and clears it when all went well', async () => {
    const errors: (string | null)[] = [];
    const store = storeFeature(async (b) => { if (b.comments.length === 50) throw new Error('диск полон'); }, (e) => errors.push(e));
    store.onBatch!(batch(0, 50) as never);
    store.onIdle!(page);
    await store.flushed();
    store.onBatch!(batch(50, 10) as never);
    store.onIdle!(page);
    await store.flushed();
    expect(errors).toEqual(['диск полон', null]);
  });
});
