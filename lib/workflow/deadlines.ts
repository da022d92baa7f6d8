import type { Instant } from '../worktime/civil';
import type { WorkClock } from '../worktime/clock';
import { DEADLINE_TABLE, deadlineSpan, type DeadlineName, type DeadlineSpan, type Importance } from './table';
import { replay, type MessageState, type Obligation, type Party } from './reducer';
import type { MessageEvent } from './schema';

/**
 * - open: still to be met, and not yet due;
 * - met / late: done in time / after the deadline (late is a §18 violation);
 * - missed: not done and the deadline has passed (a §18 violation);
 * - expired: a window (§5) that passed unused, which is no violation;
 * - awaitingDate: §11 for high importance, until the curator enters the date.
 */
export type DeadlineStatusKind = 'open' | 'met' | 'late' | 'missed' | 'expired' | 'awaitingDate';

export interface DeadlineStatus {
  name: DeadlineName;
  clause: string;
  title: string;
  startedAt: number;
  /** Null only while awaiting the curator's date (§11). */
  due: number | null;
  status: DeadlineStatusKind;
  completedAt?: number;
  /** Who answers for it: the named party, or whoever held the message when it fell due. */
  responsible: Party;
  /** Working minutes from now to the deadline; negative once it has passed. */
  minutesLeft?: number;
}

export interface DeadlineReport {
  now: number;
  /** Deadlines still to be met, overdue ones included, soonest first (awaiting a date last). */
  applicable: DeadlineStatus[];
  next?: DeadlineStatus;
  /** Working minutes to `next`, the soonest deadline not yet passed. */
  minutesLeft?: number;
  /** Every deadline already broken (§18), with who was responsible, earliest first. */
  violations: DeadlineStatus[];
  /** Everything, cancelled obligations excepted, in order of start. */
  all: DeadlineStatus[];
}

/** When a deadline started at `from` falls, for the message's importance. */
export function dueAfter(clock: WorkClock, from: Instant, span: DeadlineSpan, curatorDate?: number): number | null {
  if ('minutes' in span) return clock.addWorkingMinutes(from, span.minutes);
  if ('workingDays' in span) return clock.addWorkingDays(from, span.workingDays);
  return curatorDate ?? null;
}

/** §4.4, §7, §6 from T0 alone: what the card shows as soon as a message is registered. */
export function initialDeadlines(
  clock: WorkClock,
  receivedAt: Instant,
  importance: Importance,
): { routeDeadline: number; draftDeadline: number; replyDeadline: number } {
  const at = (name: 'routeDeadline' | 'draftDeadline' | 'replyDeadline') =>
    clock.addWorkingMinutes(receivedAt, (deadlineSpan(name, importance) as { minutes: number }).minutes);
  return { routeDeadline: at('routeDeadline'), draftDeadline: at('draftDeadline'), replyDeadline: at('replyDeadline') };
}

function holderAt(state: MessageState, t: number): Party {
  let party = state.custody[0]!.party;
  for (const c of state.custody) {
    if (c.from > t) break;
    party = c.party;
  }
  return party;
}

/** Who held the message just before `t`: for a duty met at `t`, whoever met it (custody moves at that very instant). */
function holderBefore(state: MessageState, t: number): Party {
  let party = state.custody[0]!.party;
  for (const c of state.custody) {
    if (c.from >= t) break;
    party = c.party;
  }
  return party;
}

/**
 * Who answers for a deadline that counts from T0 (§6, §7): met — whoever did it (the unit that sent
 * the draft, not the curator who got it); otherwise whoever held the message when it fell due, or
 * holds it now while it is still open.
 */
function holderFor(state: MessageState, status: DeadlineStatusKind, completedAt: number | undefined, due: number | null, now: number): Party {
  if (status === 'met' && completedAt !== undefined) return holderBefore(state, completedAt);
  return holderAt(state, due ?? now);
}

function statusOf(o: Obligation, due: number | null, now: number): DeadlineStatusKind {
  const window = DEADLINE_TABLE[o.name].kind === 'window';
  if (o.completedAt !== undefined) return due === null || o.completedAt <= due ? 'met' : 'late';
  if (due === null) return 'awaitingDate';
  if (now <= due) return 'open';
  return window ? 'expired' : 'missed';
}

/**
 * Every deadline of a message at `now`: what applies, what is next, and what was missed.
 * Durations follow the message's current importance: the curator sets it (§4.2), and a change
 * re-times the whole message rather than mixing two tables.
 */
export function deadlineReport(state: MessageState, clock: WorkClock, now: Instant): DeadlineReport {
  const nowMs = typeof now === 'number' ? now : now.getTime();
  const all: DeadlineStatus[] = [];
  for (const o of state.obligations) {
    if (o.cancelledAt !== undefined) continue;
    const rule = DEADLINE_TABLE[o.name];
    const due = dueAfter(clock, o.startedAt, rule[state.importance], state.finalReplyDue);
    const status = statusOf(o, due, nowMs);
    const responsible = o.party === 'holder' ? holderFor(state, status, o.completedAt, due, nowMs) : o.party;
    const item: DeadlineStatus = { name: o.name, clause: rule.clause, title: rule.title, startedAt: o.startedAt, due, status, responsible };
    if (o.completedAt !== undefined) item.completedAt = o.completedAt;
    if ((status === 'open' || status === 'missed') && due !== null) item.minutesLeft = clock.workingMinutesBetween(nowMs, due);
    all.push(item);
  }
  const applicable = all
    .filter((d) => d.status === 'open' || d.status === 'missed' || d.status === 'awaitingDate')
    .sort((a, b) => (a.due ?? Infinity) - (b.due ?? Infinity));
  const violations = all.filter((d) => d.status === 'late' || d.status === 'missed').sort((a, b) => a.due! - b.due!);
  const next = applicable.find((d) => d.status === 'open');
  const report: DeadlineReport = { now: nowMs, applicable, violations, all };
  if (next) {
    report.next = next;
    report.minutesLeft = next.minutesLeft!;
  }
  return report;
}

/** The report straight from a stored history (throws WorkflowError on an impossible one). */
export function deadlinesOf(events: readonly MessageEvent[], clock: WorkClock, now: Instant): DeadlineReport {
  return deadlineReport(replay(events), clock, now);
}
