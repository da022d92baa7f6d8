/** The message card's record of what happened: its deadlines, its drafts and its history. */
import type { ComponentChildren } from 'preact';
import { messageNumber, partyName } from '@/lib/messages/summary';
import type { MessageRecord } from '@/lib/messages/types';
import type { DeadlineStatus, DeadlineStatusKind } from '@/lib/workflow/deadlines';
import { DEADLINE_TABLE, type DeadlineName } from '@/lib/workflow/table';
import { NOT_PROCESSED_REASONS, type MessageEvent } from '@/lib/workflow/schema';
import { TRANSITIONS } from '@/lib/workflow/transitions';
import type { WorkClock } from '@/lib/worktime/clock';
import { actorText, capitalise, IMPORTANCE_TITLES, KIND_TITLES, workingSpan } from '../../shared/card-format';
import { safeSiteLink } from '@/lib/sites/address';
import { SiteLink } from '../SiteLink';

const DEADLINE_STATE: Record<DeadlineStatusKind, string> = {
  open: 'идёт',
  met: 'выполнен в срок',
  late: 'выполнен с опозданием',
  missed: 'просрочен',
  expired: 'не использован',
  awaitingDate: 'ждёт даты от Куратора',
};

/** What the dot says, for those who do not read colour; the state's words follow in text. */
const DOT: Record<DeadlineStatusKind | 'received' | 'future', string> = {
  received: '✓',
  met: '✓',
  late: '!',
  missed: '!',
  open: '',
  expired: '–',
  awaitingDate: '?',
  future: '',
};

/**
 * Where each deadline stands in the decree's sequence: received → routed (§4.4) → co-executors
 * (§5, §12) → draft (§7) → approval and revision (§8, §9) → publication (§10, §6) → final reply (§11).
 * Revision shares approval's place: the two alternate.
 */
const STEP_RANK: Record<DeadlineName, number> = {
  routeDeadline: 1,
  returnDeadline: 2,
  coExecutorInformationDeadline: 3,
  jointDraftDeadline: 4,
  draftDeadline: 5,
  approvalDeadline: 6,
  revisionDeadline: 6,
  publicationDeadline: 7,
  replyDeadline: 8,
  finalReplyDeadline: 9,
};

/** Main steps the decree always takes, shown ahead of time until their count starts. */
const AHEAD: { name: DeadlineName; after: string }[] = [
  { name: 'approvalDeadline', after: 'после поступления проекта' },
  { name: 'publicationDeadline', after: 'после согласования' },
];

type Step =
  | { kind: 'received'; at: number }
  | { kind: 'deadline'; d: DeadlineStatus; current: boolean }
  | { kind: 'future'; name: DeadlineName; after: string };

const isDone = (d: DeadlineStatus) => d.status === 'met' || d.status === 'late' || d.status === 'expired';

/**
 * The timeline in reading order: what is done, in the order it was done (a window that lapsed, when
 * it lapsed); then what is still to do, in the decree's order, with the main steps not yet started.
 * The current step is the duty still to do whose count started last: the one the message waits on
 * (a lapsed §6 behind it still shows red, but the work is at §8).
 */
function deadlineSteps(items: readonly DeadlineStatus[]): Step[] {
  const rank = (d: DeadlineStatus) => STEP_RANK[d.name];
  const done = items
    .filter(isDone)
    .map((d) => ({ d, at: d.completedAt ?? d.due ?? d.startedAt }))
    .sort((a, b) => a.at - b.at || rank(a.d) - rank(b.d))
    .map(({ d }) => d);
  const todo = items.filter((d) => !isDone(d)).sort((a, b) => rank(a) - rank(b) || a.startedAt - b.startedAt);
  let current: DeadlineStatus | undefined;
  for (const d of todo) {
    if (DEADLINE_TABLE[d.name].kind === 'window') continue;
    if (!current || d.startedAt > current.startedAt || (d.startedAt === current.startedAt && rank(d) < rank(current))) current = d;
  }
  const steps: Step[] = [];
  const t0 = items.find((d) => DEADLINE_TABLE[d.name].from === 'received')?.startedAt;
  if (t0 !== undefined) steps.push({ kind: 'received', at: t0 });
  for (const d of done) steps.push({ kind: 'deadline', d, current: false });
  // Steps ahead only while the message is still being worked on.
  const ahead = todo.length ? AHEAD.filter((a) => !items.some((d) => d.name === a.name)) : [];
  const rankOf = (s: Step) => (s.kind === 'future' ? STEP_RANK[s.name] : s.kind === 'deadline' ? rank(s.d) : 0);
  const rest: Step[] = todo.map((d) => ({ kind: 'deadline', d, current: d === current }));
  for (const a of ahead) {
    const step: Step = { kind: 'future', name: a.name, after: a.after };
    const i = rest.findIndex((s) => rankOf(s) > STEP_RANK[a.name]);
    rest.splice(i < 0 ? rest.length : i, 0, step);
  }
  return [...steps, ...rest];
}

