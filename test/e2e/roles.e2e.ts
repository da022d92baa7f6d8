/**
 * The first hour of an executor and of a moderator, at the side panel's real widths (360 and 420 px):
 * each role's tabs and its own card fit, nothing is below WCAG AA contrast, and no technical word
 * leaks. The curator's walk is test/e2e/layout.e2e.ts. `OTKLIK_SHOTS=dir` writes a screenshot of
 * every step (`executor-360-messages.png`, `moderator-420-moderation.png`…).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKUP_KIND, BACKUP_VERSION, type Backup } from '@/lib/backup/types';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings/defaults';
import type { MessageEvent } from '@/lib/workflow/schema';
import { launch, openPage, type Session } from '../browser';
import { messageRecord } from '../messages';
import { lowContrast, overflow } from './layout-checks';

const HOUR = 3_600_000;
const DEPT = 'Департамент городского хозяйства и жилищно-коммунального комплекса';
const curator = { role: 'curator', name: 'Анна Куратор' } as const;
const shots = process.env.OTKLIK_SHOTS;

/** Messages routed to the executor's department, one of them with a draft returned for revision. */
function backup(now: number): Backup {
  const messages = Array.from({ length: 8 }, (_, i) => {
    const at = now - (i + 1) * 5 * HOUR;
    const events: MessageEvent[] = [
      { type: 'received', actor: curator, at, payload: { importance: i % 3 ? 'normal' : 'high', topic: 'Вывоз мусора и содержание дворов', location: `ул. Ленина, ${i + 3}` } },
      { type: 'routed', actor: curator, at: at + 12 * 60_000, payload: { executors: [{ department: DEPT }] } },
    ];
    return messageRecord(String(4000 + i), events, {
      author: `Екатерина Александровна Преображенская-${i}`,
      text: 'Во дворе второй месяц не вывозят мусор, контейнерная площадка переполнена, прошу принять меры.',
    });
  });
  return {
    kind: BACKUP_KIND,
    version: BACKUP_VERSION,
    exportedAt: new Date(now).toISOString(),
    tables: { pages: [], posts: [], comments: [], moderation: [], registry: [], messages },
    settings: { settings: { ...DEFAULT_SETTINGS, role: 'curator', userName: 'Анна Куратор', onboarded: true } },
  };
}

/** Words a user should never meet on screen. */
const TECHNICAL = /\bundefined\b|\bnull\b|NaN|\[object|\bID\b|\b2FA\b|week\.|Invalid|Error:/;

async function check(side: Page, name: string) {
  await side.waitForTimeout(150);
  if (shots) await side.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  expect(await overflow(side), name).toEqual([]);
  expect(await lowContrast(side), `контраст: ${name}`).toEqual([]);
  expect((await side.locator('body').innerText()).match(TECHNICAL)?.[0] ?? null, `технические слова: ${name}`).toBeNull();
}

async function walkTabs(side: Page, role: string, width: number) {
  const tabs = await side.getByRole('tab').evaluateAll((els) => els.map((e) => e.getAttribute('data-tab')!));
  expect(tabs.length).toBeGreaterThan(1);
  for (const tab of tabs) {
    await side.locator(`[role="tab"][data-tab="${tab}"]`).click();
    await check(side, `${role}-${width}-${tab}`);
  }
  return tabs;
}

describe('the first hour of an executor and a moderator', () => {
  let session: Session;
  let side: Page;
  const setSettings = (settings: Partial<Settings>) =>
    side.evaluate((s) => (globalThis as any).chrome.storage.local.set({ settings: s }), { ...DEFAULT_SETTINGS, onboarded: true, ...settings });

  beforeAll(async () => {
    session = await launch();
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await options.getByTestId('backup-file').setInputFiles({ name: 'otklik.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup(Date.now()))) });
    await options.getByTestId('backup-summary').getByRole('button', { name: /Восстановить|Заменить/ }).first().click();
    await options.getByTestId('backup-result').waitFor();
    await options.close();
    side = await session.context.newPage();
    await side.goto(`chrome-extension://${session.extensionId}/sidepanel.html`);
    if (shots) mkdirSync(shots, { recursive: true });
  });
  afterAll(async () => {
    await session?.close();
  });

  for (const width of [360, 420]) {
    it(`an executor at ${width} px: the department's queue, a card with the draft form, every tab fitting`, async () => {
      await setSettings({ role: 'executor', userName: 'Пётр Исполнитель', department: DEPT });
      await side.setViewportSize({ width, height: 800 });
      await side.goto(`chrome-extension://${session.extensionId}/sidepanel.html`);
      await side.getByRole('tab').first().waitFor();
      const tabs = await walkTabs(side, 'executor', width);
      expect(tabs).toContain('messages');
      await side.locator('[role="tab"][data-tab="messages"]').click();
      const rows = side.locator('.queue-row');
      await expect.poll(() => rows.count()).toBe(8);
      await rows.first().click();
      const card = side.getByTestId('message-card');
      await card.waitFor();
      // The executor's next step is the draft: its field is on the card, inside the width.
      await expect.poll(() => card.locator('textarea').count()).toBeGreaterThan(0);
      await check(side, `executor-${width}-card`);
      await side.keyboard.press('Escape');
      await card.waitFor({ state: 'detached' });
    });

    it(`a moderator at ${width} px: the flagged comments from the page in the queue, every tab fitting`, async () => {
      await setSettings({ role: 'moderator', userName: 'Ольга Модератор', department: '' });
      const post = await openPage(session, 'https://vk.com/wall-123456_1001');
      await expect.poll(() => post.locator('[data-otklik-flags]').count()).toBeGreaterThan(1);
      await side.setViewportSize({ width, height: 800 });
      await side.goto(`chrome-extension://${session.extensionId}/sidepanel.html`);
      await side.getByRole('tab').first().waitFor();
      const tabs = await walkTabs(side, 'moderator', width);
      expect(tabs).toContain('moderation');
      await side.locator('[role="tab"][data-tab="moderation"]').click();
      await expect.poll(() => side.getByTestId('mod-queue').locator('li[data-comment]').count()).toBeGreaterThan(1);
      // An ad that is spam too cites its clause once.
      const ad = await side.getByTestId('mod-queue').locator('li[data-comment="vk:-123456_1005"]').innerText();
      expect(ad.match(/п\. 15 прил\. 2/g)).toHaveLength(1);
      await check(side, `moderator-${width}-queue`);
      await post.close();
    });
  }
});
