import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bcryptSecrets, buildServerConfig, randomPassword, type BuildOutput, type Secrets } from '../../lib/server/config';
import { freePort } from '../../lib/server/run';
import { parseStaffList, type StaffInput } from '../../lib/server/staff';
import { commands } from '../../lib/cli/commands';
import { departmentStream, inboxPrefix } from '../../lib/sync/subjects';
import { expectRefusal, runCommand } from '../unit/run-command';

const root = resolve(__dirname, '../..');
const tsx = resolve(root, 'node_modules/.bin/tsx');
const tmp = mkdtempSync(join(tmpdir(), 'otklik-server-config-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function otklik(args: string[]) {
  return spawnSync(tsx, ['lib/cli.ts', ...args], { cwd: root, encoding: 'utf8' });
}

/** Deterministic secrets: «pw-1», «pw-2»… hashed as «hash(pw-1)». */
function fakeSecrets(): Secrets {
  let n = 0;
  return { password: () => `pw-${++n}`, hash: (p) => `hash(${p})` };
}

const TEAM: StaffInput[] = [
  { login: 'cur', name: 'Куратор', role: 'curator', department: 'Департамент информационной политики' },
  { login: 'exa', name: 'Исполнитель А', role: 'executor', department: 'Отдел А' },
  { login: 'exb', name: 'Исполнитель Б', role: 'executor', department: 'Отдел Б' },
  { login: 'mod', name: 'Модератор', role: 'moderator', department: null },
];

function build(staff: StaffInput[], before?: BuildOutput, secrets = fakeSecrets()) {
  return buildServerConfig({
    staff: parseStaffList(staff),
    previous: before?.state ?? null,
    previousAdmin: before?.admin ?? null,
    dir: '/srv/otklik',
    server: { host: '127.0.0.1', port: 4222, wsPort: 8080 },
    secrets,
  });
}

/** The user's block in nats.conf. */
const userBlock = (conf: string, login: string) => {
  const start = conf.indexOf(`user: "${login}"`);
  return conf.slice(start, conf.indexOf('\n      }', start));
};

describe('server configuration', () => {
  it('one account with JetStream, every user inside it, bcrypt hashes only, loopback, no monitoring port', () => {
    const out = build(TEAM);
    expect(out.conf).toMatch(/accounts \{\n {2}OTKLIK \{\n {4}jetstream: enabled\n {4}users: \[/);
    expect(out.conf.slice(0, out.conf.indexOf('accounts {'))).not.toMatch(/user:|password:/);
    expect(out.conf).toContain('host: "127.0.0.1"');
    expect(out.conf).toContain('store_dir: "/srv/otklik/jetstream"');
    expect(out.conf).toMatch(/websocket \{\n {2}host: "127\.0\.0\.1"\n {2}port: 8080\n(?: {2}#.*\n)+ {2}no_tls: true\n\}/);
    expect(out.conf).not.toMatch(/^\s*(http|https|http_port|https_port|monitor_port)\s*:/m);
    for (const u of out.users) expect(out.conf).not.toContain(`"${u.password}"`);
    expect(out.conf).not.toContain(`"${out.admin.password}"`);
    expect(out.users.map((u) => [u.login, u.password])).toEqual([['cur', 'pw-2'], ['exa', 'pw-3'], ['exb', 'pw-4'], ['mod', 'pw-5']]);
    expect(out.streams.map((s) => [s.name, s.department])).toEqual([
      ['OTK_INTAKE', null],
      ['OTK_TEAM', null],
      [departmentStream('Департамент информационной политики'), 'Департамент информационной политики'],
      [departmentStream('Отдел А'), 'Отдел А'],
      [departmentStream('Отдел Б'), 'Отдел Б'],
    ]);
  });

  it('gives each user only their streams’ API and their own subjects; nobody but the admin gets $JS.API.>', () => {
    const { conf } = build(TEAM);
    const a = departmentStream('Отдел А');
    const b = departmentStream('Отдел Б');
    const exb = userBlock(conf, 'exb');
    expect(exb).toContain(`"$JS.API.CONSUMER.CREATE.${b}.>"`);
    expect(exb).not.toContain(a);
    expect(exb).not.toContain('OTK_INTAKE');
    expect(exb).toContain('subscribe: { allow: ["_INBOX_exb.>"] }');
    expect(userBlock(conf, 'cur')).toContain(`"$JS.API.STREAM.INFO.${a}"`);
    expect(userBlock(conf, 'mod')).not.toContain('OTK_D_');
    for (const login of ['cur', 'exa', 'exb', 'mod']) expect(userBlock(conf, login)).not.toContain('"$JS.API.>"');
    expect(userBlock(conf, 'otklik-admin')).toContain('publish: { allow: ["$JS.API.>"] }');
  });

  it('a re-run keeps passwords and changes only what changed', () => {
    const first = build(TEAM);
    const changed: StaffInput[] = [
      TEAM[0]!,
      { ...TEAM[1]!, department: 'Отдел Б' }, // exa moves to department Б
      // exb leaves
      { ...TEAM[3]!, role: 'owner' }, // mod becomes an owner
      { login: 'exc', name: 'Новый', role: 'executor', department: 'Отдел В' },
    ];
    const second = build(changed, first, fakeSecrets());
    expect(second.users).toEqual([
      { login: 'cur', password: null, role: 'curator', department: 'Департамент информационной политики' },
      { login: 'exa', password: null, role: 'executor', department: 'Отдел Б' },
      { login: 'mod', password: null, role: 'owner', department: null },
      { login: 'exc', password: 'pw-1', role: 'executor', department: 'Отдел В' },
    ]);
    expect(second.admin).toEqual(first.admin);
    for (const login of ['cur', 'exa', 'mod']) expect(second.state.users[login]!.hash).toBe(first.state.users[login]!.hash);
    expect(second.state.users.exb).toBeUndefined();
    expect(second.conf).not.toContain('user: "exb"');
    expect(userBlock(second.conf, 'exa')).toContain(`"$JS.API.STREAM.INFO.${departmentStream('Отдел Б')}"`);
    expect(userBlock(second.conf, 'exa')).not.toContain(departmentStream('Отдел А'));
    expect(userBlock(second.conf, 'mod')).toContain('"otk.team.registry.owner.mod"');
    expect(userBlock(second.conf, 'cur')).toContain(departmentStream('Отдел В'));
    // The same list again: the same configuration, byte for byte.
    expect(build(changed, second, fakeSecrets()).conf).toBe(second.conf);
  });

  it('passwords are random, readable and at least 16 characters', () => {
    const seen = new Set(Array.from({ length: 200 }, randomPassword));
    expect(seen.size).toBe(200);
    for (const p of seen) expect(p).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
  });

  it('nats-server accepts the configuration (nats-server -t)', () => {
    const dir = join(tmp, 'check');
    const out = buildServerConfig({
      staff: parseStaffList(TEAM),
      previous: null,
      previousAdmin: null,
      dir,
      server: { host: '127.0.0.1', port: 4222, wsPort: 8080 },
      secrets: bcryptSecrets(4),
    });
    const conf = join(tmp, 'check.conf');
    writeFileSync(conf, out.conf);
    const r = spawnSync('nats-server', ['-c', conf, '-t'], { encoding: 'utf8' });
    expect(r.stderr + r.stdout).toContain('is valid');
    expect(r.status).toBe(0);
  });
});

describe('npm run otklik -- server', () => {
  const dir = join(tmp, 'srv');
  const csv = join(tmp, 'staff.csv');
  let ports: { port: number; wsPort: number };
  let nats: ChildProcess | undefined;
  afterAll(() => nats?.kill('SIGKILL'));

  it('config writes nats.conf, the state and the admin secret (0600) and prints the contract', async () => {
    ports = { port: await freePort(), wsPort: await freePort() };
    writeFileSync(csv, '\ufefflogin;name;role;department\r\ncur;Куратор;curator;Отдел информационной политики\r\nexa;Исполнитель;executor;Отдел А\r\n');
    const r = otklik(['server', 'config', '--staff', csv, '--out', dir, '--port', String(ports.port), '--ws-port', String(ports.wsPort)]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['config', 'websocket', 'users', 'streams']);
    expect(out.config).toBe(join(dir, 'nats.conf'));
    expect(out.websocket).toBe(`ws://127.0.0.1:${ports.wsPort}`);
    expect(out.users.map((u: { login: string }) => u.login)).toEqual(['cur', 'exa']);
    for (const u of out.users) {
      expect(Object.keys(u)).toEqual(['login', 'password', 'role', 'department']);
      expect(u.password.length).toBeGreaterThanOrEqual(16);
    }
    expect(out.streams).toEqual([
      { name: 'OTK_INTAKE', department: null },
      { name: 'OTK_TEAM', department: null },
      { name: departmentStream('Отдел информационной политики'), department: 'Отдел информационной политики' },
      { name: departmentStream('Отдел А'), department: 'Отдел А' },
    ]);
    for (const f of ['nats.conf', 'staff.json', 'admin.json']) expect(statSync(join(dir, f)).mode & 0o777).toBe(0o600);
    const admin = JSON.parse(readFileSync(join(dir, 'admin.json'), 'utf8'));
    expect(r.stdout).not.toContain(admin.password);
    expect(readFileSync(join(dir, 'nats.conf'), 'utf8')).toMatch(/password: "\$2[aby]\$11\$/);
  });

  it('run again with a changed list, it keeps the others’ passwords and ports and prints only the new password', async () => {
    const before = readFileSync(join(dir, 'nats.conf'), 'utf8');
    const hashOf = (conf: string, login: string) => new RegExp(`user: "${login}"\\n\\s*password: "([^"]+)"`).exec(conf)?.[1];
    const changed = join(tmp, 'staff2.csv');
    writeFileSync(changed, 'login,name,role,department\ncur,Куратор,curator,Отдел информационной политики\nexb,Новый,executor,Отдел Б\n');
    const r = await runCommand(commands.server!, ['config', '--staff', changed, '--out', dir]);
    expect(r.err).toBe('');
    const out = JSON.parse(r.out);
    expect(out.websocket).toBe(`ws://127.0.0.1:${ports.wsPort}`);
    expect(out.users.map((u: { login: string; password: string | null }) => [u.login, u.password === null])).toEqual([['cur', true], ['exb', false]]);
    const after = readFileSync(join(dir, 'nats.conf'), 'utf8');
    expect(hashOf(before, 'cur')).toMatch(/^\$2b\$11\$/);
    expect(hashOf(after, 'cur')).toBe(hashOf(before, 'cur'));
    expect(hashOf(after, 'otklik-admin')).toBe(hashOf(before, 'otklik-admin'));
    expect(after).not.toContain('user: "exa"');
    expect(after).toContain(`port: ${ports.port}\n`);
    // Back to the first list for the tests below: exa comes back with a new password.
    const back = JSON.parse((await runCommand(commands.server!, ['config', '--staff', csv, '--out', dir])).out);
    expect(back.users.map((u: { login: string; password: string | null }) => [u.login, u.password === null])).toEqual([['cur', true], ['exa', false]]);
  });

  it('with the city’s certificate the WebSocket port is wss://, and a re-run keeps it', async (ctx) => {
    const certDir = join(tmp, 'tls');
    const made = spawnSync('sh', ['-c', `mkdir -p ${certDir} && openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost -keyout ${certDir}/server.key -out ${certDir}/server.crt`], { encoding: 'utf8' });
    if (made.status !== 0) ctx.skip(); // no openssl here to make a certificate with
    const out = join(tmp, 'tls-srv');
    const first = await runCommand(commands.server!, ['config', '--staff', csv, '--out', out, '--ws-host', '127.0.0.1', '--tls-cert', `${certDir}/server.crt`, '--tls-key', `${certDir}/server.key`]);
    expect(first.err).toBe('');
    expect(JSON.parse(first.out).websocket).toBe('wss://127.0.0.1:8080');
    const again = JSON.parse((await runCommand(commands.server!, ['config', '--staff', csv, '--out', out])).out);
    expect(again.websocket).toBe('wss://127.0.0.1:8080');
    const conf = readFileSync(join(out, 'nats.conf'), 'utf8');
    expect(conf).toMatch(/tls \{\n {4}cert_file: ".*server\.crt"\n {4}key_file: ".*server\.key"\n {2}\}/);
    expect(conf).not.toMatch(/^\s*no_tls/m);
    const r = spawnSync('nats-server', ['-c', join(out, 'nats.conf'), '-t'], { encoding: 'utf8' });
    expect(r.stderr + r.stdout).toContain('is valid');
    expectRefusal(await runCommand(commands.server!, ['config', '--staff', csv, '--out', out, '--tls-cert', `${certDir}/server.crt`]), /нужны оба параметра/);
  });

  it('a bad list is refused whole with one Russian line, and nothing is written', async () => {
    const before = readFileSync(join(dir, 'nats.conf'), 'utf8');
    const bad = join(tmp, 'bad.csv');
    writeFileSync(bad, 'login,name,role,department\nexb,Б,executor,Отдел Б\nboss,Начальник,boss,Отдел Б\n');
    const r = otklik(['server', 'config', '--staff', bad, '--out', dir]);
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('Строка 3: роль «boss» — ожидается curator, executor, moderator или owner');
    expect(readFileSync(join(dir, 'nats.conf'), 'utf8')).toBe(before);
    const fresh = join(tmp, 'never');
    expectRefusal(await runCommand(commands.server!, ['config', '--staff', bad, '--out', fresh]), /Строка 3: роль «boss»/);
    expect(existsSync(fresh)).toBe(false);
  });

  it('refuses bad arguments with usage errors', async () => {
    for (const [args, message] of [
      [['server'], /использование: server config/],
      [['server', 'nonsense'], /неизвестная подкоманда «nonsense»/],
      [['server', 'config', '--out', dir], /не указан --staff/],
      [['server', 'config', '--staff', csv], /не указан --out/],
      [['server', 'config', '--staff', csv, '--out', dir, '--port', '70000'], /--port: «70000» — не номер порта/],
      [['server', 'config', '--staff', csv, '--out', dir, '--port', '5000', '--ws-port', '5000'], /порт клиентов и порт WebSocket совпадают/],
      [['server', 'config', '--staff', csv, '--out', dir, '--host', 'a b'], /--host: «a b» — не адрес/],
      [['server', 'config', '--staff', join(tmp, 'missing.csv'), '--out', dir], /не удалось прочитать список сотрудников/],
      [['server', 'config', '--staff', csv, '--out', csv], /не каталог/],
      [['server', 'init'], /не указан --config/],
      [['server', 'init', '--config', join(tmp, 'nope.conf')], /нет файла/],
    ] as const) {
      const [name, ...rest] = args;
      expectRefusal(await runCommand(commands[name]!, rest), message);
    }
  });

  it('init says the server is down, then creates the streams on the running server, idempotently', async () => {
    const config = join(dir, 'nats.conf');
    expectRefusal(await runCommand(commands.server!, ['init', '--config', config]), /^Ошибка: нет связи с сервером 127\.0\.0\.1:\d+ .*запущен ли nats-server -c /);
    nats = spawn('nats-server', ['-c', config], { stdio: ['ignore', 'ignore', 'pipe'] });
    await new Promise<void>((ok) => nats!.stderr!.on('data', (d) => String(d).includes('Server is ready') && ok()));
    const names = ['OTK_INTAKE', 'OTK_TEAM', departmentStream('Отдел информационной политики'), departmentStream('Отдел А')];
    // Once as other tools call it, once more in-process: the same answer, nothing changes.
    const r = otklik(['server', 'init', '--config', config]);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ streams: names });
    const again = await runCommand(commands.server!, ['init', '--config', config]);
    expect(again.err).toBe('');
    expect(JSON.parse(again.out)).toEqual({ streams: names });
    const admin = JSON.parse(readFileSync(join(dir, 'admin.json'), 'utf8'));
    const nc = await connect({ servers: `127.0.0.1:${ports.port}`, user: admin.login, pass: admin.password, inboxPrefix: inboxPrefix(admin.login) });
    const jsm = await jetstreamManager(nc);
    const list = await jsm.streams.list().next();
    expect(list.map((s) => s.config.name).sort()).toEqual([...names].sort());
    for (const s of list) {
      expect(s.config).toMatchObject({ storage: 'file', retention: 'limits', max_age: 0, duplicate_window: 120_000_000_000, deny_delete: true, deny_purge: true });
    }
    expect(list.find((s) => s.config.name === names[3])!.config.subjects).toEqual([`otk.d.${names[3]!.slice('OTK_D_'.length)}.>`]);
    // A stream changed by hand is brought back.
    await jsm.streams.update(names[1]!, { duplicate_window: 1_000_000_000 });
    expect(JSON.parse((await runCommand(commands.server!, ['init', '--config', config])).out)).toEqual({ streams: names });
    expect((await jsm.streams.info(names[1]!)).config.duplicate_window).toBe(120_000_000_000);
    await nc.close();
  });
});
