import { describe, expect, it } from 'vitest';
import { parseCsv } from '@/lib/csv';
import { registryToCsv, registryToHtml, registryToJson, sortRegistry } from '@/lib/registry/export';
import { parseRegistryImport } from '@/lib/registry/import';
import { entry } from './helpers';

const NASTY = '<script>alert(1)</script> «Культура» "в кавычках" & \'апостроф\'';

const entries = [
  entry({ id: 'c', name: 'Управление молодёжи', kind: 'department', department: 'Департамент образования', url: 'https://vk.com/club3', ownerId: '-3' }),
  entry({ id: 'b', name: NASTY, kind: 'department', department: 'Департамент культуры', url: 'https://ok.ru/group/55', site: 'ok', ownerId: '55', notes: 'две\nстроки; и "кавычки"', weeklyTarget: 7 }),
  entry({ id: 'a', name: 'Администрация города Омска', kind: 'administration', department: '', url: 'https://vk.com/club1', ownerId: '-1', twoFactorConfirmedAt: null, adminsReviewedAt: null }),
  entry({ id: 'd', name: 'Афиша', kind: 'department', department: 'Департамент культуры', url: 'https://vk.com/club4', ownerId: '-4' }),
];

describe('sortRegistry', () => {
  it('puts administration pages first, then departments by name, then pages by name', () => {
    expect(sortRegistry(entries).map((e) => e.id)).toEqual(['a', 'b', 'd', 'c']);
  });
});

describe('registryToHtml', () => {
  const generatedAt = Date.UTC(2026, 10, 28, 20, 0); // 29 November in Omsk
  const html = registryToHtml(entries, generatedAt);

  it('is a standalone HTML5 document in Russian, with no scripts', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="ru">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toMatch(/<style>[^<]*<\/style>/);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\son\w+=/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&quot;в кавычках&quot; &amp; &#39;апостроф&#39;');
  });

  it('reads back as the same text in each cell, in the published order, with the date it was made', () => {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(doc.documentElement.getAttribute('lang')).toBe('ru');
    expect(doc.querySelectorAll('script')).toHaveLength(0);
    const rows = [...doc.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
    expect(rows).toEqual([
      ['1', 'Администрация города Омска', 'ВКонтакте', 'https://vk.com/club1', 'администрация', ''],
      ['2', NASTY, 'Одноклассники', 'https://ok.ru/group/55', 'подразделение', 'Департамент культуры'],
      ['3', 'Афиша', 'ВКонтакте', 'https://vk.com/club4', 'подразделение', 'Департамент культуры'],
      ['4', 'Управление молодёжи', 'ВКонтакте', 'https://vk.com/club3', 'подразделение', 'Департамент образования'],
    ]);
    expect(doc.querySelector('time')!.getAttribute('datetime')).toBe('2026-11-29');
    expect(doc.querySelector('p.made')!.textContent).toBe('Дата формирования: 29.11.2026');
    expect(doc.querySelector('a[href="https://ok.ru/group/55"]')).not.toBeNull();
  });

  it('keeps the protection dates, people and notes off the public page', () => {
    expect(html).not.toContain('Иванова');
    expect(html).not.toContain('2026-11-01');
    expect(html).not.toContain('две');
  });

  it('never turns an unchecked address into a link', () => {
    const bad = registryToHtml([entry({ url: 'javascript:alert(1)//"><b>x</b>' })], generatedAt);
    const doc = new DOMParser().parseFromString(bad, 'text/html');
    expect(doc.querySelectorAll('a')).toHaveLength(0);
    expect(doc.querySelector('tbody td:nth-child(4)')!.textContent).toBe('javascript:alert(1)//"><b>x</b>');
    expect(doc.querySelectorAll('b')).toHaveLength(0);
  });
});

describe('registryToCsv', () => {
  it('writes Russian headers and Russian values, Excel style', () => {
    const csv = registryToCsv(entries);
    expect(csv.startsWith('\ufeff')).toBe(true);
    const rows = parseCsv(csv).rows;
    expect(rows[0]).toEqual([
      'Идентификатор', 'Сайт', 'Адрес', 'Идентификатор владельца', 'Название', 'Тип', 'Подразделение', 'Ответственный',
      'Двухфакторная аутентификация подтверждена', 'Список администраторов проверен', 'Публикаций в неделю', 'Примечания',
    ]);
    expect(rows[1]).toEqual(['a', 'ВКонтакте', 'https://vk.com/club1', '-1', 'Администрация города Омска', 'администрация', '', 'Иванова А. П., главный специалист', '', '', '', '']);
    expect(rows[2][4]).toBe(NASTY);
    expect(rows[2][11]).toBe('две\nстроки; и "кавычки"');
  });

  it('round-trips: export → import gives the same entries', () => {
    const back = parseRegistryImport(registryToCsv(entries), 'csv');
    expect(back).toEqual({ ok: true, entries: sortRegistry(entries) });
  });

  it('round-trips through JSON too', () => {
    expect(parseRegistryImport(registryToJson(entries), 'json')).toEqual({ ok: true, entries: sortRegistry(entries) });
  });
});
