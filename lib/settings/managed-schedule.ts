/**
 * The working schedule an organisation's policy sets (lib/settings/managed), turned into an edit of
 * the schedule the options page keeps; checked by the worktime core like any edit.
 */
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
type Day = (typeof DAYS)[number];
type Span = { start: string; end: string } | null;
export type ManagedSchedule = { week?: Partial<Record<Day, Span>>; lunch?: Span; shortenedByMinutes?: number };

/** «08:30-17:45» (a hyphen or a dash, spaces allowed) → the span; '' → none; anything else → undefined (ignored). */
function span(v: unknown): Span | undefined {
  if (typeof v !== 'string') return undefined;
  if (!v.trim()) return null;
  const m = /^\s*(\d{1,2}:\d{2})\s*[-–—]\s*(\d{1,2}:\d{2})\s*$/.exec(v);
  return m ? { start: m[1]!.padStart(5, '0'), end: m[2]!.padStart(5, '0') } : undefined;
}

export function readSchedule(raw: Record<string, unknown>): ManagedSchedule | undefined {
  const out: ManagedSchedule = {};
  for (const day of DAYS) {
    const s = span(raw[day]);
    if (s !== undefined) (out.week ??= {})[day] = s;
  }
  const lunch = span(raw.lunch);
  if (lunch !== undefined) out.lunch = lunch;
  if (Number.isInteger(raw.shortenedByMinutes)) out.shortenedByMinutes = raw.shortenedByMinutes as number;
  return Object.keys(out).length ? out : undefined;
}
