import { signal } from '@preact/signals-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { moderation, type Classify } from '@/lib/content/features/moderation';
import { COMMENT_ATTR, startRuntime, UI_ATTR, type Feature } from '@/lib/content/runtime';
import { createPageState } from '@/lib/content/state';
import { EMPTY_ALLOWLIST } from '@/lib/moderation/allowlist';
import { DEFAULT_SETTINGS } from '@/lib/settings/defaults';
import { adapterFor } from '@/lib/sites';
import { contextFor, loadFixture } from './fixtures';

/**
 * VK removes posts scrolled far off-screen from the DOM and draws them again on the way back (DZ,
 * research/markup-2026.md); a long OK or m.vk.com list may do the same. A node that leaves because
 * of scrolling is not a deleted comment and not a post that disappeared: the deletion log, the
 * flagged list and the counts must stay right through a long scroll, and a real deletion after it
 * must be logged once.
 */

interface Case {
  fixture: string;
  /** The list whose children the virtual list mounts and unmounts. */
  list: string;
  flagged: string[];
  comments: number;
  posts: number;
  /** Replaces a comment by the site's deleted placeholder, as the site does. */
  remove?: { key: string; placeholder(el: Element): void };
}

const CASES: Case[] = [
  {
    fixture: 'vk/new-ui-post.html',
    list: '[data-testid="wall_comments_layout_root"]',
    flagged: ['vk:-123456_1005', 'vk:-123456_1006', 'vk:-123456_1008'],
    comments: 7,
    posts: 1,
    remove: {
      key: 'vk:-123456_1008',
      placeholder: (el) => {
        const stub = el.ownerDocument.createElement('div');
        stub.setAttribute('data-testid', 'wall_comments_comment_root');
        stub.id = el.id;
        stub.textContent = 'Комментарий удалён';
        el.replaceWith(stub);
      },
    },
  },
  {
    fixture: 'mvk/post.html',
    list: '.RepliesWrap',
    flagged: ['vk:-123456_1304', 'vk:-123456_1305', 'vk:-123456_1308'],
    comments: 8,
    posts: 1,
    remove: {
      key: 'vk:-123456_1305',
      placeholder: (el) => {
        el.classList.add('ReplyItem_deleted');
        el.innerHTML = '<div class="ReplyItem__body">Комментарий удалён.</div>';
      },
    },
  },
  {
    fixture: 'ok/topic.html',
    list: '.comments_lst_cnt',
    flagged: ['ok:155000000001_903', 'ok:155000000001_904'],
    comments: 5,
    posts: 1,
    remove: {
      key: 'ok:155000000001_904',
      placeholder: (el) => {
        el.classList.add('comments_i', '__deleted');
        el.innerHTML = '<div class="delete-stub">Комментарий удалён. <a class="delete-stub_cancel">Восстановить</a></div>';
      },
    },
  },
  { fixture: 'vk/new-ui-wall.html', list: '#page_wall_posts', flagged: [], comments: 0, posts: 7 },
  { fixture: 'mvk/wall.html', list: '#mcont', flagged: [], comments: 0, posts: 3 },
];

/** Flags a few words of the fixtures (the rules' own tests judge the words; here only the bookkeeping counts). */
const classify: Classify = (text) => {
  const findings = [...text.matchAll(/ох\*ели|[Пп]отолки|дебилы|[Бб]л\*ть|[Дд]еньги на карту/g)].map((m) => ({
    category: 'insult' as const,
    clause: 'п. 15 прил. 2',
    start: m.index!,
    end: m.index! + m[0].length,
    match: m[0],
    normalized: m[0].toLowerCase(),
    confidence: 0.9,
  }));
  return { verdict: findings.length ? 'delete' : 'ok', findings };
};

/** What the site draws anew: the same markup, none of Otklik's marks. */
function redrawn(node: Element): Element {
  const copy = node.cloneNode(true) as Element;
  for (const ui of copy.querySelectorAll(`[${UI_ATTR}]`)) ui.remove();
  for (const el of [copy, ...copy.querySelectorAll('*')]) {
    for (const name of [...el.getAttributeNames()]) if (name.startsWith('data-otklik-')) el.removeAttribute(name);
    el.classList.remove('otklik-pulse');
  }
  return copy;
}

