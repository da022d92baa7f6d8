import type { RequestOf, ResponseOf } from '../protocol';
import { commentKeyOf, pageKeyOf, type Site } from '../sites/types';
import type { EntityTable, IDType } from 'dexie';
import type { OtklikDB, PageRecord } from './schema';


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

    // Only the wall (VK) or feed (OK) shows what was published around a post (lib/quota/count).
    const onWall = batch.page.kind === 'wall';
    await putSeen(db.posts, batch.posts, pageKey, now, (old) => ({
      wallSeen: onWall ? { first: old?.wallSeen?.first ?? now, last: now } : (old?.wallSeen ?? null),
    }));
    await putSeen(db.comments, batch.comments, pageKey, now);
  });
  return { pageKey, posts: batch.posts.length, comments: batch.comments.length };
}

/** Stores posts or comments as seen now; one seen before keeps when it was first seen. */
async function putSeen<R extends Seen & { site: Site; id: string }>(
  table: EntityTable<R, 'key'>,
  items: readonly Omit<R, keyof Seen>[],
  pageKey: string,
  now: number,
  more: (old: R | undefined) => Partial<R> = () => ({}),
): Promise<void> {
  const keys = items.map((x) => commentKeyOf(x as { site: Site; id: string }));
  const old = await table.bulkGet(keys as IDType<R, 'key'>[]);
  await table.bulkPut(items.map((x, i) => ({ ...x, key: keys[i]!, pageKey, firstSeen: old[i]?.firstSeen ?? now, lastSeen: now, ...more(old[i]) }) as R));
}

type Seen = { key: string; pageKey: string; firstSeen: number; lastSeen: number };

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
