import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openDatabase, type OtklikDB } from '@/lib/db/schema';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings/defaults';
import { queueModel } from '@/lib/workspace/queue';
import { fixedSession, type SavedFile } from '@/lib/workspace/session';
import { createWorkClock } from '@/lib/worktime/clock';
import { until } from './helpers';

const clock = createWorkClock();
const NOW = Date.UTC(2025, 8, 16, 8, 0);
const CSV = 'Текст;Ссылка;Получено\nЯма у школы;https://vk.com/wall-123456_1001?reply=3002;2025-09-16 12:00\n';
const MAPPING = { text: 'Текст', url: 'Ссылка', receivedAt: 'Получено' };
const as = (over: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...over });

describe('the queue model', () => {
  let db: OtklikDB;
  let files: SavedFile[];
  beforeEach(() => {
    fakeBrowser.reset();
    db = openDatabase(`areas-${Math.random()}`);
    files = [];
  });
  afterEach(() => db.delete());
  const session = (over: Partial<Settings> = {}) => fixedSession(db, as({ timeZone: 'Asia/Omsk', ...over }), clock, () => NOW, (f) => files.push(f));

  it('queue: the curator imports a file through the store and its rows appear; a bad file changes nothing', async () => {
    const queue = queueModel(session({ role: 'curator', userName: 'Анна' }));
    expect(queue.isCurator.value).toBe(true);
    expect(await queue.commit(CSV, 'csv', MAPPING)).toEqual({ ok: true, added: 1, duplicates: 0 });
    await until(() => queue.rows.value.value?.length === 1);
    expect((await db.messages.toArray())[0]!.events[0]!.actor).toEqual({ role: 'curator', name: 'Анна' });
    const bad = await queue.commit('Текст;Ссылка;Получено\n;;\n', 'csv', MAPPING);
    expect(bad.ok).toBe(false);
    expect(await db.messages.count()).toBe(1);
    expect(queueModel(session({ role: 'executor' })).isCurator.value).toBe(false);
  });
});
