import { describe, expect, it } from 'vitest';
import { quotaToCsv } from '@/lib/quota/csv';
import { behindPace, expectedByNowRounded } from '@/lib/quota/pace';
import type { Coverage } from '@/lib/quota/count';
import { departmentSummary, lastWeeks, weekStatus, weekSummary, type WeekResult } from '@/lib/quota/summary';
import { publicationTarget } from '@/lib/quota/target';
import { behindText, departmentSummaryText, INCOMPLETE_TEXT, paceText, weekCountText, weekLabel, weekLine, weekResultText, weekShortLabel } from '@/lib/quota/text';
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

  // The pace is shown rounded («нужно было бы ~N»); being behind is judged on that same number.
  it.each([
    ['department, Wednesday 00:00 (1.43 → 1), 1 published', 5, omsk(2026, 11, 25), 1, 1, false],
    ['department, Wednesday 00:00 (1.43 → 1), none published', 5, omsk(2026, 11, 25), 0, 1, true],
    ['administration, Tuesday noon (2.14 → 2), 2 published', 10, omsk(2026, 11, 24, 12), 2, 2, false],
    ['administration, Tuesday noon (2.14 → 2), 1 published', 10, omsk(2026, 11, 24, 12), 1, 2, true],
    ['administration, Wednesday 00:00 (2.86 → 3), 2 published', 10, omsk(2026, 11, 25), 2, 3, true],
    ['administration, Wednesday 00:00 (2.86 → 3), 3 published', 10, omsk(2026, 11, 25), 3, 3, false],
    ['department, Thursday noon (2.5 → 3), 2 published', 5, omsk(2026, 11, 26, 12), 2, 3, true],
    ['department, Thursday noon (2.5 → 3), 3 published', 5, omsk(2026, 11, 26, 12), 3, 3, false],
  ])('%s: pace ~%i, behind %s', (_, target, now, count, shown, behind) => {
    const s = weekSummary({ posts: [...thisWeek(count), BEFORE_MONDAY()], now, target });
    expect(expectedByNowRounded(s, now)).toBe(shown);
    expect(behindPace(s, now)).toBe(behind);
  });

  it('never reports a lag when the count equals the pace it names, at any hour of the week', () => {
    for (const target of [5, 10, 7]) {
      for (let h = 0; h < 7 * 24; h++) {
        const now = MON + h * 3_600_000;
        for (let count = 0; count < target; count++) {
          const s = weekSummary({ posts: [...thisWeek(count)], now, target });
          const shown = expectedByNowRounded(s, now);
          expect(behindPace(s, now)).toBe(count < shown);
        }
      }
    }
  });

  it('names the rounded pace', () => {
    expect(behindText(3)).toBe('Отставание от графика: к этому времени нужно было бы ~3');
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
    expect(weeks[7]).toMatchObject({ weekStart: MON, count: 2, target: 5, met: false, current: true, coverage: 'whole' });
    expect(weeks[6]).toMatchObject({ weekStart: omsk(2026, 11, 16), count: 5, met: true, current: false, coverage: 'whole' });
    expect(weeks[5]).toMatchObject({ weekStart: omsk(2026, 11, 9), count: 4, met: false, coverage: 'part' });
    expect(weeks[0]).toMatchObject({ weekStart: omsk(2026, 10, 5), count: 0, coverage: 'none' });
    expect(weeks.map(weekStatus)).toEqual(['nodata', 'nodata', 'nodata', 'nodata', 'nodata', 'partial', 'met', 'running']);
  });

  it('a page never opened: every week has no data, none is missed', () => {
    const weeks = lastWeeks([], now, 'Asia/Omsk', 8, 10);
    expect(weeks.map(weekStatus)).toEqual(Array(8).fill('nodata'));
    expect(weeks.map(weekCountText)).toEqual(Array(8).fill('—'));
    expect(weeks.map((w) => weekResultText(w, weekStatus(w)))).toEqual(Array(8).fill('нет данных — откройте стену'));
  });

  it('a page whose wall was never opened, only an old post on its own page: no data, never «0 из 10 — не выполнено»', () => {
    const seen = omsk(2026, 11, 26, 11);
    const opened = post(omsk(2026, 10, 1, 10), { firstSeen: seen, lastSeen: seen, wallSeen: null });
    const weeks = lastWeeks([opened], now, 'Asia/Omsk', 8, 10);
    expect(weeks.map(weekStatus)).toEqual(Array(8).fill('nodata'));
    const s = weekSummary({ posts: [opened], now, target: 10 });
    expect(s).toMatchObject({ coverage: 'none', complete: false, count: 0 });
    expect(weekLine(s)).toBe('На этой неделе: нет данных — откройте стену');
    expect(behindPace(s, now)).toBe(true); // the arithmetic; callers never show it for an incomplete week
  });

  it('a week seen in part keeps its lower bound «≥N»', () => {
    const seen = omsk(2026, 11, 26, 11);
    const weeks = lastWeeks(
      [post(omsk(2026, 11, 24, 9), { wallSeen: { first: seen, last: seen } }), post(omsk(2026, 11, 19, 9), { wallSeen: { first: seen, last: seen } })],
      now,
      'Asia/Omsk',
      3,
      5,
    );
    expect(weeks.map(weekStatus)).toEqual(['nodata', 'partial', 'running']);
    expect(weeks.map(weekCountText)).toEqual(['—', '≥1', '1']);
    expect(weekResultText(weeks[1]!, 'partial')).toBe('≥1 из 5 — счёт неполный');
    expect(weekResultText(weeks[2]!, 'running')).toBe('1 из 5 — идёт');
  });

  it.each([
    ['met, seen whole', { count: 6, target: 5, met: true, current: false, coverage: 'whole' }, '6 из 5 — выполнено'],
    ['met, never seen on the wall', { count: 5, target: 5, met: true, current: false, coverage: 'none' }, '5 из 5 — выполнено'],
    ['missed', { count: 0, target: 10, met: false, current: false, coverage: 'whole' }, '0 из 10 — не выполнено'],
    ['seen in part', { count: 3, target: 10, met: false, current: false, coverage: 'part' }, '≥3 из 10 — счёт неполный'],
    ['no data', { count: 0, target: 10, met: false, current: false, coverage: 'none' }, 'нет данных — откройте стену'],
    ['running', { count: 4, target: 10, met: false, current: true, coverage: 'whole' }, '4 из 10 — идёт'],
    ['running, seen in part', { count: 4, target: 10, met: false, current: true, coverage: 'part' }, '≥4 из 10 — идёт, счёт неполный'],
    ['running, no data', { count: 0, target: 10, met: false, current: true, coverage: 'none' }, 'нет данных — откройте стену'],
  ] as const)('a week %s reads «%s»', (_, week, text) => {
    expect(weekResultText(week, weekStatus(week))).toBe(text);
  });

  it('a fully seen week below target is missed', () => {
    const weeks = lastWeeks([post(omsk(2026, 11, 15, 10)), post(omsk(2026, 11, 17, 10))], now, 'Asia/Omsk', 2, 5);
    expect(weeks.map(weekStatus)).toEqual(['missed', 'running']);
  });
});

