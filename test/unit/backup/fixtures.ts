import type { OtklikDB } from '@/lib/db/schema';
import type { BackupStorage } from '@/lib/backup/types';
import { putMessage } from '@/lib/db/messages';
import { appendPublicationEvent, recordPageLooks, recordPostStats, savePageFounding, submitPublication } from '@/lib/db/publications';
import type { PubEventOf } from '@/lib/publications/schema';
import { dip, pev, submitted } from '../publications/helpers';
import type { ModerationEntry } from '@/lib/moderation/log';
import type { RegistryEntry } from '@/lib/registry/entry';
import { DEFAULT_SETTINGS } from '@/lib/settings/defaults';
import { DEFAULT_WORKTIME_SETTINGS } from '@/lib/worktime/schedule';
import type { WorkClock } from '@/lib/worktime/clock';
import { NOW, dataset } from '../reports/dataset';

export function memoryStorage(initial: Record<string, unknown> = {}): BackupStorage & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = structuredClone(initial);
  return {
    data,
    async get(keys) {
      return Object.fromEntries(keys.filter((k) => k in data).map((k) => [k, structuredClone(data[k])]));
    },
    async set(items) {
      Object.assign(data, structuredClone(items));
    },
    async remove(keys) {
      for (const k of keys) delete data[k];
    },
  };
}

export const SETTINGS = {
  settings: { ...DEFAULT_SETTINGS, role: 'curator', userName: 'Иванова А. С.' },
  worktime: DEFAULT_WORKTIME_SETTINGS,
  lexicon: { words: { insult: ['бестолочь'] }, allow: ['хрен*'], allowDomains: ['omsk.ru'] },
  allowlist: { comments: ['vk:-1_5'], words: ['бобр'] },
  calendarYears: [],
};

export const registryEntry = (id: string, over: Partial<RegistryEntry> = {}): RegistryEntry => ({
  id,
  site: 'vk',
  url: `https://vk.com/club${id.replace(/\D/g, '') || '1'}`,
  ownerId: '-1',
  name: `Страница ${id}`,
  kind: 'administration',
  department: '',
  responsible: 'Сидоров С. С.',
  twoFactorConfirmedAt: '2025-05-01',
  adminsReviewedAt: null,
  notes: '',
  ...over,
});

export const moderationEntry = (n: number, over: Partial<ModerationEntry> = {}): ModerationEntry => ({
  site: 'vk',
  pageKey: 'vk:-123456',
  pageUrl: 'https://vk.com/club123456',
  pageName: 'Администрация города',
  postId: '-123456_1001',
  commentKey: `vk:-123456_${2000 + n}`,
  commentId: `-123456_${2000 + n}`,
  permalink: `https://vk.com/wall-123456_1001?reply=${2000 + n}`,
  authorId: '77',
  authorName: 'Аноним',
  authorUrl: null,
  text: 'Спам спам',
  publishedAt: NOW - 3_600_000,
  categories: ['spam'],
  clauses: ['п. 15 прил. 2'],
  matches: ['спам'],
  action: 'deleted',
  how: 'detected',
  scope: null,
  at: NOW - 60_000 * n,
  recordedBy: 'Модератор',
  ...over,
});

/** Every table filled: the known data set of the reports, pages, posts, comments, the log, the registry. */
export async function fill(db: OtklikDB, clock: WorkClock): Promise<void> {
  await db.pages.bulkAdd([
    { key: 'vk:-123456', site: 'vk', url: 'https://vk.com/club123456', kind: 'wall', ownerId: '-123456', name: 'Администрация города', firstSeen: NOW - 9e6, lastSeen: NOW },
    { key: 'ok:https://ok.ru/group/1', site: 'ok', url: 'https://ok.ru/group/1', kind: 'other', ownerId: null, name: null, firstSeen: NOW - 1e6, lastSeen: NOW - 1e5 },
  ]);
  await db.posts.bulkAdd([
    { key: 'vk:-123456_1001', pageKey: 'vk:-123456', site: 'vk', id: '-123456_1001', ownerId: '-123456', authorId: null, authorName: 'Администрация города',
      publishedAt: NOW - 8e6, text: 'Отключение воды', pinned: false, foreign: false, repost: false, permalink: 'https://vk.com/wall-123456_1001', firstSeen: NOW - 8e6, lastSeen: NOW },
  ]);
  await db.comments.bulkAdd([
    { key: 'vk:-123456_1002', pageKey: 'vk:-123456', site: 'vk', id: '-123456_1002', postId: '-123456_1001', parentId: null, authorId: '5', authorName: 'Анна',
      authorUrl: 'https://vk.com/id5', text: 'Когда дадут воду?', publishedAt: NOW - 7e6, permalink: null, own: false, firstSeen: NOW - 7e6, lastSeen: NOW },
  ]);
  await db.moderation.bulkAdd([moderationEntry(1), moderationEntry(2, { categories: ['obscenity', 'insult'], scope: null })]);
  await db.registry.bulkAdd([registryEntry('r1'), registryEntry('r2', { kind: 'department', department: 'Департамент транспорта', weeklyTarget: 5 })]);
  for (const r of dataset()) await putMessage(db, r, clock, NOW);
  await fillPublications(db);
}

/** A request returned and approved, one only submitted, the pages' decisions, figures and looks. */
export async function fillPublications(db: OtklikDB): Promise<void> {
  await submitPublication(db, submitted() as PubEventOf<'submitted'>, NOW - 5e6, 'req-1');
  await appendPublicationEvent(db, 'req-1', pev('returned', dip, '2026-03-02T11:00', { remarks: ['Уточните номер маршрута'] }), NOW - 4e6);
  await appendPublicationEvent(db, 'req-1', pev('resubmitted', submitted().actor, '2026-03-02T12:00', { text: 'Автобус № 12 ходит через Левобережье.' }), NOW - 3e6);
  await appendPublicationEvent(db, 'req-1', pev('approved', dip, '2026-03-02T13:00', { plannedAt: NOW + 86_400_000 }), NOW - 2e6);
  await submitPublication(db, submitted() as PubEventOf<'submitted'>, NOW - 1e6, 'req-2');
  await savePageFounding(db, { entryId: 'r2', decision: { date: '2025-04-01', number: '15-р' }, approval: { date: '2025-04-03', number: 'ДИП-7' }, updatedAt: NOW - 9e5 });
  await recordPostStats(db, [
    { postKey: 'vk:-123456_1001', pageKey: 'vk:-123456', at: NOW - 8e5, views: 120, likes: 4, comments: 1, reposts: 0 },
    { postKey: 'vk:-123456_1001', pageKey: 'vk:-123456', at: NOW - 1e5, views: 300, likes: 9, comments: 1, reposts: 2 },
  ]);
  await recordPageLooks(db, { pageKey: 'vk:-123456', at: NOW - 1e5, description: true, cover: true, avatar: false });
}
