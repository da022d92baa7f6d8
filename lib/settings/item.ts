/**
 * The user's settings as a WXT storage item (`local:settings`), for the extension's own pages and
 * the background. Item version 1 is whatever builds before this one wrote under `settings` (no
 * version meta; its own `version` field 1 or 2); migration 2 brings that value to today's shape and
 * WXT records the item's version beside it. The value keeps its shape and key, so content scripts
 * still read it with the tiny reader in ./read.ts, which brings no storage library into VK pages.
 * What the organisation set by policy (./managed.ts) lies over the stored value when read.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, mergeSettings, type Settings } from './defaults';
import { loadManaged, overManaged, type Managed } from './managed';

/** Migrations of the item, by the version each one produces; each has its test (settings-item.test.ts). */
export const SETTINGS_ITEM_MIGRATIONS = {
  /** Today's stored copy, of either inner version, brought to the current shape field by field. */
  2: (stored: unknown): Settings => mergeSettings(stored),
};

/** The item; defining it starts the migration of what is stored (a test defines it anew after seeding). */
export const defineSettingsItem = () =>
  storage.defineItem<Settings>('local:settings', {
    fallback: DEFAULT_SETTINGS,
    version: 2,
    migrations: SETTINGS_ITEM_MIGRATIONS,
  });

export const settingsItem = defineSettingsItem();

/** The user's settings with what the organisation set by policy over them. */
export async function loadSettings(): Promise<Settings> {
  const [stored, managed] = await Promise.all([settingsItem.getValue(), loadManaged()]);
  return overManaged(mergeSettings(stored), managed);
}

/** Calls back with the new settings whenever any page of the extension saves them, or the policy changes. */
export function watchSettings(callback: (s: Settings) => void): () => void {
  let managed: Promise<Managed> = loadManaged();
  const stopOwn = settingsItem.watch((value) => {
    const own = mergeSettings(value);
    void managed.then((m) => callback(overManaged(own, m)));
  });
  const onPolicy = (_: unknown, area: string) => {
    if (area !== 'managed') return;
    managed = loadManaged();
    void loadSettings().then(callback);
  };
  browser.storage.onChanged.addListener(onPolicy);
  return () => {
    stopOwn();
    browser.storage.onChanged.removeListener(onPolicy);
  };
}
