import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { configureServer } from '../server/files';
import { initServer } from '../server/init';
import { parseStaffFile } from '../server/staff';
import type { Command, CommandIO } from './types';
import { UsageError, readFlags } from './worktime';

const USAGE =
  'использование: server config --staff <staff.csv> --out <каталог> [--port N] [--ws-port N] [--host H] [--ws-host H] [--tls-cert F --tls-key F] | server init --config <каталог/nats.conf>';

/** Like runJson, for a body that waits (the server). */
async function runJsonAsync(io: CommandIO, body: () => Promise<unknown>): Promise<number> {
  try {
    io.stdout.write(`${JSON.stringify(await body())}\n`);
    return 0;
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    io.stderr.write(`Ошибка: ${text.replace(/\s*\n\s*/g, ' ')}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
}

function readPort(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 65535) throw new UsageError(`--${flag}: «${text}» — не номер порта (1–65535)`);
  return Number(text);
}

function readHost(text: string | undefined, flag: string): string | undefined {
  if (text === undefined) return undefined;
  if (!/^[A-Za-z0-9.:-]+$/.test(text)) throw new UsageError(`--${flag}: «${text}» — не адрес (например 127.0.0.1 или 0.0.0.0)`);
  return text;
}

/**
 * `server config --staff staff.csv --out DIR [--port N] [--ws-port N] [--host H] [--ws-host H] [--tls-cert F --tls-key F]` →
 * {"config", "websocket", "users": [{login, password, role, department}], "streams": [{name, department}]};
 * `server init --config DIR/nats.conf` → {"streams": [names]}.
 */
export const serverCommand: Command = async ([sub, ...args], io) =>
  runJsonAsync(io, async () => {
    if (sub === 'config') {
      const flags = readFlags(args, ['staff', 'out', 'port', 'ws-port', 'host', 'ws-host', 'tls-cert', 'tls-key']);
      if (flags.staff === undefined) throw new UsageError(`не указан --staff (CSV: login, name, role, department); ${USAGE}`);
      if (flags.out === undefined) throw new UsageError(`не указан --out (каталог для nats.conf); ${USAGE}`);
      const port = readPort(flags.port, 'port');
      const wsPort = readPort(flags['ws-port'], 'ws-port');
      const host = readHost(flags.host, 'host');
      const wsHost = readHost(flags['ws-host'], 'ws-host');
      let bytes: Uint8Array;
      try {
        bytes = readFileSync(resolve(flags.staff));
      } catch {
        throw new Error(`не удалось прочитать список сотрудников ${resolve(flags.staff)}`);
      }
      const staff = parseStaffFile(bytes);
      if ((flags['tls-cert'] === undefined) !== (flags['tls-key'] === undefined)) throw new UsageError(`для wss:// нужны оба параметра: --tls-cert и --tls-key; ${USAGE}`);
      const { config, websocket, users, streams } = configureServer({
        staff,
        out: flags.out,
        port,
        wsPort,
        host,
        wsHost,
        tlsCert: flags['tls-cert'],
        tlsKey: flags['tls-key'],
      });
      return { config, websocket, users, streams };
    }
    if (sub === 'init') {
      const flags = readFlags(args, ['config']);
      if (flags.config === undefined) throw new UsageError(`не указан --config (путь к nats.conf); ${USAGE}`);
      return initServer(flags.config);
    }
    throw new UsageError(sub ? `неизвестная подкоманда «${sub}»; ${USAGE}` : USAGE);
  });
