/** Words and formats shared by the message card's parts. */
import { ROLE_TITLES } from '@/lib/workflow/transitions';
import type { Actor } from '@/lib/workflow/schema';
import type { Importance } from '@/lib/workflow/table';

export const IMPORTANCE_TITLES: Record<Importance, string> = { normal: 'обычная', high: 'высокая' };

export const KIND_TITLES = { final: 'окончательный', intermediate: 'промежуточный' } as const;

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function workingSpan(minutes: number): string {
  const m = Math.round(Math.abs(minutes));
  const h = Math.floor(m / 60);
  const rest = m % 60;
  if (h === 0) return `${rest} мин`;
  return rest === 0 ? `${h} ч` : `${h} ч ${rest} мин`;
}

export function formatterFor(zone: string): (t: number) => string {
  const f = new Intl.DateTimeFormat('ru-RU', {
    timeZone: zone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
  return (t) => f.format(t);
}

export function actorText(actor: Actor): string {
  if (actor.role === 'curator') return `Куратор ${actor.name}`;
  return `${capitalise(ROLE_TITLES[actor.role])} ${actor.name} (${actor.department ?? 'подразделение не указано'})`;
}
