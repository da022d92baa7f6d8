/**
 * The server directory: `nats.conf` (what `nats-server -c` starts with), `staff.json` (the state a
 * re-run keeps: hashes, roles, departments, ports), `admin.json` (the administrator's password, for
 * `server init` only) and the JetStream store `jetstream/`. Every file is written whole (a temporary
 * file, then rename), and only after everything was checked, so a refused run leaves the directory
 * as it was.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { STAFF_ROLES } from '../sync/subjects';
import {
  DEFAULT_HOST,
  DEFAULT_PORT,
  DEFAULT_WS_PORT,
  bcryptSecrets,
  buildServerConfig,
  type AdminSecret,
  type ServerState,
  type Secrets,
  type StreamSpec,
  type IssuedUser,
} from './config';
import type { StaffMember } from './staff';

export const CONF_FILE = 'nats.conf';
export const STATE_FILE = 'staff.json';
export const ADMIN_FILE = 'admin.json';

const stateSchema = z.object({
  version: z.literal(1),
  server: z.object({
    host: z.string(),
    port: z.number().int(),
    wsHost: z.string().optional(),
    wsPort: z.number().int(),
    tls: z.object({ cert: z.string(), key: z.string() }).nullable().optional(),
  }),
  users: z.record(
    z.string(),
    z.object({ hash: z.string().min(1), name: z.string(), role: z.enum(STAFF_ROLES as [string, ...string[]]), department: z.string().nullable() }),
  ),
  streams: z.array(z.object({ name: z.string(), subjects: z.array(z.string()), department: z.string().nullable() })),
});
const adminSchema = z.object({ login: z.string(), password: z.string().min(1), hash: z.string().min(1) });

export class ServerFilesError extends Error {}

function readJson<T>(path: string, schema: z.ZodType<T>, what: string): T | null {
  if (!existsSync(path)) return null;
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new ServerFilesError(`${what} ${path} повреждён (не JSON) — восстановите его из резервной копии или удалите, чтобы выдать всем новые пароли`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ServerFilesError(`${what} ${path} повреждён — восстановите его из резервной копии или удалите, чтобы выдать всем новые пароли`);
  return parsed.data;
}

export const readState = (dir: string) => readJson(join(dir, STATE_FILE), stateSchema, 'Файл состояния') as ServerState | null;
export const readAdmin = (dir: string) => readJson(join(dir, ADMIN_FILE), adminSchema, 'Файл администратора') as AdminSecret | null;

/** Writes a file whole: a temporary file beside it, then rename (atomic on one file system). */
export function writeFileAtomic(path: string, text: string, mode = 0o600): void {
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    writeFileSync(tmp, text, { mode });
    chmodSync(tmp, mode);
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}

export interface ConfigureOptions {
  staff: readonly StaffMember[];
  /** The directory to write to (created if missing). */
  out: string;
  host?: string;
  port?: number;
  /** Where the WebSocket port listens (default: `host`). */
  wsHost?: string;
  wsPort?: number;
  /** The certificate and key for wss:// (both or neither); kept by later runs. */
  tlsCert?: string;
  tlsKey?: string;
  secrets?: Secrets;
  /** bcrypt cost when `secrets` is not given (11 by default). */
  bcryptCost?: number;
}

/** What `otklik server config` prints. */
export interface ConfigureResult {
  config: string;
  websocket: string;
  users: IssuedUser[];
  streams: { name: string; department: string | null }[];
}

export interface Configured extends ConfigureResult {
  dir: string;
  state: ServerState;
  streamSpecs: StreamSpec[];
}

/** The address browsers use: `ws://` on a plain port, `wss://` with TLS (on all interfaces: this machine's name). */
export function wsUrl(host: string, port: number, tls = false): string {
  const any = host === '0.0.0.0' || host === '::';
  const h = any ? (tls ? hostname() : '127.0.0.1') : host;
  return `${tls ? 'wss' : 'ws'}://${h.includes(':') ? `[${h}]` : h}:${port}`;
}

/** Reads the previous state from `out`, builds the new configuration, writes it; the printed result. */
export function configureServer(options: ConfigureOptions): Configured {
  const dir = resolve(options.out);
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new ServerFilesError(`${dir} — не каталог`);
  const previous = readState(dir);
  const previousAdmin = readAdmin(dir);
  const host = options.host ?? previous?.server.host ?? DEFAULT_HOST;
  const port = options.port ?? previous?.server.port ?? DEFAULT_PORT;
  const wsPort = options.wsPort ?? previous?.server.wsPort ?? DEFAULT_WS_PORT;
  const wsHost = options.wsHost ?? (options.host !== undefined ? undefined : previous?.server.wsHost);
  if (port === wsPort) throw new ServerFilesError(`порт клиентов и порт WebSocket совпадают (${port}) — укажите разные --port и --ws-port`);
  if ((options.tlsCert === undefined) !== (options.tlsKey === undefined)) throw new ServerFilesError('для wss:// нужны оба файла: --tls-cert и --tls-key');
  const tls = options.tlsCert !== undefined ? { cert: resolve(options.tlsCert), key: resolve(options.tlsKey!) } : (previous?.server.tls ?? null);
  for (const f of tls ? [tls.cert, tls.key] : []) if (!existsSync(f)) throw new ServerFilesError(`нет файла ${f} (сертификат или ключ для wss://)`);
  const built = buildServerConfig({
    staff: options.staff,
    previous,
    previousAdmin,
    dir,
    server: { host, port, ...(wsHost !== undefined ? { wsHost } : {}), wsPort, ...(tls ? { tls } : {}) },
    secrets: options.secrets ?? bcryptSecrets(options.bcryptCost),
  });
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new ServerFilesError(`не удалось создать каталог ${dir}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const config = join(dir, CONF_FILE);
  // The state first: a run that stops half-way still knows every hash the config may hold.
  writeFileAtomic(join(dir, STATE_FILE), `${JSON.stringify(built.state, null, 2)}\n`);
  writeFileAtomic(join(dir, ADMIN_FILE), `${JSON.stringify(built.admin, null, 2)}\n`);
  writeFileAtomic(config, built.conf);
  return {
    config,
    websocket: wsUrl(wsHost ?? host, wsPort, !!tls),
    users: built.users,
    streams: built.streams.map(({ name, department }) => ({ name, department })),
    dir,
    state: built.state,
    streamSpecs: built.streams,
  };
}

/** The address in a `nats.conf` written by `configureServer` (its top-level `host:` and `port:`). */
export function readConfAddress(confText: string): { host: string; port: number } {
  const host = /^host:\s*"?([^"\s]+)"?\s*$/m.exec(confText)?.[1] ?? DEFAULT_HOST;
  const port = Number(/^port:\s*(\d+)\s*$/m.exec(confText)?.[1] ?? DEFAULT_PORT);
  return { host, port };
}

export const serverDirOf = (configPath: string) => dirname(resolve(configPath));
