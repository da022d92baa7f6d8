/**
 * The reports render a message's link only as an https address on VK or OK (issue 16): a restored
 * `javascript:` permalink is no link, an old import's link without the scheme becomes https.
 */
import { describe, expect, it } from 'vitest';
import { safeSiteLink } from '@/lib/sites/address';
import { missedDeadlines, missedToHtml } from '@/lib/reports/missed';
import { significantAndSurges } from '@/lib/reports/surges';
import { createWorkClock } from '@/lib/worktime/clock';
import { CITY, NOW, PERIOD, history, record } from './dataset';

const clock = createWorkClock();

describe('safeSiteLink', () => {
  it.each([
    ['https://vk.com/wall-1_2?reply=3', 'https://vk.com/wall-1_2?reply=3'],
    ['http://vk.com/wall-1_2?reply=3', 'https://vk.com/wall-1_2?reply=3'],
    ['vk.com/wall-1_2?reply=3', 'https://vk.com/wall-1_2?reply=3'],
    [' https://ok.ru/group/1/topic/2 ', 'https://ok.ru/group/1/topic/2'],
  ])('%j → %j', (raw, link) => expect(safeSiteLink(raw)).toBe(link));

  it.each(['javascript:alert(1)', 'JAVASCRIPT:alert(1)//vk.com', 'data:text/html,<b>x</b>', 'https://evil.example/wall-1_2', 'https://user:pw@vk.com/x', '', null, undefined])(
    '%j is no link',
    (raw) => expect(safeSiteLink(raw)).toBeNull(),
  );
});

describe('report links', () => {
  // A missed route deadline (routed at 10:00) and a socially significant message, each with a bad link.
  const hostile = record('X1', history({ dept: CITY, route: '10:00', significantAt: '10:05' }), {
    url: 'javascript:alert(1)',
    source: { pageKey: null, pageName: null, pageUrl: null, postId: null, commentId: null, permalink: 'javascript:alert(2)', authorId: null, authorUrl: null, writtenAt: null },
  });
  const legacy = record('X2', history({ dept: CITY, route: '10:00' }), {
    url: 'vk.com/wall-1_2?reply=9',
    source: { pageKey: null, pageName: null, pageUrl: null, postId: null, commentId: null, permalink: 'vk.com/wall-1_2?reply=9', authorId: null, authorUrl: null, writtenAt: null },
  });

  it('missed deadlines: no javascript: link, in the data and in the printed page', () => {
    const report = missedDeadlines([hostile, legacy], clock, PERIOD, NOW);
    const rows = report.departments.flatMap((g) => g.rows);
    expect(rows.find((r) => r.messageId === 'X1')!.link).toBeNull();
    expect(rows.find((r) => r.messageId === 'X2')!.link).toBe('https://vk.com/wall-1_2?reply=9');
    expect(missedToHtml(report, { period: PERIOD, generatedAt: NOW, zone: 'Asia/Omsk' })).not.toContain('javascript:');
  });

  it('socially significant messages: no javascript: link', () => {
    const r = significantAndSurges([hostile], NOW, { windowHours: 3, baselineDays: 14 });
    expect(r.significant.map((s) => [s.id, s.link])).toEqual([['X1', null]]);
  });
});