describe.each(CASES)('a virtualised list on $fixture', (c) => {
  let controller: AbortController;
  beforeEach(() => (controller = new AbortController()));
  afterEach(() => controller.abort());

  it('logs no deletion on a long scroll, keeps one entry a comment, and logs a real deletion once', async () => {
    const fixture = loadFixture(c.fixture);
    document.head.innerHTML = fixture.head.innerHTML;
    document.body.innerHTML = fixture.body.innerHTML;
    const ctx = contextFor(c.fixture);
    const adapter = adapterFor(ctx.url)!;
    const report = { deleted: vi.fn(async () => ({})), notViolation: vi.fn(async () => ({})) };
    const mod = moderation({
      adapter,
      doc: document,
      classify: signal<Classify>(classify),
      settings: signal({ ...DEFAULT_SETTINGS, moderation: { ...DEFAULT_SETTINGS.moderation, scope: 'everywhere' } }),
      allowlist: signal(EMPTY_ALLOWLIST),
      enabledOn: () => true,
      report,
      signal: controller.signal,
    });
    const stored = { posts: new Set<string>(), comments: new Set<string>(), removed: 0 };
    const store: Feature = {
      name: 'store',
      onBatch: (b) => {
        for (const p of b.posts) if (!p.post.foreign) stored.posts.add(p.post.id);
        for (const m of b.comments) stored.comments.add(m.comment.id);
      },
      onRemoved: (els) => void (stored.removed += els.length),
    };
    const state = createPageState();
    const runtime = startRuntime({
      adapter, doc: document, state, features: [mod.feature, store], signal: controller.signal,
      url: () => ctx.url, now: () => ctx.now, timeZone: 'Asia/Omsk', yieldToPage: () => Promise.resolve(),
    });
    await runtime.idle();
    const flaggedKeys = () => mod.model.flagged.value.map((f) => f.key).sort();
    expect(flaggedKeys()).toEqual(c.flagged);
    const comments = state.comments.value;
    const posts = stored.posts.size;
    expect(comments).toBe(c.comments);
    expect(posts).toBe(c.posts);

    // A long scroll down and back, twenty times: a window of two items mounted at a time; the way
    // back draws the items anew (new nodes), as React does, or puts the same nodes back.
    const list = document.querySelector(c.list)!;
    const items = [...list.children];
    const slots = items.map((item) => ({ node: item as Element, anchor: document.createComment('slot') }));
    for (const s of slots) s.node.before(s.anchor);
    const mounted = (i: number) => slots[i]!.node.isConnected;
    let unmounted = 0;
    for (let round = 0; round < 20; round++) {
      for (let at = 0; at < slots.length; at++) {
        slots.forEach((s, i) => {
          const inWindow = i >= at && i < at + 2;
          if (!inWindow && mounted(i)) {
            s.node.remove();
            unmounted++;
          }
          else if (inWindow && !mounted(i)) {
            if (round % 2) s.node = redrawn(s.node);
            s.anchor.after(s.node);
          }
        });
        await runtime.idle();
      }
    }
    for (const [i, s] of slots.entries()) if (!mounted(i)) s.anchor.after((s.node = redrawn(s.node)));
    await runtime.idle();
    await new Promise((r) => setTimeout(r, 0));

    expect(unmounted).toBeGreaterThan(20 * (slots.length - 2));
    // the runtime saw the marked comments leave, and none of it was a deletion
    if (c.comments) expect(stored.removed).toBeGreaterThan(0);
    expect(report.deleted).not.toHaveBeenCalled();
    expect(flaggedKeys()).toEqual(c.flagged);
    expect(state.comments.value).toBe(comments);
    expect(stored.posts.size).toBe(posts);
    expect(stored.comments.size).toBe(comments);
    expect(mod.model.counts.value).toEqual(
      mod.model.flagged.value.reduce<Record<string, number>>((n, f) => {
        for (const cat of f.categories) n[cat] = (n[cat] ?? 0) + 1;
        return n;
      }, {}),
    );

    if (!c.remove) return;
    // Now the moderator deletes one on the site: logged once, with its evidence.
    const el = document.querySelector(`[${COMMENT_ATTR}="${c.remove.key}"]`)!;
    c.remove.placeholder(el);
    await runtime.idle();
    await vi.waitFor(() => expect(report.deleted).toHaveBeenCalledOnce());
    expect(report.deleted).toHaveBeenCalledWith(expect.objectContaining({ commentKey: c.remove.key }), 'detected');
    expect(flaggedKeys()).toEqual(c.flagged.filter((k) => k !== c.remove!.key));
  });
});
