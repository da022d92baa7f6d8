/**
 * Addresses enter only as https addresses on VK or OK (issue 16): a restored page address or a
 * message's link with `javascript:` is refused, in the backup and in the exchange file (which checks
 * messages with the backup's schema); an import stores its link as https.
 */
import { describe, expect, it } from 'vitest';
import { backupToText, exportBackup, parseBackup, type Backup } from '@/lib/backup';
import { messageLinkProblem, siteAddressProblem } from '@/lib/backup/schemas';
import { openDatabase } from '@/lib/db/schema';
import { exchangeToText, exportForDepartment, parseExchange } from '@/lib/exchange';
import { buildImport } from '@/lib/messages/import';
import { createWorkClock } from '@/lib/worktime/clock';
import { CITY, NOW } from '../reports/dataset';
import { fill, memoryStorage } from './fixtures';

const HOSTILE = ['javascript:alert(1)', 'JavaScript:alert(document.cookie)//https://vk.com/', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)'];

describe('siteAddressProblem', () => {
  it.each(['https://vk.com/club1', 'https://m.vk.ru/wall-1_2?reply=3', 'https://ok.ru/group/5/topic/6', 'https://www.ok.ru/profile/7'])('accepts %s', (url) => {
    expect(siteAddressProblem(url)).toBeNull();
  });

  it.each([...HOSTILE, 'http://vk.com/club1', 'https://vk.com.evil.ru/club1', 'https://evil.example/club1', 'https://user:pw@vk.com/club1', 'vk.com/club1', ''])(
    'refuses %j in Russian',
    (url) => {
      expect(siteAddressProblem(url)).toMatch(/[а-яё]/);
    },
  );
});

describe('messageLinkProblem', () => {
  it('accepts what older versions stored: an https or http address, a VK/OK address without the scheme', () => {
    for (const url of ['https://vk.com/wall-1_2?reply=3', 'http://vk.com/wall-1_2?reply=3', 'vk.com/wall-1_2?reply=3', 'https://vk.cc/abc']) expect(messageLinkProblem(url)).toBeNull();
  });

  it.each(HOSTILE)('refuses %j', (url) => {
    expect(messageLinkProblem(url)).toMatch(/не принята/);
  });
});

describe('a backup with a hostile address is refused, naming the place', () => {
  const clock = createWorkClock();
  async function good(): Promise<Backup> {
    const db = openDatabase(`addr-${Math.random()}`);
    await fill(db, clock);
    return exportBackup(db, memoryStorage(), NOW);
  }
  const refused = (b: Backup) => {
    const r = parseBackup(backupToText(b));
    expect(r.ok).toBe(false);
    return (r as { error: string }).error;
  };

  it('a page address', async () => {
    const b = await good();
    b.tables.pages[1]!.url = 'javascript:alert(1)';
    expect(refused(b)).toBe(
      'Файл не принят, ничего не изменено:\nТаблица «страницы», запись 2 («vk:-123456»): адрес «javascript:alert(1)» должен начинаться с https:// (поле url)',
    );
  });

  it('a post’s and a comment’s links, and a comment author’s profile on another site', async () => {
    const b = await good();
    b.tables.posts[0]!.permalink = 'javascript:alert(1)';
    b.tables.comments[0]!.authorUrl = 'https://evil.example/id5';
    const error = refused(b);
    expect(error).toContain('Таблица «публикации», запись 1');
    expect(error).toContain('Таблица «комментарии», запись 1 («vk:-123456_1002»): адрес «https://evil.example/id5» ведёт не на vk.com, vk.ru или ok.ru (поле authorUrl)');
  });

  it('the moderation log’s addresses', async () => {
    const b = await good();
    b.tables.moderation[0]!.permalink = 'https://evil.example/wall-1_2';
    expect(refused(b)).toMatch(/Таблица «журнал модерации», запись 1 \(«1»\): .*ведёт не на vk\.com.* \(поле permalink\)/);
  });

  it.each([
    ['url', (m: Backup['tables']['messages'][number]) => (m.url = 'javascript:alert(1)'), 'url'],
    ['source.permalink', (m: Backup['tables']['messages'][number]) => (m.source.permalink = 'data:text/html,<b>x</b>'), 'source.permalink'],
    ['source.pageUrl', (m: Backup['tables']['messages'][number]) => (m.source.pageUrl = 'javascript:alert(1)'), 'source.pageUrl'],
  ])('a message’s %s', async (_, spoil, field) => {
    const b = await good();
    spoil(b.tables.messages[0]!);
    expect(refused(b)).toMatch(new RegExp(`Таблица «сообщения», запись 1 \\(«A1»\\): .* \\(поле ${field.replace('.', '\\.')}\\)`));
  });

  it('the reply’s link in a «published» event', async () => {
    const b = await good();
    const published = b.tables.messages[0]!.events.find((e) => e.type === 'published')!;
    (published.payload as { url?: string }).url = 'javascript:alert(1)';
    expect(refused(b)).toMatch(/Таблица «сообщения», запись 1 \(«A1»\): ссылка «javascript:alert\(1\)» не принята: нужна ссылка https:\/\/ на vk\.com, vk\.ru или ok\.ru \(поле events\.4\.payload\.url\)/);
  });

  it('an exchange file, checked by the same schema', async () => {
    const b = await good();
    const file = exportForDepartment(b.tables.messages, CITY, { origin: { name: 'Иванова А. С.', role: 'curator' }, now: NOW });
    expect(parseExchange(exchangeToText(file)).ok).toBe(true);
    file.messages[0]!.record.url = 'javascript:alert(1)';
    const r = parseExchange(exchangeToText(file));
    expect(r.ok).toBe(false);
    expect((r as { errors: string[] }).errors[0]).toMatch(/^Файл обмена повреждён: ссылка «javascript:alert\(1\)» не принята/);
  });
});

describe('the messages import stores https addresses', () => {
  it('an http link and a link without the scheme become https; the import key stays what the file wrote', () => {
    const text = 'Ссылка;Текст\r\nhttp://vk.com/wall-1_2?reply=3;Первое\r\nvk.com/wall-1_2?reply=4;Второе\r\n';
    const r = buildImport(text, 'csv', { url: 'Ссылка', text: 'Текст' }, { now: NOW, actor: { role: 'curator', name: 'Анна' }, zone: 'Asia/Omsk' });
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.records.map((m) => [m.url, m.source.permalink])).toEqual([
      ['https://vk.com/wall-1_2?reply=3', 'https://vk.com/wall-1_2?reply=3'],
      ['https://vk.com/wall-1_2?reply=4', 'https://vk.com/wall-1_2?reply=4'],
    ]);
    for (const m of r.records) expect(siteAddressProblem(m.url!)).toBeNull();
  });
});
