/** The quota's words as the user reads them. */
import { DAYS, PAGES, plural, pluralForm, PUBLICATIONS, WEEKS } from '../i18n/plural';
import type { Coverage } from './count';
import type { DepartmentSummary, WeekResult, WeekStatus, WeekSummary } from './summary';

/** What a week nobody saw on the wall shows instead of a count. */
export const NO_DATA_TEXT = 'нет данных — откройте стену';

/** The in-page panel and the reminder for a page whose wall nobody opened this week. */
export const NO_DATA_HINT = 'Нет данных за эту неделю: откройте стену страницы и прокрутите её до понедельника';

/**
 * «На этой неделе: 6 из 10 · осталось 4 до воскресенья»; a lower bound says «не меньше» instead of a
 * wrong number, and a week nobody saw says so instead of «0».
 */
export function weekLine(s: Pick<WeekSummary, 'count' | 'target' | 'left' | 'met' | 'complete'> & { coverage?: Coverage }): string {
  if (!s.met && s.coverage === 'none') return `На этой неделе: ${NO_DATA_TEXT}`;
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

/** «Отставание от графика: к этому времени нужно было бы ~5»: the pace rounded as behindPace compares it. */
export function behindText(expectedRounded: number): string {
  return `Отставание от графика: к этому времени нужно было бы ~${expectedRounded}`;
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

/** «23.11»: the week's Monday, short enough for a strip of weeks in a narrow side panel. */
export function weekShortLabel(weekStart: number, zone: string = 'Asia/Omsk'): string {
  return new Intl.DateTimeFormat('ru-RU', { day: '2-digit', month: '2-digit', timeZone: zone }).format(weekStart);
}

const STATUS_TEXT: Record<WeekStatus, string> = {
  met: 'выполнено',
  missed: 'не выполнено',
  running: 'идёт',
  partial: 'счёт неполный',
  nodata: NO_DATA_TEXT,
};

export function weekStatusText(status: WeekStatus): string {
  return STATUS_TEXT[status];
}

/** The week's count as a number the user can trust: «6», «≥6» when the wall was seen in part, «—» without data. */
export function weekCountText(week: Pick<WeekResult, 'count' | 'met' | 'coverage'>): string {
  if (week.met || week.coverage === 'whole') return String(week.count);
  return week.coverage === 'part' ? `≥${week.count}` : '—';
}

/** «5 из 5 — выполнено», «≥2 из 10 — идёт, счёт неполный», «нет данных — откройте стену». */
export function weekResultText(week: Pick<WeekResult, 'count' | 'target' | 'met' | 'current' | 'coverage'>, status: WeekStatus): string {
  if (status === 'nodata') return NO_DATA_TEXT;
  const tail = status === 'running' && week.coverage !== 'whole' ? `${STATUS_TEXT.running}, ${STATUS_TEXT.partial}` : STATUS_TEXT[status];
  return `${weekCountText(week)} из ${week.target} — ${tail}`;
}

/**
 * «2 страницы · выполнено: 9 недель · не выполнено: 1 неделя · нет данных: 7 недель · стену не
 * открывали: 1 страница»: weeks without data are named apart, never as met or missed.
 */
export function departmentSummaryText(d: DepartmentSummary): string {
  const parts = [plural(d.pages, PAGES), `выполнено: ${plural(d.weeksMet, WEEKS)}`, `не выполнено: ${plural(d.weeksMissed, WEEKS)}`];
  if (d.weeksPartial > 0) parts.push(`${STATUS_TEXT.partial}: ${plural(d.weeksPartial, WEEKS)}`);
  if (d.weeksNoData > 0) parts.push(`нет данных: ${plural(d.weeksNoData, WEEKS)}`);
  if (d.pagesNoData > 0) parts.push(`стену не открывали: ${plural(d.pagesNoData, PAGES)}`);
  return parts.join(' · ');
}
