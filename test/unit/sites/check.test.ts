import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapterFor } from '@/lib/sites';
import { addressShape, checkPage, developerReport, markupSkeleton, skeletonRoot } from '@/lib/sites/check';
import { contextFor, fixtureNames, FIXTURES_DIR, loadFixture } from './fixtures';

const CHECKS: Record<string, Partial<ReturnType<typeof checkPage>>> = {
  'vk/new-ui-post.html': { posts: 1, comments: 7, placeholders: 0, unread: 0, datesRead: 7, authors: 7, replyControls: 7, composer: true, siteSays: 7, mismatch: false },
  'vk/new-ui-post-flat.html': { posts: 1, comments: 6, placeholders: 1, unread: 0, datesRead: 6, authors: 6, replyControls: 6, composer: true, siteSays: 6, mismatch: false },
  'vk/new-ui-post-expanded.html': { posts: 1, comments: 7, datesRead: 7, siteSays: 7, mismatch: false },
  'vk/new-ui-wall.html': { posts: 8, comments: 0, siteSays: null, mismatch: false },
  'vk/deleted-comment.html': { posts: 1, comments: 3, placeholders: 1, siteSays: 3, mismatch: false },
  'mvk/post.html': { posts: 1, comments: 8, placeholders: 1, unread: 0, datesRead: 8, authors: 8, replyControls: 8, composer: true, mismatch: false },
  'mvk/wall.html': { posts: 4, comments: 0, composer: false },
  'vk/photo-page.html': { posts: 0, comments: 3, unread: 0, datesRead: 3, authors: 3, replyControls: 3, composer: true, siteSays: null, mismatch: false },
  'vk/video-page.html': { posts: 0, comments: 3, unread: 0, datesRead: 3, authors: 3, replyControls: 3, composer: true, siteSays: null, mismatch: false },
  'vk/post-layer.html': { posts: 2, comments: 2, datesRead: 2, replyControls: 2, composer: true, siteSays: 2, mismatch: false },
  'ok/topic.html': { posts: 1, comments: 5, datesRead: 5, replyControls: 5, composer: true, siteSays: 5, mismatch: false },
  'ok/topic-attributes.html': { posts: 1, comments: 3, placeholders: 1, unread: 0, datesRead: 3, siteSays: 3, mismatch: false },
};

describe('checkPage', () => {
  it.each(Object.entries(CHECKS))('%s', (fixture, expected) => {
    const ctx = contextFor(fixture);
    expect(checkPage(adapterFor(ctx.url)!, loadFixture(fixture), ctx)).toMatchObject(expected);
  });

  it('says so when the site counts comments and none is recognised (the markup changed)', () => {
    const doc = loadFixture('vk/new-ui-post.html');
    for (const el of doc.querySelectorAll('[data-testid^="wall_comments_comment"]')) el.removeAttribute('data-testid');
    const ctx = contextFor('vk/new-ui-post.html');
    expect(checkPage(adapterFor(ctx.url)!, doc, ctx)).toMatchObject({ comments: 0, siteSays: 7, mismatch: true });
  });
});

/** Every name and every comment's words the fixtures hold. */
function secrets(doc: Document, fixture: string): string[] {
  const ctx = contextFor(fixture);
  const adapter = adapterFor(ctx.url)!;
  const out: string[] = [];
  for (const el of adapter.commentElements(doc)) {
    const c = adapter.parseComment(el, ctx);
    if (!c) continue;
    out.push(...c.text.split(/\s+/).filter((w) => w.length > 3), ...(c.authorName?.split(' ') ?? []));
    if (c.authorUrl) out.push(new URL(c.authorUrl).pathname.slice(1));
  }
  return out.filter((w) => w.length > 2);
}

