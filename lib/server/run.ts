/**
 * A local team server for the demo, manual testing and the tests: Debian's `nats-server` on
 * 127.0.0.1 with the configuration `otklik server config` writes, its streams created. Not for
 * production (see the README, «Командная работа»): there nats-server runs under systemd.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import type { StaffRole } from '../sync/subjects';
import { DEFAULT_HOST } from './config';
import { STATE_FILE, configureServer, readState, writeFileAtomic, type Configured } from './files';
import { initServer } from './init';
import { parseStaffCsv, parseStaffList, type StaffInput, type StaffMember } from './staff';

/** Plain passwords of a demo directory, so a second `npm run server` can show them again. Never in production. */
export const DEV_PASSWORDS_FILE = 'dev-passwords.json';

export interface TeamUser {
  login: string;
  password: string;
  role: StaffRole;
  department: string | null;
}

export interface TeamServerOptions {
  /** The server directory (nats.conf, state, JetStream store); created if missing, reused if it exists. */
  dir: string;
  /** The staff: CSV text as `server config` reads it, or a list. */
  staff: string | readonly StaffInput[];
  /** 127.0.0.1 unless told otherwise. */
  host?: string;
  /** Default: the directory's previous port if it is free, else a free one. */
  port?: number;
  wsPort?: number;
  /** bcrypt cost of new passwords: 11 by default; the tests use less to start faster. */
  bcryptCost?: number;
  /** The server binary: `$NATS_SERVER` or `nats-server` on PATH. */
  bin?: string;
}

export interface TeamServer {
  /** `nats://127.0.0.1:<port>` — Node clients (transport-node). */
  url: string;
  /** `ws://127.0.0.1:<wsPort>` — the browser. */
  wsUrl: string;
  host: string;
  port: number;
  wsPort: number;
  dir: string;
  config: string;
  users: TeamUser[];
  streams: string[];
  password(login: string): string;
  pid(): number | undefined;
  /** Everything the server printed so far. */
  output(): string;
  /** Stops the server (SIGTERM) and waits for it. */
  stop(): Promise<void>;
  /** Kills it (SIGKILL, as a crash would) and waits. */
  kill(): Promise<void>;
  /** Starts it again: same configuration, ports and store. */
  start(): Promise<void>;
  restart(options?: { kill?: boolean }): Promise<void>;
  /** Called when the server exits by itself (not by stop, kill or restart). */
  onExit(listener: (code: number | null, signal: string | null) => void): void;
  /** A changed staff list: rewrites the configuration (same ports), reloads the server, creates new streams. */
  reconfigure(staff: string | readonly StaffInput[]): Promise<TeamUser[]>;
}

export class TeamServerError extends Error {}

/**
 * nats-server runs under a small `sh` that holds the other end of a pipe from this process: when
 * this process ends in any way — even killed, when no exit handler runs — the pipe closes and the
 * shell kills the server, so no test run leaves a server behind. The shell first prints the
 * server's pid; signals (stop, crash, reload) go to the server itself.
 */
const WATCHDOG =
  'exec 3<&0; "$0" -c "$1" </dev/null & p=$!; echo "otklik-nats-pid $p" >&2; ' +
  '(read _ <&3; kill -9 $p 2>/dev/null) & w=$!; wait $p; c=$?; kill $w 2>/dev/null; exit $c';

/** A running server: its watchdog shell (the child) and the server's own pid. */
interface Running {
  shell: ChildProcess;
  pid: number | undefined;
}

const running = new Set<Running>();
let exitHook = false;
function killOnExit(r: Running) {
  running.add(r);
  r.shell.once('exit', () => running.delete(r));
  if (exitHook) return;
  exitHook = true;
  process.once('exit', () => {
    for (const x of running) {
      if (x.pid) signal(x.pid, 'SIGKILL');
      x.shell.kill('SIGKILL');
    }
  });
}

function signal(pid: number, sig: NodeJS.Signals) {
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
}

const alive = (r: Running | undefined): r is Running => !!r && r.shell.exitCode === null && r.shell.signalCode === null;

