/** Reading settings where zod is too heavy to bring (content scripts). */
import { browser } from 'wxt/browser';
import { mergeSettings, type Settings } from './defaults';

export const SETTINGS_KEY = 'settings';

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return mergeSettings(stored[SETTINGS_KEY]);
}

/** Calls back with the new settings whenever any page of the extension saves them. */
export function watchSettings(callback: (s: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes) callback(mergeSettings(changes[SETTINGS_KEY]!.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
