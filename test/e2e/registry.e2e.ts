import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registryToHtml } from '@/lib/registry/export';
import type { RegistryEntry } from '@/lib/registry/entry';
import { foreignRequests, launch, openPage, type Session } from '../browser';
import { classicWall, omskMonday } from './pages';

const WALL = 'https://vk.com/club777777';

describe('official pages: the registry and weekly publications', () => {
  let session: Session;
  beforeAll(async () => {
    session = await launch();
    const now = Date.now();
    const monday = omskMonday(now);
    session.pages.set(
      WALL,
      classicWall(777777, 'Департамент транспорта', 'transport_city', [
        { id: 90, at: monday - 30 * 86_400_000, text: 'Закреплённая памятка', pinned: true },
        { id: 103, at: now - 60_000, text: 'Изменения в расписании автобусов' },
        { id: 102, at: now - 120_000, text: 'Новые остановки на Красном Пути' },
        { id: 101, at: Math.max(monday + 60_000, now - 180_000), text: 'Ремонт трамвайных путей' },
        { id: 99, at: monday - 3600_000, text: 'Итоги прошлой недели' },
      ]),
    );
  });
  afterAll(async () => {
    await session?.close();
  });

  it('offers to register an unregistered wall, and then counts its week', async () => {
    const page = await openPage(session, WALL);
    const panel = page.locator('otklik-panel');
    await panel.locator('[data-testid="registry-offer"]').waitFor();
    expect(await panel.locator('[data-testid="registry-offer"]').textContent()).toContain('«Департамент транспорта» нет в реестре');
    await panel.getByText('Добавить в реестр').click();
    await expect.poll(() => panel.locator('.page-quota .muted').textContent()).toMatch(/форма/);

    // The side panel picks up the draft filled from the page.
    const side = await session.context.newPage();
    await side.goto(`chrome-extension://${session.extensionId}/sidepanel.html`);
    const form = side.locator('form.registry-form');
    await form.waitFor();
    expect(await form.getByLabel('Название').inputValue()).toBe('Департамент транспорта');
    await form.getByLabel('Ответственный').fill('Иванова А. П.');
    await form.getByLabel('Подразделение').fill('Департамент транспорта');
    await form.locator('button[type="submit"]').click();
    await expect.poll(() => side.locator('.registry-table').textContent()).toContain('Департамент транспорта');

    await page.reload();
    const week = page.locator('otklik-panel [data-testid="weekly-quota"]');
    await week.waitFor();
    // Three posts this week; the pinned one and last week's are not counted; a department's target is 5.
    await expect.poll(() => week.locator('.quota-line').textContent()).toMatch(/^На этой неделе: 3 из 5 · осталось 2 до воскресенья/);

    await side.reload();
    await side.getByRole('tab', { name: 'Публикации' }).click();
    await expect.poll(() => side.locator('[role="tabpanel"]').textContent()).toContain('Департамент транспорта');
    await side.close();
    await page.close();
  });

  it('exports a registry page whose fields never run as script', async () => {
    const evil: RegistryEntry = {
      id: 'x',
      site: 'vk',
      url: 'https://vk.com/club1',
      ownerId: '-1',
      name: '<script>alert("name")</script>Администрация "центр" & <b>ко</b>',
      kind: 'administration',
      department: '<img src=x onerror=alert(1)>',
      responsible: 'Иванов',
      twoFactorConfirmedAt: '2026-11-01',
      adminsReviewedAt: null,
      notes: '',
    };
    const html = registryToHtml([evil], new Date('2026-11-28T05:00:00Z'), { zone: 'Asia/Omsk' });
    const page = await session.context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.setContent(html);
    expect(await page.locator('table').count()).toBe(1);
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('table img, table b').count()).toBe(0);
    expect(await page.locator('tbody').textContent()).toContain(evil.name);
    expect(await page.locator('tbody').textContent()).toContain(evil.department);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('made no network requests of its own', () => {
    expect(foreignRequests(session)).toEqual([]);
  });
});
