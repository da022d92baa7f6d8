/**
 * A city's year in the workspace, for `npm run bench:workspace`: 50,000 messages with their histories
 * (≈ 270,000 events), a moderation log, and the settings of a curator — as a backup file the options
 * page restores through the message store, as a user's own backup would be. And a 50,000-row CSV as
 * the monitoring system exports it, for the import. Both are written once under `.bench-cache/`
 * (gitignored) and reused while this generator is unchanged.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BACKUP_KIND, BACKUP_VERSION, type Backup } from '../../lib/backup/types';
import type { MessageRecord } from '../../lib/messages/types';
import type { ModerationEntry } from '../../lib/moderation/log';
import { DEFAULT_SETTINGS } from '../../lib/settings/defaults';
import type { Actor, MessageEvent } from '../../lib/workflow/schema';
import { ROOT } from '../browser';
import { seeded } from '../random';

export const PROFILE_MESSAGES = 50_000;
export const IMPORT_ROWS = 50_000;
/** The profile's year runs to this day: the reports are asked for the calendar year 2026. */
export const PROFILE_TO = Date.parse('2026-12-01T00:00:00+06:00');
const FROM = Date.parse('2025-12-01T00:00:00+06:00');
const MINUTE = 60_000;
export const CURATOR_NAME = 'Анна Куратор';
const curator: Actor = { role: 'curator', name: CURATOR_NAME };
export const UNITS = ['Департамент городского хозяйства', 'Департамент транспорта', 'Администрация Центрального округа', 'Департамент образования', 'Департамент имущественных отношений'];
const TOPICS = ['Дороги', 'Отопление и горячая вода', 'Транспорт', 'Благоустройство', 'Вывоз мусора', 'Образование'];
const PAGES = [
  { key: 'vk:-1', name: 'Администрация города', url: 'https://vk.com/club1' },
  { key: 'vk:-2', name: 'Департамент транспорта', url: 'https://vk.com/club2' },
  { key: 'ok:70000000000001', name: 'Администрация города в ОК', url: 'https://ok.ru/group/70000000000001' },
];

/**
 * Message i: most histories run to the end (received → routed → draft → maybe returned and
 * revised → approved → mostly published); every 25th stops early, so the queue «в работе» holds
 * a few thousand messages at every step, as a real one does.
 */
function record(i: number, rnd: () => number): MessageRecord {
  let at = FROM + Math.floor(((i + rnd()) / PROFILE_MESSAGES) * (PROFILE_TO - FROM));
  const t0 = at;
  const step = (minutes: number) => (at += (1 + Math.floor(rnd() * minutes)) * MINUTE);
  const unit = UNITS[i % UNITS.length]!;
  const page = PAGES[i % PAGES.length]!;
  const executor: Actor = { role: 'executor', name: 'Исполнитель', department: unit };
  const topic = TOPICS[i % TOPICS.length]!;
  const stopAt = i % 25 === 0 ? 1 + (Math.floor(i / 25) % 4) : 99;
  const events: MessageEvent[] = [
    { type: 'received', actor: curator, at, payload: { importance: rnd() < 0.2 ? 'high' : 'normal', topic, location: `ул. Ленина, ${1 + (i % 200)}` } },
  ];
  if (stopAt > 1) events.push({ type: 'routed', actor: curator, at: step(60), payload: { executors: [{ department: unit }] } });
  if (stopAt > 2) events.push({ type: 'draftSubmitted', actor: executor, at: step(300), payload: { kind: 'final', text: `Ответ на обращение ${i}: работы запланированы.` } });
  if (stopAt > 3 && rnd() < 0.35) {
    events.push({ type: 'draftReturned', actor: curator, at: step(60), payload: { remarks: 'Укажите сроки' } });
    events.push({ type: 'draftResubmitted', actor: executor, at: step(90), payload: { text: `Ответ на обращение ${i}: работы до 1 июня.` } });
  }
  if (stopAt > 3) events.push({ type: 'draftApproved', actor: curator, at: step(60), payload: {} });
  if (stopAt > 4 && rnd() < 0.85) events.push({ type: 'published', actor: curator, at: step(60), payload: { url: `https://vk.com/wall-1_1?reply=${100000 + i}` } });
  if (i % 97 === 0) events.push({ type: 'socialSignificanceSet', actor: curator, at: step(30), payload: { significant: true } });
  const ownerId = page.key.split(':')[1]!;
  const permalink = page.key.startsWith('vk') ? `https://vk.com/wall${ownerId}_1?reply=${100000 + i}` : `${page.url}/topic/155000000001`;
  return {
    id: `m${i}`,
    site: page.key.startsWith('vk') ? 'vk' : 'ok',
    commentRef: `${page.key.split(':')[0]}:${ownerId}_${100000 + i}`,
    url: permalink,
    author: `Житель ${i % 977}`,
    text: `Обращение ${i}. Когда отремонтируют дорогу у дома ${i % 300}? Ямы по колено, машины ломаются.`,
    events,
    source: {
      pageKey: page.key,
      pageName: page.name,
      pageUrl: page.url,
      postId: `${ownerId}_1`,
      commentId: `${ownerId}_${100000 + i}`,
      permalink,
      authorId: String(i % 977),
      authorUrl: null,
      writtenAt: t0 - 10 * MINUTE,
    },
    importKey: null,
    workingDraft: '',
    createdAt: t0,
    updatedAt: at,
  };
}

