import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTAKE_STREAM, TEAM_STREAM, departmentCode, departmentStream, messageSubject, teamSubject, type SubjectRole } from '../../lib/sync/subjects';
import { DEPT_A, DEPT_B, DEPT_CURATOR, startNats, type TestNats } from '../nats';
import { count, publish, readStream, refused } from './helpers';

const A = departmentStream(DEPT_A);
const B = departmentStream(DEPT_B);
const inDept = (department: string | null, role: SubjectRole, login: string, type = 'draft', id = 'm1') => messageSubject({ department }, id, role, login, type);

let nats: TestNats;
let cur: NatsConnection, exa: NatsConnection, exb: NatsConnection, mod: NatsConnection, own: NatsConnection;

beforeAll(async () => {
  nats = await startNats();
  [cur, exa, exb, mod, own] = await Promise.all(['cur', 'exa', 'exb', 'mod', 'own'].map((l) => nats.connect(l)));
  // Something in every stream: the curator registers and routes, department A drafts.
  await publish(cur, inDept(null, 'curator', 'cur', 'registered', 'm0'), 'intake');
  await publish(cur, inDept(DEPT_A, 'curator', 'cur', 'routed'), 'routed to A');
  await publish(cur, inDept(DEPT_B, 'curator', 'cur', 'routed', 'm2'), 'routed to B');
  await publish(cur, teamSubject('registry', 'curator', 'cur'), 'registry');
  await publish(exa, inDept(DEPT_A, 'executor', 'exa'), 'draft of A');
});
afterAll(() => nats?.stop());

describe('who may sign in', () => {
  it('refuses a wrong password and an unknown login', async () => {
    await expect(connect({ servers: nats.url, user: 'exa', pass: 'wrong-password', maxReconnectAttempts: 0 })).rejects.toThrow(/Authorization Violation/);
    await expect(connect({ servers: nats.url, user: 'nobody', pass: nats.password('exa'), maxReconnectAttempts: 0 })).rejects.toThrow(/Authorization Violation/);
    await expect(connect({ servers: nats.url, maxReconnectAttempts: 0 })).rejects.toThrow(/Authorization Violation/);
  });
});

describe('each department sees its own', () => {
  it('an executor reads and writes their own department and reads the team stream', async () => {
    const ack = await publish(exb, inDept(DEPT_B, 'executor', 'exb', 'draft', 'm2'), 'draft of B');
    expect(ack.stream).toBe(B);
    const seen = await readStream(exb, B);
    expect(seen.map((m) => m.text)).toEqual(['routed to B', 'draft of B']);
    expect((await readStream(exb, TEAM_STREAM)).map((m) => m.text)).toContain('registry');
  });

  it('an executor of department B is refused reading department A (stream info, consumer, message get) and intake', async () => {
    const jsm = await jetstreamManager(exb);
    await refused(jsm.streams.info(A), `$JS.API.STREAM.INFO.${A}`);
    await refused(jetstream(exb).consumers.get(A, { opt_start_seq: 1 }), `$JS.API.STREAM.INFO.${A}`);
    await refused(jsm.consumers.add(A, { name: 'peek', ack_policy: AckPolicy.None, deliver_policy: DeliverPolicy.All }), `$JS.API.CONSUMER.CREATE.${A}.peek`);
    await refused(jsm.consumers.add(A, { name: 'peek2', ack_policy: AckPolicy.None, filter_subject: `otk.d.${departmentCode(DEPT_A)}.>` }));
    await refused(jsm.streams.getMessage(A, { seq: 1 }), `$JS.API.STREAM.MSG.GET.${A}`);
    await refused(exb.request(`$JS.API.DIRECT.GET.${A}`, JSON.stringify({ seq: 1 })));
    await refused(exb.request(`$JS.API.CONSUMER.MSG.NEXT.${A}.peek`, JSON.stringify({ batch: 1 })));
    await refused(exb.request(`$JS.API.CONSUMER.INFO.${A}.peek`));
    await refused(jsm.streams.info(INTAKE_STREAM), `$JS.API.STREAM.INFO.${INTAKE_STREAM}`);
    await refused(jsm.streams.info(departmentStream(DEPT_CURATOR)));
  });

  it('an executor cannot write into another department, under a curator subject or under another login', async () => {
    const before = { a: await count(cur, A), b: await count(cur, B), intake: await count(cur, INTAKE_STREAM), team: await count(cur, TEAM_STREAM) };
    for (const subject of [
      inDept(DEPT_A, 'executor', 'exb'), // another department as its executor
      inDept(DEPT_B, 'curator', 'exb', 'approved'), // a curator-only event from an executor
      inDept(DEPT_B, 'curator', 'cur', 'approved'), // …even under the curator's own login
      inDept(DEPT_B, 'executor', 'exa'), // another person’s login
      inDept(DEPT_B, 'coExecutor', 'exa', 'info'),
      inDept(null, 'curator', 'exb', 'registered'), // intake
      teamSubject('registry', 'owner', 'exb'),
      teamSubject('mod', 'moderator', 'exb'),
      `otk.d.${departmentCode(DEPT_B)}.m.m2.executor.exb`, // not the event's shape
      `otk.d.${departmentCode(DEPT_B)}.m.m2.executor.exb.draft.extra`,
    ])
      await refused(publish(exb, subject, 'forged'), subject);
    expect({ a: await count(cur, A), b: await count(cur, B), intake: await count(cur, INTAKE_STREAM), team: await count(cur, TEAM_STREAM) }).toEqual(before);
  });

  it('a co-executor writes its information into the responsible department’s stream without being able to read it', async () => {
    const subject = inDept(DEPT_A, 'coExecutor', 'exb', 'coInfo');
    const ack = await publish(exb, subject, 'information from B');
    expect(ack.stream).toBe(A);
    await refused(readStream(exb, A));
    expect((await readStream(exa, A, ack.seq)).map((m) => [m.subject, m.text])).toEqual([[subject, 'information from B']]);
    expect((await readStream(cur, A, ack.seq))[0]!.text).toBe('information from B');
  });

  it('the curator reads every stream and writes under its own login only', async () => {
    for (const stream of [INTAKE_STREAM, TEAM_STREAM, A, B, departmentStream(DEPT_CURATOR)]) await readStream(cur, stream);
    expect((await readStream(cur, INTAKE_STREAM)).map((m) => m.text)).toEqual(['intake']);
    expect((await readStream(cur, A)).map((m) => m.text).slice(0, 2)).toEqual(['routed to A', 'draft of A']);
    expect((await publish(cur, inDept(DEPT_CURATOR, 'curator', 'cur', 'note', 'm9'), 'own department')).stream).toBe(departmentStream(DEPT_CURATOR));
    for (const subject of [inDept(DEPT_A, 'executor', 'cur'), inDept(DEPT_A, 'curator', 'exa', 'approved'), teamSubject('mod', 'moderator', 'cur')])
      await refused(publish(cur, subject, 'x'), subject);
  });

  it('a moderator and an owner read the team stream only and write their own kinds of team data', async () => {
    for (const nc of [mod, own]) {
      const jsm = await jetstreamManager(nc);
      for (const stream of [A, B, INTAKE_STREAM]) await refused(jsm.streams.info(stream), `$JS.API.STREAM.INFO.${stream}`);
      await refused(jetstream(nc).consumers.get(A, { opt_start_seq: 1 }));
      expect((await readStream(nc, TEAM_STREAM)).map((m) => m.text)).toContain('registry');
    }
    expect((await publish(mod, teamSubject('mod', 'moderator', 'mod'), 'deleted a comment')).stream).toBe(TEAM_STREAM);
    expect((await publish(mod, teamSubject('allow', 'moderator', 'mod'), 'not a violation')).stream).toBe(TEAM_STREAM);
    await refused(publish(mod, teamSubject('registry', 'moderator', 'mod'), 'x'));
    await refused(publish(mod, teamSubject('mod', 'moderator', 'own'), 'x'));
    expect((await publish(own, teamSubject('posts', 'owner', 'own'), 'week')).stream).toBe(TEAM_STREAM);
    expect((await publish(own, teamSubject('registry', 'owner', 'own'), 'page')).stream).toBe(TEAM_STREAM);
    await refused(publish(own, teamSubject('mod', 'moderator', 'own'), 'x'));
  });
});

