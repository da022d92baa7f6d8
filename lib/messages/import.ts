/**
 * Importing messages exported from the monitoring system or a spreadsheet (CSV or JSON). Two steps,
 * because the user confirms which column is which in between: `inspectImport` reads the file and
 * suggests a mapping, `buildImport` turns every row into a MessageRecord or refuses the whole file
 * with a reason per row, so nothing is ever half-imported.
 */
import { z } from 'zod';
import { parseCsvSteps, type Separator } from '../csv';
import { runSteps, runStepsInSlices } from '../steps';
import { binaryProblem } from '../text-file';
import { commentKeyOf, pageKeyOf, SITE_LABELS, type Site } from '../sites/types';
import { isMediaId, parsePageUrl } from '../sites/url';
import { MessageSchema, type Actor, type MessageEvent } from '../workflow/schema';
import type { Importance } from '../workflow/table';
import { initialDeadlines } from '../workflow/deadlines';
import { MissingCalendarYearError } from '../worktime/calendar';
import { DAY, MINUTE, dayNumberOf, isValidZone, parseInZone, wallToInstant } from '../worktime/civil';
import { createWorkClock, type WorkClock } from '../worktime/clock';
import { DEFAULT_WORKTIME_SETTINGS } from '../worktime/schedule';
import type { MessageRecord, MessageSource } from './types';
import { fold } from '../text';
import type { CheckedAs } from '../result';

export type ImportFormat = 'csv' | 'json';

/** What a column can mean. `writtenAt` is when the citizen wrote; `receivedAt` is T0 (§4.4). */
export type ImportField = 'id' | 'site' | 'url' | 'author' | 'text' | 'writtenAt' | 'receivedAt' | 'importance' | 'topic' | 'location';

/** Field → the file's column name. Fields left out are empty in every row. */
export type Mapping = Partial<Record<ImportField, string>>;

export const IMPORT_FIELDS: readonly ImportField[] = ['id', 'site', 'url', 'author', 'text', 'writtenAt', 'receivedAt', 'importance', 'topic', 'location'];

/** How the mapping step names each field. */
export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  id: 'Номер (идентификатор)',
  site: 'Соцсеть',
  url: 'Ссылка',
  author: 'Автор',
  text: 'Текст',
  writtenAt: 'Дата',
  receivedAt: 'Получено',
  importance: 'Важность',
  topic: 'Тема',
  location: 'Локация',
};

/**
 * Header names per field, normalised (lower case, ё → е, camelCase and _-. split into words). An exact
 * name wins over a pattern; patterns are tried in the order of this table, so «Дата получения» is T0
 * before it can be the citizen's date, and «ID сообщения» is the id before it can be the text.
 */
const HEADER_HINTS: readonly { field: ImportField; exact: readonly string[]; pattern: RegExp }[] = [
  { field: 'id', exact: ['id', 'ид', 'идентификатор', '№', 'номер', 'external id', 'message id', 'id сообщения'], pattern: /(^|\s)(id|ид|идентификатор\p{L}*)(\s|$)/u },
  { field: 'url', exact: ['ссылка', 'url', 'link', 'href', 'permalink', 'адрес ссылки'], pattern: /ссылк|url|link|permalink/u },
  { field: 'receivedAt', exact: ['получено', 'received', 'received at', 'дата получения', 'время получения', 't0'], pattern: /получ|доступ|received/u },
  { field: 'importance', exact: ['важность', 'importance', 'priority', 'приоритет', 'категория важности'], pattern: /важн|importan|priorit|приоритет/u },
  { field: 'site', exact: ['соцсеть', 'соц сеть', 'сайт', 'site', 'network', 'social network', 'платформа', 'источник', 'source'], pattern: /соц|(^|\s)(site|network|платформ)/u },
  { field: 'topic', exact: ['тема', 'topic', 'subject', 'рубрика', 'группа тем'], pattern: /(^|\s)(тем[аыу]?|topic|subject|рубрик)/u },
  { field: 'location', exact: ['локация', 'адрес', 'location', 'address', 'место', 'район', 'округ'], pattern: /локац|адрес|location|address|(^|\s)(место|район|округ)/u },
  { field: 'author', exact: ['автор', 'author', 'user', 'пользователь', 'имя', 'name', 'фио'], pattern: /автор|author|пользовател|(^|\s)(user|имя|фио|name)/u },
  { field: 'text', exact: ['текст', 'text', 'message', 'сообщение', 'комментарий', 'comment', 'body', 'content'], pattern: /текст|text|message|сообщени|коммент|comment|(^|\s)(body|content)/u },
  { field: 'writtenAt', exact: ['дата', 'date', 'created', 'created at', 'время', 'time', 'дата публикации', 'published'], pattern: /дат[аые]|(^|\s)(date|created|время|time|опубликов|publish)/u },
];