/** «срок — 30 мин после …» when the span is the same for both importances; otherwise only when it starts. */
function aheadText(name: DeadlineName, after: string): string {
  const { normal, high } = DEADLINE_TABLE[name];
  const same = 'minutes' in normal && 'minutes' in high && normal.minutes === high.minutes;
  return same ? `срок — ${workingSpan(normal.minutes)} ${after}` : `срок отсчитывается ${after}`;
}

function stateText(d: DeadlineStatus, lateBy: ((d: DeadlineStatus) => number | undefined) | undefined, fmt: (t: number) => string): ComponentChildren {
  const late = d.status === 'late' ? lateBy?.(d) : undefined;
  return (
    <>
      <span class="deadline-state">
        {DEADLINE_STATE[d.status]}
        {late !== undefined && ` на ${workingSpan(late)}`}
      </span>
      {d.completedAt !== undefined && <span> · {fmt(d.completedAt)}</span>}
      {d.minutesLeft !== undefined && (
        <span class="deadline-left">
          {' · '}
          {d.minutesLeft >= 0 ? `осталось ${workingSpan(d.minutesLeft)}` : `просрочено на ${workingSpan(d.minutesLeft)}`}
        </span>
      )}
    </>
  );
}

export interface DeadlinesProps {
  /** The message's deadlines (DeadlineReport.all). */
  items: DeadlineStatus[];
  fmt: (t: number) => string;
  /**
   * The administration's working clock: with it, a step done late says by how much in working
   * time. Without it the card still says «с опозданием» and when, and never guesses the schedule.
   */
  clock?: Pick<WorkClock, 'workingMinutesBetween'>;
}

