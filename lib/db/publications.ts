/**
 * The publication store: the one module that writes publication requests, their outbox, what posts
 * achieved and what pages show (test/unit/db/one-writer.test.ts holds every other file to it). A
 * request's event is appended only if the request's rules accept it, gets its lasting id here, and
 * waits in `pubOutbox` in the same transaction, so the team stream can carry it later (as
 * lib/db/messages.ts does for messages).
 */
import { newEventId } from '../messages/event-id';
import { linkPosts, type SeenPost } from '../publications/link';
import { applyPublicationEvent, replayPublication, replayPublicationLenient, type PublicationState } from '../publications/reducer';
import type { PubActor, PublicationEvent, PublicationRecord, PubEventOf } from '../publications/schema';
import type { PageFounding, PageLooks, PostStatsRow } from '../publications/store-types';
import { entryPageKeys } from '../registry/match';
import type { OtklikDB } from './schema';
import type { Result } from '../result';

export type PubResult<T extends object = object> = Result<T>;

const tables = (db: OtklikDB) => [db.publications, db.pubOutbox];

const stamp = (e: PublicationEvent): PublicationEvent => (e.id ? e : { ...e, id: newEventId() });

/** A new request from its first event (submitted). */
export async function submitPublication(db: OtklikDB, event: PubEventOf<'submitted'>, now: number, id: string = crypto.randomUUID()): Promise<PubResult<{ record: PublicationRecord }>> {
  const first = applyPublicationEvent(undefined, event);
  if (!first.ok) return first;
  const e = stamp(event);
  const record: PublicationRecord = { id, events: [e], createdAt: now, updatedAt: now };
  await db.transaction('rw', tables(db), async () => {
    await db.publications.add(record);
    await db.pubOutbox.put({ eventId: e.id!, requestId: id, queuedAt: now });
  });
  return { ok: true, record };
}

/** One more event, if the request's rules accept it now; a refused one changes nothing. */
export async function appendPublicationEvent(db: OtklikDB, id: string, event: PublicationEvent, now: number): Promise<PubResult<{ record: PublicationRecord }>> {
  return db.transaction('rw', tables(db), async () => {
    const record = await db.publications.get(id);
    if (!record) return { ok: false as const, error: 'Публикация не найдена' };
    const applied = applyPublicationEvent(replayPublication(record.events), event);
    if (!applied.ok) return applied;
    const e = stamp(event);
    const next: PublicationRecord = { ...record, events: [...record.events, e], updatedAt: now };
    await db.publications.put(next);
    await db.pubOutbox.put({ eventId: e.id!, requestId: id, queuedAt: now });
    return { ok: true as const, record: next };
  });
}

export function listPublications(db: OtklikDB): Promise<PublicationRecord[]> {
  return db.publications.orderBy('updatedAt').reverse().toArray();
}

/** Events in one order: the team log's time where known, then their own time; ties by id. */
function ordered(events: Iterable<PublicationEvent>, order: Record<string, number>): PublicationEvent[] {
  return [...events].sort((a, b) => {
    const ta = order[a.id!];
    const tb = order[b.id!];
    if (ta !== undefined && tb !== undefined && ta !== tb) return ta - tb;
    if ((ta === undefined) !== (tb === undefined)) return ta === undefined ? 1 : -1;
    return a.at - b.at || (a.id! < b.id! ? -1 : a.id! > b.id! ? 1 : 0);
  });
}

export interface IncomingPublication {
  requestId: string;
  event: PublicationEvent & { id: string };
  /** The team log's time of this copy; absent for an exchange file. */
  ts?: number;
}

/**
 * Events from elsewhere — the team stream or an exchange file — in one transaction: each request
 * gets the events it lacked, in the log's order, replayed; an act the order makes impossible is set
 * aside in `refused`. Events read back leave this browser's outbox. Returns the requests changed.
 */
export async function mergePublications(db: OtklikDB, items: readonly IncomingPublication[], now: number): Promise<string[]> {
  if (!items.length) return [];
  const byId = new Map<string, IncomingPublication[]>();
  for (const it of items) byId.set(it.requestId, [...(byId.get(it.requestId) ?? []), it]);
  return db.transaction('rw', tables(db), async () => {
    const ids = [...byId.keys()];
    const stored = await db.publications.bulkGet(ids);
    const writes: PublicationRecord[] = [];
    ids.forEach((id, i) => {
      const base = stored[i];
      const all = new Map<string, PublicationEvent>();
      for (const e of [...(base?.events ?? []), ...(base?.refused ?? []).map((r) => r.event)]) all.set(e.id!, e);
      const order = { ...base?.order };
      let changed = !base;
      for (const { event, ts } of byId.get(id)!) {
        if (!all.has(event.id)) {
          all.set(event.id, event);
          changed = true;
        }
        if (ts !== undefined && (order[event.id] === undefined || ts < order[event.id]!)) {
          order[event.id] = ts;
          changed = true;
        }
      }
      if (!changed) return;
      const { accepted, refused } = replayPublicationLenient(ordered(all.values(), order));
      if (!accepted.length) return;
      const next: PublicationRecord = { id, events: accepted, createdAt: base?.createdAt ?? now, updatedAt: now };
      if (Object.keys(order).length) next.order = order;
      if (refused.length) next.refused = refused;
      writes.push(next);
    });
    await db.publications.bulkPut(writes);
    const arrived = items.filter((it) => it.ts !== undefined).map((it) => it.event.id);
    if (arrived.length) await db.pubOutbox.bulkDelete(arrived);
    return writes.map((r) => r.id);
  });
}

