/**
 * The queue's pure logic over summary rows: filters, search, sort, urgency and the countdown text
 * («ответ до 16:45, осталось 1 ч 20 мин»), and what a bulk act on the selection does. Time is
 * working time (App. 1 §2.2), so «30 minutes» and «1 ч 20 мин» count only the administration's
 * working hours.
 */
import type { MessageState } from '../workflow/reducer';
import type { Actor, Assignee, MessageEvent, NotProcessedReason } from '../workflow/schema';
import type { DeadlineName, Importance } from '../workflow/table';
import { FINAL_STATUSES, TRANSITIONS, type MessageStatus } from '../workflow/transitions';
import { formatInZone } from '../worktime/civil';
import type { WorkClock } from '../worktime/clock';
import type { MessageRecord, MessageSummary } from './types';
import type { Site } from '../sites/types';
import { fold } from '../text';

/** Due within this many working minutes: amber in the queue and on the badge. */
export const SOON_MINUTES = 30;

export type Urgency = 'overdue' | 'soon' | 'ok' | 'none';

export type StatusGroup = 'open' | 'overdue' | 'soon' | 'final' | 'all';

export interface QueueFilter {
  group?: StatusGroup;
  /** Only these states (null or absent: any); combines with `group`. */
  statuses?: readonly MessageStatus[] | null;
  /** 'all' or absent: either importance. */
  importance?: Importance | 'all';
  /** A unit: messages where it is the responsible executor or a co-executor ('' or absent: any). */
  department?: string;
  significantOnly?: boolean;
  /** The same as significantOnly, under the name the queue view uses. */
  sociallySignificant?: boolean;
  site?: Site;
  /** Words to find in author, text, topic, location or units; every word must occur. */
  search?: string;
  /** Needed by the 'overdue' and 'soon' groups. */
  now?: number;
  clock?: WorkClock;
}

/** 'nextDue' is the same as 'next', under the name the queue view uses. */
export type QueueSort = 'next' | 'nextDue' | 'received' | 'updated';

/**
 * The instants that split urgency for a given «now»: a due at or before `soonUntil` is at most 30
 * working minutes away. Past the 30th minute's instant, a due in the non-working gap right after it
 * is still exactly 30 minutes away, so the bound extends to the next working instant.
 */
export interface UrgencyBounds {
  now: number;
  soonUntil: number;
}

export function urgencyBounds(now: number, clock: WorkClock): UrgencyBounds {
  const limit = clock.addWorkingMinutes(now, SOON_MINUTES);
  return { now, soonUntil: Math.max(limit, clock.nextWorkingInstant(limit)) };
}

function urgencyOf(due: number | null, b: UrgencyBounds): Urgency {
  if (due === null) return 'none';
  // At the deadline itself it is not yet missed (as in the deadline report).
  if (due < b.now) return 'overdue';
  return due <= b.soonUntil ? 'soon' : 'ok';
}

/** Overdue (red), due within 30 working minutes (amber), fine, or nothing due. */
export function urgency(row: Pick<MessageSummary, 'nextDue'>, now: number, clock: WorkClock): Urgency {
  if (row.nextDue === null) return 'none';
  if (row.nextDue < now) return 'overdue';
  return clock.workingMinutesBetween(now, row.nextDue) <= SOON_MINUTES ? 'soon' : 'ok';
}

// ---------------------------------------------------------------------------------------------
// Search

/** Lower case and «ё» as «е»: people type «еж» for «ёж». */
export function foldForSearch(s: string): string {
  return fold(s);
}

/** Rows are replaced, never edited, when a message changes; so a row's haystack is built once. */
const haystacks = new WeakMap<MessageSummary, string>();

function haystackOf(row: MessageSummary): string {
  let h = haystacks.get(row);
  if (h === undefined) {
    h = foldForSearch([row.author, row.snippet, row.topic, row.location, row.department, ...row.coDepartments].join('\n'));
    haystacks.set(row, h);
  }
  return h;
}

