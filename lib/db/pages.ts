import type { RequestOf, ResponseOf } from '../messaging/protocol';
import { pageKeyOf } from '../sites/types';
import type { CommentRecord, OtklikDB, PageRecord, PostRecord } from './schema';


/**
 * Stores one batch a content script saw, in one transaction. Records already known keep their
 * firstSeen; the rest is refreshed (a comment edited on the site is stored as last seen).
 */
export async function recordSeen(
  db: OtklikDB,
  batch: RequestOf<'page/seen'>,
  now: number,
): Promise<ResponseOf<'page/seen'>> {
  const pageKey = pageKeyOf(batch.page);
  await db.transaction('rw', db.pages, db.posts, db.comments, async () => {
    const oldPage = await db.pages.get(pageKey);
    const page: PageRecord = {
      ...batch.page,
      key: pageKey,
      name: batch.page.name ?? oldPage?.name ?? null,
      // A single post's page says less about the page than its wall does: keep the wall's address.
      url: oldPage && batch.page.kind !== 'wall' ? oldPage.url : batch.page.url,
      kind: oldPage && batch.page.kind !== 'wall' ? oldPage.kind : batch.page.kind,
      firstSeen: oldPage?.firstSeen ?? now,
      lastSeen: now,
    };
    await db.pages.put(page);

    const postKeys = batch.posts.map((p) => `${p.site}:${p.id}`);
    const oldPosts = await db.posts.bulkGet(postKeys);
    const posts: PostRecord[] = batch.posts.map((p, i) => ({
      ...p,
      key: postKeys[i]!,
      pageKey,
      firstSeen: oldPosts[i]?.firstSeen ?? now,
      lastSeen: now,
    }));
    await db.posts.bulkPut(posts);

    const commentKeys = batch.comments.map((c) => `${c.site}:${c.id}`);
    const oldComments = await db.comments.bulkGet(commentKeys);
    const comments: CommentRecord[] = batch.comments.map((c, i) => ({
      ...c,
      key: commentKeys[i]!,
      pageKey,
      firstSeen: oldComments[i]?.firstSeen ?? now,
      lastSeen: now,
    }));
    await db.comments.bulkPut(comments);
  });
  return { pageKey, posts: batch.posts.length, comments: batch.comments.length };
}

export interface PageSummary extends PageRecord {
  posts: number;
  comments: number;
}

/** Pages seen, most recent first, with how many posts and comments are stored for each. */
export async function listPages(db: OtklikDB): Promise<PageSummary[]> {
  const pages = await db.pages.orderBy('lastSeen').reverse().toArray();
  return Promise.all(
    pages.map(async (p) => ({
      ...p,
      posts: await db.posts.where('pageKey').equals(p.key).count(),
      comments: await db.comments.where('pageKey').equals(p.key).count(),
    })),
  );
}
