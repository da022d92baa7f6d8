/**
 * What a registry file does to the registry, worked out before anything is written, so the user can
 * be told — and, before a removal, asked. A file's page is the registry's page with the same
 * normalised address (vk.ru/public1 is vk.com/club1), or failing that with the same site and owner
 * id: the registry holds one entry a page. Merging (the default) adds new pages, updates found ones
 * where the file says something different, and keeps the pages the file does not mention;
 * replacing removes those instead.
 */
import type { Separator } from '../csv';
import { plural, pluralForm, PAGES } from '../i18n/plural';
import { FIELD_LABELS, type RegistryEntry, type RegistryField } from './entry';
import { normaliseUrl, samePage } from './match';

export type RegistryImportMode = 'merge' | 'replace';

export interface RegistryImportRequest {
  mode: RegistryImportMode;
  /**
   * The ids of the pages the user agreed to remove, after seeing their names. A replace that would
   * remove anything else (or anything, without this) writes nothing and hands the plan back.
   */
  confirmedRemovals?: readonly string[];
}

/**
 * `ok: true`: written. `ok: 'confirm'`: a replace would remove `plan.removed`; nothing is written yet.
 * `ok: false`: the file is refused whole, the registry untouched. `separator` is null for JSON.
 */
export type RegistryImportOutcome =
  | { ok: true; plan: RegistryImportPlan; separator: Separator | null }
  | { ok: 'confirm'; plan: RegistryImportPlan; separator: Separator | null }
  | { ok: false; errors: string[] };

export interface RegistryEntryChange {
  before: RegistryEntry;
  after: RegistryEntry;
  /** The fields that differ, in the order of the form. */
  fields: RegistryField[];
}

export interface RegistryImportPlan {
  mode: RegistryImportMode;
  /** Pages of the file the registry does not have. */
  added: RegistryEntry[];
  /** Pages of both where the file says something different. */
  changed: RegistryEntryChange[];
  /** Pages of both, the same in both. */
  unchanged: RegistryEntry[];
  /** Pages of the registry the file does not mention, left as they are (merge). */
  kept: RegistryEntry[];
  /** Pages of the registry the file does not mention, removed (replace). */
  removed: RegistryEntry[];
  /** The registry afterwards: its own order, the added pages last. */
  entries: RegistryEntry[];
}

export interface PlanOptions {
  /**
   * The fields the file carries (a CSV's columns); every field when left out. A found page keeps
   * what it has in the others: a file without «Примечания» does not wipe the notes.
   */
  fields?: readonly RegistryField[];
  /** An id for an added page whose id the registry already uses for another page. */
  newId?: () => string;
}

const FIELDS = Object.keys(FIELD_LABELS) as RegistryField[];

function address(e: RegistryEntry): string | null {
  return normaliseUrl(e.url);
}

function differs(a: RegistryEntry, b: RegistryEntry, field: RegistryField): boolean {
  return (a[field] ?? null) !== (b[field] ?? null);
}

/** Entries are validated before they come here: the file's by readRegistryFile, the registry's on every write. */
export function planRegistryImport(
  existing: readonly RegistryEntry[],
  incoming: readonly RegistryEntry[],
  mode: RegistryImportMode,
  options: PlanOptions = {},
): RegistryImportPlan {
  const newId = options.newId ?? (() => crypto.randomUUID());
  const fields = (options.fields ?? FIELDS).filter((f) => f !== 'id');
  const matchOf = new Map<RegistryEntry, RegistryEntry>();
  const taken = new Set<RegistryEntry>();
  const match = (test: (old: RegistryEntry, file: RegistryEntry) => boolean) => {
    for (const file of incoming) {
      if (matchOf.has(file)) continue;
      const old = existing.find((e) => !taken.has(e) && test(e, file));
      if (!old) continue;
      matchOf.set(file, old);
      taken.add(old);
    }
  };
  // Addresses first for every row, so an owner id never takes a page another row names by address.
  match((old, file) => {
    const a = address(old);
    return a !== null && a === address(file);
  });
  match(samePage);

  const changes = new Map<RegistryEntry, RegistryEntryChange>();
  const unchanged: RegistryEntry[] = [];
  const added: RegistryEntry[] = [];
  const usedIds = new Set(existing.map((e) => e.id));
  for (const file of incoming) {
    const old = matchOf.get(file);
    if (!old) {
      const entry = usedIds.has(file.id) ? { ...file, id: newId() } : file;
      usedIds.add(entry.id);
      added.push(entry);
      continue;
    }
    // An empty owner id means «unknown» (entry.ts), not «none»: it does not erase a known one.
    const speaks = fields.filter((f) => !(f === 'ownerId' && file.ownerId === null));
    const differing = speaks.filter((f) => differs(old, file, f));
    if (differing.length === 0) {
      unchanged.push(old);
      continue;
    }
    const after: RegistryEntry = { ...old };
    for (const f of speaks) {
      if (file[f] === undefined) delete after[f];
      else (after as unknown as Record<string, unknown>)[f] = file[f];
    }
    changes.set(old, { before: old, after, fields: differing });
  }

  const missing = existing.filter((e) => !taken.has(e));
  const kept = mode === 'merge' ? missing : [];
  const removed = mode === 'replace' ? missing : [];
  const gone = new Set(removed);
  return {
    mode,
    added,
    changed: [...changes.values()],
    unchanged,
    kept,
    removed,
    entries: [...existing.filter((e) => !gone.has(e)).map((e) => changes.get(e)?.after ?? e), ...added],
  };
}

const MAX_NAMES = 10;

const quoted = (name: string) => `«${name}»`;

/** «Администрация», «Культура» и ещё 3 — a long registry does not become a wall of text. */
export function nameList(items: readonly string[], separator = ', ', max = MAX_NAMES): string {
  const shown = items.slice(0, max).join(separator);
  return items.length > max ? `${shown} и ещё ${items.length - max}` : shown;
}

function line(label: string, items: readonly string[], separator?: string): string {
  return `${label}: ${plural(items.length, PAGES)}${items.length ? ` (${nameList(items, separator)})` : ''}`;
}

/** What the import did (or will do), a line a category, every category, counts with their words. */
export function describeRegistryImport(plan: RegistryImportPlan): string[] {
  const changed = plan.changed.map((c) => `${quoted(c.after.name)}: ${c.fields.map((f) => FIELD_LABELS[f].toLowerCase()).join(', ')}`);
  return [
    line('Добавлено', plan.added.map((e) => quoted(e.name))),
    line('Изменено', changed, '; '),
    `Без изменений: ${plural(plan.unchanged.length, PAGES)}`,
    line('Оставлено (нет в файле)', plan.kept.map((e) => quoted(e.name))),
    line('Удалено', plan.removed.map((e) => quoted(e.name))),
  ];
}

/** «Будут удалены 2 страницы, которых нет в файле» — the question before a replace removes anything. */
export function removalQuestion(count: number): string {
  return `${pluralForm(count, ['Будет удалена', 'Будут удалены', 'Будут удалены'])} ${plural(count, PAGES)}, ${pluralForm(count, ['которой', 'которых', 'которых'])} нет в файле:`;
}
