import type { DeadlineName, Importance } from './table';
import type { Assignee, EventOf, MessageEvent, NotProcessedReason, Role } from './schema';
import { actProblem } from './acts';
import { FINAL_STATUSES, TRANSITIONS, type MessageStatus } from './transitions';
import type { Result } from '../result';

/** Who answers for a step: a role, and for executors their unit. */
export interface Party {
  role: Role;
  department?: string;
  name?: string;
}

/**
 * A deadline that some event started, kept free of the clock: its instant is worked out when
 * asked (deadlines.ts), so the same history gives the same state under any settings.
 */
export interface Obligation {
  name: DeadlineName;
  startedAt: number;
  /** 'holder': whoever had the message at the deadline answers for it (§6, §7 count from T0). */
  party: Party | 'holder';
  completedAt?: number;
  cancelledAt?: number;
}

export interface MessageState {
  status: MessageStatus;
  /** T0: when the curator got access. */
  receivedAt: number;
  importance: Importance;
  topic?: string;
  location?: string;
  responsible?: Assignee;
  coExecutors: Assignee[];
  routedAt?: number;
  /** Unit → when its information reached the responsible executor (§12.3). */
  information: Record<string, number>;
  draft?: { kind: 'final' | 'intermediate'; submittedAt: number; revisions: number };
  intermediatePublishedAt?: number;
  /** §11, high importance: the date agreed with the curator. */
  finalReplyDue?: number;
  publishedAt?: number;
  notProcessed?: { at: number; reason: NotProcessedReason };
  sociallySignificant: boolean;
  /** §13: the earlier message; the reply must report the measures taken. */
  repeatOf?: string;
  obligations: Obligation[];
  /** Who held the message from when: the curator, or the responsible executor's unit. */
  custody: { from: number; party: Party }[];
  lastEventAt: number;
  eventCount: number;
}

export type ApplyResult = Result<{ state: MessageState }>;

export class WorkflowError extends Error {
  constructor(
    message: string,
    readonly eventIndex: number,
  ) {
    super(message);
    this.name = 'WorkflowError';
  }
}

const CURATOR: Party = { role: 'curator' };

/**
 * The state after one more event, or a Russian explanation of why the event cannot happen; the
 * given state is never changed.
 */
export function applyEvent(state: MessageState | undefined, event: MessageEvent): ApplyResult {
  if (!state) {
    const problem = firstEventProblem(event);
    return problem ? fail(problem) : { ok: true, state: received(event as EventOf<'received'>) };
  }
  const problem = eventProblem(state, event);
  if (problem) return fail(problem);
  const next = copy(state);
  const refused = transition(next, event);
  return refused ? fail(refused) : { ok: true, state: next };
}

/** The state from the whole history; throws WorkflowError at the first event that cannot happen. */
export function replay(events: readonly MessageEvent[]): MessageState {
  const first = events[0];
  if (!first) throw new WorkflowError('у сообщения нет ни одного события', 0);
  const problem = firstEventProblem(first);
  if (problem) throw new WorkflowError(`событие 1 (${first.type}): Действие не выполнено: ${problem}`, 0);
  // One private state, changed in place: replaying every message of the queue is the hot path.
  const state = received(first as EventOf<'received'>);
  for (let i = 1; i < events.length; i++) {
    const event = events[i]!;
    const refused = eventProblem(state, event) ?? transition(state, event);
    if (refused) throw new WorkflowError(`событие ${i + 1} (${event.type}): Действие не выполнено: ${refused}`, i);
  }
  return state;
}

/**
 * The state from a shared log in its agreed order, where two people may have acted at once: an
 * event that cannot happen where the log puts it is set aside with the reason (the card shows it as
 * a conflict), and the rest still apply. `state` is null only when no event can start the message.
 */
export function replayLenient(events: readonly MessageEvent[]): {
  state: MessageState | null;
  accepted: MessageEvent[];
  refused: { event: MessageEvent; error: string }[];
} {
  let state: MessageState | null = null;
  const accepted: MessageEvent[] = [];
  const refused: { event: MessageEvent; error: string }[] = [];
  for (const event of events) {
    const problem = state ? (eventProblem(state, event) ?? null) : firstEventProblem(event);
    if (problem) {
      refused.push({ event, error: `Действие не выполнено: ${problem}` });
      continue;
    }
    if (!state) state = received(event as EventOf<'received'>);
    else {
      const next = copy(state);
      const no = transition(next, event);
      if (no) {
        refused.push({ event, error: `Действие не выполнено: ${no}` });
        continue;
      }
      state = next;
    }
    accepted.push(event);
  }
  return { state, accepted, refused };
}

function fail(error: string): ApplyResult {
  return { ok: false, error: `Действие не выполнено: ${error}` };
}

function firstEventProblem(event: MessageEvent): string | undefined {
  if (event.type !== 'received') return 'история сообщения должна начинаться с его получения Куратором';
  if (event.actor.role !== 'curator') return 'сообщение регистрирует Куратор';
  return undefined;
}

