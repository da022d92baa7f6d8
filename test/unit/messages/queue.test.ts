import { describe, expect, it } from 'vitest';
import {
  DEADLINE_NOUNS,
  countdownText,
  filterQueue,
  formatDue,
  formatWorkingDuration,
  queryQueue,
  rowCountdown,
  sortQueue,
  urgency,
  type QueueFilter,
} from '@/lib/messages/queue';
import type { MessageSummary } from '@/lib/messages/types';
import { DEADLINE_NAMES, type DeadlineName } from '@/lib/workflow/table';
import { createWorkClock } from '@/lib/worktime';

// Omsk, Tuesday 16 September 2025: 08:30–13:00 and 14:00–17:45.
const omsk = (s: string) => Date.parse(`${s}+06:00`);
const clock = createWorkClock();
const MIN = 60_000;

let n = 0;
function row(over: Partial<MessageSummary> = {}): MessageSummary {
  n++;
  return {
    id: `m${n}`,
    site: 'vk',
    commentRef: `vk:-1_${n}`,
    status: 'routed',
    importance: 'normal',
    topic: '',
    location: '',
    department: '',
    coDepartments: [],
    author: '',
    snippet: '',
    receivedAt: omsk('2025-09-16T09:00:00'),
    nextName: 'replyDeadline',
    nextDue: omsk('2025-09-16T16:45:00'),
    nextOwner: 'Куратор',
    violations: 0,
    sociallySignificant: false,
    conflict: false,
    updatedAt: omsk('2025-09-16T09:00:00'),
    ...over,
  };
}

describe('formatWorkingDuration', () => {
  it.each<[number, string]>([
    [0, '0 мин'],
    [1, '1 мин'],
    [45, '45 мин'],
    [60, '1 ч'],
    [80, '1 ч 20 мин'],
    [540, '9 ч'],
    [1621, '27 ч 1 мин'],
    [-25, '25 мин'],
    [44.6, '45 мин'],
  ])('%s → %s', (minutes, text) => {
    expect(formatWorkingDuration(minutes)).toBe(text);
  });

  it('refuses what is not a number', () => {
    expect(() => formatWorkingDuration(Number.NaN)).toThrow(RangeError);
  });
});

describe('formatDue', () => {
  it.each<[string, string, string, string]>([
    ['2025-09-16T16:45:00', '2025-09-16T09:00:00', 'Asia/Omsk', '16:45'],
    ['2025-09-17T11:45:00', '2025-09-16T17:00:00', 'Asia/Omsk', '17.09 11:45'],
    ['2026-01-12T10:00:00', '2025-12-30T10:00:00', 'Asia/Omsk', '12.01.2026 10:00'],
    // 00:30 in Omsk is still the 16th in Moscow.
    ['2025-09-17T00:30:00', '2025-09-16T20:00:00', 'Europe/Moscow', '21:30'],
  ])('%s seen at %s in %s', (due, now, zone, text) => {
    expect(formatDue(omsk(due), omsk(now), zone)).toBe(text);
  });
});