function searchWords(search: string | undefined): string[] {
  return search ? foldForSearch(search).split(/\s+/).filter(Boolean) : [];
}

const FINAL = new Set<string>(FINAL_STATUSES);

/** The rows that pass every filter given, in their order; one pass, cheap checks first. */
export function filterQueue(rows: readonly MessageSummary[], filter: QueueFilter): MessageSummary[] {
  const group = filter.group ?? 'all';
  let bounds: UrgencyBounds | null = null;
  if (group === 'overdue' || group === 'soon') {
    if (filter.now === undefined || !filter.clock) throw new RangeError(`для отбора «${group}» нужны текущее время и рабочий календарь`);
    bounds = urgencyBounds(filter.now, filter.clock);
  }
  const words = searchWords(filter.search);
  const { site } = filter;
  const importance = filter.importance === 'all' ? undefined : filter.importance;
  const department = filter.department || undefined;
  const significantOnly = filter.significantOnly || filter.sociallySignificant;
  const statuses = filter.statuses ? new Set<string>(filter.statuses) : null;
  const out: MessageSummary[] = [];
  for (const row of rows) {
    if (site !== undefined && row.site !== site) continue;
    if (importance !== undefined && row.importance !== importance) continue;
    if (significantOnly && !row.sociallySignificant) continue;
    if (department !== undefined && row.department !== department && !row.coDepartments.includes(department)) continue;
    if (statuses && !statuses.has(row.status)) continue;
    if (group === 'open' && FINAL.has(row.status)) continue;
    if (group === 'final' && !FINAL.has(row.status)) continue;
    if (bounds && urgencyOf(row.nextDue, bounds) !== group) continue;
    if (words.length) {
      const h = haystackOf(row);
      if (!words.every((w) => h.includes(w))) continue;
    }
    out.push(row);
  }
  return out;
}

/**
 * A sorted copy. 'next': the soonest deadline first (missed ones are the soonest), rows with
 * nothing due last; 'received' and 'updated': the newest first. Ties keep their order.
 */
export function sortQueue(rows: readonly MessageSummary[], by: QueueSort): MessageSummary[] {
  const copy = rows.slice();
  // Infinity − Infinity is NaN: two rows with nothing due are a tie.
  if (by === 'next' || by === 'nextDue') copy.sort((a, b) => (a.nextDue ?? Infinity) - (b.nextDue ?? Infinity) || 0);
  else if (by === 'received') copy.sort((a, b) => b.receivedAt - a.receivedAt);
  else copy.sort((a, b) => b.updatedAt - a.updatedAt);
  return copy;
}

/** Filter, then sort what is left. */
export function queryQueue(rows: readonly MessageSummary[], filter: QueueFilter, by: QueueSort): MessageSummary[] {
  return sortQueue(filterQueue(rows, filter), by);
}

// ---------------------------------------------------------------------------------------------
// Texts

/** What is due, in the words of the badge: «ответ до 16:45». */
export const DEADLINE_NOUNS: Record<DeadlineName, string> = {
  routeDeadline: 'направить до',
  returnDeadline: 'вернуть до',
  draftDeadline: 'проект до',
  replyDeadline: 'ответ до',
  approvalDeadline: 'согласовать до',
  revisionDeadline: 'доработать до',
  publicationDeadline: 'ответ до',
  finalReplyDeadline: 'окончательный проект до',
  coExecutorInformationDeadline: 'информация до',
  jointDraftDeadline: 'общий проект до',
};

/** Working minutes as hours and minutes: «1 ч 20 мин», «45 мин», «2 ч». Rounded to the minute; the sign is dropped. */
export function formatWorkingDuration(minutes: number): string {
  if (!Number.isFinite(minutes)) throw new RangeError(`длительность должна быть числом, а не ${minutes}`);
  const total = Math.round(Math.abs(minutes));
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (h === 0) return `${m} мин`;
  return m === 0 ? `${h} ч` : `${h} ч ${m} мин`;
}

