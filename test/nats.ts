/**
 * A real team server for tests: Debian's nats-server on 127.0.0.1 only, random free ports, a
 * temporary directory, the streams created. `stop()` removes everything; `restart()` keeps the
 * ports and the store (outbox replay after a crash: `restart({ kill: true })`). A server left
 * running is killed when the test process exits.
 *
 *   const nats = await startNats();
 *   const nc = await nats.connect('exa');       // transport-node, the user's own inbox prefix
 *   …
 *   await nats.stop();
 */
import { connect as connectTcp, type NodeConnectionOptions } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/nats-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTeamServer, type TeamServer } from '../lib/server/run';
import type { StaffInput } from '../lib/server/staff';
import { inboxPrefix } from '../lib/sync/subjects';

export const DEPT_A = 'Департамент городского хозяйства';
export const DEPT_B = 'Департамент транспорта';
export const DEPT_CURATOR = 'Департамент информационной политики';

/** The tests' team: a curator, an executor in each of two departments, a moderator, an owner. */
export const TEST_STAFF: readonly StaffInput[] = [
  { login: 'cur', name: 'Куратор', role: 'curator', department: DEPT_CURATOR },
  { login: 'exa', name: 'Исполнитель А', role: 'executor', department: DEPT_A },
  { login: 'exb', name: 'Исполнитель Б', role: 'executor', department: DEPT_B },
  { login: 'mod', name: 'Модератор', role: 'moderator', department: null },
  { login: 'own', name: 'Владелец страниц', role: 'owner', department: null },
];

export interface TestNats extends TeamServer {
  /** Connects as a staff member over TCP with their password and inbox prefix. */
  connect(login: string, options?: Partial<NodeConnectionOptions>): Promise<NatsConnection>;
  /** Stops the server and removes its directory. */
  stop(): Promise<void>;
}

export async function startNats(
  options: { staff?: string | readonly StaffInput[]; bcryptCost?: number; dir?: string } = {},
): Promise<TestNats> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'otklik-nats-'));
  let server: TeamServer;
  try {
    // Low bcrypt cost: every connection makes the server check a hash; the format is the same.
    server = await startTeamServer({ dir, staff: options.staff ?? TEST_STAFF, host: '127.0.0.1', bcryptCost: options.bcryptCost ?? 4 });
  } catch (error) {
    if (!options.dir) rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const open: NatsConnection[] = [];
  const stopServer = server.stop;
  return Object.assign(server, {
    async connect(login: string, extra: Partial<NodeConnectionOptions> = {}) {
      const nc = await connectTcp({
        servers: server.url,
        user: login,
        pass: server.password(login),
        inboxPrefix: inboxPrefix(login),
        maxReconnectAttempts: 0,
        ...extra,
      });
      open.push(nc);
      return nc;
    },
    async stop() {
      await Promise.all(open.map((nc) => (nc.isClosed() ? undefined : nc.close().catch(() => undefined))));
      await stopServer();
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  });
}
