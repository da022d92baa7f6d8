/**
 * A restore is one unit (issue 16): sizes are checked against the quotas before anything is
 * touched, and a failure at any step — the settings write, the tables' transaction, the quota —
 * leaves the database and the settings exactly as they were, and says so in Russian.
 */
import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { backupToText, exportBackup, finishInterruptedRestore, parseBackup, restoreBackup, type Backup, type BackupStorage } from '@/lib/backup';
import { STORAGE_QUOTA_BYTES, settingsQuotaProblem, utf8Length } from '@/lib/backup/quota';
import { openDatabase, type OtklikDB } from '@/lib/db/schema';
import { createWorkClock } from '@/lib/worktime/clock';
import { NOW, curator, record } from '../reports/dataset';
import { SETTINGS, fill, memoryStorage, registryEntry } from './fixtures';

const clock = createWorkClock();
const fresh = () => openDatabase(`unit-${Math.random()}`);

/** JSON with keys in order: the same data gives the same text, however it was written. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(value) ?? 'undefined';
}

/** Everything a user could lose, as one digest: every table, summaries included, and storage.local. */
async function digest(db: OtklikDB, storage: { data: Record<string, unknown> }): Promise<string> {
  const tables = await Promise.all([db.pages, db.posts, db.comments, db.moderation, db.registry, db.messages, db.summaries].map((t) => t.toArray()));
  return createHash('sha256').update(canonical({ tables, storage: storage.data })).digest('hex');
}

/** An allow-list of about 11 MB: passes every check of its shape. */
const hugeAllowlist = () => ({ comments: Array.from({ length: 110_000 }, (_, i) => `vk:-1_${i}`.padEnd(100, 'x')), words: [] });

type Faulty = ReturnType<typeof memoryStorage> & { failSet: number; failRemove: number; calls: string[] };

/** storage.local that fails as Chrome does when told to: «QUOTA_BYTES quota exceeded». */
function faultyStorage(initial: Record<string, unknown>): Faulty {
  const inner = memoryStorage(initial);
  const s: Faulty = {
    ...inner,
    data: inner.data,
    failSet: 0,
    failRemove: 0,
    calls: [],
    async set(items) {
      s.calls.push('set');
      if (s.failSet-- > 0) throw new Error('QUOTA_BYTES quota exceeded');
      return inner.set(items);
    },
    async remove(keys) {
      s.calls.push('remove');
      if (s.failRemove-- > 0) throw new Error('IO error: .../LOCK: File currently in use');
      return inner.remove(keys);
    },
  };
  return s;
}

