/**
 * The page checks in the registry's exports (App. 2 §4, §12): the head's decision and the department
 * of information policy's approval with their dates and numbers, the description and the design as
 * last seen — in the CSV (through csvCell, and passed over by an import) and in the HTML table.
 */
import { describe, expect, it } from 'vitest';
import { parseCsv } from '@/lib/csv';
import type { PageFounding, PageLooks } from '@/lib/publications/store-types';
import { registryToCsv, registryToHtml } from '@/lib/registry/export';
import { parseRegistryImport } from '@/lib/registry/import';
import { entryPageKeys } from '@/lib/registry/match';
import { entry } from './helpers';

const admin = entry({ id: 'a', name: 'Администрация города Омска', kind: 'administration', department: '', url: 'https://vk.com/club1', ownerId: '-1' });
const culture = entry({ id: 'b', name: 'Афиша', kind: 'department', department: 'Департамент культуры', url: 'https://vk.com/club4', ownerId: '-4' });
const youth = entry({ id: 'c', name: 'Молодёжь', kind: 'department', department: 'Департамент образования', url: 'https://vk.com/club3', ownerId: '-3' });
const entries = [youth, culture, admin];

const SEEN = Date.UTC(2026, 10, 28, 20, 0); // 29 November in Omsk
const founding: PageFounding[] = [
  // A number typed as a formula leaves the CSV as text.
  { entryId: 'b', decision: { date: '2026-04-01', number: '15-р' }, approval: { date: '2026-04-03', number: '=HYPERLINK("http://x","ДИП")' }, updatedAt: 1 },
  { entryId: 'c', decision: { date: '2026-05-10', number: '22-р' }, approval: null, updatedAt: 1 },
];
const looks: PageLooks[] = [
  { pageKey: entryPageKeys(culture)[0]!, at: SEEN, description: true, cover: false, avatar: true },
  { pageKey: entryPageKeys(admin)[0]!, at: SEEN, description: false, cover: false, avatar: false },
];

describe('registry CSV with the page checks', () => {
  const csv = registryToCsv(entries, { founding, looks, zone: 'Asia/Omsk' });
  const { rows } = parseCsv(csv);
  const header = rows[0]!;
  const col = (row: string[], name: string) => row[header.indexOf(name)];
  const byName = (name: string) => rows.find((r) => col(r, 'Название') === name)!;

  it('adds the decision, the approval, the description, the design and when the page was seen', () => {
    expect(header.slice(-7)).toEqual([
      'Решение руководителя: дата',
      'Решение руководителя: номер',
      'Согласование ДИП: дата',
      'Согласование ДИП: номер',
      'Текстовое описание',
      'Оформление (обложка или аватар)',
      'Страница проверена',
    ]);
    expect(byName('Афиша').slice(-7)).toEqual(['01.04.2026', '15-р', '03.04.2026', '=HYPERLINK("http://x","ДИП")', 'есть', 'есть', '29.11.2026']);
    expect(byName('Молодёжь').slice(-7)).toEqual(['10.05.2026', '22-р', '', '', 'не проверено', 'не проверено', '']);
    expect(byName('Администрация города Омска').slice(-7)).toEqual(['не требуется', '', 'не требуется', '', 'нет', 'нет', '29.11.2026']);
  });

  it('writes a formula-like number as text, through csvCell', () => {
    expect(csv).toContain(`'=HYPERLINK(`);
    expect(csv).not.toMatch(/[;\n]=HYPERLINK/);
  });

  it('imports back as the same entries: the check columns are passed over', () => {
    expect(parseRegistryImport(csv, 'csv')).toEqual(parseRegistryImport(registryToCsv(entries), 'csv'));
    expect(parseRegistryImport(csv, 'csv').ok).toBe(true);
  });

  it('without the checks, the CSV is as before', () => {
    expect(parseCsv(registryToCsv(entries)).rows[0]).not.toContain('Текстовое описание');
  });
});

describe('registry HTML with the page checks', () => {
  const html = registryToHtml(entries, SEEN, { zone: 'Asia/Omsk', checks: { founding, looks } });
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const headers = [...doc.querySelectorAll('thead th')].map((th) => th.textContent);
  const rows = [...doc.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));

  it('shows the documents with their numbers and dates, and the page checks, as text', () => {
    expect(headers.slice(-4)).toEqual(['Решение руководителя', 'Согласование ДИП', 'Текстовое описание', 'Оформление']);
    const of = (name: string) => rows.find((r) => r[1] === name)!.slice(-4);
    expect(of('Администрация города Омска')).toEqual(['не требуется', 'не требуется', 'нет', 'нет']);
    expect(of('Афиша')).toEqual(['№ 15-р от 01.04.2026', '№ =HYPERLINK("http://x","ДИП") от 03.04.2026', 'есть', 'есть']);
    expect(of('Молодёжь')).toEqual(['№ 22-р от 10.05.2026', 'не указано', 'не проверено', 'не проверено']);
    expect(doc.querySelectorAll('tbody a')).toHaveLength(3);
    expect(html).not.toMatch(/<script|\son\w+=/i);
  });

  it('without the checks, the table is as before', () => {
    expect(registryToHtml(entries, SEEN)).not.toContain('Согласование ДИП');
  });
});
