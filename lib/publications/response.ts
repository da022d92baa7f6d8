/**
 * What each post achieved, as Otklik saw the page: the footer's figures at each visit (a time series
 * per post), and over the last weeks which formats and which hours of publication got the most
 * response — the page owner's question after «did we publish enough».
 */
import { isoDateIn, shiftWeek, weekStartOf } from '../quota/week';
import type { PublicationFormat } from './schema';
import type { PostStatsRow } from './store-types';

export interface ResponsePost {
  key: string;
  publishedAt: number | null;
  text: string;
  /** From the linked request; null for a post published without one. */
  format: PublicationFormat | null;
}

export interface PostSeries {
  key: string;
  publishedAt: number;
  text: string;
  format: PublicationFormat | null;
  /** Oldest first. */
  points: Omit<PostStatsRow, 'id' | 'postKey' | 'pageKey'>[];
  /** Likes + comments + reposts at the latest visit. */
  response: number;
  views: number | null;
}

export interface ResponseGroup {
  /** A format, or an hour range «9–12». */
  key: string;
  posts: number;
  /** Mean likes + comments + reposts per post. */
  meanResponse: number;
  /** Mean views per post, over the posts whose views were shown; null when none. */
  meanViews: number | null;
}

/** Hours of publication, in the zone, as the page owner plans them. */
export const HOUR_RANGES: readonly [number, number][] = [
  [0, 6],
  [6, 9],
  [9, 12],
  [12, 15],
  [15, 18],
  [18, 21],
  [21, 24],
];

const hourIn = (at: number, zone: string) => Number(new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' }).format(at));

export function seriesOf(posts: readonly ResponsePost[], rows: readonly PostStatsRow[]): PostSeries[] {
  const byPost = new Map<string, PostStatsRow[]>();
  for (const r of rows) byPost.set(r.postKey, [...(byPost.get(r.postKey) ?? []), r]);
  const out: PostSeries[] = [];
  for (const p of posts) {
    const list = (byPost.get(p.key) ?? []).slice().sort((a, b) => a.at - b.at);
    if (!list.length || p.publishedAt === null) continue;
    const last = list.at(-1)!;
    out.push({
      key: p.key,
      publishedAt: p.publishedAt,
      text: p.text,
      format: p.format,
      points: list.map(({ at, views, likes, comments, reposts }) => ({ at, views, likes, comments, reposts })),
      response: (last.likes ?? 0) + (last.comments ?? 0) + (last.reposts ?? 0),
      views: last.views,
    });
  }
  return out;
}

function group(series: readonly PostSeries[], keyOf: (s: PostSeries) => string): ResponseGroup[] {
  const groups = new Map<string, PostSeries[]>();
  for (const s of series) groups.set(keyOf(s), [...(groups.get(keyOf(s)) ?? []), s]);
  return [...groups.entries()]
    .map(([key, list]) => {
      const viewed = list.filter((s) => s.views !== null);
      return {
        key,
        posts: list.length,
        meanResponse: list.reduce((n, s) => n + s.response, 0) / list.length,
        meanViews: viewed.length ? viewed.reduce((n, s) => n + s.views!, 0) / viewed.length : null,
      };
    })
    .sort((a, b) => b.meanResponse - a.meanResponse || b.posts - a.posts);
}

export interface PageResponse {
  from: string;
  to: string;
  byFormat: ResponseGroup[];
  byHour: ResponseGroup[];
  top: PostSeries[];
  posts: number;
}

/** The last `weeks` weeks (the running one included) of a page's posts with figures. */
export function pageResponse(posts: readonly ResponsePost[], rows: readonly PostStatsRow[], now: number, zone: string, weeks = 8): PageResponse {
  const start = shiftWeek(weekStartOf(now, zone), -(weeks - 1), zone);
  const series = seriesOf(
    posts.filter((p) => p.publishedAt !== null && p.publishedAt >= start && p.publishedAt <= now),
    rows,
  );
  return {
    from: isoDateIn(start, zone),
    to: isoDateIn(now, zone),
    byFormat: group(series, (s) => s.format ?? 'none'),
    byHour: group(series, (s) => {
      const h = hourIn(s.publishedAt, zone);
      const [a, b] = HOUR_RANGES.find(([x, y]) => h >= x && h < y)!;
      return `${a}–${b}`;
    }),
    top: series.slice().sort((a, b) => b.response - a.response).slice(0, 5),
    posts: series.length,
  };
}