describe('markupSkeleton: the report for the developers', () => {
  it.each(fixtureNames())('%s: tags, test ids, classes and attribute names; no text, names or people\'s ids', (fixture) => {
    const doc = loadFixture(fixture);
    const adapter = adapterFor(contextFor(fixture).url)!;
    const skeleton = markupSkeleton(skeletonRoot(adapter, doc));
    expect(skeleton.length).toBeGreaterThan(0);
    for (const word of secrets(loadFixture(fixture), fixture)) expect(skeleton).not.toContain(word);
    // no number of the page's own (ids, hrefs): only the counts of repeated siblings
    expect(skeleton.replace(/… (?:×\d+ more of the same|\d+ more elements)/g, '').replace(/^(\s*)h[1-6]\b/gm, '$1h')).not.toMatch(/\d/);
  });

  it('keeps what a selector needs', () => {
    const react = markupSkeleton(skeletonRoot(adapterFor('https://vk.com/wall-123456_1001')!, loadFixture('vk/new-ui-post.html')));
    for (const part of ['[data-testid="wall_comments_comment_root"', 'data-testid="comment-text"', 'a [data-testid="wall_comment_date" href="/wall-N_N?reply=N"]', '--comment-layout-level']) {
      expect(react).toContain(part);
    }
    const mobile = markupSkeleton(skeletonRoot(adapterFor('https://m.vk.com/wall-123456_1301')!, loadFixture('mvk/post.html')));
    for (const part of ['div.ReplyItem.Post__rowPadding [id="wall_reply-N_N"]', 'a.ReplyItem__name [href]', 'a.item_date [href="/wall-N_N?reply=N&thread=N"]', 'a.ReplyItem__action [href onclick]', 'div.RepliesThread [id="RepliesThreadN"]']) {
      expect(mobile).toContain(part);
    }
    const ok = markupSkeleton(skeletonRoot(adapterFor('https://ok.ru/group/1/topic/2')!, loadFixture('ok/topic-attributes.html')));
    expect(ok).toContain('[data-time data-seen-params]');
    expect(ok).toContain('a.comments_author-name.o [href]');
  });

  it('leaves Otklik\'s own marks out', () => {
    const doc = loadFixture('vk/new-ui-post.html');
    const el = doc.querySelector('[data-testid="wall_comments_comment_root"]')!;
    el.setAttribute('data-otklik-comment', 'vk:-123456_1002');
    el.setAttribute('data-otklik-flags', 'insult');
    const badge = doc.createElement('div');
    badge.className = 'otklik-flags';
    badge.setAttribute('data-otklik-ui', '');
    el.append(badge);
    const skeleton = markupSkeleton(el);
    expect(skeleton).not.toContain('otklik');
  });
});

/** A page whose markup changed (test/fixtures/changed/): kept out of the per-site selector tables. */
const CHANGED = { fixture: 'vk-post.html', ctx: { url: 'https://vk.com/wall-123456_1401', now: Date.parse('2025-05-07T13:00:00+06:00'), timeZone: 'Asia/Omsk' } };
function loadChanged(): Document {
  return new DOMParser().parseFromString(readFileSync(join(FIXTURES_DIR, 'changed', CHANGED.fixture), 'utf8'), 'text/html');
}

describe('a page whose markup changed', () => {
  it('counts what still matches and what matches but cannot be read', () => {
    expect(checkPage(adapterFor(CHANGED.ctx.url)!, loadChanged(), CHANGED.ctx)).toMatchObject({
      posts: 1, comments: 0, unread: 2, siteSays: 7, mismatch: true,
    });
  });

  it('the developers\' report: counts, selectors matched, the renamed parts in the skeleton — no text, no names, no people', () => {
    const doc = loadChanged();
    const report = developerReport(adapterFor(CHANGED.ctx.url)!, doc, CHANGED.ctx, { version: '0.1.0' });
    expect(report).toContain('address: https://vk.com/wall-N_N');
    expect(report).toContain('"unread":2');
    expect(report).toMatch(/"comment":2,.*"commentDate":0,.*"commentText":7/);
    // the whole post, so the renamed roots are in it too
    expect(report).toContain('[data-testid="comments_comment_root"');
    expect(report).toContain('a [data-testid="comment_date_link" href="/wall-N_N?reply=N"]');
    const words = [...doc.querySelectorAll('[data-testid="comment-text"], [data-testid="comment-owner"], [data-testid="showmoretext-in"]')]
      .flatMap((el) => (el.textContent ?? '').split(/[\s,.!?—]+/))
      .filter((w) => w.length > 3);
    expect(words.length).toBeGreaterThan(20);
    for (const word of words) expect(report).not.toContain(word);
    for (const person of ['id111', 'id333', 'anna.s', '111_', '333_']) expect(report).not.toContain(person);
  });

  it('the report on a good page shows the comments and every selector', () => {
    const ctx = contextFor('vk/new-ui-post.html');
    const report = developerReport(adapterFor(ctx.url)!, loadFixture('vk/new-ui-post.html'), ctx);
    expect(report).toContain('"comments":7');
    expect(report).toContain('"comment":7');
    expect(report).toContain('wall_comments_comment_root');
    for (const word of secrets(loadFixture('vk/new-ui-post.html'), 'vk/new-ui-post.html')) expect(report).not.toContain(word);
  });
});

describe('addressShape', () => {
  it.each([
    ['https://vk.com/wall-123456_1001?reply=1002&thread=1002', 'https://vk.com/wall-N_N?reply=N&thread=N'],
    ['https://vk.com/club123456?z=photo-123456_457239017%2Falbum-123456_00', 'https://vk.com/clubN?z=N'],
    ['https://vk.com/anna.s', 'https://vk.com/…'],
    ['https://vk.com/id111', 'https://vk.com/idN'],
    ['https://ok.ru/group/70000001234567/topic/155000000001', 'https://ok.ru/group/N/topic/N'],
    ['https://ok.ru/gorodomsk/topic/155000000010', 'https://ok.ru/…/topic/N'],
    ['not a url', '…'],
  ])('%s → %s', (url, shape) => expect(addressShape(url)).toBe(shape));
});
