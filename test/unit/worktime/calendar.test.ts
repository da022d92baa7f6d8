import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_YEARS,
  CalendarFileError,
  MissingCalendarYearError,
  builtInCalendar,
  createWorkClock,
  DEFAULT_WORKTIME_SETTINGS,
  parseCalendarYear,
  type CalendarYear,
  type WorktimeSettings,
} from '../../../lib/worktime';

const years = BUILT_IN_YEARS as CalendarYear[];

/** A plain 40-hour week (8 h a day, lunch outside the count) to recompute the official norm. */
const eightHours = { start: '09:00', end: '18:00' };
const fortyHourWeek: WorktimeSettings = {
  ...DEFAULT_WORKTIME_SETTINGS,
  week: { mon: eightHours, tue: eightHours, wed: eightHours, thu: eightHours, fri: eightHours, sat: null, sun: null },
};

describe('production calendar files 2020–2027', () => {
  it('ships every year from 2020 to 2027, one file each', () => {
    expect(years.map((y) => y.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027]);
  });

  it.each(years.map((y) => [y.year, y] as const))('%i: working days and the 40-hour norm match the check figures', (year, data) => {
    const clock = createWorkClock(fortyHourWeek);
    let days = 0;
    let minutes = 0;
    for (let d = Date.UTC(year, 0, 1); new Date(d).getUTCFullYear() === year; d += 86_400_000) {
      const key = new Date(d).toISOString().slice(0, 10);
      const intervals = clock.workingIntervals(key);
      if (intervals.length) days++;
      minutes += intervals.reduce((sum, i) => sum + (i.end - i.start) / 60_000, 0);
    }
    expect(days).toBe(data.check!.workingDays);
    expect(minutes / 60).toBe(data.check!.hours40);
  });

  it('every built-in file passes the same validation as a file the user adds', () => {
    for (const y of BUILT_IN_YEARS) expect(parseCalendarYear(y).ok).toBe(true);
  });
});

describe('a year without data', () => {
  it('is an error naming the year', () => {
    const clock = createWorkClock();
    expect(() => clock.isWorkingTime(Date.parse('2028-03-01T10:00+06:00'))).toThrow('нет производственного календаря на 2028 год');
    expect(() => clock.addWorkingMinutes(Date.parse('2027-12-30T17:00+06:00'), 60)).toThrow(MissingCalendarYearError);
  });

  const year2028 = {
    year: 2028,
    holidays: ['2028-01-01', '2028-01-02', '2028-01-03', '2028-01-04', '2028-01-05', '2028-01-06', '2028-01-07', '2028-01-08'],
    nonWorking: ['2028-01-10'],
    workingWeekends: [],
    shortened: [],
  };

  it('the user adds the year from a file, and the clock runs into it', () => {
    const calendar = builtInCalendar().withYear(year2028);
    const clock = createWorkClock(DEFAULT_WORKTIME_SETTINGS, calendar);
    expect(clock.format(clock.addWorkingMinutes(Date.parse('2027-12-30T17:00+06:00'), 60))).toBe('2028-01-11T08:45:00+06:00');
    expect(builtInCalendar().hasYear(2028)).toBe(false);
  });

  it.each([
    ['a date that does not exist', { ...year2028, holidays: ['2028-02-30'] }, /2028-02-30/],
    ['a date from another year', { ...year2028, nonWorking: ['2027-01-10'] }, /не из 2028 года/],
    ['a working weekend on a weekday', { ...year2028, workingWeekends: [{ date: '2028-01-11', worksAs: '2028-01-10' }] }, /не суббота/],
    ['a shortened day that is not working', { ...year2028, shortened: ['2028-01-15'] }, /не является рабочим/],
    ['check figures that do not add up', { ...year2028, check: { workingDays: 250, hours40: 2000 } }, /контрольной цифре/],
    ['not a calendar at all', { hello: 'world' }, /Файл календаря не принят/],
  ])('a bad file (%s) is refused in Russian and the old data stays', (_why, file, message) => {
    const before = builtInCalendar();
    expect(parseCalendarYear(file)).toMatchObject({ ok: false, error: expect.stringMatching(message) });
    expect(() => before.withYear(file)).toThrow(CalendarFileError);
    expect(before.hasYear(2028)).toBe(false);
    expect(() => createWorkClock(DEFAULT_WORKTIME_SETTINGS, before).isWorkingTime(Date.parse('2028-01-11T10:00+06:00'))).toThrow(
      'нет производственного календаря на 2028 год',
    );
  });

  it('a file with correct check figures is accepted', () => {
    // 2028: 260 weekdays, minus the 5 holidays of 3–7 January and the 10th off.
    const r = parseCalendarYear({ ...year2028, check: { workingDays: 254, hours40: 2032 } });
    expect(r.ok).toBe(true);
  });
});
