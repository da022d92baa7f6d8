/**
 * Team data on a real server: a moderator's «Не нарушение» for a word reaches everyone on the team,
 * in the log's order; the curator's word lists and saved replies too; a role that may not share keeps its change local.
 */
import 'fake-indexeddb/auto';
import { connect as connectTcp } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/lib/db/schema';
import { applyTemplateOps } from '@/lib/replies/library';
import type { ReplyTemplate } from '@/lib/replies/schema';
import { SyncEngine } from '@/lib/sync/engine';
import { applyAllow, checkTeamOp, type Allow, type LocalTeamOp, type TeamOp, type TeamStore } from '@/lib/sync/team';
import type { StaffRole } from '@/lib/sync/subjects';
import { createWorkClock } from '@/lib/worktime/clock';
import { DEPT_A, DEPT_CURATOR, startNats, type TestNats } from '../nats';

class MemoryTeam implements TeamStore {
  outbox: LocalTeamOp[] = [];
  allow: Allow = { comments: [], words: [] };
  lexicon: unknown = null;
  templates: ReplyTemplate[] = [];
  async pending() {
    return this.outbox.slice();
  }
  async settle(ids: readonly string[]) {
    this.outbox = this.outbox.filter((o) => !ids.includes(o.id));
  }
  async apply(ops: readonly TeamOp[]) {
    for (const op of ops) {
      if (op.kind === 'allow') this.allow = applyAllow(this.allow, op);
      else if (op.kind === 'replies') this.templates = applyTemplateOps(this.templates, [op]);
      else if (op.kind === 'lexicon') this.lexicon = op.source;
    }
  }
  local(op: LocalTeamOp) {
    if (op.kind === 'allow') this.allow = applyAllow(this.allow, { ...op, by: 'me' });
    this.outbox.push(op);
  }
}

async function until(what: () => boolean, ms = 8000) {
  const end = Date.now() + ms;
  while (!what()) {
    if (Date.now() > end) throw new Error('не дождались');
    await new Promise((r) => setTimeout(r, 50));
  }
}

const allowOp = (op: 'add' | 'remove', value: string): LocalTeamOp => ({ v: 1, id: crypto.randomUUID(), kind: 'allow', op, list: 'words', value, at: Date.now() });

describe('team data on a real server', () => {
  let nats: TestNats;
  const people: { engine: SyncEngine; team: MemoryTeam }[] = [];
  const person = async (login: string, role: StaffRole, department: string) => {
    const team = new MemoryTeam();
    const engine = new SyncEngine({
      db: openDatabase(`team-${login}-${Math.random()}`),
      identity: { url: nats.url, login, password: nats.password(login), role, department },
      clock: () => createWorkClock(),
      connect: (o) => connectTcp({ servers: o.servers, user: o.user, pass: o.pass, inboxPrefix: o.inboxPrefix }),
      team,
    });
    await engine.start();
    await until(() => engine.current.state === 'synced');
    people.push({ engine, team });
    return { engine, team };
  };
  beforeAll(async () => {
    nats = await startNats();
  });
  afterAll(async () => {
    await Promise.all(people.map((p) => p.engine.stop()));
    await nats?.stop();
  });

  it('a moderator allows a word: the curator and an executor get it; taken back, it goes for everyone', async () => {
    const mod = await person('mod', 'moderator', '');
    const cur = await person('cur', 'curator', DEPT_CURATOR);
    const exa = await person('exa', 'executor', DEPT_A);
    mod.team.local(allowOp('add', 'бобр'));
    await mod.engine.kick();
    await until(() => cur.team.allow.words.includes('бобр') && exa.team.allow.words.includes('бобр'));
    expect(mod.team.outbox).toEqual([]);
    mod.team.local(allowOp('remove', 'бобр'));
    await mod.engine.kick();
    await until(() => !cur.team.allow.words.includes('бобр') && !exa.team.allow.words.includes('бобр'));
  });

  it('the curator’s word lists reach the moderators; an owner’s «Не нарушение» stays on the owner’s computer', async () => {
    const [mod, cur] = [people[0]!, people[1]!];
    cur.team.outbox.push({ v: 1, id: crypto.randomUUID(), kind: 'lexicon', source: { words: { insult: ['балбес'] } }, at: Date.now() });
    await cur.engine.kick();
    await until(() => JSON.stringify(mod.team.lexicon).includes('балбес'));
    const own = await person('own', 'owner', '');
    own.team.local(allowOp('add', 'выдра'));
    await own.engine.kick();
    expect(own.team.outbox).toEqual([]);
    await new Promise((r) => setTimeout(r, 300));
    expect(mod.team.allow.words).not.toContain('выдра');
  });

  it('the curator’s saved replies reach executors; an edit replaces, a removal removes; an executor cannot share one', async () => {
    const [, cur, exa] = [people[0]!, people[1]!, people[2]!];
    const template = (text: string): ReplyTemplate => ({ id: 't1', title: 'Отопление', topic: 'отопление', department: DEPT_A, text, updatedAt: Date.now(), updatedBy: 'Куратор' });
    const put = (t: ReplyTemplate): LocalTeamOp => ({ v: 1, id: crypto.randomUUID(), kind: 'replies', op: 'put', template: t, at: Date.now() });
    cur.team.outbox.push(put(template('Уважаемый(ая) {имя}! Отопление включат 1 октября.')));
    await cur.engine.kick();
    await until(() => exa.team.templates.length === 1);
    cur.team.outbox.push(put(template('Уважаемый(ая) {имя}! Отопление включат 3 октября.')));
    await cur.engine.kick();
    await until(() => exa.team.templates[0]?.text.includes('3 октября') ?? false);
    cur.team.outbox.push({ v: 1, id: crypto.randomUUID(), kind: 'replies', op: 'remove', templateId: 't1', at: Date.now() });
    await cur.engine.kick();
    await until(() => exa.team.templates.length === 0);
    // The executor's client does not try; were it to, the server refuses the subject (test/server/access).
    exa.team.local(put(template('Свой текст {имя}')));
    await exa.engine.kick();
    expect(exa.team.outbox).toEqual([]);
    await new Promise((r) => setTimeout(r, 300));
    expect(cur.team.templates).toEqual([]);
  });

  it('an op is believed only under its author’s subject and role', () => {
    const op = { ...allowOp('add', 'x'), by: 'mod' };
    expect(checkTeamOp('otk.team.allow.moderator.mod', op).ok).toBe(true);
    expect(checkTeamOp('otk.team.allow.moderator.other', op)).toMatchObject({ ok: false });
    expect(checkTeamOp('otk.team.allow.owner.mod', op)).toMatchObject({ ok: false });
    expect(checkTeamOp('otk.team.lexicon.moderator.mod', { ...op, kind: 'lexicon', source: {} })).toMatchObject({ ok: false });
    const reply = { v: 1, id: 'r', kind: 'replies', op: 'remove', templateId: 't1', at: 1 };
    expect(checkTeamOp('otk.team.replies.curator.cur', { ...reply, by: 'cur' }).ok).toBe(true);
    expect(checkTeamOp('otk.team.replies.executor.exa', { ...reply, by: 'exa' })).toMatchObject({ ok: false });
    expect(checkTeamOp('otk.team.replies.curator.cur', { ...reply, op: 'put', template: { id: 't1', title: '', text: '' }, by: 'cur' })).toMatchObject({ ok: false });
  });
});
