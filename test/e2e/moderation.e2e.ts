import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPage, type Session } from '../browser';

const POST = 'https://vk.com/wall-123456_1001';

async function flags(page: Page): Promise<Record<string, string>> {
  return page.locator('[data-otklik-flags]').evaluateAll((els) =>
    Object.fromEntries(
      els.map((e) => [e.getAttribute('data-otklik-comment'), e.getAttribute('data-otklik-flags')!.split(' ').sort().join(' ')]),
    ),
  );
}

describe('moderation on the page', () => {
  let session: Session;
  beforeAll(async () => {
    session = await launch();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('flags the right comments with the right categories and badges on VK React UI', async () => {
    const page = await openPage(session, POST);
    await expect.poll(() => flags(page)).toEqual({
      'vk:-123456_1005': 'advertising spam',
      'vk:-123456_1006': 'obscenity',
      'vk:-123456_1008': 'insult',
    });
    const badge = page.locator('[data-otklik-comment="vk:-123456_1006"] .otklik-flags');
    await expect.poll(() => badge.textContent()).toContain('Нецензурная брань');
    expect(await badge.textContent()).toContain('п. 15 прил. 2');
    expect(await badge.textContent()).toContain('«ох*ели»');
    // The badge sits right after the comment's text, inside the comment.
    expect(await page.locator('[data-otklik-comment="vk:-123456_1006"] [data-testid="comment-text"] + .otklik-flags').count()).toBe(1);
    // The panel counts by category and lists the flagged comments.
    const panel = page.locator('otklik-panel');
    expect(await panel.locator('.moderation-head').textContent()).toContain('Нарушения: 3');
    expect(await panel.locator('.chip[data-category="insult"]').textContent()).toBe('Оскорбление: 1');
    await panel.locator('.chip[data-category="insult"]').click();
    expect(await panel.locator('.flagged-item').allTextContents()).toEqual([expect.stringContaining('Дмитрий')]);
    await panel.locator('.flagged-item').click();
    await expect.poll(() => page.locator('[data-otklik-comment="vk:-123456_1008"].otklik-pulse').count()).toBe(1);
    await page.close();
  });

  it('puts its stylesheet on the page before the first badge, so the badges are laid out once', async () => {
    const page = await session.context.newPage();
    await page.addInitScript(() => {
      const seen: string[] = ((window as any).__order = []);
      new MutationObserver((records) => {
        for (const r of records) {
          for (const n of r.addedNodes) {
            if (!(n instanceof Element)) continue;
            if (n.tagName === 'STYLE' && n.hasAttribute('data-otklik-ui') && !seen.includes('style')) seen.push('style');
            if (n.classList.contains('otklik-flags') && !seen.includes('badge')) seen.push('badge');
          }
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(POST);
    await expect.poll(() => page.locator('.otklik-flags').count()).toBe(3);
    expect(await page.evaluate(() => (window as any).__order)).toEqual(['style', 'badge']);
    await page.close();
  });

  it('flags VK classic markup and OK comments too', async () => {
    const classic = await openPage(session, 'https://vk.com/public123456');
    await expect.poll(async () => Object.values(await flags(classic)).sort()).toEqual(
      expect.arrayContaining([expect.stringContaining('obscenity'), expect.stringMatching(/spam|advertising/)]),
    );
    await classic.close();
    const ok = await openPage(session, 'https://ok.ru/group/70000001234567/topic/155000000001');
    await expect.poll(() => flags(ok)).toEqual({
      'ok:155000000001_903': 'obscenity',
      'ok:155000000001_904': 'advertising spam',
    });
    await ok.close();
  });

  it('flags a comment loaded later, and shows comment HTML only as text', async () => {
    const page = await openPage(session, POST);
    await expect.poll(() => page.locator('[data-otklik-flags]').count()).toBe(3);
    await page.evaluate(() => {
      const copy = document.querySelector('[data-otklik-comment="vk:-123456_1004"]')!.cloneNode(true) as Element;
      copy.removeAttribute('data-otklik-comment');
      copy.id = '888_1020';
      copy.querySelector('[data-testid="wall_comment_date"]')!.setAttribute('href', '/wall-123456_1001?reply=1020');
      // What VK renders for a comment whose text is markup: escaped text, never elements.
      copy.querySelector('[data-testid="showmoretext-in"]')!.textContent = '<img src=x onerror="window.__pwned=1"> ты дебил';
      document.querySelector('[data-testid="show_next_comments"]')!.before(copy);
    });
    const late = page.locator('[data-otklik-comment="vk:-123456_1020"]');
    await expect.poll(() => late.getAttribute('data-otklik-flags')).toBe('insult');
    expect(await page.locator('[data-otklik-comment="vk:-123456_1020"] img').count()).toBe(1); // the avatar only
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    const listed = page.locator('otklik-panel .flagged-item');
    await expect.poll(() => listed.count()).toBe(4);
    await page.close();
  });

  it('«Не нарушение» clears the flag, and it stays cleared after a reload', async () => {
    const page = await openPage(session, POST);
    const target = page.locator('[data-otklik-comment="vk:-123456_1008"]');
    await expect.poll(() => target.getAttribute('data-otklik-flags')).toBe('insult');
    await target.locator('[data-action="not-violation"]').click();
    await target.locator('[data-action="allow-comment"]').click();
    await expect.poll(() => target.getAttribute('data-otklik-flags')).toBeNull();
    expect(await target.locator('.otklik-flags').count()).toBe(0);
    await page.reload();
    await page.locator('otklik-panel').waitFor({ state: 'attached' });
    await expect.poll(() => page.locator('[data-otklik-flags]').count()).toBe(2);
    expect(await page.locator('[data-otklik-comment="vk:-123456_1008"]').getAttribute('data-otklik-flags')).toBeNull();
    await page.close();
  });

  it('logs a deleted flagged comment with its full evidence in the side panel', async () => {
    const page = await openPage(session, POST);
    const target = page.locator('[data-otklik-comment="vk:-123456_1006"]');
    await expect.poll(() => target.getAttribute('data-otklik-flags')).toBe('obscenity');
    // VK replaces a deleted comment with its placeholder.
    await page.evaluate(() => {
      const el = document.querySelector('[data-otklik-comment="vk:-123456_1006"]')!;
      const stub = document.createElement('div');
      stub.setAttribute('data-testid', 'wall_comments_comment_in_thread');
      stub.id = '333_1006';
      stub.innerHTML = '<div class="vkitCommentBase__content--q2">Комментарий удалён. <a href="/wall-123456_1001?reply=1006&amp;thread=1002">Восстановить</a></div>';
      el.replaceWith(stub);
    });
    const panel = await session.context.newPage();
    await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html?tab=moderation`);
    const entry = panel.locator('.log li[data-comment-key="vk:-123456_1006"]');
    await expect.poll(() => entry.count()).toBe(1);
    const text = await entry.textContent();
    for (const part of ['Удалён', 'Нецензурная брань', 'п. 15 прил. 2', 'Сергей К.', 'Да вы там все ох*ели, сколько можно уточнять', 'Администрация города']) {
      expect(text).toContain(part);
    }
    expect(await entry.locator('a').getAttribute('href')).toBe('https://vk.com/wall-123456_1001?reply=1006&thread=1002');
    await panel.close();
    await page.close();
  });

  it('keeps one queue of flagged comments across pages in the side panel, until each is decided', async () => {
    const post = await openPage(session, POST);
    await expect.poll(() => post.locator('[data-otklik-flags]').count()).toBeGreaterThan(0);
    const topic = await openPage(session, 'https://ok.ru/group/70000001234567/topic/155000000001');
    await expect.poll(() => topic.locator('[data-otklik-flags]').count()).toBeGreaterThan(0);
    const okFlagged = await topic.locator('[data-otklik-flags]').first().getAttribute('data-otklik-comment');
    const panel = await session.context.newPage();
    await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html?tab=moderation`);
    const queue = panel.getByTestId('mod-queue');
    const row = (key: string) => queue.locator(`li[data-comment="${key}"]`);
    await expect.poll(() => row('vk:-123456_1005').count()).toBe(1);
    await expect.poll(() => row(okFlagged!).count()).toBe(1);
    // Decided earlier on the page: the allowed one and the deleted one are not waiting.
    expect(await row('vk:-123456_1008').count()).toBe(0);
    expect(await row('vk:-123456_1006').count()).toBe(0);
    const ad = row('vk:-123456_1005');
    expect(await ad.textContent()).toContain('Реклама');
    expect(await ad.getByRole('link', { name: 'Открыть комментарий' }).getAttribute('href')).toBe('https://vk.com/wall-123456_1001?reply=1005');
    await ad.getByRole('button', { name: 'Я удалил(а) на сайте' }).click();
    await expect.poll(() => row('vk:-123456_1005').count()).toBe(0);
    await expect.poll(() => panel.locator('.log li[data-comment-key="vk:-123456_1005"]').count()).toBe(1);
    await panel.close();
    await topic.close();
    await post.close();
  });
  it('says on the badge when the words come from the team’s own list', async () => {
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    const setLexicon = (source: unknown) => options.evaluate((s) => (globalThis as any).chrome.storage.local.set({ lexicon: s }), source);
    await setLexicon({ words: { insult: ['график*'] }, allow: [], allowDomains: [] });
    const page = await openPage(session, POST);
    const target = page.locator('[data-otklik-comment="vk:-123456_1007"]');
    await expect.poll(() => target.getAttribute('data-otklik-flags')).toBe('insult');
    expect(await target.locator('.otklik-flag').textContent()).toContain('по словарю команды');
    // A built-in flag does not say so.
    expect(await page.locator('[data-otklik-comment="vk:-123456_1006"] .otklik-flag').textContent()).not.toContain('словар');
    await setLexicon({ words: {}, allow: [], allowDomains: [] });
    await page.close();
    await options.close();
  });
});
