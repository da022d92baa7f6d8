import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  appendPublicationEvent,
  linkSeenPosts,
  listPublications,
  mergePublications,
  postStatsOf,
  publicationOutbox,
  recordPostStats,
  settlePublicationOutbox,
  submitPublication,
} from '@/lib/db/publications';
import { openDatabase, type OtklikDB } from '@/lib/db/schema';
import { replayPublication } from '@/lib/publications/reducer';
import type { PubEventOf } from '@/lib/publications/schema';
import { TEXT, dip, omsk, owner, pev, submitted } from '../publications/helpers';

let db: OtklikDB;
let n = 0;
beforeEach(async () => {
  db = openDatabase(`pub-${++n}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await indexedDB.deleteDatabase(`pub-${n}`);
});

const now = omsk('2026-03-02T10:00');

describe('publication store', () => {
  it('a submission is stored with its event id and waits in the outbox', async () => {
    const r = await submitPublication(db, submitted() as PubEventOf<'submitted'>, now, 'req-1');
    expect(r.ok).toBe(true);
    expect((await listPublications(db)).map((x) => x.id)).toEqual(['req-1']);
    const out = await publicationOutbox(db);
    expect(out).toHaveLength(1);
    expect(out[0]!.event.type).toBe('submitted');
  });

  it('a refused act writes nothing, an accepted one is appended and queued', async () => {
    await submitPublication(db, submitted() as PubEventOf<'submitted'>, now, 'req-1');
    const refused = await appendPublicationEvent(db, 'req-1', pev('approved', owner(), '2026-03-02T11:00', { plannedAt: 1 }), now);
    expect(refused.ok).toBe(false);
    expect((await db.publications.get('req-1'))!.events).toHaveLength(1);
    const ok = await appendPublicationEvent(db, 'req-1', { ...pev('returned', dip, '2026-03-02T11:00', { remarks: ['Короче'] }), id: undefined }, now + 1);
    expect(ok.ok).toBe(true);
    const stored = (await db.publications.get('req-1'))!;
    expect(stored.events[1]!.id).toMatch(/[0-9a-f-]{36}/);
    expect(await db.pubOutbox.count()).toBe(2);
    await settlePublicationOutbox(db, [stored.events[0]!.id!]);
    expect(await db.pubOutbox.count()).toBe(1);
  });

  it('events from elsewhere join in the log’s order; read back, they leave the outbox; a second copy changes nothing', async () => {
    await submitPublication(db, submitted() as PubEventOf<'submitted'>, now, 'req-1');
    const mine = (await db.publications.get('req-1'))!.events[0]! as PubEventOf<'submitted'> & { id: string };
    const approve = { ...pev('approved', dip, '2026-03-02T11:00', { plannedAt: omsk('2026-03-03T10:00') }), id: 'a1' } as PubEventOf<'approved'> & { id: string };
    const ret = { ...pev('returned', { ...dip, name: 'Другой' }, '2026-03-02T11:00', { remarks: ['Позже'] }), id: 'r1' } as PubEventOf<'returned'> & { id: string };
    const changed = await mergePublications(
      db,
      [
        { requestId: 'req-1', event: mine, ts: 1 },
        { requestId: 'req-1', event: ret, ts: 3 },
        { requestId: 'req-1', event: approve, ts: 2 },
      ],
      now,
    );
    expect(changed).toEqual(['req-1']);
    const rec = (await db.publications.get('req-1'))!;
    expect(replayPublication(rec.events).status).toBe('approved');
    expect(rec.refused?.map((x) => x.event.id)).toEqual(['r1']);
    expect(await db.pubOutbox.count()).toBe(0);
    expect(await mergePublications(db, [{ requestId: 'req-1', event: approve, ts: 2 }], now)).toEqual([]);
  });

  it('a request another browser started arrives whole', async () => {
    const s = { ...submitted(), id: 's1' } as PubEventOf<'submitted'> & { id: string };
    await mergePublications(db, [{ requestId: 'req-9', event: s }], now);
    expect(replayPublication((await db.publications.get('req-9'))!.events).status).toBe('submitted');
    expect(await db.pubOutbox.count()).toBe(0);
  });

  it('a post seen on the registered page links to the approved request and marks it published', async () => {
    await db.registry.put({ id: 'admin-vk', site: 'vk', url: 'https://vk.com/club1', ownerId: '-1', name: 'Администрация', kind: 'administration', department: '', responsible: '', twoFactorConfirmedAt: null, adminsReviewedAt: null, notes: '' });
    await submitPublication(db, submitted() as PubEventOf<'submitted'>, now, 'req-1');
    await appendPublicationEvent(db, 'req-1', pev('approved', dip, '2026-03-02T11:00', { plannedAt: omsk('2026-03-04T10:00') }), now);
    const actor = owner();
    const posts = [
      { key: 'vk:-1_5', text: 'Субботник на набережной в субботу, приходите!', publishedAt: omsk('2026-03-04T09:00'), permalink: 'https://vk.com/wall-1_5' },
      { key: 'vk:-1_6', text: `${TEXT} #Омск`, publishedAt: omsk('2026-03-04T10:02'), permalink: 'https://vk.com/wall-1_6' },
    ];
    expect(await linkSeenPosts(db, 'vk:-2', posts, actor, omsk('2026-03-04T12:00'))).toEqual([]);
    expect(await linkSeenPosts(db, 'vk:-1', posts, actor, omsk('2026-03-04T12:00'))).toEqual(['req-1']);
    const s = replayPublication((await db.publications.get('req-1'))!.events);
    expect(s.published).toMatchObject({ url: 'https://vk.com/wall-1_6', at: omsk('2026-03-04T10:02'), postKey: 'vk:-1_6' });
    // Seen again: nothing more to do.
    expect(await linkSeenPosts(db, 'vk:-1', posts, actor, omsk('2026-03-04T13:00'))).toEqual([]);
  });

  it('footer figures: a row whenever they change; the same again only after half an hour (a re-sent chunk writes nothing)', async () => {
    const row = { postKey: 'vk:-1_6', pageKey: 'vk:-1', at: now, views: 100, likes: 5, comments: 1, reposts: 0 };
    expect(await recordPostStats(db, [row])).toBe(1);
    expect(await recordPostStats(db, [{ ...row, at: now + 60_000 }])).toBe(0);
    expect(await recordPostStats(db, [{ ...row, at: now + 120_000, views: 120 }])).toBe(1);
    expect(await recordPostStats(db, [{ ...row, at: now + 3 * 3600_000, views: 120 }])).toBe(1);
    const rows = await postStatsOf(db, ['vk:-1']);
    expect(rows.map((r) => r.views)).toEqual([100, 120, 120]);
  });
});

