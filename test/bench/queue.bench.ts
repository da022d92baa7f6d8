/**
 * The queue with 50,000 messages: filtering, search and sorting, as the side panel runs them on
 * every keystroke and every tick of the countdown (the list itself renders only the rows in view).
 */
import { queryQueue } from '../../lib/messages/queue';
import type { MessageSummary } from '../../lib/messages/types';
import { seeded } from '../random';

const COUNT = 50_000;
const STATUSES = ['received', 'routed', 'draftSubmitted', 'approved', 'published'] as const;
const DEPARTMENTS = ['Департамент городского хозяйства', 'Департамент транспорта', 'Департамент образования', 'Администрация округа'];
const TEXTS = ['Когда дадут горячую воду', 'Яма на дороге у школы', 'Автобус не ходит по расписанию', 'Не вывозят мусор', 'Сломана детская площадка'];

function rows(): MessageSummary[] {
  const r = seeded(7);
  const base = Date.UTC(2025, 8, 1);
  return Array.from({ length: COUNT }, (_, i) => ({
    id: `m${i}`,
    site: r.next() < 0.7 ? 'vk' : 'ok',
    commentRef: `vk:-1_${i}`,
    status: r.pick(STATUSES),
    importance: r.next() < 0.2 ? 'high' : 'normal',
    topic: r.pick(['ЖКХ', 'Дороги', 'Транспорт', 'Благоустройство']),
    location: `ул. Ленина, ${r.int(1, 200)}`,
    department: r.pick(DEPARTMENTS),
    coDepartments: [],
    author: `Житель ${r.int(1, 5000)}`,
    snippet: `${r.pick(TEXTS)} — ${i}`,
    receivedAt: base + r.int(0, 90) * 86_400_000,
    nextName: 'replyDeadline',
    nextDue: r.next() < 0.1 ? null : base + r.int(0, 100) * 86_400_000,
    nextOwner: 'Куратор',
    violations: 0,
    sociallySignificant: r.next() < 0.02,
    conflict: false,
    updatedAt: base + i,
  }));
}

function time(run: () => unknown, times = 5): number {
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    run();
    ms.push(performance.now() - t);
  }
  return Math.round(ms.sort((a, b) => a - b)[Math.floor(times / 2)]!);
}

export function benchQueue() {
  const all = rows();
  const open = ['received', 'routed', 'draftSubmitted', 'approved'] as const;
  return {
    messages: COUNT,
    openSortedMs: time(() => queryQueue(all, { statuses: open, importance: 'all', department: '' }, 'nextDue')),
    searchMs: time(() => queryQueue(all, { statuses: null, importance: 'all', department: '', search: 'яма ленина' }, 'nextDue')),
    departmentMs: time(() => queryQueue(all, { statuses: open, importance: 'high', department: 'Департамент транспорта' }, 'received')),
  };
}
