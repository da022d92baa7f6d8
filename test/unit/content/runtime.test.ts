import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { COMMENT_ATTR, orderFeatures, startRuntime, UI_ATTR, type Batch, type Feature } from '@/lib/content/runtime';
import { FIRST_MS_PER_ELEMENT, GROUP, SLICE_MS } from '@/lib/content/schedule';
import { createPageState } from '@/lib/content/state';
import type { SiteAdapter } from '@/lib/sites/types';

/** A toy site: `.c[data-id]` comments, `.p[data-id]` posts, `.counter` says comments exist. */
const toyAdapter: SiteAdapter = {
  site: 'vk',
  matches: () => true,
  pageInfo: (doc, ctx) => ({
    site: 'vk',
    url: ctx.url,
    kind: ctx.url.includes('/feed') ? 'other' : 'wall',
    ownerId: doc.querySelector('h1')?.getAttribute('data-owner') ?? null,
    name: doc.querySelector('h1')?.textContent ?? null,
  }),
  commentElements: (root) => [
    ...((root as Element).matches?.('.c') ? [root as Element] : []),
    ...root.querySelectorAll('.c'),
  ],
  parseComment: (el) =>
    el.getAttribute('data-id')
      ? {
          site: 'vk',
          id: el.getAttribute('data-id')!,
          postId: null,
          parentId: null,
          authorId: null,
          authorName: null,
          authorUrl: null,
          text: el.textContent ?? '',
          publishedAt: null,
          permalink: null,
          own: false,
        }
      : null,
  postElements: (root) => [...root.querySelectorAll('.p')],
  parsePost: (el) => ({
    site: 'vk',
    id: el.getAttribute('data-id')!,
    ownerId: null,
    authorId: null,
    authorName: null,
    publishedAt: null,
    text: '',
    pinned: false,
    foreign: false,
    repost: false,
    permalink: null,
  }),
  expectsComments: (doc) => doc.querySelector('.counter') !== null,
};

function comment(id: string, text = 'текст') {
  const el = document.createElement('div');
  el.className = 'c';
  el.dataset.id = id;
  el.textContent = text;
  return el;
}

