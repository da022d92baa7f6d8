import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { quotaNotices } from '@/lib/background/reminders';
import { recordSeen } from '@/lib/db/pages';
import { quotaRows, saveEntry } from '@/lib/db/registry';
import { openDatabase, type OtklikDB } from '@/lib/db/schema';
import { weekStatus } from '@/lib/quota/summary';

const omsk = (iso: string) => new Date(`${iso}+06:00`).getTime();
const ZONE = 'Asia/Omsk';
const entry = { id: 'p1', site: 'vk', url: 'https://vk.com/club777', ownerId: '-777', name: 'Департамент транспорта', kind: 'department', department: 'Д', responsible: 'И', twoFactorConfirmedAt: '2025-05-01', adminsReviewedAt: '2025-09-01', notes: '' };
const post = (n: number, at: number) => ({ site: 'vk' as const, id: `-777_${n}`, ownerId: '-777', authorId: '-777', authorName: 'Д', publishedAt: at, text: 'т', pinned: false, foreign: false, repost: false, permalink: `https://vk.com/wall-777_${n}` });
const wall = { site: 'vk' as const, url: 'https://vk.com/club777', kind: 'wall' as const, ownerId: '-777', name: 'Д' };
const single = (n: number) => ({ site: 'vk' as const, url: `https://vk.com/wall-777_${n}`, kind: 'post' as const, ownerId: '-777', name: null, postId: `-777_${n}` });

let db: OtklikDB;
afterEach(() => db?.delete());

describe('wall views only', () => {
  it('an old post opened alone proves nothing; the wall does', async () => {
    db = openDatabase(`w-${Math.random()}`);
    await saveEntry(db, entry);
    const thu = omsk('2025-09-18T12:00:00');
    await recordSeen(db, { page: single(1), posts: [post(1, omsk('2025-08-01T10:00:00'))], comments: [] }, thu - 60_000);
    let [row] = await quotaRows(db, thu, ZONE);
    expect(row!.weeks.map(weekStatus)).toEqual(Array(8).fill('nodata'));
    expect((await quotaNotices(db, thu, ZONE))[0]!.message).toMatch(/^Нет данных/);
    await recordSeen(db, { page: wall, posts: [post(2, omsk('2025-09-16T10:00:00')), post(3, omsk('2025-09-05T10:00:00'))], comments: [] }, thu - 30_000);
    [row] = await quotaRows(db, thu, ZONE);
    expect(row!.weeks.map(weekStatus)).toEqual(['nodata', 'nodata', 'nodata', 'nodata', 'nodata', 'partial', 'missed', 'running']);
    // the wall's post opened alone later: still a wall sighting as of the wall visit
    await recordSeen(db, { page: single(2), posts: [post(2, omsk('2025-09-16T10:00:00'))], comments: [] }, thu - 10_000);
    const stored = await db.posts.get('vk:-777_2');
    expect(stored!.wallSeen).toEqual({ first: thu - 30_000, last: thu - 30_000 });
    expect(stored!.lastSeen).toBe(thu - 10_000);
  });

  it('upgrade: posts of pages whose wall was never opened prove nothing', async () => {
    const name = `u-${Math.random()}`;
    const old = new Dexie(name);
    old.version(1).stores({ pages: 'key, lastSeen', posts: 'key, pageKey', comments: 'key, pageKey' });
    old.version(2).stores({ moderation: '++id, at, pageKey, [commentKey+action]' });
    old.version(3).stores({ registry: 'id' });
    old.version(4).stores({ messages: 'id, commentRef, importKey', summaries: 'id, nextDue, commentRef' });
    old.version(5).stores({ messages: 'id, commentRef, importKey, author' });
    old.version(6).stores({ flagged: 'commentKey, firstSeen, pageKey' });
    await old.open();
    await old.table('pages').bulkPut([
      { key: 'vk:-1', site: 'vk', url: 'https://vk.com/wall-1_1', kind: 'post', ownerId: '-1', name: null, firstSeen: 1, lastSeen: 2 },
      { key: 'vk:-2', site: 'vk', url: 'https://vk.com/club2', kind: 'wall', ownerId: '-2', name: null, firstSeen: 1, lastSeen: 2 },
    ]);
    await old.table('posts').bulkPut([
      { key: 'vk:-1_1', pageKey: 'vk:-1', publishedAt: 1, firstSeen: 2, lastSeen: 2 },
      { key: 'vk:-2_1', pageKey: 'vk:-2', publishedAt: 1, firstSeen: 2, lastSeen: 2 },
    ]);
    old.close();
    db = openDatabase(name);
    expect((await db.posts.get('vk:-1_1'))!.wallSeen).toBeNull();
    expect((await db.posts.get('vk:-2_1'))!.wallSeen).toBeUndefined();
  });
});
