/**
 * The message store: the one module that changes messages (lib/protocol says who calls it). A
 * record and its queue row are always written together, in one transaction; an event is appended
 * only if the workflow accepts it, gets its lasting id here, and waits in the outbox for the team
 * server in the same transaction (lib/sync). Events from the server come in through applyRemote,
 * in the log's order. The background and the extension pages both call these functions; nothing
 * else writes `messages`, `summaries` or `outbox` (test/unit/db/one-writer.test.ts).
 */
import { mergeImport } from '../messages/import';
import type { BulkOutcome, BulkSkip, MakeEvent } from '../messages/queue';
import { derive } from '../messages/summary';
import type { MessageRecord, MessageSummary } from '../messages/types';
import { applyEvent, replay, replayLenient, type MessageState } from '../workflow/reducer';
import { newEventId, withEventIds } from '../messages/event-id';
import type { MessageEvent } from '../workflow/schema';
import { TRANSITIONS } from '../workflow/transitions';
import type { WorkClock } from '../worktime/clock';
import type { OtklikDB, OutboxRow } from './schema';
import type { Result } from '../result';

/** The tables a change of messages touches: give them to a transaction that calls the store. */
export const messageTables = (db: OtklikDB) => [db.messages, db.summaries, db.outbox];

function queue(record: MessageRecord, events: readonly MessageEvent[], now: number): OutboxRow[] {
  return events.map((e) => ({ eventId: e.id!, messageId: record.id, queuedAt: now }));
}

/**
 * A bulk write (a restore, an import) queues its events with one outbox row naming its messages,
 * not a row per event: 270 000 rows cost a restore most of its time, and without a team server
 * they would never be read. The row is expanded into a row per event (outboxExpand) before
 * anything is sent or counted, so a server configured later still gets every event once.
 */
const BATCH = '~batch:';

function batchRow(ids: readonly string[], now: number): OutboxRow {
  return { eventId: `${BATCH}${newEventId()}`, messageId: '', queuedAt: now, messages: [...ids] };
}

const isBatch = (r: OutboxRow) => r.eventId.startsWith(BATCH);

export type { Result };

/** A new message (or a whole record from elsewhere): its events not stored yet go to the outbox. */
export async function putMessage(db: OtklikDB, record: MessageRecord, clock: WorkClock, now: number): Promise<void> {
  await storeRecords(db, [record], clock, now);
}

/**
 * Whole records written as they are (an exchange file merged, a restore): each event gets its
 * lasting id, those this database did not have wait in the outbox, and each queue row is derived.
 */
