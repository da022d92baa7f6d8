import { tzOffset } from '@date-fns/tz';

/**
 * Civil dates as whole day numbers (days since 1970-01-01) and wall-clock arithmetic in a named zone.
 * Everything goes through UTC fields and the zone's offset, never the machine's local time, so the
 * same instant gives the same answer on any computer.
 */

export const MINUTE = 60_000;
export const DAY = 86_400_000;

/** An instant: a Date or milliseconds since the epoch. */
export type Instant = Date | number;

export function toMs(t: Instant): number {
  const ms = typeof t === 'number' ? t : t.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('Некорректный момент времени');
  return ms;
}

const DATE_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 'YYYY-MM-DD' → day number; undefined when the date does not exist (2025-02-30). */
export function dayNumberOf(dateKey: string): number | undefined {
  const m = DATE_KEY.exec(dateKey);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return ms / DAY;
}

export function dateKeyOf(dayNumber: number): string {
  return new Date(dayNumber * DAY).toISOString().slice(0, 10);
}

export function yearOf(dayNumber: number): number {
  return new Date(dayNumber * DAY).getUTCFullYear();
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export function weekdayOf(dayNumber: number): number {
  // 1970-01-01 was a Thursday.
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

/** 'HH:MM' → minutes after midnight; '24:00' is allowed as the end of a day. */
export function minutesOfDay(hhmm: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m) throw new RangeError(`Время указывается как ЧЧ:ММ, а не «${hhmm}»`);
  return Number(m[1]) * 60 + Number(m[2]);
}

export function isValidZone(zone: string): boolean {
  return zone.length > 0 && !Number.isNaN(tzOffset(zone, new Date(0)));
}

/** The zone's offset from UTC at the instant, in milliseconds (local = UTC + offset). */
export function offsetMs(zone: string, ms: number): number {
  return tzOffset(zone, new Date(ms)) * MINUTE;
}

/**
 * The instant at which the zone's clocks show `wallMs` (wall time written as if it were UTC).
 * Two passes settle the offset on either side of a change; a wall time skipped by a change
 * lands after it.
 */
export function wallToInstant(zone: string, wallMs: number): number {
  const first = wallMs - offsetMs(zone, wallMs);
  return wallMs - offsetMs(zone, first);
}

/** ISO 8601 with the zone's offset, e.g. 2025-09-16T17:00:00+06:00 (milliseconds only when present). */
export function formatInZone(t: Instant, zone: string): string {
  const ms = toMs(t);
  const off = offsetMs(zone, ms);
  const wall = new Date(ms + off).toISOString();
  const body = ms % 1000 === 0 ? wall.slice(0, 19) : wall.slice(0, 23);
  if (off === 0) return `${body}Z`;
  const sign = off < 0 ? '-' : '+';
  const abs = Math.abs(off) / MINUTE;
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${body}${sign}${hh}:${mm}`;
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * Parses ISO 8601. A time without an offset is wall time in `zone` (the administration's clock,
 * not the machine's); a date alone is the start of that day there. Undefined when unreadable.
 */
export function parseInZone(text: string, zone: string): number | undefined {
  const m = ISO.exec(text.trim());
  if (!m) return undefined;
  const day = dayNumberOf(`${m[1]}-${m[2]}-${m[3]}`);
  if (day === undefined) return undefined;
  const [h, mi, s] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  if (h > 24 || mi > 59 || s > 59 || (h === 24 && (mi > 0 || s > 0))) return undefined;
  const frac = m[7] ? Number(m[7].padEnd(3, '0')) : 0;
  const wall = day * DAY + ((h * 60 + mi) * 60 + s) * 1000 + frac;
  const zoneText = m[8];
  if (zoneText === undefined) return wallToInstant(zone, wall);
  if (zoneText === 'Z') return wall;
  const z = /^([+-])(\d{2}):?(\d{2})?$/.exec(zoneText);
  if (!z) return undefined;
  const offMin = Number(z[2]) * 60 + Number(z[3] ?? 0);
  if (Number(z[2]) > 23 || Number(z[3] ?? 0) > 59) return undefined;
  return wall - (z[1] === '-' ? -offMin : offMin) * MINUTE;
}
