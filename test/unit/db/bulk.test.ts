import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendEvents, putMessage } from '@/lib/db/messages';
import { openDatabase, type OtklikDB } from '@/lib/db/schema';
import { bulkEvent, bulkOutcomeText } from '@/lib/messages/queue';
import { derive } from '@/lib/messages/summary';
import type { MessageEvent } from '@/lib/workflow/schema';
import { createWorkClock } from '@/lib/worktime/clock';
import { messageRecord } from '../../messages';
import { noId } from '../no-ids';

// Tuesday 13 May 2025, 09:00 in Omsk: a working morning.
const T0 = Date.UTC(2025, 4, 13, 3, 0);
const MIN = 60_000;
const NOW = T0 + 20 * MIN;
const clock = createWorkClock();
const curator = { role: 'curator', name: 'Ольга Петрова' } as const;

const received = (importance: 'normal' | 'high' = 'normal'): MessageEvent => ({ type: 'received', actor: curator, at: T0, payload: { importance } });
const routed: MessageEvent = { type: 'routed', actor: curator, at: T0 + 5 * MIN, payload: { executors: [{ department: 'Департамент образования' }] } };
const refused: MessageEvent = { type: 'notProcessed', actor: curator, at: T0 + 5 * MIN, payload: { reason: 'obscene' } };

describe('one act on many messages', () => {
  let db: OtklikDB;
  beforeEach(async () => {
    db = openDatabase(`bulk-${Math.random()}`);
    for (const [id, events] of [
      ['A', [received()]],
      ['B', [received()]],
      ['C', [received(), routed]],
      ['D', [received('high')]],
      ['E', [received(), refused]],
    ] as const)
      await putMessage(db, messageRecord(id, [...events]), clock, T0 + 10 * MIN);
  });
  afterEach(() => db.delete());

  const summary = async (id: string) => (await db.summaries.get(id))!;

  it('routes where the workflow allows it and says why the others were skipped', async () => {
    const route = bulkEvent({ type: 'routed', executors: [{ department: 'Департамент городского хозяйства' }, { department: 'Департамент транспорта' }] }, curator, NOW);
    const outcome = await appendEvents(db, ['A', 'B', 'C', 'D', 'E', 'нет-такого'], route, clock, NOW);
    expect(outcome.changed).toEqual(['A', 'B', 'D']);
    expect(outcome.skipped).toEqual([
      { id: 'C', why: 'status', status: 'routed' },
      { id: 'E', why: 'status', status: 'notProcessed' },
      { id: 'нет-такого', why: 'missing' },
    ]);
    expect(bulkOutcomeText(outcome)).toBe('Изменено: 3. Пропущено 3: уже направлены — 1; уже не подлежат обработке — 1; удалены из базы — 1.');

    const a = (await db.messages.get('A'))!;
    expect(noId(a.events.at(-1))).toEqual({ type: 'routed', actor: curator, at: NOW, payload: { executors: [{ department: 'Департамент городского хозяйства' }, { department: 'Департамент транспорта' }] } });
    expect(a.updatedAt).toBe(NOW);
    // The queue row is the one derive gives: the record and its row agree.
    expect(await summary('A')).toEqual(derive(a, clock, NOW).summary);
    expect((await summary('A')).department).toBe('Департамент городского хозяйства');
    expect((await summary('A')).coDepartments).toEqual(['Департамент транспорта']);
    // A skipped message is left exactly as it was.
    expect((await db.messages.get('C'))!.events).toHaveLength(2);
    expect((await summary('C')).department).toBe('Департамент образования');
  });

  it('sets importance, leaving alone what already has it and what is closed', async () => {
    const outcome = await appendEvents(db, ['A', 'C', 'D', 'E'], bulkEvent({ type: 'categorised', importance: 'high' }, curator, NOW), clock, NOW);
    expect(outcome.changed).toEqual(['A', 'C']);
    expect(bulkOutcomeText(outcome)).toBe('Изменено: 2. Пропущено 2: уже высокой важности — 1; уже не подлежат обработке — 1.');
    expect((await summary('A')).importance).toBe('high');
    expect((await summary('C')).importance).toBe('high');
    expect((await db.messages.get('D'))!.events).toHaveLength(1);
  });

  it('marks messages not to be processed, with the reason (§16)', async () => {
    const outcome = await appendEvents(db, ['B', 'C', 'E'], bulkEvent({ type: 'notProcessed', reason: 'insult' }, curator, NOW), clock, NOW);
    expect(bulkOutcomeText(outcome)).toBe('Изменено: 2. Пропущено 1: уже не подлежат обработке.');
    expect((await summary('B')).status).toBe('notProcessed');
    expect((await summary('C')).status).toBe('notProcessed');
    expect((await summary('C')).nextDue).toBeNull();
    expect((await db.messages.get('B'))!.events.at(-1)).toMatchObject({ type: 'notProcessed', payload: { reason: 'insult' } });
  });

  it('is one transaction: when it fails midway, no message has changed', async () => {
    const route = bulkEvent({ type: 'routed', executors: [{ department: 'Департамент транспорта' }] }, curator, NOW);
    const failing = (record: Parameters<typeof route>[0], state: Parameters<typeof route>[1]) => {
      if (record.id === 'B') throw new Error('сбой');
      return route(record, state);
    };
    await expect(appendEvents(db, ['A', 'B'], failing, clock, NOW)).rejects.toThrow('сбой');
    expect((await db.messages.get('A'))!.events).toHaveLength(1);
    expect((await summary('A')).status).toBe('received');
  });

  it('reports a refusal by the workflow for another reason in its own words', async () => {
    // An act dated before the message's last one is refused, whatever the status.
    const early = bulkEvent({ type: 'notProcessed', reason: 'threat' }, curator, T0 + MIN);
    const outcome = await appendEvents(db, ['C'], early, clock, NOW);
    expect(outcome.changed).toEqual([]);
    expect(outcome.skipped).toEqual([{ id: 'C', why: 'other', text: expect.stringContaining('не может быть раньше предыдущего действия') }]);
  });
});