/** «16:45» today, «17.09 11:45» another day, «17.09.2026 11:45» another year (all in `zone`). */
export function formatDue(due: number, now: number, zone: string): string {
  const d = formatInZone(due, zone);
  const n = formatInZone(now, zone);
  const time = d.slice(11, 16);
  if (d.slice(0, 10) === n.slice(0, 10)) return time;
  const date = `${d.slice(8, 10)}.${d.slice(5, 7)}`;
  return d.slice(0, 4) === n.slice(0, 4) ? `${date} ${time}` : `${date}.${d.slice(0, 4)} ${time}`;
}

/**
 * The countdown of one deadline: «ответ до 16:45, осталось 1 ч 20 мин», or once missed «ответ до
 * 16:45, просрочено на 25 мин». Minutes left round up (the last seconds still read «1 мин»);
 * overdue minutes round down, and a deadline missed only in non-working time reads «просрочено».
 */
export function countdownText(name: DeadlineName, due: number, now: number, clock: WorkClock, zone: string = clock.zone): string {
  const head = `${DEADLINE_NOUNS[name]} ${formatDue(due, now, zone)}`;
  if (due < now) {
    const over = Math.floor(clock.workingMinutesBetween(due, now));
    return over >= 1 ? `${head}, просрочено на ${formatWorkingDuration(over)}` : `${head}, просрочено`;
  }
  const left = clock.workingMinutesBetween(now, due);
  const text = left < 1 ? `${head}, осталось меньше минуты` : `${head}, осталось ${formatWorkingDuration(Math.ceil(left))}`;
  // At night or on a day off «осталось 30 мин» would read as real minutes: say when the count resumes.
  return clock.isWorkingTime(now) ? text : `${text} раб. времени, с ${formatDue(clock.nextWorkingInstant(now), now, zone)}`;
}

/** The row's next deadline as a countdown; null when nothing is due. */
export function rowCountdown(row: Pick<MessageSummary, 'nextDue' | 'nextName'>, now: number, clock: WorkClock, zone: string = clock.zone): string | null {
  if (row.nextDue === null) return null;
  return countdownText(row.nextName ?? 'replyDeadline', row.nextDue, now, clock, zone);
}

// ---------------------------------------------------------------------------------------------
// Numbers

const COUNT = new Intl.NumberFormat('ru-RU');

/** «20 000»: thousands apart, as Russian text writes them. */
export function formatCount(n: number): string {
  return COUNT.format(n);
}

// ---------------------------------------------------------------------------------------------
// Selection and bulk acts (the curator routing a morning's import at once)

/**
 * `selection` with the ids from `ids[from]` to `ids[to]` (either order, both included) all put in
 * (`on`) or all taken out: a Shift+click on a checkbox gives the whole range the clicked box's state.
 */
export function selectRange(selection: ReadonlySet<string>, ids: readonly string[], from: number, to: number, on: boolean): Set<string> {
  const next = new Set(selection);
  const lo = Math.max(0, Math.min(from, to));
  const hi = Math.min(ids.length - 1, Math.max(from, to));
  for (let i = lo; i <= hi; i++) {
    if (on) next.add(ids[i]!);
    else next.delete(ids[i]!);
  }
  return next;
}

/** What a curator does to many messages at once; each becomes the same event the card would append. */
export type BulkAction =
  | { type: 'routed'; executors: Assignee[] }
  | { type: 'categorised'; importance: Importance }
  | { type: 'notProcessed'; reason: NotProcessedReason };

/** The event for one message of the selection, or why it is left as it is. */
export type MakeEvent = (record: MessageRecord, state: MessageState) => MessageEvent | string;

