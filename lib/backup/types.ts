/** The backup file: every table the user's work lives in, and the settings from storage.local. */
import type { CommentRecord, PageRecord, PostRecord } from '../db/schema';
import type { MessageRecord } from '../messages/types';
import type { ModerationEntry } from '../moderation/log';
import type { PublicationRecord } from '../publications/schema';
import type { PageFounding, PageLooks, PostStatsRow } from '../publications/store-types';
import type { RegistryEntry } from '../registry/entry';
import type { Result } from '../result';

export const BACKUP_KIND = 'otklik-backup';
export const BACKUP_VERSION = 1;

/** Summaries are left out: they are derived from messages and rebuilt on restore. */
export const BACKUP_TABLES = ['pages', 'posts', 'comments', 'moderation', 'registry', 'messages', 'publications', 'pageFounding', 'postStats', 'pageLooks'] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

/**
 * Tables added after the format's first files (issue #19): a file without them is an older copy and
 * reads as holding none, so the version stays 1. The outbox of publication events is not carried: it
 * is this browser's own queue for the team server.
 */
export const LATER_TABLES: ReadonlySet<BackupTable> = new Set<BackupTable>(['publications', 'pageFounding', 'postStats', 'pageLooks']);

/** Keys of browser.storage.local; `replyTemplates` is the team's saved replies (lib/replies). */
export const SETTINGS_KEYS = ['settings', 'lexicon', 'allowlist', 'worktime', 'calendarYears', 'replyTemplates'] as const;
export type SettingsKey = (typeof SETTINGS_KEYS)[number];

/** How a refusal names a key of the settings. */
export const SETTINGS_LABELS: Record<SettingsKey, string> = {
  settings: 'основные настройки',
  lexicon: 'словарь команды',
  allowlist: 'исключения модерации',
  worktime: 'рабочее время',
  calendarYears: 'добавленные годы календаря',
  replyTemplates: 'шаблоны ответов',
};

export const TABLE_LABELS: Record<BackupTable, string> = {
  pages: 'страницы',
  posts: 'публикации',
  comments: 'комментарии',
  moderation: 'журнал модерации',
  registry: 'реестр страниц',
  messages: 'сообщения',
  publications: 'заявки на публикацию',
  pageFounding: 'решения о создании страниц',
  postStats: 'показатели публикаций',
  pageLooks: 'оформление страниц',
};

export interface BackupTables extends Partial<LaterBackupTables> {
  pages: PageRecord[];
  posts: PostRecord[];
  comments: CommentRecord[];
  moderation: ModerationEntry[];
  registry: RegistryEntry[];
  messages: MessageRecord[];
}

/** A table's rows: a later table absent from an older file has none. */
export const rowsOf = (tables: BackupTables, table: BackupTable): readonly unknown[] => tables[table] ?? [];

/** Optional in a Backup built by hand; parseBackup and exportBackup always give them. */
export interface LaterBackupTables {
  /** Requests with their whole event history (lib/publications). */
  publications: PublicationRecord[];
  /** §4: the head's decision and the approval, by registry entry. */
  pageFounding: PageFounding[];
  postStats: PostStatsRow[];
  pageLooks: PageLooks[];
}

export interface Backup {
  kind: typeof BACKUP_KIND;
  version: typeof BACKUP_VERSION;
  /** ISO 8601. */
  exportedAt: string;
  tables: BackupTables;
  /** Only the keys that were stored: an absent key restores as absent. */
  settings: Partial<Record<SettingsKey, unknown>>;
}

/** What browser.storage.local offers; tests pass a map. */
export interface BackupStorage {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
  /** Chrome's: bytes the keys take (all of storage for null). A restore counts the other data with it. */
  getBytesInUse?(keys: string[] | null): Promise<number>;
  /** Chrome's storage.local quota; STORAGE_QUOTA_BYTES when the browser gives none. */
  readonly QUOTA_BYTES?: number;
}

/** `older`: the file was made before the later tables (LATER_TABLES) and holds none of them. */
export type ParseBackupResult = Result<{ backup: Backup; migratedFrom?: number; older?: true }>;
