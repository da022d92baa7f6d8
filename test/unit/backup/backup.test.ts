import { beforeEach, describe, expect, it } from 'vitest';
import { backupToText, describeBackup, exportBackup, parseBackup, restoreBackup, type Backup } from '@/lib/backup';
import { openDatabase, type OtklikDB } from '@/lib/db/schema';
import { putMessage } from '@/lib/db/messages';
import { conflictOf } from '@/lib/exchange/types';
import { derive } from '@/lib/messages/summary';
import type { MessageRecord } from '@/lib/messages/types';
import { createWorkClock } from '@/lib/worktime/clock';
import { CITY, DISTRICT, NOW, executor, history, omsk, record } from '../reports/dataset';
import { SETTINGS, fill, memoryStorage, registryEntry } from './fixtures';
import { noIds } from '../no-ids';

const clock = createWorkClock();
const LATER = NOW + 86_400_000;
const fresh = () => openDatabase(`test-${Math.random()}`);

/** The whole database and storage as one comparable value. */
async function snapshot(db: OtklikDB, storage: ReturnType<typeof memoryStorage>) {
  const b = await exportBackup(db, storage, 0);
  return { ...b, summaries: await db.summaries.toArray() };
}

const normal = (b: Backup) => JSON.parse(backupToText({ ...b, exportedAt: '' }));

describe('backup round trip', () => {
  it('export → restore into an empty database → export again gives every record back exactly', async () => {
    const a = fresh();
    await fill(a, clock);
    // The exchange's conflict mark travels with the message.
    const mark = { at: NOW, from: { name: 'Петров И. И.', role: 'executor', department: CITY }, pending: [history({ dept: CITY, route: '09:10', draft: '12:30' })[2]!] };
    await a.messages.update('D2', { conflict: mark } as never);
    const storageA = memoryStorage(SETTINGS);
    const first = await exportBackup(a, storageA, NOW);
    expect(first).toMatchObject({ kind: 'otklik-backup', version: 1, exportedAt: '2025-05-15T03:00:00.000Z' });
    expect(describeBackup(first).counts).toEqual({ pages: 2, posts: 1, comments: 1, moderation: 2, registry: 2, messages: 21, publications: 2, pageFounding: 1, postStats: 2, pageLooks: 1 });
    expect(first).not.toHaveProperty('tables.summaries');

    const parsed = parseBackup(backupToText(first));
    if (!parsed.ok) throw new Error(parsed.error);
    const b = fresh();
    const storageB = memoryStorage();
    const result = await restoreBackup(b, storageB, parsed.backup, 'replace', clock, LATER);
    expect(result.ok).toBe(true);
    const second = await exportBackup(b, storageB, LATER);
    expect(second.exportedAt).not.toBe(first.exportedAt);
    expect(normal(second)).toEqual(normal(first));
    expect(conflictOf((await b.messages.get('D2'))!)).toEqual(mark);
    expect(storageB.data).toEqual(SETTINGS);
    // Summaries were not in the file: rebuilt from the histories.
    const summaries = await b.summaries.orderBy('id').toArray();
    expect(summaries).toHaveLength(21);
    const d1 = (await b.messages.get('D1'))!;
    expect(await b.summaries.get('D1')).toEqual(derive(d1, clock, LATER).summary);
    // Moderation ids survive a replace: the log reads the same.
    expect((await b.moderation.toArray()).map((e) => e.id)).toEqual((await a.moderation.toArray()).map((e) => e.id));
  });

  it('replace clears what was there and removes settings the file does not hold', async () => {
    const db = fresh();
    await fill(db, clock);
    const storage = memoryStorage({ ...SETTINGS, calendarYears: [] });
    const only = parseBackup(JSON.stringify({ kind: 'otklik-backup', version: 1, exportedAt: new Date(NOW).toISOString(), tables: { pages: [], posts: [], comments: [], moderation: [], registry: [registryEntry('x9')], messages: [] }, settings: { allowlist: { comments: [], words: [] } } }));
    if (!only.ok) throw new Error(only.error);
    await restoreBackup(db, storage, only.backup, 'replace', clock, NOW);
    expect(await db.messages.count()).toBe(0);
    expect(await db.summaries.count()).toBe(0);
    expect((await db.registry.toArray()).map((r) => r.id)).toEqual(['x9']);
    expect(storage.data).toEqual({ allowlist: { comments: [], words: [] } });
  });
});

