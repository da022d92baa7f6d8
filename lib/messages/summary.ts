import { deadlineReport, type DeadlineReport } from '../workflow/deadlines';
import { replay, type MessageState, type Party } from '../workflow/reducer';
import { DEADLINE_TABLE } from '../workflow/table';
import type { WorkClock } from '../worktime/clock';
import type { MessageRecord, MessageSummary } from './types';

export function partyName(p: Party): string {
  return p.role === 'curator' ? 'Куратор' : (p.department ?? p.name ?? 'исполнитель');
}

export interface Derived {
  state: MessageState;
  report: DeadlineReport;
  summary: MessageSummary;
}

/**
 * State, deadlines and the queue row of a message at `now`. The row's next deadline is the soonest
 * duty still open or missed; §5's window (returning what is not ours) never hides a real deadline.
 */
export function derive(record: MessageRecord, clock: WorkClock, now: number, known?: MessageState): Derived {
  // `known`: the state an append just computed for these very events, so the history is not replayed again.
  const state = known ?? replay(record.events);
  const report = deadlineReport(state, clock, now);
  const next = report.applicable.find((d) => DEADLINE_TABLE[d.name].kind === 'duty' && d.due !== null) ?? null;
  const summary: MessageSummary = {
    id: record.id,
    site: record.site,
    commentRef: record.commentRef ?? null,
    status: state.status,
    importance: state.importance,
    topic: state.topic ?? '',
    location: state.location ?? '',
    department: state.responsible?.department ?? '',
    coDepartments: state.coExecutors.map((c) => c.department),
    author: record.author ?? '',
    snippet: (record.text ?? '').replace(/\s+/g, ' ').trim().slice(0, 140),
    receivedAt: state.receivedAt,
    nextName: next?.name ?? null,
    nextDue: next?.due ?? null,
    nextOwner: next ? partyName(next.responsible) : null,
    violations: report.violations.length,
    sociallySignificant: state.sociallySignificant,
    conflict: record.conflict !== undefined,
    updatedAt: record.updatedAt,
  };
  return { state, report, summary };
}

const LONG_ID = /^(?:imp-)?([0-9a-f]{8})[0-9a-f-]{8,}$/i;

/**
 * The number people see and type for a message: the first eight characters of its id (a UUID, or
 * an import's `imp-` hash), so it reads «№ 3f2a9c1b» and still finds the id. Short ids stay whole.
 */
export function messageNumber(id: string): string {
  return LONG_ID.exec(id)?.[1]?.toLowerCase() ?? id;
}

/** What a person typed for a message's number: «№ 3F2A9C1B», «3f2a9c1b» or the whole id. */
export function normaliseMessageNumber(input: string): string {
  const s = input.trim().replace(/^№\s*/, '').trim();
  return LONG_ID.test(s) ? s : /^[0-9a-f]{8}$/i.test(s) ? s.toLowerCase() : s;
}

/** Whether the typed number names this message. */
export function isMessageNumber(id: string, input: string): boolean {
  const n = normaliseMessageNumber(input);
  return n !== '' && (n === id || n === messageNumber(id));
}
