import { classifyCommand } from './classify';
import { deadlinesCommand } from './deadlines';
import type { Command } from './types';
import { worktimeCommand } from './worktime';

/** The command registry: one line a command, each in its own file. */
export const commands: Record<string, Command> = {
  classify: classifyCommand,
  deadlines: deadlinesCommand,
  worktime: worktimeCommand,
  // happy-dom loads only for this command.
  page: (args, io) => import('./page').then((m) => m.pageCommand(args, io)),
  server: (args, io) => import('./server').then((m) => m.serverCommand(args, io)),
};
