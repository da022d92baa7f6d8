import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { recordFlagged } from '@/lib/db/flagged';
import { openDatabase, type OtklikDB } from '@/lib/db/schema';
import type { Evidence } from '@/lib/moderation/log';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings/defaults';
import { logModel } from '@/lib/workspace/log';
import { fixedSession, type SavedFile } from '@/lib/workspace/session';
import { createWorkClock } from '@/lib/worktime/clock';
import { until } from './helpers';

const clock = createWorkClock();
const NOW = Date.UTC(2025, 8, 16, 8, 0);
const as = (over: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...over });

describe('the log model', () => {
  let db: OtklikDB;
  let files: SavedFile[];
  beforeEach(() => {
    fakeBrowser.reset();
    db = openDatabase(`areas-${Math.random()}`);
    files = [];
  });
  afterEach(() => db.delete());
  const session = (over: Partial<Settings> = {}) => fixedSession(db, as({ timeZone: 'Asia/Omsk', ...over }), clock, () => NOW, (f) => files.push(f));

  it('log: deleting a flagged comment by hand is signed by the user and leaves the queue; the CSV is named by the day', async () => {
    const e = { site: 'vk', pageKey: 'vk:-1', pageUrl: 'https://vk.com/wall-1_1', pageName: 'Администрация', postId: '-1_1', commentKey: 'vk:-1_5', commentId: '-1_5', permalink: 'https://vk.com/wall-1_1?reply=5', authorId: '1', authorName: 'Иван', authorUrl: null, text: 'реклама', publishedAt: 1, categories: ['advertising'], clauses: [], matches: [] } as unknown as Evidence;
    await recordFlagged(db, [e], [], NOW);
    const log = logModel(session({ role: 'moderator' }));
    await until(() => log.flagged.value.value?.length === 1);
    await log.deleted(log.flagged.value.value![0]!);
    await until(() => log.flagged.value.value?.length === 0 && log.entries.value.value?.length === 1);
    expect(log.entries.value.value![0]).toMatchObject({ action: 'deleted', how: 'manual', recordedBy: 'Модератор' });
    log.exportCsv(log.entries.value.value!);
    expect(files[0]!.name).toBe('otklik-moderation-2025-09-16.csv');
  });
});
