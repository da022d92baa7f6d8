import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importRegistry, importRegistryFile, listRegistry, saveEntry } from '@/lib/db/registry';
import { openDatabase, type OtklikDB } from '@/lib/db/schema';
import { registryToCsv } from '@/lib/registry/export';
import { decodeTextFile } from '@/lib/text-file';
import { cp1251 } from '../cp1251';
import { entry } from '../registry/helpers';

const adm = entry({ id: 'adm', name: 'Администрация', url: 'https://vk.com/club100', ownerId: '-100', department: '' });
const wall = entry({ id: 'wall', name: 'Спорт', kind: 'department', department: 'Департамент спорта', url: 'https://vk.com/club3', ownerId: '-3' });
const HEADER = 'Сайт;Адрес;Название;Тип;Подразделение;Ответственный';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\r\n');

let db: OtklikDB;
beforeEach(async () => {
  db = openDatabase(`test-${Math.random()}`);
  await db.registry.bulkPut([adm]);
  // The page added from its wall, after the spreadsheet was last exported.
  expect(await saveEntry(db, wall)).toMatchObject({ ok: true });
});
afterEach(async () => {
  await db.delete();
});

const byName = async () => (await listRegistry(db)).map((e) => e.name).sort();

describe('importRegistryFile', () => {
  it('merges by default: the page added from its wall stays', async () => {
    const r = await importRegistryFile(db, csv('ВКонтакте;https://vk.com/club100;Администрация;администрация;;Петров П. П.', 'ВКонтакте;https://vk.com/club5;Культура;подразделение;Департамент культуры;Сидоров'), 'csv', { mode: 'merge' });
    expect(r.ok).toBe(true);
    if (r.ok !== true) return;
    expect(r.separator).toBe(';');
    expect(r.plan.added.map((e) => e.name)).toEqual(['Культура']);
    expect(r.plan.changed.map((c) => [c.after.id, c.fields])).toEqual([['adm', ['responsible']]]);
    expect(r.plan.kept.map((e) => e.id)).toEqual(['wall']);
    expect(await byName()).toEqual(['Администрация', 'Культура', 'Спорт']);
    // Columns the file has not got keep their values: the dates of the checks are still there.
    expect((await db.registry.get('adm'))!).toEqual({ ...adm, responsible: 'Петров П. П.' });
  });

  it('a replace writes nothing until the removals are confirmed, then removes exactly those', async () => {
    const text = csv('ВКонтакте;https://vk.com/club100;Администрация;администрация;;Иванова А. П., главный специалист');
    const asked = await importRegistryFile(db, text, 'csv', { mode: 'replace' });
    expect(asked.ok).toBe('confirm');
    if (asked.ok !== 'confirm') return;
    expect(asked.plan.removed.map((e) => e.name)).toEqual(['Спорт']);
    expect(await byName()).toEqual(['Администрация', 'Спорт']);

    const done = await importRegistryFile(db, text, 'csv', { mode: 'replace', confirmedRemovals: ['wall'] });
    expect(done.ok).toBe(true);
    expect(await byName()).toEqual(['Администрация']);
  });

  it('a replace asks again when the registry changed after the question', async () => {
    const text = csv('ВКонтакте;https://vk.com/club100;Администрация;администрация;;Иванова А. П., главный специалист');
    const asked = await importRegistryFile(db, text, 'csv', { mode: 'replace' });
    if (asked.ok !== 'confirm') throw new Error('expected a question');
    await saveEntry(db, entry({ id: 'late', name: 'Молодёжь', kind: 'department', department: 'Комитет по делам молодёжи', url: 'https://vk.com/club8', ownerId: '-8' }));
    const again = await importRegistryFile(db, text, 'csv', { mode: 'replace', confirmedRemovals: asked.plan.removed.map((e) => e.id) });
    expect(again.ok).toBe('confirm');
    expect(again.ok === 'confirm' && again.plan.removed.map((e) => e.name).sort()).toEqual(['Молодёжь', 'Спорт']);
    expect(await byName()).toEqual(['Администрация', 'Молодёжь', 'Спорт']);
  });

  it('a replace that removes nothing needs no question', async () => {
    const r = await importRegistryFile(db, registryToCsv([adm, wall]), 'csv', { mode: 'replace' });
    expect(r).toMatchObject({ ok: true });
    expect(r.ok === true && [r.plan.unchanged.length, r.plan.removed.length]).toEqual([2, 0]);
  });

  it.each(['merge', 'replace'] as const)('a bad file changes nothing (%s)', async (mode) => {
    const before = await listRegistry(db);
    const r = await importRegistryFile(db, csv('ВКонтакте;https://example.com/x;Пусто;администрация;;'), 'csv', { mode, confirmedRemovals: ['adm', 'wall'] });
    expect(r).toEqual({ ok: false, errors: ['строка 2: адрес должен вести на vk.com, vk.ru или ok.ru', 'строка 2: укажите ответственного'] });
    expect(await listRegistry(db)).toEqual(before);
  });

  it('a Windows-1251 file from Russian Excel goes in with its Russian columns', async () => {
    const { text } = decodeTextFile(cp1251(csv('ВКонтакте;https://vk.com/club5;Культура;подразделение;Департамент культуры;Сидоров')));
    const r = await importRegistryFile(db, text, 'csv', { mode: 'merge' });
    expect(r.ok).toBe(true);
    expect(await byName()).toEqual(['Администрация', 'Культура', 'Спорт']);
  });
});

describe('importRegistry', () => {
  it('writes in one transaction: a failing write leaves the registry as it was', async () => {
    const before = await listRegistry(db);
    const bad = { ...entry({ id: 'x', url: 'https://vk.com/club77', ownerId: null, name: 'Новая' }), notes: () => 'not cloneable' } as never;
    await expect(importRegistry(db, [bad], { mode: 'replace', confirmedRemovals: ['adm', 'wall'] })).rejects.toThrow();
    expect(await listRegistry(db)).toEqual(before);
  });
});
