/** How the reports write instants, durations and periods: always in the administration's zone. */
import { pluralForm, type PluralForms } from '../i18n/plural';

/** A half-open interval [from, to) of instants (unix ms). */
export interface Period {
  from: number;
  to: number;
}

export function inPeriod(t: number, p: Period): boolean {
  return t >= p.from && t < p.to;
}

export function formatDateTime(ms: number, zone: string): string {
  return new Intl.DateTimeFormat('ru-RU', { timeZone: zone, dateStyle: 'short', timeStyle: 'short' }).format(ms);
}

export function formatDate(ms: number, zone: string): string {
  return new Intl.DateTimeFormat('ru-RU', { timeZone: zone, dateStyle: 'short' }).format(ms);
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
