import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_FINDINGS } from '@/lib/cli/classify';

const root = resolve(__dirname, '../../..');
const tsx = resolve(root, 'node_modules/.bin/tsx');
const otklik = (input: string) => spawnSync(tsx, ['lib/cli.ts', 'classify'], { cwd: root, input, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });

describe('otklik classify under a pathological input', () => {
  it('bounds the findings of a huge comment, says how many were left out, and answers the good line after it', () => {
    const repeats = 150_000;
    const huge = JSON.stringify({ id: 'huge', text: 'ох*ели '.repeat(repeats) });
    const r = otklik(`\uFEFF{"id":"first","text":"Спасибо"}\n${huge}\n{"id":"after","text":"Да вы там все ох*ели"}\n`);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['first', 'huge', 'after']);
    // A byte-order mark before line 1 is not part of the JSON.
    expect(lines[0].verdict).toBe('ok');
    expect(lines[1].verdict).toBe('delete');
    expect(lines[1].findings).toHaveLength(MAX_FINDINGS);
    expect(lines[1].findings.length + lines[1].omitted).toBe(repeats);
    // Offsets are the whole text's, across the windows it was read in.
    const last = lines[1].findings.at(-1);
    expect(last.start).toBe((MAX_FINDINGS - 1) * 'ох*ели '.length);
    expect(lines[2].verdict).toBe('delete');
    expect(r.status).toBe(0);
  }, 120_000);
});