describe('departmentSummary', () => {
  const w = (met: boolean, coverage: Coverage = 'whole', current = false): WeekResult => ({ weekStart: 0, count: met ? 5 : 1, target: 5, met, current, coverage });
  it('counts finished weeks per department; a running week only once met', () => {
    const summary = departmentSummary([
      { department: 'Департамент образования', weeks: [w(true), w(false), w(false, 'part'), w(false, 'whole', true)] },
      { department: 'Департамент образования', weeks: [w(true), w(true), w(false), w(true, 'whole', true)] },
      { department: 'Департамент культуры', weeks: [w(false), w(false), w(false), w(false, 'part', true)] },
    ]);
    expect(summary).toEqual([
      { department: 'Департамент культуры', pages: 1, weeksMet: 0, weeksMissed: 3, weeksPartial: 0, weeksNoData: 0, pagesNoData: 0 },
      { department: 'Департамент образования', pages: 2, weeksMet: 4, weeksMissed: 2, weeksPartial: 1, weeksNoData: 0, pagesNoData: 0 },
    ]);
  });

  it.each([
    ['a page never opened: no data, neither met nor missed', [[w(false, 'none'), w(false, 'none'), w(false, 'none', true)]], { weeksMet: 0, weeksMissed: 0, weeksPartial: 0, weeksNoData: 2, pagesNoData: 1 }],
    ['a page opened this week only: old weeks have no data', [[w(false, 'none'), w(false, 'none'), w(false, 'whole', true)]], { weeksMet: 0, weeksMissed: 0, weeksNoData: 2, pagesNoData: 0 }],
    ['a week with no data beside seen ones', [[w(true), w(false, 'none'), w(false)]], { weeksMet: 1, weeksMissed: 1, weeksNoData: 1, pagesNoData: 0 }],
    ['a met week counts even unseen on the wall: its publications were seen', [[w(true, 'none'), w(false, 'none')]], { weeksMet: 1, weeksNoData: 1, pagesNoData: 0 }],
    ['one page without data, one with', [[w(false, 'none'), w(false, 'none')], [w(true), w(false)]], { pages: 2, weeksMet: 1, weeksMissed: 1, weeksNoData: 2, pagesNoData: 1 }],
  ] as const)('%s', (_, pages, expected) => {
    const [summary] = departmentSummary(pages.map((weeks) => ({ department: 'Д', weeks })));
    expect(summary).toMatchObject(expected);
  });

  it('says how many weeks and pages have no data instead of counting them as missed', () => {
    const [summary] = departmentSummary([
      { department: 'Д', weeks: [w(false, 'none'), w(false, 'none'), w(false, 'none', true)] },
      { department: 'Д', weeks: [w(true), w(false), w(false, 'part'), w(false, 'whole', true)] },
    ]);
    expect(departmentSummaryText(summary!)).toBe(
      '2 страницы · выполнено: 1 неделя · не выполнено: 1 неделя · счёт неполный: 1 неделя · нет данных: 2 недели · стену не открывали: 1 страница',
    );
  });
});

