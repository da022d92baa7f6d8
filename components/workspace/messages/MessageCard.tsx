import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { messageNumber } from '@/lib/messages/summary';
import type { MessageRecord } from '@/lib/messages/types';
import type { ReplyTemplate } from '@/lib/replies/schema';
import type { StaffRole } from '@/lib/settings/defaults';
import type { DeadlineReport } from '@/lib/workflow/deadlines';
import type { WorkClock } from '@/lib/worktime/clock';
import type { MessageState } from '@/lib/workflow/reducer';
import { NOT_PROCESSED_REASONS, type MessageEvent } from '@/lib/workflow/schema';
import type { Importance } from '@/lib/workflow/table';
import { STATUS_TITLES } from '@/lib/workflow/transitions';
import { Actions } from './CardActions';
import { formatterFor, IMPORTANCE_TITLES } from '../../shared/card-format';
import { safeSiteLink } from '@/lib/sites/address';
import { SITE_LABELS } from '@/lib/sites/types';
import { SiteLink } from '../SiteLink';
import { Deadlines, Drafts, Timeline } from './CardHistory';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An event as the card proposes it; the store gives it its id. */
export type NewMessageEvent = DistributiveOmit<MessageEvent, 'id'>;

export type ActResult = { ok: true } | { ok: false; error: string };

export interface LintWarning {
  code: string;
  message: string;
}

/** What the draft checks need to know besides the text (App. 1 §11, §13, §15). */
export interface DraftLintContext {
  kind: 'final' | 'intermediate';
  importance: Importance;
  /** §13: the reply to a repeat must report the measures taken. */
  repeat: boolean;
}

export interface CardUser {
  role: StaffRole;
  name: string;
  department: string;
}

export interface MessageCardProps {
  record: MessageRecord;
  derived: { state: MessageState; report: DeadlineReport };
  me: CardUser;
  /** The administration's time zone: every time on the card is shown there. */
  zone: string;
  /** The working clock: how late a step was done, in working time. */
  clock?: WorkClock;
  lint: (text: string, ctx: DraftLintContext) => LintWarning[];
  /** Resolves with the store's verdict; a refusal's Russian text is shown on the action. */
  onAct: (event: NewMessageEvent) => Promise<ActResult>;
  /** Called (debounced) while the executor types, so nothing typed is lost. */
  onSaveWorkingDraft: (text: string) => void;
  onClose: () => void;
  /** Hints about the message from elsewhere (an earlier message it repeats, a conflict to decide). */
  notices?: readonly { text: string; linkText?: string; onOpen?: () => void }[];
  /** The time an action is stamped with; Date.now by default. */
  now?: () => number;
  /** Known units, offered while routing. */
  departments?: readonly string[];
  /** The same author's earlier messages, offered by number when linking a repeat (§13). */
  earlier?: readonly { id: string; at: number; snippet: string }[];
  /** The team's saved replies (lib/replies), offered in the draft editor as «Шаблон»; none — no such field. */
  templates?: CardTemplates;
}

export interface CardTemplates {
  list: readonly ReplyTemplate[];
  /**
   * §11: when the final reply would fall due if the intermediate one went out at `sentAt`; fills
   * {дата ответа} while the message has no such date yet. Null: not known (high importance, no date).
   */
  finalReplyDue?: (sentAt: number, importance: Importance) => number | null;
}

/** The message's number, selectable and copied with one click: what «Номер ранее рассмотренного сообщения» asks for. */
function CardNumber({ id }: { id: string }) {
  const number = messageNumber(id);
  const copied = useSignal(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(number);
      copied.value = true;
      setTimeout(() => (copied.value = false), 2000);
    } catch {
      // No clipboard (permission, old browser): the number is still there to select by hand.
    }
  };
  return (
    <>
      <span class="card-number" data-testid="message-number" title="Номер сообщения: укажите его, если другое сообщение повторяет это (п. 13)">
        № {number}
      </span>{' '}
      <button type="button" class="link card-copy-number" onClick={copy} aria-label={`Скопировать номер ${number}`}>
        {copied.value ? 'скопировано' : 'скопировать'}
      </button>{' '}
    </>
  );
}

/** The card of one message. A different message gets a fresh card, so no half-typed form leaks across. */
export function MessageCard(props: MessageCardProps) {
  return <CardBody key={props.record.id} {...props} />;
}

