/**
 * The side panel at the widths it really has (360–420 px): no tab scrolls sideways, the queue's
 * countdown is whole on every row, the registry's «Изменить»/«Удалить» are on screen, and no text is
 * below WCAG AA contrast. Data comes in
 * as a user's backup, restored on the options page. `OTKLIK_SHOTS=dir` also writes a screenshot of
 * every tab at both widths (the first-hour walk-through).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKUP_KIND, BACKUP_VERSION, type Backup } from '@/lib/backup/types';
import { parseBackup } from '@/lib/backup/parse';
import type { RegistryEntry } from '@/lib/registry/entry';
import { DEFAULT_SETTINGS } from '@/lib/settings/defaults';
import type { MessageEvent } from '@/lib/workflow/schema';
import { launch, type Session } from '../browser';
import { lowContrast, overflow } from './layout-checks';
import { messageRecord } from '../messages';

const HOUR = 3_600_000;
const DEPT = 'Департамент городского хозяйства и жилищно-коммунального комплекса';
const curator = { role: 'curator', name: 'Анна Куратор' } as const;

function backup(now: number): Backup {
  const messages = Array.from({ length: 12 }, (_, i) => {
    const at = now - (i + 1) * 7 * HOUR;
    const events: MessageEvent[] = [
      { type: 'received', actor: curator, at, payload: { importance: i % 3 ? 'normal' : 'high', topic: 'Отопление и горячая вода', location: `ул. Красного Пути, ${i + 1}` } },
    ];
    if (i % 2) events.push({ type: 'routed', actor: curator, at: at + 10 * 60_000, payload: { executors: [{ department: DEPT }, { department: 'Департамент транспорта' }] } });
    return messageRecord(String(3000 + i), events, {
      author: `Константин Константинопольский-${i}`,
      text: 'Третью неделю нет горячей воды в доме, управляющая компания не отвечает на звонки, прошу разобраться и сообщить сроки.',
    });
  });
  const registry: RegistryEntry[] = Array.from({ length: 4 }, (_, i) => ({
    id: `r${i}`,
    site: i % 2 ? 'ok' : 'vk',
    url: i % 2 ? `https://ok.ru/group/7000000123456${i}` : `https://vk.com/club12345${i}`,
    ownerId: null,
    name: `Департамент городского хозяйства администрации города Омска — страница ${i + 1}`,
    kind: i ? 'department' : 'administration',
    department: i ? DEPT : '',
    responsible: 'Иванова Мария Петровна, главный специалист',
    twoFactorConfirmedAt: '2026-09-01',
    adminsReviewedAt: '2026-09-01',
    notes: '',
  }));
  return {
    kind: BACKUP_KIND,
    version: BACKUP_VERSION,
    exportedAt: new Date(now).toISOString(),
    tables: { pages: [], posts: [], comments: [], moderation: [], registry, messages },
    settings: { settings: { ...DEFAULT_SETTINGS, role: 'curator', userName: 'Анна Куратор', onboarded: true } },
  };
}

describe('the side panel at 360 and 420 px', () => {
  let session: Session;
  let side: Page;
  const shots = process.env.OTKLIK_SHOTS;

  beforeAll(async () => {
    session = await launch();
    const file = backup(Date.now());
    expect(parseBackup(JSON.stringify(file)).ok).toBe(true);
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await options.getByTestId('backup-file').setInputFiles({ name: 'otklik.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    await options.getByTestId('backup-summary').getByRole('button', { name: /Восстановить|Заменить/ }).first().click();
    await options.getByTestId('backup-result').waitFor();
    expect(await options.getByTestId('backup-result').textContent()).toContain('Восстановлено');
    await options.close();
    side = await session.context.newPage();
    if (shots) mkdirSync(shots, { recursive: true });
  });
  afterAll(async () => {
    await session?.close();
  });

  for (const width of [360, 420]) {
    it(`fits every tab at ${width} px`, async () => {
      await side.setViewportSize({ width, height: 800 });
      await side.goto(`chrome-extension://${session.extensionId}/sidepanel.html`);
      await side.getByRole('tab').first().waitFor();
      const tabs = await side.getByRole('tab').evaluateAll((els) => els.map((e) => e.getAttribute('data-tab')!));
      expect(tabs.length).toBeGreaterThan(3);
      for (const tab of tabs) {
        await side.locator(`[role="tab"][data-tab="${tab}"]`).click();
        await side.waitForTimeout(150);
        if (shots) await side.screenshot({ path: join(shots, `${width}-${tab}.png`), fullPage: true });
        expect(await overflow(side), `вкладка ${tab}`).toEqual([]);
        expect(await lowContrast(side), `контраст, вкладка ${tab}`).toEqual([]);
      }
    });

    it(`shows the whole countdown on every queue row at ${width} px`, async () => {
      await side.locator('[role="tab"][data-tab="messages"]').click();
      const rows = side.locator('.queue-row');
      await expect.poll(() => rows.count()).toBeGreaterThan(5);
      const cut = await rows.evaluateAll((els) =>
        els.flatMap((row) => {
          const c = row.querySelector('.queue-countdown');
          if (!c) return [`${row.getAttribute('data-id')}: нет срока`];
          const r = c.getBoundingClientRect();
          const box = row.getBoundingClientRect();
          return c.scrollHeight > c.clientHeight + 1 || r.right > box.right || r.bottom > box.bottom ? [`${row.getAttribute('data-id')}: ${c.textContent}`] : [];
        }),
      );
      expect(cut).toEqual([]);
    });

    it(`opens a message card that fits ${width} px, and Esc brings the queue back`, async () => {
      await side.locator('[role="tab"][data-tab="messages"]').click();
      await side.locator('.queue-row').first().click();
      const card = side.getByTestId('message-card');
      await card.waitFor();
      await side.waitForTimeout(100);
      if (shots) await side.screenshot({ path: join(shots, `${width}-card.png`), fullPage: true });
      expect(await overflow(side), 'карточка').toEqual([]);
      expect(await lowContrast(side), 'контраст карточки').toEqual([]);
      await side.keyboard.press('Escape');
      await card.waitFor({ state: 'detached' });
      await side.locator('.queue-row').first().waitFor();
    });

    it(`fits every view of the publications tab at ${width} px: the plan's calendar, the request form and card, the count, the response`, async () => {
      await side.locator('[role="tab"][data-tab="quota"]').click();
      // A request to look at (the curator, as the department of information policy, plans its own posts too).
      await side.locator('.pub-views button[data-view="requests"]').click();
      const form = side.getByTestId('pub-form');
      if (await form.isVisible()) {
        await form.getByLabel('Текст', { exact: true }).fill('В целях реализации программы благоустройства состоялось совещание, в котором приняли участие представители Департамента городского хозяйства и жилищно-коммунального комплекса.');
        await form.getByRole('button', { name: 'Направить' }).click();
        await side.getByTestId('pub-list').locator('.pub-row').first().waitFor();
      }
      await side.getByTestId('pub-list').locator('.pub-row').first().click();
      await side.getByTestId('pub-card').waitFor();
      for (const view of ['requests', 'plan', 'weeks', 'response'] as const) {
        await side.locator(`.pub-views button[data-view="${view}"]`).click();
        await side.waitForTimeout(100);
        if (shots) await side.screenshot({ path: join(shots, `${width}-publications-${view}.png`), fullPage: true });
        expect(await overflow(side), `публикации: ${view}`).toEqual([]);
        expect(await lowContrast(side), `контраст, публикации: ${view}`).toEqual([]);
      }
      // The week's seven days side by side, none cut.
      const days = side.locator('.pub-calendar li');
      await side.locator('.pub-views button[data-view="plan"]').click();
      await expect.poll(() => days.count()).toBeGreaterThanOrEqual(7);
      const cut = await days.evaluateAll((els) => els.filter((d) => d.scrollWidth > d.clientWidth + 1).length);
      expect(cut).toBe(0);
    });

    it(`keeps «Изменить» and «Удалить» of every registry page on screen at ${width} px`, async () => {
      await side.locator('[role="tab"][data-tab="registry"]').click();
      for (const name of ['Изменить', 'Удалить']) {
        const buttons = side.getByRole('button', { name: new RegExp(`^${name} «`) });
        await expect.poll(() => buttons.count()).toBe(4);
        const outside = await buttons.evaluateAll((els) => els.filter((b) => b.getBoundingClientRect().right > document.documentElement.clientWidth).length);
        expect(outside).toBe(0);
      }
    });
  }
});
