/** The week so far, the last weeks, and the pace against the target (App. 2 §10). */
import { wallSeenOf, weekCount, weekCoverage, type CountablePost, type Coverage } from './count';
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
  /** How much of the week so far the wall was seen through; 'none' when nobody opened it this week. */
  coverage: Coverage;
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
  const visitWhole =
    input.scrolledPastMonday === true ||
    (input.oldestSeenAt !== undefined && input.oldestSeenAt !== null && input.oldestSeenAt <= weekStart);
  const stored = weekCoverage(input.posts, weekStart, input.now, zone);
  // A visit that saw this week's posts saw part of the week even before they are stored.
  const visitPart = input.oldestSeenAt !== undefined && input.oldestSeenAt !== null;
  const coverage: Coverage = visitWhole ? 'whole' : stored === 'none' && visitPart ? 'part' : stored;
  return {
    weekStart,
    weekEnd,
    count,
    target,
    left,
    daysLeft,
    perDayNeeded: left === 0 ? 0 : Math.ceil(left / daysLeft),
    met: count >= target,
    complete: coverage === 'whole',
    coverage,
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
   * How much of the week the wall was seen through (for the current week: back to its Monday as of
   * the latest visit). Short of 'whole' the count is a lower bound and "missed" cannot be claimed;
   * at 'none' there is no count at all.
   */
  coverage: Coverage;
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
  const wall = wallSeenOf(posts);
  const weeks: WeekResult[] = [];
  for (let i = n - 1; i >= 0; i--) {
    const weekStart = shiftWeek(current, -i, zone);
    const count = weekCount(posts, weekStart, zone);
    weeks.push({ weekStart, count, target, met: count >= target, current: i === 0, coverage: wall.coverage(weekStart, now, zone) });
  }
  return weeks;
}

/**
 * How a week shows in the overview. A met target is met whatever was seen (the publications are
 * there); short of it, a week nobody saw has no data, one seen in part has a lower bound.
 */
export type WeekStatus = 'met' | 'missed' | 'running' | 'partial' | 'nodata';

export function weekStatus(week: Pick<WeekResult, 'met' | 'current' | 'coverage'>): WeekStatus {
  if (week.met) return 'met';
  if (week.coverage === 'none') return 'nodata';
  if (week.current) return 'running';
  return week.coverage === 'whole' ? 'missed' : 'partial';
}

export interface DepartmentSummary {
  department: string;
  pages: number;
  /** Finished weeks that met the target, over all the department's pages (and running weeks already met). */
  weeksMet: number;
  /** Finished weeks seen whole that fell short. */
  weeksMissed: number;
  /** Finished weeks the wall was seen through in part only: neither met nor missed. */
  weeksPartial: number;
  /** Finished weeks nobody saw on the wall: neither met nor missed. */
  weeksNoData: number;
  /** Pages with no data in any of the weeks shown: their wall was never opened over them. */
  pagesNoData: number;
}

/**
 * Per department, sorted by name. The running week counts once met; until then it can still be met,
 * so it is not missed. Weeks without data never count as met or missed: they are counted apart.
 */
export function departmentSummary(rows: readonly { department: string; weeks: readonly WeekResult[] }[]): DepartmentSummary[] {
  const byDept = new Map<string, DepartmentSummary>();
  for (const row of rows) {
    const d = byDept.get(row.department) ?? {
      department: row.department,
      pages: 0,
      weeksMet: 0,
      weeksMissed: 0,
      weeksPartial: 0,
      weeksNoData: 0,
      pagesNoData: 0,
    };
    d.pages++;
    const statuses = row.weeks.map(weekStatus);
    if (statuses.length > 0 && statuses.every((s) => s === 'nodata')) d.pagesNoData++;
    row.weeks.forEach((w, i) => {
      const status = statuses[i];
      if (w.current && status !== 'met') return;
      if (status === 'met') d.weeksMet++;
      else if (status === 'missed') d.weeksMissed++;
      else if (status === 'partial') d.weeksPartial++;
      else d.weeksNoData++;
    });
    byDept.set(row.department, d);
  }
  return [...byDept.values()].sort((a, b) => a.department.localeCompare(b.department, 'ru'));
}