describe('refusals change nothing', () => {
  let db: OtklikDB;
  let storage: ReturnType<typeof memoryStorage>;
  let good: Backup;
  let text: string;
  beforeEach(async () => {
    db = fresh();
    await fill(db, clock);
    storage = memoryStorage(SETTINGS);
    good = await exportBackup(db, storage, NOW);
    // A different database's contents, so a restore that went through would show.
    const other = fresh();
    await other.registry.add(registryEntry('other'));
    text = backupToText(await exportBackup(other, memoryStorage(), NOW));
  });

  async function attempt(input: string, mode: 'replace' | 'merge' = 'replace') {
    const before = await snapshot(db, storage);
    const parsed = parseBackup(input);
    const outcome = parsed.ok ? await restoreBackup(db, storage, parsed.backup, mode, clock, NOW) : parsed;
    expect(await snapshot(db, storage)).toEqual(before);
    expect(outcome.ok).toBe(false);
    return (outcome as { error: string }).error;
  }

  const edit = (f: (b: Record<string, any>) => void) => {
    const b = JSON.parse(text);
    f(b);
    return JSON.stringify(b);
  };

  it('a file that is not JSON, and a truncated one', async () => {
    expect(await attempt('hello')).toBe('Это не файл резервной копии Отклика: файл не в формате JSON.');
    expect(await attempt(backupToText(good).slice(0, 5000))).toMatch(/^Файл резервной копии обрезан или повреждён/);
  });

  it('a foreign file, and an exchange file', async () => {
    expect(await attempt('{"kind":"otklik-lexicon","version":1}')).toMatch(/^Это не файл резервной копии Отклика/);
    expect(await attempt('[1,2]')).toMatch(/^Это не файл резервной копии Отклика/);
    expect(await attempt('{"kind":"otklik-exchange","version":1}')).toMatch(/файл обмена/);
  });

  it('a newer version', async () => {
    expect(await attempt(edit((b) => (b.version = 2)))).toBe('Файл от более новой версии Отклика (2), обновите расширение.');
  });

  it('a missing table or version', async () => {
    expect(await attempt(edit((b) => delete b.tables.messages))).toBe('Файл резервной копии повреждён: нет таблицы «сообщения».');
    expect(await attempt(edit((b) => delete b.version))).toMatch(/не указана версия/);
  });

  it('duplicate ids within a table', async () => {
    const dup = backupToText({ ...good, tables: { ...good.tables, messages: [...good.tables.messages, good.tables.messages[3]!] } });
    expect(await attempt(dup)).toContain('Таблица «сообщения»: идентификатор «A4» повторяется (записи 4 и 22)');
    const dupReg = backupToText({ ...good, tables: { ...good.tables, registry: [registryEntry('r1'), registryEntry('r1')] } });
    expect(await attempt(dupReg)).toContain('Таблица «реестр страниц»: идентификатор «r1» повторяется');
  });

  it('wrong types, per record', async () => {
    const badEvent = structuredClone(good);
    (badEvent.tables.messages[0]!.events[1] as any).at = 'вчера';
    expect(await attempt(backupToText(badEvent))).toMatch(/Таблица «сообщения», запись 1 \(«A1»\): .*\(поле events\.1\.at\)/);
    const badPage = structuredClone(good);
    (badPage.tables.pages[0] as any).lastSeen = null;
    expect(await attempt(backupToText(badPage))).toBe(
      'Файл не принят, ничего не изменено:\nТаблица «страницы», запись 1 («ok:https://ok.ru/group/1»): Неверный ввод: ожидалось число, получено null (поле lastSeen)',
    );
    const badSettings = structuredClone(good);
    badSettings.settings.worktime = { ...SETTINGS.worktime, zone: 'Марс/Олимп' };
    expect(await attempt(backupToText(badSettings))).toMatch(/Настройки: .*неизвестный часовой пояс/);
  });

  it('an event sequence that cannot replay', async () => {
    const b = structuredClone(good);
    const m = b.tables.messages[0]!;
    m.events = [m.events[0]!, { ...m.events[2]!, at: m.events[0]!.at + 1 }]; // a draft before routing
    expect(await attempt(backupToText(b))).toMatch(/Сообщение «A1»: история не воспроизводится — событие 2 \(draftSubmitted\)/);
  });

  it('a restore that fails half way rolls every table back (merge and replace)', async () => {
    const bad = structuredClone(good);
    bad.tables.pages.push({ ...bad.tables.pages[0]!, key: 'vk:new-page' });
    bad.tables.messages.push(record('NEW', [history({ dept: CITY, route: '09:10' })[1]!]));
    for (const mode of ['merge', 'replace'] as const) {
      const before = await snapshot(db, storage);
      const r = await restoreBackup(db, storage, bad, mode, clock, NOW);
      expect(r.ok).toBe(false);
      expect((r as { error: string }).error).toMatch(/^Восстановление не выполнено, ничего не изменено/);
      expect(await snapshot(db, storage)).toEqual(before);
    }
  });
});

