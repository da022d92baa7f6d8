/**
 * The queue's rows, kept in memory and patched where the database changed: a city's 50,000 rows are
 * read once, in pages, and after that a card act or an imported chunk re-reads only the rows it
 * wrote. A plain liveQuery would read the whole table again after every write (and after each of an
 * import's fifty chunks). Changes come from Dexie's `storagemutated` event, which names the keys
 * written in this page and, through its BroadcastChannel, in the background and other pages; a
 * change it can only give as a range (a table cleared by a restore) reads everything again.
 */
import { batch, signal, type ReadonlySignal } from '@preact/signals';
import Dexie from 'dexie';
import type { MessageSummary } from '../messages/types';
import type { Live } from './live';
import type { OtklikDB } from './schema';

/** Rows read per request on the first load: each page is a short task, so the panel paints between them. */
export const LOAD_PAGE = 5000;
/** More changed keys than this, and reading the table again is as quick as fetching each. */
const PATCH_LIMIT = 5000;

/** A node of Dexie's RangeSet (an AVL tree of key ranges), as the event carries it. */
interface RangeNode {
  from?: unknown;
  to?: unknown;
  l?: RangeNode;
  r?: RangeNode;
}

/** The single keys of a range set, or null when it holds a range (or too many keys to fetch one by one). */
export function changedKeys(node: RangeNode | undefined, limit = PATCH_LIMIT): string[] | null {
  const keys: string[] = [];
  const stack: RangeNode[] = node ? [node] : [];
  while (stack.length) {
    const n = stack.pop()!;
    if (!('from' in n)) continue;
    if (n.from !== n.to || typeof n.from !== 'string') return null;
    keys.push(n.from);
    if (keys.length > limit) return null;
    if (n.l) stack.push(n.l);
    if (n.r) stack.push(n.r);
  }
  return keys;
}

/**
 * `rows` (in key order, as the table gives them) with the rows of `changed` put in, replaced or —
 * where the value is undefined — taken out; still in key order, and the same array when nothing differs.
 */
export function patchRows(rows: readonly MessageSummary[], changed: ReadonlyMap<string, MessageSummary | undefined>): MessageSummary[] {
  if (!changed.size) return rows as MessageSummary[];
  const fresh: MessageSummary[] = [];
  const known = new Set<string>();
  const out: MessageSummary[] = [];
  for (const r of rows) {
    known.add(r.id);
    if (!changed.has(r.id)) out.push(r);
    else {
      const next = changed.get(r.id);
      if (next) out.push(next);
    }
  }
  for (const [id, row] of changed) if (row && !known.has(id)) fresh.push(row);
  if (!fresh.length) return out;
  // New keys merged in: IndexedDB orders string keys by code unit, as `<` does.
  fresh.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const merged: MessageSummary[] = [];
  let i = 0;
  let j = 0;
  while (i < out.length || j < fresh.length) {
    if (j >= fresh.length || (i < out.length && out[i]!.id < fresh[j]!.id)) merged.push(out[i++]!);
    else merged.push(fresh[j++]!);
  }
  return merged;
}

/** Every row, a page at a time (by key), giving the event loop back between pages. */
async function readAll(db: OtklikDB): Promise<MessageSummary[]> {
  const all: MessageSummary[] = [];
  let last: string | null = null;
  for (;;) {
    const page: MessageSummary[] = await (last === null ? db.summaries.orderBy(':id') : db.summaries.where(':id').above(last)).limit(LOAD_PAGE).toArray();
    for (const r of page) all.push(r);
    if (page.length < LOAD_PAGE) return all;
    last = page[page.length - 1]!.id;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/** Rows read first from a large table: the soonest deadlines, the top of the queue as it opens. */
export const HEAD_ROWS = 200;

/**
 * The queue's rows as a signal: null until the first read. A table larger than a page shows its
 * soonest deadlines first (`partial` true) while the rest is read.
 */
export function liveSummaries(db: OtklikDB): Live<MessageSummary[] | null> & { partial: ReadonlySignal<boolean> } {
  const value = signal<MessageSummary[] | null>(null);
  const error = signal<string | null>(null);
  const partial = signal(false);
  let loaded = false;
  const part = `idb://${db.name}/summaries/`;
  /** Keys changed while a read was under way, or 'all'. */
  let pending: Set<string> | 'all' | null = null;
  let running = false;

  const fail = (e: unknown) => {
    error.value = e instanceof Error ? e.message : String(e);
  };

  const run = async () => {
    if (running) return;
    running = true;
    try {
      while (pending !== null || !loaded) {
        const todo: Set<string> | 'all' | null = pending;
        pending = null;
        if (!loaded && value.peek() === null && (await db.summaries.count()) > LOAD_PAGE) {
          value.value = await db.summaries.orderBy('nextDue').limit(HEAD_ROWS).toArray();
          partial.value = true;
        }
        if (todo === null || todo === 'all' || !loaded) {
          const all = await readAll(db);
          batch(() => {
            value.value = all;
            partial.value = false;
          });
          loaded = true;
        } else {
          const ids = [...todo];
          const rows = await db.summaries.bulkGet(ids);
          value.value = patchRows(value.peek()!, new Map(ids.map((id, i) => [id, rows[i]])));
        }
        error.value = null;
      }
    } catch (e) {
      fail(e);
    } finally {
      running = false;
    }
  };

  const onMutated = (parts: object) => {
    const node = (parts as Record<string, RangeNode | undefined>)[part];
    if (!node) return;
    const keys = changedKeys(node);
    if (keys === null) pending = 'all';
    else if (pending !== 'all') {
      if (!keys.length) return;
      pending ??= new Set();
      for (const k of keys) pending.add(k);
    }
    void run();
  };
  Dexie.on('storagemutated', onMutated);
  void run();
  return {
    value,
    error,
    partial,
    refresh() {
      pending = 'all';
      void run();
    },
  };
}
