/**
 * The registry of official pages and the moderation log on a real server (issue 13): an owner's
 * registry entry reaches the moderators and the curator; a moderator's deletion reaches the other
 * moderators' logs and takes the comment off their queue, once; an executor's registry edit stays
 * on the executor's computer, and the server refuses a registry or log op under an executor's subject.
 */
import 'fake-indexeddb/auto';
import { connect as connectTcp } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordDeleted } from '@/lib/db/moderation';
import { listRegistry, registryPart } from '@/lib/db/registry';
import { openDatabase, type OtklikDB } from '@/lib/db/schema';
import type { Evidence } from '@/lib/moderation/log';
import { moderationPart, type Cursor } from '@/lib/moderation/team';
import { registryPut } from '@/lib/registry/team';
import { SyncEngine } from '@/lib/sync/engine';
import { teamStoreOf, type LocalTeamOp, type TeamStore } from '@/lib/sync/team';
import { teamSubject, type StaffRole } from '@/lib/sync/subjects';
import { createWorkClock } from '@/lib/worktime/clock';
import { DEPT_A, DEPT_CURATOR, startNats, type TestNats } from '../nats';
import { entry } from '../unit/registry/helpers';
import { publish, refused } from './helpers';

async function until(what: () => Promise<boolean>, ms = 8000) {
  const end = Date.now() + ms;
  while (!(await what())) {
    if (Date.now() > end) throw new Error('не дождались');
    await new Promise((r) => setTimeout(r, 50));
  }
}

const evidence = (n: number): Evidence => ({
  site: 'vk', pageKey: 'vk:-100', pageUrl: 'https://vk.com/club100', pageName: 'Администрация', postId: '-100_1', commentKey: `vk:-100_${n}`, commentId: `-100_${n}`,
  permalink: null, authorId: '5', authorName: 'Иван', authorUrl: null, text: `Купи дёшево ${n}`, publishedAt: null, categories: ['spam'], clauses: [], matches: ['купи'],
});

/** The storage outbox of a browser (here in memory), under the tables' parts. */
class Outbox implements TeamStore {
  ops: LocalTeamOp[] = [];
  async pending() {
    return this.ops.slice();
  }
  async settle(ids: readonly string[]) {
    this.ops = this.ops.filter((o) => !ids.includes(o.id));
  }
  async apply() {}
}

describe('the registry and the moderation log on a real server', () => {
  let nats: TestNats;
  const engines: SyncEngine[] = [];
  const person = async (login: string, role: StaffRole, department: string) => {
    const db = openDatabase(`tables-${login}-${Math.random()}`);
    const outbox = new Outbox();
    let at = 0;
    const cursor: Cursor = { get: async () => at, set: async (id) => void (at = id) };
    const engine = new SyncEngine({
      db,
      identity: { url: nats.url, login, password: nats.password(login), role, department },
      clock: () => createWorkClock(),
      connect: (o) => connectTcp({ servers: o.servers, user: o.user, pass: o.pass, inboxPrefix: o.inboxPrefix }),
      team: teamStoreOf(outbox, [registryPart(db), moderationPart(db, cursor)]),
    });
    await engine.start();
    await until(async () => engine.current.state === 'synced');
    engines.push(engine);
    return { db, engine, outbox, cursor: () => at };
  };
  let own: Awaited<ReturnType<typeof person>>, mod: typeof own, mod2: typeof own, cur: typeof own, exa: typeof own;
  beforeAll(async () => {
    nats = await startNats();
    own = await person('own', 'owner', '');
    mod = await person('mod', 'moderator', '');
    cur = await person('cur', 'curator', DEPT_CURATOR);
    exa = await person('exa', 'executor', DEPT_A);
  });
  afterAll(async () => {
    await Promise.all(engines.map((e) => e.stop()));
    await nats?.stop();
  });

  it('an owner’s registry entry reaches the moderator and the curator; an edit replaces it everywhere', async () => {
    const page = entry({ id: 'adm', url: 'https://vk.com/club100', ownerId: '-100', name: 'Администрация города' });
    own.outbox.ops.push(registryPut(page));
    await own.engine.kick();
    const names = (db: OtklikDB) => listRegistry(db).then((r) => r.map((e) => e.name).join());
    await until(async () => (await names(mod.db)) === 'Администрация города' && (await names(cur.db)) === 'Администрация города');
    own.outbox.ops.push(registryPut({ ...page, name: 'Администрация города Омска', twoFactorConfirmedAt: '2026-12-01' }));
    await own.engine.kick();
    await until(async () => (await names(mod.db)) === 'Администрация города Омска');
    expect(own.outbox.ops).toEqual([]);
  });

  it('an executor’s registry edit stays local; the server refuses registry and log ops under an executor’s subject', async () => {
    exa.outbox.ops.push(registryPut(entry({ id: 'x', url: 'https://vk.com/club7', ownerId: '-7', name: 'Чужая' })));
    await exa.engine.kick();
    expect(exa.outbox.ops).toEqual([]);
    await new Promise((r) => setTimeout(r, 300));
    expect((await listRegistry(cur.db)).map((e) => e.id)).not.toContain('x');
    const conn = await nats.connect('exa');
    try {
      await refused(publish(conn, teamSubject('registry', 'executor', 'exa'), '{}'));
      await refused(publish(conn, teamSubject('mod', 'executor', 'exa'), '{}'));
    } finally {
      await conn.close();
    }
  });

  it('a moderator’s deletion reaches the curator and a second moderator once, and leaves their queues; what was logged before goes up once', async () => {
    // Logged before this moderator's browser joined the team: it goes up when it starts.
    const db2 = openDatabase(`tables-mod2-${Math.random()}`);
    await recordDeleted(db2, evidence(1), 'detected', 'Модератор 2', 1_000);
    await cur.db.flagged.put({ commentKey: evidence(2).commentKey, pageKey: 'vk:-100', firstSeen: 1 } as never);
    await recordDeleted(mod.db, evidence(2), 'manual', 'Модератор', 2_000);
    await mod.engine.kick();
    await until(async () => (await cur.db.moderation.count()) === 1);
    expect(await cur.db.flagged.get(evidence(2).commentKey)).toBeUndefined();
    expect((await cur.db.moderation.toArray())[0]).toMatchObject({ recordedBy: 'Модератор', action: 'deleted', team: true, text: 'Купи дёшево 2' });
    // A second moderator's browser (here the same login on a second computer) joins with its own log.
    mod2 = await (async () => {
      let at = 0;
      const engine = new SyncEngine({
        db: db2,
        identity: { url: nats.url, login: 'mod', password: nats.password('mod'), role: 'moderator', department: '' },
        clock: () => createWorkClock(),
        connect: (o) => connectTcp({ servers: o.servers, user: o.user, pass: o.pass, inboxPrefix: o.inboxPrefix }),
        team: teamStoreOf(new Outbox(), [registryPart(db2), moderationPart(db2, { get: async () => at, set: async (id) => void (at = id) })]),
      });
      engines.push(engine);
      await engine.start();
      return { db: db2, engine, outbox: new Outbox(), cursor: () => at };
    })();
    await until(async () => (await cur.db.moderation.count()) === 2 && (await db2.moderation.count()) === 2);
    // Sent again (a restart), nothing doubles.
    await mod.engine.kick();
    await new Promise((r) => setTimeout(r, 300));
    expect(await cur.db.moderation.count()).toBe(2);
    expect(await db2.moderation.count()).toBe(2);
    expect(mod2.cursor()).toBeGreaterThan(0);
  });
});
