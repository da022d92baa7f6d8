/**
 * «Проверить страницу» and «Скопировать отчёт для разработчиков» in a real browser: on a page read
 * whole the panel says what it found; on a page whose markup changed (test/fixtures/changed/) it
 * warns by itself, says in Russian what is not read, and the copied report holds the page's
 * structure and counts — no comment's words, no names, no people's ids. And photos and videos at
 * their own addresses, and a post open in a layer over the wall, read like any post's page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES_DIR, launch, openPage, type Session } from '../browser';

const GOOD = 'https://vk.com/wall-123456_1001';
const CHANGED = 'https://vk.com/wall-123456_1401';
/** Photos and videos at their own addresses, and a post open in a layer over the wall. */
const MEDIA: Record<string, string> = {
  'https://vk.com/photo-123456_457239017': 'vk/photo-page.html',
  'https://vk.com/video-123456_456239017': 'vk/video-page.html',
  'https://vk.com/club123456?w=wall-123456_1501': 'vk/post-layer.html',
};

async function flags(page: Page): Promise<Record<string, string>> {
  return page.locator('[data-otklik-flags]').evaluateAll((els) =>
    Object.fromEntries(els.map((e) => [e.getAttribute('data-otklik-comment'), e.getAttribute('data-otklik-flags')!.split(' ').sort().join(' ')])),
  );
}

/** The words and names of the page's comments, and its people's links, read from the page itself. */
function secretsOf(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const words = [...document.querySelectorAll('[data-testid="comment-text"], [data-testid="comment-owner"]')]
      .flatMap((el) => (el.textContent ?? '').split(/[\s,.!?—]+/))
      .filter((w) => w.length > 3);
    const people = [...document.querySelectorAll('a[data-testid="comment-avatar"]')].map((a) => a.getAttribute('href')!.slice(1));
    return [...words, ...people];
  });
}

describe('the page check', () => {
  let session: Session;

  beforeAll(async () => {
    session = await launch();
    session.pages.set(CHANGED, readFileSync(join(FIXTURES_DIR, 'changed/vk-post.html'), 'utf8'));
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://vk.com' });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('a page read whole: says so and what it found', async () => {
    const page = await openPage(session, GOOD);
    const panel = page.locator('otklik-panel');
    await expect.poll(() => panel.getByTestId('count-comments').textContent()).toBe('7');
    await panel.getByRole('button', { name: 'Проверить страницу' }).click();
    const result = panel.getByTestId('page-check-result');
    expect(await result.textContent()).toContain('Страница прочитана: всё, что показывает сайт, распознано.');
    const lines = await result.locator('li').allTextContents();
    expect(lines).toEqual([
      'Записей: 1',
      'Комментариев: 7 (сайт показывает 7)',
      'С датой: 7 из 7 · с автором: 7 из 7 · с кнопкой «Ответить»: 7 из 7',
      'Поле ответа: найдено',
    ]);
    await page.close();
  });

  it('a page whose markup changed: warns by itself, says what is not read, and the report names no one', async () => {
    const page = await openPage(session, CHANGED);
    const panel = page.locator('otklik-panel');
    // without being asked
    await expect.poll(() => panel.getByTestId('page-warning').textContent().catch(() => null)).toBe('Страница изменилась: комментарии не найдены');
    await panel.getByRole('button', { name: 'Проверить страницу' }).click();
    const problems = await panel.locator('.check-list--problems li').allTextContents();
    expect(problems).toEqual([
      'Сайт показывает 7 комментариев, а Отклик не распознал ни одного: сайт изменил разметку. Отметки нарушений, журнал удалений и «Вставить ответ» здесь не работают.',
      '2 комментария найдены, но не прочитаны: у них не распознаны номер и дата.',
    ]);
    expect(await panel.getByTestId('page-check-result').textContent()).toContain('скопируйте отчёт для разработчиков');

    await panel.getByRole('button', { name: 'Скопировать отчёт для разработчиков' }).click();
    await panel.getByTestId('report-note').waitFor();
    expect(await panel.getByTestId('report-note').textContent()).toContain('Отчёт скопирован');
    const report = await page.evaluate(() => navigator.clipboard.readText());
    // what the developers need: counts, which selectors still match, the renamed parts
    expect(report).toContain('address: https://vk.com/wall-N_N');
    expect(report).toMatch(/counts: \{"posts":1,"comments":0,"placeholders":0,"unread":2,.*"siteSays":7,"mismatch":true\}/);
    expect(report).toMatch(/"comment":2,.*"commentDate":0/);
    expect(report).toContain('[data-testid="comments_comment_root"');
    expect(report).toContain('data-testid="comment_date_link"');
    // and nothing of the citizens: no words, no names, no links to them, no numbers of the page's
    const secrets = await secretsOf(page);
    expect(secrets.length).toBeGreaterThan(20);
    for (const secret of secrets) expect(report).not.toContain(secret);
    const markup = report.slice(report.indexOf('markup:'));
    expect(markup.replace(/… (?:×\d+ more of the same|\d+ more elements)/g, '').replace(/^(\s*)h[1-6]\b/gm, '$1h')).not.toMatch(/\d/);
    // Otklik's own marks stay out of the report
    expect(report).not.toContain('otklik');
    await page.close();
  });
});

describe('photos, videos and posts in layers', () => {
  let session: Session;

  beforeAll(async () => {
    session = await launch();
    for (const [url, file] of Object.entries(MEDIA)) session.pages.set(url, readFileSync(join(FIXTURES_DIR, file), 'utf8'));
  });
  afterAll(async () => {
    await session?.close();
  });

  it.each([
    ['https://vk.com/photo-123456_457239017', 'фотография', ['95', '96', '97'].map((n) => `vk:photo-123456_457239017_${n}`), { 'vk:photo-123456_457239017_97': 'insult' }],
    ['https://vk.com/video-123456_456239017', 'видео', ['41', '42', '43'].map((n) => `vk:video-123456_456239017_${n}`), { 'vk:video-123456_456239017_43': 'advertising spam' }],
    ['https://vk.com/club123456?w=wall-123456_1501', 'запись', ['vk:-123456_1502', 'vk:-123456_1503'], { 'vk:-123456_1503': 'obscenity' }],
  ])('%s: comments marked and flagged, the page named, no warning, the check clean', async (url, kind, keys, flagged) => {
    const page = await openPage(session, url);
    const marked = page.locator('[data-otklik-comment]');
    await expect.poll(() => marked.count()).toBe(keys.length);
    expect(await marked.evaluateAll((els) => els.map((e) => e.getAttribute('data-otklik-comment')))).toEqual(keys);
    await expect.poll(() => flags(page)).toEqual(flagged);
    const panel = page.locator('otklik-panel');
    await expect.poll(() => panel.getByTestId('count-comments').textContent()).toBe(String(keys.length));
    expect(await panel.getByTestId('page-name').textContent()).toContain(`ВКонтакте, ${kind}`);
    expect(await panel.getByTestId('page-warning').count()).toBe(0);
    await panel.getByRole('button', { name: 'Проверить страницу' }).click();
    expect(await panel.getByTestId('page-check-result').textContent()).toContain('Страница прочитана');
    await page.close();
  });
});