/** A port nobody listens on at `host` now. */
export function freePort(host = DEFAULT_HOST): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', fail);
    srv.listen(0, host, () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => ok(port));
    });
  });
}

function portIsFree(port: number, host: string): Promise<boolean> {
  return new Promise((ok) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', () => ok(false));
    srv.listen(port, host, () => srv.close(() => ok(true)));
  });
}

function toStaff(staff: string | readonly StaffInput[]): StaffMember[] {
  return typeof staff === 'string' ? parseStaffCsv(staff) : parseStaffList(staff);
}

function readPasswords(dir: string): Record<string, string> {
  try {
    return JSON.parse(readFileSync(join(dir, DEV_PASSWORDS_FILE), 'utf8')) as Record<string, string>;
  } catch {
    return {};
  }
}

/**
 * Writes the configuration for `staff` into `dir`, remembering the plain passwords in
 * dev-passwords.json; a user of the directory whose password was never remembered gets a new one.
 */
function configureDev(dir: string, staff: StaffMember[], address: { host: string; port: number; wsPort: number }, bcryptCost?: number) {
  const known = readPasswords(dir);
  const state = readState(dir);
  if (state) {
    const forgotten = Object.keys(state.users).filter((login) => !known[login]);
    if (forgotten.length) {
      for (const login of forgotten) delete state.users[login];
      writeFileAtomic(join(dir, STATE_FILE), `${JSON.stringify(state, null, 2)}\n`);
    }
  }
  const configured: Configured = configureServer({ staff, out: dir, ...address, bcryptCost });
  const passwords: Record<string, string> = {};
  const users: TeamUser[] = configured.users.map((u) => {
    const password = u.password ?? known[u.login]!;
    passwords[u.login] = password;
    return { login: u.login, password, role: u.role, department: u.department };
  });
  writeFileAtomic(join(dir, DEV_PASSWORDS_FILE), `${JSON.stringify(passwords, null, 2)}\n`);
  return { configured, users };
}

