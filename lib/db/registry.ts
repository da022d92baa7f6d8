import { lastWeeks, weekSummary, type WeekResult, type WeekSummary } from '../quota/summary';
import { publicationTarget } from '../quota/target';
import type { RegistryEntry } from '../registry/entry';
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

export function listRegistry(db: OtklikDB): Promise<RegistryEntry[]> {
  return db.registry.toArray();
}

export type SaveEntryResult = { ok: true; entry: RegistryEntry } | { ok: false; errors: FieldErrors };

/** Validated, and one entry a page: a second entry for the same page is refused. */
export async function saveEntry(db: OtklikDB, input: unknown): Promise<SaveEntryResult> {
  const checked = validateEntry(input);
  if (!checked.ok) return checked;
  return db.transaction('rw', db.registry, async () => {
    const others = (await db.registry.toArray()).filter((e) => e.id !== checked.entry.id);
    const twin = others.find((e) => samePage(e, checked.entry));
    if (twin) return { ok: false as const, errors: { url: `эта страница уже есть в реестре: «${twin.name}»` } };
    await db.registry.put(checked.entry);
    return { ok: true as const, entry: checked.entry };
  });
}

export function removeEntry(db: OtklikDB, id: string): Promise<void> {
  return db.registry.delete(id);
}

export type RegistryImportWrite = { status: 'written'; plan: RegistryImportPlan } | { status: 'confirm'; plan: RegistryImportPlan };

/**
 * An imported file, in one transaction: the plan is made against the registry as it is inside it,
 * so a page added from its wall a moment ago is in the plan, and the write is all of it or nothing.
 */
export function importRegistry(db: OtklikDB, incoming: readonly RegistryEntry[], request: RegistryImportRequest & PlanOptions): Promise<RegistryImportWrite> {
  return db.transaction('rw', db.registry, async () => {
    const plan = planRegistryImport(await db.registry.toArray(), incoming, request.mode, request);
    if (plan.removed.length && !sameIds(plan.removed.map((e) => e.id), request.confirmedRemovals ?? [])) {
      return { status: 'confirm' as const, plan };
    }
    await db.registry.bulkDelete(plan.removed.map((e) => e.id));
    await db.registry.bulkPut([...plan.changed.map((c) => c.after), ...plan.added]);
    return { status: 'written' as const, plan };
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
