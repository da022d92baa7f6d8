/**
 * Team sync against a real nats-server: two people, each with their own browser database (one
 * fake IndexedDB each), one server on 127.0.0.1. Node clients over TCP stand in for the browsers'
 * WebSocket; the engine is the same code the service worker runs.
 */
import 'fake-indexeddb/auto';
import { connect as connectTcp } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendEvent, putMessage } from '@/lib/db/messages';
import { openDatabase, type OtklikDB } from '@/lib/db/schema';
import { SyncEngine, type SyncStatus } from '@/lib/sync/engine';
import type { MessageEvent } from '@/lib/workflow/schema';
import { createWorkClock } from '@/lib/worktime/clock';
import { messageRecord } from '../messages';
import { DEPT_A, DEPT_B, DEPT_CURATOR, startNats, type TestNats } from '../nats';

const clock = createWorkClock();
const T0 = Date.UTC(2025, 4, 13, 3, 0);
const MIN = 60_000;
const curator = { role: 'curator', name: 'Куратор' } as const;
const executor = { role: 'executor', name: 'Исполнитель А', department: DEPT_A } as const;

async function until<T>(what: () => Promise<T | undefined | null | false> | T | undefined | null | false, ms = 8000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await what();
    if (v) return v;
    if (Date.now() > end) throw new Error('не дождались');
    await new Promise((r) => setTimeout(r, 50));
  }
}

interface Person {
  db: OtklikDB;
  engine: SyncEngine;
  statuses: SyncStatus[];
  setAside: string[];
}

function person(nats: TestNats, login: string, role: 'curator' | 'executor', department: string, password?: string): Person {
  const db = openDatabase(`otklik-${login}-${Math.random()}`);
  const statuses: SyncStatus[] = [];
  const setAside: string[] = [];
  const engine = new SyncEngine({
    db,
    identity: { url: nats.url, login, password: password ?? nats.password(login), role, department },
    clock: () => clock,
    connect: (o) => connectTcp({ servers: o.servers, user: o.user, pass: o.pass, inboxPrefix: o.inboxPrefix, name: o.name, reconnectTimeWait: 200, maxReconnectAttempts: -1 }),
    onStatus: (s) => statuses.push(s),
    onSetAside: (subject, error) => setAside.push(`${subject}: ${error}`),
  });
  return { db, engine, statuses, setAside };
}

const status = async (p: Person, id: string) => (await p.db.summaries.get(id))?.status;

