import { describe, expect, it } from 'vitest';
import { pageResponse, seriesOf } from '../../../lib/publications/response';
import { omsk } from './helpers';

const ZONE = 'Asia/Omsk';
const NOW = omsk('2026-03-06T12:00');
const row = (postKey: string, at: string, views: number | null, likes: number, comments = 0, reposts = 0) => ({ postKey, pageKey: 'vk:-1', at: omsk(at), views, likes, comments, reposts });

describe('what each post achieved', () => {
  const posts = [
    { key: 'a', publishedAt: omsk('2026-03-02T10:00'), text: 'Видео про мост', format: 'video' as const },
    { key: 'b', publishedAt: omsk('2026-03-03T19:30'), text: 'Опрос про сквер', format: 'poll' as const },
    { key: 'c', publishedAt: omsk('2026-03-04T10:30'), text: 'Без заявки', format: null },
    { key: 'old', publishedAt: omsk('2025-12-01T10:00'), text: 'Давно', format: 'text' as const },
  ];
  const rows = [
    row('a', '2026-03-02T12:00', 100, 5),
    row('a', '2026-03-05T12:00', 900, 40, 10, 5),
    row('b', '2026-03-04T09:00', 300, 10, 30, 0),
    row('c', '2026-03-05T09:00', null, 2),
    row('old', '2026-03-05T09:00', 50, 1),
  ];

  it('a time series per post, oldest first; the response is the latest visit’s', () => {
    const [a] = seriesOf(posts, rows);
    expect(a!.points.map((p) => p.views)).toEqual([100, 900]);
    expect(a!.response).toBe(55);
  });

  it('8 weeks by format and by hour, most response first; posts older than the weeks are left out', () => {
    const r = pageResponse(posts, rows, NOW, ZONE);
    expect(r.posts).toBe(3);
    expect(r.byFormat.map((g) => [g.key, g.meanResponse])).toEqual([
      ['video', 55],
      ['poll', 40],
      ['none', 2],
    ]);
    // The evening poll (40) beats the morning's mean (55 and 2 → 28.5).
    expect(r.byHour.map((g) => [g.key, g.posts, g.meanResponse])).toEqual([
      ['18–21', 1, 40],
      ['9–12', 2, 28.5],
    ]);
    // Views are averaged over the posts that showed them.
    expect(r.byHour[1]!.meanViews).toBe(900);
    expect(r.top[0]!.key).toBe('a');
  });
});
