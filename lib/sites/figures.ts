/**
 * What a post's footer and a page's header show beyond comments, for the publications' figures
 * (App. 2 §10, §12): the footer's counts read as numbers, and whether the page has its description,
 * cover and avatar. Pure, small and without zod: content scripts import it.
 */
import type { z } from 'zod';
import type { pageLooksSchema, postFiguresSchema } from './shapes';

/** A post's footer at one visit; null where the footer shows no such count. */
export type PostFigures = z.infer<typeof postFiguresSchema>;

/** §12: what the live page shows of its text description and visual design. */
export type PageLooksSeen = z.infer<typeof pageLooksSchema>;

const MULTIPLIERS: Record<string, number> = { k: 1e3, к: 1e3, тыс: 1e3, m: 1e6, м: 1e6, млн: 1e6 };

/**
 * A count as the sites print it: «12», «1 234», «1,2K», «12K», «1.5M», «3,4 тыс.», «2 млн»; an
 * empty footer button (no likes yet) is 0 when `emptyIsZero`, else null.
 */
export function countText(raw: string | null | undefined, emptyIsZero = false): number | null {
  const text = (raw ?? '').replace(/[\u00a0\u202f\u2009]/g, ' ').trim().toLowerCase();
  const m = /(\d+(?:[ ]\d{3})*(?:[.,]\d+)?)\s*(?:(тыс|млн|k|m|к|м)(?!\p{L}))?/u.exec(text);
  if (!m) return emptyIsZero && !/\d/.test(text) ? 0 : null;
  const value = Number(m[1]!.replace(/ /g, '').replace(',', '.'));
  if (!Number.isFinite(value)) return null;
  return Math.round(value * (m[2] ? MULTIPLIERS[m[2]]! : 1));
}

/** Nothing read at all: the post has no footer the parser knows (markup changed, or an ad). */
export function noFigures(f: PostFigures): boolean {
  return f.views === null && f.likes === null && f.comments === null && f.reposts === null;
}
