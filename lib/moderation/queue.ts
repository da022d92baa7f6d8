/**
 * The moderators' queue (Reddit Moderator Toolbox's mod queue): comments flagged on any page and
 * not yet handled, so nobody has to revisit every page. It is a view of what the pages showed; the
 * moderation log stays the record of what was done.
 */
import type { Evidence } from './log';

export interface FlaggedComment extends Evidence {
  /** When a page first showed it flagged, and last did. */
  firstSeen: number;
  lastSeen: number;
}

/** How long it has waited, in the words of a queue: «5 мин», «3 ч», «2 дн.». */
export function waitedText(since: number, now: number): string {
  const minutes = Math.max(0, Math.floor((now - since) / 60_000));
  if (minutes < 1) return 'только что';
  if (minutes < 60) return `${minutes} мин`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} ч`;
  return `${Math.floor(hours / 24)} дн.`;
}