describe('nothing beyond one’s own streams and inbox', () => {
  it('nobody subscribes outside their own inbox', async () => {
    for (const subject of [`otk.d.${departmentCode(DEPT_A)}.>`, 'otk.>', '_INBOX_cur.>', '>', '$JS.API.>']) {
      const sub = exb.subscribe(subject);
      await expect(sub.closed).resolves.toMatchObject({ message: expect.stringMatching(/Permissions Violation for Subscription/) });
    }
  });

  it('nobody manages or lists streams, nor uses the legacy consumer requests, even on their own stream', async () => {
    const jsm = await jetstreamManager(exb);
    await refused(jsm.streams.purge(B), `$JS.API.STREAM.PURGE.${B}`);
    await refused(jsm.streams.delete(B), `$JS.API.STREAM.DELETE.${B}`);
    await refused(jsm.streams.deleteMessage(B, 1), `$JS.API.STREAM.MSG.DELETE.${B}`);
    await refused(jsm.streams.update(B, { max_msgs: 1 }));
    await refused(jsm.streams.add({ name: 'MINE', subjects: ['mine.>'] }), '$JS.API.STREAM.CREATE.MINE');
    await refused(jsm.streams.names().next(), '$JS.API.STREAM.NAMES');
    // A named consumer with `durable_name` goes through CONSUMER.CREATE.B.<name>, which reading needs:
    // subject permissions cannot tell it from an ordered consumer (a nuisance on one's own stream, no leak).
    await refused(exb.request(`$JS.API.CONSUMER.DURABLE.CREATE.${B}.keep`, JSON.stringify({ stream_name: B, config: { durable_name: 'keep' } })));
    await refused(exb.request(`$JS.API.CONSUMER.CREATE.${B}`, JSON.stringify({ stream_name: B, config: { ack_policy: 'none' } })));
    // Allowed, and harmless: the account's limits.
    await expect(jsm.getAccountInfo()).resolves.toMatchObject({ streams: expect.any(Number) });
  });

  it('a push consumer on one’s own stream cannot carry its messages into another department’s stream', async () => {
    // nats-server does not check a push consumer's deliver subject against its creator's permissions
    // (nats-server #8274); it delivers only while a literal subscription exists on it, and nobody may
    // subscribe outside their inbox — so nothing arrives in A.
    const before = await count(cur, A);
    const forged = inDept(DEPT_A, 'curator', 'cur', 'approved', 'forged');
    const jsm = await jetstreamManager(exb);
    await jsm.consumers.add(B, { name: 'carry', deliver_subject: forged, ack_policy: AckPolicy.None, deliver_policy: DeliverPolicy.All }).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 500));
    expect(await count(cur, A)).toBe(before);
    expect((await readStream(cur, A)).some((m) => m.subject === forged || !m.subject.startsWith(`otk.d.${departmentCode(DEPT_A)}.`))).toBe(false);
  });
});