function eventProblem(state: MessageState, event: MessageEvent): string | undefined {
  if (event.type === 'received') return actProblem(state, event.type, event.actor);
  if (event.at < state.lastEventAt) return `«${TRANSITIONS[event.type].title}» не может быть раньше предыдущего действия`;
  return actProblem(state, event.type, event.actor);
}

/** A copy safe to change in place: obligations are replaced, never edited, so a shallow list copy will do. */
function copy(state: MessageState): MessageState {
  return {
    ...state,
    coExecutors: state.coExecutors.slice(),
    information: { ...state.information },
    obligations: state.obligations.slice(),
    custody: state.custody.slice(),
  };
}

/** Every field present from the start, so all states share one shape. */
function received(event: EventOf<'received'>): MessageState {
  const t0 = event.at;
  return {
    status: 'received',
    receivedAt: t0,
    importance: event.payload.importance,
    topic: event.payload.topic,
    location: event.payload.location,
    responsible: undefined,
    coExecutors: [],
    routedAt: undefined,
    information: {},
    draft: undefined,
    intermediatePublishedAt: undefined,
    finalReplyDue: undefined,
    publishedAt: undefined,
    notProcessed: undefined,
    sociallySignificant: false,
    repeatOf: undefined,
    obligations: [
      obligation('routeDeadline', t0, CURATOR),
      obligation('draftDeadline', t0, 'holder'),
      obligation('replyDeadline', t0, 'holder'),
    ],
    custody: [{ from: t0, party: CURATOR }],
    lastEventAt: t0,
    eventCount: 1,
  };
}

function executorParty(a: Assignee, role: Role): Party {
  return a.name === undefined ? { role, department: a.department } : { role, department: a.department, name: a.name };
}

/** Closes, in place, the open obligations that match; `how` says whether they were fulfilled or fell away. */
function close(obligations: Obligation[], at: number, how: 'completedAt' | 'cancelledAt', match: (o: Obligation) => boolean): void {
  for (let i = 0; i < obligations.length; i++) {
    const o = obligations[i]!;
    if (o.completedAt !== undefined || o.cancelledAt !== undefined || !match(o)) continue;
    // Built field by field: object spread is the slowest part of a replay.
    obligations[i] =
      how === 'completedAt'
        ? { name: o.name, startedAt: o.startedAt, party: o.party, completedAt: at, cancelledAt: undefined }
        : { name: o.name, startedAt: o.startedAt, party: o.party, completedAt: undefined, cancelledAt: at };
  }
}

const ROUTING_DUTIES: ReadonlySet<DeadlineName> = new Set(['returnDeadline', 'coExecutorInformationDeadline', 'jointDraftDeadline']);
const DRAFT_DUTIES: ReadonlySet<DeadlineName> = new Set(['draftDeadline', 'jointDraftDeadline']);
const PUBLICATION_DUTIES: ReadonlySet<DeadlineName> = new Set(['publicationDeadline', 'replyDeadline']);
const byRouting = (o: Obligation) => ROUTING_DUTIES.has(o.name);
const byPublication = (o: Obligation) => PUBLICATION_DUTIES.has(o.name);
const always = () => true;

function obligation(name: DeadlineName, startedAt: number, party: Party | 'holder'): Obligation {
  return { name, startedAt, party, completedAt: undefined, cancelledAt: undefined };
}

const isOf = (name: DeadlineName, department?: string) => (o: Obligation) =>
  o.name === name && (department === undefined || (o.party !== 'holder' && o.party.department === department));

function responsibleParty(state: MessageState): Party {
  return state.responsible ? executorParty(state.responsible, 'executor') : CURATOR;
}

/** §12.5: once every co-executor's information is in, the joint draft's count starts. */
function openJointDraft(state: MessageState, at: number): void {
  if (state.status !== 'routed' || !state.coExecutors.length) return;
  if (!state.coExecutors.every((c) => state.information[c.department] !== undefined)) return;
  if (state.obligations.some((o) => o.name === 'jointDraftDeadline' && o.cancelledAt === undefined)) return;
  state.obligations.push(obligation('jointDraftDeadline', at, responsibleParty(state)));
}

/**
 * Applies an event already checked against the transition table, changing `state` in place.
 * Returns why the event is refused when its own content rules it out; then nothing has changed.
 */
