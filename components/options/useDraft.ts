import { useReducer, useRef } from 'preact/hooks';

type Plain = Record<string, unknown>;
const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/**
 * The draft moved onto a newer stored value: what the user changed since `base` stays theirs, every
 * other field (nested objects field by field, lists whole) takes the newer value.
 */
export function rebase<T>(base: T, draft: T, latest: T): T {
  if (same(draft, base)) return latest;
  if (!isPlain(base) || !isPlain(draft) || !isPlain(latest)) return draft;
  const out: Plain = { ...latest };
  for (const key of Object.keys(draft)) out[key] = key in base ? rebase(base[key], draft[key], latest[key]) : draft[key];
  return out as T;
}

export interface Draft<T> {
  /** What the form shows (read at the time of the call, so handlers see the latest edit). */
  readonly value: T;
  /** An edit of the user's. */
  set(next: T): void;
  /** Drops the edits: the form follows the store again (after an import that replaces it all). */
  reset(): void;
  /** The form holds something the store does not. */
  readonly dirty: boolean;
}

/**
 * A form's draft of a stored value. The form is never rebuilt when the store changes, so its save
 * status and what the user typed survive; a change made elsewhere (another tab, an import, this
 * form's own save coming back) is taken in field by field where the user has not edited.
 */
export function useDraft<T>(stored: T): Draft<T> {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const key = JSON.stringify(stored);
  const state = useRef<{ base: T; baseKey: string; value: T } | null>(null);
  if (!state.current) state.current = { base: stored, baseKey: key, value: stored };
  const s = state.current;
  // Moving onto the new stored value during render: the same input gives the same draft, however often it runs.
  if (s.baseKey !== key) {
    s.value = rebase(s.base, s.value, stored);
    s.base = stored;
    s.baseKey = key;
  }
  return {
    get value() {
      return s.value;
    },
    set(next) {
      s.value = next;
      rerender(0);
    },
    reset() {
      s.value = s.base;
      rerender(0);
    },
    get dirty() {
      return JSON.stringify(s.value) !== s.baseKey;
    },
  };
}
