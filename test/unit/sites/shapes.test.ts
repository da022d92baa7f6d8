import { describe, expect, it } from 'vitest';
import { protocol } from '@/lib/protocol';
import { evidenceSchema } from '@/lib/moderation/log';
import { CommentSchema, PostSchema } from '@/lib/backup/schemas';
import { sourceOf } from '@/lib/messages/types';
import { commentSchema, originSchema, pageSchema } from '@/lib/sites/shapes';
import { commentKeyOf, originOf, postKeyOf, SITES, type PageInfo, type ParsedComment, type ParsedPost } from '@/lib/sites/types';

const page: PageInfo = { site: 'vk', url: 'https://vk.com/wall-123456_1001', kind: 'post', ownerId: '-123456', name: 'Администрация города', postId: '-123456_1001' };
const comment: ParsedComment = {
  site: 'vk',
  id: '-123456_1002',
  postId: '-123456_1001',
  parentId: null,
  authorId: '111',
  authorName: 'Иван Петров',
  authorUrl: 'https://vk.com/id111',
  text: 'Когда дадут воду?',
  publishedAt: 1_757_998_800_000,
  permalink: 'https://vk.com/wall-123456_1001?reply=1002',
  own: false,
};

/** One shape per thing: the page's comment, where it is and what is stored of it come from one declaration. */
describe('shapes declared once', () => {
  it('one key function for comments and posts, the data-otklik-comment value', () => {
    expect(commentKeyOf(comment)).toBe('vk:-123456_1002');
    const post: ParsedPost = { site: 'ok', id: '155', ownerId: null, authorId: null, authorName: null, publishedAt: null, text: '', pinned: false, foreign: false, repost: false, permalink: null };
    expect(postKeyOf(post)).toBe('ok:155');
    expect([...SITES]).toEqual(['vk', 'ok']);
  });

  it('a comment parsed on the page is what the protocol accepts', () => {
    expect(pageSchema.parse(page)).toEqual(page);
    expect(commentSchema.parse(comment)).toEqual(comment);
    expect(protocol['page/seen'].request.safeParse({ page, posts: [], comments: [comment] }).success).toBe(true);
  });

  it('a message registered on a comment and a log entry about it start from the same origin', () => {
    const origin = originOf(page, comment);
    expect(origin).toMatchObject({ commentKey: 'vk:-123456_1002', pageKey: 'vk:-123456', pageUrl: page.url, publishedAt: comment.publishedAt });
    expect(originSchema.parse(origin)).toEqual(origin);
    const evidence = { ...origin, categories: ['spam' as const], clauses: ['прил. 2 п. 15.3'], matches: ['купите'] };
    expect(evidenceSchema.parse(evidence)).toEqual(evidence);
    const req = { source: origin, topic: '', location: '', importance: 'normal' as const, receivedAt: 1 };
    expect(protocol['messages/register'].request.parse(req).source).toEqual(origin);
    expect(sourceOf(origin)).toEqual({
      pageKey: 'vk:-123456',
      pageName: 'Администрация города',
      pageUrl: page.url,
      postId: '-123456_1001',
      commentId: '-123456_1002',
      permalink: comment.permalink,
      authorId: '111',
      authorUrl: 'https://vk.com/id111',
      writtenAt: comment.publishedAt,
    });
  });

  it('a link that is no VK/OK address is dropped from the origin, the rest kept', () => {
    const origin = { ...originOf(page, comment), authorUrl: 'https://evil.example/id1' };
    expect(originSchema.parse(origin).authorUrl).toBeNull();
  });

  it('the backup checks the same fields, with where and when it was seen', () => {
    const seen = { key: commentKeyOf(comment), pageKey: 'vk:-123456', firstSeen: 1, lastSeen: 2 };
    expect(CommentSchema.safeParse({ ...comment, ...seen }).success).toBe(true);
    const bad = CommentSchema.safeParse({ ...comment, ...seen, own: 'да' });
    expect(bad.success).toBe(false);
    expect(PostSchema.safeParse({ site: 'vk', id: '1', ...seen }).success).toBe(false);
  });
});
