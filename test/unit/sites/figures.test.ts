import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapterFor } from '@/lib/sites';
import { countText } from '@/lib/sites/figures';
import { OK_FIGURES } from '@/lib/sites/ok/figures';
import { VK_FIGURES } from '@/lib/sites/vk/figures';
import { FIXTURES_DIR, OMSK } from './fixtures';

const load = (name: string) => new DOMParser().parseFromString(readFileSync(join(FIXTURES_DIR, 'footers', name), 'utf8'), 'text/html');
const NOW = Date.parse('2025-05-13T10:00:00+06:00');

function figuresOn(name: string, url: string) {
  const doc = load(name);
  const adapter = adapterFor(url)!;
  const ctx = { url, now: NOW, timeZone: OMSK };
  const page = adapter.pageInfo(doc, ctx);
  return { doc, adapter, posts: adapter.postElements(doc).map((el) => adapter.parsePost(el, { ...ctx, page })!) };
}

describe('footer counts as the sites print them', () => {
  it.each([
    ['12', 12],
    ['1 234', 1234],
    ['1\u00a0234', 1234],
    ['1,2K', 1200],
    ['12K', 12_000],
    ['1.5M', 1_500_000],
    ['3,4 тыс.', 3400],
    ['2 млн', 2_000_000],
    ['37 комментариев', 37],
    ['12 345 просмотров', 12_345],
    ['Нравится', null],
    ['', null],
  ] as const)('«%s» → %s', (raw, n) => {
    expect(countText(raw)).toBe(n);
  });

  it('an action button without a number is nobody yet', () => {
    expect(countText('', true)).toBe(0);
    expect(countText('Поделиться', true)).toBe(0);
  });
});

describe('post footers and page looks on the footer fixtures', () => {
  it('VK React UI: likes, comments, reposts and views; a repost copy’s footer is not the post’s; a post without a footer has none', () => {
    const { posts, doc, adapter } = figuresOn('vk-new-ui-wall.html', 'https://vk.com/club555001');
    expect(posts.map((p) => [p.id, p.figures])).toEqual([
      ['-555001_20', { likes: 1200, comments: 37, reposts: 15, views: 12_345 }],
      ['-555001_19', { likes: 0, comments: 0, reposts: 3, views: null }],
      ['-555001_18', null],
    ]);
    expect(adapter.pageLooks!(doc)).toEqual({ description: true, cover: false, avatar: true });
  });

  it('VK classic: data-count and the views title', () => {
    const { posts, doc, adapter } = figuresOn('vk-classic-wall.html', 'https://vk.com/public555002');
    expect(posts.map((p) => p.figures)).toEqual([{ likes: 48, comments: 6, reposts: 0, views: 2310 }]);
    expect(adapter.pageLooks!(doc)).toEqual({ description: false, cover: true, avatar: true });
  });

  it('OK feed: the widget list, no views', () => {
    const { posts, doc, adapter } = figuresOn('ok-group-feed.html', 'https://ok.ru/group/70000005550003');
    expect(posts.map((p) => p.figures)).toEqual([{ likes: 1500, comments: 12, reposts: 3, views: null }]);
    expect(adapter.pageLooks!(doc)).toEqual({ description: true, cover: false, avatar: true });
  });

  it('every selector matches on some fixture (OK’s cover is inferred and has none)', () => {
    const docs = ['vk-new-ui-wall.html', 'vk-classic-wall.html', 'ok-group-feed.html'].map(load);
    for (const [name, sel] of [...Object.entries(VK_FIGURES), ...Object.entries(OK_FIGURES).filter(([k]) => k !== 'cover')]) {
      expect(docs.some((d) => d.querySelector(sel.css)), name).toBe(true);
    }
  });
});
