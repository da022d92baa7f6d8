/**
 * Publication requests on a real server: a department's page owner submits, the department of
 * information policy (the curator) sees it and returns it with remarks, the owner sees them; an
 * owner's op that claims the curator's decision is never believed. A department's executor submits
 * too (App. 2 §9) under their own subject, and cannot claim the DIP's approval.
 */
import 'fake-indexeddb/auto';
import { connect as connectTcp } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendPublicationEvent, submitPublication } from '@/lib/db/publications';
import { openDatabase, type OtklikDB } from '@/lib/db/schema';
import { replayPublication } from '@/lib/publications/reducer';
import type { PubActor, PubEventOf } from '@/lib/publications/schema';
import { withPublications } from '@/lib/publications/team';
import { SyncEngine } from '@/lib/sync/engine';
import { checkTeamOp, type TeamStore } from '@/lib/sync/team';
import { TEAM_STREAM, teamSubject, type StaffRole } from '@/lib/sync/subjects';
import { createWorkClock } from '@/lib/worktime/clock';
import { DEPT_B, DEPT_CURATOR, TEST_STAFF, startNats, type TestNats } from '../nats';
import { publish, readStream, refused } from './helpers';

const none: TeamStore = { pending: async () => [], settle: async () => undefined, apply: async () => undefined };

async function until(what: () => Promise<boolean>, ms = 8000) {
  const end = Date.now() + ms;
  while (!(await what())) {
    if (Date.now() > end) throw new Error('не дождались');
    await new Promise((r) => setTimeout(r, 50));
  }
}

const OWNER: PubActor = { role: 'owner', name: 'Владелец страниц', department: DEPT_B };
const DIP: PubActor = { role: 'curator', name: 'Куратор', department: DEPT_CURATOR };
const EXECUTOR: PubActor = { role: 'executor', name: 'Исполнитель Б', department: DEPT_B };

