import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from '@/lib/settings/defaults';
import { readSettings } from '@/lib/settings/schema';
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
});
