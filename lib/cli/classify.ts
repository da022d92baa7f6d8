/**
 * `otklik classify [--recent=N]`: JSON Lines in (`{"id","text","author"?}`), one JSON line out per
 * input, in order. A bad line gets an error line and the rest go on; the exit code is 1 if any line
 * failed. With `--recent=N` the previous N comments count as the page's recent ones, so the same text
 * from several authors is reported as a mass mailing.
 *
 * Limits, so one pathological line cannot take the rest down: a text longer than `WINDOW` is read in
 * windows cut at a space (each finding's offsets are still the whole text's); at most
 * `MAX_FINDINGS` findings are written, and `omitted` says how many more there were. A byte-order
 * mark before the first line is skipped.
 */
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { classify, type Classification, type Finding } from '../rules';
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

export const WINDOW = 50_000;
export const MAX_FINDINGS = 200;

/** A long text as windows of at most `WINDOW` characters, cut at the last space before the edge. */
function windows(text: string): { at: number; text: string }[] {
  const out: { at: number; text: string }[] = [];
  for (let at = 0; at < text.length; ) {
    let end = Math.min(text.length, at + WINDOW);
    if (end < text.length) {
      const space = text.lastIndexOf(' ', end);
      if (space > at + WINDOW / 2) end = space + 1;
    }
    out.push({ at, text: text.slice(at, end) });
    at = end;
  }
  return out;
}

/** The whole text's findings, the first `MAX_FINDINGS` kept and the rest counted. */
function classifyBounded(text: string, options: Parameters<typeof classify>[1]): Classification & { omitted: number } {
  if (text.length <= WINDOW) {
    const r = classify(text, options);
    return { verdict: r.verdict, findings: r.findings.slice(0, MAX_FINDINGS), omitted: Math.max(0, r.findings.length - MAX_FINDINGS) };
  }
  const kept: Finding[] = [];
  let omitted = 0;
  let verdict: Classification['verdict'] = 'ok';
  for (const w of windows(text)) {
    const r = classify(w.text, { ...options, recent: undefined });
    // The worst window decides, as one text would: delete over no-process over ok.
    if (r.verdict === 'delete' || (r.verdict === 'no-process' && verdict === 'ok')) verdict = r.verdict;
    for (const f of r.findings) {
      if (kept.length < MAX_FINDINGS) kept.push({ ...f, start: f.start + w.at, end: f.end + w.at });
      else omitted++;
    }
  }
  return { verdict, findings: kept, omitted };
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

  for await (const read of lines) {
    lineNo++;
    const line = lineNo === 1 && read.startsWith('\uFEFF') ? read.slice(1) : read;
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
    let result: ReturnType<typeof classifyBounded>;
    try {
      result = classifyBounded(text, {
        ...(author === undefined ? {} : { author }),
        ...(recentLimit > 0 ? { recent } : {}),
      });
    } catch (e) {
      failed++;
      await write({ id, line: lineNo, error: `не удалось проверить: ${e instanceof Error ? e.message : String(e)}` });
      continue;
    }
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
      ...(result.omitted ? { omitted: result.omitted } : {}),
    });
  }
  if (failed > 0) io.stderr.write(`Ошибок во входных строках: ${failed}\n`);
  return failed > 0 ? 1 : 0;
};
