import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { badgeCount, badgeView, nextQuotaReminder, quotaNotices } from '@/lib/background/reminders';
import { recordSeen } from '@/lib/db/pages';
import { saveEntry } from '@/lib/db/registry';
import { openDatabase, type OtklikDB } from '@/lib/db/schema';
import type { RegistryEntry } from '@/lib/registry/entry';

const omsk = (iso: string) => new Date(`${iso}+06:00`).getTime();
const ZONE = 'Asia/Omsk';

const entry: RegistryEntry = {
  id: 'p1',
  site: 'vk',
  url: 'https://vk.com/club777',
  ownerId: '-777',
  name: 'Департамент транспорта',
  kind: 'department',
  department: 'Департамент транспорта',
  responsible: 'Иванова А. П.',
  twoFactorConfirmedAt: '2025-05-01',
  adminsReviewedAt: '2025-09-01',
  notes: '',
};

function post(n: number, at: number) {
  return { site: 'vk' as const, id: `-777_${n}`, ownerId: '-777', authorId: '-777', authorName: 'Департамент транспорта', publishedAt: at, text: 'новость', pinned: false, foreign: false, repost: false, permalink: `https://vk.com/wall-777_${n}` };
}

describe('the badge and the Thursday reminder', () => {
  let db: OtklikDB;
  beforeEach(() => {
    db = openDatabase(`rem-${Math.random()}`);
  });
  afterEach(() => db.delete());

  it('counts protection checks older than 90 days on the badge', async () => {
    expect(await badgeCount(db, omsk('2025-09-18T12:00:00'), ZONE)).toEqual({ text: '', title: 'Отклик' });
    expect((await saveEntry(db, entry)).ok).toBe(true);
    const badge = await badgeCount(db, omsk('2025-09-18T12:00:00'), ZONE);
    expect(badge.text).toBe('1');
    expect(badge.title).toContain('просроченных проверок защиты страниц — 1');
  });

  it('on Thursday at noon names the pages behind their pace, saying when the count may be incomplete', async () => {
    await saveEntry(db, entry);
    const thursday = omsk('2025-09-18T12:00:00');
    expect(nextQuotaReminder(omsk('2025-09-17T09:00:00'), ZONE)).toBe(thursday);
    // The wall never opened: no count to report, only the request to open it.
    let [notice] = await quotaNotices(db, thursday, ZONE);
    expect(notice?.message).toBe('Нет данных за эту неделю: откройте стену страницы и прокрутите её до понедельника.');
    expect(notice?.message).not.toMatch(/из 5/);

    const page = { site: 'vk' as const, url: 'https://vk.com/club777', kind: 'wall' as const, ownerId: '-777', name: 'Департамент транспорта' };
    // Seen down to Tuesday only: the count is a lower bound, and the notice says so.
    await recordSeen(db, { page, posts: [post(9, omsk('2025-09-16T10:00:00'))], comments: [] }, thursday);
    [notice] = await quotaNotices(db, thursday, ZONE);
    expect(notice?.message).toBe('На этой неделе: не меньше 1 из 5. Счёт может быть неполным: откройте стену и прокрутите её до понедельника.');

    await recordSeen(db, { page, posts: [post(1, omsk('2025-09-12T10:00:00')), post(2, omsk('2025-09-15T10:00:00'))], comments: [] }, thursday);
    [notice] = await quotaNotices(db, thursday, ZONE);
    expect(notice).toMatchObject({ id: 'quota:p1', title: 'Публикации: Департамент транспорта' });
    expect(notice!.message).toMatch(/^На этой неделе: 2 из 5/);

    await recordSeen(db, { page, posts: [3, 4, 5].map((n) => post(n, omsk(`2025-09-1${n + 1}T09:00:00`))), comments: [] }, thursday);
    expect(await quotaNotices(db, thursday, ZONE)).toEqual([]);
  });
});

describe('what the toolbar button shows', () => {
  const alert = (kind: 'soon' | 'overdue', n: number) => ({ key: `${n}:routeDeadline:${kind}`, id: String(n), kind, title: '', message: '' });
  const quiet = { text: '', title: 'Отклик' };
  it('counts deadlines first: amber while all are on time, red once one is missed', () => {
    expect(badgeView([alert('soon', 1)], quiet)).toEqual({ text: '1', color: '#e6a100', title: 'Отклик: сроков на исходе — 1.' });
    expect(badgeView([alert('soon', 1), alert('overdue', 2)], quiet)).toEqual({
      text: '2',
      color: '#c62828',
      title: 'Отклик: пропущено сроков — 1, сроков на исходе — 1.',
    });
  });
  it('falls back to the registry’s overdue checks, and names them beside deadlines', () => {
    const registry = { text: '3', title: 'Отклик: просроченных проверок защиты страниц — 3' };
    expect(badgeView([], registry)).toEqual({ text: '3', color: '#c62828', title: registry.title });
    expect(badgeView([alert('overdue', 1)], registry).title).toBe('Отклик: пропущено сроков — 1. Просроченных проверок защиты страниц — 3.');
    expect(badgeView([], quiet).text).toBe('');
  });
});
