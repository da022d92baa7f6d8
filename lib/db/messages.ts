/**
 * Messages in the database. A record and its queue row are always written together, in one
 * transaction; an event is appended only if the workflow accepts it.
 */
import { mergeImport } from '../messages/import';
import { derive } from '../messages/summary';
import type { MessageRecord, MessageSummary } from '../messages/types';
import { applyEvent, replay } from '../workflow/reducer';
import type { MessageEvent } from '../workflow/schema';
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
    const applied = applyEvent(replay(record.events), event);
    if (!applied.ok) return { ok: false as const, error: applied.error };
    const next: MessageRecord = { ...record, ...patch, events: [...record.events, event], updatedAt: now };
    await db.messages.put(next);
    await db.summaries.put(derive(next, clock, now).summary);
    return { ok: true as const, record: next };
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

/**
 * Imports records in one transaction. A record whose importKey (or tied comment) is already stored
 * is a duplicate and is skipped: importing the same file twice adds nothing.
 */
export async function importMessages(
  db: OtklikDB,
  records: MessageRecord[],
  clock: WorkClock,
  now: number,
): Promise<{ added: number; duplicates: number }> {
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
