/**
 * Older backup files, brought forward one version at a time before they are checked. Version 0 was
 * the format of the development builds: messages had no `workingDraft` and the file said `data`
 * where it now says `tables`.
 */
import { BACKUP_VERSION } from './types';

type Raw = Record<string, unknown>;

/** migrations[n] turns a version-n file into version n + 1. */
const migrations: ((file: Raw) => Raw)[] = [
  (v0) => {
    const { data, ...rest } = v0;
    const tables = { ...((data ?? v0.tables ?? {}) as Raw) };
    if (Array.isArray(tables.messages))
      tables.messages = tables.messages.map((m) =>
        m && typeof m === 'object' && !('workingDraft' in m) ? { ...(m as Raw), workingDraft: '' } : m,
      );
    return { ...rest, tables, version: 1 };
  },
];

/** The file at the current version; the caller has checked that `from` is an older version. */
export function migrateBackup(file: Raw, from: number): Raw {
  let value = file;
  for (let v = from; v < BACKUP_VERSION; v++) value = migrations[v]!(value);
  return value;
}
