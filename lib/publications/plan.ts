/**
 * The week of one official page as a plan (App. 2 §10 with §9): what is published (the posts Otklik
 * saw on the wall, as the publications count has them), what is approved and planned for a day, and
 * what is still under review with a wished date — against the page's weekly target.
 */
import { publicationsInWeek, type CountablePost } from '../quota/count';
import { publicationTarget, type PageRole } from '../quota/target';
import { isoDateIn } from '../quota/week';
import type { PublicationState } from './reducer';

export type PlanKind = 'published' | 'approved' | 'planned';

export interface PlanItem {
  kind: PlanKind;
  /** When: the post's time, the planned time, or null for a wished day without a time. */
  at: number | null;
  snippet: string;
  requestId?: string;
  url?: string | null;
}

export interface DayPlan {
  /** yyyy-mm-dd in the zone. */
  date: string;
  items: PlanItem[];
}

export interface WeekPlan {
  entryId: string;
  name: string;
  target: number;
  days: DayPlan[];
  published: number;
  approved: number;
  planned: number;
  /** How many more the week needs beyond what is published and approved. */
  left: number;
}

export interface PlanEntry {
  id: string;
  name: string;
  kind: PageRole;
  weeklyTarget?: number;
}

export type PlanPost = CountablePost & { text?: string; permalink?: string | null };

const snippet = (text: string) => (text.length > 90 ? `${text.slice(0, 89).trimEnd()}…` : text);
const HOUR = 3600_000;

/** The seven days of the week starting `weekStart` (Monday 00:00 in the zone), as dates. */
export function weekDates(weekStart: number, zone: string): string[] {
  // Noon of each day: a day is 23–25 hours only in zones with DST, never 12 hours off.
  return Array.from({ length: 7 }, (_, i) => isoDateIn(weekStart + i * 24 * HOUR + 12 * HOUR, zone));
}

export function weekPlan(entry: PlanEntry, posts: readonly PlanPost[], requests: readonly { id: string; state: PublicationState }[], weekStart: number, zone: string): WeekPlan {
  const dates = weekDates(weekStart, zone);
  const days: DayPlan[] = dates.map((date) => ({ date, items: [] }));
  const dayOf = (date: string) => days.find((d) => d.date === date);
  const seen = publicationsInWeek(posts, weekStart, zone);
  const seenKeys = new Set(seen.map((p) => p.key));
  const byPost = new Map<string, string>();
  for (const r of requests) if (r.state.published?.postKey) byPost.set(r.state.published.postKey, r.id);
  for (const p of seen) {
    dayOf(isoDateIn(p.publishedAt!, zone))?.items.push({ kind: 'published', at: p.publishedAt, snippet: snippet(p.text ?? ''), requestId: byPost.get(p.key), url: p.permalink ?? null });
  }
  for (const r of requests) {
    const s = r.state;
    if (!s.pages.includes(entry.id)) continue;
    if (s.status === 'published' && s.published && !(s.published.postKey && seenKeys.has(s.published.postKey))) {
      // Marked published without the post seen on this wall: it counts where the plan shows it.
      dayOf(isoDateIn(s.published.at, zone))?.items.push({ kind: 'published', at: s.published.at, snippet: snippet(s.text), requestId: r.id, url: s.published.url });
    } else if (s.status === 'approved' && s.plannedAt !== null) {
      dayOf(isoDateIn(s.plannedAt, zone))?.items.push({ kind: 'approved', at: s.plannedAt, snippet: snippet(s.text), requestId: r.id });
    } else if (s.status === 'submitted' && s.wishedDate) {
      dayOf(s.wishedDate)?.items.push({ kind: 'planned', at: null, snippet: snippet(s.text), requestId: r.id });
    }
  }
  for (const d of days) d.items.sort((a, b) => (a.at ?? Infinity) - (b.at ?? Infinity));
  const count = (k: PlanKind) => days.reduce((n, d) => n + d.items.filter((i) => i.kind === k).length, 0);
  const target = publicationTarget(entry.kind, entry.weeklyTarget);
  const published = count('published');
  const approved = count('approved');
  return { entryId: entry.id, name: entry.name, target, days, published, approved, planned: count('planned'), left: Math.max(0, target - published - approved) };
}
