/**
 * Publication requests in a real browser (App. 2 §9–§12): a department's page owner submits a post,
 * the department of information policy returns it with numbered remarks, the owner revises, the
 * department approves it; then the page's wall shows the post — Otklik links it to the request,
 * marks it published with the link, and reads the footer's counts on two visits.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKUP_KIND, BACKUP_VERSION, type Backup } from '@/lib/backup/types';
import type { RegistryEntry } from '@/lib/registry/entry';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings/defaults';
import { foreignRequests, launch, type Session } from '../browser';

const WALL = 'https://vk.com/club555010';
const DEPT = 'Департамент транспорта';
const TEXT = 'С понедельника автобус № 12 ходит по новому маршруту — через Левобережье. Схема в карточках. Вопросы задавайте в комментариях!';
const REVISED = `${TEXT} Первый рейс — в 6:10.`;
// As the page published it: the department's wording with the page's own hashtags.
const POSTED = `С 9 марта автобус № 12 ходит по новому маршруту — через Левобережье. Первый рейс — в 6:10. Схема в карточках. Вопросы задавайте в комментариях! #Омск`;

/** The wall in VK's classic markup, with each post's footer (likes, comments, reposts, views). */
function wall(posts: { id: number; at: number; text: string; likes: number; views: number }[]): string {
  const items = posts
    .map(
      (p) => `
 <div id="post-555010_${p.id}" class="_post post page_block" data-post-id="-555010_${p.id}">
  <div class="PostHeader"><a class="PostHeaderTitle__authorLink" href="/gov_city" data-from-id="-555010" data-post-click-type="post_owner_link">Администрация города</a>
   <div class="post_date"><a class="post_link" href="/wall-555010_${p.id}"><span class="rel_date" time="${Math.floor(p.at / 1000)}">дата</span></a></div></div>
  <div class="wall_text"><div class="wall_post_cont _wall_post_cont"><div class="wall_post_text">${p.text}</div></div></div>
  <div class="like_btns"><a class="like_btn like _like" data-count="${p.likes}"></a><a class="like_btn comment _comment" data-count="2"></a><a class="like_btn share _share" data-count="1"></a></div>
  <div class="like_views _views" title="${p.views} просмотров">${p.views}</div>
 </div>`,
    )
    .join('\n');
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Администрация города</title>
<meta property="og:description" content="Официальная страница"><meta property="og:image" content="https://sun9-1.userapi.com/a.jpg"></head><body>
<div id="page_body"><h1 class="page_name" id="owner_page_name">Администрация города</h1>
<div id="page_wall_posts" class="page_wall_posts">${items}</div></div></body></html>`;
}

function backup(now: number): Backup {
  const registry: RegistryEntry[] = [
    {
      id: 'admin-vk',
      site: 'vk',
      url: WALL,
      ownerId: '-555010',
      name: 'Администрация города',
      kind: 'administration',
      department: '',
      responsible: 'Иванова А. С.',
      twoFactorConfirmedAt: null,
      adminsReviewedAt: null,
      notes: '',
    },
  ];
  return {
    kind: BACKUP_KIND,
    version: BACKUP_VERSION,
    exportedAt: new Date(now).toISOString(),
    tables: { pages: [], posts: [], comments: [], moderation: [], registry, messages: [] },
    settings: { settings: { ...DEFAULT_SETTINGS, role: 'owner', userName: 'Пётр Владелец', department: DEPT, onboarded: true } },
  };
}

describe('publication requests: submit, return with remarks, revise, approve, see it published', () => {
  let session: Session;
  let side: Page;

  async function as(settings: Partial<Settings>) {
    await side.evaluate(
      (s) => (globalThis as unknown as { chrome: { storage: { local: { set(o: object): Promise<void> } } } }).chrome.storage.local.set({ settings: s }),
      { ...DEFAULT_SETTINGS, onboarded: true, ...settings },
    );
    await side.reload();
    await side.getByRole('tab', { name: 'Публикации' }).click();
  }
  const requests = () => side.locator('.pub-views button[data-view="requests"]').click();
  const openRow = async () => {
    await requests();
    await side.getByTestId('pub-list').locator('.pub-row').first().click();
    await side.getByTestId('pub-card').waitFor();
  };

  beforeAll(async () => {
    session = await launch();
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    const file = backup(Date.now());
    await options.getByTestId('backup-file').setInputFiles({ name: 'otklik.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    await options.getByTestId('backup-summary').getByRole('button', { name: /Восстановить|Заменить/ }).first().click();
    await options.getByTestId('backup-result').waitFor();
    await options.close();
    side = await session.context.newPage();
    await side.setViewportSize({ width: 400, height: 900 });
    await side.goto(`chrome-extension://${session.extensionId}/sidepanel.html`);
    await side.getByRole('tab').first().waitFor();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('the owner submits; the style check speaks up on a press-release phrase first', async () => {
    await as({ role: 'owner', userName: 'Пётр Владелец', department: DEPT });
    await requests();
    const form = side.getByTestId('pub-form');
    await form.getByLabel('Текст', { exact: true }).fill('В целях реализации программы состоялось совещание.');
    await expect.poll(() => form.getByTestId('style-hints').textContent()).toMatch(/язык отчёта/);
    await form.getByLabel('Текст', { exact: true }).fill(TEXT);
    await expect.poll(() => form.getByTestId('style-hints').count()).toBe(0);
    await form.getByLabel('Формат').selectOption('card');
    await form.getByLabel(/Файлы/).setInputFiles({ name: 'схема.png', mimeType: 'image/png', buffer: Buffer.alloc(3000) });
    await expect.poll(() => form.locator('.pub-files').textContent()).toContain('схема.png · 3 КБ');
    await form.getByRole('button', { name: 'Направить' }).click();
    await form.getByText('Отправлено в департамент информационной политики.').waitFor();
    await expect.poll(() => side.getByTestId('pub-list').textContent()).toContain('на рассмотрении');
  });

  it('the department of information policy returns it with numbered remarks; the owner sees them and revises', async () => {
    await as({ role: 'curator', userName: 'Анна Куратор', department: 'Департамент информационной политики' });
    await openRow();
    const card = side.getByTestId('pub-card');
    await card.getByLabel('Замечания — каждое с новой строки').fill('Добавьте время первого рейса\nУкажите дату начала');
    await card.getByRole('button', { name: 'Вернуть на доработку' }).click();
    await expect.poll(() => card.getAttribute('data-status')).toBe('returned');

    await as({ role: 'owner', userName: 'Пётр Владелец', department: DEPT });
    await openRow();
    const mine = side.getByTestId('pub-card');
    expect(await mine.getByTestId('pub-remarks').locator('li').allTextContents()).toEqual(['Добавьте время первого рейса', 'Укажите дату начала']);
    await mine.getByLabel('Доработанный текст').fill(REVISED);
    await mine.getByRole('button', { name: 'Направить после доработки' }).click();
    await expect.poll(() => mine.getAttribute('data-status')).toBe('submitted');
  });

  it('the department approves it with a planned date; the week’s plan shows it', async () => {
    await as({ role: 'curator', userName: 'Анна Куратор', department: 'Департамент информационной политики' });
    await openRow();
    const card = side.getByTestId('pub-card');
    expect(await card.getByTestId('pub-text').textContent()).toBe(REVISED);
    await card.getByRole('button', { name: 'Согласовать' }).click();
    await expect.poll(() => card.getAttribute('data-status')).toBe('approved');
    await side.locator('.pub-views button[data-view="plan"]').click();
    await expect.poll(() => side.getByTestId('plan-sum').first().textContent()).toMatch(/согласовано 1/);
  });

  it('the post on the wall links to the request and marks it published; its footer counts are read on two visits', async () => {
    const now = Date.now();
    const posts = (likes: number, views: number) => [
      { id: 41, at: now - 60_000, text: POSTED, likes, views },
      { id: 40, at: now - 3600_000, text: 'Субботник в сквере Дружбы: приходите с семьёй!', likes: 3, views: 50 },
    ];
    session.pages.set(WALL, wall(posts(5, 100)));
    const page = await session.context.newPage();
    await page.goto(WALL);
    await page.locator('[data-otklik-comment], otklik-panel').first().waitFor({ state: 'attached' });

    await side.locator('.pub-views button[data-view="requests"]').click();
    await expect.poll(() => side.getByTestId('pub-list').textContent(), { timeout: 10_000 }).toContain('опубликована');
    await side.getByTestId('pub-list').locator('.pub-row').first().click();
    const published = side.getByTestId('pub-published');
    await published.waitFor();
    expect(await published.locator('a').getAttribute('href')).toBe('https://vk.com/wall-555010_41');

    // A second visit later: the numbers grew.
    session.pages.set(WALL, wall(posts(9, 300)));
    await page.reload();
    await side.locator('.pub-views button[data-view="response"]').click();
    const top = side.getByTestId('pub-top');
    await expect.poll(() => top.textContent(), { timeout: 10_000 }).toContain('просмотры 100 → 300');
    expect(await top.locator('li').first().textContent()).toContain('отклик 12');
    expect(await side.getByTestId('pub-response').textContent()).toContain('карточки');

    await side.locator('.pub-views button[data-view="plan"]').click();
    await expect.poll(() => side.getByTestId('plan-sum').first().textContent()).toMatch(/опубликовано 2, согласовано 0/);
    await page.close();
  });

  it('the registry shows the wall’s description and design as seen, and asks for nothing more for the administration’s page', async () => {
    await side.getByRole('tab', { name: 'Реестр' }).click();
    const checks = side.getByTestId('page-checks').first();
    await expect.poll(() => checks.textContent()).toMatch(/Описание: есть.*Оформление: есть/);
    expect(await checks.textContent()).not.toContain('Решение руководителя');
  });

  it('made no request to the network beyond the fixture pages', () => {
    expect(foreignRequests(session)).toEqual([]);
  });
});
