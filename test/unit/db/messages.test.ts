import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importMessages, listSummaries, putMessage } from '@/lib/db/messages';
import { openDatabase, type OtklikDB } from '@/lib/db/schema';
import { buildImport } from '@/lib/messages/import';
import { createWorkClock } from '@/lib/worktime/clock';

const clock = createWorkClock();
const NOW = Date.UTC(2025, 8, 16, 8, 0);
const CSV = 'Текст;Ссылка;Получено\nКогда уберут снег во дворе?;https://vk.com/wall-123456_1001?reply=3001;2025-09-16 11:00\nЯма на дороге у школы;https://vk.com/wall-123456_1001?reply=3002;2025-09-16 12:00\n';

function build(csv = CSV) {
  const built = buildImport(csv, 'csv', { text: 'Текст', url: 'Ссылка', receivedAt: 'Получено' }, { now: NOW, actor: { role: 'curator', name: 'Анна' }, zone: 'Asia/Omsk' });
  if (!built.ok) throw new Error(built.errors.join('; '));
  return built.records;
}

describe('importing messages into the database', () => {
  let db: OtklikDB;
  beforeEach(() => {
    db = openDatabase(`imp-${Math.random()}`);
  });
  afterEach(() => db.delete());

  it('adds the rows with their queue rows, and the same file again adds nothing', async () => {
    expect(await importMessages(db, build(), clock, NOW)).toEqual({ added: 2, duplicates: 0 });
    expect(await importMessages(db, build(), clock, NOW)).toEqual({ added: 0, duplicates: 2 });
    expect((await listSummaries(db)).map((s) => s.status)).toEqual(['received', 'received']);
  });

  it('does not import a comment already registered from the page', async () => {
    const [first] = build();
    await putMessage(db, { ...first!, id: 'from-page', importKey: null }, clock, NOW);
    expect(await importMessages(db, build(), clock, NOW)).toEqual({ added: 1, duplicates: 1 });
    expect(await db.messages.count()).toBe(2);
  });

  /** Rows with distinct links, so each is a message of its own. */
  function rows(n: number, from = 1): string {
    return Array.from({ length: n }, (_, i) => `Вопрос ${from + i};https://vk.com/wall-123456_1001?reply=${4000 + from + i};2025-09-16 11:00\n`).join('');
  }

  it('writes in chunks, reporting each, and skips duplicates within the file, across chunks and already stored', async () => {
    const [stored] = build(`Текст;Ссылка;Получено\n${rows(1, 3)}`);
    await putMessage(db, stored!, clock, NOW);
    // Record 5 repeats record 1, in a later chunk of two (buildImport refuses such a file; importMessages must not rely on it); record 3 is already stored.
    const head = 'Текст;Ссылка;Получено\n';
    const file = [...build(head + rows(4)), ...build(head + rows(1)), ...build(head + rows(1, 6))];
    const progress: [number, number, number][] = [];
    const result = await importMessages(db, file, clock, NOW, { chunkSize: 2, onProgress: (...p) => progress.push(p) });
    expect(result).toEqual({ added: 4, duplicates: 2 });
    expect(progress).toEqual([
      [0, 6, 0],
      [2, 6, 0],
      [3, 6, 1],
      [4, 6, 2],
    ]);
    expect(await db.messages.count()).toBe(5);
    expect(await db.summaries.count()).toBe(5);
  });

  it('keeps the chunks written before a failing one, and the same file again adds only the rest', async () => {
    const file = build(`Текст;Ссылка;Получено\n${rows(5)}`);
    // A record under the third row's id but another identity: adding the third row breaks its chunk.
    await putMessage(db, { ...file[2]!, importKey: 'src:другой', commentRef: 'vk:другой' }, clock, NOW);
    const result = await importMessages(db, file, clock, NOW, { chunkSize: 2 });
    expect(result.added).toBe(2);
    expect(result.duplicates).toBe(0);
    expect(result.error).toMatch(/^ошибка базы данных: /);
    // The failing chunk is rolled back whole; the one after it was not tried.
    expect(await db.messages.count()).toBe(3);
    expect(await db.summaries.count()).toBe(3);

    await db.messages.delete(file[2]!.id);
    await db.summaries.delete(file[2]!.id);
    expect(await importMessages(db, file, clock, NOW, { chunkSize: 2 })).toEqual({ added: 3, duplicates: 2 });
    expect(await db.messages.count()).toBe(5);
  });
});
