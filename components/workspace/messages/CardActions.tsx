/** The message card's actions: what the user's role may do now, each with its form. */
import { useSignal, type Signal } from '@preact/signals';
import { CARD_ACTS, type ActContext, type ActForm } from './card-acts';
import { useEffect, useRef } from 'preact/hooks';
import type { MessageRecord } from '@/lib/messages/types';
import { fillTemplate, messageFacts } from '@/lib/replies/fill';
import type { ReplyTemplate } from '@/lib/replies/schema';
import { suggestTemplates, type Suggestion, type TopicMatch } from '@/lib/replies/suggest';
import { ROLE_LABELS } from '@/lib/settings/defaults';
import type { MessageState } from '@/lib/workflow/reducer';
import { possibleActs } from '@/lib/workflow/acts';
import { actorIn } from '@/lib/workflow/actor';
import { type Actor, type MessageEventType } from '@/lib/workflow/schema';
import type { Importance } from '@/lib/workflow/table';
import { STATUS_TITLES, TRANSITIONS } from '@/lib/workflow/transitions';
import { capitalise, KIND_TITLES } from '../../shared/card-format';
import type { CardUser, MessageCardProps, NewMessageEvent } from './MessageCard';

/** The card's user as the workflow sees them in this message (lib/workflow/actor). */
export function cardActor(me: CardUser, state: MessageState): Actor | null {
  return actorIn({ role: me.role, userName: me.name, department: me.department }, state);
}

/** Secondary acts stay folded so the step the message waits for is what the user sees first. */
const SECONDARY: ReadonlySet<MessageEventType> = new Set(['categorised', 'repeatLinked', 'socialSignificanceSet', 'notProcessed']);

/** The last text the executor sent, to revise from when the curator returns it. */
function lastDraftText(record: MessageRecord): string {
  for (let i = record.events.length - 1; i >= 0; i--) {
    const e = record.events[i]!;
    if ((e.type === 'draftSubmitted' || e.type === 'draftResubmitted') && e.payload.text) return e.payload.text;
  }
  return '';
}

export interface ActionContext extends MessageCardProps {
  fmt: (t: number) => string;
}

export function Actions(props: ActionContext) {
  const { me, derived } = props;
  const { state, report } = derived;
  const signed = cardActor(me, state);
  const role = signed?.role ?? null;
  const allowed = possibleActs(state, signed);
  const nameMissing = !me.name.trim();

  let note: string | null = null;
  if (me.role === 'moderator' || me.role === 'owner') note = `Роль «${ROLE_LABELS[me.role]}» не предусматривает действий с сообщением.`;
  else if (!role)
    note = me.department.trim()
      ? `${me.department} не указано исполнителем по этому сообщению.`
      : 'Укажите своё подразделение в настройках, чтобы действовать как исполнитель.';
  else if (!allowed.length) note = `Сейчас действий для вас нет: ${STATUS_TITLES[state.status]}.`;
  else if (nameMissing) note = 'Укажите своё имя в настройках: каждое действие подписывается.';

  if (note || !role)
    return (
      <section class="card-actions" aria-label="Действия">
        <h3>Действия</h3>
        <p class="muted card-no-actions">{note}</p>
      </section>
    );

  const actor: Actor = signed!;
  const awaitingDate = report.all.some((d) => d.status === 'awaitingDate');
  const primary = allowed.filter((t) => !SECONDARY.has(t) && (t !== 'finalReplyDueSet' || awaitingDate));
  const secondary = allowed.filter((t) => !primary.includes(t));
  const render = (type: MessageEventType) => <Action key={type} type={type} actor={actor} {...props} />;

  return (
    <section class="card-actions" aria-label="Действия">
      <h3>Действия</h3>
      {primary.map(render)}
      {secondary.length > 0 && (
        <details class="card-more" open={primary.length === 0}>
          <summary>Другие действия</summary>
          {secondary.map(render)}
        </details>
      )}
    </section>
  );
}

interface ActionProps extends ActionContext {
  type: MessageEventType;
  actor: Actor;
}

/** One act of the workflow: its form, its pending state, its error; the draft's two acts share one editor. */
function Action(props: ActionProps) {
  const { type } = props;
  // Resubmission and submission share the editor; the table never allows both at once.
  if (type === 'draftResubmitted' || type === 'draftSubmitted') return <DraftEditor {...props} />;
  const rule = TRANSITIONS[type];
  return (
    <div class="card-action" data-action={type}>
      <h4>
        {capitalise(rule.title)} <span class="muted">(п. {rule.clause})</span>
      </h4>
      <ActionForm {...props} />
    </div>
  );
}

