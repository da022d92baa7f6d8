import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const tsx = resolve(root, 'node_modules/.bin/tsx');

function otklik(args: string[], input?: string) {
  return spawnSync(tsx, ['lib/cli.ts', ...args], { cwd: root, input, encoding: 'utf8' });
}

/** The command line as other tools call it (DESIGN.md, "Contracts"): one process per call. */
describe('npm run otklik', () => {
  it('prints deadlines as JSON with the zone offset', () => {
    const out = execFileSync(tsx, ['lib/cli.ts', 'deadlines', '--received', '2025-09-16T11:00:00+06:00', '--importance', 'normal'], { cwd: root, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({ route: '2025-09-16T11:30:00+06:00', draft: '2025-09-16T17:00:00+06:00', reply: '2025-09-17T11:45:00+06:00' });
  });

  it('classifies JSON Lines in order and reports a bad line without stopping', () => {
    const r = otklik(['classify'], '{"id":"1","text":"Да вы там все ох*ели"}\nnot json\n{"id":"3","text":"Спасибо за ремонт"}\n');
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id ?? `line ${l.line}`)).toEqual(['1', 'line 2', '3']);
    expect(lines[0].verdict).toBe('delete');
    expect(lines[2].verdict).toBe('ok');
    expect(r.status).not.toBe(0);
  });

  it('reads a saved page from stdin: one JSON line a post or comment, then the summary', () => {
    const html = readFileSync(resolve(root, 'test/fixtures/vk/new-ui-post.html'), 'utf8');
    const r = otklik(['page', '--url', 'https://vk.com/wall-123456_1001', '--now', '2025-05-07T13:00:00+06:00'], html);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.kind)).toEqual(['post', ...Array(7).fill('comment'), 'summary']);
    expect(lines[1]).toMatchObject({ key: 'vk:-123456_1002', time: '2025-05-06T14:05:00+06:00', author: { id: '111', name: 'Иван Петров' } });
    expect(lines[8]).toMatchObject({ comments: 7, siteSays: 7 });
  });

  it('names the commands when given an unknown one', () => {
    const r = otklik(['nonsense']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Неизвестная команда «nonsense». Команды: classify, deadlines, worktime');
  });
}, 30_000);