describe('content runtime', () => {
  let controller: AbortController;
  let url: string;
  beforeEach(() => {
    controller = new AbortController();
    url = 'https://vk.com/club1';
    document.body.innerHTML = '<h1 data-owner="-1">Администрация</h1><div class="p" data-id="-1_1"></div>';
  });
  afterEach(() => controller.abort());

  function start(features: Feature[] = []) {
    const state = createPageState();
    const runtime = startRuntime({
      adapter: toyAdapter,
      doc: document,
      state,
      features,
      signal: controller.signal,
      url: () => url,
    });
    return { state, runtime };
  }

  it('marks every comment on the page with its site-unique key', async () => {
    document.body.append(comment('-1_10'), comment('-1_11'));
    const { state, runtime } = start();
    await runtime.idle();
    expect([...document.querySelectorAll(`[${COMMENT_ATTR}]`)].map((e) => e.getAttribute(COMMENT_ATTR))).toEqual([
      'vk:-1_10',
      'vk:-1_11',
    ]);
    expect(state.comments.value).toBe(2);
    expect(state.posts.value).toBe(1);
    expect(state.page.value?.name).toBe('Администрация');
    expect(state.status.value).toBe('ok');
  });

  it('marks comments added later, and hands each comment to features only once', async () => {
    const seen: string[] = [];
    const { state, runtime } = start([{ name: 'spy', onBatch: (b) => seen.push(...b.comments.map((c) => c.key)) }]);
    await runtime.idle();
    const thread = document.createElement('div');
    thread.append(comment('-1_20'), comment('-1_21'));
    document.body.append(thread);
    // The same nodes appearing again (a re-render moving them) are not parsed twice.
    document.body.append(thread);
    await vi.waitFor(() => expect(state.comments.value).toBe(2));
    await runtime.idle();
    expect(seen).toEqual(['vk:-1_20', 'vk:-1_21']);
    expect(thread.firstElementChild!.getAttribute(COMMENT_ATTR)).toBe('vk:-1_20');
  });

  it('works in tasks of its time budget, handing features small groups, and yields to the page in between', async () => {
    // An element costs 1/8 ms on a clock of the test's own: a full group of 50 is 6.25 ms.
    let clock = 0;
    const now = vi.spyOn(performance, 'now').mockImplementation(() => clock);
    const slow: SiteAdapter = {
      ...toyAdapter,
      parsePost: (el, ctx) => ((clock += 0.125), toyAdapter.parsePost(el, ctx)),
      parseComment: (el, ctx) => ((clock += 0.125), toyAdapter.parseComment(el, ctx)),
    };
    for (let i = 0; i < 300; i++) document.body.append(comment(`-1_${100 + i}`));
    const sizes: number[] = [];
    let yields = 0;
    const yieldToPage = () => new Promise<void>((resolve) => setTimeout(() => (yields++, resolve()), 0));
    const yieldsSeen: number[] = [];
    let yieldsBeforeIdle = -1;
    const spy: Feature = {
      name: 'spy',
      onBatch(b) {
        sizes.push(b.posts.length + b.comments.length);
        yieldsSeen.push(yields);
      },
      onIdle() {
        yieldsBeforeIdle = yields;
      },
    };
    try {
      const runtime = startRuntime({ adapter: slow, doc: document, state: createPageState(), features: [spy], signal: controller.signal, url: () => url, yieldToPage });
      await runtime.idle();
    } finally {
      now.mockRestore();
    }
    expect([GROUP, SLICE_MS, FIRST_MS_PER_ELEMENT]).toEqual([50, 25, 2]);
    // One post and 300 comments. The first group is sized for a cautious 2 ms an element (12), the
    // next ones at the pace measured (1/8 ms: full groups), the last of the task to what is left of
    // its 25 ms (38 × 1/8 = 4.75 ms); then one yield, and the rest.
    expect(sizes).toEqual([12, 50, 50, 50, 38, 50, 50, 1]);
    expect(yieldsSeen).toEqual([0, 0, 0, 0, 0, 1, 1, 1]);
    // The rest took over half a budget (12.6 ms): the features' idle work waits for a task of its own.
    expect(yieldsBeforeIdle).toBe(2);
  });

  it('says the page changed when comments are expected but none match', async () => {
    document.body.insertAdjacentHTML('beforeend', '<span class="counter">5 комментариев</span><div class="unknown">?</div>');
    const { state, runtime } = start();
    await runtime.idle();
    expect(state.status.value).toBe('no-comments');
    expect(state.warning.value).toBe('Страница изменилась: комментарии не найдены');
  });

  it('says the markup is unknown on a wall with neither posts nor comments', async () => {
    document.body.innerHTML = '<h1>Стена</h1>';
    const { state, runtime } = start();
    await runtime.idle();
    expect(state.status.value).toBe('unknown-markup');
  });

  it('reads the page anew after an SPA navigation', async () => {
    document.body.append(comment('-1_30'));
    const batches: Batch[] = [];
    const { state, runtime } = start([{ name: 'spy', onBatch: (b) => batches.push(b) }]);
    await runtime.idle();
    url = 'https://vk.com/club2';
    document.body.innerHTML = '<h1 data-owner="-2">Департамент</h1>';
    document.body.append(comment('-2_1'), comment('-2_2'), comment('-2_3'));
    runtime.navigate();
    await vi.waitFor(() => expect(state.comments.value).toBe(3));
    await runtime.idle();
    expect(state.page.value).toMatchObject({ ownerId: '-2', name: 'Департамент' });
    expect(batches.at(-1)!.page.ownerId).toBe('-2');
  });

  it('does not read what Otklik itself adds to the page', async () => {
    const el = comment('-1_60');
    document.body.append(el);
    const roots: Node[] = [];
    const counting: SiteAdapter = { ...toyAdapter, commentElements: (root) => (roots.push(root as Node), toyAdapter.commentElements(root)) };
    const runtime = startRuntime({ adapter: counting, doc: document, state: createPageState(), features: [], signal: controller.signal, url: () => url });
    await runtime.idle();
    roots.length = 0;
    const badge = document.createElement('div');
    badge.setAttribute(UI_ATTR, '');
    el.append(badge);
    const other = comment('-1_61');
    document.body.append(other);
    await vi.waitFor(() => expect(roots).toContain(other));
    await runtime.idle();
    expect(roots).not.toContain(badge);
  });

  it('keeps going when a feature throws', async () => {
    document.body.append(comment('-1_40'));
    const errors: string[] = [];
    const good: string[] = [];
    const state = createPageState();
    const runtime = startRuntime({
      adapter: toyAdapter,
      doc: document,
      state,
      signal: controller.signal,
      url: () => url,
      features: [
        { name: 'broken', onBatch: () => { throw new Error('boom'); } },
        { name: 'good', onBatch: (b) => good.push(...b.comments.map((c) => c.key)) },
      ],
      onError: (name) => errors.push(name),
    });
    await runtime.idle();
    expect(errors).toEqual(['broken']);
    expect(good).toEqual(['vk:-1_40']);
  });

  it('tells features which marked comments left the page', async () => {
    const el = comment('-1_50');
    document.body.append(el);
    const removed: string[] = [];
    const { runtime } = start([{ name: 'log', onRemoved: (els) => removed.push(...els.map((e) => e.getAttribute(COMMENT_ATTR)!)) }]);
    await runtime.idle();
    el.remove();
    await vi.waitFor(() => expect(removed).toEqual(['vk:-1_50']));
  });

  it('stops observing when the content script is invalidated', async () => {
    const { state, runtime } = start();
    await runtime.idle();
    controller.abort();
    document.body.append(comment('-1_60'));
    await new Promise((r) => setTimeout(r, 20));
    expect(state.comments.value).toBe(0);
    expect(document.querySelector(`[${COMMENT_ATTR}]`)).toBeNull();
  });

  it('keeps one index of the page\'s comments, the latest element a comment was drawn in, cleared on navigation', async () => {
    const first = comment('-1_70', 'первый');
    document.body.append(first);
    const handed: number[] = [];
    const { runtime } = start([{ name: 'reader', onPage: (_page, comments) => handed.push(comments.size) }]);
    await runtime.idle();
    expect(runtime.comments.get('vk:-1_70')).toMatchObject({ key: 'vk:-1_70', el: first, text: first });
    expect(runtime.comments.get('vk:-1_70')!.comment.text).toBe('первый');
    // The site draws the comment anew (a virtualised list scrolled back): the new element is the one.
    first.remove();
    const again = comment('-1_70', 'первый');
    document.body.append(again);
    await vi.waitFor(() => expect(runtime.comments.get('vk:-1_70')!.el).toBe(again));
    expect(runtime.comments.size).toBe(1);
    url = 'https://vk.com/club2';
    document.body.innerHTML = '<h1 data-owner="-2">Департамент</h1>';
    runtime.navigate();
    await runtime.idle();
    expect(runtime.comments.size).toBe(0);
    expect(handed).toEqual([0, 0]);
  });
});

describe('the order of features', () => {
  const f = (name: string, after?: string[]): Feature => ({ name, after });
  const names = (list: Feature[]) => list.map((x) => x.name);

  it('runs each feature after the ones it names, and otherwise in the order given', () => {
    expect(names(orderFeatures([f('quota', ['store']), f('store', ['moderation']), f('ui'), f('moderation')]))).toEqual([
      'moderation',
      'store',
      'quota',
      'ui',
    ]);
    expect(names(orderFeatures([f('a'), f('b'), f('c')]))).toEqual(['a', 'b', 'c']);
  });

  it('lets a feature run without the ones it names, and says at once when the order is a cycle', () => {
    expect(names(orderFeatures([f('store', ['moderation']), f('ui')]))).toEqual(['store', 'ui']);
    expect(() => orderFeatures([f('a', ['b']), f('b', ['a'])])).toThrow(/cycle/);
  });
});
