/**
 * Reading settings in content scripts, where neither zod nor the storage library is brought: the
 * same `settings` value the storage item in ./item.ts keeps (its shape is unchanged by the item's
 * versions), merged over the defaults. The extension's pages and the background use ./item.ts.
 */
import { browser } from 'wxt/browser';
import { mergeSettings, type Settings } from './defaults';
import { loadManaged, overManaged, type Managed } from './managed';

export const SETTINGS_KEY = 'settings';

/** The user's settings with what the organisation set by policy over them. */
export async function loadSettings(): Promise<Settings> {
  const [stored, managed] = await Promise.all([browser.storage.local.get(SETTINGS_KEY), loadManaged()]);
  return overManaged(mergeSettings(stored[SETTINGS_KEY]), managed);
}

/** Calls back with the new settings whenever any page of the extension saves them, or the policy changes. */
export function watchSettings(callback: (s: Settings) => void): () => void {
  let managed: Promise<Managed> = loadManaged();
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'managed') {
      managed = loadManaged();
      void loadSettings().then(callback);
    } else if (area === 'local' && SETTINGS_KEY in changes) {
      const own = mergeSettings(changes[SETTINGS_KEY]!.newValue);
      void managed.then((m) => callback(overManaged(own, m)));
    }
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