describe('team sync on a real server', () => {
  let nats: TestNats;
  let cur: Person;
  let exa: Person;
  beforeAll(async () => {
    nats = await startNats();
    cur = person(nats, 'cur', 'curator', DEPT_CURATOR);
    exa = person(nats, 'exa', 'executor', DEPT_A);
    await Promise.all([cur.engine.start(), exa.engine.start()]);
  });
  afterAll(async () => {
    await Promise.all([cur?.engine.stop(), exa?.engine.stop()]);
    await nats?.stop();
  });

  it('a message the curator worked on before sync goes up once; routed, it reaches the executor with its history', async () => {
    await until(() => cur.engine.current.state === 'synced');
    await putMessage(cur.db, messageRecord('M1', [{ type: 'received', actor: curator, at: T0, payload: { importance: 'normal', topic: 'Дороги' } }]), clock, T0);
    await cur.engine.kick();
    const r = await appendEvent(cur.db, 'M1', { type: 'routed', actor: curator, at: T0 + 5 * MIN, payload: { executors: [{ department: DEPT_A }] } } as MessageEvent, clock, T0 + 5 * MIN);
    expect(r.ok).toBe(true);
    await cur.engine.kick();
    expect(await until(() => status(exa, 'M1'))).toBe('routed');
    const m = (await exa.db.messages.get('M1'))!;
    expect(m.events.map((e) => e.type)).toEqual(['received', 'routed']);
    // Read back: nothing waits on the curator's side.
    await until(async () => (await cur.db.outbox.count()) === 0);
  });

  it('draft → approval: each side sees the other within a moment, and nothing is doubled', async () => {
    await appendEvent(exa.db, 'M1', { type: 'draftSubmitted', actor: executor, at: T0 + 60 * MIN, payload: { kind: 'final', text: 'Яму заделают до пятницы.' } } as MessageEvent, clock, T0 + 60 * MIN);
    await exa.engine.kick();
    expect(await until(() => status(cur, 'M1').then((s) => s === 'draftSubmitted' && s))).toBe('draftSubmitted');
    await appendEvent(cur.db, 'M1', { type: 'draftApproved', actor: curator, at: T0 + 70 * MIN, payload: {} } as MessageEvent, clock, T0 + 70 * MIN);
    await cur.engine.kick();
    expect(await until(() => status(exa, 'M1').then((s) => s === 'approved' && s))).toBe('approved');
    const c = (await cur.db.messages.get('M1'))!;
    const e = (await exa.db.messages.get('M1'))!;
    expect(e.events.map((x) => x.id)).toEqual(c.events.map((x) => x.id));
    expect(new Set(c.events.map((x) => x.id)).size).toBe(c.events.length);
    await until(async () => (await exa.db.outbox.count()) === 0 && (await cur.db.outbox.count()) === 0);
  });

  it('the server down: work goes on locally, the status says so, and on return everything arrives once', async () => {
    await putMessage(cur.db, messageRecord('M2', [{ type: 'received', actor: curator, at: T0, payload: { importance: 'high' } }]), clock, T0);
    await cur.engine.kick();
    await until(async () => (await cur.db.outbox.count()) === 0);
    await nats.kill();
    await until(() => cur.engine.current.state === 'offline').catch((e) => { console.log(JSON.stringify(cur.statuses.slice(-6))); throw e; });
    await appendEvent(cur.db, 'M2', { type: 'routed', actor: curator, at: T0 + 3 * MIN, payload: { executors: [{ department: DEPT_A }] } } as MessageEvent, clock, T0 + 3 * MIN);
    await cur.engine.kick();
    expect(cur.engine.current).toMatchObject({ state: 'offline', pending: 1 });
    await nats.start();
    expect(await until(() => status(exa, 'M2'), 15_000)).toBe('routed');
    const m = (await exa.db.messages.get('M2'))!;
    expect(m.events.map((e) => e.type)).toEqual(['received', 'routed']);
    await until(() => cur.engine.current.state === 'synced', 15_000);
  });

  it('a fresh browser of the same executor catches up from the log', async () => {
    const again = person(nats, 'exa', 'executor', DEPT_A);
    await again.engine.start();
    expect(await until(() => status(again, 'M1').then((s) => s === 'approved' && s))).toBe('approved');
    expect(await until(() => status(again, 'M2'))).toBe('routed');
    await again.engine.stop();
  });

  it('an event that fails the checks is set aside and counted; the ones after it still apply', async () => {
    const nc = await nats.connect('cur');
    const { jetstream } = await import('@nats-io/jetstream');
    const js = jetstream(nc);
    const { messageSubject } = await import('@/lib/sync/subjects');
    await js.publish(messageSubject({ department: DEPT_A }, 'BAD', 'curator', 'cur', 'received'), '{"v":1,"messageId":"BAD"}');
    await js.publish(messageSubject({ department: DEPT_A }, 'M9', 'curator', 'cur', 'received'), 'это не JSON');
    await putMessage(cur.db, messageRecord('M3', [{ type: 'received', actor: curator, at: T0, payload: { importance: 'normal' } }, { type: 'routed', actor: curator, at: T0 + MIN, payload: { executors: [{ department: DEPT_A }] } }]), clock, T0);
    await cur.engine.kick();
    expect(await until(() => status(exa, 'M3')).catch(async (e) => { console.log('CUR', JSON.stringify(cur.statuses.slice(-3)), 'EXA', JSON.stringify(exa.statuses.slice(-3)), await cur.db.outbox.toArray(), exa.setAside); throw e; })).toBe('routed');
    expect(exa.setAside).toHaveLength(2);
    expect(exa.setAside[0]).toContain('BAD');
    expect(exa.engine.current.setAside).toBe(2);
    expect(await exa.db.messages.get('BAD')).toBeUndefined();
  });

  it('two curators at once: the order of the log decides, and the one who lost sees why on the card', async () => {
    const cur2 = person(nats, 'cur', 'curator', DEPT_CURATOR);
    await cur2.engine.start();
    await until(() => status(cur2, 'M1'));
    await appendEvent(exa.db, 'M3', { type: 'draftSubmitted', actor: executor, at: T0 + 60 * MIN, payload: { kind: 'final', text: 'Проект' } } as MessageEvent, clock, T0 + 60 * MIN);
    await exa.engine.kick();
    await until(() => status(cur, 'M3').then((s) => s === 'draftSubmitted'));
    await until(() => status(cur2, 'M3').then((s) => s === 'draftSubmitted'));
    // Both decide before either hears of the other.
    await appendEvent(cur.db, 'M3', { type: 'draftReturned', actor: curator, at: T0 + 70 * MIN, payload: { remarks: 'Уточните срок' } } as MessageEvent, clock, T0 + 70 * MIN);
    await appendEvent(cur2.db, 'M3', { type: 'draftApproved', actor: { role: 'curator', name: 'Второй куратор' }, at: T0 + 70 * MIN, payload: {} } as MessageEvent, clock, T0 + 70 * MIN);
    await cur.engine.kick();
    await cur2.engine.kick();
    for (const p of [cur, cur2, exa]) await until(() => status(p, 'M3').then((s) => s === 'returnedForRevision'));
    const lost = (await cur2.db.messages.get('M3'))!;
    expect(lost.refused?.map((r) => r.event.type)).toEqual(['draftApproved']);
    expect((await exa.db.messages.get('M3'))!.events.map((e) => e.type)).toEqual(['received', 'routed', 'draftSubmitted', 'draftReturned']);
    await cur2.engine.stop();
  });

  it('the browser stopped in the middle of sending: the next start sends what waits, and it arrives once', async () => {
    await putMessage(cur.db, messageRecord('M4', [{ type: 'received', actor: curator, at: T0, payload: { importance: 'normal' } }]), clock, T0);
    await appendEvent(cur.db, 'M4', { type: 'routed', actor: curator, at: T0 + MIN, payload: { executors: [{ department: DEPT_A }] } } as MessageEvent, clock, T0 + MIN);
    const sending = cur.engine.kick();
    await cur.engine.stop();
    await sending.catch(() => undefined);
    const restarted = new SyncEngine({ ...(cur.engine as unknown as { deps: ConstructorParameters<typeof SyncEngine>[0] }).deps });
    await restarted.start();
    expect(await until(() => status(exa, 'M4'))).toBe('routed');
    await until(async () => (await cur.db.outbox.count()) === 0);
    const m = (await exa.db.messages.get('M4'))!;
    expect(m.events.map((e) => e.type)).toEqual(['received', 'routed']);
    cur.engine = restarted;
  });

  it('a co-executor (§12) sees the message routed to its unit too, and its information reaches the responsible unit', async () => {
    const exb = person(nats, 'exb', 'executor', DEPT_B);
    await exb.engine.start();
    await putMessage(cur.db, messageRecord('M5', [{ type: 'received', actor: curator, at: T0, payload: { importance: 'normal' } }]), clock, T0);
    await appendEvent(cur.db, 'M5', { type: 'routed', actor: curator, at: T0 + MIN, payload: { executors: [{ department: DEPT_A }, { department: DEPT_B }] } } as MessageEvent, clock, T0 + MIN);
    await cur.engine.kick();
    expect(await until(() => status(exb, 'M5'))).toBe('routed');
    const co = { role: 'coExecutor', name: 'Исполнитель Б', department: DEPT_B } as const;
    const r = await appendEvent(exb.db, 'M5', { type: 'coExecutorInformationSent', actor: co, at: T0 + 30 * MIN, payload: { text: 'Подрядчик выйдет в среду' } } as MessageEvent, clock, T0 + 30 * MIN);
    expect(r.ok).toBe(true);
    await exb.engine.kick();
    await until(async () => (await exa.db.messages.get('M5'))?.events.some((e) => e.type === 'coExecutorInformationSent'));
    await until(async () => (await cur.db.messages.get('M5'))?.events.some((e) => e.type === 'coExecutorInformationSent'));
    // Written into A's stream, which B cannot read: sent means done, nothing waits.
    await until(async () => (await exb.db.outbox.count()) === 0);
    // The curator's later acts follow the message to the co-executor's unit.
    await appendEvent(cur.db, 'M5', { type: 'socialSignificanceSet', actor: curator, at: T0 + 40 * MIN, payload: { significant: true } } as MessageEvent, clock, T0 + 40 * MIN);
    await cur.engine.kick();
    await until(async () => (await exb.db.summaries.get('M5'))?.sociallySignificant);
    await exb.engine.stop();
  });

  it('a wrong password is said in words, and nothing else happens', async () => {
    const wrong = person(nats, 'exa', 'executor', DEPT_A, 'не тот пароль');
    await wrong.engine.start();
    expect(wrong.engine.current).toMatchObject({ state: 'auth', error: expect.stringContaining('пароль') });
    await wrong.engine.stop();
  });
});
