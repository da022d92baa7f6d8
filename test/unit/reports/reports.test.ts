import { describe, expect, it } from 'vitest';
import { parseCsv } from '@/lib/csv';
import type { MessageRecord } from '@/lib/messages/types';
import type { ModerationEntry } from '@/lib/moderation/log';
import { DECREE_SIGNED, missedDeadlines, missedToCsv, missedToHtml, rowLateText } from '@/lib/reports/missed';
import { moderationReport, moderationToCsv } from '@/lib/reports/moderation';
import { periodFromDates, presetPeriod } from '@/lib/reports/period';
import { median, percentile, responseTimes } from '@/lib/reports/response';
import { formatUsual, significantAndSurges, surgesToText } from '@/lib/reports/surges';
import { formatWorkingTime, workdayMinutes } from '@/lib/reports/format';
import { createWorkClock } from '@/lib/worktime/clock';
import { CITY, DISTRICT, NOW, PERIOD, TRANSPORT, curator, dataset, omsk, record } from './dataset';

const clock = createWorkClock();
const ZONE = 'Asia/Omsk';

describe('missed deadlines (§18)', () => {
  const report = missedDeadlines(dataset(), clock, PERIOD, NOW);
  const rows = (dept: string) => report.departments.find((g) => g.department === dept)!.rows;
  const brief = (dept: string) => rows(dept).map((r) => `${r.messageId} п.${r.clause} ${r.status} ${r.minutesLate}`);

  it('finds exactly the known violations, grouped by who answers for them, curator first', () => {
    expect(report.total).toBe(18);
    expect(report.departments.map((g) => [g.department, g.total])).toEqual([
      ['Куратор', 12],
      [DISTRICT, 2],
      [CITY, 2],
      [TRANSPORT, 2],
    ]);
    expect(brief('Куратор').sort()).toEqual(
      [
        'B1 п.4.4 late 30', 'B2 п.4.4 late 30', 'B3 п.4.4 late 30', 'B4 п.4.4 late 30',
        'B4 п.10 late 325', 'D1 п.10 missed 760', 'D2 п.10 missed 760', 'D3 п.10 missed 760',
        'B4 п.6 late 15', 'D1 п.6 missed 450', 'D2 п.6 missed 450', 'D3 п.6 missed 450',
      ].sort(),
    );
    expect(brief(CITY)).toEqual(['C1 п.7 late 30', 'C2 п.7 late 30']);
    expect(brief(DISTRICT)).toEqual(['C3 п.7 late 30', 'C4 п.7 late 30']);
    expect(brief(TRANSPORT)).toEqual(['E1 п.7 missed 690', 'E1 п.6 missed 450']);
  });

  it('keeps what a row needs: deadline, due, done-at or not done, the person, the link', () => {
    const b4 = rows('Куратор').find((r) => r.messageId === 'B4' && r.clause === '10')!;
    expect(b4).toMatchObject({
      deadline: 'publicationDeadline',
      title: 'Согласованный ответ размещён',
      due: omsk('2025-05-13T12:50'),
      doneAt: omsk('2025-05-14T10:00'),
      author: 'Житель B4',
      link: 'https://vk.com/wall-123456_1001?reply=B4',
      person: null,
    });
    const e1 = rows(TRANSPORT)[0]!;
    expect(e1).toMatchObject({ due: omsk('2025-05-13T15:00'), doneAt: null, status: 'missed', person: 'Орлов П. П.' });
  });

  it('totals per department and per clause', () => {
    expect(report.byClause.map((c) => [c.clause, c.count, c.minutesLate])).toEqual([
      ['4.4', 4, 120],
      ['6', 5, 15 + 450 * 4],
      ['7', 5, 30 * 4 + 690],
      ['10', 4, 325 + 760 * 3],
    ]);
    const cur = report.departments[0]!;
    expect(cur.byClause.map((c) => [c.clause, c.count])).toEqual([['4.4', 4], ['6', 4], ['10', 4]]);
    expect(cur.minutesLate).toBe(120 + 325 + 760 * 3 + 15 + 450 * 3);
  });

  it('a period without the violations reports none; a week earlier finds the old message', () => {
    expect(missedDeadlines(dataset(), clock, { from: omsk('2025-05-16T00:00'), to: omsk('2025-05-17T00:00') }, NOW).total).toBe(0);
    const before = missedDeadlines(dataset(), clock, { from: omsk('2025-05-06T00:00'), to: omsk('2025-05-07T00:00') }, NOW);
    expect(before.departments.flatMap((g) => g.rows.map((r) => `${r.messageId} ${r.clause} ${r.minutesLate}`))).toEqual(['OLD 4.4 30']);
  });

  it('a history that cannot replay is listed as skipped, not counted', () => {
    const broken = record('X', [{ type: 'routed', actor: curator, at: NOW, payload: { executors: [{ department: CITY }] } }]);
    const r = missedDeadlines([...dataset(), broken], clock, PERIOD, NOW);
    expect(r.total).toBe(18);
    expect(r.skipped.map((s) => s.id)).toEqual(['X']);
  });

  it('CSV: one row per violation, minutes as numbers, «не выполнено» for what is not done', () => {
    const { rows: csv } = parseCsv(missedToCsv(report, ZONE).slice(1), ';');
    expect(csv).toHaveLength(1 + 18);
    expect(csv[0]![9]).toBe('Просрочка, рабочих минут');
    const e1 = csv.filter((r) => r[3] === 'E1');
    expect(e1.map((r) => [r[0], r[1], r[7], r[8], r[9], r[10]])).toEqual([
      [TRANSPORT, '7', '13.05.2025, 15:00', 'не выполнено', '690', 'Орлов П. П.'],
      [TRANSPORT, '6', '14.05.2025, 09:45', 'не выполнено', '450', 'Орлов П. П.'],
    ]);
  });

  it('the printable page: A4, period and date in the header, values escaped, no script', () => {
    const evil = record('<b>1</b>', dataset()[12]!.events, { author: '<script>alert(1)</script>', text: 'а & б "в"' });
    const r = missedDeadlines([evil], clock, PERIOD, NOW);
    const html = missedToHtml(r, { period: PERIOD, generatedAt: NOW, zone: ZONE });
    expect(html).toContain('@page { size: A4');
    expect(html).toContain('Период: 13.05.2025 — 14.05.2025');
    expect(html).toContain('Отчёт составлен 15.05.2025, 09:00');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;b&gt;1&lt;/b&gt;');
    expect(html).toContain('а &amp; б &quot;в&quot;');
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(doc.querySelectorAll('script')).toHaveLength(0);
    expect(doc.querySelector('h2')!.textContent).toBe('Итого по пунктам');
  });
});

