import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendEvent, applyRemote, importMessages, putMessage } from '@/lib/db/messages';
import { openDatabase, type OtklikDB } from '@/lib/db/schema';
import { envelopeOf, checkEnvelope, type Envelope } from '@/lib/sync/envelope';
import { messageSubject } from '@/lib/sync/subjects';
import type { MessageRecord } from '@/lib/messages/types';
import type { MessageEvent } from '@/lib/workflow/schema';
import { createWorkClock } from '@/lib/worktime/clock';
import { messageRecord } from '../../messages';

const T0 = Date.UTC(2025, 4, 13, 3, 0);
const MIN = 60_000;
const clock = createWorkClock();
const curator = { role: 'curator', name: 'Ольга Петрова' } as const;
const other = { role: 'curator', name: 'Анна Сидорова' } as const;
const executor = { role: 'executor', name: 'Иван Петров', department: 'Департамент образования' } as const;
const ev = (e: MessageEvent, id: string): MessageEvent & { id: string } => ({ ...e, id });

const received = ev({ type: 'received', actor: curator, at: T0, payload: { importance: 'normal' } }, 'e1');
const routed = ev({ type: 'routed', actor: curator, at: T0 + 5 * MIN, payload: { executors: [{ department: 'Департамент образования' }] } }, 'e2');
const draft = ev({ type: 'draftSubmitted', actor: executor, at: T0 + 60 * MIN, payload: { kind: 'final', text: 'Ответ' } }, 'e3');
const approve = ev({ type: 'draftApproved', actor: curator, at: T0 + 70 * MIN, payload: {} }, 'e4');
const giveBack = ev({ type: 'draftReturned', actor: other, at: T0 + 71 * MIN, payload: { remarks: 'Уточнить срок' } }, 'e5');

function env(record: MessageRecord, e: MessageEvent, by = 'olga'): Envelope {
  return envelopeOf(record, e, by);
}

