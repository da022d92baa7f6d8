/**
 * Restoring a backup is one unit: it all lands, or nothing does. Sizes are checked against the
 * browser's quotas before anything is touched; the settings are written first (a few keys, kept to
 * be put back), then every table in one transaction; when the transaction fails, the settings are
 * put back as they were. Every failure is an answer in Russian, never an exception.
 */
import { messageTables, replaceMessages, storeRecords } from '../db/messages';
import { mergePublicationBackup, publicationBackupOf, publicationTables, replacePublicationBackup } from '../db/publications';
import type { CommentRecord, JournalRow, OtklikDB, PageRecord, PostRecord } from '../db/schema';
import { mergeEvents, missingFrom } from '../exchange/merge';
import type { ConflictedRecord, MessageConflict } from '../exchange/types';
import { derive } from '../messages/summary';
import type { MessageRecord, MessageSummary } from '../messages/types';
import type { ModerationEntry } from '../moderation/log';
import type { RegistryEntry } from '../registry/entry';
import { mergeTemplates } from '../replies/library';
import { readReplyLibrary, replyLibrary } from '../replies/schema';
import { replay } from '../workflow/reducer';
import { MissingCalendarYearError } from '../worktime/calendar';
import type { WorkClock } from '../worktime/clock';
import { STORAGE_QUOTA_BYTES, settingsQuotaProblem, sizeText, utf8Length } from './quota';
import { BACKUP_TABLES, SETTINGS_KEYS, rowsOf, type Backup, type BackupStorage, type BackupTable, type SettingsKey } from './types';

export type RestoreMode = 'replace' | 'merge';

export interface TableOutcome {
  added: number;
  updated: number;
}

export type RestoreResult =
  | { ok: true; mode: RestoreMode; tables: Record<BackupTable, TableOutcome>; conflicts: string[]; settings: SettingsKey[] }
  | { ok: false; error: string };

export interface RestoreOptions {
  /** The database's room: navigator.storage.estimate() by default, when the browser has it. */
  estimate?: () => Promise<{ quota?: number; usage?: number }>;
}

const emptyOutcomes = (): Record<BackupTable, TableOutcome> =>
  Object.fromEntries(BACKUP_TABLES.map((t) => [t, { added: 0, updated: 0 }])) as Record<BackupTable, TableOutcome>;

const NOTHING_CHANGED = 'Восстановление не выполнено, ничего не изменено';

/** A browser's error in the user's words: its own text is English and says nothing to them. */
function reason(e: unknown): string {
  const name = e instanceof Error || (e && typeof e === 'object' && 'name' in e) ? String((e as { name: unknown }).name) : '';
  const text = e instanceof Error ? e.message : String(e);
  if (/quota/i.test(name) || /quota/i.test(text)) return 'в хранилище браузера не хватило места. Освободите место на диске и повторите';
  if (/[а-яё]/i.test(text)) return text;
  return `браузер не записал данные (${name || text}). Повторите; если не помогает — перезапустите браузер`;
}

/** What a restore writes to storage.local: keys to set and keys to remove. */
interface SettingsPlan {
  set: Partial<Record<SettingsKey, unknown>>;
  remove: SettingsKey[];
  /** The keys as they were, to put back. */
  before: Partial<Record<SettingsKey, unknown>>;
}

type Locks = { request<T>(name: string, options: { ifAvailable?: boolean }, fn: (lock: unknown) => Promise<T>): Promise<T> };

/** The restore's Web Lock: held while a restore runs (any page), released by the browser when the page goes. */
const RESTORE_LOCK = 'otklik-restore';
function locks(): Locks | undefined {
  return (globalThis as { navigator?: { locks?: Locks } }).navigator?.locks;
}

/** See restoreUnlocked: under the restore lock, so the background never undoes a restore still running. */
export function restoreBackup(...args: Parameters<typeof restoreUnlocked>): Promise<RestoreResult> {
  const l = locks();
  return l ? l.request(RESTORE_LOCK, {}, () => restoreUnlocked(...args)) : restoreUnlocked(...args);
}

