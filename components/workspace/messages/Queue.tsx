import { useComputed, useSignal, useSignalEffect, type ReadonlySignal, type Signal } from '@preact/signals';
import { ImportanceField, ReasonField } from './fields';
import { CoExecutors } from './CoExecutors';
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import {
  bulkEvent,
  bulkOutcomeText,
  bulkPreview,
  formatCount,
  selectRange,
  type BulkAction,
  type BulkOutcome,
  type MakeEvent,
} from '@/lib/messages/queue';
import type { MessageSummary } from '@/lib/messages/types';
import { type Actor, type NotProcessedReason } from '@/lib/workflow/schema';
import type { Importance } from '@/lib/workflow/table';
import { STATUS_TITLES, type MessageStatus } from '@/lib/workflow/transitions';

/** Short status words for a 64px row; the full wording from STATUS_TITLES is the row's tooltip. */
export const STATUS_SHORT: Record<MessageStatus, string> = {
  received: 'поступило',
  routed: 'у исполнителей',
  returnedToCurator: 'возвращено Куратору',
  draftSubmitted: 'на согласовании',
  returnedForRevision: 'на доработке',
  draftResubmitted: 'доработано, на согласовании',
  approved: 'согласовано',
  awaitingFinalReply: 'ждём окончательный ответ',
  published: 'ответ размещён',
  notProcessed: 'не обрабатывается',
};

/** Who is expected to move next decides the grouping, so a curator and an executor each find their part. */
export const STATUS_GROUPS = {
  open: {
    label: 'В работе',
    statuses: ['received', 'routed', 'returnedToCurator', 'draftSubmitted', 'returnedForRevision', 'draftResubmitted', 'approved', 'awaitingFinalReply'],
  },
  toRoute: { label: 'Ждут направления', statuses: ['received', 'returnedToCurator'] },
  atExecutors: { label: 'У исполнителей', statuses: ['routed', 'returnedForRevision', 'awaitingFinalReply'] },
  onApproval: { label: 'На согласовании', statuses: ['draftSubmitted', 'draftResubmitted'] },
  toPublish: { label: 'Ждут размещения', statuses: ['approved'] },
  closed: { label: 'Завершённые', statuses: ['published', 'notProcessed'] },
  all: { label: 'Все', statuses: null },
} as const satisfies Record<string, { label: string; statuses: readonly MessageStatus[] | null }>;

export type StatusGroup = keyof typeof STATUS_GROUPS;

export interface QueueFilter {
  group: StatusGroup;
  importance: 'all' | Importance;
  /** '' for every unit; otherwise the responsible unit or a co-executor. */
  department: string;
  /** Only messages marked socially significant (§19). */
  sociallySignificant: boolean;
  search: string;
}

/** What `apply` receives: the filter with its group already spelled out as statuses (null: any). */
export type QueueQuery = QueueFilter & { statuses: readonly MessageStatus[] | null };

export type QueueSort = 'nextDue' | 'received' | 'updated';

export const SORT_LABELS: Record<QueueSort, string> = {
  nextDue: 'по ближайшему сроку',
  received: 'по времени поступления',
  updated: 'по последнему изменению',
};

export type Urgency = 'overdue' | 'soon' | 'ok' | 'none';

export const DEFAULT_QUEUE_FILTER: QueueFilter = { group: 'open', importance: 'all', department: '', sociallySignificant: false, search: '' };

