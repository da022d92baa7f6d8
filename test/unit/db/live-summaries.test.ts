import 'fake-indexeddb/auto';
import { effect } from '@preact/signals';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendEvent, listSummaries, putMessage, replaceMessages } from '@/lib/db/messages';
import { changedKeys, liveSummaries, patchRows } from '@/lib/db/live-summaries';
import { openDatabase, type OtklikDB } from '@/lib/db/schema';
import type { MessageSummary } from '@/lib/messages/types';
import { createWorkClock } from '@/lib/worktime/clock';
import { messageRecord } from '../../messages';

const clock = createWorkClock();
const T0 = Date.parse('2025-09-16T09:00:00+06:00');
const curator = { role: 'curator', name: 'Анна' } as const;
const rec = (n: string) => messageRecord(n, [{ type: 'received', actor: curator, at: T0, payload: { importance: 'normal' } }]);
const row = (id: string, snippet = id) => ({ id, snippet }) as MessageSummary;

/** Resolves when the signal's value passes the test. */
function until<T>(live: { value: { value: T } }, test: (v: T) => boolean): Promise<T> {
  return new Promise((resolve) => {
    const stop = effect(() => {
      const v = live.value.value;
      if (test(v)) {
        queueMicrotask(() => stop());
        resolve(v);
      }
    });
  });
}

describe('the queue rows kept in memory', () => {
  it('reads single keys from a range set, and refuses ranges', () => {
    const tree = { from: 'b', to: 'b', d: 2, l: { from: 'a', to: 'a', d: 1 }, r: { from: 'c', to: 'c', d: 1 } };
    expect(changedKeys(tree)?.sort()).toEqual(['a', 'b', 'c']);
    expect(changedKeys({ d: 0 } as never)).toEqual([]);
    expect(changedKeys({ from: -Infinity, to: [[]] })).toBeNull();
    expect(changedKeys(tree, 2)).toBeNull();
  });

  it('patches rows in key order: replaced, added, removed', () => {
    const rows = [row('a'), row('c'), row('e')];
    const next = patchRows(rows, new Map<string, MessageSummary | undefined>([['c', row('c', 'new')], ['d', row('d')], ['a', undefined], ['f', row('f')], ['0', row('0')]]));
    expect(next.map((r) => `${r.id}:${r.snippet}`)).toEqual(['0:0', 'c:new', 'd:d', 'e:e', 'f:f']);
    expect(patchRows(rows, new Map())).toBe(rows);
  });

  describe('with a database', () => {
    let db: OtklikDB;
    beforeEach(() => {
      db = openDatabase(`live-${Math.random()}`);
    });
    afterEach(() => db.delete());

    it('loads every row, then follows writes, acts and a restore as the table does', async () => {
      for (const n of ['2', '1', '3']) await putMessage(db, rec(n), clock, T0);
      const live = liveSummaries(db);
      const same = async () => expect(await until(live, (v) => v !== null)).toEqual(await listSummaries(db));
      await same();
      await putMessage(db, rec('0'), clock, T0);
      await until(live, (v) => v?.length === 4);
      await same();
      await appendEvent(db, '2', { type: 'routed', actor: curator, at: T0 + 60_000, payload: { executors: [{ department: 'ДГХ' }] } }, clock, T0 + 60_000);
      await until(live, (v) => v?.find((r) => r.id === '2')?.status === 'routed');
      await same();
      await replaceMessages(db, [rec('9')], clock, T0);
      await until(live, (v) => v?.length === 1);
      await same();
    });
  });
});