function useAct(onAct: MessageCardProps['onAct']) {
  const pending = useSignal(false);
  const error = useSignal<string | null>(null);
  const run = async (event: NewMessageEvent): Promise<boolean> => {
    if (pending.value) return false;
    pending.value = true;
    error.value = null;
    try {
      const result = await onAct(event);
      if (!result.ok) error.value = result.error;
      return result.ok;
    } catch (e) {
      error.value = `Действие не выполнено: ${e instanceof Error ? e.message : String(e)}`;
      return false;
    } finally {
      pending.value = false;
    }
  };
  return { pending, error, run };
}

function ErrorLine({ error }: { error: Signal<string | null> }) {
  return error.value ? (
    <p class="form-error" role="alert">
      {error.value}
    </p>
  ) : null;
}

function ActionForm(props: ActionProps) {
  const { type, actor, onAct, now = Date.now, zone, derived, record, departments, earlier, fmt } = props;
  const { state } = derived;
  const { pending, error, run } = useAct(onAct);
  const form: ActForm = {
    a: useSignal(''),
    co: useSignal<string[]>([]),
    importance: useSignal<Importance>(state.importance),
    topic: useSignal(state.topic ?? ''),
    location: useSignal(state.location ?? ''),
  };
  const act = CARD_ACTS[type as keyof typeof CARD_ACTS];
  const ctx = (): ActContext => ({ state, record, actor, at: now(), zone, departments, earlier, fmt });

  const submit = (e: Event) => {
    e.preventDefault();
    const made = act.toEvent(form, ctx());
    if (typeof made === 'string') error.value = made;
    else void run(made);
  };

  return (
    <form onSubmit={submit} noValidate>
      {act.fields?.(form, ctx())}
      <ErrorLine error={error} />
      <button type="submit" disabled={pending.value}>
        {act.label(state)}
      </button>
    </form>
  );
}

const SAVE_DELAY_MS = 400;

/** A gap a filled template left, «{номер дома}»: selected after filling, so typing replaces it. */
const GAP = /\{[^{}\n]{1,40}\}/u;

/** The executor's draft: typed text is saved as it is written, checked live, and sent as §7/§9 asks. */
function DraftEditor(props: ActionProps) {
  const { type, actor, onAct, onSaveWorkingDraft, lint, record, derived, now = Date.now, templates, me, zone } = props;
  const { state } = derived;
  const resubmit = type === 'draftResubmitted';
  const rule = TRANSITIONS[type];
  const text = useSignal(record.workingDraft || (resubmit ? lastDraftText(record) : ''));
  const kind = useSignal<'final' | 'intermediate'>(resubmit ? (state.draft?.kind ?? 'final') : 'final');
  const { pending, error, run } = useAct(onAct);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const unsaved = useRef<string | null>(null);
  const save = useRef(onSaveWorkingDraft);
  save.current = onSaveWorkingDraft;

  const flush = () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    if (unsaved.current !== null) {
      const value = unsaved.current;
      unsaved.current = null;
      save.current(value);
    }
  };
  // Closing the card mid-sentence must not lose the sentence.
  useEffect(() => flush, []);

  const area = useRef<HTMLTextAreaElement>(null);
  const filled = useRef(false);
  useEffect(() => {
    if (!filled.current || !area.current) return;
    filled.current = false;
    const el = area.current;
    el.focus();
    const gap = GAP.exec(el.value);
    if (gap) el.setSelectionRange(gap.index, gap.index + gap[0].length);
    else el.setSelectionRange(el.value.length, el.value.length);
  });

  const onInput = (value: string) => {
    text.value = value;
    unsaved.current = value;
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = setTimeout(flush, SAVE_DELAY_MS);
  };

  const suggestions = templates?.list.length ? suggestTemplates(templates.list, { topic: state.topic }, me.department) : [];
  // The template's text goes in as if typed: saved as the working draft, checked by the lint.
  const fillFrom = (template: ReplyTemplate) => {
    const estimate = templates?.finalReplyDue;
    const facts = messageFacts({
      author: record.author,
      state,
      report: derived.report,
      department: me.department.trim(),
      zone,
      estimate: estimate ? () => estimate(now(), state.importance) : undefined,
    });
    onInput(fillTemplate(template.text, facts));
    filled.current = true;
  };

  // §11: after an intermediate reply only the final one may follow.
  const onlyFinal = state.status === 'awaitingFinalReply';
  const effectiveKind = onlyFinal ? 'final' : kind.value;
  const warnings = text.value.trim()
    ? lint(text.value, { kind: effectiveKind, importance: state.importance, repeat: state.repeatOf !== undefined })
    : [];

  const submit = async (e: Event) => {
    e.preventDefault();
    const body = text.value.trim();
    if (!body) {
      error.value = 'Проект ответа пуст: напишите текст.';
      return;
    }
    flush();
    const at = now();
    const ok = await run(
      resubmit
        ? { type: 'draftResubmitted', actor, at, payload: { text: body } }
        : { type: 'draftSubmitted', actor, at, payload: { kind: effectiveKind, text: body } },
    );
    // Sent: the working copy is done with. Refused: it stays, in the box and in storage.
    if (ok) {
      unsaved.current = null;
      save.current('');
    }
  };

  return (
    <div class="card-action draft-editor" data-action={type}>
      <h4>
        {capitalise(rule.title)} <span class="muted">(п. {rule.clause})</span>
      </h4>
      <form onSubmit={submit} noValidate>
        {resubmit ? (
          <p class="muted">Доработка проекта ({KIND_TITLES[kind.value]}): учтите замечания Куратора (п. 9).</p>
        ) : (
          <fieldset class="draft-kind">
            <legend>Вид ответа</legend>
            <label>
              <input type="radio" name={`kind-${record.id}`} value="final" checked={effectiveKind === 'final'} onChange={() => (kind.value = 'final')} />{' '}
              окончательный
            </label>
            <label>
              <input
                type="radio"
                name={`kind-${record.id}`}
                value="intermediate"
                disabled={onlyFinal}
                checked={effectiveKind === 'intermediate'}
                onChange={() => (kind.value = 'intermediate')}
              />{' '}
              промежуточный (п. 11)
            </label>
          </fieldset>
        )}
        {suggestions.length > 0 && <TemplatePicker suggestions={suggestions} topic={state.topic} hasText={() => text.value.trim() !== ''} onChoose={fillFrom} />}
        <label class="field">
          Текст ответа
          <textarea ref={area} rows={8} value={text.value} onInput={(e) => onInput(e.currentTarget.value)} onBlur={flush} />
        </label>
        {warnings.length > 0 && (
          <ul class="lint-warnings" aria-label="Замечания к тексту">
            {warnings.map((w, i) => (
              <li key={`${w.code}:${i}`} data-code={w.code}>
                {w.message}
              </li>
            ))}
          </ul>
        )}
        <ErrorLine error={error} />
        <button type="submit" disabled={pending.value}>
          {resubmit ? 'Направить доработанный проект' : 'Направить Куратору'}
        </button>
      </form>
    </div>
  );
}

