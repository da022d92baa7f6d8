/**
 * Which seen posts are publications of the page, how many fall in a week, and how much of a week
 * the wall was seen through. The shape is PostRecord's (lib/db/schema.ts) minus what counting does not need.
 */
import type { PostRecord } from '../db/schema';
import { weekEndOf } from './week';

/** When a post was first and last on screen in the page's wall or feed. */
export interface WallSighting {
  first: number;
  last: number;
}

export type CountablePost = Pick<PostRecord, 'key' | 'publishedAt' | 'pinned' | 'foreign' | 'repost'> &
  Partial<Pick<PostRecord, 'pageKey' | 'firstSeen' | 'lastSeen'>> & {
    /**
     * Its sightings in the wall or feed. null: seen only on its own page (a link from a message, a
     * post opened alone), which proves nothing about the wall around it. Absent: a record that does
     * not tell where it was seen; its firstSeen/lastSeen are taken as wall sightings.
     */
    wallSeen?: WallSighting | null;
  };

/**
 * A publication of the page: its own post or its repost (the parser marks an ad or another owner's
 * post as foreign). Pinned posts count too — by their own date, like any other.
 */
export function isPublication(post: CountablePost): boolean {
  return !post.foreign && post.publishedAt !== null && Number.isFinite(post.publishedAt);
}

/** Posts seen more than once (on the wall and again on its own page) are one publication. */
export function uniquePosts<T extends CountablePost>(posts: readonly T[]): T[] {
  const byKey = new Map<string, T>();
  for (const p of posts) {
    const prev = byKey.get(p.key);
    // Keep the latest sighting: it carries the freshest date and flags.
    if (!prev || (p.lastSeen ?? 0) >= (prev.lastSeen ?? 0)) byKey.set(p.key, p);
  }
  return [...byKey.values()];
}

/** The page's publications dated in [weekStart, weekStart + 1 week). */
export function publicationsInWeek<T extends CountablePost>(posts: readonly T[], weekStart: number, zone?: string): T[] {
  const end = weekEndOf(weekStart, zone);
  return uniquePosts(posts).filter((p) => isPublication(p) && p.publishedAt! >= weekStart && p.publishedAt! < end);
}

export function weekCount(posts: readonly CountablePost[], weekStart: number, zone?: string): number {
  return publicationsInWeek(posts, weekStart, zone).length;
}

/** A stretch of time [from, to] in which every post of the wall has been seen. */
export interface SeenSpan {
  from: number;
  to: number;
}

/** The moments the post was seen in the wall or feed; Infinity for a post that carries no times at all. */
function wallTimes(p: CountablePost): number[] {
  if (p.wallSeen === null) return [];
  if (p.wallSeen) return [p.wallSeen.first, p.wallSeen.last];
  const times = [p.firstSeen, p.lastSeen].filter((t): t is number => t !== undefined);
  return times.length ? times : [Infinity];
}

/**
 * What the sightings prove about the wall. Seeing a post in the wall at time t means the wall was
 * scrolled from its top at t down to that post, so every post dated between the two was on screen: a
 * span [publishedAt, t]. Overlapping spans from different visits join up; a gap between them is a
 * stretch nobody scrolled through. Pinned posts and ads sit out of date order, and a post opened on
 * its own page shows nothing around it: they prove nothing. A post without sighting times proves the
 * wall from its date onwards, as far as is known.
 */
export function seenSpans(posts: readonly CountablePost[]): SeenSpan[] {
  const spans: SeenSpan[] = [];
  // Every record, not one per key: each sighting is evidence, and they join up below anyway.
  for (const p of posts) {
    if (p.pinned || p.foreign || p.publishedAt === null) continue;
    for (const t of wallTimes(p)) spans.push({ from: p.publishedAt, to: Math.max(t, p.publishedAt) });
  }
  spans.sort((a, b) => a.from - b.from);
  const merged: SeenSpan[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.from <= last.to) last.to = Math.max(last.to, s.to);
    else merged.push({ ...s });
  }
  return merged;
}

/** Whether the whole of [from, to] lies inside one seen span. */
export function isSeen(spans: readonly SeenSpan[], from: number, to: number): boolean {
  return spans.some((s) => s.from <= from && s.to >= to);
}

/** The latest moment a post was seen in the wall, or null when none carries a time. */
export function lastSighting(posts: readonly CountablePost[]): number | null {
  let latest: number | null = null;
  for (const p of posts) {
    for (const t of wallTimes(p)) if (Number.isFinite(t) && (latest === null || t > latest)) latest = t;
  }
  return latest;
}

/**
 * How much of a week the wall was seen through: all of it (the count is final), a part (a lower
 * bound), or none (no data: nobody opened the wall over that week).
 */
export type Coverage = 'whole' | 'part' | 'none';

/**
 * The coverage of the week starting `weekStart`. A finished week is whole when one span runs from its
 * Monday to its end. The running week is whole when the wall was seen back to Monday as of the latest
 * visit — the count so far is then whole; without sighting times this is the plain rule, a post dated
 * before Monday was seen.
 */
export function weekCoverage(posts: readonly CountablePost[], weekStart: number, now: number, zone?: string): Coverage {
  return wallSeenOf(posts).coverage(weekStart, now, zone);
}

/** The wall's sightings worked out once, for asking about many weeks (lastWeeks). */
export function wallSeenOf(posts: readonly CountablePost[]): { coverage(weekStart: number, now: number, zone?: string): Coverage } {
  const spans = seenSpans(posts);
  const latest = lastSighting(posts);
  return { coverage: (weekStart, now, zone) => coverageOf(spans, latest, weekStart, now, zone) };
}

function coverageOf(spans: readonly SeenSpan[], latest: number | null, weekStart: number, now: number, zone?: string): Coverage {
  const end = weekEndOf(weekStart, zone);
  const running = now < end;
  const wholeTo = running ? Math.max(weekStart, Math.min(now, latest ?? weekStart)) : end;
  if (isSeen(spans, weekStart, wholeTo)) return 'whole';
  const seenInside = (s: SeenSpan) => s.to > weekStart && (running ? s.from <= now : s.from < end);
  return spans.some(seenInside) ? 'part' : 'none';
}

/** Whether the wall was seen back to `weekStart` as of the latest visit: the count of the week so far is then whole. */
export function seenBackTo(posts: readonly CountablePost[], weekStart: number, now: number, zone?: string): boolean {
  return weekCoverage(posts, weekStart, now, zone) === 'whole';
}
