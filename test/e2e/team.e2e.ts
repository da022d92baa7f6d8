/**
 * Two people, two browsers, one team server: a curator's and an executor's Chromium (each its own
 * profile) against Debian's nats-server on 127.0.0.1. The curator registers a comment and routes
 * it; the executor's queue shows it; the executor drafts while the server is down (the panel says
 * so), the draft arrives when it is back; the curator approves; the executor's page offers
 * «Вставить ответ»; a page the curator adds to the registry reaches the executor’s registry.
 *
 * The one thing not driven here is the browser's own permission dialog for the server's host: it is
 * browser UI that automation cannot click (puppeteer#5054, devtools-protocol#76). The test's copy of
 * the build lists http://127.0.0.1/* among its host permissions — as if the user had allowed it —
 * so the options page's permissions.request resolves at once; everything else is the real build.
 */
import { rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, type Session } from '../browser';
import { teamExtension, teamMember } from '../team';
import { DEPT_A, DEPT_CURATOR, startNats, type TestNats } from '../nats';

const POST = 'https://vk.com/wall-123456_1001';
const KEY = 'vk:-123456_1002';
const AUTHOR = 'Иван Петров';
const REPLY = 'Иван, горячую воду на Ленина, 10 включат 14 мая к 18:00.';

describe('team work: a curator and an executor on one server', () => {
  let nats: TestNats;
  let extension: string;
  let curator: Session & { side: Page };
  let executor: Session & { side: Page };
  let curSide: Page;
  let exSide: Page;

  /** Connects through the options page, as a person would. */
  async function connect(session: Session, login: string) {
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    const form = options.locator('form[aria-label="Командная работа"]');
    await form.locator('input[name="teamUrl"]').fill(nats.wsUrl);
    await form.locator('input[name="teamLogin"]').fill(login);
    await form.locator('input[name="teamPassword"]').fill(nats.password(login));
    await form.getByRole('button', { name: 'Подключиться' }).click();
    // (expect.poll is for tests; this runs in beforeAll)
    const status = form.locator('[data-testid="team-status"]');
    const end = Date.now() + 15_000;
    while ((await status.textContent()) !== 'Синхронизировано') {
      if (Date.now() > end) throw new Error(`${login}: ${await status.textContent()}`);
      await options.waitForTimeout(100);
    }
    await options.close();
  }

  async function openCard(side: Page, group = 'open') {
    await side.getByRole('tab', { name: 'Сообщения' }).click();
    await side.getByLabel('Состояние').selectOption(group);
    const row = side.locator('.queue-window > *').filter({ hasText: AUTHOR }).first();
    await row.click({ timeout: 10_000 });
    await side.locator('.card-actions').waitFor();
  }

  beforeAll(async () => {
    nats = await startNats();
    extension = teamExtension();
    [curator, executor] = await Promise.all([
      teamMember(extension, { role: 'curator', userName: 'Анна Куратор', department: DEPT_CURATOR }),
      teamMember(extension, { role: 'executor', userName: 'Пётр Исполнитель', department: DEPT_A }),
    ]);
    curSide = curator.side;
    exSide = executor.side;
    await connect(curator, 'cur');
    await connect(executor, 'exa');
  }, 90_000);

  afterAll(async () => {
    await Promise.all([curator?.close(), executor?.close()]);
    await nats?.stop();
    if (extension) rmSync(extension, { recursive: true, force: true });
  });

  it('registered and routed by the curator, the message is in the executor’s queue within moments', async () => {
    const page = await openPage(curator, POST);
    const comment = page.locator(`[data-otklik-comment="${KEY}"]`);
    await comment.getByText('Третью неделю без горячей', { exact: false }).first().hover();
    await comment.locator(`.otklik-register[data-for="${KEY}"]`).click();
    const form = comment.locator('.otklik-register-form');
    await form.locator('input[name="topic"]').fill('ЖКХ');
    await form.getByRole('button', { name: 'Зарегистрировать', exact: true }).click();
    await expect.poll(() => comment.locator('.otklik-msg').textContent()).toContain('поступило');
    await page.close();

    await curSide.reload();
    await openCard(curSide);
    const route = curSide.locator('.card-action[data-action="routed"]');
    await route.getByLabel('Ответственное подразделение').fill(DEPT_A);
    await route.getByRole('button', { name: 'Направить' }).click();
    await route.waitFor({ state: 'detached' });

    const started = Date.now();
    await exSide.getByRole('tab', { name: 'Сообщения' }).click();
    await expect.poll(() => exSide.locator('.queue-window').textContent(), { timeout: 10_000 }).toContain(AUTHOR);
    console.log(`куратор → исполнитель: ${Date.now() - started} мс`);
    expect(await exSide.locator('[data-testid="sync-status"]').textContent()).toBe('Синхронизировано');
  });

  it('a draft written while the server is down waits, says so, and arrives once the server is back', async () => {
    await nats.kill();
    await expect.poll(() => exSide.locator('[data-testid="sync-status"]').textContent(), { timeout: 10_000 }).toMatch(/^Нет связи с сервером с \d\d:\d\d$/);
    await openCard(exSide);
    const draft = exSide.locator('.card-action[data-action="draftSubmitted"]');
    await draft.getByLabel('Текст ответа').fill(REPLY);
    await draft.getByRole('button', { name: 'Направить Куратору' }).click();
    await draft.waitFor({ state: 'detached' });
    await expect.poll(() => exSide.locator('[data-testid="sync-status"]').textContent()).toMatch(/Нет связи с сервером с \d\d:\d\d — 1 действие ждёт отправки/);

    await nats.start();
    await expect.poll(() => exSide.locator('[data-testid="sync-status"]').textContent(), { timeout: 20_000 }).toBe('Синхронизировано');
    await curSide.reload();
    await openCard(curSide);
    await expect.poll(() => curSide.locator('.card-actions').textContent(), { timeout: 10_000 }).toContain('Согласовать');
    expect(await curSide.locator('main').textContent()).toContain(REPLY);
  });

  it('approved by the curator, the reply is offered on the executor’s page, and every act is there once', async () => {
    const approve = curSide.locator('.card-action[data-action="draftApproved"]');
    await approve.getByRole('button', { name: 'Согласовать' }).click();
    await approve.waitFor({ state: 'detached' });

    const page = await openPage(executor, POST);
    const badge = page.locator(`[data-otklik-comment="${KEY}"] .otklik-msg`);
    await expect.poll(async () => {
      await page.reload();
      await page.locator('otklik-panel').waitFor({ state: 'attached' });
      return badge.textContent({ timeout: 3000 }).catch(() => '');
    }, { timeout: 20_000, interval: 1000 }).toContain('согласован');
    await badge.getByRole('button', { name: 'Вставить ответ' }).click();
    await expect.poll(() => page.locator('[data-testid="content-editable-input"]').first().textContent()).toBe(REPLY);

    const history = async (side: Page) =>
      side.evaluate(async () => {
        const open = indexedDB.open('otklik');
        const db: IDBDatabase = await new Promise((r) => (open.onsuccess = () => r(open.result)));
        const all: { events: { type: string; id: string }[] }[] = await new Promise((r) => {
          const q = db.transaction('messages').objectStore('messages').getAll();
          q.onsuccess = () => r(q.result);
        });
        return all.map((m) => m.events.map((e) => `${e.type}:${e.id}`));
      });
    const mine = await history(exSide);
    expect(mine).toEqual(await history(curSide));
    expect(mine[0]!.map((e) => e.split(':')[0])).toEqual(['received', 'routed', 'draftSubmitted', 'draftApproved']);
  });
  it('a page the curator adds to the registry is in the executor’s registry within moments (team data on OTK_TEAM)', async () => {
    await curSide.getByRole('tab', { name: 'Реестр' }).click();
    await curSide.getByRole('button', { name: 'Добавить страницу' }).click();
    const form = curSide.locator('form.registry-form');
    await form.getByLabel('Адрес').fill('https://vk.com/club555555');
    await form.getByLabel('Название').fill('Департамент городского хозяйства');
    await form.getByLabel('Ответственный').fill('Сидорова Е. В.');
    await form.getByLabel('Подразделение').fill(DEPT_A);
    await form.locator('button[type="submit"]').click();
    await expect.poll(() => curSide.locator('.registry-table').textContent()).toContain('Департамент городского хозяйства');
    const names = (side: Page) =>
      side.evaluate(async () => {
        const open = indexedDB.open('otklik');
        const db: IDBDatabase = await new Promise((r) => (open.onsuccess = () => r(open.result)));
        const all: { name: string; url: string }[] = await new Promise((r) => {
          const q = db.transaction('registry').objectStore('registry').getAll();
          q.onsuccess = () => r(q.result);
        });
        db.close();
        return all.map((e) => `${e.name} ${e.url}`);
      });
    await expect.poll(() => names(exSide), { timeout: 10_000 }).toEqual(['Департамент городского хозяйства https://vk.com/club555555']);
  });
});