function moderation(count: number, rnd: () => number): ModerationEntry[] {
  const categories = ['obscenity', 'insult', 'spam', 'advertising'] as const;
  return Array.from({ length: count }, (_, i) => {
    const page = PAGES[i % PAGES.length]!;
    const ownerId = page.key.split(':')[1]!;
    const category = categories[i % categories.length]!;
    return {
      id: i + 1,
      site: page.key.startsWith('vk') ? 'vk' : 'ok',
      pageKey: page.key,
      pageUrl: page.url,
      pageName: page.name,
      postId: `${ownerId}_1`,
      commentKey: `${page.key.split(':')[0]}:${ownerId}_${900000 + i}`,
      commentId: `${ownerId}_${900000 + i}`,
      permalink: null,
      authorId: String(i % 500),
      authorName: `Житель ${i % 500}`,
      authorUrl: null,
      text: `Удалённый комментарий ${i}`,
      publishedAt: null,
      categories: [category],
      clauses: ['п. 15.1 прил. 2'],
      matches: [],
      action: i % 10 === 9 ? 'not-violation' : 'deleted',
      how: 'manual',
      scope: i % 10 === 9 ? 'comment' : null,
      at: FROM + Math.floor(((i + rnd()) / count) * (PROFILE_TO - FROM)),
      recordedBy: 'Модератор',
    } satisfies ModerationEntry;
  });
}

export function profileBackup(): Backup {
  const rnd = seeded(0x5eed).next;
  const messages = Array.from({ length: PROFILE_MESSAGES }, (_, i) => record(i, rnd));
  return {
    kind: BACKUP_KIND,
    version: BACKUP_VERSION,
    exportedAt: new Date(PROFILE_TO).toISOString(),
    tables: { pages: [], posts: [], comments: [], moderation: moderation(20_000, rnd), registry: [], messages },
    settings: { settings: { ...DEFAULT_SETTINGS, role: 'curator', userName: CURATOR_NAME, onboarded: true } },
  };
}

/** The monitoring system's export: one row a comment, Russian headers, dates as it writes them. */
export function importCsv(rows = IMPORT_ROWS): string {
  const rnd = seeded(0x1a2b).next;
  const lines = ['ID;Ссылка;Автор;Текст;Дата;Важность;Тема;Локация'];
  const pad = (n: number) => String(n).padStart(2, '0');
  for (let i = 0; i < rows; i++) {
    const d = new Date(Date.UTC(2026, 10, 1 + (i % 28), 3 + (i % 9), i % 60));
    const date = `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()} ${pad(d.getUTCHours() + 6)}:${pad(d.getUTCMinutes())}`;
    const text = `Строка ${i}: во дворе дома ${i % 400} не убран снег, «проехать невозможно»; просим помочь`.replace(/"/g, '""');
    lines.push(
      [`mon-${i}`, `https://vk.com/wall-1_2?reply=${500000 + i}`, `Житель ${i % 1500}`, `"${text}"`, date, rnd() < 0.1 ? 'высокая' : 'обычная', TOPICS[i % TOPICS.length], `ул. Мира, ${i % 90}`].join(';'),
    );
  }
  return lines.join('\r\n') + '\r\n';
}

/** The files, generated on first use (≈ 30 s) and kept beside the sources of this generator's version. */
export function profileFiles(): { backup: string; csv: string } {
  const dir = join(ROOT, '.bench-cache');
  const version = createHash('sha1').update(readFileSync(new URL(import.meta.url))).digest('hex').slice(0, 10);
  const backup = join(dir, `workspace-${version}.json`);
  const csv = join(dir, `import-${version}.csv`);
  if (!existsSync(backup) || !existsSync(csv)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(backup, JSON.stringify(profileBackup()));
    writeFileSync(csv, importCsv());
  }
  return { backup, csv };
}
