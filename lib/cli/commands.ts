import type { Command } from './types';

/** The command registry: one line a command, each in its own file. */
export const commands: Record<string, Command> = {};
