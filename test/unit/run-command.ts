import { PassThrough, Readable } from 'node:stream';
import { expect } from 'vitest';
import type { Command } from '../../lib/cli/types';

/** Runs a command of `npm run otklik` in memory: its exit code and everything it wrote. */
export async function runCommand(command: Command, args: string[], input = '') {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  const code = await command(args, { stdin: Readable.from([input]), stdout, stderr });
  return { code, out, err };
}

/** The contract for bad arguments: nothing on stdout, one line in Russian on stderr, a non-zero exit. */
export function expectRefusal(r: { code: number; out: string; err: string }, message: RegExp) {
  expect(r.code).not.toBe(0);
  expect(r.out).toBe('');
  expect(r.err).toMatch(message);
  expect(r.err.trimEnd().split('\n')).toHaveLength(1);
}
