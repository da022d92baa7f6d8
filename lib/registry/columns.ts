/**
 * The registry's columns as files write them: the Russian header the CSV export uses, the English
 * one other tools may use, and how a cell reads back. Export and import share this table, so what
 * is exported imports again unchanged.
 */
import { FIELD_LABELS, KIND_LABELS, SITE_LABELS, type RegistryEntry, type RegistryField } from './entry';
import { fold } from '../text';

export interface Column {
  field: RegistryField;
  header: string;
  aliases: readonly string[];
  write(e: RegistryEntry): string | number;
  /** The cell as the schema expects it; anything unreadable passes through for the schema to refuse in words. */
  read(cell: string): unknown;
}

const text = (cell: string) => cell;
const nullable = (cell: string) => (cell.trim() === '' ? null : cell.trim());

const SITE_WORDS: Record<string, RegistryEntry['site']> = {
  vk: 'vk', вк: 'vk', вконтакте: 'vk', vkontakte: 'vk', 'vk.com': 'vk', 'vk.ru': 'vk',
  ok: 'ok', ок: 'ok', одноклассники: 'ok', odnoklassniki: 'ok', 'ok.ru': 'ok',
};
const KIND_WORDS: Record<string, RegistryEntry['kind']> = {
  administration: 'administration', администрация: 'administration',
  department: 'department', подразделение: 'department',
};

export const word = (cell: string) => fold(cell.trim());

/** yyyy-mm-dd as written; dd.mm.yyyy as Russian Excel re-saves it. */
export function readDate(cell: string): string | null {
  const s = cell.trim();
  if (s === '') return null;
  const ru = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  return ru ? `${ru[3]}-${ru[2].padStart(2, '0')}-${ru[1].padStart(2, '0')}` : s;
}

export const COLUMNS: readonly Column[] = [
  { field: 'id', header: FIELD_LABELS.id, aliases: ['id'], write: (e) => e.id, read: text },
  { field: 'site', header: FIELD_LABELS.site, aliases: ['site', 'соцсеть', 'социальная сеть'], write: (e) => SITE_LABELS[e.site], read: (c) => SITE_WORDS[word(c)] ?? c },
  { field: 'url', header: FIELD_LABELS.url, aliases: ['url', 'address', 'ссылка'], write: (e) => e.url, read: text },
  { field: 'ownerId', header: FIELD_LABELS.ownerId, aliases: ['ownerid', 'owner id', 'owner'], write: (e) => e.ownerId ?? '', read: nullable },
  { field: 'name', header: FIELD_LABELS.name, aliases: ['name', 'title'], write: (e) => e.name, read: text },
  { field: 'kind', header: FIELD_LABELS.kind, aliases: ['kind', 'type'], write: (e) => KIND_LABELS[e.kind], read: (c) => KIND_WORDS[word(c)] ?? c },
  { field: 'department', header: FIELD_LABELS.department, aliases: ['department'], write: (e) => e.department, read: text },
  { field: 'responsible', header: FIELD_LABELS.responsible, aliases: ['responsible', 'ответственное лицо'], write: (e) => e.responsible, read: text },
  { field: 'twoFactorConfirmedAt', header: FIELD_LABELS.twoFactorConfirmedAt, aliases: ['twofactorconfirmedat', '2fa'], write: (e) => e.twoFactorConfirmedAt ?? '', read: readDate },
  { field: 'adminsReviewedAt', header: FIELD_LABELS.adminsReviewedAt, aliases: ['adminsreviewedat'], write: (e) => e.adminsReviewedAt ?? '', read: readDate },
  {
    field: 'weeklyTarget',
    header: FIELD_LABELS.weeklyTarget,
    aliases: ['weeklytarget', 'target'],
    write: (e) => e.weeklyTarget ?? '',
    read: (c) => (c.trim() === '' ? undefined : /^\d+$/.test(c.trim()) ? Number(c.trim()) : c),
  },
  { field: 'notes', header: FIELD_LABELS.notes, aliases: ['notes', 'comment', 'примечание'], write: (e) => e.notes, read: text },
];

/**
 * The page checks a CSV export adds after the registry's own columns (App. 2 §4 and §12): they are
 * kept elsewhere (lib/db/publications.ts) and shown for reading, so an import passes over them.
 */
export const CHECK_HEADERS = [
  'Решение руководителя: дата',
  'Решение руководителя: номер',
  'Согласование ДИП: дата',
  'Согласование ДИП: номер',
  'Текстовое описание',
  'Оформление (обложка или аватар)',
  'Страница проверена',
] as const;

const checkHeaders = new Set(CHECK_HEADERS.map((h) => word(h)));

/** Whether a header is one of the page checks an export adds (read-only: an import skips it). */
export function isCheckHeader(header: string): boolean {
  return checkHeaders.has(word(header).replace(/\s+/g, ' '));
}

const byHeader = new Map<string, Column>();
for (const c of COLUMNS) for (const h of [c.header, c.field, ...c.aliases]) byHeader.set(word(h), c);

/** The column a header names, in Russian or English, whatever the case. */
export function columnFor(header: string): Column | undefined {
  return byHeader.get(word(header).replace(/\s+/g, ' '));
}

export const REQUIRED_FIELDS: readonly RegistryField[] = ['site', 'url', 'name', 'kind', 'responsible'];
