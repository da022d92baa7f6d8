import { loadSettings, settingsItem } from './item';
import type { Settings } from './defaults';
import { checkSettings, type Checked } from './schema';

/** Saves a validated edit; on a bad edit nothing is written and the reasons come back. */
export async function saveSettings(next: unknown): Promise<Checked<Settings>> {
  const checked = checkSettings(next);
  if (checked.ok) await settingsItem.setValue(checked.value);
  return checked;
}

/** Applies a change to the stored settings, validated; concurrent edits of other fields survive. */
export async function updateSettings(change: (s: Settings) => Settings): Promise<Checked<Settings>> {
  return saveSettings(change(await loadSettings()));
}
