/**
 * A tab closed right after a big page is marked: every comment the page showed is stored, not just
 * the chunks that had time to go (issue #16: 5,400 of 10,000 were, before the store flushed on
 * `pagehide`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Session } from '../browser';
import { vkPostPage } from '../bench/generate';

const URL = 'https://vk.com/wall-123456_5000';
const COUNT = 3000;

describe('closing the tab at once', () => {
  let session: Session;
  beforeAll(async () => {
    session = await launch();
    session.pages.set(URL, vkPostPage(COUNT));
  });
  afterAll(async () => {
    await session?.close();
  });

  it(`keeps all ${COUNT} comments of a page closed the moment they are marked`, async () => {
    const page = await session.context.newPage();
    await page.goto(URL, { timeout: 60_000 });
    await page.waitForFunction((n) => document.querySelectorAll('[data-otklik-comment]').length >= n, COUNT, { timeout: 120_000, polling: 100 });
    await page.close({ runBeforeUnload: false });
    const side = await session.context.newPage();
    await side.goto(`chrome-extension://${session.extensionId}/sidepanel.html?tab=pages`);
    const row = side.locator('[data-testid="pages-seen"] tr[data-page-key]');
    await expect.poll(() => row.count(), { timeout: 20_000 }).toBe(1);
    await expect
      .poll(async () => { await side.reload(); return side.locator('[data-testid="pages-seen"] td.num').nth(1).textContent(); }, { timeout: 120_000, interval: 2000 })
      .toBe(String(COUNT));
    await side.close();
  }, 240_000);
});
