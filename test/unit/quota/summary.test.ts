import { describe, expect, it } from 'vitest';
import { quotaToCsv } from '@/lib/quota/csv';
import { behindPace } from '@/lib/quota/pace';
import { departmentSummary, lastWeeks, weekStatus, weekSummary, type WeekResult } from '@/lib/quota/summary';
import { publicationTarget } from '@/lib/quota/target';
import { INCOMPLETE_TEXT, paceText, weekLabel, weekLine } from '@/lib/quota/text';
import { parseCsv } from '@/lib/csv';
import { MON, NEXT_MON, omsk, post } from './helpers';

const BEFORE_MONDAY = () => post(omsk(2026, 11, 22, 18));
const thisWeek = (n: number) => Array.from({ length: n }, (_, i) => post(MON + (i + 1) * 60_000));

describe('publicationTarget', () => {
  it.each([
    ['administration', undefined, 10],
    ['department', undefined, 5],
    ['department', 7, 7],
    ['administration', 0, 10],
    ['administration', -3, 10],
    ['administration', 2.5, 10],
    ['department', null, 5],
  ] as const)('%s with override %s → %i', (kind, override, target) => {
    expect(publicationTarget(kind, override)).toBe(target);
  });
});

describe('weekSummary', () => {
  it('6 of 10 on Saturday: 4 left, 2 a day', () => {
    const s = weekSummary({ posts: [...thisWeek(6), BEFORE_MONDAY()], now: omsk(2026, 11, 28, 15), zone: 'Asia/Omsk', target: 10 });
    expect(s).toMatchObject({ weekStart: MON, weekEnd: NEXT_MON, count: 6, target: 10, left: 4, daysLeft: 2, perDayNeeded: 2, met: false, complete: true });
    expect(weekLine(s)).toBe('На этой неделе: 6 из 10 · осталось 4 до воскресенья');
    expect(paceText(s)).toBe('нужно ~2 в день');
  });

  it.each([
    ['Monday', omsk(2026, 11, 23, 9), 7, 1],
    ['Tuesday', omsk(2026, 11, 24, 9), 6, 2],
    ['Wednesday', omsk(2026, 11, 25, 9), 5, 2],
    ['Thursday', omsk(2026, 11, 26, 9), 4, 2],
    ['Friday', omsk(2026, 11, 27, 9), 3, 3],
    ['Saturday', omsk(2026, 11, 28, 9), 2, 4],
    ['Sunday', omsk(2026, 11, 29, 9), 1, 7],
  ])('3 of 10 on %s: %i days left, %i a day', (_, now, daysLeft, perDay) => {
    const s = weekSummary({ posts: [...thisWeek(3), BEFORE_MONDAY()], now, target: 10 });
    expect(s.daysLeft).toBe(daysLeft);
    expect(s.perDayNeeded).toBe(perDay);
    expect(s.left).toBe(7);
  });

  it('on Sunday the pace is what is left today', () => {
    const s = weekSummary({ posts: [...thisWeek(6), BEFORE_MONDAY()], now: omsk(2026, 11, 29, 10), target: 10 });
    expect(paceText(s)).toBe('нужно ещё 4 сегодня');
  });

  it('a met target leaves nothing and says so', () => {
    const s = weekSummary({ posts: [...thisWeek(12), BEFORE_MONDAY()], now: omsk(2026, 11, 26, 9), target: 10 });
    expect(s).toMatchObject({ count: 12, left: 0, perDayNeeded: 0, met: true });
    expect(weekLine(s)).toBe('На этой неделе: 12 из 10 · цель недели выполнена');
    expect(paceText(s)).toBe('');
  });

  it.each([
    [1, 'осталась 1'],
    [2, 'осталось 2'],
    [5, 'осталось 5'],
  ])('%i left: «%s»', (left, words) => {
    expect(weekLine({ count: 10 - left, target: 10, left, met: false, complete: true })).toContain(`· ${words} до воскресенья`);
  });

  describe('incomplete week', () => {
    const now = omsk(2026, 11, 26, 12);
    it.each([
      ['only this week’s posts seen, oldest on Tuesday', { posts: thisWeek(3).map((p) => ({ ...p, publishedAt: omsk(2026, 11, 24, 9) })) }, false],
      ['nothing seen at all', { posts: [] }, false],
      ['a post before Monday was seen', { posts: [...thisWeek(3), BEFORE_MONDAY()] }, true],
      ['the visit saw back to Monday 00:00', { posts: thisWeek(3), oldestSeenAt: MON }, true],
      ['the visit’s oldest post is Tuesday', { posts: thisWeek(3).map((p) => ({ ...p, publishedAt: omsk(2026, 11, 24, 9) })), oldestSeenAt: omsk(2026, 11, 24, 9) }, false],
      ['the wall was scrolled past Monday', { posts: thisWeek(3), scrolledPastMonday: true }, true],
      ['only an old pinned post on top', { posts: [...thisWeek(2), post(omsk(2026, 9, 1), { pinned: true })] }, false],
    ])('%s → complete %s', (_, input, complete) => {
      expect(weekSummary({ now, target: 10, ...input }).complete).toBe(complete);
    });

    it('says «не меньше» and asks to scroll instead of giving a number as final', () => {
      const s = weekSummary({ posts: [post(omsk(2026, 11, 25, 9)), post(omsk(2026, 11, 26, 9))], now, target: 10 });
      expect(s.complete).toBe(false);
      expect(weekLine(s)).toBe('На этой неделе: не меньше 2 из 10');
      expect(INCOMPLETE_TEXT).toBe('Счёт может быть неполным: прокрутите стену до понедельника');
    });
  });

  it('gives the same answer whatever the machine’s zone (run under TZ=UTC and TZ=America/New_York)', () => {
    const s = weekSummary({ posts: [post(Date.UTC(2026, 10, 29, 17, 59)), post(Date.UTC(2026, 10, 29, 18, 0)), BEFORE_MONDAY()], now: Date.UTC(2026, 10, 29, 17, 59), target: 5 });
    expect(s.count).toBe(1);
    expect(s.daysLeft).toBe(1);
  });
});

