/**
 * Wall-clock time in an IANA zone with nothing but Intl: the content script reads dates on every
 * page, and a date library would add to every page's download what these few lines do.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

export interface WallClock {
  year: number;
  /** 0–11, as Date counts months. */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The calendar fields of an instant as a clock in `zone` shows them. */
export function wallClock(ms: number, zone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const p of formatter(zone).formatToParts(ms)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return { year: parts.year!, month: parts.month! - 1, day: parts.day!, hour: parts.hour! % 24, minute: parts.minute!, second: parts.second! };
}

/** How far `zone` is ahead of UTC at an instant, in ms. */
function offsetAt(ms: number, zone: string): number {
  const w = wallClock(ms, zone);
  return Date.UTC(w.year, w.month, w.day, w.hour, w.minute, w.second) - (ms - (ms % 1000 + 1000) % 1000);
}

/**
 * The instant a clock in `zone` shows the given fields. Out-of-range fields roll over as in
 * Date.UTC (day 0 is the last day of the previous month). Two passes settle the offset across a
 * daylight-saving change; a time skipped by the change resolves to the later offset's reading.
 */
export function zonedTime(year: number, month: number, day: number, hour: number, minute: number, zone: string): number {
  const wall = Date.UTC(year, month, day, hour, minute);
  const first = wall - offsetAt(wall, zone);
  return wall - offsetAt(first, zone);
}
