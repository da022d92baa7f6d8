import { describe, expect, it } from 'vitest';
import { worktimeCommand } from '../../../lib/cli/worktime';
import { expectRefusal, runCommand } from '../run-command';

const run = (args: string[]) => runCommand(worktimeCommand, args);

describe('otklik worktime add', () => {
  it.each([
    [['add', '--from', '2025-09-16T11:00:00+06:00', '--minutes', '540'], '2025-09-17T11:45:00+06:00'],
    [['add', '--from', '2025-09-16T05:00:00Z', '--minutes', '300'], '2025-09-16T17:00:00+06:00'],
    [['add', '--from=2025-09-21T09:00', '--minutes=0'], '2025-09-22T08:30:00+06:00'],
    [['add', '--from', '2025-09-16T11:00+06:00', '--days', '7'], '2025-09-25T17:45:00+06:00'],
  ])('%j → {"at": "%s"}', async (args, at) => {
    const r = await run(args);
    expect(r).toEqual({ code: 0, out: `${JSON.stringify({ at })}\n`, err: '' });
  });

  it.each([
    [['add', '--from', 'вчера', '--minutes', '5'], /не дата и время/],
    [['add', '--from', '2025-09-16T11:00'], /--minutes или --days/],
    [['add', '--from', '2025-09-16T11:00', '--minutes', '5', '--days', '1'], /--minutes или --days/],
    [['add', '--from', '2025-09-16T11:00', '--minutes', '-5'], /у параметра --minutes нет значения|не целое/],
    [['add', '--from', '2025-09-16T11:00', '--days', '0'], /не меньше 1/],
    [['add', '--minutes', '5'], /не указан --from/],
    [['add', '--from', '2025-09-16T11:00', '--hours', '5'], /неизвестный параметр --hours/],
    [['sub'], /неизвестная подкоманда/],
    [['add', '--from', '2028-02-01T10:00', '--minutes', '5'], /нет производственного календаря на 2028 год/],
  ])('%j: one line in Russian on stderr, non-zero exit', async (args, message) => {
    expectRefusal(await run(args), message);
  });
});
