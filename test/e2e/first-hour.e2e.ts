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

  it('opened the options page on its «Кто вы?» step by itself on install', () => {
    expect(session.firstRunText).toMatch(/Кто вы|начало работы/);
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

  it('offers the page panel’s «Зарегистрировать комментарий на экране»: the form opens under the comment in view', async () => {
    const page = await openPage(session, POST);
    await page.locator('[data-otklik-comment]').first().waitFor();
    const panel = page.locator('otklik-panel');
    await panel.getByRole('button', { name: 'Зарегистрировать комментарий на экране' }).click();
    const form = page.locator('.otklik-register-form');
    await form.waitFor();
    expect(await form.count()).toBe(1);
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('topic');
    expect(await panel.getByRole('status').textContent()).toContain('Форма открыта под комментарием');
    await page.close();
  });

  it('folds the page panel to a pill with the counts, remembers it on the next page, and unfolds', async () => {
    const page = await openPage(session, POST);
    const panel = page.locator('otklik-panel');
    await expect.poll(() => page.locator('[data-otklik-flags]').count()).toBeGreaterThan(0);
    await panel.getByRole('button', { name: 'Свернуть' }).click();
    const pill = panel.getByTestId('panel-pill');
    await expect.poll(() => pill.textContent()).toMatch(/^Отклик · нарушений: \d+/);
    expect(await panel.locator('.body').count()).toBe(0);
    const next = await openPage(session, 'https://vk.com/public123456');
    await next.locator('otklik-panel').getByTestId('panel-pill').waitFor();
    await next.locator('otklik-panel').getByTestId('panel-pill').click();
    await next.locator('otklik-panel .body').waitFor();
    await next.close();
    await page.close();
  });

  it('steps aside while the user types in a field it would cover, and comes back after', async () => {
    const page = await openPage(session, POST);
    const panel = page.locator('otklik-panel');
    await panel.locator('.body').waitFor();
    await page.evaluate(() => {
      const box = document.createElement('div');
      box.contentEditable = 'true';
      box.id = 'reply-box';
      box.style.cssText = 'position:fixed;right:20px;bottom:20px;width:300px;height:60px;background:#eee';
      document.body.append(box);
    });
    // The panel lies over the box: the user reaches it by Tab (a click would land on the panel).
    await page.locator('#reply-box').focus();
    await panel.getByTestId('panel-pill').waitFor();
    await page.locator('#reply-box').evaluate((el) => (el as HTMLElement).blur());
    await panel.locator('.body').waitFor();
    await page.close();
  });
});

describe('the side panel by keyboard', () => {
  let session: Session;
  let side: Page;
  beforeAll(async () => {
    session = await launch();
    side = await session.context.newPage();
    await side.goto(`chrome-extension://${session.extensionId}/sidepanel.html`);
    await side.evaluate((s) => (globalThis as any).chrome.storage.local.set({ settings: s }), { ...DEFAULT_SETTINGS, role: 'curator', onboarded: true });
    await side.reload();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('moves between tabs with the arrow keys', async () => {
    const first = side.getByRole('tab').first();
    await first.focus();
    await side.keyboard.press('ArrowRight');
    const second = side.getByRole('tab').nth(1);
    expect(await second.getAttribute('aria-selected')).toBe('true');
    expect(await second.evaluate((el) => el === document.activeElement)).toBe(true);
    await side.keyboard.press('ArrowLeft');
    expect(await first.getAttribute('aria-selected')).toBe('true');
  });

  it('reaches the import button with Tab, with a visible focus ring', async () => {
    await side.getByRole('tab', { name: 'Сообщения' }).focus();
    let reached = false;
    for (let i = 0; i < 30 && !reached; i++) {
      await side.keyboard.press('Tab');
      reached = await side.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name === 'messages-import');
    }
    expect(reached).toBe(true);
    const ring = await side.evaluate(() => getComputedStyle(document.activeElement!.closest('label')!).outlineStyle);
    expect(ring).toBe('solid');
  });
});
