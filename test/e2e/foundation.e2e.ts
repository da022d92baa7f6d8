import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR, FIXTURES_DIR, foreignRequests, launch, openPage, type Session } from '../browser';
import { vkPostPage } from '../bench/generate';

/** Every comment on each fixture, as data-otklik-comment values (DESIGN.md contract). */
const EXPECTED: Record<string, { name: string; kind: string; comments: string[] }> = {
  'https://vk.com/wall-123456_1001': {
    name: 'Администрация города',
    kind: 'запись',
    comments: ['vk:-123456_1002', 'vk:-123456_1003', 'vk:-123456_1006', 'vk:-123456_1004', 'vk:-123456_1005', 'vk:-123456_1007', 'vk:-123456_1008'],
  },
  'https://ok.ru/group/70000001234567/topic/155000000001': {
    name: 'Администрация города',
    kind: 'обсуждение',
    comments: ['ok:155000000001_901', 'ok:155000000001_902', 'ok:155000000001_903', 'ok:155000000001_904', 'ok:155000000001_905'],
  },
};

describe('the extension on VK and OK pages', () => {
  let session: Session;
  beforeAll(async () => {
    session = await launch();
  });
  afterAll(async () => {
    await session?.close();
  });

  for (const [url, expected] of Object.entries(EXPECTED)) {
    it(`marks every comment and shows the panel on ${url}`, async () => {
      const page = await openPage(session, url);
      await expect
        .poll(() => page.locator('[data-otklik-comment]').evaluateAll((els) => els.map((e) => e.getAttribute('data-otklik-comment'))))
        .toEqual(expected.comments);
      const panel = page.locator('otklik-panel');
      await expect.poll(() => panel.locator('[data-testid="count-comments"]').textContent()).toBe(String(expected.comments.length));
      expect(await panel.locator('[data-testid="page-name"]').textContent()).toContain(expected.name);
      expect(await panel.locator('[data-testid="page-name"]').textContent()).toContain(expected.kind);
      expect(await panel.evaluate((el) => el.shadowRoot?.mode)).toBe('open');
      await page.close();
    });
  }

  it('marks comments the site loads later («Показать следующие комментарии»)', async () => {
    const page = await openPage(session, 'https://vk.com/wall-123456_1001');
    await expect.poll(() => page.locator('[data-otklik-comment]').count()).toBe(7);
    await page.evaluate(() => {
      const root = document.querySelector('[data-testid="wall_comments_comment_root"]')!;
      const more = document.querySelector('[data-testid="show_next_comments"]')!;
      for (const n of [1010, 1011]) {
        const copy = root.cloneNode(true) as Element;
        copy.removeAttribute('data-otklik-comment');
        copy.querySelectorAll('[data-otklik-comment]').forEach((e) => e.remove());
        copy.querySelector('[data-testid="wall_comments_layout_thread"]')?.remove();
        copy.id = `777_${n}`;
        copy.querySelector('[data-testid="wall_comment_date"]')!.setAttribute('href', `/wall-123456_1001?reply=${n}`);
        more.before(copy);
      }
    });
    await expect.poll(() => page.locator('[data-otklik-comment="vk:-123456_1011"]').count()).toBe(1);
    await expect.poll(() => page.locator('otklik-panel [data-testid="count-comments"]').textContent()).toBe('9');
    await page.close();
  });

  it('reads the page only once it is parsed: nothing is marked while the parser works', async () => {
    // A long page with the page's own script in the middle of it and a DOMContentLoaded listener of
    // the page's: both count the marks present at that moment.
    const html = vkPostPage(600).replace(
      '<div data-testid="wall_comments_comment_root" id="1300_5301"',
      '<script>window.__marksMidway = document.querySelectorAll("[data-otklik-comment]").length;</script><div data-testid="wall_comments_comment_root" id="1300_5301"',
    );
    expect(html).toContain('__marksMidway');
    session.pages.set('https://vk.com/wall-123456_5000', html);
    const page = await session.context.newPage();
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => ((window as any).__marksAtDcl = document.querySelectorAll('[data-otklik-comment]').length), { capture: true });
    });
    await page.goto('https://vk.com/wall-123456_5000');
    await expect.poll(() => page.locator('[data-otklik-comment]').count()).toBe(600);
    expect(await page.evaluate(() => [(window as any).__marksMidway, (window as any).__marksAtDcl])).toEqual([0, 0]);
    await page.close();
    // …while the script itself starts with the document, to load and compile as the page downloads.
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    // One content script a site markup: vk.com, m.vk.com and OK.
    expect(manifest.content_scripts.map((c: { run_at: string }) => c.run_at)).toEqual(['document_start', 'document_start', 'document_start']);
    // Exactly the hosts it works on, over https only (issue #16), and a script for each of them.
    expect(manifest.host_permissions.sort()).toEqual(['https://m.ok.ru/*', 'https://m.vk.com/*', 'https://m.vk.ru/*', 'https://ok.ru/*', 'https://vk.com/*', 'https://vk.ru/*']);
    expect(manifest.content_scripts.flatMap((c: { matches: string[] }) => c.matches).sort()).toEqual(manifest.host_permissions);
    // Plain http gets nothing: no script runs on http://vk.com.
    session.pages.set('http://vk.com/wall-123456_1001', readFileSync(join(FIXTURES_DIR, 'vk/new-ui-post.html'), 'utf8'));
    const plain = await session.context.newPage();
    await plain.goto('http://vk.com/wall-123456_1001');
    expect(await plain.locator('[data-testid="comment-text"]').count()).toBeGreaterThan(3);
    await plain.waitForTimeout(1000);
    expect(await plain.locator('otklik-panel, [data-otklik-comment]').count()).toBe(0);
    await plain.close();
  });

  it('follows an SPA navigation without a reload', async () => {
    const page = await openPage(session, 'https://vk.com/wall-123456_1001');
    await expect.poll(() => page.locator('otklik-panel [data-testid="count-comments"]').textContent()).toBe('7');
    // VK swaps the content and pushes the new address; the panel must follow to the new page.
    await page.evaluate(() => {
      document.getElementById('page_layout')!.innerHTML = `
        <div data-testid="post" data-post-id="-123456_1050">
          <h3><a data-testid="post-header-title" href="/gov_city">Администрация города</a></h3>
          <div data-testid="wall_comments_layout_root">
            <div data-testid="wall_comments_comment_root" id="999_1051">
              <a href="/id999"><div data-testid="comment-owner">Пётр</div></a>
              <div data-testid="comment-text"><div data-testid="showmoretext-in">Новая запись, новый вопрос</div></div>
              <a data-testid="wall_comment_date" href="/wall-123456_1050?reply=1051">только что</a>
            </div>
          </div>
        </div>`;
      history.pushState({}, '', '/wall-123456_1050');
    });
    await expect.poll(() => page.locator('[data-otklik-comment="vk:-123456_1051"]').count()).toBe(1);
    await expect.poll(() => page.locator('otklik-panel [data-testid="count-comments"]').textContent(), { timeout: 5000 }).toBe('1');
    await page.close();
  });

  it('warns when a page that should have comments shows none the adapter knows', async () => {
    session.pages.set(
      'https://vk.com/wall-123456_2000',
      `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Запись</title></head><body>
       <div data-testid="post" data-post-id="-123456_2000"><div data-testid="post_footer_action_comment" aria-label="12 комментариев"></div>
       <div data-testid="wall_comments_layout_root"><div class="newCommentMarkup">Комментарий в незнакомой разметке</div></div></div></body></html>`,
    );
    const page = await openPage(session, 'https://vk.com/wall-123456_2000');
    await expect
      .poll(() => page.locator('otklik-panel [data-testid="page-warning"]').textContent())
      .toBe('Страница изменилась: комментарии не найдены');
    await page.close();
  });

  it('stores what it saw, and the side panel lists the pages', async () => {
    for (const url of ['https://vk.com/public123456', 'https://ok.ru/group/70000001234567']) {
      const page = await openPage(session, url);
      await expect.poll(() => page.locator('otklik-panel [data-testid="count-posts"]').textContent()).not.toBe('0');
      await page.close();
    }
    const panel = await session.context.newPage();
    await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html?tab=pages`);
    const rows = panel.locator('[data-testid="pages-seen"] tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(2);
    const vk = panel.locator('tr[data-page-key="vk:-123456"]');
    await expect.poll(() => vk.locator('td.num').first().textContent()).not.toBe('0');
    // The post page stored 7 comments (and more from the tests above) under the same community.
    expect(Number(await vk.locator('td.num').nth(1).textContent())).toBeGreaterThanOrEqual(7);
    await expect.poll(() => panel.locator('tr[data-page-key^="ok:"]').count()).toBeGreaterThanOrEqual(1);
    await panel.close();
  });

  it('makes no network requests of its own', () => {
    expect(foreignRequests(session)).toEqual([]);
  });
});