describe('countdownText', () => {
  it.each<[string, string, string]>([
    ['2025-09-16T16:45:00', '2025-09-16T15:25:00', 'ответ до 16:45, осталось 1 ч 20 мин'],
    ['2025-09-16T16:45:00', '2025-09-16T15:25:30', 'ответ до 16:45, осталось 1 ч 20 мин'],
    ['2025-09-16T16:45:00', '2025-09-16T16:44:30', 'ответ до 16:45, осталось меньше минуты'],
    ['2025-09-16T16:45:00', '2025-09-16T16:45:00', 'ответ до 16:45, осталось меньше минуты'],
    // Lunch does not count: 12:50–13:00 and 14:00–14:20.
    ['2025-09-16T14:20:00', '2025-09-16T12:50:00', 'ответ до 14:20, осталось 30 мин'],
    ['2025-09-16T16:45:00', '2025-09-16T17:10:00', 'ответ до 16:45, просрочено на 25 мин'],
    ['2025-09-16T16:45:00', '2025-09-16T17:10:59', 'ответ до 16:45, просрочено на 25 мин'],
    // Missed at 17:30; the evening does not add to it, the next morning does.
    ['2025-09-16T17:30:00', '2025-09-16T20:00:00', 'ответ до 17:30, просрочено на 15 мин'],
    ['2025-09-16T17:30:00', '2025-09-17T09:00:00', 'ответ до 16.09 17:30, просрочено на 45 мин'],
    ['2025-09-16T17:45:00', '2025-09-16T18:30:00', 'ответ до 17:45, просрочено'],
    ['2025-09-17T11:45:00', '2025-09-16T17:00:00', 'ответ до 17.09 11:45, осталось 4 ч'],
    // Friday closes at 16:30; Monday counts on.
    ['2025-09-22T09:00:00', '2025-09-19T16:00:00', 'ответ до 22.09 09:00, осталось 1 ч'],
    // Out of working hours the minutes are working ones, counted from the next working instant.
    ['2025-09-17T09:00:00', '2025-09-16T20:00:00', 'ответ до 17.09 09:00, осталось 30 мин раб. времени, с 17.09 08:30'],
    ['2025-09-16T14:20:00', '2025-09-16T13:30:00', 'ответ до 14:20, осталось 20 мин раб. времени, с 14:00'],
    ['2025-09-22T09:00:00', '2025-09-20T12:00:00', 'ответ до 22.09 09:00, осталось 30 мин раб. времени, с 22.09 08:30'],
  ])('due %s, now %s: %s', (due, now, text) => {
    expect(countdownText('replyDeadline', omsk(due), omsk(now), clock, 'Asia/Omsk')).toBe(text);
  });

  it.each<[DeadlineName, string]>([
    ['routeDeadline', 'направить до 16:45'],
    ['draftDeadline', 'проект до 16:45'],
    ['replyDeadline', 'ответ до 16:45'],
    ['publicationDeadline', 'ответ до 16:45'],
    ['approvalDeadline', 'согласовать до 16:45'],
    ['revisionDeadline', 'доработать до 16:45'],
    ['finalReplyDeadline', 'окончательный проект до 16:45'],
    ['coExecutorInformationDeadline', 'информация до 16:45'],
    ['jointDraftDeadline', 'общий проект до 16:45'],
  ])('%s: «%s…»', (name, head) => {
    expect(countdownText(name, omsk('2025-09-16T16:45:00'), omsk('2025-09-16T16:15:00'), clock)).toBe(`${head}, осталось 30 мин`);
  });

  it('has a noun for every deadline of the table', () => {
    expect(Object.keys(DEADLINE_NOUNS).sort()).toEqual([...DEADLINE_NAMES].sort());
    for (const noun of Object.values(DEADLINE_NOUNS)) expect(noun).toMatch(/ до$/);
  });

  it('shows the time in the zone it is given (the clock’s by default)', () => {
    const due = omsk('2025-09-16T16:45:00');
    const now = omsk('2025-09-16T15:25:00');
    expect(countdownText('replyDeadline', due, now, clock)).toBe('ответ до 16:45, осталось 1 ч 20 мин');
    expect(countdownText('replyDeadline', due, now, clock, 'Europe/Moscow')).toBe('ответ до 13:45, осталось 1 ч 20 мин');
  });

  it('rowCountdown reads the row’s next deadline', () => {
    const now = omsk('2025-09-16T16:15:00');
    expect(rowCountdown(row({ nextName: 'approvalDeadline' }), now, clock)).toBe('согласовать до 16:45, осталось 30 мин');
    expect(rowCountdown(row({ nextName: null, nextDue: null }), now, clock)).toBeNull();
  });
});

describe('urgency', () => {
  it.each<[string, string | null, string]>([
    ['nothing due', null, 'none'],
    ['missed a minute ago', '2025-09-16T15:59:00', 'overdue'],
    ['due now', '2025-09-16T16:00:00', 'soon'],
    ['in 30 working minutes', '2025-09-16T16:30:00', 'soon'],
    ['in 31 working minutes', '2025-09-16T16:31:00', 'ok'],
  ])('at 16:00, %s → %s', (_, due, expected) => {
    expect(urgency({ nextDue: due === null ? null : omsk(due) }, omsk('2025-09-16T16:00:00'), clock)).toBe(expected);
  });

  it.each<[string, string, string]>([
    // 17:30 → 17:45 is 15 minutes, and 15 more the next morning.
    ['2025-09-16T17:30:00', '2025-09-17T08:45:00', 'soon'],
    ['2025-09-16T17:30:00', '2025-09-17T08:46:00', 'ok'],
    // Across lunch: 12:50–13:00 and 14:00–14:20.
    ['2025-09-16T12:50:00', '2025-09-16T14:20:00', 'soon'],
    ['2025-09-16T12:50:00', '2025-09-16T14:21:00', 'ok'],
    // In the evening, the next morning's first half hour is «soon».
    ['2025-09-16T20:00:00', '2025-09-17T09:00:00', 'soon'],
    ['2025-09-16T20:00:00', '2025-09-17T09:01:00', 'ok'],
  ])('working time: at %s, due %s → %s', (now, due, expected) => {
    expect(urgency({ nextDue: omsk(due) }, omsk(now), clock)).toBe(expected);
  });

  it('the queue’s overdue/soon groups agree with urgency() minute by minute around closing time and lunch', () => {
    for (const now of ['2025-09-16T12:31:00', '2025-09-16T17:15:00', '2025-09-16T17:40:30', '2025-09-16T21:00:00', '2025-09-19T16:10:00']) {
      const t = omsk(now);
      const rows = Array.from({ length: 3 * 24 * 60 }, (_, i) => row({ nextDue: t - 60 * MIN + i * MIN }));
      for (const group of ['overdue', 'soon'] as const) {
        const got = filterQueue(rows, { group, now: t, clock }).map((r) => r.id);
        const want = rows.filter((r) => urgency(r, t, clock) === group).map((r) => r.id);
        expect(got, `${group} at ${now}`).toEqual(want);
      }
    }
  });
});

