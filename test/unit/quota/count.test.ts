import { describe, expect, it } from 'vitest';
import { isPublication, lastSighting, seenBackTo, seenSpans, weekCount, weekCoverage, type CountablePost, type Coverage } from '@/lib/quota/count';
import { MON, NEXT_MON, omsk, post } from './helpers';

describe('weekCount: what is a publication of the week', () => {
  it.each([
    ['a post on Monday 00:00', [post(omsk(2026, 11, 23, 0, 0))], 1],
    ['a post on Sunday 23:59 Omsk (17:59 UTC)', [post(Date.UTC(2026, 10, 29, 17, 59))], 1],
    ['a post on Monday 00:00 Omsk of the next week (Sunday 18:00 UTC)', [post(Date.UTC(2026, 10, 29, 18, 0))], 0],
    ['a post on Sunday 23:59 Omsk of the week before', [post(omsk(2026, 11, 22, 23, 59))], 0],
    ['a repost made by the page', [post(omsk(2026, 11, 24, 10), { repost: true })], 1],
    ['an ad', [post(omsk(2026, 11, 24, 10), { foreign: true })], 0],
    ['another owner’s repost shown on the wall (foreign)', [post(omsk(2026, 11, 24, 10), { foreign: true, repost: true })], 0],
    ['a pinned post from this week', [post(omsk(2026, 11, 24, 10), { pinned: true })], 1],
    ['a pinned post from an earlier week, on top of the wall now', [post(omsk(2026, 10, 1, 10), { pinned: true })], 0],
    ['a post with no readable date', [post(null)], 0],
    [
      'the same post seen twice (wall and its own page)',
      [post(omsk(2026, 11, 24, 10), { key: 'vk:-1_77' }), post(omsk(2026, 11, 24, 10), { key: 'vk:-1_77' })],
      1,
    ],
    [
      'a mixed wall',
      [
        post(omsk(2026, 11, 23, 8)),
        post(omsk(2026, 11, 24, 9), { repost: true }),
        post(omsk(2026, 11, 25, 9), { foreign: true }),
        post(omsk(2026, 11, 26, 9), { pinned: true }),
        post(omsk(2026, 11, 20, 9), { pinned: true }),
        post(omsk(2026, 11, 30, 9)),
      ],
      3,
    ],
  ])('%s', (_, posts, count) => {
    expect(weekCount(posts, MON, 'Asia/Omsk')).toBe(count);
  });

  it('a pinned post counts in its own week and only there', () => {
    const pinned = post(omsk(2026, 11, 18, 10), { pinned: true });
    expect(weekCount([pinned], omsk(2026, 11, 16), 'Asia/Omsk')).toBe(1);
    expect(weekCount([pinned], MON, 'Asia/Omsk')).toBe(0);
  });

  it('ads never count; reposts by the page do', () => {
    expect(isPublication(post(1, { foreign: true }))).toBe(false);
    expect(isPublication(post(1, { repost: true }))).toBe(true);
  });
});

describe('whether the wall was seen back to Monday', () => {
  const now = omsk(2026, 11, 26, 12);

  it.each([
    ['nothing seen', [], false],
    ['only this week’s posts', [post(omsk(2026, 11, 25, 9)), post(omsk(2026, 11, 24, 9))], false],
    ['a post from before Monday', [post(omsk(2026, 11, 24, 9)), post(omsk(2026, 11, 22, 20))], true],
    ['a post exactly at Monday 00:00', [post(MON)], true],
    ['an old pinned post on top proves nothing', [post(omsk(2026, 11, 25, 9)), post(omsk(2026, 10, 1), { pinned: true })], false],
    ['an old ad proves nothing', [post(omsk(2026, 11, 25, 9)), post(omsk(2026, 10, 1), { foreign: true })], false],
  ])('%s → %s', (_, posts, seen) => {
    expect(seenBackTo(posts, MON, now)).toBe(seen);
  });

  it('a visit that scrolled past Monday, then a visit that only saw new posts: a gap, not seen', () => {
    const tue = omsk(2026, 11, 24, 10);
    const thu = omsk(2026, 11, 26, 11);
    const posts = [
      post(omsk(2026, 11, 22, 20), { firstSeen: tue, lastSeen: tue }),
      post(omsk(2026, 11, 23, 9), { firstSeen: tue, lastSeen: tue }),
      // published after Tuesday's visit; Thursday's visit saw only these
      post(omsk(2026, 11, 25, 15), { firstSeen: thu, lastSeen: thu }),
      post(omsk(2026, 11, 26, 10), { firstSeen: thu, lastSeen: thu }),
    ];
    expect(seenBackTo(posts, MON, now)).toBe(false);
  });

  it('visits that overlap join up: Thursday saw down to a post Tuesday’s visit had seen', () => {
    const tue = omsk(2026, 11, 24, 10);
    const thu = omsk(2026, 11, 26, 11);
    const posts = [
      post(omsk(2026, 11, 22, 20), { firstSeen: tue, lastSeen: tue }),
      post(omsk(2026, 11, 24, 9), { firstSeen: tue, lastSeen: thu }),
      post(omsk(2026, 11, 25, 15), { firstSeen: thu, lastSeen: thu }),
    ];
    expect(seenBackTo(posts, MON, now)).toBe(true);
    expect(seenSpans(posts)).toEqual([{ from: omsk(2026, 11, 22, 20), to: thu }]);
  });

  it('a whole past week is seen only when the wall was scrolled through it after it ended', () => {
    const duringWeek = omsk(2026, 11, 25, 10);
    const later = omsk(2026, 12, 1, 10);
    const during = [post(omsk(2026, 11, 22, 20), { firstSeen: duringWeek, lastSeen: duringWeek })];
    const after = [post(omsk(2026, 11, 22, 20), { firstSeen: duringWeek, lastSeen: later })];
    expect(seenSpans(during).some((s) => s.from <= MON && s.to >= NEXT_MON)).toBe(false);
    expect(seenSpans(after).some((s) => s.from <= MON && s.to >= NEXT_MON)).toBe(true);
  });
});