export async function storeRecords(db: OtklikDB, records: readonly MessageRecord[], clock: WorkClock, now: number): Promise<void> {
  if (!records.length) return;
  await db.transaction('rw', messageTables(db), async () => {
    const before = await db.messages.bulkGet(records.map((r) => r.id));
    const out: OutboxRow[] = [];
    const next = records.map((r, i) => {
      const record = { ...r, events: withEventIds(r.id, r.events) };
      const had = new Set((before[i]?.events ?? []).map((e) => e.id));
      out.push(...queue(record, record.events.filter((e) => !had.has(e.id)), now));
      return record;
    });
    await db.messages.bulkPut(next);
    await db.summaries.bulkPut(next.map((r) => derive(r, clock, now).summary));
    if (out.length) await db.outbox.bulkPut(out);
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
): Result<{ record: MessageRecord; state: MessageState; summary: MessageSummary }> {
  const applied = applyEvent(state, event);
  if (!applied.ok) return { ok: false, error: applied.error };
  const stamped = event.id ? event : { ...event, id: newEventId() };
  const next: MessageRecord = { ...record, ...patch, events: [...record.events, stamped], updatedAt: now };
  return { ok: true, record: next, state: applied.state, summary: derive(next, clock, now, applied.state).summary };
}

/**
 * Appends one event after the workflow accepted it; a refused event changes nothing. The history is
 * replayed once: the new record comes back with its state, for the caller to show without replaying.
 */
export async function appendEvent(
  db: OtklikDB,
  id: string,
  event: MessageEvent,
  clock: WorkClock,
  now: number,
  patch: Partial<Pick<MessageRecord, 'workingDraft'>> = {},
): Promise<Result<{ record: MessageRecord; state: MessageState }>> {
  return db.transaction('rw', messageTables(db), async () => {
    const record = await db.messages.get(id);
    if (!record) return { ok: false as const, error: 'Сообщение не найдено' };
    const next = withEvent(record, replay(record.events), event, clock, now, patch);
    if (!next.ok) return next;
    await db.messages.put(next.record);
    await db.summaries.put(next.summary);
    await db.outbox.put(queue(next.record, next.record.events.slice(-1), now)[0]!);
    return { ok: true as const, record: next.record, state: next.state };
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
  return db.transaction('rw', messageTables(db), async () => {
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
    await db.outbox.bulkPut(records.flatMap((r) => queue(r, r.events.slice(-1), now)));
    return { changed, skipped };
  });
}

/** The executor's reply being written: this computer's alone, it never travels. */
export async function saveWorkingDraft(db: OtklikDB, id: string, text: string, now: number): Promise<void> {
  await db.messages.update(id, { workingDraft: text, updatedAt: now });
}

/** The page's own reply as seen under the comment (§10): kept with the message as proof. */
export async function recordPublication(db: OtklikDB, id: string, publication: NonNullable<MessageRecord['publication']>): Promise<void> {
  await db.messages.update(id, { publication });
}

/** The messages tied to these comments (data-otklik-comment keys). */
export async function messagesForComments(db: OtklikDB, keys: string[]): Promise<MessageRecord[]> {
  if (!keys.length) return [];
  return db.messages.where('commentRef').anyOf(keys).toArray();
}

/** Records written per transaction: small enough to give the panel back between them, large enough to be quick. */
export const IMPORT_CHUNK = 1000;
/** Records handed to the database at once inside a chunk's transaction. */
const WRITE_PART = 200;

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
  return db.transaction('rw', messageTables(db), async () => {
    const keys = records.map((r) => r.importKey).filter((k): k is string => Boolean(k));
    const refs = records.map((r) => r.commentRef).filter((k): k is string => Boolean(k));
    // Known by its import identity, or by its comment: a comment registered on the page is not imported again.
    const known = new Set<string>([
      // The index's keys alone: reading the whole records back is most of a chunk's cost.
      ...((await db.messages.where('importKey').anyOf(keys).keys()) as string[]),
      ...((await db.messages.where('commentRef').anyOf(refs).keys()) as string[]),
    ]);
    const merged = mergeImport(known, records);
    const fresh = merged.fresh.map((r) => ({ ...r, events: withEventIds(r.id, r.events) }));
    const duplicates = merged.duplicates;
    // In parts, each awaited: handing a thousand records to the database is one long task of the
    // page, a part of them a short one, and the page handles input between the parts.
    for (let i = 0; i < fresh.length; i += WRITE_PART) {
      const part = fresh.slice(i, i + WRITE_PART);
      await db.messages.bulkAdd(part);
      await db.summaries.bulkAdd(part.map((r) => derive(r, clock, now).summary));
    }
    if (fresh.length) await db.outbox.put(batchRow(fresh.map((r) => r.id), now));
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

/**
 * Events read from the team's log, in one transaction: each message gets the events it lacked, all
 * its events are put in the log's order (server time; events not yet read back after them, as they
 * were), and replayed. An act the order makes impossible is set aside in `refused`, never applied.
 * An event read back that waits in the outbox has arrived: it leaves the outbox. Returns the ids of
 * the messages that changed.
 */
export async function applyRemote(
  db: OtklikDB,
  items: readonly { envelope: import('../sync/envelope').Envelope; ts: number }[],
  clock: WorkClock,
  now: number,
  /** How far the stream has been read: written in the same transaction, so no event is read twice or skipped. */
  cursor?: { stream: string; seq: number },
): Promise<string[]> {
  if (!items.length && !cursor) return [];
  const byMessage = new Map<string, typeof items[number][]>();
  for (const it of items) {
    const list = byMessage.get(it.envelope.messageId) ?? [];
    list.push(it);
    byMessage.set(it.envelope.messageId, list);
  }
  return db.transaction('rw', [...messageTables(db), db.cursors], async () => {
    if (cursor) await db.cursors.put(cursor);
    const ids = [...byMessage.keys()];
    const stored = await db.messages.bulkGet(ids);
    const records: MessageRecord[] = [];
    const arrived = items.map((it) => it.envelope.event.id);
    ids.forEach((id, i) => {
      const incoming = byMessage.get(id)!;
      const first = incoming[0]!.envelope;
      const base: MessageRecord = stored[i] ?? {
        id,
        ...first.message,
        events: [],
        importKey: first.message.importKey,
        workingDraft: '',
        updatedAt: now,
      };
      const order = { ...base.order };
      const all = new Map<string, MessageEvent>();
      for (const e of [...base.events, ...(base.refused ?? []).map((r) => r.event)]) all.set(e.id!, e);
      let changed = !stored[i];
      for (const { envelope, ts } of incoming) {
        const e = envelope.event;
        if (!all.has(e.id)) {
          all.set(e.id, e);
          changed = true;
        }
        if (order[e.id] === undefined || ts < order[e.id]!) {
          order[e.id] = ts;
          changed = true;
        }
      }
      if (!changed) return;
      const known = [...all.values()];
      const sorted = known
        .map((e, k) => ({ e, k, t: order[e.id!] }))
        .sort((a, b) => (a.t === undefined ? (b.t === undefined ? a.k - b.k : 1) : b.t === undefined ? -1 : a.t - b.t || (a.e.id! < b.e.id! ? -1 : 1)))
        .map((x) => x.e);
      const { accepted, refused } = replayLenient(sorted);
      const next: MessageRecord = { ...base, events: accepted, order, updatedAt: now };
      if (refused.length) next.refused = refused;
      else delete next.refused;
      records.push(next);
    });
    const ok = records.filter((r) => r.events.length);
    await db.messages.bulkPut(ok);
    await db.summaries.bulkPut(ok.map((r) => derive(r, clock, now).summary));
    // Read back: what this browser sent has arrived (skipped when nothing waits — the common case of catching up).
    if (await db.outbox.count()) await db.outbox.bulkDelete(arrived);
    return ok.map((r) => r.id);
  });
}

/** The outbox rows not yet acknowledged by the team server, oldest first. */
export async function outboxToSend(db: OtklikDB): Promise<OutboxRow[]> {
  await outboxExpand(db);
  return db.outbox.filter((r) => r.ackedAt === undefined && !isBatch(r)).sortBy('queuedAt');
}

/** Local acts not yet on the team server. */
export async function outboxPending(db: OtklikDB): Promise<number> {
  await outboxExpand(db);
  return db.outbox.filter((r) => r.ackedAt === undefined && !isBatch(r)).count();
}

/**
 * Sent rows settled in one transaction: `acked` wait to be read back from the log; `drop` leave now
 * (nothing to send, or sent where this user cannot read it back).
 */
export async function outboxSettle(db: OtklikDB, rows: { acked: string[]; drop: string[] }, at: number): Promise<void> {
  if (!rows.acked.length && !rows.drop.length) return;
  await db.transaction('rw', db.outbox, async () => {
    await db.outbox.bulkDelete(rows.drop);
    await db.outbox.bulkUpdate(rows.acked.map((key) => ({ key, changes: { ackedAt: at } })));
  });
}

/** After catching up (or a reconnect): every row still here goes again. */
export async function outboxResendAll(db: OtklikDB): Promise<void> {
  await db.outbox.toCollection().modify((r) => void delete r.ackedAt);
}

/**
 * A «Заменить» restore: the messages become exactly these, and all their events wait to go up (one
 * batch row). Written in large parts: per-record work here is what a 50 000-message restore costs.
 * `summaries`, when the caller derived them already (to check the file), are not derived again.
 */
export async function replaceMessages(
  db: OtklikDB,
  records: readonly MessageRecord[],
  clock: WorkClock,
  now: number,
  summaries?: readonly MessageSummary[],
): Promise<void> {
  await db.transaction('rw', messageTables(db), async () => {
    await db.messages.clear();
    await db.summaries.clear();
    if (!records.length) return;
    const next = records.map((r) => (r.events.every((e) => e.id) ? r : { ...r, events: withEventIds(r.id, r.events) }));
    const rows = summaries && summaries.length === next.length ? summaries : next.map((r) => derive(r, clock, now).summary);
    await db.messages.bulkAdd(next);
    await db.summaries.bulkAdd(rows);
    await db.outbox.put(batchRow(next.map((r) => r.id), now));
  });
}

/** Batch rows (see batchRow) expanded into one row per event of their messages, each in one transaction. */
export async function outboxExpand(db: OtklikDB): Promise<void> {
  const batches = await db.outbox.where('eventId').startsWith(BATCH).primaryKeys();
  for (const key of batches) {
    await db.transaction('rw', messageTables(db), async () => {
      const batch = await db.outbox.get(key);
      if (!batch) return;
      const found = await db.messages.bulkGet(batch.messages ?? []);
      const known = new Set(await db.outbox.where('messageId').anyOf(batch.messages ?? []).primaryKeys());
      // An event already waiting (sent and acknowledged, perhaps) keeps its row as it is.
      const rows = found.flatMap((r) => (r ? queue(r, r.events, batch.queuedAt) : [])).filter((row) => !known.has(row.eventId));
      await db.outbox.bulkPut(rows);
      await db.outbox.delete(key);
    });
  }
}

/**
 * The queue rows with a deadline before `until` (missed ones included), by the nextDue index: the
 * badge needs only these, not the whole queue (a message closed long ago has no deadline left).
 */
export function summariesDueBefore(db: OtklikDB, until: number): Promise<MessageSummary[]> {
  return db.summaries.where('nextDue').below(until).toArray();
}
