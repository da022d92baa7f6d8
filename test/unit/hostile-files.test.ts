/**
 * Every door through which a file enters Otklik gets the same hostile files: each is refused with a
 * reason in Russian, nothing throws, and the database and the settings are byte-for-byte what they
 * were (a digest before and after). Each door runs as the extension runs it, writes included: a file
 * that slipped through would change the digest. A new importer joins DOORS; a new trick joins HOSTILE.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { backupToText, exportBackup, parseBackup, restoreBackup, type Backup, type BackupStorage } from '@/lib/backup';
import { importMessages } from '@/lib/db/messages';
import { importRegistryFile } from '@/lib/db/registry';
import { openDatabase, type OtklikDB } from '@/lib/db/schema';
import { exchangeToText, exportForDepartment, importExchange } from '@/lib/exchange';
import { buildImport, inspectImport, suggestMapping } from '@/lib/messages/import';
import { importReplyTemplates } from '@/lib/replies/store';
import { parseStaffFile, StaffError } from '@/lib/server/staff';
import { lexiconFromFile, saveLexicon } from '@/lib/settings/lexicon';
import { addCalendarYear } from '@/lib/settings/worktime';
import { decodeTextFile } from '@/lib/text-file';
import { createWorkClock } from '@/lib/worktime/clock';
import { SETTINGS, fill, memoryStorage, moderationEntry, registryEntry } from './backup/fixtures';
import { cp1251 } from './cp1251';
import { dip } from './publications/helpers';
import { CITY, NOW, curator, record } from './reports/dataset';

type Verdict = { ok: boolean; errors: string[] };
const said = (r: { ok: boolean | string; errors?: string[]; error?: string }): Verdict => ({ ok: r.ok === true, errors: r.errors ?? (r.error ? [r.error] : []) });

const clock = createWorkClock();
const omsk = (s: string) => Date.parse(`${s}+06:00`);

function utf16(text: string, endian: 'le' | 'be'): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + i * 2] = endian === 'le' ? c & 0xff : c >> 8;
    out[3 + i * 2] = endian === 'le' ? c >> 8 : c & 0xff;
  }
  return out;
}

/** A backup as Otklik writes it, with one thing spoilt. */
let validBackup: Backup;
const spoilt = (f: (b: Backup) => void) => () => {
  const b = structuredClone(validBackup);
  f(b);
  return backupToText(b);
};

/** An exchange file as the curator sends it, with one thing spoilt (the history fingerprint stays right). */
const exchange = (f: (file: ReturnType<typeof exportForDepartment>) => void) => () => {
  const file = exportForDepartment(structuredClone(validBackup.tables.messages), CITY, { origin: { name: 'Иванова А. С.', role: 'curator' }, now: NOW });
  f(file);
  return exchangeToText(file);
};

const REGISTRY_HEADER = 'Идентификатор;Сайт;Адрес;Название;Тип;Подразделение;Ответственный';

