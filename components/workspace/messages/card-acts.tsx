/**
 * The card's acts as a table: for each kind of act, its button's label, its form's fields, and the
 * function that turns the filled form into the event to apply — or a Russian reason why not, shown
 * under the form with nothing sent. Which acts appear is the workflow's answer (lib/workflow/acts);
 * the draft's two acts have their own editor (CardActions.tsx → DraftEditor).
 */
import type { Signal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { safeSiteLink } from '@/lib/sites/address';
import { isMessageNumber, messageNumber, normaliseMessageNumber } from '@/lib/messages/summary';
import type { MessageRecord } from '@/lib/messages/types';
import type { MessageState } from '@/lib/workflow/reducer';
import type { Actor, MessageEventType, NotProcessedReason } from '@/lib/workflow/schema';
import type { Importance } from '@/lib/workflow/table';
import { parseInZone } from '@/lib/worktime/civil';
import { CoExecutors } from './CoExecutors';
import { ImportanceField, ReasonField } from './fields';
import type { NewMessageEvent } from './MessageCard';

/** What the form holds: one text (or choice), the co-executors, and the categorisation's fields. */
export interface ActForm {
  a: Signal<string>;
  co: Signal<string[]>;
  importance: Signal<Importance>;
  topic: Signal<string>;
  location: Signal<string>;
}

export interface ActContext {
  state: MessageState;
  record: MessageRecord;
  actor: Actor;
  at: number;
  zone: string;
  departments?: readonly string[];
  earlier?: readonly { id: string; at: number; snippet: string }[];
  fmt: (t: number) => string;
}

type FormActType = Exclude<MessageEventType, 'received' | 'draftSubmitted' | 'draftResubmitted'>;

export interface CardAct {
  label: (state: MessageState) => string;
  fields?: (form: ActForm, ctx: ActContext) => ComponentChildren;
  /** The event to apply, or why the form cannot be sent. */
  toEvent: (form: ActForm, ctx: ActContext) => NewMessageEvent | string;
}

const textField = (sig: Signal<string>, label: string, multiline = false, extra: Record<string, unknown> = {}) => (
  <label class="field">
    {label}
    {multiline ? (
      <textarea rows={3} value={sig.value} onInput={(e) => (sig.value = e.currentTarget.value)} />
    ) : (
      <input type="text" value={sig.value} onInput={(e) => (sig.value = e.currentTarget.value)} {...extra} />
    )}
  </label>
);

const event = <T extends FormActType>(type: T, ctx: ActContext, payload: Extract<NewMessageEvent, { type: T }>['payload']) =>
  ({ type, actor: ctx.actor, at: ctx.at, payload }) as NewMessageEvent;

export const CARD_ACTS: Record<FormActType, CardAct> = {
  routed: {
    label: () => 'Направить',
    fields: (f, { record, departments }) => {
      const listId = `departments-${record.id}`;
      return (
        <>
          {departments?.length ? (
            <datalist id={listId}>
              {departments.map((d) => (
                <option key={d} value={d} />
              ))}
            </datalist>
          ) : null}
          {textField(f.a, 'Ответственное подразделение', false, departments?.length ? { list: listId } : {})}
          <CoExecutors units={f.co} listId={departments?.length ? listId : undefined} />
        </>
      );
    },
    toEvent: (f, ctx) => {
      const responsible = f.a.value.trim();
      if (!responsible) return 'Укажите ответственное подразделение.';
      const units = [responsible, ...f.co.value.map((d) => d.trim()).filter(Boolean)];
      if (new Set(units).size !== units.length) return 'Одно подразделение указано дважды.';
      return event('routed', ctx, { executors: units.map((department) => ({ department })) });
    },
  },
  returnedToCurator: {
    label: () => 'Вернуть Куратору',
    fields: (f) => textField(f.a, 'Почему вопрос не относится к компетенции подразделения', true),
    toEvent: (f, ctx) => {
      const reason = f.a.value.trim();
      return reason ? event('returnedToCurator', ctx, { reason }) : 'Укажите причину возврата (п. 5).';
    },
  },
  coExecutorInformationSent: {
    label: () => 'Направить информацию',
    fields: (f, { state }) => textField(f.a, `Информация для ответственного исполнителя (${state.responsible?.department ?? '—'})`, true),
    toEvent: (f, ctx) => {
      const text = f.a.value.trim();
      return event('coExecutorInformationSent', ctx, text ? { text } : {});
    },
  },
  draftReturned: {
    label: () => 'Вернуть на доработку',
    fields: (f) => textField(f.a, 'Замечания', true),
    toEvent: (f, ctx) => {
      const remarks = f.a.value.trim();
      return remarks ? event('draftReturned', ctx, { remarks }) : 'Напишите замечания к проекту (п. 8).';
    },
  },
  draftApproved: { label: () => 'Согласовать', toEvent: (_, ctx) => event('draftApproved', ctx, {}) },
  published: {
    label: () => 'Отметить размещённым',
    fields: (f) => textField(f.a, 'Ссылка на ответ (необязательно)', false, { type: 'url', placeholder: 'https://vk.com/…' }),
    toEvent: (f, ctx) => {
      const url = f.a.value.trim();
      if (url && !safeSiteLink(url)) return 'Ссылка на ответ должна вести на vk.com, vk.ru или ok.ru и начинаться с https://.';
      return event('published', ctx, url ? { url } : {});
    },
  },
  finalReplyDueSet: {
    label: () => 'Установить срок',
    fields: (f, { zone }) => (
      <label class="field">
        Срок окончательного ответа ({zone})
        <input type="datetime-local" value={f.a.value} onInput={(e) => (f.a.value = e.currentTarget.value)} />
      </label>
    ),
    toEvent: (f, ctx) => {
      const due = f.a.value ? parseInZone(f.a.value, ctx.zone) : undefined;
      if (due === undefined) return 'Укажите дату и время окончательного ответа.';
      if (due <= ctx.at) return 'Срок окончательного ответа должен быть позже текущего момента.';
      return event('finalReplyDueSet', ctx, { due });
    },
  },
  repeatLinked: {
    label: () => 'Связать',
    fields: (f, { record, earlier, fmt }) => {
      const listId = `earlier-${record.id}`;
      return (
        <>
          {earlier?.length ? (
            <datalist id={listId}>
              {earlier.map((m) => (
                <option key={m.id} value={messageNumber(m.id)} label={`${fmt(m.at)} — ${m.snippet}`} />
              ))}
            </datalist>
          ) : null}
          {textField(f.a, 'Номер ранее рассмотренного сообщения', false, { placeholder: '№ 3f2a9c1b', ...(earlier?.length ? { list: listId } : {}) })}
          <p class="muted">Номер — в заголовке карточки прежнего сообщения («Сообщение № …»).</p>
        </>
      );
    },
    toEvent: (f, ctx) => {
      const typed = normaliseMessageNumber(f.a.value);
      if (!typed) return 'Укажите номер ранее рассмотренного сообщения.';
      if (isMessageNumber(ctx.record.id, typed)) return 'Сообщение не может быть повтором самого себя.';
      // A number from the list resolves to the whole id; one typed by hand is kept as typed.
      const earlierMessageId = ctx.earlier?.find((m) => isMessageNumber(m.id, typed))?.id ?? typed;
      return event('repeatLinked', ctx, { earlierMessageId });
    },
  },
  notProcessed: {
    label: () => 'Не обрабатывать',
    fields: (f) => <ReasonField value={f.a} />,
    toEvent: (f, ctx) => (f.a.value ? event('notProcessed', ctx, { reason: f.a.value as NotProcessedReason }) : 'Выберите основание (п. 16).'),
  },
  socialSignificanceSet: {
    label: (state) => (state.sociallySignificant ? 'Снять отметку' : 'Отметить как социально значимое'),
    toEvent: (_, ctx) => event('socialSignificanceSet', ctx, { significant: !ctx.state.sociallySignificant }),
  },
  categorised: {
    label: () => 'Сохранить',
    fields: (f) => (
      <>
        {textField(f.topic, 'Тема')}
        {textField(f.location, 'Локация')}
        <ImportanceField value={f.importance} />
      </>
    ),
    toEvent: (f, ctx) => {
      const { state } = ctx;
      const payload: { importance?: Importance; topic?: string; location?: string } = {};
      const topic = f.topic.value.trim();
      const location = f.location.value.trim();
      if (f.importance.value !== state.importance) payload.importance = f.importance.value;
      if (topic && topic !== (state.topic ?? '')) payload.topic = topic;
      if (location && location !== (state.location ?? '')) payload.location = location;
      return Object.keys(payload).length ? event('categorised', ctx, payload) : 'Ничего не изменено.';
    },
  },
};
