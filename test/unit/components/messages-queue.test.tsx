import { signal } from '@preact/signals';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { Queue, ROW_HEIGHT, type QueueBulk, type QueueQuery, type QueueSort } from '@/components/workspace/messages/Queue';
import { derive } from '@/lib/messages/summary';
import { replay } from '@/lib/workflow/reducer';
import type { MessageRecord, MessageSummary } from '@/lib/messages/types';
import type { MessageEvent } from '@/lib/workflow/schema';
import { createWorkClock } from '@/lib/worktime/clock';
import { messageRecord } from '../../messages';

// Tuesday 13 May 2025, 09:00 in Omsk (UTC+6): a working morning.
const T0 = Date.UTC(2025, 4, 13, 3, 0);
const MIN = 60_000;
const clock = createWorkClock();

const curator = { role: 'curator', name: 'Ольга Петрова' } as const;

function record(id: string, events: MessageEvent[], author: string, text: string): MessageRecord {
  return messageRecord(id, events, { author, text, createdAt: T0, updatedAt: T0, source: { writtenAt: T0 - 10 * MIN } });
}

/** Three real summaries (received; routed to a unit with a co-executor; high importance) repeated to any length. */
function summaries(n: number): MessageSummary[] {
  const received = derive(
    record('a', [{ type: 'received', actor: curator, at: T0, payload: { importance: 'normal', topic: 'Дороги' } }], 'Анна', 'Яма на дороге у дома 5'),
    clock,
    T0 + 5 * MIN,
  ).summary;
  const routed = derive(
    record(
      'b',
      [
        { type: 'received', actor: curator, at: T0, payload: { importance: 'normal' } },
        {
          type: 'routed',
          actor: curator,
          at: T0 + 10 * MIN,
          payload: { executors: [{ department: 'Департамент городского хозяйства' }, { department: 'Департамент транспорта' }] },
        },
      ],
      'Борис',
      'Не убирают снег во дворе',
    ),
    clock,
    T0 + 15 * MIN,
  ).summary;
  const high = derive(
    record('c', [{ type: 'received', actor: curator, at: T0, payload: { importance: 'high' } }], 'Вера', 'Прорыв трубы, нет воды'),
    clock,
    T0 + 5 * MIN,
  ).summary;
  const base = [received, routed, high];
  return Array.from({ length: n }, (_, i) => ({ ...base[i % 3]!, id: `m${i}`, author: `${base[i % 3]!.author} ${i}` }));
}

function simpleApply(rows: MessageSummary[], f: QueueQuery, _sort: QueueSort): MessageSummary[] {
  const q = f.search.trim().toLowerCase();
  return rows.filter(
    (r) =>
      (!f.statuses || f.statuses.includes(r.status)) &&
      (f.importance === 'all' || r.importance === f.importance) &&
      (!f.department || r.department === f.department || r.coDepartments.includes(f.department)) &&
      (!q || r.snippet.toLowerCase().includes(q) || r.author.toLowerCase().includes(q)),
  );
}

const countdown = (row: MessageSummary, now: number) =>
  row.nextDue === null ? '' : `осталось ${Math.round((row.nextDue - now) / MIN)} мин`;
const urgency = (row: MessageSummary, now: number) =>
  row.nextDue === null ? ('none' as const) : row.nextDue < now ? ('overdue' as const) : row.nextDue - now <= 30 * MIN ? ('soon' as const) : ('ok' as const);

function renderQueue(n: number, over: { apply?: typeof simpleApply; onOpen?: (id: string) => void; countdown?: typeof countdown } = {}) {
  const rows = signal<MessageSummary[] | null>(summaries(n));
  const now = signal(T0 + 20 * MIN);
  const view = render(
    <Queue
      rows={rows}
      apply={over.apply ?? simpleApply}
      countdown={over.countdown ?? countdown}
      urgency={urgency}
      now={now}
      onOpen={over.onOpen ?? (() => {})}
    />,
  );
  const items = () => [...view.container.querySelectorAll<HTMLElement>('.queue-row')];
  return { ...view, rows, now, items };
}

