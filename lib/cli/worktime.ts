import { parseInZone } from '../worktime/civil';
import { createWorkClock } from '../worktime/clock';
import type { WorkClock } from '../worktime/clock';
import type { Command, CommandIO } from './types';

/** `--name value` and `--name=value`; anything else is an error naming the argument. */
export function readFlags(args: string[], allowed: readonly string[]): Record<string, string> {
  const flags: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!m) throw new UsageError(`непонятный аргумент «${arg}»`);
    const name = m[1]!;
    if (!allowed.includes(name)) throw new UsageError(`неизвестный параметр --${name}; допустимы: ${allowed.map((a) => `--${a}`).join(', ')}`);
    const value = m[2] ?? args[++i];
    if (value === undefined || (m[2] === undefined && value.startsWith('--'))) throw new UsageError(`у параметра --${name} нет значения`);
    if (name in flags) throw new UsageError(`параметр --${name} указан дважды`);
    flags[name] = value;
  }
  return flags;
}

export class UsageError extends Error {}

export function readInstant(clock: WorkClock, text: string | undefined, flag: string): number {
  if (text === undefined) throw new UsageError(`не указан --${flag} (дата и время в ISO 8601, например 2025-09-16T11:00+06:00)`);
  const ms = parseInZone(text, clock.zone);
  if (ms === undefined) throw new UsageError(`--${flag}: «${text}» — не дата и время в ISO 8601`);
  return ms;
}

/** Runs a command body: JSON on stdout and 0, or one line in Russian on stderr and 1 (2 for usage). */
export async function runJson(io: CommandIO, body: () => unknown): Promise<number> {
  try {
    io.stdout.write(`${JSON.stringify(body())}\n`);
    return 0;
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    io.stderr.write(`Ошибка: ${text.replace(/\s*\n\s*/g, ' ')}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
}

const USAGE = 'использование: worktime add --from <ISO 8601> (--minutes <N> | --days <N>)';

/** `worktime add --from <ISO> --minutes <N>` | `--days <N>` → {"at": "<ISO with the zone's offset>"}. */
export const worktimeCommand: Command = async ([sub, ...args], io) =>
  runJson(io, () => {
    if (sub !== 'add') throw new UsageError(sub ? `неизвестная подкоманда «${sub}»; ${USAGE}` : USAGE);
    const flags = readFlags(args, ['from', 'minutes', 'days']);
    const clock = createWorkClock();
    const from = readInstant(clock, flags.from, 'from');
    if ((flags.minutes === undefined) === (flags.days === undefined)) throw new UsageError(`укажите ровно одно: --minutes или --days; ${USAGE}`);
    if (flags.minutes !== undefined) {
      if (!/^\d+$/.test(flags.minutes)) throw new UsageError(`--minutes: «${flags.minutes}» — не целое неотрицательное число`);
      return { at: clock.format(clock.addWorkingMinutes(from, Number(flags.minutes))) };
    }
    if (!/^\d+$/.test(flags.days!) || Number(flags.days) < 1) throw new UsageError(`--days: «${flags.days}» — не целое число не меньше 1`);
    return { at: clock.format(clock.addWorkingDays(from, Number(flags.days))) };
  });