/** The files: what a careless user picks and what a hostile one crafts. A function builds a big or derived one. */
const HOSTILE: Record<string, string | Uint8Array | (() => string)> = {
  'an empty file': '',
  'only spaces and line breaks': ' \r\n\t\n ',
  'only a byte-order mark': '\ufeff',
  'an Excel workbook (binary)': new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00]),
  'a NUL in the middle': 'Текст;Ссылка\n\u0000\u0000;https://vk.com/wall-1_1',
  'JSON cut short': '{"kind":"otklik-backup","version":1,"tables":{',
  'JSON of nothing': 'null',
  'a JSON number': '42',
  'a JSON string': '"<script>alert(1)</script>"',
  'a JSON array of junk': '[1, "два", null, {"__proto__": {"polluted": true}}]',
  'a prototype-polluting object': '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}',
  'another program’s JSON': '{"kind":"something-else","version":7,"items":[]}',
  'a CSV with an unclosed quote': 'Текст;Ссылка;Получено\n"Когда уберут снег?;https://vk.com/wall-1_1;2025-09-16 11:00\n',
  'a CSV of formulas and markup only': '=HYPERLINK("http://evil");+1;-1;@SUM(A1)\n<img src=x onerror=alert(1)>;javascript:alert(1);\t=1\n',
  'HTML saved as .csv': '<!doctype html><html><body><table><tr><td>Текст</td></tr></table></body></html>',
  // Wrong encodings: what Windows and Excel save, with a hostile payload inside.
  'Windows-1251: a formula with a javascript: link': cp1251('Текст;Ссылка\r\n=HYPERLINK("http://evil","Жми");javascript:alert(1)\r\n'),
  'UTF-16LE: a backup cut short': utf16('{"kind":"otklik-backup","version":1,"tables":{"pages":[', 'le'),
  'UTF-16BE: a CSV of a script link': utf16('Текст;Ссылка\r\nПривет;javascript:alert(1)\r\n', 'be'),
  // Wrong versions and shapes.
  'a backup from a newer version': '{"kind":"otklik-backup","version":99,"exportedAt":"2025-01-01T00:00:00Z","tables":{},"settings":{}}',
  'an exchange file from a newer version': '{"kind":"otklik-exchange","version":99,"messages":[]}',
  'a lexicon of another version with a script': '{"kind":"otklik-lexicon","version":2,"words":{"insult":["<script>alert(1)</script>"]}}',
  'saved replies of another version': '{"kind":"otklik-reply-templates","version":99,"templates":[{"id":"=1+1","text":"<img src=x onerror=alert(1)>"}]}',
  'a backup whose tables are a string': '{"kind":"otklik-backup","version":1,"exportedAt":"2025-01-01T00:00:00Z","tables":"всё","settings":{}}',
  // Addresses that would run as links.
  'a backup with a javascript: page address': spoilt((b) => (b.tables.pages[0]!.url = 'javascript:alert(1)')),
  'a backup with a javascript: message link': spoilt((b) => (b.tables.messages[0]!.source.permalink = 'javascript:alert(document.cookie)')),
  'a backup with a javascript: link in a publication request': spoilt((b) =>
    b.tables.publications![0]!.events.push({ id: 'ev-js', type: 'published', actor: dip, at: NOW, payload: { url: 'javascript:alert(1)', postedAt: NOW } }),
  ),
  'an exchange file with a javascript: message link': exchange((f) => (f.messages[0]!.record.url = 'javascript:alert(1)')),
  'a registry CSV with a javascript: address': `${REGISTRY_HEADER}\r\nr1;ВКонтакте;javascript:alert(1);=HYPERLINK("x");администрация;;Иванова\r\n`,
  'a messages JSON with a javascript: link': '[{"Ссылка":"javascript:alert(1)","Текст":"<script>alert(1)</script>"}]',
  // Duplicates.
  'a backup with one id twice': spoilt((b) => b.tables.registry.push(structuredClone(b.tables.registry[0]!))),
  'a registry CSV with one id twice': `${REGISTRY_HEADER}\r\nr1;ВКонтакте;https://vk.com/club1;Раз;администрация;;Иванова\r\nr1;ВКонтакте;https://vk.com/club2;Два;администрация;;Петрова\r\n`,
  'a messages CSV with one comment twice': 'Ссылка;Текст\r\nhttps://vk.com/wall-1_2?reply=3;Первое\r\nhttps://vk.com/wall-1_2?reply=3;Второе\r\n',
  // Publication requests and the pages' decisions (issue #19).
  'a backup with a publication request approved before it was sent': spoilt((b) =>
    b.tables.publications![1]!.events.unshift({ id: 'ev-early', type: 'approved', actor: dip, at: NOW - 9e6, payload: { plannedAt: NOW } }),
  ),
  'a backup with a page approval dated in words': spoilt((b) => (b.tables.pageFounding![0]!.approval = { date: '3 апреля', number: 'ДИП-7' })),
  // Huge fields.
  'a backup with an 11 MB allow-list': spoilt((b) => (b.settings.allowlist = { comments: Array.from({ length: 110_000 }, (_, i) => `vk:-1_${i}`.padEnd(100, 'x')), words: [] })),
  // Dates the production calendar cannot count.
  'a messages CSV received before the calendar': 'Ссылка;Текст;Получено\r\nhttps://vk.com/wall-1_2?reply=3;Яма у дома;05.05.2019 10:00\r\n',
  'a messages CSV received thirty days ahead': 'Ссылка;Текст;Получено\r\nhttps://vk.com/wall-1_2?reply=3;Яма у дома;16.06.2025 10:00\r\n',
  'a backup with a message received before the calendar': spoilt((b) =>
    b.tables.messages.push(record('OLD19', [{ type: 'received', actor: curator, at: omsk('2019-05-05T10:00:00'), payload: { importance: 'normal' } }])),
  ),
  'a calendar year outside the range': '{"year":1900,"holidays":[],"nonWorking":[],"workingWeekends":[],"shortened":[]}',
};

