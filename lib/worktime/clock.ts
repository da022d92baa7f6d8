import { builtInCalendar, type CalendarDay, type ProductionCalendar } from './calendar';
import { DAY, MINUTE, dateKeyOf, dayNumberOf, formatInZone, minutesOfDay, offsetMs, toMs, wallToInstant, yearOf, type Instant } from './civil';
import { DEFAULT_WORKTIME_SETTINGS, WEEKDAY_KEYS, parseWorktimeSettings, type WorktimeSettings } from './schedule';

/** One civil day in the administration's zone, with its working intervals as instants. */
interface DayRecord {
  day: number;
  /** The instant of local midnight, and of the next one. */
  start: number;
  next: number;
  /** Working intervals [s0, e0, s1, e1, …], half-open, in order. */
  iv: number[];
  workMs: number;
  calendar: CalendarDay;
}

/**
 * Working-time arithmetic over a schedule and a production calendar. Instants in, epoch
 * milliseconds out. Days are built on first use and cached, so a clock is meant to be kept and
 * reused; it never reads the machine's time zone.
 */
export class WorkClock {
  private readonly days = new Map<number, DayRecord>();
  /** Last offset seen: the first guess for the civil day of the next instant. */
  private lastOffset: number;

  constructor(
    readonly settings: WorktimeSettings,
    readonly calendar: ProductionCalendar,
  ) {
    const parsed = parseWorktimeSettings(settings);
    if (!parsed.ok) throw new RangeError(parsed.error);
    this.lastOffset = offsetMs(settings.zone, Date.UTC(2025, 0, 1));
  }

  get zone(): string {
    return this.settings.zone;
  }

  isWorkingTime(t: Instant): boolean {
    const ms = toMs(t);
    const { iv } = this.dayAt(ms);
    for (let i = 0; i < iv.length; i += 2) if (ms >= iv[i]! && ms < iv[i + 1]!) return true;
    return false;
  }

  /** `t` itself when it is working time, otherwise the start of the next working interval. */
  nextWorkingInstant(t: Instant): number {
    let ms = toMs(t);
    let rec = this.dayAt(ms);
    for (;;) {
      const { iv } = rec;
      for (let i = 0; i < iv.length; i += 2) if (ms < iv[i + 1]!) return Math.max(ms, iv[i]!);
      rec = this.record(rec.day + 1);
      ms = rec.start;
    }
  }

  /**
   * The instant `n` working minutes after `t`. The count starts at the next working instant; a
   * result exactly at the end of an interval is that end, not the next morning.
   */
  addWorkingMinutes(t: Instant, n: number): number {
    if (!Number.isFinite(n) || n < 0) throw new RangeError(`число рабочих минут должно быть неотрицательным, а не ${n}`);
    let left = Math.round(n * MINUTE);
    let ms = toMs(t);
    let rec = this.dayAt(ms);
    for (;;) {
      const { iv } = rec;
      if (iv.length && ms <= iv[0]! && left > rec.workMs) {
        left -= rec.workMs;
      } else {
        for (let i = 0; i < iv.length; i += 2) {
          const end = iv[i + 1]!;
          if (ms >= end) continue;
          const from = Math.max(ms, iv[i]!);
          if (left <= end - from) return from + left;
          left -= end - from;
        }
      }
      rec = this.record(rec.day + 1);
      ms = rec.start;
    }
  }

