/**
 * Publication weeks (App. 2 §10): Monday 00:00 to Sunday 24:00 in the administration's zone. Every
 * calendar step goes through TZDate so the machine's own zone never leaks in.
 */
import { tz } from '@date-fns/tz';
import { addDays, addWeeks, getISODay, setHours, startOfDay, startOfWeek } from 'date-fns';

export const DEFAULT_ZONE = 'Asia/Omsk';

/** Unix ms of the Monday 00:00 that starts the week containing `at`. */
export function weekStartOf(at: number, zone: string = DEFAULT_ZONE): number {
  return startOfWeek(at, { weekStartsOn: 1, in: tz(zone) }).getTime();
}

/** Unix ms of the next Monday 00:00 (the week's exclusive end), DST-safe in zones that have it. */
export function weekEndOf(weekStart: number, zone: string = DEFAULT_ZONE): number {
  return addWeeks(weekStart, 1, { in: tz(zone) }).getTime();
}

/** Monday 00:00 of the week `offset` weeks from the one containing `at` (negative: earlier). */
export function shiftWeek(weekStart: number, offset: number, zone: string = DEFAULT_ZONE): number {
  return addWeeks(weekStart, offset, { in: tz(zone) }).getTime();
}

/** 1 = Monday … 7 = Sunday, in the zone. */
export function weekdayIn(at: number, zone: string = DEFAULT_ZONE): number {
  return getISODay(at, { in: tz(zone) });
}

/** Days from today to Sunday, today included: 7 on Monday, 1 on Sunday. */
export function daysLeftInWeek(now: number, zone: string = DEFAULT_ZONE): number {
  return 8 - weekdayIn(now, zone);
}

/**
 * The next Thursday 12:00 in the zone strictly after `now`, for the reminder alarm: an alarm that
 * fires at noon and asks again gets next week's, never the same instant twice.
 */
export function nextThursdayNoon(now: number, zone: string = DEFAULT_ZONE): number {
  const inZone = { in: tz(zone) };
  const thisWeek = setHours(addDays(weekStartOf(now, zone), 3, inZone), 12, inZone).getTime();
  if (thisWeek > now) return thisWeek;
  return setHours(addDays(shiftWeek(weekStartOf(now, zone), 1, zone), 3, inZone), 12, inZone).getTime();
}

/** The zone's calendar date of `at` as yyyy-mm-dd. */
export function isoDateIn(at: number, zone: string = DEFAULT_ZONE): string {
  const d = startOfDay(at, { in: tz(zone) });
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
