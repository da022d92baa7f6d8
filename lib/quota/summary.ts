/** The week so far, the last weeks, and the pace against the target (App. 2 §10). */
import { isSeen, seenBackTo, seenSpans, weekCount, type CountablePost } from './count';
import { DEFAULT_TARGETS } from './target';
import { daysLeftInWeek, DEFAULT_ZONE, shiftWeek, weekEndOf, weekStartOf } from './week';

export interface WeekSummary {
  weekStart: number;
  /** Exclusive: the next Monday 00:00. */
  weekEnd: number;
  count: number;
  target: number;
  /** Publications still needed to reach the target, never negative. */
  left: number;
  /** Days to the end of Sunday, today included (Monday 7 … Sunday 1). */
  daysLeft: number;
  /** Publications a day needed to reach the target, rounded up; 0 once it is met. */
  perDayNeeded: number;
  met: boolean;
  /**
   * false when the wall has not been seen back to Monday: the count is then a lower bound and the
   * user is asked to scroll.
   */
  complete: boolean;
}

export interface WeekSummaryInput {
  /** The page's posts as seen (other pages' posts must be left out by the caller). */
  posts: readonly CountablePost[];
  now: number;
  zone?: string;
  target: number;
  /** publishedAt of the oldest post seen on the wall during the current visit, pinned posts and ads aside. */
  oldestSeenAt?: number | null;
  /** The current visit scrolled the wall past Monday 00:00, or reached its end. */
  scrolledPastMonday?: boolean;
}

export function weekSummary(input: WeekSummaryInput): WeekSummary {
  const zone = input.zone ?? DEFAULT_ZONE;
  const weekStart = weekStartOf(input.now, zone);
  const weekEnd = weekEndOf(weekStart, zone);
  const count = weekCount(input.posts, weekStart, zone);
  const target = input.target;
  const left = Math.max(0, target - count);
  const daysLeft = daysLeftInWeek(input.now, zone);
  const complete =
    input.scrolledPastMonday === true ||
    (input.oldestSeenAt !== undefined && input.oldestSeenAt !== null && input.oldestSeenAt <= weekStart) ||
    seenBackTo(input.posts, weekStart, input.now);
  return {
    weekStart,
    weekEnd,
    count,
    target,
    left,
    daysLeft,
    perDayNeeded: left === 0 ? 0 : Math.ceil(left / daysLeft),
    met: count >= target,
    complete,
  };
}

export interface WeekResult {
  weekStart: number;
  count: number;
  target: number;
  met: boolean;
  /** The week that is still running. */
  current: boolean;
  /**
   * The wall was seen through the whole week (for the current week: back to its Monday as of the
   * latest visit). When false, the count is a lower bound and "missed" cannot be claimed.
   */
  known: boolean;
}

/** The last `n` weeks, oldest first; the last one is the current week. */
export function lastWeeks(
  posts: readonly CountablePost[],
  now: number,
  zone: string = DEFAULT_ZONE,
  n = 8,
  target: number = DEFAULT_TARGETS.administration,
): WeekResult[] {
  const current = weekStartOf(now, zone);
  const spans = seenSpans(posts);
  const weeks: WeekResult[] = [];
  for (let i = n - 1; i >= 0; i--) {
    const weekStart = shiftWeek(current, -i, zone);
    const count = weekCount(posts, weekStart, zone);
    const known = i === 0 ? seenBackTo(posts, weekStart, now) : isSeen(spans, weekStart, weekEndOf(weekStart, zone));
    weeks.push({ weekStart, count, target, met: count >= target, current: i === 0, known });
  }
  return weeks;
}

/** How a week shows in the overview. */
export type WeekStatus = 'met' | 'missed' | 'running' | 'unknown';

export function weekStatus(week: WeekResult): WeekStatus {
  if (week.met) return 'met';
  if (week.current) return 'running';
  return week.known ? 'missed' : 'unknown';
}

export interface DepartmentSummary {
  department: string;
  pages: number;
  /** Finished weeks that met the target, over all the department's pages. */
  weeksMet: number;
  /** Finished weeks seen whole that fell short. */
  weeksMissed: number;
  /** Finished weeks the wall was not seen through: neither met nor missed. */
  weeksUnknown: number;
}

/** Per department, sorted by name. The running week counts once met; until then it can still be met, so it is not missed. */
export function departmentSummary(rows: readonly { department: string; weeks: readonly WeekResult[] }[]): DepartmentSummary[] {
  const byDept = new Map<string, DepartmentSummary>();
  for (const row of rows) {
    const d = byDept.get(row.department) ?? { department: row.department, pages: 0, weeksMet: 0, weeksMissed: 0, weeksUnknown: 0 };
    d.pages++;
    for (const w of row.weeks) {
      if (w.current) {
        if (w.met) d.weeksMet++;
        continue;
      }
      const status = weekStatus(w);
      if (status === 'met') d.weeksMet++;
      else if (status === 'missed') d.weeksMissed++;
      else d.weeksUnknown++;
    }
    byDept.set(row.department, d);
  }
  return [...byDept.values()].sort((a, b) => a.department.localeCompare(b.department, 'ru'));
}
