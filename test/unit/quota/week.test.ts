import { describe, expect, it } from 'vitest';
import { daysLeftInWeek, isoDateIn, nextThursdayNoon, shiftWeek, weekEndOf, weekStartOf } from '@/lib/quota/week';
import { MON, NEXT_MON, omsk } from './helpers';

describe('publication weeks in Asia/Omsk', () => {
  it.each([
    ['Monday 00:00 starts the week', omsk(2026, 11, 23, 0, 0), MON],
    ['Sunday 23:59 still belongs to it', omsk(2026, 11, 29, 23, 59), MON],
    ['Sunday 23:59 Omsk is 17:59 UTC', Date.UTC(2026, 10, 29, 17, 59), MON],
    ['Monday 00:00 Omsk (18:00 UTC on Sunday) starts the next', Date.UTC(2026, 10, 29, 18, 0), NEXT_MON],
    ['Sunday 23:59:59.999', NEXT_MON - 1, MON],
    ['midweek', omsk(2026, 11, 26, 12), MON],
  ])('%s', (_, at, start) => {
    expect(weekStartOf(at, 'Asia/Omsk')).toBe(start);
  });

  it('Monday 00:00 Omsk is Sunday 18:00 UTC', () => {
    expect(new Date(MON).toISOString()).toBe('2026-11-22T18:00:00.000Z');
  });

  it('defaults to Asia/Omsk', () => {
    expect(weekStartOf(Date.UTC(2026, 10, 29, 18, 0))).toBe(NEXT_MON);
  });

  it('a week is seven days long and weeks chain', () => {
    expect(weekEndOf(MON)).toBe(NEXT_MON);
    expect(shiftWeek(MON, -1)).toBe(omsk(2026, 11, 16));
    expect(shiftWeek(MON, 1)).toBe(NEXT_MON);
  });

  it('in a zone with daylight saving, the week that changes the clocks is 167 hours', () => {
    const zone = 'America/New_York';
    const start = weekStartOf(Date.UTC(2026, 2, 4, 12), zone); // the week of 2 March 2026; clocks go forward on 8 March
    expect(new Date(start).toISOString()).toBe('2026-03-02T05:00:00.000Z');
    expect(new Date(weekEndOf(start, zone)).toISOString()).toBe('2026-03-09T04:00:00.000Z');
  });

  it.each([
    ['Monday', omsk(2026, 11, 23, 9), 7],
    ['Tuesday', omsk(2026, 11, 24, 9), 6],
    ['Wednesday', omsk(2026, 11, 25, 9), 5],
    ['Thursday', omsk(2026, 11, 26, 9), 4],
    ['Friday', omsk(2026, 11, 27, 9), 3],
    ['Saturday', omsk(2026, 11, 28, 9), 2],
    ['Sunday', omsk(2026, 11, 29, 23, 59), 1],
    ['Sunday, early in UTC terms still Sunday in Omsk', Date.UTC(2026, 10, 29, 17, 0), 1],
  ])('days left on %s, today included: %i', (_, now, days) => {
    expect(daysLeftInWeek(now, 'Asia/Omsk')).toBe(days);
  });

  it.each([
    ['Monday morning', omsk(2026, 11, 23, 9), omsk(2026, 11, 26, 12)],
    ['Thursday 11:59', omsk(2026, 11, 26, 11, 59), omsk(2026, 11, 26, 12)],
    ['Thursday noon exactly: next week', omsk(2026, 11, 26, 12), omsk(2026, 12, 3, 12)],
    ['Thursday afternoon', omsk(2026, 11, 26, 15), omsk(2026, 12, 3, 12)],
    ['Sunday night', omsk(2026, 11, 29, 23), omsk(2026, 12, 3, 12)],
  ])('next Thursday noon after %s', (_, now, next) => {
    expect(nextThursdayNoon(now, 'Asia/Omsk')).toBe(next);
  });

  it('the calendar date is the zone’s, not the machine’s', () => {
    expect(isoDateIn(Date.UTC(2026, 10, 28, 20), 'Asia/Omsk')).toBe('2026-11-29');
    expect(isoDateIn(Date.UTC(2026, 10, 28, 17), 'Asia/Omsk')).toBe('2026-11-28');
  });
});