describe('filterQueue', () => {
  const now = omsk('2025-09-16T16:00:00');
  const rows = {
    overdue: row({ nextDue: omsk('2025-09-16T15:00:00'), author: 'Семёнов Пётр', snippet: 'Яма во дворе', topic: 'Дороги', department: 'Департамент городского хозяйства' }),
    soon: row({ nextDue: omsk('2025-09-16T16:20:00'), importance: 'high', site: 'ok', snippet: 'Нет света в подъезде', location: 'ул. Ленина, 5', coDepartments: ['Департамент городского хозяйства'] }),
    ok: row({ nextDue: omsk('2025-09-17T16:00:00'), sociallySignificant: true, author: 'Анна', snippet: 'Ёлку у школы не убрали', department: 'Администрация Центрального округа' }),
    published: row({ status: 'published', nextName: null, nextDue: null, snippet: 'Спасибо, яму заделали' }),
    notProcessed: row({ status: 'notProcessed', nextName: null, nextDue: null }),
  };
  const all = Object.values(rows);
  const ids = (filter: QueueFilter) => filterQueue(all, { now, clock, ...filter }).map((r) => Object.entries(rows).find(([, v]) => v === r)![0]);

  it.each<[string, QueueFilter, string[]]>([
    ['everything', {}, ['overdue', 'soon', 'ok', 'published', 'notProcessed']],
    ['all', { group: 'all' }, ['overdue', 'soon', 'ok', 'published', 'notProcessed']],
    ['open', { group: 'open' }, ['overdue', 'soon', 'ok']],
    ['final', { group: 'final' }, ['published', 'notProcessed']],
    ['overdue', { group: 'overdue' }, ['overdue']],
    ['soon', { group: 'soon' }, ['soon']],
    ['explicit states', { statuses: ['published', 'routed'] }, ['overdue', 'soon', 'ok', 'published']],
    ['high importance', { importance: 'high' }, ['soon']],
    ['any importance', { importance: 'all' }, ['overdue', 'soon', 'ok', 'published', 'notProcessed']],
    ['a unit, responsible or co-executor', { department: 'Департамент городского хозяйства' }, ['overdue', 'soon']],
    ['no unit chosen', { department: '' }, ['overdue', 'soon', 'ok', 'published', 'notProcessed']],
    ['socially significant', { significantOnly: true }, ['ok']],
    ['socially significant (view’s name)', { sociallySignificant: true }, ['ok']],
    ['OK only', { site: 'ok' }, ['soon']],
    ['search: author, ё typed as е', { search: 'семенов' }, ['overdue']],
    ['search: е found as ё', { search: 'елку' }, ['ok']],
    ['search: any case', { search: 'ЯМ' }, ['overdue', 'published']],
    ['search: every word, in any field', { search: '  яма   дороги ' }, ['overdue']],
    ['search: location', { search: 'ленина' }, ['soon']],
    ['search: co-executor unit', { search: 'городского хозяйства', group: 'open' }, ['overdue', 'soon']],
    ['search: topic', { search: 'дороги' }, ['overdue']],
    ['search: nothing', { search: 'трамвай' }, []],
    ['combined', { group: 'open', search: 'яма', importance: 'normal' }, ['overdue']],
  ])('%s', (_, filter, expected) => {
    expect(ids(filter)).toEqual(expected);
  });

  it('needs the time and the clock for overdue and soon', () => {
    expect(() => filterQueue(all, { group: 'overdue' })).toThrow(RangeError);
  });

  it('searches a replaced row by its new text', () => {
    const before = row({ snippet: 'Яма' });
    expect(filterQueue([before], { search: 'яма' })).toEqual([before]);
    const after = { ...before, snippet: 'Лужа' };
    expect(filterQueue([after], { search: 'яма' })).toEqual([]);
    expect(filterQueue([after], { search: 'лужа' })).toEqual([after]);
  });
});

describe('sortQueue', () => {
  const a = row({ id: 'a', nextDue: omsk('2025-09-16T16:00:00'), receivedAt: 3, updatedAt: 1 });
  const b = row({ id: 'b', nextDue: null, receivedAt: 1, updatedAt: 3 });
  const c = row({ id: 'c', nextDue: omsk('2025-09-16T10:00:00'), receivedAt: 2, updatedAt: 2 });
  const d = row({ id: 'd', nextDue: omsk('2025-09-16T16:00:00'), receivedAt: 5, updatedAt: 5 });
  const e = row({ id: 'e', nextDue: null, receivedAt: 4, updatedAt: 4 });
  const input = [a, b, c, d, e];

  it.each<[Parameters<typeof sortQueue>[1], string[]]>([
    ['next', ['c', 'a', 'd', 'b', 'e']],
    ['nextDue', ['c', 'a', 'd', 'b', 'e']],
    ['received', ['d', 'e', 'a', 'c', 'b']],
    ['updated', ['d', 'e', 'b', 'c', 'a']],
  ])('by %s', (by, expected) => {
    expect(sortQueue(input, by).map((r) => r.id)).toEqual(expected);
    expect(input.map((r) => r.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('queryQueue filters, then sorts', () => {
    expect(queryQueue(input, { group: 'all', search: '' }, 'next').map((r) => r.id)).toEqual(['c', 'a', 'd', 'b', 'e']);
  });
});
