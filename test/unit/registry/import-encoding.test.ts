import { describe, expect, it } from 'vitest';
import { registryToCsv } from '@/lib/registry/export';
import { readRegistryFile } from '@/lib/registry/import';
import { decodeTextFile } from '@/lib/text-file';
import { cp1251 } from '../cp1251';
import { entry } from './helpers';

const ids = () => {
  let n = 0;
  return () => `new-${++n}`;
};

describe('registry import of a Windows-1251 CSV', () => {
  const bytes = cp1251(
    [
      'Сайт;Адрес;Название;Тип;Подразделение;Ответственный;Двухфакторная аутентификация подтверждена',
      'ВКонтакте;https://vk.com/club1;Администрация города Омска;администрация;;Иванова А. П.;01.09.2026',
      'Одноклассники;https://ok.ru/group/5;Культура Омска;подразделение;Департамент культуры;Петров П. П.;',
    ].join('\r\n') + '\r\n',
  );

  it('reads the Russian column names and says what it read the file as', () => {
    const { text, encoding } = decodeTextFile(bytes);
    expect(encoding).toBe('Windows-1251');
    expect(readRegistryFile(text, 'csv', { newId: ids() })).toEqual({
      ok: true,
      separator: ';',
      fields: ['site', 'url', 'name', 'kind', 'department', 'responsible', 'twoFactorConfirmedAt'],
      entries: [
        { id: 'new-1', site: 'vk', url: 'https://vk.com/club1', ownerId: null, name: 'Администрация города Омска', kind: 'administration', department: '', responsible: 'Иванова А. П.', twoFactorConfirmedAt: '2026-09-01', adminsReviewedAt: null, notes: '' },
        { id: 'new-2', site: 'ok', url: 'https://ok.ru/group/5', ownerId: null, name: 'Культура Омска', kind: 'department', department: 'Департамент культуры', responsible: 'Петров П. П.', twoFactorConfirmedAt: null, adminsReviewedAt: null, notes: '' },
      ],
    });
  });

  it('read as UTF-8 the same bytes are refused: no column is recognised (what the decoder prevents)', () => {
    const r = readRegistryFile(new TextDecoder('utf-8').decode(bytes), 'csv');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors).toContain('нет столбца «Адрес»');
  });

  it('our own export (UTF-8 with a BOM, every column) comes back with every field', () => {
    const { text, encoding } = decodeTextFile(new TextEncoder().encode(registryToCsv([entry()])));
    expect(encoding).toBe('UTF-8');
    const r = readRegistryFile(text, 'csv');
    expect(r).toMatchObject({ ok: true, separator: ';', entries: [entry()] });
    expect(r.ok && r.fields.length).toBe(12);
  });

  it('a workbook chosen by mistake is refused in words', () => {
    const r = readRegistryFile(decodeTextFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0])).text, 'csv');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0]).toMatch(/книга Excel/);
  });

  it('JSON: no separator, every field', () => {
    const r = readRegistryFile(JSON.stringify([{ site: 'vk', url: 'https://vk.com/club1', name: 'А', kind: 'administration', responsible: 'И' }]), 'json');
    expect(r).toMatchObject({ ok: true, separator: null });
    expect(r.ok && r.fields).toContain('notes');
  });

  it('the same address twice is refused even with two owner ids', () => {
    const csv = 'Сайт;Адрес;Название;Тип;Ответственный;Идентификатор владельца\nvk;https://vk.com/omsk;А;администрация;И;-1\nvk;https://vk.com/omsk/;Б;администрация;И;-2';
    expect(readRegistryFile(csv, 'csv')).toEqual({ ok: false, errors: ['строка 3: эта страница уже есть в файле (строка 2)'] });
  });
});
