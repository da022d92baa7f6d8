/** A registry entry started on a page and finished in the side panel (storage.local carries it across). */
import { browser } from 'wxt/browser';
import type { RegistryEntryInput } from './entry';

export const DRAFT_KEY = 'registryDraft';

export async function putDraft(draft: RegistryEntryInput): Promise<void> {
  await browser.storage.local.set({ [DRAFT_KEY]: draft });
}

export async function takeDraft(): Promise<RegistryEntryInput | null> {
  const draft = (await browser.storage.local.get(DRAFT_KEY))[DRAFT_KEY] as RegistryEntryInput | undefined;
  if (draft) await browser.storage.local.remove(DRAFT_KEY);
  return draft ?? null;
}

export function watchDraft(callback: () => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && DRAFT_KEY in changes && changes[DRAFT_KEY]!.newValue) callback();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
