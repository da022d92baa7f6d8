/**
 * `otklik server init`: connects to the running server as its administrator (admin.json beside
 * nats.conf) and creates the team's streams, or brings them to the configuration they should have.
 * Idempotent; streams of departments no longer in the list are left as they are (their log is kept).
 */
import { DiscardPolicy, RetentionPolicy, StorageType, jetstreamManager, type StreamConfig } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { INTAKE_STREAM, inboxPrefix } from '../sync/subjects';
import { DUPLICATE_WINDOW_MS, type StreamSpec } from './config';
import { readAdmin, readConfAddress, readState, serverDirOf } from './files';

export class InitError extends Error {}

const nanos = (ms: number) => ms * 1_000_000;

/** What every team stream is: on disk, kept forever, append-only (no deleting or purging messages). */
export function streamConfig(spec: StreamSpec): Partial<StreamConfig> & { name: string; subjects: string[] } {
  return {
    name: spec.name,
    subjects: spec.subjects,
    description: spec.department ? `Отклик: ${spec.department}` : spec.name === INTAKE_STREAM ? 'Отклик: сообщения до направления' : 'Отклик: данные команды',
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    discard: DiscardPolicy.Old,
    max_age: 0,
    max_msgs: -1,
    max_bytes: -1,
    num_replicas: 1,
    duplicate_window: nanos(DUPLICATE_WINDOW_MS),
    deny_delete: true,
    deny_purge: true,
    allow_rollup_hdrs: false,
  };
}

const KEYS = ['subjects', 'description', 'storage', 'retention', 'discard', 'max_age', 'max_msgs', 'max_bytes', 'duplicate_window', 'deny_delete', 'deny_purge', 'allow_rollup_hdrs'] as const;

function differs(have: Record<string, unknown>, want: Record<string, unknown>): boolean {
  return KEYS.some((k) => JSON.stringify(have[k] ?? null) !== JSON.stringify(want[k] ?? null));
}

function loopback(host: string): string {
  return host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
}

export interface InitOptions {
  /** Connect here instead of the conf's host and port. */
  servers?: string;
  timeoutMs?: number;
}

/** Creates or updates the streams; resolves to their names. */
export async function initServer(configPath: string, options: InitOptions = {}): Promise<{ streams: string[] }> {
  const conf = resolve(configPath);
  if (!existsSync(conf)) throw new InitError(`нет файла ${conf} — сначала otklik server config --staff … --out …`);
  const dir = serverDirOf(conf);
  const admin = readAdmin(dir);
  const state = readState(dir);
  if (!admin || !state) throw new InitError(`рядом с ${conf} нет admin.json и staff.json — это не каталог, созданный otklik server config`);
  const { host, port } = readConfAddress(readFileSync(conf, 'utf8'));
  const h = loopback(host);
  const servers = options.servers ?? `${h.includes(':') ? `[${h}]` : h}:${port}`;
  let nc;
  try {
    nc = await connect({
      servers,
      user: admin.login,
      pass: admin.password,
      inboxPrefix: inboxPrefix(admin.login),
      maxReconnectAttempts: 0,
      timeout: options.timeoutMs ?? 5_000,
      name: 'otklik server init',
    });
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    if (/authoriz/i.test(text))
      throw new InitError(
        `сервер ${servers} не пустил администратора: он запущен со старым nats.conf — после server config выполните nats-server --signal reload (или перезапустите его)`,
      );
    throw new InitError(`нет связи с сервером ${servers} (${text}) — запущен ли nats-server -c ${conf}?`);
  }
  try {
    const jsm = await jetstreamManager(nc, { timeout: options.timeoutMs ?? 5_000 });
    const names: string[] = [];
    for (const spec of state.streams) {
      const want = streamConfig(spec);
      let have: Record<string, unknown> | null = null;
      try {
        have = (await jsm.streams.info(spec.name)).config as unknown as Record<string, unknown>;
      } catch (error) {
        if (!/stream not found/i.test(error instanceof Error ? error.message : String(error))) throw error;
      }
      if (!have) await jsm.streams.add(want);
      else if (differs(have, want as Record<string, unknown>)) await jsm.streams.update(spec.name, want);
      names.push(spec.name);
    }
    return { streams: names };
  } catch (error) {
    if (error instanceof InitError) throw error;
    const text = error instanceof Error ? error.message : String(error);
    if (/jetstream not enabled|no responders/i.test(text)) throw new InitError(`на сервере ${servers} не включён JetStream — запущен ли он с ${conf}?`);
    throw new InitError(`сервер ${servers} не принял потоки: ${text}`);
  } finally {
    await nc.close();
  }
}