const GROUPS: readonly { matches: readonly TopicMatch[]; label: (topic: string | undefined) => string }[] = [
  { matches: ['topic', 'related'], label: (topic) => `По теме «${topic ?? ''}»` },
  { matches: ['general'], label: () => 'Для любой темы' },
  { matches: ['other'], label: (topic) => (topic ? 'Другие темы' : 'По темам') },
];

/**
 * «Шаблон»: the team's saved replies that fit the message, its topic's first. A chosen one fills
 * the draft; over text already written it asks first, inline, and «Оставить мой текст» keeps it.
 */
function TemplatePicker(props: {
  suggestions: readonly Suggestion[];
  topic: string | undefined;
  hasText: () => boolean;
  onChoose: (template: ReplyTemplate) => void;
}) {
  const { suggestions, topic, hasText, onChoose } = props;
  const asking = useSignal<ReplyTemplate | null>(null);
  const choose = (id: string) => {
    const template = suggestions.find((s) => s.template.id === id)?.template;
    if (!template) return;
    if (hasText()) {
      asking.value = template;
      return;
    }
    asking.value = null;
    onChoose(template);
  };
  const replace = () => {
    const template = asking.value;
    asking.value = null;
    if (template) onChoose(template);
  };
  return (
    <div class="template-picker">
      <label class="field">
        Шаблон
        <select
          value=""
          onChange={(e) => {
            const id = e.currentTarget.value;
            // Back to the prompt at once: the same template can be chosen again.
            e.currentTarget.value = '';
            choose(id);
          }}
        >
          <option value="">— выберите шаблон —</option>
          {GROUPS.map(({ matches, label }) => {
            const items = suggestions.filter((s) => matches.includes(s.match));
            if (!items.length) return null;
            return (
              <optgroup key={matches[0]} label={label(topic)}>
                {items.map(({ template, match }) => (
                  <option key={template.id} value={template.id}>
                    {match === 'topic' || match === 'general' || !template.topic ? template.title : `${template.title} — ${template.topic}`}
                  </option>
                ))}
              </optgroup>
            );
          })}
        </select>
      </label>
      <div aria-live="polite">
        {asking.value && (
          <div class="template-confirm" role="group" aria-label="Заменить текст шаблоном?">
            <p>В ответе уже есть текст. Заменить его шаблоном «{asking.value.title}»?</p>
            <div class="row">
              <button type="button" onClick={replace}>
                Заменить текст
              </button>
              <button type="button" onClick={() => (asking.value = null)}>
                Оставить мой текст
              </button>
            </div>
          </div>
        )}
      </div>
    </div>
  );
}