  /** The close of the `n`-th working day after the civil day of `t` (n ≥ 1, whole). */
  addWorkingDays(t: Instant, n: number): number {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`число рабочих дней должно быть целым и не меньше 1, а не ${n}`);
    let rec = this.dayAt(toMs(t));
    for (let found = 0; found < n; ) {
      rec = this.record(rec.day + 1);
      if (rec.iv.length) found++;
    }
    return rec.iv[rec.iv.length - 1]!;
  }

  /** Working minutes in [a, b); negative when b is before a (time overdue). */
  workingMinutesBetween(a: Instant, b: Instant): number {
    const from = toMs(a);
    const to = toMs(b);
    if (to < from) return 0 - this.workingMinutesBetween(to, from) || 0;
    let total = 0;
    if (to === from) return 0;
    let rec = this.dayAt(from);
    for (;;) {
      const { iv } = rec;
      if (from <= rec.start && to >= rec.next) {
        total += rec.workMs;
      } else {
        for (let i = 0; i < iv.length; i += 2) {
          const s = Math.max(iv[i]!, from);
          const e = Math.min(iv[i + 1]!, to);
          if (e > s) total += e - s;
        }
      }
      if (rec.next >= to) return total / MINUTE;
      rec = this.record(rec.day + 1);
    }
  }

  /** The working intervals of a civil day ('YYYY-MM-DD') as instants. */
  workingIntervals(dateKey: string): { start: number; end: number }[] {
    const day = dayNumberOf(dateKey);
    if (day === undefined) throw new RangeError(`«${dateKey}» — не дата в формате ГГГГ-ММ-ДД`);
    const { iv } = this.record(day);
    const out: { start: number; end: number }[] = [];
    for (let i = 0; i < iv.length; i += 2) out.push({ start: iv[i]!, end: iv[i + 1]! });
    return out;
  }

  /**
   * The first year from the civil day of `from` to that of `to` (either order) that the calendar has
   * no data for; null when it can count the whole span. Asked before a date is stored, so that a
   * count never fails on it later.
   */
  missingYear(from: Instant, to: Instant): number | null {
    const [a, b] = [toMs(from), toMs(to)].sort((x, y) => x - y) as [number, number];
    const year = (ms: number) => yearOf(Math.floor((ms + offsetMs(this.settings.zone, ms)) / DAY));
    const [first, last] = [year(a), year(b)];
    if (Number.isNaN(first) || Number.isNaN(last)) throw new RangeError('Некорректный момент времени');
    for (let y = first; y <= last; y++) if (!this.calendar.hasYear(y)) return y;
    return null;
  }

  /** The civil date of `t` in the administration's zone. */
  dateOf(t: Instant): string {
    return dateKeyOf(this.dayAt(toMs(t)).day);
  }

  /** ISO 8601 with the zone's offset. */
  format(t: Instant): string {
    return formatInZone(t, this.settings.zone);
  }

  private dayAt(ms: number): DayRecord {
    let rec = this.record(Math.floor((ms + this.lastOffset) / DAY));
    while (ms < rec.start) rec = this.record(rec.day - 1);
    while (ms >= rec.next) rec = this.record(rec.day + 1);
    return rec;
  }

  private record(day: number): DayRecord {
    const cached = this.days.get(day);
    if (cached) return cached;
    const { zone, week, lunch, shortenedByMinutes, decreeNonWorkingDays } = this.settings;
    const calendar = this.calendar.day(day, decreeNonWorkingDays);
    // Two offset look-ups a day: when midnight and the next midnight agree (no clock change that
    // day, i.e. always in Russia), every wall time of the day shares that offset.
    const offStart = offsetMs(zone, day * DAY - this.lastOffset);
    const offNext = offsetMs(zone, (day + 1) * DAY - offStart);
    const steady = offStart === offNext && offsetMs(zone, day * DAY - offStart) === offStart;
    const toInstant = (wall: number) => (steady ? wall - offStart : wallToInstant(zone, wall));
    const start = toInstant(day * DAY);
    const next = toInstant((day + 1) * DAY);
    this.lastOffset = (day + 1) * DAY - next;
    const hours = calendar.working ? week[WEEKDAY_KEYS[calendar.scheduleWeekday - 1]!] : null;
    const wall: number[] = [];
    if (hours) {
      const open = minutesOfDay(hours.start);
      const close = minutesOfDay(hours.end) - (calendar.shortened ? shortenedByMinutes : 0);
      if (lunch && minutesOfDay(lunch.start) < close && minutesOfDay(lunch.end) > open) {
        wall.push(open, Math.max(open, minutesOfDay(lunch.start)), Math.min(close, minutesOfDay(lunch.end)), close);
      } else {
        wall.push(open, close);
      }
    }
    const iv: number[] = [];
    let workMs = 0;
    for (let i = 0; i < wall.length; i += 2) {
      if (wall[i + 1]! <= wall[i]!) continue;
      const s = toInstant(day * DAY + wall[i]! * MINUTE);
      const e = toInstant(day * DAY + wall[i + 1]! * MINUTE);
      iv.push(s, e);
      workMs += e - s;
    }
    const rec: DayRecord = { day, start, next, iv, workMs, calendar };
    this.days.set(day, rec);
    return rec;
  }
}

/** The clock of the given settings (default: the Omsk administration) over the built-in calendar. */
export function createWorkClock(
  settings: WorktimeSettings = DEFAULT_WORKTIME_SETTINGS,
  calendar: ProductionCalendar = builtInCalendar(),
): WorkClock {
  return new WorkClock(settings, calendar);
}
