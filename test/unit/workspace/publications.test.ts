import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openDatabase, type OtklikDB } from '@/lib/db/schema';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings/defaults';
import { publicationsModel } from '@/lib/workspace/publications';
import { fixedSession, type SavedFile } from '@/lib/workspace/session';
import { createWorkClock } from '@/lib/worktime/clock';

const clock = createWorkClock();
const NOW = Date.UTC(2025, 8, 16, 8, 0);
const as = (over: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...over });

describe('the publications model', () => {
  let db: OtklikDB;
  let files: SavedFile[];
  beforeEach(() => {
    fakeBrowser.reset();
    db = openDatabase(`areas-${Math.random()}`);
    files = [];
  });
  afterEach(() => db.delete());
  const session = (over: Partial<Settings> = {}) => fixedSession(db, as({ timeZone: 'Asia/Omsk', ...over }), clock, () => NOW, (f) => files.push(f));

  it('publications: the plan starts at this week, and a request is refused in Russian when it is not valid', async () => {
    const pubs = publicationsModel(session({ role: 'owner', userName: 'Ольга' }));
    expect(pubs.view.value).toBe('plan');
    expect(pubs.weekLabel.value).toMatch(/\d/);
    const before = pubs.planWeek.value;
    pubs.shiftWeek(1);
    expect(pubs.planWeek.value).not.toBe(before);
    const r = await pubs.submit({} as never);
    expect(r.ok).toBe(false);
    expect(await db.publications.count()).toBe(0);
  });
});
