import { describe, expect, it, vi } from 'vitest';
import { createDispatcher } from '@/lib/protocol/server';
import type { RequestOf } from '@/lib/protocol';

const batch: RequestOf<'page/seen'> = {
  page: { site: 'vk', url: 'https://vk.com/club123456', kind: 'wall', ownerId: '-123456', name: 'Администрация' },
  posts: [],
  comments: [
    {
      site: 'vk',
      id: '-123456_1002',
      postId: '-123456_1001',
      parentId: null,
      authorId: '111',
      authorName: 'Иван',
      authorUrl: 'https://vk.com/id111',
      text: '<img src=x onerror=alert(1)>',
      publishedAt: 1746420300000,
      permalink: 'https://vk.com/wall-123456_1001?reply=1002',
      own: false,
    },
  ],
};

describe('the content → background protocol', () => {
  it('hands a valid message to its handler and answers with the result', async () => {
    const handler = vi.fn(async (d: RequestOf<'page/seen'>) => ({ pageKey: 'vk:-123456', posts: 0, comments: d.comments.length }));
    const dispatch = createDispatcher({ 'page/seen': handler }, () => {});
    await expect(dispatch({ otklik: 1, type: 'page/seen', data: batch })).resolves.toEqual({
      ok: true,
      data: { pageKey: 'vk:-123456', posts: 0, comments: 1 },
    });
    expect(handler).toHaveBeenCalledOnce();
  });

  it.each([
    ['not an object', 'hello', 'не сообщение Отклика'],
    ['an unknown type', { otklik: 1, type: 'db/drop', data: {} }, 'неизвестный тип сообщения: db/drop'],
    ['a wrong field', { otklik: 1, type: 'page/seen', data: { ...batch, page: { ...batch.page, site: 'fb' } } }, 'page/seen: page.site'],
    ['a javascript: link', { otklik: 1, type: 'page/seen', data: { ...batch, comments: [{ ...batch.comments[0], permalink: 'javascript:alert(1)' }] } }, 'comments.0.permalink'],
    ['a missing list', { otklik: 1, type: 'page/seen', data: { page: batch.page, posts: [] } }, 'page/seen: comments'],
  ])('rejects %s with a logged reason and never calls the handler', async (_name, raw, reason) => {
    const handler = vi.fn();
    const log = vi.fn();
    const dispatch = createDispatcher({ 'page/seen': handler }, log);
    const reply = await dispatch(raw, { url: 'https://vk.com/x' });
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error).toContain(reason);
    expect(log).toHaveBeenCalledWith(expect.objectContaining({ reason: expect.stringContaining(reason), from: 'https://vk.com/x' }));
    expect(handler).not.toHaveBeenCalled();
  });
});