function CardBody(props: MessageCardProps) {
  const { record, derived, zone, onClose } = props;
  const { state, report } = derived;
  const fmt = formatterFor(zone);
  const permalink = safeSiteLink(record.source.permalink ?? record.url);
  const authorUrl = safeSiteLink(record.source.authorUrl);

  // Esc closes the card, back to the queue. In a field that holds text it first only leaves the
  // field: a second Esc closes, so a reflex key press never throws away a half-typed draft.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      const field = e.target as HTMLElement | null;
      if (field && /^(INPUT|TEXTAREA|SELECT)$/.test(field.tagName) && (field as HTMLInputElement).value) {
        field.blur();
        return;
      }
      e.preventDefault();
      onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);

  return (
    <article class="message-card" data-testid="message-card" data-status={state.status}>
      <header class="card-head">
        <h2>
          Сообщение <CardNumber id={record.id} />
          <span class="muted">
            {SITE_LABELS[record.site]}
            {record.source.pageName ? ` · ${record.source.pageName}` : ''}
          </span>
        </h2>
        <button type="button" class="card-close" aria-label="Закрыть карточку" onClick={onClose}>
          ×
        </button>
      </header>

      {props.notices?.map((n) => (
        <p key={n.text} class={`card-notice${n.onOpen ? ' with-link' : ''}`} role="note">
          {n.text}{' '}
          {n.onOpen && (
            <button type="button" class="link" onClick={n.onOpen}>
              {n.linkText ?? 'открыть'}
            </button>
          )}
        </p>
      ))}

      <section class="card-comment" aria-label="Комментарий">
        <div class="card-author">
          {authorUrl ? (
            <SiteLink href={authorUrl}>{record.author || 'Автор неизвестен'}</SiteLink>
          ) : (
            <strong>{record.author || 'Автор неизвестен'}</strong>
          )}
          {record.source.writtenAt !== null && <span class="muted"> · {fmt(record.source.writtenAt)}</span>}
        </div>
        <blockquote class="card-text">{record.text ?? ''}</blockquote>
        {permalink ? (
          <SiteLink class="card-permalink" href={permalink}>
            Открыть комментарий
          </SiteLink>
        ) : (
          <span class="muted">Ссылки на комментарий нет</span>
        )}
      </section>

      <dl class="card-facts">
        <dt>Состояние</dt>
        <dd class={`card-status status-${state.status}`}>{STATUS_TITLES[state.status]}</dd>
        <dt>Важность</dt>
        <dd class={state.importance === 'high' ? 'card-high' : undefined}>{IMPORTANCE_TITLES[state.importance]}</dd>
        <dt>Тема</dt>
        <dd>{state.topic ?? '—'}</dd>
        <dt>Локация</dt>
        <dd>{state.location ?? '—'}</dd>
        <dt>Поступило Куратору</dt>
        <dd>{fmt(state.receivedAt)}</dd>
        {state.responsible && (
          <>
            <dt>Ответственный исполнитель</dt>
            <dd>{state.responsible.department}</dd>
          </>
        )}
        {state.coExecutors.length > 0 && (
          <>
            <dt>Соисполнители</dt>
            <dd>
              {state.coExecutors
                .map((c) => (state.information[c.department] !== undefined ? `${c.department} (информация направлена)` : c.department))
                .join(', ')}
            </dd>
          </>
        )}
        {state.repeatOf && (
          <>
            <dt>Повторное к</dt>
            <dd>№ {messageNumber(state.repeatOf)}</dd>
          </>
        )}
        {state.sociallySignificant && (
          <>
            <dt>Социально значимое</dt>
            <dd class="card-significant">да, доложить Мэру (п. 19)</dd>
          </>
        )}
        {state.notProcessed && (
          <>
            <dt>Не подлежит обработке</dt>
            <dd>{NOT_PROCESSED_REASONS[state.notProcessed.reason]}</dd>
          </>
        )}
      </dl>

      <Deadlines items={report.all} fmt={fmt} clock={props.clock} />
      <Actions {...props} fmt={fmt} />
      <Drafts record={record} fmt={fmt} />
      <Timeline record={record} fmt={fmt} />
    </article>
  );
}