describe('a «Заменить» restore is one unit', () => {
  let db: OtklikDB;
  let storage: Faulty;
  let good: Backup;

  beforeEach(async () => {
    db = fresh();
    await fill(db, clock);
    storage = faultyStorage(SETTINGS);
    // Another computer's data: a restore that went through, even in part, would show.
    const other = fresh();
    await other.registry.add(registryEntry('other'));
    good = await exportBackup(other, memoryStorage({ ...SETTINGS, allowlist: { comments: ['vk:9'], words: ['выдра'] } }), NOW);
  });

  it('refuses an 11 MB allow-list before touching anything, and names it', async () => {
    const before = await digest(db, storage);
    const r = await restoreBackup(db, storage, { ...good, settings: { ...good.settings, allowlist: hugeAllowlist() } }, 'replace', clock, NOW);
    expect(r.ok).toBe(false);
    const error = (r as { error: string }).error;
    expect(error).toMatch(/^Восстановление не выполнено, ничего не изменено: настройки из копии занимают 1\d,\d МБ, а браузер хранит настройки расширения не больше 10,0 МБ/);
    expect(error).toContain('Больше всего места занимают исключения модерации');
    expect(error).toContain('сохраните копию заново');
    expect(storage.calls).toEqual([]);
    expect(await digest(db, storage)).toBe(before);
  });

  it('counts what else storage.local holds, and the browser’s own quota', async () => {
    const before = await digest(db, storage);
    const crowded: BackupStorage = { ...storage, getBytesInUse: async (keys) => (keys === null ? 10_485_760 : 0) };
    const r = await restoreBackup(db, crowded, good, 'replace', clock, NOW);
    expect((r as { error: string }).error).toMatch(/ещё 10,0 МБ там занято другими данными Отклика/);
    const small: BackupStorage = { ...storage, QUOTA_BYTES: 200 };
    expect((await restoreBackup(db, small, good, 'replace', clock, NOW)).ok).toBe(false);
    expect(storage.calls).toEqual([]);
    expect(await digest(db, storage)).toBe(before);
  });

  it('refuses when the database has no room for the tables', async () => {
    const before = await digest(db, storage);
    const r = await restoreBackup(db, storage, good, 'replace', clock, NOW, { estimate: async () => ({ quota: 1_000_000, usage: 999_900 }) });
    expect((r as { error: string }).error).toMatch(/^Восстановление не выполнено, ничего не изменено: для таблиц копии нужно около \d+ КБ в хранилище браузера, а свободно 1 КБ\. Освободите место на диске/);
    expect(await digest(db, storage)).toBe(before);
  });

  it('a settings write the browser refuses anyway leaves the tables and the settings as they were', async () => {
    const before = await digest(db, storage);
    storage.failSet = 1;
    const r = await restoreBackup(db, storage, { ...good, settings: { allowlist: good.settings.allowlist } }, 'replace', clock, NOW);
    expect(r).toEqual({ ok: false, error: 'Восстановление не выполнено, ничего не изменено: в хранилище браузера не хватило места. Освободите место на диске и повторите' });
    // The keys removed before the failed write are back.
    expect(await digest(db, storage)).toBe(before);
  });

  it('a transaction that fails puts the settings already written back', async () => {
    const before = await digest(db, storage);
    // The tables' transaction aborts after the settings were written: the database refuses a key
    // (in a replace, two registry entries with one id; in a merge, a page whose key is no key).
    const page = { ...good.tables.pages[0], key: null } as unknown as Backup['tables']['pages'][number];
    const broken = {
      replace: { ...good, tables: { ...good.tables, registry: [registryEntry('x'), registryEntry('x')] } },
      merge: { ...good, tables: { ...good.tables, pages: [page] } },
    };
    for (const mode of ['replace', 'merge'] as const) {
      storage.calls = [];
      const r = await restoreBackup(db, storage, broken[mode], mode, clock, NOW);
      expect(r.ok).toBe(false);
      expect((r as { error: string }).error).toMatch(/^Восстановление не выполнено, ничего не изменено: /);
      expect(storage.calls).toContain('set');
      expect(await digest(db, storage)).toBe(before);
    }
  });

  it('a message the calendar cannot count is refused by name, before anything is written', async () => {
    const before = await digest(db, storage);
    const old = record('OLD19', [{ type: 'received', actor: curator, at: Date.parse('2019-05-05T10:00:00+06:00'), payload: { importance: 'normal' } }]);
    for (const mode of ['replace', 'merge'] as const) {
      const r = await restoreBackup(db, storage, { ...good, tables: { ...good.tables, messages: [old] } }, mode, clock, NOW);
      expect(r).toEqual({
        ok: false,
        error:
          'Восстановление не выполнено, ничего не изменено: сроки сообщения «OLD19» не посчитать: за 2019 год нет производственного календаря. Добавьте этот год в настройках Отклика («Производственный календарь») и повторите',
      });
    }
    expect(storage.calls).toEqual([]);
    expect(await digest(db, storage)).toBe(before);
  });

  it('says so when even putting the settings back fails, and that the tables are untouched', async () => {
    const tablesBefore = JSON.stringify(await db.registry.toArray());
    storage.failSet = 2;
    const r = await restoreBackup(db, storage, good, 'replace', clock, NOW);
    expect((r as { error: string }).error).toMatch(/^Восстановление не выполнено: в хранилище браузера не хватило места.*Вернуть прежние настройки не удалось .*проверьте их на странице настроек Отклика\. Таблицы не изменены\.$/);
    expect(JSON.stringify(await db.registry.toArray())).toBe(tablesBefore);
  });

  it('never throws: a storage that cannot even be read is an answer too', async () => {
    const before = await digest(db, storage);
    const broken: BackupStorage = { ...storage, get: async () => Promise.reject(new TypeError('Cannot read properties of undefined')) };
    const r = await restoreBackup(db, broken, good, 'replace', clock, NOW);
    expect(r.ok).toBe(false);
    expect((r as { error: string }).error).toMatch(/^Восстановление не выполнено, ничего не изменено: браузер не записал данные/);
    expect(await digest(db, storage)).toBe(before);
  });

  it('a page closed after the settings were written and before the tables landed: the next start puts the settings back', async () => {
    const before = await digest(db, storage);
    // The settings go in, then the page is gone: the write never returns, the tables never start.
    const closing: BackupStorage = { ...storage, set: async (items) => (await storage.set(items), new Promise<void>(() => undefined)) };
    void restoreBackup(db, closing, good, 'replace', clock, NOW);
    await new Promise((r) => setTimeout(r, 50));
    expect(storage.data.allowlist).toEqual({ comments: ['vk:9'], words: ['выдра'] });
    expect(await db.journal.count()).toBe(1);
    // The next start of the options page (or the background), on a fresh connection.
    const again = openDatabase(db.name);
    const told = await finishInterruptedRestore(again, storage);
    expect(told).toMatch(/^Восстановление из резервной копии было прервано .*Прежние настройки возвращены, данные не изменены/);
    expect(await digest(again, storage)).toBe(before);
    expect(await again.journal.count()).toBe(0);
    expect(await finishInterruptedRestore(again, storage)).toBeNull();
    again.close();
  });

  it('a restore that landed leaves no journal, and the next start changes nothing', async () => {
    for (const mode of ['replace', 'merge'] as const) {
      const r = await restoreBackup(db, storage, good, mode, clock, NOW, { estimate: async () => ({ quota: 1e9, usage: 0 }) });
      expect(r.ok).toBe(true);
      expect(await db.journal.count()).toBe(0);
      const after = await digest(db, storage);
      expect(await finishInterruptedRestore(db, storage)).toBeNull();
      expect(await digest(db, storage)).toBe(after);
    }
  });

  it('a restore that fits still lands whole', async () => {
    const r = await restoreBackup(db, storage, good, 'replace', clock, NOW, { estimate: async () => ({ quota: 1e9, usage: 0 }) });
    expect(r.ok).toBe(true);
    expect((await db.registry.toArray()).map((e) => e.id)).toEqual(['other']);
    expect(storage.data.allowlist).toEqual({ comments: ['vk:9'], words: ['выдра'] });
  });
});

describe('the size check', () => {
  it('counts bytes as UTF-8, as the browser does', () => {
    expect(utf8Length('abc')).toBe(3);
    expect(utf8Length('ёж')).toBe(4);
    expect(utf8Length('😀')).toBe(4);
    expect(settingsQuotaProblem({ allowlist: { comments: [], words: ['ж'.repeat(STORAGE_QUOTA_BYTES / 2)] } })).toMatch(/^настройки из копии занимают 10,0 МБ/);
    expect(settingsQuotaProblem({ allowlist: { comments: [], words: ['бобр'] } })).toBeNull();
  });

  it('a file whose settings no browser could hold is refused when it is chosen', async () => {
    const file = await exportBackup(fresh(), memoryStorage({ ...SETTINGS, allowlist: hugeAllowlist() }), NOW);
    const parsed = parseBackup(backupToText(file));
    expect(parsed.ok).toBe(false);
    expect((parsed as { error: string }).error).toMatch(/^Файл не принят, ничего не изменено:\nНастройки из копии занимают .* исключения модерации/);
  });
});
