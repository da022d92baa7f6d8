import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from '@/lib/settings/defaults';
import { defineSettingsItem, loadSettings, SETTINGS_ITEM_MIGRATIONS, watchSettings } from '@/lib/settings/item';
import { loadSettings as readInPage } from '@/lib/settings/read';
import { saveSettings } from '@/lib/settings/store';

// Exactly what the build before the storage item wrote under `settings` (no version meta beside it).
const today = {
  version: 2,
  onboarded: true,
  role: 'executor',
  userName: 'Пётр',
  department: 'Департамент транспорта',
  timeZone: 'Asia/Novosibirsk',
  moderation: { categories: { ...DEFAULT_SETTINGS.moderation.categories, spam: false }, scope: 'registry', moderatedPages: ['vk:-1'] },
};

describe('the settings storage item', () => {
  beforeEach(() => fakeBrowser.reset());

  it('item v1 → v2: the stored copy as today\'s build wrote it survives as it is', () => {
    expect(SETTINGS_ITEM_MIGRATIONS[2](today)).toEqual(today);
    // A copy of the first release (inner version 1) takes its own step on the way.
    expect(SETTINGS_ITEM_MIGRATIONS[2]({ ...today, version: 1, onboarded: undefined })).toEqual(today);
    expect(SETTINGS_ITEM_MIGRATIONS[2]('garbage')).toEqual(DEFAULT_SETTINGS);
  });

  it('an existing user\'s stored settings are read, migrated once, and marked with the item\'s version', async () => {
    await fakeBrowser.storage.local.set({ settings: today });
    const item = defineSettingsItem();
    expect(await item.getValue()).toEqual(today);
    expect(await item.getMeta()).toEqual({ v: 2 });
    expect((await fakeBrowser.storage.local.get('settings')).settings).toEqual(today);
    expect(await loadSettings()).toEqual(today);
  });

  it('a new install reads the defaults', async () => {
    expect(await defineSettingsItem().getValue()).toEqual(DEFAULT_SETTINGS);
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('a bad edit keeps the old value; a good one reaches watchers and the content script\'s reader', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, userName: 'Анна' });
    expect(await saveSettings({ ...DEFAULT_SETTINGS, timeZone: 'Asia/Nowhere' })).toEqual({ ok: false, errors: ['часовой пояс: неизвестный часовой пояс'] });
    expect((await loadSettings()).userName).toBe('Анна');
    const seen: string[] = [];
    const stop = watchSettings((s) => seen.push(s.role));
    await saveSettings({ ...DEFAULT_SETTINGS, role: 'curator' });
    await new Promise((r) => setTimeout(r, 0));
    stop();
    expect(seen).toEqual(['curator']);
    expect((await readInPage()).role).toBe('curator');
  });

  it('what the policy sets lies over the stored value', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, role: 'moderator', department: 'Свой' });
    await fakeBrowser.storage.managed.set({ role: 'curator' });
    expect((await loadSettings()).role).toBe('curator');
    expect((await loadSettings()).department).toBe('Свой');
  });
});
