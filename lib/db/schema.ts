/**
 * The database. Opened by the background and by extension pages only — never in a content script,
 * where IndexedDB would be the site's, not ours. Every version(n) stays declared: Dexie upgrades
 * from whatever version a user has.
 */
import Dexie, { type EntityTable } from 'dexie';
import { withEventIds } from '../messages/event-id';
import type { MessageRecord, MessageSummary } from '../messages/types';
import type { ModerationEntry } from '../moderation/log';
import type { FlaggedComment } from '../moderation/queue';
import type { RegistryEntry } from '../registry/entry';
import type { PageKind, ParsedComment, ParsedPost, Site } from '../sites/types';
import type { PageFounding, PageLooks, PostStatsRow, PublicationOutboxRow } from '../publications/store-types';
import type { PublicationRecord } from '../publications/schema';

export interface PageRecord {
  /** `${site}:${ownerId}` when the owner is known, else `${site}:${url}`. */
  key: string;
  site: Site;
  url: string;
  kind: PageKind;
  ownerId: string | null;
  name: string | null;
  firstSeen: number;
  lastSeen: number;
}

/** A post as the page showed it, with where and when Otklik saw it. */
export interface PostRecord extends ParsedPost {
  /** `${site}:${id}` */
  key: string;
  pageKey: string;
  firstSeen: number;
  lastSeen: number;
  /**
   * When it was first and last seen in the page's wall or feed; null when seen only on its own page
   * (which proves nothing about the wall around it). Absent on records stored before version 7 on
   * pages whose wall was opened: their firstSeen/lastSeen stand for wall sightings (lib/quota/count).
   */
  wallSeen?: { first: number; last: number } | null;
}

/** A comment as the page showed it (text as text), with where and when Otklik saw it. */
export interface CommentRecord extends ParsedComment {
  /** `${site}:${id}` — the same string as the page's data-otklik-comment attribute. */
  key: string;
  pageKey: string;
  firstSeen: number;
  lastSeen: number;
}

/**
 * A local event waiting to reach the team server (lib/sync). Written by the message store in the
 * same transaction as the event itself, so nothing done offline is lost; removed once the event is
 * read back from the server's log (or acknowledged, where this user cannot read that stream).
 */
export interface OutboxRow {
  eventId: string;
  messageId: string;
  queuedAt: number;
  /** When the server acknowledged it; a row still here after catching up was lost and goes again. */
  ackedAt?: number;
  /**
   * A batch row (eventId `~batch:…`, written by a restore or an import): every event of these
   * messages waits; expanded into a row per event before anything is sent (lib/db/messages.ts).
   */
  messages?: string[];
}

/**
 * A restore under way (lib/backup/restore.ts): the settings as they were before it wrote them.
 * Deleted in the same transaction as the restored tables; one still here at start means the tables
 * never landed, and the settings are put back.
 */
export interface JournalRow {
  id: 'restore';
  at: number;
  /** The settings keys the restore writes or removes, and their values before (absent: none). */
  touched: string[];
  before: Record<string, unknown>;
}

/** How far this browser has read one stream of the team's log. */
export interface CursorRow {
  stream: string;
  seq: number;
}

export type OtklikDB = Dexie & {
  pages: EntityTable<PageRecord, 'key'>;
  posts: EntityTable<PostRecord, 'key'>;
  comments: EntityTable<CommentRecord, 'key'>;
  moderation: EntityTable<ModerationEntry, 'id'>;
  registry: EntityTable<RegistryEntry, 'id'>;
  messages: EntityTable<MessageRecord, 'id'>;
  summaries: EntityTable<MessageSummary, 'id'>;
  flagged: EntityTable<FlaggedComment, 'commentKey'>;
  outbox: EntityTable<OutboxRow, 'eventId'>;
  cursors: EntityTable<CursorRow, 'stream'>;
  publications: EntityTable<PublicationRecord, 'id'>;
  pubOutbox: EntityTable<PublicationOutboxRow, 'eventId'>;
  postStats: EntityTable<PostStatsRow, 'id'>;
  pageLooks: EntityTable<PageLooks, 'pageKey'>;
  pageFounding: EntityTable<PageFounding, 'entryId'>;
  journal: EntityTable<JournalRow, 'id'>;
};

export const DB_NAME = 'otklik';

export function openDatabase(name = DB_NAME): OtklikDB {
  const db = new Dexie(name) as OtklikDB;
  // Indexes only on what is queried: posts and comments by page (side panel counts).
  db.version(1).stores({
    pages: 'key, lastSeen',
    posts: 'key, pageKey',
    comments: 'key, pageKey',
  });
  // The moderation log: listed newest first, filtered by page; one 'deleted' entry per comment.
  db.version(2).stores({
    moderation: '++id, at, pageKey, [commentKey+action]',
  });
  // The registry of official pages (App. 2 §2.1): small, always read whole.
  db.version(3).stores({
    registry: 'id',
  });
  // Citizens' messages (App. 1): whole records by id, by the comment they are tied to, by import
  // identity; the queue reads the small summary rows, sorted by the next deadline.
  db.version(4).stores({
    messages: 'id, commentRef, importKey',
    summaries: 'id, nextDue, commentRef',
  });
  // An author's earlier messages: a repeated question without new arguments (App. 1 §16 ¶2).
  db.version(5).stores({
    messages: 'id, commentRef, importKey, author',
  });
  // The moderators' queue: comments flagged on a page and not yet handled, oldest first, by page.
  db.version(6).stores({
    flagged: 'commentKey, firstSeen, pageKey',
  });
  // Where a post was seen (lib/quota/count): posts of pages whose wall was never opened were seen
  // one by one, on their own pages, and prove nothing about the wall.
  db.version(7).upgrade(async (tx) => {
    const pages = await tx.table<PageRecord, string>('pages').toArray();
    const noWall = pages.filter((p) => p.kind !== 'wall').map((p) => p.key);
    if (noWall.length) await tx.table<PostRecord, string>('posts').where('pageKey').anyOf(noWall).modify({ wallSeen: null });
  });
  // Team sync: every event gets its lasting id (the same one on every computer, so a message that
  // travels by server, file or backup is never doubled), and what was done before sync waits in the
  // outbox to go up once.
  db.version(8)
    .stores({ outbox: 'eventId, messageId', cursors: 'stream' })
    .upgrade(async (tx) => {
      const outbox: OutboxRow[] = [];
      await tx
        .table<MessageRecord, string>('messages')
        .toCollection()
        .modify((r) => {
          r.events = withEventIds(r.id, r.events);
          for (const e of r.events) outbox.push({ eventId: e.id!, messageId: r.id, queuedAt: e.at });
        });
      await tx.table<OutboxRow, string>('outbox').bulkPut(outbox);
    });
  // Publication requests (App. 2 §9) with their own outbox for the team stream; what each post
  // achieved, one row a visit (views, likes, comments, reposts); what the live page shows of its
  // description and cover (§12); the head's decision and the approval a department's page was
  // created on (§4), by registry entry. Written by lib/db/publications.ts only.
  db.version(9).stores({
    publications: 'id, updatedAt',
    pubOutbox: 'eventId, requestId',
    postStats: '++id, postKey, pageKey, at',
    pageLooks: 'pageKey',
    pageFounding: 'entryId',
  });
  // A restore's journal: the settings before it, so a restore cut short is undone at the next start.
  db.version(10).stores({ journal: 'id' });
  return db;
}
