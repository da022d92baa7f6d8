/**
 * Reading a registry file (CSV or JSON). All or nothing: one bad row refuses the whole file, with a
 * reason for each row, so a half-read file never reaches the registry. What the file then does to
 * the registry (merge or replace) is ./plan.ts.
 */
import { parseCsv, type Separator } from '../csv';
import { binaryProblem } from '../text-file';
import { columnFor, COLUMNS, isCheckHeader, REQUIRED_FIELDS, type Column } from './columns';
import { normaliseUrl, samePage } from './match';
import { FIELD_LABELS, type RegistryEntry, type RegistryField } from './entry';
import { registryEntrySchema } from './schema';
import type { CheckedAs } from '../result';

export type ImportResult = CheckedAs<{ entries: RegistryEntry[] }>;

export type RegistryFile =
  | {
      ok: true;
      entries: RegistryEntry[];
      /**
       * The fields the file speaks about: a CSV's columns, every field for JSON (a backup writes
       * them all, and a key left out means empty). A merge keeps what a page had in the others.
       */
      fields: RegistryField[];
      /** The separator a CSV was read with; null for JSON. */
      separator: Separator | null;
    }
  | { ok: false; errors: string[] };

const ALL_FIELDS = Object.keys(FIELD_LABELS) as RegistryField[];

export interface ImportOptions {
  /** Ids for rows that come without one. */
  newId?: () => string;
}

interface Candidate {
  /** «строка 3» or «запись 2». */
  where: string;
  input: Record<string, unknown>;
  /** A reason found before the schema looked at the row. */
  problems?: string[];
}

export function parseRegistryImport(text: string, format: 'csv' | 'json', options: ImportOptions = {}): ImportResult {
  const file = readRegistryFile(text, format, options);
  return file.ok ? { ok: true, entries: file.entries } : file;
}

/** The file's entries, validated, with what it was read as; or every reason it cannot be. */
export function readRegistryFile(text: string, format: 'csv' | 'json', options: ImportOptions = {}): RegistryFile {
  const newId = options.newId ?? (() => crypto.randomUUID());
  const read = format === 'csv' ? readCsv(text) : readJson(text);
  if ('errors' in read) return { ok: false, errors: read.errors };
  if (read.candidates.length === 0) return { ok: false, errors: ['в файле нет ни одной записи'] };

  const errors: string[] = [];
  const entries: RegistryEntry[] = [];
  const accepted: { where: string; entry: RegistryEntry }[] = [];
  for (const c of read.candidates) {
    if (c.problems?.length) {
      errors.push(...c.problems.map((p) => `${c.where}: ${p}`));
      continue;
    }
    const input = { ...c.input };
    if (input.id === undefined || input.id === null || (typeof input.id === 'string' && input.id.trim() === '')) input.id = newId();
    const r = registryEntrySchema.safeParse(input);
    if (!r.success) {
      const seen = new Set<string>();
      for (const issue of r.error.issues) {
        if (seen.has(issue.message)) continue;
        seen.add(issue.message);
        errors.push(`${c.where}: ${issue.message}`);
      }
      continue;
    }
    // The same address twice is one page, even when the two rows give different owner ids.
    const twin = accepted.find((a) => a.entry.id === r.data.id || samePage(a.entry, r.data) || sameAddress(a.entry, r.data));
    if (twin) {
      errors.push(
        twin.entry.id === r.data.id
          ? `${c.where}: идентификатор «${r.data.id}» уже встречался (${twin.where})`
          : `${c.where}: эта страница уже есть в файле (${twin.where})`,
      );
      continue;
    }
    accepted.push({ where: c.where, entry: r.data });
    entries.push(r.data);
  }
  return errors.length ? { ok: false, errors } : { ok: true, entries, fields: read.fields, separator: read.separator };
}

function sameAddress(a: RegistryEntry, b: RegistryEntry): boolean {
  const an = normaliseUrl(a.url);
  return an !== null && an === normaliseUrl(b.url);
}

