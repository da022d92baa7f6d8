/**
 * The toolbar button as the browser really has it: the action in the manifest, its badge and title,
 * the deadline notifications, the side panel it opens, the keyboard commands. Read back from the
 * browser itself (chrome.action, chrome.notifications, chrome.commands): a mocked chrome.* proves
 * nothing about the manifest, which is how the badge once broke unnoticed.
 */
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings/defaults';
import { createWorkClock } from '@/lib/worktime/clock';
import { launch, type Session } from '../browser';

/** A moment of access whose routing deadline (T0 + 30 working minutes) is `left` working minutes away now. */
function accessWithRouteLeft(now: number, left: number): number {
  const clock = createWorkClock();
  let t = now;
  while (clock.workingMinutesBetween(t, now) < 30 - left) t -= 60_000;
  return t;
}

describe('the toolbar button, its badge and the reminders', () => {
  let session: Session;
  let side: Page;
  let worker: Worker;

  const sw = <T,>(fn: () => Promise<T>) => worker.evaluate(fn);

  async function register(n: number, receivedAt: number): Promise<string> {
    const reply = await side.evaluate(
      async ({ n, receivedAt }) => {
        const source = {
          site: 'vk',
          commentKey: `vk:-123456_${n}`,
          commentId: `-123456_${n}`,
          postId: '-123456_1001',
          pageKey: 'vk:-123456',
          pageUrl: 'https://vk.com/club123456',
          pageName: 'Администрация города',
          permalink: `https://vk.com/wall-123456_1001?reply=${n}`,
          authorId: null,
          authorName: `Житель ${n}`,
          authorUrl: null,
          text: `Когда починят отопление в доме ${n}?`,
          publishedAt: receivedAt,
        };
        const chrome = (globalThis as any).chrome;
        return chrome.runtime.sendMessage({ otklik: 1, type: 'messages/register', data: { source, topic: 'ЖКХ', location: '', importance: 'normal', receivedAt } });
      },
      { n, receivedAt },
    );
    expect(reply.ok, JSON.stringify(reply)).toBe(true);
    return reply.data.id as string;
  }

  beforeAll(async () => {
    session = await launch();
    worker = session.context.serviceWorkers()[0]!;
    side = await session.context.newPage();
    await side.goto(`chrome-extension://${session.extensionId}/sidepanel.html`);
    const settings: Settings = { ...DEFAULT_SETTINGS, role: 'curator', userName: 'Анна Куратор' };
    await side.evaluate((s) => (globalThis as any).chrome.storage.local.set({ settings: s }), settings);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('has a toolbar button that opens the side panel', async () => {
    const manifest = await sw(async () => (globalThis as any).chrome.runtime.getManifest());
    expect(manifest.action?.default_title).toBe('Отклик');
    expect(await sw(async () => typeof (globalThis as any).chrome.action?.setBadgeText)).toBe('function');
    await expect.poll(() => sw(async () => (globalThis as any).chrome.sidePanel.getPanelBehavior())).toEqual({ openPanelOnActionClick: true });
    expect(await sw(async () => (await (globalThis as any).chrome.sidePanel.getOptions({})).path)).toBe('sidepanel.html');
  });

  it('registers its keyboard commands, Alt+Shift+O opening the workspace', async () => {
    const commands: { name: string; shortcut: string }[] = await sw(async () => (globalThis as any).chrome.commands.getAll());
    const byName = Object.fromEntries(commands.map((c) => [c.name, c.shortcut]));
    expect(byName).toMatchObject({ _execute_action: 'Alt+Shift+O', 'next-flag': 'Alt+Shift+J', 'prev-flag': 'Alt+Shift+K' });
  });

  it('counts a deadline under 30 working minutes on the badge, in amber, and notifies once', async () => {
    const id = await register(9001, accessWithRouteLeft(Date.now(), 15));
    await expect.poll(() => sw(async () => (globalThis as any).chrome.action.getBadgeText({}))).toBe('1');
    expect(await sw(async () => (globalThis as any).chrome.action.getBadgeBackgroundColor({}))).toEqual([230, 161, 0, 255]);
    expect(await sw(async () => (globalThis as any).chrome.action.getTitle({}))).toContain('сроков на исходе — 1');
    await expect.poll(() => sw(async () => Object.keys(await (globalThis as any).chrome.notifications.getAll()))).toEqual([`${id}:routeDeadline:soon`]);
  });

  it('turns the badge red for a missed deadline and notifies about it', async () => {
    const id = await register(9002, Date.now() - 10 * 86_400_000);
    await expect.poll(() => sw(async () => (globalThis as any).chrome.action.getBadgeText({}))).toBe('2');
    expect(await sw(async () => (globalThis as any).chrome.action.getBadgeBackgroundColor({}))).toEqual([198, 40, 40, 255]);
    expect(await sw(async () => (globalThis as any).chrome.action.getTitle({}))).toContain('пропущено сроков — 1');
    await expect.poll(() => sw(async () => Object.keys(await (globalThis as any).chrome.notifications.getAll()).sort())).toContain(`${id}:routeDeadline:overdue`);
  });

  it('keeps the badge to the deadlines the user answers for', async () => {
    await side.evaluate((s) => (globalThis as any).chrome.storage.local.set({ settings: s }), { ...DEFAULT_SETTINGS, role: 'moderator' });
    await expect.poll(() => sw(async () => (globalThis as any).chrome.action.getBadgeText({}))).toBe('');
  });
});
