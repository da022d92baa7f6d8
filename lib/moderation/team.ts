/**
 * The moderation log on the team stream (`otk.team.mod.<role>.<login>`): each deletion and «Не
 * нарушение» a moderator records goes up once, with its evidence; the other moderators and the
 * curator get it in their log, and the comment leaves their queue. What waits is read from the log
 * table itself — this computer's own entries after the last one the server acknowledged (a cursor in
 * storage) — so an entry needs no outbox of its own, and the log kept before the team server was
 * configured goes up once too.
 */
import { browser } from 'wxt/browser';
import { applySharedEntries, ownEntriesAfter } from '../db/moderation';
import type { OtklikDB } from '../db/schema';
import type { LocalTeamOp, TeamPart } from '../sync/team';
import type { ModerationEntry, SharedEntry } from './log';
import { sharedEntrySchema } from './log';

export const MOD_CURSOR_KEY = 'teamModCursor';
/** Entries sent in one go; the engine asks again until none wait. */
export const MOD_BATCH = 1000;

function fnv(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36);
}

/** The same id for the same entry on every computer (the server drops a repeat). */
export const modOpId = (e: Pick<ModerationEntry, 'commentKey' | 'action' | 'at'>) => `mod-${e.at}-${e.action === 'deleted' ? 'd' : 'n'}-${fnv(e.commentKey)}`;

/** Where the cursor is kept: storage in the browser. */
export interface Cursor {
  get(): Promise<number>;
  set(id: number): Promise<void>;
}

const storageCursor: Cursor = {
  get: async () => Number((await browser.storage.local.get(MOD_CURSOR_KEY))[MOD_CURSOR_KEY] ?? 0) || 0,
  set: (id) => browser.storage.local.set({ [MOD_CURSOR_KEY]: id }),
};

export function moderationPart(db: OtklikDB, kept: Cursor = storageCursor): TeamPart {
  /** The op ids of the last batch read, with their entries' local ids, oldest first. */
  let inFlight: { opId: string; entryId: number }[] = [];
  const cursor = () => kept.get();
  return {
    kinds: ['mod'],
    async pending() {
      const entries = await ownEntriesAfter(db, await cursor(), MOD_BATCH);
      const ops: LocalTeamOp[] = [];
      inFlight = [];
      for (const e of entries) {
        const { id, team: _team, ...rest } = e;
        // An entry that would not pass the others' check (an old row) is passed over, not sent.
        const entry = sharedEntrySchema.safeParse(rest);
        inFlight.push({ opId: modOpId(e), entryId: id! });
        if (entry.success) ops.push({ v: 1, id: modOpId(e), kind: 'mod', entry: entry.data, at: e.at });
      }
      const sendable = new Set(ops.map((o) => o.id));
      inFlight = inFlight.map((f) => (sendable.has(f.opId) ? f : { ...f, opId: '' }));
      return ops;
    },
    async settle(ids) {
      if (!inFlight.length) return;
      const done = new Set(ids);
      // The cursor moves past every entry up to the first one not acknowledged.
      let last = -1;
      for (const f of inFlight) {
        if (f.opId && !done.has(f.opId)) break;
        last = f.entryId;
      }
      if (last >= 0) await kept.set(last);
    },
    async apply(ops) {
      const entries: SharedEntry[] = ops.flatMap((op) => (op.kind === 'mod' ? [op.entry] : []));
      await applySharedEntries(db, entries);
    },
  };
}
