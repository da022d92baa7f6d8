/**
 * The team server's configuration from the staff list: a pure function from the staff and the
 * previous state to `nats.conf` and the new state. Re-run with a changed list, it keeps everyone's
 * password (their bcrypt hash stays in the state), gives new people new passwords (shown once),
 * drops removed people and follows role and department changes.
 *
 * One account, `OTKLIK`, with JetStream; every user inside `accounts {}` (CVE-2023-47090 affected
 * users outside accounts in 2.9.x); passwords only as bcrypt hashes; no monitoring port.
 */
import bcrypt from 'bcryptjs';
import { randomInt } from 'node:crypto';
import {
  ADMIN_LOGIN,
  INTAKE_STREAM,
  INTAKE_SUBJECTS,
  STAFF_ROLES,
  TEAM_STREAM,
  TEAM_SUBJECTS,
  departmentStream,
  departmentSubjects,
  foldDepartment,
  type StaffRole,
} from '../sync/subjects';
import { adminPermissions, userPermissions } from './permissions';
import type { StaffMember } from './staff';

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 4222;
export const DEFAULT_WS_PORT = 8080;
export const BCRYPT_COST = 11;
/** Same `Nats-Msg-Id` within this window is answered `duplicate: true` and stored once. */
export const DUPLICATE_WINDOW_MS = 2 * 60_000;

export interface StreamSpec {
  name: string;
  subjects: string[];
  /** The department as written in the staff list; null for intake and team. */
  department: string | null;
}

export interface ServerAddress {
  /** Where the client port (Node tools, `server init`) listens. */
  host: string;
  port: number;
  /** Where the WebSocket port (the browsers) listens; `host` when not given. */
  wsHost?: string;
  wsPort: number;
  /** The city's certificate for `wss://`; without it the WebSocket port is plain (for 127.0.0.1). */
  tls?: { cert: string; key: string } | null;
}

export interface StoredUser {
  hash: string;
  name: string;
  role: StaffRole;
  department: string | null;
}

/** `DIR/staff.json`: what a re-run needs to change only what changed. No passwords, only hashes. */
export interface ServerState {
  version: 1;
  server: ServerAddress;
  users: Record<string, StoredUser>;
  streams: StreamSpec[];
}

/** `DIR/admin.json`: the administrator `server init` connects as; never printed. */
export interface AdminSecret {
  login: string;
  password: string;
  hash: string;
}

export interface IssuedUser {
  login: string;
  /** Only for a new user, once; null for one who keeps their password. */
  password: string | null;
  role: StaffRole;
  department: string | null;
}

export interface Secrets {
  password(): string;
  hash(password: string): string;
}

export interface BuildInput {
  staff: readonly StaffMember[];
  previous: ServerState | null;
  previousAdmin: AdminSecret | null;
  /** Absolute; the JetStream store goes to `<dir>/jetstream`. */
  dir: string;
  server: ServerAddress;
  /** Random passwords and their hashes; tests may pass their own. */
  secrets?: Secrets;
}

export interface BuildOutput {
  conf: string;
  state: ServerState;
  admin: AdminSecret;
  users: IssuedUser[];
  streams: StreamSpec[];
}

/** Readable and strong: 4 groups of 5 from 31 letters and digits that are hard to confuse (≈ 99 bits), 23 characters. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export function randomPassword(): string {
  const groups: string[] = [];
  for (let g = 0; g < 4; g++) {
    let s = '';
    for (let i = 0; i < 5; i++) s += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(s);
  }
  return groups.join('-');
}

export function bcryptSecrets(cost = BCRYPT_COST): Secrets {
  return { password: randomPassword, hash: (password) => bcrypt.hashSync(password, cost) };
}

/** Intake, team, then one stream per department (in the order of the staff list). */
export function teamStreams(staff: readonly StaffMember[]): StreamSpec[] {
  const streams: StreamSpec[] = [
    { name: INTAKE_STREAM, subjects: [INTAKE_SUBJECTS], department: null },
    { name: TEAM_STREAM, subjects: [TEAM_SUBJECTS], department: null },
  ];
  const seen = new Set<string>();
  for (const m of staff) {
    if (!m.department || (m.role !== 'executor' && m.role !== 'curator')) continue;
    const folded = foldDepartment(m.department);
    if (seen.has(folded)) continue;
    seen.add(folded);
    streams.push({ name: departmentStream(m.department), subjects: [departmentSubjects(m.department)], department: m.department });
  }
  return streams;
}

