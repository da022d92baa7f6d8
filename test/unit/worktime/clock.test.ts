import { describe, expect, it } from 'vitest';
import { createWorkClock, DEFAULT_WORKTIME_SETTINGS, type WorktimeSettings } from '../../../lib/worktime';

const clock = createWorkClock();
const omsk = (s: string) => Date.parse(`${s}+06:00`);
const show = (t: number) => clock.format(t);

describe('the issue examples (default Omsk schedule)', () => {
  it('received Tue 2025-09-16 11:00: draft due Tue 17:00 (5 h), reply due Wed 11:45 (9 h)', () => {
    const t0 = omsk('2025-09-16T11:00');
    expect(show(clock.addWorkingMinutes(t0, 5 * 60))).toBe('2025-09-16T17:00:00+06:00');
    expect(show(clock.addWorkingMinutes(t0, 9 * 60))).toBe('2025-09-17T11:45:00+06:00');
  });
  it('received Sun 2025-09-21 09:00: the clock starts Mon 08:30', () => {
    expect(show(clock.nextWorkingInstant(omsk('2025-09-21T09:00')))).toBe('2025-09-22T08:30:00+06:00');
    expect(show(clock.addWorkingMinutes(omsk('2025-09-21T09:00'), 30))).toBe('2025-09-22T09:00:00+06:00');
  });
});

describe('addWorkingMinutes', () => {
  it.each([
    // [from, minutes, expected, why]
    ['2025-09-16T12:30', 30, '2025-09-16T13:00', 'ends exactly at lunch: that instant, not 14:00'],
    ['2025-09-16T12:30', 31, '2025-09-16T14:01', 'lunch does not count'],
    ['2025-09-16T13:20', 10, '2025-09-16T14:10', 'a start in lunch waits for 14:00'],
    ['2025-09-16T17:15', 30, '2025-09-16T17:45', 'ends exactly at the close of the day'],
    ['2025-09-16T17:15', 31, '2025-09-17T08:31', 'one minute more rolls to the morning'],
    ['2025-09-16T17:45', 30, '2025-09-17T09:00', 'a start at the close counts from the next morning'],
    ['2025-09-16T20:00', 0, '2025-09-17T08:30', 'zero minutes from the evening is the next working instant'],
    ['2025-09-19T16:00', 60, '2025-09-22T09:00', 'Friday closes at 16:30'],
    ['2025-09-19T16:30', 1, '2025-09-22T08:31', 'weekend skipped'],
    ['2025-12-30T17:00', 60, '2026-01-12T08:45', 'New Year holidays and 2026-01-09 moved day off'],
    ['2025-04-30T16:00', 60, '2025-05-05T08:45', 'pre-holiday Wednesday ends 16:45; May 1–4 off'],
    ['2025-11-01T16:00', 60, '2025-11-05T08:45', 'working Saturday stands for Monday 3 Nov, shortened: ends 16:45'],
    ['2024-11-02T08:30', 7 * 60 + 15, '2024-11-02T16:45', 'working Saturday stands for Tuesday 30 Apr, shortened'],
    ['2024-12-28T16:30', 30, '2024-12-28T17:00', 'working Saturday stands for Monday 30 Dec, full day'],
    ['2026-02-20T16:00', 30, '2026-02-20T16:30', 'Friday before a Monday holiday keeps its hours'],
    ['2025-09-15T08:30', 5 * (8 * 60 + 15) - 75, '2025-09-19T16:30', 'a whole week is 40 h'],
  ])('%s + %i min → %s (%s)', (from, minutes, expected) => {
    expect(clock.addWorkingMinutes(omsk(from), minutes)).toBe(omsk(expected));
  });

  it('rejects a negative count in Russian', () => {
    expect(() => clock.addWorkingMinutes(omsk('2025-09-16T11:00'), -1)).toThrow(/неотрицательным/);
  });
});

describe('addWorkingDays: the close of the N-th working day after the day of t', () => {
  it.each([
    ['2025-09-16T11:00', 1, '2025-09-17T17:45'],
    ['2025-09-16T07:00', 1, '2025-09-17T17:45'],
    ['2025-09-16T23:00', 7, '2025-09-25T17:45'],
    ['2025-09-18T11:00', 1, '2025-09-19T16:30'],
    ['2025-09-20T11:00', 1, '2025-09-22T17:45'],
    ['2025-10-30T11:00', 2, '2025-11-01T16:45'],
    ['2025-12-25T11:00', 7, '2026-01-15T17:45'],
  ])('%s + %i working days → %s', (from, days, expected) => {
    expect(show(clock.addWorkingDays(omsk(from), days))).toBe(show(omsk(expected)));
  });
  it('asks for a whole number of at least one day', () => {
    expect(() => clock.addWorkingDays(0, 0)).toThrow(/не меньше 1/);
    expect(() => clock.addWorkingDays(0, 1.5)).toThrow(/целым/);
  });
});

