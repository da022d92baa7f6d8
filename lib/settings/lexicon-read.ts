/** Reading the team's lexicon where zod is too heavy to bring (content scripts). */
import { browser } from 'wxt/browser';

export const LEXICON_KEY = 'lexicon';

export type LexiconSource = { words: Partial<Record<string, string[]>>; allow: string[]; allowDomains: string[] };

export const EMPTY_LEXICON: LexiconSource = { words: {}, allow: [], allowDomains: [] };

export async function loadLexiconSource(): Promise<LexiconSource> {
  const raw = (await browser.storage.local.get(LEXICON_KEY))[LEXICON_KEY] as LexiconSource | undefined;
  return raw ?? EMPTY_LEXICON;
}

export function watchLexicon(callback: (s: LexiconSource) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && LEXICON_KEY in changes) callback((changes[LEXICON_KEY]!.newValue as LexiconSource) ?? EMPTY_LEXICON);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
