import { describe, expect, it } from 'vitest';
import { deadlinesCommand } from '../../../lib/cli/deadlines';
import { expectRefusal, runCommand } from '../run-command';

const run = (args: string[]) => runCommand(deadlinesCommand, args);

describe('otklik deadlines', () => {
  it.each([
    [['--received', '2025-09-16T11:00:00+06:00', '--importance', 'normal'], { route: '2025-09-16T11:30:00+06:00', draft: '2025-09-16T17:00:00+06:00', reply: '2025-09-17T11:45:00+06:00' }],
    [['--received', '2025-09-16T11:00', '--importance', 'high'], { route: '2025-09-16T11:30:00+06:00', draft: '2025-09-16T13:00:00+06:00', reply: '2025-09-16T16:00:00+06:00' }],
    [['--importance=normal', '--received=2025-09-21T03:00:00Z'], { route: '2025-09-22T09:00:00+06:00', draft: '2025-09-22T14:30:00+06:00', reply: '2025-09-23T09:15:00+06:00' }],
  ])('%j', async (args, expected) => {
    const r = await run(args);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out.endsWith('\n')).toBe(true);
    expect(JSON.parse(r.out)).toEqual(expected);
    expect(Object.keys(JSON.parse(r.out))).toEqual(['route', 'draft', 'reply']);
  });

  it.each([
    [[], /не указан --received/],
    [['--received', '16.09.2025 11:00'], /не дата и время в ISO 8601/],
    [['--received', '2025-09-16T11:00', '--importance', 'urgent'], /--importance: «urgent»; допустимо normal или high/],
    [['--received', '2025-09-16T11:00', '--importance'], /нет значения/],
    [['--received', '2025-09-16T11:00', 'extra'], /непонятный аргумент «extra»/],
    [['--received', '2028-09-16T11:00'], /нет производственного календаря на 2028 год/],
  ])('%j: one line in Russian on stderr, non-zero exit', async (args, message) => {
    expectRefusal(await run(args), message);
  });
});
