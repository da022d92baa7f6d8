import { z } from 'zod';
import { dateKeyOf, dayNumberOf, weekdayOf, yearOf } from './civil';
import y2020 from './calendar/2020.json';
import y2021 from './calendar/2021.json';
import y2022 from './calendar/2022.json';
import y2023 from './calendar/2023.json';
import y2024 from './calendar/2024.json';
import y2025 from './calendar/2025.json';
import y2026 from './calendar/2026.json';
import y2027 from './calendar/2027.json';
import type { Result } from '../result';

const DateKey = z.string().refine((s) => dayNumberOf(s) !== undefined, {
  error: (issue) => `«${String(issue.input)}» — не дата в формате ГГГГ-ММ-ДД`,
});

/** One year of the production calendar, the shape of `calendar/<year>.json`. */
export const CalendarYearSchema = z
  .object({
    year: z.number().int().min(1992).max(2200),
    basis: z.array(z.string()).default([]),
    holidays: z.array(DateKey),
    transfers: z.array(z.object({ from: DateKey, to: DateKey })).default([]),
    /** Weekdays off: days off moved by decree and holidays that fell on a weekend. */
    nonWorking: z.array(DateKey),
    /** Saturdays and Sundays that are working days, and the weekday whose schedule they keep. */
    workingWeekends: z.array(z.object({ date: DateKey, worksAs: DateKey })),
    /** Pre-holiday days, one hour shorter (Labour Code art. 95). */
    shortened: z.array(DateKey),
    /** Presidential paid non-working days of 2020–2021: applied only when the settings say so. */
    decreeNonWorking: z.array(z.object({ from: DateKey, to: DateKey, basis: z.string().optional() })).default([]),
    /** Official totals: working days and the 40-hour-week norm in hours. */
    check: z.object({ workingDays: z.number().int(), hours40: z.number() }).optional(),
  })
  .superRefine((y, ctx) => {
    for (const problem of consistencyProblems(y)) ctx.addIssue({ code: 'custom', message: problem });
  });

export type CalendarYear = z.infer<typeof CalendarYearSchema>;

function consistencyProblems(y: {
  year: number;
  holidays: string[];
  transfers: { from: string; to: string }[];
  nonWorking: string[];
  workingWeekends: { date: string; worksAs: string }[];
  shortened: string[];
  decreeNonWorking: { from: string; to: string }[];
  check?: { workingDays: number; hours40: number } | undefined;
}): string[] {
  const problems: string[] = [];
  const day = (s: string) => dayNumberOf(s) as number;
  const all = [
    ...y.holidays,
    ...y.nonWorking,
    ...y.shortened,
    ...y.workingWeekends.flatMap((w) => [w.date, w.worksAs]),
    ...y.transfers.flatMap((t) => [t.from, t.to]),
    ...y.decreeNonWorking.flatMap((d) => [d.from, d.to]),
  ];
  // Malformed dates are reported by their own fields; consistency is judged on a readable file only.
  if (all.some((s) => dayNumberOf(s) === undefined)) return [];
  const foreign = all.filter((s) => yearOf(day(s)) !== y.year);
  if (foreign.length) problems.push(`даты не из ${y.year} года: ${[...new Set(foreign)].join(', ')}`);
  const off = new Set([...y.holidays, ...y.nonWorking]);
  for (const w of y.workingWeekends) {
    if (weekdayOf(day(w.date)) < 6) problems.push(`${w.date} — не суббота и не воскресенье, а указан как рабочий выходной`);
    if (weekdayOf(day(w.worksAs)) > 5 || !off.has(w.worksAs))
      problems.push(`рабочий выходной ${w.date} заменяет ${w.worksAs}, но это не выходной будний день`);
  }
  for (const t of y.transfers) if (!off.has(t.to)) problems.push(`перенос на ${t.to}: этот день не указан как нерабочий`);
  for (const d of y.decreeNonWorking) if (d.from > d.to) problems.push(`нерабочие дни по указу: ${d.from} позже ${d.to}`);
  const working = workingDaysOf(y);
  for (const s of y.shortened) if (!working.has(s)) problems.push(`сокращённый день ${s} не является рабочим`);
  if (y.check && !problems.length) {
    const hours = [...working].reduce((sum, s) => sum + (y.shortened.includes(s) ? 7 : 8), 0);
    if (working.size !== y.check.workingDays)
      problems.push(`рабочих дней по датам ${working.size}, а в контрольной цифре ${y.check.workingDays}`);
    if (hours !== y.check.hours40)
      problems.push(`норма при 40-часовой неделе по датам ${hours} ч, а в контрольной цифре ${y.check.hours40} ч`);
  }
  return problems;
}

/** The working days of a year by the calendar alone (no presidential decree days). */
function workingDaysOf(y: Pick<CalendarYear, 'year' | 'holidays' | 'nonWorking' | 'workingWeekends'>): Set<string> {
  const off = new Set([...y.holidays, ...y.nonWorking]);
  const weekendWork = new Set(y.workingWeekends.map((w) => w.date));
  const result = new Set<string>();
  const first = dayNumberOf(`${y.year}-01-01`) as number;
  const last = dayNumberOf(`${y.year}-12-31`) as number;
  for (let d = first; d <= last; d++) {
    const key = dateKeyOf(d);
    if (weekendWork.has(key) || (weekdayOf(d) <= 5 && !off.has(key))) result.add(key);
  }
  return result;
}

