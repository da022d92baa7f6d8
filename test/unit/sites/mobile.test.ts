import { describe, expect, it } from 'vitest';
import { adapterFor, mvkAdapter, vkAdapter } from '@/lib/sites';
import type { ParseContext } from '@/lib/sites/types';
import { contextFor, loadFixture } from './fixtures';

const POST = 'mvk/post.html';

function parents(doc: Document, ctx: ParseContext): Record<string, string> {
  return Object.fromEntries(
    mvkAdapter.commentElements(doc)
      .map((el) => mvkAdapter.parseComment(el, ctx))
      .filter((c) => c?.parentId)
      .map((c) => [c!.id, c!.parentId!]),
  );
}

describe('m.vk.com has an adapter of its own', () => {
  it.each([
    ['https://m.vk.com/wall-123456_1301', mvkAdapter],
    ['https://m.vk.ru/club123456', mvkAdapter],
    ['https://vk.com/wall-123456_1301', vkAdapter],
    ['https://vk.ru/club123456', vkAdapter],
  ])('%s', (url, adapter) => {
    expect(adapterFor(url)).toBe(adapter);
    expect(adapterFor(url)!.site).toBe('vk');
  });
});

describe('m.vk.com threads', () => {
  it('take the parent from thread= in the date link', () => {
    expect(parents(loadFixture(POST), contextFor(POST))).toEqual({
      '-123456_1303': '-123456_1302', '-123456_1304': '-123456_1302', '-123456_1309': '-123456_1308',
    });
  });

  it('without thread=, from the RepliesThread<root> around the reply', () => {
    const doc = loadFixture(POST);
    for (const a of doc.querySelectorAll('a.item_date')) a.setAttribute('href', a.getAttribute('href')!.replace(/&thread=\d+/, ''));
    expect(parents(doc, contextFor(POST))).toEqual({
      '-123456_1303': '-123456_1302', '-123456_1304': '-123456_1302', '-123456_1309': '-123456_1308',
    });
  });

  it('without thread= or a thread id, from the item the reply is nested in', () => {
    const doc = loadFixture(POST);
    for (const a of doc.querySelectorAll('a.item_date')) a.setAttribute('href', a.getAttribute('href')!.replace(/&thread=\d+/, ''));
    for (const t of doc.querySelectorAll('.RepliesThread')) t.removeAttribute('id');
    // 1309's thread is inside 1308's item; 1303 and 1304's thread follows 1302 and says nothing now
    expect(parents(doc, contextFor(POST))).toEqual({ '-123456_1309': '-123456_1308' });
  });

  it('on a thread\'s own page (?offset=N&reply=<root>) every other comment answers the root', () => {
    const html = `<div class="RepliesWrap">
      <div class="ReplyItem" id="wall_reply-123456_1302"><div class="ReplyItem__header"><a class="ReplyItem__name" href="/id111">Иван</a></div>
        <div class="ReplyItem__body">корень</div><div class="ReplyItem__date"><a class="item_date" href="/wall-123456_1301?reply=1302">вчера</a></div></div>
      <div class="ReplyItem" id="wall_reply-123456_1320"><div class="ReplyItem__header"><a class="ReplyItem__name" href="/id7">Ольга</a></div>
        <div class="ReplyItem__body">ответ</div><div class="ReplyItem__date"><a class="item_date" href="/wall-123456_1301?reply=1320">вчера</a></div></div></div>`;
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const ctx = { ...contextFor(POST), url: 'https://m.vk.com/wall-123456_1301?offset=10&reply=1302' };
    expect(parents(doc, ctx)).toEqual({ '-123456_1320': '-123456_1302' });
  });

  it('a root with its thread inside reads its own parts, never its replies\'', () => {
    const doc = loadFixture(POST);
    const root = doc.getElementById('wall_reply-123456_1308')!;
    const reply = doc.getElementById('wall_reply-123456_1309')!;
    expect(reply.closest('.ReplyItem:not(#wall_reply-123456_1309)')).toBe(root);
    expect(reply.contains(mvkAdapter.replyControl!(root))).toBe(false);
    expect(reply.contains(mvkAdapter.commentTextElement!(root))).toBe(false);
    expect(mvkAdapter.parseComment(root, contextFor(POST))!.authorName).toBe('Дмитрий');
  });
});

describe('m.vk.com addresses', () => {
  it('links written on m.vk.com are stored on vk.com (one comment, one key, on a phone or not)', () => {
    const html = `<div class="ReplyItem" id="wall_reply-1_3"><div class="ReplyItem__header"><a class="ReplyItem__name" href="https://m.vk.com/id5">Имя</a></div>
      <div class="ReplyItem__body">текст</div><div class="ReplyItem__date"><a class="item_date" href="https://m.vk.com/wall-1_2?reply=3&amp;thread=2">вчера</a></div></div>`;
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const c = mvkAdapter.parseComment(doc.querySelector('.ReplyItem')!, { url: 'https://m.vk.com/wall-1_2', now: Date.now(), timeZone: 'Asia/Omsk' })!;
    expect(c).toMatchObject({ id: '-1_3', parentId: '-1_2', postId: '-1_2', authorId: '5', authorUrl: 'https://vk.com/id5', permalink: 'https://vk.com/wall-1_2?reply=3&thread=2' });
  });

  it('an item without a date link is still the comment its id names', () => {
    const html = `<div class="ReplyItem" id="wall_reply-1_3"><div class="ReplyItem__header"><a class="ReplyItem__name" href="/id5">Имя</a></div>
      <div class="ReplyItem__body">текст</div><div class="ReplyItem__date">вчера в 10:00</div></div>`;
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const c = mvkAdapter.parseComment(doc.querySelector('.ReplyItem')!, { url: 'https://m.vk.com/wall-1_2', now: Date.parse('2025-05-07T13:00:00+06:00'), timeZone: 'Asia/Omsk' })!;
    expect(c).toMatchObject({ id: '-1_3', postId: '-1_2', permalink: 'https://vk.com/wall-1_2?reply=3', publishedAt: Date.parse('2025-05-06T10:00:00+06:00') });
  });
});

