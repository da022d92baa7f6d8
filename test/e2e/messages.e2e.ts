import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings/defaults';
import { foreignRequests, launch, openPage, type Session } from '../browser';

const POST = 'https://vk.com/wall-123456_1001';
const CLASSIC = 'https://vk.com/public123456';
const OK_TOPIC = 'https://ok.ru/group/70000001234567/topic/155000000001';
const DEPT = 'Департамент городского хозяйства';

describe('messages to answer: from the comment to the published reply', () => {
  let session: Session;
  let side: Page;

  async function as(settings: Partial<Settings>) {
    await side.evaluate((s) => (globalThis as unknown as { chrome: { storage: { local: { set(o: object): Promise<void> } } } }).chrome.storage.local.set({ settings: s }), { ...DEFAULT_SETTINGS, ...settings });
    await side.reload();
  }

  /** Opens the card of the message tied to a comment, from the queue (search by the comment's author). */
  async function openCard(author: string, group = 'open') {
    await side.getByRole('tab', { name: 'Сообщения' }).click();
    await side.getByLabel('Состояние').selectOption(group);
    const row = side.locator('.queue-window > *').filter({ hasText: author }).first();
    await row.click();
    await side.locator('.card-actions').waitFor();
  }

  async function act(action: string, fill: (form: ReturnType<Page['locator']>) => Promise<void>, button: string) {
    const form = side.locator(`.card-action[data-action="${action}"]`);
    await fill(form);
    await form.getByRole('button', { name: button }).click();
    await form.getByRole('button', { name: button }).waitFor({ state: 'detached' });
  }

  /** Curator registers the comment; the department drafts; the curator approves. */
  async function registerAndApprove(url: string, key: string, author: string, text: string, reply: string) {
    await as({ role: 'curator', userName: 'Анна Куратор' });
    const page = await openPage(session, url);
    const comment = page.locator(`[data-otklik-comment="${key}"]`);
    await comment.waitFor();
    // Hover the comment's own text: a thread's root holds its replies, which are comments too.
    await comment.getByText(text, { exact: false }).first().hover();
    await comment.locator(`.otklik-register[data-for="${key}"]`).click();
    const form = comment.locator('.otklik-register-form');
    await form.locator('input[name="topic"]').fill('ЖКХ');
    await form.locator('input[name="location"]').fill('ул. Ленина, 10');
    await form.getByRole('button', { name: 'Зарегистрировать', exact: true }).click();
    const badge = comment.locator('.otklik-msg');
    await expect.poll(() => badge.textContent()).toContain('поступило');
    expect(await badge.textContent()).toMatch(/направить до .*осталось/);

    await side.reload();
    await openCard(author);
    await act('routed', (f) => f.getByLabel('Ответственное подразделение').fill(DEPT), 'Направить');

    await as({ role: 'executor', userName: 'Пётр Исполнитель', department: DEPT });
    await openCard(author);
    const draft = side.locator('.card-action[data-action="draftSubmitted"]');
    await draft.getByLabel('Текст ответа').fill(reply);
    await draft.getByRole('button', { name: 'Направить Куратору' }).click();
    await draft.waitFor({ state: 'detached' });

    await as({ role: 'curator', userName: 'Анна Куратор' });
    await openCard(author);
    await act('draftApproved', async () => {}, 'Согласовать');
    return page;
  }

  beforeAll(async () => {
    session = await launch();
    side = await session.context.newPage();
    await side.goto(`chrome-extension://${session.extensionId}/sidepanel.html`);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('VK React UI: registers, shows the deadline on the comment, inserts the approved reply, and sees it published', async () => {
    const reply = 'Иван, горячую воду на Ленина, 10 включат 14 мая к 18:00 — работы закончат раньше срока.';
    const page = await registerAndApprove(POST, 'vk:-123456_1002', 'Иван Петров', 'Третью неделю без горячей', reply);
    await page.reload();
    const comment = page.locator('[data-otklik-comment="vk:-123456_1002"]');
    const badge = comment.locator('.otklik-msg');
    await expect.poll(() => badge.textContent()).toContain('согласован');
    await badge.getByRole('button', { name: 'Вставить ответ' }).click();
    const composer = page.locator('[data-testid="content-editable-input"]').first();
    await expect.poll(() => composer.textContent()).toBe(reply);
    await expect.poll(() => badge.textContent()).toContain('проверьте и отправьте сами');

    // The administration's reply appears in the comment's thread, as VK renders it after sending.
    await page.evaluate((text) => {
      const thread = document.querySelector('[data-otklik-comment="vk:-123456_1002"] [data-testid="wall_comments_layout_thread"]')!;
      const el = document.createElement('div');
      el.setAttribute('data-testid', 'wall_comments_comment_in_thread');
      el.id = '-123456_1099';
      el.innerHTML = `<a data-testid="comment-avatar" href="/gov_city"></a><div><a href="/gov_city"><div data-testid="comment-owner">Администрация города</div></a>
        <div data-testid="comment-text"><div data-testid="showmoretext-in"></div></div>
        <a data-testid="wall_comment_date" href="/wall-123456_1001?reply=1099&amp;thread=1002">только что</a></div>`;
      el.querySelector('[data-testid="showmoretext-in"]')!.textContent = text;
      thread.append(el);
    }, reply);
    await expect.poll(() => badge.textContent(), { timeout: 5000 }).toContain('ответ размещён');

    await side.reload();
    await openCard('Иван Петров', 'closed');
    const card = await side.locator('main').textContent();
    expect(card).toContain('ответ размещён');
    expect(await side.locator('a[href="https://vk.com/wall-123456_1001?reply=1099&thread=1002"]').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('VK classic markup and OK: the approved reply goes into the right reply box, never sent', async () => {
    const classicReply = 'Николай, спасибо! Ремонт на Мира продолжим до конца месяца.';
    const classic = await registerAndApprove(CLASSIC, 'vk:-123456_2005', 'Николай', 'Спасибо за ремонт на Мира', classicReply);
    await classic.reload();
    const c = classic.locator('[data-otklik-comment="vk:-123456_2005"] .otklik-msg');
    await c.getByRole('button', { name: 'Вставить ответ' }).click();
    await expect.poll(() => classic.locator('#reply_field-123456_2001').textContent()).toBe(classicReply);
    await classic.close();

    const okReply = 'Мария, записаться можно на сайте администрации или по телефону горячей линии 8-800.';
    const ok = await registerAndApprove(OK_TOPIC, 'ok:155000000001_901', 'Мария Иванова', 'Куда записаться', okReply);
    await ok.reload();
    const o = ok.locator('[data-otklik-comment="ok:155000000001_901"] .otklik-msg');
    await o.getByRole('button', { name: 'Вставить ответ' }).click();
    await expect.poll(() => ok.locator('#field_1').textContent()).toBe(okReply);
    await ok.close();
  });

  it('refuses an import with one bad row whole, naming the row', async () => {
    await as({ role: 'curator', userName: 'Анна Куратор' });
    await side.getByRole('tab', { name: 'Сообщения' }).click();
    const before = await side.locator('.queue-count').first().textContent().catch(() => '');
    const csv = 'Текст;Ссылка;Получено;Важность\nКогда уберут снег?;https://vk.com/wall-123456_1001?reply=3001;2025-09-16 11:00;обычная\nЯмы на дороге;https://vk.com/wall-123456_1001?reply=3002;завтра;высокая\n';
    await side.locator('input[name="messages-import"]').setInputFiles({ name: 'export.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await side.getByRole('button', { name: 'Импортировать' }).click();
    const alert = side.locator('[data-testid="messages-import"] [role="alert"]');
    await expect.poll(() => alert.textContent()).toContain('ничего не изменено');
    expect(await alert.textContent()).toMatch(/строка 3/);
    const after = await side.locator('.queue-count').first().textContent().catch(() => '');
    expect(after).toBe(before);
  });

  it('made no network requests of its own', () => {
    expect(foreignRequests(session)).toEqual([]);
  });
});
