/**
 * Wall-clock time in an IANA zone with nothing but Intl: the content script reads dates on every
 * page, and a date library would add to every page's download what these few lines do.
 */

/**
 * The browser's own zone, the one the sites print dates in. Read with Date's local getters: the
 * first Intl.DateTimeFormat on a page costs ~15 ms (ICU's locale data), a Date nothing.
 */
export const LOCAL_ZONE = 'local';

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
  // The browser's own clock is read directly (cheap, and never stale if the system zone changes).
  if (zone === LOCAL_ZONE) return readWallClock(ms, zone);
  if (ms === lastWall.ms && zone === lastWall.zone) return lastWall.value;
  const value = readWallClock(ms, zone);
  lastWall = { ms, zone, value };
  return value;
}

// A batch parses every date against the same «now»: the last answer is the likely next question.
let lastWall: { ms: number; zone: string; value: WallClock } = { ms: NaN, zone: '', value: { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 } };

function readWallClock(ms: number, zone: string): WallClock {
  if (zone === LOCAL_ZONE) {
    const d = new Date(ms);
    return { year: d.getFullYear(), month: d.getMonth(), day: d.getDate(), hour: d.getHours(), minute: d.getMinutes(), second: d.getSeconds() };
  }
  const parts: Record<string, number> = {};
  for (const p of formatter(zone).formatToParts(ms)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return { year: parts.year!, month: parts.month! - 1, day: parts.day!, hour: parts.hour! % 24, minute: parts.minute!, second: parts.second! };
}

/**
 * Offsets by zone and quarter hour: a page of 2,000 comments asks for the same few hours again and
 * again, and Intl is the slow part. Zones change their offset only on quarter-hour boundaries.
 */
const QUARTER = 15 * 60_000;
const offsets = new Map<string, number>();

/** How far `zone` is ahead of UTC at an instant, in ms. */
function offsetAt(ms: number, zone: string): number {
  if (zone === LOCAL_ZONE) return -new Date(ms).getTimezoneOffset() * 60_000;
  const bucket = Math.floor(ms / QUARTER) * QUARTER;
  const key = `${zone} ${bucket}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    const w = wallClock(bucket, zone);
    offset = Date.UTC(w.year, w.month, w.day, w.hour, w.minute, w.second) - bucket;
    if (offsets.size > 10_000) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
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
