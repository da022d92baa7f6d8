import { useComputed, useSignal, useSignalEffect, type ReadonlySignal, type Signal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { MessageSummary } from '@/lib/messages/types';
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

  // A new filter or order is a new list: start it from the top.
  useSignalEffect(() => {
    void filter.value;
    void sort.value;
    scrollTop.value = 0;
    if (scroller.current) scroller.current.scrollTop = 0;
  });

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
        Показано {total} из {rows.value.length}
      </p>
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
}

function QueueRow({ row, position, total, now, countdown, urgency, onOpen, selected }: RowProps) {
  // Reading the tick here, not in the list, keeps each tick's work to the rows on screen.
  const t = now.value;
  const level = urgency(row, t);
  const left = countdown(row, t);
  const classes = ['queue-row', `importance-${row.importance}`, selected ? 'selected' : ''].filter(Boolean).join(' ');
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
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onOpen(row.id);
        }
      }}
    >
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