function normaliseHeader(h: string): string {
  return fold(h.replace(/([a-z])([A-Z])/g, '$1 $2'))
    .replace(/[_\-.:;,()«»"']+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The mapping the headers suggest: each column used once, each field given at most one column. */
export function suggestMapping(columns: readonly string[]): Mapping {
  const names = columns.map(normaliseHeader);
  const taken = new Set<number>();
  const mapping: Mapping = {};
  const assign = (field: ImportField, test: (name: string) => boolean) => {
    if (mapping[field] !== undefined) return;
    const i = names.findIndex((n, j) => !taken.has(j) && test(n));
    if (i < 0) return;
    taken.add(i);
    mapping[field] = columns[i]!;
  };
  for (const hint of HEADER_HINTS) assign(hint.field, (n) => hint.exact.includes(n));
  for (const hint of HEADER_HINTS) assign(hint.field, (n) => hint.pattern.test(n));
  return mapping;
}

// ---------------------------------------------------------------------------------------------
// Reading the file

interface RawRow {
  /** «строка 4» (CSV, as a spreadsheet numbers its rows) or «запись 2» (JSON, from 1). */
  where: string;
  values: Record<string, string>;
  problems: string[];
}

/** `separator` is the one the CSV was read with; null for JSON. */
type Table = CheckedAs<{ columns: string[]; rows: RawRow[]; separator: Separator | null }>;

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function* readCsv(text: string): Generator<undefined, Table> {
  const binary = binaryProblem(text);
  if (binary) return { ok: false, errors: [binary] };
  let rows: string[][];
  let separator: Separator;
  try {
    ({ rows, separator } = yield* parseCsvSteps(text));
  } catch (e) {
    return { ok: false, errors: [(e as Error).message] };
  }
  const headerIndex = rows.findIndex((r) => r.some((f) => f.trim() !== ''));
  if (headerIndex < 0) return { ok: false, errors: ['файл пуст'] };
  const header = rows[headerIndex]!.map((h) => h.trim());
  const errors: string[] = [];
  const seen = new Set<string>();
  for (const h of header) {
    if (h === '') continue;
    if (seen.has(h)) errors.push(`столбец «${h}» повторяется`);
    seen.add(h);
  }
  if (errors.length) return { ok: false, errors };
  const columns = header.filter((h) => h !== '');
  const out: RawRow[] = [];
  for (let i = headerIndex + 1; i < rows.length; i++) {
    const row = rows[i]!;
    if (!row.some((f) => f.trim() !== '')) continue;
    const where = `строка ${i + 1}`;
    const problems: string[] = [];
    if (row.length > header.length && row.slice(header.length).some((f) => f.trim() !== '')) {
      problems.push(`значений больше, чем столбцов (${header.length})`);
    }
    const values: Record<string, string> = {};
    header.forEach((h, j) => {
      if (h !== '') values[h] = row[j] ?? '';
    });
    out.push({ where, values, problems });
    if (i % 1000 === 0) yield undefined;
  }
  return { ok: true, columns, rows: out, separator };
}

/** The list of messages: the file itself, or the first list under a usual wrapper key. */
function jsonList(data: unknown): unknown[] | null {
  if (Array.isArray(data)) return data;
  if (data && typeof data === 'object') {
    for (const key of ['messages', 'items', 'data', 'rows', 'records']) {
      const v = (data as Record<string, unknown>)[key];
      if (Array.isArray(v)) return v;
    }
  }
  return null;
}

function readJson(text: string): Table {
  let data: unknown;
  try {
    data = JSON.parse(stripBom(text));
  } catch {
    return { ok: false, errors: ['файл не является правильным JSON'] };
  }
  const list = jsonList(data);
  if (!list) return { ok: false, errors: ['ожидается список сообщений или объект с полем «messages»'] };
  const columns: string[] = [];
  const known = new Set<string>();
  const rows: RawRow[] = list.map((item, i) => {
    const where = `запись ${i + 1}`;
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return { where, values: {}, problems: ['запись должна быть объектом с полями сообщения'] };
    const values: Record<string, string> = {};
    const problems: string[] = [];
    for (const [key, value] of Object.entries(item)) {
      if (!known.has(key)) {
        known.add(key);
        columns.push(key);
      }
      if (value === null || value === undefined) values[key] = '';
      else if (typeof value === 'string') values[key] = value;
      else if (typeof value === 'number' || typeof value === 'boolean') values[key] = String(value);
      else problems.push(`поле «${key}» должно быть текстом или числом`);
    }
    return { where, values, problems };
  });
  return { ok: true, columns, rows, separator: null };
}

function* readTable(text: string, format: ImportFormat): Generator<undefined, Table> {
  const table = format === 'csv' ? yield* readCsv(text) : readJson(text);
  if (table.ok && table.rows.length === 0) return { ok: false, errors: ['в файле нет ни одного сообщения'] };
  return table;
}

/**
 * The table inspectImport read, kept for the buildImport that follows it on the same text: a
 * 50,000-row file is then read once, not twice. Given away once (the rows are not kept after).
 */
let inspected: { text: string; format: ImportFormat; table: Table } | null = null;

function* takeTable(text: string, format: ImportFormat): Generator<undefined, Table> {
  const kept = inspected;
  inspected = null;
  return kept && kept.format === format && kept.text === text ? kept.table : yield* readTable(text, format);
}

export type InspectResult =
  | { ok: true; columns: string[]; sampleRows: Record<string, string>[]; rowCount: number; suggested: Mapping; separator: Separator | null }
  | { ok: false; errors: string[] };

/** The file's columns, its first rows for the mapping step, and a suggested mapping. */
export function inspectImport(text: string, format: ImportFormat, sampleSize = 5): InspectResult {
  return runSteps(inspectSteps(text, format, sampleSize));
}

/** inspectImport in slices (lib/steps): a large file is read without freezing the page. */
export function inspectImportInSlices(text: string, format: ImportFormat, sampleSize = 5): Promise<InspectResult> {
  return runStepsInSlices(inspectSteps(text, format, sampleSize));
}

function* inspectSteps(text: string, format: ImportFormat, sampleSize: number): Generator<undefined, InspectResult> {
  const table = yield* readTable(text, format);
  inspected = { text, format, table };
  if (!table.ok) return table;
  return {
    ok: true,
    columns: table.columns,
    sampleRows: table.rows.slice(0, sampleSize).map((r) => r.values),
    rowCount: table.rows.length,
    suggested: suggestMapping(table.columns),
    separator: table.separator,
  };
}

// ---------------------------------------------------------------------------------------------
// Values

const DATE_FORMATS = 'нужен формат 2025-09-16 11:00 или 16.09.2025 11:00';
const RU_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const ISO_DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/** Unix time as monitoring exports write it: 10 digits of seconds or 13 of milliseconds. */
const UNIX = /^(\d{10}|\d{13})$/;

/** Epoch ms of a cell, or a reason. A time without an offset is wall time in `zone`. */
export function parseImportDate(raw: string, zone: string, timeRequired: boolean): { ok: true; at: number } | { ok: false; reason: string } {
  const s = raw.trim();
  const bad = { ok: false as const, reason: `«${s}» — не дата; ${DATE_FORMATS}` };
  const unix = UNIX.exec(s);
  if (unix) return { ok: true, at: s.length === 10 ? Number(s) * 1000 : Number(s) };
  const ru = RU_DATE.exec(s);
  if (ru) {
    const [d, mo, y] = [ru[1]!.padStart(2, '0'), ru[2]!.padStart(2, '0'), ru[3]!];
    const day = dayNumberOf(`${y}-${mo}-${d}`);
    if (day === undefined) return bad;
    if (ru[4] === undefined) return timeRequired ? { ok: false, reason: `«${s}» — нет времени; ${DATE_FORMATS}` } : { ok: true, at: wallToInstant(zone, day * DAY) };
    const [h, mi, sec] = [Number(ru[4]), Number(ru[5]), Number(ru[6] ?? 0)];
    if (h > 23 || mi > 59 || sec > 59) return bad;
    return { ok: true, at: wallToInstant(zone, day * DAY + (h * 60 + mi) * MINUTE + sec * 1000) };
  }
  if (timeRequired && ISO_DATE_ONLY.test(s)) return { ok: false, reason: `«${s}» — нет времени; ${DATE_FORMATS}` };
  const iso = parseInZone(s, zone);
  return iso === undefined ? bad : { ok: true, at: iso };
}

const SITE_NAMES: Record<string, Site> = {
  vk: 'vk', вк: 'vk', вконтакте: 'vk', 'в контакте': 'vk', vkontakte: 'vk', 'vk.com': 'vk', 'vk.ru': 'vk',
  ok: 'ok', ок: 'ok', одноклассники: 'ok', odnoklassniki: 'ok', 'ok.ru': 'ok',
};

/** The decree has two categories (§4.2); a spreadsheet's «средняя» or «низкая» is the normal one. */
const IMPORTANCE_NAMES: Record<string, Importance> = {
  высокая: 'high', высокий: 'high', высокое: 'high', high: 'high', срочно: 'high', срочная: 'high',
  обычная: 'normal', обычный: 'normal', обычное: 'normal', normal: 'normal', нормальная: 'normal', средняя: 'normal', medium: 'normal', низкая: 'normal', low: 'normal',
};

interface LinkInfo {
  site: Site;
  /** The address as stored and shown: https, without a user name or password. */
  permalink: string;
  /** The address as the file wrote it: the import key is made of it, so it stays what it was. */
  written: string;
  pageUrl: string;
  pageKey: string | null;
  postId: string | null;
  /** Without the site prefix, as the parsers write comment ids (VK `-123456_1002`). */
  commentId: string | null;
}

const VK_REPLY = /^\d+$/;
const OK_COMMENT = /^[\w-]{1,64}$/;

/** A link to a comment, post or page on VK/OK; null when it points anywhere else. */
export function readMessageLink(raw: string): LinkInfo | null {
  const s = raw.trim();
  const href = /^https?:\/\//i.test(s) ? s : `https://${s}`;
  const info = parsePageUrl(href);
  if (!info) return null;
  const url = new URL(href);
  const params = url.searchParams;
  // Only an https address of the site is stored: the card and the reports render it as a link.
  url.protocol = 'https:';
  url.username = '';
  url.password = '';
  let commentId: string | null = null;
  if (info.site === 'vk') {
    // A reply's own number comes in ?reply=; its owner is the wall's (the DOM contract's vk:-123456_1002).
    const reply = params.get('reply');
    // A photo's or a video's comments are numbered apart from the wall's: the item comes first
    // (vk:photo-123456_457239017_89), as lib/sites/vk/parse spells them.
    if (reply && VK_REPLY.test(reply) && info.ownerId) commentId = isMediaId(info.postId) ? `${info.postId}_${reply}` : `${info.ownerId}_${reply}`;
  } else {
    // OK writes a comment's id as commentId (as in the comment's data-seen-params).
    const id = params.get('commentId');
    if (id && OK_COMMENT.test(id)) commentId = id;
  }
  const pageKey = info.ownerId || info.ownerUrl ? pageKeyOf({ site: info.site, ownerId: info.ownerId, url: info.ownerUrl ?? info.url }) : null;
  return { site: info.site, permalink: url.href, written: s, pageUrl: info.url, pageKey, postId: info.postId, commentId };
}

// ---------------------------------------------------------------------------------------------
// Hashing

const FNV_PRIME_LOW = 0x1b3;

/**
 * FNV-1a, 64 bits, over the UTF-8 bytes, as 16 hex digits. 32 bits would collide somewhere among
 * 50,000 messages; the 64-bit product is kept in four 16-bit limbs so no step leaves exact integers.
 * The prime is 2^40 + 0x1b3: each limb times 0x1b3, plus the limb two places lower shifted by 8.
 */
export function fnv1a64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (let i = 0; i < bytes.length; i++) {
    h0 ^= bytes[i]!;
    const t0 = h0 * FNV_PRIME_LOW;
    const t1 = h1 * FNV_PRIME_LOW + (t0 >>> 16);
    const t2 = h2 * FNV_PRIME_LOW + (h0 << 8) + (t1 >>> 16);
    const t3 = h3 * FNV_PRIME_LOW + (h1 << 8) + (t2 >>> 16);
    h0 = t0 & 0xffff;
    h1 = t1 & 0xffff;
    h2 = t2 & 0xffff;
    h3 = t3 & 0xffff;
  }
  return [h3, h2, h1, h0].map((x) => x.toString(16).padStart(4, '0')).join('');
}

/**
 * The identity of an imported message: the monitoring system's id when there is one, otherwise what
 * the message is (site, link, text with spacing folded). The prefixes keep the two kinds apart, and
 * apart from commentRefs (`vk:…`), which mergeImport checks in the same set.
 */
export function importKeyOf(row: { sourceId?: string; site: Site; link: string; text: string }): string {
  const id = row.sourceId?.trim();
  if (id) return `src:${id}`;
  return `fnv:${fnv1a64(`${row.site}\n${row.link.trim()}\n${row.text.replace(/\s+/g, ' ').trim()}`)}`;
}

// ---------------------------------------------------------------------------------------------
// T0

/** The latest instant a Date can hold: past it there is no calendar day at all. */
const LAST_INSTANT = 8.64e15;

/**
 * Why `at` cannot be a message's T0 (§4.4), or null when it can. One rule for a file's «Получено»
 * and for «Доступ получен» when the curator registers a comment on the page: T0 is not in the future
 * (every later act would come «before» the message), and the production calendar can count the
 * deadlines from it — otherwise the message could be stored and never shown.
 */
export function receivedAtProblem(at: number, clock: WorkClock, now: number): string | null {
  if (!Number.isSafeInteger(at) || at < 0 || at > LAST_INSTANT) return 'время получения указано неверно';
  if (at > now) return 'время получения ещё не наступило: укажите время не позже текущего';
  const missing = (year: number) =>
    `за ${year} год нет производственного календаря, сроки не посчитать: проверьте дату или добавьте этот год в настройках Отклика («Производственный календарь»)`;
  try {
    const year = clock.missingYear(at, now);
    if (year !== null) return missing(year);
    // The longest deadline T0 starts (§6, normal importance) may run into a year the calendar lacks.
    initialDeadlines(clock, at, 'normal');
  } catch (e) {
    if (e instanceof MissingCalendarYearError) return missing(e.year);
    return 'время получения указано неверно';
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Rows

interface RowContext {
  zone: string;
  now: number;
  clock: WorkClock;
}

const Cell = z.string().transform((s) => s.trim());

function dateCell(ctx: RowContext, timeRequired: boolean) {
  return Cell.transform((s, check) => {
    if (s === '') return null;
    const r = parseImportDate(s, ctx.zone, timeRequired);
    if (!r.ok) {
      check.addIssue({ code: 'custom', message: r.reason });
      return z.NEVER;
    }
    return r.at;
  });
}

/** One row, validated and typed. Built per import: dates depend on the zone and on «now». */
function rowSchema(ctx: RowContext) {
  return z
    .object({
      id: Cell,
      site: Cell.transform((s, check) => {
        if (s === '') return null;
        const site = SITE_NAMES[fold(s.trim())];
        if (!site) {
          check.addIssue({ code: 'custom', message: `соцсеть «${s}» не ВКонтакте и не Одноклассники` });
          return z.NEVER;
        }
        return site;
      }),
      url: Cell.transform((s, check) => {
        if (s === '') return null;
        const link = readMessageLink(s);
        if (!link) {
          check.addIssue({ code: 'custom', message: `ссылка не на vk.com/vk.ru/ok.ru: «${s}»` });
          return z.NEVER;
        }
        return link;
      }),
      author: Cell,
      text: Cell.pipe(z.string().min(1, { error: 'нет текста сообщения' })),
      writtenAt: dateCell(ctx, false),
      receivedAt: dateCell(ctx, true),
      importance: Cell.transform((s, check) => {
        if (s === '') return 'normal' as Importance;
        const importance = IMPORTANCE_NAMES[fold(s.trim())];
        if (!importance) {
          check.addIssue({ code: 'custom', message: `важность «${s}» — нужно «высокая» или «обычная»` });
          return z.NEVER;
        }
        return importance;
      }),
      topic: Cell,
      location: Cell,
    })
    .superRefine((row, check) => {
      if (!row.url && !row.site) check.addIssue({ code: 'custom', message: 'нет ни ссылки, ни соцсети' });
      if (row.url && row.site && row.url.site !== row.site) {
        check.addIssue({ code: 'custom', message: `соцсеть «${SITE_LABELS[row.site]}» не совпадает со ссылкой` });
      }
      const received = row.receivedAt ?? ctx.now;
      const t0 = receivedAtProblem(received, ctx.clock, ctx.now);
      if (t0) check.addIssue({ code: 'custom', path: row.receivedAt === null ? [] : ['receivedAt'], message: t0 });
      if (row.writtenAt !== null && row.writtenAt > received) check.addIssue({ code: 'custom', message: 'сообщение написано позже, чем получено' });
    });
}

type Row = z.infer<ReturnType<typeof rowSchema>>;

export interface BuildOptions {
  now: number;
  /** Whoever imports registers the messages: the curator (§4). */
  actor: { role: 'curator'; name: string; department?: string };
  /** The administration's zone: times without an offset are read there. */
  zone: string;
  /** Record ids; by default derived from the import key, so the same row always gets the same id. */
  newId?: (importKey: string) => string;
  /**
   * The clock the messages will be counted on (the user's schedule and calendar years): a T0 it
   * cannot count is refused in its row. Without it, the default schedule in `zone` and the built-in
   * calendar.
   */
  clock?: WorkClock;
}

export type BuildResult = CheckedAs<{ records: MessageRecord[]; separator: Separator | null }>;

/** Past this many reasons the list says how many more there are: nobody reads 50,000 lines. */
const MAX_ERRORS = 100;

function mappingProblems(mapping: Mapping, columns: readonly string[]): string[] {
  const errors: string[] = [];
  for (const field of IMPORT_FIELDS) {
    const col = mapping[field];
    if (col !== undefined && !columns.includes(col)) errors.push(`столбец «${col}» (${IMPORT_FIELD_LABELS[field]}) не найден в файле`);
  }
  if (mapping.text === undefined) errors.push('не выбран столбец с текстом сообщения');
  if (mapping.url === undefined && mapping.site === undefined) errors.push('не выбран ни столбец со ссылкой, ни столбец с соцсетью');
  return errors;
}

function recordOf(row: Row, ctx: RowContext, actor: Actor, newId: (key: string) => string): MessageRecord {
  const site = row.url?.site ?? row.site!;
  const importKey = importKeyOf({ sourceId: row.id, site, link: row.url?.written ?? '', text: row.text });
  const payload: { importance: Importance; topic?: string; location?: string } = { importance: row.importance };
  if (row.topic) payload.topic = row.topic;
  if (row.location) payload.location = row.location;
  const received: MessageEvent = { type: 'received', actor, at: row.receivedAt ?? ctx.now, payload };
  const source: MessageSource = {
    pageKey: row.url?.pageKey ?? null,
    pageName: null,
    pageUrl: row.url?.pageUrl ?? null,
    postId: row.url?.postId ?? null,
    commentId: row.url?.commentId ?? null,
    permalink: row.url?.permalink ?? null,
    authorId: null,
    authorUrl: null,
    writtenAt: row.writtenAt,
  };
  const record: MessageRecord = {
    id: newId(importKey),
    site,
    text: row.text,
    events: [received],
    source,
    importKey,
    workingDraft: '',
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  if (row.url) record.url = row.url.permalink;
  if (row.url?.commentId) record.commentRef = commentKeyOf({ site, id: row.url.commentId });
  if (row.author) record.author = row.author;
  return record;
}

/**
 * Every row as a message registered by the curator at T0 («Получено», or now), or the whole file
 * refused with a Russian reason per bad row. Two rows of the file that are the same message (same
 * import key or same comment) are refused too: one of them is a mistake the user should see.
 */
export function buildImport(text: string, format: ImportFormat, mapping: Mapping, options: BuildOptions): BuildResult {
  return runSteps(buildSteps(text, format, mapping, options));
}

/**
 * buildImport in slices of `sliceMs`, the event loop given back between them: 50,000 rows take
 * seconds to check, and the panel must stay responsive meanwhile. `onProgress` gets the rows checked.
 */
export function buildImportInSlices(
  text: string,
  format: ImportFormat,
  mapping: Mapping,
  options: BuildOptions,
  { sliceMs = 12, onProgress }: { sliceMs?: number; onProgress?: (checked: number, total: number) => void } = {},
): Promise<BuildResult> {
  return runStepsInSlices(buildSteps(text, format, mapping, options), { sliceMs, onPause: (at) => at && onProgress?.(at.checked, at.total) });
}

/** The work of buildImport, pausable after each row (yielding how far it is). */
function* buildSteps(text: string, format: ImportFormat, mapping: Mapping, options: BuildOptions): Generator<{ checked: number; total: number } | undefined, BuildResult> {
  if (!isValidZone(options.zone)) return { ok: false, errors: [`неизвестный часовой пояс «${options.zone}»`] };
  const actor: Actor = { role: 'curator', name: options.actor.name.trim(), ...(options.actor.department ? { department: options.actor.department } : {}) };
  if (!actor.name) return { ok: false, errors: ['не указано имя Куратора, который импортирует сообщения'] };
  const table = yield* takeTable(text, format);
  if (!table.ok) return table;
  const problems = mappingProblems(mapping, table.columns);
  if (problems.length) return { ok: false, errors: problems };

  const clock = options.clock ?? createWorkClock({ ...DEFAULT_WORKTIME_SETTINGS, zone: options.zone });
  const ctx: RowContext = { zone: options.zone, now: options.now, clock };
  const schema = rowSchema(ctx);
  const newId = options.newId ?? ((key: string) => `imp-${fnv1a64(key)}`);
  const errors: string[] = [];
  const records: MessageRecord[] = [];
  const seen = new Map<string, string>();
  const total = table.rows.length;
  let done = 0;
  for (const raw of table.rows) {
    yield { checked: done++, total };
    if (raw.problems.length) {
      errors.push(...raw.problems.map((p) => `${raw.where}: ${p}`));
      continue;
    }
    const input: Record<ImportField, string> = {} as Record<ImportField, string>;
    for (const field of IMPORT_FIELDS) {
      const col = mapping[field];
      input[field] = col === undefined ? '' : (raw.values[col] ?? '');
    }
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      const reasons = new Set(parsed.error.issues.map((i) => withColumn(i, mapping)));
      errors.push(...[...reasons].map((r) => `${raw.where}: ${r}`));
      continue;
    }
    const record = recordOf(parsed.data, ctx, actor, newId);
    const checked = MessageSchema.safeParse(record);
    if (!checked.success) {
      errors.push(`${raw.where}: ${checked.error.issues[0]?.message ?? 'сообщение не принято'}`);
      continue;
    }
    const twin = seen.get(record.importKey!) ?? (record.commentRef ? seen.get(record.commentRef) : undefined);
    if (twin) {
      errors.push(`${raw.where}: то же сообщение, что в ${twin.replace('строка', 'строке').replace('запись', 'записи')}`);
      continue;
    }
    seen.set(record.importKey!, raw.where);
    if (record.commentRef) seen.set(record.commentRef, raw.where);
    records.push(record);
  }
  if (errors.length > MAX_ERRORS) {
    const more = errors.length - MAX_ERRORS;
    return { ok: false, errors: [...errors.slice(0, MAX_ERRORS), `…и ещё ${more} ${more % 10 === 1 && more % 100 !== 11 ? 'ошибка' : 'ошибок'}`] };
  }
  return errors.length ? { ok: false, errors } : { ok: true, records, separator: table.separator };
}

/** A date's reason names its column: a file may have two date columns. */
function withColumn(issue: z.core.$ZodIssue, mapping: Mapping): string {
  const field = issue.path[0] as ImportField | undefined;
  if ((field === 'writtenAt' || field === 'receivedAt') && mapping[field]) return `${issue.message} (столбец «${mapping[field]}»)`;
  return issue.message;
}

/**
 * Splits imported records into those to store and those already stored. `existingKeys` holds the
 * stored messages' import keys and comment refs: a comment registered from the page and then
 * found in an export is the same message. Repeats inside `records` count as duplicates too.
 */
export function mergeImport(existingKeys: ReadonlySet<string>, records: readonly MessageRecord[]): { fresh: MessageRecord[]; duplicates: MessageRecord[] } {
  const known = new Set(existingKeys);
  const fresh: MessageRecord[] = [];
  const duplicates: MessageRecord[] = [];
  for (const r of records) {
    const keys = [r.importKey, r.commentRef].filter((k): k is string => !!k);
    if (keys.some((k) => known.has(k))) {
      duplicates.push(r);
      continue;
    }
    for (const k of keys) known.add(k);
    fresh.push(r);
  }
  return { fresh, duplicates };
}
