/**
 * The moderation log (App. 2 §14–15): what was deleted and why, and what the moderator judged not to
 * be a violation. An entry keeps the evidence on its own — the comment may be gone from the site.
 */
import { z } from 'zod';
import { originSchema } from '../sites/shapes';
import { toCsv } from '../csv';
import { CATEGORIES } from '../rules/types';
import { ACTION_LABELS, CATEGORY_NAMES, type ModerationAction } from './labels';

/** What a content script knows of a comment it reports: where it is, and what was found in it. */
export const evidenceSchema = originSchema.extend({
  categories: z.array(z.enum(CATEGORIES)).max(CATEGORIES.length),
  clauses: z.array(z.string().max(200)).max(20),
  matches: z.array(z.string().max(200)).max(50),
});
export type Evidence = z.infer<typeof evidenceSchema>;

/** A log entry as it travels between computers (the team stream): the evidence and the decision, no local id. */
export const sharedEntrySchema = evidenceSchema.extend({
  action: z.enum(['deleted', 'not-violation']),
  how: z.enum(['detected', 'manual']),
  scope: z.enum(['comment', 'word']).nullable(),
  at: z.number().int(),
  recordedBy: z.string().max(500),
});
export type SharedEntry = z.infer<typeof sharedEntrySchema>;


export interface ModerationEntry extends Evidence {
  id?: number;
  action: ModerationAction;
  /** 'detected': the site showed the comment deleted; 'manual': the moderator said so. */
  how: 'detected' | 'manual';
  /** For «Не нарушение»: this comment only, or the word everywhere. */
  scope: 'comment' | 'word' | null;
  at: number;
  recordedBy: string;
  /** Came from the team stream (another moderator's entry): not sent up again. */
  team?: true;
}

export interface LogFilter {
  pageKey?: string | null;
  from?: number | null;
  to?: number | null;
  category?: (typeof CATEGORIES)[number] | null;
  action?: ModerationAction | null;
}

export function matchesFilter(e: ModerationEntry, f: LogFilter): boolean {
  return (
    (!f.pageKey || e.pageKey === f.pageKey) &&
    (f.from == null || e.at >= f.from) &&
    (f.to == null || e.at < f.to) &&
    (!f.category || e.categories.includes(f.category)) &&
    (!f.action || e.action === f.action)
  );
}

function formatTime(ms: number | null, timeZone: string): string {
  if (ms === null) return '';
  return new Intl.DateTimeFormat('ru-RU', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(ms);
}

export function logToCsv(entries: ModerationEntry[], timeZone: string): string {
  return toCsv(
    ['Когда записано', 'Действие', 'Как', 'Кто записал', 'Страница', 'Адрес страницы', 'Запись', 'Комментарий', 'Ссылка',
      'Автор', 'Идентификатор автора', 'Профиль автора', 'Время комментария', 'Категории', 'Пункты', 'Слова', 'Текст'],
    entries.map((e) => [
      formatTime(e.at, timeZone),
      ACTION_LABELS[e.action] + (e.scope === 'word' ? ' (слово везде)' : ''),
      e.how === 'detected' ? 'замечено на странице' : 'вручную',
      e.recordedBy,
      e.pageName ?? '',
      e.pageUrl,
      e.postId ?? '',
      e.commentId,
      e.permalink ?? '',
      e.authorName ?? '',
      e.authorId ?? '',
      e.authorUrl ?? '',
      formatTime(e.publishedAt, timeZone),
      e.categories.map((c) => CATEGORY_NAMES[c]).join(', '),
      e.clauses.join('; '),
      e.matches.join(', '),
      e.text,
    ]),
  );
}
