/**
 * Passing work between the curator and executors on different computers. The curator sends a unit
 * the messages routed to it; the unit works and sends its events back. Histories only grow, so the
 * events each side lacks say who changed what: only them — take theirs; both — keep both and mark
 * the message for the curator's decision.
 */
import { fileDate } from '../download';
import { z } from 'zod';
import { MessageRecordSchema } from '../backup/schemas';
import { messageTables, storeRecords } from '../db/messages';
import type { OtklikDB } from '../db/schema';
import type { MessageRecord } from '../messages/types';
import { replay, type MessageState } from '../workflow/reducer';
import type { MessageEvent } from '../workflow/schema';
import type { WorkClock } from '../worktime/clock';
import { hashEvents, mergeEvents, missingFrom } from './merge';
import type { PublicationRecord } from '../publications/schema';
import { checkPublications, importPublications, publicationImportProblem, publicationsOfDepartment } from './publications';
import {
  EXCHANGE_KIND,
  EXCHANGE_VERSION,
  type ConflictReport,
  type ConflictedRecord,
  type ExchangeFile,
  type ExchangeItem,
  type ExchangeOrigin,
  type ImportResult,
  type MessageConflict,
} from './types';

/** The unit answers for the message, or helps as a co-executor. */
export function isRoutedTo(state: MessageState, department: string): boolean {
  return state.responsible?.department === department || state.coExecutors.some((c) => c.department === department);
}

function itemOf(record: MessageRecord): ExchangeItem {
  // The mark is this side's note to itself; the other side decides nothing about it.
  const { conflict: _, ...clean } = record as ConflictedRecord;
  return { record: clean, version: clean.events.length, baseHash: hashEvents(clean.events) };
}

function routed(records: readonly MessageRecord[], department: string): MessageRecord[] {
  return records.filter((r) => {
    try {
      return isRoutedTo(replay(r.events), department);
    } catch {
      return false;
    }
  });
}

/** The curator's file for one unit: every message routed to it, responsible or co-executor. */
export function exportForDepartment(
  records: readonly MessageRecord[],
  department: string,
  options: { origin: ExchangeOrigin; now: number; publications?: readonly PublicationRecord[] },
): ExchangeFile {
  const publications = publicationsOfDepartment(options.publications ?? [], department);
  return {
    kind: EXCHANGE_KIND,
    version: EXCHANGE_VERSION,
    origin: options.origin,
    to: { department },
    exportedAt: new Date(options.now).toISOString(),
    messages: routed(records, department).map(itemOf),
    ...(publications.length ? { publications } : {}),
  };
}

/** The executor's file back to the curator: the unit's messages with its drafts and events. */
export function exportDrafts(records: readonly MessageRecord[], me: ExchangeOrigin, now: number, allPublications: readonly PublicationRecord[] = []): ExchangeFile {
  const publications = me.department ? publicationsOfDepartment(allPublications, me.department) : [];
  return {
    kind: EXCHANGE_KIND,
    version: EXCHANGE_VERSION,
    origin: me,
    exportedAt: new Date(now).toISOString(),
    messages: me.department ? routed(records, me.department).map(itemOf) : [],
    ...(publications.length ? { publications } : {}),
  };
}

export function exchangeToText(file: ExchangeFile): string {
  return JSON.stringify(file);
}

export function exchangeFileName(file: ExchangeFile, zone?: string): string {
  const who = (file.to?.department ?? file.origin.department ?? file.origin.name).replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
  return `otklik-exchange-${who || 'file'}-${fileDate(Date.parse(file.exportedAt), zone)}.json`;
}

const OriginSchema = z.object({
  name: z.string().trim().min(1),
  role: z.enum(['curator', 'executor']),
  department: z.string().trim().min(1).optional(),
});

