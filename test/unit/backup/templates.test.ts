/** The saved replies travel with the team's data: a backup carries them, a restore brings them back. */
import { describe, expect, it } from 'vitest';
import { backupToText, describeBackup, exportBackup, parseBackup, restoreBackup } from '@/lib/backup';
import { openDatabase } from '@/lib/db/schema';
import type { ReplyTemplate } from '@/lib/replies/schema';
import { createWorkClock } from '@/lib/worktime/clock';
import { NOW } from '../reports/dataset';
import { SETTINGS, memoryStorage } from './fixtures';

const clock = createWorkClock();
const fresh = () => openDatabase(`test-${Math.random()}`);

const heating: ReplyTemplate = {
  id: 'heat',
  title: 'Отопление: проверка',
  topic: 'Отопление',
  department: '',
  text: 'Здравствуйте, {имя}! Проверим отопление по адресу {адрес} и ответим до {дата ответа}.',
  updatedAt: NOW - 86_400_000,
  updatedBy: 'Иванова А. С.',
};
const bus: ReplyTemplate = { ...heating, id: 'bus', title: 'Автобус', topic: 'Транспорт', department: 'Департамент транспорта', text: '{имя}, маршрут проверим.' };
const library = (...templates: ReplyTemplate[]) => ({ version: 1, templates });

describe('saved replies in a backup', () => {
  it('export → parse → restore into a fresh profile gives the same library back', async () => {
    const storage = memoryStorage({ ...SETTINGS, replyTemplates: library(heating, bus) });
    const backup = await exportBackup(fresh(), storage, NOW);
    expect(backup.settings.replyTemplates).toEqual(library(heating, bus));
    const parsed = parseBackup(backupToText(backup));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(describeBackup(parsed.backup).settings).toContain('replyTemplates');

    const target = memoryStorage();
    const r = await restoreBackup(fresh(), target, parsed.backup, 'replace', clock, NOW);
    expect(r.ok).toBe(true);
    expect(target.data.replyTemplates).toEqual(library(heating, bus));
    expect(target.data).toEqual({ ...SETTINGS, replyTemplates: library(heating, bus) });
  });

  it('a damaged library in the file refuses the file, saying where, and changes nothing', async () => {
    const storage = memoryStorage({ ...SETTINGS, replyTemplates: library(heating) });
    const backup = await exportBackup(fresh(), storage, NOW);
    const broken = structuredClone(backup);
    broken.settings.replyTemplates = library(heating, { ...bus, text: 'Маршрут {номер' });
    const parsed = parseBackup(backupToText(broken));
    expect(parsed).toEqual({
      ok: false,
      error: 'Файл не принят, ничего не изменено:\nНастройки: шаблоны ответов: Шаблон «Автобус»: текст: подстановка «{номер» не закрыта: нет «}»',
    });
    expect(storage.data.replyTemplates).toEqual(library(heating));
  });

  it('merge: ours stay, theirs are added, a template on both sides keeps the later edit', async () => {
    const edited = { ...heating, text: 'Здравствуйте, {имя}! Бригада проверит отопление сегодня.', updatedAt: NOW, updatedBy: 'Чужой' };
    const file = await exportBackup(fresh(), memoryStorage({ replyTemplates: library(edited, bus) }), NOW);
    const local = { ...bus, id: 'ours', title: 'Только у нас' };
    const storage = memoryStorage({ ...SETTINGS, replyTemplates: library(heating, local) });
    const r = await restoreBackup(fresh(), storage, file, 'merge', clock, NOW);
    expect(r).toMatchObject({ ok: true, settings: ['replyTemplates'] });
    expect(storage.data.replyTemplates).toEqual(library(edited, local, bus));
    // The same file again changes nothing.
    expect(await restoreBackup(fresh(), storage, file, 'merge', clock, NOW)).toMatchObject({ ok: true, settings: [] });
  });

  it('a backup made before saved replies existed restores; replace leaves no library, merge keeps ours', async () => {
    const old = await exportBackup(fresh(), memoryStorage(SETTINGS), NOW);
    expect(old.settings).not.toHaveProperty('replyTemplates');
    const merged = memoryStorage({ replyTemplates: library(heating) });
    await restoreBackup(fresh(), merged, old, 'merge', clock, NOW);
    expect(merged.data.replyTemplates).toEqual(library(heating));
    const replaced = memoryStorage({ replyTemplates: library(heating) });
    await restoreBackup(fresh(), replaced, old, 'replace', clock, NOW);
    expect(replaced.data).not.toHaveProperty('replyTemplates');
  });
});
