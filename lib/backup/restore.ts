/**
 * Restoring a backup in one transaction over every table: it all lands, or nothing does. Settings
 * are written only after the transaction has committed, so a failed restore leaves them alone too.
 */
import type { CommentRecord, OtklikDB, PageRecord, PostRecord } from '../db/schema';
import { mergeEvents, missingFrom } from '../exchange/merge';
import type { ConflictedRecord, MessageConflict } from '../exchange/types';
import { derive } from '../messages/summary';
import type { MessageRecord, MessageSummary } from '../messages/types';
import type { ModerationEntry } from '../moderation/log';
import type { RegistryEntry } from '../registry/entry';
import { mergeTemplates } from '../replies/library';
import { readReplyLibrary, replyLibrary } from '../replies/schema';
import { replay } from '../workflow/reducer';
import type { WorkClock } from '../worktime/clock';
import { BACKUP_TABLES, SETTINGS_KEYS, type Backup, type BackupStorage, type BackupTable, type SettingsKey } from './types';

export type RestoreMode = 'replace' | 'merge';

export interface TableOutcome {
  added: number;
  updated: number;
}

export type RestoreResult =
  | { ok: true; mode: RestoreMode; tables: Record<BackupTable, TableOutcome>; conflicts: string[]; settings: SettingsKey[] }
  | { ok: false; error: string };

const emptyOutcomes = (): Record<BackupTable, TableOutcome> =>
  Object.fromEntries(BACKUP_TABLES.map((t) => [t, { added: 0, updated: 0 }])) as Record<BackupTable, TableOutcome>;

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export async function restoreBackup(
  db: OtklikDB,
  storage: BackupStorage,
  backup: Backup,
  mode: RestoreMode,
  clock: WorkClock,
  now: number,
): Promise<RestoreResult> {
  const tables = [db.pages, db.posts, db.comments, db.moderation, db.registry, db.messages, db.summaries];
  const outcomes = emptyOutcomes();
  const conflicts: string[] = [];
  try {
    if (mode === 'replace') {
      // Worked out before the transaction: a history that cannot replay stops here, with nothing touched.
      const summaries = backup.tables.messages.map((m) => derive(m, clock, now).summary);
      await db.transaction('rw', tables, async () => {
        await Promise.all(tables.map((t) => t.clear()));
        await db.pages.bulkAdd(backup.tables.pages);
        await db.posts.bulkAdd(backup.tables.posts);
        await db.comments.bulkAdd(backup.tables.comments);
        await db.moderation.bulkAdd(backup.tables.moderation);
        await db.registry.bulkAdd(backup.tables.registry);
        await db.messages.bulkAdd(backup.tables.messages);
        await db.summaries.bulkAdd(summaries);
      });
      for (const t of BACKUP_TABLES) outcomes[t].added = backup.tables[t].length;
    } else {
      await db.transaction('rw', tables, async () => {
        outcomes.pages = await mergeSeen<PageRecord>(db.pages, backup.tables.pages);
        outcomes.posts = await mergeSeen<PostRecord>(db.posts, backup.tables.posts);
        outcomes.comments = await mergeSeen<CommentRecord>(db.comments, backup.tables.comments);
        outcomes.registry = await addMissing<RegistryEntry>(db.registry, backup.tables.registry);
        outcomes.moderation = await mergeModeration(db, backup.tables.moderation);
        outcomes.messages = await mergeMessages(db, backup, clock, now, conflicts);
      });
    }
  } catch (e) {
    return { ok: false, error: `Восстановление не выполнено, ничего не изменено: ${message(e)}` };
  }
  const settings = await restoreSettings(storage, backup, mode);
  return { ok: true, mode, tables: outcomes, conflicts, settings };
}

type KeyedTable<T> = {
  bulkGet(keys: string[]): Promise<(T | undefined)[]>;
  bulkPut(items: readonly T[]): Promise<unknown>;
};

/** Pages, posts, comments: the later sighting wins, the first sighting is kept. */
async function mergeSeen<T extends PageRecord | PostRecord | CommentRecord>(table: KeyedTable<T>, incoming: T[]): Promise<TableOutcome> {
  const local = await table.bulkGet(incoming.map((r) => r.key));
  const out: T[] = [];
  let added = 0;
  let updated = 0;
  incoming.forEach((r, i) => {
    const ours = local[i];
    if (!ours) {
      out.push(r);
      added++;
    } else if (r.lastSeen > ours.lastSeen) {
      out.push({ ...r, firstSeen: Math.min(r.firstSeen, ours.firstSeen) });
      updated++;
    }
  });
  await table.bulkPut(out);
  return { added, updated };
}

/** The registry has no timestamps to compare: what is here stays, what is new is added. */
async function addMissing<T extends { id: string }>(table: KeyedTable<T>, incoming: T[]): Promise<TableOutcome> {
  const local = await table.bulkGet(incoming.map((r) => r.id));
  const fresh = incoming.filter((_, i) => !local[i]);
  await table.bulkPut(fresh);
  return { added: fresh.length, updated: 0 };
}

/**
 * Log ids are per database and collide across computers: an entry is the same one when it records
 * the same action on the same comment at the same instant; new ones get new ids.
 */
