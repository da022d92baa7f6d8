/** The reports read from the database page by page give what the reports of the records in memory give. */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeRecords } from '@/lib/db/messages';
import { messageReports, moderationReportFor } from '@/lib/db/reports';
import { openDatabase, type OtklikDB } from '@/lib/db/schema';
import { missedDeadlines, moderationReport, responseTimes, significantAndSurges } from '@/lib/reports';
import type { ModerationEntry } from '@/lib/moderation/log';
import { createWorkClock } from '@/lib/worktime/clock';
import { NOW, PERIOD, dataset } from '../reports/dataset';

const clock = createWorkClock();
const surges = { windowHours: 3, baselineDays: 14 };

function entry(i: number, at: number): ModerationEntry {
  return {
    site: 'vk', pageKey: `vk:-${i % 3}`, pageUrl: `https://vk.com/club${i % 3}`, pageName: `Страница ${i % 3}`, postId: null,
    commentKey: `vk:-1_${i}`, commentId: `-1_${i}`, permalink: null, authorId: null, authorName: null, authorUrl: null, text: 'т',
    publishedAt: null, categories: [i % 2 ? 'spam' : 'insult'], clauses: ['п. 15.1'], matches: [],
    action: i % 5 ? 'deleted' : 'not-violation', how: 'manual', scope: null, at, recordedBy: 'М',
  };
}

describe('reports from the database', () => {
  let db: OtklikDB;
  beforeEach(() => {
    db = openDatabase(`rep-${Math.random()}`);
  });
  afterEach(() => db.delete());

  it('§18, §19 and response times as from the records themselves', async () => {
    const records = dataset();
    await storeRecords(db, records, clock, NOW);
    const stored = await db.messages.toArray();
    const got = await messageReports(db, { clock, period: PERIOD, now: NOW, surges });
    expect(got.missed).toEqual(missedDeadlines(stored, clock, PERIOD, NOW));
    expect(got.surges).toEqual(significantAndSurges(stored, NOW, { ...surges, period: PERIOD }));
    expect(got.response).toEqual(responseTimes(stored, clock, PERIOD));
    expect(got.missed.total).toBeGreaterThan(0);
  });

  it('moderation: every entry of the period, across pages and entries of the same instant, none twice', async () => {
    // 2,000 entries, many sharing an instant, around a period's edges.
    const entries = Array.from({ length: 2000 }, (_, i) => entry(i, PERIOD.from - 5000 + Math.floor(i / 7) * 1000));
    await db.moderation.bulkAdd(entries);
    const all = await db.moderation.toArray();
    const period = { from: PERIOD.from, to: PERIOD.from + 2_000_000 };
    expect(await moderationReportFor(db, period)).toEqual(moderationReport(all, period));
  }, 60_000);

  it('moderation: more entries at one instant than a page holds are all counted, once', async () => {
    const entries = [...Array.from({ length: 3100 }, (_, i) => entry(i, PERIOD.from + 1000)), ...Array.from({ length: 50 }, (_, i) => entry(i, PERIOD.from + 2000))];
    await db.moderation.bulkAdd(entries);
    const all = await db.moderation.toArray();
    const period = { from: PERIOD.from, to: PERIOD.from + 10_000 };
    const got = await moderationReportFor(db, period);
    expect(got).toEqual(moderationReport(all, period));
    expect(got.total).toBe(all.filter((e) => e.action === 'deleted').length);
  }, 60_000);

  it('a new period stops the count of the old one', async () => {
    await storeRecords(db, dataset(), clock, NOW);
    const control = new AbortController();
    control.abort();
    await expect(messageReports(db, { clock, period: PERIOD, now: NOW, surges }, control.signal)).rejects.toBeDefined();
  });
});