const FileSchema = z.object({
  kind: z.literal(EXCHANGE_KIND),
  version: z.literal(EXCHANGE_VERSION),
  origin: OriginSchema,
  to: z.object({ department: z.string().trim().min(1) }).optional(),
  exportedAt: z.string(),
  messages: z.array(z.object({ record: MessageRecordSchema, version: z.number().int().min(1), baseHash: z.string() })),
  // Checked apart (lib/exchange/publications), with its own messages.
  publications: z.unknown().optional(),
});

/** The file checked whole: format, each record's fingerprint, each history replayable. */
export function parseExchange(text: string): { ok: true; file: ExchangeFile } | { ok: false; errors: string[] } {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return { ok: false, errors: [text.trim().startsWith('{') && text.includes(EXCHANGE_KIND) ? 'Файл обмена обрезан или повреждён.' : 'Файл не в формате JSON.'] };
  }
  const head = (data ?? {}) as Record<string, unknown>;
  if (head.kind === 'otklik-backup') return { ok: false, errors: ['Это резервная копия, а не файл обмена: восстановите её в настройках.'] };
  if (head.kind !== EXCHANGE_KIND) return { ok: false, errors: ['Это не файл обмена Отклика.'] };
  if (typeof head.version === 'number' && head.version > EXCHANGE_VERSION)
    return { ok: false, errors: [`Файл от более новой версии Отклика (${head.version}), обновите расширение.`] };
  const parsed = FileSchema.safeParse(data, { error: z.locales.ru().localeError });
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.slice(0, 5).map((i) => `Файл обмена повреждён: ${i.message}${i.path.length ? ` (поле ${i.path.join('.')})` : ''}`),
    };
  }
  // The records as written, not zod's output: nothing is reshaped on the way in.
  const file = data as ExchangeFile;
  const errors: string[] = [];
  const seen = new Set<string>();
  for (const item of file.messages) {
    const { id, events } = item.record;
    if (seen.has(id)) errors.push(`Сообщение «${id}» встречается в файле дважды.`);
    seen.add(id);
    if (item.version !== events.length || item.baseHash !== hashEvents(events)) errors.push(`Сообщение «${id}»: версия не совпадает с историей — файл изменён или повреждён.`);
    try {
      replay(events);
    } catch (e) {
      errors.push(`Сообщение «${id}»: история не воспроизводится — ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  const pubs = checkPublications(file.publications);
  if (!pubs.ok) errors.push(...pubs.errors);
  return errors.length ? { ok: false, errors: errors.slice(0, 10) } : { ok: true, file };
}

function fileProblem(file: ExchangeFile, me: ExchangeOrigin): string | null {
  if (me.role === 'executor') {
    if (file.origin.role === 'executor') return 'Файл исполнителя импортирует Куратор.';
    if (file.to && file.to.department !== me.department)
      return `Файл предназначен подразделению «${file.to.department}», а в настройках указано «${me.department ?? 'не указано'}».`;
  }
  return null;
}

/**
 * Imports a file in one transaction: all of it, or nothing when any message is refused. Re-importing
 * a file changes nothing (every event is already here, or waits in the conflict mark).
 */
export async function importExchange(db: OtklikDB, text: string, me: ExchangeOrigin, clock: WorkClock, now: number): Promise<ImportResult> {
  const parsed = parseExchange(text);
  if (!parsed.ok) return parsed;
  const { file } = parsed;
  const problem = fileProblem(file, me);
  if (problem) return { ok: false, errors: [problem] };
  const from = file.origin;
  const fromExecutor = from.role === 'executor';
  const pubProblem = await publicationImportProblem(db, file.publications ?? [], from);
  if (pubProblem) return { ok: false, errors: [pubProblem] };
  try {
    const result = await db.transaction('rw', messageTables(db), async () => {
      const locals = (await db.messages.bulkGet(file.messages.map((m) => m.record.id))) as (ConflictedRecord | undefined)[];
      const errors: string[] = [];
      const writes: MessageRecord[] = [];
      const conflicts: ConflictReport[] = [];
      let added = 0;
      let unchanged = 0;
      let updated = 0;
      file.messages.forEach(({ record }, i) => {
        const { conflict: _, ...theirs } = record as ConflictedRecord;
        const ours = locals[i];
        if (!ours) {
          if (fromExecutor) errors.push(`Сообщение «${theirs.id}» не найдено: исполнитель не может создавать сообщения, их регистрирует Куратор.`);
          else {
            writes.push(theirs);
            added++;
          }
          return;
        }
        const pending = ours.conflict?.pending ?? [];
        const theirsNew = missingFrom([...ours.events, ...pending], theirs.events);
        if (!theirsNew.length) {
          unchanged++;
          return;
        }
        // An executor's file brings the unit's work; the curator's decisions are made here only.
        if (fromExecutor && theirsNew.some((e) => e.actor.role === 'curator')) {
          errors.push(`Сообщение «${theirs.id}»: в файле исполнителя есть действия Куратора, которых здесь не было.`);
          return;
        }
        if (fromExecutor && theirsNew.some((e) => e.actor.department !== from.department)) {
          errors.push(`Сообщение «${theirs.id}»: в файле подразделения «${from.department ?? '—'}» есть действия другого подразделения.`);
          return;
        }
        const oursNew = missingFrom(theirs.events, ours.events);
        const merged = mergeEvents(ours.events, theirs.events);
        let replays = true;
        try {
          replay(merged);
        } catch (e) {
          replays = false;
          if (!oursNew.length) errors.push(`Сообщение «${theirs.id}»: новые события не ложатся в историю — ${e instanceof Error ? e.message : String(e)}`);
        }
        const base: ConflictedRecord = {
          ...ours,
          workingDraft: ours.workingDraft || theirs.workingDraft,
          updatedAt: now,
        };
        if (!ours.publication && theirs.publication) base.publication = theirs.publication;
        if (!oursNew.length) {
          if (replays) {
            writes.push({ ...base, events: merged });
            updated++;
          }
          return;
        }
        // When the histories cannot be one, the curator's stands (the curator decides, §8, §16);
        // the other side's events wait in the mark, so a draft text is never lost.
        const curatorWins = !replays && from.role === 'curator' && me.role !== 'curator';
        const conflict: MessageConflict = {
          at: now,
          from: { ...from },
          pending: replays ? pending : curatorWins ? [...pending, ...oursNew] : [...pending, ...theirsNew],
        };
        writes.push({ ...base, events: replays ? merged : curatorWins ? theirs.events : ours.events, conflict } as ConflictedRecord);
        conflicts.push({ id: theirs.id, ours: oursNew, theirs: theirsNew, merged: replays });
      });
      if (errors.length) return { ok: false as const, errors: errors.slice(0, 10) };
      await storeRecords(db, writes, clock, now);
      return { ok: true as const, added, updated, unchanged, conflicts };
    });
    // Requests go in after the messages (their own tables and transaction); re-importing is harmless.
    if (result.ok && file.publications?.length) return { ...result, publications: await importPublications(db, file.publications, now) };
    return result;
  } catch (e) {
    return { ok: false, errors: [`Импорт не выполнен, ничего не изменено: ${e instanceof Error ? e.message : String(e)}`] };
  }
}

/**
 * The curator's decision on a marked message: the mark goes; events still pending are dropped,
 * or, with `apply`, appended where the history accepts them.
 */
export async function resolveConflict(
  db: OtklikDB,
  id: string,
  clock: WorkClock,
  now: number,
  apply: readonly MessageEvent[] = [],
): Promise<{ ok: true } | { ok: false; error: string }> {
  return db.transaction('rw', messageTables(db), async () => {
    const record = (await db.messages.get(id)) as ConflictedRecord | undefined;
    if (!record) return { ok: false as const, error: 'Сообщение не найдено' };
    const events = mergeEvents(record.events, apply);
    try {
      replay(events);
    } catch (e) {
      return { ok: false as const, error: e instanceof Error ? e.message : String(e) };
    }
    const { conflict: _, ...rest } = record;
    const next: MessageRecord = { ...rest, events, updatedAt: now };
    await storeRecords(db, [next], clock, now);
    return { ok: true as const };
  });
}
