/**
 * A virtualised list in a real browser (issue #14): VK and OK take comments and posts scrolled far
 * off-screen out of the page and draw them again on the way back. A long scroll logs no deletion,
 * the flags stay one a comment, the stored counts stay right — and a real deletion after it is
 * logged once. The page's own script does the mounting and unmounting, as the site's does.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPage, type Session } from '../browser';

/**
 * Runs in the page: a window of two children of `list` mounted at a time, slid over the list
 * `rounds` times, every other round drawing the items anew (clean copies, as React does).
 */
async function virtualScroll(page: Page, list: string, rounds: number): Promise<number> {
  return page.evaluate(
    async ({ list, rounds }) => {
      const clean = (node: Element) => {
        const copy = node.cloneNode(true) as Element;
        for (const ui of copy.querySelectorAll('[data-otklik-ui]')) ui.remove();
        for (const el of [copy, ...copy.querySelectorAll('*')]) {
          for (const name of el.getAttributeNames()) if (name.startsWith('data-otklik-')) el.removeAttribute(name);
          el.classList.remove('otklik-pulse');
        }
        return copy;
      };
      const slots = [...document.querySelector(list)!.children].map((node) => ({ node, anchor: document.createComment('slot') }));
      for (const s of slots) s.node.before(s.anchor);
      let unmounted = 0;
      for (let round = 0; round < rounds; round++) {
        for (let at = 0; at < slots.length; at++) {
          slots.forEach((s, i) => {
            const inWindow = i >= at && i < at + 2;
            if (!inWindow && s.node.isConnected) {
              s.node.remove();
              unmounted++;
            } else if (inWindow && !s.node.isConnected) {
              if (round % 2) s.node = clean(s.node);
              s.anchor.after(s.node);
            }
          });
          await new Promise((r) => setTimeout(r, 30));
        }
      }
      for (const s of slots) if (!s.node.isConnected) s.anchor.after((s.node = clean(s.node)));
      return unmounted;
    },
    { list, rounds },
  );
}

const flagged = (page: Page) => page.locator('[data-otklik-flags]').evaluateAll((els) => els.map((e) => e.getAttribute('data-otklik-comment')).sort());

const CASES = [
  {
    name: 'a VK post',
    url: 'https://vk.com/wall-123456_1001',
    list: '[data-testid="wall_comments_layout_root"]',
    flagged: ['vk:-123456_1005', 'vk:-123456_1006', 'vk:-123456_1008'],
    remove: {
      key: 'vk:-123456_1008',
      stub: `(el) => { const s = document.createElement('div'); s.setAttribute('data-testid', 'wall_comments_comment_root'); s.id = el.id; s.textContent = 'Комментарий удалён'; el.replaceWith(s); }`,
    },
  },
  {
    name: 'an OK discussion',
    url: 'https://ok.ru/group/70000001234567/topic/155000000001',
    list: '.comments_lst_cnt',
    flagged: ['ok:155000000001_903', 'ok:155000000001_904'],
    remove: {
      key: 'ok:155000000001_904',
      stub: `(el) => { el.classList.add('comments_i', '__deleted'); el.innerHTML = '<div class="delete-stub">Комментарий удалён. <a class="delete-stub_cancel">Восстановить</a></div>'; }`,
    },
  },
];

describe('a long scroll through a virtualised list, in Chromium', () => {
  let session: Session;
  let panel: Page;
  beforeAll(async () => {
    session = await launch();
    panel = await session.context.newPage();
  });
  afterAll(async () => {
    await session?.close();
  });

  for (const c of CASES) {
    it(`on ${c.name}: no deletion logged, flags and stored comments unchanged; a real deletion logged once`, async () => {
      const page = await openPage(session, c.url);
      await expect.poll(() => flagged(page)).toEqual(c.flagged);
      await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html?tab=pages`);
      const pageRow = panel.locator('[data-testid="pages-seen"] tr[data-page-key]').filter({ hasText: c.url.includes('ok.ru') ? 'ОК' : 'ВК' });
      await expect.poll(() => pageRow.count()).toBe(1);
      const storedBefore = await pageRow.locator('td.num').allTextContents();

      const unmounted = await virtualScroll(page, c.list, 10);
      expect(unmounted).toBeGreaterThan(10);
      await expect.poll(() => flagged(page)).toEqual(c.flagged);
      expect(await page.locator('.otklik-flags').count()).toBe(c.flagged.length);

      await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html?tab=moderation`);
      await panel.getByTestId('mod-queue').waitFor();
      await panel.waitForTimeout(500);
      expect(await panel.locator('.log li[data-comment-key]').count()).toBe(0);
      await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html?tab=pages`);
      await expect.poll(() => pageRow.locator('td.num').allTextContents()).toEqual(storedBefore);

      // Now the moderator deletes one on the site: logged once.
      await page.evaluate(({ key, stub }) => (0, eval)(stub)(document.querySelector(`[data-otklik-comment="${key}"]`)), c.remove);
      await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html?tab=moderation`);
      await expect.poll(() => panel.locator(`.log li[data-comment-key="${c.remove.key}"]`).count()).toBe(1);
      await panel.waitForTimeout(300);
      expect(await panel.locator('.log li[data-comment-key]').count()).toBe(1);
      // Cleared for the next case.
      await panel.evaluate(() => new Promise<void>((r) => { const req = indexedDB.open('otklik'); req.onsuccess = () => { const db = req.result; const tx = db.transaction('moderation', 'readwrite'); tx.objectStore('moderation').clear(); tx.oncomplete = () => { db.close(); r(); }; }; }));
      await page.close();
    });
  }
});
