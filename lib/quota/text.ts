/** The quota's words as the user reads them. */
import { DAYS, plural, pluralForm, PUBLICATIONS } from '../i18n/plural';
import type { WeekSummary } from './summary';

/** «На этой неделе: 6 из 10 · осталось 4 до воскресенья»; a lower bound says «не меньше» instead of a wrong number. */
export function weekLine(s: Pick<WeekSummary, 'count' | 'target' | 'left' | 'met' | 'complete'>): string {
  const count = s.complete ? `${s.count}` : `не меньше ${s.count}`;
  const head = `На этой неделе: ${count} из ${s.target}`;
  if (s.met) return `${head} · цель недели выполнена`;
  if (!s.complete) return head;
  return `${head} · ${pluralForm(s.left, ['осталась', 'осталось', 'осталось'])} ${s.left} до воскресенья`;
}

/** «нужно ~2 в день»; on Sunday, what is left today. Empty once the target is met. */
export function paceText(s: Pick<WeekSummary, 'left' | 'daysLeft' | 'perDayNeeded'>): string {
  if (s.left === 0) return '';
  if (s.daysLeft <= 1) return `нужно ещё ${s.left} сегодня`;
  return `нужно ~${s.perDayNeeded} в день`;
}

/** «ещё 3 дня», «ещё 1 день» — including today. */
export function daysLeftText(daysLeft: number): string {
  return daysLeft <= 1 ? 'последний день недели' : `ещё ${plural(daysLeft, DAYS)} до конца недели`;
}

export const INCOMPLETE_TEXT = 'Счёт может быть неполным: прокрутите стену до понедельника';

export function publicationsText(n: number): string {
  return plural(n, PUBLICATIONS);
}

/** «23–29 нояб.», or «30 нояб. – 6 дек.» across months, in the administration's zone. */
export function weekLabel(weekStart: number, zone: string = 'Asia/Omsk'): string {
  // Sunday noon: on Sunday in every zone whatever a daylight-saving change did to the week's length.
  const lastDay = weekStart + 6.5 * 86_400_000;
  const day = new Intl.DateTimeFormat('ru-RU', { day: 'numeric', timeZone: zone });
  const dayMonth = new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'short', timeZone: zone });
  const month = new Intl.DateTimeFormat('ru-RU', { month: 'numeric', timeZone: zone });
  if (month.format(weekStart) === month.format(lastDay)) return `${day.format(weekStart)}–${dayMonth.format(lastDay)}`;
  return `${dayMonth.format(weekStart)} – ${dayMonth.format(lastDay)}`;
}

const STATUS_TEXT = { met: 'выполнено', missed: 'не выполнено', running: 'идёт', unknown: 'нет данных' } as const;

export function weekStatusText(status: keyof typeof STATUS_TEXT): string {
  return STATUS_TEXT[status];
}