type Read = { candidates: Candidate[]; fields: RegistryField[]; separator: Separator | null } | { errors: string[] };

function readCsv(text: string): Read {
  const binary = binaryProblem(text);
  if (binary) return { errors: [binary] };
  let rows: string[][];
  let separator: Separator;
  try {
    ({ rows, separator } = parseCsv(text));
  } catch (e) {
    return { errors: [(e as Error).message] };
  }
  const headerIndex = rows.findIndex((r) => r.some((f) => f.trim() !== ''));
  if (headerIndex < 0) return { errors: ['файл пуст'] };
  const header = rows[headerIndex];
  const columns: (Column | null)[] = [];
  const errors: string[] = [];
  for (const [i, h] of header.entries()) {
    if (h.trim() === '') {
      columns.push(null);
      continue;
    }
    if (isCheckHeader(h)) {
      columns.push(null);
      continue;
    }
    const col = columnFor(h);
    if (!col) errors.push(`неизвестный столбец «${h.trim()}» (столбец ${i + 1})`);
    else if (columns.includes(col)) errors.push(`столбец «${h.trim()}» повторяется`);
    columns.push(col ?? null);
  }
  for (const field of REQUIRED_FIELDS) {
    if (!columns.some((c) => c?.field === field)) errors.push(`нет столбца «${FIELD_LABELS[field]}»`);
  }
  if (errors.length) return { errors };

  const candidates: Candidate[] = [];
  for (let i = headerIndex + 1; i < rows.length; i++) {
    const row = rows[i];
    if (!row.some((f) => f.trim() !== '')) continue;
    const where = `строка ${i + 1}`;
    if (row.length > header.length && row.slice(header.length).some((f) => f.trim() !== '')) {
      candidates.push({ where, input: {}, problems: [`значений больше, чем столбцов (${header.length})`] });
      continue;
    }
    const input: Record<string, unknown> = {};
    // Columns the file leaves out are empty, not missing: an empty department or notes is fine.
    for (const col of COLUMNS) if (col.field !== 'id' && col.field !== 'weeklyTarget') input[col.field] = col.read('');
    columns.forEach((col, j) => {
      if (col) input[col.field] = col.read(row[j] ?? '');
    });
    candidates.push({ where, input });
  }
  const fields = columns.filter((c): c is Column => c !== null).map((c) => c.field);
  return { candidates, fields, separator };
}

function readJson(text: string): Read {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return { errors: ['файл не является правильным JSON'] };
  }
  const list = Array.isArray(data) ? data : (data as { entries?: unknown } | null)?.entries;
  if (!Array.isArray(list)) return { errors: ['ожидается список записей или объект с полем «entries»'] };
  return {
    candidates: list.map((item, i) => ({ where: `запись ${i + 1}`, ...jsonInput(item) })),
    fields: ALL_FIELDS,
    separator: null,
  };
}

/** JSON written by hand or by another tool: the same leniency as CSV cells (labels, dd.mm.yyyy, numeric ids). */
function jsonInput(item: unknown): { input: Record<string, unknown>; problems?: string[] } {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return { input: {}, problems: ['запись должна быть объектом с полями страницы'] };
  const out: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, value] of Object.entries(item)) {
    const col = columnFor(key);
    if (!col) {
      problems.push(`неизвестное поле «${key}»`);
      continue;
    }
    if (typeof value === 'number' && col.field === 'ownerId') out.ownerId = String(value);
    else if (value === null && col.field === 'weeklyTarget') out.weeklyTarget = undefined;
    else if (typeof value === 'string' && col.field !== 'id') out[col.field] = col.read(value);
    else out[col.field] = value;
  }
  for (const f of ['ownerId', 'twoFactorConfirmedAt', 'adminsReviewedAt'] as const) out[f] ??= null;
  out.department ??= '';
  return { input: out, problems };
}
