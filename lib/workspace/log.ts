/**
 * The moderation log's area: the comments flagged on pages and waiting for a moderator, the log of
 * what was done, the two acts on a flagged comment (deleted by hand; not a violation, which also
 * allows the comment from then on) and the log's CSV.
 */
import { listFlagged } from '../db/flagged';
import { liveSignal } from '../db/live';
import { listModeration, recordDeleted, recordNotViolation } from '../db/moderation';
import { allow } from '../moderation/allowlist';
import { logToCsv, type ModerationEntry } from '../moderation/log';
import type { FlaggedComment } from '../moderation/queue';
import type { Session } from './session';

export function logModel(session: Session) {
  const { db } = session;
  return {
    entries: liveSignal(() => listModeration(db), null),
    flagged: liveSignal(() => listFlagged(db), null),
    async deleted(e: FlaggedComment) {
      await recordDeleted(db, e, 'manual', session.me.value.name, session.at());
    },
    async notViolation(e: FlaggedComment) {
      await allow({ commentKey: e.commentKey });
      await recordNotViolation(db, e, 'comment', session.me.value.name, session.at());
    },
    exportCsv(entries: ModerationEntry[]) {
      session.save({ name: `otklik-moderation-${session.stamp()}.csv`, text: logToCsv(entries, session.zone.value) });
    },
  };
}