describe('behindPace (Thursday noon reminder)', () => {
  const thuNoon = omsk(2026, 11, 26, 12);
  it.each([
    ['administration, 4 of 10', 10, 4, true],
    ['administration, 5 of 10', 10, 5, false],
    ['department, 2 of 5', 5, 2, true],
    ['department, 3 of 5', 5, 3, false],
    ['department, met', 5, 6, false],
  ])('%s at Thursday noon → %s', (_, target, count, behind) => {
    const s = weekSummary({ posts: [...thisWeek(count), BEFORE_MONDAY()], now: thuNoon, target });
    expect(behindPace(s, thuNoon)).toBe(behind);
  });

  it('nobody is behind at Monday 00:00', () => {
    const s = weekSummary({ posts: [BEFORE_MONDAY()], now: MON, target: 10 });
    expect(behindPace(s, MON)).toBe(false);
  });
});

describe('lastWeeks', () => {
  const now = omsk(2026, 11, 26, 12);
  const posts = [
    // two weeks back: 3 posts, the oldest seen is Tuesday — the wall was not seen back to that Monday
    post(omsk(2026, 11, 10, 10)),
    post(omsk(2026, 11, 11, 10)),
    post(omsk(2026, 11, 12, 10)),
    // last week: 5
    ...[16, 17, 18, 19, 20].map((d) => post(omsk(2026, 11, d, 10))),
    // this week: 2, plus an ad and an old pinned post that count nowhere new
    post(omsk(2026, 11, 23, 10)),
    post(omsk(2026, 11, 24, 10), { repost: true }),
    post(omsk(2026, 11, 24, 11), { foreign: true }),
    post(omsk(2026, 11, 11, 10), { pinned: true, key: 'vk:-1_pinned' }),
  ];

  it('gives 8 weeks, oldest first, the current one last', () => {
    const weeks = lastWeeks(posts, now, 'Asia/Omsk', 8, 5);
    expect(weeks).toHaveLength(8);
    expect(weeks[7]).toMatchObject({ weekStart: MON, count: 2, target: 5, met: false, current: true, known: true });
    expect(weeks[6]).toMatchObject({ weekStart: omsk(2026, 11, 16), count: 5, met: true, current: false, known: true });
    expect(weeks[5]).toMatchObject({ weekStart: omsk(2026, 11, 9), count: 4, met: false, known: false });
    expect(weeks[0]).toMatchObject({ weekStart: omsk(2026, 10, 5), count: 0, known: false });
    expect(weeks.map(weekStatus)).toEqual(['unknown', 'unknown', 'unknown', 'unknown', 'unknown', 'unknown', 'met', 'running']);
  });

  it('a fully seen week below target is missed', () => {
    const weeks = lastWeeks([post(omsk(2026, 11, 15, 10)), post(omsk(2026, 11, 17, 10))], now, 'Asia/Omsk', 2, 5);
    expect(weeks.map(weekStatus)).toEqual(['missed', 'running']);
  });
});

describe('departmentSummary', () => {
  const w = (met: boolean, known = true, current = false): WeekResult => ({ weekStart: 0, count: met ? 5 : 1, target: 5, met, current, known });
  it('counts finished weeks per department; a running week only once met', () => {
    const summary = departmentSummary([
      { department: 'Департамент образования', weeks: [w(true), w(false), w(false, false), w(false, true, true)] },
      { department: 'Департамент образования', weeks: [w(true), w(true), w(false), w(true, true, true)] },
      { department: 'Департамент культуры', weeks: [w(false), w(false), w(false), w(false, false, true)] },
    ]);
    expect(summary).toEqual([
      { department: 'Департамент культуры', pages: 1, weeksMet: 0, weeksMissed: 3, weeksUnknown: 0 },
      { department: 'Департамент образования', pages: 2, weeksMet: 4, weeksMissed: 2, weeksUnknown: 1 },
    ]);
  });
});

describe('overview CSV and labels', () => {
  it('labels weeks in Russian, across months too', () => {
    expect(weekLabel(MON, 'Asia/Omsk')).toBe('23–29 нояб.');
    expect(weekLabel(NEXT_MON, 'Asia/Omsk')).toBe('30 нояб. – 6 дек.');
  });

  it('writes a row a page through lib/csv', () => {
    const weeks = lastWeeks([post(omsk(2026, 11, 15, 10)), post(omsk(2026, 11, 17, 10))], omsk(2026, 11, 26, 12), 'Asia/Omsk', 2, 5);
    const csv = quotaToCsv([{ name: 'Администрация; города', url: 'https://vk.com/club1', department: '', target: 5, weeks }]);
    expect(parseCsv(csv).rows).toEqual([
      ['Страница', 'Адрес', 'Подразделение', 'Цель в неделю', '16–22 нояб.', '23–29 нояб.'],
      ['Администрация; города', 'https://vk.com/club1', '', '5', '1 (не выполнено)', '0 (идёт)'],
    ]);
  });
});
