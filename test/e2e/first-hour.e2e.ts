/**
 * What a new user meets in the first hour, in the real browser: reaching «Зарегистрировать
 * сообщение» without a mouse, and the page panel finding the comment in view.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings/defaults';
import { launch, openPage, type Session } from '../browser';

const POST = 'https://vk.com/wall-123456_1001';

describe('the first hour of a curator on the page', () => {
  let session: Session;
  let side: Page;

  async function as(settings: Partial<Settings>) {
    await side.evaluate((s) => (globalThis as any).chrome.storage.local.set({ settings: s }), { ...DEFAULT_SETTINGS, ...settings });
  }

  beforeAll(async () => {
    session = await launch();
    side = await session.context.newPage();
    await side.goto(`chrome-extension://${session.extensionId}/sidepanel.html`);
    await as({ role: 'curator', userName: 'Анна Куратор', onboarded: true } as Partial<Settings>);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('offers «Зарегистрировать сообщение» to the keyboard: Tab into a comment, Enter opens the form', async () => {
    const page = await openPage(session, POST);
    const comment = page.locator('[data-otklik-comment="vk:-123456_1002"]');
    await comment.waitFor();
    // The keyboard reaches the comment's author link; the button follows the focus, next in Tab order.
    await comment.locator('a[href="/id111"]').nth(1).focus();
    const button = page.locator('.otklik-register[data-for="vk:-123456_1002"]');
    await button.waitFor();
    await button.focus();
    await page.keyboard.press('Enter');
    const form = comment.locator('.otklik-register-form');
    await form.waitFor();
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('topic');
    await page.close();
  });
});
