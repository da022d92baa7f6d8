/**
 * Messages in the database. A record and its queue row are always written together, in one
 * transaction; an event is appended only if the workflow accepts it.
 */
import { mergeImport } from '../messages/import';
import type { BulkOutcome, BulkSkip, MakeEvent } from '../messages/queue';
import { derive } from '../messages/summary';
import type { MessageRecord, MessageSummary } from '../messages/types';
import { applyEvent, replay, type MessageState } from '../workflow/reducer';
import type { MessageEvent } from '../workflow/schema';
import { TRANSITIONS } from '../workflow/transitions';
import type { WorkClock } from '../worktime/clock';
import type { OtklikDB } from './schema';

export type Result<T = object> = ({ ok: true } & T) | { ok: false; error: string };

export async function putMessage(db: OtklikDB, record: MessageRecord, clock: WorkClock, now: number): Promise<void> {
  const { summary } = derive(record, clock, now);
  await db.transaction('rw', db.messages, db.summaries, async () => {
    await db.messages.put(record);
    await db.summaries.put(summary);
  });
}

export function getMessage(db: OtklikDB, id: string): Promise<MessageRecord | undefined> {
  return db.messages.get(id);
}

export function listSummaries(db: OtklikDB): Promise<MessageSummary[]> {
  return db.summaries.toArray();
}

/**
 * The record with one more event and its new queue row, or the workflow's refusal; nothing is
 * written. Every append goes through here, so a record and its row never disagree.
 */
function withEvent(
  record: MessageRecord,
  state: MessageState,
  event: MessageEvent,
  clock: WorkClock,
  now: number,
  patch: Partial<Pick<MessageRecord, 'workingDraft'>> = {},
): Result<{ record: MessageRecord; summary: MessageSummary }> {
  const applied = applyEvent(state, event);
  if (!applied.ok) return { ok: false, error: applied.error };
  const next: MessageRecord = { ...record, ...patch, events: [...record.events, event], updatedAt: now };
  return { ok: true, record: next, summary: derive(next, clock, now).summary };
}

/** Appends one event after the workflow accepted it; a refused event changes nothing. */
export async function appendEvent(
  db: OtklikDB,
  id: string,
  event: MessageEvent,
  clock: WorkClock,
  now: number,
  patch: Partial<Pick<MessageRecord, 'workingDraft'>> = {},
): Promise<Result<{ record: MessageRecord }>> {
  return db.transaction('rw', db.messages, db.summaries, async () => {
    const record = await db.messages.get(id);
    if (!record) return { ok: false as const, error: 'Сообщение не найдено' };
    const next = withEvent(record, replay(record.events), event, clock, now, patch);
    if (!next.ok) return next;
    await db.messages.put(next.record);
    await db.summaries.put(next.summary);
    return { ok: true as const, record: next.record };
  });
}

/**
 * One act on many messages, in one transaction: `makeEvent` gives each message its event (or why it
 * is left alone), and each event is appended as appendEvent would, where the workflow allows it in
 * the message's current state. The others are skipped, each with its reason; if the transaction
 * fails, nothing has changed.
 */
export async function appendEvents(
  db: OtklikDB,
  ids: readonly string[],
  makeEvent: MakeEvent,
  clock: WorkClock,
  now: number,
): Promise<BulkOutcome> {
  const unique = [...new Set(ids)];
  return db.transaction('rw', db.messages, db.summaries, async () => {
    const found = await db.messages.bulkGet(unique);
    const changed: string[] = [];
    const skipped: BulkSkip[] = [];
    const records: MessageRecord[] = [];
    const summaries: MessageSummary[] = [];
    unique.forEach((id, i) => {
      const record = found[i];
      if (!record) return void skipped.push({ id, why: 'missing' });
      let state: MessageState;
      try {
        state = replay(record.events);
      } catch (e) {
        // One broken history must not keep the act from the rest.
        return void skipped.push({ id, why: 'other', text: e instanceof Error ? e.message : String(e) });
      }
      const event = makeEvent(record, state);
      if (typeof event === 'string') return void skipped.push({ id, why: 'other', text: event });
      const next = withEvent(record, state, event, clock, now);
      if (!next.ok) {
        const inStatus = TRANSITIONS[event.type].from.includes(state.status);
        return void skipped.push(inStatus ? { id, why: 'other', text: next.error } : { id, why: 'status', status: state.status });
      }
      changed.push(id);
      records.push(next.record);
      summaries.push(next.summary);
    });
    await db.messages.bulkPut(records);
    await db.summaries.bulkPut(summaries);
    return { changed, skipped };
  });
}