describe('publication requests on a real server', () => {
  let nats: TestNats;
  const engines: SyncEngine[] = [];
  const person = async (login: string, role: StaffRole, department: string): Promise<{ db: OtklikDB; engine: SyncEngine }> => {
    const db = openDatabase(`pub-${login}-${Math.random()}`);
    const engine = new SyncEngine({
      db,
      identity: { url: nats.url, login, password: nats.password(login), role, department },
      clock: () => createWorkClock(),
      connect: (o) => connectTcp({ servers: o.servers, user: o.user, pass: o.pass, inboxPrefix: o.inboxPrefix }),
      team: withPublications(none, db),
    });
    await engine.start();
    engines.push(engine);
    return { db, engine };
  };
  beforeAll(async () => {
    nats = await startNats({ staff: TEST_STAFF.map((s) => (s.login === 'own' ? { ...s, department: DEPT_B } : s)) });
  });
  afterAll(async () => {
    await Promise.all(engines.map((e) => e.stop()));
    await nats?.stop();
  });

  it('submitted by the owner → seen by the DIP → returned with remarks → seen by the owner; the outboxes empty', async () => {
    const own = await person('own', 'owner', DEPT_B);
    const cur = await person('cur', 'curator', DEPT_CURATOR);
    const at = Date.now();
    const sub: PubEventOf<'submitted'> = {
      type: 'submitted',
      actor: OWNER,
      at,
      payload: { text: 'Новый маршрут автобуса № 12 — с понедельника.', format: 'text', attachments: [], wishedDate: null, pages: ['admin-vk'] },
    };
    await submitPublication(own.db, sub, at, 'req-1');
    await own.engine.kick();
    await until(async () => Boolean(await cur.db.publications.get('req-1')));
    const ret = await appendPublicationEvent(cur.db, 'req-1', { type: 'returned', actor: DIP, at: at + 1, payload: { remarks: ['Укажите время', 'Добавьте схему'] } }, at + 1);
    expect(ret.ok).toBe(true);
    await cur.engine.kick();
    await until(async () => {
      const r = await own.db.publications.get('req-1');
      return r ? replayPublication(r.events).status === 'returned' : false;
    });
    const state = replayPublication((await own.db.publications.get('req-1'))!.events);
    expect(state.remarks[0]!.items).toEqual(['Укажите время', 'Добавьте схему']);
    await until(async () => (await own.db.pubOutbox.count()) === 0 && (await cur.db.pubOutbox.count()) === 0);
  });

  it('submitted by an executor → reaches the DIP, whose approval reaches the executor; the outboxes empty', async () => {
    const exb = await person('exb', 'executor', DEPT_B);
    const cur = await person('cur', 'curator', DEPT_CURATOR);
    const at = Date.now();
    const sub: PubEventOf<'submitted'> = {
      type: 'submitted',
      actor: EXECUTOR,
      at,
      payload: { text: 'Приём граждан переносится на среду.', format: 'text', attachments: [], wishedDate: null, pages: ['admin-vk'] },
    };
    expect((await submitPublication(exb.db, sub, at, 'req-ex')).ok).toBe(true);
    await exb.engine.kick();
    await until(async () => Boolean(await cur.db.publications.get('req-ex')));
    const seen = replayPublication((await cur.db.publications.get('req-ex'))!.events);
    expect(seen.status).toBe('submitted');
    expect(seen.author).toMatchObject({ role: 'executor', department: DEPT_B });
    const ok = await appendPublicationEvent(cur.db, 'req-ex', { type: 'approved', actor: DIP, at: at + 1, payload: { plannedAt: at + 3_600_000 } }, at + 1);
    expect(ok.ok).toBe(true);
    await cur.engine.kick();
    await until(async () => {
      const r = await exb.db.publications.get('req-ex');
      return r ? replayPublication(r.events).status === 'approved' : false;
    });
    await until(async () => (await exb.db.pubOutbox.count()) === 0 && (await cur.db.pubOutbox.count()) === 0);
  });

  it('an executor cannot claim the DIP’s approval: the server refuses the DIP’s subject, readers refuse the claim', async () => {
    const nc = await nats.connect('exb');
    const claim = (actor: PubActor) => ({
      v: 1,
      id: `claim-${actor.role}`,
      kind: 'publication',
      requestId: 'req-ex',
      event: { id: `claim-${actor.role}`, type: 'approved', actor, at: Date.now(), payload: { plannedAt: Date.now() } },
      at: Date.now(),
      by: 'exb',
    });
    // Under the DIP's subject: the server does not take it.
    await refused(publish(nc, teamSubject('posts', 'curator', 'exb'), JSON.stringify(claim(DIP))));
    await refused(publish(nc, teamSubject('posts', 'curator', 'cur'), JSON.stringify(claim(DIP))));
    // Under their own: it is stored, but nobody believes a curator's act there.
    const own = teamSubject('posts', 'executor', 'exb');
    expect((await publish(nc, own, JSON.stringify(claim(DIP)))).stream).toBe(TEAM_STREAM);
    expect(checkTeamOp(own, claim(DIP))).toMatchObject({ ok: false, error: expect.stringMatching(/не совпадает с ролью/) });
    // An «approved» in the executor's own name passes the subject check but not the request's rules.
    expect(checkTeamOp(own, claim(EXECUTOR)).ok).toBe(true);
    expect((await readStream(nc, TEAM_STREAM)).some((m) => m.subject === own)).toBe(true);
    await nc.close();
  });

  it('an owner’s op claiming the DIP’s approval is set aside', () => {
    const op = {
      v: 1,
      id: 'x1',
      kind: 'publication',
      requestId: 'req-1',
      event: { id: 'x1', type: 'approved', actor: DIP, at: 1, payload: { plannedAt: 2 } },
      at: 1,
      by: 'own',
    };
    expect(checkTeamOp('otk.team.posts.owner.own', op)).toMatchObject({ ok: false });
    expect(checkTeamOp('otk.team.posts.curator.own', { ...op, by: 'own' }).ok).toBe(true);
    expect(checkTeamOp('otk.team.posts.owner.own', { ...op, event: { ...op.event, type: 'submitted', actor: OWNER, payload: { text: 'т', format: 'text', attachments: [], wishedDate: null, pages: ['p'] } } }).ok).toBe(true);
  });
});
