/**
 * False alarms the moderators marked «Не нарушение»: single comments, and words allowed everywhere.
 * Kept in browser.storage.local so that every open VK/OK tab sees a decision at once.
 */
import { browser } from 'wxt/browser';

export const ALLOWLIST_KEY = 'allowlist';

export interface Allowlist {
  comments: string[];
  words: string[];
}

export const EMPTY_ALLOWLIST: Allowlist = { comments: [], words: [] };

/** Only the background writes it; reading still drops anything that is not a list of strings. */
export function readAllowlist(raw: unknown): Allowlist {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  return { comments: strings(r.comments), words: strings(r.words) };
}

/** Words are compared in the classifier's normalised form: lower case, ё as е. */
export function normaliseWord(word: string): string {
  return word.trim().toLowerCase().replace(/ё/g, 'е');
}

export async function loadAllowlist(): Promise<Allowlist> {
  return readAllowlist((await browser.storage.local.get(ALLOWLIST_KEY))[ALLOWLIST_KEY]);
}

export async function allow(decision: { commentKey?: string; words?: string[] }): Promise<Allowlist> {
  const current = await loadAllowlist();
  const next: Allowlist = {
    comments: decision.commentKey && !current.comments.includes(decision.commentKey)
      ? [...current.comments, decision.commentKey]
      : current.comments,
    words: [...new Set([...current.words, ...(decision.words ?? []).map(normaliseWord).filter(Boolean)])],
  };
  await browser.storage.local.set({ [ALLOWLIST_KEY]: next });
  return next;
}

export function watchAllowlist(callback: (a: Allowlist) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && ALLOWLIST_KEY in changes) callback(readAllowlist(changes[ALLOWLIST_KEY]!.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** Takes a «Не нарушение» decision back: the flags return on every open tab. */
export async function forget(kind: 'comments' | 'words', value: string): Promise<Allowlist> {
  const current = await loadAllowlist();
  const next = { ...current, [kind]: current[kind].filter((v) => v !== value) };
  await browser.storage.local.set({ [ALLOWLIST_KEY]: next });
  return next;
}