async function restoreUnlocked(
  db: OtklikDB,
  storage: BackupStorage,
  backup: Backup,
  mode: RestoreMode,
  clock: WorkClock,
  now: number,
  options: RestoreOptions = {},
): Promise<RestoreResult> {
  const others = [db.pages, db.posts, db.comments, db.moderation, db.registry];
  const tables = [...others, ...messageTables(db), ...publicationTables(db)];
  const outcomes = emptyOutcomes();
  const conflicts: string[] = [];
  let plan: SettingsPlan;
  let summaries: MessageSummary[];
  // 1. Everything that can refuse, before anything is written.
  try {
    // A history that cannot replay, or a date the calendar cannot count, stops here.
    const derived = summariesOf(backup.tables.messages, clock, now);
    if (typeof derived === 'string') return { ok: false, error: `${NOTHING_CHANGED}: ${derived}` };
    summaries = derived;
    plan = await planSettings(storage, backup, mode);
    const tooBig = (await storageProblem(storage, plan)) ?? (await databaseProblem(backup, options));
    if (tooBig) return { ok: false, error: `${NOTHING_CHANGED}: ${tooBig}` };
  } catch (e) {
    return { ok: false, error: `${NOTHING_CHANGED}: ${reason(e)}` };
  }
  // 2. The settings, put back if anything after fails — or, if the page closes first, at the next
  // start (the journal: deleted with the tables' transaction, so one found means they never landed).
  try {
    await db.journal.put(journalOf(plan, now));
  } catch (e) {
    return { ok: false, error: `${NOTHING_CHANGED}: ${reason(e)}` };
  }
  try {
    await writeSettings(storage, plan);
  } catch (e) {
    return { ok: false, error: await undo(db, storage, plan, e) };
  }
  // 3. The tables, in one transaction.
  try {
    if (mode === 'replace') {
      await db.transaction('rw', [...tables, db.journal], async () => {
        await db.journal.delete('restore');
        await Promise.all(others.map((t) => t.clear()));
        await db.pages.bulkAdd(backup.tables.pages);
        await db.posts.bulkAdd(backup.tables.posts);
        await db.comments.bulkAdd(backup.tables.comments);
        await db.moderation.bulkAdd(backup.tables.moderation);
        await db.registry.bulkAdd(backup.tables.registry);
        await replaceMessages(db, backup.tables.messages, clock, now, summaries);
        await replacePublicationBackup(db, publicationBackupOf(backup.tables));
      });
      for (const t of BACKUP_TABLES) outcomes[t].added = rowsOf(backup.tables, t).length;
    } else {
      await db.transaction('rw', [...tables, db.journal], async () => {
        await db.journal.delete('restore');
        outcomes.pages = await mergeSeen<PageRecord>(db.pages, backup.tables.pages);
        outcomes.posts = await mergeSeen<PostRecord>(db.posts, backup.tables.posts);
        outcomes.comments = await mergeSeen<CommentRecord>(db.comments, backup.tables.comments);
        outcomes.registry = await addMissing<RegistryEntry>(db.registry, backup.tables.registry);
        outcomes.moderation = await mergeModeration(db, backup.tables.moderation);
        outcomes.messages = await mergeMessages(db, backup, clock, now, conflicts);
        Object.assign(outcomes, await mergePublicationBackup(db, publicationBackupOf(backup.tables), now));
      });
    }
  } catch (e) {
    return { ok: false, error: await undo(db, storage, plan, e) };
  }
  const written = mode === 'replace' ? [...SETTINGS_KEYS] : (Object.keys(plan.set) as SettingsKey[]);
  return { ok: true, mode, tables: outcomes, conflicts, settings: written };
}

/** Every message's queue row, or why one cannot have it, naming the message. */
function summariesOf(messages: readonly MessageRecord[], clock: WorkClock, now: number): MessageSummary[] | string {
  const out: MessageSummary[] = [];
  for (const m of messages) {
    try {
      out.push(derive(m, clock, now).summary);
    } catch (e) {
      if (e instanceof MissingCalendarYearError)
        return `сроки сообщения «${m.id}» не посчитать: за ${e.year} год нет производственного календаря. Добавьте этот год в настройках Отклика («Производственный календарь») и повторите`;
      return `сообщение «${m.id}»: ${reason(e)}`;
    }
  }
  return out;
}

function journalOf(plan: SettingsPlan, now: number): JournalRow {
  const touched = [...new Set([...plan.remove, ...(Object.keys(plan.set) as SettingsKey[])])];
  const before: Record<string, unknown> = {};
  for (const k of touched) if (plan.before[k] !== undefined) before[k] = plan.before[k];
  return { id: 'restore', at: now, touched, before };
}

/** The journal's settings put back: keys it had no value for removed, the others set as they were. */
async function putBack(storage: BackupStorage, journal: JournalRow): Promise<void> {
  const absent = journal.touched.filter((k) => !(k in journal.before));
  if (absent.length) await storage.remove(absent);
  if (Object.keys(journal.before).length) await storage.set({ ...journal.before });
}

/** Puts the settings back as they were; the answer says whether that worked. */
async function undo(db: OtklikDB, storage: BackupStorage, plan: SettingsPlan, cause: unknown): Promise<string> {
  try {
    await putBack(storage, journalOf(plan, 0));
  } catch (e) {
    return `Восстановление не выполнено: ${reason(cause)}. Вернуть прежние настройки не удалось (${reason(e)}): проверьте их на странице настроек Отклика. Таблицы не изменены.`;
  }
  await db.journal.delete('restore').catch(() => undefined);
  return `${NOTHING_CHANGED}: ${reason(cause)}`;
}