export async function startTeamServer(options: TeamServerOptions): Promise<TeamServer> {
  const dir = resolve(options.dir);
  const host = options.host ?? DEFAULT_HOST;
  const bin = options.bin ?? process.env.NATS_SERVER ?? 'nats-server';
  const staff = toStaff(options.staff);
  const previous = existsSync(dir) ? readState(dir) : null;
  const pick = async (given: number | undefined, before: number | undefined, avoid?: number) => {
    if (given !== undefined) return given;
    if (before !== undefined && before !== avoid && (await portIsFree(before, host))) return before;
    let p = await freePort(host);
    while (p === avoid) p = await freePort(host);
    return p;
  };
  const port = await pick(options.port, previous?.server.port);
  const wsPort = await pick(options.wsPort, previous?.server.wsPort, port);
  let { configured, users } = configureDev(dir, staff, { host, port, wsPort }, options.bcryptCost);
  const config = configured.config;

  let child: Running | undefined;
  // The server's output; positions are counted from its very start, also after old output is dropped.
  let output = '';
  let dropped = 0;
  const append = (d: Buffer) => {
    output += d.toString('utf8');
    if (output.length > 200_000) {
      dropped += output.length - 100_000;
      output = output.slice(-100_000);
    }
  };
  const position = () => dropped + output.length;
  const since = (from: number) => output.slice(Math.max(0, from - dropped));

  /** Waits until the server's output after `from` matches `ready` (or `failed`), or it exits. */
  const waitFor = (c: ChildProcess, from: number, ready: RegExp, failed: RegExp | null, what: string, ms = 10_000) =>
    new Promise<void>((ok, fail) => {
      const tail = () =>
        since(from)
          .split('\n')
          .filter((l) => l.trim() && !l.startsWith('otklik-nats-pid'))
          .slice(-3)
          .join(' | ');
      const check = () => {
        const seen = since(from);
        if (ready.test(seen)) done(ok);
        else if (failed?.test(seen)) done(() => fail(new TeamServerError(`${what}: ${tail()}`)));
      };
      const onExit = (code: number | null, sig: string | null) =>
        done(() =>
          fail(
            new TeamServerError(
              code === 127
                ? `nats-server не найден (${bin}) — установите его: sudo apt-get install -y nats-server`
                : `${what}: nats-server завершился (${sig ?? code}): ${tail()}`,
            ),
          ),
        );
      const onError = (error: Error) => done(() => fail(new TeamServerError(`${what}: ${error.message}`)));
      const timer = setTimeout(() => done(() => fail(new TeamServerError(`${what}: нет ответа за ${ms / 1000} с: ${tail()}`))), ms);
      const done = (then: () => void) => {
        clearTimeout(timer);
        c.stdout?.off('data', check);
        c.stderr?.off('data', check);
        c.off('exit', onExit);
        c.off('error', onError);
        then();
      };
      c.stdout?.on('data', check);
      c.stderr?.on('data', check);
      c.once('exit', onExit);
      c.once('error', onError);
      check();
    });

  const exitListeners: ((code: number | null, signal: string | null) => void)[] = [];
  let halting = false;

  const start = async () => {
    if (alive(child)) return;
    const from = position();
    const shell = spawn('sh', ['-c', WATCHDOG, bin, config], { stdio: ['pipe', 'pipe', 'pipe'] });
    const r: Running = { shell, pid: undefined };
    child = r;
    shell.stdout!.on('data', append);
    shell.stderr!.on('data', append);
    shell.stdin!.on('error', () => undefined);
    killOnExit(r);
    shell.once('exit', (code, sig) => {
      if (!halting && child === r) for (const l of exitListeners) l(code, sig);
    });
    await waitFor(shell, from, /Server is ready/, null, `nats-server -c ${config} не запустился`);
    r.pid = Number(/otklik-nats-pid (\d+)/.exec(since(from))?.[1]) || undefined;
  };

  const halt = async (sig: NodeJS.Signals) => {
    const r = child;
    if (!alive(r)) return;
    const exited = new Promise<void>((ok) => r.shell.once('exit', () => ok()));
    halting = true;
    if (r.pid) signal(r.pid, sig);
    else r.shell.stdin!.end(); // the watchdog kills it
    const timer = setTimeout(() => (r.pid ? signal(r.pid, 'SIGKILL') : r.shell.kill('SIGKILL')), 5_000);
    await exited;
    halting = false;
    clearTimeout(timer);
  };

  await start();
  let streams: string[];
  try {
    ({ streams } = await initServer(config));
  } catch (error) {
    await halt('SIGTERM');
    throw error;
  }

  const server: TeamServer = {
    url: `nats://${host}:${port}`,
    wsUrl: configured.websocket,
    host,
    port,
    wsPort,
    dir,
    config,
    users,
    streams,
    password(login) {
      const u = server.users.find((x) => x.login === login);
      if (!u) throw new TeamServerError(`нет пользователя ${login}`);
      return u.password;
    },
    pid: () => (alive(child) ? child.pid : undefined),
    output: () => output,
    stop: () => halt('SIGTERM'),
    kill: () => halt('SIGKILL'),
    start,
    onExit: (listener) => void exitListeners.push(listener),
    async restart(opts = {}) {
      await halt(opts.kill ? 'SIGKILL' : 'SIGTERM');
      await start();
    },
    async reconfigure(next) {
      ({ configured, users } = configureDev(dir, toStaff(next), { host, port, wsPort }, options.bcryptCost));
      server.users = users;
      if (!alive(child) || !child.pid) {
        await halt('SIGTERM');
        await start();
      } else {
        const from = position();
        const waiting = waitFor(child.shell, from, /Reloaded server configuration/, /Failed to reload/, 'nats-server не перечитал nats.conf', 5_000);
        signal(child.pid, 'SIGHUP');
        await waiting;
      }
      ({ streams } = await initServer(config));
      server.streams = streams;
      return users;
    },
  };
  return server;
}
