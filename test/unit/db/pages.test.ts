import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listPages, recordSeen } from '@/lib/db/pages';
import { openDatabase, type OtklikDB } from '@/lib/db/schema';
import type { RequestOf } from '@/lib/protocol';
import { createDispatcher } from '@/lib/protocol/server';

const page = { site: 'vk', url: 'https://vk.com/club123456', kind: 'wall', ownerId: '-123456', name: 'Администрация города' } as const;

function comment(n: number, text = 'Когда дадут воду?') {
  return {
    site: 'vk' as const,
    id: `-123456_${n}`,
    postId: '-123456_1001',
    parentId: null,
    authorId: '111',
    authorName: 'Иван Петров',
    authorUrl: 'https://vk.com/id111',
    text,
    publishedAt: 1746420300000,
    permalink: `https://vk.com/wall-123456_1001?reply=${n}`,
    own: false,
  };
}

const post = {
  site: 'vk' as const,
  id: '-123456_1001',
  ownerId: '-123456',
  authorId: '-123456',
  authorName: 'Администрация города',
  publishedAt: 1746414000000,
  text: 'Отключение горячей воды',
  pinned: false,
  foreign: false,
  repost: false,
  permalink: 'https://vk.com/wall-123456_1001',
};

describe('storing what the pages showed', () => {
  let db: OtklikDB;
  beforeEach(() => {
    db = openDatabase(`test-${Math.random()}`);
  });
  afterEach(async () => {
    await db.delete();
  });

  it('stores pages, posts and comments and lists the page with its counts', async () => {
    await recordSeen(db, { page, posts: [post], comments: [comment(1002), comment(1004)] }, 1000);
    const [summary] = await listPages(db);
    expect(summary).toMatchObject({ key: 'vk:-123456', name: 'Администрация города', posts: 1, comments: 2, firstSeen: 1000 });
    expect((await db.comments.get('vk:-123456_1002'))?.pageKey).toBe('vk:-123456');
  });

  it('counts a comment seen twice once, keeps when it was first seen and takes the newest text', async () => {
    await recordSeen(db, { page, posts: [], comments: [comment(1002)] }, 1000);
    await recordSeen(db, { page: { ...page, kind: 'post', url: 'https://vk.com/wall-123456_1001' }, posts: [], comments: [comment(1002, 'исправлено')] }, 2000);
    const stored = await db.comments.get('vk:-123456_1002');
    expect(stored).toMatchObject({ firstSeen: 1000, lastSeen: 2000, text: 'исправлено' });
    const [summary] = await listPages(db);
    expect(summary).toMatchObject({ comments: 1, url: 'https://vk.com/club123456', kind: 'wall', lastSeen: 2000 });
  });

  it('leaves the database untouched when a content script sends a malformed batch', async () => {
    const dispatch = createDispatcher({ 'page/seen': (d) => recordSeen(db, d, 1) }, () => {});
    const bad = { page, posts: [], comments: [{ ...comment(1), publishedAt: 'вчера' }] };
    const reply = await dispatch({ otklik: 1, type: 'page/seen', data: bad as unknown as RequestOf<'page/seen'> });
    expect(reply.ok).toBe(false);
    expect(await db.pages.count()).toBe(0);
    expect(await db.comments.count()).toBe(0);
  });
});
