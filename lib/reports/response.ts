/**
 * How fast units answer: working minutes from access (T0) to the first publication, per unit, and
 * the share published by the §6 deadline. A message counts in the period it was answered in.
 */
import type { MessageRecord } from '../messages/types';
import { dueAfter } from '../workflow/deadlines';
import type { MessageState } from '../workflow/reducer';
import { replayed } from './missed';
import { deadlineSpan } from '../workflow/table';
import type { WorkClock } from '../worktime/clock';
import { inPeriod, type Period } from './format';

export interface ResponseRow {
  department: string;
  /** Answered (first publication) in the period. */
  published: number;
  onTime: number;
  /** onTime / published; null when nothing was published. */
  onTimeShare: number | null;
  /** Working minutes; null when nothing was published. */
  median: number | null;
  p90: number | null;
  /** Received in the period and still without a publication now. */
  unanswered: number;
}

export interface ResponseTimesReport {
  period: Period;
  departments: ResponseRow[];
  total: ResponseRow;
}

export const NO_DEPARTMENT = 'без исполнителя';
export const ALL_DEPARTMENTS = 'Все подразделения';

/** Median: the middle value, or the mean of the two middle ones. */
export function median(sorted: readonly number[]): number | null {
  const n = sorted.length;
  if (!n) return null;
  const mid = Math.floor(n / 2);
  return n % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Nearest rank: the smallest value with at least p % of the values at or below it. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (!sorted.length) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

function rowOf(department: string, minutes: number[], onTime: number, unanswered: number): ResponseRow {
  const sorted = minutes.slice().sort((a, b) => a - b);
  return {
    department,
    published: sorted.length,
    onTime,
    onTimeShare: sorted.length ? onTime / sorted.length : null,
    median: median(sorted),
    p90: percentile(sorted, 90),
    unanswered,
  };
}

/** Response times built message by message (see missedCollector): `add` each message with its state, then `result`. */
export function responseCollector(clock: WorkClock, period: Period) {
  const byDept = new Map<string, { minutes: number[]; onTime: number; unanswered: number }>();
  const all = { minutes: [] as number[], onTime: 0, unanswered: 0 };
  const acc = (d: string) => {
    let a = byDept.get(d);
    if (!a) byDept.set(d, (a = { minutes: [], onTime: 0, unanswered: 0 }));
    return a;
  };
  return {
    add(r: MessageRecord, replayed: { ok: true; state: MessageState } | { ok: false }) {
      if (!replayed.ok) return;
      const { state } = replayed;
      // The first reply stops the §6 clock, intermediate or final (App. 1 §6, §11).
      const published = r.events.find((e) => e.type === 'published');
      const dept = state.responsible?.department ?? NO_DEPARTMENT;
      if (!published) {
        if (state.status !== 'notProcessed' && inPeriod(state.receivedAt, period)) {
          acc(dept).unanswered++;
          all.unanswered++;
        }
        return;
      }
      if (!inPeriod(published.at, period)) return;
      let minutes: number;
      let due: number | null;
      try {
        minutes = clock.workingMinutesBetween(state.receivedAt, published.at);
        due = dueAfter(clock, state.receivedAt, deadlineSpan('replyDeadline', state.importance));
      } catch {
        // A date outside the production calendar: not a response time anyone can read (see missed.ts).
        return;
      }
      const onTime = due !== null && published.at <= due ? 1 : 0;
      const a = acc(dept);
      a.minutes.push(minutes);
      a.onTime += onTime;
      all.minutes.push(minutes);
      all.onTime += onTime;
    },
    result(): ResponseTimesReport {
      const departments = [...byDept.entries()]
        .map(([d, a]) => rowOf(d, a.minutes, a.onTime, a.unanswered))
        .sort((a, b) => a.department.localeCompare(b.department, 'ru'));
      return { period, departments, total: rowOf(ALL_DEPARTMENTS, all.minutes, all.onTime, all.unanswered) };
    },
  };
}

export function responseTimes(records: readonly MessageRecord[], clock: WorkClock, period: Period): ResponseTimesReport {
  const c = responseCollector(clock, period);
  for (const r of records) c.add(r, replayed(r));
  return c.result();
}
