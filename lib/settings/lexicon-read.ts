/** Reading the team's lexicon where zod is too heavy to bring (content scripts). */
import { browser } from 'wxt/browser';
import { loadManaged } from './managed';

export const LEXICON_KEY = 'lexicon';

export type LexiconSource = { words: Partial<Record<string, string[]>>; allow: string[]; allowDomains: string[] };

export const EMPTY_LEXICON: LexiconSource = { words: {}, allow: [], allowDomains: [] };

/**
 * The lexicon in force: the stored lists, and the organisation's official domains among the allowed
 * sites. `own`: the stored lists alone, as the options page edits them.
 */
export async function loadLexiconSource(own = false): Promise<LexiconSource> {
  const [stored, managed] = await Promise.all([browser.storage.local.get(LEXICON_KEY), own ? null : loadManaged()]);
  const source = (stored[LEXICON_KEY] as LexiconSource | undefined) ?? EMPTY_LEXICON;
  const official = managed?.officialDomains ?? [];
  return official.length ? { ...source, allowDomains: [...new Set([...source.allowDomains, ...official])] } : source;
}

export function watchLexicon(callback: (s: LexiconSource) => void, own = false): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if ((area === 'local' && LEXICON_KEY in changes) || (area === 'managed' && !own)) void loadLexiconSource(own).then(callback);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