describe('isWorkingTime, nextWorkingInstant, workingMinutesBetween', () => {
  it.each([
    ['2025-09-16T08:29', false],
    ['2025-09-16T08:30', true],
    ['2025-09-16T12:59', true],
    ['2025-09-16T13:00', false],
    ['2025-09-16T14:00', true],
    ['2025-09-16T17:44', true],
    ['2025-09-16T17:45', false],
    ['2025-09-19T16:30', false],
    ['2025-09-20T10:00', false],
    ['2025-11-04T10:00', false],
    ['2025-11-01T10:00', true],
  ])('%s working: %s', (t, expected) => {
    expect(clock.isWorkingTime(omsk(t))).toBe(expected);
  });

  it('next working instant is t itself in working time, else the next start', () => {
    expect(clock.nextWorkingInstant(omsk('2025-09-16T10:00'))).toBe(omsk('2025-09-16T10:00'));
    expect(clock.nextWorkingInstant(omsk('2025-09-16T13:30'))).toBe(omsk('2025-09-16T14:00'));
    expect(clock.nextWorkingInstant(omsk('2025-12-31T12:00'))).toBe(omsk('2026-01-12T08:30'));
  });

  it('counts working minutes, negative backwards', () => {
    expect(clock.workingMinutesBetween(omsk('2025-09-16T11:00'), omsk('2025-09-17T11:45'))).toBe(540);
    expect(clock.workingMinutesBetween(omsk('2025-09-17T11:45'), omsk('2025-09-16T11:00'))).toBe(-540);
    expect(clock.workingMinutesBetween(omsk('2025-09-20T00:00'), omsk('2025-09-21T23:59'))).toBe(0);
    expect(clock.workingMinutesBetween(omsk('2025-09-15T00:00'), omsk('2025-09-22T00:00'))).toBe(40 * 60);
  });

  it('accepts Date and epoch milliseconds alike', () => {
    const t = omsk('2025-09-16T11:00');
    expect(clock.addWorkingMinutes(new Date(t), 60)).toBe(clock.addWorkingMinutes(t, 60));
  });
});

describe('settings', () => {
  it('the presidential non-working days of 2020 stop the clock only when switched on', () => {
    const withDecree = createWorkClock({ ...DEFAULT_WORKTIME_SETTINGS, decreeNonWorkingDays: true });
    expect(clock.isWorkingTime(omsk('2020-04-15T10:00'))).toBe(true);
    expect(withDecree.isWorkingTime(omsk('2020-04-15T10:00'))).toBe(false);
    expect(withDecree.nextWorkingInstant(omsk('2020-04-15T10:00'))).toBe(omsk('2020-05-12T08:30'));
  });

  it('another department in another zone: Moscow, 09:00–18:00 every weekday', () => {
    const day = { start: '09:00', end: '18:00' };
    const settings: WorktimeSettings = {
      ...DEFAULT_WORKTIME_SETTINGS,
      zone: 'Europe/Moscow',
      week: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: null, sun: null },
    };
    const moscow = createWorkClock(settings);
    const t = Date.parse('2025-09-19T17:00+03:00');
    expect(moscow.format(moscow.addWorkingMinutes(t, 120))).toBe('2025-09-22T10:00:00+03:00');
  });

  it('a working Saturday keeps the hours of the weekday it stands for, not of its neighbours', () => {
    const week = { ...DEFAULT_WORKTIME_SETTINGS.week, tue: { start: '09:00', end: '15:00' } };
    const custom = createWorkClock({ ...DEFAULT_WORKTIME_SETTINGS, week });
    // 2024-11-02 stands for Tuesday 30 April and is pre-holiday: 09:00–14:00 with lunch.
    expect(custom.workingIntervals('2024-11-02').map((i) => [custom.format(i.start), custom.format(i.end)])).toEqual([
      ['2024-11-02T09:00:00+06:00', '2024-11-02T13:00:00+06:00'],
    ]);
    // 2024-12-28 stands for Monday 30 December: the Monday hours.
    expect(custom.workingIntervals('2024-12-28').map((i) => custom.format(i.end))).toEqual(['2024-12-28T13:00:00+06:00', '2024-12-28T17:45:00+06:00']);
  });

  it('a zone with summer time counts by its wall clock on either side of the change', () => {
    const berlin = createWorkClock({ ...DEFAULT_WORKTIME_SETTINGS, zone: 'Europe/Berlin' });
    const t = Date.parse('2025-03-28T16:00+01:00');
    expect(berlin.format(berlin.addWorkingMinutes(t, 60))).toBe('2025-03-31T09:00:00+02:00');
    expect(berlin.workingMinutesBetween(t, Date.parse('2025-03-31T09:00+02:00'))).toBe(60);
  });

  it('an invalid schedule is refused when building a clock', () => {
    expect(() => createWorkClock({ ...DEFAULT_WORKTIME_SETTINGS, zone: 'Asia/Nowhere' })).toThrow(/часовой пояс/);
  });
});
