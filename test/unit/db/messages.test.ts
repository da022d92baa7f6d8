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
});
