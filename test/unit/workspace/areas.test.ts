import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { recordFlagged } from '@/lib/db/flagged';
import { putMessage } from '@/lib/db/messages';
import { openDatabase, type OtklikDB } from '@/lib/db/schema';
import { buildImport } from '@/lib/messages/import';
import type { Evidence } from '@/lib/moderation/log';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings/defaults';
import { logModel } from '@/lib/workspace/log';
import { publicationsModel } from '@/lib/workspace/publications';
import { queueModel } from '@/lib/workspace/queue';
import { registryModel } from '@/lib/workspace/registry';
import { reportsModel } from '@/lib/workspace/reports';
import { fixedSession, type SavedFile } from '@/lib/workspace/session';
import { createWorkClock } from '@/lib/worktime/clock';

const clock = createWorkClock();
const NOW = Date.UTC(2025, 8, 16, 8, 0);
const CSV = 'Текст;Ссылка;Получено\nЯма у школы;https://vk.com/wall-123456_1001?reply=3002;2025-09-16 12:00\n';
const MAPPING = { text: 'Текст', url: 'Ссылка', receivedAt: 'Получено' };
const as = (over: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...over });

async function until(ready: () => boolean) {
  for (let i = 0; i < 100 && !ready(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(ready()).toBe(true);
}

describe('the side panel’s area models', () => {
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

  it('registry: a new entry is in the user’s unit; a bad one is refused with reasons; the export names its format', async () => {
    const registry = registryModel(session({ role: 'executor', userName: 'Пётр', department: 'Департамент транспорта' }));
    const blank = registry.newEntry();
    expect(blank).toMatchObject({ department: 'Департамент транспорта', responsible: 'Пётр' });
    const refused = await registry.save(blank);
    expect(refused.ok).toBe(false);
    expect(await db.registry.count()).toBe(0);
    expect(await registry.save({ ...blank, url: 'https://vk.com/transport', name: 'Транспорт' })).toEqual({ ok: true });
    await until(() => registry.entries.value.value?.length === 1);
    registry.export('json');
    expect(files[0]).toMatchObject({ name: 'otklik-registry-2025-09-16.json', type: 'application/json' });
    expect(JSON.parse(files[0]!.text)).toBeTruthy();
  });

  it('reports: an exchange file of a unit is made from the store and signed by the curator', async () => {
    const built = buildImport(CSV, 'csv', MAPPING, { now: NOW, actor: { role: 'curator', name: 'Анна' }, zone: 'Asia/Omsk' });
    if (!built.ok) throw new Error('import');
    await putMessage(db, built.records[0]!, clock, NOW);
    const reports = reportsModel(session({ role: 'curator', userName: 'Анна' }), () => null);
    expect(reports.origin()).toEqual({ role: 'curator', name: 'Анна' });
    await reports.exportDrafts();
    expect(files).toHaveLength(1);
    expect(files[0]!.type).toBe('application/json');
    expect(reports.labelOf('x')).toBe('x');
    expect(reportsModel(session({ role: 'executor' }), () => null).origin()).toEqual({ role: 'executor', name: 'Исполнитель', department: '' });
  });

  it('publications: the plan starts at this week, and a request is refused in Russian when it is not valid', async () => {
    const pubs = publicationsModel(session({ role: 'owner', userName: 'Ольга' }));
    expect(pubs.view.value).toBe('plan');
    expect(pubs.weekLabel.value).toMatch(/\d/);
    const before = pubs.planWeek.value;
    pubs.shiftWeek(1);
    expect(pubs.planWeek.value).not.toBe(before);
    const r = await pubs.submit({} as never);
    expect(r.ok).toBe(false);
    expect(await db.publications.count()).toBe(0);
  });
});