export interface QueueProps {
  /** Null while loading. */
  rows: ReadonlySignal<MessageSummary[] | null>;
  /** Filters and sorts; lib/messages/queue.ts does the work, the view only holds the choices. */
  apply: (rows: MessageSummary[], filter: QueueQuery, sort: QueueSort) => MessageSummary[];
  /** The live countdown to the row's next deadline, e.g. «осталось 1 ч 20 мин». */
  countdown: (row: MessageSummary, now: number) => string;
  urgency: (row: MessageSummary, now: number) => Urgency;
  /** Ticks (e.g. every 30 s); only the rows in view read it. */
  now: ReadonlySignal<number>;
  onOpen: (id: string) => void;
  /** Pass signals to keep the choices while a card is open; otherwise the queue keeps its own. */
  filter?: Signal<QueueFilter>;
  sort?: Signal<QueueSort>;
  selectedId?: ReadonlySignal<string | null>;
  /** What to do when there are no messages at all: the next step for this user. */
  emptyHint?: ComponentChildren;
  /** The curator's bulk acts: with it, each row has a checkbox; without it (executors, moderators), none. */
  bulk?: QueueBulk;
  /** The checked ids; pass a signal to keep them while a card is open. */
  selection?: Signal<ReadonlySet<string>>;
  /** True while only the soonest deadlines of a large queue are read (the rest is on its way). */
  partial?: ReadonlySignal<boolean>;
}

export interface QueueBulk {
  /** Signs every event, as on the card. */
  me: { name: string; department: string };
  /** Appends `makeEvent`'s event to each message, in one transaction; says what changed and what was skipped. */
  apply: (ids: string[], makeEvent: MakeEvent) => Promise<BulkOutcome>;
  /** The time the events are stamped with; Date.now by default. */
  now?: () => number;
}

export const ROW_HEIGHT = 88;
/** Rows rendered above and below the visible part, so fast scrolling does not show blanks. */
const OVERSCAN = 6;
/** Until the container is measured (and in a DOM without layout) assume a side panel's height. */
const FALLBACK_VIEWPORT = 640;

