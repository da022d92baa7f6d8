/** The report's period from the pickers: calendar days in the administration's zone, never the machine's. */
import { TZDate } from '@date-fns/tz';
import { addDays, addMonths, startOfDay, startOfMonth, startOfWeek } from 'date-fns';
import type { Period } from './format';

export type PeriodPreset = 'today' | 'week' | 'month';

export const PRESET_LABELS: Record<PeriodPreset, string> = { today: 'сегодня', week: 'неделя', month: 'месяц' };

/** Today; this week from Monday; this month from the 1st — each up to its natural end. */
export function presetPeriod(preset: PeriodPreset, now: number, zone: string): Period {
  const here = new TZDate(now, zone);
  if (preset === 'today') {
    const from = startOfDay(here);
    return { from: from.getTime(), to: addDays(from, 1).getTime() };
  }
  if (preset === 'week') {
    const from = startOfWeek(here, { weekStartsOn: 1 });
    return { from: from.getTime(), to: addDays(from, 7).getTime() };
  }
  const from = startOfMonth(here);
  return { from: from.getTime(), to: addMonths(from, 1).getTime() };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 'YYYY-MM-DD' of an instant in the zone, for <input type="date">. */
export function dateInputValue(ms: number, zone: string): string {
  const d = new TZDate(ms, zone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Both days inclusive, as the pickers read; null when a date is not one or the order is wrong. */
export function periodFromDates(from: string, to: string, zone: string): Period | null {
  const a = DATE.exec(from);
  const b = DATE.exec(to);
  if (!a || !b) return null;
  const start = new TZDate(Number(a[1]), Number(a[2]) - 1, Number(a[3]), zone).getTime();
  const end = addDays(new TZDate(Number(b[1]), Number(b[2]) - 1, Number(b[3]), zone), 1).getTime();
  return end > start ? { from: start, to: end } : null;
}
