/** Reading the team's lexicon where zod is too heavy to bring (content scripts). */
import { browser } from 'wxt/browser';
import { loadManaged } from './managed';
import type { BuiltinLexicons } from '../rules/lexicon/data';

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

/**
 * The built-in word lists. They are not in the content scripts' bundle (every VK and OK page would
 * download them): the background puts them into storage.local when it starts (./builtin-lexicon.ts),
 * and the content script reads them at document_start, while the page is still downloading.
 */
export const BUILTIN_LEXICON_KEY = 'builtinLexicon';

const isBuiltin = (v: unknown): v is BuiltinLexicons =>
  typeof v === 'object' && v !== null && Array.isArray((v as BuiltinLexicons).lexicons) && Array.isArray((v as BuiltinLexicons).prefixes);

/** The stored lists; right after install, before the background has written them, waits for them. */
export async function loadBuiltinLexicons(): Promise<BuiltinLexicons> {
  const raw = (await browser.storage.local.get(BUILTIN_LEXICON_KEY))[BUILTIN_LEXICON_KEY];
  if (isBuiltin(raw)) return raw;
  return new Promise((resolve) => {
    const stop = watchBuiltinLexicons((l) => {
      stop();
      resolve(l);
    });
  });
}

/** An update brings new lists: the background rewrites them, open pages take them from here. */
export function watchBuiltinLexicons(callback: (l: BuiltinLexicons) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const next = area === 'local' ? changes[BUILTIN_LEXICON_KEY]?.newValue : undefined;
    if (isBuiltin(next)) callback(next);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
