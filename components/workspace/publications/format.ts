/** Words and formats shared by the publications views. */
import { PUB_ROLE_TITLES } from '@/lib/publications/reducer';
import type { PubActor } from '@/lib/publications/schema';
import { formatInZone, parseInZone } from '@/lib/worktime/civil';

export function actorName(a: PubActor): string {
  if (a.role === 'curator') return `${a.name} (департамент информационной политики)`;
  return `${a.name}${a.department ? ` (${a.department})` : ` (${PUB_ROLE_TITLES[a.role]})`}`;
}

export function bytes(n: number): string {
  if (n < 1024) return `${n} Б`;
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} КБ`;
  return `${(n / 1024 / 1024).toFixed(1).replace('.', ',')} МБ`;
}

/** «04.03.2026, 10:00» in the zone. */
export function dateTime(zone: string): (t: number) => string {
  const f = new Intl.DateTimeFormat('ru-RU', { timeZone: zone, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  return (t) => f.format(t);
}

/** yyyy-mm-dd → «4 марта». */
export function dayText(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat('ru-RU', { timeZone: 'UTC', day: 'numeric', month: 'long' }).format(Date.UTC(y!, m! - 1, d!));
}

/** The value of an <input type="datetime-local"> for an instant, in the zone. */
export function toLocalInput(t: number, zone: string): string {
  return formatInZone(t, zone).slice(0, 16);
}

export function fromLocalInput(value: string, zone: string): number | undefined {
  return value ? parseInZone(value, zone) : undefined;
}
