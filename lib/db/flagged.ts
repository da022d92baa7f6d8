import type { Evidence } from '../moderation/log';
import type { FlaggedComment } from '../moderation/queue';
import type { OtklikDB } from './schema';

/**
 * What a page showed flagged, into the queue; comments the page now shows unflagged (an allowed
 * word, a changed setting) leave it. One already handled in the log does not come back.
 */
export async function recordFlagged(db: OtklikDB, items: readonly Evidence[], cleared: readonly string[], at: number): Promise<{ stored: number }> {
  return db.transaction('rw', db.flagged, db.moderation, async () => {
    if (cleared.length) await db.flagged.bulkDelete([...cleared]);
    const keys = items.map((e) => e.commentKey);
    const [known, deleted, allowed] = await Promise.all([
      db.flagged.bulkGet(keys),
      db.moderation.where('[commentKey+action]').anyOf(keys.map((k) => [k, 'deleted'])).primaryKeys(),
      db.moderation.where('[commentKey+action]').anyOf(keys.map((k) => [k, 'not-violation'])).toArray(),
    ]);
    const handled = new Set<string>(allowed.map((e) => e.commentKey));
    if (deleted.length) for (const e of await db.moderation.bulkGet(deleted)) if (e) handled.add(e.commentKey);
    const rows: FlaggedComment[] = [];
    items.forEach((e, i) => {
      if (handled.has(e.commentKey)) return;
      rows.push({ ...e, firstSeen: known[i]?.firstSeen ?? at, lastSeen: at });
    });
    await db.flagged.bulkPut(rows);
    return { stored: rows.length };
  });
}

/** The queue, oldest first. */
export function listFlagged(db: OtklikDB, limit = 5000): Promise<FlaggedComment[]> {
  return db.flagged.orderBy('firstSeen').limit(limit).toArray();
}
