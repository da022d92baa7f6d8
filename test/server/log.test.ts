import { jetstream } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEAM_STREAM, departmentStream, messageSubject } from '../../lib/sync/subjects';
import { DEPT_A, DEPT_B, TEST_STAFF, startNats, type TestNats } from '../nats';
import { count, publish, readStream, refused } from './helpers';

const A = departmentStream(DEPT_A);
const B = departmentStream(DEPT_B);
const draft = (n: number | string) => messageSubject({ department: DEPT_A }, `m${n}`, 'executor', 'exa', 'draft');

/** Resolves on the connection's next status event of this type. */
async function nextStatus(nc: NatsConnection, type: string) {
  for await (const s of nc.status()) if (s.type === type) return;
}

let nats: TestNats;
beforeAll(async () => {
  nats = await startNats();
});
afterAll(() => nats?.stop());

describe('the shared log', () => {
  it('a second send with the same event id is answered duplicate and stored once', async () => {
    const exa = await nats.connect('exa');
    const before = await count(exa, A);
    const first = await publish(exa, draft('dup'), 'once', 'event-1');
    const second = await publish(exa, draft('dup'), 'once', 'event-1');
    expect(first.duplicate).toBe(false);
    expect(second).toMatchObject({ stream: A, seq: first.seq, duplicate: true });
    expect(await count(exa, A)).toBe(before + 1);
  });

  it('an ordered consumer resumes from a cursor and then follows new events', async () => {
    const exa = await nats.connect('exa');
    const acks = [];
    for (let i = 1; i <= 5; i++) acks.push(await publish(exa, draft(i), `event ${i}`, `cursor-${i}`));
    // The cursor: the last sequence applied was the second event's.
    const cursor = acks[1]!.seq;
    expect((await readStream(exa, A, cursor + 1)).map((m) => m.text)).toEqual(['event 3', 'event 4', 'event 5']);

    const consumer = await jetstream(exa).consumers.get(A, { opt_start_seq: acks[4]!.seq + 1 });
    const messages = await consumer.consume({ max_messages: 10 });
    const seen: string[] = [];
    const done = (async () => {
      for await (const m of messages) {
        seen.push(m.string());
        if (seen.length === 2) break;
      }
    })();
    await publish(exa, draft(6), 'event 6', 'cursor-6');
    await publish(exa, draft(7), 'event 7', 'cursor-7');
    await done;
    expect(seen).toEqual(['event 6', 'event 7']);
  });

  it('a server killed and restarted keeps the stream, its sequence and its duplicate window; a client resumes', async () => {
    const options = { maxReconnectAttempts: -1, reconnectTimeWait: 100 };
    const exa = await nats.connect('exa', options);
    const cur = await nats.connect('cur', options);
    const sent = await publish(exa, draft('crash'), 'before the crash', 'crash-1');
    const before = await readStream(cur, A);

    // The curator follows A live across the crash.
    const consumer = await jetstream(cur).consumers.get(A, { opt_start_seq: sent.seq + 1 });
    const messages = await consumer.consume({ max_messages: 10, expires: 2_000, idle_heartbeat: 500 });
    const live: string[] = [];
    const followed = (async () => {
      for await (const m of messages) {
        live.push(m.string());
        if (live.length === 1) break;
      }
    })();

    const reconnected = Promise.all([exa, cur].map((nc) => nextStatus(nc, 'reconnect')));
    await nats.restart({ kill: true });
    await reconnected;

    // The outbox sends again the event whose acknowledgement it never saw: stored once.
    const again = await publish(exa, draft('crash'), 'before the crash', 'crash-1');
    expect(again).toMatchObject({ seq: sent.seq, duplicate: true });
    const after = await publish(exa, draft('after'), 'after the restart', 'crash-2');
    expect(after.seq).toBe(sent.seq + 1);
    expect((await readStream(cur, A)).slice(0, before.length)).toEqual(before);
    await followed;
    expect(live).toEqual(['after the restart']);
  });
});

describe('a changed staff list', () => {
  it('keeps the others’ passwords, lets the new person in, shuts the removed one out and follows a move', async () => {
    const exb = await nats.connect('exb', { maxReconnectAttempts: 0 });
    const closed = exb.closed();
    const exaPassword = nats.password('exa');
    const exbPassword = nats.password('exb');
    const staff = [
      ...TEST_STAFF.filter((p) => p.login !== 'exb' && p.login !== 'mod'),
      { login: 'mod', name: 'Бывший модератор', role: 'executor', department: DEPT_A }, // moves to A
      { login: 'exc', name: 'Новый исполнитель', role: 'executor', department: DEPT_B },
    ];
    const users = await nats.reconfigure(staff);
    expect(users.find((u) => u.login === 'exa')!.password).toBe(exaPassword);

    // The removed person: their open connection is closed, and they cannot come back.
    await expect(closed).resolves.toBeInstanceOf(Error);
    await expect(connect({ servers: nats.url, user: 'exb', pass: exbPassword, maxReconnectAttempts: 0 })).rejects.toThrow(/Authorization Violation/);

    const exa = await nats.connect('exa');
    expect((await readStream(exa, A)).length).toBeGreaterThan(0);
    const exc = await nats.connect('exc');
    expect((await publish(exc, messageSubject({ department: DEPT_B }, 'm1', 'executor', 'exc', 'draft'), 'new person')).stream).toBe(B);
    await refused(readStream(exc, A));
    const moved = await nats.connect('mod');
    expect((await readStream(moved, A)).length).toBeGreaterThan(0);
    await refused(publish(moved, 'otk.team.mod.moderator.mod', 'x'));
    expect((await readStream(moved, TEAM_STREAM)).length).toBeGreaterThanOrEqual(0);
  });
});