describe('weekCoverage: which weeks a view of the wall covers', () => {
  const now = omsk(2026, 11, 26, 12); // Thursday of the week of MON
  const LAST_MON = omsk(2026, 11, 16);
  const TWO_BACK = omsk(2026, 11, 9);
  const wall = (at: number, first: number, last = first) => post(at, { firstSeen: first, lastSeen: last, wallSeen: { first, last } });
  const alone = (at: number, seen: number) => post(at, { firstSeen: seen, lastSeen: seen, wallSeen: null });
  const today = omsk(2026, 11, 26, 11);

  const cases: [string, CountablePost[], [two: Coverage, last: Coverage, current: Coverage]][] = [
    ['the page never opened', [], ['none', 'none', 'none']],
    [
      'only a post opened on its own page (a link from a message): proves nothing about the wall',
      [alone(omsk(2026, 10, 1, 10), today)],
      ['none', 'none', 'none'],
    ],
    [
      'a post of last week opened alone, nothing else',
      [alone(omsk(2026, 11, 18, 10), today)],
      ['none', 'none', 'none'],
    ],
    [
      'the wall today, scrolled down to last Wednesday',
      [wall(omsk(2026, 11, 25, 10), today), wall(omsk(2026, 11, 18, 10), today)],
      ['none', 'part', 'whole'],
    ],
    [
      'the wall today, scrolled through the two weeks before',
      [wall(omsk(2026, 11, 25, 10), today), wall(omsk(2026, 11, 12, 10), today), wall(omsk(2026, 11, 8, 10), today)],
      ['whole', 'whole', 'whole'],
    ],
    [
      'the wall today, only this week’s posts',
      [wall(omsk(2026, 11, 25, 10), today), wall(omsk(2026, 11, 24, 10), today)],
      ['none', 'none', 'part'],
    ],
    [
      'the wall last Friday, down to the Tuesday before: this week has no data',
      [wall(omsk(2026, 11, 20, 9), omsk(2026, 11, 20, 12)), wall(omsk(2026, 11, 10, 9), omsk(2026, 11, 20, 12))],
      ['part', 'part', 'none'],
    ],
    [
      'the wall last seen on Sunday night: the new week has no data yet',
      [wall(omsk(2026, 11, 20, 9), omsk(2026, 11, 22, 23))],
      ['none', 'part', 'none'],
    ],
    [
      'a post seen on the wall on Monday and opened alone today: the wall counts as of Monday',
      [post(omsk(2026, 11, 22, 9), { firstSeen: omsk(2026, 11, 23, 9), lastSeen: today, wallSeen: { first: omsk(2026, 11, 23, 9), last: omsk(2026, 11, 23, 9) } })],
      ['none', 'part', 'whole'],
    ],
    [
      'a record that does not say where it was seen: its sightings count as the wall’s',
      [post(omsk(2026, 11, 15, 9), { firstSeen: today, lastSeen: today })],
      ['part', 'whole', 'whole'],
    ],
    ['a bare post (no sighting times) proves the wall from its date on', [post(omsk(2026, 11, 12, 9))], ['part', 'whole', 'whole']],
    ['an old pinned post on the wall proves nothing', [wall(omsk(2026, 10, 1, 9), today, today)].map((p) => ({ ...p, pinned: true })), ['none', 'none', 'none']],
  ];

  it.each(cases)('%s', (_, posts, [two, last, current]) => {
    expect([weekCoverage(posts, TWO_BACK, now, 'Asia/Omsk'), weekCoverage(posts, LAST_MON, now, 'Asia/Omsk'), weekCoverage(posts, MON, now, 'Asia/Omsk')]).toEqual([
      two,
      last,
      current,
    ]);
  });

  it('the latest wall sighting ignores a later look at the post alone', () => {
    const monday = omsk(2026, 11, 23, 9);
    expect(lastSighting([post(MON, { firstSeen: monday, lastSeen: today, wallSeen: { first: monday, last: monday } })])).toBe(monday);
    expect(lastSighting([alone(MON, today)])).toBeNull();
  });

  it('seenBackTo is whole coverage of the running week', () => {
    expect(seenBackTo([wall(omsk(2026, 11, 22, 9), today)], MON, now)).toBe(true);
    expect(seenBackTo([alone(omsk(2026, 11, 22, 9), today)], MON, now)).toBe(false);
  });
});