describe('response times', () => {
  const report = responseTimes(dataset(), clock, PERIOD);
  const row = (d: string) => report.departments.find((r) => r.department === d)!;

  it('per unit: median and 90th percentile of working minutes from T0 to publication, share on time', () => {
    // City: A×4 and B1–B3 at 220 min, C1–C2 at 350, B4 at 555 (after §6's deadline).
    expect(row(CITY)).toEqual({ department: CITY, published: 10, onTime: 9, onTimeShare: 0.9, median: 220, p90: 350, unanswered: 3 });
    expect(row(DISTRICT)).toEqual({ department: DISTRICT, published: 6, onTime: 6, onTimeShare: 1, median: 220, p90: 350, unanswered: 0 });
    expect(row(TRANSPORT)).toEqual({ department: TRANSPORT, published: 0, onTime: 0, onTimeShare: null, median: null, p90: null, unanswered: 1 });
    expect(report.total).toMatchObject({ published: 16, onTime: 15, median: 220, p90: 350, unanswered: 4 });
  });

  it('median and nearest-rank percentile', () => {
    expect(median([1, 2, 3, 4])).toBe(2.5);
    expect(median([5])).toBe(5);
    expect(percentile([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 90)).toBe(90);
    expect(percentile([7], 90)).toBe(7);
    expect(median([])).toBeNull();
  });
});

describe('socially significant messages and surges (§19)', () => {
  it('lists the flagged messages of the period, newest first', () => {
    const r = significantAndSurges(dataset(), NOW, { windowHours: 3, baselineDays: 14, period: PERIOD });
    expect(r.significant.map((s) => s.id).sort()).toEqual(['A1', 'D1']);
    expect(significantAndSurges(dataset(), NOW, { windowHours: 3, baselineDays: 14, period: { from: 0, to: 1 } }).significant).toEqual([]);
  });

  it('a surge is ≥ 3 new messages and ≥ 3× the usual count per window; the usual level is stated', () => {
    const now = omsk('2025-05-20T15:00');
    const H = 3_600_000;
    const msgs: MessageRecord[] = [];
    let n = 0;
    const add = (page: string, topic: string, written: number) => {
      const id = `S${n++}`;
      const rec = record(id, [{ type: 'received', actor: curator, at: written + 60_000, payload: { importance: 'normal', topic } }]);
      rec.source = { ...rec.source, pageKey: `vk:${page}`, pageName: page, writtenAt: written };
      msgs.push(rec);
    };
    // Quiet page: one a day for 14 days (usual 14 / 112 windows = 0.125), then 5 in the last 3 hours.
    for (let d = 1; d <= 14; d++) add('Тихая', 'Тема А', now - 3 * H - d * 24 * H + H);
    for (let i = 0; i < 5; i++) add('Тихая', 'Тема А', now - i * 30 * 60_000 - 60_000);
    // Busy page: two per window every window (usual 2); 5 now is under 3× — no surge.
    for (let w = 1; w <= 112; w++) for (let k = 0; k < 2; k++) add('Оживлённая', 'Тема Б', now - 3 * H - (w - 1) * 3 * H - (k + 1) * 60_000);
    for (let i = 0; i < 5; i++) add('Оживлённая', 'Тема Б', now - i * 60_000 - 60_000);
    // Two new messages with no history: below the minimum of three.
    for (let i = 0; i < 2; i++) add('Новая', 'Тема В', now - 60_000);
    const r = significantAndSurges(msgs, now, { windowHours: 3, baselineDays: 14 });
    expect(r.surges.map((s) => [s.kind, s.label, s.count, s.baselineCount, s.usual])).toEqual([
      ['page', 'Тихая', 5, 14, 0.125],
      ['topic', 'Тема А', 5, 14, 0.125],
    ]);
    const text = surgesToText(r, ZONE);
    // 0.125 per 3 hours is one a day: said so, not «0,13».
    expect(text).toContain('страница «Тихая»: 5 сообщений за 3 ч; обычно 1 в сутки');
    expect(text).toContain('Социально значимые сообщения: 0');
    expect(text).toContain('не меньше 3 и не меньше чем в 3 раза больше обычного');
  });
});

describe('moderation report', () => {
  const entry = (over: Partial<ModerationEntry>): ModerationEntry => ({
    site: 'vk',
    pageKey: 'vk:-1',
    pageUrl: 'https://vk.com/club1',
    pageName: 'Администрация',
    postId: null,
    commentKey: `vk:${Math.random()}`,
    commentId: '1',
    permalink: null,
    authorId: null,
    authorName: null,
    authorUrl: null,
    text: 'x',
    publishedAt: null,
    categories: ['obscenity'],
    clauses: ['п. 15 прил. 2: нецензурные выражения'],
    matches: [],
    action: 'deleted',
    how: 'manual',
    scope: null,
    at: omsk('2025-05-13T10:00'),
    recordedBy: 'Модератор',
    ...over,
  });

  it('counts deleted comments of the period by page, category and clause', () => {
    const entries = [
      entry({}),
      entry({ categories: ['obscenity', 'insult'], clauses: ['п. 15 прил. 2: нецензурные', 'п. 15 прил. 2: оскорбления'] }),
      entry({ pageKey: 'vk:-2', pageName: 'Департамент', pageUrl: 'https://vk.com/club2', categories: ['spam'], clauses: ['п. 14 прил. 2: спам'] }),
      entry({ action: 'not-violation' }),
      entry({ at: omsk('2025-05-20T10:00') }),
      entry({ categories: [], clauses: [] }),
    ];
    const r = moderationReport(entries, PERIOD);
    expect(r.total).toBe(4);
    expect(r.byPage.map((p) => [p.label, p.count])).toEqual([['Администрация', 3], ['Департамент', 1]]);
    expect(r.byCategory.map((p) => [p.label, p.count])).toEqual([['Нецензурная брань', 2], ['без категории', 1], ['Оскорбление', 1], ['Спам', 1]]);
    expect(r.byClause.map((p) => [p.label, p.count])).toEqual([['п. 15 прил. 2', 2], ['п. 14 прил. 2', 1], ['пункт не указан', 1]]);
    const csv = parseCsv(moderationToCsv(r).slice(1), ';').rows;
    expect(csv.at(-1)).toEqual(['Всего', '', '', '4']);
  });
});

describe('period pickers', () => {
  const now = omsk('2025-05-15T09:00'); // Thursday
  it('presets in the administration zone', () => {
    expect(presetPeriod('today', now, ZONE)).toEqual({ from: omsk('2025-05-15T00:00'), to: omsk('2025-05-16T00:00') });
    expect(presetPeriod('week', now, ZONE)).toEqual({ from: omsk('2025-05-12T00:00'), to: omsk('2025-05-19T00:00') });
    expect(presetPeriod('month', now, ZONE)).toEqual({ from: omsk('2025-05-01T00:00'), to: omsk('2025-06-01T00:00') });
  });
  it('dates from the inputs, both inclusive', () => {
    expect(periodFromDates('2025-05-13', '2025-05-14', ZONE)).toEqual(PERIOD);
    expect(periodFromDates('2025-05-14', '2025-05-13', ZONE)).toBeNull();
    expect(periodFromDates('вчера', '2025-05-13', ZONE)).toBeNull();
  });
});

describe('durations and levels as people read them', () => {
  it('a working day of the Omsk schedule is 8 h on average; another schedule gives its own', () => {
    expect(workdayMinutes(clock.settings)).toBe(480);
    const day = { start: '09:00', end: '18:00' };
    expect(workdayMinutes({ week: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: null, sun: null }, lunch: { start: '13:00', end: '14:00' } })).toBe(480);
    expect(workdayMinutes({ week: { mon: day, tue: null, wed: null, thu: null, fri: null, sat: null, sun: null }, lunch: null })).toBe(540);
  });

  it.each([
    [45, '45 мин'],
    [135, '2 ч 15 мин'],
    [479, '7 ч 59 мин'],
    [480, '1 раб. дн.'],
    [26 * 480 + 3 * 60 + 36, '26 раб. дн. 3 ч'],
    [228151 * 60 + 36, '28 518 раб. дн. 7 ч'],
  ])('%d working minutes read «%s»', (minutes, text) => {
    expect(formatWorkingTime(minutes, 480).replace(/\u00a0/g, ' ')).toBe(text);
  });

  it('a deadline before the decree is a wrong date: shown as such and left out of the totals', () => {
    const early = record('EARLY', [
      { type: 'received', actor: curator, at: Date.parse('2020-03-02T09:00:00+06:00'), payload: { importance: 'normal', topic: 'Дороги' } },
    ]);
    const all = { from: Date.parse('2020-01-01T00:00:00+06:00'), to: NOW };
    const r = missedDeadlines([...dataset(), early], clock, all, NOW);
    const rows = r.departments.flatMap((g) => g.rows).filter((row) => row.messageId === 'EARLY');
    expect(rows.map((row) => row.clause)).toEqual(['4.4', '7', '6']);
    expect(rows.every((row) => row.dateSuspect && row.due < DECREE_SIGNED)).toBe(true);
    // Five years of working time would read «10 000 ч»: it is a wrong date, and the row says so.
    expect(rows[0]!.minutesLate).toBeGreaterThan(500_000);
    expect(rowLateText(rows[0]!, r, ZONE)).toBe('не посчитана: срок 02.03.2020 — раньше Порядка 280-п, проверьте дату сообщения');
    const without = missedDeadlines(dataset(), clock, all, NOW);
    expect(r.departments.find((g) => g.department === 'Куратор')!.minutesLate).toBe(without.departments.find((g) => g.department === 'Куратор')!.minutesLate);
    const html = missedToHtml(r, { period: all, generatedAt: NOW, zone: ZONE });
    expect(html).toContain('раньше Порядка 280-п');
    expect(html).not.toMatch(/\d{3,} ч/);
    const csv = parseCsv(missedToCsv(r, ZONE).slice(1), ';').rows.filter((row) => row[3] === 'EARLY');
    expect(csv.map((row) => row[9])).toEqual(['', '', '']);
  });

  it('a date outside the production calendar leaves that message out, named, instead of failing the report', () => {
    const ancient = record('ANCIENT', [
      { type: 'received', actor: curator, at: Date.parse('1999-03-02T09:00:00+06:00'), payload: { importance: 'normal', topic: 'Дороги' } },
    ]);
    const r = missedDeadlines([...dataset(), ancient], clock, PERIOD, NOW);
    expect(r.total).toBe(18);
    expect(r.skipped).toEqual([{ id: 'ANCIENT', author: 'Житель ANCIENT', error: 'нет производственного календаря на 1999 год' }]);
    const published = record('ANCIENT2', [
      { type: 'received', actor: curator, at: Date.parse('1999-03-02T09:00:00+06:00'), payload: { importance: 'normal' } },
      { type: 'published', actor: curator, at: omsk('2025-05-13T12:00'), payload: {} },
    ]);
    expect(responseTimes([...dataset(), published], clock, PERIOD).total.published).toBe(16);
  });

  it.each([
    [{ usual: 171.58, baselineCount: 19217 }, 'около 172 за 3 ч'],
    [{ usual: 2, baselineCount: 224 }, '2 за 3 ч'],
    [{ usual: 1.46, baselineCount: 164 }, 'около 1,5 за 3 ч'],
    [{ usual: 0.125, baselineCount: 14 }, '1 в сутки'],
    [{ usual: 0.31, baselineCount: 35 }, 'около 2,5 в сутки'],
    [{ usual: 3 / 112, baselineCount: 3 }, '3 за предыдущие 14 дней'],
    [{ usual: 0, baselineCount: 0 }, 'ни одного за предыдущие 14 дней'],
  ])('the usual level %j reads «обычно %s»', (surge, text) => {
    expect(formatUsual(surge, { windowHours: 3, baselineDays: 14 })).toBe(text);
  });
});
