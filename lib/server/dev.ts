/**
 * `npm run server [-- --dir DIR] [--port N] [--ws-port N] [--fresh]`: a team server for the demo and
 * manual testing — a sample staff list (a curator, two executors in two departments, a moderator, an
 * owner), the configuration on 127.0.0.1, `nats-server -c`, the streams; prints the WebSocket
 * address and the logins with their passwords; Ctrl+C stops it. The directory (`.otklik-server/`
 * by default) keeps the streams and the passwords between runs; `--fresh` starts it over.
 *
 * `startTeamServer` (lib/server/run.ts) is the same for tests and a two-browser demo.
 */
import { rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { StaffInput } from './staff';
import { startTeamServer } from './run';

export { freePort, startTeamServer, type TeamServer, type TeamServerOptions, type TeamUser } from './run';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_DEV_DIR = resolve(ROOT, '.otklik-server');

/** The demo's team: one of each role, executors in two departments. */
export const SAMPLE_STAFF: readonly StaffInput[] = [
  { login: 'curator', name: 'Куратор Ирина Петровна', role: 'curator', department: 'Департамент информационной политики' },
  { login: 'zhkh', name: 'Исполнитель Олег Сергеевич', role: 'executor', department: 'Департамент городского хозяйства' },
  { login: 'transport', name: 'Исполнитель Анна Викторовна', role: 'executor', department: 'Департамент транспорта' },
  { login: 'moderator', name: 'Модератор Павел Андреевич', role: 'moderator', department: 'Департамент информационной политики' },
  { login: 'owner', name: 'Владелец страниц Мария Ивановна', role: 'owner', department: 'Департамент информационной политики' },
];

const ROLE_NAMES: Record<string, string> = { curator: 'куратор', executor: 'исполнитель', moderator: 'модератор', owner: 'владелец страниц' };

function readArgs(argv: string[]) {
  const out: { dir: string; port?: number; wsPort?: number; fresh: boolean } = { dir: DEFAULT_DEV_DIR, fresh: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`у ${a} нет значения`);
      return v;
    };
    const port = (v: string) => {
      if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 65535) throw new Error(`${a}: «${v}» — не номер порта`);
      return Number(v);
    };
    if (a === '--dir') out.dir = resolve(value());
    else if (a === '--port') out.port = port(value());
    else if (a === '--ws-port') out.wsPort = port(value());
    else if (a === '--fresh') out.fresh = true;
    else throw new Error(`непонятный аргумент «${a}»; допустимы --dir, --port, --ws-port, --fresh`);
  }
  return out;
}

async function main() {
  const args = readArgs(process.argv.slice(2));
  if (args.fresh) rmSync(args.dir, { recursive: true, force: true });
  const server = await startTeamServer({ dir: args.dir, staff: SAMPLE_STAFF, port: args.port, wsPort: args.wsPort });
  const lines = [
    `Сервер командной работы запущен (nats-server ${server.pid() ? `pid ${server.pid()}` : ''}).`,
    `Адрес для браузера (настройки Отклика → Командная работа): ${server.wsUrl}`,
    `Для Node: ${server.url}. Каталог: ${server.dir}`,
    `Потоки: ${server.streams.join(', ')}`,
    'Сотрудники (логин — пароль):',
    ...server.users.map((u) => `  ${u.login.padEnd(10)} ${u.password}   ${ROLE_NAMES[u.role]}${u.department ? `, ${u.department}` : ''}`),
    'Ctrl+C — остановить.',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.stop().then(() => process.exit(0));
  };
  server.onExit((code, signal) => {
    process.stderr.write(`Ошибка: nats-server остановился сам (${signal ?? code}): ${server.output().trim().split('\n').slice(-3).join(' | ')}\n`);
    process.exit(1);
  });
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`Ошибка: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