export async function saveWorkingDraft(db: OtklikDB, id: string, text: string, now: number): Promise<void> {
  await db.messages.update(id, { workingDraft: text, updatedAt: now });
}

/** The messages tied to these comments (data-otklik-comment keys). */
export async function messagesForComments(db: OtklikDB, keys: string[]): Promise<MessageRecord[]> {
  if (!keys.length) return [];
  return db.messages.where('commentRef').anyOf(keys).toArray();
}

/** Records written per transaction: small enough to give the panel back between them, large enough to be quick. */
export const IMPORT_CHUNK = 1000;

export interface ImportOptions {
  chunkSize?: number;
  /** After each written chunk (and once at the start): messages added so far, records in all, duplicates so far. */
  onProgress?: (written: number, total: number, duplicates: number) => void;
}

/**
 * `error`: a chunk failed; `added` and `duplicates` count what the chunks before it did, the rest
 * was not written. Importing the same records again adds only what is missing.
 */
export type ImportResult = { added: number; duplicates: number; error?: string };

/**
 * Imports records in chunks, a transaction each, giving the event loop back between chunks. A
 * record whose importKey (or tied comment) is already stored, or came earlier in the same records,
 * is a duplicate and is skipped: importing the same file twice adds nothing, and importing it again
 * after an interruption adds only the rest.
 */
export async function importMessages(
  db: OtklikDB,
  records: MessageRecord[],
  clock: WorkClock,
  now: number,
  { chunkSize = IMPORT_CHUNK, onProgress }: ImportOptions = {},
): Promise<ImportResult> {
  const size = Math.max(1, Math.floor(chunkSize));
  let added = 0;
  let duplicates = 0;
  onProgress?.(0, records.length, 0);
  for (let start = 0; start < records.length; start += size) {
    if (start > 0) await nextTask();
    try {
      const r = await importChunk(db, records.slice(start, start + size), clock, now);
      added += r.added;
      duplicates += r.duplicates;
    } catch (e) {
      return { added, duplicates, error: `ошибка базы данных: ${e instanceof Error ? e.message || e.name : String(e)}` };
    }
    onProgress?.(added, records.length, duplicates);
  }
  return { added, duplicates };
}

/**
 * One chunk in one transaction. The earlier chunks are stored by now, so looking the chunk's keys up
 * in the database finds duplicates of them as well as of what was there before.
 */
async function importChunk(db: OtklikDB, records: MessageRecord[], clock: WorkClock, now: number): Promise<{ added: number; duplicates: number }> {
  return db.transaction('rw', db.messages, db.summaries, async () => {
    const keys = records.map((r) => r.importKey).filter((k): k is string => Boolean(k));
    const refs = records.map((r) => r.commentRef).filter((k): k is string => Boolean(k));
    // Known by its import identity, or by its comment: a comment registered on the page is not imported again.
    const known = new Set<string>([
      ...(await db.messages.where('importKey').anyOf(keys).toArray()).map((r) => r.importKey!),
      ...(await db.messages.where('commentRef').anyOf(refs).toArray()).map((r) => r.commentRef!),
    ]);
    const { fresh, duplicates } = mergeImport(known, records);
    await db.messages.bulkAdd(fresh);
    await db.summaries.bulkAdd(fresh.map((r) => derive(r, clock, now).summary));
    return { added: fresh.length, duplicates: duplicates.length };
  });
}

/** A macrotask away: lets the panel paint and handle input between two chunks. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The text the curator approved: the draft in force at the latest approval, until a new draft. */
export function approvedText(record: MessageRecord): string | null {
  let text: string | null = null;
  let approved: string | null = null;
  for (const e of record.events) {
    if (e.type === 'draftSubmitted' || e.type === 'draftResubmitted') {
      text = e.payload.text ?? null;
      approved = null;
    } else if (e.type === 'draftApproved') approved = text;
  }
  return approved;
}

/** The same author's other messages on the same site, for the repeated-question hint. */
export async function earlierFromAuthor(db: OtklikDB, record: MessageRecord): Promise<MessageRecord[]> {
  if (!record.author) return [];
  const all = await db.messages.where('author').equals(record.author).toArray();
  return all.filter((r) => r.id !== record.id && r.site === record.site && r.createdAt <= record.createdAt);
}