/**
 * At the start of the options page and the background: a restore the page did not finish (closed,
 * or the browser stopped, after the settings were written and before the tables landed) is undone —
 * the settings put back as they were; the tables never changed. Returns what to tell the user, or
 * null when there was nothing to undo.
 */
export async function finishInterruptedRestore(db: OtklikDB, storage: BackupStorage): Promise<string | null> {
  const l = locks();
  // A restore running in another page holds the lock: its journal is not a leftover.
  return l ? l.request(RESTORE_LOCK, { ifAvailable: true }, (lock) => (lock ? undoLeftover(db, storage) : Promise.resolve(null))) : undoLeftover(db, storage);
}

async function undoLeftover(db: OtklikDB, storage: BackupStorage): Promise<string | null> {
  const journal = await db.journal.get('restore');
  if (!journal) return null;
  try {
    await putBack(storage, journal);
  } catch (e) {
    return `Прерванное восстановление из резервной копии не удалось отменить (${reason(e)}): проверьте настройки Отклика и повторите восстановление.`;
  }
  await db.journal.delete('restore');
  return 'Восстановление из резервной копии было прервано (страница закрылась до его конца). Прежние настройки возвращены, данные не изменены; повторите восстановление.';
}

async function writeSettings(storage: BackupStorage, plan: SettingsPlan): Promise<void> {
  // Removing first: the old keys never share the quota with the new ones.
  if (plan.remove.length) await storage.remove(plan.remove);
  if (Object.keys(plan.set).length) await storage.set({ ...plan.set });
}

/** Replace: the file's settings, and the keys it does not hold removed. Merge: what changes. */
async function planSettings(storage: BackupStorage, backup: Backup, mode: RestoreMode): Promise<SettingsPlan> {
  const keys = [...SETTINGS_KEYS];
  const before = (await storage.get(keys)) as Partial<Record<SettingsKey, unknown>>;
  if (mode === 'replace') {
    const remove = keys.filter((k) => backup.settings[k] === undefined && before[k] !== undefined);
    return { set: { ...backup.settings }, remove, before };
  }
  const set: Partial<Record<SettingsKey, unknown>> = {};
  for (const k of keys) {
    if (backup.settings[k] === undefined) continue;
    const next = mergeSetting(k, before[k], backup.settings[k]);
    if (JSON.stringify(next) !== JSON.stringify(before[k])) set[k] = next;
  }
  return { set, remove: [], before };
}

/** Whether storage.local holds the settings after the restore, beside everything else kept there. */
async function storageProblem(storage: BackupStorage, plan: SettingsPlan): Promise<string | null> {
  const after: Partial<Record<SettingsKey, unknown>> = { ...plan.before, ...plan.set };
  for (const k of plan.remove) delete after[k];
  let others = 0;
  if (typeof storage.getBytesInUse === 'function') {
    try {
      others = Math.max(0, (await storage.getBytesInUse(null)) - (await storage.getBytesInUse([...SETTINGS_KEYS])));
    } catch {
      others = 0;
    }
  }
  const quota = typeof storage.QUOTA_BYTES === 'number' && storage.QUOTA_BYTES > 0 ? storage.QUOTA_BYTES : STORAGE_QUOTA_BYTES;
  return settingsQuotaProblem(after, others, quota);
}

/** Whether the database has room for the file's tables, as the browser estimates it. */
async function databaseProblem(backup: Backup, options: RestoreOptions): Promise<string | null> {
  const estimate = options.estimate ?? defaultEstimate();
  if (!estimate) return null;
  let room: { quota?: number; usage?: number };
  try {
    room = await estimate();
  } catch {
    return null;
  }
  if (typeof room.quota !== 'number' || typeof room.usage !== 'number') return null;
  let need = 0;
  for (const t of BACKUP_TABLES) for (const row of rowsOf(backup.tables, t)) need += utf8Length(JSON.stringify(row));
  const free = Math.max(0, room.quota - room.usage);
  if (need <= free) return null;
  return `для таблиц копии нужно около ${sizeText(need)} в хранилище браузера, а свободно ${sizeText(free)}. Освободите место на диске и повторите`;
}

function defaultEstimate(): (() => Promise<{ quota?: number; usage?: number }>) | undefined {
  const storage = (globalThis as { navigator?: { storage?: { estimate?: () => Promise<{ quota?: number; usage?: number }> } } }).navigator?.storage;
  return typeof storage?.estimate === 'function' ? () => storage.estimate!() : undefined;
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
  await storeRecords(db, out, clock, now);
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

/** Whether there is anything a restore could overwrite: the panel offers merge or replace then. */
export async function databaseIsEmpty(db: OtklikDB): Promise<boolean> {
  const all = [db.pages, db.posts, db.comments, db.moderation, db.registry, db.messages, db.publications, db.pageFounding, db.postStats, db.pageLooks];
  const counts = await Promise.all(all.map((t) => t.count()));
  return counts.every((c) => c === 0);
}