describe('a page batch seen by the background (publicationsSeen)', () => {
  it('keeps the figures of two visits, the wall’s looks, and links the post', async () => {
    const { publicationsSeen } = await import('@/lib/publications/seen');
    await db.registry.put({ id: 'admin-vk', site: 'vk', url: 'https://vk.com/club1', ownerId: '-1', name: 'Администрация', kind: 'administration', department: '', responsible: '', twoFactorConfirmedAt: null, adminsReviewedAt: null, notes: '' });
    await submitPublication(db, submitted() as PubEventOf<'submitted'>, now, 'req-1');
    await appendPublicationEvent(db, 'req-1', pev('approved', dip, '2026-03-02T11:00', { plannedAt: omsk('2026-03-04T10:00') }), now);
    const batch = (likes: number) => ({
      page: { site: 'vk' as const, url: 'https://vk.com/club1', kind: 'wall' as const, ownerId: '-1', name: 'Администрация', looks: { description: true, cover: false, avatar: true } },
      posts: [{ site: 'vk' as const, id: '-1_6', ownerId: '-1', authorId: '-1', authorName: 'Администрация', publishedAt: omsk('2026-03-04T10:02'), text: TEXT, pinned: false, foreign: false, repost: false, permalink: 'https://vk.com/wall-1_6', figures: { views: 10 * likes, likes, comments: 1, reposts: 0 } }],
      comments: [],
    });
    const first = await publicationsSeen(db, batch(5), owner(), omsk('2026-03-04T12:00'));
    expect(first).toEqual({ figures: 1, linked: ['req-1'] });
    const second = await publicationsSeen(db, batch(9), owner(), omsk('2026-03-05T12:00'));
    expect(second).toEqual({ figures: 1, linked: [] });
    expect((await postStatsOf(db, ['vk:-1'])).map((r) => r.likes)).toEqual([5, 9]);
    expect(await db.pageLooks.get('vk:-1')).toMatchObject({ description: true, cover: false, avatar: true });
  });
});