export function buildServerConfig(input: BuildInput): BuildOutput {
  const secrets = input.secrets ?? bcryptSecrets();
  const { staff, previous, server } = input;
  const admin: AdminSecret =
    input.previousAdmin && input.previousAdmin.login === ADMIN_LOGIN && input.previousAdmin.password && input.previousAdmin.hash
      ? input.previousAdmin
      : (() => {
          const password = secrets.password();
          return { login: ADMIN_LOGIN, password, hash: secrets.hash(password) };
        })();

  const users: Record<string, StoredUser> = {};
  const issued: IssuedUser[] = [];
  for (const m of staff) {
    const before = previous?.users[m.login];
    let password: string | null = null;
    let hash: string;
    if (before?.hash) hash = before.hash;
    else {
      password = secrets.password();
      hash = secrets.hash(password);
    }
    users[m.login] = { hash, name: m.name, role: m.role, department: m.department };
    issued.push({ login: m.login, password, role: m.role, department: m.department });
  }
  const streams = teamStreams(staff);
  const state: ServerState = { version: 1, server: { ...server }, users, streams };
  return { conf: renderConf(state, admin, input.dir), state, admin, users: issued, streams };
}

const q = (s: string) => JSON.stringify(s);
const list = (items: readonly string[], indent: string) =>
  items.length <= 1 ? `[${items.map(q).join(', ')}]` : `[\n${items.map((s) => `${indent}  ${q(s)}`).join('\n')}\n${indent}]`;
/** A comment stays one line whatever the staff list had in its cells. */
const comment = (s: string) => s.replace(/[\r\n\u2028\u2029]+/g, ' ');

function renderUser(login: string, hash: string, perms: { publish: string[]; subscribe: string[] }, note: string): string {
  const i = '        ';
  return [
    `      # ${comment(note)}`,
    `      {`,
    `        user: ${q(login)}`,
    `        password: ${q(hash)}`,
    `        permissions: {`,
    `          publish: { allow: ${list(perms.publish, `${i}  `)} }`,
    `          subscribe: { allow: ${list(perms.subscribe, `${i}  `)} }`,
    `        }`,
    `      }`,
  ].join('\n');
}

const ROLE_NAMES: Record<StaffRole, string> = {
  curator: 'куратор',
  executor: 'исполнитель',
  moderator: 'модератор',
  owner: 'владелец страниц',
};

export function renderConf(state: ServerState, admin: AdminSecret, dir: string): string {
  const { host, port, wsPort, tls } = state.server;
  const wsHost = state.server.wsHost ?? host;
  const departments = state.streams.filter((s) => s.department !== null).map((s) => s.department!);
  const logins = Object.keys(state.users).sort((a, b) => {
    const ra = STAFF_ROLES.indexOf(state.users[a]!.role);
    const rb = STAFF_ROLES.indexOf(state.users[b]!.role);
    return ra - rb || a.localeCompare(b);
  });
  const users = [
    renderUser(admin.login, admin.hash, adminPermissions(admin.login), 'администратор сервера: только `otklik server init` (пароль в admin.json)'),
    ...logins.map((login) => {
      const u = state.users[login]!;
      const note = `${u.name} — ${ROLE_NAMES[u.role]}${u.department ? `, ${u.department}` : ''}`;
      return renderUser(login, u.hash, userPermissions({ login, role: u.role, department: u.department }, departments), note);
    }),
  ];
  return `# Сервер командной работы Отклика (NATS JetStream).
# Создан командой \`otklik server config\` из списка сотрудников: не правьте руками — измените список
# и запустите команду снова, затем \`nats-server --signal reload\`. Пароли здесь только в виде bcrypt.

host: ${q(host)}
port: ${port}
# Порт мониторинга (http) не открыт.

jetstream {
  store_dir: ${q(`${dir}/jetstream`)}
}

websocket {
  host: ${q(wsHost)}
  port: ${wsPort}
${
  tls
    ? `  # wss:// с сертификатом города.
  tls {
    cert_file: ${q(tls.cert)}
    key_file: ${q(tls.key)}
  }`
    : `  # Без TLS — только для проверки на 127.0.0.1. В работе — wss:// с сертификатом города (сервер ≥ 2.11):
  # otklik server config … --tls-cert server.crt --tls-key server.key
  no_tls: true`
}
}

accounts {
  OTKLIK {
    jetstream: enabled
    users: [
${users.join('\n')}
    ]
  }
}
`;
}
