import type { OtklikDB } from '../db/schema';
import { fileDate } from '../download';
import { BACKUP_KIND, BACKUP_VERSION, SETTINGS_KEYS, type Backup, type BackupStorage } from './types';

/**
 * Everything in one object, read in one transaction so the tables agree with each other. Records go
 * out as stored: restoring them gives back the same records.
 */
export async function exportBackup(db: OtklikDB, storage: Pick<BackupStorage, 'get'>, now: number): Promise<Backup> {
  const read = [db.pages, db.posts, db.comments, db.moderation, db.registry, db.messages, db.publications, db.pageFounding, db.postStats, db.pageLooks];
  const tables = await db.transaction('r', read, async () => ({
    pages: await db.pages.toArray(),
    posts: await db.posts.toArray(),
    comments: await db.comments.toArray(),
    moderation: await db.moderation.toArray(),
    registry: await db.registry.toArray(),
    messages: await db.messages.toArray(),
    publications: await db.publications.toArray(),
    pageFounding: await db.pageFounding.toArray(),
    postStats: await db.postStats.toArray(),
    pageLooks: await db.pageLooks.toArray(),
  }));
  const stored = await storage.get([...SETTINGS_KEYS]);
  const settings: Backup['settings'] = {};
  for (const key of SETTINGS_KEYS) if (stored[key] !== undefined) settings[key] = stored[key];
  return { kind: BACKUP_KIND, version: BACKUP_VERSION, exportedAt: new Date(now).toISOString(), tables, settings };
}

/** The file's text: compact, since 50,000 messages make a large file. */
export function backupToText(backup: Backup): string {
  return JSON.stringify(backup);
}

/** Named by the day in the administration's zone (the browser's when none is given), not UTC's. */
export function backupFileName(now: number, zone?: string): string {
  return `otklik-backup-${fileDate(now, zone)}.json`;
}