describe('the message store and the team log', () => {
  let db: OtklikDB;
  beforeEach(() => {
    db = openDatabase(`sync-${Math.random()}`);
  });
  afterEach(() => db.delete());

  it('gives every local event its id and puts it in the outbox in the same transaction', async () => {
    await putMessage(db, messageRecord('M', [{ ...received, id: undefined } as MessageEvent]), clock, T0);
    const r = await appendEvent(db, 'M', { ...routed, id: undefined } as MessageEvent, clock, T0 + 5 * MIN);
    expect(r.ok).toBe(true);
    const stored = (await db.messages.get('M'))!;
    expect(stored.events.every((e) => typeof e.id === 'string' && e.id.length > 8)).toBe(true);
    expect((await db.outbox.toArray()).map((o) => o.eventId).sort()).toEqual(stored.events.map((e) => e.id).sort());
    // A refused act changes nothing, the outbox included.
    expect((await appendEvent(db, 'M', { ...received, id: undefined } as MessageEvent, clock, T0)).ok).toBe(false);
    expect(await db.outbox.count()).toBe(2);
  });

  it('imports give old events the same id on every computer, so a message travelling two ways is never doubled', async () => {
    const rec = () => ({ ...messageRecord('I', [{ ...received, id: undefined } as MessageEvent]), importKey: 'k1' });
    const a = openDatabase(`a-${Math.random()}`);
    await importMessages(a, [rec()], clock, T0);
    await importMessages(db, [rec()], clock, T0);
    expect((await a.messages.get('I'))!.events[0]!.id).toBe((await db.messages.get('I'))!.events[0]!.id);
    await a.delete();
  });

  it('builds a message it never saw from the log, and reading back what we sent clears the outbox', async () => {
    const header = messageRecord('M', [received]);
    await putMessage(db, header, clock, T0);
    expect(await db.outbox.count()).toBe(1);
    const changed = await applyRemote(db, [{ envelope: env(header, received), ts: 1 }], clock, T0, { stream: 'OTK_INTAKE', seq: 1 });
    expect(changed).toEqual(['M']);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.cursors.get('OTK_INTAKE')).toEqual({ stream: 'OTK_INTAKE', seq: 1 });

    const fresh = openDatabase(`fresh-${Math.random()}`);
    await applyRemote(fresh, [routed, received, draft].map((e, i) => ({ envelope: env(header, e), ts: [2, 1, 3][i]! })), clock, T0 + 61 * MIN);
    const built = (await fresh.messages.get('M'))!;
    expect(built.events.map((e) => e.id)).toEqual(['e1', 'e2', 'e3']);
    expect((await fresh.summaries.get('M'))!.status).toBe('draftSubmitted');
    expect(await fresh.outbox.count()).toBe(0);
    // The same events again: nothing changes.
    expect(await applyRemote(fresh, [{ envelope: env(header, draft), ts: 3 }], clock, T0 + 62 * MIN)).toEqual([]);
    await fresh.delete();
  });

  it('two curators at once: the order of the log decides, the later act is kept aside with its reason', async () => {
    const header = messageRecord('M', [received, routed, draft]);
    await applyRemote(db, [received, routed, draft].map((e, i) => ({ envelope: env(header, e), ts: i + 1 })), clock, T0);
    // Ours (approval) is done here first, but the server put the other curator's return before it.
    await appendEvent(db, 'M', approve, clock, T0 + 70 * MIN);
    expect((await db.summaries.get('M'))!.status).toBe('approved');
    await applyRemote(db, [{ envelope: env(header, giveBack, 'anna'), ts: 10 }, { envelope: env(header, approve), ts: 11 }], clock, T0 + 72 * MIN);
    const m = (await db.messages.get('M'))!;
    expect(m.events.map((e) => e.type)).toEqual(['received', 'routed', 'draftSubmitted', 'draftReturned']);
    expect(m.refused?.map((r) => r.event.type)).toEqual(['draftApproved']);
    expect(m.refused?.[0]!.error).toContain('Действие не выполнено');
    expect((await db.summaries.get('M'))!.status).toBe('returnedForRevision');
  });

  it('refuses what the subject does not vouch for: a curator-only act under an executor, another login, a bad shape', () => {
    const header = messageRecord('M', [received]);
    const okSubject = messageSubject({ department: 'Департамент образования' }, 'M', 'executor', 'ivan', 'draftSubmitted');
    expect(checkEnvelope(okSubject, env(header, draft, 'ivan')).ok).toBe(true);
    const forged = messageSubject({ department: 'Департамент образования' }, 'M', 'executor', 'ivan', 'draftApproved');
    expect(checkEnvelope(forged, env(header, { ...approve, actor: { ...executor } } as MessageEvent, 'ivan'))).toMatchObject({ ok: false });
    expect(checkEnvelope(okSubject, env(header, draft, 'petr'))).toMatchObject({ ok: false, error: expect.stringContaining('petr') });
    expect(checkEnvelope(okSubject, { v: 1, messageId: 'M' })).toMatchObject({ ok: false });
    expect(checkEnvelope('otk.d.x.m.OTHER.executor.ivan.draftSubmitted', env(header, draft, 'ivan'))).toMatchObject({ ok: false });
    expect(checkEnvelope('random.subject', {})).toMatchObject({ ok: false });
  });

  it('upgrades an old database: every event gets its lasting id and waits to go up once', async () => {
    const name = `old-${Math.random()}`;
    const old = new Dexie(name);
    old.version(7).stores({ pages: 'key, lastSeen', posts: 'key, pageKey', comments: 'key, pageKey', moderation: '++id, at, pageKey, [commentKey+action]', registry: 'id', messages: 'id, commentRef, importKey, author', summaries: 'id, nextDue, commentRef', flagged: 'commentKey, firstSeen, pageKey' });
    await old.open();
    await old.table('messages').put(messageRecord('OLD', [{ ...received, id: undefined } as MessageEvent, { ...routed, id: undefined } as MessageEvent]));
    old.close();
    const up = openDatabase(name);
    const m = (await up.messages.get('OLD'))!;
    expect(m.events.every((e) => e.id?.startsWith('L'))).toBe(true);
    expect((await up.outbox.toArray()).map((o) => o.eventId).sort()).toEqual(m.events.map((e) => e.id).sort());
    await up.delete();
  });
});

describe('the card says what the log set aside', () => {
  it('names the act, who did it, and what stands before it', async () => {
    const { cardNotices } = await import('@/lib/messages/notices');
    const record = { ...messageRecord('M', [received, routed, draft, giveBack]), refused: [{ event: approve, error: 'Действие не выполнено: проект уже возвращён' }] };
    const [n] = cardNotices(record, []);
    expect(n).toEqual({
      kind: 'syncConflict',
      text: 'Не применено: «согласование проекта» (Ольга Петрова) — в общем журнале раньше стоит «возврат проекта на доработку» (Анна Сидорова). Действие не выполнено: проект уже возвращён',
    });
  });
});
