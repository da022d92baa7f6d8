import { lastWeeks, weekSummary, type WeekResult, type WeekSummary } from '../quota/summary';
import { publicationTarget } from '../quota/target';
import type { RegistryEntry } from '../registry/entry';
import { entryPageKeys, findEntryForPage, samePage } from '../registry/match';
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

/** An import replaces the registry whole, in one transaction: all of it or nothing. */
export async function replaceRegistry(db: OtklikDB, entries: RegistryEntry[]): Promise<void> {
  await db.transaction('rw', db.registry, async () => {
    await db.registry.clear();
    await db.registry.bulkPut(entries);
  });
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
