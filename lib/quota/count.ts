/**
 * Which seen posts are publications of the page, and how many fall in a week.
 * The shape is PostRecord's (lib/db/schema.ts) minus what counting does not need.
 */
import type { PostRecord } from '../db/schema';
import { weekEndOf } from './week';

export type CountablePost = Pick<PostRecord, 'key' | 'publishedAt' | 'pinned' | 'foreign' | 'repost'> &
  Partial<Pick<PostRecord, 'pageKey' | 'firstSeen' | 'lastSeen'>>;

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

/**
 * What the sightings prove about the wall. Seeing a post at time t means the wall was scrolled from
 * its top at t down to that post, so every post dated between the two was on screen: a span
 * [publishedAt, t]. Overlapping spans from different visits join up; a gap between them is a stretch
 * nobody scrolled through. Pinned posts and ads sit out of date order and prove nothing. A post
 * without sighting times proves the wall from its date onwards, as far as is known.
 */
export function seenSpans(posts: readonly CountablePost[]): SeenSpan[] {
  const spans: SeenSpan[] = [];
  for (const p of uniquePosts(posts)) {
    if (p.pinned || p.foreign || p.publishedAt === null) continue;
    const times = [p.firstSeen, p.lastSeen].filter((t): t is number => t !== undefined);
    if (times.length === 0) spans.push({ from: p.publishedAt, to: Infinity });
    for (const t of times) spans.push({ from: p.publishedAt, to: Math.max(t, p.publishedAt) });
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

/** The latest moment any post was seen, or null when none carries a time. */
export function lastSighting(posts: readonly CountablePost[]): number | null {
  let latest: number | null = null;
  for (const p of posts) {
    for (const t of [p.firstSeen, p.lastSeen]) if (t !== undefined && (latest === null || t > latest)) latest = t;
  }
  return latest;
}

/**
 * Whether the wall was seen back to `weekStart` as of the latest visit: the count of the week so far
 * is then whole. Without sighting times this is the plain rule — a post dated before Monday was seen.
 */
export function seenBackTo(posts: readonly CountablePost[], weekStart: number, now: number): boolean {
  const spans = seenSpans(posts);
  const until = Math.min(now, lastSighting(posts) ?? weekStart);
  return isSeen(spans, weekStart, Math.max(until, weekStart));
}