describe('the message queue', () => {
  it('renders only a window of 50,000 rows, and scrolling shows later ones', () => {
    const { container, items } = renderQueue(50_000);
    expect(screen.getByText('Показано 50000 из 50000')).toBeTruthy();
    expect(items().length).toBeGreaterThan(0);
    expect(items().length).toBeLessThan(100);
    expect(items()[0]!.dataset.id).toBe('m0');
    const spacer = container.querySelector<HTMLElement>('.queue-spacer')!;
    expect(spacer.style.height).toBe(`${50_000 * ROW_HEIGHT}px`);

    const scroller = container.querySelector<HTMLElement>('.queue-scroll')!;
    scroller.scrollTop = 30_000 * ROW_HEIGHT;
    fireEvent.scroll(scroller);
    const ids = items().map((r) => r.dataset.id);
    expect(ids).toContain('m30000');
    expect(ids).not.toContain('m0');
    expect(ids.length).toBeLessThan(100);
    expect(items()[0]!.getAttribute('aria-posinset')).toBe(String(Number(ids[0]!.slice(1)) + 1));
  });

  it('shows status, importance, department, author, snippet and a coloured countdown', () => {
    const { items } = renderQueue(3);
    const [received, routed, high] = items();
    expect(received!.textContent).toContain('поступило');
    expect(received!.textContent).toContain('не направлено');
    expect(received!.textContent).toContain('Анна 0');
    expect(received!.textContent).toContain('Яма на дороге у дома 5');
    // T0 + 30 min is the §4.4 deadline; at T0 + 20 min ten minutes are left: amber.
    expect(received!.querySelector('.queue-countdown')!.textContent).toBe('осталось 10 мин');
    expect(received!.querySelector('.queue-countdown')!.classList.contains('urgency-soon')).toBe(true);
    expect(routed!.textContent).toContain('у исполнителей');
    expect(routed!.textContent).toContain('Департамент городского хозяйства');
    expect(high!.querySelector('.queue-high')).toBeTruthy();
    expect(received!.querySelector('.queue-high')).toBeNull();
  });

  it('re-colours the countdown on a tick, computing only the rows in view', () => {
    const count = vi.fn(countdown);
    const { now, items } = renderQueue(50_000, { countdown: count });
    count.mockClear();
    act(() => {
      now.value = T0 + 40 * MIN;
    });
    expect(count.mock.calls.length).toBeGreaterThan(0);
    expect(count.mock.calls.length).toBeLessThan(100);
    expect(items()[0]!.querySelector('.queue-countdown')!.classList.contains('urgency-overdue')).toBe(true);
  });

  it('passes the filters and the sort to apply and shows the count', () => {
    const apply = vi.fn(simpleApply);
    renderQueue(300, { apply });
    expect(apply).toHaveBeenLastCalledWith(expect.any(Array), expect.objectContaining({ group: 'open', importance: 'all' }), 'nextDue');

    fireEvent.change(screen.getByLabelText('Важность'), { target: { value: 'high' } });
    expect(apply).toHaveBeenLastCalledWith(expect.any(Array), expect.objectContaining({ importance: 'high' }), 'nextDue');
    expect(screen.getByText('Показано 100 из 300')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Важность'), { target: { value: 'all' } });
    const select = screen.getByLabelText('Подразделение') as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual(['', 'Департамент городского хозяйства', 'Департамент транспорта']);
    fireEvent.change(select, { target: { value: 'Департамент транспорта' } });
    expect(screen.getByText('Показано 100 из 300')).toBeTruthy();

    fireEvent.change(select, { target: { value: '' } });
    fireEvent.input(screen.getByLabelText('Поиск'), { target: { value: 'прорыв' } });
    expect(apply).toHaveBeenLastCalledWith(expect.any(Array), expect.objectContaining({ search: 'прорыв' }), 'nextDue');
    expect(screen.getByText('Показано 100 из 300')).toBeTruthy();

    fireEvent.input(screen.getByLabelText('Поиск'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Состояние'), { target: { value: 'closed' } });
    expect(apply).toHaveBeenLastCalledWith(
      expect.any(Array),
      expect.objectContaining({ group: 'closed', statuses: ['published', 'notProcessed'] }),
      'nextDue',
    );
    expect(screen.getByText('Показано 0 из 300')).toBeTruthy();
    expect(screen.getByText('Под фильтр ничего не попало.')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Состояние'), { target: { value: 'all' } });
    fireEvent.click(screen.getByLabelText('только социально значимые'));
    expect(apply).toHaveBeenLastCalledWith(expect.any(Array), expect.objectContaining({ sociallySignificant: true }), 'nextDue');

    fireEvent.change(screen.getByLabelText('Порядок'), { target: { value: 'received' } });
    expect(apply).toHaveBeenLastCalledWith(expect.any(Array), expect.anything(), 'received');
  });

  it('opens a message on click and on Enter', () => {
    const onOpen = vi.fn();
    const { items } = renderQueue(10, { onOpen });
    fireEvent.click(items()[2]!);
    expect(onOpen).toHaveBeenLastCalledWith('m2');
    fireEvent.keyDown(items()[4]!, { key: 'Enter' });
    expect(onOpen).toHaveBeenLastCalledWith('m4');
  });

  it('renders text from messages as text', () => {
    const rows = signal<MessageSummary[] | null>(
      summaries(1).map((r) => ({ ...r, author: '<b>x</b>', snippet: '<img src=x onerror=alert(1)>' })),
    );
    const { container } = render(
      <Queue rows={rows} apply={simpleApply} countdown={countdown} urgency={urgency} now={signal(T0)} onOpen={() => {}} />,
    );
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
    expect(container.querySelector('img, b')).toBeNull();
  });
});

describe('bulk acts on the queue (curator)', () => {
  function renderBulk(n: number, over: { apply?: QueueBulk['apply']; onOpen?: (id: string) => void; name?: string } = {}) {
    const rows = signal<MessageSummary[] | null>(summaries(n));
    const apply = vi.fn(over.apply ?? (async (ids: string[]) => ({ changed: ids, skipped: [] })));
    const onOpen = vi.fn(over.onOpen ?? (() => {}));
    const view = render(
      <Queue
        rows={rows}
        apply={simpleApply}
        countdown={countdown}
        urgency={urgency}
        now={signal(T0 + 20 * MIN)}
        onOpen={onOpen}
        bulk={{ me: { name: over.name ?? 'Ольга Петрова', department: '' }, apply, now: () => T0 + 25 * MIN }}
      />,
    );
    const boxes = () => [...view.container.querySelectorAll<HTMLInputElement>('.queue-check input[type="checkbox"]')];
    const items = () => [...view.container.querySelectorAll<HTMLElement>('.queue-row')];
    const count = () => view.container.querySelector('.queue-bulk-count')!.textContent;
    return { ...view, rows, apply, onOpen, boxes, items, count };
  }

  it('has no checkboxes for executors and moderators (no bulk acts given)', () => {
    const { container } = renderQueue(10);
    expect(container.querySelector('.queue-check')).toBeNull();
    expect(screen.queryByText(/Выбрано:/)).toBeNull();
    expect(screen.queryByText(/Выбрать все показанные/)).toBeNull();
  });

  it('selects with the row checkbox without opening the card; Space on the row still opens it', () => {
    const { boxes, items, onOpen, count } = renderBulk(10);
    expect(count()).toBe('Выбрано: 0');
    fireEvent.click(boxes()[2]!);
    expect(count()).toBe('Выбрано: 1');
    expect(boxes()[2]!.checked).toBe(true);
    expect(onOpen).not.toHaveBeenCalled();

    // Space on the focused checkbox is the checkbox's own key: it must not open the card.
    fireEvent.keyDown(boxes()[3]!, { key: ' ' });
    expect(onOpen).not.toHaveBeenCalled();

    fireEvent.keyDown(items()[4]!, { key: ' ' });
    expect(onOpen).toHaveBeenLastCalledWith('m4');
    expect(count()).toBe('Выбрано: 1');
    fireEvent.click(boxes()[2]!);
    expect(count()).toBe('Выбрано: 0');
  });

  it('selects a range with Shift+click, and unselects one the same way', () => {
    const { boxes, count } = renderBulk(10);
    fireEvent.click(boxes()[1]!);
    fireEvent.click(boxes()[5]!, { shiftKey: true });
    expect(count()).toBe('Выбрано: 5');
    expect(boxes().map((b) => b.checked)).toEqual([false, true, true, true, true, true, false, false, false, false]);
    // From the last click upwards, to the clicked box's new state: unchecked.
    fireEvent.click(boxes()[4]!);
    fireEvent.click(boxes()[2]!, { shiftKey: true });
    expect(boxes().map((b) => b.checked)).toEqual([false, true, false, false, false, true, false, false, false, false]);
    expect(count()).toBe('Выбрано: 2');
  });

  it('«Выбрать все показанные» takes every row under the filter, not only the rendered ones', async () => {
    const { apply, items, count } = renderBulk(300);
    fireEvent.change(screen.getByLabelText('Важность'), { target: { value: 'high' } });
    expect(items().length).toBeLessThan(100);
    fireEvent.click(screen.getByRole('button', { name: 'Выбрать все показанные (100)' }));
    expect(count()).toBe('Выбрано: 100');

    fireEvent.change(screen.getByLabelText('Действие'), { target: { value: 'notProcessed' } });
    fireEvent.change(screen.getByLabelText('Основание (п. 16)'), { target: { value: 'obscene' } });
    fireEvent.click(screen.getByRole('button', { name: 'Применить к выбранным' }));
    await waitFor(() => expect(apply).toHaveBeenCalledTimes(1));
    const ids = apply.mock.calls[0]![0];
    expect(ids).toHaveLength(100);
    expect(ids.slice(0, 3)).toEqual(['m2', 'm5', 'm8']);
  });

  it('drops from the selection what a new filter hides', () => {
    const { boxes, count } = renderBulk(9);
    fireEvent.click(boxes()[0]!);
    fireEvent.click(boxes()[2]!, { shiftKey: true });
    expect(count()).toBe('Выбрано: 3');
    fireEvent.change(screen.getByLabelText('Важность'), { target: { value: 'high' } });
    expect(count()).toBe('Выбрано: 1');
    fireEvent.change(screen.getByLabelText('Важность'), { target: { value: 'all' } });
    expect(count()).toBe('Выбрано: 1');
  });

  it('routes the selection to a responsible unit and a co-executor, forecasting and then reporting what was skipped', async () => {
    const { boxes, apply, count } = renderBulk(6, {
      apply: async (ids) => ({ changed: ids.filter((id) => id !== 'm1' && id !== 'm4'), skipped: [{ id: 'm1', why: 'status', status: 'routed' }, { id: 'm4', why: 'status', status: 'routed' }] }),
    });
    fireEvent.click(boxes()[0]!);
    fireEvent.click(boxes()[5]!, { shiftKey: true });
    // m1 and m4 are already with executors: the table does not allow routing them again.
    expect(screen.getByTestId('bulk-forecast').textContent).toBe('Будет изменено: 4. Будет пропущено 2: уже направлены.');

    fireEvent.click(screen.getByRole('button', { name: 'Применить к выбранным' }));
    expect(screen.getByRole('alert').textContent).toBe('Укажите ответственное подразделение.');
    expect(apply).not.toHaveBeenCalled();

    fireEvent.input(screen.getByLabelText('Ответственное подразделение'), { target: { value: 'Департамент городского хозяйства' } });
    fireEvent.click(screen.getByRole('button', { name: '+ соисполнитель' }));
    fireEvent.input(screen.getByLabelText('Соисполнитель 1'), { target: { value: 'Департамент транспорта' } });
    fireEvent.click(screen.getByRole('button', { name: 'Применить к выбранным' }));

    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Изменено: 4. Пропущено 2: уже направлены.'));
    const [ids, makeEvent] = apply.mock.calls[0]!;
    expect(ids).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5']);
    const received = replay([{ type: 'received', actor: curator, at: T0, payload: { importance: 'normal' } }]);
    expect(makeEvent(record('m0', [], 'Анна', ''), received)).toEqual({
      type: 'routed',
      actor: { role: 'curator', name: 'Ольга Петрова' },
      at: T0 + 25 * MIN,
      payload: { executors: [{ department: 'Департамент городского хозяйства' }, { department: 'Департамент транспорта' }] },
    });
    expect(count()).toBe('Выбрано: 0');
  });

  it('sets importance, leaving alone what already has it', async () => {
    const { boxes, apply } = renderBulk(3);
    fireEvent.click(boxes()[0]!);
    fireEvent.click(boxes()[2]!, { shiftKey: true });
    fireEvent.change(screen.getByLabelText('Действие'), { target: { value: 'categorised' } });
    expect((screen.getByLabelText('Важность', { selector: '.queue-bulk select' }) as HTMLSelectElement).value).toBe('high');
    expect(screen.getByTestId('bulk-forecast').textContent).toBe('Будет изменено: 2. Будет пропущено 1: уже высокой важности.');
    fireEvent.click(screen.getByRole('button', { name: 'Применить к выбранным' }));
    await waitFor(() => expect(apply).toHaveBeenCalledTimes(1));
    const makeEvent = apply.mock.calls[0]![1];
    const normal = replay([{ type: 'received', actor: curator, at: T0, payload: { importance: 'normal' } }]);
    const high = replay([{ type: 'received', actor: curator, at: T0, payload: { importance: 'high' } }]);
    expect(makeEvent(record('m0', [], '', ''), normal)).toMatchObject({ type: 'categorised', payload: { importance: 'high' } });
    expect(makeEvent(record('m2', [], '', ''), high)).toBe('уже высокой важности');
  });

  it('says when the act failed as a whole', async () => {
    const { boxes } = renderBulk(3, {
      apply: async () => {
        throw new Error('QuotaExceededError');
      },
    });
    fireEvent.click(boxes()[0]!);
    fireEvent.change(screen.getByLabelText('Действие'), { target: { value: 'notProcessed' } });
    fireEvent.click(screen.getByRole('button', { name: 'Применить к выбранным' }));
    expect(screen.getByRole('alert').textContent).toBe('Выберите основание (п. 16).');
    fireEvent.change(screen.getByLabelText('Основание (п. 16)'), { target: { value: 'insult' } });
    fireEvent.click(screen.getByRole('button', { name: 'Применить к выбранным' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Ничего не изменено: QuotaExceededError'));
  });

  it('asks for a name first: every act is signed', () => {
    const { boxes } = renderBulk(3, { name: ' ' });
    fireEvent.click(boxes()[0]!);
    expect(screen.getByText('Укажите своё имя в настройках: каждое действие подписывается.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Применить к выбранным' })).toBeNull();
  });
});