/** What the calendar says about one civil day. */
export interface CalendarDay {
  working: boolean;
  shortened: boolean;
  /** ISO weekday whose schedule applies: a working weekend keeps the schedule of the day it replaces. */
  scheduleWeekday: number;
  kind: 'workday' | 'weekend' | 'holiday' | 'nonWorking' | 'workingWeekend' | 'decreeNonWorking';
}

export class MissingCalendarYearError extends Error {
  constructor(readonly year: number) {
    super(`нет производственного календаря на ${year} год`);
    this.name = 'MissingCalendarYearError';
  }
}

export class CalendarFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CalendarFileError';
  }
}

interface YearIndex {
  holidays: Set<number>;
  nonWorking: Set<number>;
  worksAs: Map<number, number>;
  shortened: Set<number>;
  decree: Set<number>;
}

function indexYear(y: CalendarYear): YearIndex {
  const days = (list: string[]) => new Set(list.map((s) => dayNumberOf(s) as number));
  const decree = new Set<number>();
  for (const r of y.decreeNonWorking) {
    for (let d = dayNumberOf(r.from) as number; d <= (dayNumberOf(r.to) as number); d++) decree.add(d);
  }
  return {
    holidays: days(y.holidays),
    nonWorking: days(y.nonWorking),
    worksAs: new Map(y.workingWeekends.map((w) => [dayNumberOf(w.date) as number, dayNumberOf(w.worksAs) as number])),
    shortened: days(y.shortened),
    decree,
  };
}

/** The production calendar: an immutable set of years. Adding a year gives a new calendar. */
export class ProductionCalendar {
  private readonly index = new Map<number, YearIndex>();

  private constructor(readonly years: ReadonlyMap<number, CalendarYear>) {}

  static of(years: readonly CalendarYear[]): ProductionCalendar {
    return new ProductionCalendar(new Map(years.map((y) => [y.year, y])));
  }

  hasYear(year: number): boolean {
    return this.years.has(year);
  }

  /**
   * A calendar with one more (or a replaced) year from an untrusted file. A bad file throws
   * CalendarFileError with a Russian message and leaves this calendar as it was.
   */
  withYear(input: unknown): ProductionCalendar {
    const year = parseCalendarYear(input);
    if (!year.ok) throw new CalendarFileError(year.error);
    return new ProductionCalendar(new Map([...this.years, [year.value.year, year.value]]));
  }

  /** Throws MissingCalendarYearError for a year the calendar does not have. */
  day(dayNumber: number, decreeNonWorking = false): CalendarDay {
    const year = yearOf(dayNumber);
    let idx = this.index.get(year);
    if (!idx) {
      const data = this.years.get(year);
      if (!data) throw new MissingCalendarYearError(year);
      idx = indexYear(data);
      this.index.set(year, idx);
    }
    const weekday = weekdayOf(dayNumber);
    if (decreeNonWorking && idx.decree.has(dayNumber))
      return { working: false, shortened: false, scheduleWeekday: weekday, kind: 'decreeNonWorking' };
    const replaced = idx.worksAs.get(dayNumber);
    if (replaced !== undefined)
      return { working: true, shortened: idx.shortened.has(dayNumber), scheduleWeekday: weekdayOf(replaced), kind: 'workingWeekend' };
    if (idx.holidays.has(dayNumber)) return { working: false, shortened: false, scheduleWeekday: weekday, kind: 'holiday' };
    if (idx.nonWorking.has(dayNumber)) return { working: false, shortened: false, scheduleWeekday: weekday, kind: 'nonWorking' };
    if (weekday > 5) return { working: false, shortened: false, scheduleWeekday: weekday, kind: 'weekend' };
    return { working: true, shortened: idx.shortened.has(dayNumber), scheduleWeekday: weekday, kind: 'workday' };
  }
}

export type ParseResult<T> = Result<{ value: T }>;

/** Validates one year's file (shape, dates, internal consistency, check figures when given). */
export function parseCalendarYear(input: unknown): ParseResult<CalendarYear> {
  const result = CalendarYearSchema.safeParse(input, { error: z.locales.ru().localeError });
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  const where = issue && issue.path.length ? ` (${issue.path.join('.')})` : '';
  const year = typeof input === 'object' && input && 'year' in input ? ` на ${String(input.year)} год` : '';
  return { ok: false, error: `Файл календаря${year} не принят: ${issue?.message ?? 'неверный формат'}${where}` };
}

/** The years shipped with the extension. */
export const BUILT_IN_YEARS: readonly unknown[] = [y2020, y2021, y2022, y2023, y2024, y2025, y2026, y2027];

let builtIn: ProductionCalendar | undefined;

export function builtInCalendar(): ProductionCalendar {
  builtIn ??= ProductionCalendar.of(
    BUILT_IN_YEARS.map((y) => {
      const parsed = parseCalendarYear(y);
      if (!parsed.ok) throw new CalendarFileError(parsed.error);
      return parsed.value;
    }),
  );
  return builtIn;
}