/** For some files, where the reason must point: the row or record at fault. */
const PLACE: Record<string, Record<string, RegExp>> = {
  'messages import (CSV)': {
    'a messages CSV received before the calendar': /^строка 2: за 2019 год нет производственного календаря.*добавьте этот год в настройках Отклика.*\(столбец «Получено»\)$/,
    'a messages CSV received thirty days ahead': /^строка 2: время получения ещё не наступило: укажите время не позже текущего \(столбец «Получено»\)$/,
    'a messages CSV with one comment twice': /^строка 3: то же сообщение, что в строке 2$/,
    'Windows-1251: a formula with a javascript: link': /^строка 2: ссылка не на vk\.com\/vk\.ru\/ok\.ru: «javascript:alert\(1\)»$/,
  },
  'messages import (JSON)': { 'a messages JSON with a javascript: link': /^запись 1: ссылка не на vk\.com/ },
  'backup restore': {
    'a backup with a javascript: page address': /Таблица «страницы», запись 1 \(«[^»]+»\): адрес «javascript:alert\(1\)» должен начинаться с https:\/\/ \(поле url\)/,
    'a backup with a javascript: message link': /Таблица «сообщения», запись 1 \(«A1»\): ссылка «javascript:alert\(document\.cookie\)» не принята.* \(поле source\.permalink\)/,
    'a backup with a javascript: link in a publication request': /Таблица «заявки на публикацию», запись 1 \(«req-1»\): ссылка «javascript:alert\(1\)» не принята.* \(поле events\.4\.payload\.url\)/,
    'a backup with a publication request approved before it was sent': /Заявка на публикацию «req-2»: история не воспроизводится — событие 1 \(approved\)/,
    'a backup with a page approval dated in words': /Таблица «решения о создании страниц», запись 1 \(«r2»\): дата в виде гггг-мм-дд \(поле approval\.date\)/,
    'a backup with one id twice': /Таблица «реестр страниц»: идентификатор «r1» повторяется \(записи 1 и 4\)/,
    'a backup with an 11 MB allow-list': /Больше всего места занимают исключения модерации/,
    'a backup with a message received before the calendar': /сроки сообщения «OLD19» не посчитать: за 2019 год нет производственного календаря/,
  },
  'exchange file': { 'an exchange file with a javascript: message link': /ссылка «javascript:alert\(1\)» не принята.*\(поле messages\.0\.record\.url\)/ },
};

const ME = { name: 'Иванова А. С.', role: 'curator' as const };

/** The doors, as the extension runs them (the writes included). Each returns the verdict in its own shape; `said` reads it. */
const DOORS: Record<string, (file: { text: string; bytes: Uint8Array }, db: OtklikDB) => Verdict | Promise<Verdict>> = {
  'messages import (CSV)': ({ text }, db) => importMessagesDoor(db, text, 'csv'),
  'messages import (JSON)': ({ text }, db) => importMessagesDoor(db, text, 'json'),
  'registry import (CSV)': async ({ text }, db) => said(await importRegistryFile(db, text, 'csv', { mode: 'merge' })),
  'registry import (JSON)': async ({ text }, db) => said(await importRegistryFile(db, text, 'json', { mode: 'merge' })),
  'backup restore': async ({ text }, db) => {
    const parsed = parseBackup(text);
    if (!parsed.ok) return said(parsed);
    return said(await restoreBackup(db, fakeBrowser.storage.local as unknown as BackupStorage, parsed.backup, 'replace', clock, NOW));
  },
  'exchange file': async ({ text }, db) => said(await importExchange(db, text, ME, clock, NOW)),
  'team words (lexicon) import': async ({ text }) => {
    const parsed = lexiconFromFile(text);
    return said(parsed.ok ? await saveLexicon(parsed.input) : parsed);
  },
  'saved replies import': async ({ text }) => said(await importReplyTemplates(text)),
  'production calendar year': async ({ text }) => said(await addCalendarYear(text)),
  'staff list (team server)': ({ bytes }) => {
    try {
      parseStaffFile(bytes);
      return { ok: true, errors: [] };
    } catch (e) {
      if (e instanceof StaffError) return { ok: false, errors: e.problems };
      throw e;
    }
  },
};

