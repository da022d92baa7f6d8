import { signal } from '@preact/signals-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { listFlagged, recordFlagged } from '@/lib/db/flagged';
import { recordDeleted, recordNotViolation } from '@/lib/db/moderation';
import { openDatabase, type OtklikDB } from '@/lib/db/schema';
import { reportFlagged } from '@/lib/content/features/mod-queue';
import type { Flagged } from '@/lib/content/features/moderation';
import type { Evidence } from '@/lib/moderation/log';
import { waitedText } from '@/lib/moderation/queue';

function evidence(n: number, page = 'vk:-123456'): Evidence {
  return {
    site: 'vk',
    pageKey: page,
    pageUrl: 'https://vk.com/wall-123456_1001',
    pageName: 'Администрация города',
    postId: '-123456_1001',
    commentKey: `vk:-123456_${n}`,
    commentId: `-123456_${n}`,
    permalink: `https://vk.com/wall-123456_1001?reply=${n}`,
    authorId: '111',
    authorName: 'Иван',
    authorUrl: null,
    text: 'Купите дёшево, пишите в личку',
    publishedAt: 1,
    categories: ['advertising'],
    clauses: ['п. 15 прил. 2'],
    matches: ['пишите в личку'],
  };
}

describe('the moderators’ queue in the database', () => {
  let db: OtklikDB;
  beforeEach(() => {
    db = openDatabase(`flagged-${Math.random()}`);
  });
  afterEach(async () => {
    await db.delete();
  });

  it('keeps each flagged comment once, oldest first, with when it was first seen', async () => {
    await recordFlagged(db, [evidence(2)], [], 1000);
    await recordFlagged(db, [evidence(1), evidence(2)], [], 2000);
    const rows = await listFlagged(db);
    expect(rows.map((r) => [r.commentKey, r.firstSeen, r.lastSeen])).toEqual([
      ['vk:-123456_2', 1000, 2000],
      ['vk:-123456_1', 2000, 2000],
    ]);
  });

  it('lets a decision take a comment out, and never brings a decided one back', async () => {
    await recordFlagged(db, [evidence(1), evidence(2), evidence(3)], [], 1000);
    await recordDeleted(db, evidence(1), 'manual', 'Анна', 1100);
    await recordNotViolation(db, evidence(2), 'comment', 'Анна', 1200);
    expect((await listFlagged(db)).map((r) => r.commentKey)).toEqual(['vk:-123456_3']);
    // The page is opened again: the site still shows them for a moment.
    await recordFlagged(db, [evidence(1), evidence(2), evidence(3)], [], 2000);
    expect((await listFlagged(db)).map((r) => r.commentKey)).toEqual(['vk:-123456_3']);
  });

  it('drops what the page shows but no longer flags (an allowed word)', async () => {
    await recordFlagged(db, [evidence(1), evidence(2)], [], 1000);
    await recordFlagged(db, [], ['vk:-123456_1'], 2000);
    expect((await listFlagged(db)).map((r) => r.commentKey)).toEqual(['vk:-123456_2']);
  });

  it('says how long a comment has waited', () => {
    expect(waitedText(0, 30_000)).toBe('только что');
    expect(waitedText(0, 5 * 60_000)).toBe('5 мин');
    expect(waitedText(0, 3 * 3_600_000)).toBe('3 ч');
    expect(waitedText(0, 50 * 3_600_000)).toBe('2 дн.');
  });
});

describe('the page’s report to the queue', () => {
  const item = (n: number, el: Element, match = 'личку'): Flagged =>
    ({ key: `vk:-123456_${n}`, el, comment: {} as Flagged['comment'], findings: [{ match }] as Flagged['findings'], categories: ['advertising'], logged: false });

  it('sends what is new or changed, and clears what the page still shows unflagged — not what left it', async () => {
    const a = document.createElement('div');
    const b = document.createElement('div');
    document.body.append(a, b);
    const flagged = signal<Flagged[]>([item(1, a), item(2, b)]);
    const send = vi.fn(async (_: { items: Evidence[]; cleared: string[] }) => ({}));
    const tasks: (() => void)[] = [];
    const run = async () => {
      tasks.splice(0).forEach((t) => t());
      await new Promise((r) => setTimeout(r, 0));
    };
    reportFlagged({
      flagged,
      evidence: (items) => items.map((f) => evidence(Number(f.key.split('_')[1]))),
      send,
      later: (fn) => tasks.push(fn),
      signal: new AbortController().signal,
    });
    await run();
    expect(send.mock.calls.map(([r]) => [r.items.map((e) => e.commentKey), r.cleared])).toEqual([[['vk:-123456_1', 'vk:-123456_2'], []]]);

    flagged.value = [item(1, a)]; // 2 allowed: still on the page
    await run();
    expect(send.mock.calls[1]![0]).toEqual({ items: [], cleared: ['vk:-123456_2'] });

    b.remove();
    a.remove();
    flagged.value = []; // 1 left the page (a thread collapsed): it stays in the queue
    await run();
    expect(send).toHaveBeenCalledTimes(2);
    flagged.value = [item(1, a, 'дёшево')]; // judged anew with other words: sent again
    await run();
    expect(send.mock.calls[2]![0].items.map((e) => e.commentKey)).toEqual(['vk:-123456_1']);
  });
});
