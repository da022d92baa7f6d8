/**
 * The moderation log renders its addresses as links: what the page reports enters only as https
 * addresses on VK or OK (issue 16). A bad page address refuses the report; a bad comment or author
 * link is dropped and the evidence kept, so no deletion goes unrecorded for a link.
 */
import { describe, expect, it } from 'vitest';
import { validateEnvelope } from '@/lib/protocol';
import { evidenceSchema, type Evidence } from '@/lib/moderation/log';

const evidence: Evidence = {
  site: 'vk', pageKey: 'vk:-1', pageUrl: 'https://vk.com/wall-1_1', pageName: 'Администрация', postId: '-1_1', commentKey: 'vk:-1_2', commentId: '-1_2',
  permalink: 'https://vk.com/wall-1_1?reply=2', authorId: '5', authorName: 'Иван', authorUrl: 'https://vk.com/id5', text: 'Спам', publishedAt: null,
  categories: ['spam'], clauses: [], matches: [],
};

describe('evidence from the page', () => {
  it('keeps https addresses on VK and OK', () => {
    expect(evidenceSchema.parse(evidence)).toEqual(evidence);
    expect(evidenceSchema.parse({ ...evidence, site: 'ok', pageUrl: 'https://ok.ru/group/1', permalink: 'https://m.ok.ru/group/1/topic/2', authorUrl: 'https://ok.ru/profile/3' })).toMatchObject({
      permalink: 'https://m.ok.ru/group/1/topic/2',
    });
  });

  it.each(['javascript:alert(1)', 'https://evil.example/club1', 'http://vk.com/club1', 'data:text/html,x'])('refuses the page address %j, in Russian', (pageUrl) => {
    const r = validateEnvelope({ otklik: 1, type: 'moderation/deleted', data: { evidence: { ...evidence, pageUrl }, how: 'manual' } });
    expect(r.ok).toBe(false);
    expect((r as { error: string }).error).toMatch(/^moderation\/deleted: evidence\.pageUrl: .*[а-яё]/);
  });

  it.each(['javascript:alert(1)', 'https://evil.example/id5', 'vbscript:x'])('drops the link %j and keeps the evidence', (bad) => {
    const r = validateEnvelope({ otklik: 1, type: 'moderation/deleted', data: { evidence: { ...evidence, permalink: bad, authorUrl: bad }, how: 'manual' } });
    expect(r.ok).toBe(true);
    expect((r as { data: { evidence: Evidence } }).data.evidence).toEqual({ ...evidence, permalink: null, authorUrl: null });
  });
});
