/**
 * `otklik page`: a saved page read by the adapter for its address — the contract other tools rely on
 * (issue #14): one JSON object a line, posts and comments in the page's order, then the summary.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageCommand } from '@/lib/cli/page';
import { adapterFor } from '@/lib/sites';
import { checkPage } from '@/lib/sites/check';
import { cp1251 } from './cp1251';
import { expectRefusal, runCommand } from './run-command';
import { contextFor, FIXTURES_DIR, fixtureNames, loadFixture, PAGES } from './sites/fixtures';

const NOW = '2025-05-07T13:00:00+06:00';
const fixture = (name: string) => readFileSync(join(FIXTURES_DIR, name), 'utf8');

async function page(args: string[], input = '') {
  const r = await runCommand(pageCommand, args, input);
  return { ...r, lines: r.out.trim() ? r.out.trim().split('\n').map((l) => JSON.parse(l)) : [] };
}

describe('otklik page', () => {
  it('prints each post and comment of a saved page, in the page\'s order, then the summary', async () => {
    const r = await page(['--url', 'https://vk.com/wall-123456_1001', '--now', NOW], fixture('vk/new-ui-post.html'));
    expect(r.code).toBe(0);
    expect(r.lines.map((l) => `${l.kind} ${l.key ?? ''}`.trim())).toEqual([
      'post vk:-123456_1001',
      ...['1002', '1003', '1006', '1004', '1005', '1007', '1008'].map((n) => `comment vk:-123456_${n}`),
      'summary',
    ]);
    expect(r.lines[0]).toMatchObject({ time: '2025-05-05T10:00:00+06:00', author: { id: '-123456', name: 'Администрация города' } });
    expect(r.lines[0].text).toMatch(/^С 12 по 14 мая/);
    expect(r.lines[1]).toEqual({
      kind: 'comment', key: 'vk:-123456_1002', post: 'vk:-123456_1001', parent: null, time: '2025-05-06T14:05:00+06:00',
      author: { id: '111', name: 'Иван Петров', url: 'https://vk.com/id111' },
      text: 'А в доме на Ленина, 10 когда дадут воду? Третью неделю без горячей.', own: false,
      permalink: 'https://vk.com/wall-123456_1001?reply=1002',
    });
    expect(r.lines[2]).toMatchObject({ key: 'vk:-123456_1003', parent: 'vk:-123456_1002', time: '2025-05-07T11:00:00+06:00', own: true });
    expect(r.lines.at(-1)).toMatchObject({
      kind: 'summary', site: 'vk', page: { kind: 'post', ownerId: '-123456', name: 'Администрация города' },
      posts: 1, comments: 7, datesRead: 7, siteSays: 7, mismatch: false, selectors: { comment: 7, commentDate: 7 },
    });
  });

  it.each(fixtureNames())('%s: the same keys and counts as the content script\'s parser', async (name) => {
    const { url, now } = PAGES[name]!;
    const r = await page(['--url', url, '--now', new Date(now).toISOString()], fixture(name));
    expect(r.code).toBe(0);
    const ctx = contextFor(name);
    const adapter = adapterFor(url)!;
    const doc = loadFixture(name);
    const withPage = { ...ctx, page: adapter.pageInfo(doc, ctx) };
    const keys = adapter.commentElements(doc).map((el) => adapter.parseComment(el, withPage)).filter((c) => c).map((c) => `${c!.site}:${c!.id}`);
    expect(r.lines.filter((l) => l.kind === 'comment').map((l) => l.key)).toEqual(keys);
    const { site, kind, ...counts } = checkPage(adapter, doc, ctx);
    expect(r.lines.at(-1)).toMatchObject({ kind: 'summary', site, page: { kind }, ...counts });
  });

  it('resolves dates in --zone against --now; without --zone, in Asia/Omsk', async () => {
    const html = fixture('vk/new-ui-post.html');
    const moscow = await page(['--url', 'https://vk.com/wall-123456_1001', '--now', '2025-05-07T10:00:00+03:00', '--zone', 'Europe/Moscow'], html);
    expect(moscow.lines.find((l) => l.key === 'vk:-123456_1002').time).toBe('2025-05-06T14:05:00+03:00');
    // «только что» is --now itself
    expect(moscow.lines.find((l) => l.key === 'vk:-123456_1007').time).toBe('2025-05-07T10:00:00+03:00');
    const omsk = await page(['--url', 'https://vk.com/wall-123456_1001', '--now', '2025-05-07T13:00'], html);
    expect(omsk.lines.find((l) => l.key === 'vk:-123456_1007').time).toBe('2025-05-07T13:00:00+06:00');
  });

  it('takes the address from «saved from url», reads a file, and m.vk.com and OK by their own adapters', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'otklik-page-'));
    const saved = join(dir, 'saved.html');
    writeFileSync(saved, `<!-- saved from url=(0033)https://m.vk.com/wall-123456_1301 -->\n${fixture('mvk/post.html')}`);
    const mobile = await page([saved, '--now', NOW]);
    expect(mobile.code).toBe(0);
    expect(mobile.lines.filter((l) => l.kind === 'comment').map((l) => l.key)).toContain('vk:-123456_1302');
    expect(mobile.lines.at(-1)).toMatchObject({ comments: 8, placeholders: 1 });

    const ok = await page(['--url', 'https://ok.ru/group/70000001234567/topic/155000000001', '--now', NOW], fixture('ok/topic.html'));
    expect(ok.lines[0]).toMatchObject({ kind: 'post', key: 'ok:155000000001' });
    expect(ok.lines[1]).toMatchObject({ kind: 'comment', key: 'ok:155000000001_901', time: '2025-05-06T14:05:00+06:00' });
  });

  it('reads a page saved in Windows-1251', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'otklik-page-'));
    const file = join(dir, 'cp1251.html');
    const html = fixture('vk/classic-wall.html').replace(/<meta charset="utf-8">/i, '<meta charset="windows-1251">');
    // only what the code page has (no dashes, no emoji)
    const simple = html.replace(/[^\u0000-\u007f\u0410-\u044fЁё№«»]/g, ' ');
    writeFileSync(file, cp1251(simple));
    const r = await page([file, '--url', 'https://vk.com/public123456', '--now', NOW]);
    expect(r.code).toBe(0);
    expect(r.lines.find((l) => l.kind === 'post').author.name).toBe('Департамент городского хозяйства');
    expect(r.lines).toEqual((await page(['--url', 'https://vk.com/public123456', '--now', NOW], simple)).lines);
  });

  it('leaves out what Otklik itself added to a page saved while it ran', async () => {
    const html = fixture('vk/new-ui-post.html')
      .replace('Спасибо, что предупредили заранее!</div>', 'Спасибо, что предупредили заранее!<span data-otklik-ui>реклама · п. 15</span></div>')
      .replace('</body>', '<otklik-panel data-otklik-ui>Отклик</otklik-panel></body>');
    const r = await page(['--url', 'https://vk.com/wall-123456_1001', '--now', NOW], html);
    expect(r.lines.find((l) => l.key === 'vk:-123456_1004').text).toBe('Спасибо, что предупредили заранее!');
  });

  it('a page that does not parse: the summary says so', async () => {
    const html = fixture('vk/new-ui-post.html').replaceAll('wall_comments_comment_root', 'renamed_root');
    const r = await page(['--url', 'https://vk.com/wall-123456_1001', '--now', NOW], html);
    expect(r.code).toBe(0);
    expect(r.lines.at(-1)).toMatchObject({ kind: 'summary', comments: 2, siteSays: 7 });
    const none = await page(['--url', 'https://vk.com/wall-123456_1001', '--now', NOW], html.replaceAll('wall_comments_comment_in_thread', 'renamed'));
    expect(none.lines).toHaveLength(2);
    expect(none.lines.at(-1)).toMatchObject({ comments: 0, mismatch: true });
  });

  it.each([
    [[], '<html><body></body></html>', /не указан --url/],
    [['--url', 'https://example.com/'], '<html></html>', /не страница ВКонтакте или Одноклассников/],
    [['--url', 'https://vk.com/club1', '--zone', 'Mars/Olympus'], '<html></html>', /--zone: «Mars\/Olympus»/],
    [['--url', 'https://vk.com/club1', '--now', 'вчера'], '<html></html>', /--now: «вчера» — не дата/],
    [['--url', 'https://vk.com/club1', '--depth', '3'], '<html></html>', /неизвестный параметр --depth/],
    [['a.html', 'b.html', '--url', 'https://vk.com/club1'], '', /укажите один файл/],
    [['--url', 'https://vk.com/club1'], '', /страница пуста/],
    [['/nonexistent/page.html', '--url', 'https://vk.com/club1'], '', /не удалось прочитать файл/],
  ])('%j: refuses with one line in Russian', async (args, input, message) => {
    expectRefusal(await runCommand(pageCommand, args, input), message);
  });
});
