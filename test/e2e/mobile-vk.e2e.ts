/**
 * m.vk.com in a real browser: the mobile markup (test/fixtures/mvk/) served at its real address,
 * read by its own content script — comments marked, flagged, registered, answered through
 * «Вставить ответ», and a deletion logged.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings/defaults';
import { FIXTURES_DIR, foreignRequests, launch, openPage, type Session } from '../browser';

const POST = 'https://m.vk.com/wall-123456_1301';
const WALL = 'https://m.vk.com/club123456';
const DEPT = 'Департамент городского хозяйства';

async function flags(page: Page): Promise<Record<string, string>> {
  return page.locator('[data-otklik-flags]').evaluateAll((els) =>
    Object.fromEntries(
      els.map((e) => [e.getAttribute('data-otklik-comment'), e.getAttribute('data-otklik-flags')!.split(' ').sort().join(' ')]),
    ),
  );
}

describe('m.vk.com', () => {
  let session: Session;
  let side: Page;

  async function as(settings: Partial<Settings>) {
    await side.evaluate((s) => (globalThis as unknown as { chrome: { storage: { local: { set(o: object): Promise<void> } } } }).chrome.storage.local.set({ settings: s }), { ...DEFAULT_SETTINGS, ...settings });
    await side.reload();
  }

  async function openCard(author: string, group = 'open') {
    await side.getByRole('tab', { name: 'Сообщения' }).click();
    await side.getByLabel('Состояние').selectOption(group);
    await side.locator('.queue-window > *').filter({ hasText: author }).first().click();
    await side.locator('.card-actions').waitFor();
  }

  beforeAll(async () => {
    session = await launch();
    session.pages.set(POST, readFileSync(join(FIXTURES_DIR, 'mvk/post.html'), 'utf8'));
    session.pages.set(WALL, readFileSync(join(FIXTURES_DIR, 'mvk/wall.html'), 'utf8'));
    side = await session.context.newPage();
    await side.goto(`chrome-extension://${session.extensionId}/sidepanel.html`);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('recognises the page: every comment marked with its vk.com key, the post counted, no warning', async () => {
    const page = await openPage(session, POST);
    const keys = page.locator('[data-otklik-comment]');
    await expect.poll(() => keys.count()).toBe(8);
    expect(await keys.evaluateAll((els) => els.map((e) => e.getAttribute('data-otklik-comment')))).toEqual(
      ['1302', '1303', '1304', '1305', '1307', '1308', '1309', '1310'].map((n) => `vk:-123456_${n}`),
    );
    // the deleted item is not a comment
    expect(await page.locator('#wall_reply-123456_1306[data-otklik-comment]').count()).toBe(0);
    const panel = page.locator('otklik-panel');
    await expect.poll(() => panel.getByTestId('count-comments').textContent()).toBe('8');
    expect(await panel.getByTestId('count-posts').textContent()).toBe('1');
    expect(await panel.getByTestId('page-name').textContent()).toContain('Администрация города');
    expect(await panel.getByTestId('page-warning').count()).toBe(0);
    await page.close();

    const wall = await openPage(session, WALL);
    const wallPanel = wall.locator('otklik-panel');
    await expect.poll(() => wallPanel.getByTestId('count-posts').textContent()).toBe('4');
    expect(await wallPanel.getByTestId('page-warning').count()).toBe(0);
    await wall.close();
  });

  it('flags the right comments, with the badge right after the comment\'s text', async () => {
    const page = await openPage(session, POST);
    await expect.poll(() => flags(page)).toEqual({
      'vk:-123456_1304': 'obscenity',
      'vk:-123456_1305': 'advertising spam',
      'vk:-123456_1308': 'insult',
    });
    expect(await page.locator('[data-otklik-comment="vk:-123456_1304"] .ReplyItem__body + .otklik-flags').count()).toBe(1);
    // a root whose thread is inside its item: the badge is the root's, not in the reply
    expect(await page.locator('#wall_reply-123456_1309 .otklik-flags').count()).toBe(0);
    expect(await page.locator('#wall_reply-123456_1308 > .ReplyItem__content .ReplyItem__body + .otklik-flags').count()).toBe(1);
    expect(await page.locator('otklik-panel .moderation-head').textContent()).toContain('Нарушения: 3');
    await page.close();
  });

  it('logs a flagged comment the site replaces with its deleted stub, with the full evidence', async () => {
    const page = await openPage(session, POST);
    const target = page.locator('[data-otklik-comment="vk:-123456_1304"]');
    await expect.poll(() => target.getAttribute('data-otklik-flags')).toBe('obscenity');
    await page.evaluate(() => {
      const el = document.getElementById('wall_reply-123456_1304')!;
      el.classList.add('ReplyItem_deleted');
      el.innerHTML = '<div class="ReplyItem__content"><div class="ReplyItem__body">Комментарий удалён. <a href="#">Восстановить</a></div></div>';
    });
    const panel = await session.context.newPage();
    await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html?tab=moderation`);
    const entry = panel.locator('.log li[data-comment-key="vk:-123456_1304"]');
    await expect.poll(() => entry.count()).toBe(1);
    const text = await entry.textContent();
    for (const part of ['Удалён', 'Нецензурная брань', 'Сергей К.', 'Да вы там все ох*ели, сколько можно ждать', 'Администрация города']) {
      expect(text).toContain(part);
    }
    expect(await entry.locator('a').getAttribute('href')).toBe('https://vk.com/wall-123456_1301?reply=1304');
    await panel.close();
    await page.close();
  });

  const REPLY = 'Иван, свет на Лермонтова, 12 дали в 17:40, бригада закончила работы.';

  /** The post page with a reply field whose editor keeps its own state: typing it did not see is taken back. */
  function withStatefulField(takesPaste: boolean): string {
    const html = readFileSync(join(FIXTURES_DIR, 'mvk/post.html'), 'utf8');
    const script = `<script>
      (function () {
        var field = document.querySelector('.RepliesForm textarea');
        var state = '';
        var setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set;
        window.Replies = { replyTo: function (link) {
          state = link.closest('.ReplyItem').querySelector('.ReplyItem__name').textContent.split(' ')[0] + ', ';
          setter.call(field, state); field.focus(); return false; } };
        field.addEventListener('input', function () { setter.call(field, state); });
        ${takesPaste ? "field.addEventListener('paste', function (e) { e.preventDefault(); state += e.clipboardData.getData('text/plain'); setter.call(field, state); });" : ''}
      })();
    </script>`;
    return html.replace(/<script>[\s\S]*?<\/script>/, script);
  }

  it('registers a comment, inserts the approved reply into the reply field «Ответить» opened, never sends, and sees it published', async () => {
    const reply = REPLY;
    await as({ role: 'curator', userName: 'Анна Куратор' });
    const page = await openPage(session, POST);
    const comment = page.locator('[data-otklik-comment="vk:-123456_1302"]');
    await comment.getByText('Третий день без света', { exact: false }).hover();
    await comment.locator('.otklik-register[data-for="vk:-123456_1302"]').click();
    const form = comment.locator('.otklik-register-form');
    await form.locator('input[name="topic"]').fill('ЖКХ');
    await form.locator('input[name="location"]').fill('ул. Лермонтова, 12');
    await form.getByRole('button', { name: 'Зарегистрировать', exact: true }).click();
    const badge = comment.locator('.otklik-msg');
    await expect.poll(() => badge.textContent()).toContain('поступило');

    // The message as the side panel has it: the comment's vk.com address, its author and text.
    await side.reload();
    await openCard('Иван Петров');
    const card = await side.locator('main').textContent();
    expect(card).toContain('Когда включат свет на Лермонтова, 12?');
    expect(await side.locator('a[href="https://vk.com/wall-123456_1301?reply=1302"]').count()).toBeGreaterThan(0);

    const route = side.locator('.card-action[data-action="routed"]');
    await route.getByLabel('Ответственное подразделение').fill(DEPT);
    await route.getByRole('button', { name: 'Направить' }).click();
    await route.getByRole('button', { name: 'Направить' }).waitFor({ state: 'detached' });
    await as({ role: 'executor', userName: 'Пётр Исполнитель', department: DEPT });
    await openCard('Иван Петров');
    const draft = side.locator('.card-action[data-action="draftSubmitted"]');
    await draft.getByLabel('Текст ответа').fill(reply);
    await draft.getByRole('button', { name: 'Направить Куратору' }).click();
    await draft.waitFor({ state: 'detached' });
    await as({ role: 'curator', userName: 'Анна Куратор' });
    await openCard('Иван Петров');
    const approve = side.locator('.card-action[data-action="draftApproved"]');
    await approve.getByRole('button', { name: 'Согласовать' }).click();
    await approve.getByRole('button', { name: 'Согласовать' }).waitFor({ state: 'detached' });

    await page.reload();
    await page.locator('otklik-panel').waitFor({ state: 'attached' });
    await expect.poll(() => badge.textContent()).toContain('согласован');
    let submitted = false;
    await page.exposeFunction('__otklikSubmitted', () => (submitted = true));
    await page.evaluate(() => document.querySelector('.RepliesForm form')!.addEventListener('submit', () => (window as unknown as { __otklikSubmitted(): void }).__otklikSubmitted()));
    await badge.getByRole('button', { name: 'Вставить ответ' }).click();
    // «Ответить» ran the site's own handler (it starts the field with the name), then the reply went in after it.
    const field = page.locator('.RepliesForm textarea');
    await expect.poll(() => field.inputValue()).toBe(`Иван, ${reply}`);
    expect(await page.locator('.RepliesForm input[name="reply_to"]').inputValue()).toBe('1302');
    await expect.poll(() => badge.textContent()).toContain('проверьте и отправьте сами');
    expect(submitted).toBe(false);

    // An editor that ignores typing but takes a paste: the read-back sees the field empty and pastes.
    const pasting = 'https://m.vk.com/wall-123456_1301?variant=paste';
    session.pages.set(pasting, withStatefulField(true));
    const p2 = await openPage(session, pasting);
    const b2 = p2.locator('[data-otklik-comment="vk:-123456_1302"] .otklik-msg');
    await b2.getByRole('button', { name: 'Вставить ответ' }).click();
    await expect.poll(() => p2.locator('.RepliesForm textarea').inputValue()).toBe(`Иван, ${reply}`);
    await expect.poll(() => b2.textContent()).toContain('проверьте и отправьте сами');
    await p2.close();

    // An editor that takes neither: said plainly, the reply on the clipboard, the field as the site left it.
    const deaf = 'https://m.vk.com/wall-123456_1301?variant=deaf';
    session.pages.set(deaf, withStatefulField(false));
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://m.vk.com' });
    const p3 = await openPage(session, deaf);
    const b3 = p3.locator('[data-otklik-comment="vk:-123456_1302"] .otklik-msg');
    await b3.getByRole('button', { name: 'Вставить ответ' }).click();
    await expect.poll(() => b3.textContent()).toContain('Поле ответа не приняло текст');
    expect(await p3.locator('.RepliesForm textarea').inputValue()).toBe('Иван, ');
    expect(await b3.textContent()).toContain('Ответ скопирован');
    expect(await p3.evaluate(() => navigator.clipboard.readText())).toBe(reply);
    await p3.close();

    // The administration's reply appears in the thread, as m.vk.com renders it after sending.
    await page.evaluate((text) => {
      const thread = document.getElementById('RepliesThread1302')!;
      const el = document.createElement('div');
      el.className = 'ReplyItem';
      el.id = 'wall_reply-123456_1399';
      el.innerHTML = `<div class="ReplyItem__header"><a class="ReplyItem__name" href="/gov_city">Администрация города</a></div>
        <div class="ReplyItem__body"></div>
        <div class="ReplyItem__footer"><div class="ReplyItem__date"><a class="item_date" href="/wall-123456_1301?reply=1399&amp;thread=1302">только что</a></div>
        <a class="ReplyItem__action" href="#" onclick="return Replies.replyTo(this, -123456, 1399, -123456);">Ответить</a></div>`;
      el.querySelector('.ReplyItem__body')!.textContent = text;
      thread.prepend(el);
    }, reply);
    await expect.poll(() => badge.textContent(), { timeout: 5000 }).toContain('ответ размещён');
    await page.close();
  });

  it('made no network requests of its own', () => {
    expect(foreignRequests(session)).toEqual([]);
  });
});
