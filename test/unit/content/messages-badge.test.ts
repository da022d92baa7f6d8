import { signal } from '@preact/signals';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { messages } from '@/lib/content/features/messages';
import { startRuntime } from '@/lib/content/runtime';
import { createPageState } from '@/lib/content/state';
import type { ResponseOf } from '@/lib/protocol';
import type { SiteAdapter } from '@/lib/sites/types';

type Item = ResponseOf<'messages/for-comments'>['items'][number];

/** A toy site: `.c[data-id]` comments with `.t` text. */
const adapter: SiteAdapter = {
  site: 'vk',
  matches: () => true,
  pageInfo: (_doc, ctx) => ({ site: 'vk', url: ctx.url, kind: 'post', ownerId: '-1', name: 'Администрация' }),
  commentElements: (root) => [...((root as Element).matches?.('.c') ? [root as Element] : []), ...root.querySelectorAll('.c')],
  parseComment: (el) => ({
    site: 'vk',
    id: el.getAttribute('data-id')!,
    postId: '-1_1',
    parentId: null,
    authorId: '5',
    authorName: 'Сергей',
    authorUrl: 'https://vk.com/id5',
    text: el.querySelector('.t')!.textContent!,
    publishedAt: 0,
    permalink: null,
    own: false,
  }),
  postElements: () => [],
  parsePost: () => null,
  expectsComments: () => false,
  commentTextElement: (el) => el.querySelector('.t'),
};

const item = (commentKey: string, importance: Item['importance']): Item => ({
  commentKey,
  id: `id-${commentKey}`,
  status: 'routed',
  statusTitle: 'направлено исполнителям',
  importance,
  owner: 'Департамент транспорта',
  next: 'проект до 15:00, осталось 2 ч',
  urgency: 'ok',
  approvedText: null,
  published: false,
});

describe('the badge of a comment tied to a message', () => {
  let controller: AbortController;
  beforeEach(() => (controller = new AbortController()));
  afterEach(() => controller.abort());

  it('says «высокая важность» when the message has it, and nothing of the kind otherwise', async () => {
    document.body.innerHTML = ['-1_2', '-1_3'].map((id) => `<div class="c" data-id="${id}"><div class="t">текст ${id}</div></div>`).join('');
    const forComments = vi.fn(async (keys: string[]) => keys.map((k) => item(k, k === 'vk:-1_2' ? 'high' : 'normal')));
    const feature = messages({
      adapter,
      doc: document,
      role: signal('executor'),
      forComments,
      register: vi.fn(),
      published: vi.fn(),
      now: () => 0,
      signal: controller.signal,
    });
    const runtime = startRuntime({ adapter, doc: document, state: createPageState(), features: [feature.feature], signal: controller.signal, url: () => 'https://vk.com/wall-1_1' });
    await runtime.idle();
    await vi.waitFor(() => expect(document.querySelectorAll('.otklik-msg')).toHaveLength(2));
    const high = document.querySelector('.otklik-msg[data-for="vk:-1_2"]')!;
    expect(high.querySelector('.otklik-msg__high')?.textContent).toBe('высокая важность');
    expect(high.textContent).toContain('отвечает: Департамент транспорта');
    expect(document.querySelector('.otklik-msg[data-for="vk:-1_3"]')!.textContent).not.toContain('важност');
  });
});
