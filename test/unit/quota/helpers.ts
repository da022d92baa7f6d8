import type { CountablePost } from '@/lib/quota/count';

/** Omsk wall-clock time as unix ms: Omsk is UTC+6 all year. */
export function omsk(y: number, mo: number, d: number, h = 0, mi = 0): number {
  return Date.UTC(y, mo - 1, d, h - 6, mi);
}

let seq = 0;
/** A post of the page as the database keeps it; `at` is its date. */
export function post(at: number | null, extra: Partial<CountablePost> = {}): CountablePost {
  seq++;
  return { key: `vk:-1_${seq}`, pageKey: 'vk:-1', publishedAt: at, pinned: false, foreign: false, repost: false, ...extra };
}

/** The week used across tests: Monday 23 – Sunday 29 November 2026. */
export const MON = omsk(2026, 11, 23);
export const NEXT_MON = omsk(2026, 11, 30);
