/**
 * The protection checklist (App. 2 §6): two-factor authentication confirmed, and the list of the
 * page's administrators reviewed, each within the last `maxAgeDays` days. Dates are calendar dates
 * in the administration's zone, so the arithmetic is whole days with no clock involved.
 */
import { isIsoDate, type RegistryEntry } from './entry';

export const DEFAULT_MAX_AGE_DAYS = 90;

export type CheckState = 'ok' | 'overdue' | 'missing';

export interface CheckStatus {
  state: CheckState;
  /** The date of the last check, yyyy-mm-dd, or null. */
  date: string | null;
  /** Whole days from that date to today, null when there is none. */
  daysSince: number | null;
}

export interface ProtectionStatus {
  twoFactor: CheckStatus;
  admins: CheckStatus;
  /** Items that are not ok. */
  problems: number;
}

function dayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** Calendar days from `from` to `to` (both yyyy-mm-dd). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

function check(date: string | null, today: string, maxAgeDays: number): CheckStatus {
  if (date === null || !isIsoDate(date)) return { state: 'missing', date: null, daysSince: null };
  const daysSince = daysBetween(date, today);
  // A check dated after today is a typing error; it does not prove the page is protected.
  if (daysSince < 0) return { state: 'missing', date, daysSince };
  return { state: daysSince > maxAgeDays ? 'overdue' : 'ok', date, daysSince };
}

/** `today` is the administration's calendar date, yyyy-mm-dd (see isoDateIn in lib/quota/week). */
export function protectionStatus(
  entry: Pick<RegistryEntry, 'twoFactorConfirmedAt' | 'adminsReviewedAt'>,
  today: string,
  maxAgeDays = DEFAULT_MAX_AGE_DAYS,
): ProtectionStatus {
  const twoFactor = check(entry.twoFactorConfirmedAt, today, maxAgeDays);
  const admins = check(entry.adminsReviewedAt, today, maxAgeDays);
  const problems = [twoFactor, admins].filter((c) => c.state !== 'ok').length;
  return { twoFactor, admins, problems };
}

/** Checklist items overdue or never done, over all entries: the number on the toolbar badge. */
export function overdueCount(
  entries: readonly Pick<RegistryEntry, 'twoFactorConfirmedAt' | 'adminsReviewedAt'>[],
  today: string,
  maxAgeDays = DEFAULT_MAX_AGE_DAYS,
): number {
  return entries.reduce((n, e) => n + protectionStatus(e, today, maxAgeDays).problems, 0);
}