/** What waits for the team stream, oldest first, with the events themselves. */
export async function publicationOutbox(db: OtklikDB): Promise<{ requestId: string; event: PublicationEvent & { id: string } }[]> {
  const rows = await db.pubOutbox.orderBy('eventId').toArray();
  rows.sort((a, b) => a.queuedAt - b.queuedAt);
  const records = new Map((await db.publications.bulkGet([...new Set(rows.map((r) => r.requestId))])).filter((r): r is PublicationRecord => !!r).map((r) => [r.id, r]));
  return rows.flatMap((row) => {
    const event = records.get(row.requestId)?.events.find((e) => e.id === row.eventId);
    return event ? [{ requestId: row.requestId, event: event as PublicationEvent & { id: string } }] : [];
  });
}

/** Sent (or not this user's to send): out of the outbox. */
export async function settlePublicationOutbox(db: OtklikDB, eventIds: readonly string[]): Promise<void> {
  if (eventIds.length) await db.pubOutbox.bulkDelete([...eventIds]);
}

/** Rows that differ from the post's latest only by time are not written again within this long. */
const SAME_VISIT = 30 * 60_000;

/**
 * What the footers said at this visit: a row a post whenever its numbers changed; the same numbers
 * again are written only once SAME_VISIT has passed (a wall re-sent in chunks writes nothing twice).
 */
export async function recordPostStats(db: OtklikDB, rows: readonly Omit<PostStatsRow, 'id'>[]): Promise<number> {
  if (!rows.length) return 0;
  return db.transaction('rw', db.postStats, async () => {
    const fresh: Omit<PostStatsRow, 'id'>[] = [];
    for (const row of rows) {
      const last = (await db.postStats.where('postKey').equals(row.postKey).sortBy('at')).at(-1);
      const same = last && last.views === row.views && last.likes === row.likes && last.comments === row.comments && last.reposts === row.reposts;
      if (same && row.at - last.at < SAME_VISIT) continue;
      fresh.push(row);
    }
    if (fresh.length) await db.postStats.bulkAdd(fresh as PostStatsRow[]);
    return fresh.length;
  });
}

export function postStatsOf(db: OtklikDB, pageKeys: readonly string[]): Promise<PostStatsRow[]> {
  return db.postStats.where('pageKey').anyOf([...pageKeys]).toArray();
}

export async function recordPageLooks(db: OtklikDB, looks: PageLooks): Promise<void> {
  await db.pageLooks.put(looks);
}

export function listPageLooks(db: OtklikDB): Promise<PageLooks[]> {
  return db.pageLooks.toArray();
}

/** §4: the decision and the approval a page was created on, as the registry records them. */
export async function savePageFounding(db: OtklikDB, founding: PageFounding): Promise<void> {
  await db.pageFounding.put(founding);
}

export function listPageFounding(db: OtklikDB): Promise<PageFounding[]> {
  return db.pageFounding.toArray();
}

/**
 * Posts seen on a page linked to the approved requests meant for it: each such request is marked
 * published with the post's link and time, by this user (`actor`). Returns the requests marked.
 */
export async function linkSeenPosts(db: OtklikDB, pageKey: string, posts: readonly SeenPost[], actor: PubActor, now: number): Promise<string[]> {
  if (!posts.length) return [];
  const entries = (await db.registry.toArray()).filter((e) => entryPageKeys(e).includes(pageKey));
  if (!entries.length) return [];
  const pageIds = new Set(entries.map((e) => e.id));
  const records = await db.publications.toArray();
  const candidates: { id: string; state: PublicationState }[] = [];
  const taken = new Set<string>();
  for (const r of records) {
    try {
      const state = replayPublication(r.events);
      if (state.published?.postKey) taken.add(state.published.postKey);
      candidates.push({ id: r.id, state });
    } catch {
      // A broken history is shown in its card; it takes no part in linking.
    }
  }
  const links = linkPosts(candidates, posts, pageIds, taken);
  const marked: string[] = [];
  for (const link of links) {
    const r = await appendPublicationEvent(
      db,
      link.requestId,
      { type: 'published', actor, at: now, payload: { url: link.post.permalink, postedAt: link.post.publishedAt ?? now, postKey: link.post.key } },
      now,
    );
    if (r.ok) marked.push(link.requestId);
  }
  return marked;
}

/** Every publication table, as a backup restore writes them: its transaction must hold them all. */
export const publicationTables = (db: OtklikDB) => [db.publications, db.pubOutbox, db.pageFounding, db.postStats, db.pageLooks];