async function mergeModeration(db: OtklikDB, incoming: ModerationEntry[]): Promise<TableOutcome> {
  const identity = (e: ModerationEntry) => `${e.commentKey}\u0000${e.action}\u0000${e.at}`;
  const known = new Set((await db.moderation.toArray()).map(identity));
  const fresh: ModerationEntry[] = [];
  for (const e of incoming) {
    const id = identity(e);
    if (known.has(id)) continue;
    known.add(id);
    const { id: _drop, ...rest } = e;
    fresh.push(rest);
  }
  await db.moderation.bulkAdd(fresh);
  return { added: fresh.length, updated: 0 };
}

/**
 * A message on both sides keeps every event of both, in time order. When the joined history cannot
 * replay, the side with the newest event keeps the history and the other side's events wait in the
 * conflict mark for the curator: nothing is lost either way.
 */
async function mergeMessages(db: OtklikDB, backup: Backup, clock: WorkClock, now: number, conflicts: string[]): Promise<TableOutcome> {
  const incoming = backup.tables.messages;
  const local = (await db.messages.bulkGet(incoming.map((m) => m.id))) as (ConflictedRecord | undefined)[];
  const out: MessageRecord[] = [];
  let added = 0;
  let updated = 0;
  incoming.forEach((theirs, i) => {
    const ours = local[i];
    if (!ours) {
      out.push(theirs);
      added++;
      return;
    }
    const newFromThem = missingFrom(ours.events, theirs.events);
    if (!newFromThem.length) return;
    const newer = theirs.updatedAt > ours.updatedAt ? theirs : ours;
    const merged = mergeEvents(ours.events, theirs.events);
    let next: ConflictedRecord;
    try {
      replay(merged);
      next = { ...newer, events: merged, updatedAt: Math.max(ours.updatedAt, theirs.updatedAt) };
      if (ours.conflict) next.conflict = ours.conflict;
    } catch {
      const lastAt = (r: MessageRecord) => r.events[r.events.length - 1]?.at ?? 0;
      const [winner, loser] = lastAt(theirs) > lastAt(ours) ? [theirs, ours] : [ours, theirs];
      const conflict: MessageConflict = {
        at: now,
        from: { name: `резервная копия от ${backup.exportedAt}`, role: 'backup' },
        pending: [...(ours.conflict?.pending ?? []), ...missingFrom(winner.events, loser.events)],
      };
      next = { ...winner, conflict };
      conflicts.push(theirs.id);
    }
    out.push(next);
    updated++;
  });
  const summaries: MessageSummary[] = out.map((m) => derive(m, clock, now).summary);
  await db.messages.bulkPut(out);
  await db.summaries.bulkPut(summaries);
  return { added, updated };
}

type Lists = Record<string, unknown>;

function union(a: unknown, b: unknown): unknown[] {
  return [...new Set([...(Array.isArray(a) ? a : []), ...(Array.isArray(b) ? b : [])])];
}

/**
 * Merging settings: ours stay; lists (words, exceptions, calendar years, saved replies) gain what the
 * file adds; a saved reply on both sides keeps its later edit.
 */
function mergeSetting(key: SettingsKey, ours: unknown, theirs: unknown): unknown {
  if (ours === undefined) return theirs;
  const o = ours as Lists;
  const t = theirs as Lists;
  switch (key) {
    case 'allowlist':
      return { ...o, comments: union(o.comments, t.comments), words: union(o.words, t.words) };
    case 'lexicon': {
      const words: Lists = { ...((o.words as Lists) ?? {}) };
      for (const [cat, list] of Object.entries((t.words as Lists) ?? {})) words[cat] = union(words[cat], list);
      return { ...o, words, allow: union(o.allow, t.allow), allowDomains: union(o.allowDomains, t.allowDomains) };
    }
    case 'calendarYears': {
      const years = new Set((ours as { year: number }[]).map((y) => y.year));
      return [...(ours as unknown[]), ...(theirs as { year: number }[]).filter((y) => !years.has(y.year))];
    }
    case 'replyTemplates':
      return replyLibrary(mergeTemplates(readReplyLibrary(ours), readReplyLibrary(theirs)).templates);
    default:
      return ours;
  }
}

async function restoreSettings(storage: BackupStorage, backup: Backup, mode: RestoreMode): Promise<SettingsKey[]> {
  const keys = [...SETTINGS_KEYS];
  if (mode === 'replace') {
    const absent = keys.filter((k) => backup.settings[k] === undefined);
    if (Object.keys(backup.settings).length) await storage.set({ ...backup.settings });
    if (absent.length) await storage.remove(absent);
    return keys;
  }
  const current = await storage.get(keys);
  const changed: Record<string, unknown> = {};
  for (const k of keys) {
    if (backup.settings[k] === undefined) continue;
    const next = mergeSetting(k, current[k], backup.settings[k]);
    if (JSON.stringify(next) !== JSON.stringify(current[k])) changed[k] = next;
  }
  if (Object.keys(changed).length) await storage.set(changed);
  return Object.keys(changed) as SettingsKey[];
}

/** Whether there is anything a restore could overwrite: the panel offers merge or replace then. */
export async function databaseIsEmpty(db: OtklikDB): Promise<boolean> {
  const counts = await Promise.all([db.pages, db.posts, db.comments, db.moderation, db.registry, db.messages].map((t) => t.count()));
  return counts.every((c) => c === 0);
}