describe('m.vk.com serving the desktop markups', () => {
  it.each(['vk/new-ui-post.html', 'vk/classic-wall.html', 'vk/new-ui-post-expanded.html'])('%s reads as on vk.com', (fixture) => {
    const doc = loadFixture(fixture);
    const desktop = contextFor(fixture);
    const mobile = { ...desktop, url: desktop.url.replace('https://vk.com/', 'https://m.vk.com/') };
    const read = (adapter: typeof vkAdapter, ctx: ParseContext) => {
      const page = adapter.pageInfo(doc, ctx);
      return {
        page,
        comments: adapter.commentElements(doc).map((el) => adapter.parseComment(el, { ...ctx, page })),
        posts: adapter.postElements(doc).map((el) => adapter.parsePost(el, { ...ctx, page })),
      };
    };
    expect(read(mvkAdapter, mobile)).toEqual(read(vkAdapter, desktop));
  });
});

describe('m.vk.com deletions', () => {
  it('an item the site turns into its deleted stub is a placeholder with the comment\'s id', () => {
    const doc = loadFixture(POST);
    const el = doc.getElementById('wall_reply-123456_1304')!;
    el.classList.add('ReplyItem_deleted');
    el.innerHTML = '<div class="ReplyItem__body">Комментарий удалён. <a href="#">Восстановить</a></div>';
    expect(mvkAdapter.isDeletedPlaceholder!(el)).toBe(true);
    expect(mvkAdapter.deletedCommentId!(el, contextFor(POST))).toBe('-123456_1304');
    expect(mvkAdapter.parseComment(el, contextFor(POST))).toBeNull();
    expect(mvkAdapter.deletionLeavesPlaceholder).toBe(true);
  });

  it('a stub without the modifier is recognised by its text', () => {
    const doc = loadFixture(POST);
    const el = doc.getElementById('wall_reply-123456_1305')!;
    el.innerHTML = '<div>Комментарий удалён</div>';
    expect(mvkAdapter.isDeletedPlaceholder!(el)).toBe(true);
  });
});

describe('m.vk.com reply box', () => {
  it('is the comment field, not the search box', () => {
    const doc = loadFixture(POST);
    expect(mvkAdapter.composer!(doc)).toBe(doc.querySelector('.RepliesForm textarea'));
  });

  it('is the field the site focused after «Ответить», when several are on the page', () => {
    document.body.innerHTML = `<form><textarea name="message" placeholder="Ваш комментарий..."></textarea></form>
      <div class="inline"><form><textarea name="message" placeholder="Ответ"></textarea></form></div>`;
    const second = document.querySelectorAll('textarea')[1]!;
    expect(mvkAdapter.composer!(document)).toBe(document.querySelector('textarea'));
    second.focus();
    expect(mvkAdapter.composer!(document)).toBe(second);
    // a scope without the focused field gives its own
    expect(mvkAdapter.composer!(document.querySelector('form')!)).toBe(document.querySelector('textarea'));
    document.body.innerHTML = '';
  });

  it('is a labelled editor outside a form too, and never a search field or Otklik\'s own', () => {
    document.body.innerHTML = `<textarea placeholder="Поиск"></textarea><div data-otklik-ui><textarea name="message"></textarea></div>
      <div contenteditable="true" aria-label="Написать комментарий"></div>`;
    expect(mvkAdapter.composer!(document)).toBe(document.querySelector('[contenteditable]'));
    document.body.innerHTML = '<textarea placeholder="Поиск"></textarea>';
    expect(mvkAdapter.composer!(document)).toBeNull();
    document.body.innerHTML = '';
  });

  it('is the React UI\'s input when the page is in that markup', () => {
    const doc = loadFixture('vk/new-ui-post.html');
    expect(mvkAdapter.composer!(doc)).toBe(doc.querySelector('[data-testid="content-editable-input"]'));
  });
});

describe('m.vk.com posts in the newer header', () => {
  it('read the date from `.PostHeader__info a.PostHeaderTime` and the id from a link to the post (BN, LR)', () => {
    const doc = new DOMParser().parseFromString(`<div class="wall_item"><div class="PostHeader"><div class="PostHeader__info">
      <a class="PostHeaderTitle" href="/gov_city">Администрация города</a><a class="PostHeaderTime" href="/gov_city">вчера в 18:30</a></div></div>
      <div class="pi_text">Текст</div><a class="PostBottomAction" href="/wall-123456_1050">2 комментария</a></div>`, 'text/html');
    const ctx = { url: 'https://m.vk.com/club123456', now: Date.parse('2025-05-07T13:00:00+06:00'), timeZone: 'Asia/Omsk' };
    const post = mvkAdapter.parsePost(mvkAdapter.postElements(doc)[0]!, ctx)!;
    expect(post).toMatchObject({ id: '-123456_1050', publishedAt: Date.parse('2025-05-06T18:30:00+06:00'), text: 'Текст', foreign: false });
  });
});
