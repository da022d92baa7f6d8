import type { Readable, Writable } from 'node:stream';

export interface CommandIO {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

/** A command takes its arguments and streams and resolves to the exit code. */
export type Command = (args: string[], io: CommandIO) => Promise<number>;
