import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { putMessage } from '@/lib/db/messages';
import { openDatabase, type OtklikDB } from '@/lib/db/schema';
import { buildImport } from '@/lib/messages/import';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings/defaults';
import { reportsModel } from '@/lib/workspace/reports';
import { fixedSession, type SavedFile } from '@/lib/workspace/session';
import { createWorkClock } from '@/lib/worktime/clock';

const clock = createWorkClock();
const NOW = Date.UTC(2025, 8, 16, 8, 0);
const CSV = 'Текст;Ссылка;Получено\nЯма у школы;https://vk.com/wall-123456_1001?reply=3002;2025-09-16 12:00\n';
const MAPPING = { text: 'Текст', url: 'Ссылка', receivedAt: 'Получено' };
const as = (over: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...over });

describe('the reports model', () => {
  let db: OtklikDB;
  let files: SavedFile[];
  beforeEach(() => {
    fakeBrowser.reset();
    db = openDatabase(`areas-${Math.random()}`);
    files = [];
  });
  afterEach(() => db.delete());
  const session = (over: Partial<Settings> = {}) => fixedSession(db, as({ timeZone: 'Asia/Omsk', ...over }), clock, () => NOW, (f) => files.push(f));

  it('reports: an exchange file of a unit is made from the store and signed by the curator', async () => {
    const built = buildImport(CSV, 'csv', MAPPING, { now: NOW, actor: { role: 'curator', name: 'Анна' }, zone: 'Asia/Omsk' });
    if (!built.ok) throw new Error('import');
    await putMessage(db, built.records[0]!, clock, NOW);
    const reports = reportsModel(session({ role: 'curator', userName: 'Анна' }), () => null);
    expect(reports.origin()).toEqual({ role: 'curator', name: 'Анна' });
    await reports.exportDrafts();
    expect(files).toHaveLength(1);
    expect(files[0]!.type).toBe('application/json');
    expect(reports.labelOf('x')).toBe('x');
    expect(reportsModel(session({ role: 'executor' }), () => null).origin()).toEqual({ role: 'executor', name: 'Исполнитель', department: '' });
  });
});
