/**
 * False alarms the moderators marked «Не нарушение»: single comments, and words allowed everywhere.
 * Kept in browser.storage.local so that every open VK/OK tab sees a decision at once.
 */
import { browser } from 'wxt/browser';
import { fold } from '../text';

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
  return fold(word.trim());
}

export async function loadAllowlist(): Promise<Allowlist> {
  return readAllowlist((await browser.storage.local.get(ALLOWLIST_KEY))[ALLOWLIST_KEY]);
}

/** Kept with the change in one write: the team server gets it when it can (lib/sync/team). */
export const TEAM_OUTBOX_KEY = 'teamOutbox';

type AllowOp = { v: 1; id: string; kind: 'allow'; op: 'add' | 'remove'; list: 'words' | 'comments'; value: string; at: number };

/**
 * Writes `values` and queues `ops` for the team server in the same storage write. `replaces`: a
 * kind whose earlier queued op the new one makes moot (the whole lexicon is sent, not its edits).
 */
export async function writeWithTeamOps(values: Record<string, unknown>, ops: readonly { kind: string }[], replaces?: string): Promise<void> {
  if (!ops.length) return browser.storage.local.set(values);
  const queued = ((await browser.storage.local.get(TEAM_OUTBOX_KEY))[TEAM_OUTBOX_KEY] as { kind?: string }[] | undefined) ?? [];
  const kept = replaces ? queued.filter((o) => o.kind !== replaces) : queued;
  await browser.storage.local.set({ ...values, [TEAM_OUTBOX_KEY]: [...kept, ...ops].slice(-5000) });
}

const withOps = (next: Allowlist, ops: AllowOp[]) => writeWithTeamOps({ [ALLOWLIST_KEY]: next }, ops);

const op = (o: Omit<AllowOp, 'v' | 'id' | 'at' | 'kind'>): AllowOp => ({ v: 1, id: crypto.randomUUID(), kind: 'allow', at: Date.now(), ...o });

export async function allow(decision: { commentKey?: string; words?: string[] }): Promise<Allowlist> {
  const current = await loadAllowlist();
  const words = (decision.words ?? []).map(normaliseWord).filter((w) => w && !current.words.includes(w));
  const comment = decision.commentKey && !current.comments.includes(decision.commentKey) ? decision.commentKey : null;
  const next: Allowlist = {
    comments: comment ? [...current.comments, comment] : current.comments,
    words: [...new Set([...current.words, ...words])],
  };
  await withOps(next, [...(comment ? [op({ op: 'add', list: 'comments', value: comment })] : []), ...[...new Set(words)].map((w) => op({ op: 'add', list: 'words', value: w }))]);
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
  await withOps(next, current[kind].includes(value) ? [op({ op: 'remove', list: kind, value })] : []);
  return next;
}
