import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { messageHandlers, sameReply } from '@/lib/background/messages';
import { deadlineAlerts } from '@/lib/background/reminders';
import { appendEvent, listSummaries } from '@/lib/db/messages';
import { openDatabase, type OtklikDB } from '@/lib/db/schema';
import type { RequestOf } from '@/lib/protocol';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings/defaults';
import type { MessageEvent } from '@/lib/workflow/schema';
import { createWorkClock } from '@/lib/worktime/clock';

const clock = createWorkClock();
const omsk = (iso: string) => new Date(`${iso}+06:00`).getTime();
const DEPT = 'Департамент городского хозяйства';

const source: RequestOf<'messages/register'>['source'] = {
  site: 'vk',
  commentKey: 'vk:-123456_1002',
  commentId: '-123456_1002',
  postId: '-123456_1001',
  pageKey: 'vk:-123456',
  pageUrl: 'https://vk.com/wall-123456_1001',
  pageName: 'Администрация города',
  permalink: 'https://vk.com/wall-123456_1001?reply=1002',
  authorId: '111',
  authorName: 'Иван Петров',
  authorUrl: 'https://vk.com/id111',
  text: 'А в доме на Ленина, 10 когда дадут воду?',
  publishedAt: null,
};

describe('messages in the background', () => {
  let db: OtklikDB;
  let settings: Settings;
  let now: number;
  let h: ReturnType<typeof messageHandlers>;

  beforeEach(() => {
    db = openDatabase(`bg-${Math.random()}`);
    settings = { ...DEFAULT_SETTINGS, role: 'curator', userName: 'Анна' };
    now = omsk('2025-09-16T11:00:00');
    h = messageHandlers({ db, settings: async () => settings, clock: async () => clock, now: () => now });
  });
  afterEach(() => db.delete());

  const register = () => h['messages/register']({ source, topic: 'ЖКХ', location: '', importance: 'normal', receivedAt: now }, {});

  it('registers a comment once, and only for the curator', async () => {
    const first = await register();
    expect(first.existed).toBe(false);
    expect((await register()).id).toBe(first.id);
    settings = { ...settings, role: 'moderator' };
    await expect(h['messages/register']({ source: { ...source, commentKey: 'vk:-1_9' }, topic: '', location: '', importance: 'normal', receivedAt: now }, {})).rejects.toThrow(
      'Регистрировать сообщения может только куратор',
    );
  });

  it('tells the page the state, who answers and the countdown in working time', async () => {
    await register();
    now = omsk('2025-09-16T11:10:00');
    const { items } = await h['messages/for-comments']({ keys: ['vk:-123456_1002', 'vk:-1_404'] }, {});
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ status: 'received', owner: 'Куратор', urgency: 'soon', approvedText: null, published: false });
    expect(items[0]!.next).toBe('направить до 11:30, осталось 20 мин');
    expect(items[0]!.importance).toBe('normal');
  });

  it('tells the page when the message is of high importance (§6: 4 hours)', async () => {
    await h['messages/register']({ source, topic: 'ЖКХ', location: '', importance: 'high', receivedAt: now }, {});
    const { items } = await h['messages/for-comments']({ keys: [source.commentKey] }, {});
    expect(items[0]).toMatchObject({ importance: 'high', status: 'received' });
  });

  it('marks the approved message published when the page’s reply appears, and compares the texts', async () => {
    const { id } = await register();
    const curator = { role: 'curator' as const, name: 'Анна' };
    const executor = { role: 'executor' as const, name: 'Пётр', department: DEPT };
    const reply = 'Иван, воду включат 14 мая к 18:00.';
    const events: MessageEvent[] = [
      { type: 'routed' as const, actor: curator, at: now + 60_000, payload: { executors: [{ department: DEPT }] } },
      { type: 'draftSubmitted' as const, actor: executor, at: now + 120_000, payload: { kind: 'final' as const, text: reply } },
      { type: 'draftApproved' as const, actor: curator, at: now + 180_000, payload: {} },
    ];
    for (const event of events) {
      expect((await appendEvent(db, id, event, clock, now)).ok).toBe(true);
    }
    expect((await h['messages/for-comments']({ keys: [source.commentKey] }, {})).items[0]!.approvedText).toBe(reply);

    const seen = await h['messages/published'](
      { commentKey: source.commentKey, url: 'https://vk.com/wall-123456_1001?reply=1099&thread=1002', at: now + 240_000, text: `[id111|Иван], ${reply.slice(6)}` },
      {},
    );
    expect(seen).toEqual({ id, changed: true, differs: false });
    const stored = await db.messages.get(id);
    expect(stored!.events.at(-1)).toMatchObject({ type: 'published', payload: { url: 'https://vk.com/wall-123456_1001?reply=1099&thread=1002' } });
    expect((await listSummaries(db))[0]!.status).toBe('published');
    // Seen again after a reload: nothing changes.
    expect((await h['messages/published']({ commentKey: source.commentKey, url: null, at: now, text: reply }, {})).changed).toBe(false);
  });

  it('compares replies as people read them', () => {
    expect(sameReply('[id111|Иван], Воду  включат завтра.', 'Иван, воду включат завтра.')).toBe(true);
    expect(sameReply('Иван, воду включат послезавтра.', 'Иван, воду включат завтра.')).toBe(false);
  });

  it('alerts the owner of a deadline 30 working minutes away or missed, and nobody else', async () => {
    await register();
    const rows = await listSummaries(db);
    const at = (iso: string) => deadlineAlerts(rows, settings, omsk(iso), clock);
    expect(at('2025-09-16T11:00:00')).toEqual([]);
    expect(at('2025-09-16T11:05:00')).toMatchObject([{ kind: 'soon', title: 'Осталось 25 мин' }]);
    expect(at('2025-09-16T11:31:00')).toMatchObject([{ kind: 'overdue', title: 'Срок пропущен (п. 4.4)' }]);
    expect(deadlineAlerts(rows, { ...settings, role: 'executor', department: DEPT }, omsk('2025-09-16T11:31:00'), clock)).toEqual([]);
  });
});
