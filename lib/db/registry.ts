import { lastWeeks, weekSummary, type WeekResult, type WeekSummary } from '../quota/summary';
import { publicationTarget } from '../quota/target';
import type { RegistryEntry } from '../registry/entry';
import { queueRegistryOps, registryPut, registryRemove } from '../registry/team';
import type { TeamOp, TeamPart } from '../sync/team';
import { entryPageKeys, findEntryForPage, samePage } from '../registry/match';
import { readRegistryFile, type ImportOptions } from '../registry/import';
import {
  planRegistryImport,
  type PlanOptions,
  type RegistryImportOutcome,
  type RegistryImportPlan,
  type RegistryImportRequest,
} from '../registry/plan';
import { validateEntry, type FieldErrors } from '../registry/schema';
import type { PageInfo } from '../sites/types';
import type { OtklikDB, PostRecord } from './schema';

type RegistryTeamOp = Extract<TeamOp, { kind: 'registry' }>;

export function listRegistry(db: OtklikDB): Promise<RegistryEntry[]> {
  return db.registry.toArray();
}

export type SaveEntryResult = { ok: true; entry: RegistryEntry } | { ok: false; errors: FieldErrors };

/** Validated, and one entry a page: a second entry for the same page is refused. */
export async function saveEntry(db: OtklikDB, input: unknown): Promise<SaveEntryResult> {
  const checked = validateEntry(input);
  if (!checked.ok) return checked;
  const result = await db.transaction('rw', db.registry, async () => {
    const others = (await db.registry.toArray()).filter((e) => e.id !== checked.entry.id);
    const twin = others.find((e) => samePage(e, checked.entry));
    if (twin) return { ok: false as const, errors: { url: `эта страница уже есть в реестре: «${twin.name}»` } };
    await db.registry.put(checked.entry);
    return { ok: true as const, entry: checked.entry };
  });
  if (result.ok) await queueRegistryOps([registryPut(result.entry)]);
  return result;
}

export async function removeEntry(db: OtklikDB, id: string): Promise<void> {
  await db.registry.delete(id);
  await queueRegistryOps([registryRemove(id)]);
}

export type RegistryImportWrite = { status: 'written'; plan: RegistryImportPlan } | { status: 'confirm'; plan: RegistryImportPlan };

/**
 * An imported file, in one transaction: the plan is made against the registry as it is inside it,
 * so a page added from its wall a moment ago is in the plan, and the write is all of it or nothing.
 */
export async function importRegistry(db: OtklikDB, incoming: readonly RegistryEntry[], request: RegistryImportRequest & PlanOptions): Promise<RegistryImportWrite> {
  const result = await db.transaction('rw', db.registry, async () => {
    const plan = planRegistryImport(await db.registry.toArray(), incoming, request.mode, request);
    if (plan.removed.length && !sameIds(plan.removed.map((e) => e.id), request.confirmedRemovals ?? [])) {
      return { status: 'confirm' as const, plan };
    }
    await db.registry.bulkDelete(plan.removed.map((e) => e.id));
    await db.registry.bulkPut([...plan.changed.map((c) => c.after), ...plan.added]);
    return { status: 'written' as const, plan };
  });
  if (result.status === 'written') {
    const { plan } = result;
    await queueRegistryOps([...plan.removed.map((e) => registryRemove(e.id)), ...[...plan.changed.map((c) => c.after), ...plan.added].map(registryPut)]);
  }
  return result;
}

/** The registry's part of the team store: its ops wait in the storage outbox; read back, they go into the table. */
export const registryPart = (db: OtklikDB): TeamPart => ({
  kinds: ['registry'],
  apply: (ops) => applyRegistryOps(db, ops.filter((op): op is RegistryTeamOp => op.kind === 'registry')),
});

/**
 * The registry's ops from the team stream, in the log's order, in one transaction: a `put` replaces
 * the entry with its id and any other entry for the same page (the later word wins on every
 * computer); a `remove` removes. Nothing is queued back: these came from the log.
 */
export function applyRegistryOps(db: OtklikDB, ops: readonly RegistryTeamOp[]): Promise<void> {
  return db.transaction('rw', db.registry, async () => {
    const entries = new Map((await db.registry.toArray()).map((e) => [e.id, e]));
    const removed = new Set<string>();
    const put = new Map<string, RegistryEntry>();
    const drop = (id: string) => {
      entries.delete(id);
      put.delete(id);
      removed.add(id);
    };
    for (const op of ops) {
      if (op.op === 'remove') {
        drop(op.entryId);
        continue;
      }
      for (const other of [...entries.values()]) if (other.id !== op.entry.id && samePage(other, op.entry)) drop(other.id);
      entries.set(op.entry.id, op.entry);
      put.set(op.entry.id, op.entry);
      removed.delete(op.entry.id);
    }
    await db.registry.bulkDelete([...removed]);
    await db.registry.bulkPut([...put.values()]);
  });
}

/** A chosen file, read and imported: what the registry section shows. A bad file changes nothing. */
export async function importRegistryFile(
  db: OtklikDB,
  text: string,
  format: 'csv' | 'json',
  request: RegistryImportRequest,
  options: ImportOptions = {},
): Promise<RegistryImportOutcome> {
  const file = readRegistryFile(text, format, options);
  if (!file.ok) return file;
  const written = await importRegistry(db, file.entries, { ...request, fields: file.fields, newId: options.newId });
  return { ok: written.status === 'written' ? true : 'confirm', plan: written.plan, separator: file.separator };
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(b);
  return a.length === set.size && a.every((id) => set.has(id));
}

export function postsOfEntry(db: OtklikDB, entry: RegistryEntry): Promise<PostRecord[]> {
  return db.posts.where('pageKey').anyOf(entryPageKeys(entry)).toArray();
}

export interface PageStatus {
  registered: boolean;
  name: string | null;
  summary: WeekSummary | null;
}

/** What the in-page panel shows about a page: is it registered, and how is its week going. */
export async function pageStatus(
  db: OtklikDB,
  page: PageInfo,
  visit: { oldestSeenAt: number | null; scrolledPastMonday: boolean },
  now: number,
  zone: string,
): Promise<PageStatus> {
  const entry = findEntryForPage(await listRegistry(db), page);
  if (!entry) return { registered: false, name: null, summary: null };
  const posts = await postsOfEntry(db, entry);
  return {
    registered: true,
    name: entry.name,
    summary: weekSummary({
      posts,
      now,
      zone,
      target: publicationTarget(entry.kind, entry.weeklyTarget),
      oldestSeenAt: visit.oldestSeenAt,
      scrolledPastMonday: visit.scrolledPastMonday,
    }),
  };
}

export interface QuotaRowData {
  entry: RegistryEntry;
  target: number;
  weeks: WeekResult[];
  summary: WeekSummary;
}

/** Every registered page × the last `weeks` weeks (side panel, reminder). */
export async function quotaRows(db: OtklikDB, now: number, zone: string, weeks = 8): Promise<QuotaRowData[]> {
  const entries = await listRegistry(db);
  return Promise.all(
    entries.map(async (entry) => {
      const posts = await postsOfEntry(db, entry);
      const target = publicationTarget(entry.kind, entry.weeklyTarget);
      return { entry, target, weeks: lastWeeks(posts, now, zone, weeks, target), summary: weekSummary({ posts, now, zone, target }) };
    }),
  );
}
