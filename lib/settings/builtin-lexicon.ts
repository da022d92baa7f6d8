/** The background's side of lexicon-read.ts: the built-in word lists into storage for the content scripts. */
import { browser } from 'wxt/browser';
import { BUILTIN } from '../rules/lexicon/data';
import { BUILTIN_LEXICON_KEY } from './lexicon-read';

/**
 * Called each time the background starts (install, update, browser start): writes the lists when
 * they differ from the stored ones, so open pages are not told about a change that did not happen.
 */
export async function publishBuiltinLexicons(lists = BUILTIN): Promise<boolean> {
  const stored = (await browser.storage.local.get(BUILTIN_LEXICON_KEY))[BUILTIN_LEXICON_KEY];
  if (JSON.stringify(stored) === JSON.stringify(lists)) return false;
  await browser.storage.local.set({ [BUILTIN_LEXICON_KEY]: lists });
  return true;
}
