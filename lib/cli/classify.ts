/**
 * `otklik classify [--recent=N]`: JSON Lines in (`{"id","text","author"?}`), one JSON line out per
 * input, in order. A bad line gets an error line and the rest go on; the exit code is 1 if any line
 * failed. With `--recent=N` the previous N comments count as the page's recent ones, so the same text
 * from several authors is reported as a mass mailing.
 */
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { classify } from '../rules';
import type { Command } from './types';

const inputSchema = z.object({
  id: z.union([z.string(), z.number()]),
  text: z.string(),
  author: z.string().optional(),
});

function describe(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const field = issue.path.join('.') || 'строка';
      if (issue.code === 'invalid_type') return `${field}: нет поля или неверный тип`;
      return `${field}: ${issue.message}`;
    })
    .join('; ');
}

export const classifyCommand: Command = async (args, io) => {
  let recentLimit = 0;
  for (const arg of args) {
    const m = /^--recent=(\d+)$/.exec(arg);
    if (m) recentLimit = Number(m[1]);
    else {
      io.stderr.write(`Неизвестный параметр «${arg}». Допустимо: --recent=N\n`);
      return 2;
    }
  }
  const recent: { author?: string; text: string }[] = [];
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
  let lineNo = 0;
  let failed = 0;
  const write = (value: unknown) =>
    new Promise<void>((resolve) => {
      if (io.stdout.write(`${JSON.stringify(value)}\n`)) resolve();
      else io.stdout.once('drain', resolve);
    });

  for await (const line of lines) {
    lineNo++;
    if (line.trim() === '') continue;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      failed++;
      await write({ line: lineNo, error: 'строка не является JSON' });
      continue;
    }
    const parsed = inputSchema.safeParse(raw);
    if (!parsed.success) {
      failed++;
      const id = typeof raw === 'object' && raw !== null && 'id' in raw ? (raw as { id: unknown }).id : undefined;
      await write({ ...(id !== undefined ? { id } : {}), line: lineNo, error: describe(parsed.error) });
      continue;
    }
    const { id, text, author } = parsed.data;
    const result = classify(text, {
      ...(author === undefined ? {} : { author }),
      ...(recentLimit > 0 ? { recent } : {}),
    });
    if (recentLimit > 0) {
      recent.push(author === undefined ? { text } : { author, text });
      if (recent.length > recentLimit) recent.shift();
    }
    await write({
      id,
      verdict: result.verdict,
      findings: result.findings.map(({ category, clause, start, end, match, normalized, confidence }) => ({
        category,
        clause,
        start,
        end,
        match,
        normalized,
        confidence,
      })),
    });
  }
  if (failed > 0) io.stderr.write(`Ошибок во входных строках: ${failed}\n`);
  return failed > 0 ? 1 : 0;
};
