import { PassThrough, Readable } from 'node:stream';
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
