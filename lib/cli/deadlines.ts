import { createWorkClock } from '../worktime/clock';
import { initialDeadlines } from '../workflow/deadlines';
import { ImportanceSchema } from '../workflow/schema';
import type { Command } from './types';
import { UsageError, readFlags, readInstant, runJson } from './worktime';

/**
 * `deadlines --received <ISO> --importance normal|high` → {"route","draft","reply"}: §4.4, §7 and §6
 * counted from T0 on the default schedule, as ISO 8601 with the zone's offset.
 */
export const deadlinesCommand: Command = async (args, io) =>
  runJson(io, () => {
    const flags = readFlags(args, ['received', 'importance']);
    const clock = createWorkClock();
    const received = readInstant(clock, flags.received, 'received');
    const importance = ImportanceSchema.safeParse(flags.importance ?? 'normal');
    if (!importance.success) throw new UsageError(`--importance: «${flags.importance}»; допустимо normal или high`);
    const d = initialDeadlines(clock, received, importance.data);
    return { route: clock.format(d.routeDeadline), draft: clock.format(d.draftDeadline), reply: clock.format(d.replyDeadline) };
  });