function transition(state: MessageState, event: MessageEvent): string | undefined {
  const at = event.at;
  const { obligations } = state;
  switch (event.type) {
    case 'received':
      return 'сообщение уже получено';
    case 'categorised': {
      const { importance, topic, location } = event.payload;
      if (importance !== undefined) state.importance = importance;
      if (topic !== undefined) state.topic = topic;
      if (location !== undefined) state.location = location;
      break;
    }
    case 'routed': {
      const [first, ...rest] = event.payload.executors;
      if (!first) return 'не указан ни один исполнитель';
      const units = event.payload.executors.map((e) => e.department);
      if (new Set(units).size !== units.length) return 'одно подразделение указано дважды';
      close(obligations, at, 'completedAt', isOf('routeDeadline'));
      // A new routing replaces the previous one: its windows and co-executor duties fall away.
      close(obligations, at, 'cancelledAt', byRouting);
      const responsible = executorParty(first, 'executor');
      obligations.push(obligation('returnDeadline', at, responsible));
      for (const c of rest) {
        const party = executorParty(c, 'coExecutor');
        obligations.push(obligation('returnDeadline', at, party), obligation('coExecutorInformationDeadline', at, party));
      }
      state.status = 'routed';
      state.responsible = first;
      state.coExecutors = rest;
      state.routedAt = at;
      state.information = {};
      state.custody.push({ from: at, party: responsible });
      break;
    }
    case 'returnedToCurator': {
      const unit = event.actor.department as string;
      close(obligations, at, 'completedAt', isOf('returnDeadline', unit));
      if (event.actor.role === 'coExecutor') {
        close(obligations, at, 'cancelledAt', isOf('coExecutorInformationDeadline', unit));
        state.coExecutors = state.coExecutors.filter((c) => c.department !== unit);
        openJointDraft(state, at);
        break;
      }
      close(obligations, at, 'cancelledAt', byRouting);
      state.status = 'returnedToCurator';
      state.responsible = undefined;
      state.coExecutors = [];
      state.information = {};
      state.custody.push({ from: at, party: CURATOR });
      break;
    }
    case 'coExecutorInformationSent': {
      const unit = event.actor.department as string;
      close(obligations, at, 'completedAt', isOf('coExecutorInformationDeadline', unit));
      close(obligations, at, 'cancelledAt', isOf('returnDeadline', unit));
      state.information[unit] = at;
      openJointDraft(state, at);
      break;
    }
    case 'draftSubmitted': {
      const { kind } = event.payload;
      if (state.status === 'awaitingFinalReply' && kind !== 'final') return 'после промежуточного ответа ожидается окончательный проект';
      close(obligations, at, 'completedAt', (o) => DRAFT_DUTIES.has(o.name) || (kind === 'final' && o.name === 'finalReplyDeadline'));
      close(obligations, at, 'cancelledAt', isOf('returnDeadline', state.responsible?.department));
      obligations.push(obligation('approvalDeadline', at, CURATOR));
      state.status = 'draftSubmitted';
      state.draft = { kind, submittedAt: at, revisions: 0 };
      state.custody.push({ from: at, party: CURATOR });
      break;
    }
    case 'draftReturned':
      close(obligations, at, 'completedAt', isOf('approvalDeadline'));
      obligations.push(obligation('revisionDeadline', at, responsibleParty(state)));
      state.status = 'returnedForRevision';
      state.custody.push({ from: at, party: responsibleParty(state) });
      break;
    case 'draftResubmitted':
      close(obligations, at, 'completedAt', isOf('revisionDeadline'));
      obligations.push(obligation('approvalDeadline', at, CURATOR));
      state.status = 'draftResubmitted';
      if (state.draft) state.draft = { ...state.draft, submittedAt: at, revisions: state.draft.revisions + 1 };
      state.custody.push({ from: at, party: CURATOR });
      break;
    case 'draftApproved':
      close(obligations, at, 'completedAt', isOf('approvalDeadline'));
      obligations.push(obligation('publicationDeadline', at, CURATOR));
      state.status = 'approved';
      break;
    case 'published':
      close(obligations, at, 'completedAt', byPublication);
      if (state.draft?.kind === 'intermediate') {
        obligations.push(obligation('finalReplyDeadline', at, responsibleParty(state)));
        state.status = 'awaitingFinalReply';
        state.intermediatePublishedAt = at;
        state.custody.push({ from: at, party: responsibleParty(state) });
        break;
      }
      // The final reply is out: whatever was still open no longer applies.
      close(obligations, at, 'cancelledAt', always);
      state.status = 'published';
      state.publishedAt = at;
      break;
    case 'finalReplyDueSet':
      if (event.payload.due <= at) return 'срок окончательного ответа должен быть позже момента его установки';
      state.finalReplyDue = event.payload.due;
      break;
    case 'repeatLinked':
      state.repeatOf = event.payload.earlierMessageId;
      break;
    case 'notProcessed':
      close(obligations, at, 'cancelledAt', always);
      state.status = 'notProcessed';
      state.notProcessed = { at, reason: event.payload.reason };
      break;
    case 'socialSignificanceSet':
      state.sociallySignificant = event.payload.significant;
      break;
  }
  state.lastEventAt = at;
  state.eventCount++;
  return undefined;
}

export function isFinal(state: MessageState): boolean {
  return FINAL_STATUSES.includes(state.status);
}