/** The message's deadlines as a vertical timeline of the decree's steps, an ordered list in words. */
export function Deadlines({ items, fmt, clock }: DeadlinesProps) {
  const lateBy =
    clock &&
    ((d: DeadlineStatus) => {
      if (d.due === null || d.completedAt === undefined) return undefined;
      try {
        return clock.workingMinutesBetween(d.due, d.completedAt);
      } catch {
        // A date the production calendar does not cover (an old import): say «late», not how much.
        return undefined;
      }
    });
  const steps = deadlineSteps(items);
  return (
    <section class="card-deadlines" aria-label="Сроки">
      <h3>Сроки</h3>
      {items.length === 0 ? (
        <p class="muted">Сроков нет.</p>
      ) : (
        <ol class="deadline-steps">
          {steps.map((s) => {
            if (s.kind === 'received')
              return (
                <li key="received" class="deadline-step step-received" data-step="received">
                  <span class="step-dot" aria-hidden="true">
                    {DOT.received}
                  </span>
                  <div class="step-title">
                    {capitalise(TRANSITIONS.received.title)} <span class="step-clause">(п. {TRANSITIONS.received.clause})</span>
                  </div>
                  <div class="step-state">{fmt(s.at)} · отсчёт сроков начат</div>
                </li>
              );
            if (s.kind === 'future')
              return (
                <li key={`future:${s.name}`} class="deadline-step step-future" data-step={s.name}>
                  <span class="step-dot" aria-hidden="true" />
                  <div class="step-title">
                    {DEADLINE_TABLE[s.name].title} <span class="step-clause">(п. {DEADLINE_TABLE[s.name].clause})</span>
                  </div>
                  <div class="step-state">ещё не начат · {aheadText(s.name, s.after)}</div>
                </li>
              );
            const { d, current } = s;
            return (
              <li
                key={`${d.name}:${d.startedAt}:${partyName(d.responsible)}`}
                class={`deadline-step deadline deadline-${d.status}${current ? ' step-current' : ''}`}
                data-deadline={d.name}
                data-state={d.status}
                aria-current={current ? 'step' : undefined}
              >
                <span class="step-dot" aria-hidden="true">
                  {DOT[d.status]}
                </span>
                <div class="step-title">
                  {d.title} <span class="step-clause">(п. {d.clause})</span>
                  {current && (
                    <>
                      {' '}
                      <span class="step-now">сейчас</span>
                    </>
                  )}
                </div>
                <div class="step-state">{stateText(d, lateBy, fmt)}</div>
                <div class="step-meta">
                  срок: <span class="deadline-due">{d.due === null ? 'дата не назначена' : fmt(d.due)}</span> · отвечает:{' '}
                  <span class="deadline-owner">{partyName(d.responsible)}</span>
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

function eventDetail(event: MessageEvent, fmt: (t: number) => string): ComponentChildren {
  switch (event.type) {
    case 'received':
    case 'categorised': {
      const { importance, topic, location } = event.payload;
      const parts = [
        importance ? `важность: ${IMPORTANCE_TITLES[importance]}` : '',
        topic ? `тема: ${topic}` : '',
        location ? `локация: ${location}` : '',
      ].filter(Boolean);
      return parts.join('; ');
    }
    case 'routed': {
      const [first, ...rest] = event.payload.executors;
      return `ответственный: ${first?.department ?? '—'}${rest.length ? `; соисполнители: ${rest.map((r) => r.department).join(', ')}` : ''}`;
    }
    case 'returnedToCurator':
      return `причина: ${event.payload.reason}`;
    case 'coExecutorInformationSent':
      return event.payload.text ? <blockquote>{event.payload.text}</blockquote> : null;
    case 'draftSubmitted':
      return (
        <>
          {KIND_TITLES[event.payload.kind]} проект
          {event.payload.text && <blockquote>{event.payload.text}</blockquote>}
        </>
      );
    case 'draftResubmitted':
      return event.payload.text ? <blockquote>{event.payload.text}</blockquote> : null;
    case 'draftReturned':
      return <blockquote class="remarks">{event.payload.remarks}</blockquote>;
    case 'draftApproved':
      return null;
    case 'published': {
      if (safeSiteLink(event.payload.url)) return <SiteLink href={event.payload.url}>ответ на странице</SiteLink>;
      return event.payload.url ?? null;
    }
    case 'finalReplyDueSet':
      return `срок: ${fmt(event.payload.due)}`;
    case 'repeatLinked':
      return `ранее рассмотренное сообщение № ${messageNumber(event.payload.earlierMessageId)}`;
    case 'notProcessed':
      return `основание: ${NOT_PROCESSED_REASONS[event.payload.reason]}`;
    case 'socialSignificanceSet':
      return event.payload.significant ? 'отмечено как социально значимое' : 'отметка снята';
  }
}

export function Timeline({ record, fmt }: { record: MessageRecord; fmt: (t: number) => string }) {
  return (
    <section class="card-timeline" aria-label="История">
      <h3>История</h3>
      <ol class="timeline">
        {record.events.map((e, i) => (
          <li key={e.id ?? i} data-event={e.type}>
            <div class="timeline-head">
              <time>{fmt(e.at)}</time> · <span class="timeline-actor">{actorText(e.actor)}</span>
            </div>
            <div class="timeline-title">
              {capitalise(TRANSITIONS[e.type].title)} <span class="muted">(п. {TRANSITIONS[e.type].clause})</span>
            </div>
            <div class="timeline-detail">{eventDetail(e, fmt)}</div>
            {e.note && <div class="timeline-note">{e.note}</div>}
          </li>
        ))}
      </ol>
    </section>
  );
}

export function Drafts({ record, fmt }: { record: MessageRecord; fmt: (t: number) => string }) {
  const items = record.events.filter(
    (e) => e.type === 'draftSubmitted' || e.type === 'draftResubmitted' || e.type === 'draftReturned',
  );
  if (!items.length) return null;
  return (
    <section class="card-drafts" aria-label="Проекты ответа">
      <h3>Проекты ответа</h3>
      <ol class="drafts">
        {items.map((e, i) => (
          <li key={e.id ?? i} class={e.type === 'draftReturned' ? 'draft-remarks' : 'draft-version'} data-event={e.type}>
            <div class="muted">
              {fmt(e.at)} ·{' '}
              {e.type === 'draftReturned'
                ? `замечания Куратора (${e.actor.name})`
                : e.type === 'draftSubmitted'
                  ? `${KIND_TITLES[e.payload.kind]} проект · ${e.actor.department ?? e.actor.name}`
                  : `доработанный проект · ${e.actor.department ?? e.actor.name}`}
            </div>
            <blockquote>{e.type === 'draftReturned' ? e.payload.remarks : (e.payload.text ?? 'текст не сохранён')}</blockquote>
          </li>
        ))}
      </ol>
    </section>
  );
}
