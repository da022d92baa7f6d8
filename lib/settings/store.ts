import { browser } from 'wxt/browser';
import { checkSettings, readSettings, type Checked, type Settings } from './schema';

export const SETTINGS_KEY = 'settings';

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return readSettings(stored[SETTINGS_KEY]);
}

/** Saves a validated edit; on a bad edit nothing is written and the reasons come back. */
export async function saveSettings(next: unknown): Promise<Checked<Settings>> {
  const checked = checkSettings(next);
  if (checked.ok) await browser.storage.local.set({ [SETTINGS_KEY]: checked.value });
  return checked;
}

/** Calls back with the new settings whenever any page of the extension saves them. */
export function watchSettings(callback: (s: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes) callback(readSettings(changes[SETTINGS_KEY]!.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