/** The messages import as the dialog runs it: inspect, the suggested columns, build, store. */
async function importMessagesDoor(db: OtklikDB, text: string, format: 'csv' | 'json'): Promise<Verdict> {
  const inspected = inspectImport(text, format);
  if (!inspected.ok) return said(inspected);
  const built = buildImport(text, format, suggestMapping(inspected.columns), { now: NOW, actor: { role: 'curator', name: 'Анна' }, zone: 'Asia/Omsk', clock });
  if (!built.ok) return said(built);
  const stored = await importMessages(db, built.records, clock, NOW);
  return stored.error ? { ok: false, errors: [stored.error] } : { ok: stored.added === 0, errors: stored.added === 0 ? ['все сообщения уже есть'] : [] };
}

/** JSON with keys in order: the same data gives the same text, however it was written. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(value) ?? 'undefined';
}

/** The database (every table) and storage.local as one digest. */
async function digest(db: OtklikDB): Promise<string> {
  const tables = await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()] as const));
  const storage = await fakeBrowser.storage.local.get(null);
  return createHash('sha256').update(canonical({ tables, storage })).digest('hex');
}

describe('hostile files at every door', () => {
  let db: OtklikDB;
  const built: Record<string, string> = {};

  beforeAll(async () => {
    // The user's own work, which no file may touch: a restore that went through would replace it.
    db = openDatabase(`hostile-${Math.random()}`);
    await fill(db, clock);
    await db.registry.add(registryEntry('r9'));
    await db.moderation.add(moderationEntry(9));
    validBackup = await exportBackup(db, memoryStorage(SETTINGS), NOW);
  });
  afterAll(() => db.delete());

  for (const [door, open] of Object.entries(DOORS)) {
    for (const [what, content] of Object.entries(HOSTILE)) {
      it(`${door} refuses ${what} in Russian, changing nothing`, async () => {
        fakeBrowser.reset();
        await fakeBrowser.storage.local.set(structuredClone(SETTINGS));
        const made = typeof content === 'function' ? (built[what] ??= content()) : content;
        const bytes = typeof made === 'string' ? new TextEncoder().encode(made) : made;
        const text = typeof made === 'string' ? made : decodeTextFile(made).text;
        const before = await digest(db);
        let verdict: Verdict | undefined;
        await expect((async () => (verdict = await open({ text, bytes }, db)))()).resolves.toBeDefined();
        expect(verdict!.ok, `${door}: ${what}`).toBe(false);
        expect(verdict!.errors.length).toBeGreaterThan(0);
        for (const e of verdict!.errors) expect(e).toMatch(/[а-яё]/i);
        const place = PLACE[door]?.[what];
        if (place) expect(verdict!.errors.some((e) => place.test(e)), `${door}: ${what}: ${verdict!.errors.join(' | ')}`).toBe(true);
        expect(await digest(db), `${door}: ${what}: the database or the settings changed`).toBe(before);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        // An 11 MB file takes its time through a CSV reader: the verdict matters, not the speed.
      }, 60_000);
    }
  }

  it('the corpus is what the README counts: files and doors', () => {
    expect(Object.keys(HOSTILE)).toHaveLength(39);
    expect(Object.keys(DOORS)).toHaveLength(10);
  });
});
