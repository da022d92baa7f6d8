import { describe, expect, it } from 'vitest';
import { classifyCommand } from '../../../lib/cli/classify';
import { runCommand } from '../run-command';

async function run(input: string, args: string[] = []) {
  const { code, out, err } = await runCommand(classifyCommand, args, input);
  return { code, lines: out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>), err };
}

describe('otklik classify', () => {
  it('writes one line per input, in order, with the verdict and findings', async () => {
    const { code, lines } = await run(
      [
        JSON.stringify({ id: 'a', text: 'Бл*ть, опять приём' }),
        JSON.stringify({ id: 'b', text: 'Спасибо за ремонт!', author: 'Анна' }),
      ].join('\n'),
    );
    expect(code).toBe(0);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ id: 'a', verdict: 'delete' });
    expect(lines[0]?.findings).toEqual([
      expect.objectContaining({ category: 'obscenity', start: 0, end: 5, match: 'Бл*ть', normalized: 'блять' }),
    ]);
    expect(Object.keys((lines[0]?.findings as object[])[0]!).sort()).toEqual(
      ['category', 'clause', 'confidence', 'end', 'match', 'normalized', 'start'].sort(),
    );
    expect(lines[1]).toEqual({ id: 'b', verdict: 'ok', findings: [] });
  });

  it('answers a bad line with an error line and goes on; the exit code says so', async () => {
    const { code, lines, err } = await run(
      ['not json', JSON.stringify({ id: 'x' }), JSON.stringify({ id: 'y', text: 'Спасибо' })].join('\n'),
    );
    expect(code).toBe(1);
    expect(lines[0]).toMatchObject({ line: 1, error: expect.stringContaining('JSON') });
    expect(lines[1]).toMatchObject({ id: 'x', line: 2, error: expect.stringContaining('text') });
    expect(lines[2]).toMatchObject({ id: 'y', verdict: 'ok' });
    expect(err).toContain('2');
  });

  it('with --recent=N, reports the same text from several authors as a mass mailing', async () => {
    const text = 'Лучшие окна в городе, монтаж за один день, приходите к нам в салон на Мира';
    const input = ['a', 'b'].map((author, i) => JSON.stringify({ id: String(i), author, text })).join('\n');
    const plain = await run(input);
    expect(plain.lines.map((l) => l.verdict)).toEqual(['ok', 'ok']);
    const withRecent = await run(input, ['--recent=50']);
    expect(withRecent.lines.map((l) => l.verdict)).toEqual(['ok', 'delete']);
  });

  it('refuses unknown options', async () => {
    const { code, err } = await runCommand(classifyCommand, ['--fast']);
    expect(code).toBe(2);
    expect(err).toContain('--fast');
  });
});
