/**
 * The registry of official pages: its entries, what the registry records of each page's creation
 * and what its live wall showed (App. 2 §4, §12), an entry started on a page and waiting here, and
 * the acts — save, remove, import a file, export in CSV, JSON or a printable page.
 */
import { signal, type Signal } from '@preact/signals';
import { liveSignal } from '../db/live';
import { listPageFounding, listPageLooks, savePageFounding } from '../db/publications';
import { importRegistryFile, listRegistry, removeEntry, saveEntry } from '../db/registry';
import { looksFor, pageChecks } from '../publications/page-checks';
import { isoDateIn } from '../quota/week';
import type { RegistryEntry, RegistryEntryInput } from '../registry/entry';
import { registryToCsv, registryToHtml, registryToJson } from '../registry/export';
import { entryPageKeys } from '../registry/match';
import type { Session } from './session';

export function registryModel(session: Session, draft: Signal<RegistryEntryInput | null> = signal(null)) {
  const { db } = session;
  const entries = liveSignal(() => listRegistry(db), null);
  const founding = liveSignal(async () => ({ founding: await listPageFounding(db), looks: await listPageLooks(db) }), { founding: [], looks: [] });
  return {
    entries,
    founding,
    draft,
    today: () => isoDateIn(session.at(), session.zone.value),
    /** A blank entry, in the user's unit and with the user responsible. */
    newEntry: (): RegistryEntryInput => ({
      id: crypto.randomUUID(),
      site: 'vk',
      url: '',
      ownerId: null,
      name: '',
      kind: 'department',
      department: session.settings.value.department,
      responsible: session.settings.value.userName,
      twoFactorConfirmedAt: null,
      adminsReviewedAt: null,
    }),
    async save(entry: unknown): Promise<{ ok: true } | { ok: false; errors: string[] }> {
      const r = await saveEntry(db, entry);
      return r.ok ? { ok: true } : { ok: false, errors: Object.values(r.errors).filter((e): e is string => Boolean(e)) };
    },
    remove: (entry: RegistryEntry) => removeEntry(db, entry.id),
    importFile: (...args: Parameters<typeof importRegistryFile> extends [unknown, ...infer R] ? R : never) => importRegistryFile(db, ...args),
    /** The page's founding record and the checks its live wall fails. */
    checksOf(entry: RegistryEntry) {
      const f = founding.value.value.founding.find((x) => x.entryId === entry.id);
      return { founding: f, checks: pageChecks(entry.kind, f, looksFor(entryPageKeys(entry), founding.value.value.looks)) };
    },
    saveFounding: (next: Parameters<typeof savePageFounding>[1]) => savePageFounding(db, next),
    export(format: 'csv' | 'json' | 'html') {
      const list = entries.value.value ?? [];
      const checks = founding.value.value;
      const zone = session.zone.value;
      const name = `otklik-registry-${session.stamp()}.${format}`;
      if (format === 'csv') session.save({ name, text: registryToCsv(list, { ...checks, zone }) });
      else if (format === 'json') session.save({ name, text: registryToJson(list), type: 'application/json' });
      else session.save({ name, text: registryToHtml(list, new Date(session.at()), { zone, checks }), type: 'text/html;charset=utf-8' });
    },
  };
}