describe('overview CSV and labels', () => {
  it('labels weeks in Russian, across months too', () => {
    expect(weekLabel(MON, 'Asia/Omsk')).toBe('23–29 нояб.');
    expect(weekLabel(NEXT_MON, 'Asia/Omsk')).toBe('30 нояб. – 6 дек.');
  });

  it('labels a week by its Monday, short, for the strip', () => {
    expect(weekShortLabel(MON, 'Asia/Omsk')).toBe('23.11');
    expect(weekShortLabel(omsk(2026, 1, 5), 'Asia/Omsk')).toBe('05.01');
  });

  it('writes weeks without data and weeks seen in part as such, not as numbers to trust', () => {
    const seen = omsk(2026, 11, 26, 11);
    const weeks = lastWeeks([post(omsk(2026, 11, 19, 9), { wallSeen: { first: seen, last: seen } })], omsk(2026, 11, 26, 12), 'Asia/Omsk', 3, 5);
    const csv = quotaToCsv([{ name: 'Отдел', url: 'https://vk.com/club2', department: 'Отдел', target: 5, weeks }]);
    expect(parseCsv(csv).rows[1]).toEqual(['Отдел', 'https://vk.com/club2', 'Отдел', '5', 'нет данных', '≥1 (счёт неполный)', '0 (идёт)']);
    expect(quotaToCsv([{ name: 'Никто не открывал', url: 'https://vk.com/club3', department: '', target: 5, weeks: lastWeeks([], omsk(2026, 11, 26, 12), 'Asia/Omsk', 2, 5) }])).toContain(
      'нет данных',
    );
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
