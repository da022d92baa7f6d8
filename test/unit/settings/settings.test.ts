import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from '@/lib/settings/defaults';
import { readSettings, settingsSchema } from '@/lib/settings/schema';
import { loadSettings, watchSettings } from '@/lib/settings/read';
import { saveSettings } from '@/lib/settings/store';

describe('settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('starts from the defaults: Omsk time, every category on, every page', async () => {
    const s = await loadSettings();
    expect(s).toEqual(DEFAULT_SETTINGS);
    expect(s.timeZone).toBe('Asia/Omsk');
    expect(Object.values(s.moderation.categories).every(Boolean)).toBe(true);
  });

  it('keeps the old value on a bad edit and says why in Russian', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, userName: 'Анна' });
    const result = await saveSettings({ ...DEFAULT_SETTINGS, userName: 'Анна', timeZone: 'Asia/Nowhere' });
    expect(result).toEqual({ ok: false, errors: ['часовой пояс: неизвестный часовой пояс'] });
    expect((await loadSettings()).timeZone).toBe('Asia/Omsk');
    expect((await loadSettings()).userName).toBe('Анна');
  });

  it('fills what an older stored copy lacks and ignores garbage', () => {
    expect(readSettings({ version: 1, role: 'curator', moderation: { categories: { spam: false } } })).toMatchObject({
      role: 'curator',
      timeZone: 'Asia/Omsk',
      moderation: { scope: 'everywhere', categories: { spam: false, obscenity: true } },
    });
    expect(readSettings('garbage')).toEqual(DEFAULT_SETTINGS);
    expect(readSettings({ role: 'admin' })).toEqual(DEFAULT_SETTINGS);
  });

  it('tells watchers about a saved edit', async () => {
    const seen: string[] = [];
    const stop = watchSettings((s) => seen.push(s.role));
    await saveSettings({ ...DEFAULT_SETTINGS, role: 'executor' });
    stop();
    expect(seen).toEqual(['executor']);
  });

  it('a new install has not done the first-run step', async () => {
    expect((await loadSettings()).onboarded).toBe(false);
    expect(readSettings(undefined).onboarded).toBe(false);
  });

  it('saving keeps the step done', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, role: 'curator', onboarded: true });
    expect(await loadSettings()).toMatchObject({ role: 'curator', onboarded: true, version: 2 });
  });
});

describe('settings migrations', () => {
  beforeEach(() => fakeBrowser.reset());

  // Exactly what version 1 stored: a user who has worked with the extension already.
  const v1 = {
    version: 1,
    role: 'executor',
    userName: 'Пётр',
    department: 'Департамент транспорта',
    timeZone: 'Asia/Novosibirsk',
    moderation: { categories: { ...DEFAULT_SETTINGS.moderation.categories, spam: false }, scope: 'registry', moderatedPages: ['vk:-1'] },
  };

  it('1 → 2: keeps everything the user set and marks the first-run step done', () => {
    expect(readSettings(v1)).toEqual({ ...v1, version: 2, onboarded: true });
  });

  it('content scripts read a version 1 copy the same way (no zod there)', async () => {
    await fakeBrowser.storage.local.set({ settings: v1 });
    expect(await loadSettings()).toEqual({ ...v1, version: 2, onboarded: true });
  });

  it('a backup made with version 1 settings still passes the schema', () => {
    const parsed = settingsSchema.safeParse(v1);
    expect(parsed.success && parsed.data).toEqual({ ...v1, version: 2, onboarded: true });
  });

  it('a version 2 copy is not migrated: a first run left unfinished stays unfinished', () => {
    expect(readSettings({ ...v1, version: 2, onboarded: false }).onboarded).toBe(false);
  });
});
