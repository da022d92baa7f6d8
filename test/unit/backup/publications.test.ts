/**
 * The publication side of a backup (issue #19): requests with their whole history, the pages'
 * decisions and approvals, post figures and page looks — round trip, merge of two divergent
 * histories, an older file without them, a hostile row refused with nothing changed.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { backupToText, exportBackup, parseBackup, restoreBackup, type Backup } from '@/lib/backup';
import { appendPublicationEvent, publicationOutbox, recordPageLooks, recordPostStats, savePageFounding, submitPublication } from '@/lib/db/publications';
import { openDatabase, type OtklikDB } from '@/lib/db/schema';
import { replayPublication } from '@/lib/publications/reducer';
import type { PubEventOf, PublicationEvent } from '@/lib/publications/schema';
import { createWorkClock } from '@/lib/worktime/clock';
import { NOW } from '../reports/dataset';
import { dip, pev, submitted } from '../publications/helpers';
import { SETTINGS, fill, memoryStorage } from './fixtures';

const clock = createWorkClock();
const opened: OtklikDB[] = [];
const fresh = () => {
  const db = openDatabase(`backup-pub-${Math.random()}`);
  opened.push(db);
  return db;
};
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

async function snapshot(db: OtklikDB) {
  const b = await exportBackup(db, memoryStorage(), 0);
  return { ...b, summaries: await db.summaries.toArray(), outbox: await db.pubOutbox.toArray() };
}

async function backupOf(db: OtklikDB): Promise<Backup> {
  const parsed = parseBackup(backupToText(await exportBackup(db, memoryStorage(SETTINGS), NOW)));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.backup;
}

const ids = (events: readonly PublicationEvent[]) => events.map((e) => e.id);

describe('publications in a backup', () => {
  it('round trip: every request with its event ids, the decisions, the figures and the looks come back; the outbox keeps what is still held', async () => {
    const a = fresh();
    await fill(a, clock);
    const backup = await backupOf(a);
    expect(backup.tables.publications!.map((r) => [r.id, r.events.length])).toEqual([
      ['req-1', 4],
      ['req-2', 1],
    ]);
    expect(backup.tables.pageFounding).toEqual([{ entryId: 'r2', decision: { date: '2025-04-01', number: '15-р' }, approval: { date: '2025-04-03', number: 'ДИП-7' }, updatedAt: NOW - 9e5 }]);
    const b = fresh();
    const r = await restoreBackup(b, memoryStorage(), backup, 'replace', clock, NOW);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.tables.publications).toEqual({ added: 2, updated: 0 });
    expect(await b.publications.toArray()).toEqual(await a.publications.toArray());
    expect(await b.pageFounding.toArray()).toEqual(await a.pageFounding.toArray());
    expect(await b.postStats.toArray()).toEqual(await a.postStats.toArray());
    expect(await b.pageLooks.toArray()).toEqual(await a.pageLooks.toArray());
    // The outbox is this browser's queue, not the file's: a fresh profile has nothing waiting.
    expect(await publicationOutbox(b)).toEqual([]);
    // Replacing A with its own copy keeps A's queue: every queued event is still held.
    const queued = await a.pubOutbox.toArray();
    expect(queued.length).toBeGreaterThan(0);
    expect((await restoreBackup(a, memoryStorage(), backup, 'replace', clock, NOW)).ok).toBe(true);
    expect(await a.pubOutbox.toArray()).toEqual(queued);
  });

  it('merge of two divergent histories keeps the union by event id, in order, replayable; twice changes nothing', async () => {
    const ours = fresh();
    const theirs = fresh();
    const first = submitted() as PubEventOf<'submitted'>;
    for (const db of [ours, theirs]) await submitPublication(db, structuredClone(first), NOW - 9e6, 'req-1');
    // Ours: an edit at 11:00. Theirs: an edit at 10:30 and the approval at 12:00, and a request of their own.
    await appendPublicationEvent(ours, 'req-1', pev('edited', dip, '2026-03-02T11:00', { text: 'Автобус № 12 — через Левобережье.' }), NOW - 8e6);
    await appendPublicationEvent(theirs, 'req-1', pev('edited', dip, '2026-03-02T10:30', { text: 'Автобус № 12 идёт через Левобережье.' }), NOW - 8e6);
    await appendPublicationEvent(theirs, 'req-1', pev('approved', dip, '2026-03-02T12:00', { plannedAt: NOW }), NOW - 7e6);
    await submitPublication(theirs, submitted() as PubEventOf<'submitted'>, NOW - 6e6, 'req-9');
    await savePageFounding(ours, { entryId: 'r1', decision: { date: '2025-01-10', number: '1-р' }, approval: null, updatedAt: NOW - 5e6 });
    await savePageFounding(theirs, { entryId: 'r1', decision: { date: '2025-01-10', number: '1-р' }, approval: { date: '2025-01-12', number: 'ДИП-2' }, updatedAt: NOW - 4e6 });
    await savePageFounding(theirs, { entryId: 'r5', decision: null, approval: null, updatedAt: NOW - 9e6 });
    await recordPageLooks(ours, { pageKey: 'vk:-1', at: NOW - 1e5, description: true, cover: true, avatar: true });
    await recordPageLooks(theirs, { pageKey: 'vk:-1', at: NOW - 9e5, description: false, cover: false, avatar: false });
    const visit = { postKey: 'vk:-1_1', pageKey: 'vk:-1', views: 10, likes: 1, comments: 0, reposts: 0 };
    await recordPostStats(ours, [{ ...visit, at: NOW - 3e6 }]);
    await recordPostStats(theirs, [{ ...visit, at: NOW - 3e6 }, { ...visit, at: NOW - 1e6, views: 40 }]);
    const file = await backupOf(theirs);
    const ourEvents = (await ours.publications.get('req-1'))!.events;
    const theirEvents = file.tables.publications!.find((r) => r.id === 'req-1')!.events;

    const r = await restoreBackup(ours, memoryStorage(), file, 'merge', clock, NOW);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.tables.publications).toEqual({ added: 1, updated: 1 });
    expect(r.tables.pageFounding).toEqual({ added: 1, updated: 1 });
    expect(r.tables.postStats).toEqual({ added: 1, updated: 0 });
    expect(r.tables.pageLooks).toEqual({ added: 0, updated: 0 });
    const joined = (await ours.publications.get('req-1'))!;
    expect(new Set(ids(joined.events))).toEqual(new Set([...ids(ourEvents), ...ids(theirEvents)]));
    expect(joined.events.map((e) => e.type)).toEqual(['submitted', 'edited', 'edited', 'approved']);
    expect(joined.events.map((e) => e.at)).toEqual([...joined.events.map((e) => e.at)].sort((x, y) => x - y));
    const state = replayPublication(joined.events);
    expect(state.status).toBe('approved');
    expect(state.text).toBe('Автобус № 12 — через Левобережье.');
    // A request new here keeps its own creation time.
    expect((await ours.publications.get('req-9'))!.createdAt).toBe(NOW - 6e6);
    expect((await ours.pageFounding.get('r1'))!.approval).toEqual({ date: '2025-01-12', number: 'ДИП-2' });
    expect((await ours.pageLooks.get('vk:-1'))!.cover).toBe(true);
    expect((await ours.postStats.toArray()).map((s) => s.views).sort()).toEqual([10, 40]);
    // Our own unsent events still wait for the team server.
    expect((await publicationOutbox(ours)).map((o) => o.event.id)).toEqual(expect.arrayContaining(ids(ourEvents)));

    const before = await snapshot(ours);
    const again = await restoreBackup(ours, memoryStorage(), file, 'merge', clock, NOW + 1);
    expect(again.ok && again.tables.publications).toEqual({ added: 0, updated: 0 });
    expect(await snapshot(ours)).toEqual(before);
  });

  it('an older backup without the tables restores: merge keeps ours, replace leaves none', async () => {
    const db = fresh();
    await fill(db, clock);
    const old = JSON.parse(backupToText(await exportBackup(db, memoryStorage(SETTINGS), NOW)));
    for (const t of ['publications', 'pageFounding', 'postStats', 'pageLooks']) delete old.tables[t];
    const parsed = parseBackup(JSON.stringify(old));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.older).toBe(true);
    expect(parsed.migratedFrom).toBeUndefined();
    expect(parsed.backup.tables.publications).toEqual([]);
    const kept = await db.publications.toArray();
    const merged = await restoreBackup(db, memoryStorage(), parsed.backup, 'merge', clock, NOW);
    expect(merged.ok).toBe(true);
    expect(await db.publications.toArray()).toEqual(kept);
    const replaced = await restoreBackup(db, memoryStorage(), parsed.backup, 'replace', clock, NOW);
    expect(replaced.ok).toBe(true);
    expect(await db.publications.count()).toBe(0);
    expect(await db.pageFounding.count()).toBe(0);
    expect(await db.pubOutbox.count()).toBe(0);
    expect(await db.messages.count()).toBe(21);
    // A current file says nothing of the sort.
    const current = parseBackup(backupToText(await exportBackup(db, memoryStorage(), NOW)));
    expect(current.ok && current.older).toBeUndefined();
  });
});

describe('a hostile publication row', () => {
  async function attempt(db: OtklikDB, spoil: (b: Backup) => void): Promise<string> {
    const b = await backupOf(db);
    spoil(b);
    const parsed = parseBackup(backupToText(b));
    if (parsed.ok) throw new Error('the file was accepted');
    return parsed.error;
  }

  it('is refused with a Russian reason naming the table, the record and the field', async () => {
    const db = fresh();
    await fill(db, clock);
    const published = (b: Backup, url: string) =>
      b.tables.publications![0]!.events.push({ id: 'ev-x', type: 'published', actor: dip, at: NOW, payload: { url, postedAt: NOW } });
    expect(await attempt(db, (b) => published(b, 'javascript:alert(1)'))).toMatch(
      /^Файл не принят, ничего не изменено:\nТаблица «заявки на публикацию», запись 1 \(«req-1»\): ссылка «javascript:alert\(1\)» не принята.* \(поле events\.4\.payload\.url\)/,
    );
    expect(await attempt(db, (b) => (b.tables.publications![1]!.events = [b.tables.publications![0]!.events[1]!]))).toMatch(
      /Заявка на публикацию «req-2»: история не воспроизводится — событие 1 \(returned\)/,
    );
    expect(await attempt(db, (b) => delete b.tables.publications![0]!.events[0]!.id)).toMatch(/Таблица «заявки на публикацию», запись 1 \(«req-1»\).*\(поле events\.0\.id\)/);
    expect(await attempt(db, (b) => (b.tables.pageFounding![0]!.approval = { date: '3 апреля', number: '7' }))).toMatch(
      /Таблица «решения о создании страниц», запись 1 \(«r2»\): дата в виде гггг-мм-дд \(поле approval\.date\)/,
    );
    expect(await attempt(db, (b) => ((b.tables.postStats![0] as { views: unknown }).views = -5))).toMatch(/Таблица «показатели публикаций», запись 1/);
    expect(await attempt(db, (b) => ((b.tables.pageLooks![0] as { cover: unknown }).cover = 'да'))).toMatch(/Таблица «оформление страниц», запись 1 \(«vk:-123456»\).*\(поле cover\)/);
  });

  it('a failure while the publication tables are written leaves every table and the settings as they were (merge and replace)', async () => {
    const db = fresh();
    await fill(db, clock);
    const storage = memoryStorage(SETTINGS);
    const file = await backupOf(db);
    file.tables.pageLooks!.push({ pageKey: 'vk:-777', at: NOW, description: true, cover: true, avatar: true });
    file.tables.publications!.push({ ...structuredClone(file.tables.publications![1]!), id: 'req-new' });
    file.settings.allowlist = { comments: ['vk:-1_99'], words: [] };
    const failing = [vi.spyOn(db.pageLooks, 'bulkPut').mockRejectedValue(new Error('QuotaExceededError')), vi.spyOn(db.pageLooks, 'bulkAdd').mockRejectedValue(new Error('QuotaExceededError'))];
    for (const mode of ['merge', 'replace'] as const) {
      const before = await snapshot(db);
      const settingsBefore = structuredClone(storage.data);
      const r = await restoreBackup(db, storage, file, mode, clock, NOW);
      expect(r.ok).toBe(false);
      expect((r as { error: string }).error).toBe('Восстановление не выполнено, ничего не изменено: в хранилище браузера не хватило места. Освободите место на диске и повторите');
      expect(await snapshot(db)).toEqual(before);
      expect(storage.data).toEqual(settingsBefore);
    }
    for (const f of failing) f.mockRestore();
  });

  it('the database room check counts the publication tables', async () => {
    const db = fresh();
    const file = await backupOf(await (async () => {
      const a = fresh();
      await fill(a, clock);
      return a;
    })());
    const withoutPublications = { ...file, tables: { ...file.tables, publications: [], postStats: [], pageLooks: [], pageFounding: [] } };
    const need = (b: Backup) => Object.values(b.tables).flat().reduce((n, row) => n + new TextEncoder().encode(JSON.stringify(row)).length, 0);
    const room = { quota: need(withoutPublications) + 10, usage: 0 };
    expect((await restoreBackup(db, memoryStorage(), withoutPublications, 'replace', clock, NOW, { estimate: async () => room })).ok).toBe(true);
    const r = await restoreBackup(db, memoryStorage(), file, 'replace', clock, NOW, { estimate: async () => room });
    expect(r.ok).toBe(false);
    expect((r as { error: string }).error).toMatch(/^Восстановление не выполнено, ничего не изменено: для таблиц копии нужно около/);
  });
});