describe('an older file is migrated', () => {
  it('version 0 (tables under `data`, messages without workingDraft) reads as version 1', () => {
    const m = record('OLD1', history({ dept: CITY, route: '09:10', draft: '12:00' }));
    const { workingDraft: _, ...v0message } = m;
    const v0 = { kind: 'otklik-backup', version: 0, exportedAt: '2025-01-01T00:00:00.000Z', data: { pages: [], posts: [], comments: [], moderation: [], registry: [], messages: [v0message] }, settings: {} };
    const parsed = parseBackup(JSON.stringify(v0));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.migratedFrom).toBe(0);
    expect(parsed.backup.version).toBe(1);
    expect(parsed.backup.tables.messages[0]).toEqual(m);
  });
});

describe('merge', () => {
  it('keeps everything, adds what is new, joins histories; an impossible join is marked for the curator', async () => {
    const ex = executor(CITY);
    const base = history({ dept: CITY, route: '09:10' });
    const draft = { type: 'draftSubmitted', actor: ex, at: omsk('2025-05-13T12:00'), payload: { kind: 'final', text: 'Ответ' } } as const;
    const local = fresh();
    const storage = memoryStorage({ ...SETTINGS, allowlist: { comments: [], words: ['бобр'] } });
    await putMessage(local, record('M', base), clock, NOW);
    await putMessage(local, record('LOCAL', base), clock, NOW);
    // Routed to different units on each side: the two histories cannot be one.
    await putMessage(local, record('SPLIT', base), clock, NOW);
    await local.registry.add(registryEntry('r1', { notes: 'наше' }));

    const remote = fresh();
    const remoteStorage = memoryStorage({ allowlist: { comments: ['vk:1'], words: ['выдра'] }, settings: { ...SETTINGS.settings, userName: 'Чужой' } });
    await putMessage(remote, record('M', [...base, draft], { updatedAt: NOW + 1 }), clock, NOW);
    await putMessage(remote, record('NEW', base), clock, NOW);
    const split = history({ dept: DISTRICT, route: '09:20' });
    await putMessage(remote, record('SPLIT', split), clock, NOW);
    await remote.registry.add(registryEntry('r1', { notes: 'их' }));
    await remote.registry.add(registryEntry('r3'));
    const file = await exportBackup(remote, remoteStorage, NOW);

    const r = await restoreBackup(local, storage, file, 'merge', clock, LATER);
    expect(r).toMatchObject({ ok: true, conflicts: ['SPLIT'] });
    if (!r.ok) return;
    expect(r.tables.messages).toEqual({ added: 1, updated: 2 });
    expect(r.tables.registry).toEqual({ added: 1, updated: 0 });
    expect(noIds((await local.messages.get('M'))!.events)).toEqual([...base, draft]);
    expect((await local.summaries.get('M'))!.status).toBe('draftSubmitted');
    expect(await local.messages.get('LOCAL')).toBeDefined();
    expect(await local.messages.get('NEW')).toBeDefined();
    expect((await local.registry.get('r1'))!.notes).toBe('наше');
    const s = (await local.messages.get('SPLIT'))! as MessageRecord;
    // Their routing is the later event: theirs is kept, ours waits in the mark.
    expect(noIds(s.events)).toEqual(split);
    expect(noIds(conflictOf(s))).toEqual({ at: LATER, from: { name: 'резервная копия от 2025-05-15T03:00:00.000Z', role: 'backup' }, pending: [base[1]] });
    expect(storage.data.allowlist).toEqual({ comments: ['vk:1'], words: ['бобр', 'выдра'] });
    expect((storage.data.settings as { userName: string }).userName).toBe('Иванова А. С.');

    // Merging the same file again changes nothing more.
    const again = await restoreBackup(local, storage, file, 'merge', clock, LATER);
    expect(again).toMatchObject({ ok: true, conflicts: [], tables: { messages: { added: 0, updated: 0 }, moderation: { added: 0 } } });
  });

  it('a moderation entry already logged is not added twice; a new one gets a new id', async () => {
    const local = fresh();
    await fill(local, clock);
    const file = await exportBackup(local, memoryStorage(), NOW);
    const other = fresh();
    await other.moderation.add({ ...file.tables.moderation[0]!, id: undefined });
    await other.moderation.add({ ...file.tables.moderation[0]!, id: undefined, commentKey: 'vk:other', at: 1 });
    const r = await restoreBackup(local, memoryStorage(), await exportBackup(other, memoryStorage(), NOW), 'merge', clock, NOW);
    expect(r).toMatchObject({ ok: true, tables: { moderation: { added: 1 } } });
    expect(await local.moderation.count()).toBe(3);
  });
});
