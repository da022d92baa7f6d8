/**
 * A restore and an import queue their events with one batch row, not a row an event: a server
 * configured later still gets every event exactly once, and what was already waiting keeps its row.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendEvent, importMessages, outboxExpand, outboxPending, outboxSettle, outboxToSend, putMessage, replaceMessages } from '@/lib/db/messages';
import { openDatabase, type OtklikDB } from '@/lib/db/schema';
import type { MessageEvent } from '@/lib/workflow/schema';
import { createWorkClock } from '@/lib/worktime/clock';
import { messageRecord } from '../../messages';

const T0 = Date.UTC(2025, 4, 13, 3, 0);
const MIN = 60_000;
const clock = createWorkClock();
const curator = { role: 'curator', name: 'Ольга Петрова' } as const;
const received = (id: string): MessageEvent => ({ type: 'received', actor: curator, at: T0, payload: { importance: 'normal' }, id });
const routed = (id: string): MessageEvent => ({ type: 'routed', actor: curator, at: T0 + 5 * MIN, payload: { executors: [{ department: 'Департамент образования' }] }, id });

const records = (n: number, prefix = 'R') =>
  Array.from({ length: n }, (_, i) => ({ ...messageRecord(`${prefix}${i}`, [received(`${prefix}${i}a`), routed(`${prefix}${i}b`)]), importKey: `${prefix}-key-${i}` }));

describe('the outbox of a bulk write', () => {
  let db: OtklikDB;
  beforeEach(() => {
    db = openDatabase(`batch-${Math.random()}`);
  });
  afterEach(() => db.delete());

  it('a restore writes one batch row; every restored event goes out once, after expanding', async () => {
    await replaceMessages(db, records(300), clock, T0);
    expect(await db.outbox.count()).toBe(1);
    expect((await db.summaries.count())).toBe(300);
    const rows = await outboxToSend(db);
    expect(rows.map((r) => r.eventId).sort()).toEqual(records(300).flatMap((r) => r.events.map((e) => e.id)).sort());
    expect(rows.every((r) => !r.eventId.startsWith('~'))).toBe(true);
    expect(await db.outbox.count()).toBe(600);
    // Expanding again adds nothing.
    await outboxExpand(db);
    expect(await db.outbox.count()).toBe(600);
  });

  it('an import writes a batch row per chunk; pending counts events, not rows', async () => {
    const r = await importMessages(db, records(250, 'I'), clock, T0, { chunkSize: 100 });
    expect(r).toEqual({ added: 250, duplicates: 0 });
    expect(await db.outbox.count()).toBe(3);
    expect(await outboxPending(db)).toBe(500);
    // The same file again: all duplicates, nothing queued.
    expect(await importMessages(db, records(250, 'I'), clock, T0)).toEqual({ added: 0, duplicates: 250 });
    expect(await db.outbox.count()).toBe(500);
  });

  it('an event already waiting and acknowledged keeps its row; an act after the batch waits as usual', async () => {
    await putMessage(db, records(1, 'P')[0]!, clock, T0);
    await outboxSettle(db, { acked: ['P0a'], drop: [] }, T0 + MIN);
    await replaceMessages(db, records(2, 'P'), clock, T0 + 2 * MIN);
    const note: MessageEvent = { type: 'socialSignificanceSet', actor: curator, at: T0 + 10 * MIN, payload: { significant: true } };
    const appended = await appendEvent(db, 'P1', note, clock, T0 + 10 * MIN);
    expect(appended.ok).toBe(true);
    await outboxExpand(db);
    const all = await db.outbox.toArray();
    expect(all.find((r) => r.eventId === 'P0a')?.ackedAt).toBe(T0 + MIN);
    expect(all.filter((r) => r.messageId === 'P1')).toHaveLength(3);
    expect(all.some((r) => r.eventId.startsWith('~'))).toBe(false);
  });

  it('a message gone since the batch is skipped', async () => {
    await replaceMessages(db, records(3, 'G'), clock, T0);
    await replaceMessages(db, records(1, 'H'), clock, T0);
    const rows = await outboxToSend(db);
    expect(rows.map((r) => r.messageId).sort()).toEqual(['H0', 'H0']);
  });
});

describe('version 10 (the restore journal)', () => {
  it('opens a version-9 database with its rows kept', async () => {
    const { default: Dexie } = await import('dexie');
    const name = `v9-${Math.random()}`;
    const old = new Dexie(name);
    old.version(9).stores({
      pages: 'key, lastSeen', posts: 'key, pageKey', comments: 'key, pageKey', moderation: '++id, at, pageKey, [commentKey+action]', registry: 'id',
      messages: 'id, commentRef, importKey, author', summaries: 'id, nextDue, commentRef', flagged: 'commentKey, firstSeen, pageKey',
      outbox: 'eventId, messageId', cursors: 'stream', publications: 'id, updatedAt', pubOutbox: 'eventId, requestId', postStats: '++id, postKey, pageKey, at', pageLooks: 'pageKey', pageFounding: 'entryId',
    });
    await old.open();
    const m = records(1, 'V')[0]!;
    await old.table('messages').put(m);
    await old.table('outbox').put({ eventId: 'Va', messageId: 'V0', queuedAt: T0 });
    old.close();
    const up = openDatabase(name);
    expect(await up.messages.get('V0')).toEqual(m);
    expect(await up.outbox.count()).toBe(1);
    expect(await up.journal.count()).toBe(0);
    expect(up.verno).toBe(10);
    await up.delete();
  });
});
