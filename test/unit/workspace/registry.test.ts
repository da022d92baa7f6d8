import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openDatabase, type OtklikDB } from '@/lib/db/schema';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings/defaults';
import { registryModel } from '@/lib/workspace/registry';
import { fixedSession, type SavedFile } from '@/lib/workspace/session';
import { createWorkClock } from '@/lib/worktime/clock';
import { until } from './helpers';

const clock = createWorkClock();
const NOW = Date.UTC(2025, 8, 16, 8, 0);
const as = (over: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...over });

describe('the registry model', () => {
  let db: OtklikDB;
  let files: SavedFile[];
  beforeEach(() => {
    fakeBrowser.reset();
    db = openDatabase(`areas-${Math.random()}`);
    files = [];
  });
  afterEach(() => db.delete());
  const session = (over: Partial<Settings> = {}) => fixedSession(db, as({ timeZone: 'Asia/Omsk', ...over }), clock, () => NOW, (f) => files.push(f));

  it('registry: a new entry is in the user’s unit; a bad one is refused with reasons; the export names its format', async () => {
    const registry = registryModel(session({ role: 'executor', userName: 'Пётр', department: 'Департамент транспорта' }));
    const blank = registry.newEntry();
    expect(blank).toMatchObject({ department: 'Департамент транспорта', responsible: 'Пётр' });
    const refused = await registry.save(blank);
    expect(refused.ok).toBe(false);
    expect(await db.registry.count()).toBe(0);
    expect(await registry.save({ ...blank, url: 'https://vk.com/transport', name: 'Транспорт' })).toEqual({ ok: true });
    await until(() => registry.entries.value.value?.length === 1);
    registry.export('json');
    expect(files[0]).toMatchObject({ name: 'otklik-registry-2025-09-16.json', type: 'application/json' });
    expect(JSON.parse(files[0]!.text)).toBeTruthy();
  });
});
