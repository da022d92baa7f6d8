/**
 * What the background does with a page's batch for publications, after it is stored (lib/db/pages):
 * the footers' figures go into their time series, the wall's looks are kept for the registry's
 * check (§12), and posts of a registered page are linked to the approved requests meant for it.
 */
import { linkSeenPosts, recordPageLooks, recordPostStats } from '../db/publications';
import type { OtklikDB } from '../db/schema';
import type { RequestOf } from '../protocol';
import { pageKeyOf, postKeyOf } from '../sites/types';
import type { PubActor } from './schema';

export async function publicationsSeen(db: OtklikDB, batch: RequestOf<'page/seen'>, actor: PubActor, now: number): Promise<{ figures: number; linked: string[] }> {
  const pageKey = pageKeyOf(batch.page);
  if (batch.page.looks) await recordPageLooks(db, { pageKey, at: now, ...batch.page.looks });
  const own = batch.posts.filter((p) => !p.foreign);
  const figures = await recordPostStats(
    db,
    own.flatMap((p) => (p.figures ? [{ postKey: postKeyOf(p), pageKey, at: now, ...p.figures }] : [])),
  );
  const linked = await linkSeenPosts(
    db,
    pageKey,
    own.map((p) => ({ key: postKeyOf(p), text: p.text, publishedAt: p.publishedAt, permalink: p.permalink })),
    actor,
    now,
  );
  return { figures, linked };
}