/** The message queue: filters, sort, and a virtualised list that renders only the rows in view. */
export function Queue(props: QueueProps) {
  const { rows, apply, countdown, urgency, now, onOpen, selectedId } = props;
  const ownFilter = useSignal<QueueFilter>(DEFAULT_QUEUE_FILTER);
  const ownSort = useSignal<QueueSort>('nextDue');
  const filter = props.filter ?? ownFilter;
  const sort = props.sort ?? ownSort;

  const ownSelection = useSignal<ReadonlySet<string>>(new Set());
  const selection = props.selection ?? ownSelection;
  /** Where the last checkbox click was: a Shift+click selects from there. */
  const anchor = useRef<string | null>(null);

  const scrollTop = useSignal(0);
  const viewport = useSignal(FALLBACK_VIEWPORT);
  const scroller = useRef<HTMLDivElement>(null);

  const departments = useComputed(() => {
    const seen = new Set<string>();
    for (const r of rows.value ?? []) {
      if (r.department) seen.add(r.department);
      for (const d of r.coDepartments) if (d) seen.add(d);
    }
    return [...seen].sort((a, b) => a.localeCompare(b, 'ru'));
  });
  const shown = useComputed(() => {
    const f = filter.value;
    return apply(rows.value ?? [], { ...f, statuses: STATUS_GROUPS[f.group].statuses }, sort.value);
  });

  /** The checked rows that are shown, in the queue's order: what a bulk act applies to. */
  const checked = useComputed(() => {
    const s = selection.value;
    return s.size ? shown.value.filter((r) => s.has(r.id)) : [];
  });

  // A new filter or order is a new list: start it from the top.
  useSignalEffect(() => {
    void filter.value;
    void sort.value;
    scrollTop.value = 0;
    if (scroller.current) scroller.current.scrollTop = 0;
  });
  // What a new filter hides is no longer selected: an act never reaches a message out of sight.
  useSignalEffect(() => {
    void filter.value;
    const s = selection.peek();
    if (!s.size) return;
    const kept = new Set(shown.peek().filter((r) => s.has(r.id)).map((r) => r.id));
    if (kept.size !== s.size) selection.value = kept;
  });

  const onCheck = (id: string, on: boolean, range: boolean) => {
    const ids = shown.value.map((r) => r.id);
    const to = ids.indexOf(id);
    const from = range && anchor.current !== null ? ids.indexOf(anchor.current) : -1;
    selection.value = selectRange(selection.value, ids, from >= 0 ? from : to, to, on);
    anchor.current = id;
  };

  const hasList = rows.value !== null && shown.value.length > 0;
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => {
      if (el.clientHeight > 0) viewport.value = el.clientHeight;
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [hasList]);

  const set = <K extends keyof QueueFilter>(key: K, value: QueueFilter[K]) => {
    filter.value = { ...filter.value, [key]: value };
  };

  if (rows.value === null) return <p class="muted">Загрузка…</p>;

  const list = shown.value;
  const total = list.length;
  const first = Math.max(0, Math.min(total, Math.floor(scrollTop.value / ROW_HEIGHT) - OVERSCAN));
  const last = Math.min(total, Math.ceil((scrollTop.value + viewport.value) / ROW_HEIGHT) + OVERSCAN);
  const visible = list.slice(first, last);
  const f = filter.value;

  return (
    <div class="queue" data-testid="queue">
      <div class="filters queue-filters">
        <label>
          Состояние{' '}
          <select value={f.group} onChange={(e) => set('group', e.currentTarget.value as StatusGroup)}>
            {Object.entries(STATUS_GROUPS).map(([key, g]) => (
              <option key={key} value={key}>
                {g.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Важность{' '}
          <select value={f.importance} onChange={(e) => set('importance', e.currentTarget.value as QueueFilter['importance'])}>
            <option value="all">Любая</option>
            <option value="high">Высокая</option>
            <option value="normal">Обычная</option>
          </select>
        </label>
        <label>
          Подразделение{' '}
          <select value={f.department} onChange={(e) => set('department', e.currentTarget.value)}>
            <option value="">Все</option>
            {departments.value.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            checked={f.sociallySignificant}
            onChange={(e) => set('sociallySignificant', e.currentTarget.checked)}
          />{' '}
          только социально значимые
        </label>
        <label>
          Поиск{' '}
          <input type="search" value={f.search} placeholder="автор, текст, тема" onInput={(e) => set('search', e.currentTarget.value)} />
        </label>
        <label>
          Порядок{' '}
          <select value={sort.value} onChange={(e) => (sort.value = e.currentTarget.value as QueueSort)}>
            {Object.entries(SORT_LABELS).map(([key, label]) => (
              <option key={key} value={key}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p class="muted queue-count" aria-live="polite">
        {props.partial?.value ? `Показаны ближайшие по сроку: ${total}. Остальные сообщения загружаются…` : `Показано ${total} из ${rows.value.length}`}
      </p>
      {props.bulk && total > 0 && (
        <BulkBar
          bulk={props.bulk}
          checked={checked.value}
          shownCount={total}
          departments={departments.value}
          onSelectAll={() => (selection.value = new Set(list.map((r) => r.id)))}
          onClear={() => (selection.value = new Set())}
        />
      )}
      {total === 0 ? (
        rows.value.length ? (
          <p class="muted">Под фильтр ничего не попало.</p>
        ) : (
          <div class="queue-empty" data-testid="queue-empty">
            <p>Сообщений пока нет.</p>
            {props.emptyHint && <p class="muted">{props.emptyHint}</p>}
          </div>
        )
      ) : (
        <div
          ref={scroller}
          class="queue-scroll"
          tabIndex={-1}
          onScroll={(e) => (scrollTop.value = e.currentTarget.scrollTop)}
        >
          {/* Layout values computed per scroll position cannot come from a stylesheet. */}
          <div class="queue-spacer" style={{ height: `${total * ROW_HEIGHT}px` }}>
            <div class="queue-window" role="list" aria-label="Сообщения" style={{ transform: `translateY(${first * ROW_HEIGHT}px)` }}>
              {visible.map((row, i) => (
                <QueueRow
                  key={row.id}
                  row={row}
                  position={first + i + 1}
                  total={total}
                  now={now}
                  countdown={countdown}
                  urgency={urgency}
                  onOpen={onOpen}
                  selected={selectedId?.value === row.id}
                  checked={props.bulk ? selection.value.has(row.id) : null}
                  onCheck={onCheck}
                />
              ))}
            </div>
          </div>
        </div>
      )}
    </div>
  );
}

interface RowProps {
  row: MessageSummary;
  position: number;
  total: number;
  now: ReadonlySignal<number>;
  countdown: QueueProps['countdown'];
  urgency: QueueProps['urgency'];
  onOpen: (id: string) => void;
  selected: boolean;
  /** null: the row has no checkbox. */
  checked: boolean | null;
  onCheck: (id: string, on: boolean, range: boolean) => void;
}

function QueueRow({ row, position, total, now, countdown, urgency, onOpen, selected, checked, onCheck }: RowProps) {
  // Reading the tick here, not in the list, keeps each tick's work to the rows on screen.
  const t = now.value;
  const level = urgency(row, t);
  const left = countdown(row, t);
  const classes = ['queue-row', `importance-${row.importance}`, selected ? 'selected' : '', checked !== null ? 'checkable' : '', checked ? 'checked' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div
      class={classes}
      role="listitem"
      tabIndex={0}
      data-id={row.id}
      aria-posinset={position}
      aria-setsize={total}
      aria-current={selected ? 'true' : undefined}
      onClick={() => onOpen(row.id)}
      onKeyDown={(e) => {
        // Keys on the checkbox are the checkbox's: Space there selects, it does not open the card.
        if (e.target !== e.currentTarget) return;
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onOpen(row.id);
        }
      }}
    >
      {checked !== null && (
        // The whole strip at the row's left edge is the checkbox's: a click there never opens the card.
        <label class="queue-check" onClick={(e) => e.stopPropagation()}>
          <input
            type="checkbox"
            checked={checked}
            aria-label={`Выбрать: ${row.author || 'автор неизвестен'}, ${STATUS_SHORT[row.status]}`}
            onClick={(e) => onCheck(row.id, e.currentTarget.checked, e.shiftKey)}
          />
        </label>
      )}
      <div class="queue-row-head">
        <span class="queue-status" title={STATUS_TITLES[row.status]}>
          {STATUS_SHORT[row.status]}
        </span>
        {row.importance === 'high' && <span class="queue-high">высокая важность</span>}
        {row.sociallySignificant && (
          <span class="queue-significant" title="Социально значимое (п. 19)">
            значимое
          </span>
        )}
        {row.conflict && (
          <span class="queue-conflict" title="Изменено на двух компьютерах: нужно решение Куратора">
            требует решения
          </span>
        )}
        <span class="queue-department">{row.department || 'не направлено'}</span>
      </div>
      {/* The countdown has a line of its own: at a side panel's 360 px nothing may push it out. */}
      {left && (
        <div class={`queue-countdown urgency-${level}`} title={row.nextOwner ? `Отвечает: ${row.nextOwner}` : undefined}>
          {left}
        </div>
      )}
      <div class="queue-row-body">
        <span class="queue-author">{row.author || 'Автор неизвестен'}</span>
        <span class="queue-snippet">{row.snippet}</span>
      </div>
    </div>
  );
}

type BulkKind = BulkAction['type'];

const BULK_KINDS: Record<BulkKind, string> = {
  routed: 'Направить исполнителям (п. 4.4)',
  categorised: 'Изменить важность (п. 4.2)',
  notProcessed: 'Не подлежит обработке (п. 16)',
};

interface BulkBarProps {
  bulk: QueueBulk;
  checked: MessageSummary[];
  shownCount: number;
  departments: string[];
  onSelectAll: () => void;
  onClear: () => void;
}

/** «Выбрано: N», selecting all shown, and the act for the selection with what it will change. */
function BulkBar({ bulk, checked, shownCount, departments, onSelectAll, onClear }: BulkBarProps) {
  const kind = useSignal<BulkKind>('routed');
  const responsible = useSignal('');
  const co = useSignal<string[]>([]);
  const importance = useSignal<Importance>('high');
  const reason = useSignal<NotProcessedReason | ''>('');
  const pending = useSignal(false);
  const error = useSignal<string | null>(null);
  const result = useSignal<string | null>(null);

  const n = checked.length;
  const name = bulk.me.name.trim();

  /** The act as the form stands, or what is missing for it. */
  const action = (): BulkAction | string => {
    switch (kind.value) {
      case 'routed': {
        const units = [responsible.value.trim(), ...co.value.map((d) => d.trim()).filter(Boolean)];
        if (!units[0]) return 'Укажите ответственное подразделение.';
        if (new Set(units).size !== units.length) return 'Одно подразделение указано дважды.';
        return { type: 'routed', executors: units.map((department) => ({ department })) };
      }
      case 'categorised':
        return { type: 'categorised', importance: importance.value };
      case 'notProcessed':
        return reason.value ? { type: 'notProcessed', reason: reason.value } : 'Выберите основание (п. 16).';
    }
  };
  const current = action();
  // Until the form is filled in, the forecast of routing or refusal needs only the act (importance always has its value).
  const forecast = bulkPreview(checked, typeof current === 'string' ? { type: kind.value as 'routed' | 'notProcessed' } : current);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (pending.value) return;
    const act = action();
    if (typeof act === 'string') {
      error.value = act;
      return;
    }
    const department = bulk.me.department.trim();
    const actor: Actor = department ? { role: 'curator', name, department } : { role: 'curator', name };
    const ids = checked.map((r) => r.id);
    pending.value = true;
    error.value = null;
    result.value = null;
    try {
      const outcome = await bulk.apply(ids, bulkEvent(act, actor, (bulk.now ?? Date.now)()));
      result.value = bulkOutcomeText(outcome);
      onClear();
    } catch (err) {
      // One transaction for the whole act: when it fails, none of the messages changed.
      error.value = `Ничего не изменено: ${err instanceof Error ? err.message : String(err)}`;
    } finally {
      pending.value = false;
    }
  };

  const listId = 'bulk-departments';
  return (
    <section class="queue-bulk" aria-label="Действия с выбранными">
      <div class="queue-bulk-head">
        <span class="queue-bulk-count" aria-live="polite">
          Выбрано: {formatCount(n)}
        </span>
        <button type="button" class="link" onClick={onSelectAll} disabled={n === shownCount}>
          Выбрать все показанные ({formatCount(shownCount)})
        </button>
        {n > 0 && (
          <button type="button" class="link" onClick={onClear}>
            Снять выбор
          </button>
        )}
      </div>
      {n > 0 &&
        (!name ? (
          <p class="muted">Укажите своё имя в настройках: каждое действие подписывается.</p>
        ) : (
          <form class="queue-bulk-form" onSubmit={submit} noValidate>
            <label class="field">
              Действие
              <select
                value={kind.value}
                onChange={(e) => {
                  kind.value = e.currentTarget.value as BulkKind;
                  error.value = null;
                }}
              >
                {Object.entries(BULK_KINDS).map(([key, label]) => (
                  <option key={key} value={key}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
            {kind.value === 'routed' && (
              <>
                {departments.length > 0 && (
                  <datalist id={listId}>
                    {departments.map((d) => (
                      <option key={d} value={d} />
                    ))}
                  </datalist>
                )}
                <label class="field">
                  Ответственное подразделение
                  <input
                    type="text"
                    value={responsible.value}
                    list={departments.length ? listId : undefined}
                    onInput={(e) => (responsible.value = e.currentTarget.value)}
                  />
                </label>
                <CoExecutors units={co} listId={departments.length ? listId : undefined} />
              </>
            )}
            {kind.value === 'categorised' && (
<ImportanceField value={importance} />
            )}
            {kind.value === 'notProcessed' && (
              <ReasonField value={reason as Signal<string>} />
            )}
            <p class="muted queue-bulk-forecast" data-testid="bulk-forecast">
              {bulkOutcomeText(forecast, true)}
            </p>
            {error.value && (
              <p class="form-error" role="alert">
                {error.value}
              </p>
            )}
            <button type="submit" disabled={pending.value}>
              Применить к выбранным
            </button>
          </form>
        ))}
      {result.value && (
        <p class="ok queue-bulk-result" role="status">
          {result.value}
        </p>
      )}
    </section>
  );
}
