import type { Evidence, ModerationEntry, SharedEntry } from '../moderation/log';
import type { OtklikDB } from './schema';

/**
 * Records that a comment was deleted. The same comment is recorded once: the site may show the
 * deletion again after a reload, and a moderator may click «Удалено» before the site removes it.
 */
export async function recordDeleted(
  db: OtklikDB,
  evidence: Evidence,
  how: ModerationEntry['how'],
  recordedBy: string,
  at: number,
): Promise<{ id: number; duplicate: boolean }> {
  return db.transaction('rw', db.moderation, db.flagged, async () => {
    // Handled: it leaves the moderators' queue.
    await db.flagged.delete(evidence.commentKey);
    const existing = await db.moderation.where('[commentKey+action]').equals([evidence.commentKey, 'deleted']).first();
    if (existing?.id !== undefined) return { id: existing.id, duplicate: true };
    const id = await db.moderation.add({ ...evidence, action: 'deleted', how, scope: null, at, recordedBy });
    return { id: id as number, duplicate: false };
  });
}

export async function recordNotViolation(
  db: OtklikDB,
  evidence: Evidence,
  scope: 'comment' | 'word',
  recordedBy: string,
  at: number,
): Promise<number> {
  return db.transaction('rw', db.moderation, db.flagged, async () => {
    await db.flagged.delete(evidence.commentKey);
    return (await db.moderation.add({ ...evidence, action: 'not-violation', how: 'manual', scope, at, recordedBy })) as number;
  });
}

/** Newest first. */
export function listModeration(db: OtklikDB, limit = 5000): Promise<ModerationEntry[]> {
  return db.moderation.orderBy('at').reverse().limit(limit).toArray();
}

/** The same log entry on every computer: one action on one comment at one instant. */
export const entryIdentity = (e: Pick<ModerationEntry, 'commentKey' | 'action' | 'at'>) => `${e.commentKey}\u0000${e.action}\u0000${e.at}`;

/**
 * Entries from the team stream (another moderator's deletion or «Не нарушение»), in one transaction:
 * one already here (the same identity) is not added again; the comment leaves this moderator's
 * queue, as it would had they acted on it. Kept with `team: true`, so they are not sent up again.
 */
export async function applySharedEntries(db: OtklikDB, entries: readonly SharedEntry[]): Promise<number> {
  if (!entries.length) return 0;
  return db.transaction('rw', db.moderation, db.flagged, async () => {
    const keys = [...new Set(entries.map((e) => e.commentKey))];
    const known = new Set((await db.moderation.where('commentKey').anyOf(keys).toArray()).map(entryIdentity));
    const fresh: ModerationEntry[] = [];
    for (const e of entries) {
      const id = entryIdentity(e);
      if (known.has(id)) continue;
      known.add(id);
      fresh.push({ ...e, team: true });
    }
    await db.flagged.bulkDelete(keys);
    await db.moderation.bulkAdd(fresh);
    return fresh.length;
  });
}

/** This computer's own entries after `afterId`, oldest first, at most `limit` (what waits for the team server). */
export async function ownEntriesAfter(db: OtklikDB, afterId: number, limit: number): Promise<ModerationEntry[]> {
  return db.moderation.where(':id').above(afterId).filter((e) => !e.team).limit(limit).toArray();
}
