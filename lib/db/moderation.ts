import type { Evidence, ModerationEntry } from '../moderation/log';
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
