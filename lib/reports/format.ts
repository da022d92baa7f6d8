/** How the reports write instants, durations and periods: always in the administration's zone. */
import { pluralForm, type PluralForms } from '../i18n/plural';
import type { WorktimeSettings } from '../worktime/schedule';

/** A half-open interval [from, to) of instants (unix ms). */
export interface Period {
  from: number;
  to: number;
}

export function inPeriod(t: number, p: Period): boolean {
  return t >= p.from && t < p.to;
}

/** One formatter a zone and style: making one costs more than formatting with it, and a report formats thousands of dates. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${withTime ? 't' : 'd'}${zone}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('ru-RU', withTime ? { timeZone: zone, dateStyle: 'short', timeStyle: 'short' } : { timeZone: zone, dateStyle: 'short' });
    formatters.set(key, f);
  }
  return f;
}

export function formatDateTime(ms: number, zone: string): string {
  return formatter(zone, true).format(ms);
}

export function formatDate(ms: number, zone: string): string {
  return formatter(zone, false).format(ms);
}

/**
 * «13.05.2025 — 14.05.2025»: the end is exclusive, so the last day shown is the one before it; a
 * one-day period shows one date.
 */
export function formatPeriod(p: Period, zone: string): string {
  const first = formatDate(p.from, zone);
  const last = formatDate(Math.max(p.from, p.to - 1), zone);
  return first === last ? first : `${first} — ${last}`;
}

const MINUTES: PluralForms = ['минута', 'минуты', 'минут'];

/** Working minutes as «2 ч 15 мин»; exact counts (CSV) keep the number itself. */
export function formatMinutes(minutes: number): string {
  const total = Math.round(minutes);
  if (Math.abs(total) < 60) return `${total} мин`;
  const h = Math.trunc(total / 60);
  const m = Math.abs(total % 60);
  return m ? `${h} ч ${m} мин` : `${h} ч`;
}

const wallMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * A nominal working day of the schedule: the week's working minutes (lunch excluded) over its
 * working days — 8 h for Omsk (4 × 8 ч 15 мин + 7 ч, over 5). What «раб. дн.» means in the reports.
 */
export function workdayMinutes(settings: Pick<WorktimeSettings, 'week' | 'lunch'>): number {
  let total = 0;
  let days = 0;
  for (const hours of Object.values(settings.week)) {
    if (!hours) continue;
    const open = wallMinutes(hours.start);
    const close = wallMinutes(hours.end);
    const lunch = settings.lunch ? Math.max(0, Math.min(close, wallMinutes(settings.lunch.end)) - Math.max(open, wallMinutes(settings.lunch.start))) : 0;
    total += close - open - lunch;
    days++;
  }
  return days && total > 0 ? total / days : 480;
}

/**
 * Working time as people count it: «2 ч 15 мин» within a working day, «26 раб. дн. 3 ч» beyond
 * (minutes dropped: nobody reads them after a day).
 */
export function formatWorkingTime(minutes: number, dayMinutes: number): string {
  const total = Math.round(minutes);
  if (Math.abs(total) < dayMinutes) return formatMinutes(total);
  const sign = total < 0 ? '−' : '';
  const abs = Math.abs(total);
  const days = Math.floor(abs / dayMinutes);
  const hours = Math.floor((abs - days * dayMinutes) / 60);
  return `${sign}${days.toLocaleString('ru-RU')} раб. дн.${hours ? ` ${hours} ч` : ''}`;
}

/** «5 минут» in running text. */
export function minutesInWords(minutes: number): string {
  const n = Math.round(minutes);
  return `${n} ${pluralForm(n, MINUTES)}`;
}


/** Text cut for a table cell or a list line, whitespace folded. */
export function snippetOf(text: string | undefined, max = 140): string {
  const s = (text ?? '').replace(/\s+/g, ' ').trim();
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
