/** The message card's record of what happened: its deadlines, its drafts and its history. */
import type { ComponentChildren } from 'preact';
import { messageNumber, partyName } from '@/lib/messages/summary';
import type { MessageRecord } from '@/lib/messages/types';
import type { DeadlineStatus, DeadlineStatusKind } from '@/lib/workflow/deadlines';
import { NOT_PROCESSED_REASONS, type MessageEvent } from '@/lib/workflow/schema';
import { TRANSITIONS } from '@/lib/workflow/transitions';
import { actorText, capitalise, IMPORTANCE_TITLES, KIND_TITLES, safeUrl, workingSpan } from './card-format';

const DEADLINE_STATE: Record<DeadlineStatusKind, string> = {
  open: 'идёт',
  met: 'выполнен в срок',
  late: 'выполнен с опозданием',
  missed: 'просрочен',
  expired: 'не использован',
  awaitingDate: 'ждёт даты от Куратора',
};

export function Deadlines({ items, fmt }: { items: DeadlineStatus[]; fmt: (t: number) => string }) {
  return (
    <section class="card-deadlines" aria-label="Сроки">
      <h3>Сроки</h3>
      {items.length === 0 ? (
        <p class="muted">Сроков нет.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Что</th>
              <th>Срок</th>
              <th>Отвечает</th>
              <th>Состояние</th>
            </tr>
          </thead>
          <tbody>
            {items.map((d) => (
              <tr key={`${d.name}:${d.startedAt}:${partyName(d.responsible)}`} class={`deadline deadline-${d.status}`} data-deadline={d.name}>
                <td>
                  {d.title} <span class="muted">(п. {d.clause})</span>
                </td>
                <td>{d.due === null ? 'дата не назначена' : fmt(d.due)}</td>
                <td>{partyName(d.responsible)}</td>
                <td>
                  <span class="deadline-state">{DEADLINE_STATE[d.status]}</span>
                  {d.completedAt !== undefined && <span class="muted"> · {fmt(d.completedAt)}</span>}
                  {d.minutesLeft !== undefined && (
                    <span class="deadline-left">
                      {' · '}
                      {d.minutesLeft >= 0 ? `осталось ${workingSpan(d.minutesLeft)}` : `просрочено на ${workingSpan(d.minutesLeft)}`}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
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
      const url = safeUrl(event.payload.url);
      if (url)
        return (
          <a href={url} target="_blank" rel="noopener noreferrer">
            ответ на странице
          </a>
        );
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