/** Why one message of a bulk act was left as it was. */
export type BulkSkip =
  /** Gone from the database in the meantime. */
  | { id: string; why: 'missing' }
  /** The transition table does not allow the act where the message stands. */
  | { id: string; why: 'status'; status: MessageStatus }
  /** Any other reason, in words: the act would change nothing, or the workflow refused it. */
  | { id: string; why: 'other'; text: string };

export interface BulkOutcome {
  changed: string[];
  skipped: BulkSkip[];
}

const ALREADY_OF_IMPORTANCE: Record<Importance, string> = {
  normal: 'уже обычной важности',
  high: 'уже высокой важности',
};

/** Why an act does not apply where the messages stand, said of several at once. */
export const SKIPPED_IN_STATUS: Record<MessageStatus, string> = {
  received: 'ещё не направлены',
  routed: 'уже направлены',
  returnedToCurator: 'возвращены Куратору',
  draftSubmitted: 'проект ответа на согласовании',
  returnedForRevision: 'проект ответа на доработке',
  draftResubmitted: 'проект ответа на согласовании',
  approved: 'проект ответа согласован',
  awaitingFinalReply: 'ждут окончательного ответа',
  published: 'ответ уже размещён',
  notProcessed: 'уже не подлежат обработке',
};

/** Builds one message's event for a bulk act; a change of importance to the one it has is no act. */
export function bulkEvent(action: BulkAction, actor: Actor, at: number): MakeEvent {
  return (_record, state) => {
    switch (action.type) {
      case 'routed':
        return { type: 'routed', actor, at, payload: { executors: action.executors } };
      case 'categorised':
        if (state.importance === action.importance) return ALREADY_OF_IMPORTANCE[action.importance];
        return { type: 'categorised', actor, at, payload: { importance: action.importance } };
      case 'notProcessed':
        return { type: 'notProcessed', actor, at, payload: { reason: action.reason } };
    }
  };
}

/**
 * What a bulk act would do to these queue rows, by the same transition table the store applies:
 * shown before the curator confirms. The store decides on the stored history; this is a forecast.
 * Where a message stands decides routing and refusal by itself, so those need no details yet.
 */
export function bulkPreview(rows: readonly MessageSummary[], action: BulkAction | { type: 'routed' | 'notProcessed' }): BulkOutcome {
  const rule = TRANSITIONS[action.type];
  const changed: string[] = [];
  const skipped: BulkSkip[] = [];
  for (const row of rows) {
    if (!rule.from.includes(row.status)) skipped.push({ id: row.id, why: 'status', status: row.status });
    else if (action.type === 'categorised' && row.importance === action.importance)
      skipped.push({ id: row.id, why: 'other', text: ALREADY_OF_IMPORTANCE[action.importance] });
    else changed.push(row.id);
  }
  return { changed, skipped };
}

/** The skipped messages grouped by reason, the largest group first. */
export function skipReasons(skipped: readonly BulkSkip[]): { reason: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const s of skipped) {
    const reason = s.why === 'missing' ? 'удалены из базы' : s.why === 'status' ? SKIPPED_IN_STATUS[s.status] : s.text;
    counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  return [...counts].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count);
}

/**
 * «Изменено: 12. Пропущено 3: уже направлены.»; with several reasons each has its count. `planned`
 * words it as a forecast: «Будет изменено: 12. Будет пропущено 3: …».
 */
export function bulkOutcomeText(outcome: BulkOutcome, planned = false): string {
  const head = `${planned ? 'Будет изменено' : 'Изменено'}: ${formatCount(outcome.changed.length)}.`;
  if (!outcome.skipped.length) return head;
  const reasons = skipReasons(outcome.skipped);
  const why = reasons.length === 1 ? reasons[0]!.reason : reasons.map((r) => `${r.reason} — ${formatCount(r.count)}`).join('; ');
  return `${head} ${planned ? 'Будет пропущено' : 'Пропущено'} ${formatCount(outcome.skipped.length)}: ${why}.`;
}