/** The publication side of a backup file (lib/backup): checked by the caller before it comes here. */
export interface PublicationBackup {
  publications: PublicationRecord[];
  pageFounding: PageFounding[];
  postStats: PostStatsRow[];
  pageLooks: PageLooks[];
}

export type PublicationBackupOutcome = Record<keyof PublicationBackup, { added: number; updated: number }>;

/** A backup's publication tables; an older file holds none (each absent reads as empty). */
export function publicationBackupOf(tables: Partial<PublicationBackup>): PublicationBackup {
  return { publications: tables.publications ?? [], pageFounding: tables.pageFounding ?? [], postStats: tables.postStats ?? [], pageLooks: tables.pageLooks ?? [] };
}

/**
 * Replace: the file's tables as they are. This browser's outbox keeps only the events the file's
 * requests still hold (the rest are gone with their requests). Joins the caller's transaction.
 */
export async function replacePublicationBackup(db: OtklikDB, data: PublicationBackup): Promise<PublicationBackupOutcome> {
  return db.transaction('rw', publicationTables(db), async () => {
    const queued = await db.pubOutbox.toArray();
    await Promise.all([db.publications.clear(), db.pageFounding.clear(), db.postStats.clear(), db.pageLooks.clear(), db.pubOutbox.clear()]);
    await db.publications.bulkAdd(data.publications);
    await db.pageFounding.bulkAdd(data.pageFounding);
    await db.postStats.bulkAdd(data.postStats);
    await db.pageLooks.bulkAdd(data.pageLooks);
    const held = new Set(data.publications.flatMap((r) => r.events.map((e) => `${r.id}\u0000${e.id}`)));
    await db.pubOutbox.bulkPut(queued.filter((q) => held.has(`${q.requestId}\u0000${q.eventId}`)));
    const all = (n: number) => ({ added: n, updated: 0 });
    return {
      publications: all(data.publications.length),
      pageFounding: all(data.pageFounding.length),
      postStats: all(data.postStats.length),
      pageLooks: all(data.pageLooks.length),
    };
  });
}

/**
 * Merge: each request keeps the union of both histories by the events' lasting ids, replayed in the
 * team log's order where either side knows it (mergePublications, as for the team stream); a
 * decision or a page's looks keeps the later of the two; post figures are one row a visit, the same
 * visit (post and instant) counted once. Joins the caller's transaction.
 */
export async function mergePublicationBackup(db: OtklikDB, data: PublicationBackup, now: number): Promise<PublicationBackupOutcome> {
  return db.transaction('rw', publicationTables(db), async () => {
    const known = new Set((await db.publications.bulkGet(data.publications.map((r) => r.id))).filter((r) => !!r).map((r) => r!.id));
    const items: IncomingPublication[] = data.publications.flatMap((r) =>
      [...r.events, ...(r.refused ?? []).map((x) => x.event)].map((event) => ({
        requestId: r.id,
        event: event as IncomingPublication['event'],
        ...(r.order?.[event.id!] !== undefined ? { ts: r.order[event.id!] } : {}),
      })),
    );
    const changed = await mergePublications(db, items, now);
    // A request new here keeps the time it was created, not the time of the restore.
    const created = new Map(data.publications.map((r) => [r.id, r.createdAt]));
    const fresh = changed.filter((id) => !known.has(id));
    for (const id of fresh) await db.publications.update(id, { createdAt: created.get(id)! });
    const later = async <T>(table: { bulkGet(keys: string[]): Promise<(T | undefined)[]>; bulkPut(rows: readonly T[]): Promise<unknown> }, rows: T[], key: (r: T) => string, time: (r: T) => number) => {
      const local = await table.bulkGet(rows.map(key));
      const out: T[] = [];
      let added = 0;
      rows.forEach((r, i) => {
        const ours = local[i];
        if (!ours) added++;
        else if (time(r) <= time(ours)) return;
        out.push(r);
      });
      await table.bulkPut(out);
      return { added, updated: out.length - added };
    };
    const pageFounding = await later<PageFounding>(db.pageFounding, data.pageFounding, (r) => r.entryId, (r) => r.updatedAt);
    const pageLooks = await later<PageLooks>(db.pageLooks, data.pageLooks, (r) => r.pageKey, (r) => r.at);
    // Row ids are per database and collide across computers: new rows get new ids.
    const visit = (r: PostStatsRow) => `${r.postKey}\u0000${r.at}`;
    const seen = new Set((await db.postStats.where('postKey').anyOf([...new Set(data.postStats.map((r) => r.postKey))]).toArray()).map(visit));
    const rows: PostStatsRow[] = [];
    for (const r of data.postStats) {
      if (seen.has(visit(r))) continue;
      seen.add(visit(r));
      const { id: _drop, ...rest } = r;
      rows.push(rest);
    }
    await db.postStats.bulkAdd(rows);
    return {
      publications: { added: fresh.length, updated: changed.length - fresh.length },
      pageFounding,
      postStats: { added: rows.length, updated: 0 },
      pageLooks,
    };
  });
}
