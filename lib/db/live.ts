import { signal, type ReadonlySignal } from '@preact/signals';
import { liveQuery } from 'dexie';

export interface Live<T> {
  value: ReadonlySignal<T>;
  error: ReadonlySignal<string | null>;
  stop(): void;
}

/** A Dexie liveQuery as a signal: the side panel re-renders when the stored data changes. */
export function liveSignal<T>(query: () => Promise<T>, initial: T): Live<T> {
  const value = signal(initial);
  const error = signal<string | null>(null);
  const subscription = liveQuery(query).subscribe({
    next: (v) => {
      value.value = v;
      error.value = null;
    },
    error: (e: unknown) => {
      error.value = e instanceof Error ? e.message : String(e);
    },
  });
  return { value, error, stop: () => subscription.unsubscribe() };
}
